"""Figures, timeline and table of a comparison (a lesson, or one built on the Compare page):
several runs that differ in one knob, raced on one timeline."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

import numpy as np

from core import lab, lessons, scaling
from core.thinning import display_indices
from ui import cache, params
from ui import timeline as tl
from ui.charts import PLAIN, SIZES, chart
from ui.text import label, t
from ui.views import labels, log_axis, loss_text, names_of, points_of, title
from viz import curves, maps, theme

COLOURS = (theme.VERMILLION, theme.BLUE, theme.GREEN, theme.PURPLE, theme.ORANGE, theme.SKY)
CHANNEL = "compare"


def compute(lesson: lessons.Lesson) -> list[dict]:
    """Problem, window, grid, trajectory and frames of every variant (all cached)."""
    if len(lesson.variants) > len(COLOURS):
        raise ValueError(f"at most {len(COLOURS)} runs can be told apart by colour")
    out = []
    for variant, colour in zip(lesson.variants, COLOURS, strict=False):
        problem = cache.problem(variant.data, variant.scaled)
        start = tuple(float(v) for v in lab.start_point(problem, variant.run))
        window, grid = cache.loss_grid(variant.data, variant.scaled, start, lesson.margin)
        traj = cache.trajectory(variant.data, variant.scaled, variant.run)
        frames = cache.frames(variant.data, variant.scaled, variant.run)
        out.append(
            {
                "variant": variant,
                "name": label(variant.label),
                "colour": colour,
                "problem": problem,
                "window": window,
                "grid": grid,
                "traj": traj,
                "frames": frames,
            }
        )
    return out


def _path_inside(run: dict, epoch_points: bool = False):
    """The drawn part of a path: up to where it first leaves its window, thinned (or only the
    epoch boundaries, as the book draws its three paths)."""
    traj = run["traj"]
    shown, exit_at = lab.drawn_indices(traj, run["window"], epoch_points=epoch_points)
    return traj.params[shown, 0], traj.params[shown, 1], exit_at


def _paths(runs: list[dict], epoch_points: bool) -> list[tuple]:
    """``(name, x, y, colour)`` of the drawn part of every run's path."""
    return [(run["name"], *_path_inside(run, epoch_points)[:2], run["colour"]) for run in runs]


def groups(lesson: lessons.Lesson, runs: list[dict]) -> list[list[int]]:
    """Which runs share a contour: all of them on one surface, else one contour each."""
    return [list(range(len(runs)))] if lesson.shared_surface else [[i] for i in range(len(runs))]


def contours(
    lesson: lessons.Lesson,
    runs: list[dict],
    style: theme.Style,
    *,
    epoch_points: bool = False,
    raced: bool = True,
) -> list:
    """One contour holding every path when the runs share a surface, else one per run. Raced,
    the whole paths are faint and the timeline draws each run's path so far."""
    figs = []
    for group in groups(lesson, runs):
        first = runs[group[0]]
        gx, gy, cells = first["grid"]
        problem = first["problem"]
        names = names_of(problem)
        heading = title("contour_title", style) if len(group) > 1 else first["name"]
        figs.append(
            maps.contour_with_paths(
                gx,
                gy,
                cells,
                _paths([runs[i] for i in group], epoch_points),
                points=points_of(problem),
                start=first["traj"].params[0],
                floor=problem.surface.floor,
                labels={**labels(problem, names), "title": heading},
                style=style,
                readout=tl.readout(problem, names, click=False),
                path_opacity=0.3 if raced else 1.0,
            )
        )
    return figs


def examples_seen(traj, updates: np.ndarray) -> np.ndarray:
    """Training examples used by the first ``updates`` updates (the last batch of an epoch may
    be smaller; a test function counts one "example" per update)."""
    n = traj.order.shape[1]
    if n == 0:
        return np.asarray(updates)
    epochs, within = np.divmod(updates, traj.updates_per_epoch)
    return epochs * n + np.minimum(within * traj.batch_size, n)


