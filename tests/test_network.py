"""The network of the landscape page and its slices, against independent references: plain loops
over examples and units, central finite differences, a hand-written training loop, the
eigenvectors of the covariance matrix."""

import math

import numpy as np
import pytest

from core import descent, landscape, netlab, optimizers
from core.network import NetworkSurface, forward_each, init_params, layout

SHAPES = [(5,), (4, 3), (32,), (6, 32)]


def loop_predict(lay, activation, theta, x):
    """One example at a time, one unit at a time, weights read from the flat vector by hand."""
    f = math.tanh if activation == "tanh" else (lambda v: max(v, 0.0))
    out = []
    for xi in x:
        a, at = [float(xi)], 0
        for k in range(len(lay.sizes) - 1):
            n_in, n_out = lay.sizes[k], lay.sizes[k + 1]
            weights = theta[at : at + n_out * n_in]
            biases = theta[at + n_out * n_in : at + n_out * n_in + n_out]
            at += n_out * n_in + n_out
            z = [
                biases[o] + sum(weights[o * n_in + i] * a[i] for i in range(n_in))
                for o in range(n_out)
            ]
            a = z if k == len(lay.sizes) - 2 else [f(v) for v in z]
        out.append(a[0])
    return np.array(out)


def data(n=40, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2, 2, n)
    return x, np.sin(2 * x) + 0.1 * rng.standard_normal(n)


@pytest.mark.parametrize("activation", ["tanh", "relu"])
@pytest.mark.parametrize("hidden", [(5,), (4, 3)])
def test_forward_and_loss_match_a_loop_over_examples_and_units(hidden, activation):
    x, y = data(12)
    lay = layout(hidden)
    s = NetworkSurface(x=x, y=y, lay=lay, activation=activation)
    thetas = np.stack([init_params(lay, seed=k) for k in range(3)])
    for theta in thetas:
        ref = loop_predict(lay, activation, theta, x)
        np.testing.assert_allclose(s.predict(theta, x), ref, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(float(s.loss(theta)), np.mean((ref - y) ** 2), rtol=1e-12)
    many = s.loss(thetas.reshape(3, 1, lay.p))  # many vectors at once, any leading shape
    assert many.shape == (3, 1)
    np.testing.assert_allclose(many[:, 0], [s.loss(t) for t in thetas], rtol=1e-13)
    rows = np.arange(12)
    np.testing.assert_allclose(
        forward_each(lay, activation, thetas[[0, 1, 2] * 4], x),
        [loop_predict(lay, activation, thetas[r % 3], [x[r]])[0] for r in rows],
        rtol=1e-12,
        atol=1e-12,
    )


def away_from_kinks(lay, theta, x, margin):
    """Whether every pre-activation is further than ``margin`` from 0 (ReLU's kink)."""
    a = x[:, None]
    for k, (w, b) in enumerate(lay.unpack(theta)):
        z = a @ w.T + b
        if k < len(lay.shapes) - 1:
            if np.abs(z).min() < margin:
                return False
            a = np.maximum(z, 0)
    return True


@pytest.mark.parametrize("activation", ["tanh", "relu"])
@pytest.mark.parametrize("hidden", SHAPES)
def test_backprop_matches_central_differences_for_every_parameter(hidden, activation):
    lay = layout(hidden)
    x, y = data(25, seed=len(hidden))
    s = NetworkSurface(x=x, y=y, lay=lay, activation=activation)
    h = 1e-6
    rng = np.random.default_rng(7)
    for _ in range(50):  # random weights (not only the init's scale); ReLU: off its kinks
        theta = rng.normal(0.0, 0.8, lay.p)
        if activation == "tanh" or away_from_kinks(
            lay, theta, x, 100 * h * (1 + np.abs(theta).max() * 10)
        ):
            break
    else:
        pytest.fail("no point away from the kinks")
    loss, grad = s.batch(theta, np.arange(x.size))
    assert loss == pytest.approx(float(s.loss(theta)), rel=1e-13)
    numeric = np.empty(lay.p)
    for j in range(lay.p):
        e = np.zeros(lay.p)
        e[j] = h
        numeric[j] = (s.loss(theta + e) - s.loss(theta - e)) / (2 * h)
    np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=1e-8)
    np.testing.assert_allclose(s.gradient(theta), grad)  # the full gradient is the same code
    rows = np.array([3, 1, 4, 1, 5])  # a mini-batch is the mean over its rows
    mini = NetworkSurface(x=x[rows], y=y[rows], lay=lay, activation=activation)
    np.testing.assert_allclose(s.batch(theta, rows)[1], mini.gradient(theta))


