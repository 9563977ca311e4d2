"""Classic test functions of two parameters (no data): where optimizers really differ.

Each is a :class:`TestFunction` with its formula as vectorised NumPy (``x``, ``y`` the two
parameters), its gradient and Hessian written out by hand (tests check them against central
differences), its known minima and saddle points (refined here by Newton's method from the
published approximations, so that the gradient there is zero to rounding), a default window, a
start and a learning rate that show the function's character.

"Mini-batch" has no meaning without data: a run on a test function can instead add gradient
noise of a chosen size, drawn from a seed (``core.descent``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from core.surface import Point, Surface


def _xy(theta):
    """The two coordinates: Python floats for one point (a run's every update: float arithmetic
    is ~20x quicker than NumPy's on 0-d arrays), arrays for many."""
    theta = np.asarray(theta, dtype=float)
    if theta.ndim == 1:
        return float(theta[0]), float(theta[1])
    return theta[..., 0], theta[..., 1]


def _evaluate(formula, theta):
    """``formula`` at ``theta``; a point so far out that Python's float arithmetic overflows
    (a run blowing up) is evaluated in NumPy instead, which gives inf as the loop expects."""
    try:
        return formula(*_xy(theta))
    except OverflowError:
        with np.errstate(over="ignore", invalid="ignore"):
            return formula(*_xy(np.asarray(theta, dtype=float)[None]))[0]


def _stack(*parts):
    if len(parts) == 2 and parts[0].__class__ is float and parts[1].__class__ is float:
        return parts  # one point: a pair of floats (``gradient`` makes it an array)
    return np.stack(np.broadcast_arrays(*parts), axis=-1)


def _hess(fxx, fxy, fyy):
    if all(isinstance(v, float) for v in (fxx, fxy, fyy)):
        return np.array([[fxx, fxy], [fxy, fyy]])
    fxx, fxy, fyy = np.broadcast_arrays(fxx, fxy, fyy)
    return np.stack([np.stack([fxx, fxy], -1), np.stack([fxy, fyy], -1)], -2)


# ---- the formulas: f, grad f, Hessian, each of (x, y) arrays
def _rosenbrock(x, y, a=1.0, b=100.0):
    return (a - x) ** 2 + b * (y - x * x) ** 2


def _rosenbrock_grad(x, y, a=1.0, b=100.0):
    return _stack(-2 * (a - x) - 4 * b * x * (y - x * x), 2 * b * (y - x * x))


def _rosenbrock_hess(x, y, a=1.0, b=100.0):
    return _hess(2 - 4 * b * y + 12 * b * x * x, -4 * b * x, 2 * b + 0 * x)


def _himmelblau(x, y):
    return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2


def _himmelblau_grad(x, y):
    u, v = x * x + y - 11, x + y * y - 7
    return _stack(4 * x * u + 2 * v, 2 * u + 4 * y * v)


def _himmelblau_hess(x, y):
    u, v = x * x + y - 11, x + y * y - 7
    return _hess(4 * u + 8 * x * x + 2, 4 * x + 4 * y, 2 + 4 * v + 8 * y * y)


_BEALE_C = (1.5, 2.25, 2.625)


def _beale(x, y):
    return sum((c - x + x * y ** (k + 1)) ** 2 for k, c in enumerate(_BEALE_C))


def _beale_grad(x, y):
    gx = gy = 0.0
    for k, c in enumerate(_BEALE_C):
        n = k + 1
        r = c - x + x * y**n
        gx = gx + 2 * r * (y**n - 1)
        gy = gy + 2 * r * n * x * y ** (n - 1)
    return _stack(gx, gy)


def _beale_hess(x, y):
    fxx = fxy = fyy = 0.0
    for k, c in enumerate(_BEALE_C):
        n = k + 1
        r = c - x + x * y**n
        ry = n * x * y ** (n - 1)
        fxx = fxx + 2 * (y**n - 1) ** 2
        fxy = fxy + 2 * ry * (y**n - 1) + 2 * r * n * y ** (n - 1)
        fyy = fyy + 2 * ry**2 + 2 * r * n * (n - 1) * x * y ** max(n - 2, 0)
    return _hess(fxx + 0 * x, fxy + 0 * x, fyy + 0 * x)


def _camel(x, y):
    return (4 - 2.1 * x**2 + x**4 / 3) * x**2 + x * y + (-4 + 4 * y**2) * y**2


def _camel_grad(x, y):
    return _stack(8 * x - 8.4 * x**3 + 2 * x**5 + y, x - 8 * y + 16 * y**3)


def _camel_hess(x, y):
    return _hess(8 - 25.2 * x**2 + 10 * x**4, 1 + 0 * x, -8 + 48 * y**2)


def _saddle(x, y):
    return x**4 / 4 - x**2 / 2 + y**2 / 2


def _saddle_grad(x, y):
    return _stack(x**3 - x, y)


def _saddle_hess(x, y):
    return _hess(3 * x**2 - 1, 0 * x, 1 + 0 * x)


@dataclass(frozen=True, eq=False)
class TestFunction(Surface):
    """A closed-form loss of two parameters ``(x, y)``."""

    key: str
    f: Callable
    grad_f: Callable
    hess_f: Callable
    window: tuple[tuple[float, float], tuple[float, float]]
    start: tuple[float, float]
    lr: float
    updates: int
    approx_points: tuple[tuple[tuple[float, float], str], ...]
    names: tuple[str, ...] = ("x", "y")
    _points: tuple[Point, ...] = field(default=(), repr=False)

    __test__ = False  # not a pytest test class, whatever its name

    def __post_init__(self) -> None:
        object.__setattr__(self, "_points", tuple(self._refine(*pt) for pt in self.approx_points))

    def loss(self, theta) -> np.ndarray:
        return _evaluate(self.f, theta)

    def gradient(self, theta) -> np.ndarray:
        return np.asarray(_evaluate(self.grad_f, theta), dtype=float)

    def plain_gd(self, theta0, lr: float, mask, updates: int, noise=None):
        """Plain GD in Python floats: :func:`core.descent.descend` with ``optimizers.gd`` and
        the same arithmetic in the same order (bit for bit), ~5x quicker than its NumPy steps
        on two parameters. ``noise`` (updates, 2) is added to each gradient. Stops before the
        first update that leaves the floats (returns it as the third value, 1-based)."""
        x, y = float(theta0[0]), float(theta0[1])
        m0, m1 = float(mask[0]), float(mask[1])
        xi = noise.tolist() if noise is not None else None
        grad, out_p, out_g = self.grad_f, [(x, y)], []
        stop = None
        for k in range(updates):
            try:
                gx, gy = grad(x, y)
            except OverflowError:
                stop = k + 1
                break
            if xi is not None:
                gx, gy = gx + xi[k][0], gy + xi[k][1]
            gx, gy = m0 * gx, m1 * gy
            nx, ny = x + m0 * (-lr * gx), y + m1 * (-lr * gy)
            if not math.isfinite(nx + ny):
                stop = k + 1
                break
            x, y = nx, ny
            out_p.append((x, y))
            out_g.append((gx, gy))
        return np.array(out_p), np.array(out_g).reshape(-1, 2), stop

    def hessian(self, theta) -> np.ndarray:
        return _evaluate(self.hess_f, theta)

    @property
    def points(self) -> tuple[Point, ...]:
        return self._points

    def _refine(self, theta, kind: str) -> Point:
        """Newton's method on the gradient from a published approximation."""
        t = np.array(theta, dtype=float)
        for _ in range(50):
            step = np.linalg.solve(self.hessian(t), self.gradient(t))
            t = t - step
            if np.max(np.abs(step)) < 1e-15 * (1 + np.max(np.abs(t))):
                break
        return Point((float(t[0]), float(t[1])), kind, float(self.loss(t)))


def _make(key, f, g, h, window, start, lr, updates, points) -> TestFunction:
    return TestFunction(key, f, g, h, window, start, lr, updates, points)


MIN, SADDLE = "minimum", "saddle"
FUNCTIONS: dict[str, TestFunction] = {
    tf.key: tf
    for tf in (
        # the long curved ravine: f = (1 - x)^2 + 100 (y - x^2)^2, minimum (1, 1)
        _make(
            "rosenbrock",
            _rosenbrock,
            _rosenbrock_grad,
            _rosenbrock_hess,
            ((-2.0, 2.0), (-1.0, 3.0)),
            (-1.5, 2.5),
            0.001,
            3000,
            (((1.0, 1.0), MIN),),
        ),
        # four minima of the same height, four saddle points between them
        _make(
            "himmelblau",
            _himmelblau,
            _himmelblau_grad,
            _himmelblau_hess,
            ((-5.0, 5.0), (-5.0, 5.0)),
            (0.0, -0.5),
            0.01,
            300,
            (
                ((3.0, 2.0), MIN),
                ((-2.805118, 3.131312), MIN),
                ((-3.779310, -3.283186), MIN),
                ((3.584428, -1.848126), MIN),
                ((3.385154, 0.073852), SADDLE),
                ((-3.073026, -0.081353), SADDLE),
                ((0.086677, 2.884254), SADDLE),
                ((-0.127961, -1.953715), SADDLE),
            ),
        ),
        # flat plateaus and sharp walls; minimum (3, 0.5), a saddle at (0, 1)
        _make(
            "beale",
            _beale,
            _beale_grad,
            _beale_hess,
            ((-4.5, 4.5), (-4.5, 4.5)),
            (-1.0, 1.5),
            0.001,
            5000,
            (((3.0, 0.5), MIN), ((0.0, 1.0), SADDLE)),
        ),
        # six local minima, two of them global
        _make(
            "camel",
            _camel,
            _camel_grad,
            _camel_hess,
            ((-2.0, 2.0), (-1.2, 1.2)),
            (-1.5, -0.9),
            0.01,
            500,
            (
                ((0.0898, -0.7126), MIN),
                ((-0.0898, 0.7126), MIN),
                ((-1.7036, 0.7961), MIN),
                ((1.7036, -0.7961), MIN),
                ((-1.6071, -0.5687), MIN),
                ((1.6071, 0.5687), MIN),
            ),
        ),
        # a saddle at the origin between two minima: f = x^4/4 - x^2/2 + y^2/2
        _make(
            "saddle",
            _saddle,
            _saddle_grad,
            _saddle_hess,
            ((-2.0, 2.0), (-2.0, 2.0)),
            (0.001, 1.8),
            0.1,
            200,
            (((1.0, 0.0), MIN), ((-1.0, 0.0), MIN), ((0.0, 0.0), SADDLE)),
        ),
    )
}
KEYS = tuple(FUNCTIONS)
