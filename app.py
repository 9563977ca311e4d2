"""The frame: page config and navigation. Pages live in app_pages/ (not pages/: see README, "How it works")."""
import streamlit as st

from ui import link
from ui.text import t

link.apply_once()  # before anything reads the language or a widget
st.set_page_config(page_title=t("app_title"), page_icon="📉", layout="wide")
page = st.navigation([
    st.Page("app_pages/explorer.py", title=t("explorer"), icon="⛰️", default=True),
    st.Page("app_pages/one_weight.py", title=t("one_weight"), icon="📈", url_path="one_weight"),
    st.Page("app_pages/parameters.py", title=t("params_page"), icon="🧮", url_path="parameters"),
    st.Page("app_pages/compare.py", title=t("compare_page"), icon="⚖️", url_path="compare"),
    st.Page("app_pages/lessons.py", title=t("lessons"), icon="🎓", url_path="lessons"),
])
page.run()
