"""Property-based links: any combination of public names with valid, edge or hostile values, on
any page, then a switch to another page and a change of data set with the state carried along.
Nothing may raise and nothing non-finite may reach a figure (Hypothesis searches for it)."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import lab, lessons, optimizers
from tests.apptest_util import figures, fresh_app, numbers_in
from ui import params

PAGES = ("explorer", "one_weight", "parameters", "compare", "lessons", "network")
# values each name might be given: what its control offers, its edges, and hostile text
WORDS = (
    list(lab.SCENARIOS)
    + list(optimizers.NAMES)
    + [les.key for les in lessons.LESSONS]
    + ["upload", "full", "auto", "standard", "none", "line", "neuron", "d2l", "poly", "batch"]
    + ["sgd", "current", "optimum", "updates", "epochs", "examples", "zh", "en", "lr"]
)
EDGES = ["0", "1", "-1", "2", "3", "7", "300", "301", "1000", "1001", "20000", "1000000"]
EDGES += ["0.0001", "0.1", "0.8", "10", "11", "1e-300", "1e309", "-0.0", "2.5", "9.99"]
HOSTILE = ["nan", "inf", "-inf", "", "abc", "1,2,3", "0,1,2,0", "1;2", "x" * 81, "%00", "１"]
VALUE = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(EDGES),
    st.sampled_from(HOSTILE),
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.lists(st.sampled_from(EDGES + WORDS[:6]), min_size=1, max_size=8).map(",".join),
)
NAMES = [p.key for p in params.PARAMS]
LINK = st.dictionaries(st.sampled_from(NAMES), VALUE, max_size=9)


def _finite(at, context) -> None:
    assert not at.exception, (context, [e.value for e in at.exception])
    for fig in figures(at):
        for trace in fig["data"]:
            for v in numbers_in({k: trace.get(k) for k in ("x", "y", "z")}):
                assert v is None or math.isfinite(v), (context, trace.get("name"))


def _open(page: str, link: dict):
    at = fresh_app(**link) if page == "explorer" else None
    if at is None:  # set the link, then open the page directly (AppTest's own way)
        from streamlit.testing.v1 import AppTest

        from tests.apptest_util import APP

        at = AppTest.from_file(str(APP), default_timeout=60)
        at.query_params.update(link)
        at.switch_page(f"app_pages/{page}.py")
        at.run()
    return at


@pytest.mark.slow
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,  # the same 100 examples in every run: CI stays reproducible
)
@given(
    link=LINK,
    first=st.sampled_from(PAGES),
    then=st.sampled_from(PAGES),
    scenario=st.sampled_from(["book", "course", "tanh", "rosenbrock", "synthetic"]),
)
def test_any_link_on_any_page_then_another_page_and_another_data_set(link, first, then, scenario):
    link = {**link, "epochs": link.get("epochs", "20")}  # keep each run quick to draw
    at = _open(first, link)
    _finite(at, (first, link))
    at.switch_page(f"app_pages/{then}.py").run()  # the state carried across
    _finite(at, (first, then, link))
    widget = next((s for s in at.selectbox if s.key in ("scenario", "dataset")), None)
    if widget is not None:  # another data set, the other settings as they are
        widget.set_value(scenario if widget.key == "scenario" else "tiny_noisy").run()
        _finite(at, (first, then, link, scenario))
    at.switch_page(f"app_pages/{first}.py").run()  # and back, with what the other page set
    _finite(at, (first, then, first, link))
