"""Pieces every figure builder shares: empty figures, subplots, legends, loss axes and levels."""

from __future__ import annotations

import numpy as np

from viz import theme
from viz.theme import merge

MARKER_LINE = {"color": theme.BLACK, "width": 1.5}
# one symbol per kind of point, in 2D and 3D alike (scatter3d knows circle, diamond and x)
SYMBOLS = {"start": "circle", "minimum": "diamond", "saddle": "x"}


def f32(a) -> np.ndarray:
    """As float32 (half the bytes on the wire); beyond its range a value becomes inf, which the
    component sends as NaN (a gap)."""
    with np.errstate(over="ignore"):
        return np.asarray(a, dtype=np.float32)


def figure() -> dict:
    return {"data": [], "layout": {}}


def subplots(fig: dict, cols: int, spacing: float, titles, *, shared_y: bool = False) -> None:
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


def in_panel(trace: dict, col: int) -> dict:
    if col > 1:
        trace.update(xaxis=f"x{col}", yaxis=f"y{col}")
    return trace


def legend_top(fig: dict, style: theme.Style, *, rows: int) -> None:
    """The legend in a row (or rows) between the title and the plot, the figure grown by the
    room it needs: over the plot it would hide data, under it it runs into the axis title."""
    layout = fig["layout"]
    if style.compact:
        legend_side(fig, style)
        return
    room = (style.font_size + 9) * rows
    merge(
        layout,
        {
            "legend": {
                "yanchor": "bottom",
                "y": 1.0,
                "xanchor": "left",
                "x": 0.0,
                "orientation": "h",
                "itemwidth": 30,
            },
            "margin": {"t": style.title_size + 24 + room},
            # the page sizes a chart to the screen (interact.js): this room comes on top
            "meta": {"room": room},
        },
    )
    layout["height"] = (layout.get("height") or style.height) + room


def legend_side(fig: dict, style: theme.Style) -> None:
    """Projector: the legend in a column right of the plot, headed by the chart's title, so
    the plot keeps the screen's scarce height (rows above it took a third of a 720 px chart).
    A colour bar shares that column: the legend at its top, the bar at its bottom."""
    layout = fig["layout"]
    title = layout.get("title", {})
    head = title.get("text") or ""
    title["text"] = ""
    merge(
        layout,
        {
            "legend": {
                "orientation": "v",
                "yanchor": "top",
                "y": 1.0,
                "xanchor": "left",
                "x": 1.02,
                "title": {"text": head, "side": "top", "font": title.get("font", {})},
                "tracegroupgap": 2,
                "itemwidth": 30,
            },
            "margin": {"t": 12},
            "meta": {"room": 0},
        },
    )
    for trace in fig["data"]:
        bar = trace.get("colorbar")
        if bar is not None:  # below the legend, in the same column
            bar.update(len=0.45, y=0.0, yanchor="bottom", x=1.02, xanchor="left")


def tick_text(value: float) -> str:
    """A tick label as people write it: 1000, 0.01, 2e+06 (three significant digits)."""
    if value == 0:
        return "0"
    if 1e-3 <= abs(value) < 1e5:
        return f"{value:,.3g}" if abs(value) < 1e4 else f"{value:,.0f}"
    return f"{value:.2g}"


def log_ticks(lo: float, hi: float, shift: float = 0.0) -> tuple[list[float], list[str]]:
    """Colour-bar ticks for a log10 scale of ``loss - shift``, labelled in loss units: powers of
    ten, and 2 and 5 times them where the scale spans less than about two decades."""
    if not (np.isfinite(lo) and np.isfinite(hi)) or hi < lo:
        return [], []
    lo, hi = max(lo, -330.0), min(hi, 330.0)  # log10 of any float64: never a huge arange
    if hi < lo:
        return [], []
    decades = np.arange(np.floor(lo), np.ceil(hi) + 1)
    steps = (1.0,) if hi - lo > 2.5 else (1.0, 2.0, 5.0)
    ticks = [d + np.log10(m) for d in decades for m in steps]
    ticks = [v for v in ticks if lo - 1e-9 <= v <= hi + 1e-9]
    if len(ticks) > 8:
        ticks = ticks[:: int(np.ceil(len(ticks) / 8))]
    return [float(v) for v in ticks], [tick_text(10**v + shift) for v in ticks]


