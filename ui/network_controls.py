"""The network page's controls: the strip (data, network, learning rate, batch, optimizer), the
sidebar (epochs, seeds, directions, comparison), the presets, and the epoch the views show.

Widget keys are the public link names of ``ui.params`` (``data``, ``layers``, ``units``, ``act``,
``dirs``, ``pair``, ``at``, and the lab's own ``lr``, ``batch``, ``opt``, ``epochs``, ``seed``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from core import lab, netlab
from ui import controls, params
from ui.text import t


@dataclass(frozen=True)
class NetControls:
    spec: netlab.NetSpec
    dirs: int  # the seed of the two random directions
    pair: str  # "none", "batch" (a small batch against the full one) or "act" (tanh vs ReLU)
    projector: bool
    state: dict  # the link's values (ui.params.to_query writes the link)


def _new_directions() -> None:
    st.session_state["dirs"] = (int(st.session_state.get("dirs") or 0) + 1) % params.SEED_MAX


PRESETS = {
    # Keskar et al. 2017, Li et al. 2018 fig. 3: small batches are said to find wider minima
    "wide_sharp": {
        "data": "tanh", "layers": 1, "units": 16, "act": "tanh", "opt": "gd", "lr": 0.1,
        "batch": 4, "epochs": 1000, "pair": "batch", "at": None,
    },
    "relu_tanh": {
        "data": "tanh", "layers": 1, "units": 16, "act": "tanh", "opt": "adam", "lr": 0.01,
        "batch": 16, "epochs": 300, "pair": "act", "at": None,
    },
}  # fmt: skip


def _preset(name: str) -> None:
    st.session_state.update(PRESETS[name])
    st.session_state["_batch_full"] = False


def sidebar_and_strip(strip, n_train_of) -> NetControls:
    """Draw every control; ``n_train_of(data_name, source)`` tells the batch slider its range.
    Raises ``controls.NoData`` while the upload is chosen and no usable file is there."""
    if st.session_state.get("_page") != "network":  # back from another page: not playing
        st.session_state[PLAYING] = False
    controls.init_state("network")
    state = st.session_state
    with st.sidebar:
        controls.language_ui()
        projector = controls.projector_ui()
    if projector:  # the strip beside the bar holds what a lesson turns; the network is set once
        where = st.sidebar.container()
        top = [where, *strip.columns([4, 4, 3], vertical_alignment="bottom")]
        second = [where] * 5
    else:
        top = strip.columns([5, 4, 4, 3], vertical_alignment="bottom")
        second = strip.columns([2, 4, 3, 3, 3], vertical_alignment="bottom")
    name = top[0].selectbox(
        t("net.data"),
        (*lab.DATA_SCENARIOS, "upload"),
        key="data",
        persist_state="session",
        format_func=lambda s: t(f"scenario.{s}"),
    )
    source = ""
    if name == "upload":  # the explorer's upload: the file, its columns, the validation share
        from ui import upload

        with strip:
            up = upload.upload_ui(int(state["seed"]))
        if up is None:
            raise controls.NoData
        source = f"{up.source}:{up.val_fraction}"
    lr = controls.lr_ui(top[1])
    with top[2]:
        batch = controls.batch_ui(n_train_of(name, source))
    opt = controls.optimizer_ui(top[3])
    layers = second[0].radio(
        t("net.layers"), (1, 2), key="layers", persist_state="session", horizontal=True
    )
    units = second[1].slider(
        t("net.units"), 1, 32, key="units", persist_state="session", help=t("net.units_help")
    )
    activation = second[2].radio(
        t("net.act"), ("tanh", "relu"), key="act", persist_state="session", horizontal=True
    )
    for col, preset in zip(second[3:], PRESETS, strict=True):
        col.button(
            t(f"net.preset.{preset}"),
            on_click=_preset,
            args=(preset,),
            help=t(f"net.preset_help.{preset}"),
            width="stretch",
            key=f"preset_{preset}",
        )
    with st.sidebar:
        st.subheader(t("more_settings"))
        epochs = st.slider(t("epochs"), 1, lab.MAX_EPOCHS, key="epochs", persist_state="session")
        opt_settings = controls.optimizer_settings(opt)
        seed = st.number_input(
            t("net.seed"),
            0,
            params.SEED_MAX,
            key="seed",
            persist_state="session",
            step=1,
            help=t("net.seed_help"),
        )
        dirs = st.number_input(
            t("net.dirs"),
            0,
            params.SEED_MAX,
            key="dirs",
            persist_state="session",
            step=1,
            help=t("net.dirs_help"),
        )
        st.button(t("net.redraw"), on_click=_new_directions, key="redraw", width="stretch")
        pair = st.radio(
            t("net.pair"),
            ("none", "batch", "act"),
            key="pair",
            persist_state="session",
            format_func=lambda p: t(f"net.pair.{p}"),
            help=t("net.pair_help"),
        )
    spec = netlab.NetSpec(
        data=name,
        hidden=(int(units),) * int(layers),
        activation=activation,
        seed=int(seed),
        optimizer=opt,
        lr=float(lr),
        batch_size=int(batch),
        epochs=int(epochs),
        source=source,
        **opt_settings,
    )
    n = n_train_of(name, source)
    link = {
        "lang": state["lang"],
        "projector": projector,
        "data": name,
        "layers": int(layers),
        "units": int(units),
        "act": activation,
        "lr": float(lr),
        "batch": "full" if batch >= n else int(batch),
        "opt": opt,
        "epochs": int(epochs),
        "seed": int(seed),
        "dirs": int(dirs),
        "pair": pair,
    }
    if opt in ("momentum", "nesterov", "rmsprop", "adam"):
        link["beta"] = opt_settings["beta"]
    if opt == "adam":
        link["beta2"] = opt_settings["beta2"]
    return NetControls(spec, int(dirs), pair, projector, link)


def n_train_of(name: str, source: str = "") -> int:
    """Training examples the network sees on this data set (at most ``netlab.MAX_TRAIN``)."""
    from ui import cache

    spec = netlab.NetSpec(data=name, hidden=(1,), source=source)
    return cache.net_problem_of(spec).n_train


def partner(spec: netlab.NetSpec, pair: str, n_train: int) -> list[tuple[str, netlab.NetSpec]]:
    """The two runs a comparison shows: a small batch (the one set, or 4 when the full batch is
    set; fewer on a tiny data set) against the full batch; or tanh against ReLU, everything
    else the same."""
    if pair == "batch":
        small = spec.batch_size if spec.batch_size < n_train else min(4, max(1, n_train // 2))
        return [
            (t("net.batch_of", b=small), replace(spec, batch_size=small)),
            (t("net.full_batch", n=n_train), replace(spec, batch_size=n_train)),
        ]
    return [(a, replace(spec, activation=a)) for a in ("tanh", "relu")]


PLAYING = "_net_playing"
PLAY_TICK = 0.35  # seconds between two frames of the play
PLAY_FRAMES = 50  # a play from the start to the end takes about this many frames
_FULL = "_net_full"  # the views' fragment asks for a whole rerun (the link, the share box)
LINKED = "_net_linked"  # the epoch the link was last written with


def settle_epoch(epochs: int) -> int:
    """The epoch the views show (0: the start): at the end unless the user or a link chose one;
    at the new end when the run changes while it was at the end."""
    state = st.session_state
    at, before = state.get("at"), state.get("_net_done")
    state["_net_done"] = epochs
    moved = before is not None and before != epochs
    if at is None or at > epochs or (moved and state.get("_net_at_end", False)):
        state["at"] = epochs
    state["_net_at_end"] = state["at"] == epochs
    state[LINKED] = int(state["at"])  # (the page writes the link with it next)
    return int(state["at"])


def playing() -> bool:
    return bool(st.session_state.get(PLAYING))


def _set_play(on: bool) -> None:
    """Play or pause, as the button said when it was pressed (not a toggle: a press that
    reaches the server twice, as a fragment's timer run can make it, must not undo itself)."""
    state = st.session_state
    if bool(state.get(PLAYING)) == on:
        return
    state[PLAYING] = on
    frames = state.get(_FRAMES, ())
    if not on and frames:  # paused: at the last frame the play drew (the browser's slider may
        state["at"] = frames[-1]  # still report an older one), which the link then takes
    state[_FRAMES] = ()
    if on and state.get("at") == state.get("_net_done"):
        state["at"] = 0  # played to the end before: from the start again
    state[_FULL] = True  # run_every is set when the page draws the fragment


_FRAMES = "_net_frames"  # the last frames the play showed


def _moved() -> None:
    """The user moved the slider: the play stops there. A value the play itself showed a moment
    ago is not a move: it is the browser's slider reporting a frame late (a timer rerun that
    left before the newer frame arrived, as happens on a loaded machine), and the play goes on."""
    state = st.session_state
    if playing() and state.get("at") in state.get(_FRAMES, ()):
        return
    state[PLAYING] = False
    state[_FULL] = True


def epoch_bar(epochs: int) -> int:
    """▶ / ⏸ and the slider of the epoch shown, inside the views' fragment: while playing,
    each run of the fragment moves one frame on (the slider with it)."""
    state = st.session_state
    if playing():
        state["at"] = min(int(state.get("at") or 0) + max(1, epochs // PLAY_FRAMES), epochs)
        state[_FRAMES] = (*state.get(_FRAMES, ())[-5:], state["at"])
        if state["at"] >= epochs:
            state[PLAYING] = False
            state[_FULL] = True
    if epochs < 1:
        return 0
    left, right = st.columns([2, 13], vertical_alignment="bottom")
    left.button(
        ("⏸ " + t("net.pause")) if playing() else ("▶ " + t("net.play")),
        on_click=_set_play,
        args=(not playing(),),
        help=t("net.play_help"),
        key="net_play",
        width="stretch",
    )
    value = right.slider(
        t("net.at"),
        0,
        epochs,
        key="at",
        persist_state="session",
        on_change=_moved,
        help=t("net.at_help"),
    )
    state["_net_at_end"] = value == epochs
    return int(value)


def after_views() -> None:
    """The end of the views' fragment: a whole rerun when the user moved the slider or the play
    started or stopped (the link and the share box follow)."""
    state = st.session_state
    stale = not playing() and state.get("at") != state.get(LINKED)  # a frame that landed late
    if state.pop(_FULL, False) or stale:
        st.rerun(scope="app")
