"""Independent references: plain loops over the raw data, written the way a tutorial writes them."""

from __future__ import annotations

from fractions import Fraction


def mse_loop(b: float, w: float, x, y) -> float:
    total = 0.0
    for xi, yi in zip(x, y, strict=True):
        total += (b + w * xi - yi) ** 2
    return total / len(x)


def mse_exact(b: float, w: float, x, y) -> Fraction:
    """The MSE in exact rational arithmetic of the given floats: no rounding at all."""
    b, w = Fraction(b), Fraction(w)
    total = sum((b + w * Fraction(xi) - Fraction(yi)) ** 2 for xi, yi in zip(x, y, strict=True))
    return total / len(x)


def minibatch_loop(x, y, b: float, w: float, lr: float, order_rows, batch_size: int):
    """Per-update mini-batch GD over raw data, visiting ``order_rows`` (one row per epoch).

    Returns the list of (b, w) after every update, starting with the initial one.
    """
    path = [(b, w)]
    for row in order_rows:
        for start in range(0, len(row), batch_size):
            batch = row[start : start + batch_size]
            gb = gw = 0.0
            for i in batch:
                error = b + w * x[i] - y[i]
                gb += 2 * error
                gw += 2 * error * x[i]
            b, w = b - lr * gb / len(batch), w - lr * gw / len(batch)
            path.append((b, w))
    return path
