"""The one Chinese line breaker (report/wrap.py): properties over generated text, and the sheet's own texts."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from panelapp.core.scheme import load_scheme
from panelapp.report.fonts import register_fonts
from panelapp.report.wrap import NO_END, NO_START, _width, units_of, wrap_lines, wrap_runs

BODY, BOLD = register_fonts()
SIZE = 8
HAN = "故障响应及时恢复日常巡检报告现场驻点服务扣分第周次天元"
CLOSE = "，。、；：？！）》」％"
OPEN = "（《「“"
PROTECTED = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?|\d{1,2}:\d{2}|\d{1,3}(?:,\d{3})+\.\d{2}|\d+")

dates = st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")
times = st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda t: f"{t[0]:02d}:{t[1]:02d}")
amounts = st.integers(0, 99_999_999_99).map(lambda f: f"{f // 100:,}.{f % 100:02d}")
numbers = st.integers(0, 99999).map(str)
words = st.text(alphabet=HAN, min_size=1, max_size=6)
atoms = st.one_of(words, dates, times, amounts, numbers, dates.map(lambda d: d + "T10:00"))


@st.composite
def phrases(draw):
    """Text shaped like the sheet's: words and figures, some bracketed, each followed by at most one mark."""
    out = []
    for _ in range(draw(st.integers(1, 40))):
        atom = draw(atoms)
        if draw(st.integers(0, 5)) == 0:
            n = draw(st.integers(0, len(OPEN) - 1))
            atom = OPEN[n] + atom + "）》」”"[n]
        mark = draw(st.sampled_from(["", "", "", " ", *CLOSE]))
        if not mark and atom[-1].isascii():  # two figures never touch: 2024-11-202024-11-21 is one token
            mark = " "
        out.append(atom + mark)
    return "".join(out)


def check_rules(text: str, lines: list[str], width: float) -> None:
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost, only spaces at breaks
    for n, line in enumerate(lines):
        body = line.rstrip("".join(NO_START))  # closing punctuation may hang past the end
        assert _width(body, BODY, SIZE) <= width + 1e-6, (line, width)
        if n:
            assert line[0] not in NO_START, (lines[n - 1], line)
            assert not line.startswith(" "), line
        if n < len(lines) - 1:
            assert line[-1] not in NO_END, (line, lines[n + 1])
    for match in PROTECTED.finditer(text):  # dates, times, amounts and numbers stay whole
        assert any(match.group() in line for line in lines), (match.group(), lines)


@settings(max_examples=300, deadline=None)
@given(phrases(), st.floats(min_value=90, max_value=400))  # wider than （2024-11-20T10:00），
def test_generated_text_obeys_the_rules(text, width):
    check_rules(text, wrap_lines(text, BODY, SIZE, width), width)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(phrases(), st.booleans()), min_size=1, max_size=4), st.floats(min_value=90, max_value=300))
def test_runs_in_two_fonts_obey_the_rules(parts, width):
    runs = [(text, BOLD if bold else BODY, SIZE) for text, bold in parts]
    lines = wrap_runs(runs, width)
    for line in lines:
        body = line[:]
        while body and body[-1][0] in NO_START:  # hanging punctuation
            body.pop()
        assert sum(_width(*unit) for unit in body) <= width + 1e-6
    texts = ["".join(unit[0] for unit in line) for line in lines]
    for n, line in enumerate(texts[1:], start=1):
        assert line[0] not in NO_START, (texts[n - 1], line)
    for line in texts[:-1]:
        assert line[-1] not in NO_END, line
    # each unit keeps the font of its run
    joined = [(unit[0], unit[1]) for line in lines for unit in line]
    expect = [(u, font) for text, font, _size in runs for u in units_of(text)]
    assert [u for u in joined if u[0] != " "] == [u for u in expect if u[0] != " "]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=HAN + CLOSE + OPEN + "0123456789-:,. abcF\n", max_size=200),
       st.floats(min_value=40, max_value=300))
def test_any_text_keeps_its_characters_and_newlines(text, width):
    lines = wrap_lines(text, BODY, SIZE, width)
    assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")
    assert len(lines) >= text.count("\n") + 1


@pytest.mark.parametrize(("text", "whole"), [
    ("本半年度已开展应急演练：2024-11-20 数据共享交换系统数据库主备切换演练", "2024-11-20"),
    ("本周期扣减金额：人民币127,250.00元（大写：壹拾贰万柒仟贰佰伍拾元整）", "127,250.00"),
    ("故障F-01于2025-02-18T14:20发生，10:35恢复", "2025-02-18T14:20"),
])
def test_figures_are_never_split(text, whole):
    for width in range(90, 240, 3):  # wider than the longest figure (16 characters)
        lines = wrap_lines(text, BODY, 9, width)
        assert any(whole in line for line in lines), (width, lines)


def test_bracket_stays_with_what_it_opens():
    text = "供应商确认：中电信数智科技有限公司河南分公司（盖章）"
    for width in range(50, 260, 2):
        lines = wrap_lines(text, BODY, 9, width)
        assert not any(line.endswith("（") for line in lines[:-1]), lines
        assert not any(line.startswith(("）", "章）")) and line != "章）" for line in lines[1:]), lines


def test_the_contract_texts_at_the_sheet_column_width():
    """附件3's texts of 1.3, 1.4, 1.5, 3.2 once had lines starting with “，” on the sheet."""
    from panelapp.report.sheet import COLS
    from panelapp.report.styles import styles

    small = styles()["small"]
    scheme = load_scheme("pingdingshan-2024")
    for item in scheme.items:
        text = scheme.sheet_description(item, scheme.default_settings())
        lines = wrap_lines(text, small.fontName, small.fontSize, COLS[3] - 6)
        assert len(lines) > 1
        assert all(line[0] not in NO_START for line in lines[1:]), (item.id, lines)
        assert all(line[-1] not in NO_END for line in lines[:-1]), (item.id, lines)


def test_explicit_newlines_kept_and_spaces_at_breaks_dropped():
    assert wrap_lines("甲\n乙", BODY, 8, 100) == ["甲", "乙"]
    lines = wrap_lines("扣完即止。 2、扣分情况包括", BODY, 8, 8 * 5.5)
    assert lines[0] == "扣完即止。" and lines[1].startswith("2、")
