"""Every surface beyond the bowl against independent references: central differences for
gradients and Hessians, direct evaluation for grids, the raw rows for mini-batches, and plain
loops for the optimizers."""

import math

import numpy as np
import pytest

from core import datasets, descent, functions, lab, optimizers, surface
from core.neuron import NeuronSurface

FUNCTIONS = list(functions.FUNCTIONS.values())


def neuron(seed=3):
    data = datasets.tanh_data(seed=seed)
    return NeuronSurface(x=data.x_train.copy(), y=data.y_train.copy())


SURFACES = [*FUNCTIONS, neuron()]
IDS = [*functions.KEYS, "neuron"]


def random_points(s, k=12, seed=0):
    rng = np.random.default_rng(seed)
    if isinstance(s, functions.TestFunction):
        (x0, x1), (y0, y1) = s.window
        return np.column_stack([rng.uniform(x0, x1, k), rng.uniform(y0, y1, k)])
    return rng.uniform(-3, 3, (k, 2))


def central_gradient(f, theta, h=1e-6):
    out = np.empty(2)
    for i in range(2):
        e = np.zeros(2)
        e[i] = h * max(1.0, abs(theta[i]))
        out[i] = (f(theta + e) - f(theta - e)) / (2 * e[i])
    return out


@pytest.mark.parametrize("s", SURFACES, ids=IDS)
def test_gradient_and_hessian_match_central_differences(s):
    for theta in random_points(s):
        g = s.gradient(theta)
        fd = central_gradient(lambda t: float(s.loss(t)), theta)
        np.testing.assert_allclose(g, fd, rtol=1e-5, atol=1e-6 * (1 + np.abs(g).max()))
        h = s.hessian(theta)
        fd_h = np.array([central_gradient(lambda t, i=i: s.gradient(t)[i], theta) for i in (0, 1)])
        np.testing.assert_allclose(h, fd_h, rtol=1e-4, atol=1e-5 * (1 + np.abs(h).max()))
        np.testing.assert_allclose(h, h.T)


@pytest.mark.parametrize("s", SURFACES, ids=IDS)
def test_vectorised_evaluation_agrees_with_one_point_at_a_time(s):
    pts = random_points(s, 7)
    np.testing.assert_allclose(s.loss(pts), [float(s.loss(p)) for p in pts], rtol=1e-13)
    np.testing.assert_allclose(s.gradient(pts), [s.gradient(p) for p in pts], rtol=1e-13)
    np.testing.assert_allclose(s.hessian(pts), [s.hessian(p) for p in pts], rtol=1e-13)


@pytest.mark.parametrize("s", SURFACES, ids=IDS)
def test_grid_cell_by_cell_against_a_direct_evaluation(s):
    vi, vj = np.linspace(-2.5, 3.0, 23), np.linspace(-1.5, 2.5, 17)
    cells = s.grid(vi, vj)
    assert cells.shape == (17, 23)
    for j in range(0, 17, 4):
        for i in range(0, 23, 5):
            theta = np.array([vi[i], vj[j]])
            if isinstance(s, NeuronSurface):  # the raw mean over examples
                direct = np.mean((theta[1] * np.tanh(theta[0] * s.x) - s.y) ** 2)
            else:
                direct = s.f(vi[i], vj[j])
            assert cells[j, i] == pytest.approx(direct, rel=1e-12, abs=1e-13)


@pytest.mark.parametrize("s", SURFACES, ids=IDS)
def test_known_minima_and_saddles_are_what_they_claim(s):
    assert s.points, "every surface here marks its minima"
    for pt in s.points:
        theta = np.array(pt.theta)
        g = s.gradient(theta)
        scale = 1 + np.abs(s.hessian(theta)).max()
        assert np.abs(g).max() < 1e-9 * scale, (pt, g)
        eig = np.linalg.eigvalsh(s.hessian(theta))
        if pt.kind == "minimum":
            assert eig[0] > 0, (pt, eig)
        else:
            assert eig[0] < 0 < eig[1], (pt, eig)
        assert float(s.loss(theta)) == pytest.approx(pt.loss, rel=1e-12, abs=1e-15)
    minima = [pt.loss for pt in s.points if pt.kind == "minimum"]
    assert s.floor == min(minima)


