"""The link schema: every control that shapes what is drawn, its stable URL name, default,
strict parser and serialiser. Names are public (docs/links.md lists them): never rename one.

A parser gets the raw URL string and returns the value, or raises ``ValueError`` with a short
reason; nothing unparsed ever reaches a widget. Values that are clearly meant but out of range
(``epochs=5000``) are clamped and reported; anything else is dropped and reported.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from core import functions, lab, lessons, optimizers, schedules

MAX_VALUE_LENGTH = 80
_MANTISSAS = (1.0, 1.1, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)
# Log-spaced learning rates from 1e-4 to 10 that contain the book's 0.1, 0.2, 0.8 and 1.1.
LEARNING_RATES = tuple(float(f"{m}e{e}") for e in range(-4, 1) for m in _MANTISSAS) + (10.0,)
SEED_MAX = 2**31 - 1


class Clamped(Exception):
    """Raised by a parser with the value it clamped to."""

    def __init__(self, value, reason: str):
        super().__init__(reason)
        self.value = value


@dataclass(frozen=True)
class Param:
    key: str
    default: Any
    parse: Callable[[str], Any]
    dump: Callable[[Any], str] = str


def _number(text: str) -> float:
    try:
        value = float(text)  # accepts "1e309" -> inf and "nan": both refused below
    except ValueError:
        raise ValueError("number") from None
    if not math.isfinite(value):
        raise ValueError("nonfinite")
    return value


def _float_in(lo: float, hi: float, *, clamp: bool = False):
    def parse(text: str) -> float:
        value = _number(text)
        if lo <= value <= hi:
            return value
        if clamp:
            raise Clamped(min(max(value, lo), hi), f"range|{lo:g}|{hi:g}")
        raise ValueError(f"range|{lo:g}|{hi:g}")

    return parse


def _int_in(lo: int, hi: int, *, clamp: bool = False, step: int = 1):
    def parse(text: str) -> int:
        value = _number(text)
        if value != int(value):
            raise ValueError("whole")
        value = int(value)
        if not lo <= value <= hi:
            if not clamp:
                raise ValueError(f"range|{lo}|{hi}")
            raise Clamped(min(max(value, lo), hi), f"range|{lo}|{hi}")
        if (value - lo) % step:
            raise Clamped(lo + round((value - lo) / step) * step, f"step|{step}")
        return value

    return parse


def _choice(*options: str):
    def parse(text: str) -> str:
        if text not in options:
            raise ValueError("choice|" + ", ".join(options))
        return text

    return parse


def _flag(text: str) -> bool:
    if text in ("1", "true", "on", "yes"):
        return True
    if text in ("0", "false", "off", "no"):
        return False
    raise ValueError("flag")


def nearest_rate(value: float) -> float:
    """The slider's learning rate closest to ``value`` on the log scale."""
    return min(LEARNING_RATES, key=lambda lr: abs(math.log(lr / value)))


def _learning_rate(text: str) -> float:
    value = _number(text)
    if not LEARNING_RATES[0] <= value <= LEARNING_RATES[-1]:
        raise ValueError(f"range|{LEARNING_RATES[0]:g}|{LEARNING_RATES[-1]:g}")
    nearest = nearest_rate(value)
    if not math.isclose(nearest, value, rel_tol=1e-9):
        raise Clamped(nearest, "nearest")
    return nearest


def _batch(text: str):
    if text == "full":
        return "full"
    return _int_in(1, lab.MAX_N)(text)


def _list_of(parse_one, *, most: int = 6):
    """A comma-separated list (at most ``most`` distinct items) of values ``parse_one`` accepts;
    one bad item drops the whole list."""

    def parse(text: str) -> tuple:
        items = [item.strip() for item in text.split(",") if item.strip()]
        if not items:
            raise ValueError("invalid")
        if len(items) > most:
            raise ValueError(f"count|{most}")
        values = []
        for item in items:
            try:
                value = parse_one(item)
            except Clamped:
                raise ValueError("invalid") from None
            if value not in values:
                values.append(value)
        return tuple(values)

    return parse


def _dump_list(dump_one):
    return lambda values: ",".join(dump_one(v) for v in values)


def _dump_float(value: float) -> str:
    return repr(float(value))


def _dump_flag(value: bool) -> str:
    return "1" if value else "0"


def _auto_flag(text: str) -> bool | None:
    """A flag that may also be left to the app: ``auto`` (or absent) lets it choose."""
    return None if text == "auto" else _flag(text)


def _dump_auto_flag(value: bool | None) -> str:
    return "auto" if value is None else _dump_flag(value)


# What a focused link can hide on the explorer (``hide=batch,epochs,cross,maths``): controls by
# their link names (``start`` is the start point's choice and b0 / w0), views by their chart names.
# A hidden control keeps the value the link gives it; a hidden view is not drawn.
HIDE_CONTROLS = (
    "scenario", "lr", "batch", "grad_noise", "opt", "beta", "beta2", "sched", "epochs",
    "updates", "scaling", "fit", "start", "seed", "shuffle", "train_b", "log", "lang", "projector",
)  # fmt: skip
HIDE_VIEWS = ("intro", "contour", "surface", "maths", "curve", "data", "cross", "numbers")
HIDEABLE = HIDE_CONTROLS + HIDE_VIEWS


