"""Kill and restart the server while a page is open: it reconnects and the link restores the view."""
import pytest

from tests.e2e.server import free_port, streamlit_server
from tests.e2e.test_explorer_browser import ALL_DRAWN, PATH_OF

pytestmark = pytest.mark.browser


def test_page_reconnects_after_a_server_restart_and_the_link_restores_the_view(browser):
    port = free_port()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    with streamlit_server(port) as url:
        page.goto(f"{url}/?lr=0.2&batch=16&epochs=30")
        page.wait_for_function(ALL_DRAWN, timeout=60_000)
        before = page.evaluate(PATH_OF, "contour")
    # the server is gone: the page notices, and nothing is drawn any more after we clear it
    page.wait_for_timeout(1500)
    page.evaluate("() => document.querySelectorAll('.js-plotly-plot').forEach(g => g._fullData = null)")
    with streamlit_server(port):
        page.wait_for_function(ALL_DRAWN, timeout=90_000)
        after = page.evaluate(PATH_OF, "contour")
        assert "lr=0.2" in page.url and "batch=16" in page.url
    assert after == before
