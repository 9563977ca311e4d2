import numpy as np
import pytest

from core import datasets, lab, models, quadratic, scaling


def test_book_data_is_the_books_recipe_bit_for_bit():
    np.random.seed(42)  # the book's own global-state recipe as the reference
    x = np.random.rand(100, 1)
    y = 1 + 2 * x + 0.1 * np.random.randn(100, 1)
    idx = np.arange(100)
    np.random.shuffle(idx)
    data = datasets.book_chapter0()
    np.testing.assert_array_equal(data.x_train, x[idx[:80]].ravel())
    np.testing.assert_array_equal(data.y_val, y[idx[80:]].ravel())
    assert datasets.book_initial_params() == pytest.approx((0.49671415, -0.1382643), abs=1e-8)


def test_bad_feature_is_x_times_ten_on_the_same_points():
    plain, bad = datasets.book_chapter0(), datasets.book_chapter0(feature_factor=10.0)
    np.testing.assert_array_equal(bad.x, plain.x * 10)
    np.testing.assert_array_equal(bad.y, plain.y)
    np.testing.assert_array_equal(bad.train_idx, plain.train_idx)


def test_synthetic_generator_honours_its_arguments():
    data = datasets.synthetic(
        true_w=-3.0,
        true_b=4.0,
        n=1000,
        noise=0.0,
        x_low=0.0,
        x_high=1000.0,
        seed=9,
        val_fraction=0.25,
    )
    assert (len(data.train_idx), len(data.val_idx)) == (750, 250)
    assert set(data.train_idx).isdisjoint(data.val_idx)
    assert data.x.min() >= 0 and data.x.max() <= 1000 and data.x.max() > 900
    np.testing.assert_allclose(data.y, 4.0 - 3.0 * data.x)
    again = datasets.synthetic(
        true_w=-3.0,
        true_b=4.0,
        n=1000,
        noise=0.0,
        x_low=0.0,
        x_high=1000.0,
        seed=9,
        val_fraction=0.25,
    )
    np.testing.assert_array_equal(again.x, data.x)
    with pytest.raises(ValueError):
        datasets.synthetic(true_w=1, true_b=0, n=10, noise=0, x_low=1, x_high=1, seed=0)


def test_dataset_arrays_are_read_only():
    with pytest.raises(ValueError):
        datasets.book_chapter0().x[0] = 1.0


def test_standardiser_is_fitted_on_train_only_with_population_std():
    data = datasets.book_chapter0()
    s = scaling.fit_standardizer(data.x_train)
    assert s.mean == pytest.approx(sum(data.x_train) / 80)
    assert s.std == pytest.approx((sum((v - s.mean) ** 2 for v in data.x_train) / 80) ** 0.5)
    z = scaling.transform(s, data.x_train)
    assert z.mean() == pytest.approx(0, abs=1e-12) and z.std() == pytest.approx(1)
    with pytest.raises(ValueError):
        scaling.fit_standardizer(np.ones(5))


def test_coefficients_map_back_to_the_same_line():
    data = datasets.book_chapter0(feature_factor=10.0)
    s = scaling.fit_standardizer(data.x_train)
    theta_scaled = np.array([0.7, -1.3])
    theta = scaling.to_original(s, theta_scaled)
    np.testing.assert_allclose(
        models.predict(theta, data.x), models.predict(theta_scaled, scaling.transform(s, data.x))
    )
    np.testing.assert_allclose(scaling.to_scaled(s, theta), theta_scaled)
    # both spaces reach the same least-squares line
    q_raw = quadratic.fit_quadratic(models.line_design(data.x_train), data.y_train)
    q_std = quadratic.fit_quadratic(
        models.line_design(scaling.transform(s, data.x_train)), data.y_train
    )
    np.testing.assert_allclose(
        scaling.to_original(s, q_std.theta_star), q_raw.theta_star, rtol=1e-10
    )
    assert q_std.loss_min == pytest.approx(q_raw.loss_min, rel=1e-10)


def test_scaling_makes_the_bad_feature_round():
    bad = lab.make_problem(datasets.book_chapter0(feature_factor=10.0), scaled=False)
    fixed = lab.make_problem(datasets.book_chapter0(feature_factor=10.0), scaled=True)
    assert bad.condition > 100
    assert fixed.condition == pytest.approx(1.0)
    assert fixed.stable_lr == pytest.approx(1.0)  # A = I once x is standardised
