"""What a new user meets in a real browser: click or tap to start, the exact loss under the
pointer, a phone's swipe that scrolls, the projector's one screen, a held arrow key."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from playwright.async_api import async_playwright

from core import lab
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS
from tests.e2e.test_explorer_browser import ALL_DRAWN, PATH_OF
from ui.text import EN

pytestmark = pytest.mark.browser

# the screen point of data coordinates (x, y) on a 2D chart
SCREEN_OF = """([key, x, y]) => {
  const g = document.querySelector('.st-key-' + key + ' .js-plotly-plot');
  const xa = g._fullLayout.xaxis, ya = g._fullLayout.yaxis, bb = g.getBoundingClientRect();
  return [bb.left + xa._offset + xa.c2p(x), bb.top + ya._offset + ya.c2p(y)]; }"""
START_3D = """() => { const g = document.querySelector('.st-key-surface .js-plotly-plot');
  const s = g._fullData.find(t => t.name === 'start'); return [s.x[0], s.y[0]]; }"""
EYE = """() => { const e = document.querySelector('.st-key-surface .js-plotly-plot')
  ._fullLayout.scene.camera.eye; return [e.x, e.y, e.z]; }"""
SCROLL = "() => document.querySelector('[data-testid=stMain]').scrollTop"


def book_mse(b: float, w: float) -> float:
    """The book's training loss at (b, w), straight from its raw rows."""
    data = lab.make_dataset(lab.DataSpec())
    return float(np.mean((b + w * data.x_train - data.y_train) ** 2))


def query_of(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def open_at(page, url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url)
    page.wait_for_function(ALL_DRAWN, timeout=90_000)
    page.wait_for_timeout(500)


def test_clicking_the_contour_starts_the_run_there(page, app_url, console_errors):
    open_at(page, app_url, 1400, 900)
    x, y = page.evaluate(SCREEN_OF, ["contour", 3.0, 4.0])
    page.mouse.click(x, y)
    page.wait_for_function("() => location.search.includes('b0=')", timeout=30_000)
    q = query_of(page)
    assert (float(q["b0"]), float(q["w0"])) == pytest.approx((3.0, 4.0), abs=0.02)
    page.wait_for_function(
        "() => { const s = (%s)(); return Math.abs(s[0] - %s) < 1e-9; }" % (START_3D, q["b0"]),
        timeout=30_000,
    )
    # the 3D start marker, the drawn path and the start sliders all moved to the clicked point
    assert page.evaluate(START_3D) == pytest.approx([float(q["b0"]), float(q["w0"])], abs=1e-9)
    path = page.evaluate(PATH_OF, "contour")
    assert (path["x"][0], path["y"][0]) == pytest.approx((float(q["b0"]), float(q["w0"])))
    assert not console_errors


def test_hovering_the_contour_reads_the_exact_mse(page, app_url, console_errors):
    open_at(page, app_url, 1400, 900)
    for b, w in ((0.0, 0.0), (2.5, -0.5), (1.0, 2.0)):
        x, y = page.evaluate(SCREEN_OF, ["contour", b, w])
        page.mouse.move(x, y)
        readout = page.locator(".st-key-contour .ll-readout")
        readout.wait_for(state="visible", timeout=10_000)
        theta = [float(v) for v in readout.get_attribute("data-theta").strip("[]").split(",")]
        assert theta == pytest.approx([b, w], abs=0.05)  # the pixel under the pointer
        loss = float(readout.get_attribute("data-loss"))
        assert loss == pytest.approx(book_mse(*theta), rel=1e-12)
        assert "MSE = " in readout.inner_text()
    assert not console_errors


def test_the_3d_surface_reads_the_exact_mse_and_a_click_starts_there(page, app_url):
    open_at(page, app_url, 1400, 900)
    box = page.locator(".st-key-surface .js-plotly-plot").bounding_box()
    x, y = box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.6
    page.mouse.move(x - 20, y - 20, steps=4)
    page.mouse.move(x, y, steps=4)
    readout = page.locator(".st-key-surface .ll-readout")
    readout.wait_for(state="visible", timeout=10_000)
    theta = [float(v) for v in readout.get_attribute("data-theta").strip("[]").split(",")]
    assert float(readout.get_attribute("data-loss")) == pytest.approx(book_mse(*theta), rel=1e-12)
    page.mouse.click(x, y)  # a quick click, as a mouse gives it
    page.wait_for_function("() => location.search.includes('b0=')", timeout=30_000)
    q = query_of(page)
    assert (float(q["b0"]), float(q["w0"])) == pytest.approx(theta, abs=0.006)
    page.wait_for_function(
        """(b) => { const g = document.querySelector('.st-key-contour .js-plotly-plot');
        const s = g._fullData.find(t => t.name === 'start');
        return Math.abs(s.x[0] - b) < 1e-9; }""",
        arg=float(q["b0"]),
        timeout=30_000,
    )


def swipe_up(cdp, x: float, y: float, distance: float = 300) -> None:
    """A finger's swipe as the touch events a phone sends (this Chromium does not scroll for
    ``Input.synthesizeScrollGesture`` with a touch source, even on a plain page)."""
    point = {"x": round(x), "y": round(y)}
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]})
    for i in range(1, 16):
        step = {"x": point["x"], "y": round(y - distance * i / 15)}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [step]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_on_a_phone_a_swipe_over_a_chart_scrolls_and_a_tap_sets_the_start(browser, app_url):
    ctx = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = ctx.new_page()
    try:
        page.goto(app_url)
        page.wait_for_function(ALL_DRAWN, timeout=90_000)
        page.wait_for_timeout(800)
        # the first screen shows the learning rate, play and a chart
        first = page.evaluate(
            """() => ['strip', 'contour'].map(k => document.querySelector('.st-key-' + k)
            .getBoundingClientRect().top)"""
        )
        assert max(first) < 844
        assert page.get_by_role("slider", name="Learning rate η").is_visible()
        eye = page.evaluate(EYE)
        surface = page.locator(".st-key-surface").bounding_box()
        page.locator(".st-key-surface").scroll_into_view_if_needed()
        before = page.evaluate(SCROLL)
        surface = page.locator(".st-key-surface").bounding_box()
        swipe_up(
            ctx.new_cdp_session(page),
            surface["x"] + surface["width"] / 2,
            min(surface["y"] + surface["height"] / 2, 700),
        )
        page.wait_for_timeout(800)
        assert page.evaluate(SCROLL) > before + 100  # the page scrolled
        assert page.evaluate(EYE) == pytest.approx(eye, abs=1e-9)  # the 3D view did not turn
        # a tap on the map starts the run there
        page.locator(".st-key-contour").scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        x, y = page.evaluate(SCREEN_OF, ["contour", 3.0, 4.0])
        page.touchscreen.tap(x, y)
        page.wait_for_function("() => location.search.includes('b0=')", timeout=30_000)
        q = query_of(page)
        assert (float(q["b0"]), float(q["w0"])) == pytest.approx((3.0, 4.0), abs=0.05)
    finally:
        ctx.close()


