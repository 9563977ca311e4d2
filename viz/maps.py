"""The loss over two parameters: the 3D surface, the contour map, small multiples.

Paths are ``(name, x, y, colour)`` (3D: ``(name, x, y, loss, colour)``), cut by the caller
where they leave the plotted window; ``points`` are the surface's known minima and saddle points
as ``(kind, x, y, loss)``. Every marker has one symbol and one word on every page.
"""

from __future__ import annotations

import numpy as np

from viz import theme
from viz.layout import (
    MARKER_LINE,
    SYMBOLS,
    f32,
    figure,
    finite_range,
    in_panel,
    legend_top,
    levels,
    log_ticks,
    subplots,
)
from viz.theme import merge


def surface_z(cells, floor: float, *, log: bool):
    """What the 3D view draws as height, and how a loss maps to it: the loss itself, or for a
    test function whose values span many decades log10 of its height above the minimum (four
    decades deep). Returns ``(z, to_z, ticks, z_log)``: ``ticks`` label a log axis in loss units,
    ``z_log`` (``shift``, ``least``) is the mapping for the timeline's marker (run.js)."""
    cells = np.asarray(cells, dtype=float)
    finite = cells[np.isfinite(cells)]
    if not log or finite.size == 0:
        return cells, (lambda v: np.asarray(v, dtype=float)), None, None
    shift = float(floor) if np.isfinite(floor) else float(finite.min())
    shift = min(shift, float(finite.min()))
    least = max(float(finite.max()) - shift, np.finfo(float).tiny) * 1e-4

    def to_z(v):
        with np.errstate(over="ignore", invalid="ignore"):  # inf - inf: a blank cell
            return np.log10(np.maximum(np.asarray(v, dtype=float) - shift, least))

    z = to_z(cells)
    ticks = log_ticks(float(np.nanmin(z)), float(np.nanmax(z)), shift)
    return z, to_z, ticks, {"shift": shift, "least": least}


def wants_log(cells, floor: float) -> bool:
    """A 3D view on a log scale when a linear one would press the landscape flat: the highest
    cell more than a hundred times as high above the minimum as the median one (Beale's)."""
    cells = np.asarray(cells, dtype=float)
    finite = cells[np.isfinite(cells)]
    if finite.size == 0:
        return False
    base = float(floor) if np.isfinite(floor) else float(finite.min())
    base = min(base, float(finite.min()))
    median = float(np.median(finite)) - base
    return median > 0 and (float(finite.max()) - base) / median > 100


def lift_of(z) -> float:
    """How far above the surface paths and markers float, so that they stay visible."""
    z = np.asarray(z, dtype=float)
    if not np.isfinite(z).any():
        return 0.0
    return 0.015 * (float(np.nanmax(z)) - float(np.nanmin(z)))  # Python floats: inf, no warning


