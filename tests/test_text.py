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


# CJK ideographs (a formula may end next to full-width punctuation: "np.random.seed(seed)，")
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# (a comma or colon a space away from Chinese counts too: "−0.1383, 损失"; a bracket does not:
# "λ_max(H) 时" is a formula and then Chinese)
HALF_WIDTH_NEXT_TO_CJK = re.compile(
    f"[{CJK}][,:;()!?]|[,:;()!?][{CJK}]|[{CJK}]\\s+[,:;!?]|[,:;!?]\\s+[{CJK}]"
)


def test_chinese_sentences_use_full_width_punctuation():
    """Inside a Chinese sentence a comma, colon, semicolon, bracket, exclamation or question
    mark is the full-width one (，：；（）！？); a formula keeps its own (“λ_max(H) 时”, with the
    space, is a formula followed by Chinese)."""
    bad = {key: HALF_WIDTH_NEXT_TO_CJK.findall(text) for key, text in ZH.items()}
    bad = {key: found for key, found in bad.items() if found}
    assert not bad, bad


def test_the_rule_itself_catches_what_it_should():
    wrongs = ("已收敛:从第", "b(原始单位)", "3,模型", "好!", "吗?", "−0.1383, 损失", "更新 : θ")
    for wrong in wrongs:
        assert HALF_WIDTH_NEXT_TO_CJK.search(wrong), wrong
    for right in ("已收敛：从第", "b（原始单位）", "λ_max(H) 时", "x = 1, 2, 3，y"):
        assert not HALF_WIDTH_NEXT_TO_CJK.search(right), right


def test_one_word_per_term_in_chinese():
    """The glossary of ui/texts/zh.py: epoch is 轮 (not 轮次, 训练轮数), lessons are 演示 (课程
    means a course), and a setting is not a 旋钮 (knob)."""
    for text in ZH.values():
        for wrong in ("轮次", "训练轮数", "课程：", "旋钮"):
            assert wrong not in text, (wrong, text)
