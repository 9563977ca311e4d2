import numpy as np
import pytest

from core import scenarios
from tests.apptest_util import figure, fresh_app, specs, trace
from tests.test_lessons import course_batch_loop, course_sgd_loop


def page(path, **query):
    at = fresh_app(**query)
    return at.switch_page(path).run()


def test_one_weight_opens_on_the_course_notes_and_prints_their_predictions():
    at = page("app_pages/one_weight.py")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Prediction for x = 4, before"] == "4"
    assert float(metrics["after, batch GD (all data per step)"]) == pytest.approx(
        4 * course_batch_loop(), rel=1e-9
    )
    assert float(metrics["after, SGD (one sample per step)"]) == pytest.approx(
        4 * course_sgd_loop(), rel=1e-9
    )


def test_one_weight_tangent_has_the_gradients_slope():
    at = page("app_pages/one_weight.py")
    at.slider(key="step1").set_value(2).run()
    fig = figure(at, "Loss against w")
    tangent = trace(fig, "tangent · batch GD (all data per step)")
    steps = trace(fig, "batch GD (all data per step)")
    slope = (tangent["y"][1] - tangent["y"][0]) / (tangent["x"][1] - tangent["x"][0])
    w = 1.0
    for _ in range(2):  # two full-batch steps of the course notes
        w -= 0.01 * sum(2 * x * (x * w - y) for x, y in ((1, 2), (2, 4), (3, 6))) / 3
    assert steps["x"][-1] == pytest.approx(w)
    assert slope == pytest.approx(sum(2 * x * (x * w - y) for x, y in ((1, 2), (2, 4), (3, 6))) / 3)


def test_one_weight_literal_learning_rate_diverges_and_says_so():
    at = page("app_pages/one_weight.py")
    at.button[2].click().run()  # "d2l tiny, literal η = 0.3"
    assert not at.exception
    assert at.select_slider(key="lr").value == 0.3
    assert any("Diverged" in e.value for e in at.error)


def test_several_parameters_reports_estimates_errors_and_moves_the_slice():
    at = page("app_pages/parameters.py")
    assert not at.exception
    rows = at.dataframe[0].value
    assert list(rows["parameter"]) == ["b", "w1", "w2"]
    errors = rows["error (true − estimated)"].astype(float)
    assert (errors.abs() < 3e-3).all()
    before = specs(at)
    at.slider(key="step").set_value(100).run()
    assert specs(at) != before  # held at the current update: the slice moved
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
    at.slider(key="step").set_value(5000).run()
    slice_a = figure(at, "Loss over")["data"][0]["z"]
    at.slider(key="step").set_value(100).run()
    np.testing.assert_array_equal(figure(at, "Loss over")["data"][0]["z"], slice_a)


def test_several_parameters_polynomial_and_a_link():
    at = page("app_pages/parameters.py", model="poly", axes="0,2", hold="optimum")
    assert not at.exception
    assert at.radio(key="model").value == "poly"
    assert at.multiselect(key="axes").value == [0, 2]
    assert "Loss over (w1, w3)" in figure(at, "Loss over")["layout"]["title"]["text"]
