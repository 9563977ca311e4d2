"""From core results to the explorer's figures, for any problem (display choices live here)."""

from __future__ import annotations

import numpy as np

from core import lab, scaling
from core.functions import TestFunction
from core.thinning import display_indices
from ui import timeline as tl
from ui.text import t
from viz import curves, data, maps, theme
from viz.layout import spans_decades


def title(key: str, style: theme.Style) -> str:
    """A chart's title: in projector mode the short one (it leads the legend's row)."""
    return t(key + ".short") if style.compact else t(key)


def loss_text(value: float, scale: float, digits: int = 5) -> str:
    """A loss as people read it: ``≈ 0`` where it is rounding noise (below a 10^12th of
    ``scale``, the loss the run started from; an exact fit ends at ~1e-31), else ``digits``
    significant figures. The exact value goes in the help or the hover."""
    value, scale = float(value), abs(float(scale))
    if np.isfinite(value) and abs(value) < 1e-12 * max(scale, 1e-300):
        return "≈ 0"
    return f"{value:.{digits}g}"


def names_of(problem: lab.Problem) -> tuple[str, ...]:
    """The parameters' names as the charts write them: primed on a standardised feature."""
    if problem.model == "line" and not problem.scaler.is_identity:
        return ("b′", "w′")
    return problem.names


def log_axis(choice: bool | None, traj) -> bool:
    """The loss chart's scale: as chosen, or (``None``) a log axis where the loss spans more
    than two decades, which a linear axis presses flat against zero."""
    if choice is not None:
        return bool(choice)
    return spans_decades(traj.train_loss, traj.val_loss_epoch)


def labels(problem: lab.Problem, names) -> dict:
    loss = t("loss_short") if problem.data is not None else t("f_short")
    return {
        "x": names[0],
        "y": names[1],
        "loss": loss,
        "loss_log": t("loss_log", loss=loss),
        "surface": loss,
        "start": t("start_pt"),
        "minimum": t("minimum"),
        "saddle": t("saddle"),
        "now": t("now"),
        "path": t("path"),
    }


def points_of(problem: lab.Problem) -> list[tuple]:
    return [
        (pt.kind, pt.theta[0], pt.theta[1], pt.loss)
        for pt in problem.surface.points
        if len(pt.theta) == 2
    ]


def curve_x(problem: lab.Problem, traj):
    """The loss chart's x: epochs on data, updates on a test function (one update an epoch)."""
    return traj.epoch_updates / traj.updates_per_epoch


def _fixed_axes(problem: lab.Problem, traj, run: lab.RunSpec, log_y: bool, floor: float):
    """Loss-chart axes the learning rate does not change (the start's losses, the floor and the
    planned length): curves of different rates compare at a glance, and the browser redraws the
    lines alone. A run that diverged keeps axes fitted to it, so its blow-up is seen whole."""
    if traj.status == "diverged":
        return None
    starts = [traj.train_loss[0], *traj.batch_loss[:1], *traj.val_loss_epoch[:1]]
    planned = run.epochs if problem.n_train else traj.epochs
    x_max = float(min(planned, lab.max_epochs(problem, run.batch_size)))
    if log_y:
        return x_max, curves.fixed_log_range(starts, floor)
    top = 1.05 * float(max(starts))
    return (x_max, [0.0, top]) if np.isfinite(top) and top > 0 else None


