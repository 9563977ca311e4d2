"""The views of the lab, each named by what it shows.

Every builder takes precomputed arrays (float32 where they are large) and returns a Plotly
figure as a plain dict (``{"data": [...], "layout": {...}}``, NumPy arrays left as they are):
building ``plotly.graph_objects`` figures validated every property and cost ~0.5 s a page
(measured: the explorer's five figures, 1.8 ms as dicts).
The chart component turns a figure into the JSON plotly.js reads (arrays as base64 typed
arrays, ``losslab_plot.figure_json``).
Non-finite values never reach a figure: callers pass only the kept part of a run.
"""

from __future__ import annotations

import numpy as np

from viz import theme
from viz.theme import merge

_MARKER_LINE = {"color": theme.BLACK, "width": 1.5}


def _f32(a) -> np.ndarray:
    return np.asarray(a, dtype=np.float32)


def _figure() -> dict:
    return {"data": [], "layout": {}}


def _subplots(fig: dict, cols: int, spacing: float, titles, *, shared_y: bool = False) -> None:
    """One row of ``cols`` 2D subplots (axes x, x2, ... / y, y2, ...) with titles above them."""
    width = (1.0 - spacing * (cols - 1)) / cols
    notes = []
    for i in range(cols):
        n = "" if i == 0 else str(i + 1)
        lo = i * (width + spacing)
        fig["layout"][f"xaxis{n}"] = {"anchor": f"y{n}", "domain": [lo, lo + width]}
        yaxis = {"anchor": f"x{n}", "domain": [0.0, 1.0]}
        if shared_y and i:
            yaxis.update(matches="y", showticklabels=False)
        fig["layout"][f"yaxis{n}"] = yaxis
        notes.append(
            {
                "text": titles[i],
                "x": lo + width / 2,
                "y": 1.0,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "center",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 16},
            }
        )
    fig["layout"]["annotations"] = notes


def _in_panel(trace: dict, col: int) -> dict:
    if col > 1:
        trace.update(xaxis=f"x{col}", yaxis=f"y{col}")
    return trace


def _legend_below(fig: dict, style: theme.Style, *, rows: int) -> None:
    """Put the legend under the x axis, growing the figure by the room it needs."""
    room = 28 * rows + 30
    layout = fig["layout"]
    merge(
        layout,
        {
            "legend": {"yanchor": "top", "y": -0.16, "xanchor": "left", "x": 0.0},
            "margin": {"b": 50 + room},
        },
    )
    layout["height"] = (layout.get("height") or style.height) + room


def _log_ticks(lo: float, hi: float) -> tuple[list[float], list[str]]:
    """Colour-bar ticks for a log10 scale, labelled in loss units."""
    ticks = np.arange(np.floor(lo), np.ceil(hi) + 1)
    if ticks.size > 8:
        ticks = ticks[:: int(np.ceil(ticks.size / 8))]
    return ticks.tolist(), [f"{10**t:.3g}" for t in ticks]


def surface_lift(loss) -> float:
    """How far above the surface paths and markers float, so that they stay visible."""
    return 0.01 * (float(np.max(loss)) - float(np.min(loss)))


