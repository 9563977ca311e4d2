"""Cached core calls, keyed by small frozen specs. Results are read-only, so they are shared
(``cache_resource``) rather than copied on every rerun; every cache is bounded.

Uploaded data never enters these process-wide caches: its results are memoised in the user's
own session state (bounded, gone with the session).
"""
from __future__ import annotations

import streamlit as st

from core import lab, timeline

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


@st.cache_resource(max_entries=16, show_spinner=False)
def _shared_problem(data, scaled):
    return _make_problem(data, scaled)


@st.cache_resource(max_entries=16, show_spinner=False)
def _shared_grid(data, scaled, start, margin):
    return _make_grid(data, scaled, start, margin)


@st.cache_resource(max_entries=32, show_spinner=False)
def _shared_trajectory(data, scaled, run):
    return lab.run(problem(data, scaled), run)


@st.cache_resource(max_entries=32, show_spinner=False)
def _shared_frames(data, scaled, run):
    return _make_frames(data, scaled, run)


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
                             lambda: lab.run(problem(data, scaled), run))
    return _shared_trajectory(data, scaled, run)
