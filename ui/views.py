"""From core results to the four figures of the explorer (display choices live here)."""
from __future__ import annotations

import numpy as np

from core import lab, models, quadratic, scaling
from core.thinning import display_indices
from ui.text import t
from viz import figures, theme


def _axis_labels(scaled: bool) -> dict:
    return {"b": t("b_scaled") if scaled else "b", "w": t("w_scaled") if scaled else "w"}


def explorer_figures(problem: lab.Problem, window: lab.Window, grid, traj, *, log_y: bool,
                     style: theme.Style = theme.NORMAL) -> dict:
    """Build the surface, contour, loss-curve and data figures for one run."""
    b_values, w_values, loss_cells = grid
    scaled = not problem.scaler.is_identity
    axes = _axis_labels(scaled)
    params = traj.params
    shown, exit_at = lab.drawn_indices(traj, window)
    path_b, path_w = params[shown, 0], params[shown, 1]
    path_loss = traj.train_loss[shown]

    star = problem.q_train.theta_star
    start = (params[0, 0], params[0, 1], traj.train_loss[0])
    minimum = (star[0], star[1], problem.q_train.loss_min)
    common = {"path": t("path"), "start": t("start_pt"), "minimum": t("minimum"),
              "surface": t("surface"), "loss": t("loss"), **axes}

    surface = figures.loss_surface(
        b_values, w_values, loss_cells, path_b, path_w, path_loss, start=start, minimum=minimum,
        labels={**common, "title": t("surface_title")}, style=style)
    contour = figures.contour_with_paths(
        b_values, w_values, loss_cells, [(t("path"), path_b, path_w, style.path)], start=start,
        minimum=minimum, labels={**common, "title": t("contour_title")}, style=style)

    upe = traj.updates_per_epoch
    epochs = traj.epoch_updates / upe
    batch_shown = display_indices(traj.batch_loss.shape[0], traj.epoch_updates[:-1])
    curve = figures.loss_curve(
        epochs, traj.train_loss_epoch, traj.val_loss_epoch,
        batch_shown / upe, traj.batch_loss[batch_shown], loss_min=traj.loss_floor,
        log_y=log_y,
        labels={"title": t("curve_title"), "epoch": t("epoch"), "loss": t("loss"),
                "train": t("train"), "val": t("val_set"), "batch": t("batch_loss"),
                "floor": t("floor")}, style=style)

    data = problem.data
    x_all = np.concatenate([data.x_train, data.x_val])
    line_x = np.linspace(x_all.min(), x_all.max(), 2)
    to_orig = (lambda th: scaling.to_original(problem.scaler, th))
    final, first = to_orig(params[-1]), to_orig(params[0])
    best = to_orig(star)
    fit = figures.data_with_fit(
        data.x_train, data.y_train, data.x_val, data.y_val, line_x,
        models.predict(final, line_x), models.predict(first, line_x), models.predict(best, line_x),
        labels={"title": t("data_title"), "train": t("train"), "val": t("val_set"),
                "fit": t("fit"), "start": t("start_line"), "best": t("best_line")}, style=style)
    return {"surface": surface, "contour": contour, "curve": curve, "data": fit,
            "exit_at": exit_at}


def summary(problem: lab.Problem, traj) -> dict:
    """The numbers under the charts."""
    final = traj.params[-1]
    star = problem.q_train.theta_star
    return {
        "b": float(final[0]), "w": float(final[1]),
        "original": scaling.to_original(problem.scaler, final),
        "train_loss": float(traj.train_loss[-1]),
        "val_loss": (float(quadratic.loss(problem.q_val, final)) if problem.q_val is not None
                     else None),
        "distance": float(np.linalg.norm(final - star)),
        "stable_lr": problem.stable_lr,
        "condition": problem.condition,
        "star": scaling.to_original(problem.scaler, star),
        "loss_min": problem.q_train.loss_min,
        "floor": traj.loss_floor,
    }
