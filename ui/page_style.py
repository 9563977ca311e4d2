"""Page-level CSS. Only constant strings of our own are injected, never user text."""

import streamlit as st

from ui import params

# Every page: the room goes to the charts (Streamlit's wide layout keeps 5rem of margin on each
# side), a compact title, and on a phone the control strip in two columns, not one long stack.
_BASE_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding: 2.8rem 1.6rem 2rem 1.6rem; }
[data-testid="stHeader"] { height: 2.5rem; background: transparent; pointer-events: none; }
[data-testid="stHeader"] * { pointer-events: auto; }
[data-testid="stMainBlockContainer"] h1 { font-size: 1.9rem; padding: 0.2rem 0 0.1rem 0; }
.st-key-strip [data-testid="stWidgetLabel"] p { font-weight: 600; }
.st-key-status [data-testid="stAlertContainer"] { padding: 0.5rem 0.9rem; }
[data-testid="stMetricValue"] { font-size: 1.6rem; }
@media (min-width: 641px) and (max-width: 1100px) {
  .st-key-strip [data-testid="stHorizontalBlock"],
  .st-key-row_top [data-testid="stHorizontalBlock"],
  .st-key-row_bottom [data-testid="stHorizontalBlock"] { flex-wrap: wrap; gap: 0.4rem 1rem; }
  .st-key-strip [data-testid="stColumn"] { flex: 1 1 44% !important; min-width: 44% !important; }
  .st-key-row_top [data-testid="stColumn"],
  .st-key-row_bottom [data-testid="stColumn"] {
    flex: 1 1 46% !important; min-width: 46% !important; }
  .st-key-row_top [data-testid="stColumn"]:nth-child(3),
  .st-key-row_bottom [data-testid="stColumn"]:nth-child(3) {
    flex-basis: 100% !important; }
  .st-key-head [data-testid="stHorizontalBlock"] { flex-wrap: nowrap; }
  .st-key-head [data-testid="stColumn"]:first-child { flex: 1 1 0 !important; min-width: 0; }
  .st-key-head [data-testid="stColumn"]:not(:first-child) { flex: 0 0 7.5rem !important; }
}
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding: 2.9rem 0.8rem 1.5rem 0.8rem; }
  [data-testid="stMainBlockContainer"] h1 { font-size: 1.35rem; line-height: 1.3; }
  .st-key-strip [data-testid="stHorizontalBlock"] { flex-direction: row; flex-wrap: wrap;
    gap: 0.2rem 0.7rem; }
  .st-key-strip [data-testid="stColumn"] { flex: 1 1 44% !important; min-width: 44% !important; }
  .st-key-intro { display: none; }
  .st-key-head [data-testid="stHorizontalBlock"] { flex-direction: row; flex-wrap: wrap;
    gap: 0.3rem 0.6rem; }
  .st-key-head [data-testid="stColumn"] { flex: 1 1 40% !important; min-width: 40% !important; }
  .st-key-head [data-testid="stColumn"]:first-child { flex-basis: 100% !important; }
  /* Streamlit pulls the heading 1rem into what follows: a two-line title ran under the buttons */
  .st-key-head [data-testid="stMarkdownContainer"] { margin-bottom: 0 !important; }
}
</style>
"""

# Projector: text for the back of a room, every view on one 1280 x 720 screen (no page title:
# the browser's tab has it), the controls a compact strip.
_PROJECTOR_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding: 2.7rem 1rem 1rem 1rem; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.45rem; }
[data-testid="stSidebarContent"] [data-testid="stVerticalBlock"] { gap: 0.35rem; }
[data-testid="stAlert"] p, [data-testid="stMarkdownContainer"] p { font-size: 1.15rem; }
[data-testid="stAlertContainer"] { padding: 0.35rem 0.8rem; }
.st-key-strip [data-testid="stWidgetLabel"] p { font-size: 1.1rem; }
.st-key-strip [data-testid="stHorizontalBlock"] { gap: 1.2rem; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 1.9rem !important; }
[data-testid="stMetricLabel"] p { font-size: 1.05rem; }
</style>
"""


def hide(keys: list[str], *, columns: list[str]) -> None:
    """Hide the widgets of these keys (and the strip columns holding ``columns``): keys from the
    link schema's own list of names only (ui/params.py HIDE_CONTROLS), never user text."""
    allowed = set(params.HIDE_CONTROLS) | {"b0", "w0", "warmup", "every", "drop", "gamma"}
    assert set(keys) <= allowed and set(columns) <= set(keys), keys
    rules = [f".st-key-{k} {{ display: none !important; }}" for k in keys]
    rules += [
        f'.st-key-strip [data-testid="stColumn"]:has(.st-key-{k}) {{ display: none; }}'
        for k in columns
    ]
    st.html("<style>" + "\n".join(rules) + "</style>")


def apply(projector: bool) -> None:
    st.html(_BASE_CSS + (_PROJECTOR_CSS if projector else ""))
