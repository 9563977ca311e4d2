"""The figures of the two tutorial pages (One weight, Several parameters), from core results."""

from __future__ import annotations

import numpy as np

from core import lab, quadratic
from ui import timeline as tl
from ui.text import t
from ui.views import cross_range
from viz import curves, maps, theme

COLOURS = {"batch": theme.BLUE, "sgd": theme.VERMILLION}


def one_weight_figures(
    problem: lab.Problem, runs: dict, names: dict, follow: str, w0: float, style: theme.Style
) -> dict:
    """L(w) with the followed run's steps (and each sample's own loss), and the loss per epoch
    of both runs. ``names`` maps a run's key to its legend name."""
    traj = runs[follow]
    w_all = np.concatenate([tr.params[:, 1] for tr in runs.values()])
    w_grid, cost, samples = lab.one_weight_curve(problem, w_all, w0)
    curve = curves.loss_of_one_weight(
        w_grid,
        cost,
        samples,
        traj.params[:, 1],
        traj.train_loss,
        colour=COLOURS[follow],
        style=style,
        labels={
            "title": t("one_weight_curve"),
            "loss": t("loss_short"),
            "sample": t("sample_loss"),
            "cost": t("cost_all"),
            "path": names[follow],
            "tangent": t("cross_tangent"),
        },
    )
    epochs = curves.loss_comparison(
        [
            (names[k], tr.epoch_updates / tr.updates_per_epoch, tr.train_loss_epoch, COLOURS[k])
            for k, tr in runs.items()
        ],
        floors=[(t("floor"), traj.loss_floor, theme.BLACK)],
        log_y=True,
        style=style,
        labels={"title": t("curve_title"), "x": t("epoch"), "loss": t("loss_short")},
    )
    window = lab.Window(b=(-1.0, 1.0), w=(float(w_grid[0]), float(w_grid[-1])))
    return {"curve1d": curve, "epochs": epochs, "window": window}


def slice_figures(
    problem: lab.Problem,
    traj,
    step: int,
    axes: tuple[int, int],
    hold: str,
    style: theme.Style,
    *,
    plain: bool,
) -> dict:
    """The 2D slice of the loss through the held parameters (at the position shown, or at the
    optimum), with the path, the slice's own minimum and the cross-sections through the start;
    and the loss per epoch."""
    names = list(problem.names)
    i, j = axes
    q = problem.q_train
    star, start = q.theta_star, traj.params[0]
    fixed = traj.params[step] if hold == "current" else star
    window = lab.slice_window(star, start, axes)
    vi, vj = np.linspace(*window.b, 101), np.linspace(*window.w, 101)
    cells = problem.surface.grid(vi, vj, axes=axes, fixed=fixed)
    free = np.isin(np.arange(len(names)), axes)
    slice_min, slice_loss = quadratic.constrained_minimum(q, np.asarray(fixed, dtype=float), free)
    shown, _ = lab.drawn_indices(traj, lab.Window(b=(-np.inf, np.inf), w=(-np.inf, np.inf)))
    sliced = [names[i], names[j]]
    contour = maps.contour_with_paths(
        vi,
        vj,
        cells,
        [(t("path"), traj.params[shown, i], traj.params[shown, j], style.path)],
        points=[("minimum", slice_min[i], slice_min[j], slice_loss)],
        start=start[[i, j]],
        floor=q.loss_min,
        now=not plain,
        readout=tl.readout(problem, names, axes=axes, fixed=fixed, click=False),
        style=style,
        path_opacity=1.0 if plain else 0.3,
        labels={
            "x": sliced[0],
            "y": sliced[1],
            "loss": t("loss_short"),
            "surface": t("loss_short"),
            "start": t("start_pt"),
            "minimum": t("slice_min"),
            "saddle": t("saddle"),
            "now": t("now"),
            "title": t("slice_title", a=names[i], b=names[j]),
        },
    )
    curve = curves.loss_comparison(
        [
            (
                t("train"),
                traj.epoch_updates / traj.updates_per_epoch,
                traj.train_loss_epoch,
                style.train,
            )
        ],
        floors=[(t("floor"), q.loss_min, theme.BLACK)],
        log_y=True,
        style=style,
        labels={"title": t("curve_title"), "x": t("epoch"), "loss": t("loss_short")},
    )
    cross = curves.cross_sections(
        (window.b, window.w),
        cross_range(problem, window, start, axes=axes),
        names=sliced,
        mini_batch=traj.batch_size < problem.n_train,
        style=style,
        labels={
            "title": t("cross_title"),
            "along": t("along"),
            "full": t("cross_full"),
            "batch": t("cross_batch"),
            "tangent": t("cross_tangent"),
            "loss": t("loss_short"),
        },
    )
    held = ", ".join(f"{names[m]} = {fixed[m]:.4f}" for m in range(len(names)) if m not in axes)
    return {"contour": contour, "cross": cross, "curve": curve, "window": window, "held": held}
