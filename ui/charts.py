"""How figures reach the page: an in-place Plotly view (no remount, the 3D camera kept).

``LOSSLAB_PLAIN_CHARTS=1`` falls back to ``st.plotly_chart`` (for comparison and debugging).
"""

from __future__ import annotations

import os

import streamlit as st

from viz import theme

PLAIN = os.environ.get("LOSSLAB_PLAIN_CHARTS") == "1"


def chart(fig, *, key: str, container=None, timeline: dict | None = None) -> None:
    """Show ``fig`` in ``container`` (the page by default) under a stable ``key``.

    ``timeline`` (``channel``, ``role``, ``rev``) lets the timeline component draw on the chart;
    it travels beside the figure, so a new run does not redraw a figure that did not change."""
    target = container if container is not None else st.container()
    if PLAIN:
        import plotly.graph_objects as go

        figure = go.Figure(fig).update_layout(template={"layout": theme.TEMPLATE})
        target.plotly_chart(figure, theme=None, key=key)
        return
    from losslab_plot import plotly_view

    with target:
        plotly_view(fig, key=key, template={"layout": theme.TEMPLATE}, timeline=timeline)
