"""Through real nginx (deploy/nginx.conf, started by deploy/local-cluster) in front of two
replicas: the page and its websocket work, a slider move redraws, assets arrive gzipped, browsers
spread over the replicas and stick to theirs, a killed replica's pages reconnect to the live one
and their links restore the view, and no session sees another's upload."""

from __future__ import annotations

import gzip
import os
import signal
import time
import urllib.request

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.cluster import local_cluster
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS
from tests.e2e.test_explorer_browser import ALL_DRAWN, PATH_OF
from tests.e2e.test_upload_browser import IRIS, choose

pytestmark = pytest.mark.browser
VIEWPORT = {"width": 1400, "height": 1000}
HOST = "losslab.test"


@pytest.fixture(scope="module")
def cluster():
    with local_cluster(2) as c:
        yield c


def replica_of(context, url: str) -> str:
    """The replica nginx sends this browser's requests to (its affinity cookie decides; the
    first request sets the cookie)."""
    r = context.request.get(url + "/_stcore/health")
    assert r.ok and r.text() == "ok"
    return r.headers["x-losslab-replica"].split(",")[-1].strip()  # the last one tried answered


def contexts_on(browser, url: str, wanted: dict[str, int]) -> dict[str, list]:
    """New browser contexts (each its own cookie jar: a student) until every replica has the
    number wanted; the others are closed."""
    got: dict[str, list] = {r: [] for r in wanted}
    for _ in range(40):
        if all(len(got[r]) >= n for r, n in wanted.items()):
            return got
        ctx = browser.new_context(viewport=VIEWPORT)
        where = replica_of(ctx, url)
        assert replica_of(ctx, url) == where  # sticky
        if where in got and len(got[where]) < wanted[where]:
            got[where].append(ctx)
        else:
            ctx.close()
    raise AssertionError(f"nginx never spread 40 browsers over the replicas: {got}")


def watch(page) -> tuple[list[str], list[str]]:
    sockets, errors = [], []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return sockets, errors


def nudge_until_the_path_moves(page, old_x1, deadline: float) -> None:
    """The first input right after a reconnect may be lost: press until the path moves."""
    slider = page.get_by_role("slider", name="Learning rate η")
    while True:
        slider.focus()
        page.keyboard.press("ArrowRight")
        try:
            page.wait_for_function(
                "(old) => (%s)('contour').x[1] !== old" % PATH_OF, arg=old_x1, timeout=5_000
            )
            return
        except PlaywrightTimeout:
            assert time.monotonic() < deadline, "the page does not answer its slider"


def test_page_websocket_and_a_slider_move_through_nginx_with_gzipped_assets(browser_type, cluster):
    # a school's host name on a port of its own, not 127.0.0.1 (which Streamlit lets through
    # whatever the Host header says): the websocket needs nginx to pass Host with its port
    port = cluster.url.rsplit(":", 1)[1]
    browser = browser_type.launch(
        executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {HOST} 127.0.0.1"],
    )
    ctx = browser.new_context(viewport=VIEWPORT)
    page = ctx.new_page()
    sockets, errors = watch(page)
    responses = []
    page.on("response", lambda r: responses.append(r))
    page.goto(f"http://{HOST}:{port}/?lr=0.2&epochs=30")
    page.wait_for_function(ALL_DRAWN, timeout=60_000)
    assert sockets == [f"ws://{HOST}:{port}/_stcore/stream"]
    before = page.evaluate(PATH_OF, "contour")
    nudge_until_the_path_moves(page, before["x"][1], time.monotonic() + 30)
    assert "lr=0.25" in page.url  # one step (0.05) up
    # Streamlit's own JavaScript and CSS and the lab's plotly.js arrive gzipped through nginx
    big = [r for r in responses if r.url.split("?")[0].endswith((".js", ".css"))]
    enc = {r.url.rsplit("/", 1)[1]: r.header_value("content-encoding") for r in big}
    assert any(n.startswith("index.") and n.endswith(".js") and e == "gzip" for n, e in enc.items())
    assert enc["plotly-lab.min.js"] == "gzip"
    # every one but the few chunks under gzip_min_length (1 kB): those are not worth it
    plain = {r.url: len(r.body()) for r in big if r.header_value("content-encoding") != "gzip"}
    assert max(plain.values(), default=0) < 1024, plain
    assert errors == []
    browser.close()


