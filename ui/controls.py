"""The lab's controls: a strip above the charts with what a lesson turns (the problem, the
learning rate, the batch size, the optimizer) and the sidebar with everything else.

Widget keys are the public link names of ``ui.params`` (``lr``, ``batch``, ``epochs`` ...).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from core import datasets, functions, lab, optimizers, schedules
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
START_KEYS = ("start", "b0", "w0")


class NoData(Exception):
    """The upload scenario is chosen but no usable file is there yet (the page says why)."""


@dataclass(frozen=True)
class Controls:
    data: lab.DataSpec
    scaled: bool
    run: lab.RunSpec
    log_y: bool | None  # None: the page chooses (a log axis where the loss spans decades)
    projector: bool
    link: dict  # the link parameters of this view (non-default values only)


def batch_options(n_train: int) -> list[int]:
    return [b for b in _BATCH_STEPS if b < n_train] + [n_train]


def regime(batch: int, n_train: int) -> str:
    if batch >= n_train:
        return t("regime.full")
    return t("regime.one") if batch == 1 else t("regime.mini")


def init_state(page: str) -> None:
    """Defaults for every control, and keep each value when the user moves to another page.

    Streamlit forgets a keyed widget's value once a run does not draw that widget (another page);
    assigning the value back makes it the user's, which the next page's widget then takes up. It
    is done on the first run of a page only: assigning a value on every run would send it to the
    browser with every rerun, so a rerun that lags behind the user's key presses would move the
    slider back to the value it was started with.

    Within a page, a control that a run does not draw (the comparison of rates hides the
    learning-rate slider; a test function hides the epochs) would be forgotten as well: every
    keyed control is made with ``persist_state="session"``, so it comes back with its value.
    """
    state = st.session_state
    switched = state.get("_page") != page
    state["_page"] = page
    for p in params.PARAMS:
        if p.key in state:
            if switched:
                state[p.key] = state[p.key]
        elif p.default is not None:
            state[p.key] = p.default
    for key in START_KEYS:
        if key in state and switched:
            state[key] = state[key]
    state.setdefault("start", "book")
    state.setdefault("log", None)


def reset() -> None:
    """Every control back to its default (the language and projector mode stay): the page as a
    new visitor sees it. A button's callback, so it runs before the widgets exist."""
    state = st.session_state
    keep = {k: state[k] for k in ("lang", "projector") if k in state}
    for key in list(state.keys()):
        if not str(key).startswith("_upload"):
            del state[key]
    state.update(keep)
    state["_link_applied"] = True  # the URL is about to be the defaults'
    st.query_params.clear()


def language_ui() -> None:
    st.selectbox(
        t("language"),
        tuple(LANGUAGES),
        key="lang",
        persist_state="session",
        format_func=LANGUAGES.get,
    )


def projector_ui() -> bool:
    return bool(
        st.toggle(
            t("projector"), key="projector", persist_state="session", help=t("projector_help")
        )
    )


def problem_ui(*, allow_upload: bool = False, container=None) -> lab.DataSpec | None:
    """What to minimise: a data set and the model fitted to it, a test function, or (with
    ``allow_upload``) the user's own file; None while no usable file is uploaded."""
    where = container or st
    options = lab.SCENARIOS + (("upload",) if allow_upload else ())
    if st.session_state.get("scenario") not in options:
        st.session_state["scenario"] = "book"
    scenario = where.selectbox(
        t("problem"),
        options,
        key="scenario",
        persist_state="session",
        help=t("problem_help"),
        format_func=lambda s: t(f"scenario.{s}"),
    )
    seed = int(st.session_state["seed"])
    if scenario in functions.FUNCTIONS:
        return lab.DataSpec(scenario=scenario)
    model = st.session_state.get("fit", "line")
    if scenario == "upload":
        from ui import upload

        spec = upload.upload_ui(seed)
        return None if spec is None else lab.DataSpec(**{**spec.__dict__, "model": model})
    if scenario != "synthetic":
        return lab.DataSpec(scenario=scenario, seed=seed, model=model)
    with st.sidebar.expander(t("synthetic_data"), expanded=True):
        n = st.slider(t("n"), 10, lab.MAX_N, key="n", persist_state="session", step=10)
        noise = st.slider(t("noise"), 0.0, 5.0, key="noise", persist_state="session", step=0.01)
        c1, c2 = st.columns(2)
        true_w = c1.number_input(
            t("true_w"), -10.0, 10.0, key="true_w", persist_state="session", step=0.5
        )
        true_b = c2.number_input(
            t("true_b"), -10.0, 10.0, key="true_b", persist_state="session", step=0.5
        )
        x_min = c1.number_input(
            t("x_min"), -1000.0, 1000.0, key="x_min", persist_state="session", step=1.0
        )
        x_max = c2.number_input(
            t("x_max"), -1000.0, 1000.0, key="x_max", persist_state="session", step=1.0
        )
        val = st.slider(t("val"), 0.05, 0.5, key="val", persist_state="session", step=0.05)
    if not x_max > x_min:
        st.sidebar.warning(t("error_data", reason=t("empty_range")))
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
        model=model,
    )


