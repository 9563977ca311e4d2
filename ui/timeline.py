"""The timeline: what the browser gets to play one or several runs without asking the server.

Each run is a *track*: its frame table (``core.timeline``) as base64 typed arrays, its
schedule, the plotted window and the surface it runs on (a spec the browser evaluates exactly,
components/.../surface.js). The bar (timeline.js) works out each view's marker, arrows, line
and cross-sections per frame. The position the user stops at comes back as the component's
``step`` state (an update count of the first track) and goes into the link.
"""

from __future__ import annotations

import base64
import hashlib

import numpy as np

from core import lab, scenarios, timeline
from core.functions import TestFunction
from core.neuron import NeuronSurface
from core.surface import QuadraticSurface
from ui.text import t
from viz import theme

CHANNEL = "explorer"
KEY = "timeline"
STATE = "_timeline_step"  # session key of the position (None: the start)

# Numbers the maths panel writes travel as float64; what is only drawn goes as float32.
_EXACT = ("loss", "loss_next", "batch_loss", "batch_loss_next", "lr")
_EXACT_PREFIX = ("p", "g", "n")


def encode(values, dtype: str) -> dict:
    """``{"dtype", "b64"}``: little-endian bytes timeline.js turns into a typed array."""
    data = np.ascontiguousarray(values, dtype="<" + dtype).tobytes()
    return {"dtype": dtype, "b64": base64.b64encode(data).decode("ascii")}


def rev_of(frames: timeline.Frames) -> str:
    """Names a run's frames: the charts apply only announcements of the run they were drawn for."""
    h = hashlib.sha1(frames.positions.tobytes())
    for j in range(frames.p):
        h.update(frames.table[f"p{j}"].tobytes())
        h.update(frames.table[f"g{j}"].tobytes())
    return h.hexdigest()[:16]


def start_index(frames: timeline.Frames, step: int | None) -> int:
    """The frame to open at: the start, unless a link or the user chose an update count."""
    if step is None or step < 0:
        return 0
    return timeline.nearest_position(frames.positions, int(step))


def surface_spec(problem: lab.Problem) -> dict:
    """The problem's training loss as surface.js evaluates it, and how its model predicts."""
    s = problem.surface
    spec: dict = {
        "model": problem.model if problem.data is not None else None,
        "scaler": {"mean": problem.scaler.mean, "std": problem.scaler.std},
    }
    if isinstance(s, QuadraticSurface):
        spec.update(
            kind="quadratic",
            p=s.p,
            R=[float(v) for v in s.q.R.ravel()],
            star=[float(v) for v in s.q.theta_star],
            lmin=float(s.q.loss_min),
        )
    elif isinstance(s, TestFunction):
        spec.update(kind="function", key=s.key)
    elif isinstance(s, NeuronSurface):
        spec.update(kind="neuron", x=encode(s.x, "f8"), y=encode(s.y, "f8"))
    else:
        raise TypeError(f"no browser evaluation for {type(s).__name__}")
    return spec


def readout(problem: lab.Problem, names, *, axes=(0, 1), fixed=None, click: bool = True) -> dict:
    """What a chart needs to read the exact loss under the pointer (layout.meta.readout)."""
    fixed = [0.0] * problem.surface.p if fixed is None else [float(v) for v in fixed]
    return {
        "surface": surface_spec(problem),
        "axes": list(axes),
        "fixed": fixed,
        "names": list(names),
        "loss": t("loss_short"),
        "click": click,
        "click_hint": t("click_to_start"),
    }


def track(
    problem: lab.Problem,
    traj,
    frames: timeline.Frames,
    run: lab.RunSpec,
    window: lab.Window,
    *,
    names,
    lift: float,
    z_log: dict | None,
    line_x,
    log_y: bool,
    exit_at: int | None = None,
    colour: str | None = None,
    name: str = "",
    axes=(0, 1),
    quiet: bool = False,
) -> dict:
    """One run for the bar, JSON-ready (arrays as base64). ``exit_at``: the first update outside
    the plotted window (the views mark nothing from there on, as the path stops)."""
    tab = frames.table
    columns = {}
    for key, values in tab.items():
        if key == "batch_size":
            columns[key] = encode(np.nan_to_num(values), "i4")
        elif not np.isnan(values).all():
            exact = key in _EXACT or (key[0] in _EXACT_PREFIX and key[1:].isdigit())
            columns[key] = encode(values, "f8" if exact else "f4")
    highlight = frames.members is not None and line_x is not None  # rings need the data plot
    upe = traj.updates_per_epoch
    functions = problem.n_train == 0
    clock = frames.positions if functions else frames.positions / upe
    held = [False] * problem.surface.p
    if problem.model == "line" and not run.train_b:
        held[0] = True
    return {
        "rev": rev_of(frames),
        "name": name,
        "colour": colour,
        "positions": encode(frames.positions, "i4"),
        "clock": encode(clock, "f8"),
        "columns": columns,
        "members": encode(frames.members, "u2" if problem.n_train <= 65535 else "i4")
        if highlight
        else None,
        "offsets": encode(frames.member_offsets, "i4") if highlight else None,
        "K": traj.n_updates,
        "upe": upe,
        "epochs": int(traj.epoch_updates.size - 1),
        "n_train": problem.n_train,
        "status": traj.status,
        "ringed": highlight,
        "clock_unit": "update" if functions else "epoch",
        "curve_x": "updates" if functions else "epochs",
        "names": list(names),
        "axes": list(axes),
        "held": held,
        "quiet": quiet,
        "formulas": formulas(problem),
        "quadratic": problem.quadratic is not None,
        "lr": run.lr,
        "scheduled": not run.schedule.is_constant,
        "optimizer": run.optimizer,
        "beta": run.beta,
        "beta2": run.beta2,
        "noise": run.noise if functions else 0.0,
        "window": {"x": list(window.b), "y": list(window.w)},
        "lift": lift,
        "z_log": z_log,
        "exit_k": None if exit_at is None else int(exit_at),
        "line_x": None if line_x is None else [float(v) for v in line_x],
        "log_y": bool(log_y),
        "surface": surface_spec(problem),
    }


