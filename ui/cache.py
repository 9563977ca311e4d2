"""Cached core calls, keyed by small frozen specs. Results are read-only, so they are shared by
all sessions rather than copied on every rerun; every cache is bounded.

The keys are frozen dataclasses and tuples, hashable as they are: a dictionary lookup (~1 µs)
instead of ``st.cache_resource``, which hashes its arguments' contents on every call (~0.7 ms;
the explorer makes eight such calls per rerun).

Uploaded data never enters these process-wide caches: its results are memoised in the user's
own session state (bounded, gone with the session).
"""
from __future__ import annotations

import threading
from collections import OrderedDict

import streamlit as st

from core import lab, timeline


class _Shared:
    """A bounded least-recently-used memo of ``make(*key)``, shared by every session (thread-safe;
    two sessions missing the same key at once may both compute it, and one result is kept)."""

    def __init__(self, make, max_entries: int):
        self._make, self._max = make, max_entries
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, *key):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = self._make(*key)
        with self._lock:
            value = self._items.setdefault(key, value)
            self._items.move_to_end(key)
            while len(self._items) > self._max:
                self._items.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._items)

_SESSION_MEMO = "_upload_memo"
_SESSION_MEMO_SIZE = 8


def _session_memo(key, make):
    memo = st.session_state.setdefault(_SESSION_MEMO, {})
    if key not in memo:
        if len(memo) >= _SESSION_MEMO_SIZE:
            memo.pop(next(iter(memo)))
        memo[key] = make()
    return memo[key]


def _make_problem(data: lab.DataSpec, scaled: bool) -> lab.Problem:
    if data.scenario == "upload":
        from ui import upload
        return lab.make_problem(upload.dataset(), scaled=scaled)
    return lab.make_problem(lab.make_dataset(data), scaled=scaled)


def _make_grid(data, scaled, start, margin):
    prob = problem(data, scaled)
    window = lab.view_window(prob, start, margin=margin)
    return window, lab.grid(prob, window)


def _make_trajectory(data, scaled, run):
    return lab.run(problem(data, scaled), run)


def _make_frames(data, scaled, run):
    prob = problem(data, scaled)
    return timeline.frames(prob.phi_train, prob.data.y_train, prob.q_train,
                           trajectory(data, scaled, run))


def frames(data: lab.DataSpec, scaled: bool, run: lab.RunSpec) -> timeline.Frames:
    """The timeline's frame table of a run (see :mod:`core.timeline`)."""
    if data.scenario == "upload":
        return _session_memo(("frames", data, scaled, run), lambda: _make_frames(data, scaled, run))
    return _shared_frames(data, scaled, run)


def problem(data: lab.DataSpec, scaled: bool) -> lab.Problem:
    if data.scenario == "upload":
        return _session_memo(("problem", data, scaled), lambda: _make_problem(data, scaled))
    return _shared_problem(data, scaled)


def loss_grid(data: lab.DataSpec, scaled: bool, start: tuple[float, float], margin: float = 1.5):
    if data.scenario == "upload":
        return _session_memo(("grid", data, scaled, start, margin),
                             lambda: _make_grid(data, scaled, start, margin))
    return _shared_grid(data, scaled, start, margin)


def trajectory(data: lab.DataSpec, scaled: bool, run: lab.RunSpec):
    if data.scenario == "upload":
        return _session_memo(("run", data, scaled, run),
                             lambda: _make_trajectory(data, scaled, run))
    return _shared_trajectory(data, scaled, run)


_shared_problem = _Shared(_make_problem, 16)
_shared_grid = _Shared(_make_grid, 16)
_shared_trajectory = _Shared(_make_trajectory, 32)
_shared_frames = _Shared(_make_frames, 32)
