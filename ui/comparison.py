"""Figures and table of a comparison (a lesson, or one built on the Compare page): several runs
that differ in one knob."""

from __future__ import annotations

from urllib.parse import urlencode

import numpy as np

from core import lab, lessons, scaling
from core.thinning import display_indices
from ui import cache, params
from ui.charts import chart
from ui.text import label, t
from viz import figures, theme

COLOURS = (theme.VERMILLION, theme.BLUE, theme.GREEN, theme.PURPLE, theme.ORANGE, theme.SKY)


def compute(lesson: lessons.Lesson) -> list[dict]:
    """Problem, window, grid and trajectory of every variant (all cached)."""
    if len(lesson.variants) > len(COLOURS):
        raise ValueError(f"at most {len(COLOURS)} runs can be told apart by colour")
    out = []
    for variant, colour in zip(lesson.variants, COLOURS, strict=False):
        problem = cache.problem(variant.data, variant.scaled)
        start = tuple(float(v) for v in lab.start_point(problem, variant.run))
        window, grid = cache.loss_grid(variant.data, variant.scaled, start, lesson.margin)
        traj = cache.trajectory(variant.data, variant.scaled, variant.run)
        out.append(
            {
                "variant": variant,
                "name": label(variant.label),
                "colour": colour,
                "problem": problem,
                "window": window,
                "grid": grid,
                "traj": traj,
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
    """``(name, b, w, colour)`` of the drawn part of every run's path."""
    return [(run["name"], *_path_inside(run, epoch_points)[:2], run["colour"]) for run in runs]


def _labels(scaled: bool, title: str) -> dict:
    return {
        "b": t("b_scaled") if scaled else "b",
        "w": t("w_scaled") if scaled else "w",
        "start": t("start_pt"),
        "minimum": t("minimum"),
        "surface": t("surface"),
        "loss": t("loss"),
        "title": title,
    }


def contours(
    lesson: lessons.Lesson, runs: list[dict], style: theme.Style, *, epoch_points: bool = False
) -> list:
    """One contour holding every path when the runs share a surface, else one per run."""
    groups = [runs] if lesson.shared_surface else [[r] for r in runs]
    figs = []
    for group in groups:
        first = group[0]
        b_values, w_values, cells = first["grid"]
        paths = _paths(group, epoch_points)
        star = first["problem"].q_train.theta_star
        start = first["traj"].params[0]
        title = t("contour_title") if len(groups) == 1 else first["name"]
        figs.append(
            figures.contour_with_paths(
                b_values,
                w_values,
                cells,
                paths,
                start=start,
                minimum=star,
                labels=_labels(first["variant"].scaled, title),
                style=style,
            )
        )
    return figs


def examples_seen(traj, updates: np.ndarray) -> np.ndarray:
    """Training examples used by the first ``updates`` updates (the last batch of an epoch may
    be smaller)."""
    n = traj.order.shape[1]
    epochs, within = np.divmod(updates, traj.updates_per_epoch)
    return epochs * n + np.minimum(within * traj.batch_size, n)


def loss_chart(
    lesson: lessons.Lesson, runs: list[dict], style: theme.Style, *, x_axis: str = "epochs"
):
    curves, floors = [], []
    for run in runs:
        traj = run["traj"]
        shown = display_indices(traj.train_loss.shape[0], traj.epoch_updates)
        x = {
            "updates": shown,
            "epochs": shown / traj.updates_per_epoch,
            "examples": examples_seen(traj, shown),
        }[x_axis]
        curves.append((run["name"], x, traj.train_loss[shown], run["colour"]))
        if all(abs(traj.loss_floor - f[1]) > 1e-12 * max(1.0, f[1]) for f in floors):
            floors.append(
                (
                    t("floor_of", name=run["name"]) if len(runs) > 1 else t("floor"),
                    traj.loss_floor,
                    run["colour"],
                )
            )
    if len(floors) == 1:
        floors = [(t("floor"), floors[0][1], theme.BLACK)]
    return figures.loss_comparison(
        curves,
        floors=floors,
        log_y=lesson.log_y,
        labels={
            "title": t("curve_title")
            if x_axis == "epochs"
            else t("curve_title_x", axis=t(f"xaxis.{x_axis}")),
            "loss": t("loss"),
            "epoch": t("epoch") if x_axis == "epochs" else t(f"xaxis.{x_axis}"),
        },
        style=style,
    )


def multiples(runs: list[dict], style: theme.Style, *, epoch_points: bool = False):
    """One small contour per run on the shared surface, one colour scale."""
    first = runs[0]
    b_values, w_values, cells = first["grid"]
    return figures.contour_multiples(
        b_values,
        w_values,
        cells,
        _paths(runs, epoch_points),
        start=first["traj"].params[0],
        minimum=first["problem"].q_train.theta_star,
        labels=_labels(first["variant"].scaled, t("small_multiples")),
        style=style,
    )


def table(runs: list[dict]) -> list[dict]:
    rows = []
    for run in runs:
        traj, v = run["traj"], run["variant"]
        final = scaling.to_original(run["problem"].scaler, traj.params[-1])
        k = traj.diverged_at or traj.converged_at or 0
        rows.append(
            {
                t("col.run"): run["name"],
                t("col.lr"): f"{v.run.lr:g}",
                t("col.batch"): traj.batch_size,
                t("col.epochs"): traj.epochs,
                t("col.b"): f"{final[0]:.4f}",
                t("col.w"): f"{final[1]:.4f}",
                t("col.loss"): f"{traj.train_loss[-1]:.5g}",
                t("col.status"): t("ended." + traj.status, k=k, updates=traj.n_updates),
            }
        )
    return rows


def explorer_query(run: dict, *, lang: str, projector: bool) -> str:
    """Link parameters that open this run in the explorer."""
    v, traj = run["variant"], run["traj"]
    state = {
        "lang": lang,
        "projector": projector,
        "scenario": v.data.scenario,
        "lr": v.run.lr,
        "batch": "full" if traj.batch_size >= run["problem"].n_train else traj.batch_size,
        "epochs": v.run.epochs,
        "scaling": "standard" if v.scaled else "none",
        "seed": v.run.seed,
        "shuffle": v.run.shuffle,
        "train_b": v.run.train_b,
        "opt": v.run.optimizer,
        "beta": v.run.beta,
        "beta2": v.run.beta2,
    }
    state.update(params.data_link(v.data))
    if v.run.start is not None:
        state.update(b0=v.run.start[0], w0=v.run.start[1])
    return urlencode(params.to_query(state))


def render(
    lesson: lessons.Lesson,
    style: theme.Style,
    *,
    page: str,
    projector: bool,
    epoch_points: bool = False,
    x_axis: str = "epochs",
    small_multiples: bool = False,
):
    """Draw a comparison: contour(s), loss chart, optional small multiples, the table of results
    and a link that opens each run in the explorer. ``page`` is this page's URL path."""
    import streamlit as st

    runs = compute(lesson)
    contour_figs = contours(lesson, runs, style, epoch_points=epoch_points)
    curve = loss_chart(lesson, runs, style, x_axis=x_axis)
    if len(contour_figs) == 1:
        left, right = st.columns(2)
        chart(contour_figs[0], key="contour", container=left)
        chart(curve, key="curve", container=right)
    else:
        for i, (col, fig) in enumerate(
            zip(st.columns(len(contour_figs)), contour_figs, strict=True)
        ):
            chart(fig, key=f"contour{i}", container=col)
        chart(curve, key="curve")
    if small_multiples and len(runs) > 1:
        chart(multiples(runs, style, epoch_points=epoch_points), key="multiples")
    st.subheader(t("runs"))
    st.dataframe(table(runs), hide_index=True, width="stretch")
    base = (st.context.url or "").split("?")[0].rsplit("/" + page, 1)[0].rstrip("/") + "/"
    lang = st.session_state["lang"]
    for col, run in zip(st.columns(len(runs)), runs, strict=True):
        url = base + "?" + explorer_query(run, lang=lang, projector=projector)
        col.link_button(f"↗ {run['name']}", url, help=t("open_explorer"), width="stretch")
