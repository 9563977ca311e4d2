"""One experiment of the lab: a problem (data and a model, or a test function), its exact loss
surface and one optimisation run on it.

Everything a page draws comes from here, keyed by small frozen specs so a caller can cache it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import datasets, descent, functions, models, optimizers, scaling, scenarios, schedules
from core.neuron import NeuronSurface
from core.surface import QuadraticSurface, Surface, Window
from core.thinning import display_indices

DATA_SCENARIOS = (
    "book",
    "book_x10",
    "line5x",
    "course",
    "tiny_clean",
    "tiny_noisy",
    "synthetic",
    "tanh",
)
SCENARIOS = DATA_SCENARIOS + functions.KEYS  # the public scenario names (uploads aside)
MODELS = ("line", "neuron")  # what is fitted to a data set

# Hard bounds: no combination of controls may ask for unbounded work.
MAX_N = 10_000
MAX_EPOCHS = 1000
MAX_UPDATES = 1_000_000  # on a quadratic surface (the line): fast loops
MAX_UPDATES_OTHER = 50_000  # elsewhere every update is a Python step (~5-20 us)
MAX_NEURON_WORK = 20_000_000  # updates x examples on the neuron (each update's loss is O(N))
MAX_FUNCTION_UPDATES = 20_000  # the "updates" control on a test function


@dataclass(frozen=True)
class DataSpec:
    """What to minimise: a data set and the model fitted to it, or a test function (then
    ``scenario`` names it). Only ``synthetic`` reads the generator fields."""

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
    model: str = "line"  # "line" (y = b + w x) or "neuron" (y = w2 tanh(w1 x))

    @property
    def is_function(self) -> bool:
        return self.scenario in functions.FUNCTIONS


@dataclass(frozen=True)
class RunSpec:
    """How to descend. ``start`` is the first point in the optimizer's (possibly scaled) space,
    or ``None`` for the default: the book's draw on data (``np.random.seed(seed); b = randn(1);
    w = randn(1)``), the function's own start on a test function. On a test function ``epochs``
    counts updates and ``noise`` is the size of the gradient noise."""

    lr: float = 0.1
    batch_size: int = 80
    epochs: int = 1000
    shuffle: bool = True
    seed: int = 42
    start: tuple[float, ...] | None = None
    train_b: bool = True  # False holds b at its start: the model y = w x of seeds 000 and 001
    optimizer: str = "gd"  # a name from core.optimizers.NAMES
    beta: float = 0.9  # momentum / RMSProp's rho / Adam's beta1
    beta2: float = 0.999  # Adam's beta2
    noise: float = 0.0  # standard deviation of the gradient noise on a test function
    stop_below: float | None = None  # stop after an epoch whose mean batch loss is below this
    schedule: schedules.Schedule = schedules.CONSTANT  # the learning rate epoch by epoch


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
    if spec.scenario == "tanh":
        return datasets.tanh_data(seed=spec.seed)
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
    raise ValueError(f"unknown data set {spec.scenario!r}")  # uploads live in the session only


@dataclass(frozen=True, eq=False)
class Problem:
    """What the optimizer works on: a surface (the training loss), and on data the data set,
    the feature scaling it is seen through and the validation loss."""

    surface: Surface
    model: str  # "line", "neuron", or the test function's key
    data: datasets.Dataset | None = None
    scaler: scaling.Scaler = scaling.IDENTITY
    val: Surface | None = None  # None without data or without a validation split

    @property
    def n_train(self) -> int:
        return self.surface.n_train

    @property
    def names(self) -> tuple[str, ...]:
        return self.surface.names

    @property
    def quadratic(self) -> QuadraticSurface | None:
        return self.surface if isinstance(self.surface, QuadraticSurface) else None

    @property
    def stable_lr(self) -> float | None:
        """The global stable step of full-batch GD (a quadratic surface only, else None)."""
        quad = self.quadratic
        return quad.stable_lr if quad is not None else None

    @property
    def condition(self) -> float | None:
        quad = self.quadratic
        return quad.condition if quad is not None else None

    @property
    def phi_train(self) -> np.ndarray:
        return self._quad().phi

    @property
    def q_train(self):
        return self._quad().q

    @property
    def q_val(self):
        return self.val.q if isinstance(self.val, QuadraticSurface) else None

    def _quad(self) -> QuadraticSurface:
        if self.quadratic is None:
            raise TypeError(f"the {self.model} problem is not a quadratic form")
        return self.quadratic

    def predict(self, theta, x) -> np.ndarray:
        """The model's prediction at original-unit ``x`` for parameters ``theta`` (in the space
        the optimizer works in)."""
        z = scaling.transform(self.scaler, x)
        theta = np.asarray(theta, dtype=float)
        if self.model == "neuron":
            return theta[1] * np.tanh(theta[0] * z)
        return theta[0] + theta[1] * z


def _surface(model: str, x, y) -> Surface:
    if model == "neuron":
        return NeuronSurface(x=np.array(x, dtype=float), y=np.array(y, dtype=float))
    return QuadraticSurface.fit(models.line_design(x), y)


def make_problem(data: datasets.Dataset, *, scaled: bool, model: str = "line") -> Problem:
    """Fit the scaler on the training split only, then build the training and validation
    surfaces of ``model`` on the (scaled) feature.

    Raises ``ValueError`` when x is constant on the training split (no slope can be fitted).
    """
    if model not in MODELS:
        raise ValueError(f"unknown model {model!r}")
    if float(np.ptp(data.x_train)) == 0.0:
        raise ValueError("x is constant on the training split, so no slope can be fitted")
    scaler = scaling.fit_standardizer(data.x_train) if scaled else scaling.IDENTITY
    z_train = scaling.transform(scaler, data.x_train)
    z_val = scaling.transform(scaler, data.x_val)
    surface = _surface(model, z_train, data.y_train)
    val = _surface(model, z_val, data.y_val) if data.val_idx.size else None
    return Problem(surface=surface, model=model, data=data, scaler=scaler, val=val)


def function_problem(key: str) -> Problem:
    return Problem(surface=functions.FUNCTIONS[key], model=key)


def recipe_problem(key: str) -> Problem:
    """A tutorial's model of several parameters (``core.scenarios``) on its own data."""
    r = scenarios.RECIPES[key]()
    return Problem(surface=QuadraticSurface.fit(r.phi, r.y, names=r.names), model=key)


