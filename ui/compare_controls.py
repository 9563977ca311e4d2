"""Sidebar of the Compare page: what to compare, the shared settings, and the runs it makes."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import streamlit as st

from core import datasets, lab, lessons, optimizers, scaling
from ui import cache, link, params
from ui.controls import (
    LEARNING_RATES,
    batch_options,
    batch_ui,
    data_ui,
    init_state,
    language_ui,
    lr_ui,
    optimizer_ui,
    projector_ui,
    regime,
    snap_batch,
    start_ui,
)
from ui.text import t

KINDS = ("lr", "batch", "scaling", "optimizer")
SWEEP = (0.02, 0.5)  # too small and good, as fractions of the stable limit


@dataclass(frozen=True)
class Comparison:
    kind: str
    lesson: lessons.Lesson
    x_axis: str
    epoch_points: bool
    projector: bool
    limit: float
    link: dict


def suggested_rates(limit: float) -> tuple[float, ...]:
    """Too small, good, the last slider value below the stable limit, the first one above it."""
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
    state["batches"] = list(dict.fromkeys(wanted))[:4] or [n_train]
    if from_link and len(dict.fromkeys(wanted)) > 4:
        link.note("batches", "count|4", ",".join(map(str, state["batches"])))
    chosen = st.multiselect(
        t("batches"),
        options,
        key="batches",
        max_selections=4,
        format_func=lambda b: f"{b} · {regime(b, n_train)}",
    )
    return tuple(chosen)


def sidebar() -> Comparison:
    init_state()
    state = st.session_state
    with st.sidebar:
        language_ui()
        projector = projector_ui()
        kind = st.radio(
            t("compare"),
            KINDS,
            key="compare",
            format_func=lambda k: t(f"compare.{k}"),
            horizontal=True,
        )
        st.button(t("book_three_paths"), on_click=_book_figure, width="stretch")
        data = data_ui()
        problem = cache.problem(data, False)
        n_train = problem.n_train
        scaled = False
        if kind != "scaling":
            scaled = (
                st.radio(
                    t("scaling"),
                    ("none", "standard"),
                    key="scaling",
                    horizontal=True,
                    format_func=lambda s: t(f"scaling.{s}"),
                )
                == "standard"
            )
        limit = cache.problem(data, scaled).stable_lr
        if kind == "lr":
            if not state.get("rates"):
                state["rates"] = list(suggested_rates(limit))
            rates = tuple(
                st.multiselect(
                    t("rates"),
                    LEARNING_RATES,
                    key="rates",
                    max_selections=4,
                    format_func=lambda v: f"{v:g}",
                )
            )
        else:
            rates = (lr_ui(),)
        if kind == "optimizer":
            state["opts"] = [o for o in state.get("opts") or () if o in optimizers.NAMES]
            names = tuple(
                st.multiselect(
                    t("opts"), optimizers.NAMES, key="opts", format_func=lambda n: t(f"opt.{n}")
                )
            )
            beta = st.slider(t("beta"), 0.0, 0.999, key="beta", step=0.001, format="%.3f")
            beta2 = st.slider(t("beta2"), 0.9, 0.9999, key="beta2", step=0.0001, format="%.4f")
            opt = {"beta": float(beta), "beta2": float(beta2)}
        else:
            opt = optimizer_ui()
            names = (opt.pop("optimizer"),)
        batches = _batches(n_train) if kind == "batch" else (batch_ui(n_train),)
        epochs = st.slider(t("epochs"), 1, lab.MAX_EPOCHS, key="epochs")
        start = start_ui()
        seed = st.number_input(t("seed"), 0, params.SEED_MAX, key="seed", step=1)
        shuffle = st.toggle(t("shuffle"), key="shuffle")
        x_axis = st.radio(
            t("xaxis"),
            ("updates", "epochs", "examples"),
            key="xaxis",
            horizontal=True,
            format_func=lambda a: t(f"xaxis.{a}"),
        )
        epoch_points = st.toggle(t("epoch_points"), key="epoch_points")
        log_y = st.toggle(t("log"), key="log")

    base = lab.RunSpec(
        lr=rates[0] if rates else 0.1,
        batch_size=batches[0] if batches else n_train,
        epochs=int(epochs),
        shuffle=bool(shuffle),
        seed=int(seed),
        start=start,
        optimizer=names[0] if names else "gd",
        **opt,
    )
    variants = _variants(kind, data, scaled, base, rates, batches, names, n_train)
    link = {
        "lang": state["lang"],
        "projector": projector,
        "compare": kind,
        "scenario": data.scenario,
        "epochs": int(epochs),
        "seed": int(seed),
        "shuffle": bool(shuffle),
        "xaxis": x_axis,
        "epoch_points": bool(epoch_points),
        "log": bool(log_y),
        "beta": opt["beta"],
        "beta2": opt["beta2"],
    }
    if kind != "scaling":
        link["scaling"] = "standard" if scaled else "none"
    link.update({"rates": rates} if kind == "lr" else {"lr": rates[0]})
    if kind == "batch":
        link["batches"] = tuple("full" if b == n_train else b for b in batches)
    else:
        link["batch"] = "full" if base.batch_size == n_train else base.batch_size
    link.update({"opts": names} if kind == "optimizer" else {"opt": names[0]})
    if start is not None:
        link.update(b0=start[0], w0=start[1])
    link.update(params.data_link(data))
    lesson = lessons.Lesson(
        "compare", variants, margin=2.5 if kind == "lr" else 1.5, log_y=bool(log_y)
    )
    return Comparison(
        kind, lesson, x_axis, bool(epoch_points), projector, limit, params.to_query(link)
    )


def _variants(kind, data, scaled, base, rates, batches, names, n_train):
    V = lessons.Variant
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
