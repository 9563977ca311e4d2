import base64
import json
import math

import numpy as np
import pytest

from core import datasets, functions, lab
from tests.apptest_util import figure, figures, fresh_app, numbers_in, specs, trace
from ui import params
from ui import timeline as tl

CONTOUR, DATA = "Contour", "The data"


def assert_healthy(at, views=5):
    assert not at.exception, [e.value for e in at.exception]
    figs = figures(at)
    assert len(figs) >= views  # contour, surface, loss curve, cross-sections, data (or step size)
    for fig in figs:
        for trace_ in fig["data"]:
            values = list(numbers_in({k: v for k, v in trace_.items() if k in ("x", "y", "z")}))
            assert all(math.isfinite(v) for v in values if v is not None), trace_.get("name")
    return figs


def drawn_path(at):
    path = next(t for t in figure(at, CONTOUR)["data"] if t.get("name") == "path" and
                t.get("x") is not None and t["x"][0] is not None)  # fmt: skip
    return np.asarray(path["x"], dtype=float), np.asarray(path["y"], dtype=float)


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def _bar(at):
    bar = next(
        c
        for c in at.get("bidi_component")
        if c.proto.component_name == "losslab-plot.timeline"
        and json.loads(c.proto.json).get("role") == "bar"
    )
    return json.loads(bar.proto.json)


def _decode(array):
    return np.frombuffer(base64.b64decode(array["b64"]), dtype="<" + array["dtype"])


def book_run(**kw):
    problem = lab.make_problem(lab.make_dataset(lab.DataSpec()), scaled=False)
    return problem, lab.run(problem, lab.RunSpec(**kw))


def test_default_opens_at_the_start_of_the_books_run_with_its_result_in_view():
    """Ready to play: the timeline at update 0, the numbers at update 0, and the result of the
    whole run (the book's b = 1.0235, w = 1.9690) in the status line and the end's numbers."""
    at = fresh_app()
    assert_healthy(at)
    m = metrics(at)
    assert (m["b at update 0"], m["w at update 0"]) == ("0.4967", "-0.1383")
    assert (m["b at the end"], m["w at the end"]) == ("1.0235", "1.9690")
    assert m["Stable learning rate below"] == "0.806"
    status = " ".join(s.value for s in at.success)
    assert "Reaches the minimum" in status and "b = 1.0235, w = 1.9690" in status
    data = _bar(at)
    assert data["start"] == 0 and _decode(data["tracks"][0]["positions"])[0] == 0
    assert at.select_slider(key="lr").value == 0.1 and at.select_slider(key="batch").value == 80
    b, w = drawn_path(at)
    assert (b[0], w[0]) == pytest.approx((0.49671415, -0.1382643), abs=1e-6)  # the book's start
    # the 3D marker waits at the start too
    marker = next(t for t in figure(at, "The loss surface")["data"] if t.get("meta") == "tl-point")
    assert (marker["x"][0], marker["y"][0]) == pytest.approx((0.49671415, -0.1382643), rel=1e-6)

    def axis_titles(start):
        layout = figure(at, start)["layout"]
        return tuple(layout[a].get("title", {}).get("text") for a in ("xaxis", "yaxis"))

    assert axis_titles(CONTOUR) == ("b", "w") and axis_titles("Loss against") == ("epoch", "MSE")
    assert axis_titles(DATA) == ("x", "y")
    cross = figure(at, "Cross-sections")["layout"]
    assert cross["xaxis"]["title"]["text"] == "L(w), b held"
    assert cross["xaxis2"]["title"]["text"] == "L(b), w held"