def test_published_minima_of_the_test_functions():
    f = functions.FUNCTIONS
    assert f["rosenbrock"].points[0].theta == pytest.approx((1.0, 1.0), abs=1e-12)
    assert f["beale"].points[0].theta == pytest.approx((3.0, 0.5), abs=1e-12)
    himmelblau = [p for p in f["himmelblau"].points if p.kind == "minimum"]
    assert len(himmelblau) == 4 and all(p.loss < 1e-20 for p in himmelblau)
    camel = sorted(p.loss for p in f["camel"].points)
    assert camel[0] == pytest.approx(-1.0316284535, abs=1e-9) == camel[1]
    assert len(f["saddle"].points) == 3 and f["saddle"].floor == -0.25


def test_the_neurons_minima_are_mirror_images_and_the_origin_is_a_saddle():
    s = neuron()
    (a, b), (c, d) = [p.theta for p in s.points if p.kind == "minimum"]
    assert (a, b) == pytest.approx((-c, -d), rel=1e-15)
    assert a == pytest.approx(1.5, abs=0.15) and b == pytest.approx(2.0, abs=0.15)  # the recipe
    # a finer direct scan finds nothing lower
    w1, w2 = np.meshgrid(np.linspace(0.5, 3, 301), np.linspace(1, 3, 301))
    direct = s.grid(w1[0], w2[:, 0])
    assert direct.min() >= s.floor - 1e-12
    saddle = next(p for p in s.points if p.kind == "saddle")
    assert saddle.theta == (0.0, 0.0)
    # at the saddle every example's own gradient is zero: mini-batch noise cannot move a run
    for i in range(s.n_train):
        _, g = s.batch(np.zeros(2), np.array([i]))
        np.testing.assert_array_equal(g, 0.0)


def test_mini_batches_of_the_neuron_against_the_raw_rows():
    s = neuron()
    rng = np.random.default_rng(1)
    theta = np.array([0.8, -1.3])
    rows = rng.choice(s.n_train, 9, replace=False)
    loss, g = s.batch(theta, rows)
    sub = NeuronSurface(x=s.x[rows].copy(), y=s.y[rows].copy())
    assert loss == pytest.approx(float(sub.loss(theta)), rel=1e-13)
    np.testing.assert_allclose(g, sub.gradient(theta), rtol=1e-13)
    params = rng.normal(size=(3, 2))
    owner = np.repeat(np.arange(3), 3)
    got = s.batch_losses(params, rows, owner, 3)
    for k in range(3):
        expected = s.batch(params[k], rows[owner == k])[0]
        assert got[k] == pytest.approx(expected, rel=1e-13)


def test_local_stable_step_is_two_over_the_largest_curvature():
    s = functions.FUNCTIONS["rosenbrock"]
    h = s.hessian(np.array([1.0, 1.0]))  # [[802, -400], [-400, 200]]
    lam = np.linalg.eigvalsh(h)[-1]
    assert surface.local_stable_lr(s, (1.0, 1.0)) == pytest.approx(2 / lam)
    assert lam == pytest.approx(501 + math.sqrt(501**2 - 400), rel=1e-12)


def reference_loop(name, f_grad, theta, steps, lr, beta=0.9, beta2=0.999, eps=1e-8):
    """Each rule written out coordinate by coordinate, as a textbook writes it."""
    th = list(theta)
    m, v = [0.0, 0.0], [0.0, 0.0]
    path = [tuple(th)]
    for t in range(1, steps + 1):
        g = list(f_grad(*th))
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
                th[i] -= lr * (m[i] / (1 - beta**t)) / (math.sqrt(v[i] / (1 - beta2**t)) + eps)
        path.append(tuple(th))
    return np.array(path)


