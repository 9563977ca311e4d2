"""The loss charts' axes and legend: what is drawn is what the axis can show."""

import numpy as np

from viz import curves


def test_the_loss_chart_draws_a_floor_only_where_the_axis_shows_it():
    x = np.arange(101.0)
    fall = 4.0 * 0.7**x  # 4 -> 1e-15: the axis keeps 12 decades
    labels = {"title": "t", "x": "epoch", "loss": "MSE"}
    exact = curves.loss_comparison(
        [("run", x, fall, "#000")], floors=[("floor", 2e-31, "#000")], log_y=True, labels=labels
    )
    assert [tr["name"] for tr in exact["data"]] == ["run"]  # rounding noise: not drawn
    assert exact["layout"]["yaxis"]["dtick"] == 2  # 12 decades: every second one labelled
    noisy = curves.loss_comparison(
        [("run", x, 0.5 + fall, "#000")],
        floors=[("floor", 0.5, "#000")],
        log_y=True,
        labels=labels,
    )
    assert [tr["name"] for tr in noisy["data"]] == ["run", "floor"]
    assert noisy["layout"]["yaxis"]["dtick"] == 1
