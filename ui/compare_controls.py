"""Controls of the Compare page: what to compare, the shared settings, and the runs it makes."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import streamlit as st

from core import datasets, functions, lab, lessons, optimizers, scaling, schedules
from ui import cache, link, params
from ui.controls import (
    LEARNING_RATES,
    batch_options,
    batch_ui,
    init_state,
    language_ui,
    lr_ui,
    optimizer_settings,
    optimizer_ui,
    problem_defaults,
    problem_ui,
    projector_ui,
    regime,
    schedule_settings,
    schedule_ui,
    snap_batch,
    start_ui,
    updates_ui,
)
from ui.text import t

KINDS = ("lr", "batch", "scaling", "optimizer", "schedule")
FUNCTION_KINDS = ("lr", "optimizer", "schedule")  # no examples: no batches, no feature to scale
SWEEP = (0.02, 0.5)  # too small and good, as fractions of the stable limit
MOST = 4  # runs that stay apart by colour and in a legend


@dataclass(frozen=True)
class Comparison:
    kind: str
    lesson: lessons.Lesson
    x_axis: str
    epoch_points: bool
    projector: bool
    limit: float | None
    link: dict


def suggested_rates(limit: float | None) -> tuple[float, ...]:
    """Too small, good, the last slider value below the stable limit, the first one above it
    (without a global limit: four rates a decade apart around 0.01)."""
    if limit is None or not np.isfinite(limit):
        return (0.001, 0.003, 0.01, 0.03)
    below = [v for v in LEARNING_RATES if v < limit] or [LEARNING_RATES[0]]
    above = [v for v in LEARNING_RATES if v > limit] or [LEARNING_RATES[-1]]
    rates = (
        params.nearest_rate(max(SWEEP[0] * limit, LEARNING_RATES[0])),
        params.nearest_rate(max(SWEEP[1] * limit, LEARNING_RATES[0])),
        below[-1],
        above[0],
    )
    return tuple(sorted(set(rates)))


def _book_figure() -> None:
    """The book's three paths: batch 80 / 16 / 1 from b = 0.8300, w = 0.7645, lr 0.1."""
    st.session_state.update(
        compare="batch",
        scenario="book",
        lr=0.1,
        batches=(80, 16, 1),
        start="manual",
        b0=0.83,
        w0=0.7645,
        epoch_points=True,
        scaling="none",
        opt="gd",
        fit="line",
    )


def _race() -> None:
    """Optimizers racing from one start through Rosenbrock's ravine."""
    st.session_state.update(
        compare="optimizer",
        scenario="rosenbrock",
        lr=0.001,
        start="book",
        opts=["gd", "momentum", "nesterov", "adam"],
        xaxis="updates",
    )


def _batches(n_train: int) -> tuple[int, ...]:
    options = batch_options(n_train)
    state = st.session_state
    asked = list(state.get("batches") or ())
    from_link = link.take_linked("batches", tuple(asked))
    wanted = []
    for b in asked:
        size, reason = (n_train, None) if b == "full" else snap_batch(int(b), n_train)
        if from_link and reason:
            link.note("batches", reason, size)
        wanted.append(size)
    state["batches"] = list(dict.fromkeys(wanted))[:MOST] or [n_train]
    chosen = st.multiselect(
        t("batches"),
        options,
        key="batches",
        persist_state="session",
        max_selections=MOST,
        format_func=lambda b: f"{b} · {regime(b, n_train)}",
    )
    return tuple(chosen)