def test_the_loss_axis_is_log_where_the_loss_spans_decades_and_linear_on_request():
    at = fresh_app()
    curve = figure(at, "Loss against")
    assert curve["layout"]["yaxis"]["type"] == "log"  # 2.74 down to 0.008: more than 2 decades
    names = [t.get("name") for t in curve["data"]]
    assert "mini-batch loss" not in names  # full batch: no mini-batches, no entry for them
    at.radio(key="log").set_value(False).run()
    assert figure(at, "Loss against")["layout"]["yaxis"]["type"] == "linear"
    assert at.query_params["log"] == "0"
    mini = fresh_app(batch="16")
    assert "mini-batch loss" in [t.get("name") for t in figure(mini, "Loss against")["data"]]


def test_the_numbers_follow_the_timeline():
    """Where the user stopped the timeline (the bar's report, then a rerun), the numbers under
    the charts are the run's at that update; the figures stay as they were sent."""
    at = fresh_app(batch="16", epochs="6")
    before = specs(at)
    at.session_state[tl.STATE] = 10
    at.run()
    _, traj = book_run(lr=0.1, batch_size=16, epochs=6)
    m = metrics(at)
    assert m["b at update 10"] == f"{traj.params[10, 0]:.4f}"
    assert m["w at update 10"] == f"{traj.params[10, 1]:.4f}"
    assert m["Train loss at update 10"] == f"{traj.train_loss[10]:.5g}"
    assert specs(at) == before
    assert at.query_params["step"] == "10"


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
        assert any("Blows up at update" in e.value for e in at.error)
        assert any("stable limit" in e.value for e in at.error)


def test_a_run_that_blows_up_offers_the_largest_stable_rate_in_one_click():
    """The book's bad feature x × 10 at the default η = 0.1 explodes at once: the page says why
    and offers the largest slider rate below the limit, which then runs cleanly."""
    at = fresh_app(scenario="book_x10")
    assert_healthy(at, views=4)
    assert any("above the stable limit" in e.value for e in at.error)
    problem = lab.make_problem(lab.make_dataset(lab.DataSpec(scenario="book_x10")), scaled=False)
    button = next(b for b in at.button if b.label.startswith("Use η"))
    rate = float(button.label.split("= ")[1])
    assert rate == max(v for v in params.LEARNING_RATES if v < problem.stable_lr)
    button.click().run()
    assert at.select_slider(key="lr").value == rate
    assert not at.error and any("Reaches the minimum" in s.value or "on its way" in s.value
                                for s in [*at.success, *at.info])  # fmt: skip
    # the zoomed-out view showed how the blown-up run grew
    blown = fresh_app(scenario="book_x10")
    assert figure(blown, "The whole path")


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
        "log": lambda a: a.radio(key="log").set_value(False),
        "opt": lambda a: a.selectbox(key="opt").set_value("adam"),
        "train_b": lambda a: a.toggle(key="train_b").set_value(False),
        "fit": lambda a: a.radio(key="fit").set_value("neuron"),
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


def test_reset_returns_every_control_to_its_default_and_empties_the_link():
    # (the language stays too, but AppTest formats a selectbox in English between runs)
    at = fresh_app(lr="0.5", batch="16", projector="1", log="0")
    assert at.query_params["lr"] == "0.5"
    next(b for b in at.button if b.key == "reset_button").click().run()
    assert not at.exception
    assert at.select_slider(key="lr").value == 0.1
    assert at.select_slider(key="batch").value == 80
    assert at.radio(key="log").value is None
    assert at.toggle(key="projector").value is True  # projector mode stays
    assert dict(at.query_params) == {"projector": "1"}


def test_synthetic_controls_change_the_data():
    at = fresh_app()
    at.selectbox(key="scenario").set_value("synthetic").run()
    assert_healthy(at)
    n_before = len(trace(figure(at, DATA), "train")["x"])
    at.slider(key="n").set_value(1000).run()
    assert_healthy(at)
    assert len(trace(figure(at, DATA), "train")["x"]) == 800 != n_before
    at.number_input(key="x_max").set_value(1000.0).run()  # a badly scaled feature
    assert_healthy(at, views=4)
    assert max(trace(figure(at, DATA), "train")["x"]) > 100


