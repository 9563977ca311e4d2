"""Datasets as small frozen records, and the recipes that make them.

Every generator takes an explicit ``seed``; none touches NumPy's global random state.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class Dataset:
    """A one-feature regression data set with its train/validation split.

    Attributes
    ----------
    name : str
        Short identifier (``"book"``, ``"line5x"``, ``"synthetic"``...).
    x, y : ndarray of shape (n,)
        All points, in generation order.
    train_idx, val_idx : ndarray of int, shape (n_train,), (n_val,)
        Disjoint index sets into ``x``/``y``; the training order is ``train_idx``'s order.
    true_b, true_w : float or None
        Parameters of the noise-free line the data was drawn from, when known.
    noise : float
        Standard deviation of the label noise used to make the data.
    """

    name: str
    x: np.ndarray
    y: np.ndarray
    train_idx: np.ndarray
    val_idx: np.ndarray
    true_b: float | None = None
    true_w: float | None = None
    noise: float = 0.0

    def __post_init__(self) -> None:
        for array in (self.x, self.y, self.train_idx, self.val_idx):
            array.setflags(write=False)

    @property
    def x_train(self) -> np.ndarray:
        return self.x[self.train_idx]

    @property
    def y_train(self) -> np.ndarray:
        return self.y[self.train_idx]

    @property
    def x_val(self) -> np.ndarray:
        return self.x[self.val_idx]

    @property
    def y_val(self) -> np.ndarray:
        return self.y[self.val_idx]


def _split(n: int, val_fraction: float, rng) -> tuple[np.ndarray, np.ndarray]:
    """Shuffle ``arange(n)`` in place with ``rng.shuffle`` and cut it, as the book does.

    The validation part is ``round(n * val_fraction)`` points; at least one point always trains.
    """
    idx = np.arange(n)
    rng.shuffle(idx)
    n_val = min(int(round(n * val_fraction)), n - 1)
    n_train = n - n_val
    return idx[:n_train].copy(), idx[n_train:].copy()


BOOK_TRUE_B = 1.0
BOOK_TRUE_W = 2.0
BOOK_N = 100
BOOK_SEED = 42


def book_chapter0(*, feature_factor: float = 1.0) -> Dataset:
    """The data of "Deep Learning with PyTorch Step-by-Step", chapter 0, to the last bit.

    Notes
    -----
    The book runs ``np.random.seed(42)``, then ``x = np.random.rand(N, 1)``,
    ``epsilon = .1 * np.random.randn(N, 1)``, ``y = true_b + true_w * x + epsilon`` and shuffles
    ``idx = np.arange(N)`` with ``np.random.shuffle``: the first 80 indices train. A
    ``RandomState(42)`` produces the very same stream without touching global state.
    ``feature_factor`` multiplies x after generation (the book's "bad feature" is ``x * 10``).
    """
    rs = np.random.RandomState(BOOK_SEED)
    x = rs.rand(BOOK_N, 1)
    epsilon = 0.1 * rs.randn(BOOK_N, 1)
    y = BOOK_TRUE_B + BOOK_TRUE_W * x + epsilon
    idx = np.arange(BOOK_N)
    rs.shuffle(idx)
    n_train = int(BOOK_N * 0.8)
    name = "book" if feature_factor == 1.0 else "book_x10"
    return Dataset(
        name=name,
        x=x.ravel() * feature_factor,
        y=y.ravel(),
        train_idx=idx[:n_train],
        val_idx=idx[n_train:],
        true_b=BOOK_TRUE_B,
        true_w=BOOK_TRUE_W / feature_factor,
        noise=0.1,
    )


def book_initial_params(seed: int = BOOK_SEED) -> tuple[float, float]:
    """Initial ``(b, w)`` drawn as the book draws them: ``np.random.seed(seed)``, then
    ``b = np.random.randn(1)`` and ``w = np.random.randn(1)``."""
    rs = np.random.RandomState(seed)
    b = rs.randn(1)
    w = rs.randn(1)
    return float(b[0]), float(w[0])


def line_5x(*, seed: int = 42, n: int = 500, val_fraction: float = 0.2) -> Dataset:
    """Noise-free ``y = 5x`` on ``n`` points, after the mini-batch tutorial (seed 002).

    The tutorial does not print how it drew x; here x is uniform on [0, 1) from ``seed``.
    """
    rng = np.random.default_rng(seed)
    x = rng.random(n)
    train_idx, val_idx = _split(n, val_fraction, rng)
    return Dataset("line5x", x, 5.0 * x, train_idx, val_idx, true_b=0.0, true_w=5.0, noise=0.0)


def synthetic(
    *,
    true_w: float,
    true_b: float,
    n: int,
    noise: float,
    x_low: float,
    x_high: float,
    seed: int,
    val_fraction: float = 0.2,
) -> Dataset:
    """``y = true_b + true_w * x + noise * N(0, 1)`` with ``x ~ U(x_low, x_high)``.

    A range such as ``[0, 1000]`` makes a badly scaled feature on purpose.
    """
    if n < 2:
        raise ValueError("a data set needs at least 2 points")
    if not x_high > x_low:
        raise ValueError("the x range is empty")
    rng = np.random.default_rng(seed)
    x = rng.uniform(x_low, x_high, n)
    y = true_b + true_w * x + noise * rng.standard_normal(n)
    train_idx, val_idx = _split(n, val_fraction, rng)
    return Dataset("synthetic", x, y, train_idx, val_idx, true_b=true_b, true_w=true_w, noise=noise)


def tanh_data(*, seed: int = 42, n: int = 200, val_fraction: float = 0.2) -> Dataset:
    """``y = 2 tanh(1.5 x) + N(0, 0.1^2)`` with ``x ~ U(-2, 2)``: data the tanh neuron
    ``w2 tanh(w1 x)`` can fit, so that its two mirrored minima lie near ``(1.5, 2)`` and
    ``(-1.5, -2)`` with the saddle at the origin between them."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2.0, 2.0, n)
    y = 2.0 * np.tanh(1.5 * x) + 0.1 * rng.standard_normal(n)
    train_idx, val_idx = _split(n, val_fraction, rng)
    return Dataset("tanh", x, y, train_idx, val_idx, noise=0.1)


def _all_train(name: str, x, y, *, true_b: float, true_w: float, noise: float = 0.0) -> Dataset:
    x = np.asarray(x, dtype=float)
    return Dataset(
        name,
        x,
        np.asarray(y, dtype=float),
        np.arange(x.size),
        np.arange(0),
        true_b=true_b,
        true_w=true_w,
        noise=noise,
    )


def course_notes() -> Dataset:
    """Seed 000: ``x = [1, 2, 3]``, ``y = [2, 4, 6]`` (y = 2x), every point trains."""
    return _all_train("course", [1.0, 2.0, 3.0], [2.0, 4.0, 6.0], true_b=0.0, true_w=2.0)


def d2l_tiny(*, noisy: bool) -> Dataset:
    """Seed 001's tiny example: ``x = [0, 1, 2, 3]`` with ``y = x``, or with the last label
    ``3.1`` (one noisy label), every point trains."""
    y = [0.0, 1.0, 2.0, 3.1 if noisy else 3.0]
    return _all_train(
        "tiny_noisy" if noisy else "tiny_clean",
        [0.0, 1.0, 2.0, 3.0],
        y,
        true_b=0.0,
        true_w=1.0,
        noise=0.1 if noisy else 0.0,
    )


def from_columns(
    x, y, *, name: str = "upload", val_fraction: float = 0.2, seed: int = 42
) -> Dataset:
    """A data set from two columns of the user's own, split like the others."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.shape != y.shape or x.ndim != 1 or x.size < 2:
        raise ValueError("x and y need the same number of values, at least 2")
    train_idx, val_idx = _split(x.size, val_fraction, np.random.default_rng(seed))
    return Dataset(name, x, y, train_idx, val_idx)
