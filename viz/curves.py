"""Curves of a run: the loss against epoch (one run, or several to compare), the step size
against the local stable limit, and the cross-sections through the current point."""

from __future__ import annotations

import numpy as np

from viz import theme
from viz.layout import (
    f32,
    figure,
    finite_range,
    floor_line,
    in_panel,
    legend_top,
    log_range,
    loss_axis,
    subplots,
)
from viz.theme import merge


def _line(x, y, name, colour, width, style, *, dash=None, hover=None, opacity=None) -> dict:
    trace = {
        "type": "scatter",
        "x": f32(x),
        "y": y if isinstance(y, list) else np.asarray(y, dtype=float),
        "mode": "lines",
        "name": name,
        "line": {"color": colour, "width": width * style.line},
    }
    if dash:
        trace["line"]["dash"] = dash
    if hover:
        trace["hovertemplate"] = hover
    if opacity is not None:
        trace["opacity"] = opacity
    return trace


def floor_shown(floor: float, log_y: bool, log_rng) -> bool:
    """Whether the lowest reachable loss is drawn: on a log axis only where it lies inside the
    axis (an exact fit's 1e-31 is rounding, below every curve: no line, and no legend entry)."""
    if not np.isfinite(floor):
        return False
    if not log_y:
        return True
    return floor > 0 and (log_rng is None or np.log10(floor) >= log_rng[0])


def fixed_log_range(starts, floor: float) -> list[float] | None:
    """A log loss axis that does not depend on the learning rate: from a little above the losses
    at the start (which the rate does not change) down to below the lowest reachable loss (or
    twelve decades, for an exact fit), so that curves of different rates compare at a glance."""
    top = 1.05 * max(float(v) for v in starts)
    if not (np.isfinite(top) and top > 0):
        return None
    bottom = float(floor) if np.isfinite(floor) and floor > top * 1e-12 else top * 1e-12
    return [float(np.log10(bottom)) - 0.3, float(np.log10(top)) + 0.05]


def loss_curve(
    x,
    train_loss,
    val_loss,
    batch_x,
    batch_loss,
    *,
    floor: float,
    log_y: bool,
    labels: dict,
    style: theme.Style = theme.NORMAL,
    fixed: tuple[float, list[float] | None] | None = None,
) -> dict:
    """Training and validation loss per epoch (or per update without data; x = 0 is the start),
    the mini-batch loss of every update as a faint line when there are mini-batches, and the
    lowest reachable loss as a dotted line. Only what is drawn has a legend entry.

    ``fixed`` (``x_max``, loss range): axes that stay put while the learning rate moves (the
    chart is then redrawn by its lines alone); without it both axes fit the run."""
    fig = figure()
    hover = labels["x"] + " %{x:.4~g}: {name} %{y:.4g}<extra></extra>"
    if len(batch_loss):  # SVG, not scattergl: thinned to a few thousand points, an SVG line
        # redraws in half the time of a WebGL one under software rendering (measured, bench/)
        fig["data"].append(
            _line(
                batch_x,
                f32(batch_loss),
                labels["batch"],
                style.batch,
                1,
                style,
                hover=hover.replace("{name}", labels["batch"]),
                opacity=0.5,
            )
        )
    fig["data"].append(
        _line(
            x,
            train_loss,
            labels["train"],
            style.train,
            3,
            style,
            hover=hover.replace("{name}", labels["train"]),
        )
    )
    if len(val_loss):
        fig["data"].append(
            _line(
                x,
                val_loss,
                labels["val"],
                style.validation,
                3,
                style,
                dash="dash",
                hover=hover.replace("{name}", labels["val"]),
            )
        )
    x_max = float(np.max(x)) if len(x) else 1.0
    rng = fixed[1] if fixed is not None else None
    auto = log_range(train_loss, val_loss, batch_loss, [floor] if np.isfinite(floor) else [])
    if floor_shown(floor, log_y, rng if rng is not None else auto):
        fig["data"].append(floor_line(labels["floor"], floor, x_max, theme.BLACK, style))
    theme.base_layout(fig, title=labels["title"], style=style)
    rows = 1 if len(fig["data"]) <= 3 or style.compact else 2
    legend_top(fig, style, rows=rows)
    merge(fig["layout"], {"xaxis": {"title": {"text": labels["x"]}, "rangemode": "tozero"}})
    if fixed is not None:
        merge(fig["layout"], {"xaxis": {"range": [0.0, max(fixed[0], 1e-9)]}})
    loss_axis(fig, labels["loss"], log_y, rng if rng is not None else auto, rng)
    return fig


