"""One run taken away: its numbers as CSV, and a standalone Python script (NumPy only) that
rebuilds the data set and reproduces the run, printed the way the tutorials print.

The script is written out plainly, the way seed 003 writes its gradients: the data recipe, the
split, the scaling, the model's loss and gradient, the visit order, the schedule and the
optimizer's rule, one update at a time. It stops where the lab stops a run (a loss 10⁶ times
further from the floor than at the start). Tests run it and compare its numbers with the lab's
to 1e-12.
"""

from __future__ import annotations

import io

import numpy as np

from core import lab, scaling
from core.descent import EXPLOSION_FACTOR

MAX_CSV_ROWS = 100_001  # every update up to this; beyond it one row per epoch boundary


def csv_rows(traj) -> np.ndarray:
    """The updates the CSV has a row for: all of them, or only the epoch boundaries of a run
    longer than :data:`MAX_CSV_ROWS`."""
    if traj.n_updates + 1 <= MAX_CSV_ROWS:
        return np.arange(traj.n_updates + 1)
    return np.asarray(traj.epoch_updates)


def run_csv(problem: lab.Problem, traj) -> str:
    """Row k: the parameters after k updates, the training loss there, the validation loss at an
    epoch boundary (blank elsewhere), and the next update's mini-batch loss (taken here, before
    the update, as a training loop accumulates it) and its learning rate. Parameters are in the
    space the optimizer works in; with standardised x their original-unit line follows. Every
    number is written with all its digits (17 significant)."""
    names = list(problem.names)
    scaled = not problem.scaler.is_identity
    header = ["update", "epoch", *names, "train_loss", "val_loss", "batch_loss", "lr"]
    if scaled:
        header += ["b_original", "w_original"]
    rows = csv_rows(traj)
    K, upe = traj.n_updates, traj.updates_per_epoch
    lr = traj.lr
    val = {int(k): v for k, v in zip(traj.epoch_updates, traj.val_loss_epoch, strict=False)}
    original = None
    if scaled:
        original = scaling.to_original(problem.scaler, traj.params)
    out = io.StringIO()
    out.write(",".join(header) + "\n")
    g = "{:.17g}".format
    for k in rows.tolist():
        cells = [str(k), g(k / upe), *(g(v) for v in traj.params[k])]
        cells.append(g(traj.train_loss[k]))
        cells.append(g(val[k]) if k in val else "")
        cells.append(g(traj.batch_loss[k]) if k < K else "")
        cells.append(g(lr[k]) if k < K else "")
        if original is not None:
            cells += [g(original[k, 0]), g(original[k, 1])]
        out.write(",".join(cells) + "\n")
    return out.getvalue()


def scriptable(problem: lab.Problem) -> bool:
    """A script can rebuild runs on data (the line and the neuron), not the test functions."""
    return problem.data is not None and problem.model in ("line", "neuron")


def _floats(values) -> str:
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


def _data_lines(spec: lab.DataSpec, data) -> list[str]:
    """How the lab makes this data set, as plain NumPy (uploads: their values, written out)."""
    split = [
        "idx = np.arange(n)",
        "rng.shuffle(idx)  # the split, as the book shuffles its indices",
        f"n_val = min(int(round(n * {spec.val_fraction!r})), n - 1)",
        "train_idx, val_idx = idx[: n - n_val], idx[n - n_val :]",
    ]
    s = spec.scenario
    if s in ("book", "book_x10"):
        factor = " * 10.0" if s == "book_x10" else ""
        lines = [
            "# Deep Learning with PyTorch Step-by-Step, chapter 0: y = 1 + 2x + noise, 100 points",
            "np.random.seed(42)",
            "x = np.random.rand(100, 1)",
            "epsilon = 0.1 * np.random.randn(100, 1)",
            "y = 1 + 2 * x + epsilon",
            "idx = np.arange(100)",
            "np.random.shuffle(idx)",
            "train_idx, val_idx = idx[:80], idx[80:]",
            f"x, y = x.ravel(){factor}, y.ravel()",
        ]
    elif s == "line5x":
        lines = [
            "# y = 5x without noise, 500 points, x uniform on [0, 1)",
            f"rng = np.random.default_rng({spec.seed})",
            "n = 500",
            "x = rng.random(n)",
            "y = 5.0 * x",
            *split,
        ]
    elif s == "synthetic":
        n = min(spec.n, lab.MAX_N)
        lines = [
            f"# y = {spec.true_b!r} + {spec.true_w!r}·x + noise, {n} points",
            f"rng = np.random.default_rng({spec.seed})",
            f"n = {n}",
            f"x = rng.uniform({spec.x_low!r}, {spec.x_high!r}, n)",
            f"y = {spec.true_b!r} + {spec.true_w!r} * x + {spec.noise!r} * rng.standard_normal(n)",
            *split,
        ]
    elif s == "tanh":
        lines = [
            "# y = 2 tanh(1.5x) + noise, 200 points, x uniform on [-2, 2)",
            f"rng = np.random.default_rng({spec.seed})",
            "n = 200",
            "x = rng.uniform(-2.0, 2.0, n)",
            "y = 2.0 * np.tanh(1.5 * x) + 0.1 * rng.standard_normal(n)",
            *split,
        ]
    elif s in ("course", "tiny_clean", "tiny_noisy"):
        lines = [
            "# every point trains",
            f"x = np.array({_floats(data.x)})",
            f"y = np.array({_floats(data.y)})",
            "train_idx, val_idx = np.arange(x.size), np.arange(0)",
        ]
    else:  # an uploaded file: its values, exactly, in the order the lab split them
        lines = [
            "# your file's columns, split as the lab split them",
            f"x = np.array({_floats(data.x)})",
            f"y = np.array({_floats(data.y)})",
            f"train_idx = np.array({data.train_idx.tolist()!r}, dtype=int)",
            f"val_idx = np.array({data.val_idx.tolist()!r}, dtype=int)",
        ]
    return [
        *lines,
        "x_train, y_train = x[train_idx], y[train_idx]",
        "x_val, y_val = x[val_idx], y[val_idx]",
    ]


