import numpy as np
import pytest

from core import datasets, models, quadratic
from tests.references import mse_exact, mse_loop


@pytest.fixture(scope="module")
def book():
    data = datasets.book_chapter0()
    phi = models.line_design(data.x_train)
    return data, quadratic.fit_quadratic(phi, data.y_train)


def test_grid_cells_equal_brute_force_loop(book):
    data, q = book
    b_values = np.linspace(-2, 4, 23)
    w_values = np.linspace(-1, 5, 17)
    grid = quadratic.loss_grid(q, b_values, w_values)
    assert grid.shape == (17, 23)
    for j, w in enumerate(w_values):
        for i, b in enumerate(b_values):
            assert grid[j, i] == pytest.approx(
                mse_loop(b, w, data.x_train, data.y_train), rel=1e-12
            )


def test_loss_and_gradient_against_finite_differences(book):
    data, q = book
    rng = np.random.default_rng(0)
    h = 1e-6
    for theta in rng.normal(1.0, 2.0, size=(10, 2)):
        b, w = theta
        assert quadratic.loss(q, theta) == pytest.approx(
            mse_loop(b, w, data.x_train, data.y_train), rel=1e-12
        )
        fd_b = (
            mse_loop(b + h, w, data.x_train, data.y_train)
            - mse_loop(b - h, w, data.x_train, data.y_train)
        ) / (2 * h)
        fd_w = (
            mse_loop(b, w + h, data.x_train, data.y_train)
            - mse_loop(b, w - h, data.x_train, data.y_train)
        ) / (2 * h)
        np.testing.assert_allclose(quadratic.gradient(q, theta), [fd_b, fd_w], rtol=1e-6, atol=1e-8)


def test_optimum_matches_lstsq(book):
    data, q = book
    phi = models.line_design(data.x_train)
    expected = np.linalg.lstsq(phi, data.y_train, rcond=None)[0]
    np.testing.assert_allclose(q.theta_star, expected, rtol=1e-12)
    assert q.loss_min == pytest.approx(mse_loop(*expected, data.x_train, data.y_train), rel=1e-12)
    np.testing.assert_allclose(quadratic.gradient(q, q.theta_star), 0.0, atol=1e-12)


def test_stability_limit_and_condition_from_the_brute_force_hessian(book):
    data, q = book
    phi = models.line_design(data.x_train)
    hessian = 2 * phi.T @ phi / len(data.x_train)
    eig = np.linalg.eigvalsh(hessian)
    assert quadratic.stable_lr_limit(q) == pytest.approx(2 / eig[-1], rel=1e-12)
    assert quadratic.condition_number(q) == pytest.approx(eig[-1] / eig[0], rel=1e-10)


def test_catastrophic_cancellation_case_stays_exact():
    """y around 1e6 with tiny noise: the loss near the optimum is ~1e-8 while y^2 is ~1e12."""
    data = datasets.synthetic(
        true_w=3.0, true_b=1e6, n=200, noise=1e-4, x_low=0.0, x_high=1.0, seed=3
    )
    x, y = data.x_train, data.y_train
    phi = models.line_design(x)
    q = quadratic.fit_quadratic(phi, y)
    star = q.theta_star
    cells = [star, star + [1e-5, 0], star + [0, -2e-5], star + [3e-6, 4e-6], star + [1.0, -2.0]]
    for theta in cells:
        exact = float(mse_exact(theta[0], theta[1], x, y))
        assert quadratic.loss(q, theta) == pytest.approx(exact, rel=1e-6)
    grid = quadratic.loss_grid(q, star[0] + np.array([-1e-5, 0, 1e-5]), star[1] + np.array([0.0]))
    for i, db in enumerate([-1e-5, 0, 1e-5]):
        assert grid[0, i] == pytest.approx(float(mse_exact(star[0] + db, star[1], x, y)), rel=1e-6)
    # The textbook expansion theta^T A theta - 2 g^T theta + c loses every digit here; if it did
    # not, this test would prove nothing about the deviation form.
    A, g, c = phi.T @ phi / len(y), phi.T @ y / len(y), y @ y / len(y)
    naive = star @ A @ star - 2 * g @ star + c
    assert abs(naive - q.loss_min) > 10 * q.loss_min


def test_rank_deficient_problem_still_gives_exact_losses():
    x = np.full(5, 2.0)
    y = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    q = quadratic.fit_quadratic(models.line_design(x), y)
    assert quadratic.condition_number(q) == np.inf
    assert quadratic.loss(q, [0.5, 1.0]) == pytest.approx(mse_loop(0.5, 1.0, x, y), rel=1e-12)