@np.errstate(over="ignore", invalid="ignore")  # cells near the float limit lift to inf: a gap
def loss_surface(
    gx,
    gy,
    cells,
    paths,
    *,
    points,
    start,
    labels: dict,
    style: theme.Style = theme.NORMAL,
    current=None,
    floor: float = float("nan"),
    log: bool = False,
    readout: dict | None = None,
) -> dict:
    """The 3D surface with the paths on it, the start, the known minima and saddles, and with
    ``current`` (``(x, y, loss)``) the timeline's marker (the trace ``meta="tl-point"``)."""
    z, to_z, ticks, _ = surface_z(cells, floor, log=log)
    lift = lift_of(z)
    fig = figure()
    fig["data"].append(
        {
            "type": "surface",
            "x": f32(gx),
            "y": f32(gy),
            "z": f32(z),
            "colorscale": style.surface_scale,
            "opacity": 0.92,
            "showscale": False,
            "name": labels["surface"],
            "hoverinfo": "none",
            "contours": {
                "z": {
                    "show": True,
                    "usecolormap": False,
                    "color": "rgba(60,60,60,0.35)",
                    "width": 1,
                    "project": {"z": False},
                }
            },
            "lighting": {"ambient": 0.75, "diffuse": 0.5, "specular": 0.05},
        }
    )
    for name, px, py, ploss, colour in paths:
        fig["data"].append(
            {
                "type": "scatter3d",
                "x": f32(px),
                "y": f32(py),
                "z": f32(to_z(ploss) + lift),
                "mode": "lines",
                "line": {"color": colour, "width": 6 * style.line},
                "name": name,
                "hovertemplate": f"{labels['x']} = %{{x:.3f}}<br>{labels['y']} = %{{y:.3f}}"
                f"<extra>{name}</extra>",
            }
        )
    marks = [("start", start[0], start[1], start[2])] + list(points)
    for kind, x, y, loss in marks:
        fig["data"].append(
            {
                "type": "scatter3d",
                "x": [float(x)],
                "y": [float(y)],
                "z": [float(to_z(loss) + lift)],
                "mode": "markers",
                "name": labels[kind],
                "legendgroup": kind,
                "showlegend": False,
                "hoverinfo": "name",
                "marker": {
                    "size": (6 if kind == "start" else 5) * style.marker,
                    "symbol": SYMBOLS[kind],
                    "color": theme.BLACK if kind == "saddle" else "white",
                    "line": MARKER_LINE,
                },
            }
        )
    if current is not None:
        fig["data"].append(
            {
                "type": "scatter3d",
                "x": [float(current[0])],
                "y": [float(current[1])],
                "z": [float(to_z(current[2]) + lift)],
                "mode": "markers",
                "name": labels["now"],
                "meta": "tl-point",
                "hoverinfo": "name",
                "marker": {"size": 6 * style.marker, "color": style.path, "line": MARKER_LINE},
            }
        )
    x_rng, y_rng = finite_range(gx[0], gx[-1]), finite_range(gy[0], gy[-1])
    zmin, zmax = float(np.nanmin(z)), float(np.nanmax(z)) + 2 * lift
    small = {"size": max(10, style.font_size - 4)}
    # projector: fewer, larger ticks (at 5 a side they ran into each other and the axis titles)
    axis = {"nticks": 4 if style.compact else 5, "tickfont": small, "showspikes": False}
    zaxis = {
        "title": {"text": labels["loss"], "font": small},
        "nticks": 3 if style.compact else 4,
        "tickfont": small,
        "range": finite_range(zmin, zmax),
        "showspikes": False,
    }
    if ticks:
        zaxis.update(
            tickvals=ticks[0], ticktext=ticks[1], title={"text": labels["loss_log"], "font": small}
        )
    aspect_y = (y_rng[1] - y_rng[0]) / (x_rng[1] - x_rng[0])  # the map's proportions
    zoom = 0.92 if style.compact else 1.0
    fig["layout"]["scene"] = {
        "xaxis": {"title": {"text": labels["x"], "font": small}, "range": x_rng, **axis},
        "yaxis": {"title": {"text": labels["y"], "font": small}, "range": y_rng, **axis},
        "zaxis": zaxis,
        # the book's view (elevation 40, azimuth 260): from the low-w side, looking up the valley
        # (a little nearer in projector mode, where the scene has the least room to waste)
        "camera": {
            "eye": {"x": -0.55 * zoom, "y": -1.9 * zoom, "z": 1.05 * zoom},
            "center": {"x": 0, "y": 0, "z": -0.3 if style.compact else -0.12},
        },
        "aspectmode": "manual",
        "aspectratio": {"x": 1.0, "y": float(np.clip(aspect_y, 0.3, 3.0)), "z": 0.7},
        "dragmode": "turntable",  # turns about the vertical: the surface cannot end upside down
    }
    theme.base_layout(fig, title=labels["title"], style=style, height=style.surface_height)
    for key in ("xaxis", "yaxis", "zaxis"):  # base_layout sets the full size: 3D ticks are smaller
        merge(fig["layout"]["scene"][key], {"tickfont": small, "title": {"font": small}})
    fig["layout"].update(showlegend=False, margin={"l": 0, "r": 0, "t": 40, "b": 0})
    if readout is not None:
        merge(fig["layout"], {"meta": {"readout": readout}})
    return fig