def loss_surface(
    b_values,
    w_values,
    loss,
    path_b,
    path_w,
    path_loss,
    *,
    start,
    minimum,
    labels: dict,
    style: theme.Style = theme.NORMAL,
    current=None,
) -> dict:
    """3D MSE surface over (b, w) with the path drawn on it.

    ``path_*`` hold only points inside the grid (the caller cuts the path where it leaves).
    ``start`` and ``minimum`` are ``(b, w, loss)``; ``current`` (the same) adds the timeline's
    marker, a trace the timeline moves (``meta="tl-point"``).
    """
    z_lo, z_hi = float(np.min(loss)), float(np.max(loss))
    lift = surface_lift(loss)
    fig = _figure()
    fig["data"].append(
        {
            "type": "surface",
            "x": _f32(b_values),
            "y": _f32(w_values),
            "z": _f32(loss),
            "colorscale": style.surface_scale,
            "opacity": 0.85,
            "showscale": False,
            "name": labels["surface"],
            "hoverinfo": "skip",
            "contours": {
                "z": {"show": True, "usecolormap": True, "project": {"z": False}, "width": 1}
            },
        }
    )
    fig["data"].append(
        {
            "type": "scatter3d",
            "x": _f32(path_b),
            "y": _f32(path_w),
            "z": _f32(np.asarray(path_loss) + lift),
            "mode": "lines+markers" if len(path_b) <= 150 else "lines",
            "line": {"color": style.path, "width": 7 * style.line},
            "marker": {"size": 3 * style.marker, "color": style.path},
            "name": labels["path"],
        }
    )
    for point, symbol, name in (
        (start, "circle", labels["start"]),
        (minimum, "diamond", labels["minimum"]),
    ):
        fig["data"].append(
            {
                "type": "scatter3d",
                "x": [point[0]],
                "y": [point[1]],
                "z": [point[2] + lift],
                "mode": "markers",
                "name": name,
                "marker": {
                    "size": 8 * style.marker,
                    "symbol": symbol,
                    "color": "white",
                    "line": _MARKER_LINE,
                },
            }
        )
    if current is not None:
        fig["data"].append(
            {
                "type": "scatter3d",
                "x": [current[0]],
                "y": [current[1]],
                "z": [current[2] + lift],
                "mode": "markers",
                "name": labels["current"],
                "meta": "tl-point",
                "marker": {"size": 9 * style.marker, "color": style.path, "line": _MARKER_LINE},
            }
        )
    ticks = {"nticks": 4} if style.legend_inside else {}
    zoom = 0.72 if style.legend_inside else 1.0  # a small chart needs the bowl closer
    fig["layout"]["scene"] = {
        "xaxis": {"title": {"text": labels["b"]}, "range": [b_values[0], b_values[-1]], **ticks},
        "yaxis": {"title": {"text": labels["w"]}, "range": [w_values[0], w_values[-1]], **ticks},
        "zaxis": {"title": {"text": labels["loss"]}, "range": [z_lo, z_hi + 2 * lift], **ticks},
        # the book's view (elevation 40, azimuth 260): from the low-w side, looking up the valley
        "camera": {"eye": {"x": -0.45 * zoom, "y": -2.0 * zoom, "z": 1.35 * zoom}},
        "aspectmode": "cube",
    }
    theme.base_layout(fig, title=labels["title"], style=style, height=style.surface_height)
    fig["layout"].update(
        showlegend=not style.legend_inside,  # the contour beside it carries the same legend
        margin={"l": 0, "r": 0, "t": 50, "b": 0},
    )
    return fig


