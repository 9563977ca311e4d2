"""Several parameters: the tutorials' own models (d2l's two features plus bias, the polynomial of
seed 003), seen through a 2D slice of the exact loss."""

import numpy as np
import streamlit as st

from core import descent, lab, quadratic, scenarios
from core.thinning import display_indices
from ui import controls, link, page_style, params
from ui.charts import chart
from ui.text import t
from viz import figures, theme


@st.cache_resource(max_entries=4, show_spinner=False)
def recipe(key: str) -> scenarios.Recipe:
    return scenarios.RECIPES[key]()


@st.cache_resource(max_entries=16, show_spinner=False)
def run(key: str, lr: float, epochs: int, seed: int, early_stop: bool):
    r = recipe(key)
    q = quadratic.fit_quadratic(r.phi, r.y)
    epochs = min(epochs, lab.MAX_UPDATES // -(-len(r.y) // r.batch_size))
    traj = descent.run_descent(
        r.phi,
        r.y,
        r.theta0,
        lr=lr,
        batch_size=r.batch_size,
        epochs=epochs,
        shuffle=r.shuffle,
        seed=seed,
        q_train=q,
        stop_below=r.stop_below if early_stop else None,
    )
    return q, traj


def _load_recipe() -> None:
    r = recipe(st.session_state["model"])
    st.session_state.update(
        lr=r.lr, epochs=r.epochs, step=None, axes=[1, 2] if r.key == "d2l" else [0, 1]
    )


controls.init_state()
state = st.session_state
with st.sidebar:
    controls.language_ui()
    projector = controls.projector_ui()
    key = st.radio(
        t("model"),
        ("d2l", "poly"),
        key="model",
        on_change=_load_recipe,
        format_func=lambda k: t(f"model.{k}"),
    )
    r = recipe(key)
    if state.get("_recipe_loaded") != key:  # first visit: the tutorial's own settings
        state["_recipe_loaded"] = key
        if "lr" not in st.query_params:
            state["lr"] = r.lr
        if "epochs" not in st.query_params:
            state["epochs"] = r.epochs
    lr = controls.lr_ui()
    epochs = st.slider(t("epochs"), 1, lab.MAX_EPOCHS, key="epochs")
    seed = st.number_input(t("seed"), 0, params.SEED_MAX, key="seed", step=1)
    early = st.toggle(
        t("early_stop"),
        value=r.stop_below is not None,
        key="early",
        disabled=r.stop_below is None,
        help=t("early_stop_help"),
    )
    names = list(r.names)
    axes = [a for a in (state.get("axes") or [1, 2]) if a < len(names)][:2]
    state["axes"] = axes if len(axes) == 2 else [0, 1]
    axes = st.multiselect(
        t("axes"), range(len(names)), key="axes", max_selections=2, format_func=lambda i: names[i]
    )
    hold = st.radio(
        t("hold"), ("current", "optimum"), key="hold", format_func=lambda h: t(f"hold.{h}")
    )
page_style.apply(projector)
style = theme.PROJECTOR if projector else theme.NORMAL

q, traj = run(key, float(lr), int(epochs), int(seed), bool(early))
if state.get("step") is None or state["step"] > traj.n_updates:
    state["step"] = traj.n_updates
if not projector:
    st.title(t("params_title"))
link.show_notices()
head, share = st.columns([5, 1], vertical_alignment="center")
head.info(t(f"model_intro.{key}", tutorial_lr=r.tutorial_lr, lr=r.lr))
step = st.slider(t("step1"), 0, traj.n_updates, key="step")
link_state = {
    "lang": state["lang"],
    "projector": projector,
    "model": key,
    "lr": float(lr),
    "epochs": int(epochs),
    "seed": int(seed),
    "axes": tuple(axes),
    "hold": hold,
    "step": step if step != traj.n_updates else None,
}  # the end is the default
with share:
    link.share_box(link.follow(params.to_query(link_state)))
if len(axes) != 2:
    st.warning(t("pick_two"))
    st.stop()

i, j = axes
current = traj.params[step]
fixed = current if hold == "current" else q.theta_star
others = [n for m, n in enumerate(names) if m not in (i, j)]
held = ", ".join(f"{names[m]} = {fixed[m]:.4f}" for m in range(len(names)) if m not in (i, j))
star, start = q.theta_star, traj.params[0]
half = 1.5 * max(abs(start[i] - star[i]), abs(start[j] - star[j]), 1e-3)
vi = np.linspace(star[i] - half, star[i] + half, 101)
vj = np.linspace(star[j] - half, star[j] + half, 101)
cells = quadratic.loss_grid(q, vi, vj, axes=(i, j), theta_fixed=fixed)
shown = display_indices(step + 1, traj.epoch_updates[traj.epoch_updates <= step])
slice_min, _ = quadratic.constrained_minimum(q, fixed, np.isin(np.arange(len(names)), axes))
contour = figures.contour_with_paths(
    vi,
    vj,
    cells,
    [(t("path"), traj.params[shown, i], traj.params[shown, j], style.path)],
    start=start[[i, j]],
    minimum=slice_min[[i, j]],
    style=style,
    labels={
        "b": names[i],
        "w": names[j],
        "loss": t("loss"),
        "start": t("start_pt"),
        "minimum": t("slice_min"),
        "surface": t("surface"),
        "title": t("slice_title", a=names[i], b=names[j]),
    },
)
curve = figures.loss_comparison(
    [(t("train"), traj.epoch_updates / traj.updates_per_epoch, traj.train_loss_epoch, style.train)],
    floors=[(t("floor"), q.loss_min, theme.BLACK)],
    log_y=True,
    style=style,
    labels={"title": t("curve_title"), "epoch": t("epoch"), "loss": t("loss")},
)
left, right = st.columns(2)
chart(contour, key="slice", container=left)
chart(curve, key="curve", container=right)
st.caption(t(f"held.{hold}", held=held, step=step) if others else t("held.none"))

final = traj.params[-1]
st.dataframe(
    [
        {
            t("col.param"): n,
            t("col.true"): f"{r.theta_true[m]:.4f}",
            t("col.estimate"): f"{final[m]:.6f}",
            t("col.error"): f"{r.theta_true[m] - final[m]:+.6f}",
            t("col.optimum"): f"{star[m]:.6f}",
        }
        for m, n in enumerate(names)
    ],
    hide_index=True,
    width="stretch",
)
c1, c2, c3 = st.columns(3)
c1.metric(t("train_loss"), f"{traj.train_loss[-1]:.6g}")
if key == "d2l":
    c2.metric(t("half_loss"), f"{traj.train_loss[-1] / 2:.6g}", help=t("half_loss_help"))
else:  # seed 003 prints the mean of each sample's loss, taken before its own update
    last = traj.batch_loss[-traj.updates_per_epoch :]
    c2.metric(t("epoch_loss"), f"{last.mean():.6g}", help=t("epoch_loss_help"))
c3.metric(t("updates"), f"{traj.n_updates:,}")
if traj.stopped_after_epoch:
    st.success(t("stopped_early", epoch=traj.stopped_after_epoch))