def steps(x, y, most: int = 2000):
    """A step function (η per epoch) by its change points and its end, at most ``most`` of them
    (a smooth schedule is sampled evenly): the same picture from fewer numbers."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if y.size <= 2:
        return x, y
    keep = np.flatnonzero(np.diff(y, prepend=np.nan) != 0)
    if keep.size > most:
        keep = keep[np.linspace(0, keep.size - 1, most).astype(int)]
    keep = np.union1d(keep, [y.size - 1])
    return x[keep], y[keep]


def rate_panel(fig: dict, series, *, labels: dict, style: theme.Style = theme.NORMAL) -> None:
    """η of every epoch (a schedule) in a strip under the loss, on the same x axis. ``series``
    are ``(name, bounds, rates, colour)``: the epoch boundaries on the x axis (E + 1 values) and
    the η of each epoch (E values), drawn as steps."""
    top = 0.0
    for name, bounds, rates, colour in series:
        rates = np.asarray(rates, dtype=float)
        if not rates.size:
            continue
        xs, ys = steps(np.asarray(bounds, dtype=float), np.append(rates, rates[-1]))
        trace = _line(
            xs,
            ys,
            name,
            colour,
            2,
            style,
            hover=labels["x"] + " %{x:.4~g}: η = %{y:.4g}<extra>" + name + "</extra>",
        )
        trace.update(yaxis="y2", line={**trace["line"], "shape": "hv"}, showlegend=False)
        fig["data"].append(trace)
        top = max(top, float(np.max(ys)))
    merge(
        fig["layout"],
        {
            "yaxis": {"domain": [0.34, 1.0]},
            "yaxis2": {
                "domain": [0.0, 0.22],
                "anchor": "x",
                "title": {"text": labels["lr_axis"]},
                "range": [0.0, 1.12 * (top or 1.0)],
                "nticks": 3,
                "exponentformat": "power",
                "fixedrange": True,
            },
            "xaxis": {"anchor": "y2"},
        },
    )


def loss_comparison(
    curves, *, floors, log_y: bool, labels: dict, style: theme.Style = theme.NORMAL
) -> dict:
    """Training loss of several runs: ``curves`` of ``(name, x, loss, colour)``, ``floors`` of
    ``(name, value, colour)`` drawn dotted."""
    fig = figure()
    hover = labels["x"] + " %{x:.4~g}: %{y:.4g}<extra>{name}</extra>"
    for name, x, y, colour in curves:
        fig["data"].append(_line(x, y, name, colour, 3, style, hover=hover.replace("{name}", name)))
    x_max = max([float(np.max(c[1])) for c in curves if len(c[1])] or [1.0])
    rng = log_range(*(c[2] for c in curves), [f[1] for f in floors]) if log_y else None
    for name, value, colour in floors:
        if floor_shown(value, log_y, rng):
            fig["data"].append(floor_line(name, value, x_max, colour, style))
    theme.base_layout(fig, title=labels["title"], style=style)
    merge(fig["layout"], {"xaxis": {"title": {"text": labels["x"]}, "rangemode": "tozero"}})
    legend_top(fig, style, rows=max(1, (len(curves) + len(floors) + 2) // 3))
    # linear: frame the descent (1.5 x the highest start); a diverging run leaves through the top
    starts = [float(np.asarray(c[2], dtype=float)[0]) for c in curves if len(c[2])]
    top = 1.5 * max(starts) if starts else 1.0
    loss_axis(
        fig,
        labels["loss"],
        log_y,
        rng,
        [0.0, top] if np.isfinite(top) and top > 0 else None,
    )
    return fig


def local_limit(
    updates,
    limits,
    lr: float,
    *,
    labels: dict,
    style: theme.Style = theme.NORMAL,
    rates=None,
) -> dict:
    """The step size against the local stable step ``2 / lambda_max(H)`` along the path (log
    axis): where the learning rate is above the line, one step overshoots along the most curved
    direction there. Where the surface curves nowhere upwards the line has a gap. ``rates``
    (η of every update, a schedule) draws η as it changes instead of one level."""
    fig = figure()
    limits = np.asarray(limits, dtype=float)
    ok = np.isfinite(limits) & (limits > 0)
    # a gap (None, never NaN in a figure) where the surface curves nowhere upwards
    shown = [float(v) if good else None for v, good in zip(limits, ok, strict=True)]
    fig["data"].append(
        _line(
            updates,
            shown,
            labels["limit"],
            theme.BLACK,
            2.5,
            style,
            hover=labels["x"] + " %{x}: 2/λ_max = %{y:.3g}<extra></extra>",
        )
    )
    x_max = float(np.max(updates)) if len(updates) else 1.0
    if rates is None:
        eta_x, eta = [0.0, x_max], [lr, lr]
    else:
        rates = np.asarray(rates, dtype=float)
        eta_x, eta = steps(np.arange(rates.size + 1), np.append(rates, rates[-1:]))
    line = _line(
        eta_x,
        eta,
        labels["lr"],
        style.path,
        2.5,
        style,
        dash="dash",
        hover=labels["x"] + " %{x}: η = %{y:.4g}<extra></extra>",
    )
    if rates is not None:
        line["line"] = {**line["line"], "shape": "hv"}
    fig["data"].append(line)
    theme.base_layout(fig, title=labels["title"], style=style)
    legend_top(fig, style, rows=1)
    merge(
        fig["layout"],
        {
            "xaxis": {
                "title": {"text": labels["x"]},
                "rangemode": "tozero",
                "range": [0.0, max(x_max, 1.0)],
            }
        },
    )
    loss_axis(fig, labels["y"], True, log_range(limits[ok], np.asarray(eta, dtype=float)))
    return fig


def cross_sections(
    ranges, loss_range, *, names, mini_batch: bool, labels: dict, style: theme.Style = theme.NORMAL
) -> dict:
    """Empty frames for the timeline's cross-sections through the current point: the loss
    against the second parameter with the first held (left) and against the first with the
    second held (right), on fixed axes. The curves, tangents and steps are the timeline's (they
    move with it); the legend says what each line is. ``ranges``: the two parameters' ranges."""
    fig = figure()
    subplots(fig, 2, 0.12, ["", ""])
    del fig["layout"]["annotations"]  # each panel says what it holds in its axis title
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
                "hoverinfo": "skip",
                "line": {"color": colour, "dash": dash, "width": width * style.line},
            }
        )
    # plotly.js keeps only axes that a trace uses: an empty one holds the right-hand panel
    fig["data"].append(
        in_panel(
            {"type": "scatter", "x": [None], "y": [None], "showlegend": False, "hoverinfo": "skip"},
            2,
        )
    )
    layout = fig["layout"]
    loss_range = finite_range(*loss_range)
    merge(
        layout,
        {
            "xaxis": {
                "range": finite_range(*ranges[1]),
                "title": {"text": labels["along"].format(a=names[1], b=names[0])},
            },
            "xaxis2": {
                "range": finite_range(*ranges[0]),
                "title": {"text": labels["along"].format(a=names[0], b=names[1])},
            },
            "yaxis": {"range": loss_range, "title": {"text": labels["loss"]}},
            "yaxis2": {"range": loss_range},
            "dragmode": False,
        },
    )
    theme.base_layout(fig, title=labels["title"], style=style, height=style.height)
    legend_top(fig, style, rows=1)
    return fig


