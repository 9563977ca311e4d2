"""The figures of the network page, from core results (core.netlab) and the viz builders."""

from __future__ import annotations

import numpy as np

from core import descent, netlab
from core import landscape as landscape_core
from core.thinning import display_indices
from ui.text import t
from ui.views import title
from viz import curves, data, landscape, maps, theme


def _pct(share: float) -> str:
    return f"{100 * share:.1f}%"


def shape_text(spec: netlab.NetSpec) -> str:
    """``1 × 16 × 1 (tanh)``: the layer widths and the activation."""
    return " × ".join(str(v) for v in (1, *spec.hidden, 1)) + f" ({spec.activation})"


def slice_labels(title: str) -> dict:
    return {
        "x": t("net.alpha"),
        "y": t("net.beta"),
        "loss": t("loss_short"),
        "loss_log": t("loss_log", loss=t("loss_short")),
        "surface": t("loss_short"),
        "start": t("net.final"),
        "minimum": t("net.final"),
        "saddle": t("saddle"),
        "now": t("now"),
        "title": title,
    }


def figures(
    problem: netlab.NetProblem,
    traj: descent.Trajectory,
    v: netlab.Views,
    *,
    epoch: int,
    log_y: bool,
    style: theme.Style,
) -> dict:
    """Every view of one run, at ``epoch`` (0 is the start) where a view follows the run."""
    end_loss = float(traj.train_loss[-1])
    plane = v.plane
    surface3d = maps.loss_surface(
        plane.a,
        plane.b,
        plane.loss,
        [],
        points=[],
        start=(0.0, 0.0, end_loss),
        labels=slice_labels(title("net.slice3d_title", style)),
        style=style,
        # a plane far out where the loss grows by decades would press the basin flat
        log=maps.wants_log(plane.loss, float("nan")),
    )
    contour = maps.contour_with_paths(
        plane.a,
        plane.b,
        plane.loss,
        [],
        points=[],
        start=(0.0, 0.0),
        labels=slice_labels(title("net.slice_title", style)),
        style=style,
    )
    k = int(traj.epoch_updates[min(epoch, traj.epoch_updates.size - 1)])
    pca, pp = v.pca, v.pca_plane
    share = pca.explained
    pca_fig = maps.contour_with_paths(
        pp.a,
        pp.b,
        pp.loss,
        [(t("path"), pca.coords[:, 0], pca.coords[:, 1], style.path)],
        points=[("minimum", 0.0, 0.0, end_loss)],
        start=pca.coords[0],
        labels={
            **slice_labels(title("net.pca_title", style).format(share=_pct(share.sum()))),
            "x": t("net.pc", k=1, share=_pct(share[0])),
            "y": t("net.pc", k=2, share=_pct(share[1])),
            "start": t("start_pt"),
        },
        style=style,
    )
    for axis in ("xaxis", "yaxis"):  # each component its own scale: the second is often thin
        pca_fig["layout"][axis].pop("scaleanchor", None)
        pca_fig["layout"][axis].pop("constrain", None)
    near = int(np.argmin(np.abs(v.path_index - k)))
    landscape.mark_now(
        pca_fig,
        pca.coords[near, 0],
        pca.coords[near, 1],
        name=t("net.at_epoch", epoch=epoch),
        style=style,
    )
    line = landscape.loss_along(
        [(t("train"), v.line_t, v.line_loss, style.train)],
        marks=[
            (t("start_pt"), 0.0, float(traj.train_loss[0]), "circle"),
            (t("net.final"), 1.0, end_loss, "diamond"),
        ],
        labels={
            "x": t("net.line_x"),
            "loss": t("loss_short"),
            "title": title("net.line_title", style),
        },
        style=style,
    )
    upe = traj.updates_per_epoch
    epochs_x = traj.epoch_updates / upe
    mini = traj.batch_size < problem.n_train
    thin = display_indices(traj.batch_loss.size, None, max_points=2000) if mini else np.arange(0)
    curve = curves.loss_curve(
        epochs_x,
        traj.train_loss_epoch,
        traj.val_loss_epoch,
        (thin + 1) / upe,
        traj.batch_loss[thin],
        floor=float("nan"),
        log_y=log_y,
        labels={
            "x": t("epoch"),
            "train": t("train"),
            "val": t("val_set"),
            "batch": t("batch_loss"),
            "floor": t("floor"),
            "title": title("curve_title", style),
            "loss": t("loss_short"),
        },
        style=style,
    )
    landscape.mark_now(
        curve,
        epoch,
        float(traj.train_loss_epoch[epoch]),
        name=t("net.at_epoch", epoch=epoch),
        style=style,
    )
    d = problem.data
    x_all = np.concatenate([d.x_train, d.x_val])
    grid_x = np.linspace(float(x_all.min()), float(x_all.max()), 200)
    fit = data.data_with_fit(
        d.x_train,
        d.y_train,
        d.x_val,
        d.y_val,
        grid_x,
        problem.predict(traj.params[k], grid_x),
        problem.predict(traj.params[0], grid_x),
        problem.predict(traj.params[-1], grid_x),
        labels={
            "train": t("train"),
            "val": t("val_set"),
            "start": t("net.fit_start"),
            "best": t("net.fit_end"),
            "fit": t("net.at_epoch", epoch=epoch),
            "title": title("net.fit_title", style),
        },
        style=style,
    )
    return {
        "slice3d": surface3d,
        "slice": contour,
        "pca": pca_fig,
        "line": line,
        "curve": curve,
        "fit": fit,
    }


PAIR_COLOURS = (theme.BLUE, theme.VERMILLION)


def pair_figures(runs, *, style: theme.Style) -> dict:
    """Two runs' slices (each through its own final weights, along directions normalised to its
    own weights: the paper's way to compare minima) on one colour scale, and the loss along the
    first direction through each."""
    panels, lines = [], []
    for (name, traj, v), colour in zip(runs, PAIR_COLOURS, strict=True):
        label = f"{name}<br>{t('loss_short')} {float(traj.train_loss[-1]):.3g}"
        panels.append((label, v.plane.a, v.plane.b, v.plane.loss))
        centre = v.plane.b.size // 2
        along = v.plane.loss[centre, :]
        width = landscape_core.width_at(v.plane.a, along)
        shown = f"{width:.2f}" if np.isfinite(width) else "> 2"
        lines.append((t("net.with_width", name=name, width=shown), v.plane.a, along, colour))
    side = landscape.slices_side_by_side(
        panels,
        labels={
            "x": t("net.alpha"),
            "y": t("net.beta"),
            "loss": t("loss_short"),
            "centre": t("net.final"),
            "title": title("net.pair_title", style),
        },
        style=style,
    )
    across = landscape.loss_along(
        lines,
        marks=[],
        labels={
            "x": t("net.alpha"),
            "loss": t("loss_short"),
            "title": title("net.pair_line_title", style),
        },
        style=style,
    )
    return {"pair": side, "pair_line": across}
