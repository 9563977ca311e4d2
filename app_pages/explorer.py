"""Explorer: one run of gradient descent on the exact loss surface of a line fit."""

import streamlit as st

from core import lab
from ui import cache, controls, link, page_style
from ui import timeline as tl
from ui.charts import PLAIN, chart
from ui.text import t
from ui.views import explorer_figures, summary
from viz import theme


def _n_train(data_spec) -> int:
    return cache.problem(data_spec, False).n_train


try:
    c = controls.sidebar(_n_train)
    problem = cache.problem(c.data, c.scaled)
except controls.NoData:
    st.title(t("explorer_title"))
    link.show_notices()
    st.info(t("upload_wait"))
    st.stop()
except ValueError as err:
    st.error(t("error_data", reason=err))
    st.stop()

page_style.apply(c.projector)
state = st.session_state
if not c.projector:
    st.title(t("explorer_title"))
    st.caption(t("explorer_intro"))
link.show_notices()

start = tuple(float(v) for v in lab.start_point(problem, c.run))
window, grid = cache.loss_grid(c.data, c.scaled, start)
try:
    traj = cache.trajectory(c.data, c.scaled, c.run)
except ValueError as err:
    st.error(t("error_run", reason=err))
    st.stop()

style = theme.PROJECTOR if c.projector else theme.NORMAL
frames = cache.frames(c.data, c.scaled, c.run)
# The timeline's position (link name ``step``) under a key of its own: the several-parameters
# page has a ``step`` slider, whose value must not move this page's timeline.
if tl.STATE not in state:
    state[tl.STATE] = state.get("step") if state.get("_link_page") in ("", "explorer") else None
position = state[tl.STATE]
if position is not None and position > traj.n_updates:
    if not state.get("_timeline_moved"):  # a link asked for more updates than this run has
        st.caption("⚠️ " + t("step_beyond", step=position, updates=traj.n_updates))
    position = state[tl.STATE] = None
rev = tl.rev_of(frames)
# Where the figures put the marks before the timeline's JavaScript runs: fixed per run, so that
# stopping at another update (which reruns the page for the link) redraws no figure.
drawn = state.get("_timeline_drawn")
if drawn is None or drawn[0] != rev:
    drawn = state["_timeline_drawn"] = (
        rev,
        int(frames.positions[tl.start_index(frames, position)]),
    )
at = drawn[1]
# plain st.plotly_chart (a debugging fallback) cannot follow a timeline: static figures there
figs = explorer_figures(
    problem, window, grid, traj, log_y=c.log_y, style=style, timeline=None if PLAIN else {"at": at}
)
nums = summary(problem, traj)

status_col, share_col = st.columns([5, 1], vertical_alignment="center")
with status_col:
    if traj.epochs < c.run.epochs:
        st.info(t("epochs_capped", epochs=traj.epochs, cap=lab.MAX_UPDATES))
    status = dict(
        k=traj.diverged_at or traj.converged_at or 0,
        updates=traj.n_updates,
        epochs=traj.epochs,
        kept=traj.n_updates,
        limit=nums["stable_lr"],
        lr=c.run.lr,
    )
    words = "short." if c.projector else "status."
    show = {"diverged": st.error, "converged": st.success, "completed": st.warning}[traj.status]
    show(t(words + traj.status, **status))
    if figs["exit_at"] is not None:
        b, w = traj.params[figs["exit_at"]]
        st.warning(
            t("short.left_window" if c.projector else "left_window", k=figs["exit_at"], b=b, w=w)
        )

moved_to = (
    None
    if PLAIN
    else tl.bar(
        tl.payload(
            problem,
            traj,
            frames,
            c.run,
            window,
            lift=figs["lift"],
            line_x=figs["line_x"],
            log_y=c.log_y,
            style=style,
            step=position,
            exit_at=figs["exit_at"],
        )
    )
)
if moved_to is not None:  # the user stopped the timeline somewhere: the link follows
    state[tl.STATE] = None if moved_to == tl.END else min(moved_to, traj.n_updates)
    state["_timeline_moved"] = True
step = state[tl.STATE]
with share_col:
    link.share_box(link.follow({**c.link, **({"step": str(step)} if step is not None else {})}))

left, right = st.columns(2)
for role, column in (("surface", left), ("contour", right), ("curve", left), ("data", right)):
    chart(
        figs[role],
        key=role,
        container=column,
        timeline=None if PLAIN else {"channel": tl.CHANNEL, "role": role, "rev": rev},
    )
if not PLAIN:
    cross_col, maths_col = st.columns([3, 2])
    chart(
        figs["cross"],
        key="cross",
        container=cross_col,
        timeline={"channel": tl.CHANNEL, "role": "cross", "rev": rev},
    )
    with maths_col:
        tl.maths(style)

cols = st.columns(4) + st.columns(4)
cols[0].metric(t("final_b"), f"{nums['b']:.4f}")
cols[1].metric(t("final_w"), f"{nums['w']:.4f}")
cols[2].metric(t("train_loss"), f"{nums['train_loss']:.5g}")
cols[3].metric(
    t("val_loss"), t("no_val") if nums["val_loss"] is None else f"{nums['val_loss']:.5g}"
)
cols[4].metric(t("distance"), f"{nums['distance']:.3g}")
cols[5].metric(t("stable_lr"), f"{nums['stable_lr']:.4g}", help=t("stable_lr_help"))
cols[6].metric(t("condition"), f"{nums['condition']:.3g}", help=t("condition_help"))
if c.scaled:
    st.caption(t("original_units", b=nums["original"][0], w=nums["original"][1]))
st.caption(t("optimum", b=nums["star"][0], w=nums["star"][1], loss=nums["loss_min"]))
