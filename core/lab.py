"""One experiment of the explorer: a scenario, its exact loss and one optimisation run.

Everything the page draws comes from here, keyed by small frozen specs so a caller can cache it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import datasets, descent, models, optimizers, quadratic, scaling
from core.thinning import display_indices

SCENARIOS = ("book", "book_x10", "line5x", "course", "tiny_clean", "tiny_noisy", "synthetic")

# Hard bounds: no combination of controls may ask for unbounded work.
MAX_N = 10_000
MAX_EPOCHS = 1000
MAX_UPDATES = 1_000_000


@dataclass(frozen=True)
class DataSpec:
    """What data to make. Only ``synthetic`` reads the generator fields."""

    scenario: str = "book"
    seed: int = 42
    n: int = 100
    noise: float = 0.1
    true_w: float = 2.0
    true_b: float = 1.0
    x_low: float = 0.0
    x_high: float = 1.0
    val_fraction: float = 0.2
    source: str = ""  # for uploaded data: a digest of the file and the chosen columns


@dataclass(frozen=True)
class RunSpec:
    """How to descend. ``start`` is ``(b0, w0)`` in the optimizer's (possibly scaled) space, or
    ``None`` for the book's draw: ``np.random.seed(seed); b = randn(1); w = randn(1)``."""

    lr: float = 0.1
    batch_size: int = 80
    epochs: int = 1000
    shuffle: bool = True
    seed: int = 42
    start: tuple[float, float] | None = None
    train_b: bool = True  # False holds b at its start: the model y = w x of seeds 000 and 001
    optimizer: str = "gd"  # a name from core.optimizers.NAMES
    beta: float = 0.9  # momentum / RMSProp's rho / Adam's beta1
    beta2: float = 0.999  # Adam's beta2


def make_dataset(spec: DataSpec) -> datasets.Dataset:
    if spec.scenario == "book":
        return datasets.book_chapter0()
    if spec.scenario == "book_x10":
        return datasets.book_chapter0(feature_factor=10.0)
    if spec.scenario == "line5x":
        return datasets.line_5x(seed=spec.seed)
    if spec.scenario == "course":
        return datasets.course_notes()
    if spec.scenario in ("tiny_clean", "tiny_noisy"):
        return datasets.d2l_tiny(noisy=spec.scenario == "tiny_noisy")
    if spec.scenario == "synthetic":
        return datasets.synthetic(
            true_w=spec.true_w,
            true_b=spec.true_b,
            n=min(spec.n, MAX_N),
            noise=spec.noise,
            x_low=spec.x_low,
            x_high=spec.x_high,
            seed=spec.seed,
            val_fraction=spec.val_fraction,
        )
    raise ValueError(f"unknown scenario {spec.scenario!r}")  # uploads live in the session only


@dataclass(frozen=True, eq=False)
class Problem:
    """A data set seen through a feature scaling: what the optimizer works on."""

    data: datasets.Dataset
    scaler: scaling.Scaler
    phi_train: np.ndarray
    phi_val: np.ndarray
    q_train: quadratic.QuadraticLoss
    q_val: quadratic.QuadraticLoss | None  # None when the data set has no validation split

    @property
    def n_train(self) -> int:
        return self.phi_train.shape[0]

    @property
    def stable_lr(self) -> float:
        return quadratic.stable_lr_limit(self.q_train)

    @property
    def condition(self) -> float:
        return quadratic.condition_number(self.q_train)


def make_problem(data: datasets.Dataset, *, scaled: bool) -> Problem:
    """Fit the scaler on the training split only, then build both quadratic forms.

    Raises ``ValueError`` when x is constant on the training split (no slope can be fitted).
    """
    if float(np.ptp(data.x_train)) == 0.0:
        raise ValueError("x is constant on the training split, so no slope can be fitted")
    scaler = scaling.fit_standardizer(data.x_train) if scaled else scaling.IDENTITY
    phi_train = models.line_design(scaling.transform(scaler, data.x_train))
    phi_val = models.line_design(scaling.transform(scaler, data.x_val))
    return Problem(
        data=data,
        scaler=scaler,
        phi_train=phi_train,
        phi_val=phi_val,
        q_train=quadratic.fit_quadratic(phi_train, data.y_train),
        q_val=quadratic.fit_quadratic(phi_val, data.y_val) if data.val_idx.size else None,
    )


def start_point(run: RunSpec) -> np.ndarray:
    if run.start is None:
        return np.array(datasets.book_initial_params(run.seed))
    return np.array(run.start, dtype=float)


def max_epochs(n_train: int, batch_size: int) -> int:
    """Most epochs the update budget allows for this schedule."""
    upe = -(-n_train // max(1, min(batch_size, n_train)))
    return max(1, min(MAX_EPOCHS, MAX_UPDATES // upe))


def run(problem: Problem, spec: RunSpec) -> descent.Trajectory:
    epochs = min(spec.epochs, max_epochs(problem.n_train, spec.batch_size))
    return descent.run_descent(
        problem.phi_train,
        problem.data.y_train,
        start_point(spec),
        lr=spec.lr,
        batch_size=spec.batch_size,
        epochs=epochs,
        shuffle=spec.shuffle,
        seed=spec.seed,
        q_train=problem.q_train,
        q_val=problem.q_val,
        trainable=(spec.train_b, True),
        optimizer=optimizers.make(spec.optimizer, spec.lr, beta=spec.beta, beta2=spec.beta2),
    )


@dataclass(frozen=True)
class Window:
    """The plotted (b, w) rectangle. It depends on the problem and the start only, so it stays
    put while the learning rate or batch size changes."""

    b: tuple[float, float]
    w: tuple[float, float]

    def contains(self, params: np.ndarray) -> np.ndarray:
        return (
            (params[..., 0] >= self.b[0])
            & (params[..., 0] <= self.b[1])
            & (params[..., 1] >= self.w[0])
            & (params[..., 1] <= self.w[1])
        )


def view_window(problem: Problem, theta0: np.ndarray, *, margin: float = 1.5) -> Window:
    """Square window centred on the optimum, wide enough to hold the start with room to spare.

    Both axes share one half-width, so a long narrow valley looks long and narrow. For the book
    scenario this gives about ``true +- 3``, the book's own range.
    """
    star = problem.q_train.theta_star
    reach = float(np.max(np.abs(np.asarray(theta0) - star)))
    half = max(margin * reach, 1e-3 * (1.0 + float(np.max(np.abs(star)))))
    return Window(b=(star[0] - half, star[0] + half), w=(star[1] - half, star[1] + half))


def grid(problem: Problem, window: Window, points: int = 101):
    """``(b_values, w_values, loss)`` over the window; ``loss[j, i]`` is at ``(b_i, w_j)``."""
    b_values = np.linspace(*window.b, points)
    w_values = np.linspace(*window.w, points)
    return b_values, w_values, quadratic.loss_grid(problem.q_train, b_values, w_values)


def first_exit(params: np.ndarray, window: Window) -> int | None:
    """Index of the first path point outside the window, or None."""
    outside = np.flatnonzero(~window.contains(params))
    return int(outside[0]) if outside.size else None


def drawn_indices(traj, window: Window, *, epoch_points: bool = False):
    """Which path points to draw: those before the path first leaves ``window`` (never a
    silently clipped line), thinned, or only the epoch boundaries. Returns ``(indices, exit)``."""
    exit_at = first_exit(traj.params, window)
    end = traj.params.shape[0] if exit_at is None else exit_at
    boundaries = traj.epoch_updates[traj.epoch_updates < end]
    return (boundaries if epoch_points else display_indices(end, boundaries)), exit_at
