"""Lessons: ready-made comparisons, each one click and each a link."""

import streamlit as st

from core import lessons
from ui import controls, lab_page, link, page_style, params
from ui.comparison import render
from ui.text import t
from viz import theme

controls.init_state("lessons")
projector = bool(st.session_state.get("projector"))
page_style.apply(projector)
slots = lab_page.frame("lessons_title", "lessons_intro", projector=projector)
with st.sidebar:
    controls.language_ui()
    projector = controls.projector_ui()
    key = st.radio(
        t("lesson"),
        [lesson.key for lesson in lessons.LESSONS],
        key="lesson",
        persist_state="session",
        format_func=lambda k: t(f"lesson.{k}.title"),
    )
link.show_notices()
lab_page.share(
    slots.share,
    params.to_query({"lang": st.session_state["lang"], "projector": projector, "lesson": key}),
)
lesson = lessons.BY_KEY[key]
style = theme.PROJECTOR if projector else theme.NORMAL
slots.status.info(f"**{t(f'lesson.{key}.title')}**  \n{t(f'lesson.{key}.text')}")
render(lesson, style, page="lessons", projector=projector, bar_slot=slots.bar)