def _hide_list(text: str) -> tuple[str, ...]:
    names = _list_of(_choice(*HIDEABLE), most=len(HIDEABLE))(text)
    return tuple(n for n in HIDEABLE if n in names)  # one order, whatever the link's


PARAMS = (
    Param("lang", "en", _choice("en", "zh")),
    Param("projector", False, _flag, _dump_flag),
    Param("scenario", "book", _choice(*lab.SCENARIOS, "upload")),
    Param("fit", "line", _choice(*lab.MODELS)),
    Param("n", 100, _int_in(10, lab.MAX_N, clamp=True, step=10)),
    Param("noise", 0.1, _float_in(0.0, 5.0, clamp=True), _dump_float),
    Param("true_w", 2.0, _float_in(-10.0, 10.0, clamp=True), _dump_float),
    Param("true_b", 1.0, _float_in(-10.0, 10.0, clamp=True), _dump_float),
    Param("x_min", 0.0, _float_in(-1000.0, 1000.0, clamp=True), _dump_float),
    Param("x_max", 1.0, _float_in(-1000.0, 1000.0, clamp=True), _dump_float),
    Param("val", 0.2, _float_in(0.05, 0.5, clamp=True), _dump_float),
    Param("lr", 0.1, _learning_rate, lambda v: f"{v:g}"),
    Param("batch", "full", _batch),
    Param("epochs", 1000, _int_in(1, lab.MAX_EPOCHS, clamp=True)),
    Param("updates", None, _int_in(1, lab.MAX_FUNCTION_UPDATES, clamp=True)),
    Param("grad_noise", 0.0, _float_in(0.0, 10.0, clamp=True), _dump_float),
    Param("scaling", "none", _choice("none", "standard")),
    Param("b0", None, _float_in(-10.0, 10.0, clamp=True), _dump_float),
    Param("w0", None, _float_in(-10.0, 10.0, clamp=True), _dump_float),
    Param("seed", 42, _int_in(0, SEED_MAX)),
    Param("shuffle", True, _flag, _dump_flag),
    Param("train_b", True, _flag, _dump_flag),
    Param("log", None, _auto_flag, _dump_auto_flag),
    Param("lesson", lessons.LESSONS[0].key, _choice(*lessons.BY_KEY)),
    # the several-parameters page
    Param("model", "d2l", _choice("d2l", "poly")),
    Param("axes", (1, 2), _list_of(_int_in(0, 2), most=2), _dump_list(str)),
    Param("hold", "current", _choice("current", "optimum")),
    Param("step", None, _int_in(0, lab.MAX_UPDATES, clamp=True)),
    # the one-weight page
    Param("dataset", "course", _choice("course", "tiny_clean", "tiny_noisy", "line5x")),
    Param("step1", 0, _int_in(0, lab.MAX_UPDATES, clamp=True)),
    Param("follow", "batch", _choice("batch", "sgd")),
    Param("opt", "gd", _choice(*optimizers.NAMES)),
    Param("beta", 0.9, _float_in(0.0, 0.999, clamp=True), _dump_float),
    Param("beta2", 0.999, _float_in(0.9, 0.9999, clamp=True), _dump_float),
    # the learning-rate schedule (core/schedules.py)
    Param("sched", "constant", _choice(*schedules.NAMES)),
    Param("warmup", 0, _int_in(0, schedules.MAX_WARMUP, clamp=True)),
    Param("every", 100, _int_in(1, lab.MAX_EPOCHS, clamp=True)),
    Param("drop", 0.5, _float_in(0.01, 1.0, clamp=True), _dump_float),
    Param("gamma", 0.99, _float_in(0.5, 1.0, clamp=True), _dump_float),
    # the comparison page
    Param("compare", "lr", _choice("lr", "batch", "scaling", "optimizer", "schedule")),
    Param("scheds", ("constant", "cosine"), _list_of(_choice(*schedules.NAMES)), _dump_list(str)),
    Param("rates", None, _list_of(_learning_rate), _dump_list(lambda v: f"{v:g}")),
    Param("hide", (), _hide_list, _dump_list(str)),
    Param("batches", ("full", 16, 1), _list_of(_batch), _dump_list(str)),
    Param("opts", optimizers.NAMES, _list_of(_choice(*optimizers.NAMES)), _dump_list(str)),
    Param("xaxis", "epochs", _choice("updates", "epochs", "examples")),
    Param("epoch_points", False, _flag, _dump_flag),
)
# --- the network page (issue 16) ---------------------------------------------------------------
# (its data set, optimizer, learning rate, batch, epochs and seed are the lab's own names above)
PARAMS += (
    Param("data", "tanh", _choice(*lab.DATA_SCENARIOS, "upload")),
    Param("layers", 1, _int_in(1, 2)),
    Param("units", 16, _int_in(1, 32, clamp=True)),
    Param("act", "tanh", _choice("tanh", "relu")),
    Param("dirs", 0, _int_in(0, SEED_MAX)),
    Param("pair", "none", _choice("none", "batch", "act")),
    Param("at", None, _int_in(0, lab.MAX_EPOCHS, clamp=True)),
)
BY_KEY = {p.key: p for p in PARAMS}


