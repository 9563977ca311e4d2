import base64
import json
import math

import numpy as np
import pytest

from tests.apptest_util import figure, figures, fresh_app, numbers_in, specs, trace

CONTOUR, DATA = "Contour", "Data"


def assert_healthy(at):
    assert not at.exception, [e.value for e in at.exception]
    figs = figures(at)
    assert len(figs) == 5  # surface, contour, loss curve, data, cross-sections
    for fig in figs:
        for trace_ in fig["data"]:
            values = list(numbers_in({k: v for k, v in trace_.items() if k in ("x", "y", "z")}))
            assert all(math.isfinite(v) for v in values if v is not None), trace_.get("name")
    return figs


def drawn_path(at):
    path = trace(figure(at, CONTOUR), "path")
    return np.asarray(path["x"], dtype=float), np.asarray(path["y"], dtype=float)


def test_default_opens_on_the_book_scenario_with_the_books_numbers():
    at = fresh_app()
    assert_healthy(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["b after training"] == "1.0235"
    assert metrics["w after training"] == "1.9690"
    assert at.select_slider(key="lr").value == 0.1
    assert at.select_slider(key="batch").value == 80
    b, w = drawn_path(at)
    assert (b[0], w[0]) == pytest.approx((0.49671415, -0.1382643), abs=1e-6)  # the book's start
    assert any("Converged" in s.value for s in at.success)

    def axis_titles(start):
        layout = figure(at, start)["layout"]
        return tuple(layout[a].get("title", {}).get("text") for a in ("xaxis", "yaxis"))

    assert axis_titles("Contour") == ("b", "w") and axis_titles("Loss against") == ("epoch", "MSE")
    assert axis_titles("Data") == ("x", "y") and axis_titles("Cross-sections") == ("w", "MSE")
    assert figure(at, "Cross-sections")["layout"]["xaxis2"]["title"]["text"] == "b"


@pytest.mark.parametrize("lr", [1e-4, 10.0])
@pytest.mark.parametrize("batch", [1, 80])
@pytest.mark.parametrize("scaling", ["none", "standard"])
def test_extreme_controls_run_cleanly(lr, batch, scaling):
    at = fresh_app()
    at.select_slider(key="lr").set_value(lr)
    at.select_slider(key="batch").set_value(batch)
    at.radio(key="scaling").set_value(scaling)
    at.run()
    assert_healthy(at)
    if lr == 10.0:
        assert any("Diverged at update" in e.value for e in at.error)
        assert any("stable limit" in e.value for e in at.error)


def test_each_control_changes_what_is_drawn():
    at = fresh_app()
    at.select_slider(key="batch").set_value(8)  # so that seed and shuffle matter
    at.run()
    changes = {
        "lr": lambda a: a.select_slider(key="lr").set_value(0.5),
        "batch": lambda a: a.select_slider(key="batch").set_value(1),
        "epochs": lambda a: a.slider(key="epochs").set_value(3),
        "scaling": lambda a: a.radio(key="scaling").set_value("standard"),
        "seed": lambda a: a.number_input(key="seed").set_value(7),
        "shuffle": lambda a: a.toggle(key="shuffle").set_value(False),
        "scenario": lambda a: a.selectbox(key="scenario").set_value("line5x"),
        "log": lambda a: a.toggle(key="log").set_value(True),
        "opt": lambda a: a.selectbox(key="opt").set_value("adam"),
        "train_b": lambda a: a.toggle(key="train_b").set_value(False),
    }
    for name, change in changes.items():
        before = specs(at)
        change(at)
        at.run()
        assert_healthy(at)
        assert specs(at) != before, f"changing {name} changed nothing drawn"
        # put it back so each change is judged on its own
        at = fresh_app()
        at.select_slider(key="batch").set_value(8)
        at.run()


def test_start_set_by_hand_moves_the_start_marker():
    at = fresh_app()
    at.radio(key="start").set_value("manual").run()
    # switching begins at the drawn start, rounded
    assert at.slider(key="b0").value == pytest.approx(0.5)
    at.slider(key="b0").set_value(-1.5)
    at.slider(key="w0").set_value(4.0)
    at.run()
    assert_healthy(at)
    start = trace(figure(at, CONTOUR), "start")
    assert (start["x"][0], start["y"][0]) == pytest.approx((-1.5, 4.0))


def test_synthetic_controls_change_the_data():
    at = fresh_app()
    at.selectbox(key="scenario").set_value("synthetic").run()
    assert_healthy(at)
    n_before = len(trace(figure(at, DATA), "train")["x"])
    at.slider(key="n").set_value(1000).run()
    assert_healthy(at)
    assert len(trace(figure(at, DATA), "train")["x"]) == 800 != n_before
    at.number_input(key="x_max").set_value(1000.0).run()  # a badly scaled feature
    assert_healthy(at)
    assert max(trace(figure(at, DATA), "train")["x"]) > 100


def test_batch_full_stays_full_across_scenarios():
    at = fresh_app()
    at.selectbox(key="scenario").set_value("line5x").run()
    assert at.select_slider(key="batch").value == 400
    at.select_slider(key="batch").set_value(10).run()
    at.selectbox(key="scenario").set_value("book").run()
    assert at.select_slider(key="batch").value == 10
    assert_healthy(at)


def test_path_that_leaves_the_plot_is_said_to_have_left():
    at = fresh_app()
    at.select_slider(key="lr").set_value(1.0).run()  # above the limit 0.806: grows slowly
    assert_healthy(at)
    assert any("left the plotted area" in w.value for w in at.warning)
    b, w = drawn_path(at)
    x_range = figure(at, CONTOUR)["layout"]["xaxis"]["range"]
    y_range = figure(at, CONTOUR)["layout"]["yaxis"]["range"]
    assert len(b) >= 2
    assert np.all((b >= x_range[0]) & (b <= x_range[1]) & (w >= y_range[0]) & (w <= y_range[1]))


def _timeline_data(at):
    bar = next(
        c
        for c in at.get("bidi_component")
        if c.proto.component_name == "losslab-plot.timeline"
        and json.loads(c.proto.json).get("role") == "bar"
    )
    return json.loads(bar.proto.json)


def _decode(array):
    return np.frombuffer(base64.b64decode(array["b64"]), dtype="<" + array["dtype"])


def test_a_step_in_the_link_opens_the_timeline_there():
    from core import lab

    at = fresh_app(batch="16", epochs="6", step="7")
    assert_healthy(at)
    data = _timeline_data(at)
    positions = _decode(data["positions"])
    assert positions.tolist() == list(range(31)) and data["K"] == 30 and data["upe"] == 5
    assert positions[data["start"]] == 7
    # the 3D marker is drawn there before any JavaScript runs
    problem = lab.make_problem(lab.make_dataset(lab.DataSpec()), scaled=False)
    traj = lab.run(problem, lab.RunSpec(lr=0.1, batch_size=16, epochs=6))
    marker = next(t for t in figure(at, "Loss surface")["data"] if t.get("meta") == "tl-point")
    assert (marker["x"][0], marker["y"][0]) == pytest.approx(tuple(traj.params[7]), rel=1e-12)
    # the frame table in the page is the core's: gradient of update 8 at position 7
    gb = _decode(data["columns"]["gb"])
    assert gb.dtype == np.float64 and gb[7] == traj.grads[7, 0]
    assert at.query_params["step"] == "7"


@pytest.mark.parametrize(
    "step, start", [("999999", 30), ("31", 30), ("-3", 0), ("abc", 30), ("2.5", 30)]
)
def test_a_bad_or_too_large_step_opens_at_the_end_with_a_notice(step, start):
    at = fresh_app(batch="16", epochs="6", step=step)
    assert_healthy(at)
    assert _timeline_data(at)["start"] == start
    assert any("step" in c.value for c in at.caption)
    assert at.query_params.get("step") == (None if start == 30 else str(start))


def test_the_parameters_pages_step_slider_does_not_move_the_timeline():
    """Both pages have a ``step``; each keeps its own position across page switches."""
    at = fresh_app(batch="16", epochs="6", step="7")
    assert _timeline_data(at)["start"] == 7
    at.switch_page("app_pages/parameters.py").run()
    assert not at.exception
    at.slider(key="step").set_value(3).run()
    at.switch_page("app_pages/explorer.py").run()
    assert_healthy(at)
    assert _timeline_data(at)["start"] == 7
    assert at.query_params["step"] == "7"


def test_stopping_at_another_update_redraws_no_figure():
    """The timeline reports where the user stopped (for the link); the figures stay as sent."""
    at = fresh_app(batch="16", epochs="6", step="7")
    before = specs(at)
    at.session_state["_timeline_step"] = 3  # what the bar's report leads to
    at.run()
    assert specs(at) == before
    assert at.query_params["step"] == "3"


def test_the_loss_curve_keeps_its_axes_while_the_learning_rate_moves():
    """Against fixed axes the curves of different learning rates compare at a glance (and the
    browser redraws the lines alone): the loss axis runs from 0 to just above the losses at the
    start, which η does not change. A run that diverged gets axes fitted to its blow-up."""
    layouts = []
    for lr in ("0.01", "0.03", "0.1"):
        at = fresh_app(lr=lr, batch="16", epochs="50")
        assert_healthy(at)
        curve = figure(at, "Loss against")
        starts = [
            float(np.asarray(trace(curve, name)["y"])[0])
            for name in ("train", "validation", "mini-batch loss")
        ]
        bottom, top = curve["layout"]["yaxis"]["range"]
        assert bottom == 0 and max(starts) < top <= 1.05 * max(starts) * (1 + 1e-6)  # float32 data
        assert curve["layout"]["xaxis"]["range"] == [0, 50]
        layouts.append(json.dumps(curve["layout"], sort_keys=True))
    assert layouts[0] == layouts[1] == layouts[2]

    at = fresh_app(lr="5", batch="16", epochs="50")
    assert "Diverged" in " ".join(e.value for e in at.error)
    curve = figure(at, "Loss against")
    assert "range" not in curve["layout"]["yaxis"] and "range" not in curve["layout"]["xaxis"]