def _point_traces(points, start, labels, style, *, legend=True) -> list[dict]:
    out = []
    shown = set()
    for kind, x, y, _ in [("start", start[0], start[1], None), *points]:
        out.append(
            {
                "type": "scatter",
                "x": [float(x)],
                "y": [float(y)],
                "mode": "markers",
                "name": labels[kind],
                "legendgroup": kind,
                "showlegend": legend and kind not in shown,
                "hovertemplate": f"{labels[kind]}<br>{labels['x']} = %{{x:.4g}}, "
                f"{labels['y']} = %{{y:.4g}}<extra></extra>",
                "marker": {
                    "size": (13 if kind == "start" else 12) * style.marker,
                    "symbol": SYMBOLS[kind],
                    "color": theme.BLACK if kind == "saddle" else "white",
                    "line": {"color": theme.BLACK, "width": 2 if kind == "saddle" else 1.5},
                },
            }
        )
        shown.add(kind)
    return out


def _path_traces(name, px, py, colour, style, *, opacity=1.0, legend=True, dots=True) -> list[dict]:
    """A path on a white casing (a slightly wider white line under it): it reads on any colour.
    A faint path (the whole run, under the timeline's path so far) has no casing: a zigzag's
    casings would paint its valley white."""
    few = dots and len(px) <= 60  # every step as a dot while they can be told apart
    line = {"color": colour, "width": 2.5 * style.line}
    path = {
        "type": "scatter",
        "x": f32(px),
        "y": f32(py),
        "mode": "lines+markers" if few else "lines",
        "name": name,
        "opacity": opacity,
        "showlegend": legend,
        "line": line,
        "marker": {"size": 5 * style.marker, "color": colour},
        "hoverinfo": "skip",
    }
    if opacity < 1.0:
        return [path]
    casing = {
        "type": "scatter",
        "x": path["x"],
        "y": path["y"],
        "mode": "lines",
        "showlegend": False,
        "hoverinfo": "skip",
        "line": {"color": style.casing, "width": 2.5 * style.line + 2.5},
    }
    return [casing, path]


def _equal_scale(layout: dict, x: str = "xaxis", y: str = "yaxis") -> None:
    """One unit of either parameter is the same length on screen: then the gradient looks
    perpendicular to the level lines, as it is."""
    layout[y].update(scaleanchor=x.replace("axis", ""), scaleratio=1, constrain="domain")
    layout[x].update(constrain="domain")


