"""Every tutorial preset against the tutorial's own loop, written as the tutorial writes it."""

import numpy as np
import pytest

from core import datasets, descent, lab, quadratic, scenarios


def run_recipe(r, *, seed=1, epochs=None, stop=True):
    q = quadratic.fit_quadratic(r.phi, r.y)
    return descent.run_descent(
        r.phi,
        r.y,
        r.theta0,
        lr=r.lr,
        batch_size=r.batch_size,
        epochs=epochs or r.epochs,
        shuffle=r.shuffle,
        seed=seed,
        q_train=q,
        stop_below=r.stop_below if stop else None,
    )


def seed003_loop(X, Y):
    """Seed 003's training loop, line for line (batch_size = 1, early stop at 1e-5)."""
    w1, w2, w3 = 1, 0, 1
    lr, batch_size = 0.001, 1
    for epoch in range(1000):  # noqa: B007 (the tutorial's own line)
        epoch_loss = 0
        grad_w1 = grad_w2 = grad_w3 = 0
        count = 0
        for x, y_true in zip(X, Y, strict=True):
            count += 1
            y_pred = w1 * x**2 + w2 * x + w3
            epoch_loss += (y_pred - y_true) ** 2
            grad_w1 += 2 * (y_pred - y_true) * x**2
            grad_w2 += 2 * (y_pred - y_true) * x
            grad_w3 += 2 * (y_pred - y_true)
            if count == batch_size:
                w1 = w1 - lr * grad_w1 / batch_size
                w2 = w2 - lr * grad_w2 / batch_size
                w3 = w3 - lr * grad_w3 / batch_size
                count = 0
                grad_w1 = grad_w2 = grad_w3 = 0
        epoch_loss /= len(X)
        if epoch_loss < 0.00001:
            break
    return np.array([w1, w2, w3]), epoch, epoch_loss


def test_seed003_polynomial_reproduces_the_tutorials_loop():
    r = scenarios.polynomial_003()
    X = [0.01 * x for x in range(100)]
    Y = [4 * x**2 + 5 * x + 6 for x in X]
    np.testing.assert_array_equal(r.phi[:, 1], X)
    np.testing.assert_array_equal(r.y, Y)
    expected, last_epoch, last_loss = seed003_loop(X, Y)
    traj = run_recipe(r)
    np.testing.assert_allclose(traj.params[-1], expected, rtol=1e-9)
    assert traj.epochs == 1000 and traj.n_updates == (last_epoch + 1) * 100
    assert traj.batch_loss[-100:].mean() == pytest.approx(last_loss, rel=1e-9)


def test_seed003_early_stop_matches_the_tutorials_break():
    """With a larger step the epoch loss does fall below 1e-5: both stop after the same epoch."""
    r = scenarios.polynomial_003()
    X, Y = list(r.phi[:, 1]), list(r.y)
    lr = 0.05
    w, stopped_epoch = [1.0, 0.0, 1.0], None
    for epoch in range(1000):
        total = 0.0
        for x, yt in zip(X, Y, strict=True):
            yp = w[0] * x**2 + w[1] * x + w[2]
            total += (yp - yt) ** 2
            w = [
                w[0] - lr * 2 * (yp - yt) * x**2,
                w[1] - lr * 2 * (yp - yt) * x,
                w[2] - lr * 2 * (yp - yt),
            ]
        if total / len(X) < 1e-5:
            stopped_epoch = epoch
            break
    assert stopped_epoch is not None
    q = quadratic.fit_quadratic(r.phi, r.y)
    traj = descent.run_descent(
        r.phi,
        r.y,
        r.theta0,
        lr=lr,
        batch_size=1,
        epochs=1000,
        shuffle=False,
        q_train=q,
        stop_below=1e-5,
    )
    assert traj.stopped_after_epoch == stopped_epoch + 1
    np.testing.assert_allclose(traj.params[-1], w, rtol=1e-9)


