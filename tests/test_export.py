"""Export: the CSV holds the run's own numbers, and the generated script, run on its own with
NumPy only, reproduces the lab's run to 1e-12 for several settings."""

import csv
import io
import subprocess
import sys

import numpy as np
import pytest

from core import datasets, export, lab, schedules


def problem_and_run(data: lab.DataSpec, run: lab.RunSpec, *, scaled=False, dataset=None):
    if dataset is None:
        problem = lab.problem_of(data, scaled=scaled)
    else:
        problem = lab.make_problem(dataset, scaled=scaled, model=data.model)
    return problem, lab.run(problem, run)


def run_script(text: str, tmp_path) -> dict:
    path = tmp_path / "losslab_run.py"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-I", str(path)], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    out = {"lines": done.stdout.splitlines()}
    for line in out["lines"]:
        if " = " in line and ":" not in line:
            key, value = line.split(" = ")
            out[key] = float(value)
    return out


UPLOAD = datasets.from_columns(
    np.linspace(-3, 7, 37), 0.5 - 1.5 * np.linspace(-3, 7, 37) + np.sin(np.arange(37)), seed=5
)

CASES = {
    "book default": (lab.DataSpec(), lab.RunSpec(), False, None),
    "book sgd momentum cosine warm-up": (
        lab.DataSpec(),
        lab.RunSpec(
            lr=0.05,
            batch_size=16,
            epochs=60,
            optimizer="momentum",
            schedule=schedules.Schedule(name="cosine", warmup=5),
        ),
        False,
        None,
    ),
    "line5x standardised adam": (
        lab.DataSpec(scenario="line5x"),
        lab.RunSpec(lr=0.05, batch_size=50, epochs=20, optimizer="adam", beta2=0.99),
        True,
        None,
    ),
    "synthetic rmsprop b held, exponential": (
        lab.DataSpec(scenario="synthetic", n=60, noise=0.3, true_w=-1.5, seed=9),
        lab.RunSpec(
            lr=0.01,
            batch_size=8,
            epochs=30,
            optimizer="rmsprop",
            train_b=False,
            start=(0.3, 0.2),
            schedule=schedules.Schedule(name="exp", gamma=0.95),
        ),
        False,
        None,
    ),
    "tanh neuron sgd": (
        lab.DataSpec(scenario="tanh", model="neuron"),
        lab.RunSpec(lr=0.05, batch_size=1, epochs=5, start=(0.5, 0.5)),
        False,
        None,
    ),
    "upload nesterov step decay, no shuffle": (
        lab.DataSpec(scenario="upload", seed=5),
        lab.RunSpec(
            lr=0.002,
            batch_size=4,
            epochs=40,
            optimizer="nesterov",
            shuffle=False,
            schedule=schedules.Schedule(name="step", every=10, drop=0.5),
        ),
        True,
        UPLOAD,
    ),
    "course adagrad": (
        lab.DataSpec(scenario="course"),
        lab.RunSpec(lr=0.5, optimizer="adagrad", epochs=50),
        False,
        None,
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_the_generated_script_reproduces_the_run(case, tmp_path):
    data, run, scaled, dataset = CASES[case]
    problem, traj = problem_and_run(data, run, scaled=scaled, dataset=dataset)
    assert traj.status != "diverged"
    got = run_script(export.script(data, problem, run), tmp_path)
    a, b = problem.names
    final = traj.params[-1]
    assert got[a] == pytest.approx(final[0], rel=1e-12, abs=1e-12)
    assert got[b] == pytest.approx(final[1], rel=1e-12, abs=1e-12)
    assert got["training loss"] == pytest.approx(traj.train_loss[-1], rel=1e-12, abs=1e-15)
    epoch_lines = [line for line in got["lines"] if line.startswith("Epoch ")]
    assert epoch_lines[0].startswith("Epoch 1: ") and len(epoch_lines) >= 2


def test_a_diverging_run_stops_in_the_script_where_the_lab_stops_it(tmp_path):
    data, run = lab.DataSpec(), lab.RunSpec(lr=1.1, epochs=200)
    problem, traj = problem_and_run(data, run)
    assert traj.status == "diverged"
    got = run_script(export.script(data, problem, run), tmp_path)
    assert (
        f"Update {traj.diverged_at} makes the loss explode: the run stops before it."
        in got["lines"]
    )
    assert got["b"] == pytest.approx(traj.params[-1, 0], rel=1e-12)


def test_the_script_is_numpy_only_and_refuses_test_functions():
    data, run = lab.DataSpec(), lab.RunSpec()
    problem, _ = problem_and_run(data, run)
    text = export.script(data, problem, run)
    imports = [line for line in text.splitlines() if line.startswith(("import", "from"))]
    assert imports == ["import numpy as np"]
    with pytest.raises(ValueError):
        export.script(lab.DataSpec(scenario="rosenbrock"), lab.function_problem("rosenbrock"), run)


def read_csv(text):
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


def test_the_csv_holds_every_update_with_all_its_digits():
    data = lab.DataSpec()
    run = lab.RunSpec(lr=0.1, batch_size=16, epochs=7, schedule=schedules.Schedule(name="cosine"))
    problem, traj = problem_and_run(data, run, scaled=True)
    header, rows = read_csv(export.run_csv(problem, traj))
    assert header == [
        "update", "epoch", "b", "w", "train_loss", "val_loss", "batch_loss", "lr",
        "b_original", "w_original",
    ]  # fmt: skip
    assert len(rows) == traj.n_updates + 1
    col = {name: [r[i] for r in rows] for i, name in enumerate(header)}
    np.testing.assert_array_equal(np.array(col["b"], float), traj.params[:, 0])
    np.testing.assert_array_equal(np.array(col["train_loss"], float), traj.train_loss)
    np.testing.assert_array_equal(np.array(col["batch_loss"][:-1], float), traj.batch_loss)
    assert col["batch_loss"][-1] == "" and col["lr"][-1] == ""
    np.testing.assert_array_equal(np.array(col["lr"][:-1], float), traj.lr)
    boundaries = [i for i, v in enumerate(col["val_loss"]) if v]
    assert boundaries == traj.epoch_updates.tolist()
    np.testing.assert_array_equal(np.array([col["val_loss"][i] for i in boundaries], float),
                                  traj.val_loss_epoch)  # fmt: skip
    # the original-unit line of each row: b + w x at x = 0 and x = 1 through the scaler
    z0 = (0.0 - problem.scaler.mean) / problem.scaler.std
    z1 = (1.0 - problem.scaler.mean) / problem.scaler.std
    k = 5
    b_, w_ = traj.params[k]
    assert float(col["b_original"][k]) == pytest.approx(b_ + w_ * z0, rel=1e-12)
    assert float(col["b_original"][k]) + float(col["w_original"][k]) == pytest.approx(
        b_ + w_ * z1, rel=1e-12
    )


def test_a_long_run_exports_one_row_per_epoch():
    data = lab.DataSpec(scenario="line5x")
    problem, traj = problem_and_run(data, lab.RunSpec(lr=0.05, batch_size=1, epochs=300))
    assert traj.n_updates + 1 > export.MAX_CSV_ROWS
    header, rows = read_csv(export.run_csv(problem, traj))
    assert [int(r[0]) for r in rows] == traj.epoch_updates.tolist()
    assert all(r[header.index("val_loss")] for r in rows)
