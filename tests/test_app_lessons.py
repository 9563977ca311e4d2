from urllib.parse import parse_qsl

import pytest

from core import lessons
from tests.apptest_util import charts, fresh_app


def lessons_app(**query):
    at = fresh_app(**query)
    return at.switch_page("app_pages/lessons.py").run()


@pytest.mark.parametrize("lesson", lessons.LESSONS, ids=lambda lesson: lesson.key)
def test_every_lesson_page_runs_and_links_each_run_to_the_explorer(lesson):
    at = lessons_app(lesson=lesson.key)
    assert not at.exception
    assert at.radio(key="lesson").value == lesson.key
    assert len(charts(at)) == (2 if lesson.shared_surface else len(lesson.variants) + 1)
    rows = at.dataframe[0].value
    assert len(rows) == len(lesson.variants)
    buttons = at.get("link_button")
    assert len(buttons) == len(lesson.variants)
    for button, variant, (_, row) in zip(buttons, lesson.variants, rows.iterrows(), strict=True):
        query = dict(parse_qsl(button.proto.url.split("?", 1)[1]))
        explorer = fresh_app(**query)
        assert not explorer.exception
        assert not any("Part of the link" in c.value for c in explorer.caption)
        metrics = {m.label: m.value for m in explorer.metric}
        if not variant.scaled:  # same run, same numbers
            names = (
                ("x", "y")
                if variant.data.is_function
                else (("w1", "w2") if variant.data.model == "neuron" else ("b", "w"))
            )
            for name in names:
                assert metrics[f"{name} at the end"] == row[f"{name} at the end"]


def test_lesson_in_chinese():
    # (AppTest formats option labels outside the script run when it switches pages, so the
    # language is switched on the lessons page itself; zh links are tested in the browser)
    at = lessons_app(lesson="noise_floor")
    at.selectbox(key="lang").set_value("zh").run()
    assert not at.exception
    assert "为什么损失降不到 0" in at.info[0].value
    assert dict(at.query_params) == {"lang": "zh", "lesson": "noise_floor"}