def problem_of(spec: DataSpec, *, scaled: bool) -> Problem:
    """The problem a spec names (uploads are built by the session that holds the file)."""
    if spec.is_function:
        return function_problem(spec.scenario)
    return make_problem(make_dataset(spec), scaled=scaled, model=spec.model)


def start_point(problem: Problem, run: RunSpec) -> np.ndarray:
    if run.start is not None:
        return np.array(run.start, dtype=float)
    if isinstance(problem.surface, functions.TestFunction):
        return np.array(problem.surface.start, dtype=float)
    return np.array(datasets.book_initial_params(run.seed))


def max_updates(problem: Problem) -> int:
    """The update budget of one run on this problem."""
    if problem.quadratic is not None:
        return MAX_UPDATES
    if problem.n_train:
        return max(1, min(MAX_UPDATES_OTHER, MAX_NEURON_WORK // problem.n_train))
    return MAX_FUNCTION_UPDATES


def max_epochs(problem: Problem, batch_size: int) -> int:
    """Most epochs (on a test function: updates) the update budget allows for this schedule."""
    n = problem.n_train
    if n == 0:
        return max_updates(problem)
    upe = -(-n // max(1, min(batch_size, n)))
    return max(1, min(MAX_EPOCHS, max_updates(problem) // upe))


def trainable(problem: Problem, spec: RunSpec) -> tuple[bool, ...] | None:
    """Which parameters the run moves (``None``: all): a line may hold its intercept."""
    return (spec.train_b, True) if problem.model == "line" else None


def run(problem: Problem, spec: RunSpec) -> descent.Trajectory:
    epochs = min(spec.epochs, max_epochs(problem, spec.batch_size))
    scheduled = not spec.schedule.is_constant
    lr = 1.0 if scheduled else spec.lr  # a schedule scales the steps of an optimizer with η = 1
    return descent.run(
        problem.surface,
        start_point(problem, spec),
        lr=spec.lr,
        epochs=epochs,
        batch_size=spec.batch_size,
        shuffle=spec.shuffle,
        seed=spec.seed,
        optimizer=optimizers.make(spec.optimizer, lr, beta=spec.beta, beta2=spec.beta2),
        noise=spec.noise if problem.n_train == 0 else 0.0,
        trainable=trainable(problem, spec),
        val=problem.val,
        stop_below=spec.stop_below,
        epoch_rates=schedules.epoch_rates(spec.schedule, spec.lr, epochs) if scheduled else None,
    )


def view_window(problem: Problem, theta0: np.ndarray, *, margin: float = 1.5) -> Window:
    """The plotted rectangle. It depends on the problem and the start only, so it stays put while
    the learning rate or batch size changes.

    A quadratic surface: a square centred on the optimum, wide enough to hold the start with
    room to spare (for the book scenario about ``true +- 3``, the book's own range); both axes
    share one half-width, so a long narrow valley looks long and narrow. A test function: its
    own window, widened to hold the start. The neuron: a square around the origin holding both
    minima and the start.
    """
    theta0 = np.asarray(theta0, dtype=float)
    surface = problem.surface
    if isinstance(surface, functions.TestFunction):
        (x0, x1), (y0, y1) = surface.window
        pad = 0.1 * max(x1 - x0, y1 - y0)
        x0, x1 = min(x0, theta0[0] - pad), max(x1, theta0[0] + pad)
        y0, y1 = min(y0, theta0[1] - pad), max(y1, theta0[1] + pad)
        return Window(b=(float(x0), float(x1)), w=(float(y0), float(y1)))
    if isinstance(surface, NeuronSurface):
        reach = max([1.0, *(abs(v) for pt in surface.points for v in pt.theta)])
        half = max(1.35 * reach, 1.2 * float(np.max(np.abs(theta0))))
        return Window(b=(-half, half), w=(-half, half))
    star = problem.q_train.theta_star
    reach = float(np.max(np.abs(theta0 - star)))
    half = max(margin * reach, 1e-3 * (1.0 + float(np.max(np.abs(star)))))
    return Window(b=(star[0] - half, star[0] + half), w=(star[1] - half, star[1] + half))


def grid(problem: Problem, window: Window, points: int = 101):
    """``(b_values, w_values, loss)`` over the window; ``loss[j, i]`` is at ``(b_i, w_j)``."""
    b_values = np.linspace(*window.b, points)
    w_values = np.linspace(*window.w, points)
    return b_values, w_values, problem.surface.grid(b_values, w_values)


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


def slice_window(theta_star, theta0, axes: tuple[int, int]) -> Window:
    """The square around the optimum, on the two chosen parameters, holding the start with room
    to spare (one half-width for both, so the slice keeps its true shape)."""
    i, j = axes
    star, start = np.asarray(theta_star, dtype=float), np.asarray(theta0, dtype=float)
    half = 1.5 * max(abs(start[i] - star[i]), abs(start[j] - star[j]), 1e-3)
    return Window(b=(star[i] - half, star[i] + half), w=(star[j] - half, star[j] + half))


def one_weight_curve(problem: Problem, ws, w0: float, points: int = 301):
    """The loss as a curve of w with b held at 0: ``(w_grid, cost, samples)``, over the range the
    runs ``ws`` visit (with the optimum and the start); ``samples`` are each example's own
    squared error along the grid, for at most 12 examples (more would be a blur)."""
    star = float(problem.q_train.theta_star[1])
    ws = np.asarray(ws, dtype=float)
    lo, hi = min(float(ws.min()), star - 1.0), max(float(ws.max()), w0 + 0.5)
    pad = 0.1 * (hi - lo)
    w_grid = np.linspace(lo - pad, hi + pad, points)
    cost = problem.surface.loss(np.column_stack([np.zeros_like(w_grid), w_grid]))
    if problem.data is None:
        raise ValueError("L(w) needs a data set")
    x, y = problem.data.x_train, problem.data.y_train
    samples = [(w_grid * xi - yi) ** 2 for xi, yi in zip(x, y, strict=True)] if len(x) <= 12 else []
    return w_grid, cost, samples


def one_weight_limit(problem: Problem) -> float:
    """The stable learning rate of L(w) with b held: 2 / L''(w) = 2 / (2 mean(x^2))."""
    return 1.0 / float(problem.q_train.A[1, 1])
