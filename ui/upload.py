"""The user's own CSV: kept in this session only (never in a process-wide cache, never on disk)."""

from __future__ import annotations

import hashlib

import streamlit as st

from core import csvdata, datasets, lab
from ui.text import plain, t

STATE = "_upload"  # session-only: {"digest", "table", "dataset"}


def _parse(raw: bytes):
    digest = hashlib.sha256(raw).hexdigest()[:16]
    held = st.session_state.get(STATE)
    if held and held.get("digest") == digest:
        return held["table"], digest
    table = csvdata.parse_csv(raw, max_rows=lab.MAX_N)  # CsvError propagates to the caller
    st.session_state[STATE] = {"digest": digest, "table": table}
    return table, digest


def upload_ui(seed: int) -> lab.DataSpec | None:
    """File, x and y columns; returns the spec of the uploaded data, or None with a message."""
    file = st.file_uploader(
        t("upload"),
        type=["csv", "txt", "tsv"],
        key="upload_file",
        help=t("upload_help", mb=csvdata.MAX_BYTES // 1_000_000, rows=lab.MAX_N),
    )
    if file is None:
        st.info(t("upload_wait"))
        return None
    try:
        table, digest = _parse(file.getvalue())
    except csvdata.CsvError as err:
        details = {k: plain(str(v)) if isinstance(v, str) else v for k, v in err.details.items()}
        st.error(t(f"csv.{err.code}", **details))
        return None
    names = list(table.names)
    c1, c2 = st.columns(2)
    x_col = c1.selectbox(t("x_col"), names, index=0, key="x_col", persist_state="session")
    y_col = c2.selectbox(
        t("y_col"), names, index=min(1, len(names) - 1), key="y_col", persist_state="session"
    )
    val = st.slider(t("val"), 0.05, 0.5, key="val", persist_state="session", step=0.05)
    if table.skipped_rows:
        st.caption(t("csv.skipped", count=len(table.skipped_rows), line=table.skipped_rows[0]))
    if table.truncated_from:
        st.caption(t("csv.truncated", rows=lab.MAX_N, total=table.truncated_from))
    if x_col == y_col:
        st.error(t("csv.same_column"))
        return None
    data = datasets.from_columns(
        table.column(x_col), table.column(y_col), val_fraction=float(val), seed=seed
    )
    if data.x_train.size and float(data.x_train.max() - data.x_train.min()) == 0.0:
        st.error(t("csv.constant_x", column=plain(x_col)))
        return None
    st.session_state[STATE]["dataset"] = data
    source = f"{digest}:{names.index(x_col)}:{names.index(y_col)}"
    return lab.DataSpec(scenario="upload", seed=seed, val_fraction=float(val), source=source)


def dataset() -> datasets.Dataset:
    return st.session_state[STATE]["dataset"]
