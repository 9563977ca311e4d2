"""The load bench's client drives a real server over Streamlit's websocket protocol: a session
opens the explorer, a slider move reruns it and the server computes the new run; and Locust's
students (bench/locustfile.py) open pages and move sliders without losing a session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.server import ROOT, streamlit_server

sys.path.insert(0, str(ROOT / "bench"))
from st_session import StreamlitSession


def timeline_run(run) -> dict:
    """The run the timeline bar is given (its learning rate, its losses)."""
    bars = [
        json.loads(e.bidi_component.json)
        for e in run.elements
        if e.WhichOneof("type") == "bidi_component"
        and e.bidi_component.component_name.endswith("timeline")
        and json.loads(e.bidi_component.json).get("role") == "bar"
    ]
    assert len(bars) == 1
    return bars[0]["tracks"][0]


def contour_path(run) -> str:
    for e in run.elements:
        if e.WhichOneof("type") == "bidi_component" and '\\"contour\\"' in e.bidi_component.json:
            return e.bidi_component.json
    raise AssertionError("no contour figure")


@pytest.fixture(scope="module")
def server():
    with streamlit_server() as url:
        yield url


def test_a_session_over_the_websocket_moves_the_learning_rate(server):
    s = StreamlitSession(server, "lr=0.2&epochs=30")
    try:
        first = s.open()
        assert s.lr_options[s.lr_index] == "0.2"  # the link's value, read from the slider
        assert timeline_run(first)["lr"] == 0.2
        moved = s.move_lr(s.lr_index + 1)  # returns at the rerun's script_finished
        assert timeline_run(moved)["lr"] == float(s.lr_options[s.lr_index]) == 0.25
        # a new run was computed and sent: its losses and its path on the contour differ
        assert timeline_run(moved)["columns"]["loss"] != timeline_run(first)["columns"]["loss"]
        assert contour_path(moved) != contour_path(first)
        back = s.move_lr(s.lr_index - 1)
        assert timeline_run(back)["lr"] == 0.2
        assert contour_path(back) == contour_path(first)
    finally:
        s.close()


def test_locust_students_open_pages_and_move_sliders(server, tmp_path):
    out = tmp_path / "figures.json"
    env = {**os.environ, "LOSSLAB_WS_OUT": str(out), "LOSSLAB_WS_SECONDS": "4"}
    locust = Path(sys.executable).parent / "locust"
    done = subprocess.run(
        [str(locust), "-f", str(ROOT / "bench/locustfile.py"), "--headless", "-u", "2", "-r", "2",
         "-t", "60s", "--host", server, "--only-summary"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    fig = json.loads(out.read_text())
    assert (fig["opened"], fig["failed"], fig["lost"], fig["held"]) == (2, 0, 0, 2), done.stderr
    assert len(fig["moves"]) >= 2 and all(b > 10_000 for b in fig["bytes"])
    assert "move the learning rate" in done.stdout + done.stderr