def problem_defaults(scenario: str) -> None:
    """A new problem brings its own learning rate (a test function's, or the book's 0.1 on data),
    unless the link that opened the page gave one: Rosenbrock at the book's η = 0.1 would only
    blow up. Called before the learning-rate slider exists."""
    state = st.session_state
    kind = scenario if scenario in functions.FUNCTIONS else "data"
    if state.get("_lr_for") == kind:
        return
    first = state.get("_lr_for") is None
    state["_lr_for"] = kind
    if first and link.take_linked("lr", state.get("lr")):
        return
    if first and kind == "data":
        return  # the page opens on data with the slider as it is
    state["lr"] = params.defaults_for(scenario).get("lr", params.BY_KEY["lr"].default)


def fit_ui() -> str:
    return st.radio(
        t("fit"),
        lab.MODELS,
        key="fit",
        persist_state="session",
        horizontal=True,
        help=t("fit_help"),
        format_func=lambda m: t(f"fit.{m}"),
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
        persist_state="session",
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


def set_start(point) -> None:
    """Start the run at ``point`` (a click on a map): the hand-set start, within its sliders."""
    state = st.session_state
    state["start"] = "manual"
    state["b0"], state["w0"] = (float(np.clip(round(float(v), 2), -10, 10)) for v in point)


def start_ui(names, *, drawn: bool = True) -> tuple[float, float] | None:
    """The starting point: the default (drawn from the seed, or the function's own) or by hand
    (or by a click on the contour or the surface)."""
    mode = st.radio(
        t("start"),
        ("book", "manual"),
        key="start",
        persist_state="session",
        on_change=_start_from_draw,
        format_func=lambda s: t(f"start.{s}" if drawn or s == "manual" else "start.own"),
        help=t("start_help"),
    )
    if mode != "manual":
        return None
    state = st.session_state
    if state.get("b0") is None or state.get("w0") is None:  # a link gave only one of them
        first = datasets.book_initial_params(int(state["seed"]))
        for key, value in zip(("b0", "w0"), first, strict=True):
            if state.get(key) is None:
                state[key] = float(np.clip(round(value, 2), -10, 10))
    c1, c2 = st.columns(2)
    b0 = c1.slider(
        t("start_of", name=names[0]), -10.0, 10.0, key="b0", persist_state="session", step=0.01
    )
    w0 = c2.slider(
        t("start_of", name=names[1]), -10.0, 10.0, key="w0", persist_state="session", step=0.01
    )
    return float(b0), float(w0)


def lr_ui(container=None) -> float:
    """The learning-rate slider every page shares (key ``lr``)."""
    where = container or st
    return float(
        where.select_slider(
            t("lr"),
            LEARNING_RATES,
            key="lr",
            persist_state="session",
            help=t("lr_help"),
            format_func=lambda v: f"{v:g}",
        )
    )


def optimizer_ui(container=None) -> str:
    where = container or st
    return where.selectbox(
        t("opt"),
        optimizers.NAMES,
        key="opt",
        persist_state="session",
        help=t("opt_help"),
        format_func=lambda n: t(f"opt.{n}"),
    )


def optimizer_settings(name: str) -> dict:
    """The optimizer's own settings (β, Adam's β₂), shown when it has them."""
    state = st.session_state
    beta, beta2 = state["beta"], state["beta2"]
    if name in ("momentum", "nesterov", "rmsprop", "adam"):
        beta = st.slider(
            t("beta"), 0.0, 0.999, key="beta", persist_state="session", step=0.001, format="%.3f"
        )
    if name == "adam":
        beta2 = st.slider(
            t("beta2"),
            0.9,
            0.9999,
            key="beta2",
            persist_state="session",
            step=0.0001,
            format="%.4f",
        )
    return {"beta": float(beta), "beta2": float(beta2)}


def schedule_ui() -> schedules.Schedule:
    """The learning-rate schedule (key ``sched``) and its settings, shown when it has them; a
    linear warm-up (``warmup`` epochs) goes before any of them."""
    name = st.selectbox(
        t("sched"),
        schedules.NAMES,
        key="sched",
        persist_state="session",
        help=t("sched_help"),
        format_func=lambda n: t(f"sched.{n}"),
    )
    return schedule_settings((name,))[name]


def schedule_settings(names) -> dict[str, schedules.Schedule]:
    """The settings of the schedules ``names`` (those they have), and the warm-up they share:
    each name's :class:`~core.schedules.Schedule`."""
    state = st.session_state
    every, drop, gamma = state["every"], state["drop"], state["gamma"]
    if "step" in names:
        a, b = st.columns(2)
        every = a.number_input(
            t("sched_every"), 1, lab.MAX_EPOCHS, key="every", persist_state="session", step=1
        )
        drop = b.number_input(
            t("sched_drop"),
            0.01,
            1.0,
            key="drop",
            persist_state="session",
            step=0.05,
            format="%.2f",
        )
    if "exp" in names:
        gamma = st.number_input(
            t("sched_gamma"),
            0.5,
            1.0,
            key="gamma",
            persist_state="session",
            step=0.001,
            format="%.4f",
            help=t("sched_gamma_help"),
        )
    warmup = st.number_input(
        t("sched_warmup"),
        0,
        schedules.MAX_WARMUP,
        key="warmup",
        persist_state="session",
        step=1,
        help=t("sched_warmup_help"),
    )
    return {
        name: schedules.Schedule(
            name=name, warmup=int(warmup), every=int(every), drop=float(drop), gamma=float(gamma)
        )
        for name in names
    }


def updates_ui(function: functions.TestFunction) -> int:
    """How many updates a run on a test function makes: the function's own number, unless the
    link that opened the page gave one."""
    state = st.session_state
    if state.get("_updates_of") != function.key:
        if state.get("updates") is None or not link.take_linked("updates", state["updates"]):
            state["updates"] = function.updates
        state["_updates_of"] = function.key
    return int(
        st.slider(
            t("updates"),
            1,
            lab.MAX_FUNCTION_UPDATES,
            key="updates",
            persist_state="session",
            help=t("updates_help"),
        )
    )


def explorer(n_train_of, strip) -> Controls:
    """Draw every control of the explorer: the strip (in the page, in ``strip``) and the rest
    in the sidebar; in projector mode the problem moves to the sidebar too (a teacher sets it
    once). ``n_train_of(data_spec)`` tells the batch slider its range."""
    init_state("explorer")
    state = st.session_state
    with st.sidebar:
        language_ui()
        projector = projector_ui()
    if projector:
        c2, c3, c4 = strip.columns([4, 4, 5], vertical_alignment="bottom")
        c1 = st.sidebar
    else:
        c1, c2, c3, c4 = strip.columns([5, 5, 4, 3], vertical_alignment="bottom")
    data = problem_ui(allow_upload=True, container=c1)
    if data is None:  # waiting for a usable upload: the page says why
        raise NoData
    function = functions.FUNCTIONS.get(data.scenario)
    problem_defaults(data.scenario)
    lr = lr_ui(c2)
    with c3:
        if function is None:
            batch = batch_ui(n_train_of(data))
            noise = 0.0
        else:
            batch = 1
            noise = float(
                st.slider(
                    t("grad_noise"),
                    0.0,
                    10.0,
                    key="grad_noise",
                    persist_state="session",
                    step=0.05,
                    help=t("grad_noise_help"),
                )
            )
    name = optimizer_ui(c4)
    with st.sidebar:
        st.subheader(t("more_settings"))
        if function is None:
            fit_ui()
            epochs = st.slider(
                t("epochs"),
                1,
                lab.MAX_EPOCHS,
                key="epochs",
                persist_state="session",
                help=t("epochs_help"),
            )
            scaling = st.radio(
                t("scaling"),
                ("none", "standard"),
                key="scaling",
                persist_state="session",
                horizontal=True,
                format_func=lambda s: t(f"scaling.{s}"),
                help=t("scaling_help"),
            )
        else:
            epochs, scaling = updates_ui(function), "none"
        opt = optimizer_settings(name)
        schedule = schedule_ui()
        names = (
            function.names if function else (("w1", "w2") if data.model == "neuron" else ("b", "w"))
        )
        start = start_ui(names, drawn=function is None)
        seed = st.number_input(
            t("seed"),
            0,
            params.SEED_MAX,
            key="seed",
            persist_state="session",
            step=1,
            help=t("seed_help"),
        )
        train_b = True
        if function is None:
            shuffle = st.toggle(t("shuffle"), key="shuffle", persist_state="session")
            if data.model == "line":
                train_b = st.toggle(
                    t("train_b"), key="train_b", persist_state="session", help=t("train_b_help")
                )
        else:
            shuffle = True
        log_y = st.radio(
            t("log"),
            (None, False, True),
            key="log",
            persist_state="session",
            horizontal=True,
            format_func=lambda v: t(f"log.{v}"),
            help=t("log_help"),
        )

    n_train = 0 if function else n_train_of(data)
    run = lab.RunSpec(
        lr=float(lr),
        batch_size=batch,
        epochs=int(epochs),
        shuffle=bool(shuffle),
        seed=int(seed),
        start=start,
        train_b=bool(train_b),
        optimizer=name,
        noise=noise,
        schedule=schedule,
        **opt,
    )
    return Controls(
        data=data,
        scaled=scaling == "standard",
        run=run,
        log_y=log_y,
        projector=projector,
        link=params.run_link(
            data,
            scaling == "standard",
            run,
            n_train=n_train,
            lang=state["lang"],
            projector=projector,
            log_y=log_y,
            hide=tuple(state.get("hide") or ()),
        ),
    )
