"""Figures of a network's loss landscape that the lab's maps and curves do not already draw: the
loss along a line (start to end, or through a minimum), two slices side by side on one colour
scale, and the marker of the position the page shows."""

from __future__ import annotations

import numpy as np

from viz import theme
from viz.layout import (
    MARKER_LINE,
    f32,
    figure,
    finite_range,
    in_panel,
    legend_top,
    levels,
    log_ticks,
    loss_axis,
    spans_decades,
    subplots,
)
from viz.theme import merge


def loss_along(curves, *, marks, labels: dict, style: theme.Style = theme.NORMAL) -> dict:
    """The loss along lines through parameter space: ``curves`` of ``(name, x, loss, colour)``,
    ``marks`` of ``(name, x, loss, symbol)`` (the start and the end, say). A log axis where the
    loss spans decades."""
    fig = figure()
    hover = labels["x"] + " = %{x:.3g}: " + labels["loss"] + " %{y:.4g}<extra>{name}</extra>"
    for name, x, y, colour in curves:
        fig["data"].append(
            {
                "type": "scatter",
                "x": f32(x),
                "y": np.asarray(y, dtype=float),
                "mode": "lines",
                "name": name,
                "line": {"color": colour, "width": 3 * style.line},
                "hovertemplate": hover.replace("{name}", name),
            }
        )
    for name, x, y, symbol in marks:
        fig["data"].append(
            {
                "type": "scatter",
                "x": [float(x)],
                "y": [float(y)],
                "mode": "markers",
                "name": name,
                "hovertemplate": hover.replace("{name}", name),
                "marker": {
                    "size": 12 * style.marker,
                    "symbol": symbol,
                    "color": "white",
                    "line": MARKER_LINE,
                },
            }
        )
    theme.base_layout(fig, title=labels["title"], style=style)
    legend_top(fig, style, rows=1 if len(fig["data"]) <= 3 or style.compact else 2)
    ys = [np.asarray(c[2], dtype=float) for c in curves]
    log_y = spans_decades(*ys)
    finite = np.concatenate([y[np.isfinite(y)] for y in ys]) if ys else np.zeros(1)
    rng = None
    if log_y:
        positive = finite[finite > 0]
        rng = [float(np.log10(positive.min())) - 0.2, float(np.log10(positive.max())) + 0.3]
    xs = np.concatenate([np.asarray(c[1], dtype=float) for c in curves])
    merge(
        fig["layout"],
        {"xaxis": {"title": {"text": labels["x"]}, "range": finite_range(xs.min(), xs.max())}},
    )
    top = float(finite.max()) if finite.size else 1.0
    loss_axis(fig, labels["loss"], log_y, rng, [0.0, 1.08 * top] if top > 0 else None)
    return fig


def slices_side_by_side(panels, *, labels: dict, style: theme.Style = theme.NORMAL) -> dict:
    """Contours of several slices (``panels`` of ``(title, a, b, loss)``, a title of up to two
    lines) on one colour scale (levels in log10 of the loss, as every contour of the lab), the
    centre of each marked (its name in the hover)."""
    z_all = [levels(p[3], float("nan"))[0] for p in panels]
    fig = figure()
    subplots(fig, len(panels), 0.06, [p[0] for p in panels], shared_y=True)
    finite = np.concatenate([z[np.isfinite(z)] for z in z_all])
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    for col, ((_, a, b, _), z) in enumerate(zip(panels, z_all, strict=True), start=1):
        fig["data"].append(
            in_panel(
                {
                    "type": "contour",
                    "x": f32(a),
                    "y": f32(b),
                    "z": f32(z),
                    "coloraxis": "coloraxis",
                    "ncontours": 22,
                    "contours": {"coloring": "heatmap", "showlines": True},
                    "line": {"width": 0.5, "color": "rgba(70,70,70,0.35)"},
                    "hoverinfo": "skip",
                    "showlegend": False,
                },
                col,
            )
        )
        fig["data"].append(
            in_panel(
                {
                    "type": "scatter",
                    "x": [0.0],
                    "y": [0.0],
                    "mode": "markers",
                    "name": labels["centre"],
                    "showlegend": False,  # (under the plot it ran into the axis titles)
                    "hoverinfo": "name",
                    "marker": {
                        "size": 12 * style.marker,
                        "symbol": "diamond",
                        "color": "white",
                        "line": MARKER_LINE,
                    },
                },
                col,
            )
        )
        n = "" if col == 1 else str(col)
        merge(  # ticks clear of the panel edges, where two panels' ends would meet
            fig["layout"][f"xaxis{n}"],
            {
                "title": {"text": labels["x"]},
                "showgrid": False,
                "zeroline": False,
                "tickvals": [0.5 * float(a[0]), 0.0, 0.5 * float(a[-1])],
            },
        )
        merge(fig["layout"][f"yaxis{n}"], {"showgrid": False, "zeroline": False})
    fig["layout"]["yaxis"]["title"] = {"text": labels["y"]}
    theme.base_layout(fig, title=labels["title"], style=style)
    tickvals, ticktext = log_ticks(lo, hi, 0.0)
    fig["layout"]["coloraxis"] = {
        "colorscale": style.map_scale,
        "cmin": lo,
        "cmax": hi,
        "colorbar": {
            "tickvals": tickvals,
            "ticktext": ticktext,
            "thickness": 12,
            "title": {"text": labels["loss"], "font": {"size": style.font_size}},
            "tickfont": {"size": style.font_size},
        },
    }
    fig["layout"]["margin"]["t"] = style.title_size + 2 * style.font_size + 40  # 2-line titles
    fig["layout"]["dragmode"] = False
    for note in fig["layout"]["annotations"]:
        note["font"]["size"] = style.font_size
    return fig


def mark_now(fig: dict, x: float, y: float, *, name: str, style: theme.Style) -> dict:
    """The position the page shows, as a filled marker in the path's colour."""
    fig["data"].append(
        {
            "type": "scatter",
            "x": [float(x)],
            "y": [float(y)],
            "mode": "markers",
            "name": name,
            "hoverinfo": "name",
            "marker": {"size": 13 * style.marker, "color": style.path, "line": MARKER_LINE},
        }
    )
    return fig
