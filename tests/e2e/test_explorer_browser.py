"""The explorer in a real browser: Debian Chromium driven by Playwright."""

import pytest

pytestmark = pytest.mark.browser

CHARTS = ".js-plotly-plot"  # the in-place view (.losslab-plot) is one too
ALL_DRAWN = (
    """() => { const g = [...document.querySelectorAll('%s')];
  return g.length >= 5 && g.every(d => d._fullData && d._fullData.length > 0); }"""
    % CHARTS
)
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
    titles = page.evaluate(
        """() => [...document.querySelectorAll('%s')]
        .map(d => d.layout.title.text.replace(/<[^>]+>/g, ''))"""
        % CHARTS
    )
    assert sorted(titles) == sorted(
        [
            "The loss surface",
            "Contour map: the path, −∇L and the step",
            "Loss against epoch",
            "The data and the model",
            "Cross-sections through the current point",
        ]
    )
    # the 3D surface really drew through WebGL
    assert page.locator(".st-key-surface .losslab-plot canvas").count() >= 1
    assert page.get_by_text("Reaches the minimum").is_visible()
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
        arg=before["x"][1],
        timeout=30_000,
    )
    after = page.evaluate(PATH_OF, "contour")
    assert after["x"][0] == pytest.approx(before["x"][0])  # same start
    assert after["x"][1] != pytest.approx(before["x"][1])  # a longer first step
    assert page.get_by_role("slider", name="Learning rate η").get_attribute("aria-valuetext") in (
        "0.15",
        None,
    )
    page.wait_for_function(ALL_DRAWN)
    assert console_errors == []


DRAWN_PATHS = """() => {
  const one = (key) => { const g = document.querySelector('.st-key-' + key + ' .js-plotly-plot');
    const i = g._fullData.findIndex(t => t.name === 'path'); const t = g._fullData[i];
    const out = {x: Array.from(t.x), y: Array.from(t.y), z: t.z ? Array.from(t.z) : null};
    if (key === 'contour') {  // the SVG line plotly.js drew, its last vertex in pixels
      const d = g.querySelectorAll('.scatterlayer .trace')[i - 1].querySelector('path.js-line')
        .getAttribute('d');
      const pts = d.slice(1).split(/[LM]/).map(p => p.split(',').map(Number));
      const xa = g._fullLayout.xaxis, ya = g._fullLayout.yaxis;
      out.svgEnds = [pts[0], pts[pts.length - 1]];  // plotly.js simplifies the line between them
      out.expectedEnds = [[xa.c2p(t.x[0]), ya.c2p(t.y[0])],
                          [xa.c2p(t.x[t.x.length - 1]), ya.c2p(t.y[t.y.length - 1])]];
    }
    return out; };
  return {surface: one('surface'), contour: one('contour')}; }"""


def test_a_new_run_redraws_the_paths_exactly_as_the_server_computed_them(
    page, app_url, console_errors
):
    """Only the paths change with the learning rate, and only they are redrawn: the drawn traces
    and the SVG line must still be the server's new figures (read independently via AppTest)."""
    from tests.apptest_util import figure, fresh_app, trace

    open_app(page, app_url + "/?epochs=200&batch=16&lr=0.01")
    page.wait_for_timeout(500)
    before = page.evaluate(DRAWN_PATHS)
    slider = page.get_by_role("slider", name="Learning rate η")
    for _ in range(2):  # two new runs, one after the other
        slider.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "(old) => { const p = (%s)(); return p.contour.x[1] !== old && "
            "p.surface.x[1] !== old; }" % DRAWN_PATHS,
            arg=before["contour"]["x"][1],
            timeout=30_000,
        )
        page.wait_for_function("() => !document.querySelector('.stApp [data-stale=true]')")
        page.wait_for_timeout(300)
        before = drawn = page.evaluate(DRAWN_PATHS)
    lr = dict(p.split("=") for p in page.url.split("?")[1].split("&"))["lr"]
    assert lr == "0.012"
    at = fresh_app(epochs="200", batch="16", lr=lr)
    for key, title in (("surface", "The loss surface"), ("contour", "Contour map")):
        sent = trace(figure(at, title), "path")
        assert len(drawn[key]["x"]) == len(sent["x"]) > 100
        for axis in ("x", "y", "z") if key == "surface" else ("x", "y"):
            assert drawn[key][axis] == pytest.approx(list(sent[axis]), rel=1e-6, abs=1e-7)
    contour = drawn["contour"]
    for got, expected in zip(contour["svgEnds"], contour["expectedEnds"], strict=True):
        assert got == pytest.approx(expected, abs=0.6)
    assert console_errors == []


