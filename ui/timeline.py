"""The explorer's timeline: what the browser gets to play a run without asking the server.

The frame table (``core.timeline``) travels as base64 typed arrays; the bar component works out
each view's marker, arrows, line and cross-sections per frame (timeline.js). The position the
user stops at comes back as the component's ``step`` state and goes into the link.
"""

from __future__ import annotations

import base64
import hashlib

import numpy as np

from core import lab, scaling, timeline
from ui.text import t
from viz import theme

CHANNEL = "explorer"
KEY = "timeline"
STATE = "_timeline_step"  # session key of the position (None: the end)
END = -1  # the component's "at the end" (the link leaves ``step`` out)


# Numbers the maths panel writes travel as float64; geometry only drawn goes as float32.
_EXACT = ("b", "w", "loss", "gb", "gw", "nb", "nw", "loss_next", "batch_loss", "batch_loss_next")


def _array(values, dtype: str) -> dict:
    """``{"dtype", "b64"}``: little-endian bytes timeline.js turns into a typed array."""
    data = np.ascontiguousarray(values, dtype="<" + dtype).tobytes()
    return {"dtype": dtype, "b64": base64.b64encode(data).decode("ascii")}


def rev_of(frames: timeline.Frames) -> str:
    """Names a run's frames: the charts apply only announcements of the run they were drawn for."""
    h = hashlib.sha1(frames.positions.tobytes())
    for name in ("b", "w", "gb", "gw"):
        h.update(frames.table[name].tobytes())
    return h.hexdigest()[:16]


def start_index(frames: timeline.Frames, step: int | None) -> int:
    """The frame to open at: the end, unless a link or the user chose an update count."""
    if step is None or step < 0:
        return int(frames.positions.size - 1)
    return timeline.nearest_position(frames.positions, int(step))


def words(*, short: bool = False) -> dict:
    keys = (
        "label",
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
        "at_point",
        "end",
        "end_diverged",
        "next_update",
        "batch_all",
        "batch_some",
        "batch_some_unringed",
        "gradient",
        "held_b",
        "outside",
        "update",
        "loss_all",
        "loss_batch",
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


def payload(
    problem: lab.Problem,
    traj,
    frames: timeline.Frames,
    run: lab.RunSpec,
    window: lab.Window,
    *,
    lift: float,
    line_x,
    log_y: bool,
    style: theme.Style,
    step: int | None,
    exit_at: int | None = None,
) -> dict:
    """Everything the bar needs, JSON-ready (arrays as base64). ``exit_at``: the first update
    outside the plotted window (the views mark nothing from there on, as the path stops)."""
    tab = frames.table
    original = scaling.to_original(problem.scaler, np.stack([tab["b"], tab["w"]], axis=-1))
    columns = {
        name: _array(tab[name], "f8" if name in _EXACT else "f4")
        for name in timeline.COLUMNS
        if name != "batch_size"
    }
    columns["batch_size"] = _array(np.nan_to_num(tab["batch_size"]), "i4")
    columns["ob"] = _array(original[:, 0], "f4")
    columns["ow"] = _array(original[:, 1], "f4")
    highlight = frames.members is not None
    return {
        "role": "bar",
        "channel": CHANNEL,
        "rev": rev_of(frames),
        "positions": _array(frames.positions, "i4"),
        "columns": columns,
        "members": (
            _array(frames.members, "u2" if problem.n_train <= 65535 else "i4")
            if highlight
            else None
        ),
        "offsets": _array(frames.member_offsets, "i4") if highlight else None,
        "K": traj.n_updates,
        "upe": traj.updates_per_epoch,
        "n_train": problem.n_train,
        "status": traj.status,
        "scaled": not problem.scaler.is_identity,
        "ringed": highlight,
        "train_b": bool(run.train_b),
        "lr": run.lr,
        "optimizer": run.optimizer,
        "beta": run.beta,
        "beta2": run.beta2,
        "full_bb": frames.full_bb,
        "full_ww": frames.full_ww,
        "window": {"b": list(window.b), "w": list(window.w)},
        "lift": lift,
        "exit_k": None if exit_at is None else int(exit_at),
        "line_x": [float(v) for v in line_x],
        "log_y": log_y,
        "start": start_index(frames, step),
        "words": words(short=style.legend_inside),
        "style": style_of(style),
    }


def style_of(style: theme.Style) -> dict:
    return {
        "path": style.path,
        "black": theme.BLACK,
        "batch_ring": theme.BLACK,
        "tangent": theme.GREEN,
        "line": style.line,
        "marker": style.marker,
        "font": style.font_size,
    }


def bar(data: dict) -> int | None:
    """Draw the bar; returns the update count the user last stopped at (``END`` for the end),
    or None while they have not moved it."""
    from losslab_plot import timeline_view

    result = timeline_view(data, key=KEY)
    step = getattr(result, "step", None)
    if step is None:
        return None
    return END if int(step) < 0 else int(step)


def maths(style: theme.Style) -> None:
    from losslab_plot import timeline_view

    timeline_view(
        {"role": "maths", "channel": CHANNEL, "words": words(), "font": style.font_size},
        key=KEY + "_maths",
    )