def clock_of(traj, updates, x_axis: str) -> np.ndarray:
    """The loss chart's x (and the race's clock) at update counts ``updates``."""
    updates = np.asarray(updates)
    if x_axis == "updates":
        return updates.astype(float)
    if x_axis == "examples":
        return examples_seen(traj, updates).astype(float)
    return updates / traj.updates_per_epoch


def loss_chart(
    lesson: lessons.Lesson, runs: list[dict], style: theme.Style, *, x_axis: str = "epochs"
):
    curves_, floors = [], []
    for run in runs:
        traj = run["traj"]
        shown = display_indices(traj.train_loss.shape[0], traj.epoch_updates)
        curves_.append(
            (run["name"], clock_of(traj, shown, x_axis), traj.train_loss[shown], run["colour"])
        )
        if np.isfinite(traj.loss_floor) and all(
            abs(traj.loss_floor - f[1]) > 1e-12 * max(1.0, abs(f[1])) for f in floors
        ):
            floors.append(
                (
                    t("floor_of", name=run["name"]) if len(runs) > 1 else t("floor"),
                    traj.loss_floor,
                    run["colour"],
                )
            )
    if len(floors) == 1:
        floors = [(t("floor"), floors[0][1], theme.BLACK)]
    log_y = lesson.log_y
    if log_y is None:  # a log axis where the losses span decades
        log_y = any(log_axis(None, run["traj"]) for run in runs)
    loss = labels(runs[0]["problem"], names_of(runs[0]["problem"]))["loss"]
    x_label = t("epoch") if x_axis == "epochs" else t(f"xaxis.{x_axis}")
    heading = "curve_title" if x_axis == "epochs" else "curve_title_x"
    fig = curves.loss_comparison(
        curves_,
        floors=floors,
        log_y=bool(log_y),
        style=style,
        labels={
            "title": title(heading, style).format(axis=t(f"xaxis.{x_axis}")),
            "loss": loss,
            "x": x_label,
        },
    )
    if any(not v.run.schedule.is_constant for v in lesson.variants):  # η of each run under it
        series = []
        for run in runs:
            traj = run["traj"]
            epochs = max(1, traj.epoch_updates.size - 1)
            bounds = clock_of(traj, np.arange(epochs + 1) * traj.updates_per_epoch, x_axis)
            series.append((run["name"], bounds, traj.epoch_lr[:epochs], run["colour"]))
        curves.rate_panel(fig, series, labels={"lr_axis": t("lr_axis"), "x": x_label}, style=style)
    return fig


def multiples(runs: list[dict], style: theme.Style, *, epoch_points: bool = False):
    """One small contour per run on the shared surface, one colour scale."""
    first = runs[0]
    gx, gy, cells = first["grid"]
    problem = first["problem"]
    return maps.contour_multiples(
        gx,
        gy,
        cells,
        _paths(runs, epoch_points),
        points=points_of(problem),
        start=first["traj"].params[0],
        floor=problem.surface.floor,
        style=style,
        labels={**labels(problem, names_of(problem)), "title": t("small_multiples")},
    )


def table(runs: list[dict]) -> list[dict]:
    rows = []
    for run in runs:
        traj, v, problem = run["traj"], run["variant"], run["problem"]
        final = traj.params[-1]
        if problem.model == "line":
            final = scaling.to_original(problem.scaler, final)
        k = traj.diverged_at or traj.converged_at or 0
        names = problem.names if problem.model != "line" else ("b", "w")
        rows.append(
            {
                t("col.run"): run["name"],
                t("col.lr"): f"{v.run.lr:g}",
                t("col.batch"): traj.batch_size if problem.n_train else "–",
                t("col.updates"): f"{traj.n_updates:,}",
                t("col.param", name=names[0]): f"{final[0]:.4f}",
                t("col.param", name=names[1]): f"{final[1]:.4f}",
                t("col.loss"): loss_text(traj.train_loss[-1], traj.train_loss[0]),
                t("col.status"): t("ended." + traj.status, k=k, updates=traj.n_updates),
            }
        )
    return rows