def test_batch_losses_are_each_batch_at_its_own_parameters():
    lay = layout((4, 3))
    x, y = data(20)
    s = NetworkSurface(x=x, y=y, lay=lay, activation="tanh")
    params = np.stack([init_params(lay, seed=k) for k in range(4)])
    rows = np.array([0, 1, 2, 5, 6, 7, 8, 19, 3])
    owner = np.array([0, 0, 0, 1, 1, 2, 2, 2, 3])
    got = s.batch_losses(params, rows, owner, 4)
    want = [s.batch(params[k], rows[owner == k])[0] for k in range(4)]
    np.testing.assert_allclose(got, want, rtol=1e-12)
    rows = np.arange(20).repeat(4)  # large batches take the other way: the same numbers
    owner = np.repeat(np.arange(4), 20)
    got = s.batch_losses(params, rows, owner, 4)
    want = [s.batch(params[k], rows[owner == k])[0] for k in range(4)]
    np.testing.assert_allclose(got, want, rtol=1e-12)


def plain_loop(s, theta, *, lr, epochs, batch, seed, adam=False):
    """Mini-batch training written out: the lab's visit order (a fresh permutation per epoch
    from the seed, the last batch the rest), the gradient by backprop, the update by hand."""
    n = s.n_train
    order = np.random.default_rng(seed).permuted(np.tile(np.arange(n), (epochs, 1)), axis=1)
    theta = theta.copy()
    m = v = np.zeros_like(theta)
    t = 0
    for e in range(epochs):
        for lo in range(0, n, batch):
            g = s.batch(theta, order[e, lo : lo + batch])[1]
            if adam:
                t += 1
                m = 0.9 * m + 0.1 * g
                v = 0.999 * v + 0.001 * g * g
                theta = theta - lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
            else:
                theta = theta - lr * g
    return theta


