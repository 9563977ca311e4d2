"""The network page in AppTest: its views against core computed here, its link parameters (good
and malformed), the presets, Chinese and projector mode."""

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from core import landscape, netlab
from tests.apptest_util import APP, figures, specs, title_of, trace
from tests.test_text import HALF_WIDTH_NEXT_TO_CJK

PAGE = "app_pages/network.py"


def open_page(**query) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=90)
    if query:
        at.query_params.update(query)
    at.switch_page(PAGE)
    return at.run()


def figure(at, title):
    return next(f for f in figures(at) if title_of(f).startswith(title))


def words(at) -> str:
    return " ".join(
        e.value for kind in ("info", "caption", "error", "warning") for e in at.get(kind)
    )


def test_the_page_draws_every_view_of_the_default_run():
    at = open_page()
    assert not at.exception
    titles = [title_of(f) for f in figures(at)]
    assert titles[:2] == [
        "Loss on a random plane",
        "The same plane from above",
    ]
    assert any(t.startswith("Plane of the path's 2 PCs") for t in titles)
    assert "Along the line start → end" in titles
    assert "Loss against epoch" in titles and "The network's prediction" in titles
    assert "P = 49 parameters" in words(at) and "surface with 49 dimensions" in words(at)
    assert "A minimum on a slice need not be one in 49 dimensions" in words(at)
    # the slice drawn is the slice of the run computed here, independently of the page's cache
    spec = netlab.NetSpec(batch_size=160)
    problem = netlab.make_problem(netlab.dataset("tanh"), spec)
    traj = netlab.train(problem, spec)
    d1, d2 = landscape.directions(problem.surface.lay, traj.params[-1], seed=0)
    plane = landscape.plane(problem.surface, traj.params[-1], d1, d2)
    z = figure(at, "Loss on a random plane")["data"][0]["z"]
    np.testing.assert_allclose(z, plane.loss, rtol=1e-6)  # float32 on the wire
    assert z[25, 25] == pytest.approx(traj.train_loss[-1], rel=1e-6)
    fit = figure(at, "The network's prediction")
    end = trace(fit, "epoch 1,000")
    x = np.asarray(end["x"], dtype=float)
    np.testing.assert_allclose(end["y"], problem.predict(traj.params[-1], x), rtol=1e-9)
    pca = figure(at, "Plane of the path's")
    share = landscape.path_pca(traj.params[netlab.views(problem, traj, dir_seed=0).path_index])
    assert f"{100 * share.explained.sum():.1f}%" in title_of(pca)


def test_the_epoch_shown_moves_the_fit_and_goes_into_the_link():
    at = open_page()
    at.slider(key="at").set_value(10).run()
    assert not at.exception
    spec = netlab.NetSpec(batch_size=160)
    problem = netlab.make_problem(netlab.dataset("tanh"), spec)
    traj = netlab.train(problem, spec)
    fit = trace(figure(at, "The network's prediction"), "epoch 10")
    np.testing.assert_allclose(
        fit["y"], problem.predict(traj.params[10], np.asarray(fit["x"], float)), rtol=1e-9
    )
    curve = figure(at, "Loss against epoch")
    mark = trace(curve, "epoch 10")
    assert mark["x"] == [10.0] and mark["y"][0] == pytest.approx(traj.train_loss[10])
    assert at.query_params["at"] == "10"


def test_a_link_sets_every_control():
    query = dict(
        data="book", layers="2", units="8", act="relu", lr="0.01", opt="adam", batch="16",
        epochs="50", seed="7", dirs="3", pair="act", at="20",
    )  # fmt: skip
    at = open_page(**query)
    assert not at.exception
    assert at.selectbox(key="data").value == "book"
    assert at.radio(key="layers").value == 2 and at.slider(key="units").value == 8
    assert at.radio(key="act").value == "relu" and at.slider(key="at").value == 20
    assert at.number_input(key="dirs").value == 3
    assert "P = 97 parameters" in words(at)  # 8 + 8, 8x8 + 8, 8 + 1
    assert "tanh against ReLU" in [h.value for h in at.subheader]
    assert {k: at.query_params[k] for k in query} == query  # the link reads back as it came
    spec = netlab.NetSpec(
        data="book", hidden=(8, 8), activation="relu", seed=7, optimizer="adam", lr=0.01,
        batch_size=16, epochs=50,
    )  # fmt: skip
    traj = netlab.train(netlab.make_problem(netlab.dataset("book"), spec), spec)
    z = figure(at, "Loss on a random plane")["data"][0]["z"]
    assert z[25, 25] == pytest.approx(traj.train_loss[-1], rel=1e-6)


@pytest.mark.parametrize(
    "key,value",
    [("units", "abc"), ("layers", "3"), ("act", "sigmoid"), ("data", "rosenbrock"),
     ("dirs", "-1"), ("pair", "everything"), ("at", "1e400"), ("lr", "nan")],
)  # fmt: skip
def test_a_malformed_link_value_is_said_and_changes_nothing_else(key, value):
    good = specs(open_page())
    at = open_page(**{key: value})
    assert not at.exception
    assert key in words(at) and "ignored" in words(at)
    assert specs(at) == good
    assert key not in at.query_params


def test_an_out_of_range_value_is_clamped_and_said():
    at = open_page(units="40")
    assert not at.exception
    assert at.slider(key="units").value == 32
    assert "units" in words(at) and "P = 97 parameters" in words(at)