def test_batch_full_stays_full_across_scenarios():
    at = fresh_app()
    at.selectbox(key="scenario").set_value("line5x").run()
    assert at.select_slider(key="batch").value == 400
    at.select_slider(key="batch").set_value(10).run()
    at.selectbox(key="scenario").set_value("book").run()
    assert at.select_slider(key="batch").value == 10
    assert_healthy(at)


def test_path_that_leaves_the_plot_is_said_to_have_left_and_shown_zoomed_out():
    at = fresh_app(lr="1")  # above the limit 0.806: grows slowly
    assert_healthy(at)
    assert any("leaves the plotted area" in w.value for w in at.warning)
    b, w = drawn_path(at)
    x_range = figure(at, CONTOUR)["layout"]["xaxis"]["range"]
    y_range = figure(at, CONTOUR)["layout"]["yaxis"]["range"]
    assert len(b) >= 2
    assert np.all((b >= x_range[0]) & (b <= x_range[1]) & (w >= y_range[0]) & (w <= y_range[1]))
    whole = figure(at, "The whole path")
    path = next(t for t in whole["data"] if t.get("name") == "path")
    _, traj = book_run(lr=1.0, batch_size=80)
    assert np.max(path["x"]) == pytest.approx(traj.params[:, 0].max(), rel=1e-5)
    lo, hi = whole["layout"]["xaxis"]["range"]
    assert lo <= traj.params[:, 0].min() and traj.params[:, 0].max() <= hi


def test_a_step_in_the_link_opens_the_timeline_there():
    at = fresh_app(batch="16", epochs="6", step="7")
    assert_healthy(at)
    data = _bar(at)
    track = data["tracks"][0]
    positions = _decode(track["positions"])
    assert positions.tolist() == list(range(31)) and track["K"] == 30 and track["upe"] == 5
    assert positions[data["start"]] == 7
    # the 3D marker is drawn there before any JavaScript runs
    _, traj = book_run(lr=0.1, batch_size=16, epochs=6)
    marker = next(t for t in figure(at, "The loss surface")["data"] if t.get("meta") == "tl-point")
    assert (marker["x"][0], marker["y"][0]) == pytest.approx(tuple(traj.params[7]), rel=1e-6)
    # the frame table in the page is the core's: gradient of update 8 at position 7
    g0 = _decode(track["columns"]["g0"])
    assert g0.dtype == np.float64 and g0[7] == traj.grads[7, 0]
    assert at.query_params["step"] == "7"
    assert metrics(at)["b at update 7"] == f"{traj.params[7, 0]:.4f}"


@pytest.mark.parametrize(
    "step, start, notice",
    [("999999", 30, "past the end"), ("31", 30, "past the end"), ("-3", 0, "step"),
     ("abc", 0, "step"), ("2.5", 0, "step")],
)  # fmt: skip
def test_a_bad_or_too_large_step_opens_at_the_start_or_the_end_with_a_notice(step, start, notice):
    at = fresh_app(batch="16", epochs="6", step=step)
    assert_healthy(at)
    assert _bar(at)["start"] == start
    assert any(notice in c.value for c in at.caption)
    assert at.query_params.get("step") == (None if start == 0 else str(start))


def test_the_parameters_pages_timeline_does_not_move_the_explorers():
    """Both pages have a timeline; each keeps its own position across page switches."""
    at = fresh_app(batch="16", epochs="6", step="7")
    assert _bar(at)["start"] == 7
    at.switch_page("app_pages/parameters.py").run()
    assert not at.exception
    assert "step" not in at.query_params  # that page opens at its own start
    at.switch_page("app_pages/explorer.py").run()
    assert_healthy(at)
    assert _bar(at)["start"] == 7
    assert at.query_params["step"] == "7"


