"""CJK line breaking (禁则) and the 28-characters × 22-lines grid."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewapp.exports.fonts import register_fonts
from reviewapp.exports.layout import BLOCK_WIDTH, CHAR_PITCH, Block, Style, layout_block, paginate
from reviewapp.exports.linebreak import NO_LINE_END, NO_LINE_START, break_lines

HAN = "案件质量问题整改通知书检察院评查证据事实法律程序"
CLOSING = "。，、；：）」"
OPENING = "（「"


def em(ch: str) -> float:
    """A fixed-pitch stand-in: full-width 16 pt, ASCII half."""
    return 8.0 if ch.isascii() else 16.0


# Text where punctuation never runs into punctuation, so every rule can always be met.
units = st.one_of(
    st.sampled_from(HAN),
    st.tuples(st.sampled_from(HAN), st.sampled_from(CLOSING)).map("".join),
    st.tuples(st.sampled_from(OPENING), st.sampled_from(HAN)).map("".join),
    st.sampled_from(["2026", "E8", "110102000123"]),
)
texts = st.lists(units, min_size=1, max_size=120).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=texts, chars=st.integers(min_value=6, max_value=28), indent=st.sampled_from([0.0, 32.0]))
def test_breaks_keep_text_width_and_forbidden_positions(text, chars, indent):
    width = chars * 16.0
    lines = break_lines(text, width, em, 0.0, indent)
    assert "".join(ln.text for ln in lines) == text
    assert lines[-1].last and not any(ln.last for ln in lines[:-1])
    for i, ln in enumerate(lines):
        assert ln.width <= width - (indent if i == 0 else 0.0) + 1e-6
        if i > 0:
            assert ln.text[0] not in NO_LINE_START, (i, [x.text for x in lines])
        if i < len(lines) - 1:
            assert ln.text[-1] not in NO_LINE_END, (i, [x.text for x in lines])


def test_punctuation_pushes_the_previous_character_down():
    text = "案" * 28 + "。"
    lines = break_lines(text, 28 * 16.0, em)
    assert [ln.text for ln in lines] == ["案" * 27, "案。"]
    lines = break_lines("案" * 27 + "（案）", 28 * 16.0, em)
    assert [ln.text for ln in lines] == ["案" * 27, "（案）"]


def test_body_grid_is_28_characters_per_line():
    fonts = register_fonts(system_dirs=[])
    flush = layout_block(Block("案" * 56, Style(first_indent=0)), fonts)
    assert [len(pl.line.text) for pl in flush] == [28, 28]
    indented = layout_block(Block("案" * 56), fonts)
    assert [len(pl.line.text) for pl in indented] == [26, 28, 2]
    assert abs(CHAR_PITCH * 28 - BLOCK_WIDTH) < 1e-9


def test_22_lines_per_page():
    fonts = register_fonts(system_dirs=[])
    pages = paginate([Block("案" * 28 * 50, Style(first_indent=0))], fonts)
    assert [len(p.lines) for p in pages] == [22, 22, 6]
