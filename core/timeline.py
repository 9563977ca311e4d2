"""The timeline of one run: which positions to show, and the numbers of the update at each.

Position ``k`` (0 <= k <= K) means "after k updates": the parameters are ``params[k]``. The
update shown there is the next one, number ``k + 1``: its mini-batch, the gradient it takes at
``params[k]``, where it lands (``params[k + 1]``) and the losses before and after. At ``k = K``
there is no next update and those columns are NaN.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import quadratic
from core.thinning import display_indices

MAX_FRAMES = 2000  # positions sent to the browser for one run
HEAD = 200  # the first updates are always there, one by one
MAX_MEMBERS = 50_000  # batch member indices sent in all (for highlighting the batch)

# Columns of the frame table, all float64 and one value per frame.
COLUMNS = (
    "b",
    "w",
    "loss",  # where the run is, and the training loss there
    "gb",
    "gw",  # the mini-batch gradient the next update uses
    "nb",
    "nw",
    "loss_next",  # where that update lands, training loss there
    "batch_loss",
    "batch_loss_next",  # the mini-batch's own loss before and after
    "batch_bb",
    "batch_ww",  # diagonal of the batch's A_B = Phi_B^T Phi_B / m
    "full_gb",
    "full_gw",  # the gradient of the whole training loss at (b, w)
    "batch_size",  # size of the next update's mini-batch
)


@dataclass(frozen=True, eq=False)
class Frames:
    positions: np.ndarray  # int64, sorted update counts 0..K
    table: dict  # column name -> float64 array, one value per position
    members: np.ndarray | None  # batch rows of each frame's next update, concatenated
    member_offsets: np.ndarray | None  # frame i's members are members[off[i]:off[i + 1]]
    full_bb: float  # diagonal of the whole training split's A
    full_ww: float


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


def frames(
    phi_train: np.ndarray,
    y_train: np.ndarray,
    q_train: quadratic.QuadraticLoss,
    traj,
    *,
    max_frames: int = MAX_FRAMES,
    head: int = HEAD,
    max_members: int = MAX_MEMBERS,
) -> Frames:
    """The frame table of ``traj`` (a two-parameter run on ``phi_train``, ``y_train``)."""
    K = traj.n_updates
    pos = positions(K, traj.epoch_updates, max_frames=max_frames, head=head)
    nxt = pos < K  # frames that have a next update
    ks = pos[nxt]
    n = phi_train.shape[0]
    nan = np.full(pos.shape, np.nan)
    table = {name: nan.copy() for name in COLUMNS}
    table["b"], table["w"] = traj.params[pos, 0].copy(), traj.params[pos, 1].copy()
    table["loss"] = traj.train_loss[pos].copy()
    full_grad = quadratic.gradient(q_train, traj.params[pos])
    table["full_gb"], table["full_gw"] = full_grad[:, 0], full_grad[:, 1]
    A = q_train.A
    for name, values in (
        ("gb", traj.grads[ks, 0]),
        ("gw", traj.grads[ks, 1]),
        ("nb", traj.params[ks + 1, 0]),
        ("nw", traj.params[ks + 1, 1]),
        ("loss_next", traj.train_loss[ks + 1]),
        ("batch_loss", traj.batch_loss[ks]),
    ):
        table[name][nxt] = values

    # the next update's batch: rows of the visit order, gathered for the shown frames only
    upe, bs = traj.updates_per_epoch, traj.batch_size
    epoch, j = np.divmod(ks, upe)
    lo = j * bs
    sizes = np.minimum(bs, n - lo)
    table["batch_size"][nxt] = sizes
    members = offsets = None
    if ks.size:
        full_batch = bs >= n
        if full_batch:  # every update sees the whole training split: the order does not matter
            stats = np.array([A[0, 0], A[1, 1]])
            table["batch_bb"][nxt], table["batch_ww"][nxt] = stats
            rows_of = None
        else:
            owner = np.repeat(np.arange(ks.size), sizes)
            starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
            within = np.arange(owner.size) - starts[owner]
            rows_of = traj.order[epoch[owner], lo[owner] + within]
            phi = phi_train[rows_of]
            table["batch_bb"][nxt] = np.bincount(owner, phi[:, 0] ** 2, ks.size) / sizes
            table["batch_ww"][nxt] = np.bincount(owner, phi[:, 1] ** 2, ks.size) / sizes
            after = traj.params[ks + 1][owner]
            residual = np.einsum("ij,ij->i", phi, after) - y_train[rows_of]
            table["batch_loss_next"][nxt] = np.bincount(owner, residual**2, ks.size) / sizes
            if owner.size <= max_members:
                members = rows_of.astype(np.int32)
                offsets = np.zeros(pos.size + 1, dtype=np.int64)
                offsets[1:][nxt] = sizes
                offsets = np.cumsum(offsets)
        if full_batch:
            table["batch_loss_next"][nxt] = traj.train_loss[ks + 1]
    for name in table:
        table[name].setflags(write=False)
    return Frames(
        positions=pos,
        table=table,
        members=members,
        member_offsets=offsets,
        full_bb=float(A[0, 0]),
        full_ww=float(A[1, 1]),
    )
