"""Kill and restart the server while a page is open: it reconnects, the link restores the view."""

import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.server import free_port, streamlit_server
from tests.e2e.test_explorer_browser import ALL_DRAWN, PATH_OF

pytestmark = pytest.mark.browser
LINK = "/?lr=0.2&batch=16&epochs=30"


def test_page_reconnects_after_a_server_restart_and_the_link_restores_the_view(browser):
    port = free_port()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    sockets = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    with streamlit_server(port) as url:
        page.goto(url + LINK)
        page.wait_for_function(ALL_DRAWN, timeout=60_000)
        linked = page.evaluate(PATH_OF, "contour")
    assert len(sockets) == 1
    with streamlit_server(port) as url:
        deadline = time.monotonic() + 90
        while len(sockets) < 2:  # the open page pings with back-off, then reconnects by itself
            assert time.monotonic() < deadline, "the page never reconnected"
            page.wait_for_timeout(250)
        # it answers the controls again (the first input right after a reconnect may be lost,
        # so nudge until the path moves, as a person would)
        slider = page.get_by_role("slider", name="Learning rate η")
        while True:
            slider.focus()
            page.keyboard.press("ArrowRight")
            try:
                page.wait_for_function(
                    "(old) => (%s)('contour').x[1] !== old" % PATH_OF,
                    arg=linked["x"][1],
                    timeout=5_000,
                )
                break
            except PlaywrightTimeout:
                assert time.monotonic() < deadline, "the reconnected page does not answer"
        assert "batch=16" in page.url and "epochs=30" in page.url
        # and the link, opened on the restarted server, draws the very same view
        fresh = browser.new_page(viewport={"width": 1400, "height": 1000})
        fresh.goto(url + LINK)
        fresh.wait_for_function(ALL_DRAWN, timeout=60_000)
        assert fresh.evaluate(PATH_OF, "contour") == linked
