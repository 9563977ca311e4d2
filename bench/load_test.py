"""Load on loopback: N concurrent browser sessions each load the explorer and move the learning
rate slider M times; prints cold-load and update latencies and the server's memory per round.

Usage: .venv/bin/python bench/load_test.py [--sessions 20] [--moves 10] [--rounds 3]

With ``--storm`` instead: 8 sessions hold an arrow key on the learning-rate slider (60 presses
30-80 ms apart, as key repeat sends them) while two more pages are opened in the middle of the
storm and a fresh one after it; /_stcore/health is polled every 100 ms throughout. Printed: how
long each page took to draw, the health endpoint's p50 / p95, sessions that died (a console
"ForwardMsg MISS") and whether every storm session ends showing the rate its slider shows.

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
from tests.e2e.test_first_sight_browser import SHOWN_LR, SLIDER_LR  # the key-hold test's probes

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


async def holder(browser, url: str, out: list) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    misses = []
    page.on("console", lambda m: misses.append(m.text) if "ForwardMsg MISS" in m.text else None)
    await page.goto(url, timeout=300_000)
    await page.wait_for_function(DRAWN, timeout=300_000)
    await page.get_by_role("slider", name="Learning rate η").focus()
    for i in range(60):
        await page.keyboard.press("ArrowLeft" if i % 30 in range(10, 20) else "ArrowRight")
        await page.wait_for_timeout(30 + (i * 7) % 50)
    t0, agree = time.perf_counter(), False
    while time.perf_counter() - t0 < 120:
        slider, shown = await page.evaluate(SLIDER_LR), await page.evaluate(SHOWN_LR)
        if shown is not None and float(slider) == float(shown):
            agree = True
            break
        await asyncio.sleep(0.25)
    out.append((agree, time.perf_counter() - t0, misses))
    await context.close()


async def opener(browser, url: str, delay: float, out: list, label: str) -> None:
    await asyncio.sleep(delay)
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    big = []  # when the server's large messages (the figures) arrived: server side of the wait

    def on_ws(ws):
        ws.on(
            "framereceived", lambda f: big.append(time.perf_counter()) if len(f) > 50_000 else None
        )

    page.on("websocket", on_ws)
    t0 = time.perf_counter()
    await page.goto(url, timeout=300_000)
    await page.wait_for_function(DRAWN, timeout=300_000)
    drawn = time.perf_counter() - t0
    sent = (big[-1] - t0) if big else float("nan")
    out.append((label, drawn, sent))
    await context.close()


async def health(url: str, stop: asyncio.Event, out: list) -> None:
    import urllib.request

    def one() -> float:
        t0 = time.perf_counter()
        with urllib.request.urlopen(url + "/_stcore/health", timeout=30) as r:
            r.read()
        return time.perf_counter() - t0

    while not stop.is_set():
        out.append(await asyncio.to_thread(one))
        await asyncio.sleep(0.1)


async def storm() -> None:
    with streamlit_server() as url:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            held, opened, pings, stop = [], [], [], asyncio.Event()
            pinger = asyncio.create_task(health(url, stop, pings))
            t0 = time.perf_counter()
            await asyncio.gather(
                *(holder(browser, url + f"/?seed={i}", held) for i in range(8)),
                opener(browser, url + "/?seed=100", 8.0, opened, "opened during the storm"),
                opener(browser, url + "/?seed=101", 12.0, opened, "opened during the storm"),
            )
            storm_s = time.perf_counter() - t0
            stop.set()
            await pinger
            await opener(browser, url + "/?seed=102", 0.0, opened, "fresh page after it")
            await browser.close()
    died = sum(bool(m) for _, _, m in held)
    print(f"storm: 8 sessions x 60 key presses, done in {storm_s:.1f} s")
    print(f"sessions that died (ForwardMsg MISS): {died} of {len(held)}")
    agree, settled = sum(a for a, _, _ in held), max(s for _, s, _ in held)
    print(f"sessions showing the rate their slider shows: {agree} of {len(held)}")
    print(f"(all settled within {settled:.1f} s of their last press)")
    for label, seconds, sent in opened:
        print(f"page {label}: drawn after {seconds:.1f} s (its figures arrived after {sent:.1f} s)")
    p50, p95 = statistics.median(pings) * 1000, pct(pings, 0.95) * 1000
    print(f"health endpoint during the storm: p50 {p50:.0f} ms, p95 {p95:.0f} ms ({len(pings)})")


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
    parser.add_argument("--storm", action="store_true")
    args = parser.parse_args()
    if args.storm:
        asyncio.run(storm())
        sys.exit(0)
    asyncio.run(main(min(args.sessions, 50), min(args.moves, 50), min(args.rounds, 10)))
