"""The figure builders on degenerate arrays (empty, constant, tiny, huge, with NaN and inf): they
return a figure, serialisable, with no infinity in it and finite axis ranges; Hypothesis
searches the inputs.
(A non-finite or empty loss range once raised in the contour's tick code.)"""

from __future__ import annotations

import json
import math

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from losslab_plot import figure_json
from tests.apptest_util import _decode
from viz import curves, maps, theme
from viz.layout import levels, log_range, log_ticks

SPECIAL = st.sampled_from([0.0, -0.0, 1e-320, 1e-300, 1e-30, 1.0, 1e30, 1e300, -1e300])
VALUE = st.one_of(st.floats(allow_nan=True, allow_infinity=True, width=64), SPECIAL)
LOSS = st.one_of(
    hnp.arrays(np.float64, st.integers(0, 40), elements=VALUE),
    st.builds(lambda v, n: np.full(n, v), VALUE, st.integers(1, 30)),  # constant
)
CELLS = st.one_of(
    hnp.arrays(np.float64, (6, 5), elements=VALUE),
    st.builds(lambda v: np.full((6, 5), v), VALUE),
)
LABELS = {
    "title": "t",
    "x": "x",
    "y": "y",
    "loss": "MSE",
    "loss_log": "log MSE",
    "surface": "MSE",
    "start": "start",
    "minimum": "minimum",
    "saddle": "saddle",
    "now": "now",
    "path": "path",
    "train": "train",
    "val": "validation",
    "batch": "batch",
    "floor": "floor",
}
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def _clean(fig: dict) -> None:
    """Serialisable as the page sends it, no infinity in any trace (NaN is a gap in a line) and
    finite axis ranges."""
    text = figure_json(fig, {"layout": theme.TEMPLATE})
    decoded = _decode(json.loads(text))
    for trace in decoded["data"]:
        for key in ("x", "y", "z"):
            values = trace.get(key)
            if values is None:
                continue
            flat = np.ravel(np.asarray(values, dtype=object))
            numbers = [float(v) for v in flat if v is not None]
            assert not any(math.isinf(v) for v in numbers), (trace.get("name"), key)
    for axis in ("xaxis", "yaxis"):
        rng = decoded["layout"].get(axis, {}).get("range")
        if rng is not None:
            assert all(math.isfinite(v) for v in rng), axis


@SETTINGS
@given(train=LOSS, val=LOSS, batch=LOSS, floor=VALUE, log_y=st.booleans())
def test_the_loss_curve_copes_with_any_losses(train, val, batch, floor, log_y):
    x = np.arange(train.size, dtype=float)
    fig = curves.loss_curve(
        x,
        train,
        val[: train.size],
        np.arange(batch.size, dtype=float),
        batch,
        floor=floor,
        log_y=log_y,
        labels=LABELS,
    )
    _clean(fig)


@SETTINGS
@given(a=LOSS, b=LOSS, floor=VALUE, log_y=st.booleans())
def test_the_loss_comparison_copes_with_any_losses(a, b, floor, log_y):
    runs = [("a", np.arange(a.size, dtype=float), a, "#000"), ("b", np.arange(b.size), b, "#111")]
    _clean(
        curves.loss_comparison(runs, floors=[("floor", floor, "#000")], log_y=log_y, labels=LABELS)
    )


@SETTINGS
@given(cells=CELLS, floor=VALUE, log=st.booleans(), path=LOSS)
def test_the_maps_cope_with_any_cells(cells, floor, log, path):
    gx, gy = np.linspace(-1, 1, 5), np.linspace(-2, 2, 6)
    px = np.clip(np.nan_to_num(path[:10]), -1, 1)
    paths = [("path", px, px[::-1], "#d55e00")]
    points = [("minimum", 0.0, 0.0, 0.5)]
    _clean(
        maps.contour_with_paths(
            gx, gy, cells, paths, points=points, start=(0.1, 0.2), labels=LABELS, floor=floor
        )
    )
    _clean(
        maps.loss_surface(
            gx,
            gy,
            cells,
            [("path", px, px[::-1], path[:10], "#d55e00")],
            points=points,
            start=(0.1, 0.2, float(cells.flat[0])),
            labels=LABELS,
            floor=floor,
            log=log,
        )
    )


@SETTINGS
@given(lo=VALUE, hi=VALUE, shift=VALUE, series=LOSS, cells=CELLS, floor=VALUE)
def test_the_scale_helpers_never_raise_and_give_finite_answers(lo, hi, shift, series, cells, floor):
    ticks, text = log_ticks(lo, hi, shift)
    assert len(ticks) == len(text) and all(math.isfinite(v) for v in ticks)
    rng = log_range(series)
    assert rng is None or (all(math.isfinite(v) for v in rng) and rng[0] < rng[1])
    z, s = levels(cells, floor)
    assert z.shape == cells.shape and not np.isinf(z).any()