_MODEL = {
    "line": [
        "def predict(theta, x):",
        "    return theta[0] + theta[1] * x  # y = b + w·x",
        "",
        "",
        "def gradient(theta, x, y):",
        "    error = predict(theta, x) - y",
        "    return np.array([2 * np.mean(error), 2 * np.mean(error * x)])  # dL/db, dL/dw",
    ],
    "neuron": [
        "def predict(theta, x):",
        "    return theta[1] * np.tanh(theta[0] * x)  # y = w2·tanh(w1·x)",
        "",
        "",
        "def gradient(theta, x, y):",
        "    t = np.tanh(theta[0] * x)",
        "    error = theta[1] * t - y",
        "    dw1 = 2 * np.mean(error * theta[1] * x * (1 - t * t))",
        "    dw2 = 2 * np.mean(error * t)",
        "    return np.array([dw1, dw2])",
    ],
}

_STEP = {
    "gd": ["step = -lr * g"],
    "momentum": ["v = beta * v + g", "step = -lr * v"],
    "nesterov": ["v = beta * v + g", "step = -lr * (g + beta * v)"],
    "adagrad": ["s = s + g * g", "step = -lr * g / (np.sqrt(s) + eps)"],
    "rmsprop": ["s = beta * s + (1 - beta) * g * g", "step = -lr * g / (np.sqrt(s) + eps)"],
    "adam": [
        "t += 1",
        "m = beta * m + (1 - beta) * g",
        "v = beta2 * v + (1 - beta2) * g * g",
        "m_hat, v_hat = m / (1 - beta**t), v / (1 - beta2**t)",
        "step = -lr * m_hat / (np.sqrt(v_hat) + eps)",
    ],
}
_STATE = {
    "gd": [],
    "momentum": ["v = np.zeros(2)"],
    "nesterov": ["v = np.zeros(2)"],
    "adagrad": ["s = np.zeros(2)"],
    "rmsprop": ["s = np.zeros(2)"],
    "adam": ["m, v, t = np.zeros(2), np.zeros(2), 0"],
}


def _schedule_lines(run: lab.RunSpec, epochs: int) -> list[str]:
    s = run.schedule
    w = s.warmup
    lines = ["def lr_of_epoch(e):"]
    if w:
        lines += [f"    if e < {w}:  # linear warm-up", f"        return LR * (e + 1) / {w}"]
    t = f"e - {w}" if w else "e"
    if s.name == "step":
        lines.append(f"    return LR * {s.drop!r} ** (({t}) // {s.every})  # step decay")
    elif s.name == "exp":
        lines.append(f"    return LR * {s.gamma!r} ** ({t})  # exponential decay")
    elif s.name == "cosine":
        T = max(1, epochs - w)
        lines.append(f"    return LR * (1 + np.cos(np.pi * ({t}) / {T})) / 2  # cosine annealing")
    else:
        lines.append("    return LR  # constant")
    return lines


