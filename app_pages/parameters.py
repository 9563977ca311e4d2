"""Several parameters: the tutorials' own models (d2l's two features plus bias, the polynomial of
seed 003), seen through a 2D slice of the exact loss, with the run on one timeline."""

import streamlit as st

from core import lab, scenarios
from ui import cache, controls, lab_page, link, page_style, params, tutorial_views
from ui import timeline as tl
from ui.charts import PLAIN, SIZES, chart
from ui.text import t
from ui.views import loss_text
from viz import theme

STEP = "_params_step"  # this page's timeline position (link name ``step``)
CHANNEL = "params"


def _load_recipe() -> None:
    r = scenarios.RECIPES[st.session_state["model"]]()
    st.session_state.update(lr=r.lr, epochs=r.epochs, axes=[1, 2] if r.key == "d2l" else [0, 1])
    st.session_state[STEP] = None


controls.init_state("parameters")
state = st.session_state
projector = bool(state.get("projector"))
page_style.apply(projector)
slots = lab_page.frame("params_title", "params_what", projector=projector)
with st.sidebar:
    controls.language_ui()
    projector = controls.projector_ui()
key = slots.strip.radio(
    t("problem"),
    ("d2l", "poly"),
    key="model",
    persist_state="session",
    on_change=_load_recipe,
    horizontal=True,
    format_func=lambda k: t(f"model.{k}"),
)
r = scenarios.RECIPES[key]()
if state.get("_recipe_loaded") != key:  # first visit: the tutorial's own settings
    state["_recipe_loaded"] = key
    if "lr" not in st.query_params:
        state["lr"] = r.lr
    if "epochs" not in st.query_params:
        state["epochs"] = r.epochs
names = list(r.names)
c1, c2, c3 = slots.strip.columns([4, 3, 3], vertical_alignment="bottom")
lr = controls.lr_ui(c1)
axes = [a for a in (state.get("axes") or [1, 2]) if a < len(names)][:2]
state["axes"] = axes if len(axes) == 2 else [0, 1]
axes = c2.multiselect(
    t("axes"),
    range(len(names)),
    key="axes",
    persist_state="session",
    max_selections=2,
    format_func=lambda i: names[i],
)
hold = c3.radio(
    t("hold"),
    ("current", "optimum"),
    key="hold",
    persist_state="session",
    format_func=lambda h: t(f"hold.{h}"),
)
with st.sidebar:
    epochs = st.slider(t("epochs"), 1, lab.MAX_EPOCHS, key="epochs", persist_state="session")
    seed = st.number_input(
        t("seed"), 0, params.SEED_MAX, key="seed", persist_state="session", step=1
    )
    early = st.toggle(
        t("early_stop"),
        value=r.stop_below is not None,
        key="early",
        persist_state="session",
        disabled=r.stop_below is None,
        help=t("early_stop_help"),
    )
style = theme.PROJECTOR if projector else theme.NORMAL
link.show_notices()
slots.status.info(t(f"model_intro.{key}", tutorial_lr=r.tutorial_lr, lr=r.lr))

problem = cache.recipe_problem(key)
spec = lab.RunSpec(
    lr=float(lr),
    batch_size=r.batch_size,
    epochs=int(epochs),
    shuffle=r.shuffle,
    seed=int(seed),
    start=tuple(float(v) for v in r.theta0),
    stop_below=r.stop_below if early else None,
)
traj = cache.recipe_trajectory(key, spec)
frames = cache.recipe_frames(key, spec)
if STEP not in state:
    state[STEP] = state.get("step") if state.get("_link_page") == "parameters" else None
step = min(int(state[STEP] or 0), traj.n_updates)
query = {
    "lang": state["lang"],
    "projector": projector,
    "model": key,
    "lr": float(lr),
    "epochs": int(epochs),
    "seed": int(seed),
    "axes": tuple(axes),
    "hold": hold,
    "step": step or None,
}
if len(axes) != 2:
    lab_page.share(slots.share, params.to_query(query))
    st.warning(t("pick_two"))
    st.stop()

i, j = axes
figs = tutorial_views.slice_figures(problem, traj, step, (i, j), hold, style, plain=PLAIN)
window, held = figs["window"], figs["held"]
star = problem.q_train.theta_star

rev = tl.rev_of(frames)
if not PLAIN:
    track = tl.track(
        problem,
        traj,
        frames,
        spec,
        window,
        names=names,
        lift=0.0,
        z_log=None,
        line_x=None,
        log_y=True,
        axes=(i, j),
        colour=style.path,
    )
    with slots.bar:
        moved = tl.bar(
            tl.bar_data([track], style=style, channel=CHANNEL, start=tl.start_index(frames, step)),
            key="params_timeline",
        )
    if moved is not None:
        state[STEP] = min(max(moved, 0), traj.n_updates)
        query["step"] = state[STEP] or None
lab_page.share(slots.share, params.to_query(query))

size = SIZES["projector" if projector else "normal"]
spec_of = (
    (lambda role: None)
    if PLAIN
    else (lambda role: {"channel": CHANNEL, "role": role, "rev": rev, "track": 0})
)
top = st.columns([5, 5, 3])
chart(figs["contour"], key="slice", container=top[0], timeline=spec_of("contour"), size=size)
chart(figs["cross"], key="cross", container=top[1], timeline=spec_of("cross"), size=size)
if not PLAIN:
    with top[2]:
        tl.maths(style, channel=CHANNEL, key="params_timeline")
others = [n for m, n in enumerate(names) if m not in (i, j)]
st.caption(t(f"held.{hold}", held=held, step=step) if others else t("held.none"))
bottom = st.columns([5, 5, 3])
chart(figs["curve"], key="curve", container=bottom[0], timeline=spec_of("curve"), size=size)

final = traj.params[-1]
with bottom[1]:
    st.dataframe(
        [
            {
                t("col.parameter"): n,
                t("col.true"): f"{r.theta_true[m]:.4f}",
                t("col.estimate"): f"{final[m]:.6f}",
                t("col.error"): f"{r.theta_true[m] - final[m]:+.6f}",
                t("col.optimum"): f"{star[m]:.6f}",
            }
            for m, n in enumerate(names)
        ],
        hide_index=True,
        width="stretch",
    )
with bottom[2]:
    st.metric(t("loss_end"), loss_text(traj.train_loss[-1], traj.train_loss[0], 6))
    if key == "d2l":
        st.metric(t("half_loss"), f"{traj.train_loss[-1] / 2:.6g}", help=t("half_loss_help"))
    else:  # seed 003 prints the mean of each sample's loss, taken before its own update
        last = traj.batch_loss[-traj.updates_per_epoch :]
        st.metric(t("epoch_loss"), f"{last.mean():.6g}", help=t("epoch_loss_help"))
    st.metric(t("updates"), f"{traj.n_updates:,}")
if traj.stopped_after_epoch:
    st.success(t("stopped_early", epoch=traj.stopped_after_epoch))
