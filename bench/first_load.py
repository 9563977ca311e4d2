"""A cold first load in Debian Chromium: bytes on the wire and time until every chart is drawn,
with the lab's partial plotly.js bundle against the full plotly.min.js of the plotly package, both
measured in this run against the same server (the full file is put beside the bundle for the
run and the page's request redirected to it, then removed).

With ``--proxy``: the server is a replica of deploy/local-cluster, and each cold load is measured
two ways in one run, against that same replica: straight from it (Streamlit sends its own
JavaScript, CSS and fonts uncompressed) and through nginx (deploy/nginx.conf gzips JavaScript,
CSS, JSON and fonts). Bytes on the wire are what the browser received: HTTP bodies as sent
(compressed or not) with their headers, plus the websocket's payloads.

Usage: .venv/bin/python bench/first_load.py [--runs 3] [--proxy]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import plotly
from playwright.sync_api import sync_playwright

from tests.e2e.cluster import local_cluster
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, streamlit_server
from tests.e2e.test_explorer_browser import ALL_DRAWN

ASSETS = Path(__file__).resolve().parents[1] / "components/losslab_plot/losslab_plot/assets"
FULL = "plotly-full-for-bench.min.js"


def one_load(browser, url: str, full: bool) -> tuple[float, int, int, int]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    wire = {"http": 0, "ws": 0, "plotly": 0}
    urls = {}
    cdp.on(
        "Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"])
    )

    def finished(e):
        wire["http"] += e["encodedDataLength"]
        if "plotly" in urls.get(e["requestId"], ""):
            wire["plotly"] += e["encodedDataLength"]

    cdp.on("Network.loadingFinished", finished)
    cdp.on(
        "Network.webSocketFrameReceived",
        lambda e: wire.__setitem__("ws", wire["ws"] + len(e["response"]["payloadData"])),
    )
    if full:
        page.route(
            "**/plotly-lab.min.js",
            lambda r: r.continue_(url=r.request.url.replace("plotly-lab.min.js", FULL)),
        )
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_function(ALL_DRAWN, timeout=120_000)
    seconds = time.perf_counter() - t0
    context.close()
    return seconds, wire["http"] + wire["ws"], wire["plotly"], wire["ws"]


def through_proxy(runs: int) -> None:
    ways = {"direct from the replica": "direct", "through nginx (gzip)  ": "proxy"}
    with local_cluster(1) as cluster, sync_playwright() as pw:
        urls = {"direct": "http://" + next(iter(cluster.replicas)), "proxy": cluster.url}
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        one_load(browser, urls["direct"], False)  # the server's first run out of the way
        results: dict[str, list] = {name: [] for name in ways}
        for _ in range(runs):
            for name, where in ways.items():
                results[name].append(one_load(browser, urls[where], False))
        browser.close()
    for name, r in results.items():
        print(
            f"{name}: all charts drawn after {statistics.median(x[0] for x in r):.2f} s (median of "
            f"{len(r)}), {statistics.median(x[1] for x in r) / 1e6:.2f} MB on the wire, "
            f"plotly.js {statistics.median(x[2] for x in r) / 1e6:.2f} MB and the websocket "
            f"{statistics.median(x[3] for x in r) / 1e6:.2f} MB of it"
        )


def main(runs: int) -> None:
    shutil.copyfile(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", ASSETS / FULL)
    try:
        with streamlit_server() as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            one_load(browser, url, False)  # the server's first run (numba, imports) out of the way
            results = {False: [], True: []}
            for _ in range(runs):
                for full in (True, False):
                    results[full].append(one_load(browser, url, full))
            browser.close()
    finally:
        (ASSETS / FULL).unlink(missing_ok=True)
    for full in (True, False):
        r = results[full]
        name = "full plotly.min.js   " if full else "partial bundle (lab)"
        print(
            f"{name}: all charts drawn after {statistics.median(x[0] for x in r):.2f} s (median of "
            f"{len(r)}), {statistics.median(x[1] for x in r) / 1e6:.2f} MB on the wire, "
            f"plotly.js {statistics.median(x[2] for x in r) / 1e6:.2f} MB of it"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--proxy", action="store_true", help="direct against through nginx")
    args = parser.parse_args()
    (through_proxy if args.proxy else main)(min(args.runs, 10))
