"""One look for every figure: fonts, margins and a colour-blind-safe palette (Okabe-Ito), in a
normal and a projector variant."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.io as pio

BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#7F7F7F"


@dataclass(frozen=True)
class Style:
    font_size: int = 15
    title_size: int = 17
    line: float = 1.0  # multiplies every line width
    marker: float = 1.0  # multiplies every marker size
    height: int = 430
    surface_height: int = 470
    surface_scale: str = "Viridis"
    path: str = VERMILLION
    train: str = BLUE
    validation: str = ORANGE
    batch: str = GREY
    legend_inside: bool = False  # overlay the legend on the plot to give the data the height


NORMAL = Style()
# Readable from the back of a room: text >= 18 px, thick lines, big markers, and a colour scale
# (Cividis, designed for colour-vision deficiency) that the vermillion path stands out on.
PROJECTOR = Style(
    font_size=18,
    title_size=20,
    line=1.8,
    marker=1.6,
    height=278,
    surface_height=278,
    surface_scale="Cividis",
    batch="#555555",
    legend_inside=True,
)


# Figures are plain dicts built without a template; the layout part of "plotly_white" is added
# as plain JSON when a figure is sent (ui/charts.py passes it explicitly). plotly's global
# default template is left alone.
TEMPLATE = pio.templates["plotly_white"].layout.to_plotly_json()


def merge(target: dict, update: dict) -> dict:
    """Deep-merge ``update`` into ``target`` (nested dicts merge, everything else replaces)."""
    for key, value in update.items():
        if isinstance(value, dict):
            # merged into a dict of its own, never shared: a later merge would change both places
            if not isinstance(target.get(key), dict):
                target[key] = {}
            merge(target[key], value)
        else:
            target[key] = value
    return target


def _axis_keys(layout: dict, prefix: str) -> list[str]:
    return [
        k for k in layout if k == prefix or (k.startswith(prefix) and k[len(prefix) :].isdigit())
    ]


def base_layout(fig: dict, *, title: str, style: Style = NORMAL, height: int | None = None) -> dict:
    """Apply the shared layout to a figure dict. ``uirevision`` keeps zoom and legend state
    across updates. Axes the figure defines (all of them, 2D or 3D) get the text sizes."""
    compact = style.height < 400
    legend = (
        {
            "orientation": "h",
            "yanchor": "top",
            "y": 0.99,
            "xanchor": "right",
            "x": 0.99,
            "bgcolor": "rgba(255,255,255,0.8)",
        }
        if style.legend_inside
        else {
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "xanchor": "right",
            "x": 1.0,
            "bgcolor": "rgba(255,255,255,0.7)",
        }
    )
    title_spec = {"text": title, "font": {"size": style.title_size}, "x": 0.01, "xanchor": "left"}
    if compact:
        title_spec.update(y=0.98, yanchor="top")
    layout = fig.setdefault("layout", {})
    merge(
        layout,
        {
            "title": title_spec,
            "font": {"size": style.font_size, "family": "sans-serif", "color": "#111111"},
            "height": height or style.height,
            "margin": {"l": 60, "r": 20, "t": 34 if compact else 50, "b": 50},
            "legend": {
                **legend,
                "font": {"size": style.font_size if compact else style.font_size - 2},
            },
            "uirevision": "keep",
        },
    )
    # set on every axis explicitly: a host theme (Streamlit's) would otherwise shrink tick text
    axis_font = {
        "tickfont": {"size": style.font_size},
        "title": {"font": {"size": style.font_size}},
    }
    scenes = _axis_keys(layout, "scene")
    if not scenes:
        layout.setdefault("xaxis", {})
        layout.setdefault("yaxis", {})
    for key in _axis_keys(layout, "xaxis") + _axis_keys(layout, "yaxis"):
        merge(layout[key], axis_font)
    for scene in scenes:
        for axis in ("xaxis", "yaxis", "zaxis"):
            merge(layout[scene].setdefault(axis, {}), axis_font)
    for trace in fig.get("data", []):
        if trace.get("type") == "contour":
            merge(
                trace.setdefault("colorbar", {}),
                {
                    "tickfont": {"size": style.font_size},
                    "title": {"font": {"size": style.font_size}},
                },
            )
    return fig
