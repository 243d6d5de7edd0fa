"""The fast CJK line wrapper used for plain table cells."""

from hypothesis import given, settings
from hypothesis import strategies as st

from panelapp.report.fonts import register_fonts
from panelapp.report.wrap import NO_END, NO_START, _width, wrap_lines

BODY, _ = register_fonts()
ALPHABET = "故障响应及时恢复，。；（）“”、日常巡检报告第周2025-01-03F07abcdef0123456789 "


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300), st.floats(min_value=40, max_value=300))
def test_lines_fit_keep_text_and_respect_punctuation(text, width):
    lines = wrap_lines(text, BODY, 8, width)
    assert "".join(lines) == text.replace("\n", "")
    for n, line in enumerate(lines):
        body = line.rstrip("".join(NO_START))
        hanging = body != line and _width(body, BODY, 8) <= width + 1e-6
        assert _width(line, BODY, 8) <= width + 1e-6 or hanging or len(line) == 1, line
        if n:
            assert line[0] not in NO_START or len(lines[n - 1]) == 0, (lines[n - 1], line)
        if n < len(lines) - 1 and len(line) > 1 and line[-1] in NO_END:
            # only when the bracket would not fit at the start of the next line
            assert _width(line[-1] + lines[n + 1], BODY, 8) > width, (line, lines[n + 1])


def test_dates_and_ids_are_not_broken():
    lines = wrap_lines("日常检查发现隐患2025-02-18故障F-07", BODY, 8, 60)
    assert any("2025-02-18" in line for line in lines)
    assert any("F-07" in line for line in lines)


def test_explicit_newlines_kept():
    assert wrap_lines("甲\n乙", BODY, 8, 100) == ["甲", "乙"]
