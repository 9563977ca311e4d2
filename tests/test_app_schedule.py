"""Learning-rate schedules on the pages: the link sets them, the loss chart draws η per epoch,
the timeline gives the maths panel each update's own η, Compare sets schedules side by side,
and a bad schedule in a link is named in the notice with nothing else changed."""

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from core import schedules
from tests.apptest_util import APP, figure, figures, fresh_app
from tests.test_app_explorer import _bar, _decode, assert_healthy, book_run
from tests.test_schedules import torch_style_rates

LOSS = "Loss against epoch"


def eta_trace(fig):
    return next((t for t in fig["data"] if t.get("yaxis") == "y2"), None)


def test_a_cosine_link_draws_eta_under_the_loss_and_feeds_the_maths_panel_each_updates_eta():
    at = fresh_app(sched="cosine", warmup="50", batch="16", epochs="200")
    assert_healthy(at)
    want = torch_style_rates("cosine", 0.1, 200, warmup=50)
    eta = eta_trace(figure(at, LOSS))
    assert eta is not None and eta["line"]["shape"] == "hv"
    x, y = np.asarray(eta["x"], float), np.asarray(eta["y"], float)
    np.testing.assert_allclose(y[:-1], np.asarray(want)[x[:-1].astype(int)], rtol=1e-12)
    assert x[0] == 0 and x[-1] == 200 and y.max() == pytest.approx(0.1)
    layout = figure(at, LOSS)["layout"]
    assert layout["yaxis2"]["domain"][1] < layout["yaxis"]["domain"][0]  # a strip under the loss
    track = _bar(at)["tracks"][0]
    assert track["scheduled"] is True and track["lr"] == 0.1
    positions, lr = _decode(track["positions"]), _decode(track["columns"]["lr"])
    has_next = positions < track["K"]
    epochs_of = positions[has_next] // track["upe"]
    np.testing.assert_allclose(lr[has_next], np.asarray(want)[epochs_of], rtol=1e-12)
    assert np.isnan(lr[~has_next]).all()
    assert at.query_params["sched"] == "cosine" and at.query_params["warmup"] == "50"


def test_the_constant_schedule_draws_no_strip_and_keeps_the_link_short():
    at = fresh_app()
    assert eta_trace(figure(at, LOSS)) is None
    assert "yaxis2" not in figure(at, LOSS)["layout"]
    track = _bar(at)["tracks"][0]
    assert track["scheduled"] is False
    assert "sched" not in at.query_params and "warmup" not in at.query_params


def test_choosing_a_schedule_in_the_sidebar_changes_the_run_and_the_link():
    at = fresh_app(batch="1", epochs="20", lr="0.2")
    before = _decode(_bar(at)["tracks"][0]["columns"]["p0"])
    at.selectbox(key="sched").set_value("step").run()
    at.number_input(key="every").set_value(5).run()
    assert_healthy(at)
    assert at.query_params["sched"] == "step" and at.query_params["every"] == "5"
    after = _decode(_bar(at)["tracks"][0]["columns"]["p0"])
    _, traj = book_run(
        lr=0.2,
        batch_size=1,
        epochs=20,
        schedule=schedules.Schedule(name="step", every=5),
    )
    assert not np.allclose(before, after)
    assert after[-1] == pytest.approx(traj.params[-1, 0], rel=1e-6)


def test_a_schedule_on_a_test_function_draws_eta_in_the_step_size_chart():
    at = fresh_app(scenario="rosenbrock", sched="step", every="500", drop="0.5")
    assert_healthy(at)
    chart = figure(at, "Step size")
    line = next(t for t in chart["data"] if t.get("line", {}).get("shape") == "hv")
    y = np.asarray(line["y"], float)
    assert y[0] == pytest.approx(y.max()) and y[-1] < y[0]
    levels = np.unique(y)[::-1]
    np.testing.assert_allclose(levels / y[0], [0.5**k for k in range(levels.size)])


@pytest.mark.parametrize(
    "query,victim",
    [
        ({"sched": "fast", "lr": "0.2"}, "sched"),
        ({"sched": "exp", "gamma": "zero", "lr": "0.2"}, "gamma"),
        ({"sched": "step", "every": "1e400", "lr": "0.2"}, "every"),
    ],
)
def test_a_bad_schedule_in_a_link_is_named_and_the_rest_kept(query, victim):
    at = fresh_app(**query)
    assert not at.exception
    notice = " ".join(c.value for c in at.caption if c.value.startswith("⚠️"))
    assert victim in notice
    assert at.query_params["lr"] == "0.2"


def compare(**query) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.switch_page("app_pages/compare.py")
    at.query_params.update(query)
    return at.run()


def test_compare_constant_against_cosine_the_cosine_run_settles_lower():
    at = compare(compare="schedule", batch="1", lr="0.2", epochs="50")
    assert not at.exception, [e.value for e in at.exception]
    chart = figure(at, LOSS)
    loss = {t["name"]: np.asarray(t["y"], float) for t in chart["data"] if "yaxis" not in t}
    eta = {t["name"]: np.asarray(t["y"], float) for t in chart["data"] if t.get("yaxis") == "y2"}
    assert set(eta) == {"constant", "cosine"} <= set(loss)
    # the last epoch: constant η keeps jittering about the minimum, cosine has settled
    assert loss["cosine"][-1] < loss["constant"][-1] / 1.0001
    assert (eta["constant"] == 0.2).all() and eta["cosine"][0] == 0.2 and eta["cosine"][-1] < 1e-3
    assert at.query_params["compare"] == "schedule"


def test_compare_schedules_in_chinese():
    at = compare(compare="schedule", lang="zh", scheds="constant,step,exp,cosine")
    assert not at.exception
    names = {t.get("name") for f in figures(at) for t in f["data"]}
    assert {"不变", "阶梯衰减", "指数衰减", "余弦退火"} <= names


def test_a_focused_link_can_hide_the_schedule_and_keep_it():
    at = fresh_app(sched="exp", gamma="0.9", warmup="3", hide="sched")
    assert not at.exception
    track = _bar(at)["tracks"][0]
    assert track["scheduled"] is True
    lr = _decode(track["columns"]["lr"])
    want = torch_style_rates("exp", 0.1, 1000, warmup=3, gamma=0.9)
    assert lr[0] == pytest.approx(want[0]) and lr[0] < 0.1
    css = " ".join(str(h.proto) for h in at.get("html"))
    for key in ("sched", "warmup", "gamma"):
        assert f".st-key-{key}" in css
