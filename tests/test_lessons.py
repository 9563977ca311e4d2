import numpy as np
import pytest

from core import lab, lessons, quadratic, scaling


def run(variant):
    problem = lab.problem_of(variant.data, scaled=variant.scaled)
    return problem, lab.run(problem, variant.run)


def course_batch_loop():
    """Seed 000, cost over all data, exactly as the notes write it."""
    x_data, y_data, w = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0], 1.0
    for _ in range(100):
        grad = 0
        for x, y in zip(x_data, y_data, strict=True):
            grad += 2 * x * (x * w - y)
        w -= 0.01 * (grad / len(x_data))
    return w


def course_sgd_loop():
    """Seed 000, the loss of one sample, in order, as the notes write it."""
    x_data, y_data, w = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0], 1.0
    for _ in range(100):
        for x, y in zip(x_data, y_data, strict=True):
            w -= 0.01 * 2 * x * (x * w - y)
    return w


def test_cost_vs_sample_reproduces_the_course_notes_loops():
    lesson = lessons.BY_KEY["cost_vs_sample"]
    (_, batch), (_, sgd) = (run(v) for v in lesson.variants)
    assert batch.params[-1, 1] == pytest.approx(course_batch_loop(), rel=1e-12)
    assert sgd.params[-1, 1] == pytest.approx(course_sgd_loop(), rel=1e-12)
    assert batch.params[0, 1] * 4 == 4.0  # "predict (before training) 4 4.0"
    assert batch.params[-1, 1] * 4 == pytest.approx(8.0, abs=1e-3)
    np.testing.assert_array_equal(batch.params[:, 0], 0.0)  # the notes' model has no b


def test_noise_floor_lesson_clean_reaches_zero_noisy_stops_at_its_floor():
    clean_v, noisy_v = lessons.BY_KEY["noise_floor"].variants
    (clean_problem, clean), (noisy_problem, noisy) = run(clean_v), run(noisy_v)
    assert clean.train_loss[-1] < 1e-20 and clean.loss_floor < 1e-20
    x, y = noisy_problem.data.x_train, noisy_problem.data.y_train
    w_best = (x @ y) / (x @ x)  # least squares of y = w x, the floor with b held at 0
    assert noisy.loss_floor == pytest.approx(np.mean((w_best * x - y) ** 2), rel=1e-12)
    assert noisy.train_loss[-1] > noisy.loss_floor
    # the notes' first printed loss on clean labels, 2.021600: one step of 0.03 on x = 2 from w = 2
    w = 2 - 0.03 * 2 * 2 * (2 * 2 - 2)
    assert quadratic.loss(clean_problem.q_train, [0.0, w]) == pytest.approx(2.0216, rel=1e-12)
    # every update of the first epochs is the notes' one-sample step, and the loss after it the
    # mean over all four points (our shuffle visits x = 0, 1, 3, 2 first, not the notes' order)
    x, y = clean_problem.data.x_train, clean_problem.data.y_train
    for k in range(12):
        (i,) = clean.batch_members(k)
        w_k = clean.params[k, 1]
        w_next = w_k - 0.03 * 2 * x[i] * (x[i] * w_k - y[i])
        assert clean.params[k + 1, 1] == pytest.approx(w_next, rel=1e-12, abs=1e-15)
        assert clean.train_loss[k + 1] == pytest.approx(np.mean((w_next * x - y) ** 2), rel=1e-12)
    # ...and taken literally, lr 0.3 on one sample diverges
    literal = lab.run(noisy_problem, lab.RunSpec(**{**noisy_v.run.__dict__, "lr": 0.3}))
    assert literal.status == "diverged"


def test_book_lessons_show_what_their_text_says():
    runs = {v.label: run(v)[1] for v in lessons.BY_KEY["learning_rate"].variants}
    assert runs["η = 1.1"].status == "diverged"
    assert runs["η = 0.2"].status != "diverged" and runs["η = 0.8"].status != "diverged"
    raw, std = (run(v)[0] for v in lessons.BY_KEY["bad_feature"].variants)
    assert raw.condition == pytest.approx(112, rel=0.01) and std.condition == pytest.approx(1.0)
    assert 0.03 < raw.stable_lr < 0.032


