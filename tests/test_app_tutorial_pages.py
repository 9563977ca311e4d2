import base64
import json

import numpy as np
import pytest

from core import lab, scenarios
from tests.apptest_util import figure, fresh_app, specs, trace
from tests.test_lessons import course_batch_loop, course_sgd_loop


def page(path, **query):
    at = fresh_app(**query)
    return at.switch_page(path).run()


def bar(at):
    return next(
        json.loads(c.proto.json)
        for c in at.get("bidi_component")
        if c.proto.component_name == "losslab-plot.timeline"
        and json.loads(c.proto.json).get("role") == "bar"
    )


def column(track, name):
    array = track["columns"][name]
    return np.frombuffer(base64.b64decode(array["b64"]), dtype="<" + array["dtype"])


def test_one_weight_opens_on_the_course_notes_and_prints_their_predictions():
    at = page("app_pages/one_weight.py")
    assert not at.exception
    metrics = {m.label: m for m in at.metric}
    assert metrics["Prediction for x = 4, before"].value == "4"
    # rounded for people on the page, every digit in the help
    for label, loop in (("after, all data per update", course_batch_loop),
                        ("after, one sample per update", course_sgd_loop)):  # fmt: skip
        metric = metrics[label]
        assert float(metric.value) == pytest.approx(4 * loop(), abs=5e-5)
        assert float(metric.help.split("= ")[1]) == pytest.approx(loop(), rel=1e-10)


def test_one_weight_has_a_timeline_whose_steps_are_the_notes_loop():
    """The timeline follows one run (all data per update by default); each frame's update is
    the notes' step w <- w - lr * mean(2 x (x w - y)), and the tangent the page draws has that
    gradient as its slope."""
    at = page("app_pages/one_weight.py")
    data = bar(at)
    track = data["tracks"][0]
    assert data["start"] == 0 and track["K"] == 100 and track["held"] == [True, False]
    w, g, nw = column(track, "p1"), column(track, "g1"), column(track, "n1")
    x, y = np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 6.0])
    for k in (0, 1, 50):
        assert g[k] == pytest.approx(np.mean(2 * x * (x * w[k] - y)), rel=1e-12)
        assert nw[k] == pytest.approx(w[k] - 0.01 * g[k], rel=1e-12)
    curve = figure(at, "Loss against w")
    names = [t.get("name") for t in curve["data"]]
    assert "tangent: slope = ∂L" in names and "cost L(w), all data" in names
    # following one sample per update: three updates an epoch, each on one sample, in order
    at.radio(key="follow").set_value("sgd").run()
    track = bar(at)["tracks"][0]
    assert track["K"] == 300 and track["upe"] == 3
    w, g = column(track, "p1"), column(track, "g1")
    for k, (xi, yi) in enumerate(zip(x, y, strict=True)):
        assert g[k] == pytest.approx(2 * xi * (xi * w[k] - yi), rel=1e-12)
    assert at.query_params["follow"] == "sgd"


def test_one_weight_literal_learning_rate_diverges_and_says_so():
    at = page("app_pages/one_weight.py")
    next(b for b in at.button if "literal" in b.label).click().run()
    assert not at.exception
    assert at.select_slider(key="lr").value == 0.3
    assert any("Blows up" in e.value for e in at.error)


def test_several_parameters_reports_estimates_errors_and_moves_the_slice():
    at = page("app_pages/parameters.py")
    assert not at.exception
    rows = at.dataframe[0].value
    assert list(rows["parameter"]) == ["b", "w1", "w2"]
    errors = rows["error (true − estimated)"].astype(float)
    assert (errors.abs() < 3e-3).all()
    # the timeline: three parameters, the slice over w1 and w2
    track = bar(at)["tracks"][0]
    assert track["names"] == ["b", "w1", "w2"] and track["axes"] == [1, 2]
    before = specs(at)
    at.session_state["_params_step"] = 100  # where the timeline stopped
    at.run()
    assert specs(at) != before  # held at the position shown: the slice moved
    assert at.query_params["step"] == "100"
    held_current = figure(at, "Loss over")["data"][0]
    at.radio(key="hold").set_value("optimum").run()
    held_optimum = figure(at, "Loss over")["data"][0]
    assert not np.array_equal(held_optimum["z"], held_current["z"])
    # held at the optimum, the slice is the loss with b at b*, whatever the update shown
    recipe = scenarios.d2l_linear()
    b_star = np.linalg.lstsq(recipe.phi, recipe.y, rcond=None)[0][0]
    for i, j in ((0, 0), (50, 20), (100, 100)):
        w1, w2 = float(held_optimum["x"][i]), float(held_optimum["y"][j])
        mse = np.mean((recipe.phi @ [b_star, w1, w2] - recipe.y) ** 2)
        assert 10 ** float(held_optimum["z"][j, i]) == pytest.approx(mse, rel=1e-5)
    at.session_state["_params_step"] = 5000
    at.run()
    slice_a = figure(at, "Loss over")["data"][0]["z"]
    at.session_state["_params_step"] = 100
    at.run()
    np.testing.assert_array_equal(figure(at, "Loss over")["data"][0]["z"], slice_a)


def test_several_parameters_timeline_is_the_tutorials_run():
    at = page("app_pages/parameters.py", model="poly", axes="0,2", hold="optimum")
    assert not at.exception
    assert at.radio(key="model").value == "poly"
    assert at.multiselect(key="axes").value == [0, 2]
    assert "Loss over (w1, w3)" in figure(at, "Loss over")["layout"]["title"]["text"]
    r = scenarios.polynomial_003()
    problem = lab.recipe_problem("poly")
    spec = lab.RunSpec(lr=r.lr, batch_size=1, epochs=r.epochs, shuffle=False,
                       start=tuple(r.theta0), stop_below=r.stop_below)  # fmt: skip
    traj = lab.run(problem, spec)
    track = bar(at)["tracks"][0]
    assert track["K"] == traj.n_updates
    np.testing.assert_array_equal(column(track, "p2")[:5], traj.params[:5, 2])
    path = trace(figure(at, "Loss over"), "path")
    assert path["x"][0] == pytest.approx(1.0) and path["y"][0] == pytest.approx(1.0)