def formulas(problem: lab.Problem) -> list[str]:
    """Each partial derivative of the (batch) loss, written out for the maths panel."""
    s = problem.surface
    if isinstance(s, TestFunction):
        return [t(f"grad.{s.key}.{j}") for j in range(2)]
    if isinstance(s, NeuronSurface):
        return [t("grad.neuron.0"), t("grad.neuron.1")]
    xs = "z" if not problem.scaler.is_identity else "x"
    if problem.model == "line":
        return ["2·mean(ŷ − y)", f"2·mean({xs}·(ŷ − y))"]
    features = scenarios.FEATURES.get(problem.model, [f"φ{j}" for j in range(s.p)])
    return ["2·mean(ŷ − y)" if f == "1" else f"2·mean({f}·(ŷ − y))" for f in features]


def words(*, short: bool = False) -> dict:
    keys = (
        "label",
        "label_updates",
        "label_epochs",
        "play",
        "pause",
        "back",
        "forward",
        "to_start",
        "to_end",
        "speed",
        "unit",
        "unit_update",
        "unit_epoch",
        "scrub",
        "neg_grad",
        "position",
        "epoch_of",
        "loss_here",
        "end",
        "end_diverged",
        "next_update",
        "batch_all",
        "batch_some",
        "batch_some_unringed",
        "noise",
        "gradient",
        "gradient_batch",
        "held",
        "colon",
        "list_sep",
        "outside",
        "update",
        "scheduled",
        "loss_all",
        "loss_fn",
        "loss_batch",
        "limit_global",
        "limit_local",
        "rule_momentum",
        "rule_nesterov",
        "rule_adagrad",
        "rule_rmsprop",
        "rule_adam",
    )
    out = {k: t("tl." + k) for k in keys}
    if short:  # projector mode: the bar must stay on one line at 1280 px
        out["label"] = t("tl.label_short")
    return out


def chart_words() -> dict:
    """The buttons a chart draws itself (interact.js)."""
    return {
        "reset_view": t("reset_view"),
        "turn": t("turn"),
        "done": t("turn_done"),
        "loading": t("loading_chart"),
        "save_png": t("save_png"),
        "save_svg": t("save_svg"),
    }


def style_of(style: theme.Style) -> dict:
    return {
        "path": style.path,
        "black": theme.BLACK,
        "batch_ring": theme.BLACK,
        "tangent": theme.GREEN,
        "casing": style.casing,
        "line": style.line,
        "marker": style.marker,
        "font": style.font_size,
        "compact": style.compact,
    }


def bar_data(
    tracks: list[dict], *, style: theme.Style, start: int = 0, channel: str = CHANNEL
) -> dict:
    rev = hashlib.sha1("".join(tr["rev"] for tr in tracks).encode()).hexdigest()[:16]
    return {
        "role": "bar",
        "channel": channel,
        "rev": rev,
        "tracks": tracks,
        "start": start,
        "words": words(short=style.compact),
        "style": style_of(style),
    }


def bar(data: dict, *, key: str = KEY) -> int | None:
    """Draw the bar; returns the update count the user last stopped at, or None while they
    have not moved it."""
    from losslab_plot import timeline_view

    result = timeline_view(data, key=key)
    step = getattr(result, "step", None)
    return None if step is None else int(step)


def maths(style: theme.Style, *, channel: str = CHANNEL, track: int = 0, key: str = KEY) -> None:
    from losslab_plot import timeline_view

    timeline_view(
        {
            "role": "maths",
            "channel": channel,
            "words": words(),
            "track": track,
            "font": style.font_size,
        },
        key=key + "_maths",
    )