def test_assets_through_nginx_unzip_to_the_bytes_a_replica_serves(cluster):
    direct = "http://" + next(iter(cluster.replicas))
    html = urllib.request.urlopen(direct + "/").read().decode()
    script = html.split('src="./static/js/', 1)[1].split('"', 1)[0]
    for path in ("/static/js/" + script, "/_stcore/host-config"):
        want = urllib.request.urlopen(direct + path).read()
        req = urllib.request.Request(cluster.url + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(req) as r:
            body, encoding = r.read(), r.headers.get("Content-Encoding")
        if len(want) >= 1024:  # nginx leaves tiny bodies alone (gzip_min_length)
            assert encoding == "gzip", path
            assert len(body) < len(want) / 2, path
            body = gzip.decompress(body)
        assert body == want, path


def test_no_session_sees_another_sessions_upload(browser, cluster):
    a, b = list(cluster.replicas)
    ctxs = contexts_on(browser, cluster.url, {a: 2, b: 1})
    uploader, same, other = ctxs[a][0], ctxs[a][1], ctxs[b][0]
    page = uploader.new_page()
    page.goto(cluster.url + "/?scenario=upload")
    page.wait_for_selector("input[type=file]", state="attached", timeout=60_000)
    choose(page, "iris.csv", IRIS)  # an HTTP PUT: it must reach the replica of the websocket
    page.wait_for_function(ALL_DRAWN, timeout=60_000)
    page.get_by_text("Left aside as text").wait_for(timeout=30_000)
    for ctx in (same, other):  # a student on the same replica and one on the other
        p = ctx.new_page()
        p.goto(cluster.url + "/?scenario=upload")
        p.wait_for_selector("input[type=file]", state="attached", timeout=60_000)
        p.get_by_text("Choose a CSV file, then").first.wait_for(timeout=30_000)
        assert p.locator('[data-testid="stFileChip"]').count() == 0
        assert p.evaluate("() => document.querySelectorAll('.js-plotly-plot').length") == 0
        assert p.get_by_text("Left aside as text").count() == 0
    for ctx in (uploader, same, other):
        ctx.close()


LINKS = ["/?lr=0.2&batch=16&epochs=30", "/?lr=0.3&batch=8&epochs=20"]


def test_a_killed_replicas_pages_reconnect_to_a_live_one_and_their_links_restore_the_view(
    browser,
):
    with local_cluster(2) as cluster:
        dead, live = list(cluster.replicas)
        ctxs = contexts_on(browser, cluster.url, {dead: 2, live: 1})
        pages = {}
        for where, cs in ctxs.items():
            for i, ctx in enumerate(cs):
                page = ctx.new_page()
                sockets, errors = watch(page)
                page.goto(cluster.url + LINKS[i])
                pages[page] = (where, LINKS[i], sockets, errors)
        views = {}
        for page in pages:
            page.wait_for_function(ALL_DRAWN, timeout=90_000)
            views[page] = page.evaluate(PATH_OF, "contour")
            assert len(pages[page][2]) == 1
        os.kill(cluster.replicas[dead], signal.SIGKILL)
        deadline = time.monotonic() + 90
        for page, (where, _, sockets, _) in pages.items():
            if where == dead:
                while len(sockets) < 2:  # the page pings with back-off, then reconnects
                    assert time.monotonic() < deadline, "a page of the killed replica is lost"
                    page.wait_for_timeout(250)
                assert replica_of(page.context, cluster.url) == live
        assert any("exited" in line for line in cluster.output), cluster.output
        for page, (where, link, sockets, errors) in pages.items():
            nudge_until_the_path_moves(page, views[page]["x"][1], deadline)
            # the live replica's pages kept their websocket; every page kept its link
            assert len(sockets) == (2 if where == dead else 1)
            for part in link.split("?")[1].split("&")[1:]:
                assert part in page.url
            assert [e for e in errors if "WebSocket" not in e] == []
        # a moved page shows what its link draws, opened fresh (on the live replica)
        moved = next(p for p, v in pages.items() if v[0] == dead)
        fresh = browser.new_page(viewport=VIEWPORT)
        fresh.goto(moved.url)
        fresh.wait_for_function(ALL_DRAWN, timeout=60_000)
        assert fresh.evaluate(PATH_OF, "contour") == moved.evaluate(PATH_OF, "contour")
        fresh.close()
        for cs in ctxs.values():
            for ctx in cs:
                ctx.close()
