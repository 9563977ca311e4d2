"""The data with the model's prediction: what the parameters mean."""

from __future__ import annotations

import numpy as np

from viz import theme
from viz.layout import f32, figure, finite_range, legend_top
from viz.theme import merge


def data_with_fit(
    x_train,
    y_train,
    x_val,
    y_val,
    curve_x,
    fitted,
    start_curve,
    best_curve,
    *,
    labels: dict,
    style: theme.Style = theme.NORMAL,
) -> dict:
    """The data (train and validation) with the current prediction, the starting one and the
    best one (at the minimum), all in original units, over ``curve_x``. ``fitted=None`` leaves
    the current prediction to the timeline (its legend entry stays). The legend sits under the
    plot: over it, it would hide points."""
    fig = figure()
    # "tl-train": the timeline rings a mini-batch's rows at these points
    fig["data"].append(
        {
            "type": "scatter",
            "x": f32(x_train),
            "y": f32(y_train),
            "mode": "markers",
            "name": labels["train"],
            "meta": "tl-train",
            "hovertemplate": "x = %{x:.4g}, y = %{y:.4g}<extra>" + labels["train"] + "</extra>",
            "marker": {"color": style.train, "size": 7 * style.marker, "opacity": 0.8},
        }
    )
    if len(x_val):
        fig["data"].append(
            {
                "type": "scatter",
                "x": f32(x_val),
                "y": f32(y_val),
                "mode": "markers",
                "name": labels["val"],
                "hovertemplate": "x = %{x:.4g}, y = %{y:.4g}<extra>" + labels["val"] + "</extra>",
                "marker": {
                    "color": style.validation,
                    "size": 8 * style.marker,
                    "symbol": "triangle-up",
                    "line": {"color": theme.BLACK, "width": 0.5},
                },
            }
        )
    curve_x = [float(v) for v in curve_x]
    for name, ys, colour, dash, width in (
        (labels["start"], start_curve, theme.GREY, "dash", 2),
        (labels["best"], best_curve, theme.BLACK, "dot", 2),
    ):
        fig["data"].append(
            {
                "type": "scatter",
                "x": curve_x,
                "y": [None if v is None else float(v) for v in ys],
                "mode": "lines",
                "name": name,
                "hoverinfo": "skip",
                "line": {"color": colour, "width": width * style.line, "dash": dash},
            }
        )
    fig["data"].append(
        {
            "type": "scatter",
            "x": curve_x if fitted is not None else [None],
            "y": [float(v) for v in fitted] if fitted is not None else [None],
            "mode": "lines",
            "name": labels["fit"],
            "hoverinfo": "skip",
            "line": {"color": style.path, "width": 3.5 * style.line},
        }
    )
    theme.base_layout(fig, title=labels["title"], style=style)
    legend_top(fig, style, rows=1 if style.compact else 2)
    # the axes frame the data, so a wild line (early or diverging) cannot squash the points
    y_all = np.concatenate([np.asarray(y_train, float), np.asarray(y_val, float)])
    x_all = np.concatenate([np.asarray(x_train, float), np.asarray(x_val, float)])
    y_rng = finite_range(np.min(y_all), np.max(y_all), pad=0.15)
    merge(
        fig["layout"],
        {
            "xaxis": {
                "title": {"text": "x"},
                "range": finite_range(np.min(x_all), np.max(x_all), pad=0.04),
            },
            "yaxis": {"title": {"text": "y"}, "range": y_rng},
        },
    )
    return fig
