"""The explorer in a real browser: Debian Chromium driven by Playwright."""
import pytest

pytestmark = pytest.mark.browser

CHARTS = ".js-plotly-plot"  # the in-place view (.losslab-plot) is one too
ALL_DRAWN = """() => { const g = [...document.querySelectorAll('%s')];
  return g.length === 5 && g.every(d => d._fullData && d._fullData.length > 0); }""" % CHARTS
# charts are found by their Streamlit key: chart(fig, key="contour") -> .st-key-contour
PATH_OF = """(key) => { const g = document.querySelector('.st-key-' + key + ' .js-plotly-plot');
  const path = g._fullData.find(t => t.name === 'path');
  return {x: Array.from(path.x), y: Array.from(path.y)}; }"""


def open_app(page, url):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(url)
    page.wait_for_function(ALL_DRAWN, timeout=60_000)


def test_page_loads_and_every_chart_renders(page, app_url, console_errors):
    open_app(page, app_url)
    titles = page.evaluate("""() => [...document.querySelectorAll('%s')]
        .map(d => d.layout.title.text.replace(/<[^>]+>/g, ''))""" % CHARTS)
    assert sorted(titles) == sorted(["Loss surface with the path", "Contour map with the path",
                                     "Loss against epoch", "Data and fitted line",
                                     "Cross-sections through the current point"])
    # the 3D surface really drew through WebGL
    assert page.locator(".st-key-surface .losslab-plot canvas").count() >= 1
    assert page.get_by_text("Converged").is_visible()
    path = page.evaluate(PATH_OF, "contour")
    assert abs(path["x"][0] - 0.4967) < 1e-3 and abs(path["y"][0] + 0.1383) < 1e-3
    assert console_errors == []


def test_moving_the_learning_rate_slider_changes_the_path(page, app_url, console_errors):
    open_app(page, app_url)
    before = page.evaluate(PATH_OF, "contour")
    slider = page.get_by_role("slider", name="Learning rate η")
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # 0.1 -> 0.15 (three steps up the log scale)
    page.wait_for_function(
        "(old) => { const p = (%s)('contour'); return p.x[1] !== old; }" % PATH_OF,
        arg=before["x"][1], timeout=30_000)
    after = page.evaluate(PATH_OF, "contour")
    assert after["x"][0] == pytest.approx(before["x"][0])  # same start
    assert after["x"][1] != pytest.approx(before["x"][1])  # a longer first step
    assert page.get_by_role("slider", name="Learning rate η").get_attribute("aria-valuetext") in (
        "0.15", None)
    page.wait_for_function(ALL_DRAWN)
    assert console_errors == []
