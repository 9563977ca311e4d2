"""Compare: several runs from the same start and batch order, one knob changed, raced."""

import streamlit as st

from ui import compare_controls, lab_page, link, page_style
from ui.comparison import render
from ui.text import t
from viz import theme

projector = bool(st.session_state.get("projector"))
page_style.apply(projector)
slots = lab_page.frame("compare_title", "compare_intro", projector=projector)
c = compare_controls.sidebar()
link.show_notices()
lab_page.share(slots.share, c.link)
style = theme.PROJECTOR if c.projector else theme.NORMAL
slots.status.info(
    t(f"compare_what.{c.kind}", limit=c.limit if c.limit is not None else float("nan"))
)
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
    bar_slot=slots.bar,
)
