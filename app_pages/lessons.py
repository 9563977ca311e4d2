"""Lessons: ready-made comparisons, each one click and each a link."""

import streamlit as st

from core import lessons
from ui import controls, link, page_style, params
from ui.comparison import render
from ui.text import t
from viz import theme

controls.init_state()
with st.sidebar:
    controls.language_ui()
    projector = controls.projector_ui()
    key = st.radio(
        t("lesson"),
        [lesson.key for lesson in lessons.LESSONS],
        key="lesson",
        format_func=lambda k: t(f"lesson.{k}.title"),
    )
page_style.apply(projector)
share_url = link.follow(
    params.to_query({"lang": st.session_state["lang"], "projector": projector, "lesson": key})
)
lesson = lessons.BY_KEY[key]
style = theme.PROJECTOR if projector else theme.NORMAL

if not projector:
    st.title(t("lessons_title"))
link.show_notices()
head, share = st.columns([5, 1], vertical_alignment="center")
head.info(f"**{t(f'lesson.{key}.title')}**  \n{t(f'lesson.{key}.text')}")
with share:
    link.share_box(share_url)

render(lesson, style, page="lessons", projector=projector)
