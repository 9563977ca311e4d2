"""Sidebar widgets of the explorer; each ``*_ui`` draws widgets and returns plain values.

Widget keys are the stable names later used in links (``lr``, ``batch``, ``epochs`` ...).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from core import lab
from ui.text import t

# Log-spaced learning rates from 1e-4 to 10 that contain the book's 0.1, 0.2, 0.8 and 1.1.
_MANTISSAS = (1.0, 1.1, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)
LEARNING_RATES = tuple(float(f"{m}e{e}") for e in range(-4, 1) for m in _MANTISSAS) + (10.0,)
_BATCH_STEPS = (1, 2, 4, 5, 8, 10, 16, 20, 32, 50, 64, 100, 128, 200, 256, 500, 512, 1000, 1024,
                2000, 2048, 5000)

DEFAULTS = {
    "scenario": "book", "lr": 0.1, "epochs": 1000, "scaling": "none", "start": "book",
    "b0": 0.0, "w0": 0.0, "seed": 42, "shuffle": True, "log": False,
    "n": 100, "noise": 0.1, "true_w": 2.0, "true_b": 1.0, "x_min": 0.0, "x_max": 1.0, "val": 0.2,
}


@dataclass(frozen=True)
class Controls:
    data: lab.DataSpec
    scaled: bool
    run: lab.RunSpec
    log_y: bool


def batch_options(n_train: int) -> list[int]:
    return [b for b in _BATCH_STEPS if b < n_train] + [n_train]


def regime(batch: int, n_train: int) -> str:
    if batch >= n_train:
        return t("regime.full")
    return t("regime.one") if batch == 1 else t("regime.mini")


def _init_state() -> None:
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)


def _fmt_lr(lr: float) -> str:
    return f"{lr:g}"


def data_ui() -> lab.DataSpec:
    scenario = st.selectbox(t("scenario"), lab.SCENARIOS, key="scenario",
                            format_func=lambda s: t(f"scenario.{s}"))
    seed = int(st.session_state["seed"])
    if scenario != "synthetic":
        return lab.DataSpec(scenario=scenario, seed=seed)
    with st.expander(t("synthetic_data"), expanded=True):
        n = st.slider(t("n"), 10, lab.MAX_N, key="n", step=10)
        noise = st.slider(t("noise"), 0.0, 5.0, key="noise", step=0.01)
        c1, c2 = st.columns(2)
        true_w = c1.number_input(t("true_w"), -10.0, 10.0, key="true_w", step=0.5)
        true_b = c2.number_input(t("true_b"), -10.0, 10.0, key="true_b", step=0.5)
        x_min = c1.number_input(t("x_min"), -1000.0, 1000.0, key="x_min", step=1.0)
        x_max = c2.number_input(t("x_max"), -1000.0, 1000.0, key="x_max", step=1.0)
        val = st.slider(t("val"), 0.05, 0.5, key="val", step=0.05)
    if not x_max > x_min:
        x_min, x_max = DEFAULTS["x_min"], DEFAULTS["x_max"]
        st.warning(t("error_data", reason="the x range is empty, so x in [0, 1] is used"))
    return lab.DataSpec(scenario="synthetic", seed=seed, n=int(n), noise=float(noise),
                        true_w=float(true_w), true_b=float(true_b), x_low=float(x_min),
                        x_high=float(x_max), val_fraction=float(val))


def batch_ui(n_train: int) -> int:
    options = batch_options(n_train)
    state = st.session_state
    current = state.get("batch")
    if current not in options:  # a new data set: keep "full batch" full, else the nearest size
        if current is None or state.get("_batch_full", True) or current >= n_train:
            state["batch"] = n_train
        else:
            state["batch"] = min(options, key=lambda b: abs(np.log(b) - np.log(current)))
    batch = st.select_slider(t("batch"), options, key="batch", help=t("batch_help"),
                             format_func=lambda b: f"{b} · {regime(b, n_train)}")
    state["_batch_full"] = batch == n_train
    return int(batch)


def _start_from_draw() -> None:
    """When switching to hand-set weights, begin from where the drawn start was."""
    if st.session_state["start"] == "manual":
        from core import datasets
        b, w = datasets.book_initial_params(int(st.session_state["seed"]))
        st.session_state["b0"] = float(np.clip(round(b, 2), -10, 10))
        st.session_state["w0"] = float(np.clip(round(w, 2), -10, 10))


def sidebar(n_train_of) -> Controls:
    """Draw every control; ``n_train_of(data_spec)`` tells the batch slider its range."""
    _init_state()
    with st.sidebar:
        data = data_ui()
        n_train = n_train_of(data)
        st.subheader(t("optimizer"))
        lr = st.select_slider(t("lr"), LEARNING_RATES, key="lr", format_func=_fmt_lr,
                              help=t("lr_help"))
        batch = batch_ui(n_train)
        epochs = st.slider(t("epochs"), 1, lab.MAX_EPOCHS, key="epochs")
        scaling = st.radio(t("scaling"), ("none", "standard"), key="scaling", horizontal=True,
                           format_func=lambda s: t(f"scaling.{s}"), help=t("scaling_help"))
        start_mode = st.radio(t("start"), ("book", "manual"), key="start",
                              format_func=lambda s: t(f"start.{s}"), on_change=_start_from_draw)
        start = None
        if start_mode == "manual":
            c1, c2 = st.columns(2)
            b0 = c1.slider(t("b0"), -10.0, 10.0, key="b0", step=0.01)
            w0 = c2.slider(t("w0"), -10.0, 10.0, key="w0", step=0.01)
            start = (float(b0), float(w0))
        seed = st.number_input(t("seed"), 0, 2**31 - 1, key="seed", step=1, help=t("seed_help"))
        shuffle = st.toggle(t("shuffle"), key="shuffle")
        st.subheader(t("view"))
        log_y = st.toggle(t("log"), key="log")
    run = lab.RunSpec(lr=float(lr), batch_size=batch, epochs=int(epochs), shuffle=bool(shuffle),
                      seed=int(seed), start=start)
    return Controls(data=data, scaled=scaling == "standard", run=run, log_y=bool(log_y))