def script(spec: lab.DataSpec, problem: lab.Problem, run: lab.RunSpec, link: str = "") -> str:
    """A standalone script that reproduces ``run`` on ``problem`` (made from ``spec``)."""
    if not scriptable(problem):
        raise ValueError("only runs on data can be written as a script")
    data = problem.data
    assert data is not None
    epochs = min(run.epochs, lab.max_epochs(problem, run.batch_size))
    n = problem.n_train
    bs = int(min(max(1, run.batch_size), n))
    theta0 = lab.start_point(problem, run)
    names = problem.names
    line = problem.model == "line"
    quad = problem.quadratic
    if quad is not None:
        base, scale = float(quad.q.loss_min), float(np.mean(quad.y**2))
    else:
        floor = problem.surface.floor
        base = float(floor) if np.isfinite(floor) else 0.0
        scale = abs(base) + 1.0
    mask = [1.0, 1.0] if (not line or run.train_b) else [0.0, 1.0]
    model = "y = b + w·x" if line else "y = w2·tanh(w1·x)"
    opt_words = {
        "gd": "plain gradient descent",
        "momentum": f"momentum (beta = {run.beta!r})",
        "nesterov": f"Nesterov momentum (beta = {run.beta!r})",
        "adagrad": "AdaGrad",
        "rmsprop": f"RMSProp (rho = {run.beta!r})",
        "adam": f"Adam (beta1 = {run.beta!r}, beta2 = {run.beta2!r})",
    }[run.optimizer]
    sched = run.schedule
    sched_words = "constant" if sched.is_constant else sched.name
    if sched.warmup:
        sched_words += f" after {sched.warmup} epochs of linear warm-up"
    scaled = not problem.scaler.is_identity
    p0, p1 = names
    out = [
        '"""One run of the loss-surface lab, reproduced with NumPy alone.',
        "",
        f"Model {model}, mean squared error, {opt_words},",
        f"learning rate {run.lr!r} ({sched_words}),",
        f"batches of {bs} of {n} training examples, {epochs} epochs, seed {run.seed}.",
        *([f"The lab's link: {link}"] if link else []),
        "",
        "Run it with: python this_file.py",
        '"""',
        "",
        "import numpy as np",
        "",
        *_data_lines(spec, data),
    ]
    if scaled:
        out += [
            "",
            "# standardise x with the training split's mean and (population) standard deviation",
            "mean, std = np.mean(x_train), np.std(x_train)",
            "x_train, x_val = (x_train - mean) / std, (x_val - mean) / std",
        ]
    out += [
        "",
        "",
        *_MODEL[problem.model],
        "",
        "",
        "def loss(theta, x, y):",
        "    return np.mean((predict(theta, x) - y) ** 2)",
        "",
        "",
        f"LR = {run.lr!r}",
        "",
        "",
        *_schedule_lines(run, epochs),
        "",
        "",
    ]
    if run.start is None:
        out += [
            "# the start, drawn as the book draws it",
            f"np.random.seed({run.seed})",
            "b = np.random.randn(1)",
            "w = np.random.randn(1)",
            "theta = np.array([b[0], w[0]])",
        ]
    else:
        out.append(f"theta = np.array({_floats(theta0)})  # the start")
    out += [
        f"mask = np.array({mask!r})  # 0 holds a parameter at its start",
        f"beta, beta2, eps = {run.beta!r}, {run.beta2!r}, 1e-8",
        *_STATE[run.optimizer],
        f"n, batch_size, epochs = {n}, {bs}, {epochs}",
        "# every epoch's visiting order: a fresh permutation per epoch from the seed",
        "order = np.tile(np.arange(n, dtype=np.int32), (epochs, 1))",
    ]
    if run.shuffle:
        out.append(f"order = np.random.default_rng({run.seed}).permuted(order, axis=1)")
    out += [
        "",
        "# the lab stops a run whose loss gets 10^6 times further from the floor than at the start",
        f"BASE, SCALE = {base!r}, {scale!r}",
        "start_excess = loss(theta, x_train, y_train) - BASE",
        f"limit = {EXPLOSION_FACTOR!r} * max(start_excess, SCALE * 1e-12 + np.finfo(float).tiny)",
        "",
        "update = 0",
        "diverged = False",
        "every = max(1, epochs // 10)  # print ten epochs",
        "for epoch in range(epochs):",
        "    lr = lr_of_epoch(epoch)",
        "    for start in range(0, n, batch_size):",
        "        rows = order[epoch, start : start + batch_size]",
        "        g = mask * gradient(theta, x_train[rows], y_train[rows])",
        *("        " + s for s in _STEP[run.optimizer]),
        "        new = theta + mask * step",
        "        update += 1",
        "        with np.errstate(over='ignore', invalid='ignore'):",
        "            excess = loss(new, x_train, y_train) - BASE",
        "        if not excess <= limit:",
        "            diverged = True",
        "            break",
        "        theta = new",
        "    if diverged:",
        '        print(f"Update {update} makes the loss explode: the run stops before it.")',
        "        break",
        "    if (epoch + 1) % every == 0 or epoch == 0:",
        "        train = loss(theta, x_train, y_train)",
        '        val = f", validation loss {loss(theta, x_val, y_val):.6g}" if len(x_val) else ""',
        f'        print(f"Epoch {{epoch + 1}}: {p0} = {{theta[0]:.4f}}, {p1} = {{theta[1]:.4f}}, '
        'training loss {train:.6g}{val}")',
        "",
        "# every digit, to compare with the lab",
        f'print(f"{p0} = {{float(theta[0])!r}}")',
        f'print(f"{p1} = {{float(theta[1])!r}}")',
        'print(f"training loss = {float(loss(theta, x_train, y_train))!r}")',
    ]
    if scaled:
        out += [
            "# the same line in original units: b = b' - w' mean / std, w = w' / std",
            'print(f"in original units: b = {float(theta[0] - theta[1] * mean / std)!r}, '
            'w = {float(theta[1] / std)!r}")',
        ]
    return "\n".join(out) + "\n"
