"""Gradient descent on any :class:`~core.surface.Surface`: one readable loop, fast paths behind it.

The update rule is written once, in :func:`descend`: at update k the optimizer takes the gradient
``g_k`` of update k's mini-batch at the current parameters and returns a step::

    g_k = grad L_{B_k}(theta_k),    (step, state) = optimizer.update(g_k, state, theta_k),
    theta_{k+1} = theta_k + step    (plain gradient descent: step = -lr g_k)

On a surface with training examples the batches ``B_k`` walk through a visit order (a fresh
permutation per epoch, or the stored order); batch size 1 is SGD, the whole training split is
batch gradient descent, and the last partial batch of an epoch is kept. A test function has no
examples: there the gradient is the function's own, plus optional Gaussian noise of a chosen
size from the seed.

Plain gradient descent on a two-parameter quadratic surface (the straight line) has two fast
paths that give the same numbers (tests hold them to the loop): a scalar loop on the per-batch
statistics ``A_B = Phi_B^T Phi_B / m``, ``g_B = Phi_B^T y_B / m``, and for long runs one compiled
pass (:mod:`core.fastloop`).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from core import fastloop, optimizers, quadratic
from core.surface import QuadraticSurface, Surface

# A loss this many times above where the run started (measured from the floor of the problem) is
# an explosion: the run is stopped there. Checking for NaN alone is not enough: a loss can grow
# to 1e48 and stay finite.
EXPLOSION_FACTOR = 1e6
# A run "converged" once the excess loss L - L* stays below this fraction of the reducible loss.
CONVERGED_FRACTION = 1e-6
# A run "reached" a known point once it stays this close to it (relative to its distance from
# the start).
REACHED_FRACTION = 1e-3


@dataclass(frozen=True, eq=False)
class Trajectory:
    """What one optimisation run did, update by update.

    Attributes
    ----------
    params : ndarray of shape (K + 1, p)
        Row 0 is the start; row k the parameters after update k.
    grads : ndarray of shape (K, p)
        The gradient update k used (its mini-batch's, or the noisy one; taken at ``params[k]``).
    batch_loss : ndarray of shape (K,)
        The loss of update k's mini-batch at ``params[k]`` (the training loss without batches).
    train_loss : ndarray of shape (K + 1,)
        Exact loss over the whole training split (or of the function) at every row of ``params``.
    epoch_updates : ndarray of int, shape (E + 1,)
        Update count at each completed epoch boundary: ``0, u, 2u, ...`` (u updates per epoch;
        a test function counts every update as an epoch).
    val_loss_epoch : ndarray of shape (E + 1,) or (0,)
        Validation loss at each epoch boundary (epoch 0 is the start); empty without one.
    order : ndarray of int, shape (epochs, n_train)
        The order the training examples were visited in, one row per planned epoch (shape
        (0, 0) on a test function).
    batch_size, updates_per_epoch, epochs : int
        The schedule (``epochs`` as planned; E above may be fewer after a divergence).
    status : {"converged", "stalled", "completed", "diverged"}
        Converged at a minimum; stalled at a saddle point; neither; or stopped by an explosion.
    diverged_at : int or None
        1-based number of the update whose loss was non-finite or exploded (not kept).
    converged_at : int or None
        First update from which the run stayed at the point it converged or stalled at.
    reached : int or None
        Index into the surface's ``points`` of the minimum or saddle the run ended at.
    loss_floor : float
        The lowest training loss this run can reach: the minimum, or with some parameters held
        fixed the minimum over the others (NaN when unknown).
    stopped_after_epoch : int or None
        With ``stop_below``, the (1-based) epoch after which the run stopped early.
    epoch_lr : ndarray of shape (epochs,)
        The learning rate of every planned epoch (all the same without a schedule).
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
    reached: int | None = None
    loss_floor: float = 0.0
    stopped_after_epoch: int | None = None
    epoch_lr: np.ndarray = field(default_factory=lambda: np.empty(0))

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

    @property
    def lr(self) -> np.ndarray:
        """The learning rate of every update taken, shape (K,)."""
        return np.repeat(self.epoch_lr, self.updates_per_epoch)[: self.n_updates]


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
        # stored entry-major, so A[:, i, j] and g[:, i] are contiguous for the fast loops
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


def descend(
    grad_of: Callable[[int, np.ndarray], np.ndarray],
    theta0: np.ndarray,
    optimizer: optimizers.Optimizer,
    n_updates: int,
    too_far: Callable[[np.ndarray], bool],
    mask: np.ndarray,
    rates: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, int | None]:
    """The update rule, once for every optimizer and surface.

    ``grad_of(k, theta)`` is update k's gradient at ``theta``; parameters where ``mask`` is 0
    are held (their gradient and step are zeroed). With ``rates`` (η of every update, a
    schedule) the optimizer was made with η = 1 and update k's step is scaled by ``rates[k]``
    (every optimizer here steps linearly in η, see :mod:`core.schedules`). The run stops before
    the first update whose parameters are ``too_far`` (an explosion, or not finite). Returns
    ``(params, grads, diverged_at)``: the parameters after every kept update (row 0 the start),
    the gradients used, and the 1-based number of the update that was not kept (None if all were).
    """
    theta = np.array(theta0, dtype=float)
    params = np.empty((n_updates + 1, theta.size))
    grads = np.empty((n_updates, theta.size))
    params[0] = theta
    state = optimizer.init(theta)
    for k in range(n_updates):
        grad = mask * grad_of(k, theta)
        step, state = optimizer.update(grad, state, theta)
        if rates is not None:
            step = rates[k] * step
        theta = theta + mask * step
        if too_far(theta):
            return params[: k + 1], grads[:k], k + 1
        params[k + 1] = theta
        grads[k] = grad
    return params, grads, None


def _gd_quadratic2(A, g, theta0, lrs, q, excess_limit, mask):
    """:func:`descend` with ``optimizers.gd`` on a two-parameter quadratic form, in Python
    floats (2-element NumPy calls cost ~10x more): the same arithmetic in the same order.
    ``lrs`` is the learning rate of every update."""
    a00, a01, a11 = A[:, 0, 0].tolist(), A[:, 0, 1].tolist(), A[:, 1, 1].tolist()
    g0, g1 = g[:, 0].tolist(), g[:, 1].tolist()
    s0, s1 = float(q.theta_star[0]), float(q.theta_star[1])
    r00, r01, r11 = float(q.R[0, 0]), float(q.R[0, 1]), float(q.R[1, 1])
    b, w = float(theta0[0]), float(theta0[1])
    m0, m1 = float(mask[0]), float(mask[1])
    out_p, out_g = [(b, w)], []
    diverged_at = None
    for k, lr in enumerate(lrs):
        gb = m0 * (2.0 * (a00[k] * b + a01[k] * w - g0[k]))
        gw = m1 * (2.0 * (a01[k] * b + a11[k] * w - g1[k]))
        b += m0 * (-lr * gb)
        w += m1 * (-lr * gw)
        db, dw = b - s0, w - s1
        u, v = r00 * db + r01 * dw, r11 * dw
        if not u * u + v * v <= excess_limit:  # also catches NaN and inf
            diverged_at = k + 1
            break
        out_p.append((b, w))
        out_g.append((gb, gw))
    params, grads = np.array(out_p), np.array(out_g).reshape(-1, 2)
    return params, grads, diverged_at


def _schedule(surface: Surface, batch_size, epochs, shuffle, seed):
    """``(order, batch_size, updates_per_epoch, sizes)``: the batches of a data surface; a test
    function has one update per "epoch" and no examples."""
    n = surface.n_train
    if n == 0:
        return np.zeros((0, 0), dtype=np.int32), 1, 1, np.ones(epochs, dtype=np.int64)
    bs = int(min(max(1, batch_size or n), n))
    order = visit_order(n, epochs, shuffle=shuffle, seed=seed)
    return order, bs, len(range(0, n, bs)), batch_sizes(n, bs, epochs)


def fastloop_ok(quad, optimizer, K: int) -> bool:
    """Whether a run takes the compiled loop: plain gradient descent on a quadratic form, long
    enough to gain from it."""
    return quad is not None and optimizer.name == "gd" and fastloop.worth_it(quad.p, K)


def _settled(values: np.ndarray, tol: float) -> int | None:
    """First index from which every value stays at or below ``tol`` (None if the last is above)."""
    above = np.flatnonzero(values > tol)
    first = 0 if above.size == 0 else int(above[-1]) + 1
    return first if first < values.size else None


def run(
    surface: Surface,
    theta0,
    *,
    lr: float,
    epochs: int,
    batch_size: int | None = None,
    shuffle: bool = True,
    seed: int = 42,
    optimizer: optimizers.Optimizer | None = None,
    noise: float = 0.0,
    trainable=None,
    val: Surface | None = None,
    stop_below: float | None = None,
    epoch_rates=None,
) -> Trajectory:
    """Descend on ``surface`` from ``theta0`` (shape (p,)).

    Parameters
    ----------
    lr : float
        Learning rate (positive); the optimizer's, when one is given.
    epochs : int
        Passes over the training examples (on a test function: updates).
    batch_size : int, optional
        Examples per update, 1 (SGD) to n (batch GD, the default); clipped to n.
    shuffle, seed
        Reshuffle every epoch from ``seed``, or visit in stored order. ``seed`` also draws the
        gradient noise.
    optimizer : core.optimizers.Optimizer, optional
        Any ``init``/``update`` pair; ``optimizers.gd(lr)`` when omitted.
    noise : float
        Standard deviation of Gaussian noise added to each gradient component (test functions).
    trainable : array-like of bool, shape (p,), optional
        Parameters to update; the others stay at their start.
    val : Surface, optional
        The validation loss, recorded at every epoch boundary.
    stop_below : float, optional
        Stop after the first epoch whose mean mini-batch loss (each taken before its update, as a
        per-sample training loop accumulates it) is below this value.
    epoch_rates : array-like of shape (epochs,), optional
        A learning-rate schedule (:mod:`core.schedules`): every update of epoch e uses
        ``epoch_rates[e]``. The optimizer is then one made with η = 1, its step scaled by the
        update's rate; ``lr`` is the schedule's base rate.

    Notes
    -----
    The run stops before an update whose loss, measured from the problem's floor, is non-finite
    or above ``EXPLOSION_FACTOR`` times that of the start; the steps before it are kept and
    ``diverged_at`` names it.
    """
    theta0 = np.asarray(theta0, dtype=float)
    if not (np.isfinite(lr) and lr > 0):
        raise ValueError("the learning rate must be a positive finite number")
    if epochs < 1:
        raise ValueError("at least one epoch")
    scheduled = epoch_rates is not None
    rates_e = np.full(epochs, float(lr)) if epoch_rates is None else np.array(epoch_rates, float)
    if rates_e.shape != (epochs,) or not (np.isfinite(rates_e).all() and (rates_e > 0).all()):
        raise ValueError("a positive finite learning rate for every epoch")
    rates_e.setflags(write=False)
    optimizer = optimizer or optimizers.gd(1.0 if scheduled else lr)
    mask = np.ones(theta0.shape) if trainable is None else np.asarray(trainable, dtype=float)
    order, bs, upe, sizes = _schedule(surface, batch_size, epochs, shuffle, seed)
    K = int(sizes.size)
    quad = surface if isinstance(surface, QuadraticSurface) else None
    # η of every update, for the loops that step one update at a time (the compiled one reads
    # the epochs' rates itself)
    rates = np.repeat(rates_e, upe) if scheduled and not fastloop_ok(quad, optimizer, K) else None

    if quad is not None:
        _, floor = quadratic.constrained_minimum(quad.q, theta0, mask.astype(bool))
        base = quad.q.loss_min
    else:
        floor = surface.floor
        base = floor if np.isfinite(floor) else 0.0
    start_excess = float(surface.loss(theta0)) - base
    if not np.isfinite(start_excess):
        raise ValueError("the loss at the start is not finite")
    scale = float(np.mean(quad.y**2)) if quad is not None else abs(base) + 1.0
    reference = max(start_excess, scale * 1e-12 + np.finfo(float).tiny)
    excess_limit = EXPLOSION_FACTOR * reference

    train_loss = batch_loss = None
    plain = optimizer.name == "gd"
    fast = False
    if quad is not None and fastloop_ok(quad, optimizer, K):  # one compiled pass
        params, grads, batch_loss, train_loss, diverged_at = fastloop.run(
            quad.phi, quad.y, order, bs, theta0, rates_e, quad.q, excess_limit, mask
        )
    elif quad is not None and plain and quad.p == 2:  # the same in Python floats
        A, g, _ = batch_statistics(quad.phi, quad.y, order, bs)
        lrs = rates.tolist() if rates is not None else [float(lr)] * K
        params, grads, diverged_at = _gd_quadratic2(A, g, theta0, lrs, quad.q, excess_limit, mask)
    else:
        if quad is not None:
            A, g, _ = batch_statistics(quad.phi, quad.y, order, bs)
            R, star = quad.q.R, quad.q.theta_star

            def grad_of(k, theta):
                return 2.0 * (A[k] @ theta - g[k])

            def too_far(theta):
                r = R @ (theta - star)
                return not r @ r <= excess_limit

        else:  # the surface's own batches, or its gradient with noise
            fits = surface.n_train == 0 or bs == 1
            if plain and not scheduled and hasattr(surface, "plain_gd") and fits:
                fast = True  # plain GD in Python floats (a test function; one example a step)
            elif surface.n_train:
                flat = order.ravel()
                starts = np.concatenate([[0], np.cumsum(sizes)])

                def grad_of(k, theta):
                    return surface.batch(theta, flat[starts[k] : starts[k + 1]])[1]

            elif noise > 0:
                xi = noise * np.random.default_rng(seed).standard_normal((K, theta0.size))

                def grad_of(k, theta):
                    return surface.gradient(theta) + xi[k]

            else:

                def grad_of(k, theta):
                    return surface.gradient(theta)

            def too_far(theta):  # the explosion itself is found below, from all losses at once
                return not math.isfinite(theta.sum())

        with np.errstate(over="ignore", invalid="ignore"):  # a blow-up is cut off below
            if fast and surface.n_train:
                gd_floats = getattr(surface, "plain_gd")  # noqa: B009 (not every surface has it)
                params, grads, diverged_at = gd_floats(theta0, lr, mask, order.ravel())
            elif fast:
                drawn = (
                    noise * np.random.default_rng(seed).standard_normal((K, theta0.size))
                    if noise > 0
                    else None
                )
                gd_floats = getattr(surface, "plain_gd")  # noqa: B009
                params, grads, diverged_at = gd_floats(theta0, lr, mask, K, drawn)
            else:
                params, grads, diverged_at = descend(
                    grad_of, theta0, optimizer, K, too_far, mask, rates
                )
            if quad is None:
                train_loss = np.asarray(surface.loss(params), dtype=float)
                exploded = np.flatnonzero(~(train_loss - base <= excess_limit))
                if exploded.size:
                    diverged_at = int(exploded[0])
                    params, grads = params[:diverged_at], grads[: diverged_at - 1]
                    train_loss = train_loss[:diverged_at]

    done = grads.shape[0]
    if batch_loss is None:
        if surface.n_train:
            owner = np.repeat(np.arange(done), sizes[:done])
            rows = order.ravel()[: owner.size]
            batch_loss = surface.batch_losses(params[:done], rows, owner, done)
        else:
            batch_loss = np.asarray(surface.loss(params[:done]), dtype=float)
    stopped = None
    if stop_below is not None and surface.n_train and done >= upe:
        complete = done // upe * upe
        sums = np.add.reduceat(
            batch_loss[:complete] * sizes[:complete], np.arange(0, complete, upe)
        )
        below = np.flatnonzero(sums / surface.n_train < stop_below)
        if below.size:
            stopped = int(below[0]) + 1
            done = stopped * upe
            params, grads, batch_loss = params[: done + 1], grads[:done], batch_loss[:done]
            diverged_at = None

    train_loss = (
        np.asarray(surface.loss(params), dtype=float)
        if train_loss is None
        else train_loss[: done + 1]
    )
    epoch_updates = np.arange(0, done + 1, upe)
    val_loss_epoch = (
        np.asarray(val.loss(params[epoch_updates]), dtype=float) if val is not None else np.empty(0)
    )
    status, converged_at, reached = _ending(surface, params, train_loss, floor, diverged_at, quad)
    return Trajectory(
        params=params,
        grads=grads,
        batch_loss=batch_loss,
        train_loss=train_loss,
        epoch_updates=epoch_updates,
        val_loss_epoch=val_loss_epoch,
        order=order,
        batch_size=bs,
        updates_per_epoch=upe,
        epochs=epochs,
        status=status,
        diverged_at=diverged_at,
        converged_at=converged_at,
        reached=reached,
        loss_floor=floor,
        stopped_after_epoch=stopped,
        epoch_lr=rates_e,
    )


def _ending(surface, params, train_loss, floor, diverged_at, quad):
    """``(status, converged_at, reached)`` of a finished run."""
    if diverged_at is not None:
        return "diverged", None, None
    if quad is not None:  # a quadratic form: converged once the excess loss is negligible
        scale = float(np.mean(quad.y**2)) * 1e-12 + np.finfo(float).tiny
        tol = CONVERGED_FRACTION * max(float(train_loss[0]) - floor, scale)
        at = _settled(train_loss - floor, tol)
        if at is None:
            return "completed", None, None
        free_all = np.isclose(floor, quad.q.loss_min, rtol=1e-12, atol=0)
        return "converged", at, 0 if free_all else None
    final = params[-1]
    for index, point in enumerate(surface.points):
        target = np.asarray(point.theta)
        tol = REACHED_FRACTION * max(float(np.linalg.norm(params[0] - target)), 1e-3)
        at = _settled(np.linalg.norm(params - target, axis=1), tol)
        if at is not None and np.linalg.norm(final - target) <= tol:
            return ("converged" if point.kind == "minimum" else "stalled"), at, index
    return "completed", None, None


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
    optimizer: optimizers.Optimizer | None = None,
    stop_below: float | None = None,
) -> Trajectory:
    """Mini-batch descent on the MSE of ``phi_train @ theta`` against ``y_train``: :func:`run`
    on their :class:`~core.surface.QuadraticSurface` (built here unless ``q_train`` is given);
    ``q_val`` records the validation loss at every epoch boundary."""
    phi_train = np.asarray(phi_train, dtype=float)
    y_train = np.asarray(y_train, dtype=float)
    q = q_train or quadratic.fit_quadratic(phi_train, y_train)
    names = (
        ("b", "w") if phi_train.shape[1] == 2 else tuple(f"θ{i}" for i in range(phi_train.shape[1]))
    )
    surface = QuadraticSurface(phi=phi_train, y=y_train, q=q, names=names)
    val = None
    if q_val is not None:
        val = QuadraticSurface(phi=np.zeros((0, q_val.p)), y=np.zeros(0), q=q_val, names=names)
    return run(
        surface,
        theta0,
        lr=lr,
        epochs=epochs,
        batch_size=batch_size,
        shuffle=shuffle,
        seed=seed,
        optimizer=optimizer,
        trainable=trainable,
        val=val,
        stop_below=stop_below,
    )
