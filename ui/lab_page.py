"""The parts of a lab page around its charts: the header, the run's status in plain words, the
timeline's position, the rows of views and the numbers under them.

A page reads its controls, asks the cache for the problem and the run, builds its figures and
hands them here; no maths on the way (that is core's).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from core import lab, scaling
from ui import controls, link, page_style, params
from ui import timeline as tl
from ui.charts import PLAIN, SIZES, chart
from ui.text import t
from ui.views import loss_text, names_of
from viz import theme


@dataclass(frozen=True)
class Slots:
    """Where the parts of a lab page go, made in screen order before anything is computed."""

    share: object  # the share box (filled once the link is known)
    strip: object  # the controls a lesson turns
    bar: object  # the timeline bar
    status: object  # how the run ended


def frame(title_key: str, intro_key: str, *, projector: bool) -> Slots:
    """The page's frame. Normal: a title row (with a reset button and the share box), a "what
    you see / try this" note, the control strip, the status, the timeline bar. Projector: no
    title (the browser tab has it) and the strip beside the bar and the status, so that every
    view fits a 1280 x 720 screen; reset and share move to the sidebar."""
    if projector:
        with st.sidebar:
            st.button(
                "⟲ " + t("reset"),
                on_click=controls.reset,
                help=t("reset_help"),
                width="stretch",
                key="reset_button",
            )
            share_slot = st.container()
        left, right = st.columns([6, 7], vertical_alignment="center")
        strip = left.container(key="strip")
        return Slots(
            share=share_slot,
            strip=strip,
            bar=right.container(),
            status=right.container(key="status"),
        )
    head = st.container(key="head")
    title, reset_col, share_col = head.columns([6, 1, 1], vertical_alignment="bottom")
    title.title(t(title_key))
    reset_col.button(
        "⟲ " + t("reset"),
        on_click=controls.reset,
        help=t("reset_help"),
        width="stretch",
        key="reset_button",
    )
    if "intro" not in hidden():
        with st.container(key="intro"):
            with st.expander(t("what_you_see"), expanded=False):
                st.markdown(t(intro_key))
    strip = st.container(key="strip")
    status_slot = st.container(key="status")
    return Slots(share=share_col, strip=strip, bar=st.container(), status=status_slot)


def share(slot, query: dict, *, focused: bool = False, run=None) -> str:
    """Show ``query`` in the URL and in the share box (with ``focused``, the box also builds a
    link that hides controls and views, as the explorer reads ``hide=``; with ``run``, a
    ``(data spec, problem, run spec, trajectory)``, it offers the run's export)."""
    url = link.follow(query)
    with slot:
        link.share_box(url, query if focused else None, export=run)
    return url


def safe_rate(limit: float | None) -> float | None:
    """The largest slider learning rate below ``limit`` (None when there is none)."""
    if limit is None or not np.isfinite(limit):
        return None
    below = [v for v in params.LEARNING_RATES if v < limit]
    return below[-1] if below else None


def _use_rate(rate: float) -> None:
    st.session_state["lr"] = rate


def _use_scaling() -> None:
    st.session_state["scaling"] = "standard"


ILL_CONDITIONED = 1e3  # a valley this narrow: standardising the feature is the real fix


def point_text(problem: lab.Problem, theta) -> str:
    """``b = 1.0235, w = 1.9690``: primed (b′, w′) where the feature is standardised."""
    names = names_of(problem)
    return t("tl.list_sep").join(f"{n} = {v:.4f}" for n, v in zip(names, theta, strict=True))


def status(box, problem: lab.Problem, traj, run: lab.RunSpec, nums: dict, *, exit_at, projector):
    """One line (in ``box``) on how the run ended, in plain words, and what to try when it blew
    up."""
    words = "short." if projector else "status."
    end = point_text(problem, nums["final"])
    if problem.model == "line" and nums["original"] is not None and not problem.scaler.is_identity:
        end += " · " + t("original_units", b=nums["original"][0], w=nums["original"][1])
    k = traj.diverged_at or traj.converged_at or 0
    if traj.status == "diverged":
        limit = problem.stable_lr if problem.stable_lr is not None else nums.get("local_lr")
        why = ""
        if limit is not None and np.isfinite(limit) and run.lr > limit:
            why = t(
                "why_global" if problem.stable_lr is not None else "why_local",
                lr=run.lr,
                limit=limit,
            )
        left, right = box.columns([4, 1], vertical_alignment="center")
        left.error(t(words + "diverged", k=k, why=why))
        rate = safe_rate(limit) if run.optimizer == "gd" else None
        condition = problem.condition
        if (
            problem.scaler.is_identity
            and condition is not None
            and condition > ILL_CONDITIONED
            and st.session_state.get("scaling") == "none"
        ):
            right.button(
                t("use_scaling"),
                on_click=_use_scaling,
                width="stretch",
                help=t("use_scaling_help", condition=condition),
                key="safe_scaling",
                type="primary",
            )
        if rate is not None and rate < run.lr:
            right.button(
                t("use_rate", lr=rate),
                on_click=_use_rate,
                args=(rate,),
                width="stretch",
                help=t("use_rate_help"),
                key="safe_rate",
            )
    elif traj.status == "converged":
        kind = "converged" if problem.quadratic is not None else "converged_at"
        point = nums["reached"].theta if nums["reached"] is not None else nums["final"]
        box.success(
            t(
                words + kind,
                k=k,
                updates=traj.n_updates,
                end=end,
                point=", ".join(f"{v:.3g}" for v in point),
            )
        )
    elif traj.status == "stalled":
        point = nums["reached"].theta
        box.warning(t(words + "stalled", k=k, point=", ".join(f"{v:.3g}" for v in point)))
    else:
        box.info(t(words + "completed", updates=traj.n_updates, end=end))
    if exit_at is not None:
        box.warning(t("short.left_window" if projector else "left_window", k=exit_at))
    capped = lab.max_epochs(problem, run.batch_size)
    if problem.n_train and run.epochs > capped:
        box.caption(t("epochs_capped", epochs=capped, cap=lab.max_updates(problem)))


def position(traj, frames, *, page: str) -> int:
    """The update count the timeline shows: where the user (or a link) stopped, else the start.
    A link's step past the end of the run opens at the end and says so."""
    state = st.session_state
    if tl.STATE not in state:  # ``step`` from a link that opened this page
        state[tl.STATE] = state.get("step") if state.get("_link_page") in page else None
    step = state[tl.STATE]
    if step is not None and step > traj.n_updates:
        if not state.get("_timeline_moved"):  # a link asked for more updates than this run has
            st.caption("⚠️ " + t("step_beyond", step=step, updates=traj.n_updates))
        step = state[tl.STATE] = traj.n_updates
    return 0 if step is None else int(frames.positions[tl.start_index(frames, step)])


def remember(moved_to: int | None, traj) -> None:
    if moved_to is not None:  # the user stopped the timeline somewhere: the link follows
        st.session_state[tl.STATE] = min(max(moved_to, 0), traj.n_updates)
        st.session_state["_timeline_moved"] = True


def hidden() -> frozenset[str]:
    """What the session's link hides (``hide=``, ui/params.py)."""
    return frozenset(st.session_state.get("hide") or ())


def hide_controls() -> None:
    """Hidden controls stay on the page, invisible, so they keep the link's values; a strip
    column that holds nothing else goes with its control."""
    names = [n for n in hidden() if n in params.HIDE_CONTROLS]
    if not names:
        return
    group = {"start": ("start", "b0", "w0"), "sched": ("sched", "warmup", "every", "drop", "gamma")}
    keys = [k for n in names for k in group.get(n, (n,))]
    alone = {"lr", "batch", "grad_noise", "opt"}  # each fills a strip column by itself
    if st.session_state.get("scenario") != "upload":  # (an upload's file and columns stay)
        alone.add("scenario")
    page_style.hide(keys, columns=[k for k in keys if k in alone])


def views(figs: dict, *, rev: str, style: theme.Style, projector: bool) -> None:
    """The charts in rows under the bar: the contour (with the path, the gradient and the
    step), the 3D surface and the maths panel first, then the loss curve, the data (or the step
    size) and the cross-sections; a path that left the plot gets a zoomed-out view. Views a
    focused link hides are left out and the others share their row."""
    size = SIZES["projector" if projector else "normal"]
    timeline = None if PLAIN else {"channel": tl.CHANNEL, "rev": rev, "track": 0}
    gone = hidden()
    second = "data" if "data" in figs else "limit"

    def shown(*roles: str) -> list[str]:
        out = []
        for role in roles:
            name = "data" if role == second else role
            if (
                name in gone
                or (role == "maths" and PLAIN)
                or (role != "maths" and role not in figs)
            ):
                continue
            out.append(role)
        return out

    def show(role: str, column, *, clickable: bool = False) -> None:
        if role == "maths":
            with column:
                tl.maths(style)
            return
        spec = None if timeline is None else {**timeline, "role": role}
        chart(figs[role], key=role, container=column, timeline=spec, size=size, clickable=clickable)

    def row(roles: list[str], weights: dict, container) -> None:
        if roles:
            columns = container.columns([weights[r] for r in roles])
            for role, column in zip(roles, columns, strict=True):
                show(role, column, clickable=role in ("contour", "surface"))

    if projector and not PLAIN:  # the four views in two rows beside the maths panel, one screen
        four = shown("contour", "surface", "curve", second)
        grid, side = st.columns([8, 3]) if shown("maths") else (st.container(), None)
        row(four[:2], dict.fromkeys(four, 1), grid)
        row(four[2:], dict.fromkeys(four, 1), grid)
        if side is not None:
            show("maths", side)
        row(shown("cross"), {"cross": 1}, st.container())
    else:
        # (keyed rows: a tablet's CSS puts the maths panel under the two charts, ui/page_style)
        weights = {"contour": 5, "surface": 5, "maths": 3, "curve": 5, "cross": 5, second: 3}
        if "cross" not in figs:
            weights.update(curve=1, **{second: 1})
        row(shown("contour", "surface", "maths"), weights, st.container(key="row_top"))
        row(shown("curve", "cross", second), weights, st.container(key="row_bottom"))
    if "whole" in figs:
        chart(figs["whole"], key="whole", size=size)


def numbers(problem: lab.Problem, traj, nums: dict) -> None:
    """Where the run is at the position shown, and where it ends: rounded for people, the exact
    values in the maths panel and the hover."""
    names = names_of(problem)
    k = nums["k"]
    here = st.columns(4)
    for col, name, value in zip(here, names, nums["at"], strict=False):
        col.metric(t("value_at", name=name, k=f"{k:,}"), f"{value:.4f}")
    start = float(traj.train_loss[0])
    here[2].metric(
        t("loss_at", k=f"{k:,}"), loss_text(nums["at_loss"], start), help=f"{nums['at_loss']!r}"
    )
    if nums["stable_lr"] is not None:
        here[3].metric(t("stable_lr"), f"{nums['stable_lr']:.3g}", help=t("stable_lr_help"))
    else:
        here[3].metric(t("local_lr"), f"{nums['local_lr']:.3g}", help=t("local_lr_help"))
    end = st.columns(4)
    for col, name, value in zip(end, names, nums["final"], strict=False):
        col.metric(t("value_end", name=name), f"{value:.4f}")
    end[2].metric(
        t("loss_end"), loss_text(nums["final_loss"], start), help=f"{nums['final_loss']!r}"
    )
    if nums["val_loss"] is not None:
        end[3].metric(t("val_loss"), f"{nums['val_loss']:.5g}")
    elif nums["condition"] is not None:
        end[3].metric(t("condition"), f"{nums['condition']:.3g}", help=t("condition_help"))
    minimum = nums["minimum"]
    if minimum is not None and problem.quadratic is not None:
        point = point_text(problem, minimum.theta)
        if problem.model == "line" and not problem.scaler.is_identity:
            b, w = scaling.to_original(problem.scaler, minimum.theta)
            st.caption(t("optimum_scaled", point=point, loss=minimum.loss, b=b, w=w))
        else:
            st.caption(t("optimum", point=point, loss=minimum.loss))
