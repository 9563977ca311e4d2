"""The user's own CSV: kept in this session only (never in a process-wide cache, never on disk)."""

from __future__ import annotations

import hashlib

import streamlit as st

from core import csvdata, datasets, lab
from ui.text import plain, t

STATE = "_upload"  # session-only: {"file", "tables": {reading: table}, "dataset"}
_SEP_NAMES = {",": "sep.comma", ";": "sep.semicolon", "\t": "sep.tab"}
_DEC_NAMES = {".": "dec.point", ",": "dec.comma"}


def _parse(raw: bytes, file: str, separator: str | None, decimal: str | None):
    """One reading of the file, parsed once per session (CsvError propagates)."""
    held = st.session_state.get(STATE)
    if not held or held["file"] != file:  # a new file: nothing of the previous one is kept
        held = st.session_state[STATE] = {"file": file, "tables": {}}
    reading = (separator, decimal)
    if reading not in held["tables"]:
        held["tables"][reading] = csvdata.parse_csv(
            raw, max_rows=lab.MAX_N, separator=separator, decimal=decimal
        )
    return held["tables"][reading], f"{file}{separator or ''}{decimal or ''}"


def _refuse(err: csvdata.CsvError) -> None:
    details = {k: plain(str(v)) if isinstance(v, str) else v for k, v in err.details.items()}
    st.error(t(f"csv.{err.code}", **details))


def _offer(kind: str, options: tuple[str, ...], names: dict, file_key: str) -> str:
    """The reading taken (first) and the others the file allows, one click apart."""
    return st.radio(
        t(f"csv.{kind}"),
        options,
        format_func=lambda v: t(names[v]),
        key=f"csv_{kind[:3]}_{file_key}",  # csv_sep_..., csv_dec_...
        help=t(f"csv.{kind}_help"),
        horizontal=True,
    )


def _reading(raw: bytes, file_key: str):
    """The table, read as detected unless the user took the other reading offered."""
    table, digest = _parse(raw, file_key, None, None)
    sep, dec = None, None
    if table.other_separators:
        sep = _offer("separator", (table.separator, *table.other_separators), _SEP_NAMES, file_key)
        if sep != table.separator:
            table, digest = _parse(raw, file_key, sep, None)
    if table.other_decimal:
        dec = _offer("decimal", (table.decimal, table.other_decimal), _DEC_NAMES, file_key)
        if dec != table.decimal:
            table, digest = _parse(raw, file_key, sep, dec)
    return table, digest


def upload_ui(seed: int) -> lab.DataSpec | None:
    """File, x and y columns; returns the spec of the uploaded data, or None with a message."""
    file = st.file_uploader(
        t("upload"),
        type=["csv", "txt", "tsv"],
        key="upload_file",
        help=t("upload_help", mb=csvdata.MAX_BYTES // 2**20, rows=lab.MAX_N),
    )
    if file is None:
        st.session_state.pop(STATE, None)
        st.info(t("upload_wait"))
        return None
    raw = file.getvalue()
    st.session_state.get(STATE, {}).pop("dataset", None)  # until this file gives one
    try:
        table, digest = _reading(raw, hashlib.sha256(raw).hexdigest()[:12])
    except csvdata.CsvError as err:
        _refuse(err)
        return None
    numeric = list(table.numeric_names)
    if table.text_names:
        st.caption(
            t("csv.text_columns", names=", ".join(f"“{plain(n)}”" for n in table.text_names))
        )
    if len(numeric) < 2:
        st.error(t("csv.few_numeric", count=len(numeric)))
        return None
    c1, c2 = st.columns(2)
    x_col = c1.selectbox(t("x_col"), numeric, index=0, key="x_col", persist_state="session")
    y_col = c2.selectbox(t("y_col"), numeric, index=1, key="y_col", persist_state="session")
    val = st.slider(t("val"), 0.05, 0.5, key="val", persist_state="session", step=0.05)
    if table.truncated_from:
        st.caption(t("csv.truncated", rows=lab.MAX_N, total=table.truncated_from))
    if x_col == y_col:
        st.error(t("csv.same_column"))
        return None
    for name in (x_col, y_col):
        for how in sorted(table.column(name).cleaned):
            example = "1.234" if table.decimal == "," else "1,234"
            st.caption(t(f"csv.cleaned.{how}", column=plain(name), example=example))
    try:
        pair = table.pair(x_col, y_col)
    except csvdata.CsvError as err:
        _refuse(err)
        return None
    if pair.missing_lines:
        st.caption(t("csv.missing", count=len(pair.missing_lines), line=pair.missing_lines[0]))
    if pair.text_lines:
        st.caption(t("csv.skipped", count=len(pair.text_lines), line=pair.text_lines[0]))
    data = datasets.from_columns(pair.x, pair.y, val_fraction=float(val), seed=seed)
    if data.x_train.size and float(data.x_train.max() - data.x_train.min()) == 0.0:
        st.error(t("csv.constant_x", column=plain(x_col)))
        return None
    st.session_state[STATE]["dataset"] = data
    source = f"{digest}:{table.names.index(x_col)}:{table.names.index(y_col)}"
    return lab.DataSpec(scenario="upload", seed=seed, val_fraction=float(val), source=source)


def dataset() -> datasets.Dataset:
    return st.session_state[STATE]["dataset"]
