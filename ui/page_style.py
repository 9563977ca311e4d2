"""Page-level CSS. Only constant strings of our own are injected, never user text."""

import streamlit as st

_PROJECTOR_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding: 2.9rem 1.2rem 1rem 1.2rem; }
[data-testid="stSidebarContent"] [data-testid="stVerticalBlock"] { gap: 0.35rem; }
[data-testid="stSidebarUserContent"] { padding-top: 0.5rem; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.3rem; }
[data-testid="stAlert"] p, [data-testid="stMarkdownContainer"] p { font-size: 1.15rem; }
[data-testid="stAlertContainer"] { padding: 0.45rem 0.8rem; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 2rem !important; }
</style>
"""


def apply(projector: bool) -> None:
    if projector:
        st.html(_PROJECTOR_CSS)
