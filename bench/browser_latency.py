"""Slider move -> every view redrawn, in Debian Chromium: the in-place component against plain
st.plotly_chart (LOSSLAB_PLAIN_CHARTS=1), both measured in this run. Also the cold page load.

Two ways to move: back and forth between two neighbouring learning rates (the runs are then in
the server's cache and Streamlit's message cache), and one way up from η = 0.01, every move a
new run computed, sent and drawn for the first time (what a teacher dragging the slider does).

Usage: python bench/browser_latency.py [--moves 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from playwright.sync_api import sync_playwright

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, streamlit_server

# A signature of what each chart shows: every trace's length and last point, and the shapes the
# timeline draws (the current line, markers, cross-sections). Null until all ``n`` charts are up.
SIGNATURES = """(n) => { const g = [...document.querySelectorAll('.js-plotly-plot')];
  if (g.length !== n || !g.every(d => d._fullData && d._fullData.length)) return null;
  return g.map(d => d._fullData.map(t => { const x = t.x || [], y = t.y || [];
    return x.length + ':' + x[x.length - 1] + ':' + y[y.length - 1]; }).join('|')
    + JSON.stringify((d.layout.shapes || [])
      .map(s => [s.x0, s.y0, s.x1, s.y1, s.xanchor, s.path])));
}"""


ARRIVED = """(t0) => { const bar = document.querySelector('.ll-bar');
  return bar && bar.dataset.receivedAt ? Number(bar.dataset.receivedAt) - t0 : null; }"""


def measure(
    url: str, moves: int, charts: int, one_way: bool = False
) -> tuple[float, list[float], list[float]]:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        t0 = time.perf_counter()
        page.goto(url)
        page.wait_for_function(f"(n) => ({SIGNATURES})(n) !== null", arg=charts, timeout=120_000)
        cold = time.perf_counter() - t0
        page.wait_for_timeout(1000)
        slider = page.get_by_role("slider", name="Learning rate η")
        times, arrivals = [], []
        for move in range(moves):
            before = page.evaluate(SIGNATURES, charts)
            slider.focus()
            t0 = time.perf_counter()
            t0_page = page.evaluate("() => performance.now()")
            page.keyboard.press("ArrowRight" if one_way or move % 2 == 0 else "ArrowLeft")
            page.wait_for_function(
                "([old, n]) => { const now = (%s)(n); return now !== null && "
                "now.every((s, i) => s !== old[i]); }" % SIGNATURES,
                arg=[before, charts],
                timeout=60_000,
            )
            times.append(time.perf_counter() - t0)
            arrived = page.evaluate(ARRIVED, t0_page)  # the new run reached the page
            if arrived is not None:
                arrivals.append(arrived / 1000)
            page.wait_for_timeout(300)
        browser.close()
    return cold, times, arrivals


PLAYBACK = """async () => {
  const bar = document.querySelector('.ll-bar');
  const views = {}; for (const g of document.querySelectorAll('.losslab-plot'))
    views[g.closest('[class*=st-key-]').className.match(/st-key-(\\w+)/)[1]] = g;
  const seen = {}; for (const k in views) seen[k] = new Set();
  const gaps = []; let last = performance.now();
  bar.querySelector('button[data-action=play]').click();
  const t0 = performance.now();
  await new Promise(done => { const frame = (now) => { gaps.push(now - last); last = now;
      for (const k in views) seen[k].add(views[k].dataset.markerK);
      if (now - t0 < 4000) requestAnimationFrame(frame); else done(); };
    requestAnimationFrame(frame); });
  bar.querySelector('button[data-action=play]').click();
  const per = {}; for (const k in views) per[k] = seen[k].size / 4;
  gaps.sort((a, b) => a - b);
  return {per, p50: gaps[gaps.length >> 1], p95: gaps[Math.floor(gaps.length * 0.95)]}; }"""


def playback(url: str) -> dict:
    """Play a run of 3,000 updates for 4 s at 1x (20 positions a second): positions each view
    showed per second, and the time between painted frames."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url + "/?batch=16&epochs=600")
        page.wait_for_function(f"(n) => ({SIGNATURES})(n) !== null", arg=5, timeout=120_000)
        page.wait_for_timeout(1500)
        page.locator(".ll-bar .ll-label").click()
        page.keyboard.press("Home")
        page.wait_for_timeout(1500)
        result = page.evaluate(PLAYBACK)
        browser.close()
    return result


def main(moves: int) -> None:
    results = {}
    # plain charts: the four views, no timeline; the component: the four views, the timeline's
    # marks on them and the cross-sections
    for name, plain, charts in (
        ("st.plotly_chart (remounts)", "1", 4),
        ("in-place component", "0", 5),
    ):
        os.environ["LOSSLAB_PLAIN_CHARTS"] = plain
        with streamlit_server() as url:
            for how, one_way, query in (
                ("back and forth", False, "/?epochs=200&batch=16"),
                ("one way, new runs", True, "/?epochs=200&batch=16&lr=0.01"),
            ):
                results[name, how] = measure(url + query, moves, charts, one_way)
            if plain == "0":
                play = playback(url)
    os.environ.pop("LOSSLAB_PLAIN_CHARTS")
    for (name, how), (cold, times, arrivals) in results.items():
        times = sorted(times)
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(
            f"{name:<27} {how:<18} slider -> every view p50 {statistics.median(times):.2f} s  "
            f"p95 {p95:.2f} s  ({len(times)} moves); cold load {cold:5.2f} s"
        )
        if arrivals:  # the rest is drawing: one 3D frame in software WebGL is ~0.1 s here
            print(
                f"{'':<46} of which slider -> new run in the page (server, websocket, "
                f"Streamlit) p50 {statistics.median(arrivals):.2f} s"
            )
    per = ", ".join(f"{k} {v:.0f}/s" for k, v in play["per"].items())
    print(
        f"playback of 3,000 updates at 1x (target 20 positions/s): {per}; frame time p50 "
        f"{play['p50']:.0f} ms, p95 {play['p95']:.0f} ms (the 3D view is throttled under "
        "software WebGL)"
    )
    summary = []
    for how in ("back and forth", "one way, new runs"):
        base = statistics.median(results["st.plotly_chart (remounts)", how][1])
        ours = statistics.median(results["in-place component", how][1])
        summary.append(f"{how}: p50 {ours:.2f} s vs {base:.2f} s ({base / ours:.1f}x faster)")
    print(
        "summary: slider -> every view, in-place component vs st.plotly_chart, "
        + "; ".join(summary)
        + " (target p50 < 0.5 s)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--moves", type=int, default=20)
    main(min(parser.parse_args().moves, 60))
