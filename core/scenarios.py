"""Models with any number of parameters, as the tutorials write them: several features plus a
bias (seed 001, d2l 3.2) and polynomial features (seed 003). Each comes with its own recipe.

Every model is linear in its parameters, so the same quadratic-form core applies unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class Recipe:
    """A data set with its design matrix and the training settings its tutorial uses.

    ``lr`` is in this app's convention (the step is ``lr * 2 * mean(residual * feature)``, the
    gradient of the MSE); ``tutorial_lr`` is the number the tutorial writes.
    """

    key: str
    phi: np.ndarray  # (n, p) design matrix
    y: np.ndarray  # (n,)
    names: tuple[str, ...]  # parameter names, in column order
    theta_true: np.ndarray  # (p,) the parameters the data was made from
    theta0: np.ndarray  # (p,) the tutorial's start
    lr: float
    tutorial_lr: float
    batch_size: int
    epochs: int
    shuffle: bool
    stop_below: float | None = None

    def __post_init__(self) -> None:
        for a in (self.phi, self.y, self.theta_true, self.theta0):
            a.setflags(write=False)


def d2l_linear(*, seed: int = 20, n: int = 1000) -> Recipe:
    """Seed 001 / d2l 3.2: ``y = X @ [2, -3.4] + 4.2 + N(0, 0.01^2)``, X ~ N(0, 1) of shape
    (n, 2); start ``w ~ N(0, 0.01^2)``, ``b = 0``; batches of 10, shuffled every epoch.

    Notes
    -----
    The tutorial's loss is ``(y_hat - y)^2 / 2`` summed over the batch and its step divides by
    the batch size: ``param -= lr * grad / batch_size``. That is ``lr / 2`` times the gradient of
    the MSE, so its ``lr = 0.0003`` is ``0.00015`` here. Its data come from torch's generator;
    these come from NumPy's with the same recipe.
    """
    rng = np.random.default_rng(seed)
    X = rng.normal(0.0, 1.0, (n, 2))
    y = X @ np.array([2.0, -3.4]) + 4.2 + rng.normal(0.0, 0.01, n)
    w0 = rng.normal(0.0, 0.01, 2)
    return Recipe(
        "d2l",
        np.column_stack([np.ones(n), X]),
        y,
        ("b", "w1", "w2"),
        np.array([4.2, 2.0, -3.4]),
        np.array([0.0, *w0]),
        lr=0.00015,
        tutorial_lr=0.0003,
        batch_size=10,
        epochs=300,
        shuffle=True,
    )


def polynomial_003() -> Recipe:
    """Seed 003: ``X = [0.01 * x for x in range(100)]``, ``Y = 4x^2 + 5x + 6``, the model
    ``w1 x^2 + w2 x + w3`` from ``(1, 0, 1)``, lr 0.001, batch size 1 in order, up to 1000
    epochs, stopping once an epoch's mean loss is below 1e-5.

    Its gradient ``2 (y_pred - y_true) * feature`` is this app's, so the lr is the same.
    """
    x = np.array([0.01 * i for i in range(100)])
    y = np.array([4 * v**2 + 5 * v + 6 for v in x])
    return Recipe(
        "poly",
        np.column_stack([x**2, x, np.ones_like(x)]),
        y,
        ("w1", "w2", "w3"),
        np.array([4.0, 5.0, 6.0]),
        np.array([1.0, 0.0, 1.0]),
        lr=0.001,
        tutorial_lr=0.001,
        batch_size=1,
        epochs=1000,
        shuffle=False,
        stop_below=1e-5,
    )


RECIPES = {"d2l": d2l_linear, "poly": polynomial_003}
# what multiplies each parameter in the model, in column order (the maths panel writes the
# gradient with them: d MSE / d theta_j = 2 mean(feature_j * (y_hat - y)))
FEATURES = {"d2l": ("1", "x1", "x2"), "poly": ("x²", "x", "1")}