BOXES = """() => { const out = {};
  for (const k of ['contour', 'surface', 'curve', 'data', 'timeline_maths', 'timeline']) {
    const e = document.querySelector('.st-key-' + k);
    if (e) { const r = e.getBoundingClientRect();
      out[k] = [r.left, r.top, r.right, r.bottom]; } }
  return out; }"""
CLIPPED = """() => [...document.querySelectorAll(
  '.st-key-strip button, .st-key-strip label, .st-key-timeline button, .st-key-status p')]
  .filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)"""
SCALE = """() => { const g = document.querySelector('.st-key-contour .js-plotly-plot');
  const xa = g._fullLayout.xaxis, ya = g._fullLayout.yaxis;
  return [Math.abs(xa._m), Math.abs(ya._m)]; }"""


def _overlap(a, b) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_projector_puts_four_views_the_bar_and_the_maths_on_one_screen(page, app_url, size):
    width, height = size
    open_at(page, f"{app_url}/?projector=1", width, height)
    boxes = page.evaluate(BOXES)
    assert set(boxes) == {"contour", "surface", "curve", "data", "timeline_maths", "timeline"}
    for key, (left, top, right, bottom) in boxes.items():
        assert left >= 0 and top >= 0 and right <= width and bottom <= height, key
    keys = sorted(boxes)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            assert not _overlap(boxes[a], boxes[b]), (a, b)
    assert page.evaluate(CLIPPED) == []
    sx, sy = page.evaluate(SCALE)
    assert sx == pytest.approx(sy, rel=0.01)  # equal pixels per unit: -grad L looks normal
    if width == 1920:  # the charts use the larger screen
        assert boxes["contour"][3] - boxes["contour"][1] > 380


