"""One experiment on the network page: a data set of the lab, a small network fitted to it by
:func:`core.descent.run`, and the slices that show its loss landscape (:mod:`core.landscape`).

Bounds: no combination of controls may ask for unbounded work. A run makes at most
``max_updates`` updates, chosen so that the updates, the training loss recorded at every one of
them and the stored path (P numbers per update) all stay small; the page says when it caps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from core import datasets, descent, lab, landscape, optimizers, scaling
from core.network import NetworkSurface, init_params, layout
from core.thinning import display_indices

MAX_TRAIN = 500  # training examples the network sees (a seeded subsample beyond)
MAX_UPDATES = 5000  # Python steps of ~50 us each
MAX_WORK = 1_000_000_000  # multiply-adds: updates x batch, and the loss at every update
MAX_STORED = 2_500_000  # numbers of the stored path (updates x P; 20 MB, and as much again)
GRID = 51  # the slices are GRID x GRID
PATH_POINTS = 400  # points of the path the PCA is taken of


@dataclass(frozen=True)
class NetSpec:
    """What to train: data set, network, optimizer and schedule (``batch_size`` is clipped to
    the training split, so a large number means the full batch)."""

    data: str = "tanh"
    hidden: tuple[int, ...] = (16,)
    activation: str = "tanh"
    seed: int = 42  # the initial weights and the batch order
    optimizer: str = "gd"
    lr: float = 0.1
    beta: float = 0.9
    beta2: float = 0.999
    batch_size: int = 1_000_000
    epochs: int = 1000
    source: str = ""  # an uploaded file's digest (the data come from the session)


@dataclass(frozen=True, eq=False)
class NetProblem:
    surface: NetworkSurface
    val: NetworkSurface | None
    data: datasets.Dataset
    scaler: scaling.Scaler
    subsampled: bool  # the training split was larger than MAX_TRAIN

    @property
    def n_train(self) -> int:
        return self.surface.n_train

    @property
    def p(self) -> int:
        return self.surface.lay.p

    def predict(self, theta, x) -> np.ndarray:
        """Predictions at original-unit ``x`` (the network sees standardised x)."""
        return self.surface.predict(theta, scaling.transform(self.scaler, np.asarray(x, float)))


def dataset(name: str) -> datasets.Dataset:
    """A data set of the lab by its scenario name (uploads come from the session)."""
    if name not in lab.DATA_SCENARIOS:
        raise ValueError(f"unknown data set {name!r}")
    return lab.make_dataset(lab.DataSpec(scenario=name))


def make_problem(data: datasets.Dataset, spec: NetSpec) -> NetProblem:
    """The network's training (and validation) loss on ``data``: x standardised on the training
    split (tanh and ReLU units want inputs near 1 in size), y as it is."""
    if float(np.ptp(data.x_train)) == 0.0:
        raise ValueError("x is constant on the training split, so no curve can be fitted")
    scaler = scaling.fit_standardizer(data.x_train)
    x, y = data.x_train, data.y_train
    subsampled = x.size > MAX_TRAIN
    if subsampled:
        keep = np.sort(np.random.default_rng(spec.seed).choice(x.size, MAX_TRAIN, replace=False))
        x, y = x[keep], y[keep]
    lay = layout(spec.hidden)

    def surface(xs, ys) -> NetworkSurface:
        z = np.array(scaling.transform(scaler, xs), dtype=float)
        return NetworkSurface(x=z, y=np.array(ys, dtype=float), lay=lay, activation=spec.activation)

    val = surface(data.x_val, data.y_val) if data.val_idx.size else None
    return NetProblem(surface(x, y), val, data, scaler, subsampled)


def cost_per_example(spec: NetSpec) -> int:
    """Multiply-adds of one example's forward pass (the backward pass costs about twice that)."""
    sizes = (1, *spec.hidden, 1)
    return sum(a * b for a, b in zip(sizes[:-1], sizes[1:], strict=True)) + sum(spec.hidden)


def max_updates(spec: NetSpec, n_train: int) -> int:
    """The update budget of one run: updates, their batches' work (x3 for the backward pass),
    the loss over every training example at each update, and the stored path all bounded."""
    c = cost_per_example(spec)
    p = layout(spec.hidden).p
    batch = min(max(1, spec.batch_size), n_train)
    per_update = c * (3 * batch + n_train)
    return max(1, min(MAX_UPDATES, MAX_STORED // p, MAX_WORK // per_update))


def max_epochs(spec: NetSpec, n_train: int) -> int:
    upe = -(-n_train // min(max(1, spec.batch_size), n_train))
    return max(1, min(lab.MAX_EPOCHS, max_updates(spec, n_train) // upe))


def train(problem: NetProblem, spec: NetSpec) -> descent.Trajectory:
    """:func:`core.descent.run` on the network from its seeded start (epochs within the cap)."""
    epochs = min(spec.epochs, max_epochs(spec, problem.n_train))
    return descent.run(
        problem.surface,
        init_params(problem.surface.lay, seed=spec.seed),
        lr=spec.lr,
        epochs=epochs,
        batch_size=spec.batch_size,
        shuffle=True,
        seed=spec.seed,
        optimizer=optimizers.make(spec.optimizer, spec.lr, beta=spec.beta, beta2=spec.beta2),
        val=problem.val,
    )


class Views(NamedTuple):
    """Everything the page draws of one run's landscape."""

    plane: landscape.Plane  # the loss on the random plane through the final weights
    pca: landscape.PathPCA
    pca_plane: landscape.Plane
    line_t: np.ndarray
    line_loss: np.ndarray
    path_index: np.ndarray  # which updates the PCA was taken of


def views(problem: NetProblem, traj: descent.Trajectory, *, dir_seed: int) -> Views:
    surface = problem.surface
    final = traj.params[-1]
    d1, d2 = landscape.directions(surface.lay, final, seed=dir_seed)
    plane = landscape.plane(surface, final, d1, d2, points=GRID)
    index = display_indices(traj.params.shape[0], traj.epoch_updates, max_points=PATH_POINTS)
    pca = landscape.path_pca(traj.params[index])
    window = landscape.pca_window(pca.coords)
    pca_plane = landscape.pca_plane(surface, pca, window, points=GRID)
    t, loss = landscape.line(surface, traj.params[0], final)
    return Views(plane, pca, pca_plane, t, loss, index)
