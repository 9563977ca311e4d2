"""Load on loopback: N concurrent browser sessions each load the explorer and move the learning
rate slider M times; prints cold-load and update latencies and the server's memory per round.

Usage: python bench/load_test.py [--sessions 20] [--moves 10] [--rounds 3]
Every request goes to 127.0.0.1 only; the run is bounded by sessions x moves x rounds.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from playwright.async_api import async_playwright

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, streamlit_server

# the explorer's four views and the cross-sections
DRAWN = """() => { const g = [...document.querySelectorAll('.losslab-plot')];
  return g.length === 5 && g.every(d => d._fullData && d._fullData.length > 0); }"""
FIRST_STEP = """() => { const g = document.querySelector('.st-key-contour .js-plotly-plot');
  const p = g && g._fullData && g._fullData.find(t => t.name === 'path');
  return p ? p.x[1] : null; }"""


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def session(browser, url: str, moves: int, loads: list, updates: list) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    t0 = time.perf_counter()
    await page.goto(url, timeout=300_000)
    await page.wait_for_function(DRAWN, timeout=300_000)
    loads.append(time.perf_counter() - t0)
    slider = page.get_by_role("slider", name="Learning rate η")
    for move in range(moves):
        before = await page.evaluate(FIRST_STEP)
        await slider.focus()
        t0 = time.perf_counter()
        await page.keyboard.press("ArrowRight" if move % 2 == 0 else "ArrowLeft")
        await page.wait_for_function(f"() => ({FIRST_STEP})() !== {before!r}", timeout=300_000)
        await page.wait_for_function(DRAWN, timeout=300_000)
        updates.append(time.perf_counter() - t0)
    await context.close()


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


async def main(sessions: int, moves: int, rounds: int) -> None:
    with streamlit_server() as url:
        import subprocess

        pid = int(subprocess.check_output(["pgrep", "-n", "-f", "streamlit run app.py"]).split()[0])
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            print(f"{sessions} sessions x {moves} slider moves, {rounds} rounds; server pid {pid}")
            print(f"server RSS at start: {rss_mib(pid):.0f} MiB")
            for r in range(1, rounds + 1):
                loads, updates = [], []
                t0 = time.perf_counter()
                await asyncio.gather(
                    *(
                        session(browser, url + f"/?seed={r * 100 + i}", moves, loads, updates)
                        for i in range(sessions)
                    )
                )
                wall = time.perf_counter() - t0
                print(
                    f"round {r}: {len(loads)} sessions done in {wall:.1f} s; "
                    f"load p50 {statistics.median(loads):.2f} s p95 {pct(loads, 0.95):.2f} s; "
                    f"update p50 {statistics.median(updates):.2f} s p95 {pct(updates, 0.95):.2f} s"
                    f" ({len(updates)} moves); server RSS {rss_mib(pid):.0f} MiB"
                )
            await browser.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--moves", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(main(min(args.sessions, 50), min(args.moves, 50), min(args.rounds, 10)))
