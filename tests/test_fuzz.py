"""Random combinations of every control: no exception, and nothing non-finite reaches a figure."""

import math
import random

import numpy as np
import pytest

from core import lab, optimizers
from tests.apptest_util import figures, fresh_app, numbers_in
from ui import params
from ui.views import explorer_figures


def random_specs(rng: random.Random):
    data = lab.DataSpec(
        scenario=rng.choice(lab.SCENARIOS),
        seed=rng.randrange(1000),
        n=rng.choice([10, 20, 200, 2000]),
        noise=rng.choice([0.0, 0.01, 1.0, 5.0]),
        true_w=rng.uniform(-10, 10),
        true_b=rng.uniform(-10, 10),
        x_low=rng.choice([-1000.0, -1.0, 0.0, 999.0]),
        x_high=1000.0,
        val_fraction=rng.choice([0.05, 0.2, 0.5]),
        model=rng.choice(lab.MODELS),
    )
    run = lab.RunSpec(
        lr=rng.choice(params.LEARNING_RATES),
        batch_size=rng.choice([1, 2, 7, 16, 10_000]),
        epochs=rng.choice([1, 2, 5, 12]),
        shuffle=rng.random() < 0.5,
        seed=rng.randrange(1000),
        start=rng.choice([None, (rng.uniform(-10, 10), rng.uniform(-10, 10))]),
        train_b=rng.random() < 0.8,
        optimizer=rng.choice(optimizers.NAMES),
        noise=rng.choice([0.0, 0.0, 0.1, 5.0]),
        beta=rng.choice([0.0, 0.5, 0.9, 0.999]),
        beta2=rng.choice([0.9, 0.999, 0.9999]),
    )
    return data, rng.random() < 0.5, run


def test_thousands_of_random_runs_through_the_core():
    rng = random.Random(7)
    statuses = set()
    for _ in range(2000):
        data, scaled, run = random_specs(rng)
        problem = lab.problem_of(data, scaled=scaled)
        traj = lab.run(problem, run)
        statuses.add(traj.status)
        for array in (
            traj.params,
            traj.train_loss,
            traj.batch_loss,
            traj.val_loss_epoch,
            traj.grads,
        ):
            assert np.isfinite(array).all()
        assert traj.n_updates <= lab.MAX_UPDATES
    assert statuses == {"converged", "completed", "diverged", "stalled"}  # every ending is reached


def test_random_runs_through_the_figures():
    rng = random.Random(11)
    for _ in range(60):
        data, scaled, run = random_specs(rng)
        problem = lab.problem_of(data, scaled=scaled)
        traj = lab.run(problem, run)
        window = lab.view_window(problem, lab.start_point(problem, run))
        figs = explorer_figures(
            problem,
            window,
            lab.grid(problem, window, 31),
            traj,
            run,
            log_y=rng.random() < 0.5,
            at=rng.choice([None, 0]),
        )
        for name in ("surface", "contour", "curve", "data", "limit", "cross", "whole"):
            for trace in figs.get(name, {"data": []})["data"]:
                for key in ("x", "y", "z"):
                    values = trace.get(key)
                    if values is not None:  # None is a gap (or a legend-only entry), NaN is not
                        numbers = [
                            v for v in np.ravel(np.asarray(values, dtype=object)) if v is not None
                        ]
                        assert np.isfinite(np.asarray(numbers, dtype=float)).all(), (name, key)


GARBAGE = ["nan", "inf", "-1", "1e309", "", "0", "abc", "10000000", "0.5", "full", "1,2,3"]


@pytest.mark.slow
@pytest.mark.parametrize("block", range(4))
def test_random_links_through_the_pages(block):
    rng = random.Random(100 + block)
    for _ in range(25):
        query = {}
        for p in rng.sample(params.PARAMS, rng.randrange(1, 8)):
            if rng.random() < 0.3:
                query[p.key] = rng.choice(GARBAGE)
            elif p.key in ("lr",):
                query[p.key] = f"{rng.choice(params.LEARNING_RATES):g}"
            elif p.key in ("scenario",):
                query[p.key] = rng.choice(lab.SCENARIOS)
            elif p.key in ("batch", "epochs", "seed", "n"):
                query[p.key] = str(rng.randrange(1, 3000))
            else:
                query[p.key] = rng.choice(GARBAGE)
        query.setdefault("epochs", str(rng.randrange(1, 40)))  # keep each page run quick
        at = fresh_app(**query)
        assert not at.exception, (query, [e.value for e in at.exception])
        for fig in figures(at):
            for trace in fig["data"]:
                for v in numbers_in({k: trace.get(k) for k in ("x", "y", "z")}):
                    assert v is None or math.isfinite(v), query