def contour_with_paths(
    b_values,
    w_values,
    loss,
    paths,
    *,
    start,
    minimum,
    labels: dict,
    style: theme.Style = theme.NORMAL,
    path_opacity: float = 1.0,
) -> dict:
    """Contour map of log10(MSE) with one or more paths, the start and the minimum marked.

    ``paths`` is a list of ``(name, b, w, colour)``. Levels are spaced in log10 so the rings near
    the minimum, where a converging path ends, stay visible; the colour bar reads in MSE.
    """
    # Eight decades below the highest cell is as deep as colour can tell apart; an exact fit
    # (minimum 0) would otherwise stretch the scale over 30 decades of rounding noise.
    log_loss = np.log10(np.maximum(loss, float(np.max(loss)) * 1e-8))
    lo, hi = float(log_loss.min()), float(log_loss.max())
    tickvals, ticktext = _log_ticks(lo, hi)
    fig = _figure()
    fig["data"].append(
        {
            "type": "contour",
            "x": _f32(b_values),
            "y": _f32(w_values),
            "z": _f32(log_loss),
            "colorscale": style.surface_scale,
            "ncontours": 24,
            "contours": {"coloring": "heatmap", "showlines": True},
            "line": {"width": 0.5, "color": "rgba(255,255,255,0.5)"},
            "colorbar": {
                "title": {"text": labels["loss"]},
                "tickvals": tickvals,
                "ticktext": ticktext,
                "thickness": 14,
            },
            "hoverinfo": "skip",
            "name": labels["surface"],
            "showlegend": False,
        }
    )
    for name, path_b, path_w, colour in paths:
        few = len(path_b) <= 150  # every step as a dot while they can be told apart
        fig["data"].append(
            {
                "type": "scatter",
                "x": _f32(path_b),
                "y": _f32(path_w),
                "mode": "lines+markers" if few else "lines",
                "name": name,
                "line": {"color": colour, "width": 2.5 * style.line},
                "opacity": path_opacity,
                "marker": {
                    "size": 6 * style.marker,
                    "color": colour,
                    "line": {"color": "white", "width": 1},
                },
            }
        )
    for point, symbol, name in (
        (start, "circle", labels["start"]),
        (minimum, "star", labels["minimum"]),
    ):
        fig["data"].append(
            {
                "type": "scatter",
                "x": [point[0]],
                "y": [point[1]],
                "mode": "markers",
                "name": name,
                "marker": {
                    "size": (14 if symbol == "circle" else 18) * style.marker,
                    "symbol": symbol,
                    "color": "white",
                    "line": _MARKER_LINE,
                },
            }
        )
    theme.base_layout(fig, title=labels["title"], style=style)
    if style.legend_inside:  # an overlaid legend would hide the start; colours are named elsewhere
        fig["layout"]["showlegend"] = False
    else:  # below the plot: a legend above would run into the title
        _legend_below(fig, style, rows=1 + len(paths) // 3)
    axis = {"autorange": False, "showgrid": False, "zeroline": False}
    merge(
        fig["layout"],
        {
            "xaxis": {"title": {"text": labels["b"]}, "range": [b_values[0], b_values[-1]], **axis},
            "yaxis": {"title": {"text": labels["w"]}, "range": [w_values[0], w_values[-1]], **axis},
        },
    )
    return fig


def contour_multiples(
    b_values,
    w_values,
    loss,
    panels,
    *,
    start,
    minimum,
    labels: dict,
    style: theme.Style = theme.NORMAL,
) -> dict:
    """Small multiples: one contour per run (``panels`` of ``(name, b, w, colour)``) over the same
    surface, with one shared colour scale and shared axes."""
    log_loss = np.log10(np.maximum(loss, float(np.max(loss)) * 1e-8))
    fig = _figure()
    _subplots(fig, len(panels), 0.02, [p[0] for p in panels], shared_y=True)
    z = _f32(log_loss)
    for col, (name, path_b, path_w, colour) in enumerate(panels, start=1):
        fig["data"].append(
            _in_panel(
                {
                    "type": "contour",
                    "x": _f32(b_values),
                    "y": _f32(w_values),
                    "z": z,
                    "coloraxis": "coloraxis",
                    "ncontours": 16,
                    "contours": {"coloring": "heatmap", "showlines": True},
                    "line": {"width": 0.4, "color": "rgba(255,255,255,0.5)"},
                    "hoverinfo": "skip",
                    "showlegend": False,
                },
                col,
            )
        )
        fig["data"].append(
            _in_panel(
                {
                    "type": "scatter",
                    "x": _f32(path_b),
                    "y": _f32(path_w),
                    "mode": "lines+markers",
                    "name": name,
                    "line": {"color": colour, "width": 2 * style.line},
                    "marker": {"size": 4 * style.marker, "color": colour},
                    "showlegend": False,
                },
                col,
            )
        )
        for point, symbol in ((start, "circle"), (minimum, "star")):
            fig["data"].append(
                _in_panel(
                    {
                        "type": "scatter",
                        "x": [point[0]],
                        "y": [point[1]],
                        "mode": "markers",
                        "showlegend": False,
                        "marker": {
                            "size": 10 * style.marker,
                            "symbol": symbol,
                            "color": "white",
                            "line": _MARKER_LINE,
                        },
                    },
                    col,
                )
            )
    lo, hi = float(log_loss.min()), float(log_loss.max())
    tickvals, ticktext = _log_ticks(lo, hi)
    layout = fig["layout"]
    for i in range(len(panels)):
        n = "" if i == 0 else str(i + 1)
        merge(
            layout[f"xaxis{n}"],
            {
                "range": [b_values[0], b_values[-1]],
                "autorange": False,
                "showgrid": False,
                "zeroline": False,
                "title": {"text": labels["b"]},
            },
        )
        merge(
            layout[f"yaxis{n}"],
            {
                "range": [w_values[0], w_values[-1]],
                "autorange": False,
                "showgrid": False,
                "zeroline": False,
            },
        )
    layout["yaxis"]["title"] = {"text": labels["w"]}
    theme.base_layout(fig, title=labels["title"], style=style, height=style.height - 60)
    layout["coloraxis"] = {
        "colorscale": style.surface_scale,
        "cmin": lo,
        "cmax": hi,
        "colorbar": {
            "tickvals": tickvals,
            "ticktext": ticktext,
            "thickness": 12,
            "title": {"text": labels["loss"]},
        },
    }
    for note in layout["annotations"]:
        note["font"]["size"] = style.font_size
    return fig


def _floor(name: str, value: float, x_max: float, colour: str, style: theme.Style) -> dict:
    """The lowest reachable loss as a dotted line with a legend entry (Plotly places hline
    annotations wrongly on log axes)."""
    return {
        "type": "scatter",
        "x": [0.0, x_max],
        "y": [value, value],
        "mode": "lines",
        "name": name,
        "line": {"color": colour, "width": 1.5 * style.line, "dash": "dot"},
        "hoverinfo": "name+y",
    }


def _log_range(*series) -> list[float] | None:
    """A log axis from the highest loss down at most 12 decades: a loss of 1e-31 (an exact fit
    in floating point) would otherwise squash every other curve into a line."""
    values = np.concatenate([np.asarray(v, dtype=float).ravel() for v in series if len(v)])
    values = values[values > 0]
    if values.size == 0:
        return None
    top = float(values.max())
    bottom = max(float(values.min()), top * 1e-12)
    return [np.log10(bottom) - 0.3, np.log10(top) + 0.2]


def _loss_axis(fig: dict, title: str, log_y: bool, log_range, linear_range=None) -> None:
    axis = {
        "title": {"text": title},
        "type": "log" if log_y else "linear",
        "exponentformat": "power" if log_y else "B",
    }
    if log_y:
        axis["dtick"] = 1
    rng = log_range if log_y else linear_range
    if rng is not None:
        axis["range"] = rng
    merge(fig["layout"], {"yaxis": axis})


def loss_comparison(
    curves, *, floors, log_y: bool, labels: dict, style: theme.Style = theme.NORMAL
) -> dict:
    """Training loss against epoch for several runs: ``curves`` is a list of
    ``(name, epochs, loss, colour)``, ``floors`` a list of ``(name, value, colour)`` drawn
    dotted."""
    fig = _figure()
    for name, x, y, colour in curves:
        fig["data"].append(
            {
                "type": "scatter",
                "x": _f32(x),
                "y": np.asarray(y, dtype=float),
                "mode": "lines",
                "name": name,
                "line": {"color": colour, "width": 3 * style.line},
            }
        )
    x_max = max(float(np.max(c[1])) for c in curves)
    for name, value, colour in floors:
        if value > 0 or not log_y:
            fig["data"].append(_floor(name, value, x_max, colour, style))
    theme.base_layout(fig, title=labels["title"], style=style)
    merge(fig["layout"], {"xaxis": {"title": {"text": labels["epoch"]}, "rangemode": "tozero"}})
    if not style.legend_inside:
        _legend_below(fig, style, rows=(len(curves) + len(floors) + 1) // 2)
    # linear: frame the descent (1.5 x the highest start); a diverging run leaves through the top
    linear_top = 1.5 * max(float(np.asarray(c[2], dtype=float)[0]) for c in curves)
    _loss_axis(
        fig,
        labels["loss"],
        log_y,
        _log_range(*(c[2] for c in curves), [f[1] for f in floors]) if log_y else None,
        [0.0, linear_top],
    )
    return fig


def loss_curve(
    epochs,
    train_loss,
    val_loss,
    batch_x,
    batch_loss,
    *,
    loss_min: float,
    log_y: bool,
    labels: dict,
    style: theme.Style = theme.NORMAL,
    linear_top: float | None = None,
) -> dict:
    """Training and validation loss per epoch (epoch 0 is the start), the mini-batch loss of every
    update as a faint trace, and the lowest reachable training loss as a dotted line.

    ``linear_top`` fixes a linear loss axis at [0, linear_top] and the epoch axis at its full
    length, so that runs that differ in their learning rate share the axes (and the chart can be
    updated by redrawing its lines alone); without it both axes fit the run."""
    fig = _figure()
    if len(batch_loss):  # SVG, not scattergl: thinned to a few thousand points, an SVG line
        # redraws in half the time of a WebGL one under software rendering (measured, bench/)
        fig["data"].append(
            {
                "type": "scatter",
                "x": _f32(batch_x),
                "y": _f32(batch_loss),
                "mode": "lines",
                "name": labels["batch"],
                "line": {"color": style.batch, "width": 1 * style.line},
                "opacity": 0.45,
            }
        )
    fig["data"].append(
        {
            "type": "scatter",
            "x": _f32(epochs),
            "y": np.asarray(train_loss, dtype=float),
            "mode": "lines",
            "name": labels["train"],
            "line": {"color": style.train, "width": 3 * style.line},
        }
    )
    if len(val_loss):
        fig["data"].append(
            {
                "type": "scatter",
                "x": _f32(epochs),
                "y": np.asarray(val_loss, dtype=float),
                "mode": "lines",
                "name": labels["val"],
                "line": {"color": style.validation, "width": 3 * style.line, "dash": "dash"},
            }
        )
    if loss_min > 0 or not log_y:
        fig["data"].append(
            _floor(labels["floor"], loss_min, float(np.max(epochs)), theme.BLACK, style)
        )
    theme.base_layout(fig, title=labels["title"], style=style)
    if not style.legend_inside:  # four entries above the plot run into a long (Chinese) title
        _legend_below(fig, style, rows=2)
    merge(fig["layout"], {"xaxis": {"title": {"text": labels["epoch"]}, "rangemode": "tozero"}})
    fixed = linear_top is not None and not log_y
    if fixed:
        merge(fig["layout"], {"xaxis": {"range": [0.0, float(np.max(epochs))]}})
    _loss_axis(
        fig,
        labels["loss"],
        log_y,
        _log_range(train_loss, val_loss, batch_loss, [loss_min]) if log_y else None,
        [0.0, float(linear_top)] if fixed else None,
    )
    return fig


def data_with_fit(
    x_train,
    y_train,
    x_val,
    y_val,
    line_x,
    fitted,
    start_line,
    best_line,
    *,
    labels: dict,
    style: theme.Style = theme.NORMAL,
) -> dict:
    """The data (train and validation) with the current fitted line, the starting line and the
    least-squares line, all in original units. ``fitted=None`` leaves the current line to the
    timeline (a legend entry stays)."""
    fig = _figure()
    # "tl-train": the timeline rings a mini-batch's rows at these points
    fig["data"].append(
        {
            "type": "scatter",
            "x": _f32(x_train),
            "y": _f32(y_train),
            "mode": "markers",
            "name": labels["train"],
            "meta": "tl-train",
            "marker": {"color": style.train, "size": 7 * style.marker, "opacity": 0.8},
        }
    )
    if len(x_val):
        fig["data"].append(
            {
                "type": "scatter",
                "x": _f32(x_val),
                "y": _f32(y_val),
                "mode": "markers",
                "name": labels["val"],
                "marker": {
                    "color": style.validation,
                    "size": 8 * style.marker,
                    "symbol": "triangle-up",
                    "line": {"color": theme.BLACK, "width": 0.5},
                },
            }
        )
    line_x = [float(v) for v in line_x]
    fig["data"].append(
        {
            "type": "scatter",
            "x": line_x,
            "y": list(start_line),
            "mode": "lines",
            "name": labels["start"],
            "line": {"color": theme.GREY, "width": 2 * style.line, "dash": "dash"},
        }
    )
    fig["data"].append(
        {
            "type": "scatter",
            "x": line_x,
            "y": list(best_line),
            "mode": "lines",
            "name": labels["best"],
            "line": {"color": theme.BLACK, "width": 2 * style.line, "dash": "dot"},
        }
    )
    fig["data"].append(
        {
            "type": "scatter",
            "x": line_x if fitted is not None else [None],
            "y": list(fitted) if fitted is not None else [None],
            "mode": "lines",
            "name": labels["fit"],
            "line": {"color": style.path, "width": 3.5 * style.line},
        }
    )
    theme.base_layout(fig, title=labels["title"], style=style)
    # the axes frame the data, so a wild line (early or diverging) cannot squash the points
    y_all = np.concatenate([np.asarray(y_train, float), np.asarray(y_val, float)])
    pad = 0.15 * float(np.ptp(y_all)) or 1.0
    if style.legend_inside:  # the data rise to the right: the top left corner is free
        merge(fig["layout"], {"legend": {"x": 0.01, "xanchor": "left", "orientation": "v"}})
    merge(
        fig["layout"],
        {
            "xaxis": {"title": {"text": "x"}},
            "yaxis": {
                "title": {"text": "y"},
                "range": [float(y_all.min()) - pad, float(y_all.max()) + pad],
            },
        },
    )
    return fig


def loss_of_one_weight(
    w_grid, cost, sample_curves, runs, *, labels: dict, style: theme.Style = theme.NORMAL
) -> dict:
    """L(w) for the model y = w x: the cost over all data, the loss of each sample (faint), and
    for each run its steps along the curve plus the tangent at the chosen update.

    ``runs`` holds dicts with ``name, colour, w, loss`` (the steps), ``current`` (w, L) and
    ``slope`` (dL/dw there, the gradient the update uses).
    """
    fig = _figure()
    for i, curve in enumerate(sample_curves):
        fig["data"].append(
            {
                "type": "scatter",
                "x": _f32(w_grid),
                "y": _f32(curve),
                "mode": "lines",
                "name": labels["sample"],
                "legendgroup": "samples",
                "showlegend": i == 0,
                "opacity": 0.6,
                "line": {"color": theme.GREY, "width": 1 * style.line, "dash": "dot"},
            }
        )
    fig["data"].append(
        {
            "type": "scatter",
            "x": _f32(w_grid),
            "y": _f32(cost),
            "mode": "lines",
            "name": labels["cost"],
            "line": {"color": theme.BLACK, "width": 2.5 * style.line},
        }
    )
    span = 0.18 * float(w_grid[-1] - w_grid[0])
    for run in runs:
        fig["data"].append(
            {
                "type": "scatter",
                "x": _f32(run["w"]),
                "y": _f32(run["loss"]),
                "mode": "lines+markers",
                "name": run["name"],
                "line": {"color": run["colour"], "width": 1.5},
                "marker": {"size": 6 * style.marker, "color": run["colour"]},
            }
        )
        w_k, l_k = run["current"]
        tx = np.array([w_k - span, w_k + span])
        fig["data"].append(
            {
                "type": "scatter",
                "x": tx,
                "y": l_k + run["slope"] * (tx - w_k),
                "mode": "lines",
                "name": labels["tangent"].format(name=run["name"]),
                "line": {"color": run["colour"], "width": 2 * style.line, "dash": "dash"},
            }
        )
        fig["data"].append(
            {
                "type": "scatter",
                "x": [w_k],
                "y": [l_k],
                "mode": "markers",
                "showlegend": False,
                "marker": {
                    "size": 13 * style.marker,
                    "color": "white",
                    "line": {"color": run["colour"], "width": 3},
                },
            }
        )
    top = float(np.max(cost))
    theme.base_layout(fig, title=labels["title"], style=style, height=style.height + 40)
    if not style.legend_inside:
        _legend_below(fig, style, rows=2 + len(runs))
    merge(
        fig["layout"],
        {
            "xaxis": {"title": {"text": "w"}, "range": [float(w_grid[0]), float(w_grid[-1])]},
            "yaxis": {"title": {"text": labels["loss"]}, "range": [-0.03 * top, 1.05 * top]},
        },
    )
    return fig


def cross_sections(
    w_range,
    b_range,
    loss_range,
    *,
    mini_batch: bool,
    labels: dict,
    style: theme.Style = theme.NORMAL,
) -> dict:
    """Empty frames for the timeline's cross-sections through the current point: loss against w
    with b held (left) and against b with w held (right), on fixed axes. The curves, tangents
    and steps are the timeline's (they move with it); the legend says what each line is."""
    fig = _figure()
    _subplots(fig, 2, 0.1, [labels["along_w"], labels["along_b"]])
    keys = [("full", theme.BLACK, "solid", 2.5)]
    if mini_batch:
        keys.append(("batch", style.path, "dash", 2.5))
    keys.append(("tangent", theme.GREEN, "solid", 2.0))
    for key, colour, dash, width in keys:  # legend entries only: no data
        fig["data"].append(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "lines",
                "name": labels[key],
                "line": {"color": colour, "dash": dash, "width": width * style.line},
            }
        )
    # plotly.js keeps only axes that a trace uses: an empty one holds the right-hand panel
    fig["data"].append(
        _in_panel(
            {"type": "scatter", "x": [None], "y": [None], "showlegend": False, "hoverinfo": "skip"},
            2,
        )
    )
    layout = fig["layout"]
    merge(
        layout,
        {
            "xaxis": {"range": list(w_range), "title": {"text": labels["w"]}},
            "xaxis2": {"range": list(b_range), "title": {"text": labels["b"]}},
            "yaxis": {"range": list(loss_range), "title": {"text": labels["loss"]}},
            "yaxis2": {"range": list(loss_range)},
        },
    )
    theme.base_layout(fig, title=labels["title"], style=style, height=style.height)
    if not style.legend_inside:
        _legend_below(fig, style, rows=1)
    else:
        merge(layout, {"legend": {"x": 0.01, "xanchor": "left", "y": 0.99}})
    for note in layout["annotations"]:
        note["font"]["size"] = style.font_size
    return fig
