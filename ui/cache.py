"""Cached core calls, keyed by small frozen specs. Results are read-only, so they are shared by
all sessions rather than copied on every rerun; every cache is bounded.

The keys are frozen dataclasses and tuples, hashable as they are: a dictionary lookup (~1 µs)
instead of ``st.cache_resource``, which hashes its arguments' contents on every call (~0.7 ms;
the explorer makes eight such calls per rerun).

Uploaded data never enters these process-wide caches: its results are memoised in the user's
own session state (bounded, gone with the session).
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict

import numpy as np
import streamlit as st

from core import lab, timeline


def nbytes(value) -> int:
    """The bytes a cached result holds in NumPy arrays (each array once), found through its
    attributes, tuples, lists and dicts: the arrays are what is large in every result here."""
    total, seen, todo = 0, set(), [value]
    while todo:
        item = todo.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, np.ndarray):
            total += item.nbytes
        elif isinstance(item, (tuple, list)):
            todo.extend(item)
        elif isinstance(item, dict):
            todo.extend(item.values())
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            todo.extend(getattr(item, f.name) for f in dataclasses.fields(item))
    return total


class _Memo:
    """A bounded least-recently-used memo: at most ``max_entries`` results and, with
    ``max_bytes``, at most that many bytes of arrays in them (the newest result is always kept).
    Thread-safe; two callers missing the same key at once may both compute it, and one result is
    kept and given to both."""

    def __init__(self, max_entries: int, max_bytes: int | None = None):
        self._max, self._max_bytes = max_entries, max_bytes
        self._items: OrderedDict = OrderedDict()
        self._sizes: dict = {}
        self._lock = threading.Lock()

    def get(self, key, make):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        size = nbytes(value) if self._max_bytes is not None else 0
        with self._lock:
            if key not in self._items:
                self._items[key], self._sizes[key] = value, size
            value = self._items[key]
            self._items.move_to_end(key)
            while len(self._items) > 1 and (
                len(self._items) > self._max
                or (self._max_bytes is not None and self.bytes > self._max_bytes)
            ):
                old, _ = self._items.popitem(last=False)
                del self._sizes[old]
        return value

    def __len__(self) -> int:
        return len(self._items)

    @property
    def bytes(self) -> int:
        return sum(self._sizes.values())


class _Shared(_Memo):
    """A memo of ``make(*key)`` shared by every session."""

    def __init__(self, make, max_entries: int, max_bytes: int | None = None):
        super().__init__(max_entries, max_bytes)
        self._make = make

    def __call__(self, *key):
        return self.get(key, lambda: self._make(*key))


# A run of a million updates holds ~50 MB (parameters, gradients and losses per update).
_RUN_BYTES = 256 * 2**20  # runs shared by all sessions: still ~5 such runs, and 32 small ones
_SESSION_MEMO = "_upload_memo"
_SESSION_MEMO_SIZE = 8
_SESSION_MEMO_BYTES = 128 * 2**20  # one session's uploaded data, its runs and frames


def _session_memo(key, make):
    memo = st.session_state.get(_SESSION_MEMO)
    if memo is None:
        memo = st.session_state[_SESSION_MEMO] = _Memo(_SESSION_MEMO_SIZE, _SESSION_MEMO_BYTES)
    return memo.get(key, make)


def _make_problem(data: lab.DataSpec, scaled: bool) -> lab.Problem:
    if data.scenario == "upload":
        from ui import upload

        return lab.make_problem(upload.dataset(), scaled=scaled, model=data.model)
    return lab.problem_of(data, scaled=scaled)


def _make_grid(data, scaled, start, margin):
    prob = problem(data, scaled)
    window = lab.view_window(prob, start, margin=margin)
    return window, lab.grid(prob, window)


def _make_trajectory(data, scaled, run):
    return lab.run(problem(data, scaled), run)


def _make_frames(data, scaled, run):
    prob = problem(data, scaled)
    return timeline.frames(
        prob.surface, trajectory(data, scaled, run), trainable=lab.trainable(prob, run)
    )


def frames(data: lab.DataSpec, scaled: bool, run: lab.RunSpec) -> timeline.Frames:
    """The timeline's frame table of a run (see :mod:`core.timeline`)."""
    if data.scenario == "upload":
        return _session_memo(("frames", data, scaled, run), lambda: _make_frames(data, scaled, run))
    return _shared_frames(data, scaled, run)


def n_train(data: lab.DataSpec) -> int:
    """Training examples of a data set (its size does not depend on the scaling)."""
    return problem(data, False).n_train


def problem(data: lab.DataSpec, scaled: bool) -> lab.Problem:
    if data.scenario == "upload":
        return _session_memo(("problem", data, scaled), lambda: _make_problem(data, scaled))
    return _shared_problem(data, scaled)


def loss_grid(data: lab.DataSpec, scaled: bool, start: tuple[float, float], margin: float = 1.5):
    if data.scenario == "upload":
        return _session_memo(
            ("grid", data, scaled, start, margin), lambda: _make_grid(data, scaled, start, margin)
        )
    return _shared_grid(data, scaled, start, margin)


def trajectory(data: lab.DataSpec, scaled: bool, run: lab.RunSpec):
    if data.scenario == "upload":
        return _session_memo(
            ("run", data, scaled, run), lambda: _make_trajectory(data, scaled, run)
        )
    return _shared_trajectory(data, scaled, run)


def _recipe_trajectory(key: str, run: lab.RunSpec):
    return lab.run(recipe_problem(key), run)


def _recipe_frames(key: str, run: lab.RunSpec):
    return timeline.frames(recipe_problem(key).surface, recipe_trajectory(key, run))


# the several-parameters page: the tutorials' models of three parameters
recipe_problem = _Shared(lab.recipe_problem, 4)
recipe_trajectory = _Shared(_recipe_trajectory, 16, max_bytes=_RUN_BYTES // 4)
recipe_frames = _Shared(_recipe_frames, 16)
_shared_problem = _Shared(_make_problem, 16)
_shared_grid = _Shared(_make_grid, 16)
_shared_trajectory = _Shared(_make_trajectory, 32, max_bytes=_RUN_BYTES)
_shared_frames = _Shared(_make_frames, 32)
