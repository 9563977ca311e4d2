"""The network page in a real browser: it loads, every chart draws, a control redraws them, no
error on the page; screenshots at a desktop, a phone and a projector size (``NET_SHOTS=dir``
keeps them to look at)."""

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHARTS = ".js-plotly-plot"
DRAWN = (
    """(n) => { const g = [...document.querySelectorAll('%s')];
  return g.length >= n && g.every(d => d._fullData && d._fullData.length > 0); }"""
    % CHARTS
)
TITLES = (
    """() => [...document.querySelectorAll('%s')].map(d =>
  ((d.layout.title && d.layout.title.text) || (d.layout.legend && d.layout.legend.title
   && d.layout.legend.title.text) || '').replace(/<[^>]+>/g, ''))"""
    % CHARTS
)
PCA_TITLE = """() => { const g = document.querySelector('.st-key-net_pca .js-plotly-plot');
  return g.layout.title.text; }"""
FIT_Y = """() => { const g = document.querySelector('.st-key-net_fit .js-plotly-plot');
  const tr = g._fullData.find(t => (t.name || '').startsWith('epoch'));
  return Array.from(tr.y).slice(0, 5).join(','); }"""


def shot(page, name: str, *, full: bool = True) -> None:
    """Screen after screen, as a user scrolls (the charts are sized to the screen, so a taller
    viewport would show another page)."""
    where = os.environ.get("NET_SHOTS")
    if not where:
        return
    Path(where).mkdir(parents=True, exist_ok=True)
    main = "document.querySelector('[data-testid=stMain]')"
    total, screen = page.evaluate(f"() => [{main}.scrollHeight, {main}.clientHeight]")
    offsets = range(0, max(total - screen, 0) + screen, screen) if full else [0]
    for i, top in enumerate(offsets):
        page.evaluate(f"(y) => {{ {main}.scrollTop = y; }}", top)
        page.wait_for_timeout(700)
        page.screenshot(path=str(Path(where) / f"{name}_{i}.png"))
    page.evaluate(f"() => {{ {main}.scrollTop = 0; }}")


def test_the_network_page_draws_and_redraws(page, app_url, console_errors):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{app_url}/network")
    page.wait_for_function(DRAWN, arg=6, timeout=90_000)
    titles = page.evaluate(TITLES)
    assert "Loss on a random plane" in titles
    assert any(t.startswith("Plane of the path's 2 PCs") for t in titles)
    assert page.locator(".st-key-net_slice3d canvas").count() >= 1  # WebGL drew the surface
    page.get_by_text("Every view below is a slice through a surface with 49").first.wait_for(
        state="visible", timeout=30_000
    )
    shot(page, "network_1400")
    before = page.evaluate(FIT_Y)
    slider = page.get_by_role("slider", name="Epoch shown")
    slider.focus()
    page.keyboard.press("PageDown")  # 100 epochs back: the fitted curve follows, the link too
    page.wait_for_function("(old) => (%s)() !== old" % FIT_Y, arg=before, timeout=30_000)
    page.wait_for_function("() => location.search.includes('at=900')", timeout=30_000)
    old = page.evaluate(PCA_TITLE)
    units = page.get_by_role("slider", name="Units per layer")
    units.focus()
    page.keyboard.press("ArrowRight")  # 16 -> 17 units: a new network, every view redrawn
    page.wait_for_function("(old) => (%s)() !== old" % PCA_TITLE, arg=old, timeout=60_000)
    page.wait_for_function("() => location.search.includes('units=17')", timeout=30_000)
    page.get_by_text("P = 52 parameters").first.wait_for(state="visible", timeout=30_000)
    assert page.locator("[data-testid=stException]").count() == 0
    assert console_errors == []


def test_play_moves_the_epoch_and_the_fit_in_the_browser(page, app_url, console_errors):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{app_url}/network")
    page.wait_for_function(DRAWN, arg=6, timeout=90_000)
    slider = page.get_by_role("slider", name="Epoch shown")
    fit_at_end = page.evaluate(FIT_Y)
    page.get_by_role("button", name="▶").click()

    def shown() -> int:
        return int(slider.get_attribute("aria-valuetext").replace(",", ""))

    def wait_until(ok, what: str) -> None:
        for _ in range(120):
            if ok():
                return
            page.wait_for_timeout(250)
        pytest.fail(what)

    wait_until(lambda: 0 < shown() < 500, "the play did not start from the beginning")
    seen = shown()
    wait_until(lambda: shown() > seen, "the play did not move on")
    wait_until(lambda: page.evaluate(FIT_Y) != fit_at_end, "the fitted curve did not follow")
    page.get_by_role("button", name="⏸").click()
    page.wait_for_function("() => location.search.includes('at=')", timeout=30_000)
    page.wait_for_timeout(1000)  # a frame already on its way when the button was pressed
    held = shown()
    page.wait_for_timeout(1500)
    assert shown() == held  # paused
    wait_until(lambda: f"at={held}" in page.url, f"the link did not follow to {held}: {page.url}")
    assert page.locator("[data-testid=stException]").count() == 0
    assert console_errors == []


def test_the_preset_pair_draws_both_slices(page, app_url, console_errors):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{app_url}/network")
    page.wait_for_function(DRAWN, arg=6, timeout=90_000)
    page.get_by_role("button", name="Wide vs sharp minimum").click()
    page.wait_for_function(DRAWN, arg=8, timeout=90_000)
    assert "Each run's own random plane" in page.evaluate(TITLES)
    page.get_by_text("Capped at 125 epochs").first.wait_for(state="visible", timeout=30_000)
    shot(page, "network_pair_1400")
    assert page.locator("[data-testid=stException]").count() == 0
    assert console_errors == []


def test_the_network_page_on_a_phone_and_a_projector(browser, app_url):
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = phone.new_page()
    page.goto(f"{app_url}/network?lang=zh")
    page.wait_for_function(DRAWN, arg=6, timeout=90_000)
    page.get_by_text("P = 49 个参数").first.wait_for(state="visible", timeout=30_000)
    from tests.test_text import HALF_WIDTH_NEXT_TO_CJK

    shown = page.evaluate("() => document.querySelector('[data-testid=stMain]').innerText")
    assert HALF_WIDTH_NEXT_TO_CJK.findall(shown) == []
    shot(page, "network_phone_zh")
    phone.close()
    room = browser.new_context(viewport={"width": 1280, "height": 720})
    page = room.new_page()
    page.goto(f"{app_url}/network?projector=1")
    page.wait_for_function(DRAWN, arg=6, timeout=90_000)
    assert page.locator("[data-testid=stException]").count() == 0
    shot(page, "network_projector", full=False)
    shot(page, "network_projector_full")
    room.close()