def contour_with_paths(
    gx,
    gy,
    cells,
    paths,
    *,
    points,
    start,
    labels: dict,
    style: theme.Style = theme.NORMAL,
    floor: float = float("nan"),
    now: bool = False,
    readout: dict | None = None,
    path_opacity: float = 1.0,
) -> dict:
    """Contour map of the loss (levels spaced in log10, so the rings near the minimum, where a
    converging path ends, stay visible; the colour bar reads in loss units) with the paths,
    the start and the known minima and saddles. ``now``: a legend entry for the timeline's
    current point (which the timeline draws)."""
    z, shift = levels(cells, floor)
    finite = z[np.isfinite(z)]
    tickvals, ticktext = (
        log_ticks(float(finite.min()), float(finite.max()), shift) if finite.size else ([], [])
    )
    fig = figure()
    fig["data"].append(
        {
            "type": "contour",
            "x": f32(gx),
            "y": f32(gy),
            "z": f32(z),
            "colorscale": style.map_scale,
            "ncontours": 22,
            "contours": {"coloring": "heatmap", "showlines": True},
            "line": {"width": 0.6, "color": "rgba(70,70,70,0.35)"},
            "colorbar": {
                "title": {"text": labels["loss"]},
                "tickvals": tickvals,
                "ticktext": ticktext,
                "thickness": 12,
                "len": 0.9,
            },
            "hoverinfo": "skip",
            "name": labels["surface"],
            "showlegend": False,
        }
    )
    for name, px, py, colour in paths:
        fig["data"] += _path_traces(
            name, px, py, colour, style, opacity=path_opacity, legend=path_opacity == 1.0
        )
        if path_opacity < 1.0:  # the legend shows the path as the timeline draws it
            fig["data"].append(
                {
                    "type": "scatter",
                    "x": [None],
                    "y": [None],
                    "mode": "lines",
                    "name": name,
                    "line": {"color": colour, "width": 3 * style.line},
                }
            )
    if now:
        fig["data"].append(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "markers",
                "name": labels["now"],
                "marker": {"size": 12 * style.marker, "color": style.path, "line": MARKER_LINE},
            }
        )
    fig["data"] += _point_traces(points, start, labels, style)
    theme.base_layout(fig, title=labels["title"], style=style)
    legend_top(fig, style, rows=1 + (len(paths) + 3) // 4)
    axis = {"autorange": False, "showgrid": False, "zeroline": False}
    merge(
        fig["layout"],
        {
            "xaxis": {"title": {"text": labels["x"]}, "range": finite_range(gx[0], gx[-1]), **axis},
            "yaxis": {"title": {"text": labels["y"]}, "range": finite_range(gy[0], gy[-1]), **axis},
            "dragmode": False,  # a click sets the start; plotly's zoom stays in its mode bar
        },
    )
    _equal_scale(fig["layout"])
    if readout is not None:
        merge(fig["layout"], {"meta": {"readout": readout}})
    return fig


def contour_multiples(
    gx,
    gy,
    cells,
    panels,
    *,
    points,
    start,
    labels: dict,
    style: theme.Style = theme.NORMAL,
    floor: float = float("nan"),
) -> dict:
    """Small multiples: one contour per run (``panels`` of ``(name, x, y, colour)``) over the
    same surface, with one shared, lighter colour scale and shared axes."""
    z, shift = levels(cells, floor)
    fig = figure()
    subplots(fig, len(panels), 0.02, [p[0] for p in panels], shared_y=True)
    zf = f32(z)
    for col, (name, px, py, colour) in enumerate(panels, start=1):
        fig["data"].append(
            in_panel(
                {
                    "type": "contour",
                    "x": f32(gx),
                    "y": f32(gy),
                    "z": zf,
                    "coloraxis": "coloraxis",
                    "ncontours": 16,
                    "contours": {"coloring": "heatmap", "showlines": True},
                    "line": {"width": 0.4, "color": "rgba(70,70,70,0.3)"},
                    "hoverinfo": "skip",
                    "showlegend": False,
                },
                col,
            )
        )
        for trace in _path_traces(name, px, py, colour, style, legend=False, dots=False):
            fig["data"].append(in_panel(trace, col))
        for trace in _point_traces(points, start, labels, style, legend=False):
            trace["marker"]["size"] = 9 * style.marker
            fig["data"].append(in_panel(trace, col))
    finite = z[np.isfinite(z)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    tickvals, ticktext = log_ticks(lo, hi, shift)
    layout = fig["layout"]
    for i in range(len(panels)):
        n = "" if i == 0 else str(i + 1)
        merge(
            layout[f"xaxis{n}"],
            {
                "range": finite_range(gx[0], gx[-1]),
                "autorange": False,
                "showgrid": False,
                "zeroline": False,
                "title": {"text": labels["x"]},
            },
        )
        merge(
            layout[f"yaxis{n}"],
            {
                "range": finite_range(gy[0], gy[-1]),
                "autorange": False,
                "showgrid": False,
                "zeroline": False,
            },
        )
    layout["yaxis"]["title"] = {"text": labels["y"]}
    theme.base_layout(fig, title=labels["title"], style=style, height=style.height - 60)
    layout["coloraxis"] = {
        "colorscale": style.multiples_scale,
        "cmin": lo,
        "cmax": hi,
        "colorbar": {
            "tickvals": tickvals,
            "ticktext": ticktext,
            "thickness": 10,
            "title": {"text": labels["loss"]},
        },
    }
    layout["margin"]["t"] = 70
    layout["dragmode"] = False
    for note in layout["annotations"]:
        note["font"]["size"] = style.font_size
    return fig