def explorer_query(run: dict, *, lang: str, projector: bool) -> str:
    """Link parameters that open this run in the explorer."""
    v, traj, problem = run["variant"], run["traj"], run["problem"]
    spec = dataclasses.replace(v.run, batch_size=traj.batch_size)
    return urlencode(
        params.run_link(
            v.data, v.scaled, spec, n_train=problem.n_train, lang=lang, projector=projector
        )
    )


def tracks(runs: list[dict], style: theme.Style, *, x_axis: str) -> list[dict]:
    """Every run as a track of the race: its clock is the loss chart's x, so the runs move
    together along it."""
    out = []
    for run in runs:
        problem, traj, frames = run["problem"], run["traj"], run["frames"]
        _, exit_at = lab.drawn_indices(traj, run["window"])
        track = tl.track(
            problem,
            traj,
            frames,
            run["variant"].run,
            run["window"],
            names=names_of(problem),
            lift=0.0,
            z_log=None,
            line_x=None,
            log_y=False,
            exit_at=exit_at,
            colour=run["colour"],
            name=run["name"],
            quiet=True,
        )
        track["clock"] = tl.encode(clock_of(traj, frames.positions, x_axis), "f8")
        track["curve_x"] = "clock"
        out.append(track)
    return out


def render(
    lesson: lessons.Lesson,
    style: theme.Style,
    *,
    page: str,
    projector: bool,
    epoch_points: bool = False,
    x_axis: str = "epochs",
    small_multiples: bool = False,
    bar_slot=None,
):
    """Draw a comparison: the race's timeline, the contour(s) and the loss chart it moves on,
    optional small multiples, the table of results and a button that opens each run in the
    explorer. ``page`` is this page's URL path; ``bar_slot`` where the timeline goes."""
    import streamlit as st

    runs = compute(lesson)
    raced = not PLAIN
    contour_figs = contours(lesson, runs, style, epoch_points=epoch_points, raced=raced)
    curve = loss_chart(lesson, runs, style, x_axis=x_axis)
    size = SIZES["projector" if projector else "normal"]
    data = None
    if raced:
        data = tl.bar_data(tracks(runs, style, x_axis=x_axis), style=style, channel=CHANNEL)
        with bar_slot if bar_slot is not None else st.container():
            tl.bar(data, key="race")

    def spec(role: str, members: list[int], panels: bool = False):
        if data is None:
            return None
        return {
            "channel": CHANNEL,
            "role": role,
            "rev": data["rev"],
            "tracks": members,
            "revs": [data["tracks"][i]["rev"] for i in members],
            "panels": panels,
        }

    every = list(range(len(runs)))
    cols = st.columns(len(contour_figs) + 1)
    for i, (group, fig) in enumerate(zip(groups(lesson, runs), contour_figs, strict=True)):
        chart(fig, key=f"contour{i}", container=cols[i], size=size, timeline=spec("contour", group))
    chart(curve, key="curve", container=cols[-1], size=size, timeline=spec("curve", every))
    if small_multiples and len(runs) > 1:
        chart(
            multiples(runs, style, epoch_points=epoch_points),
            key="multiples",
            timeline=spec("contour", every, panels=True),
        )
    st.subheader(t("runs"))
    st.dataframe(table(runs), hide_index=True, width="stretch")
    base = (st.context.url or "").split("?")[0].rsplit("/" + page, 1)[0].rstrip("/") + "/"
    lang = st.session_state["lang"]
    for col, run in zip(st.columns(len(runs)), runs, strict=True):
        url = base + "?" + explorer_query(run, lang=lang, projector=projector)
        col.link_button(f"↗ {run['name']}", url, help=t("open_explorer"), width="stretch")