def d2l_loop(features, labels, w, b, order, *, lr=0.0003, batch_size=10):
    """d2l's loop: squared_loss = (y_hat - y)^2 / 2 summed over the batch, then
    sgd: param -= lr * param.grad / batch_size (gradients written out by hand)."""
    w, b = w.copy(), float(b)
    for row in order:
        for i in range(0, len(row), batch_size):
            idx = row[i : i + batch_size]
            X, y = features[idx], labels[idx]
            err = X @ w + b - y  # d(l.sum())/d(y_hat)
            w -= lr * (X.T @ err) / batch_size
            b -= lr * err.sum() / batch_size
    return b, w


def test_d2l_linear_reproduces_the_tutorials_loop():
    r = scenarios.d2l_linear()
    traj = run_recipe(r, seed=5)
    b, w = d2l_loop(r.phi[:, 1:], r.y, r.theta0[1:], r.theta0[0], traj.order)
    np.testing.assert_allclose(traj.params[-1], [b, *w], rtol=1e-9)
    # the notes report errors of about 1e-3 and a printed loss about 5e-5
    assert np.all(np.abs(r.theta_true - traj.params[-1]) < 3e-3)
    assert 2e-5 < traj.train_loss[-1] / 2 < 1e-4


def tiny_loop(x, y, w, order, *, lr=0.3, global_batch_size=10):
    """Seed 001's tiny example: one sample per update, loss (x w - y)^2, and sgd dividing by the
    notebook's global batch size of 10."""
    for row in order:
        for i in row:
            grad = 2 * x[i] * (x[i] * w - y[i])
            w -= lr * grad / global_batch_size
    return w


@pytest.mark.parametrize("noisy", [False, True])
def test_d2l_tiny_example_matches_its_loop_with_lr_over_ten(noisy):
    data = datasets.d2l_tiny(noisy=noisy)
    problem = lab.make_problem(data, scaled=False)
    spec = lab.RunSpec(
        lr=0.03, batch_size=1, epochs=300, shuffle=True, seed=20, start=(0.0, 2.0), train_b=False
    )
    traj = lab.run(problem, spec)
    expected = tiny_loop(data.x_train, data.y_train, 2.0, traj.order)
    assert traj.params[-1, 1] == pytest.approx(expected, rel=1e-9)
    if noisy:
        assert traj.loss_floor > 1e-4 and traj.train_loss[-1] >= traj.loss_floor
    else:
        assert traj.train_loss[-1] < 1e-20
    literal = lab.run(problem, lab.RunSpec(**{**spec.__dict__, "lr": 0.3}))
    assert literal.status == "diverged"


@pytest.mark.parametrize("key", ["d2l", "poly"])
def test_slices_equal_the_brute_force_loss_at_each_cell(key):
    r = scenarios.RECIPES[key]()
    q = quadratic.fit_quadratic(r.phi, r.y)
    held = r.theta0 + np.array([0.3, -0.2, 0.1])
    for axes in [(0, 1), (1, 2), (0, 2)]:
        vi, vj = np.linspace(-1, 5, 9), np.linspace(-4, 7, 7)
        grid = quadratic.loss_grid(q, vi, vj, axes=axes, theta_fixed=held)
        for row, b in enumerate(vj):
            for col, a in enumerate(vi):
                theta = held.copy()
                theta[axes[0]], theta[axes[1]] = a, b
                brute = np.mean((r.phi @ theta - r.y) ** 2)
                assert grid[row, col] == pytest.approx(brute, rel=1e-11)


def test_the_named_features_are_the_design_matrix_columns():
    """The maths panel writes each gradient with these names: they must be the columns."""
    d2l, poly = scenarios.d2l_linear(), scenarios.polynomial_003()
    assert scenarios.FEATURES["d2l"] == ("1", "x1", "x2")
    np.testing.assert_array_equal(d2l.phi[:, 0], 1.0)
    x = np.array([0.01 * i for i in range(100)])
    np.testing.assert_allclose(poly.phi, np.column_stack([x**2, x, np.ones_like(x)]))
    assert scenarios.FEATURES["poly"] == ("x²", "x", "1")