def explorer_figures(
    problem: lab.Problem,
    window: lab.Window,
    grid,
    traj,
    run: lab.RunSpec,
    *,
    log_y: bool,
    style: theme.Style = theme.NORMAL,
    at: int | None = None,
    click: bool = True,
) -> dict:
    """The surface, contour, loss-curve, data (or step-size) and cross-section figures of one run.

    With ``at`` (the update count shown first) the figures leave the moving parts to the
    timeline; without it they show the whole run, finished (plain charts, no timeline).
    """
    gx, gy, cells = grid
    names = names_of(problem)
    lab_ = labels(problem, names)
    params = traj.params
    shown, exit_at = lab.drawn_indices(traj, window)
    floor = problem.surface.floor
    points = points_of(problem)
    start = (params[0, 0], params[0, 1], traj.train_loss[0])
    current = None if at is None else (params[at, 0], params[at, 1], traj.train_loss[at])
    ro = tl.readout(problem, names, click=click)
    log3d = isinstance(problem.surface, TestFunction) and maps.wants_log(cells, floor)
    _, _, _, z_log = maps.surface_z(cells, floor, log=log3d)
    surface = maps.loss_surface(
        gx,
        gy,
        cells,
        [(t("path"), params[shown, 0], params[shown, 1], traj.train_loss[shown], style.path)],
        points=points,
        start=start,
        current=current,
        floor=floor,
        log=log3d,
        readout=ro,
        labels={**lab_, "title": title("surface_title", style)},
        style=style,
    )
    contour = maps.contour_with_paths(
        gx,
        gy,
        cells,
        [(t("path"), params[shown, 0], params[shown, 1], style.path)],
        points=points,
        start=start,
        floor=floor,
        now=at is not None,
        readout=ro,
        style=style,
        labels={**lab_, "title": title("contour_title", style)},
        path_opacity=1.0 if at is None else 0.3,
    )

    x = curve_x(problem, traj)
    has_batches = 0 < traj.batch_size < problem.n_train
    batch_shown = display_indices(traj.batch_loss.shape[0], traj.epoch_updates[:-1])
    curve = curves.loss_curve(
        x,
        traj.train_loss_epoch,
        traj.val_loss_epoch,
        batch_shown / traj.updates_per_epoch if has_batches else [],
        traj.batch_loss[batch_shown] if has_batches else [],
        floor=traj.loss_floor,
        log_y=log_y,
        fixed=_fixed_axes(problem, traj, run, log_y, traj.loss_floor),
        style=style,
        labels={
            "title": title("curve_title" if problem.n_train else "curve_title_updates", style),
            "x": t("epoch") if problem.n_train else t("update_axis"),
            "loss": lab_["loss"],
            "train": t("train") if problem.n_train else lab_["loss"],
            "val": t("val_set"),
            "batch": t("batch_loss"),
            "floor": t("floor"),
        },
    )
    scheduled = not run.schedule.is_constant
    if scheduled and problem.n_train:
        epochs = max(1, traj.epoch_updates.size - 1)
        curves.rate_panel(
            curve,
            [(t("lr_per_update"), np.arange(epochs + 1), traj.epoch_lr[:epochs], theme.BLACK)],
            labels={"lr_axis": t("lr_axis"), "x": t("epoch")},
            style=style,
        )

    out = {
        "surface": surface,
        "contour": contour,
        "curve": curve,
        "exit_at": exit_at,
        "lift": maps.lift_of(maps.surface_z(cells, floor, log=log3d)[0]),
        "z_log": z_log,
        "line_x": None,
        "names": names,
        "log_y": log_y,
    }
    if problem.data is not None:
        d = problem.data
        x_all = np.concatenate([d.x_train, d.x_val])
        line_x = np.linspace(x_all.min(), x_all.max(), 2 if problem.model == "line" else 81)
        best = next((pt.theta for pt in problem.surface.points if pt.kind == "minimum"), None)
        out["data"] = data.data_with_fit(
            d.x_train,
            d.y_train,
            d.x_val,
            d.y_val,
            line_x,
            problem.predict(params[-1], line_x) if at is None else None,
            problem.predict(params[0], line_x),
            problem.predict(best, line_x) if best is not None else [None] * line_x.size,
            labels={
                "title": title("data_title", style),
                "train": t("train"),
                "val": t("val_set"),
                "fit": t("fit_now"),
                "start": t("start_line"),
                "best": t("best_line"),
            },
            style=style,
        )
        out["line_x"] = line_x
    else:
        pos = display_indices(traj.n_updates + 1, None)
        lam = np.linalg.eigvalsh(problem.surface.hessian(params[pos]))[:, -1]
        out["limit"] = curves.local_limit(
            pos,
            np.where(lam > 0, 2.0 / np.where(lam > 0, lam, 1.0), np.nan),
            run.lr,
            style=style,
            rates=traj.lr if scheduled else None,
            labels={
                "title": title("limit_title", style),
                "x": t("update_axis"),
                "y": t("limit_axis"),
                "limit": t("limit_line"),
                "lr": t("lr_per_update") if scheduled else t("lr_line", lr=run.lr),
            },
        )
    if at is not None:
        out["cross"] = curves.cross_sections(
            (window.b, window.w),
            cross_range(problem, window, params[0]),
            names=names,
            mini_batch=has_batches,
            style=style,
            labels={
                "title": title("cross_title", style),
                "along": t("along"),
                "full": t("cross_full") if problem.n_train else t("cross_fn"),
                "batch": t("cross_batch"),
                "tangent": t("cross_tangent"),
                "loss": lab_["loss"],
            },
        )
    if exit_at is not None:
        out["whole"] = whole_path(problem, traj, names, style)
    return out


