"""One look for every figure: fonts, margins and a colour-blind-safe palette (Okabe-Ito), in a
normal and a projector variant."""
from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
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
    line: float = 1.0      # multiplies every line width
    marker: float = 1.0    # multiplies every marker size
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
PROJECTOR = Style(font_size=18, title_size=20, line=1.8, marker=1.6, height=278,
                  surface_height=278, surface_scale="Cividis", batch="#555555",
                  legend_inside=True)


# Setting a template on a plotly.py figure deep-copies and validates it: about 70% of the time
# spent building the explorer's figures. So figures are built without one (no default either)
# and the layout part of "plotly_white" is added as plain JSON when a figure is sent
# (ui/charts.py).
TEMPLATE = pio.templates["plotly_white"].layout.to_plotly_json()
pio.templates.default = None


def base_layout(fig: go.Figure, *, title: str, style: Style = NORMAL,
                height: int | None = None) -> go.Figure:
    """Apply the shared layout. ``uirevision`` keeps zoom and legend state across updates."""
    compact = style.height < 400
    legend = ({"orientation": "h", "yanchor": "top", "y": 0.99, "xanchor": "right", "x": 0.99,
               "bgcolor": "rgba(255,255,255,0.8)"} if style.legend_inside else
              {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1.0,
               "bgcolor": "rgba(255,255,255,0.7)"})
    fig.update_layout(
        title={"text": title, "font": {"size": style.title_size}, "x": 0.01, "xanchor": "left",
               "y": 0.98 if compact else None, "yanchor": "top" if compact else None},
        font={"size": style.font_size, "family": "sans-serif", "color": "#111111"},
        height=height or style.height,
        margin={"l": 60, "r": 20, "t": 34 if compact else 50, "b": 50},
        legend={**legend, "font": {"size": style.font_size if compact else style.font_size - 2}},
        uirevision="keep",
    )
    # set on every axis explicitly: a host theme (Streamlit's) would otherwise shrink tick text
    axis_font = {"tickfont": {"size": style.font_size}, "title_font": {"size": style.font_size}}
    fig.update_xaxes(**axis_font)
    fig.update_yaxes(**axis_font)
    fig.update_scenes(xaxis=axis_font, yaxis=axis_font, zaxis=axis_font)
    fig.update_traces(colorbar={"tickfont": {"size": style.font_size},
                                "title": {"font": {"size": style.font_size}}},
                      selector={"type": "contour"})
    return fig
