"""Cached core calls, keyed by small frozen specs. Results are read-only, so they are shared
(``cache_resource``) rather than copied on every rerun; every cache is bounded."""
from __future__ import annotations

import streamlit as st

from core import lab


@st.cache_resource(max_entries=16, show_spinner=False)
def problem(data: lab.DataSpec, scaled: bool) -> lab.Problem:
    return lab.make_problem(lab.make_dataset(data), scaled=scaled)


@st.cache_resource(max_entries=16, show_spinner=False)
def loss_grid(data: lab.DataSpec, scaled: bool, start: tuple[float, float], margin: float = 1.5):
    prob = problem(data, scaled)
    window = lab.view_window(prob, start, margin=margin)
    return window, lab.grid(prob, window)


@st.cache_resource(max_entries=32, show_spinner=False)
def trajectory(data: lab.DataSpec, scaled: bool, run: lab.RunSpec):
    return lab.run(problem(data, scaled), run)
