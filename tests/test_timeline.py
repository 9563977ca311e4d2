"""The timeline's frame table against brute force on the raw rows of each mini-batch."""

import numpy as np
import pytest

from core import datasets, lab, timeline


def _problem(scenario="book", **kw):
    return lab.make_problem(lab.make_dataset(lab.DataSpec(scenario=scenario, **kw)), scaled=False)


def _frames(problem, traj, **kw):
    return timeline.frames(problem.surface, traj, **kw)


def _batch_mse(x, y, b, w):
    return float(np.mean((b + w * x - y) ** 2))


@pytest.mark.parametrize("batch", [1, 16, 80])
def test_every_frame_shows_the_gradient_and_losses_of_its_next_update(batch):
    problem = _problem()
    traj = lab.run(problem, lab.RunSpec(lr=0.1, batch_size=batch, epochs=3))
    fr = _frames(problem, traj)
    x, y = problem.data.x_train, problem.data.y_train
    K = traj.n_updates
    assert fr.positions.tolist() == list(range(K + 1))  # short run: every position, in order
    tab = fr.table
    h = 1e-6
    for i, k in enumerate(fr.positions):
        b, w = tab["p0"][i], tab["p1"][i]
        assert (b, w) == tuple(traj.params[k])
        assert tab["loss"][i] == pytest.approx(_batch_mse(x, y, b, w), rel=1e-12)
        if k == K:  # no next update at the end
            assert np.isnan(tab["g0"][i]) and np.isnan(tab["n0"][i])
            continue
        # the batch, rebuilt from the visit order the way the book's loop slices it
        epoch, j = divmod(int(k), traj.updates_per_epoch)
        rows = traj.order[epoch][j * batch : (j + 1) * batch]
        xb, yb = x[rows], y[rows]
        if fr.members is not None:
            assert (
                fr.members[fr.member_offsets[i] : fr.member_offsets[i + 1]].tolist()
                == rows.tolist()
            )
        assert tab["batch_size"][i] == rows.size
        # central finite differences of the batch loss: exact for a quadratic up to rounding
        fd_b = (_batch_mse(xb, yb, b + h, w) - _batch_mse(xb, yb, b - h, w)) / (2 * h)
        fd_w = (_batch_mse(xb, yb, b, w + h) - _batch_mse(xb, yb, b, w - h)) / (2 * h)
        assert tab["g0"][i] == pytest.approx(fd_b, rel=1e-6, abs=1e-8)
        assert tab["g1"][i] == pytest.approx(fd_w, rel=1e-6, abs=1e-8)
        # plain gradient descent: the landing point is the update rule with these numbers
        assert tab["n0"][i] == pytest.approx(b - 0.1 * tab["g0"][i], rel=1e-12, abs=1e-15)
        assert tab["n1"][i] == pytest.approx(w - 0.1 * tab["g1"][i], rel=1e-12, abs=1e-15)
        nb, nw = tab["n0"][i], tab["n1"][i]
        assert tab["batch_loss"][i] == pytest.approx(_batch_mse(xb, yb, b, w), rel=1e-12)
        assert tab["batch_loss_next"][i] == pytest.approx(_batch_mse(xb, yb, nb, nw), rel=1e-12)
        assert tab["loss_next"][i] == pytest.approx(_batch_mse(x, y, nb, nw), rel=1e-12)
        assert tab["a1"][i] == pytest.approx(np.mean(xb**2), rel=1e-12)
        assert tab["fg1"][i] == pytest.approx(2 * np.mean((b + w * x - y) * x), rel=1e-9)


def test_the_first_update_is_the_books_first_step():
    """Chapter 0's first step from its own numbers: b, w from RandomState(42), lr 0.1."""
    problem = _problem()
    traj = lab.run(problem, lab.RunSpec(lr=0.1, batch_size=80, epochs=1))
    tab = _frames(problem, traj).table
    b0, w0 = datasets.book_initial_params()
    x, y = problem.data.x_train, problem.data.y_train
    error = b0 + w0 * x - y
    assert tab["g0"][0] == pytest.approx(2 * error.mean(), rel=1e-12)
    assert tab["g1"][0] == pytest.approx(2 * (x * error).mean(), rel=1e-12)
    assert (tab["n0"][0], tab["n1"][0]) == pytest.approx((0.80119529, 0.04511107), abs=1e-8)


