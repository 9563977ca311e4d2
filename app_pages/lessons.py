"""Lessons: ready-made comparisons, each one click and each a link."""
import streamlit as st

from core import lessons
from ui import controls, link, page_style
from ui.comparison import compute, contours, explorer_query, loss_chart, table
from ui.text import t
from viz import theme

controls.init_state()
with st.sidebar:
    controls.language_ui()
    projector = controls.projector_ui()
    key = st.radio(t("lesson"), [lesson.key for lesson in lessons.LESSONS], key="lesson",
                   format_func=lambda k: t(f"lesson.{k}.title"))
page_style.apply(projector)
lang = st.session_state["lang"]
share_url = link.follow({k: v for k, v in {"lang": lang, "projector": "1" if projector else None,
                                            "lesson": key}.items()
                         if v is not None and not (k == "lang" and v == "en")})
lesson = lessons.BY_KEY[key]
style = theme.PROJECTOR if projector else theme.NORMAL

if not projector:
    st.title(t("lessons_title"))
link.show_notices()
head, share = st.columns([5, 1], vertical_alignment="center")
head.info(f"**{t(f'lesson.{key}.title')}**  \n{t(f'lesson.{key}.text')}")
with share:
    link.share_box(share_url)

runs = compute(lesson)
contour_figs = contours(lesson, runs, style)
curve = loss_chart(lesson, runs, style)
if len(contour_figs) == 1:
    left, right = st.columns(2)
    left.plotly_chart(contour_figs[0], theme=None, key="contour")
    right.plotly_chart(curve, theme=None, key="curve")
else:
    cols = st.columns(len(contour_figs))
    for i, (col, fig) in enumerate(zip(cols, contour_figs)):
        col.plotly_chart(fig, theme=None, key=f"contour{i}")
    st.plotly_chart(curve, theme=None, key="curve")

st.subheader(t("runs"))
st.dataframe(table(runs), hide_index=True, width="stretch")
base = (st.context.url or "").split("?")[0].rsplit("/lessons", 1)[0].rstrip("/") + "/"
cols = st.columns(len(runs))
for col, run in zip(cols, runs):
    url = base + "?" + explorer_query(run, lang=lang, projector=projector)
    col.link_button(f"↗ {run['name']}", url, help=t("open_explorer"), width="stretch")
