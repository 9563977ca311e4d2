"""A small neural network: slices of its loss, a surface with hundreds of dimensions."""

import streamlit as st

from core import netlab
from ui import cache, controls, lab_page, link, network_controls, page_style, params
from ui.charts import SIZES, chart
from ui.network_views import figures, pair_figures, shape_text
from ui.text import t
from ui.views import log_axis
from viz import theme

projector = bool(st.session_state.get("projector"))
page_style.apply(projector)
slots = lab_page.frame("net.title", "net.intro", projector=projector)
try:
    c = network_controls.sidebar_and_strip(slots.strip, network_controls.n_train_of)
    problem = cache.net_problem_of(c.spec)
    traj = cache.net_run_of(c.spec)
    views = cache.net_views_of(c.spec, c.dirs)
except controls.NoData:
    link.show_notices()
    st.stop()
except ValueError as err:
    link.show_notices()
    st.error(t("error_data", reason=err))
    st.stop()

style = theme.PROJECTOR if c.projector else theme.NORMAL
link.show_notices()
done = int(traj.epoch_updates.size - 1)
epoch = network_controls.settle_epoch(done)
query = {**c.state, "at": epoch if epoch < done else None}
lab_page.share(slots.share, params.to_query(query))

p, n = problem.p, problem.n_train
with slots.status:
    words = t("net.status", shape=shape_text(c.spec), p=f"{p:,}", n=n, k=f"{traj.n_updates:,}")
    if traj.status == "diverged":
        st.error(words + " " + t("net.diverged", k=traj.diverged_at))
    else:
        st.info(words)
    capped = netlab.max_epochs(c.spec, n)
    if c.spec.epochs > capped:
        st.caption(t("net.capped", epochs=capped, cap=netlab.max_updates(c.spec, n)))
    if problem.subsampled:
        st.caption(t("net.subsampled", n=n, total=problem.data.x_train.size))

size = SIZES["projector" if c.projector else "normal"]
pair = None
if c.pair != "none":
    runs = []
    for name, spec in network_controls.partner(c.spec, c.pair, n):
        runs.append((name, cache.net_run_of(spec), cache.net_views_of(spec, c.dirs)))
    pair = pair_figures(runs, style=style)


def row(figs, *roles):
    for role, column in zip(roles, st.columns(len(roles)), strict=True):
        chart(figs[role], key="net_" + role, container=column, size=size)


def views_at_epoch():
    """The epoch bar and the views (a fragment: a play reruns only this)."""
    at = network_controls.epoch_bar(done)
    figs = figures(problem, traj, views, epoch=at, log_y=log_axis(None, traj), style=style)
    row(figs, "slice3d", "slice")
    st.caption(t("net.what_a_slice_shows", p=f"{p:,}"))
    row(figs, "pca", "line")
    row(figs, "curve", "fit")
    if pair is not None:
        st.subheader(t(f"net.pair_head.{c.pair}"))
        row(pair, "pair", "pair_line")
        st.caption(t(f"net.pair_note.{c.pair}") + " " + t("net.width_note"))
    network_controls.after_views()


tick = network_controls.PLAY_TICK if network_controls.playing() else None
st.fragment(views_at_epoch, run_every=tick)()
