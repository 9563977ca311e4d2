"""Links, projector mode and Chinese in a real browser."""

from urllib.parse import parse_qs, urlparse

import pytest

from tests.e2e.server import streamlit_server
from tests.e2e.test_explorer_browser import ALL_DRAWN, PATH_OF
from tests.test_text import HALF_WIDTH_NEXT_TO_CJK

pytestmark = pytest.mark.browser

FULL_LINK = (
    "scenario=synthetic&n=400&noise=0.25&true_w=-2.5&true_b=3.0&x_min=-5.0&x_max=5.0"
    "&val=0.25&lr=0.012&batch=16&epochs=40&scaling=standard&b0=1.25&w0=-3.5&seed=7"
    "&shuffle=0&log=1&train_b=1"
)
METRICS = (
    "() => [...document.querySelectorAll('[data-testid=stMetricValue]')].map(e => e.innerText)"
)


def wait_drawn(page, n=5):
    page.wait_for_function(ALL_DRAWN.replace(">= 5", f">= {n}"), timeout=60_000)


def slider_text(page, name):
    return page.get_by_role("slider", name=name).get_attribute("aria-valuetext")


def open_sidebar(page):
    """The sidebar (more settings) starts closed: open it as a user does, with its button."""
    button = page.get_by_test_id("stExpandSidebarButton")
    if button.count() and button.is_visible():
        button.click()
        page.get_by_test_id("stSidebar").wait_for(state="visible")
        page.wait_for_timeout(400)


def test_a_link_with_every_parameter_restores_widgets_path_and_numbers(browser, app_url):
    seen = []
    for _ in range(2):  # two fresh browser contexts: two sessions that share nothing
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(f"{app_url}/?{FULL_LINK}")
        wait_drawn(page)
        open_sidebar(page)
        assert slider_text(page, "Learning rate η") == "0.012"
        assert slider_text(page, "Batch size") == "16 · mini-batch"
        assert slider_text(page, "Epochs") == "40"
        assert slider_text(page, "Number of points N") == "400"
        assert slider_text(page, "Start b") == "1.25"
        assert page.get_by_role("spinbutton", name="Seed").input_value() == "7"
        assert page.get_by_role("radio", name="standardise").is_checked()
        assert not page.get_by_role("switch", name="Reshuffle every epoch").is_checked()
        assert page.get_by_text("Part of the link").count() == 0
        path = page.evaluate(PATH_OF, "contour")
        assert path["x"][0] == pytest.approx(1.25) and path["y"][0] == pytest.approx(-3.5)
        seen.append((path, page.evaluate(METRICS)))
        # the URL now holds the canonical link: the same values, defaults (train_b=1) left out
        canonical = {k: v for k, v in parse_qs(FULL_LINK).items() if k != "train_b"}
        assert parse_qs(urlparse(page.url).query) == canonical
        context.close()
    assert seen[0] == seen[1]


def test_the_url_follows_a_slider(page, app_url):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_url)
    wait_drawn(page)
    page.get_by_role("slider", name="Learning rate η").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('lr=0.11')", timeout=30_000)
    open_sidebar(page)
    page.get_by_role("slider", name="Epochs").focus()
    page.keyboard.press("Home")
    page.wait_for_function("() => location.search.includes('epochs=1')", timeout=30_000)
    link = page.url
    fresh = page.context.new_page()
    fresh.goto(link)
    wait_drawn(fresh)
    assert slider_text(fresh, "Learning rate η") == "0.11"
    assert fresh.evaluate(PATH_OF, "contour") == page.evaluate(PATH_OF, "contour")


FONT_SIZES = """() => [...document.querySelectorAll('.losslab-plot')]
  .map(g => Math.min(...[...g.querySelectorAll(
    '.xtick text, .ytick text, .gtitle, .xtitle, .legendtext')]
  .map(e => parseFloat(getComputedStyle(e).fontSize))))"""


def test_projector_mode_makes_chart_text_big_and_fits_the_views_on_720p(page, app_url, tmp_path):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(app_url)
    wait_drawn(page)
    assert min(page.evaluate(FONT_SIZES)) < 18
    open_sidebar(page)
    page.get_by_text("Projector mode").click()
    page.wait_for_function("() => location.search.includes('projector=1')", timeout=30_000)
    page.wait_for_function(
        """() => [...document.querySelectorAll('.js-plotly-plot')]
        .every(g => g._fullLayout && g._fullLayout.font.size >= 18)""",
        timeout=30_000,
    )
    wait_drawn(page)
    assert min(page.evaluate(FONT_SIZES)) >= 18
    bottoms = page.evaluate("""() => ['surface', 'contour', 'curve', 'data', 'timeline']
        .map(k => document.querySelector('.st-key-' + k).getBoundingClientRect().bottom)""")
    # the four views and the timeline above them without scrolling (the cross-sections are
    # below); the maths panel beside them
    assert max(bottoms) <= 720
    page.screenshot(path=str(tmp_path / "projector.png"))