@pytest.mark.parametrize("lesson", lessons.LESSONS, ids=lambda lesson: lesson.key)
def test_runs_in_a_lesson_share_start_and_batch_order(lesson):
    """The same starting line in original units (a standardised run starts from the raw run's
    line mapped into its own space), and the same visit order."""
    runs = [run(v) for v in lesson.variants]
    trajs = [traj for _, traj in runs]
    lines = [scaling.to_original(problem.scaler, traj.params[0]) for problem, traj in runs]
    if not lesson.same_start:  # the start is (one of) the knobs
        assert len({tuple(line) for line in lines}) > 1
        return
    for line in lines[1:]:
        np.testing.assert_allclose(line, lines[0], rtol=1e-12)
    for traj in trajs[1:]:
        epochs = min(traj.order.shape[0], trajs[0].order.shape[0])
        if traj.order.shape[1] == trajs[0].order.shape[1]:
            np.testing.assert_array_equal(traj.order[:epochs], trajs[0].order[:epochs])


def test_the_lessons_beyond_the_bowl_show_what_their_text_says():
    """Each claim of the new lessons' texts, checked on the runs themselves."""
    ravine = {v.label: run(v) for v in lessons.BY_KEY["ravine"].variants}
    gd = ravine["gradient descent, η = 0.001"][1]
    assert gd.status == "completed" and np.linalg.norm(gd.params[-1] - [1, 1]) > 0.1  # crawls
    for label in ("momentum, η = 0.001", "Adam, η = 0.05"):
        problem, traj = ravine[label]
        assert traj.status == "converged"
        assert problem.surface.points[traj.reached].theta == pytest.approx((1.0, 1.0))
    ends = set()
    for v in lessons.BY_KEY["starts"].variants:  # four starts, four different minima
        problem, traj = run(v)
        assert traj.status == "converged" and problem.surface.points[traj.reached].kind == "minimum"
        ends.add(traj.reached)
    assert len(ends) == 4
    stuck, freed, noisy = (run(v) for v in lessons.BY_KEY["saddle"].variants)
    assert (
        stuck[1].status == "stalled" and stuck[0].surface.points[stuck[1].reached].kind == "saddle"
    )
    assert freed[1].status == "converged"  # a minimum at (±1, 0)
    assert abs(abs(noisy[1].params[-1, 0]) - 1) < 0.2  # noise moved it to a minimum's basin
    at_saddle, near = (run(v) for v in lessons.BY_KEY["neuron_saddle"].variants)
    np.testing.assert_array_equal(at_saddle[1].params, 0.0)  # every example's gradient is zero
    assert at_saddle[1].status == "stalled"
    problem, traj = near
    best = next(p for p in problem.surface.points if p.kind == "minimum")
    assert np.linalg.norm(np.abs(traj.params[-1]) - np.abs(best.theta)) < 0.05


def test_the_schedule_lesson_shows_what_its_text_says():
    """Constant η keeps jittering about 1e-2 above the minimum in the last epoch; halving it
    every 10 epochs quiets it; cosine ends within about 1e-7 of the minimum."""
    out = {v.label: run(v) for v in lessons.BY_KEY["schedule"].variants}
    (problem, _), *_ = out.values()
    floor = problem.surface.floor
    upe = problem.n_train
    last = {k: traj.train_loss[-upe:] - floor for k, (_, traj) in out.items()}
    assert 1e-3 < last["constant η"].max() < 1e-1
    assert last["step decay"].max() < last["constant η"].max() / 10
    assert last["cosine"].max() < 1e-6 and out["cosine"][1].train_loss[-1] - floor < 1e-6
    rates = out["step decay"][1].epoch_lr
    assert rates[9] == 0.2 and rates[10] == 0.1 and rates[-1] == 0.2 / 16