def test_clicking_rosenbrock_starts_there_and_playback_walks_the_ravine(page, app_url):
    open_at(page, f"{app_url}/?scenario=rosenbrock", 1400, 900)
    x, y = page.evaluate(SCREEN_OF, ["contour", -1.5, 2.0])
    page.mouse.click(x, y)
    page.wait_for_function("() => location.search.includes('b0=')", timeout=30_000)
    q = query_of(page)
    start = (float(q["b0"]), float(q["w0"]))
    assert start == pytest.approx((-1.5, 2.0), abs=0.03)
    page.wait_for_function(
        "() => { const s = (%s)(); return Math.abs(s[0] - %s) < 1e-9; }" % (START_3D, q["b0"]),
        timeout=30_000,
    )
    page.keyboard.press("Space")  # play
    page.wait_for_function(
        "() => { const t = Object.values(window.__lossLabTimeline || {})[0];"
        " return t && t.tracks[0].k > 50; }",
        timeout=30_000,
    )
    marker = page.evaluate(
        """() => { const g = document.querySelector('.st-key-surface .js-plotly-plot');
        const m = g._fullData.find(t => t.meta === 'tl-point'); return [m.x[0], m.y[0]]; }"""
    )
    assert marker != pytest.approx(start, abs=1e-3)  # the marker left the start
    f = (1 - marker[0]) ** 2 + 100 * (marker[1] - marker[0] ** 2) ** 2
    f0 = (1 - start[0]) ** 2 + 100 * (start[1] - start[0] ** 2) ** 2
    assert f < f0  # downhill, on the function itself


SLIDER_LR = """() => document.querySelector('input[type=range][aria-label="Learning rate η"]')
  .getAttribute('aria-valuetext')"""
SHOWN_LR = """() => { const v = Object.values(window.__lossLabTimeline || {})[0];
  return v ? v.tracks[0].run.lr : null; }"""


@pytest.mark.parametrize("sessions", [1, 8])
def test_holding_an_arrow_key_on_a_slider_never_loses_the_page(app_url, sessions):
    """The teacher's held arrow key: 60 presses 30-80 ms apart in each session at once. The
    session must live (no "Cached ForwardMsg MISS"), end with the slider's rate drawn, and keep
    one timeline bar."""

    async def one(browser):
        ctx = await browser.new_context(viewport={"width": 1400, "height": 900})
        page = await ctx.new_page()
        console = []
        page.on("console", lambda m: console.append(m.text))
        await page.goto(app_url, timeout=120_000)
        await page.wait_for_function(ALL_DRAWN, timeout=180_000)
        await page.get_by_role("slider", name="Learning rate η").focus()
        for i in range(60):  # right, back over the same rates, right again; twice
            await page.keyboard.press("ArrowLeft" if i % 30 in range(10, 20) else "ArrowRight")
            await page.wait_for_timeout(30 + (i * 7) % 50)
        agree = False
        for _ in range(120):
            slider, shown = await page.evaluate(SLIDER_LR), await page.evaluate(SHOWN_LR)
            if shown is not None and float(slider) == float(shown):
                agree = True
                break
            await page.wait_for_timeout(500)
        bars = await page.evaluate("() => document.querySelectorAll('.ll-bar').length")
        await ctx.close()
        return agree, bars, [c for c in console if "ForwardMsg MISS" in c]

    async def main():
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return await asyncio.gather(*(one(browser) for _ in range(sessions)))
            finally:
                await browser.close()

    # (in a thread of its own: pytest-playwright's sync fixtures hold this thread's event loop)
    with ThreadPoolExecutor(1) as pool:
        results = pool.submit(asyncio.run, main()).result()
    for agree, bars, misses in results:
        assert misses == []
        assert agree
        assert bars == 1


def test_a_sign_of_loading_until_the_charts_are_drawn(page, app_url):
    """Until plotly.js has loaded and drawn, each chart's place says it is loading (it was a
    blank area for 8-15 s); once drawn, no placeholder is left."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(app_url, wait_until="commit")
    # Read the placeholder's text in the same JS turn that finds it: on a fast machine plotly.js
    # can draw (and remove it) between a locator's wait and a second round trip for its text.
    text = page.wait_for_function(
        """() => {
            const el = document.querySelector(".ll-loading");
            return el && el.offsetParent !== null ? el.innerText : null;
        }""",
        timeout=60_000,
        polling="raf",
    ).json_value()
    assert text == EN["loading_chart"]
    page.wait_for_function(ALL_DRAWN, timeout=90_000)
    assert page.locator(".ll-loading").count() == 0