def test_chinese_labels(page, app_url):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/?lang=zh")
    wait_drawn(page)
    assert page.get_by_role("slider", name="学习率 η").count() == 1
    assert page.get_by_text("在真实的损失曲面上看梯度下降").is_visible()
    titles = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')]
        .map(d => d.layout.title.text.replace(/<[^>]+>/g, ''))""")
    assert "等高线图：路径、−∇L 和这一步" in titles
    assert slider_text(page, "批量大小") == "80 · 全批量"
    # what the page and its components wrote (the maths panel, the bar, the status) follows
    # Chinese punctuation too, not only the strings of ui/texts/zh.py
    shown = page.evaluate("() => document.querySelector('[data-testid=stMain]').innerText")
    assert "已完成" in shown  # the maths panel is in it
    assert HALF_WIDTH_NEXT_TO_CJK.findall(shown) == []


def test_a_deep_lesson_link_is_the_first_request_to_a_fresh_server(browser):
    with streamlit_server() as url:  # nothing has run on this server yet
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/lessons?lesson=bad_feature&lang=zh")
        wait_drawn(page, 3)
        assert page.get_by_text("尺度不好的特征").first.is_visible()
        open_sidebar(page)
        assert page.get_by_role(
            "radio", name="尺度不好的特征：x × 10 与标准化（书中示例）"
        ).is_checked()


def test_a_focused_link_shows_only_what_it_keeps(page, app_url):
    """hide=scenario,batch,opt,cross,maths: the learning rate, the four views and the bar; the
    hidden controls' columns go with them, the link's batch size still drives the run."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{app_url}/?batch=16&hide=scenario,batch,opt,cross,maths")
    page.wait_for_function(
        """() => { const g = [...document.querySelectorAll('.js-plotly-plot')];
          return g.length === 4 && g.every(d => d._fullData && d._fullData.length); }""",
        timeout=90_000,
    )
    visible = page.evaluate(
        """() => Object.fromEntries(['scenario', 'lr', 'batch', 'opt', 'cross', 'contour']
          .map(k => { const el = document.querySelector('.st-key-' + k);
            return [k, !!el && el.getBoundingClientRect().width > 0]; }))"""
    )
    assert visible == {
        "scenario": False, "lr": True, "batch": False, "opt": False, "cross": False,
        "contour": True,
    }  # fmt: skip
    assert page.locator(".ll-maths").count() == 0
    # the learning rate's column takes the strip: no empty columns left where the others were
    lr = page.locator(".st-key-lr").bounding_box()
    strip = page.locator(".st-key-strip").bounding_box()
    assert lr["width"] > 0.8 * strip["width"]
    # the run is the link's: mini-batches of 16 (its loss curve has a mini-batch trace)
    names = page.evaluate(
        "() => document.querySelector('.st-key-curve .js-plotly-plot')._fullData.map(t => t.name)"
    )
    assert "mini-batch loss" in names


def test_the_lab_works_inside_an_iframe_of_a_course_page(page, app_url):
    """?embed=true with a focused link in an iframe, as README shows: it draws and it plays."""
    page.set_viewport_size({"width": 1300, "height": 1000})
    page.set_content(
        "<html><body><h1>Week 3: the learning rate</h1>"
        f'<iframe src="{app_url}/?embed=true&hide=batch,opt&lr=0.2" width="1240" height="900"'
        ' style="border:0"></iframe></body></html>'
    )
    frame = next(f for f in page.frames if f.url.startswith(app_url))
    frame.wait_for_function(
        """() => { const g = [...document.querySelectorAll('.js-plotly-plot')];
          return g.length >= 4 && g.every(d => d._fullData && d._fullData.length); }""",
        timeout=90_000,
    )
    assert frame.locator(".st-key-batch").bounding_box() is None  # hidden in the embed too
    frame.locator(".ll-play").click()
    frame.wait_for_function(
        "() => Number(document.querySelector('.ll-bar').dataset.k) > 0", timeout=30_000
    )