def levels(cells, floor: float) -> tuple[np.ndarray, float]:
    """``log10(loss - shift)`` for a contour, and the shift: 0 for a loss that is never
    negative, else the lowest known value (a test function may go below zero). Eight decades
    below the highest cell is as deep as colour can tell apart; an exact fit (minimum 0) would
    otherwise stretch the scale over 30 decades of rounding noise. Non-finite cells stay NaN
    (plotly leaves them blank)."""
    cells = np.asarray(cells, dtype=float)
    finite = cells[np.isfinite(cells)]
    shift = float(floor) if np.isfinite(floor) and floor < 0 else 0.0
    if finite.size == 0:
        return np.full(cells.shape, np.nan), shift
    if finite.min() - shift < 0:  # below the floor we were told: shift to the lowest cell
        shift = float(finite.min())
    # halves, so that a finite range wider than a float (1e308 - (-1e308)) does not overflow
    with np.errstate(over="ignore", invalid="ignore"):
        top = max(float(finite.max()) * 0.5 - shift * 0.5, np.finfo(float).tiny)
        z = np.log10(np.maximum(cells * 0.5 - shift * 0.5, top * 1e-8)) + np.log10(2.0)
    return np.where(np.isfinite(cells), z, np.nan), shift


def floor_line(name: str, value: float, x_max: float, colour: str, style: theme.Style) -> dict:
    """The lowest reachable loss as a dotted line with a legend entry (Plotly places hline
    annotations wrongly on log axes)."""
    return {
        "type": "scatter",
        "x": [0.0, x_max],
        "y": [value, value],
        "mode": "lines",
        "name": name,
        "line": {"color": colour, "width": 1.5 * style.line, "dash": "dot"},
        "hovertemplate": f"{name}: %{{y:.4g}}<extra></extra>",
    }


def log_range(*series) -> list[float] | None:
    """A log axis from the highest loss down at most 12 decades: a loss of 1e-31 (an exact fit
    in floating point) would otherwise squash every other curve into a line."""
    parts = [np.asarray(v, dtype=float).ravel() for v in series if np.size(v)]
    if not parts:
        return None
    values = np.concatenate(parts)
    values = values[np.isfinite(values) & (values > 0)]
    if values.size == 0:
        return None
    top = float(values.max())
    bottom = max(float(values.min()), top * 1e-12)
    return [np.log10(bottom) - 0.3, np.log10(top) + 0.35]  # room for the marker at the top


def spans_decades(*series, decades: float = 2.0) -> bool:
    """Whether positive losses span more than ``decades`` powers of ten: then a log axis shows
    what a linear one presses flat against zero."""
    values = np.concatenate([np.asarray(v, dtype=float).ravel() for v in series if np.size(v)])
    values = values[np.isfinite(values) & (values > 0)]
    return bool(values.size > 1 and np.log10(values.max() / values.min()) > decades)


def loss_axis(fig: dict, title: str, log_y: bool, log_rng, linear_range=None) -> None:
    axis = {
        "title": {"text": title},
        "type": "log" if log_y else "linear",
        "exponentformat": "power" if log_y else "B",
    }
    rng = log_rng if log_y else linear_range
    if log_y:  # a label every decade, or every second or third over a long span
        span = rng[1] - rng[0] if rng is not None and all(np.isfinite(rng)) else 6.0
        axis["dtick"] = 1 if span <= 6.7 else 2 if span <= 12.7 else 3  # data + 0.65 of padding
    if rng is not None and all(np.isfinite(rng)) and rng[1] > rng[0]:
        axis["range"] = [float(v) for v in rng]
    merge(fig["layout"], {"yaxis": axis})


def finite_range(lo, hi, *, pad: float = 0.0) -> list[float]:
    """``[lo, hi]`` widened by ``pad`` of its width, never empty or non-finite."""
    lo, hi = float(lo), float(hi)
    if not (np.isfinite(lo) and np.isfinite(hi)):
        return [0.0, 1.0]
    if hi <= lo:
        half = max(abs(lo) * 1e-3, 1e-9)
        return [lo - half, hi + half]
    width = hi - lo
    return [lo - pad * width, hi + pad * width]
