"""Compare: several runs from the same start and batch order, one knob changed."""

import streamlit as st

from ui import compare_controls, link, page_style
from ui.comparison import render
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

render(
    c.lesson,
    style,
    page="compare",
    projector=c.projector,
    epoch_points=c.epoch_points,
    x_axis=c.x_axis,
    small_multiples=c.kind == "lr",
)
