"""One look for every figure: fonts, margins and a colour-blind-safe palette (Okabe-Ito)."""
from __future__ import annotations

import plotly.graph_objects as go

BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#7F7F7F"

PATH = VERMILLION
TRAIN = BLUE
VALIDATION = ORANGE
SURFACE_SCALE = "Viridis"

FONT_SIZE = 15
TITLE_SIZE = 17


def base_layout(fig: go.Figure, *, title: str, height: int = 430) -> go.Figure:
    """Apply the shared layout. ``uirevision`` keeps zoom and legend state across updates."""
    fig.update_layout(
        template="plotly_white",
        title={"text": title, "font": {"size": TITLE_SIZE}, "x": 0.01, "xanchor": "left"},
        font={"size": FONT_SIZE, "family": "sans-serif"},
        height=height,
        margin={"l": 60, "r": 20, "t": 50, "b": 55},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1.0,
                "bgcolor": "rgba(255,255,255,0.7)"},
        uirevision="keep",
    )
    return fig
