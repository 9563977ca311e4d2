"""Every word the pages show, in English and Chinese (``ui/texts``): the lookup and the escaping
of user text. Numbers are formatted the same in both languages."""

from __future__ import annotations

import streamlit as st

from ui.texts.en import EN
from ui.texts.zh import ZH

LANGUAGES = {"en": "English", "zh": "中文"}

TEXTS = {"en": EN, "zh": ZH}


def language() -> str:
    try:
        lang = st.session_state.get("lang", "en")
    except Exception:  # outside a Streamlit run (plain scripts, unit tests)
        lang = "en"
    return lang if lang in TEXTS else "en"


_MARKDOWN = set("\\`*_{}[]()#+-.!|<>~$:")


def plain(text: str) -> str:
    """User-supplied text made safe for Markdown: every character Markdown (or a URL scheme)
    could act on is escaped, so it shows as typed and never becomes a link, image or markup."""
    return "".join("\\" + ch if ch in _MARKDOWN else ch for ch in text)


def label(text: str) -> str:
    """A run's label in the session's language (labels that are plain numbers stay as they are)."""
    return TEXTS[language()].get("variant." + text, text)


def t(key: str, /, **values) -> str:
    """The text for ``key`` in the session's language, formatted with ``values``."""
    text = TEXTS[language()][key]
    return text.format(**values) if values else text
