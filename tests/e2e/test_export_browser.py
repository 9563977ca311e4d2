"""A schedule and the export in a real browser: the maths panel writes each update with its own
η, the share box's downloads are the run's CSV and a script that reproduces it, and each chart
saves a PNG at projector size and an SVG."""

import csv
import io
import struct
import subprocess
import sys

import numpy as np
import pytest

from core import lab, schedules
from tests.e2e.test_links_browser import wait_drawn
from tests.test_schedules import torch_style_rates

pytestmark = pytest.mark.browser

QUERY = "sched=step&every=2&drop=0.5&warmup=1&batch=16&epochs=6&lr=0.2"


def the_run():
    problem = lab.problem_of(lab.DataSpec(), scaled=False)
    sched = schedules.Schedule(name="step", every=2, drop=0.5, warmup=1)
    return problem, lab.run(problem, lab.RunSpec(lr=0.2, batch_size=16, epochs=6, schedule=sched))


def download(page, click) -> bytes:
    with page.expect_download(timeout=30_000) as info:
        click()
    return open(info.value.path(), "rb").read()


def test_the_maths_panel_takes_each_updates_eta_and_the_downloads_are_the_run(
    browser, app_url, tmp_path
):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{app_url}/?{QUERY}")
    wait_drawn(page)
    rates = torch_style_rates("step", 0.2, 6, warmup=1, every=2, drop=0.5)
    # update 1 is in the warm-up: η = 0.2 / 1 ... then step forward to epoch 3 (update 11)
    assert "Update with η = 0.2" in page.locator("body").inner_text()
    bar = page.get_by_role("slider", name="Position in the run")
    bar.focus()
    for _ in range(15):  # 5 updates an epoch: update 16 is the first of epoch 4 (η halved)
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(500)
    text = page.locator("body").inner_text()
    assert f"Update with η = {rates[3]:g}" in text, text[:2000]
    assert "from the schedule (base η = 0.2)" in text

    page.get_by_role("button", name="🔗 Share").click()
    body = download(page, lambda: page.get_by_role("button", name="⬇ Run as CSV").click())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    _, traj = the_run()
    assert len(rows) == traj.n_updates + 2
    header = rows[0]
    params = np.array([[float(r[header.index(n)]) for n in ("b", "w")] for r in rows[1:]])
    np.testing.assert_array_equal(params, traj.params)
    lrs = [float(r[header.index("lr")]) for r in rows[1:-1]]
    np.testing.assert_allclose(lrs, np.repeat(rates, 5), rtol=1e-12)

    script = download(page, lambda: page.get_by_role("button", name="⬇ Python script").click())
    path = tmp_path / "losslab_run.py"
    path.write_bytes(script)
    done = subprocess.run([sys.executable, "-I", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    final = dict(
        line.split(" = ") for line in done.stdout.splitlines() if line[:4] in ("b = ", "w = ")
    )
    assert float(final["b"]) == pytest.approx(traj.params[-1, 0], rel=1e-12)
    assert float(final["w"]) == pytest.approx(traj.params[-1, 1], rel=1e-12)
    page.keyboard.press("Escape")

    chart = page.locator(".st-key-contour .js-plotly-plot")
    chart.hover()
    png = download(page, lambda: chart.locator("[data-title^='Save as PNG']").click())
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1920, 1080)
    chart.hover()
    svg = download(page, lambda: chart.locator("[data-title^='Save as SVG']").click())
    head = svg[:400].decode("utf-8", "replace")
    assert head.startswith("<svg") and 'width="1280"' in head and 'height="720"' in head
    context.close()


def test_a_schedule_in_chinese_and_projector_mode_has_no_error(browser, app_url, console_errors):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(f"{app_url}/?{QUERY}&lang=zh&projector=1")
    wait_drawn(page)
    text = page.locator("body").inner_text()
    assert "用 η = 0.2 更新" in text and "来自学习率调度" in text
    assert console_errors == []
    context.close()
