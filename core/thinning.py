"""Choose which points of a long path to draw."""

from __future__ import annotations

import numpy as np


def display_indices(
    n_points: int, keep: np.ndarray | None = None, *, max_points: int = 3000, head: int = 200
) -> np.ndarray:
    """Sorted indices into a path of ``n_points`` to draw, at most about ``max_points`` of them.

    Always kept: the first ``head`` points (where the path moves most), the last point and every
    index in ``keep`` (epoch boundaries); the rest is filled by an even stride. When ``keep``
    alone exceeds ``max_points`` it is still kept whole.
    """
    if n_points <= max_points:
        return np.arange(n_points)
    parts = [np.arange(min(head, n_points)), np.array([n_points - 1])]
    if keep is not None:
        parts.append(np.asarray(keep, dtype=np.int64))
    budget = max(max_points - sum(p.size for p in parts), 2)
    parts.append(np.linspace(0, n_points - 1, budget).round().astype(np.int64))
    return np.unique(np.concatenate(parts))