def test_the_loss_curve_keeps_its_axes_while_the_learning_rate_moves():
    """Against fixed axes the curves of different learning rates compare at a glance (and the
    browser redraws the lines alone): linear from 0 to just above the losses at the start, or
    log from below the lowest possible loss, neither of which η changes. A run that diverged
    gets axes fitted to its blow-up."""
    for log in ("0", "1"):
        layouts = []
        for lr in ("0.01", "0.03", "0.1"):
            at = fresh_app(lr=lr, batch="16", epochs="50", log=log)
            assert_healthy(at)
            curve = figure(at, "Loss against")
            starts = [float(np.asarray(trace(curve, n)["y"])[0])
                      for n in ("train", "validation", "mini-batch loss")]  # fmt: skip
            bottom, top = curve["layout"]["yaxis"]["range"]
            if log == "0":
                assert bottom == 0 and max(starts) < top <= 1.05 * max(starts) * (1 + 1e-6)
            else:
                assert 10**top > max(starts) and 10**bottom < np.min(trace(curve, "train")["y"])
            assert curve["layout"]["xaxis"]["range"] == [0, 50]
            layouts.append(json.dumps(curve["layout"], sort_keys=True))
        assert layouts[0] == layouts[1] == layouts[2]
    at = fresh_app(lr="5", batch="16", epochs="50", log="0")
    assert "Blows up" in " ".join(e.value for e in at.error)
    curve = figure(at, "Loss against")
    assert "range" not in curve["layout"]["yaxis"] and "range" not in curve["layout"]["xaxis"]


@pytest.mark.parametrize("key", functions.KEYS)
def test_every_test_function_opens_with_its_own_rate_formula_and_points(key):
    """A test function brings its own learning rate (the link leaves it out), its minima and
    saddle points on the map, the step size against the local stable step where the data plot
    would be, and no batches or epochs."""
    f = functions.FUNCTIONS[key]
    at = fresh_app(scenario=key)
    assert_healthy(at)
    assert at.select_slider(key="lr").value == pytest.approx(f.lr)
    assert "lr" not in at.query_params and at.query_params["scenario"] == key
    assert not [s for s in at.select_slider if s.key == "batch"]
    contour = figure(at, CONTOUR)
    marked = [(t["x"][0], t["y"][0]) for t in contour["data"] if t.get("legendgroup") == "minimum"]
    assert len(marked) == sum(p.kind == "minimum" for p in f.points)
    assert figure(at, "Step size and the stable")
    cross = {t.get("name") for t in figure(at, "Cross-sections")["data"]}
    assert "the function f" in cross and "all training data" not in cross  # no data here
    problem = lab.function_problem(key)
    traj = lab.run(problem, lab.RunSpec(lr=f.lr, epochs=f.updates, batch_size=1))
    m = metrics(at)
    assert m["x at the end"] == f"{traj.params[-1, 0]:.4f}"
    assert m["y at the end"] == f"{traj.params[-1, 1]:.4f}"


def test_changing_to_a_function_and_back_brings_each_problems_own_rate():
    at = fresh_app()
    at.selectbox(key="scenario").set_value("rosenbrock").run()
    assert at.select_slider(key="lr").value == 0.001
    at.selectbox(key="scenario").set_value("book").run()
    assert at.select_slider(key="lr").value == 0.1
    linked = fresh_app(scenario="rosenbrock", lr="0.0005")
    assert linked.select_slider(key="lr").value == 0.0005  # a link's rate wins


def test_the_neuron_on_its_data_marks_two_minima_and_the_saddle():
    at = fresh_app(scenario="tanh", fit="neuron")
    assert_healthy(at)
    contour = figure(at, CONTOUR)
    assert contour["layout"]["xaxis"]["title"]["text"] == "w1"
    kinds = [t.get("legendgroup") for t in contour["data"] if t.get("legendgroup")]
    assert kinds.count("minimum") == 2 and kinds.count("saddle") == 1
    fit = trace(figure(at, DATA), "at the minimum")
    problem = lab.problem_of(lab.DataSpec(scenario="tanh", model="neuron"), scaled=False)
    best = next(p for p in problem.surface.points if p.kind == "minimum").theta
    x = np.asarray(fit["x"])
    np.testing.assert_allclose(fit["y"], best[1] * np.tanh(best[0] * x), rtol=1e-6)
    assert len(x) > 2  # a curve, not a line


