import math
from urllib.parse import parse_qsl, urlparse

import numpy as np
import pytest

from core import lab, optimizers, scaling, schedules
from tests.apptest_util import figures, fresh_app, numbers_in
from ui.compare_controls import _variants, suggested_rates


def compare_app(**query):
    at = fresh_app(**query)
    return at.switch_page("app_pages/compare.py").run()


def test_suggested_rates_straddle_the_stable_limit():
    problem = lab.make_problem(lab.make_dataset(lab.DataSpec()), scaled=False)
    rates = suggested_rates(problem.stable_lr)
    assert len(rates) == 4
    assert rates[0] < rates[1] < rates[2] < problem.stable_lr < rates[3]
    runs = [
        lab.run(problem, lab.RunSpec(lr=r, batch_size=80, epochs=200, shuffle=False)) for r in rates
    ]
    assert [r.status == "diverged" for r in runs] == [False, False, False, True]


@pytest.mark.parametrize("kind", ["lr", "batch", "scaling", "optimizer"])
def test_each_comparison_draws_and_tabulates_its_runs(kind):
    at = compare_app()
    at.radio(key="compare").set_value(kind).run()
    assert not at.exception, [e.value for e in at.exception]
    expected = {"lr": 4, "batch": 3, "scaling": 2, "optimizer": len(optimizers.NAMES)}[kind]
    assert len(at.dataframe[0].value) == expected
    for fig in figures(at):
        for trace in fig["data"]:
            values = [
                v for v in numbers_in({k: trace.get(k) for k in ("x", "y", "z")}) if v is not None
            ]
            assert all(math.isfinite(v) for v in values)
    link = dict(at.query_params)
    assert link.get("compare") == (None if kind == "lr" else kind)  # lr is the default


@pytest.mark.parametrize("kind", ["lr", "batch", "scaling", "optimizer", "schedule"])
def test_runs_in_a_comparison_share_start_and_batch_order(kind):
    """The runs the page builds (its own _variants) start at the same point, or the same line
    for raw against standardised, and visit the examples in the same order."""
    data = lab.DataSpec()
    base = lab.RunSpec(lr=0.1, batch_size=16, epochs=4, shuffle=True, seed=3)
    scheds = {n: schedules.Schedule(name=n, warmup=2) for n in schedules.NAMES}
    variants = _variants(
        kind, data, False, base, (0.01, 0.1, 0.5), (80, 16, 1), optimizers.NAMES, 80, scheds
    )
    assert len(variants) >= 2
    runs = []
    for v in variants:
        problem = lab.make_problem(lab.make_dataset(v.data), scaled=v.scaled)
        runs.append((problem, lab.run(problem, v.run)))
    starts = [scaling.to_original(p.scaler, tr.params[0]) for p, tr in runs]
    for start in starts[1:]:
        np.testing.assert_allclose(start, starts[0], rtol=1e-12)
    for _, traj in runs[1:]:
        np.testing.assert_array_equal(traj.order, runs[0][1].order)


def test_the_books_three_paths_button():
    at = compare_app()
    next(b for b in at.button if b.key == "book_figure").click().run()
    assert not at.exception
    assert at.radio(key="compare").value == "batch"
    assert at.toggle(key="epoch_points").value is True
    assert (at.slider(key="b0").value, at.slider(key="w0").value) == (0.83, 0.7645)
    rows = at.dataframe[0].value
    assert list(rows["batch"]) == [80, 16, 1]


def test_a_comparison_link_reopens_the_same_comparison():
    at = compare_app()
    at.radio(key="compare").set_value("batch").run()
    at.radio(key="xaxis").set_value("examples").run()
    link = dict(at.query_params)
    again = compare_app(**link)
    assert not again.exception
    assert again.radio(key="compare").value == "batch"
    assert again.radio(key="xaxis").value == "examples"
    assert again.dataframe[0].value.equals(at.dataframe[0].value)


@pytest.mark.parametrize("kind", ["batch", "optimizer"])
def test_each_run_opens_in_the_explorer_with_the_same_result(kind):
    """The "open in the explorer" links write the run with the explorer's one link builder:
    opened, the explorer ends where the comparison's table says the run ends."""
    at = compare_app()
    at.radio(key="compare").set_value(kind).run()
    rows = at.dataframe[0].value
    buttons = at.get("link_button")
    assert len(buttons) == len(rows)
    for button, (_, row) in zip(buttons, rows.iterrows(), strict=True):
        query = dict(parse_qsl(urlparse(button.proto.url).query))
        explorer = fresh_app(**query)
        assert not explorer.exception
        shown = {m.label: m.value for m in explorer.metric}
        assert shown["b at the end"] == row["b at the end"], button.proto.url
        assert shown["w at the end"] == row["w at the end"], button.proto.url


def test_a_control_hidden_by_one_comparison_keeps_its_value_for_the_next():
    at = compare_app()
    at.radio(key="compare").set_value("optimizer").run()
    at.select_slider(key="lr").set_value(0.3).run()
    at.radio(key="compare").set_value("lr").run()  # the rates replace the learning-rate slider
    at.radio(key="compare").set_value("batch").run()
    assert at.select_slider(key="lr").value == 0.3
