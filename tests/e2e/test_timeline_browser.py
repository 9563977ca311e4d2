"""The timeline in a real browser: playback, stepping in every view, keyboard, the link."""

import re
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest

from core import lab, scaling
from tests.e2e.test_explorer_browser import ALL_DRAWN

pytestmark = pytest.mark.browser

# the book's data, mini-batches of 16: 5 updates an epoch, 6 epochs = 30 updates, 31 positions
QUERY = "batch=16&epochs=6"
RUN = lab.RunSpec(lr=0.1, batch_size=16, epochs=6)

BAR_READY = (
    "() => { const b = document.querySelector('.ll-bar'); return b && b.dataset.k !== undefined; }"
)
AT_K = """(k) => { const b = document.querySelector('.ll-bar');
  if (!b || b.dataset.k !== String(k) || b.dataset.playing !== '0') return false;
  return ['surface','contour','curve','data','cross'].every(v => {
    const g = document.querySelector('.st-key-' + v + ' .losslab-plot');
    return g && g.dataset.markerK === String(k); }); }"""
# what each view draws for the timeline, read back from plotly.js
GEOMETRY = """() => {
  const g = (v) => document.querySelector('.st-key-' + v + ' .losslab-plot');
  const s3 = g('surface'); const i = s3.data.findIndex(t => t.meta === 'tl-point');
  const dot = (shapes, color) => shapes.filter(s => s.type === 'circle' && s.fillcolor === color);
  const contour = g('contour').layout.shapes, curve = g('curve').layout.shapes;
  const data = g('data').layout.shapes;
  const fit = data.find(s => s.type === 'path').path.slice(1).split('L')
    .map(p => p.split(',').map(Number));
  const last = fit[fit.length - 1];
  const line = {x0: fit[0][0], y0: fit[0][1], x1: last[0], y1: last[1]};
  return {
    surface: [s3._fullData[i].x[0], s3._fullData[i].y[0]],
    contour: contour.filter(s => s.type === 'circle').map(s => [s.xanchor, s.yanchor]),
    curve_x: curve.find(s => s.type === 'line').x0,
    data_line: [line.x0, line.y0, line.x1, line.y1],
    rings: data.filter(s => s.type === 'circle').map(s => [s.xanchor, s.yanchor]),
    cross: g('cross').layout.shapes.filter(s => s.type === 'circle' && s.fillcolor !== 'white')
      .map(s => [s.xref, s.xanchor]),
    maths: document.querySelector('.ll-maths').innerText,
  }; }"""


@pytest.fixture(scope="module")
def book_run():
    problem = lab.make_problem(lab.make_dataset(lab.DataSpec()), scaled=False)
    return problem, lab.run(problem, RUN)


def open_timeline(page, url, query=QUERY):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{url}/?{query}")
    page.wait_for_function(ALL_DRAWN, timeout=60_000)
    page.wait_for_function(BAR_READY, timeout=60_000)


def wait_at(page, k):
    page.wait_for_function(AT_K, arg=k, timeout=30_000)


def fmt4(v):
    """4 significant digits, trailing zeros kept, a real minus sign: as the maths panel writes
    numbers between 1e-3 and 1e5."""
    assert 1e-3 <= abs(v) < 1e5
    return f"{v:#.4g}".rstrip(".").replace("-", "−")


def check_views_at(page, problem, traj, k):
    """Every view shows update count k: the same parameters from the core, not from the page."""
    geo = page.evaluate(GEOMETRY)
    b, w = traj.params[k]
    assert geo["surface"] == pytest.approx([b, w], rel=1e-12)
    assert [b, w] == pytest.approx(geo["contour"][0], rel=1e-12)  # the current point
    assert geo["curve_x"] == pytest.approx(k / traj.updates_per_epoch, rel=1e-12)
    ob, ow = scaling.to_original(problem.scaler, traj.params[k])
    x0, y0, x1, y1 = geo["data_line"]
    assert (y0, y1) == pytest.approx((ob + ow * x0, ob + ow * x1), rel=1e-6)  # float32 line
    assert {ref: v for ref, v in geo["cross"]} == pytest.approx({"x": w, "x2": b}, rel=1e-12)
    return geo


def test_stepping_moves_every_view_by_exactly_one_update(page, app_url, book_run, console_errors):
    problem, traj = book_run
    open_timeline(page, app_url)
    wait_at(page, 0)  # opens at the start, ready to play
    check_views_at(page, problem, traj, 0)
    page.keyboard.press("ArrowRight")
    wait_at(page, 1)
    geo = check_views_at(page, problem, traj, 1)
    # the next update (number 2) uses the batch of 16 the visit order names: ringed on the data
    rows = traj.batch_members(1)
    x, y = problem.data.x_train[rows], problem.data.y_train[rows]
    np.testing.assert_allclose(
        sorted(geo["rings"]), sorted(zip(x.tolist(), y.tolist(), strict=True)), rtol=1e-6
    )
    # the maths panel writes the core's gradient and the update with its numbers
    gb, gw = traj.grads[1]
    assert fmt4(gb) in geo["maths"] and fmt4(gw) in geo["maths"]
    assert (
        f"{fmt4(traj.params[1, 1])} − 0.1 × ({fmt4(gw)}) = {fmt4(traj.params[2, 1])}"
        in geo["maths"]
    )
    page.locator(".ll-bar button[data-action=forward]").click()
    wait_at(page, 2)
    check_views_at(page, problem, traj, 2)
    page.keyboard.press("PageUp")  # a presentation clicker's "back"
    wait_at(page, 1)
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    wait_at(page, 3)
    check_views_at(page, problem, traj, 3)
    page.keyboard.press("End")
    wait_at(page, traj.n_updates)
    assert "no update 31" in page.locator(".ll-maths").inner_text()
    # by epoch: a step goes to the next epoch boundary (5 updates an epoch)
    page.keyboard.press("Home")
    wait_at(page, 0)
    page.locator(".ll-bar select").nth(1).select_option("epoch")
    page.locator(".ll-bar button[data-action=forward]").click()
    wait_at(page, 5)
    page.locator(".ll-bar button[data-action=forward]").click()
    wait_at(page, 10)
    assert console_errors == []