def rosenbrock_grad(x, y):
    return -2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)


@pytest.mark.parametrize("name", optimizers.NAMES)
def test_each_optimizer_on_rosenbrock_follows_a_plain_loop(name):
    s = functions.FUNCTIONS["rosenbrock"]
    lr = {"gd": 0.001, "momentum": 0.0005, "nesterov": 0.0005}.get(name, 0.01)
    traj = descent.run(s, (-1.5, 2.5), lr=lr, epochs=400, optimizer=optimizers.make(name, lr))
    expected = reference_loop(name, rosenbrock_grad, (-1.5, 2.5), 400, lr)
    assert traj.params.shape == expected.shape
    np.testing.assert_allclose(traj.params, expected, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(traj.train_loss, s.f(expected[:, 0], expected[:, 1]), rtol=1e-10)


def test_gradient_noise_is_seeded_and_of_the_chosen_size():
    s = functions.FUNCTIONS["saddle"]
    kw = dict(lr=0.01, epochs=4000, noise=0.5, seed=9)
    a, b = descent.run(s, (0.5, 0.5), **kw), descent.run(s, (0.5, 0.5), **kw)
    np.testing.assert_array_equal(a.params, b.params)
    drawn = a.grads - s.gradient(a.params[:-1])
    assert drawn.std() == pytest.approx(0.5, rel=0.05) and abs(drawn.mean()) < 0.03
    other = descent.run(s, (0.5, 0.5), **{**kw, "seed": 10})
    assert not np.array_equal(other.params, a.params)


def test_a_run_started_on_the_saddles_stable_line_stalls_there_and_noise_frees_it():
    s = functions.FUNCTIONS["saddle"]
    stuck = descent.run(s, (0.0, 1.8), lr=0.1, epochs=300)
    assert stuck.status == "stalled" and s.points[stuck.reached].kind == "saddle"
    np.testing.assert_array_equal(stuck.params[:, 0], 0.0)  # x's gradient is exactly zero there
    freed = descent.run(s, (0.0, 1.8), lr=0.1, epochs=300, noise=0.05, seed=1)
    assert freed.status == "completed"  # noise keeps it moving...
    assert abs(freed.params[-1, 0]) == pytest.approx(1.0, abs=0.2)  # ...near a minimum


def test_a_run_that_reaches_a_minimum_names_it():
    s = functions.FUNCTIONS["himmelblau"]
    traj = descent.run(s, (2.0, 1.0), lr=0.01, epochs=300)
    assert traj.status == "converged"
    assert s.points[traj.reached].theta == pytest.approx((3.0, 2.0), abs=1e-9)
    assert 0 < traj.converged_at < 300


def test_the_neuron_problem_runs_with_mini_batches_and_validation():
    problem = lab.problem_of(lab.DataSpec(scenario="tanh", model="neuron"), scaled=False)
    spec = lab.RunSpec(lr=0.1, batch_size=16, epochs=50, start=(0.5, 0.5))
    traj = lab.run(problem, spec)
    assert traj.updates_per_epoch == 10  # 160 training examples
    s = problem.surface
    for k in (0, 7, 133):
        rows = traj.batch_members(k)
        loss, g = s.batch(traj.params[k], rows)
        np.testing.assert_allclose(traj.grads[k], g, rtol=1e-13)
        assert traj.batch_loss[k] == pytest.approx(loss, rel=1e-12)
        w1, w2 = traj.params[k]
        step = traj.params[k + 1] - traj.params[k]
        np.testing.assert_allclose(step, -0.1 * g, rtol=1e-12)
        assert w1 == traj.params[k, 0] and w2 == traj.params[k, 1]
    val = problem.val
    assert traj.val_loss_epoch[-1] == pytest.approx(float(val.loss(traj.params[-1])), rel=1e-12)
    assert traj.train_loss[-1] < traj.train_loss[0]
