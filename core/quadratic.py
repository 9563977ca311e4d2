"""The MSE of a model linear in its parameters, as an exact quadratic form.

For predictions ``Phi @ theta`` on labels ``y`` (n rows)::

    L(theta) = |Phi theta - y|^2 / n = L* + |R (theta - theta*)|^2,   R^T R = A = Phi^T Phi / n

where ``theta*`` minimises L and ``L* = L(theta*)``. ``R`` comes from a Householder QR of
``Phi / sqrt(n)``, which is backward stable, and ``L*`` from the residuals themselves, so a loss
is a sum of non-negative terms: no cancellation even when y is around 1e6 and the loss is tiny
(the expanded form ``theta^T A theta - 2 g^T theta + c`` loses every digit there).
A grid of G x G cells costs O(G^2 p) however many points the data has.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np


@dataclass(frozen=True, eq=False)
class QuadraticLoss:
    """Exact MSE of a linear-in-parameters model on one data set.

    Attributes
    ----------
    R : ndarray of shape (p, p)
        Upper-triangular factor with ``R.T @ R == Phi.T @ Phi / n``.
    theta_star : ndarray of shape (p,)
        A minimiser (the minimum-norm one if the problem is rank deficient).
    loss_min : float
        ``L(theta_star)``, computed from the residuals directly.
    n : int
        Number of data points.
    """

    R: np.ndarray
    theta_star: np.ndarray
    loss_min: float
    n: int

    def __post_init__(self) -> None:
        self.R.setflags(write=False)
        self.theta_star.setflags(write=False)

    @property
    def p(self) -> int:
        return self.theta_star.shape[0]

    @property
    def A(self) -> np.ndarray:
        """``Phi^T Phi / n``; the Hessian of L is ``2 A``."""
        return self.R.T @ self.R


def fit_quadratic(phi: np.ndarray, y: np.ndarray) -> QuadraticLoss:
    """Build the quadratic form of ``mean((phi @ theta - y) ** 2)``.

    Parameters
    ----------
    phi : ndarray of shape (n, p)
        Design matrix (a column of ones for the bias, then the features).
    y : ndarray of shape (n,)
        Labels.
    """
    phi = np.asarray(phi, dtype=float)
    y = np.asarray(y, dtype=float)
    n = y.shape[0]
    if n == 0:
        raise ValueError("no data points")
    # mode="r" returns R alone (the stubs type every mode as the full result)
    R = cast(np.ndarray, np.linalg.qr(phi / np.sqrt(n), mode="r"))
    if R.shape[0] < phi.shape[1]:  # fewer points than parameters: pad to square
        R = np.vstack([R, np.zeros((phi.shape[1] - R.shape[0], phi.shape[1]))])
    theta_star = np.linalg.lstsq(phi, y, rcond=None)[0]
    residual = phi @ theta_star - y
    loss_min = float(np.mean(residual**2))
    return QuadraticLoss(R=R, theta_star=theta_star, loss_min=loss_min, n=n)


def loss(q: QuadraticLoss, theta: np.ndarray) -> np.ndarray:
    """Exact MSE at ``theta`` of shape (..., p); returns shape (...)."""
    theta = np.asarray(theta, dtype=float)
    if q.p == 2 and theta.ndim == 2:  # long paths: two columns beat a (K, 2) @ (2, 2) product
        d0 = theta[:, 0] - q.theta_star[0]
        d1 = theta[:, 1] - q.theta_star[1]
        u = q.R[0, 0] * d0 + q.R[0, 1] * d1
        v = q.R[1, 1] * d1  # R is upper triangular
        return q.loss_min + (u * u + v * v)
    r = (theta - q.theta_star) @ q.R.T
    return q.loss_min + np.sum(r * r, axis=-1)


def gradient(q: QuadraticLoss, theta: np.ndarray) -> np.ndarray:
    """``grad L = 2 A (theta - theta*)``, shape (..., p)."""
    d = np.asarray(theta, dtype=float) - q.theta_star
    return 2.0 * (d @ q.R.T) @ q.R


def curvature(q: QuadraticLoss) -> tuple[float, float]:
    """Smallest and largest eigenvalue of ``A`` (half the Hessian's), from R's singular values."""
    s = np.linalg.svd(q.R, compute_uv=False)
    # below this a direction is flat to working precision (e.g. a constant feature)
    s = np.where(s <= s.max() * s.size * np.finfo(float).eps, 0.0, s)
    return float(s.min() ** 2), float(s.max() ** 2)


def stable_lr_limit(q: QuadraticLoss) -> float:
    """Largest learning rate for which full-batch GD does not diverge: ``2 / lambda_max(H)``."""
    _, lam_max = curvature(q)
    return 1.0 / lam_max if lam_max > 0 else float("inf")


def condition_number(q: QuadraticLoss) -> float:
    """``lambda_max / lambda_min`` of the Hessian (inf when the problem is singular)."""
    lam_min, lam_max = curvature(q)
    return lam_max / lam_min if lam_min > 0 else float("inf")


def loss_grid(
    q: QuadraticLoss,
    values_i: np.ndarray,
    values_j: np.ndarray,
    *,
    axes: tuple[int, int] = (0, 1),
    theta_fixed: np.ndarray | None = None,
) -> np.ndarray:
    """Exact loss on the grid spanned by parameters ``axes`` (the others held at ``theta_fixed``).

    Returns
    -------
    ndarray of shape (len(values_j), len(values_i))
        Row k, column m is the loss at ``theta_i = values_i[m], theta_j = values_j[k]``
        (the layout of Plotly's ``z`` with ``x = values_i``, ``y = values_j``).
    """
    i, j = axes
    base = q.theta_star if theta_fixed is None else np.asarray(theta_fixed, dtype=float)
    d0 = base - q.theta_star
    d0[i] = 0.0
    d0[j] = 0.0
    offset = q.R @ d0  # (p,)
    di = np.asarray(values_i, dtype=float) - q.theta_star[i]
    dj = np.asarray(values_j, dtype=float) - q.theta_star[j]
    r = (
        offset[:, None, None]
        + q.R[:, i, None, None] * di[None, None, :]
        + q.R[:, j, None, None] * dj[None, :, None]
    )  # (p, Gj, Gi)
    return q.loss_min + np.einsum("kab,kab->ab", r, r)


def constrained_minimum(q: QuadraticLoss, theta_fixed, free) -> tuple[np.ndarray, float]:
    """Minimise L over the ``free`` parameters with the others held at ``theta_fixed``.

    With ``d = theta - theta*`` split into free and fixed parts, ``|R d|^2`` is minimised by the
    least-squares solution of ``R[:, free] d_free = -R[:, fixed] d_fixed``; the loss stays a sum
    of squares, so it is exact. Returns the minimiser and its loss.
    """
    free = np.asarray(free, dtype=bool)
    theta = np.asarray(theta_fixed, dtype=float).copy()
    if free.all():
        return q.theta_star.copy(), q.loss_min
    d_fixed = theta[~free] - q.theta_star[~free]
    rhs = -q.R[:, ~free] @ d_fixed
    if free.any():
        d_free = np.linalg.lstsq(q.R[:, free], rhs, rcond=None)[0]
        theta[free] = q.theta_star[free] + d_free
    return theta, float(loss(q, theta))