def test_the_opening_start_is_the_books_draw():
    assert datasets.book_initial_params() == pytest.approx((0.49671415, -0.1382643), abs=1e-8)


def test_a_standardised_run_names_its_parameters_primed_and_gives_the_original_units():
    at = fresh_app(scaling="standard")
    assert_healthy(at)
    m = metrics(at)
    assert "b′ at the end" in m and "w′ at the end" in m and "b at the end" not in m
    data = lab.make_dataset(lab.DataSpec())
    b, w = np.linalg.lstsq(
        np.column_stack([np.ones_like(data.x_train), data.x_train]), data.y_train, rcond=None
    )[0]
    caption = " ".join(c.value for c in at.caption)
    assert f"original units b = {b:.4f}, w = {w:.4f}" in caption
    assert "b′ = " in caption


def test_an_exact_fit_ends_at_a_loss_people_read_as_zero():
    """The course data lie on y = 2x: the loss ends at rounding noise (~1e-31), shown as ≈ 0
    with the exact value in the help, not as 2.8155e-31."""
    at = fresh_app(scenario="course")
    assert_healthy(at)
    final = next(m for m in at.metric if m.label == "Train loss at the end")
    assert final.value == "≈ 0"
    assert float(final.help) < 1e-20
    start = next(m for m in at.metric if m.label == "Train loss at update 0")
    assert start.value != "≈ 0"


def test_a_bad_feature_that_diverges_offers_the_largest_safe_rate_in_one_click():
    """x × 10 at the default η = 0.1 blows up at once: the page says why and offers the largest
    slider rate below the stable limit 2 / λ_max (from the Hessian, independently here)."""
    at = fresh_app(scenario="book_x10")
    assert not at.exception
    assert any("above the stable limit" in e.value for e in at.error)
    data = lab.make_dataset(lab.DataSpec(scenario="book_x10"))
    phi = np.column_stack([np.ones_like(data.x_train), data.x_train])
    limit = 2 / np.linalg.eigvalsh(2 * phi.T @ phi / len(phi))[-1]
    safe = max(v for v in params.LEARNING_RATES if v < limit)
    button = next(b for b in at.button if b.key == "safe_rate")
    assert button.label == f"Use η = {safe:g}"
    button.click().run()
    assert at.select_slider(key="lr").value == safe
    assert not at.error  # the run at the safe rate no longer diverges
    assert at.query_params["lr"] == f"{safe:g}"


def test_an_ill_conditioned_feature_that_diverges_offers_standardising():
    """Values in the thousands (condition number ~10^7 here, computed independently) blow up at
    the default η with no safe slider rate at all: the page offers to standardise the feature,
    and with it the same η converges."""
    from tests.test_app_upload import uploaded

    rows = "".join(f"{1000 + 10 * i},{3 * i + 2}\n" for i in range(40))
    at = uploaded(("area,price\n" + rows).encode())
    x = np.array([1000 + 10 * i for i in range(40)], dtype=float)
    phi = np.column_stack([np.ones_like(x), x])
    assert np.linalg.cond(phi.T @ phi) > 1e3
    assert any("above the stable limit" in e.value for e in at.error)
    button = next(b for b in at.button if b.key == "safe_scaling")
    assert button.label == "Standardise x"
    button.click().run()
    assert not at.exception
    assert at.radio(key="scaling").value == "standard"
    assert not at.error  # standardised, the default η = 0.1 is stable
    assert any("Reaches the minimum" in s.value for s in at.success)
