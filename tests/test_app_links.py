"""Links through real sessions (AppTest): state -> URL -> fresh session gives the same state."""

import random

import numpy as np
import pytest

from tests.apptest_util import figure, fresh_app
from tests.test_params import random_state
from ui import params
from ui.text import plain

WIDGET_OF = {
    "scenario": "selectbox",
    "lr": "select_slider",
    "batch": "select_slider",
    "epochs": "slider",
    "scaling": "radio",
    "b0": "slider",
    "w0": "slider",
    "seed": "number_input",
    "shuffle": "toggle",
    "log": "radio",
    "fit": "radio",
    "updates": "slider",
    "grad_noise": "slider",
    "lang": "selectbox",
    "projector": "toggle",
    "n": "slider",
    "noise": "slider",
    "true_w": "number_input",
    "true_b": "number_input",
    "x_min": "number_input",
    "x_max": "number_input",
    "val": "slider",
}


def widget_value(at, key):
    return getattr(at, WIDGET_OF[key])(key=key).value


def drawn_path(at):
    en = widget_value(at, "lang") == "en"
    fig = figure(at, "Contour" if en else "等高线")
    path = next(
        t
        for t in fig["data"]
        if t.get("name") == ("path" if en else "路径")
        and t.get("x") is not None
        and len(t["x"])
        and t["x"][0] is not None
    )
    return np.asarray(path["x"]), np.asarray(path["y"])


@pytest.mark.parametrize("case", range(12))
def test_a_link_restores_the_same_state_and_the_same_path(case):
    state = random_state(random.Random(case))
    query = params.to_query(state)
    at = fresh_app(**query)
    assert not at.exception
    expected_query = dict(query)
    if "batch" in state:
        options = [int(o.split(" ")[0]) for o in at.select_slider(key="batch").options]
        n_train = max(options)
    for key, value in state.items():
        got = widget_value(at, key)
        if key == "batch":  # "full", or a size beyond this data set, is the whole training split
            full = value == "full" or value >= n_train
            assert got == (n_train if full else value)
            if full:  # full batch is the default, so the written link leaves it out
                expected_query.pop("batch", None)
            continue
        assert got == value, key
    # the link the app writes back is the link it was opened with
    assert dict(at.query_params) == expected_query
    # a second fresh session from the written link draws the very same path
    again = fresh_app(**dict(at.query_params))
    for a, b in zip(drawn_path(at), drawn_path(again), strict=True):
        np.testing.assert_array_equal(a, b)


def test_a_batch_beyond_the_data_set_opens_as_full_batch():
    at = fresh_app(scenario="synthetic", n="10", batch="64")
    assert at.select_slider(key="batch").value == 8
    assert "batch" not in dict(at.query_params)


MUTATIONS = [
    "nan",
    "inf",
    "-inf",
    "1e309",
    "",
    "x" * 500,
    "-1",
    "1e9",
    "0.5.5",
    "None",
    "[]",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("case", range(10))
def test_mutated_links_fall_back_with_a_notice_and_no_exception(case):
    rng = random.Random(1000 + case)
    query = params.to_query(random_state(rng))
    victims = rng.sample(sorted(params.BY_KEY), 3)
    for key in victims:
        query[key] = rng.choice(MUTATIONS)
    at = fresh_app(**query)
    assert not at.exception, [e.value for e in at.exception]
    notice = " ".join(c.value for c in at.caption)
    for key in victims:  # named in the notice (as Markdown source: "_" is escaped)
        assert plain(key) in notice, (key, query[key], notice)
    assert "<script>" not in "".join(m.value for m in at.markdown)


def test_a_clean_link_shows_no_notice():
    at = fresh_app(lr="0.2", batch="16")
    assert not any("Part of the link" in c.value for c in at.caption)
    bad = fresh_app(lr="0.2", batch="16", epochs="nan")
    assert any("Part of the link" in c.value and "epochs" in c.value for c in bad.caption)


@pytest.mark.parametrize(
    "asked, used, words",
    [
        ("7", 8, "not a step of the batch-size slider, using 8"),
        ("3", 4, "not a step of the batch-size slider, using 4"),
        ("500", 80, "more than the 80 training examples: the full batch, using 80"),
        ("full", 80, None),
        ("16", 16, None),
    ],
)
def test_a_batch_size_without_a_slider_step_snaps_to_the_nearest_and_says_so(asked, used, words):
    at = fresh_app(batch=asked)
    assert not at.exception
    assert at.select_slider(key="batch").value == used
    notices = [c.value for c in at.caption if c.value.startswith("⚠️")]
    if words is None:
        assert notices == []
    else:
        assert len(notices) == 1 and f"batch ({words})" in notices[0]


def test_compare_batches_from_a_link_snap_each_and_say_so():
    at = fresh_app(compare="batch", batches="7,500,1")
    at.switch_page("app_pages/compare.py").run()
    assert not at.exception
    assert at.multiselect(key="batches").value == [8, 80, 1]
    notice = next(c.value for c in at.caption if c.value.startswith("⚠️"))
    assert "batches (not a step of the batch-size slider, using 8)" in notice
    assert "the full batch, using 80" in notice
