"""One tanh neuron ``y_hat = w2 * tanh(w1 * x)`` fitted by MSE: a non-convex surface on real data.

The loss is not a quadratic form in ``(w1, w2)``, but it is one in ``w2`` for every fixed
``w1``: with ``t = tanh(w1 x)``,

    L(w1, w2) = T(w1) (w2 - w2*(w1))^2 + L*(w1),   T = mean(t^2),  w2* = mean(y t) / T,

and ``L*(w1) = mean((w2* t - y)^2)`` taken from the residuals (a sum of non-negative terms, no
cancellation). A grid over (w1, w2) therefore costs O(G N + G^2), not O(G^2 N). Its landscape:
two minima, mirror images ``(w1, w2)`` and ``(-w1, -w2)`` (tanh is odd), a saddle at the origin
and plateaus where tanh saturates. At the origin every example's gradient is zero too, so
mini-batch noise cannot move a run that sits exactly there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from core.surface import Point, Surface

SCAN = np.linspace(-12.0, 12.0, 4801)  # where the minimum over w1 is looked for
CHUNK = 1_000_000  # points x examples evaluated at once


@dataclass(frozen=True, eq=False)
class NeuronSurface(Surface):
    """MSE of ``w2 tanh(w1 x)`` on training examples ``x``, ``y`` (each shape (n,))."""

    x: np.ndarray
    y: np.ndarray
    names: tuple[str, ...] = ("w1", "w2")
    _points: tuple[Point, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        for a in (self.x, self.y):
            a.setflags(write=False)
        object.__setattr__(self, "_points", self._find_points())

    @property
    def n_train(self) -> int:  # type: ignore[override]
        return self.x.shape[0]

    def _parts(self, theta):
        theta = np.asarray(theta, dtype=float)
        w1, w2 = theta[..., 0, None], theta[..., 1, None]
        t = np.tanh(w1 * self.x)
        return w1, w2, t, w2 * t - self.y

    def loss(self, theta) -> np.ndarray:
        theta = np.asarray(theta, dtype=float)
        flat = theta.reshape(-1, 2)
        chunk = max(1, CHUNK // self.n_train)  # (points x examples) temporaries stay ~8 MB
        out = np.empty(flat.shape[0])
        for lo in range(0, flat.shape[0], chunk):
            *_, r = self._parts(flat[lo : lo + chunk])
            out[lo : lo + chunk] = np.mean(r * r, axis=-1)
        return out.reshape(theta.shape[:-1])

    def gradient(self, theta) -> np.ndarray:
        _, w2, t, r = self._parts(theta)
        g1 = 2 * np.mean(r * w2 * self.x * (1 - t * t), axis=-1)
        g2 = 2 * np.mean(r * t, axis=-1)
        return np.stack([g1, g2], axis=-1)

    def hessian(self, theta) -> np.ndarray:
        _, w2, t, r = self._parts(theta)
        s = 1 - t * t  # d tanh(u) / du
        du = self.x * s  # d t / d w1
        dt2 = -2 * t * s * self.x * self.x  # d^2 t / d w1^2
        h11 = 2 * np.mean((w2 * du) ** 2 + r * w2 * dt2, axis=-1)
        h12 = 2 * np.mean(t * w2 * du + r * du, axis=-1)
        h22 = 2 * np.mean(t * t, axis=-1)
        return np.stack([np.stack([h11, h12], -1), np.stack([h12, h22], -1)], -2)

    def batch(self, theta, rows):
        w1, w2 = float(theta[0]), float(theta[1])
        x, y = self.x[rows], self.y[rows]
        t = np.tanh(w1 * x)
        r = w2 * t - y
        g = np.array([2 * np.mean(r * w2 * x * (1 - t * t)), 2 * np.mean(r * t)])
        return float(np.mean(r * r)), g

    def plain_gd(self, theta0, lr: float, mask, rows):
        """Plain GD with one example per update (``rows``, in visiting order) in Python floats:
        :func:`core.descent.descend` with ``optimizers.gd`` and the arithmetic of
        :meth:`batch`, ~20x quicker than its NumPy steps (tanh from ``math``, which may differ
        from NumPy's in the last bit). Stops before the first update that leaves the floats."""
        w1, w2 = float(theta0[0]), float(theta0[1])
        m0, m1 = float(mask[0]), float(mask[1])
        xs, ys = self.x[rows].tolist(), self.y[rows].tolist()
        out_p, out_g, stop = [(w1, w2)], [], None
        tanh = math.tanh
        for k in range(len(xs)):
            x, y = xs[k], ys[k]
            try:
                t = tanh(w1 * x)
                r = w2 * t - y
                g1, g2 = m0 * (2 * (r * w2 * x * (1 - t * t))), m1 * (2 * (r * t))
            except OverflowError:
                stop = k + 1
                break
            n1, n2 = w1 + m0 * (-lr * g1), w2 + m1 * (-lr * g2)
            if not math.isfinite(n1 + n2):
                stop = k + 1
                break
            w1, w2 = n1, n2
            out_p.append((w1, w2))
            out_g.append((g1, g2))
        return np.array(out_p), np.array(out_g).reshape(-1, 2), stop

    def batch_losses(self, params, rows, owner, k):
        r = params[owner, 1] * np.tanh(params[owner, 0] * self.x[rows]) - self.y[rows]
        return np.bincount(owner, weights=r * r, minlength=k) / np.bincount(owner, None, k)

    def along_w1(self, w1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``T(w1)``, ``w2*(w1)`` and ``L*(w1)`` for every value of ``w1``: the exact quadratic
        form in w2 on each vertical line of the plane."""
        t = np.tanh(np.asarray(w1, dtype=float)[:, None] * self.x)
        T = np.mean(t * t, axis=1)
        ty = np.mean(t * self.y, axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            w2s = np.where(T > 0, ty / np.where(T > 0, T, 1.0), 0.0)
        residual = w2s[:, None] * t - self.y
        return T, w2s, np.mean(residual * residual, axis=1)

    def grid(self, values_i, values_j, *, axes=(0, 1), fixed=None) -> np.ndarray:
        vi, vj = np.asarray(values_i, float), np.asarray(values_j, float)
        if tuple(axes) == (1, 0):
            return self.grid(vj, vi).T
        T, w2s, lmin = self.along_w1(vi)
        d = vj[:, None] - w2s[None, :]
        return T[None, :] * d * d + lmin[None, :]

    @property
    def points(self) -> tuple[Point, ...]:
        return self._points

    def _find_points(self) -> tuple[Point, ...]:
        """The two mirrored minima (the best w1 on a fine scan, then Newton's method in both
        parameters) and the saddle at the origin (when the data correlate x and y)."""
        _, w2s, lmin = self.along_w1(SCAN)
        i = int(np.argmin(np.where(SCAN > 0, lmin, np.inf)))
        theta = np.array([SCAN[i], w2s[i]])
        for _ in range(40):
            h = self.hessian(theta)
            if not np.all(np.linalg.eigvalsh(h) > 0):
                break
            step = np.linalg.solve(h, self.gradient(theta))
            theta = theta - step
            if np.max(np.abs(step)) < 1e-14 * (1 + np.max(np.abs(theta))):
                break
        pts = []
        if abs(theta[0]) < SCAN[-1] and np.all(np.linalg.eigvalsh(self.hessian(theta)) > 0):
            value = float(self.loss(theta))
            pts += [
                Point((float(theta[0]), float(theta[1])), "minimum", value),
                Point((-float(theta[0]), -float(theta[1])), "minimum", value),
            ]
        if abs(float(np.mean(self.x * self.y))) > 0:
            pts.append(Point((0.0, 0.0), "saddle", float(np.mean(self.y**2))))
        return tuple(pts)
