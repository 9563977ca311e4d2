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


VIRIDIS = (
    "#440154",
    "#482878",
    "#3e4989",
    "#31688e",
    "#26828e",
    "#1f9e89",
    "#35b779",
    "#6ece58",
    "#b5de2b",
    "#fde725",
)
CIVIDIS = (
    "#00224e",
    "#123570",
    "#3b496c",
    "#575d6d",
    "#707173",
    "#8a8678",
    "#a59c74",
    "#c3b369",
    "#e1cc55",
    "#fee838",
)


def muted(stops: tuple[str, ...], white: float) -> list[list]:
    """A Plotly colour scale: ``stops`` evenly spaced, each mixed with ``white`` parts of white,
    so that a path of any colour reads on it (the order of lightness is kept)."""
    scale = []
    for i, hex_colour in enumerate(stops):
        rgb = [int(hex_colour[k : k + 2], 16) for k in (1, 3, 5)]
        mixed = [round(255 * white + c * (1 - white)) for c in rgb]
        scale.append([i / (len(stops) - 1), "rgb({},{},{})".format(*mixed)])
    return scale


@dataclass(frozen=True)
class Style:
    font_size: int = 15
    title_size: int = 17
    line: float = 1.0  # multiplies every line width
    marker: float = 1.0  # multiplies every marker size
    height: int = 430
    surface_height: int = 460
    surface_scale: tuple = tuple(map(tuple, muted(VIRIDIS, 0.45)))
    map_scale: tuple = tuple(map(tuple, muted(VIRIDIS, 0.5)))  # contour maps: lighter still
    multiples_scale: tuple = tuple(map(tuple, muted(VIRIDIS, 0.62)))  # small multiples
    path: str = VERMILLION
    casing: str = "#ffffff"  # drawn under every path, so it reads on any colour
    train: str = BLUE
    validation: str = ORANGE
    batch: str = GREY
    compact: bool = False  # projector: every view on one screen


NORMAL = Style()
# Readable from the back of a room: text >= 18 px, thick lines, big markers, and a colour scale
# (Cividis, designed for colour-vision deficiency), muted so that the paths stand out on it.
PROJECTOR = Style(
    font_size=18,
    title_size=20,
    line=1.8,
    marker=1.5,
    height=300,
    surface_height=300,
    surface_scale=tuple(map(tuple, muted(CIVIDIS, 0.35))),
    map_scale=tuple(map(tuple, muted(CIVIDIS, 0.45))),
    multiples_scale=tuple(map(tuple, muted(CIVIDIS, 0.6))),
    batch="#555555",
    compact=True,
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
    layout = fig.setdefault("layout", {})
    merge(
        layout,
        {
            "title": {
                "text": title,
                "font": {"size": style.title_size},
                "x": 0.01,
                "xanchor": "left",
                "y": 0.985,
                "yanchor": "top",
                "yref": "container",
            },
            "font": {"size": style.font_size, "family": "sans-serif", "color": "#111111"},
            "height": height or style.height,
            "margin": {"l": 62, "r": 16, "t": style.title_size + 26, "b": 50},
            "legend": {
                "orientation": "h",
                "bgcolor": "rgba(255,255,255,0.85)",
                "font": {"size": style.font_size - (0 if style.compact else 2)},
            },
            "hoverlabel": {"font": {"size": style.font_size}},
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
