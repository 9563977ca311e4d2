import numpy as np
import pytest

from core import datasets, descent, models, quadratic
from tests.references import minibatch_loop, mse_loop


@pytest.fixture(scope="module")
def book():
    data = datasets.book_chapter0()
    return data, models.line_design(data.x_train)


def book_loop(epochs: int, lr: float = 0.1):
    """The book's own loop (chapter 0), with its own global-state recipe."""
    true_b, true_w, N = 1, 2, 100
    np.random.seed(42)
    x = np.random.rand(N, 1)
    epsilon = 0.1 * np.random.randn(N, 1)
    y = true_b + true_w * x + epsilon
    idx = np.arange(N)
    np.random.shuffle(idx)
    train_idx = idx[: int(N * 0.8)]
    x_train, y_train = x[train_idx], y[train_idx]
    np.random.seed(42)
    b = np.random.randn(1)
    w = np.random.randn(1)
    for _ in range(epochs):
        yhat = b + w * x_train
        error = yhat - y_train
        b_grad = 2 * error.mean()
        w_grad = 2 * (x_train * error).mean()
        b = b - lr * b_grad
        w = w - lr * w_grad
    return float(b[0]), float(w[0])


def test_book_first_update_and_1000_epochs_match_the_books_loop(book):
    data, phi = book
    start = datasets.book_initial_params()
    assert start == book_loop(0)
    traj = descent.run_descent(
        phi, data.y_train, start, lr=0.1, batch_size=80, epochs=1000, shuffle=False
    )
    np.testing.assert_allclose(traj.params[1], book_loop(1), rtol=1e-12)
    np.testing.assert_allclose(traj.params[-1], book_loop(1000), rtol=1e-10)
    # the numbers the book prints
    np.testing.assert_allclose(traj.params[-1], [1.0235, 1.9690], atol=5e-5)
    assert traj.train_loss[0] == pytest.approx(2.7421577700550976, rel=1e-12)


@pytest.mark.parametrize("batch_size", [1, 7, 80])
@pytest.mark.parametrize("shuffle", [True, False])
def test_trajectory_matches_a_plain_per_update_loop(book, batch_size, shuffle):
    data, phi = book
    start = (0.3, -1.2)
    traj = descent.run_descent(
        phi, data.y_train, start, lr=0.05, batch_size=batch_size, epochs=5, shuffle=shuffle, seed=7
    )
    expected = minibatch_loop(data.x_train, data.y_train, *start, 0.05, traj.order, batch_size)
    assert traj.params.shape == (len(expected), 2)
    np.testing.assert_allclose(traj.params, expected, rtol=1e-10, atol=1e-12)
    assert traj.status in ("converged", "completed")
    assert traj.val_loss_epoch.size == 0  # no validation split given, none invented


def test_last_partial_batch_is_kept_and_losses_are_the_batches(book):
    data, phi = book
    q_val = quadratic.fit_quadratic(models.line_design(data.x_val), data.y_val)
    traj = descent.run_descent(
        phi,
        data.y_train,
        (0.0, 0.0),
        lr=0.05,
        batch_size=7,
        epochs=2,
        shuffle=True,
        seed=1,
        q_val=q_val,
    )
    assert traj.updates_per_epoch == 12  # 11 batches of 7, one of 3
    assert len(traj.batch_members(11)) == 3
    assert traj.n_updates == 24
    for k in (0, 5, 11, 12, 23):
        rows = traj.batch_members(k)
        b, w = traj.params[k]
        assert traj.batch_loss[k] == pytest.approx(
            mse_loop(b, w, data.x_train[rows], data.y_train[rows]), rel=1e-12
        )
        # the stored gradient is that batch's gradient at the pre-update parameters
        err = b + w * data.x_train[rows] - data.y_train[rows]
        np.testing.assert_allclose(
            traj.grads[k],
            [2 * err.mean(), 2 * (err * data.x_train[rows]).mean()],
            rtol=1e-10,
            atol=1e-13,
        )
    # epoch 0 is the start, then one value per completed epoch
    np.testing.assert_array_equal(traj.epoch_updates, [0, 12, 24])
    assert traj.train_loss_epoch[0] == pytest.approx(mse_loop(0, 0, data.x_train, data.y_train))
    assert traj.val_loss_epoch[2] == pytest.approx(
        mse_loop(*traj.params[24], data.x_val, data.y_val)
    )


