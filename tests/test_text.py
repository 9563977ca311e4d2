"""Both languages say everything, with the same placeholders (the page and timeline.js fill
them in)."""

import re
import string

from ui.text import EN, ZH

JS_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_english_text_has_a_chinese_one_and_back():
    assert set(EN) == set(ZH)


def test_placeholders_match_in_both_languages():
    for key in EN:
        if key.startswith("tl."):  # filled in by timeline.js: {name} only, no format specs
            assert set(JS_PLACEHOLDER.findall(EN[key])) == set(JS_PLACEHOLDER.findall(ZH[key])), key
        else:
            assert _fields(EN[key]) == _fields(ZH[key]), key