def test_long_runs_are_thinned_but_keep_the_head_the_end_and_every_epoch_boundary():
    problem = _problem("synthetic", n=10_000, noise=0.5)
    traj = lab.run(problem, lab.RunSpec(lr=0.01, batch_size=1, epochs=30, start=(0.0, 0.0)))
    fr = _frames(problem, traj)
    pos = fr.positions
    K = traj.n_updates
    assert K == 30 * problem.n_train
    assert pos.size <= timeline.MAX_FRAMES + traj.epoch_updates.size
    assert np.all(np.diff(pos) > 0)
    assert set(range(timeline.HEAD)) <= set(pos.tolist())
    assert set(traj.epoch_updates.tolist()) <= set(pos.tolist())
    assert pos[0] == 0 and pos[-1] == K
    # one sample per update: each frame's member is the row the visit order names
    i = 500
    k = pos[i]
    assert fr.member_offsets[i + 1] - fr.member_offsets[i] == 1
    epoch, j = divmod(int(k), traj.updates_per_epoch)
    assert fr.members[fr.member_offsets[i]] == traj.order[epoch, j]


def test_member_lists_are_left_out_when_too_long_but_the_numbers_stay():
    problem = _problem()
    traj = lab.run(problem, lab.RunSpec(lr=0.1, batch_size=16, epochs=20))
    fr = _frames(problem, traj, max_members=100)
    assert fr.members is None
    assert np.isfinite(fr.table["batch_loss_next"][:-1]).all()


def test_nearest_position_snaps_to_the_closest_shown_update():
    pos = np.array([0, 1, 2, 10, 20])
    assert [timeline.nearest_position(pos, s) for s in (0, 2, 5, 6, 7, 15, 16, 99)] == [
        0,
        2,
        2,
        2,
        3,
        3,
        4,
        4,
    ]


@pytest.mark.parametrize("scenario, model", [("tanh", "neuron"), ("rosenbrock", None)])
def test_frames_of_surfaces_beyond_the_bowl(scenario, model):
    """The same table on the neuron (mini-batches of raw rows) and on a test function (no
    batches): the losses before and after each update, and the local curvature."""
    spec = lab.DataSpec(scenario=scenario, model=model or "line")
    problem = lab.problem_of(spec, scaled=False)
    run = lab.RunSpec(lr=0.05 if model else 0.001, batch_size=16, epochs=4 if model else 60)
    traj = lab.run(problem, run)
    fr = _frames(problem, traj)
    tab, s = fr.table, problem.surface
    for i in (0, 5, 20):
        k = fr.positions[i]
        theta, after = traj.params[k], traj.params[k + 1]
        assert tab["lam_max"][i] == pytest.approx(np.linalg.eigvalsh(s.hessian(theta))[-1])
        if model:
            rows = traj.batch_members(int(k))
            assert tab["batch_loss"][i] == pytest.approx(s.batch(theta, rows)[0], rel=1e-12)
            assert tab["batch_loss_next"][i] == pytest.approx(s.batch(after, rows)[0], rel=1e-12)
            assert fr.members[fr.member_offsets[i] : fr.member_offsets[i + 1]].tolist() == list(
                rows
            )
        else:
            assert tab["batch_size"][i] == 0 and fr.members is None
            assert tab["batch_loss_next"][i] == tab["loss_next"][i] == float(s.loss(after))
        np.testing.assert_allclose([tab["fg0"][i], tab["fg1"][i]], s.gradient(theta), rtol=1e-12)
        assert np.isnan(tab["a0"][i])  # the quadratic's batch curvature only


def test_a_held_intercept_leaves_the_curvature_of_the_weight_alone():
    """b held at 0 (One weight): the stable step is 2 / L''(w), not the 2D Hessian's limit."""
    problem = lab.problem_of(lab.DataSpec(scenario="course"), scaled=False)
    spec = lab.RunSpec(lr=0.01, batch_size=3, epochs=5, train_b=False, start=(0.0, 1.0))
    traj = lab.run(problem, spec)
    lam = _frames(problem, traj, trainable=lab.trainable(problem, spec)).table["lam_max"][0]
    x, y = problem.data.x_train, problem.data.y_train
    h, w = 1e-3, 1.0
    mse = [np.mean((v * x - y) ** 2) for v in (w - h, w, w + h)]
    second = (mse[0] - 2 * mse[1] + mse[2]) / h**2
    assert lam == pytest.approx(second, rel=1e-6)
    assert 2 / lam == pytest.approx(lab.one_weight_limit(problem))
    both = _frames(problem, traj).table["lam_max"][0]  # both parameters: a larger curvature
    assert both > lam * 1.1