def test_play_runs_in_the_browser_and_stops_at_the_end(page, app_url, book_run, tmp_path):
    problem, traj = book_run
    open_timeline(page, app_url, "batch=16&epochs=60")  # 300 updates: 15 s at 1x
    page.keyboard.press("Home")
    wait_at(page, 0)
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('.ll-bar').dataset.playing === '1'")
    # sample the contour's marker on every animation frame for 2 s, with no server in the loop
    seen = page.evaluate("""async () => {
      const g = document.querySelector('.st-key-contour .losslab-plot'); const seen = new Set();
      const t0 = performance.now();
      await new Promise(r => { const f = () => { seen.add(g.dataset.markerK);
        if (performance.now() - t0 < 2000) requestAnimationFrame(f); else r(); };
        requestAnimationFrame(f); });
      return [...seen].map(Number); }""")
    # it moves on its own, forward only (how smoothly is measured by bench/browser_latency.py),
    # paced in decades: the first updates slowly enough to follow (at 1x update k is reached
    # after 3 log10(1 + k) s: 2 s is update 3 or so)
    assert seen == sorted(seen) and len(seen) >= 3
    assert 2 <= max(seen) <= 6
    page.screenshot(path=str(tmp_path / "mid_playback.png"))
    page.locator(".ll-bar select").first.select_option("8")  # speed 8x: to the end
    wait_at(page, 300)
    assert page.evaluate("() => document.querySelector('.ll-bar').dataset.playing") == "0"
    # space again plays from the start
    page.keyboard.press("Space")
    page.wait_for_function("() => Number(document.querySelector('.ll-bar').dataset.k) < 300")


def test_the_position_is_in_the_link_and_a_fresh_session_opens_there(browser, app_url, book_run):
    problem, traj = book_run
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_timeline(page, app_url)
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    wait_at(page, 2)
    page.wait_for_function("() => location.search.includes('step=2')", timeout=30_000)
    maths = page.locator(".ll-maths").inner_text()
    link = page.url
    assert parse_qs(urlparse(link).query)["step"] == ["2"]
    fresh = browser.new_context().new_page()
    fresh.set_viewport_size({"width": 1400, "height": 1000})
    fresh.goto(link)
    fresh.wait_for_function(ALL_DRAWN, timeout=60_000)
    wait_at(fresh, 2)
    check_views_at(fresh, problem, traj, 2)
    assert fresh.locator(".ll-maths").inner_text() == maths
    # at the end the link says so; back at the start (the default) it drops the position
    fresh.keyboard.press("End")
    fresh.wait_for_function("() => location.search.includes('step=30')", timeout=30_000)
    fresh.keyboard.press("Home")
    fresh.wait_for_function("() => !location.search.includes('step=')", timeout=30_000)
    assert re.search(r"[?&]batch=16", fresh.url)


def test_past_the_window_exit_the_views_mark_nothing(page, app_url, console_errors):
    """η = 1.1 on the book: the path leaves the plot at update 2 and explodes at 13; at update 11
    the maths panel still gives the numbers, but no view marks a point outside its axes."""
    open_timeline(page, app_url, "lr=1.1")
    wait_at(page, 0)
    page.locator(".ll-bar .ll-label").click()
    page.keyboard.press("End")
    wait_at(page, 12)
    page.keyboard.press("ArrowLeft")
    wait_at(page, 11)
    marks = page.evaluate("""() => {
      const g = (v) => document.querySelector('.st-key-' + v + ' .losslab-plot');
      const s3 = g('surface'); const i = s3.data.findIndex(t => t.meta === 'tl-point');
      return {point3d: Array.from(s3._fullData[i].x),
              contour_dots: g('contour').layout.shapes
                .filter(s => s.type === 'circle').length}; }""")
    assert marks == {"point3d": [], "contour_dots": 0}
    assert "Outside the plotted area since update 2" in page.locator(".ll-maths").inner_text()
    page.keyboard.press("Home")
    wait_at(page, 0)
    assert (
        page.evaluate("""() => document.querySelector('.st-key-contour .losslab-plot')
        .layout.shapes.filter(s => s.type === 'circle').length""")
        == 1
    )
    assert console_errors == []


def test_a_run_that_lands_while_playing_plays_on(page, app_url):
    """A slider moved during playback (or a click's run still arriving when play was pressed)
    brings a new run: the bar plays on from the same place instead of stopping (it stopped)."""
    open_timeline(page, app_url, "batch=16&epochs=60")
    page.keyboard.press("Home")
    wait_at(page, 0)
    rev = page.evaluate("() => Object.values(window.__lossLabTimeline)[0].rev")
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('.ll-bar').dataset.playing === '1'")
    page.locator('input[type=range][aria-label="Learning rate η"]').focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "(rev) => Object.values(window.__lossLabTimeline)[0].rev !== rev", arg=rev, timeout=30_000
    )
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.querySelector('.ll-bar').dataset.playing") == "1"
    k = int(page.evaluate("() => document.querySelector('.ll-bar').dataset.k"))
    page.wait_for_function(
        "(k) => Number(document.querySelector('.ll-bar').dataset.k) > k", arg=k, timeout=10_000
    )
