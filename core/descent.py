"""Mini-batch gradient descent on an MSE, driven by per-batch quadratic-form statistics.

The Python step loop never touches raw data: each update only needs its batch's
``A_B = Phi_B^T Phi_B / m`` and ``g_B = Phi_B^T y_B / m`` (m = batch size), built for all batches
of all epochs at once::

    grad_B(theta) = 2 (A_B theta - g_B),      theta <- theta - lr * grad_B(theta)

Long two-parameter runs go to one compiled pass instead (:mod:`core.fastloop`), which takes each
gradient from its rows' residuals on the way and keeps no per-batch arrays. Batch size 1 is SGD,
the whole training set is batch GD; the last partial batch of an epoch is kept (it is smaller).
Losses on the record are exact (see :mod:`core.quadratic`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from core import fastloop, quadratic

# A loss this many times above where the run started (or the floor of the problem) is an
# explosion: the run is stopped there. Checking for NaN alone is not enough: a loss can grow to
# 1e48 and stay finite.
EXPLOSION_FACTOR = 1e6
# A run "converged" once the excess loss L - L* stays below this fraction of the reducible loss.
CONVERGED_FRACTION = 1e-6


@dataclass(frozen=True, eq=False)
class Trajectory:
    """What one optimisation run did, update by update.

    Attributes
    ----------
    params : ndarray of shape (K + 1, p)
        Row 0 is the start; row k the parameters after update k.
    grads : ndarray of shape (K, p)
        The mini-batch gradient update k used (taken at ``params[k]``, before the step).
    batch_loss : ndarray of shape (K,)
        The loss of update k's mini-batch at ``params[k]`` (before the step).
    train_loss : ndarray of shape (K + 1,)
        Exact loss over the whole training split at every row of ``params``.
    epoch_updates : ndarray of int, shape (E + 1,)
        Update count at each completed epoch boundary: ``0, u, 2u, ...`` (u updates per epoch).
    val_loss_epoch : ndarray of shape (E + 1,) or (0,)
        Validation loss at each epoch boundary (epoch 0 is the start); empty without a
        validation split.
    order : ndarray of int, shape (epochs, n_train)
        The order the training examples were visited in, one row per planned epoch.
    batch_size, updates_per_epoch, epochs : int
        The schedule (``epochs`` as planned; E above may be fewer after a divergence).
    status : {"converged", "completed", "diverged"}
    diverged_at : int or None
        1-based number of the update whose loss was non-finite or exploded (not kept).
    converged_at : int or None
        First update from which the excess training loss stayed negligible.
    loss_floor : float
        The lowest training loss this run can reach: the minimum, or with some parameters held
        fixed the minimum over the others.
    stopped_after_epoch : int or None
        With ``stop_below``, the (1-based) epoch after which the run stopped early.
    """

    params: np.ndarray
    grads: np.ndarray
    batch_loss: np.ndarray
    train_loss: np.ndarray
    epoch_updates: np.ndarray
    val_loss_epoch: np.ndarray
    order: np.ndarray
    batch_size: int
    updates_per_epoch: int
    epochs: int
    status: str
    diverged_at: int | None = None
    converged_at: int | None = None
    loss_floor: float = 0.0
    stopped_after_epoch: int | None = None

    def __post_init__(self) -> None:
        for name in (
            "params",
            "grads",
            "batch_loss",
            "train_loss",
            "epoch_updates",
            "val_loss_epoch",
            "order",
        ):
            getattr(self, name).setflags(write=False)

    @property
    def n_updates(self) -> int:
        return self.params.shape[0] - 1

    @property
    def train_loss_epoch(self) -> np.ndarray:
        return self.train_loss[self.epoch_updates]

    def batch_members(self, k: int) -> np.ndarray:
        """Training-split row numbers used by update ``k`` (0-based)."""
        epoch, j = divmod(k, self.updates_per_epoch)
        return self.order[epoch, j * self.batch_size : (j + 1) * self.batch_size]


def visit_order(n: int, epochs: int, *, shuffle: bool, seed: int) -> np.ndarray:
    """Example order of every epoch, shape (epochs, n), read-only: a fresh permutation per epoch
    from ``seed``, or ``0..n-1`` every time when ``shuffle`` is off.

    It does not depend on the learning rate or the start, so moving those sliders reuses it
    (a small cache of orders up to 4 million entries, 16 MB each)."""
    if n * epochs <= _ORDER_CACHE_LIMIT:
        return _cached_order(n, epochs, shuffle, seed)
    return _make_order(n, epochs, shuffle, seed)


_ORDER_CACHE_LIMIT = 4_000_000


def _make_order(n: int, epochs: int, shuffle: bool, seed: int) -> np.ndarray:
    base = np.tile(np.arange(n, dtype=np.int32), (epochs, 1))
    if shuffle:  # the same permutations as with int64 rows: the stream depends on the shape only
        base = np.random.default_rng(seed).permuted(base, axis=1)
    base.setflags(write=False)
    return base


@functools.lru_cache(maxsize=4)
def _cached_order(n: int, epochs: int, shuffle: bool, seed: int) -> np.ndarray:
    return _make_order(n, epochs, shuffle, seed)


def batch_sizes(n: int, batch_size: int, epochs: int) -> np.ndarray:
    """Size of every update's batch, shape (epochs * ceil(n / batch_size),): the last batch of
    an epoch is the rest."""
    return np.tile(np.diff(np.append(np.arange(0, n, batch_size), n)), epochs)


def batch_statistics(phi: np.ndarray, y: np.ndarray, order: np.ndarray, batch_size: int):
    """Per-update ``(A_B, g_B, sizes)`` for every batch of every epoch.

    Returns ``A`` of shape (K, p, p), ``g`` of shape (K, p) and ``sizes`` of shape (K,), with
    ``K = epochs * ceil(n / batch_size)``.
    """
    epochs, n = order.shape
    starts_in_epoch = np.arange(0, n, batch_size)
    starts = (np.arange(epochs)[:, None] * n + starts_in_epoch[None, :]).ravel()
    sizes = batch_sizes(n, batch_size, epochs)
    flat = order.ravel()
    p = phi.shape[1]
    if p == 2:  # two parameters: five running sums instead of (K, 2, 2) outer products
        c0, c1, yy = phi[flat, 0], phi[flat, 1], y[flat]
        columns = (c0 * c0, c0 * c1, c1 * c1, c0 * yy, c1 * yy)
        if batch_size == 1:
            a00, a01, a11, g0, g1 = columns
        else:
            a00, a01, a11, g0, g1 = (np.add.reduceat(c, starts) / sizes for c in columns)
        # stored entry-major, so A[:, i, j] and g[:, i] are contiguous for the compiled loop
        A = np.empty((2, 2, sizes.size))
        A[0, 0], A[0, 1], A[1, 0], A[1, 1] = a00, a01, a01, a11
        g = np.empty((2, sizes.size))
        g[0], g[1] = g0, g1
        return A.transpose(2, 0, 1), g.T, sizes
    phi_seq = phi[flat]
    outer = phi_seq[:, :, None] * phi_seq[:, None, :]
    A = np.add.reduceat(outer, starts, axis=0) / sizes[:, None, None]
    g = np.add.reduceat(phi_seq * y[flat][:, None], starts, axis=0) / sizes[:, None]
    return A, g, sizes


def _descend(A, g, theta0, lr, q_train, excess_limit, mask, optimizer=None):
    """Run the updates; stop before the first one whose loss is non-finite or explodes.

    Returns ``(params, grads, diverged_at)``.
    """
    K, p = g.shape
    if optimizer is not None and optimizer.name != "gd":
        return _descend_with(optimizer, A, g, theta0, q_train, excess_limit, mask)
    star = q_train.theta_star
    R = q_train.R
    params = np.empty((K + 1, p))
    grads = np.empty((K, p))
    params[0] = theta0
    diverged_at = None
    if p == 2:  # scalar fast path: Python floats beat 2-element NumPy calls by ~10x
        a00, a01, a11 = A[:, 0, 0].tolist(), A[:, 0, 1].tolist(), A[:, 1, 1].tolist()
        g0, g1 = g[:, 0].tolist(), g[:, 1].tolist()
        s0, s1 = float(star[0]), float(star[1])
        r00, r01, r11 = float(R[0, 0]), float(R[0, 1]), float(R[1, 1])
        b, w = float(theta0[0]), float(theta0[1])
        m0, m1 = float(mask[0]), float(mask[1])
        out_p = [(b, w)]
        out_g = []
        for k in range(K):
            gb = m0 * 2.0 * (a00[k] * b + a01[k] * w - g0[k])
            gw = m1 * 2.0 * (a01[k] * b + a11[k] * w - g1[k])
            b -= lr * gb
            w -= lr * gw
            db, dw = b - s0, w - s1
            u, v = r00 * db + r01 * dw, r11 * dw
            if not u * u + v * v <= excess_limit:  # also catches NaN and inf
                diverged_at = k + 1
                break
            out_p.append((b, w))
            out_g.append((gb, gw))
        done = len(out_g)
        params[: done + 1] = out_p
        if done:
            grads[:done] = out_g
    else:
        theta = np.array(theta0, dtype=float)
        done = K
        for k in range(K):
            grad = mask * 2.0 * (A[k] @ theta - g[k])
            theta = theta - lr * grad
            r = R @ (theta - star)
            if not r @ r <= excess_limit:
                diverged_at, done = k + 1, k
                break
            params[k + 1] = theta
            grads[k] = grad
    return params[: done + 1], grads[:done], diverged_at


def _descend_with(optimizer, A, g, theta0, q_train, excess_limit, mask):
    """The same loop for any ``init``/``update`` optimizer (NumPy per update, so slower)."""
    K, p = g.shape
    params = np.empty((K + 1, p))
    grads = np.empty((K, p))
    params[0] = theta = np.array(theta0, dtype=float)
    state = optimizer.init(theta)
    star, R = q_train.theta_star, q_train.R
    for k in range(K):
        grad = mask * 2.0 * (A[k] @ theta - g[k])
        step, state = optimizer.update(grad, state, theta)
        theta = theta + mask * step
        r = R @ (theta - star)
        if not r @ r <= excess_limit:
            return params[: k + 1], grads[:k], k + 1
        params[k + 1] = theta
        grads[k] = grad
    return params, grads, None


def _batch_losses(phi, y, order, sizes, params, done, batch_size):
    """Mini-batch losses at the parameters each update started from, from the raw batch rows."""
    flat = order.ravel()
    if batch_size == 1:  # one sample per update: no grouping needed
        rows = flat[:done]
        residual = np.einsum("ij,ij->i", phi[rows], params[:done]) - y[rows]
        return residual * residual
    members = np.repeat(np.arange(done), sizes[:done])
    rows = flat[: members.shape[0]]
    residual = np.einsum("ij,ij->i", phi[rows], params[members]) - y[rows]
    return np.bincount(members, weights=residual**2, minlength=done) / sizes[:done]


def run_descent(
    phi_train: np.ndarray,
    y_train: np.ndarray,
    theta0,
    *,
    lr: float,
    batch_size: int,
    epochs: int,
    shuffle: bool = True,
    seed: int = 42,
    q_train: quadratic.QuadraticLoss | None = None,
    q_val: quadratic.QuadraticLoss | None = None,
    trainable=None,
    optimizer=None,
    stop_below: float | None = None,
) -> Trajectory:
    """Mini-batch gradient descent on ``mean((phi @ theta - y)^2)``.

    Parameters
    ----------
    phi_train : ndarray of shape (n, p)
    y_train : ndarray of shape (n,)
    theta0 : array-like of shape (p,)
    lr : float
        Learning rate (positive).
    batch_size : int
        1 (SGD) to n (batch GD); clipped to n.
    epochs : int
        Passes over the training split.
    shuffle, seed
        Reshuffle every epoch from ``seed``, or visit in stored order.
    q_train : QuadraticLoss, optional
        The training split's quadratic form (built here when omitted).
    q_val : QuadraticLoss, optional
        The validation split's; without it ``val_loss_epoch`` is empty.
    trainable : array-like of bool, shape (p,), optional
        Parameters to update; the others stay at their start (their gradient is zeroed).
    optimizer : core.optimizers.Optimizer, optional
        Any ``init``/``update`` pair; plain gradient descent with ``lr`` when omitted.
    stop_below : float, optional
        Stop after the first epoch whose mean mini-batch loss (each taken before its update, as
        a per-sample training loop accumulates it) is below this value.

    Notes
    -----
    ``theta_{k+1} = theta_k - lr * 2 (A_{B_k} theta_k - g_{B_k})``. The run stops before an update
    whose training loss is non-finite or above ``EXPLOSION_FACTOR`` times the larger of the start
    loss and the minimum; the steps before it are kept and ``diverged_at`` names it.
    """
    phi_train = np.asarray(phi_train, dtype=float)
    y_train = np.asarray(y_train, dtype=float)
    theta0 = np.asarray(theta0, dtype=float)
    if not (np.isfinite(lr) and lr > 0):
        raise ValueError("the learning rate must be a positive finite number")
    if epochs < 1:
        raise ValueError("at least one epoch")
    n = y_train.shape[0]
    batch_size = int(min(max(1, batch_size), n))
    q_train = q_train or quadratic.fit_quadratic(phi_train, y_train)

    order = visit_order(n, epochs, shuffle=shuffle, seed=seed)
    start_loss = float(quadratic.loss(q_train, theta0))
    data_scale = float(np.mean(y_train**2)) * 1e-12 + np.finfo(float).tiny
    reference = max(start_loss, data_scale)
    excess_limit = EXPLOSION_FACTOR * reference - q_train.loss_min
    mask = np.ones(theta0.shape) if trainable is None else np.asarray(trainable, dtype=float)
    _, floor = quadratic.constrained_minimum(q_train, theta0, mask.astype(bool))
    upe = len(range(0, n, batch_size))
    plain = optimizer is None or optimizer.name == "gd"
    train_loss = None
    if (
        plain
        and theta0.shape[0] == 2
        and epochs * upe >= fastloop.MIN_UPDATES
        and fastloop.available()
    ):  # a long run: one compiled pass does it all
        params, grads, batch_loss, train_loss, diverged_at = fastloop.run2(
            phi_train, y_train, order, batch_size, theta0, lr, q_train, excess_limit, mask
        )
        sizes = batch_sizes(n, batch_size, epochs)
    else:
        A, g, sizes = batch_statistics(phi_train, y_train, order, batch_size)
        params, grads, diverged_at = _descend(
            A, g, theta0, lr, q_train, excess_limit, mask, optimizer
        )
        batch_loss = _batch_losses(
            phi_train, y_train, order, sizes, params, grads.shape[0], batch_size
        )
    done = grads.shape[0]
    stopped = None
    if stop_below is not None and done >= upe:
        complete = done // upe * upe
        sums = np.add.reduceat(
            batch_loss[:complete] * sizes[:complete], np.arange(0, complete, upe)
        )
        below = np.flatnonzero(sums / n < stop_below)
        if below.size:
            stopped = int(below[0]) + 1
            done = stopped * upe
            params, grads, batch_loss = params[: done + 1], grads[:done], batch_loss[:done]
            diverged_at = None

    train_loss = quadratic.loss(q_train, params) if train_loss is None else train_loss[: done + 1]
    epoch_updates = np.arange(0, done + 1, upe)
    val_loss_epoch = (
        quadratic.loss(q_val, params[epoch_updates]) if q_val is not None else np.empty(0)
    )

    excess = train_loss - floor
    converged_at = None
    if diverged_at is None:
        tol = CONVERGED_FRACTION * max(start_loss - floor, data_scale)
        above = np.flatnonzero(excess > tol)
        first_settled = 0 if above.size == 0 else above[-1] + 1
        if first_settled <= done:
            converged_at = int(first_settled)
    status = (
        "diverged" if diverged_at else ("converged" if converged_at is not None else "completed")
    )
    return Trajectory(
        params=params,
        grads=grads,
        batch_loss=batch_loss,
        train_loss=train_loss,
        epoch_updates=epoch_updates,
        val_loss_epoch=val_loss_epoch,
        order=order,
        batch_size=batch_size,
        updates_per_epoch=upe,
        epochs=epochs,
        status=status,
        diverged_at=diverged_at,
        converged_at=converged_at,
        loss_floor=floor,
        stopped_after_epoch=stopped,
    )