def whole_path(problem: lab.Problem, traj, names, style: theme.Style) -> dict:
    """The whole path, zoomed out to hold every point it reached: how a run that left the
    plotted area (or blew up) grew."""
    params = traj.params
    lo, hi = params.min(axis=0), params.max(axis=0)
    centre, half = (lo + hi) / 2, 0.55 * float(np.max(hi - lo)) + 1e-9
    window = lab.Window(
        b=(centre[0] - half, centre[0] + half), w=(centre[1] - half, centre[1] + half)
    )
    gx, gy, cells = lab.grid(problem, window, 61)
    shown = display_indices(params.shape[0], traj.epoch_updates)
    lab_ = labels(problem, names)
    return maps.contour_with_paths(
        gx,
        gy,
        cells,
        [(t("path"), params[shown, 0], params[shown, 1], style.path)],
        points=[p for p in points_of(problem) if window.contains(np.array(p[1:3]))],
        start=params[0],
        floor=problem.surface.floor,
        style=style,
        labels={**lab_, "title": title("whole_title", style)},
    )


def cross_range(
    problem: lab.Problem, window: lab.Window, theta0, axes=(0, 1)
) -> tuple[float, float]:
    """Loss axis of the cross-sections: from the lowest to the highest point of the two sections
    through the start (fixed for the run, so a shrinking loss is seen shrinking), no higher than
    three times the start's height: the bottom, where the run goes, needs the room more than
    the window's far ends do (the curves leave through the top)."""
    s = problem.surface
    theta0 = np.asarray(theta0, dtype=float)
    along = np.tile(theta0, (122, 1))
    along[:61, axes[0]] = np.linspace(*window.b, 61)
    along[61:, axes[1]] = np.linspace(*window.w, 61)
    values = np.asarray(s.loss(along), dtype=float)
    values = values[np.isfinite(values)]
    floor = s.floor
    low = (
        float(min(values.min(), floor))
        if np.isfinite(floor) and values.size
        else float(values.min())
    )
    top = float(values.max())
    near = 3.0 * (float(s.loss(np.asarray(theta0, dtype=float))) - low)
    if near > 0.02 * (top - low):
        top = low + near
    pad = 0.04 * (top - low) if top > low else 1.0
    return (low - pad if low < 0 else max(0.0, low - pad)), top + pad


def summary(problem: lab.Problem, traj, at: int) -> dict:
    """The numbers under the charts: at the position shown, and at the end of the run."""
    final = traj.params[-1]
    known = problem.surface.points
    out = {
        "at": traj.params[at],
        "at_loss": float(traj.train_loss[at]),
        "k": at,
        "final": final,
        "final_loss": float(traj.train_loss[-1]),
        "original": scaling.to_original(problem.scaler, final) if problem.model == "line" else None,
        "val_loss": float(problem.val.loss(final)) if problem.val is not None else None,
        "stable_lr": problem.stable_lr,
        "condition": problem.condition,
        "reached": known[traj.reached] if traj.reached is not None else None,
        "minimum": next((p for p in known if p.kind == "minimum"), None),
    }
    if problem.stable_lr is None:  # no global limit: the local one where the run starts
        from core.surface import local_stable_lr

        out["local_lr"] = local_stable_lr(problem.surface, traj.params[0])
    return out
