"""The straight-line model y = b + w x and its design matrix."""

from __future__ import annotations

import numpy as np


def line_design(x: np.ndarray) -> np.ndarray:
    """Design matrix of ``y = b + w x``: columns ``[1, x]``, shape (n, 2); theta = (b, w)."""
    x = np.asarray(x, dtype=float)
    return np.column_stack([np.ones_like(x), x])


def predict(theta: np.ndarray, x: np.ndarray) -> np.ndarray:
    """``b + w x`` for ``theta = (b, w)``."""
    return theta[0] + theta[1] * np.asarray(x, dtype=float)
