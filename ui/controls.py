"""Sidebar widgets of the explorer; ``sidebar()`` draws them and returns plain values.

Widget keys are the public link names of ``ui.params`` (``lr``, ``batch``, ``epochs`` ...).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from core import datasets, lab
from ui import link, params
from ui.text import LANGUAGES, t

LEARNING_RATES = params.LEARNING_RATES
_BATCH_STEPS = (
    1,
    2,
    4,
    5,
    8,
    10,
    16,
    20,
    32,
    50,
    64,
    100,
    128,
    200,
    256,
    500,
    512,
    1000,
    1024,
    2000,
    2048,
    5000,
)


class NoData(Exception):
    """The upload scenario is chosen but no usable file is there yet (the sidebar says why)."""


@dataclass(frozen=True)
class Controls:
    data: lab.DataSpec
    scaled: bool
    run: lab.RunSpec
    log_y: bool
    projector: bool
    link: dict  # the link parameters of this view (non-default values only)


def batch_options(n_train: int) -> list[int]:
    return [b for b in _BATCH_STEPS if b < n_train] + [n_train]


def regime(batch: int, n_train: int) -> str:
    if batch >= n_train:
        return t("regime.full")
    return t("regime.one") if batch == 1 else t("regime.mini")


def init_state() -> None:
    """Defaults for every control, and keep each value when the user moves to another page.

    Streamlit forgets a keyed widget's value once a run does not draw that widget (another page);
    assigning the value back makes it the user's, which the next page's widget then takes up.
    """
    state = st.session_state
    for p in params.PARAMS:
        if p.key in state:
            state[p.key] = state[p.key]
        elif p.default is not None:
            state[p.key] = p.default
    for key in ("start", "b0", "w0"):
        if key in state:
            state[key] = state[key]
    state.setdefault("start", "book")


def language_ui() -> None:
    st.selectbox(t("language"), tuple(LANGUAGES), key="lang", format_func=LANGUAGES.get)


def projector_ui() -> bool:
    return bool(st.toggle(t("projector"), key="projector", help=t("projector_help")))


def data_ui(*, allow_upload: bool = False) -> lab.DataSpec | None:
    """The data controls; with ``allow_upload``, None while no usable file is uploaded."""
    options = lab.DATA_SCENARIOS[:7] + (("upload",) if allow_upload else ())
    if st.session_state.get("scenario") not in options:
        st.session_state["scenario"] = "book"
    scenario = st.selectbox(
        t("scenario"), options, key="scenario", format_func=lambda s: t(f"scenario.{s}")
    )
    seed = int(st.session_state["seed"])
    if scenario == "upload":
        from ui import upload

        return upload.upload_ui(seed)
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
        st.warning(t("error_data", reason=t("empty_range")))
        x_min, x_max = 0.0, 1.0
    return lab.DataSpec(
        scenario="synthetic",
        seed=seed,
        n=int(n),
        noise=float(noise),
        true_w=float(true_w),
        true_b=float(true_b),
        x_low=float(x_min),
        x_high=float(x_max),
        val_fraction=float(val),
    )


def snap_batch(value: int, n_train: int) -> tuple[int, str | None]:
    """The batch-size slider's step for ``value``: the full batch at or beyond the training
    split's size, else the nearest step on a log scale. Returns it with the reason code of a
    link notice when it differs (None when ``value`` is a step)."""
    options = batch_options(n_train)
    if value in options:
        return value, None
    if value >= n_train:
        return n_train, f"batch_full|{n_train}"
    return min(options, key=lambda b: abs(np.log(b) - np.log(value))), "batch_step"


def batch_ui(n_train: int) -> int:
    options = batch_options(n_train)
    state = st.session_state
    current = state.get("batch")
    if current not in options:  # "full" from a link, a new data set, or a hand-written size
        from_link = link.take_linked("batch", current)
        if current in (None, "full") or (state.get("_batch_full", True) and not from_link):
            state["batch"] = n_train
        else:
            state["batch"], reason = snap_batch(int(current), n_train)
            if from_link and reason:
                link.note("batch", reason, state["batch"])
    batch = st.select_slider(
        t("batch"),
        options,
        key="batch",
        help=t("batch_help"),
        format_func=lambda b: f"{b} · {regime(b, n_train)}",
    )
    state["_batch_full"] = batch == n_train
    return int(batch)


def _start_from_draw() -> None:
    """When switching to hand-set weights, begin from where the drawn start was."""
    if st.session_state["start"] == "manual":
        b, w = datasets.book_initial_params(int(st.session_state["seed"]))
        st.session_state["b0"] = float(np.clip(round(b, 2), -10, 10))
        st.session_state["w0"] = float(np.clip(round(w, 2), -10, 10))


def start_ui() -> tuple[float, float] | None:
    mode = st.radio(
        t("start"),
        ("book", "manual"),
        key="start",
        format_func=lambda s: t(f"start.{s}"),
        on_change=_start_from_draw,
    )
    if mode != "manual":
        return None
    state = st.session_state
    if state.get("b0") is None or state.get("w0") is None:  # a link gave only one of them
        drawn = datasets.book_initial_params(int(state["seed"]))
        for key, value in zip(("b0", "w0"), drawn, strict=True):
            if state.get(key) is None:
                state[key] = float(np.clip(round(value, 2), -10, 10))
    c1, c2 = st.columns(2)
    b0 = c1.slider(t("b0"), -10.0, 10.0, key="b0", step=0.01)
    w0 = c2.slider(t("w0"), -10.0, 10.0, key="w0", step=0.01)
    return float(b0), float(w0)


def lr_ui() -> float:
    """The learning-rate slider every page shares (key ``lr``)."""
    return float(
        st.select_slider(
            t("lr"), LEARNING_RATES, key="lr", help=t("lr_help"), format_func=lambda v: f"{v:g}"
        )
    )


def optimizer_ui() -> dict:
    """The optimizer and the hyperparameters it uses."""
    from core import optimizers

    name = st.selectbox(
        t("opt"),
        optimizers.NAMES,
        key="opt",
        help=t("opt_help"),
        format_func=lambda n: t(f"opt.{n}"),
    )
    beta = st.session_state["beta"]
    beta2 = st.session_state["beta2"]
    if name in ("momentum", "nesterov", "rmsprop", "adam"):
        beta = st.slider(t("beta"), 0.0, 0.999, key="beta", step=0.001, format="%.3f")
    if name == "adam":
        beta2 = st.slider(t("beta2"), 0.9, 0.9999, key="beta2", step=0.0001, format="%.4f")
    return {"optimizer": name, "beta": float(beta), "beta2": float(beta2)}


def sidebar(n_train_of) -> Controls:
    """Draw every control; ``n_train_of(data_spec)`` tells the batch slider its range."""
    init_state()
    with st.sidebar:
        language_ui()
        projector = projector_ui()
        data = data_ui(allow_upload=True)
        if data is None:  # waiting for a usable upload: the sidebar says why
            raise NoData
        n_train = n_train_of(data)
        st.subheader(t("optimizer"))
        lr = lr_ui()
        opt = optimizer_ui()
        batch = batch_ui(n_train)
        epochs = st.slider(t("epochs"), 1, lab.MAX_EPOCHS, key="epochs")
        scaling = st.radio(
            t("scaling"),
            ("none", "standard"),
            key="scaling",
            horizontal=True,
            format_func=lambda s: t(f"scaling.{s}"),
            help=t("scaling_help"),
        )
        start = start_ui()
        seed = st.number_input(
            t("seed"), 0, params.SEED_MAX, key="seed", step=1, help=t("seed_help")
        )
        shuffle = st.toggle(t("shuffle"), key="shuffle")
        train_b = st.toggle(t("train_b"), key="train_b", help=t("train_b_help"))
        st.subheader(t("view"))
        log_y = st.toggle(t("log"), key="log")

    state = {
        "lang": st.session_state["lang"],
        "projector": projector,
        "scenario": data.scenario,
        "lr": float(lr),
        "batch": "full" if batch == n_train else batch,
        "epochs": int(epochs),
        "scaling": scaling,
        "seed": int(seed),
        "shuffle": bool(shuffle),
        "log": bool(log_y),
        "train_b": bool(train_b),
        "opt": opt["optimizer"],
    }
    if opt["optimizer"] in ("momentum", "nesterov", "rmsprop", "adam"):
        state["beta"] = opt["beta"]
    if opt["optimizer"] == "adam":
        state["beta2"] = opt["beta2"]
    state.update(params.data_link(data))
    if start is not None:
        state.update(b0=start[0], w0=start[1])
    run = lab.RunSpec(
        lr=float(lr),
        batch_size=batch,
        epochs=int(epochs),
        shuffle=bool(shuffle),
        seed=int(seed),
        start=start,
        train_b=bool(train_b),
        **opt,
    )
    return Controls(
        data=data,
        scaled=scaling == "standard",
        run=run,
        log_y=bool(log_y),
        projector=projector,
        link=params.to_query(state),
    )
