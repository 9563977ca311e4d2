"""The plain gradient-descent step loop for two parameters, compiled with numba when available.

Compiling costs about a second once (then cached on disk next to this file), and importing numba
about as much, so it is used only for runs long enough to gain from it; shorter runs and machines
without numba use the pure-Python loop in ``core.descent``. Both give the same numbers.
"""
from __future__ import annotations

import numpy as np

# Below this many updates the Python loop (about 1 us per update) is quicker than a first
# compile; above it the compiled loop (about 20 ns per update) wins.
MIN_UPDATES = 50_000

_compiled = None


def _build():
    import numba  # lazy: importing numba takes ~0.8 s, which a cold start should not pay

    @numba.njit(cache=True, nogil=True)
    def descend2(a00, a01, a11, g0, g1, b, w, lr, m0, m1, s0, s1, r00, r01, r11, limit, out_p,
                 out_g):
        out_p[0, 0] = b
        out_p[0, 1] = w
        for k in range(a00.shape[0]):
            gb = m0 * 2.0 * (a00[k] * b + a01[k] * w - g0[k])
            gw = m1 * 2.0 * (a01[k] * b + a11[k] * w - g1[k])
            b -= lr * gb
            w -= lr * gw
            db = b - s0
            dw = w - s1
            u = r00 * db + r01 * dw
            v = r11 * dw
            if not u * u + v * v <= limit:
                return k  # updates completed before the exploding one
            out_p[k + 1, 0] = b
            out_p[k + 1, 1] = w
            out_g[k, 0] = gb
            out_g[k, 1] = gw
        return a00.shape[0]

    return descend2


def available() -> bool:
    try:
        import numba  # noqa: F401
    except ImportError:
        return False
    return True


def descend2(A, g, theta0, lr, star, R, limit, mask):
    """Same contract as the scalar loop in ``core.descent._descend`` for p = 2."""
    global _compiled
    if _compiled is None:
        _compiled = _build()
    K = g.shape[0]
    params = np.empty((K + 1, 2))
    grads = np.empty((K, 2))
    done = _compiled(np.ascontiguousarray(A[:, 0, 0]), np.ascontiguousarray(A[:, 0, 1]),
                     np.ascontiguousarray(A[:, 1, 1]), np.ascontiguousarray(g[:, 0]),
                     np.ascontiguousarray(g[:, 1]), float(theta0[0]), float(theta0[1]),
                     float(lr), float(mask[0]), float(mask[1]), float(star[0]), float(star[1]),
                     float(R[0, 0]), float(R[0, 1]), float(R[1, 1]), float(limit), params, grads)
    diverged_at = None if done == K else done + 1
    return params[: done + 1], grads[:done], diverged_at
