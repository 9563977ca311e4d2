"""The timeline of one run: which positions to show, and the numbers of the update at each.

Position ``k`` (0 <= k <= K) means "after k updates": the parameters are ``params[k]``. The
update shown there is the next one, number ``k + 1``: its mini-batch, the gradient it takes at
``params[k]``, where it lands (``params[k + 1]``) and the losses before and after. At ``k = K``
there is no next update and those columns are NaN. Works for any surface of ``p`` parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.surface import QuadraticSurface, Surface
from core.thinning import display_indices

MAX_FRAMES = 2000  # positions sent to the browser for one run
HEAD = 200  # the first updates are always there, one by one
MAX_MEMBERS = 50_000  # batch member indices sent in all (for highlighting the batch)

# Columns of the frame table, all float64 and one value per frame; per parameter j there are
# also "p{j}" (where the run is), "g{j}" (the gradient the next update uses), "n{j}" (where it
# lands), "fg{j}" (the gradient of the whole training loss there) and, on a quadratic surface,
# "a{j}" (the j-th diagonal entry of the next batch's A_B = Phi_B^T Phi_B / m, which with the
# batch loss and gradient gives that batch's exact cross-section along parameter j).
COLUMNS = (
    "loss",  # the training loss where the run is
    "loss_next",  # ...where the next update lands
    "batch_loss",  # the next update's mini-batch loss before it (the loss without batches)
    "batch_loss_next",  # ...and after it
    "batch_size",  # size of the next update's mini-batch (0 without batches)
    "lam_max",  # largest eigenvalue of the Hessian where the run is (2 / lam_max: local step)
    "lr",  # the learning rate of the next update (a schedule changes it epoch by epoch)
)


def param_columns(p: int) -> tuple[str, ...]:
    return tuple(f"{kind}{j}" for kind in ("p", "g", "n", "fg", "a") for j in range(p))


@dataclass(frozen=True, eq=False)
class Frames:
    positions: np.ndarray  # int64, sorted update counts 0..K
    table: dict  # column name -> float64 array, one value per position
    members: np.ndarray | None  # batch rows of each frame's next update, concatenated
    member_offsets: np.ndarray | None  # frame i's members are members[off[i]:off[i + 1]]
    p: int


def positions(
    n_updates: int, epoch_updates: np.ndarray, *, max_frames: int = MAX_FRAMES, head: int = HEAD
) -> np.ndarray:
    """Positions to show for a run of ``n_updates``: all of them when few; otherwise the first
    ``head``, the last, every epoch boundary and an even stride in between."""
    return display_indices(
        n_updates + 1, np.asarray(epoch_updates), max_points=max_frames, head=head
    )


def nearest_position(frame_positions: np.ndarray, step: int) -> int:
    """Index of the shown position closest to update count ``step`` (ties to the earlier)."""
    i = int(np.searchsorted(frame_positions, step))
    if i >= frame_positions.size:
        return frame_positions.size - 1
    if i > 0 and step - frame_positions[i - 1] <= frame_positions[i] - step:
        return i - 1
    return i


def _lam_max(surface: Surface, params: np.ndarray, trainable=None) -> np.ndarray:
    """The Hessian's largest eigenvalue at each point, over the parameters the run moves (a held
    parameter has no step to be stable or not: One weight's L(w) has curvature 2 mean(x^2))."""
    free = (
        np.arange(params.shape[1])
        if trainable is None
        else np.flatnonzero(np.asarray(trainable, dtype=bool))
    )
    if isinstance(surface, QuadraticSurface):
        hessian = 2.0 * surface.q.A[np.ix_(free, free)]
        return np.full(params.shape[0], float(np.linalg.eigvalsh(hessian)[-1]))
    out = np.empty(params.shape[0])
    step = max(1, 500_000 // max(1, surface.n_train))  # Hessians of data models are O(N) each
    for lo in range(0, params.shape[0], step):
        h = surface.hessian(params[lo : lo + step])[:, free][:, :, free]
        out[lo : lo + step] = np.linalg.eigvalsh(h)[:, -1]
    return out


def frames(
    surface: Surface,
    traj,
    *,
    trainable=None,
    max_frames: int = MAX_FRAMES,
    head: int = HEAD,
    max_members: int = MAX_MEMBERS,
) -> Frames:
    """The frame table of ``traj``, a run on ``surface`` that moved the ``trainable``
    parameters (``None``: all)."""
    K, p = traj.n_updates, traj.params.shape[1]
    pos = positions(K, traj.epoch_updates, max_frames=max_frames, head=head)
    nxt = pos < K  # frames that have a next update
    ks = pos[nxt]
    nan = np.full(pos.shape, np.nan)
    table = {name: nan.copy() for name in COLUMNS + param_columns(p)}
    table["loss"] = traj.train_loss[pos].copy()
    full_grad = np.asarray(surface.gradient(traj.params[pos]))
    for j in range(p):
        table[f"p{j}"] = traj.params[pos, j].copy()
        table[f"fg{j}"] = full_grad[:, j].copy()
        table[f"g{j}"][nxt] = traj.grads[ks, j]
        table[f"n{j}"][nxt] = traj.params[ks + 1, j]
    table["loss_next"][nxt] = traj.train_loss[ks + 1]
    table["batch_loss"][nxt] = traj.batch_loss[ks]
    table["lam_max"] = _lam_max(surface, traj.params[pos], trainable)
    if traj.epoch_lr.size:
        table["lr"][nxt] = traj.epoch_lr[ks // traj.updates_per_epoch]

    members = offsets = None
    n = surface.n_train
    table["batch_size"][nxt] = 0.0
    if n and ks.size:
        upe, bs = traj.updates_per_epoch, traj.batch_size
        epoch, j = np.divmod(ks, upe)
        lo = j * bs
        sizes = np.minimum(bs, n - lo)
        table["batch_size"][nxt] = sizes
        quad = surface if isinstance(surface, QuadraticSurface) else None
        if bs >= n:  # every update sees the whole training split: the order does not matter
            table["batch_loss_next"][nxt] = traj.train_loss[ks + 1]
            if quad is not None:
                diag = np.diag(quad.q.A)
                for c in range(p):
                    table[f"a{c}"][nxt] = diag[c]
        else:
            owner = np.repeat(np.arange(ks.size), sizes)
            starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
            within = np.arange(owner.size) - starts[owner]
            rows_of = traj.order[epoch[owner], lo[owner] + within]
            after = traj.params[ks + 1]
            table["batch_loss_next"][nxt] = surface.batch_losses(after, rows_of, owner, ks.size)
            if quad is not None:
                phi = quad.phi[rows_of]
                for c in range(p):
                    table[f"a{c}"][nxt] = np.bincount(owner, phi[:, c] ** 2, ks.size) / sizes
            if owner.size <= max_members:
                members = rows_of.astype(np.int32)
                offsets = np.zeros(pos.size + 1, dtype=np.int64)
                offsets[1:][nxt] = sizes
                offsets = np.cumsum(offsets)
    elif ks.size:  # no examples: the "batch" is the function itself
        table["batch_loss_next"][nxt] = traj.train_loss[ks + 1]
    for name in table:
        table[name].setflags(write=False)
    return Frames(positions=pos, table=table, members=members, member_offsets=offsets, p=p)
