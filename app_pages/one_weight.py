"""One weight: the model y = w·x, its loss as a curve L(w), and the steps taken along it."""

import streamlit as st

from core import lab
from ui import cache, controls, lab_page, link, page_style, params, tutorial_views
from ui import timeline as tl
from ui.charts import PLAIN, SIZES, chart
from ui.text import t
from viz import theme

DATASETS = ("course", "tiny_clean", "tiny_noisy", "line5x")
PRESETS = {  # the tutorials' own settings
    "course": {"dataset": "course", "w0": 1.0, "lr": 0.01, "epochs": 100, "shuffle": False},
    "tiny": {"dataset": "tiny_noisy", "w0": 2.0, "lr": 0.03, "epochs": 300, "shuffle": True},
    "tiny_literal": {"dataset": "tiny_noisy", "w0": 2.0, "lr": 0.3, "epochs": 300, "shuffle": True},
    "line5x": {"dataset": "line5x", "w0": 10.0, "lr": 0.1, "epochs": 20, "shuffle": True},
}
STEP = "_one_weight_step"  # this page's timeline position (link name ``step1``)


def _preset(name: str) -> None:
    st.session_state.update(PRESETS[name])
    st.session_state[STEP] = None


controls.init_state("one_weight")
state = st.session_state
if not state.get("_one_weight_opened"):  # first visit: the course notes, unless the link says
    state["_one_weight_opened"] = True
    state.update({k: v for k, v in PRESETS["course"].items() if k not in st.query_params})
projector = bool(state.get("projector"))
page_style.apply(projector)
slots = lab_page.frame("one_weight_title", "one_weight_what", projector=projector)
with st.sidebar:
    controls.language_ui()
    projector = controls.projector_ui()
    st.caption(t("presets"))
    for name in PRESETS:
        st.button(t(f"preset1.{name}"), on_click=_preset, args=(name,), width="stretch")
    epochs = st.slider(t("epochs"), 1, lab.MAX_EPOCHS, key="epochs", persist_state="session")
    w0 = st.slider(
        t("start_of", name="w"), -10.0, 10.0, key="w0", persist_state="session", step=0.01
    )
    shuffle = st.toggle(t("shuffle"), key="shuffle", persist_state="session")
    seed = st.number_input(
        t("seed"), 0, params.SEED_MAX, key="seed", persist_state="session", step=1
    )
c1, c2, c3 = slots.strip.columns([5, 4, 4], vertical_alignment="bottom")
dataset = c1.selectbox(
    t("problem"),
    DATASETS,
    key="dataset",
    persist_state="session",
    format_func=lambda s: t(f"scenario.{s}"),
)
lr = controls.lr_ui(c2)
small = "mini" if dataset == "line5x" else "sgd"  # the other regime: one sample, or batches of 10
follow = c3.radio(
    t("follow"),
    ("batch", "sgd"),
    key="follow",
    persist_state="session",
    horizontal=True,
    format_func=lambda r: t("regime1." + (small if r == "sgd" else r)),
)
style = theme.PROJECTOR if projector else theme.NORMAL

data = lab.DataSpec(scenario=dataset, seed=int(seed))
problem = cache.problem(data, False)
n = problem.n_train
specs = {
    key: lab.RunSpec(
        lr=float(lr),
        batch_size=batch,
        epochs=int(epochs),
        shuffle=bool(shuffle),
        seed=int(seed),
        start=(0.0, float(w0)),
        train_b=False,
    )
    for key, batch in (("batch", n), ("sgd", 10 if small == "mini" else 1))
}
runs = {key: cache.trajectory(data, False, spec) for key, spec in specs.items()}
traj, spec = runs[follow], specs[follow]
frames = cache.frames(data, False, spec)
link.show_notices()
slots.status.info(t(f"one_weight_intro.{dataset}"))

names = {k: t("regime1." + (small if k == "sgd" else k)) for k in runs}
figs = tutorial_views.one_weight_figures(problem, runs, names, follow, float(w0), style)
window = figs["window"]
if STEP not in state:
    state[STEP] = state.get("step1") if state.get("_link_page") == "one_weight" else None
at = min(int(state[STEP] or 0), traj.n_updates)
rev = tl.rev_of(frames)
if not PLAIN:
    track = tl.track(
        problem,
        traj,
        frames,
        spec,
        window,
        names=("b", "w"),
        lift=0.0,
        z_log=None,
        line_x=None,
        log_y=True,
        colour=tutorial_views.COLOURS[follow],
    )
    with slots.bar:
        moved = tl.bar(
            tl.bar_data(
                [track], style=style, channel="one_weight", start=tl.start_index(frames, at)
            ),
            key="one_weight_timeline",
        )
    if moved is not None:
        state[STEP] = min(max(moved, 0), traj.n_updates)
query = {
    "lang": state["lang"],
    "projector": projector,
    "dataset": dataset,
    "lr": float(lr),
    "epochs": int(epochs),
    "w0": float(w0),
    "shuffle": bool(shuffle),
    "seed": int(seed),
    "follow": follow,
    "step1": int(state[STEP] or 0),
}
lab_page.share(slots.share, params.to_query(query))

size = SIZES["projector" if projector else "normal"]
spec_of = (
    (lambda role: None)
    if PLAIN
    else (lambda role: {"channel": "one_weight", "role": role, "rev": rev, "track": 0})
)
left, middle, right = st.columns([5, 4, 3])
chart(figs["curve1d"], key="curve1", container=left, timeline=spec_of("curve1d"), size=size)
chart(figs["epochs"], key="epochs1", container=middle, size=size)
if not PLAIN:
    with right:
        tl.maths(style, channel="one_weight", key="one_weight_timeline")

cols = st.columns(len(runs) + 1)
cols[0].metric(t("predict_before"), f"{w0 * 4:.4g}")
for col, (key, tr) in zip(cols[1:], runs.items(), strict=True):
    w_end = tr.params[-1, 1]
    col.metric(
        t("predict_after", name=names[key]),
        f"{w_end * 4:.4f}",
        help=f"w = {w_end:.12g}",
    )
limit = lab.one_weight_limit(problem)
for key, tr in runs.items():
    if tr.status == "diverged":
        st.error(
            names[key]
            + ": "
            + t("status.diverged", k=tr.diverged_at, why=t("why_global", lr=float(lr), limit=limit))
        )
st.caption(t("one_weight_limit", limit=limit))