# Reason codes a notice can carry ("code|arg|arg"); ui.text words them in each language.
REASONS = (
    "unknown",
    "repeated",
    "long",
    "invalid",
    "number",
    "nonfinite",
    "range",
    "whole",
    "step",
    "choice",
    "flag",
    "nearest",
    "count",
    "batch_step",
    "batch_full",
)


@dataclass(frozen=True)
class Notice:
    key: str
    reason: str  # a code from REASONS, with "|"-separated arguments
    kept: Any = None  # the clamped value, when one was kept


def parse_query(query: dict[str, list[str]], schema=PARAMS) -> tuple[dict[str, Any], list[Notice]]:
    """Validate raw query parameters (every value of every key) against the schema.

    Returns the accepted values by key and one notice per ignored or clamped parameter.
    """
    by_key = {p.key: p for p in schema}
    values: dict[str, Any] = {}
    notices: list[Notice] = []
    for key, raw in query.items():
        if key not in by_key:
            notices.append(Notice(key[:MAX_VALUE_LENGTH], "unknown"))
            continue
        if len(raw) != 1:
            notices.append(Notice(key, "repeated"))
            continue
        text = raw[0].strip()
        if len(text) > MAX_VALUE_LENGTH:
            notices.append(Notice(key, "long"))
            continue
        try:
            values[key] = by_key[key].parse(text)
        except Clamped as clamped:
            values[key] = clamped.value
            notices.append(Notice(key, str(clamped), clamped.value))
        except (ValueError, OverflowError) as err:
            reason = str(err)
            notices.append(Notice(key, reason if reason.split("|")[0] in REASONS else "invalid"))
    return values, notices


def data_link(data: lab.DataSpec) -> dict[str, Any]:
    """The link fields of synthetic data (other scenarios are named by ``scenario`` alone)."""
    if data.scenario != "synthetic":
        return {}
    return {
        "n": data.n,
        "noise": data.noise,
        "true_w": data.true_w,
        "true_b": data.true_b,
        "x_min": data.x_low,
        "x_max": data.x_high,
        "val": data.val_fraction,
    }


def run_link(
    data: lab.DataSpec,
    scaled: bool,
    run: lab.RunSpec,
    *,
    n_train: int,
    lang: str,
    projector: bool,
    log_y: bool | None = None,
    hide: tuple[str, ...] = (),
) -> dict[str, str]:
    """The one way to write a run as an explorer link: every value that differs from what the
    explorer would open with for this data set (so a link stays short and reads as a recipe)."""
    state: dict[str, Any] = {
        "lang": lang,
        "projector": projector,
        "scenario": data.scenario,
        "lr": float(run.lr),
        "opt": run.optimizer,
        "seed": int(run.seed),
        "log": log_y,
        "hide": tuple(hide),
    }
    if n_train:
        state.update(
            batch="full" if run.batch_size >= n_train else int(run.batch_size),
            epochs=int(run.epochs),
            scaling="standard" if scaled else "none",
            shuffle=bool(run.shuffle),
            train_b=bool(run.train_b),
            fit=data.model,
        )
    else:
        state.update(updates=int(run.epochs), grad_noise=float(run.noise))
    if run.optimizer in ("momentum", "nesterov", "rmsprop", "adam"):
        state["beta"] = run.beta
    if run.optimizer == "adam":
        state["beta2"] = run.beta2
    s = run.schedule
    state.update(sched=s.name, warmup=s.warmup)
    if s.name == "step":
        state.update(every=s.every, drop=s.drop)
    if s.name == "exp":
        state["gamma"] = s.gamma
    state.update(data_link(data))
    if run.start is not None:
        state.update(b0=run.start[0], w0=run.start[1])
    return to_query(state, defaults=defaults_for(data.scenario))


def to_query(state: dict[str, Any], schema=PARAMS, defaults=None) -> dict[str, str]:
    """The link parameters of a state: every value that differs from its default (``defaults``
    overrides the schema's where a default depends on the problem, e.g. a test function's own
    learning rate)."""
    defaults = defaults or {}
    out = {}
    for p in schema:
        default = defaults.get(p.key, p.default)
        value = state.get(p.key, default)
        if value is not None and value != default:
            out[p.key] = p.dump(value)
    return out


def defaults_for(scenario: str) -> dict[str, Any]:
    """Defaults that depend on the problem: a test function has its own learning rate and
    length (the link leaves them out when they are the function's)."""
    f = functions.FUNCTIONS.get(scenario)
    return {} if f is None else {"lr": nearest_rate(f.lr), "updates": f.updates}
