"""Take screenshots of the running app for a person to look at.

Usage: .venv/bin/python scripts/screenshot.py OUT.png [QUERY] [WxH] [PAGE] [CHARTS] [screen]
Starts its own server, waits until every chart has drawn, and captures the whole page (or, with
``screen``, what the first screen shows: README's docs/screenshot.png is
``scripts/screenshot.py docs/screenshot.png "" 1400x900 "" 5 screen``).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from playwright.sync_api import sync_playwright

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, streamlit_server

WAIT_CHARTS = """(n) => { const g = [...document.querySelectorAll('.losslab-plot')];
  return g.length >= n && g.every(d => d._fullData && d._fullData.length); }"""


def main(
    out: str,
    query: str = "",
    size: str = "1400x900",
    path: str = "",
    charts: str = "4",
    mode: str = "full",
) -> None:
    width, height = (int(v) for v in size.split("x"))
    with streamlit_server() as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(f"{url}/{path}?{query}")
        page.wait_for_function(WAIT_CHARTS, arg=int(charts), timeout=60_000)
        page.wait_for_timeout(1500)
        if mode == "screen":
            page.screenshot(path=out)
            browser.close()
            return
        full = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
        page.set_viewport_size({"width": width, "height": max(height, full)})
        page.wait_for_timeout(1000)
        page.screenshot(path=out)
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
