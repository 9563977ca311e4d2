"""One weight: the model y = w·x, its loss as a curve L(w), and the steps taken along it."""

import numpy as np
import streamlit as st

from core import lab, quadratic
from ui import cache, controls, link, page_style, params
from ui.charts import chart
from ui.text import t
from viz import figures, theme

DATASETS = ("course", "tiny_clean", "tiny_noisy", "line5x")
PRESETS = {  # the tutorials' own settings
    "course": {"dataset": "course", "w0": 1.0, "lr": 0.01, "epochs": 100, "shuffle": False},
    "tiny": {"dataset": "tiny_noisy", "w0": 2.0, "lr": 0.03, "epochs": 300, "shuffle": True},
    "tiny_literal": {"dataset": "tiny_noisy", "w0": 2.0, "lr": 0.3, "epochs": 300, "shuffle": True},
    "line5x": {"dataset": "line5x", "w0": 10.0, "lr": 0.1, "epochs": 20, "shuffle": True},
}


def _preset(name: str) -> None:
    st.session_state.update(PRESETS[name])


controls.init_state()
state = st.session_state
if not state.get("_one_weight_opened"):  # first visit: the course notes, unless the link says
    state["_one_weight_opened"] = True
    state.update({k: v for k, v in PRESETS["course"].items() if k not in st.query_params})
with st.sidebar:
    controls.language_ui()
    projector = controls.projector_ui()
    st.caption(t("presets"))
    for name in PRESETS:
        st.button(t(f"preset1.{name}"), on_click=_preset, args=(name,), width="stretch")
    dataset = st.selectbox(
        t("dataset"), DATASETS, key="dataset", format_func=lambda s: t(f"scenario.{s}")
    )
    lr = controls.lr_ui()
    epochs = st.slider(t("epochs"), 1, lab.MAX_EPOCHS, key="epochs")
    w0 = st.slider(t("w0"), -10.0, 10.0, key="w0", step=0.01)
    shuffle = st.toggle(t("shuffle"), key="shuffle")
    seed = st.number_input(t("seed"), 0, params.SEED_MAX, key="seed", step=1)
page_style.apply(projector)
style = theme.PROJECTOR if projector else theme.NORMAL

data = lab.DataSpec(scenario=dataset, seed=int(seed))
problem = cache.problem(data, False)
n = problem.n_train
regimes = {"batch": n, "sgd": 1} if dataset != "line5x" else {"batch": n, "mini": 10}
runs = {}
for key, batch in regimes.items():
    spec = lab.RunSpec(
        lr=float(lr),
        batch_size=batch,
        epochs=int(epochs),
        shuffle=bool(shuffle),
        seed=int(seed),
        start=(0.0, float(w0)),
        train_b=False,
    )
    runs[key] = cache.trajectory(data, False, spec)
longest = max(tr.n_updates for tr in runs.values())
step = st.session_state.get("step1", 0)
link_state = {
    "lang": state["lang"],
    "projector": projector,
    "dataset": dataset,
    "lr": float(lr),
    "epochs": int(epochs),
    "w0": float(w0),
    "shuffle": bool(shuffle),
    "seed": int(seed),
}
share_url = link.follow(params.to_query(link_state | {"step1": int(step)}))

if not projector:
    st.title(t("one_weight_title"))
link.show_notices()
head, share = st.columns([5, 1], vertical_alignment="center")
head.info(t(f"one_weight_intro.{dataset}"))
with share:
    link.share_box(share_url)
k = st.slider(t("step1"), 0, longest, key="step1", help=t("step1_help"))

x, y = problem.data.x_train, problem.data.y_train
w_all = np.concatenate([tr.params[:, 1] for tr in runs.values()])
lo, hi = min(w_all.min(), problem.q_train.theta_star[1] - 1), max(w_all.max(), w0 + 0.5)
pad = 0.1 * (hi - lo)
w_grid = np.linspace(lo - pad, hi + pad, 301)
cost = quadratic.loss(problem.q_train, np.column_stack([np.zeros_like(w_grid), w_grid]))
samples = [(w_grid * xi - yi) ** 2 for xi, yi in zip(x, y, strict=True)] if n <= 12 else []
colours = {"batch": theme.BLUE, "sgd": theme.VERMILLION, "mini": theme.VERMILLION}
drawn = []
for key, traj in runs.items():
    kk = min(k, traj.n_updates)
    w_path = traj.params[: kk + 1, 1]
    current = (float(traj.params[kk, 1]), float(traj.train_loss[kk]))
    slope = float(quadratic.gradient(problem.q_train, traj.params[kk])[1])
    drawn.append(
        {
            "name": t(f"regime1.{key}"),
            "colour": colours[key],
            "w": w_path,
            "loss": traj.train_loss[: kk + 1],
            "current": current,
            "slope": slope,
        }
    )
curve_fig = figures.loss_of_one_weight(
    w_grid,
    cost,
    samples,
    drawn,
    style=style,
    labels={
        "title": t("one_weight_curve"),
        "loss": t("loss"),
        "sample": t("sample_loss"),
        "cost": t("cost_all"),
        "tangent": t("tangent"),
    },
)
curve_runs = [
    (d["name"], traj.epoch_updates / traj.updates_per_epoch, traj.train_loss_epoch, d["colour"])
    for d, traj in zip(drawn, runs.values(), strict=True)
]
floor = next(iter(runs.values())).loss_floor
epoch_fig = figures.loss_comparison(
    curve_runs,
    floors=[(t("floor"), floor, theme.BLACK)],
    log_y=True,
    style=style,
    labels={"title": t("curve_title"), "epoch": t("epoch"), "loss": t("loss")},
)
left, right = st.columns([3, 2])
chart(curve_fig, key="curve1", container=left)
chart(epoch_fig, key="epochs1", container=right)

cols = st.columns(len(runs) + 1)
cols[0].metric(t("predict_before"), f"{w0 * 4:.4g}")
for col, (key, traj) in zip(cols[1:], runs.items(), strict=True):
    w_end = traj.params[-1, 1]
    col.metric(
        t("predict_after", name=t(f"regime1.{key}")),
        f"{w_end * 4:.10g}",
        help=t(
            "final_w",
        )
        + f" = {w_end:.8g}",
    )
limit = 1.0 / float(problem.q_train.A[1, 1])  # b held: the curvature of L(w) is 2 mean(x^2)
for key, traj in runs.items():
    if traj.status == "diverged":
        st.error(
            t("regime1." + key)
            + ": "
            + t(
                "status.diverged",
                k=traj.diverged_at,
                kept=traj.n_updates,
                limit=limit,
                lr=float(lr),
            )
        )
st.caption(t("one_weight_limit", limit=limit))
