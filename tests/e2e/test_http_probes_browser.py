"""What a scanner sends a public app: traversal attempts on the component route and odd paths.
Each is refused (never a file from outside the component's assets), and quietly: one line, no
traceback, in the server log (a scanner must not flood it; each missing-file probe logged ten
lines of traceback). A browser opens the app first: the filter is installed by its first run."""

import http.client
from urllib.parse import urlparse

import pytest

from tests.e2e.server import streamlit_server
from tests.e2e.test_explorer_browser import ALL_DRAWN

pytestmark = pytest.mark.browser

ROUTE = "/_stcore/bidi-components/losslab-plot.plot"
PROBES = [
    f"{ROUTE}/..%2f..%2f..%2fapp.py",
    f"{ROUTE}/../../app.py",
    f"{ROUTE}/%2e%2e/%2e%2e/app.py",
    f"{ROUTE}/..%252f..%252fapp.py",
    f"{ROUTE}/....//....//app.py",
    f"{ROUTE}/%00",
    f"{ROUTE}/" + "a/" * 200,
    "/_stcore/bidi-components/../../../etc/passwd",
    "/_stcore/bidi-components/nope.x/plot.js",
    "/_stcore/health/../../app.py",
    "/../../app.py",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory, browser):
    log = tmp_path_factory.mktemp("http") / "server.log"
    with streamlit_server(log=log) as url:
        page = browser.new_page()
        page.goto(url)
        page.wait_for_function(ALL_DRAWN, timeout=90_000)
        page.close()
        yield url, log


def get(url: str, path: str) -> tuple[int, bytes]:
    host = urlparse(url)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    conn.request("GET", path)  # sent as written: no client-side normalisation
    response = conn.getresponse()
    return response.status, response.read()


@pytest.mark.parametrize("path", PROBES)
def test_a_traversal_probe_is_refused_and_leaves_no_traceback(server, path):
    url, log = server
    status, body = get(url, path)
    assert b"st.navigation" not in body and b"root:" not in body  # app.py, /etc/passwd
    if status == 200:  # Streamlit answers unknown paths with its index page
        assert b"<!doctype html>" in body.lower()[:200]
    else:
        assert 400 <= status < 500
    text = log.read_text(errors="replace")
    assert "Traceback" not in text, text[-3000:]
    assert text.count("\n") < 40  # a line a probe at most, beside the start-up lines


def test_the_components_own_assets_are_still_served(server):
    url, _ = server
    status, body = get(url, f"{ROUTE}/plot.js")
    assert status == 200 and b"import" in body
