"""From core results to the four figures of the explorer (display choices live here)."""

from __future__ import annotations

import numpy as np

from core import lab, models, quadratic, scaling
from core.thinning import display_indices
from ui.text import t
from viz import figures, theme


def _axis_labels(scaled: bool) -> dict:
    return {"b": t("b_scaled") if scaled else "b", "w": t("w_scaled") if scaled else "w"}


def _curve_top(traj) -> float | None:
    """The top of the linear loss axis, the same for every learning rate (a teacher moving η sees
    the curves change against fixed axes): 5% above the losses at the start point, which η does
    not change (training, validation, the first batch). Mini-batch noise above it runs off the
    top. A run that diverged keeps axes fitted to it, so that its blow-up is seen whole."""
    if traj.status == "diverged":
        return None
    starts = [traj.train_loss_epoch[0], *traj.batch_loss[:1], *traj.val_loss_epoch[:1]]
    top = 1.05 * float(max(starts))
    return top if np.isfinite(top) and top > 0 else None


def explorer_figures(
    problem: lab.Problem,
    window: lab.Window,
    grid,
    traj,
    *,
    log_y: bool,
    style: theme.Style = theme.NORMAL,
    timeline: dict | None = None,
) -> dict:
    """Build the surface, contour, loss-curve and data figures for one run.

    With ``timeline`` (``at``: the update count shown first) the figures leave the moving parts
    to the timeline component, and a cross-sections figure is added.
    """
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
    common = {
        "path": t("path"),
        "start": t("start_pt"),
        "minimum": t("minimum"),
        "surface": t("surface"),
        "loss": t("loss"),
        **axes,
    }

    at = None if timeline is None else int(timeline["at"])
    current = None if at is None else (params[at, 0], params[at, 1], traj.train_loss[at])
    surface = figures.loss_surface(
        b_values,
        w_values,
        loss_cells,
        path_b,
        path_w,
        path_loss,
        start=start,
        minimum=minimum,
        labels={**common, "title": t("surface_title"), "current": t("current")},
        style=style,
        current=current,
    )
    contour = figures.contour_with_paths(
        b_values,
        w_values,
        loss_cells,
        [(t("path"), path_b, path_w, style.path)],
        start=start,
        minimum=minimum,
        labels={**common, "title": t("contour_title")},
        style=style,
        path_opacity=1.0 if timeline is None else 0.35,
    )

    upe = traj.updates_per_epoch
    epochs = traj.epoch_updates / upe
    batch_shown = display_indices(traj.batch_loss.shape[0], traj.epoch_updates[:-1])
    curve = figures.loss_curve(
        epochs,
        traj.train_loss_epoch,
        traj.val_loss_epoch,
        batch_shown / upe,
        traj.batch_loss[batch_shown],
        loss_min=traj.loss_floor,
        log_y=log_y,
        linear_top=_curve_top(traj),
        labels={
            "title": t("curve_title"),
            "epoch": t("epoch"),
            "loss": t("loss"),
            "train": t("train"),
            "val": t("val_set"),
            "batch": t("batch_loss"),
            "floor": t("floor"),
        },
        style=style,
    )

    data = problem.data
    x_all = np.concatenate([data.x_train, data.x_val])
    line_x = np.linspace(x_all.min(), x_all.max(), 2)

    def to_orig(th):
        return scaling.to_original(problem.scaler, th)

    final, first = to_orig(params[-1]), to_orig(params[0])
    best = to_orig(star)
    fit = figures.data_with_fit(
        data.x_train,
        data.y_train,
        data.x_val,
        data.y_val,
        line_x,
        models.predict(final, line_x) if timeline is None else None,
        models.predict(first, line_x),
        models.predict(best, line_x),
        labels={
            "title": t("data_title"),
            "train": t("train"),
            "val": t("val_set"),
            "fit": t("fit"),
            "start": t("start_line"),
            "best": t("best_line"),
        },
        style=style,
    )
    out = {
        "surface": surface,
        "contour": contour,
        "curve": curve,
        "data": fit,
        "exit_at": exit_at,
        "lift": figures.surface_lift(loss_cells),
        "line_x": line_x,
    }
    if timeline is not None:
        out["cross"] = figures.cross_sections(
            window.w,
            window.b,
            _cross_range(problem, window, params[0]),
            mini_batch=traj.batch_size < problem.n_train,
            labels={
                "title": t("cross_title"),
                "along_w": t("along_w"),
                "along_b": t("along_b"),
                "full": t("cross_full"),
                "batch": t("cross_batch"),
                "tangent": t("cross_tangent"),
                "loss": t("loss"),
                **axes,
            },
            style=style,
        )
    return out


def _cross_range(problem: lab.Problem, window: lab.Window, theta0) -> tuple[float, float]:
    """Loss axis of the cross-sections: from the minimum to the highest point of the two
    sections through the start (fixed for the run, so a shrinking loss is seen shrinking)."""
    q = problem.q_train
    ends = np.array(
        [
            [theta0[0], window.w[0]],
            [theta0[0], window.w[1]],
            [window.b[0], theta0[1]],
            [window.b[1], theta0[1]],
            theta0,
        ]
    )
    low = q.loss_min
    top = float(np.max(quadratic.loss(q, ends)))
    # no higher than 3x the start's excess loss: the bottom, where the run goes, needs the room
    # more than the window's far corners do (the curves leave through the top)
    near = 3.0 * (float(quadratic.loss(q, theta0)) - low)
    if near > 0.02 * (top - low):
        top = low + near
    return (max(0.0, low - 0.04 * (top - low)), top + 0.04 * (top - low))


def summary(problem: lab.Problem, traj) -> dict:
    """The numbers under the charts."""
    final = traj.params[-1]
    star = problem.q_train.theta_star
    return {
        "b": float(final[0]),
        "w": float(final[1]),
        "original": scaling.to_original(problem.scaler, final),
        "train_loss": float(traj.train_loss[-1]),
        "val_loss": (
            float(quadratic.loss(problem.q_val, final)) if problem.q_val is not None else None
        ),
        "distance": float(np.linalg.norm(final - star)),
        "stable_lr": problem.stable_lr,
        "condition": problem.condition,
        "star": scaling.to_original(problem.scaler, star),
        "loss_min": problem.q_train.loss_min,
    }