def test_visit_order_is_seeded_and_every_epoch_is_a_permutation():
    a = descent.visit_order(10, 4, shuffle=True, seed=5)
    b = descent.visit_order(10, 4, shuffle=True, seed=5)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a[0], a[1])
    for row in a:
        np.testing.assert_array_equal(np.sort(row), np.arange(10))
    np.testing.assert_array_equal(
        descent.visit_order(10, 3, shuffle=False, seed=5), np.tile(np.arange(10), (3, 1))
    )


@pytest.mark.parametrize("lr", [1.1, 2.0, 10.0])
def test_divergence_stops_at_the_first_exploding_update(book, lr):
    data, phi = book
    start = datasets.book_initial_params()
    traj = descent.run_descent(
        phi, data.y_train, start, lr=lr, batch_size=80, epochs=1000, shuffle=False
    )
    assert traj.status == "diverged"
    assert np.isfinite(traj.params).all() and np.isfinite(traj.train_loss).all()
    # independent reference: the raw loop, and the first update whose loss exceeds the threshold
    # (the raw loop runs on past the explosion, into overflow: expected, and not our run's)
    with np.errstate(over="ignore", invalid="ignore"):
        path = minibatch_loop(data.x_train, data.y_train, *start, lr, traj.order, 80)
        losses = [mse_loop(b, w, data.x_train, data.y_train) for b, w in path]
    limit = descent.EXPLOSION_FACTOR * losses[0]
    first_bad = next(k for k, v in enumerate(losses) if not v <= limit)
    assert traj.diverged_at == first_bad
    assert traj.n_updates == first_bad - 1
    np.testing.assert_allclose(traj.params, path[:first_bad], rtol=1e-9)


def test_learning_rate_just_below_the_stable_limit_converges_just_above_diverges(book):
    data, phi = book
    q = quadratic.fit_quadratic(phi, data.y_train)
    limit = quadratic.stable_lr_limit(q)
    below = descent.run_descent(
        phi, data.y_train, (0, 0), lr=0.97 * limit, batch_size=80, epochs=1000, shuffle=False
    )
    above = descent.run_descent(
        phi, data.y_train, (0, 0), lr=1.03 * limit, batch_size=80, epochs=1000, shuffle=False
    )
    assert below.status == "converged"
    assert above.status == "diverged"


def test_book_learning_rate_lesson(book):
    """0.2 and 0.8 converge; 1.1 overshoots along b and blows up (the book's lesson)."""
    data, phi = book
    start = datasets.book_initial_params()
    runs = {
        lr: descent.run_descent(
            phi, data.y_train, start, lr=lr, batch_size=80, epochs=1000, shuffle=False
        )
        for lr in (0.2, 0.8, 1.1)
    }
    assert runs[0.2].status == runs[0.8].status == "converged"
    assert runs[1.1].status == "diverged"
    b_steps = np.diff(runs[1.1].params[:, 0])
    assert np.all(np.sign(b_steps[1:]) != np.sign(b_steps[:-1]))  # b overshoots every step


def test_invalid_arguments_are_refused(book):
    data, phi = book
    for lr in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            descent.run_descent(phi, data.y_train, (0, 0), lr=lr, batch_size=8, epochs=1)
    with pytest.raises(ValueError):
        descent.run_descent(phi, data.y_train, (0, 0), lr=0.1, batch_size=8, epochs=0)


def _paths(monkeypatch, surface_args, lr, **kw):
    """The same run through each implementation: the readable loop (``descend`` with
    ``optimizers.gd``'s rule under another name, so no fast path takes it), the scalar loop and
    the compiled pass."""
    from core import fastloop, optimizers

    assert fastloop.available()  # numba is a pinned requirement: its loop must be tested
    rule = optimizers.gd(lr)
    loop = descent.run_descent(*surface_args, lr=lr, optimizer=rule._replace(name="gd rule"), **kw)
    monkeypatch.setattr(fastloop, "worth_it", lambda p, k: False)
    scalar = descent.run_descent(*surface_args, lr=lr, **kw)
    monkeypatch.setattr(fastloop, "worth_it", lambda p, k: True)
    compiled = descent.run_descent(*surface_args, lr=lr, **kw)
    return loop, scalar, compiled


