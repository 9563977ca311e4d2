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
import itertools
import threading
import weakref
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


_clock = itertools.count()  # one order of use across every memo (a pool evicts the oldest)


class Pool:
    """A byte budget shared by several memos (every shared cache, or every session's upload
    memo): when their arrays together exceed ``max_bytes``, the least recently used result of
    any of them goes first, the newest result always stays. Memos are held weakly: a session's
    memo that is gone with its session frees its share."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._memos: weakref.WeakSet = weakref.WeakSet()
        self._lock = threading.Lock()

    def add(self, memo: _Memo) -> None:
        with self._lock:
            self._memos.add(memo)

    @property
    def bytes(self) -> int:
        return sum(m.bytes for m in list(self._memos))

    def trim(self, keep: tuple) -> None:
        """Evict the oldest results of the pool's memos until it fits (``keep``: (memo, key))."""
        with self._lock:
            memos = list(self._memos)
            total = sum(m.bytes for m in memos)
            while total > self.max_bytes:
                ages = [(m.oldest(skip=keep), m) for m in memos]
                ages = [(age, m) for age, m in ages if age is not None]
                if not ages:
                    return
                _, memo = min(ages, key=lambda a: a[0])
                total -= memo.evict_oldest(skip=keep)


class _Memo:
    """A bounded least-recently-used memo: at most ``max_entries`` results and, with
    ``max_bytes``, at most that many bytes of arrays in them (the newest result is always kept);
    with ``pool``, also within the pool's budget shared with other memos. Thread-safe; two
    callers missing the same key at once may both compute it, and one result is kept and given
    to both."""

    def __init__(self, max_entries: int, max_bytes: int | None = None, pool: Pool | None = None):
        self._max, self._max_bytes, self._pool = max_entries, max_bytes, pool
        self._items: OrderedDict = OrderedDict()
        self._sizes: dict = {}
        self._used: dict = {}
        self._lock = threading.Lock()
        if pool is not None:
            pool.add(self)

    def get(self, key, make):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self._used[key] = next(_clock)
                return self._items[key]
        value = make()
        sized = self._max_bytes is not None or self._pool is not None
        size = nbytes(value) if sized else 0
        with self._lock:
            if key not in self._items:
                self._items[key], self._sizes[key] = value, size
            value = self._items[key]
            self._items.move_to_end(key)
            self._used[key] = next(_clock)
            while len(self._items) > 1 and (
                len(self._items) > self._max
                or (self._max_bytes is not None and self.bytes > self._max_bytes)
            ):
                old, _ = self._items.popitem(last=False)
                del self._sizes[old], self._used[old]
        if self._pool is not None:
            self._pool.trim(keep=(self, key))
        return value

    def oldest(self, skip: tuple):
        """When this memo's least recently used result was used (None if it has none to give)."""
        with self._lock:
            for key in self._items:
                if (self, key) != skip and self._sizes[key]:
                    return self._used[key]
        return None

    def evict_oldest(self, skip: tuple) -> int:
        """Drop the least recently used result (not ``skip``); return the bytes freed."""
        with self._lock:
            for key in self._items:
                if (self, key) != skip and self._sizes[key]:
                    del self._items[key], self._used[key]
                    return self._sizes.pop(key)
        return 0

    def __len__(self) -> int:
        return len(self._items)

    @property
    def bytes(self) -> int:
        return sum(self._sizes.values())


class _Shared(_Memo):
    """A memo of ``make(*key)`` shared by every session."""

    def __init__(self, make, max_entries: int, max_bytes: int | None = None, pool=None):
        super().__init__(max_entries, max_bytes, pool)
        self._make = make

    def __call__(self, *key):
        return self.get(key, lambda: self._make(*key))


# The memory the caches may hold, in bytes of arrays, for the whole process: every shared cache
# draws on SHARED, every session's upload memo on UPLOADS (however many sessions there are). A
# run of a million updates holds ~50 MB (parameters, gradients and losses per update).
SHARED = Pool(320 * 2**20)
UPLOADS = Pool(192 * 2**20)
_RUN_BYTES = 256 * 2**20  # runs alone: still ~5 such runs, and 32 small ones
_SESSION_MEMO = "_upload_memo"
_SESSION_MEMO_SIZE = 8
_SESSION_MEMO_BYTES = 128 * 2**20  # one session's uploaded data, its runs and frames


def _session_memo(key, make):
    memo = st.session_state.get(_SESSION_MEMO)
    if memo is None:
        memo = _Memo(_SESSION_MEMO_SIZE, _SESSION_MEMO_BYTES, pool=UPLOADS)
        st.session_state[_SESSION_MEMO] = memo
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
recipe_problem = _Shared(lab.recipe_problem, 4, pool=SHARED)
recipe_trajectory = _Shared(_recipe_trajectory, 16, max_bytes=_RUN_BYTES // 4, pool=SHARED)
recipe_frames = _Shared(_recipe_frames, 16, pool=SHARED)
_shared_problem = _Shared(_make_problem, 16, pool=SHARED)
_shared_grid = _Shared(_make_grid, 16, pool=SHARED)
_shared_trajectory = _Shared(_make_trajectory, 32, max_bytes=_RUN_BYTES, pool=SHARED)
_shared_frames = _Shared(_make_frames, 32, pool=SHARED)


# --- the network page (issue 16): its problems, runs and landscape views -------------------
# (an upload's are memoised in the user's session only, as the explorer's are)
def _net_problem(data: str, hidden: tuple, activation: str, seed: int):
    from core import netlab

    spec = netlab.NetSpec(data=data, hidden=hidden, activation=activation, seed=seed)
    return netlab.make_problem(netlab.dataset(data), spec)


def _make_net_problem(spec):
    from core import netlab

    if spec.data == "upload":
        from ui import upload

        return netlab.make_problem(upload.dataset(), spec)
    return net_problem(spec.data, spec.hidden, spec.activation, spec.seed)


def net_problem_of(spec):
    """The network problem of a spec (it depends on the data, the network and the seed)."""
    if spec.data == "upload":
        key = ("net_problem", spec.source, spec.hidden, spec.activation, spec.seed)
        return _session_memo(key, lambda: _make_net_problem(spec))
    return _make_net_problem(spec)


def _make_net_run(spec):
    from core import netlab

    return netlab.train(net_problem_of(spec), spec)


def _make_net_views(spec, dir_seed: int):
    from core import netlab

    return netlab.views(net_problem_of(spec), net_run_of(spec), dir_seed=dir_seed)


def net_run_of(spec):
    if spec.data == "upload":
        return _session_memo(("net_run", spec), lambda: _make_net_run(spec))
    return _net_run(spec)


def net_views_of(spec, dir_seed: int):
    if spec.data == "upload":
        return _session_memo(("net_views", spec, dir_seed), lambda: _make_net_views(spec, dir_seed))
    return _net_views(spec, dir_seed)


net_problem = _Shared(_net_problem, 8, pool=SHARED)
_net_run = _Shared(_make_net_run, 16, max_bytes=_RUN_BYTES // 2, pool=SHARED)
_net_views = _Shared(_make_net_views, 16, pool=SHARED)
