"""How figures reach the page: an in-place Plotly view (no remount, the 3D camera kept).

``LOSSLAB_PLAIN_CHARTS=1`` falls back to ``st.plotly_chart`` (for comparison and debugging).
"""

from __future__ import annotations

import os

import streamlit as st

from viz import theme

PLAIN = os.environ.get("LOSSLAB_PLAIN_CHARTS") == "1"
# Each chart's share of the screen below the timeline bar (interact.js, heightFor): rows of
# charts per screen, the smallest and largest height, and the height per width on a phone.
SIZES = {
    "normal": {"rows": 1.08, "min": 320, "max": 700, "aspect": 0.95},
    "projector": {"rows": 2.0, "min": 230, "max": 760, "aspect": 0.9},
}


def _clicked(key: str) -> None:
    """A click (or tap) on a map: start the run there."""
    from ui import controls

    value = st.session_state.get(key)
    point = getattr(value, "start", None) if value is not None else None
    if point is None and isinstance(value, dict):
        point = value.get("start")
    if point is not None and len(point) == 2:
        controls.set_start(point)


def chart(
    fig,
    *,
    key: str,
    container=None,
    timeline: dict | None = None,
    size: dict | None = None,
    clickable: bool = False,
) -> None:
    """Show ``fig`` in ``container`` (the page by default) under a stable ``key``.

    ``timeline`` (``channel``, ``role``, ``rev``, ``track``) lets the timeline component draw on
    the chart; it travels beside the figure, so a new run does not redraw a figure that did not
    change. ``size``: the chart's height from the screen (``SIZES``). ``clickable``: a click on
    the chart sets the start (the controls' hand-set start)."""
    target = container if container is not None else st.container()
    if PLAIN:
        import plotly.graph_objects as go

        figure = go.Figure(fig).update_layout(template={"layout": theme.TEMPLATE})
        target.plotly_chart(figure, theme=None, key=key)
        return
    from losslab_plot import plotly_view
    from ui import timeline as tl

    with target:
        plotly_view(
            fig,
            key=key,
            template={"layout": theme.TEMPLATE},
            timeline=timeline,
            size=size,
            words=tl.chart_words(),
            on_start_change=(lambda: _clicked(key)) if clickable else None,
        )