@pytest.mark.parametrize("lr", [0.05, 0.79, 1.1])
def test_fast_paths_give_the_readable_loops_numbers(book, lr, monkeypatch):
    """The scalar and the compiled loops sit behind ``descend``: the same numbers, the same
    ending (1.1 explodes, at the same update)."""
    data, phi = book
    kw = dict(batch_size=7, epochs=60, shuffle=True, seed=3)
    loop, scalar, compiled = _paths(monkeypatch, (phi, data.y_train, (0.2, -0.4)), lr, **kw)
    for fast in (scalar, compiled):
        assert fast.diverged_at == loop.diverged_at and fast.status == loop.status
        np.testing.assert_allclose(fast.params, loop.params, rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(fast.grads, loop.grads, rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(fast.batch_loss, loop.batch_loss, rtol=1e-12)
        np.testing.assert_allclose(fast.train_loss, loop.train_loss, rtol=1e-10)


def test_compiled_loop_for_three_parameters_gives_the_readable_loops_numbers(monkeypatch):
    from core import scenarios

    r = scenarios.polynomial_003()
    kw = dict(batch_size=1, epochs=30, shuffle=False, trainable=(True, False, True))
    loop, _, compiled = _paths(monkeypatch, (r.phi, r.y, r.theta0), 0.001, **kw)
    np.testing.assert_allclose(compiled.params, loop.params, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(compiled.grads, loop.grads, rtol=1e-12, atol=1e-14)
    np.testing.assert_array_equal(compiled.params[:, 1], 0.0)  # held
    np.testing.assert_allclose(compiled.train_loss, loop.train_loss, rtol=1e-10)


def test_numba_caches_its_compiled_loop_outside_the_source_tree(monkeypatch, tmp_path):
    from pathlib import Path

    from core import fastloop

    root = Path(__file__).resolve().parents[1]
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert fastloop.cache_dir() == tmp_path / "cache" / "losslab" / "numba"
    monkeypatch.setenv("XDG_CACHE_HOME", "/proc/not-writable")  # falls back to a temporary folder
    assert root not in fastloop.cache_dir().parents
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path / "mine"))
    assert fastloop.cache_dir() == tmp_path / "mine"


@pytest.mark.parametrize("key", ["rosenbrock", "himmelblau", "beale", "camel", "saddle"])
@pytest.mark.parametrize("noise", [0.0, 0.5])
def test_plain_gd_in_floats_is_the_readable_loop_bit_for_bit(key, noise):
    """A test function's plain-GD fast path against descend() with optimizers.gd."""
    from core import functions, optimizers

    f = functions.FUNCTIONS[key]
    K, lr, mask = 3000, f.lr, np.array([1.0, 1.0])
    xi = noise * np.random.default_rng(7).standard_normal((K, 2)) if noise else None
    fast = f.plain_gd(np.array(f.start), lr, mask, K, xi)

    def grad_of(k, theta):
        return f.gradient(theta) + (xi[k] if xi is not None else 0.0)

    slow = descent.descend(
        grad_of,
        np.array(f.start),
        optimizers.gd(lr),
        K,
        lambda th: not np.isfinite(th.sum()),
        mask,
    )
    np.testing.assert_array_equal(fast[0], slow[0])
    np.testing.assert_array_equal(fast[1], slow[1])
    assert fast[2] == slow[2]


def test_the_neuron_one_example_a_step_in_floats_matches_its_batches():
    from core import datasets, optimizers
    from core.neuron import NeuronSurface

    data = datasets.tanh_data(seed=3)
    s = NeuronSurface(data.x_train, data.y_train)
    rows = descent.visit_order(s.n_train, 5, shuffle=True, seed=1).ravel()
    mask = np.array([1.0, 1.0])
    fast = s.plain_gd(np.array([0.3, -0.2]), 0.05, mask, rows)
    slow = descent.descend(
        lambda k, th: s.batch(th, rows[k : k + 1])[1],
        np.array([0.3, -0.2]),
        optimizers.gd(0.05),
        rows.size,
        lambda th: not np.isfinite(th.sum()),
        mask,
    )
    np.testing.assert_allclose(fast[0], slow[0], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(fast[1], slow[1], rtol=1e-11, atol=1e-14)


def test_a_blow_up_in_floats_stops_like_the_readable_loop():
    from core import functions, optimizers

    f = functions.FUNCTIONS["rosenbrock"]
    mask = np.ones(2)
    fast = f.plain_gd(np.array([-1.5, 2.0]), 0.01, mask, 200)
    with np.errstate(over="ignore", invalid="ignore"):  # the blow-up itself
        slow = descent.descend(
            lambda k, th: f.gradient(th),
            np.array([-1.5, 2.0]),
            optimizers.gd(0.01),
            200,
            lambda th: not np.isfinite(th.sum()),
            mask,
        )
    assert fast[2] is not None and fast[2] == slow[2]
    np.testing.assert_array_equal(fast[0], slow[0])
