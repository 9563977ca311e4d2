"""Feature standardisation, fitted on the training split only (population std, like sklearn)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Scaler:
    """``z = (x - mean) / std``; the identity when ``mean = 0, std = 1``."""

    mean: float = 0.0
    std: float = 1.0

    @property
    def is_identity(self) -> bool:
        return self.mean == 0.0 and self.std == 1.0


IDENTITY = Scaler()


def fit_standardizer(x_train: np.ndarray) -> Scaler:
    """Fit ``StandardScaler``-style on the training x (``ddof=0``).

    Raises
    ------
    ValueError
        When x is constant: it cannot be standardised (and no slope can be fitted).
    """
    x_train = np.asarray(x_train, dtype=float)
    std = float(np.std(x_train))
    if not std > 0.0:
        raise ValueError("x is constant, so it cannot be standardised")
    return Scaler(mean=float(np.mean(x_train)), std=std)


def transform(scaler: Scaler, x: np.ndarray) -> np.ndarray:
    return (np.asarray(x, dtype=float) - scaler.mean) / scaler.std


def to_original(scaler: Scaler, theta: np.ndarray) -> np.ndarray:
    """Map ``(b', w')`` of ``b' + w' z`` to ``(b, w)`` of the same line ``b + w x``.

    ``w = w' / std`` and ``b = b' - w' mean / std``. Works on shape (..., 2).
    """
    theta = np.asarray(theta, dtype=float)
    w = theta[..., 1] / scaler.std
    b = theta[..., 0] - w * scaler.mean
    return np.stack([b, w], axis=-1)


def to_scaled(scaler: Scaler, theta: np.ndarray) -> np.ndarray:
    """Inverse of :func:`to_original`: ``b' = b + w mean``, ``w' = w std``."""
    theta = np.asarray(theta, dtype=float)
    return np.stack(
        [theta[..., 0] + theta[..., 1] * scaler.mean, theta[..., 1] * scaler.std], axis=-1
    )