# Where a point of the 3D path is on screen: the scene's own camera matrices applied to the
# point (plotly.js scales data by scene.dataScale before gl-plot3d sees it).
PATH_POINT_ON_SCREEN = """(i) => {
  const gd = document.querySelector('.st-key-surface .js-plotly-plot');
  const scene = gd._fullLayout.scene._scene, cam = scene.glplot.cameraParams, s = scene.dataScale;
  const path = gd._fullData.find(t => t.name === 'path');
  const at = (j) => { const p = [path.x[j] * s[0], path.y[j] * s[1], path.z[j] * s[2], 1];
    const mul = (m, v) => [0, 1, 2, 3].map(r =>
      m[r] * v[0] + m[4 + r] * v[1] + m[8 + r] * v[2] + m[12 + r] * v[3]);
    const c = mul(cam.projection, mul(cam.view, mul(cam.model, p)));
    const rect = gd.querySelector('.gl-container canvas').getBoundingClientRect();
    return [rect.left + (c[0] / c[3] + 1) / 2 * rect.width,
            rect.top + (1 - c[1] / c[3]) / 2 * rect.height]; };
  const screen = at(i < 0 ? path.x.length + i : i);
  // every hover of the path so far, with where its point is on screen
  const hovers = (window.__hovers || []).filter(([j, name]) => name === 'path')
    .map(([j]) => at(j));
  return {screen, hovers}; }"""


def test_hover_on_the_3d_path_reads_the_new_run_after_fast_updates(page, app_url, console_errors):
    """The 3D picking buffer is read only when the pointer comes over the chart (reading it after
    every update blocked the page ~100 ms): hovering after two new runs, drawn with the pointer
    elsewhere, must still find points of the new path under the pointer."""
    open_app(page, app_url + "/?epochs=200&batch=16&lr=0.01")
    page.mouse.move(5, 995)  # away from every chart
    slider = page.get_by_role("slider", name="Learning rate η")
    for _ in range(2):
        before = page.evaluate(PATH_OF, "contour")
        slider.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "(old) => (%s)('contour').x[1] !== old" % PATH_OF, arg=before["x"][1], timeout=30_000
        )
        page.wait_for_function("() => !document.querySelector('.stApp [data-stale=true]')")
        page.wait_for_timeout(800)
    assert (
        page.evaluate(
            "() => document.querySelector('.st-key-surface .losslab-plot').dataset.update"
        )
        == "paths"
    )
    page.evaluate("""() => { window.__hovers = [];
      document.querySelector('.st-key-surface .js-plotly-plot').on('plotly_hover',
        (e) => window.__hovers.push(...e.points.map(p => [p.pointNumber, p.data.name]))); }""")
    for i in (20, 40, 80):  # well apart on screen, and away from the markers at the end
        x, y = page.evaluate(PATH_POINT_ON_SCREEN, i)["screen"]
        page.mouse.move(x - 30, y - 30)
        page.mouse.move(x, y, steps=3)
        page.wait_for_function(
            "() => window.__hovers.some(([j, name]) => name === 'path')", timeout=5_000
        )
        last = page.evaluate(PATH_POINT_ON_SCREEN, i)["hovers"][-1]
        assert abs(last[0] - x) < 12 and abs(last[1] - y) < 12  # the point under the pointer
        page.evaluate("() => { window.__hovers = []; }")
        page.mouse.move(5, 995)
        page.wait_for_timeout(200)
    assert console_errors == []


def test_views_updated_in_place_look_exactly_like_views_drawn_fresh(browser, app_url, tmp_path):
    """After several learning-rate moves (the paths redrawn alone, the surface and the contour
    kept), the views are pixel for pixel what a fresh page draws from the same link."""
    from PIL import Image, ImageChops

    def shots(page, name):
        page.wait_for_function(ALL_DRAWN, timeout=60_000)
        page.wait_for_timeout(1500)
        out = {}
        for key in ("surface", "contour", "curve"):
            path = tmp_path / f"{name}-{key}.png"
            page.locator(".st-key-" + key).screenshot(path=path)
            out[key] = Image.open(path).convert("RGB")
        return out

    moved = browser.new_page(viewport={"width": 1400, "height": 1000})
    moved.goto(app_url + "/?epochs=200&batch=16&lr=0.01")
    moved.wait_for_function(ALL_DRAWN, timeout=60_000)
    slider = moved.get_by_role("slider", name="Learning rate η")
    for _ in range(4):
        slider.focus()
        moved.keyboard.press("ArrowRight")
        moved.wait_for_timeout(700)
    moved.wait_for_function("() => location.search.includes('lr=0.02')", timeout=30_000)
    link = moved.url
    in_place = shots(moved, "moved")
    how = moved.evaluate("""() => Object.fromEntries(['surface', 'contour', 'curve'].map(k =>
        [k, document.querySelector('.st-key-' + k + ' .losslab-plot').dataset.update]))""")
    # the surface, the contour and the curve's axes kept, their lines redrawn alone
    assert how == {"surface": "paths", "contour": "paths", "curve": "paths"}
    fresh_page = browser.new_page(viewport={"width": 1400, "height": 1000})
    fresh_page.goto(link)
    fresh = shots(fresh_page, "fresh")
    differ = [
        key
        for key in in_place
        if in_place[key].size != fresh[key].size
        or ImageChops.difference(in_place[key], fresh[key]).getbbox() is not None
    ]
    assert differ == []
