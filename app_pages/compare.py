"""Compare: several runs from the same start and batch order, one knob changed."""
import streamlit as st

from ui import compare_controls, link, page_style
from ui.comparison import compute, contours, explorer_query, loss_chart, multiples, table
from ui.text import t
from viz import theme

c = compare_controls.sidebar()
page_style.apply(c.projector)
share_url = link.follow(c.link)
style = theme.PROJECTOR if c.projector else theme.NORMAL
if not c.projector:
    st.title(t("compare_title"))
link.show_notices()
head, share = st.columns([5, 1], vertical_alignment="center")
head.info(t(f"compare_intro.{c.kind}", limit=c.limit))
with share:
    link.share_box(share_url)
if not c.lesson.variants:
    st.warning(t("need_two"))
    st.stop()

runs = compute(c.lesson)
contour_figs = contours(c.lesson, runs, style, epoch_points=c.epoch_points)
curve = loss_chart(c.lesson, runs, style, x_axis=c.x_axis)
if len(contour_figs) == 1:
    left, right = st.columns(2)
    left.plotly_chart(contour_figs[0], theme=None, key="contour")
    right.plotly_chart(curve, theme=None, key="curve")
else:
    cols = st.columns(len(contour_figs))
    for i, (col, fig) in enumerate(zip(cols, contour_figs)):
        col.plotly_chart(fig, theme=None, key=f"contour{i}")
    st.plotly_chart(curve, theme=None, key="curve")
if c.kind == "lr" and len(runs) > 1:
    st.plotly_chart(multiples(runs, style, epoch_points=c.epoch_points), theme=None,
                    key="multiples")

st.subheader(t("runs"))
st.dataframe(table(runs), hide_index=True, width="stretch")
base = (st.context.url or "").split("?")[0].rsplit("/compare", 1)[0].rstrip("/") + "/"
lang = st.session_state["lang"]
cols = st.columns(len(runs))
for col, run in zip(cols, runs):
    url = base + "?" + explorer_query(run, lang=lang, projector=c.projector)
    col.link_button(f"↗ {run['name']}", url, help=t("open_explorer"), width="stretch")
