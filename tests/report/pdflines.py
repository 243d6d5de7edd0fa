"""The lines a PDF shows, read back with pypdf: (page, x, y, text) per drawn line.

ReportLab starts every line of a paragraph or table cell with its own text matrix
and switches font subsets inside a line; pypdf reports each show operation with the
matrix of the line it belongs to, so the runs sharing a line start are one line.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

#: Closing punctuation that no line may start with (the rules of report/wrap.py, a test's own copy).
CLOSING = set("，。、；：？！）」』】〉》〕］｝”’％,.;:?!)]}%")
#: Opening brackets and quotes that no line may end with.
OPENING = set("（「『【〈《〔［｛“‘([{")
#: Dates, date-times, times and amounts, which must each stand on one line.
WHOLE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?|\d{1,2}:\d{2}|\d{1,3}(?:,\d{3})+\.\d{2}")


@dataclass(frozen=True)
class Line:
    page: int
    x: float
    y: float
    text: str


def rendered_lines(pdf: bytes) -> list[Line]:
    out: list[Line] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        runs: dict[tuple[float, float], list[str]] = {}

        def visit(text, cm, tm, _font, _size, runs=runs):
            if not text.strip("\n"):
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.setdefault((round(x, 1), round(y, 1)), []).append(text.replace("\n", ""))

        page.extract_text(visitor_text=visit)
        out += [Line(number, x, y, "".join(parts)) for (x, y), parts in runs.items()]
    return sorted(out, key=lambda line: (line.page, line.x, -line.y))


def cells(lines: list[Line], leading: float = 14.0) -> list[list[Line]]:
    """Lines grouped into blocks: same page and left edge, each within ``leading`` below the one before."""
    blocks: list[list[Line]] = []
    for line in lines:
        last = blocks[-1][-1] if blocks else None
        if last and last.page == line.page and last.x == line.x and 0 < last.y - line.y <= leading:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def rule_breaks(lines: list[Line]) -> list[str]:
    """Every place where the rendered lines break the line-breaking rules, described."""
    problems = []
    for block in cells(lines):
        for n, line in enumerate(block):
            text = line.text.strip()
            if not text:
                continue
            if n and text[0] in CLOSING:
                problems.append(f"p{line.page} starts with {text[0]!r}: {block[n - 1].text!r} / {text!r}")
            if n < len(block) - 1 and text[-1] in OPENING:
                problems.append(f"p{line.page} ends with {text[-1]!r}: {text!r} / {block[n + 1].text!r}")
            if n < len(block) - 1:
                after = block[n + 1].text.strip()
                if after and text[-1].isascii() and text[-1].isalnum() and after[0].isascii() and after[0].isalnum():
                    problems.append(f"p{line.page} word broken: {text!r} / {after!r}")
        joined = "".join(line.text.strip() for line in block)
        for match in WHOLE.finditer(joined):
            if not any(match.group() in line.text for line in block):
                problems.append(f"p{block[0].page} {match.group()!r} split over lines")
    return problems