def test_the_presets_and_new_directions():
    at = open_page()
    before = figure(at, "Loss on a random plane")["data"][0]["z"]
    at.button(key="redraw").click().run()
    assert at.number_input(key="dirs").value == 1 and at.query_params["dirs"] == "1"
    after = figure(at, "Loss on a random plane")["data"][0]["z"]
    assert after[25, 25] == before[25, 25] and not np.allclose(after, before)
    at.button(key="preset_wide_sharp").click().run()
    assert not at.exception
    assert at.query_params["pair"] == "batch" and at.query_params["batch"] == "4"
    pair = figure(at, "Each run's own random plane")
    assert [a["text"] for a in pair["layout"]["annotations"]][1].startswith("full batch (160)")
    assert "Capped at 125 epochs" in words(at)
    at.button(key="preset_relu_tanh").click().run()
    assert at.query_params["pair"] == "act" and at.query_params["opt"] == "adam"
    lines = figure(at, "Loss along direction 1")["data"]
    assert [t["name"].split(" · ")[0] for t in lines] == ["tanh", "relu"]
    for line in lines:  # the width in the legend is the width of the curve drawn
        width = landscape.width_at(np.asarray(line["x"], float), np.asarray(line["y"], float))
        assert line["name"].endswith(f"width {width:.2f}")


def test_chinese_and_projector():
    at = open_page(lang="zh")
    assert not at.exception
    assert "P = 49 个参数" in words(at)
    shown = [words(at)] + [title_of(f) for f in figures(at)]
    assert all(HALF_WIDTH_NEXT_TO_CJK.findall(text) == [] for text in shown)
    assert "随机平面上的损失" in shown
    room = open_page(projector="1")
    assert not room.exception
    assert [title_of(f) for f in figures(room)][:2] == ["Random plane", "From above"]


def test_a_diverging_run_says_so():
    at = open_page(data="book_x10", act="relu", lr="10", units="8")
    assert not at.exception
    assert any("blew up" in e.value for e in at.error)


def test_an_uploaded_file_trains_the_network_in_its_own_session():
    from ui import cache

    at = open_page(data="upload")
    assert not at.exception
    assert any("Choose a CSV file" in i.value for i in at.info)
    assert not figures(at)  # nothing drawn until a usable file is there
    rows = "".join(f"{x / 10},{np.sin(x / 10):.6f}\n" for x in range(-30, 31))
    shared = len(cache._net_run)
    at.file_uploader[0].set_value(("wave.csv", ("x,y\n" + rows).encode(), "text/csv")).run()
    assert not at.exception
    assert "N = 49 training examples" in words(at)  # 61 rows, 20% validation
    z = figure(at, "Loss on a random plane")["data"][0]["z"]
    assert np.isfinite(z).all()
    assert len(cache._net_run) == shared  # the upload's run stayed in its session
    assert at.query_params["data"] == "upload"


def random_links(count: int, seed: int = 16):
    """Random combinations of the page's controls, extremes included."""
    import random

    rng = random.Random(seed)
    from ui import params

    for _ in range(count):
        yield {
            "data": rng.choice(
                ["book", "book_x10", "line5x", "course", "tiny_noisy", "synthetic", "tanh"]
            ),
            "layers": str(rng.choice([1, 2])),
            "units": str(rng.choice([1, 2, 7, 32])),
            "act": rng.choice(["tanh", "relu"]),
            "lr": f"{rng.choice(params.LEARNING_RATES):g}",
            "opt": rng.choice(["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]),
            "batch": rng.choice(["1", "2", "16", "full"]),
            "epochs": str(rng.choice([1, 7, 1000])),
            "pair": rng.choice(["none", "batch", "act"]),
        }


@pytest.mark.parametrize("query", list(random_links(8)), ids=lambda q: ",".join(q.values()))
def test_any_combination_of_controls_draws_without_an_exception(query):
    at = open_page(**query)
    assert not at.exception
    assert len(figures(at)) == (8 if query["pair"] != "none" else 6)
    assert "Every view below is a slice" in words(at)


def test_reset_brings_back_the_defaults_and_a_tiny_data_set_still_compares_two_batches():
    at = open_page(data="course", units="4", pair="batch")
    assert not at.exception
    panels = [a["text"] for a in figure(at, "Each run's own random plane")["layout"]["annotations"]]
    assert panels[0].startswith("batch 1") and panels[1].startswith("full batch (3)")
    at.button(key="reset_button").click().run()
    assert not at.exception
    assert at.selectbox(key="data").value == "tanh" and at.slider(key="units").value == 16
    assert "P = 49 parameters" in words(at)
    assert dict(at.query_params) == {}


def test_play_moves_the_epoch_shown_frame_by_frame_and_pause_stops_it():
    at = open_page()
    at.button(key="net_play").click().run()  # at the end: from the start again
    assert not at.exception
    first = at.slider(key="at").value
    assert 0 < first < 1000 and first % 20 == 0  # 50 frames from the start to the end
    assert trace(figure(at, "The network's prediction"), f"epoch {first:,}")
    at.run()  # what the fragment's timer does
    assert at.slider(key="at").value == first + 20
    at.button(key="net_play").click().run()  # pause
    held = at.slider(key="at").value
    at.run()
    assert at.slider(key="at").value == held
    assert at.query_params["at"] == str(held)
