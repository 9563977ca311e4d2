"""A Plotly view that updates in place: created once in the browser, then ``Plotly.react``.

``st.plotly_chart`` remounts its chart whenever the figure changes, which costs seconds and
resets a dragged 3D camera; this component keeps the chart and its camera. plotly.js is served
from the component's asset folder: ``plotly-lab.min.js``, a partial bundle with only the traces
the lab draws, committed with the script and lockfile that rebuild it (``../bundle/``), so the
app needs no Node and never writes into its own package folder.
"""

from __future__ import annotations

import base64
import hashlib
import json

import numpy as np
import plotly.io as pio
import streamlit as st
from _plotly_utils.utils import convert_to_base64, plotlyjsShortTypes

_components: dict = {}


def _mount(name: str = "plot", **kwargs):
    # registered on first use: a running Streamlit has scanned the installed manifests by then
    if name not in _components:
        # in the page DOM, not a shadow root: plotly.js styles its charts from document.head,
        # and the timeline talks to the charts through window events
        _components[name] = st.components.v2.component(
            f"losslab-plot.{name}", js=f"{name}.js", isolate_styles=False
        )
    return _components[name](**kwargs)


def timeline_view(data: dict, *, key: str, on_step_change=None):
    """The timeline bar (``data["role"] == "bar"``) or its maths panel (``"maths"``); the bar's
    state ``step`` is the update count (of its first run) the user stopped at."""
    callbacks = (
        {"on_step_change": on_step_change or (lambda: None)} if data.get("role") == "bar" else {}
    )
    return _mount("timeline", key=key, data=data, **callbacks)


def _typed(value):
    """``value`` with every NumPy array in it as a plotly.js typed array spec (base64), in new
    containers (the figure is not changed); other arrays and values as they are."""
    if isinstance(value, dict):
        return {k: value[k] if k == "range" else _typed(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_typed(v) for v in value]
    if isinstance(value, np.ndarray) and value.size and str(value.dtype) in plotlyjsShortTypes:
        if value.dtype.kind == "f" and np.isinf(value).any():
            # an infinity (a loss past float32's range, a blow-up) throws plotly's autorange
            # off: it becomes NaN, a gap in the line, as a None would in a list
            value = np.where(np.isinf(value), np.nan, value).astype(value.dtype)
        spec = {
            "dtype": plotlyjsShortTypes[str(value.dtype)],
            "bdata": base64.b64encode(np.ascontiguousarray(value)).decode("ascii"),
        }
        if value.ndim > 1:
            spec["shape"] = ", ".join(map(str, value.shape))
        return spec
    return value


def _scalar(value):
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def figure_json(fig, template: dict | None = None) -> str:
    """The figure as Plotly JSON (NumPy arrays as base64 typed arrays), with ``template`` (a
    template dict) put into its layout when it has none."""
    if isinstance(fig, str):
        return fig
    if isinstance(fig, dict):
        spec = {"data": _typed(list(fig.get("data", []))), "layout": dict(fig.get("layout", {}))}
    else:
        spec = fig.to_plotly_json()
        convert_to_base64(spec["data"])
    if template is not None:
        spec["layout"].setdefault("template", template)
    try:  # plain json: several times faster than plotly's encoder, which re-parses its output
        return json.dumps(spec, allow_nan=False, default=_scalar, separators=(",", ":"))
    except ValueError:  # a NaN or infinity outside the arrays: plotly's encoder writes null
        return pio.json.to_json_plotly(spec)


def plotly_view(
    fig,
    *,
    key: str,
    template: dict | None = None,
    timeline: dict | None = None,
    size: dict | None = None,
    words: dict | None = None,
    on_start_change=None,
):
    """Show ``fig`` (a ``go.Figure``, a figure dict or Plotly JSON) under ``key``.

    ``timeline`` (``channel``, ``role``, ``rev``, ``track``): the timeline component draws on it.
    ``size`` (``rows``, ``min``, ``max``, ``aspect``): the chart takes its height from the
    screen (without it, the figure's own height). ``words``: the chart's own buttons.
    ``on_start_change``: a click on the chart sets the state ``start`` (the clicked point)."""
    text = figure_json(fig, template)
    rev = hashlib.sha1(text.encode()).hexdigest()[:16]
    layout = fig.get("layout", {}) if isinstance(fig, dict) else getattr(fig, "layout", None)
    height = (
        layout.get("height") if isinstance(layout, dict) else getattr(layout, "height", None)
    ) or 450
    data = {
        "figure": text,
        "rev": rev,
        "timeline": timeline,
        "words": words or {},
        "size": {"height": int(height), **size} if size else None,
    }
    callbacks = {"on_start_change": on_start_change} if on_start_change else {}
    return _mount("plot", key=key, data=data, height="content", **callbacks)
