"""Looking at a loss over P parameters through low-dimensional slices (Li et al. 2018,
"Visualizing the Loss Landscape of Neural Nets"; Goodfellow et al. 2015).

- :func:`filter_normalised`: a random direction rescaled filter by filter. A filter here is one
  unit's incoming weight vector (a row of a layer's ``W``): the direction's row is scaled to the
  norm of the same row of the weights, so a step of 1 along it changes every unit by as much
  as the unit's own size. Bias entries of the direction are set to zero, as the paper's code
  does by default (``ignore='biasbn'``): the plane moves the weights only.
- :func:`plane`: the loss over ``theta* + a d1 + b d2`` on a grid (the plane through the final
  weights; the centre cell is the training loss there).
- :func:`path_pca`: the plane of the first two principal components of the training path
  around the final weights, the path projected on it and the share of the path's variance those
  two components explain (a projection can make a path look simpler than it was).
- :func:`line`: the loss along the straight line from the start to the end.

A slice shows the loss on a plane (or a line) of P dimensions and nothing off it: a minimum
on the slice need not be one in P dimensions, and two random planes through the same point can
look different.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.network import Layout, NetworkSurface


def filter_normalised(lay: Layout, theta: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One Gaussian direction (P,), each unit's incoming weights scaled to the norm of the same
    unit's weights in ``theta``, every bias entry zero."""
    d = rng.standard_normal(lay.p)
    out = np.zeros(lay.p)
    for (ws, _), (o, i) in zip(lay.slices, lay.shapes, strict=True):
        rows = d[ws].reshape(o, i)
        target = np.linalg.norm(theta[ws].reshape(o, i), axis=1, keepdims=True)
        norm = np.linalg.norm(rows, axis=1, keepdims=True)
        out[ws] = (rows / np.where(norm > 0, norm, 1.0) * target).ravel()
    return out


def directions(lay: Layout, theta: np.ndarray, *, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Two filter-normalised directions drawn from ``seed`` (not orthogonalised, as in the paper:
    random directions in many dimensions are nearly orthogonal already)."""
    rng = np.random.default_rng(seed)
    return filter_normalised(lay, theta, rng), filter_normalised(lay, theta, rng)


class Plane(NamedTuple):
    a: np.ndarray  # (G,) coordinates along the first direction
    b: np.ndarray  # (G,) ...along the second
    loss: np.ndarray  # (G, G): loss[j, i] at a[i], b[j] (Plotly's z layout)


def plane(
    surface: NetworkSurface, centre, d1, d2, *, extent: float = 1.0, points: int = 51
) -> Plane:
    """The loss on the ``points x points`` grid ``centre + a d1 + b d2``, ``a, b`` in
    ``[-extent, extent]`` (an odd ``points`` puts the centre on the grid)."""
    a = np.linspace(-extent, extent, points)
    b = np.linspace(-extent, extent, points)
    theta = (
        np.asarray(centre, float)[None, None, :]
        + a[None, :, None] * np.asarray(d1, float)
        + b[:, None, None] * np.asarray(d2, float)
    )
    return Plane(a, b, surface.loss(theta))


class PathPCA(NamedTuple):
    components: np.ndarray  # (2, P) unit vectors: the first two principal directions
    coords: np.ndarray  # (m, 2) each path point minus the end, projected on them
    explained: np.ndarray  # (2,) share of the path's variance along each
    centre: np.ndarray  # (P,) the end of the path: the plane passes through it


def path_pca(path: np.ndarray) -> PathPCA:
    """Principal components of the points of ``path`` (m, P) around their mean, taken relative
    to the last point (Li et al.: ``theta_i - theta_n``, PCA of those, the path projected on the
    plane through ``theta_n``).

    ``explained`` is ``s_k^2 / sum(s^2)`` of the singular values of the centred points: the
    share of their total variance the two directions hold; the rest lies off the plane.
    """
    path = np.asarray(path, dtype=float)
    end = path[-1]
    rel = path - end
    centred = rel - rel.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    total = float(np.sum(s * s))
    comps = np.zeros((2, path.shape[1]))
    k = min(2, vt.shape[0])
    comps[:k] = vt[:k]
    explained = np.zeros(2)
    if total > 0:
        explained[:k] = s[:k] ** 2 / total
    for c in range(2):  # a sign that reads the same every time: the start at positive coords
        if rel[0] @ comps[c] < 0:
            comps[c] = -comps[c]
    return PathPCA(comps, rel @ comps.T, explained, end)


def pca_window(coords: np.ndarray, *, pad: float = 0.25) -> tuple[tuple, tuple]:
    """A window around the projected path (each axis its own width, padded), holding the end."""
    lo = np.minimum(coords.min(axis=0), 0.0)
    hi = np.maximum(coords.max(axis=0), 0.0)
    width = np.maximum(hi - lo, 1e-3 * (1.0 + np.abs(hi).max()))
    lo, hi = lo - pad * width, hi + pad * width
    return (float(lo[0]), float(hi[0])), (float(lo[1]), float(hi[1]))


def pca_plane(surface: NetworkSurface, pca: PathPCA, window, *, points: int = 51) -> Plane:
    """The loss on the PCA plane over ``window`` ((a0, a1), (b0, b1)) through the end point."""
    (a0, a1), (b0, b1) = window
    a, b = np.linspace(a0, a1, points), np.linspace(b0, b1, points)
    theta = (
        pca.centre[None, None, :]
        + a[None, :, None] * pca.components[0]
        + b[:, None, None] * pca.components[1]
    )
    return Plane(a, b, surface.loss(theta))


def line(surface: NetworkSurface, start, end, *, lo: float = -0.5, hi: float = 1.5, points=201):
    """``(t, loss)`` along ``(1 - t) start + t end``: t = 0 is the start, t = 1 the end."""
    t = np.linspace(lo, hi, points)
    start, end = np.asarray(start, float), np.asarray(end, float)
    return t, surface.loss(start[None, :] + t[:, None] * (end - start)[None, :])


def width_at(t: np.ndarray, loss: np.ndarray, *, factor: float = 2.0) -> float:
    """The length of the stretch of ``t`` around ``t = 0`` (the grid's middle point) where the
    loss stays below ``factor`` times its value there: how wide a basin is along a line, one
    number to compare minima by (between grid points, linear interpolation). ``inf`` when the
    loss stays below on the whole line."""
    t, loss = np.asarray(t, float), np.asarray(loss, float)
    c = t.size // 2
    limit = factor * loss[c]
    ends = []
    for step in (1, -1):
        k = c
        while 0 <= k + step < t.size and loss[k + step] < limit:
            k += step
        if not 0 <= k + step < t.size:
            return float("inf")
        j = k + step  # the first point at or above the limit: interpolate between k and j
        ends.append(t[k] + (t[j] - t[k]) * (limit - loss[k]) / (loss[j] - loss[k]))
    return float(ends[0] - ends[1])
