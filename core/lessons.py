"""Lesson presets: comparisons that share data, start and shuffle order, one knob changed (or,
for "where you start decides", only the start).

Pure specs; their words live in ``ui.text`` under ``lesson.<key>.*``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import datasets, scaling
from core.lab import DataSpec, RunSpec, make_dataset
from core.schedules import Schedule

BOOK = DataSpec(scenario="book")


@dataclass(frozen=True)
class Variant:
    label: str  # shown as is (a number or a short setting); translated when it is a key
    data: DataSpec
    scaled: bool
    run: RunSpec


@dataclass(frozen=True)
class Lesson:
    key: str
    variants: tuple[Variant, ...]
    margin: float = 1.5  # half-width of the plot around the optimum, in units of the start's reach
    log_y: bool | None = True  # None: a log axis where the loss spans decades
    same_start: bool = True  # False: the knob changed is the start itself

    @property
    def shared_surface(self) -> bool:
        """True when every variant descends on the same surface (one contour holds them all)."""
        first = self.variants[0]
        return all(v.data == first.data and v.scaled == first.scaled for v in self.variants)


def _same_line_scaled(data: DataSpec, start: tuple[float, float]) -> tuple[float, float]:
    """``start`` (b, w in original units) as the same line on the standardised feature."""
    x_train = make_dataset(data).x_train
    b, w = scaling.to_scaled(scaling.fit_standardizer(x_train), np.array(start))
    return float(b), float(w)


def _book_run(**kw) -> RunSpec:
    return RunSpec(**{"lr": 0.1, "batch_size": 80, "epochs": 100, "shuffle": False, **kw})


LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "learning_rate",
        tuple(Variant(f"η = {lr:g}", BOOK, False, _book_run(lr=lr)) for lr in (0.2, 0.8, 1.1)),
        margin=3.5,
    ),
    Lesson(
        "bad_feature",
        (
            Variant("x × 10", DataSpec(scenario="book_x10"), False, _book_run(lr=0.03)),
            Variant(
                "standardised",
                DataSpec(scenario="book_x10"),
                True,
                _book_run(
                    lr=0.03,
                    start=_same_line_scaled(
                        DataSpec(scenario="book_x10"), datasets.book_initial_params()
                    ),
                ),
            ),
        ),
    ),
    Lesson(
        "batch_size",
        tuple(
            Variant(
                label, BOOK, False, RunSpec(lr=0.1, batch_size=b, epochs=20, shuffle=True, seed=42)
            )
            for label, b in (
                ("80 · full batch", 80),
                ("16 · mini-batch", 16),
                ("1 · one sample", 1),
            )
        ),
    ),
    Lesson(
        "schedule",
        tuple(
            Variant(
                label,
                BOOK,
                False,
                RunSpec(lr=0.2, batch_size=1, epochs=50, shuffle=True, seed=42, schedule=s),
            )
            for label, s in (
                ("constant η", Schedule()),
                ("step decay", Schedule(name="step", every=10, drop=0.5)),
                ("cosine", Schedule(name="cosine")),
            )
        ),
        log_y=True,
    ),
    Lesson(
        "noise_floor",
        tuple(
            Variant(
                label,
                DataSpec(scenario=scenario),
                False,
                RunSpec(
                    lr=0.03,
                    batch_size=1,
                    epochs=300,
                    shuffle=True,
                    seed=20,
                    start=(0.0, 2.0),
                    train_b=False,
                ),
            )
            for label, scenario in (
                ("y = 0, 1, 2, 3", "tiny_clean"),
                ("y = 0, 1, 2, 3.1", "tiny_noisy"),
            )
        ),
    ),
    Lesson(
        "cost_vs_sample",
        tuple(
            Variant(
                label,
                DataSpec(scenario="course"),
                False,
                RunSpec(
                    lr=0.01,
                    batch_size=b,
                    epochs=100,
                    shuffle=False,
                    start=(0.0, 1.0),
                    train_b=False,
                ),
            )
            for label, b in (("cost over all data", 3), ("loss of one sample", 1))
        ),
    ),
)

ROSENBROCK, HIMMELBLAU, SADDLE = (
    DataSpec(scenario=k) for k in ("rosenbrock", "himmelblau", "saddle")
)
NEURON = DataSpec(scenario="tanh", model="neuron")


def _fn_run(**kw) -> RunSpec:
    return RunSpec(**{"batch_size": 1, "shuffle": False, **kw})


LESSONS += (
    # the notes' "hardest problem", on the surfaces where optimizers differ
    Lesson(
        "ravine",
        (
            Variant(
                "gradient descent, η = 0.001",
                ROSENBROCK,
                False,
                _fn_run(lr=0.001, epochs=3000, start=(-1.5, 2.5)),
            ),
            Variant(
                "momentum, η = 0.001",
                ROSENBROCK,
                False,
                _fn_run(lr=0.001, epochs=3000, start=(-1.5, 2.5), optimizer="momentum"),
            ),
            Variant(
                "Adam, η = 0.05",
                ROSENBROCK,
                False,
                _fn_run(lr=0.05, epochs=3000, start=(-1.5, 2.5), optimizer="adam"),
            ),
        ),
        log_y=None,
    ),
    Lesson(
        "starts",
        tuple(
            Variant(
                f"start ({x:g}, {y:g})",
                HIMMELBLAU,
                False,
                _fn_run(lr=0.01, epochs=300, start=(x, y)),
            )
            for x, y in ((1.0, 1.0), (-1.0, 2.0), (-1.5, -1.5), (1.5, -1.5))
        ),
        log_y=None,
        same_start=False,
    ),
    Lesson(
        "saddle",
        (
            Variant("start (0, 1.8)", SADDLE, False, _fn_run(lr=0.1, epochs=200, start=(0.0, 1.8))),
            Variant(
                "start (0.01, 1.8)", SADDLE, False, _fn_run(lr=0.1, epochs=200, start=(0.01, 1.8))
            ),
            Variant(
                "start (0, 1.8), noise σ = 0.05",
                SADDLE,
                False,
                _fn_run(lr=0.1, epochs=200, start=(0.0, 1.8), noise=0.05, seed=1),
            ),
        ),
        log_y=None,
        same_start=False,
    ),
    Lesson(
        "neuron_saddle",
        (
            Variant(
                "SGD from (0, 0)",
                NEURON,
                False,
                RunSpec(lr=0.1, batch_size=1, epochs=30, start=(0.0, 0.0)),
            ),
            Variant(
                "SGD from (0.01, 0.01)",
                NEURON,
                False,
                RunSpec(lr=0.1, batch_size=1, epochs=30, start=(0.01, 0.01)),
            ),
        ),
        log_y=None,
        same_start=False,
    ),
)
BY_KEY = {lesson.key: lesson for lesson in LESSONS}
