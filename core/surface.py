"""A loss over parameters: the one interface every run and every view of the lab works with.

A :class:`Surface` gives the loss, its gradient and its Hessian at any parameters ``theta``
(shape ``(..., p)``), the loss on a grid over two of them, its known minima and saddle points,
and, when it is a mean over training examples, the loss and gradient of a mini-batch. Three
kinds implement it:

- :class:`QuadraticSurface`: the MSE of a model linear in its parameters (the straight line, the
  tutorials' models), an exact quadratic form (:mod:`core.quadratic`): a grid costs O(grid)
  whatever the number of examples, and full-batch descent has one global stable step;
- test functions without data (:mod:`core.functions`): Rosenbrock, Himmelblau, Beale, ...;
- data models that are not linear in their parameters (:mod:`core.neuron`): one tanh neuron.

Where no global stable step exists, the local one is ``2 / lambda_max(H(theta))``
(:func:`local_stable_lr`): it changes along the path.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass

import numpy as np

from core import quadratic


@dataclass(frozen=True)
class Point:
    """A known stationary point: ``kind`` is ``"minimum"`` or ``"saddle"``."""

    theta: tuple[float, ...]
    kind: str
    loss: float


@dataclass(frozen=True)
class Window:
    """The plotted rectangle over the two drawn parameters ``(lo, hi)`` each."""

    b: tuple[float, float]
    w: tuple[float, float]

    def contains(self, params: np.ndarray) -> np.ndarray:
        return (
            (params[..., 0] >= self.b[0])
            & (params[..., 0] <= self.b[1])
            & (params[..., 1] >= self.w[0])
            & (params[..., 1] <= self.w[1])
        )


class Surface(abc.ABC):
    """What an optimizer minimises. Subclasses are frozen dataclasses."""

    names: tuple[str, ...]  # parameter names, in the order of theta's last axis
    n_train: int = 0  # training examples the loss averages over (0: a formula, no data)

    @abc.abstractmethod
    def loss(self, theta) -> np.ndarray:
        """The (training) loss at ``theta`` of shape (..., p): shape (...)."""

    @abc.abstractmethod
    def gradient(self, theta) -> np.ndarray:
        """Its gradient, shape (..., p)."""

    @abc.abstractmethod
    def hessian(self, theta) -> np.ndarray:
        """Its Hessian, shape (..., p, p)."""

    @property
    def points(self) -> tuple[Point, ...]:
        """Known minima and saddle points (possibly none)."""
        return ()

    @property
    def floor(self) -> float:
        """The lowest loss of the known minima (NaN when none is known)."""
        values = [pt.loss for pt in self.points if pt.kind == "minimum"]
        return min(values) if values else float("nan")

    @property
    def p(self) -> int:
        return len(self.names)

    def batch(self, theta: np.ndarray, rows: np.ndarray) -> tuple[float, np.ndarray]:
        """Loss and gradient of the mini-batch of training rows ``rows`` at ``theta`` (p,)."""
        raise TypeError(f"{type(self).__name__} has no training examples")

    def batch_losses(self, params: np.ndarray, rows: np.ndarray, owner: np.ndarray, k: int):
        """Each of ``k`` mini-batches' loss at its own parameters, vectorised: example ``rows[i]``
        belongs to batch ``owner[i]`` (sorted), whose parameters are ``params[owner[i]]``."""
        raise TypeError(f"{type(self).__name__} has no training examples")

    def grid(self, values_i, values_j, *, axes=(0, 1), fixed=None) -> np.ndarray:
        """Loss over parameters ``axes`` on the grid ``values_i x values_j`` (the others held at
        ``fixed``): shape (len(values_j), len(values_i)), the layout of Plotly's ``z``."""
        i, j = axes
        vi, vj = np.asarray(values_i, float), np.asarray(values_j, float)
        base = np.zeros(self.p) if fixed is None else np.asarray(fixed, dtype=float)
        theta = np.broadcast_to(base, (vj.size, vi.size, self.p)).copy()
        theta[..., i] = vi[None, :]
        theta[..., j] = vj[:, None]
        return self.loss(theta)


def curvature(surface: Surface, theta) -> tuple[float, float]:
    """Smallest and largest eigenvalue of the Hessian at ``theta``."""
    eig = np.linalg.eigvalsh(surface.hessian(np.asarray(theta, dtype=float)))
    return float(eig[0]), float(eig[-1])


def local_stable_lr(surface: Surface, theta) -> float:
    """``2 / lambda_max(H(theta))``: the largest step that does not overshoot along the most
    curved direction here (inf where the surface curves nowhere upwards)."""
    _, lam_max = curvature(surface, theta)
    return 2.0 / lam_max if lam_max > 0 else float("inf")


@dataclass(frozen=True, eq=False)
class QuadraticSurface(Surface):
    """The MSE of predictions ``phi @ theta`` on labels ``y``: an exact quadratic form.

    Attributes
    ----------
    phi : ndarray of shape (n, p)
        Design matrix (rows are training examples).
    y : ndarray of shape (n,)
    q : QuadraticLoss
        ``L(theta) = L* + |R (theta - theta*)|^2`` of ``phi`` and ``y``.
    names : tuple of str
    """

    phi: np.ndarray
    y: np.ndarray
    q: quadratic.QuadraticLoss
    names: tuple[str, ...] = ("b", "w")

    @classmethod
    def fit(cls, phi, y, names=("b", "w")) -> QuadraticSurface:
        phi, y = np.asarray(phi, dtype=float), np.asarray(y, dtype=float)
        return cls(phi=phi, y=y, q=quadratic.fit_quadratic(phi, y), names=tuple(names))

    @property
    def n_train(self) -> int:  # type: ignore[override]
        return self.y.shape[0]

    def loss(self, theta) -> np.ndarray:
        return quadratic.loss(self.q, theta)

    def gradient(self, theta) -> np.ndarray:
        return quadratic.gradient(self.q, theta)

    def hessian(self, theta) -> np.ndarray:
        theta = np.asarray(theta, dtype=float)
        return np.broadcast_to(2.0 * self.q.A, (*theta.shape[:-1], self.p, self.p)).copy()

    @property
    def points(self) -> tuple[Point, ...]:
        star = tuple(float(v) for v in self.q.theta_star)
        return (Point(star, "minimum", self.q.loss_min),)

    @property
    def floor(self) -> float:
        return self.q.loss_min

    def batch(self, theta, rows):
        phi = self.phi[rows]
        residual = phi @ theta - self.y[rows]
        return float(np.mean(residual**2)), 2.0 * (residual @ phi) / len(rows)

    def batch_losses(self, params, rows, owner, k):
        residual = np.einsum("ij,ij->i", self.phi[rows], params[owner]) - self.y[rows]
        return np.bincount(owner, weights=residual**2, minlength=k) / np.bincount(owner, None, k)

    def grid(self, values_i, values_j, *, axes=(0, 1), fixed=None) -> np.ndarray:
        return quadratic.loss_grid(self.q, values_i, values_j, axes=axes, theta_fixed=fixed)

    @property
    def stable_lr(self) -> float:
        """The global stable step of full-batch gradient descent, ``2 / lambda_max(H)``."""
        return quadratic.stable_lr_limit(self.q)

    @property
    def condition(self) -> float:
        return quadratic.condition_number(self.q)
