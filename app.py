"""The frame: page config and navigation.

Pages live in app_pages/, not pages/ (docs/architecture.md says why)."""

import os

# One BLAS thread per server process, set before NumPy loads: sessions share 2 cores, and every
# matrix here is tiny, so threads would only fight.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import streamlit as st  # noqa: E402

from ui import link, quiet_log  # noqa: E402
from ui.text import t  # noqa: E402

quiet_log.install()  # a scanner's probes of the component route: one log line each, no traceback
link.apply_once()  # before anything reads the language or a widget
# the sidebar (more settings) starts closed: the charts get the width, and on a phone it does
# not cover them; the controls a lesson turns sit in the page, above the charts
st.set_page_config(
    page_title=t("app_title"), page_icon="📉", layout="wide", initial_sidebar_state="collapsed"
)
page = st.navigation(
    [
        st.Page("app_pages/explorer.py", title=t("explorer"), icon="⛰️", default=True),
        st.Page("app_pages/one_weight.py", title=t("one_weight"), icon="📈", url_path="one_weight"),
        st.Page(
            "app_pages/parameters.py", title=t("params_page"), icon="🧮", url_path="parameters"
        ),
        st.Page("app_pages/compare.py", title=t("compare_page"), icon="⚖️", url_path="compare"),
        st.Page("app_pages/lessons.py", title=t("lessons"), icon="🎓", url_path="lessons"),
        st.Page("app_pages/network.py", title=t("network_page"), icon="🕸️", url_path="network"),
    ]
)
page.run()