@pytest.mark.parametrize("opt,batch", [("gd", 7), ("gd", 1), ("adam", 16)])
def test_training_with_descent_run_matches_a_plain_loop(opt, batch):
    spec = netlab.NetSpec(hidden=(6, 5), optimizer=opt, lr=0.05 if opt == "gd" else 0.01)
    spec = netlab.NetSpec(**{**spec.__dict__, "batch_size": batch, "epochs": 6})
    problem = netlab.make_problem(netlab.dataset("tanh"), spec)
    traj = netlab.train(problem, spec)
    theta0 = init_params(problem.surface.lay, seed=spec.seed)
    want = plain_loop(
        problem.surface,
        theta0,
        lr=spec.lr,
        epochs=6,
        batch=batch,
        seed=spec.seed,
        adam=opt == "adam",
    )
    np.testing.assert_allclose(traj.params[-1], want, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(traj.params[0], theta0)
    assert traj.n_updates == 6 * -(-problem.n_train // batch)
    np.testing.assert_allclose(traj.train_loss[-1], problem.surface.loss(want), rtol=1e-9)


def test_the_slice_at_its_centre_is_the_training_loss_at_the_final_weights():
    spec = netlab.NetSpec(hidden=(8, 8), activation="relu", batch_size=16, epochs=20)
    problem = netlab.make_problem(netlab.dataset("book"), spec)
    traj = netlab.train(problem, spec)
    v = netlab.views(problem, traj, dir_seed=3)
    c = netlab.GRID // 2
    assert v.plane.a[c] == 0.0 and v.plane.b[c] == 0.0
    assert v.plane.loss[c, c] == pytest.approx(float(traj.train_loss[-1]), rel=1e-12)
    # the line's t = 0 and t = 1 are the start and the end of training
    t0, t1 = np.argmin(np.abs(v.line_t)), np.argmin(np.abs(v.line_t - 1))
    assert v.line_loss[t0] == pytest.approx(traj.train_loss[0], rel=1e-12)
    assert v.line_loss[t1] == pytest.approx(traj.train_loss[-1], rel=1e-9)
    # a cell off the centre against the loop reference at that very point
    d1, d2 = landscape.directions(problem.surface.lay, traj.params[-1], seed=3)
    point = traj.params[-1] + v.plane.a[7] * d1 + v.plane.b[40] * d2
    ref = loop_predict(problem.surface.lay, "relu", point, problem.surface.x)
    assert v.plane.loss[40, 7] == pytest.approx(np.mean((ref - problem.surface.y) ** 2), rel=1e-10)


def test_filter_normalisation_as_the_paper_defines_it():
    """Each unit's incoming weights in the direction: the Gaussian draw's row, rescaled to the
    norm of the same unit's weights; biases zero; a new seed a new direction."""
    lay = layout((5, 4))
    theta = init_params(lay, seed=1) * np.linspace(0.5, 3, lay.p)
    d1, d2 = landscape.directions(lay, theta, seed=9)
    raw = np.random.default_rng(9).standard_normal(lay.p)
    for (ws, bs), (o, i) in zip(lay.slices, lay.shapes, strict=True):
        rows, w, r = d1[ws].reshape(o, i), theta[ws].reshape(o, i), raw[ws].reshape(o, i)
        for u in range(o):
            assert np.linalg.norm(rows[u]) == pytest.approx(np.linalg.norm(w[u]), rel=1e-12)
            cos = rows[u] @ r[u] / (np.linalg.norm(rows[u]) * np.linalg.norm(r[u]))
            assert cos == pytest.approx(1.0, rel=1e-12)  # the draw's own direction
        assert np.all(d1[bs] == 0) and np.all(d2[bs] == 0)
    assert not np.allclose(d1, d2)
    assert not np.allclose(d1, landscape.directions(lay, theta, seed=10)[0])


def test_pca_of_the_path_against_the_covariance_and_its_reconstruction():
    spec = netlab.NetSpec(hidden=(6,), batch_size=8, epochs=30)
    problem = netlab.make_problem(netlab.dataset("tanh"), spec)
    traj = netlab.train(problem, spec)
    path = traj.params
    pca = landscape.path_pca(path)
    rel = path - path[-1]
    centred = rel - rel.mean(axis=0)
    values, vectors = np.linalg.eigh(np.cov(centred.T, bias=True))  # independent: eigh of cov
    for k in range(2):
        assert abs(pca.components[k] @ vectors[:, -1 - k]) == pytest.approx(1.0, abs=1e-8)
        assert pca.explained[k] == pytest.approx(values[-1 - k] / values.sum(), rel=1e-8)
    # what the two components leave out is exactly the variance they do not explain
    recon = (centred @ pca.components.T) @ pca.components
    lost = np.sum((centred - recon) ** 2) / np.sum(centred**2)
    assert lost == pytest.approx(1 - pca.explained.sum(), rel=1e-8, abs=1e-12)
    np.testing.assert_allclose(pca.coords, rel @ pca.components.T)
    assert np.allclose(pca.coords[-1], 0.0)  # the plane passes through the final weights
    assert np.all(pca.coords[0] >= 0)
    pp = landscape.pca_plane(problem.surface, pca, ((-1.0, 1.0), (-1.0, 1.0)), points=5)
    assert pp.loss[2, 2] == pytest.approx(float(traj.train_loss[-1]), rel=1e-12)


def test_a_straight_path_is_one_component():
    start, end = np.zeros(7), np.arange(7.0)
    path = start + np.linspace(0, 1, 30)[:, None] * end
    pca = landscape.path_pca(path)
    assert pca.explained[0] == pytest.approx(1.0)
    assert pca.explained[1] == pytest.approx(0.0, abs=1e-20)


def test_every_run_is_bounded():
    """No control combination asks for more than the caps allow (updates, work, stored path)."""
    for hidden in [(1,), (32,), (32, 32)]:
        for batch in (1, 8, 10**6):
            spec = netlab.NetSpec(hidden=hidden, batch_size=batch, epochs=1000)
            n = netlab.MAX_TRAIN
            k = netlab.max_epochs(spec, n) * -(-n // min(batch, n))
            c = netlab.cost_per_example(spec)
            assert k <= netlab.MAX_UPDATES
            assert k * layout(hidden).p <= netlab.MAX_STORED
            assert k * c * (3 * min(batch, n) + n) <= netlab.MAX_WORK or k <= -(-n // min(batch, n))
    big = netlab.make_problem(
        netlab.datasets.synthetic(true_w=1, true_b=0, n=2000, noise=0.1, x_low=0, x_high=1, seed=1),
        netlab.NetSpec(),
    )
    assert big.subsampled and big.n_train == netlab.MAX_TRAIN


def test_divergence_is_stopped_and_said():
    spec = netlab.NetSpec(hidden=(8,), activation="relu", lr=10.0, epochs=50)
    problem = netlab.make_problem(netlab.dataset("book_x10"), spec)
    traj = netlab.train(problem, spec)
    assert traj.status == "diverged"
    assert np.isfinite(traj.train_loss).all()


def test_bad_networks_are_refused():
    with pytest.raises(ValueError):
        layout((33,))
    with pytest.raises(ValueError):
        layout((4, 4, 4))
    with pytest.raises(ValueError):
        NetworkSurface(x=np.zeros(2), y=np.zeros(2), lay=layout((2,)), activation="sigmoid")
    assert optimizers.NAMES  # every optimizer of the lab trains it
    for name in optimizers.NAMES:
        spec = netlab.NetSpec(hidden=(4,), optimizer=name, lr=0.01, epochs=3, batch_size=32)
        traj = netlab.train(netlab.make_problem(netlab.dataset("tanh"), spec), spec)
        assert traj.n_updates == 3 * 5 and traj.status in ("completed", "diverged")
        assert isinstance(traj, descent.Trajectory)


def test_the_hessian_against_second_differences_of_the_loss():
    lay = layout((2,))
    x, y = data(15)
    s = NetworkSurface(x=x, y=y, lay=lay, activation="tanh")
    theta = init_params(lay, seed=5)
    h = 1e-4
    eye = np.eye(lay.p) * h
    ref = np.array(
        [
            [
                (
                    s.loss(theta + eye[j] + eye[k])
                    - s.loss(theta + eye[j] - eye[k])
                    - s.loss(theta - eye[j] + eye[k])
                    + s.loss(theta - eye[j] - eye[k])
                )
                / (4 * h * h)
                for k in range(lay.p)
            ]
            for j in range(lay.p)
        ]
    )
    np.testing.assert_allclose(s.hessian(theta), ref, rtol=1e-4, atol=1e-6)


def test_width_at_of_a_parabola():
    t = np.linspace(-1, 1, 51)
    for curvature in (1.0, 8.0, 30.0):  # L = 1 + c t^2 doubles at |t| = 1 / sqrt(c)
        got = landscape.width_at(t, 1.0 + curvature * t * t)
        assert got == pytest.approx(2 / np.sqrt(curvature), rel=1e-2)  # linear between points
    assert landscape.width_at(t, 1.0 + 0.5 * t * t) == np.inf  # never doubles on the line
    off = 1.0 + 8.0 * (t - 0.1) ** 2  # a minimum off the centre: measured from the centre
    want = 2 * np.sqrt((2 * off[25] - 1) / 8)  # 1 + 8 (t - 0.1)^2 = 2 L(0)
    assert landscape.width_at(t, off) == pytest.approx(want, rel=1e-2)
