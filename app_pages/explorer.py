"""Explorer: one run of gradient descent on the exact loss surface of any problem."""

import streamlit as st

from core import lab
from ui import cache, controls, lab_page, link, page_style
from ui import timeline as tl
from ui.charts import PLAIN
from ui.text import t
from ui.views import explorer_figures, log_axis, summary
from viz import theme

projector = bool(st.session_state.get("projector"))
page_style.apply(projector)
slots = lab_page.frame("explorer_title", "explorer_intro", projector=projector)
try:
    c = controls.explorer(cache.n_train, slots.strip)
    lab_page.hide_controls()
    problem = cache.problem(c.data, c.scaled)
    start = tuple(float(v) for v in lab.start_point(problem, c.run))
    window, grid = cache.loss_grid(c.data, c.scaled, start)
    traj = cache.trajectory(c.data, c.scaled, c.run)
except controls.NoData:
    link.show_notices()
    st.info(t("upload_wait"))
    st.stop()
except ValueError as err:
    link.show_notices()
    st.error(t("error_data", reason=err))
    st.stop()

style = theme.PROJECTOR if c.projector else theme.NORMAL
link.show_notices()
frames = cache.frames(c.data, c.scaled, c.run)
at = lab_page.position(traj, frames, page=("", "explorer"))
log_y = log_axis(c.log_y, traj)
# the figures mark the position the page opened at; the timeline moves the marks from there
# (fixed per run, so stopping at another update redraws no figure)
drawn = st.session_state.get("_timeline_drawn")
rev = tl.rev_of(frames)
if drawn is None or drawn[0] != rev:
    drawn = st.session_state["_timeline_drawn"] = (rev, at)
figs = explorer_figures(
    problem, window, grid, traj, c.run, log_y=log_y, style=style, at=None if PLAIN else drawn[1]
)
nums = summary(problem, traj, at)
lab_page.status(
    slots.status, problem, traj, c.run, nums, exit_at=figs["exit_at"], projector=c.projector
)
if not PLAIN:
    track = tl.track(
        problem,
        traj,
        frames,
        c.run,
        window,
        names=figs["names"],
        lift=figs["lift"],
        z_log=figs["z_log"],
        line_x=figs["line_x"],
        log_y=log_y,
        exit_at=figs["exit_at"],
        colour=style.path,
    )
    with slots.bar:
        moved = tl.bar(tl.bar_data([track], style=style, start=tl.start_index(frames, at)))
    lab_page.remember(moved, traj)
step = st.session_state.get(tl.STATE)
lab_page.share(
    slots.share,
    {**c.link, **({"step": str(step)} if step else {})},
    focused=True,
    run=(c.data, problem, c.run, traj),
)
lab_page.views(figs, rev=rev, style=style, projector=c.projector)
if "numbers" not in lab_page.hidden():
    lab_page.numbers(problem, traj, summary(problem, traj, step or 0))
