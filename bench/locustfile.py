"""Locust users that are students of a class: each opens the explorer over Streamlit's websocket
(bench/st_session.py: no browser), then moves the learning-rate slider every 2 s, one option at a
time, sweeping up and down between 0.01 and 1, and waits for each rerun to finish.

Run by bench/ws_load.py (which starts the servers and prints the table); alone:
  .venv/bin/locust -f bench/locustfile.py --headless -u 30 -r 3 --host http://127.0.0.1:8501

Moves are timed from sending the rerun to its script_finished message. With LOSSLAB_WS_OUT=path,
the raw figures of the measured window (from the moment every student has opened the page, for
LOSSLAB_WS_SECONDS seconds, then the run stops) are written there as JSON.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from pathlib import Path

import gevent
from locust import User, constant_pacing, events, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from st_session import StreamlitSession

SECONDS = float(os.environ.get("LOSSLAB_WS_SECONDS", "30"))
OUT = os.environ.get("LOSSLAB_WS_OUT")
SEEDS = itertools.count(1000)  # every student their own data: no shared cache hits
FIG = {"opened": 0, "failed": 0, "lost": 0, "live": set(), "moves": [], "bytes": [], "opens": []}
WINDOW = {"start": None, "end": None, "held": None}


def fire(env, name: str, seconds: float, size: int, exc: Exception | None = None) -> None:
    env.events.request.fire(
        request_type="ws",
        name=name,
        response_time=seconds * 1000,
        response_length=size,
        exception=exc,
        context={},
    )


def measure(env) -> None:
    """Every student has the page open: measure from now on, for SECONDS, then stop."""
    WINDOW["start"] = time.perf_counter()
    gevent.sleep(SECONDS)
    WINDOW["end"] = time.perf_counter()
    WINDOW["held"] = len(FIG["live"])
    env.runner.quit()


class Student(User):
    wait_time = constant_pacing(2)

    def on_start(self) -> None:
        t0 = time.perf_counter()
        try:
            self.session = StreamlitSession(self.host, f"seed={next(SEEDS)}")
            run = self.session.open()
        except Exception as exc:
            FIG["failed"] += 1
            fire(self.environment, "open the page", time.perf_counter() - t0, 0, exc)
            raise StopUser() from exc
        fire(self.environment, "open the page", run.seconds, run.bytes)
        FIG["opened"] += 1
        FIG["opens"].append(run.seconds)
        FIG["live"].add(id(self))
        opts = self.session.lr_options
        self.low, self.high = opts.index("0.01"), opts.index("1")
        self.step = 1
        target = self.environment.runner.target_user_count
        if FIG["opened"] == target and WINDOW["start"] is None:
            gevent.spawn(measure, self.environment)

    @task
    def move_the_learning_rate(self) -> None:
        s = self.session
        i = min(max(s.lr_index, self.low), self.high)
        if not self.low <= i + self.step <= self.high:
            self.step = -self.step
        try:
            run = s.move_lr(i + self.step)
        except Exception as exc:
            FIG["lost"] += 1
            FIG["live"].discard(id(self))
            fire(self.environment, "move the learning rate", 0.0, 0, exc)
            raise StopUser() from exc
        fire(self.environment, "move the learning rate", run.seconds, run.bytes)
        if WINDOW["start"] is not None and WINDOW["end"] is None:
            FIG["moves"].append(run.seconds)
            FIG["bytes"].append(run.bytes)

    def on_stop(self) -> None:
        if hasattr(self, "session"):
            self.session.close()


@events.quitting.add_listener
def write(environment, **_kw) -> None:
    if OUT:
        window = None
        if WINDOW["start"] is not None and WINDOW["end"] is not None:
            window = WINDOW["end"] - WINDOW["start"]
        out = {k: v for k, v in FIG.items() if k != "live"}
        out.update(window=window, held=WINDOW["held"])
        Path(OUT).write_text(json.dumps(out))
