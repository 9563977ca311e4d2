"""Compare and Lessons in a real browser."""

import pytest

from tests.e2e.test_explorer_browser import CHARTS

pytestmark = pytest.mark.browser

DRAWN = (
    """(n) => { const g = [...document.querySelectorAll('%s')];
  return g.length === n && g.every(d => d._fullData && d._fullData.length > 0); }"""
    % CHARTS
)
TRACE_NAMES = """() => [...document.querySelectorAll('.st-key-contour0 .js-plotly-plot')]
  .flatMap(g => g._fullData.map(t => t.name))"""


def test_compare_page_draws_each_comparison(page, app_url, console_errors, tmp_path):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/compare")
    page.wait_for_function(DRAWN, arg=3, timeout=60_000)  # contour, loss, small multiples
    names = page.evaluate(TRACE_NAMES)
    assert {"η = 0.015", "η = 0.4", "η = 0.8", "η = 1"} <= set(names)
    from tests.e2e.test_links_browser import open_sidebar

    open_sidebar(page)
    page.get_by_text("optimizers", exact=True).click()
    page.wait_for_function("() => location.search.includes('compare=optimizer')", timeout=30_000)
    page.wait_for_function(DRAWN, arg=2, timeout=60_000)
    page.wait_for_function("() => (%s)().includes('Adam')" % TRACE_NAMES, timeout=30_000)
    assert page.get_by_role("link", name="↗ Adam").count() == 1
    page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)
    assert console_errors == []


def test_switching_pages_keeps_the_settings(page, app_url):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/?lr=0.2&epochs=50")
    page.wait_for_function(DRAWN, arg=5, timeout=60_000)  # the explorer: 4 views + cross-sections
    from tests.e2e.test_links_browser import open_sidebar

    open_sidebar(page)
    page.get_by_test_id("stSidebarNavItems").get_by_role("link", name="Compare").click()
    page.wait_for_function(DRAWN, arg=3, timeout=60_000)
    assert page.get_by_role("slider", name="Epochs").get_attribute("aria-valuetext") == "50"
    open_sidebar(page)
    page.get_by_test_id("stSidebarNavItems").get_by_role("link", name="Explorer").click()
    page.wait_for_function(DRAWN, arg=5, timeout=60_000)  # the explorer: 4 views + cross-sections
    assert (
        page.get_by_role("slider", name="Learning rate η").get_attribute("aria-valuetext") == "0.2"
    )
    assert "epochs=50" in page.url


@pytest.mark.parametrize("path,charts", [("one_weight", 2), ("parameters", 3)])
def test_tutorial_pages_render(page, app_url, console_errors, path, charts, tmp_path):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/{path}")
    page.wait_for_function(DRAWN, arg=charts, timeout=60_000)
    page.screenshot(path=str(tmp_path / f"{path}.png"), full_page=True)
    assert console_errors == []


@pytest.mark.parametrize(
    "path,charts",
    [("one_weight", 2), ("parameters", 3), ("compare", 3), ("lessons", 2), ("network", 6)],
)
def test_every_page_in_chinese_follows_chinese_punctuation(page, app_url, path, charts):
    """What each page and its components write in Chinese (the maths panel, the bar, the
    status, the tables), not only the strings of ui/texts/zh.py."""
    from tests.test_text import HALF_WIDTH_NEXT_TO_CJK

    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/{path}?lang=zh")
    page.wait_for_function(DRAWN.replace("===", ">="), arg=charts, timeout=60_000)
    page.wait_for_timeout(1000)
    shown = page.evaluate("() => document.querySelector('[data-testid=stMain]').innerText")
    assert HALF_WIDTH_NEXT_TO_CJK.findall(shown) == []
