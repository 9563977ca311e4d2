import random

import pytest

from core import functions, lab
from ui import params


def parse(**query):
    return params.parse_query({k: v if isinstance(v, list) else [v] for k, v in query.items()})


@pytest.mark.parametrize("bad", ["nan", "NaN", "inf", "-inf", "1e309", "abc", "", "0x10", "1,5"])
def test_non_numbers_and_non_finite_values_are_dropped_with_a_notice(bad):
    values, notices = parse(lr=bad, seed=bad)
    assert values == {}
    assert {n.key for n in notices} == {"lr", "seed"}
    assert all(n.kept is None for n in notices)


def test_out_of_range_values_are_dropped_or_clamped_as_is_clearly_right():
    values, notices = parse(lr="1000", epochs="5000", n="1000000", b0="-99", seed="-1")
    assert "lr" not in values and "seed" not in values  # an absurd rate or seed is not guessed
    assert values["epochs"] == lab.MAX_EPOCHS  # a long run is capped
    assert values["n"] == lab.MAX_N
    assert values["b0"] == -10.0
    assert {n.key: n.kept for n in notices} == {
        "lr": None,
        "epochs": 1000,
        "n": lab.MAX_N,
        "b0": -10.0,
        "seed": None,
    }


def test_repeated_keys_long_values_and_unknown_keys_are_reported():
    values, notices = parse(lr=["0.1", "0.2"], seed="4" * 100, zoom="2", epochs="7")
    assert values == {"epochs": 7}
    assert {n.key: n.reason for n in notices} == {
        "lr": "repeated",
        "seed": "long",
        "zoom": "unknown",
    }


def test_learning_rate_snaps_to_the_slider_and_whole_numbers_are_required():
    values, notices = parse(lr="0.13", epochs="2.5", batch="full", shuffle="maybe")
    assert values == {"lr": 0.12, "batch": "full"}
    assert {n.key for n in notices} == {"lr", "epochs", "shuffle"}
    assert parse(lr="1e-1")[0] == {"lr": 0.1} and parse(lr="0.1")[1] == []


def random_state(rng: random.Random) -> dict:
    """A random view of the explorer: the settings its problem has (a test function has no
    batches, epochs or scaling, but a length and gradient noise)."""
    state = {
        "lang": rng.choice(["en", "zh"]),
        "projector": rng.random() < 0.5,
        "scenario": rng.choice(lab.SCENARIOS),
        "lr": rng.choice(params.LEARNING_RATES),
        "seed": rng.randint(0, params.SEED_MAX),
        "log": rng.choice([None, False, True]),
    }
    if state["scenario"] in functions.FUNCTIONS:
        state.update(updates=rng.randint(1, 3000), grad_noise=rng.choice([0.0, 0.05, 1.0]))
    else:
        state.update(
            fit=rng.choice(["line", "line", "neuron"]),
            epochs=rng.randint(1, 200),
            scaling=rng.choice(["none", "standard"]),
            shuffle=rng.random() < 0.5,
            batch=rng.choice(["full", 1, 2, 4, 8, 16, 32, 64]),
        )
    if rng.random() < 0.5:
        state.update(b0=round(rng.uniform(-10, 10), 2), w0=round(rng.uniform(-10, 10), 2))
    if state["scenario"] == "synthetic":
        state.update(
            n=rng.randrange(10, 2001, 10),
            noise=round(rng.uniform(0, 5), 2),
            true_w=rng.choice([-2.5, 0.0, 3.0]),
            true_b=rng.choice([-1.0, 4.5]),
            x_min=rng.choice([-5.0, 0.0]),
            x_max=rng.choice([1.0, 1000.0]),
            val=rng.choice([0.1, 0.25, 0.5]),
        )
    return state


def test_every_valid_state_survives_the_round_trip_through_a_link():
    rng = random.Random(2024)
    for _ in range(500):
        state = random_state(rng)
        query = params.to_query(state)
        values, notices = params.parse_query({k: [v] for k, v in query.items()})
        assert notices == []
        expected = {
            k: v for k, v in state.items() if v != params.BY_KEY[k].default or k in ("b0", "w0")
        }
        assert values == expected
