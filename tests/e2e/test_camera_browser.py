"""The 3D camera a teacher drags to survives a slider move and the timeline (the in-place chart
keeps it; the timeline moves one marker trace)."""

import pytest

from tests.e2e.test_explorer_browser import ALL_DRAWN, PATH_OF

pytestmark = pytest.mark.browser

EYE = """() => { const e = document.querySelector('.st-key-surface .js-plotly-plot')
  ._fullLayout.scene.camera.eye; return [e.x, e.y, e.z]; }"""


def test_a_dragged_camera_survives_a_slider_move(page, app_url):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_url)
    page.wait_for_function(ALL_DRAWN, timeout=60_000)
    start_eye = page.evaluate(EYE)
    box = page.locator(".st-key-surface .js-plotly-plot").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2 + 30
    page.mouse.move(cx, cy)
    page.mouse.down()
    page.mouse.move(cx + 150, cy + 30, steps=15)
    page.mouse.up()
    page.wait_for_timeout(1000)
    dragged = page.evaluate(EYE)
    assert dragged != pytest.approx(start_eye, abs=1e-3)  # the drag really turned the view
    before = page.evaluate(PATH_OF, "contour")
    page.get_by_role("slider", name="Learning rate η").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "(old) => (%s)('contour').x[1] !== old" % PATH_OF, arg=before["x"][1], timeout=60_000
    )
    page.wait_for_function(ALL_DRAWN, timeout=60_000)
    page.wait_for_timeout(500)
    assert page.evaluate(EYE) == pytest.approx(dragged, abs=1e-6)
    # the timeline: step, play to the end; the 3D marker moves, the camera stays
    page.locator(".ll-bar .ll-label").click()  # keys to the page, not to the focused slider
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        """() => document.querySelector('.st-key-surface .losslab-plot')
        .dataset.markerK === '1'""",
        timeout=30_000,
    )
    assert page.evaluate(EYE) == pytest.approx(dragged, abs=1e-6)
    page.locator(".ll-bar select").first.select_option("8")
    page.keyboard.press("Space")
    page.wait_for_function(
        """() => { const b = document.querySelector('.ll-bar');
        return b.dataset.playing === '0' && b.dataset.k !== '1'; }""",
        timeout=60_000,
    )
    page.wait_for_timeout(500)
    assert page.evaluate(EYE) == pytest.approx(dragged, abs=1e-6)
