"""Learning-rate schedules against plain loops: the rates against PyTorch's own (recursive)
update rules for StepLR, ExponentialLR and CosineAnnealingLR stepped once per epoch, and whole
runs against a per-update loop over the raw data that sets the rate before every epoch, as a
training script with ``scheduler.step()`` does."""

import math

import numpy as np
import pytest

from core import datasets, descent, functions, lab, schedules


def torch_style_rates(name, lr, epochs, *, warmup=0, every=100, drop=0.5, gamma=0.99):
    """η epoch by epoch the way the schedulers compute it: each from the one before (PyTorch's
    ``get_lr`` recursions), after a linear warm-up from lr/W."""
    rates = []
    for e in range(warmup):
        rates.append(lr * (e + 1) / warmup)
    T = max(1, epochs - warmup)
    eta = lr
    for t in range(epochs - warmup):
        if t > 0:
            if name == "step" and t % every == 0:
                eta = eta * drop
            elif name == "exp":
                eta = eta * gamma
            elif name == "cosine":
                eta = eta * (1 + math.cos(math.pi * t / T)) / (1 + math.cos(math.pi * (t - 1) / T))
        rates.append(eta)
    return rates


@pytest.mark.parametrize("warmup", [0, 5])
@pytest.mark.parametrize(
    "name,kw",
    [
        ("constant", {}),
        ("step", {"every": 7, "drop": 0.3}),
        ("exp", {"gamma": 0.9}),
        ("cosine", {}),
    ],
)
def test_rates_follow_the_schedulers_recursions(name, kw, warmup):
    s = schedules.Schedule(name=name, warmup=warmup, **kw)
    got = schedules.epoch_rates(s, 0.2, 40)
    want = torch_style_rates(name, 0.2, 40, warmup=warmup, **kw)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)
    assert got.shape == (40,) and (got > 0).all()


def test_cosine_ends_near_zero_and_warmup_reaches_the_base_rate():
    r = schedules.epoch_rates(schedules.Schedule(name="cosine", warmup=10), 0.5, 110)
    assert r[9] == pytest.approx(0.5) and r[10] == pytest.approx(0.5)
    assert r[0] == pytest.approx(0.05)
    assert r[-1] < 1e-3 * 0.5 and np.all(np.diff(r[10:]) < 0)


def test_the_constant_schedule_is_exactly_the_rate():
    r = schedules.epoch_rates(schedules.CONSTANT, 0.1, 5)
    assert r.tolist() == [0.1] * 5


@pytest.mark.parametrize(
    "kw", [{"name": "none"}, {"warmup": -1}, {"every": 0}, {"drop": 0.0}, {"gamma": 1.5}]
)
def test_bad_schedules_are_refused(kw):
    with pytest.raises(ValueError):
        schedules.Schedule(**kw)


def loop(x, y, theta, order, batch_size, epoch_rate, opt, beta=0.9, beta2=0.999, eps=1e-8):
    """Mini-batch training over the raw data, the rate set at the start of every epoch."""
    b, w = theta
    m, v, t = [0.0, 0.0], [0.0, 0.0], 0
    path = [(b, w)]
    for e, row in enumerate(order):
        lr = epoch_rate[e]
        for start in range(0, len(row), batch_size):
            batch = row[start : start + batch_size]
            g = [0.0, 0.0]
            for i in batch:
                err = b + w * x[i] - y[i]
                g[0] += 2 * err / len(batch)
                g[1] += 2 * err * x[i] / len(batch)
            t += 1
            th = [b, w]
            for j in range(2):
                if opt == "gd":
                    th[j] -= lr * g[j]
                elif opt == "momentum":
                    v[j] = beta * v[j] + g[j]
                    th[j] -= lr * v[j]
                elif opt == "adam":
                    m[j] = beta * m[j] + (1 - beta) * g[j]
                    v[j] = beta2 * v[j] + (1 - beta2) * g[j] ** 2
                    mh, vh = m[j] / (1 - beta**t), v[j] / (1 - beta2**t)
                    th[j] -= lr * mh / (math.sqrt(vh) + eps)
            b, w = th
            path.append((b, w))
    return np.array(path)


@pytest.mark.parametrize("opt", ["gd", "momentum", "adam"])
@pytest.mark.parametrize("batch", [1, 16, 80])
@pytest.mark.parametrize("name", ["step", "exp", "cosine"])
def test_a_scheduled_run_follows_the_plain_loop(name, batch, opt):
    data = datasets.book_chapter0()
    problem = lab.make_problem(data, scaled=False)
    epochs = 30
    sched = schedules.Schedule(name=name, warmup=3, every=8, drop=0.5, gamma=0.9)
    spec = lab.RunSpec(lr=0.1, batch_size=batch, epochs=epochs, optimizer=opt, schedule=sched)
    traj = lab.run(problem, spec)
    rates = torch_style_rates(name, 0.1, epochs, warmup=3, every=8, drop=0.5, gamma=0.9)
    want = loop(data.x_train, data.y_train, traj.params[0], traj.order, traj.batch_size, rates, opt)
    np.testing.assert_allclose(traj.params, want, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(traj.epoch_lr, rates, rtol=1e-12)
    assert traj.lr.shape == (traj.n_updates,)
    assert traj.lr[traj.updates_per_epoch * 5] == pytest.approx(rates[5])


def test_the_compiled_long_run_takes_the_schedule_too(monkeypatch):
    """50,000 updates and more go through the compiled loop: the same numbers as the Python one."""
    problem = lab.make_problem(datasets.line_5x(seed=3), scaled=True)
    sched = schedules.Schedule(name="exp", gamma=0.98, warmup=10)
    spec = lab.RunSpec(lr=0.05, batch_size=1, epochs=200, schedule=sched)
    compiled = lab.run(problem, spec)
    assert compiled.n_updates >= 50_000 and descent.fastloop.worth_it(2, compiled.n_updates)
    monkeypatch.setattr(descent.fastloop, "worth_it", lambda p, k: False)
    python = lab.run(problem, spec)
    np.testing.assert_allclose(compiled.params, python.params, rtol=1e-12, atol=1e-12)
    constant = lab.run(problem, lab.RunSpec(lr=0.05, batch_size=1, epochs=200))
    k = 5 * compiled.updates_per_epoch  # in the warm-up: the scheduled steps are smaller
    assert np.linalg.norm(compiled.params[k] - compiled.params[0]) < np.linalg.norm(
        constant.params[k] - constant.params[0]
    )


def test_a_schedule_on_a_test_function_follows_the_plain_loop():
    f = functions.FUNCTIONS["rosenbrock"]
    sched = schedules.Schedule(name="step", every=50, drop=0.5, warmup=20)
    spec = lab.RunSpec(lr=0.002, epochs=300, schedule=sched)
    traj = lab.run(lab.function_problem("rosenbrock"), spec)
    rates = torch_style_rates("step", 0.002, 300, warmup=20, every=50, drop=0.5)
    theta = np.array(traj.params[0])
    for k in range(traj.n_updates):
        theta = theta - rates[k] * f.gradient(theta)
        np.testing.assert_allclose(traj.params[k + 1], theta, rtol=1e-12, atol=1e-12)
