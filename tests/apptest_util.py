"""Helpers to run the app in AppTest and read the figures it sent."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[1] / "app.py"


def fresh_app(**query) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    if query:
        at.query_params.update(query)
    return at.run()


def _decode(node):
    if isinstance(node, dict):
        if "bdata" in node and "dtype" in node:
            arr = np.frombuffer(base64.b64decode(node["bdata"]), dtype=node["dtype"])
            shape = node.get("shape")
            if isinstance(shape, str):
                shape = [int(v) for v in shape.split(",")]
            return arr.reshape(shape) if shape else arr
        return {k: _decode(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_decode(v) for v in node]
    return node


def charts(at: AppTest) -> list:
    """The chart elements on the page (the in-place Plotly component)."""
    return [c for c in at.get("bidi_component") if c.proto.component_name == "losslab-plot.plot"]


def specs(at: AppTest) -> list[str]:
    """The raw figure JSON of every chart, to tell whether anything drawn changed."""
    return [json.loads(chart.proto.json)["figure"] for chart in charts(at)]


def figures(at: AppTest) -> list[dict]:
    """Every Plotly figure on the page as a dict, typed arrays decoded to NumPy."""
    return [_decode(json.loads(spec)) for spec in specs(at)]


def title_of(fig: dict) -> str:
    """A figure's title: its own, or (projector mode) the one that leads its legend."""
    layout = fig["layout"]
    text = layout.get("title", {}).get("text") or ""
    return text or layout.get("legend", {}).get("title", {}).get("text", "")


def figure(at: AppTest, title: str) -> dict:
    """The figure whose title starts with ``title``."""
    return next(f for f in figures(at) if title_of(f).startswith(title))


def numbers_in(node):
    """Yield every number (array element or scalar) inside a figure's data traces."""
    if isinstance(node, np.ndarray):
        if node.dtype.kind in "fiu":
            yield from node.ravel().tolist()
    elif isinstance(node, dict):
        for v in node.values():
            yield from numbers_in(v)
    elif isinstance(node, list):
        for v in node:
            yield from numbers_in(v)
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        yield node


def trace(fig: dict, name: str) -> dict:
    return next(t for t in fig["data"] if t.get("name") == name)