def sidebar() -> Comparison:
    init_state("compare")
    state = st.session_state
    with st.sidebar:
        language_ui()
        projector = projector_ui()
        c1, c2 = st.columns(2)
        c1.button(t("book_three_paths"), on_click=_book_figure, width="stretch", key="book_figure")
        c2.button(t("race"), on_click=_race, width="stretch", key="race_button")
        data = problem_ui()
        function = functions.FUNCTIONS.get(data.scenario)
        problem_defaults(data.scenario)
        kinds = FUNCTION_KINDS if function else KINDS
        if state.get("compare") not in kinds:
            state["compare"] = "lr"
        kind = st.radio(
            t("compare"),
            kinds,
            key="compare",
            persist_state="session",
            horizontal=True,
            format_func=lambda k: t(f"compare.{k}"),
        )
        n_train = 0 if function else cache.n_train(data)
        scaled = False
        if kind != "scaling" and not function:
            scaled = (
                st.radio(
                    t("scaling"),
                    ("none", "standard"),
                    key="scaling",
                    persist_state="session",
                    horizontal=True,
                    format_func=lambda s: t(f"scaling.{s}"),
                )
                == "standard"
            )
        limit = cache.problem(data, scaled).stable_lr
        if kind == "lr":
            if not state.get("rates"):
                state["rates"] = list(suggested_rates(limit))
            state["rates"] = list(state["rates"])[:MOST]
            rates = tuple(
                st.multiselect(
                    t("rates"),
                    LEARNING_RATES,
                    key="rates",
                    persist_state="session",
                    max_selections=MOST,
                    format_func=lambda v: f"{v:g}",
                )
            )
        else:
            rates = (lr_ui(),)
        if kind == "optimizer":
            state["opts"] = [o for o in state.get("opts") or () if o in optimizers.NAMES]
            names = tuple(
                st.multiselect(
                    t("opts"),
                    optimizers.NAMES,
                    key="opts",
                    persist_state="session",
                    format_func=lambda n: t(f"opt.{n}"),
                )
            )
            opt = {
                "beta": float(
                    st.slider(
                        t("beta"), 0.0, 0.999, key="beta", persist_state="session", step=0.001
                    )
                ),
                "beta2": float(
                    st.slider(
                        t("beta2"),
                        0.9,
                        0.9999,
                        key="beta2",
                        persist_state="session",
                        step=0.0001,
                        format="%.4f",
                    )
                ),
            }
        else:
            name = optimizer_ui()
            names, opt = (name,), optimizer_settings(name)
        if kind == "schedule":
            state["scheds"] = [s for s in state.get("scheds") or () if s in schedules.NAMES]
            chosen = st.multiselect(
                t("scheds"),
                schedules.NAMES,
                key="scheds",
                persist_state="session",
                format_func=lambda n: t(f"sched.{n}"),
            )
            scheds = schedule_settings(tuple(chosen))
        else:
            one = schedule_ui()
            scheds = {one.name: one}
        if function:
            batches, epochs = (1,), updates_ui(function)
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
        else:
            batches = _batches(n_train) if kind == "batch" else (batch_ui(n_train),)
            epochs = st.slider(
                t("epochs"), 1, lab.MAX_EPOCHS, key="epochs", persist_state="session"
            )
            noise = 0.0
        names_ = (
            function.names if function else (("w1", "w2") if data.model == "neuron" else ("b", "w"))
        )
        start = start_ui(names_, drawn=function is None)
        seed = st.number_input(
            t("seed"), 0, params.SEED_MAX, key="seed", persist_state="session", step=1
        )
        shuffle = (
            True if function else st.toggle(t("shuffle"), key="shuffle", persist_state="session")
        )
        if function:  # one update an "epoch", one example per update: only updates to count
            x_axis, epoch_points = "updates", False
        else:
            x_axis = st.radio(
                t("xaxis"),
                ("updates", "epochs", "examples"),
                key="xaxis",
                persist_state="session",
                horizontal=True,
                format_func=lambda a: t(f"xaxis.{a}"),
            )
            epoch_points = st.toggle(t("epoch_points"), key="epoch_points", persist_state="session")
        log_y = st.radio(
            t("log"),
            (None, False, True),
            key="log",
            persist_state="session",
            horizontal=True,
            format_func=lambda v: t(f"log.{v}"),
        )

    base = lab.RunSpec(
        lr=rates[0] if rates else 0.1,
        batch_size=batches[0] if batches else max(n_train, 1),
        epochs=int(epochs),
        shuffle=bool(shuffle),
        seed=int(seed),
        start=start,
        optimizer=names[0] if names else "gd",
        noise=noise,
        schedule=next(iter(scheds.values()), schedules.CONSTANT),
        **opt,
    )
    variants = _variants(kind, data, scaled, base, rates, batches, names, n_train, scheds)
    query = {
        "lang": state["lang"],
        "projector": projector,
        "compare": kind,
        "scenario": data.scenario,
        "seed": int(seed),
        "log": log_y,
        "beta": opt["beta"],
        "beta2": opt["beta2"],
    }
    if function:
        query.update(updates=int(epochs), grad_noise=noise)
    else:
        query.update(
            epochs=int(epochs),
            shuffle=bool(shuffle),
            xaxis=x_axis,
            epoch_points=bool(epoch_points),
            fit=data.model,
        )
        if kind != "scaling":
            query["scaling"] = "standard" if scaled else "none"
        if kind == "batch":
            query["batches"] = tuple("full" if b == n_train else b for b in batches)
        else:
            query["batch"] = "full" if base.batch_size == n_train else base.batch_size
    query.update({"rates": rates} if kind == "lr" else {"lr": rates[0]})
    query.update({"opts": names} if kind == "optimizer" else {"opt": names[0]})
    s = base.schedule
    query.update({"scheds": tuple(scheds)} if kind == "schedule" else {"sched": s.name})
    query["warmup"] = s.warmup
    if "step" in scheds:
        query.update(every=s.every, drop=s.drop)
    if "exp" in scheds:
        query["gamma"] = s.gamma
    if start is not None:
        query.update(b0=start[0], w0=start[1])
    query.update(params.data_link(data))
    lesson = lessons.Lesson("compare", variants, margin=2.5 if kind == "lr" else 1.5, log_y=log_y)
    return Comparison(
        kind,
        lesson,
        x_axis,
        bool(epoch_points),
        projector,
        limit,
        params.to_query(query, defaults=params.defaults_for(data.scenario)),
    )


def _variants(kind, data, scaled, base, rates, batches, names, n_train, scheds):
    V = lessons.Variant
    if kind == "schedule":
        return tuple(
            V(t(f"sched.{n}"), data, scaled, replace(base, schedule=s)) for n, s in scheds.items()
        )
    if kind == "lr":
        return tuple(V(f"η = {r:g}", data, scaled, replace(base, lr=r)) for r in rates)
    if kind == "batch":
        return tuple(
            V(f"{b} · {regime(b, n_train)}", data, scaled, replace(base, batch_size=b))
            for b in batches
        )
    if kind == "optimizer":
        return tuple(V(t(f"opt.{n}"), data, scaled, replace(base, optimizer=n)) for n in names)
    # raw against standardised from the same starting line: map the start into the scaled space
    raw_start = base.start or datasets.book_initial_params(base.seed)
    scaler = cache.problem(data, True).scaler
    scaled_start = tuple(float(v) for v in scaling.to_scaled(scaler, np.array(raw_start)))
    return (
        V("x", data, False, replace(base, start=tuple(raw_start))),
        V("standardised", data, True, replace(base, start=scaled_start)),
    )