def loss_of_one_weight(
    w_grid,
    cost,
    sample_curves,
    path_w,
    path_loss,
    *,
    colour: str,
    labels: dict,
    style: theme.Style = theme.NORMAL,
) -> dict:
    """L(w) of the model y = w x: the cost over all data, the loss of each sample (faint), and
    the run's steps along the cost (faint: the timeline draws the current point, the tangent
    whose slope is the gradient the update uses, and the step)."""
    fig = figure()
    for i, curve in enumerate(sample_curves):
        fig["data"].append(
            {
                **_line(
                    w_grid,
                    f32(curve),
                    labels["sample"],
                    theme.GREY,
                    1,
                    style,
                    dash="dot",
                    opacity=0.7,
                ),
                "legendgroup": "samples",
                "showlegend": i == 0,
                "hoverinfo": "skip",
            }
        )
    fig["data"].append(
        _line(
            w_grid,
            cost,
            labels["cost"],
            theme.BLACK,
            2.5,
            style,
            hover="w = %{x:.4g}: " + labels["loss"] + " %{y:.4g}<extra></extra>",
        )
    )
    fig["data"].append(
        {
            "type": "scatter",
            "x": f32(path_w),
            "y": f32(path_loss),
            "mode": "lines+markers" if len(path_w) <= 80 else "lines",
            "name": labels["path"],
            "opacity": 0.45,
            "hoverinfo": "skip",
            "line": {"color": colour, "width": 1.5 * style.line},
            "marker": {"size": 5 * style.marker, "color": colour},
        }
    )
    fig["data"].append(
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "lines",
            "name": labels["tangent"],
            "line": {"color": theme.GREEN, "width": 2 * style.line},
        }
    )
    top = float(np.max(cost))
    theme.base_layout(fig, title=labels["title"], style=style, height=style.height + 40)
    legend_top(fig, style, rows=2 if not style.compact else 1)
    merge(
        fig["layout"],
        {
            "xaxis": {"title": {"text": "w"}, "range": finite_range(w_grid[0], w_grid[-1])},
            "yaxis": {
                "title": {"text": labels["loss"]},
                "range": finite_range(-0.03 * top, 1.05 * top),
            },
            "dragmode": False,
        },
    )
    return fig
