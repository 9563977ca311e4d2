"""The component's figure serializer against plotly's own encoder (the reference)."""

from __future__ import annotations

import json

import numpy as np
import plotly.io as pio
import pytest

from losslab_plot import figure_json
from tests.apptest_util import _decode


def _strict(text: str):
    def refuse(name):
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


def _figure():
    rng = np.random.default_rng(0)
    return {
        "data": [
            {
                "type": "surface",
                "x": np.linspace(0, 1, 5, dtype=np.float32),
                "y": np.arange(4, dtype=np.float64),
                "z": rng.random((4, 5)).astype(np.float32),
            },
            {
                "type": "scatter",
                "x": np.arange(6),
                "y": rng.random(6),  # int64, float64
                "marker": {"color": rng.random(6).astype(np.float32), "size": 3},
                "customdata": [1, 2, 3],
                "mode": "lines",
            },
            {"type": "scatter", "x": [np.float64(0.5)], "y": [np.float32(2.0)], "name": "point"},
        ],
        "layout": {"title": {"text": "a"}, "xaxis": {"range": [np.float64(0.0), 1.0]}},
    }


def _same(a, b):
    if isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys()
        for k in a:
            _same(a[k], b[k])
    elif isinstance(a, list) and isinstance(b, list):
        assert len(a) == len(b)
        for u, v in zip(a, b, strict=True):
            _same(u, v)
    elif isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        np.testing.assert_array_equal(np.asarray(a, dtype=float), np.asarray(b, dtype=float))
        assert np.asarray(a).shape == np.asarray(b).shape
    else:
        assert a == b


def test_same_figure_as_plotlys_encoder_and_arrays_stay_binary():
    fig = _figure()
    ours = _strict(figure_json(fig))
    reference = json.loads(
        pio.to_json({"data": fig["data"], "layout": fig["layout"]}, validate=False)
    )
    _same(_decode(ours), _decode(reference))
    surface = ours["data"][0]
    assert surface["z"]["dtype"] == "f4" and "bdata" in surface["z"]  # float32, not lists
    assert surface["y"]["dtype"] == "f8"
    assert ours["data"][1]["marker"]["color"]["dtype"] == "f4"


def test_the_figure_is_not_changed():
    fig = _figure()
    figure_json(fig, template={"layout": {"font": {"size": 20}}})
    assert isinstance(fig["data"][1]["marker"]["color"], np.ndarray)
    assert isinstance(fig["data"][0]["z"], np.ndarray)
    assert "template" not in fig["layout"]


def test_template_added_only_when_missing():
    fig = _figure()
    out = _strict(figure_json(fig, template={"layout": {"font": {"size": 20}}}))
    assert out["layout"]["template"] == {"layout": {"font": {"size": 20}}}
    fig["layout"]["template"] = {"layout": {}}
    assert _strict(figure_json(fig, template={"layout": {"x": 1}}))["layout"]["template"] == {
        "layout": {}
    }


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_numbers_outside_arrays_become_null(bad):
    fig = _figure()
    fig["layout"]["yaxis"] = {"range": [0.0, bad]}
    fig["data"][2]["y"] = [bad]
    out = _strict(figure_json(fig))  # valid JSON for the browser's JSON.parse
    assert out["layout"]["yaxis"]["range"] == [0.0, None]
    assert out["data"][2]["y"] == [None]
    fig["data"][0]["z"][0, 0] = bad  # inside a typed array: NaN, a gap (an inf would throw
    z = _decode(_strict(figure_json(fig)))["data"][0]["z"]  # plotly's autorange off)
    assert np.isnan(z[0, 0])
    assert np.isfinite(z.ravel()[1:]).all()  # the rest as it was
