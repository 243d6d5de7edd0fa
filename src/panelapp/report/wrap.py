"""The one Chinese line breaker of every PDF the app writes.

Every cell and paragraph of the score sheet, its evidence appendix and the annual
summary is broken into lines here (ReportLab's own CJK wrap breaks anywhere:
“，” at the start of a line, “2024-11-2 / 0”, “（ / 盖章）”). The rules:

- no line starts with closing punctuation (``NO_START``: ，。；、：）》」！？％ …);
  the character before is taken down with it, or, when a line holds a single unit
  (a long date-time, say), the punctuation hangs past the line's end;
- no line ends with an opening bracket or quote (``NO_END``: （《「“ …); it moves down;
- dates (2024-11-20), times (10:00), amounts (127,250.00), numbers, ids and
  hashes stay whole, unless a single one is wider than the line;
- a space where a line breaks is dropped; explicit newlines are kept.

Character widths are cached per (font, size): measuring is the slow part.
Text comes as runs of (text, font, size), so bold words and smaller notes inside a
line are measured in their own font.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth

#: Characters that may not begin a line (closing punctuation, pauses, suffixes).
NO_START = frozenset("，。、；：？！）」』】〉》〕］｝〗〙”’％‰℃·…—～,.;:?!)]}%")
#: Characters that may not end a line (opening brackets and quotes).
NO_END = frozenset("（「『【〈《〔［｛〖〘“‘([{")
#: Amounts with thousands separators, then runs of Latin letters and digits (dates, times, ids).
_UNITS = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?%?"
    r"|[A-Za-z0-9][A-Za-z0-9.\-_/:+#]*(?<![.:])%?"
    r"|.",
    re.S,
)
_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}

Run = tuple[str, str, float]  # (text, font name, font size)
Unit = tuple[str, str, float]  # one unbreakable piece: (text, font name, font size)


def _width(text: str, font: str, size: float) -> float:
    cache = _WIDTHS.setdefault((font, size), {})
    total = 0.0
    for ch in text:
        w = cache.get(ch)
        if w is None:
            w = cache[ch] = stringWidth(ch, font, size)
        total += w
    return total


def _units_width(units: Sequence[Unit]) -> float:
    return sum(_width(*u) for u in units)


def units_of(text: str) -> list[str]:
    """``text`` cut into the pieces the breaker never splits (unless wider than a line)."""
    return _UNITS.findall(text)


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points (explicit newlines kept)."""
    return ["".join(u[0] for u in line) for line in wrap_runs([(text, font, size)], width)]


def wrap_runs(runs: Sequence[Run], width: float) -> list[list[Unit]]:
    """Runs of text broken into lines of units no wider than ``width`` points."""
    paragraphs: list[list[Unit]] = [[]]
    for text, font, size in runs:
        for n, part in enumerate(text.split("\n")):
            if n:
                paragraphs.append([])
            paragraphs[-1].extend((u, font, size) for u in units_of(part))
    out: list[list[Unit]] = []
    for units in paragraphs:
        out.extend(_wrap_one(units, width))
    return out


def _wrap_one(units: list[Unit], width: float) -> list[list[Unit]]:
    lines: list[list[Unit]] = [[]]
    used = 0.0
    for unit in units:
        w = _width(*unit)
        if w > width and len(unit[0]) > 1:  # a Latin run longer than a line: break it by characters
            for ch in unit[0]:
                piece = (ch, unit[1], unit[2])
                cw = _width(*piece)
                if used + cw > width and lines[-1]:
                    lines.append([])
                    used = 0.0
                lines[-1].append(piece)
                used += cw
            continue
        if used + w <= width or not lines[-1]:
            lines[-1].append(unit)
            used += w
            continue
        if unit[0] == " ":  # a space at the break is dropped
            lines.append([])
            used = 0.0
            continue
        line = lines[-1]
        carry = [unit]
        # a new line may not start with closing punctuation: take units down with it
        while carry[0][0] in NO_START and len(line) > 1:
            carry.insert(0, line.pop())
        if carry[0][0] in NO_START:  # nothing left to take down: let the punctuation hang
            line.extend(carry)
            used = _units_width(line)
            continue
        # a line may not end with an opening bracket: move it down too
        while line and line[-1][0] in NO_END:
            carry.insert(0, line.pop())
        while line and line[-1][0] == " ":
            line.pop()
        if line:
            lines.append(carry)
        else:  # the line was only brackets: keep them with the rest, on this line
            lines[-1] = carry
        used = _units_width(carry)
    return [line for line in lines if line] or [[]]
