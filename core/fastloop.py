"""Plain gradient descent for two parameters, compiled with numba when available.

One compiled pass over the visit order does a whole run: each update's gradient from its rows'
residuals, the mini-batch loss and the training loss, with no per-batch arrays in between.
Importing numba takes ~0.5 s and compiling ~0.8 s once (measured here; the compiled code is then
cached on disk in the user's cache folder, never in the source tree, which may be read-only), so
it is used only for runs long enough to gain from it; shorter runs and machines without numba use
the loops in ``core.descent``. Both give the same numbers (to rounding: a test holds them to
1e-12).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

# Below this many updates the Python loop (about 1 us per update for two parameters, ~12 us for
# more) is quicker than importing numba and a first compile; above it the compiled loop (about
# 20 ns per update) wins.
MIN_UPDATES = {2: 50_000}
MIN_UPDATES_DEFAULT = 5_000


def worth_it(p: int, updates: int) -> bool:
    """Whether a run of ``updates`` on ``p`` parameters should take the compiled loop."""
    return updates >= MIN_UPDATES.get(p, MIN_UPDATES_DEFAULT) and available()


_compiled = None


def cache_dir() -> Path:
    """Where numba keeps the compiled loop: ``NUMBA_CACHE_DIR`` when set, else
    ``$XDG_CACHE_HOME/losslab`` (``~/.cache/losslab``), else a folder in the temporary directory
    when the home folder cannot be written."""
    if os.environ.get("NUMBA_CACHE_DIR"):
        return Path(os.environ["NUMBA_CACHE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "losslab" / "numba"
    try:
        base.mkdir(parents=True, exist_ok=True)
        if os.access(base, os.W_OK):
            return base
    except OSError:
        pass
    return Path(tempfile.gettempdir()) / f"losslab-numba-{os.getuid()}"


def _numba():
    """numba, imported on first need (~0.5 s, which a cold start should not pay), with its
    cache folder set first: numba reads it when it is imported."""
    os.environ.setdefault("NUMBA_CACHE_DIR", str(cache_dir()))
    import numba

    return numba


def _build():
    numba = _numba()

    @numba.njit(cache=True, nogil=True)
    def run2(
        phi0,
        phi1,
        y,
        order,
        n,
        batch_size,
        K,
        b,
        w,
        lrs,
        m0,
        m1,
        s0,
        s1,
        r00,
        r01,
        r11,
        loss_min,
        limit,
        out_p,
        out_g,
        out_bl,
        out_tl,
    ):
        upe = (n + batch_size - 1) // batch_size
        out_p[0, 0] = b
        out_p[0, 1] = w
        du = r00 * (b - s0) + r01 * (w - s1)
        dv = r11 * (w - s1)
        out_tl[0] = loss_min + (du * du + dv * dv)
        k = 0
        for epoch in range(K // upe):
            end = epoch * n + n
            lr = lrs[epoch]
            for lo in range(epoch * n, end, batch_size):
                hi = min(lo + batch_size, end)
                sr0 = 0.0
                sr1 = 0.0
                srr = 0.0
                for i in range(lo, hi):  # residuals at the parameters the update starts from
                    row = order[i]
                    r = phi0[row] * b + phi1[row] * w - y[row]
                    sr0 += r * phi0[row]
                    sr1 += r * phi1[row]
                    srr += r * r
                m = hi - lo
                gb = m0 * 2.0 * sr0 / m
                gw = m1 * 2.0 * sr1 / m
                b -= lr * gb
                w -= lr * gw
                du = r00 * (b - s0) + r01 * (w - s1)
                dv = r11 * (w - s1)
                excess = du * du + dv * dv
                if not excess <= limit:
                    return k  # updates completed before the exploding one
                out_p[k + 1, 0] = b
                out_p[k + 1, 1] = w
                out_g[k, 0] = gb
                out_g[k, 1] = gw
                out_bl[k] = srr / m
                out_tl[k + 1] = loss_min + excess
                k += 1
        return K

    @numba.njit(cache=True, nogil=True)
    def runp(
        phi,
        y,
        order,
        n,
        batch_size,
        K,
        theta,
        lrs,
        mask,
        star,
        R,
        loss_min,
        limit,
        out_p,
        out_g,
        out_bl,
        out_tl,
    ):
        p = theta.shape[0]
        upe = (n + batch_size - 1) // batch_size
        s = np.empty(p)
        out_p[0] = theta
        d = theta - star
        e = 0.0
        for a in range(p):
            u = 0.0
            for c in range(a, p):  # R is upper triangular
                u += R[a, c] * d[c]
            e += u * u
        out_tl[0] = loss_min + e
        k = 0
        for epoch in range(K // upe):
            end = epoch * n + n
            lr = lrs[epoch]
            for lo in range(epoch * n, end, batch_size):
                hi = min(lo + batch_size, end)
                s[:] = 0.0
                srr = 0.0
                for i in range(lo, hi):
                    row = order[i]
                    r = -y[row]
                    for j in range(p):
                        r += phi[row, j] * theta[j]
                    for j in range(p):
                        s[j] += r * phi[row, j]
                    srr += r * r
                m = hi - lo
                for j in range(p):
                    g = mask[j] * 2.0 * s[j] / m
                    out_g[k, j] = g
                    theta[j] -= lr * g
                e = 0.0
                for a in range(p):
                    u = 0.0
                    for c in range(a, p):
                        u += R[a, c] * (theta[c] - star[c])
                    e += u * u
                if not e <= limit:
                    return k
                out_p[k + 1] = theta
                out_bl[k] = srr / m
                out_tl[k + 1] = loss_min + e
                k += 1
        return K

    return run2, runp


def available() -> bool:
    try:
        _numba()
    except ImportError:
        return False
    return True


def _functions():
    global _compiled
    if _compiled is None:
        _compiled = _build()
    return _compiled


def run(phi, y, order, batch_size, theta0, lrs, q, limit, mask):
    """A whole mini-batch run of plain gradient descent on the quadratic form ``q`` of ``phi``
    and ``y`` in one compiled pass over the visit order: each update's gradient from the
    residuals of its rows (no per-batch statistics kept), the mini-batch loss before it, and the
    training loss after it from the quadratic form. Two parameters have a loop of their own.
    ``lrs`` is the learning rate of every epoch (a float: the same for all).

    Returns ``(params, grads, batch_loss, train_loss, diverged_at)``, cut like
    ``core.descent.descend``.
    """
    run2, runp = _functions()
    epochs, n = order.shape
    p = phi.shape[1]
    K = epochs * -(-n // batch_size)
    params, grads = np.empty((K + 1, p)), np.empty((K, p))
    batch_loss, train_loss = np.empty(K), np.empty(K + 1)
    R, star = q.R, q.theta_star
    lrs = np.ascontiguousarray(np.broadcast_to(np.asarray(lrs, dtype=float), (epochs,)))
    if p != 2:
        done = runp(
            np.ascontiguousarray(phi, dtype=float),
            np.ascontiguousarray(y, dtype=float),
            order.ravel(),
            n,
            batch_size,
            K,
            np.array(theta0, dtype=float),
            lrs,
            np.ascontiguousarray(mask, dtype=float),
            np.ascontiguousarray(star, dtype=float),
            np.ascontiguousarray(R, dtype=float),
            float(q.loss_min),
            float(limit),
            params,
            grads,
            batch_loss,
            train_loss,
        )
        return _cut(params, grads, batch_loss, train_loss, done, K)
    done = run2(
        np.ascontiguousarray(phi[:, 0]),
        np.ascontiguousarray(phi[:, 1]),
        np.ascontiguousarray(y, dtype=float),
        order.ravel(),
        n,
        batch_size,
        K,
        float(theta0[0]),
        float(theta0[1]),
        lrs,
        float(mask[0]),
        float(mask[1]),
        float(star[0]),
        float(star[1]),
        float(R[0, 0]),
        float(R[0, 1]),
        float(R[1, 1]),
        float(q.loss_min),
        float(limit),
        params,
        grads,
        batch_loss,
        train_loss,
    )
    return _cut(params, grads, batch_loss, train_loss, done, K)


def _cut(params, grads, batch_loss, train_loss, done, K):
    diverged_at = None if done == K else done + 1
    return params[: done + 1], grads[:done], batch_loss[:done], train_loss[: done + 1], diverged_at
