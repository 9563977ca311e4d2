import numpy as np
import pytest

from core import datasets, lab
from core.thinning import display_indices


def test_display_indices_keep_ends_head_and_epoch_boundaries():
    keep = np.arange(0, 100_001, 1000)
    idx = display_indices(100_001, keep, max_points=3000, head=50)
    assert idx[0] == 0 and idx[-1] == 100_000
    assert set(range(50)) <= set(idx.tolist())
    assert set(keep.tolist()) <= set(idx.tolist())
    assert len(idx) <= 3000 + 50 + 101 + 1
    assert np.all(np.diff(idx) > 0)
    np.testing.assert_array_equal(display_indices(10, None, max_points=50), np.arange(10))


def test_window_holds_start_and_optimum_and_ignores_learning_rate_and_batch():
    problem = lab.make_problem(lab.make_dataset(lab.DataSpec()), scaled=False)
    start = lab.start_point(problem, lab.RunSpec())
    window = lab.view_window(problem, start)
    assert window.contains(start) and window.contains(problem.q_train.theta_star)
    # the book's own plot range is true +- 3
    assert window.b[1] - window.b[0] == pytest.approx(6.0, rel=0.1)
    assert window.w[1] - window.w[0] == pytest.approx(window.b[1] - window.b[0])


def test_first_exit_names_the_first_point_outside():
    window = lab.Window(b=(0.0, 1.0), w=(0.0, 1.0))
    path = np.array([[0.5, 0.5], [0.9, 0.2], [1.5, 0.5], [0.5, 0.5]])
    assert lab.first_exit(path, window) == 2
    assert lab.first_exit(path[:2], window) is None


def test_update_budget_caps_epochs():
    problem = lab.make_problem(
        lab.make_dataset(lab.DataSpec(scenario="synthetic", n=lab.MAX_N, seed=1)), scaled=True
    )
    traj = lab.run(problem, lab.RunSpec(lr=0.01, batch_size=1, epochs=1000))
    assert traj.n_updates <= lab.MAX_UPDATES
    assert traj.epochs == lab.max_epochs(problem, 1) < 1000


def test_constant_x_is_refused_with_a_reason():
    data = datasets.Dataset(
        "flat", np.full(10, 3.0), np.arange(10.0), np.arange(8), np.arange(8, 10)
    )
    for scaled in (False, True):
        with pytest.raises(ValueError, match="constant"):
            lab.make_problem(data, scaled=scaled)


def test_one_weight_curve_is_the_raw_mse_with_b_at_zero_and_its_limit_the_curvature():
    problem = lab.problem_of(lab.DataSpec(scenario="course"), scaled=False)
    x, y = problem.data.x_train, problem.data.y_train
    w_grid, cost, samples = lab.one_weight_curve(problem, np.array([1.0, 3.0]), 1.0)
    assert w_grid[0] < 1.0 and w_grid[-1] > 3.0
    direct = np.array([np.mean((w * x - y) ** 2) for w in w_grid])
    np.testing.assert_allclose(cost, direct, rtol=1e-12, atol=1e-12)
    for xi, yi, curve in zip(x, y, samples, strict=True):
        np.testing.assert_allclose(curve, (w_grid * xi - yi) ** 2)
    # the step of GD on L(w) is stable below 2 / L''(w); L'' by central differences
    h, w = 1e-3, 0.7
    second = (
        np.mean(((w + h) * x - y) ** 2)
        - 2 * np.mean((w * x - y) ** 2)
        + np.mean(((w - h) * x - y) ** 2)
    ) / h**2
    assert lab.one_weight_limit(problem) == pytest.approx(2.0 / second, rel=1e-6)


def test_slice_window_is_a_square_on_the_optimum_holding_the_start():
    star, start = np.array([1.0, -2.0, 3.0]), np.array([0.0, 0.0, 0.0])
    window = lab.slice_window(star, start, (1, 2))
    assert window.b[1] - window.b[0] == pytest.approx(window.w[1] - window.w[0])
    assert np.mean(window.b) == pytest.approx(-2.0) and np.mean(window.w) == pytest.approx(3.0)
    assert window.contains(start[[1, 2]])
