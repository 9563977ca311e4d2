import math

import numpy as np
import pytest

from core import datasets, descent, lab, models, optimizers, quadratic


@pytest.fixture(scope="module")
def book():
    data = datasets.book_chapter0()
    phi = models.line_design(data.x_train)
    return phi, data.y_train, quadratic.fit_quadratic(phi, data.y_train)


def full_gradient(phi, y, b, w):
    """The gradient of the MSE straight from the raw data."""
    gb = gw = 0.0
    for (_, x), yi in zip(phi, y, strict=True):
        e = b + w * x - yi
        gb += 2 * e / len(y)
        gw += 2 * e * x / len(y)
    return [gb, gw]


def reference(name, phi, y, theta, steps, lr, beta=0.9, beta2=0.999, eps=1e-8):
    """Each rule written out by hand, coordinate by coordinate."""
    th = list(theta)
    m, v = [0.0, 0.0], [0.0, 0.0]
    path = [tuple(th)]
    for t in range(1, steps + 1):
        g = full_gradient(phi, y, *th)
        for i in range(2):
            if name == "gd":
                th[i] -= lr * g[i]
            elif name == "momentum":
                v[i] = beta * v[i] + g[i]
                th[i] -= lr * v[i]
            elif name == "nesterov":
                v[i] = beta * v[i] + g[i]
                th[i] -= lr * (g[i] + beta * v[i])
            elif name == "adagrad":
                v[i] += g[i] ** 2
                th[i] -= lr * g[i] / (math.sqrt(v[i]) + eps)
            elif name == "rmsprop":
                v[i] = beta * v[i] + (1 - beta) * g[i] ** 2
                th[i] -= lr * g[i] / (math.sqrt(v[i]) + eps)
            elif name == "adam":
                m[i] = beta * m[i] + (1 - beta) * g[i]
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] ** 2
                m_hat, v_hat = m[i] / (1 - beta**t), v[i] / (1 - beta2**t)
                th[i] -= lr * m_hat / (math.sqrt(v_hat) + eps)
        path.append(tuple(th))
    return np.array(path)


@pytest.mark.parametrize("name", optimizers.NAMES)
def test_each_optimizer_follows_its_hand_written_rule(book, name):
    phi, y, q = book
    traj = descent.run_descent(
        phi,
        y,
        (0.3, -0.5),
        lr=0.05,
        batch_size=len(y),
        epochs=60,
        shuffle=False,
        q_train=q,
        optimizer=optimizers.make(name, 0.05),
    )
    np.testing.assert_allclose(
        traj.params, reference(name, phi, y, (0.3, -0.5), 60, 0.05), rtol=1e-10, atol=1e-12
    )


def _leaves(state):
    return [np.array(v, dtype=float) for v in (state if isinstance(state, tuple) else (state,))]


@pytest.mark.parametrize("name", optimizers.NAMES)
def test_optimizers_are_pure_functions(name):
    """The same inputs give the same outputs, and the state passed in is left as it was: an
    update returns a new state instead of changing the old one (so a run can be replayed)."""
    opt = optimizers.make(name, 0.1)
    params = np.array([0.5, -1.0])
    g = np.array([1.0, -2.0])
    state = opt.init(params)
    for _ in range(3):  # a state that has seen some gradients, not only the initial zeros
        _, state = opt.update(g, state, params)
    before = [leaf.copy() for leaf in _leaves(state)]
    step1, state1 = opt.update(g, state, params)
    step2, state2 = opt.update(g, state, params)
    np.testing.assert_array_equal(step1, step2)
    for a, b in zip(_leaves(state1), _leaves(state2), strict=True):
        np.testing.assert_array_equal(a, b)
    for leaf, kept in zip(_leaves(state), before, strict=True):
        np.testing.assert_array_equal(leaf, kept)
    assert np.all(np.sign(step1) == -np.sign(g))  # every rule steps against the gradient


# lr chosen per optimizer for a round bowl (standardised book data, Hessian = 2 I)
CONVERGENCE = {
    "gd": 0.3,
    "momentum": 0.1,
    "nesterov": 0.1,
    "adagrad": 0.5,
    "rmsprop": 0.02,
    "adam": 0.05,
}


@pytest.mark.parametrize("name", optimizers.NAMES)
def test_convergence_table_every_optimizer_reaches_the_optimum(name):
    problem = lab.make_problem(datasets.book_chapter0(), scaled=True)
    assert problem.condition == pytest.approx(1.0)
    spec = lab.RunSpec(
        lr=CONVERGENCE[name],
        batch_size=problem.n_train,
        epochs=1000,
        shuffle=False,
        optimizer=name,
        start=(-2.0, 3.0),
    )
    traj = lab.run(problem, spec)
    distance = np.linalg.norm(traj.params[-1] - problem.q_train.theta_star)
    assert traj.status != "diverged"
    assert distance < 1e-3, f"{name}: {distance:.2e} from the optimum after 1000 updates"


def test_momentum_diverges_where_its_own_limit_says():
    """Heavy ball on a quadratic is stable for lr < 2 (1 + beta) / lambda_max(H)."""
    problem = lab.make_problem(datasets.book_chapter0(), scaled=False)
    limit = 2 * (1 + 0.9) * problem.stable_lr / 2
    runs = [
        lab.run(
            problem,
            lab.RunSpec(
                lr=f * limit, batch_size=80, epochs=1000, shuffle=False, optimizer="momentum"
            ),
        )
        for f in (0.95, 1.05)
    ]
    assert runs[0].status != "diverged" and runs[1].status == "diverged"
