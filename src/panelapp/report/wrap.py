"""Fast line wrapping of Chinese text for plain table cells.

ReportLab's CJK Paragraph measures every character through several layers on every
wrap; a 300-row evidence list spends most of its layout time there. Plain string
cells are drawn line by line and cost nothing to measure, so short cells are wrapped
here once, with cached character widths and the usual line-breaking rules:
no line starts with closing punctuation, no line ends with an opening bracket,
and runs of Latin letters and digits (dates, ids, hashes) are not broken unless
they are longer than a line.
"""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth

NO_START = set("，。、；：？！）」』】〉》”’%·…—～,.;:?!)]}")
NO_END = set("（「『【〈《“‘([{")
_UNITS = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-_/:+#]*|.", re.S)
_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def _width(text: str, font: str, size: float) -> float:
    cache = _WIDTHS.setdefault((font, size), {})
    total = 0.0
    for ch in text:
        w = cache.get(ch)
        if w is None:
            w = cache[ch] = stringWidth(ch, font, size)
        total += w
    return total


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points (explicit newlines kept)."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        out.extend(_wrap_one(paragraph, font, size, width))
    return out


def _wrap_one(text: str, font: str, size: float, width: float) -> list[str]:
    units = _UNITS.findall(text)
    lines: list[list[str]] = [[]]
    used = 0.0
    for unit in units:
        w = _width(unit, font, size)
        if w > width and len(unit) > 1:  # a Latin run longer than a line: break it by characters
            for ch in unit:
                cw = _width(ch, font, size)
                if used + cw > width and lines[-1]:
                    lines.append([])
                    used = 0.0
                lines[-1].append(ch)
                used += cw
            continue
        if used + w <= width or not lines[-1]:
            lines[-1].append(unit)
            used += w
            continue
        line = lines[-1]
        carry = [unit]
        # a new line may not start with closing punctuation: take units down with it
        while carry[0] in NO_START and len(line) > 1:
            carry.insert(0, line.pop())
        if carry[0] in NO_START:  # nothing left to take down: let the punctuation hang
            line.extend(carry)
            used = _width("".join(line), font, size)
            continue
        # a line may not end with an opening bracket: move it down too (unless it would not fit there)
        moved = 0
        while len(line) > 1 and line[-1] in NO_END:
            carry.insert(0, line.pop())
            moved += 1
        while moved and _width("".join(carry), font, size) > width:
            line.append(carry.pop(0))
            moved -= 1
        lines.append(carry)
        used = _width("".join(carry), font, size)
    return ["".join(line) for line in lines if line] or [""]
