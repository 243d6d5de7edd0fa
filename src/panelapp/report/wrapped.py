"""``Wrapped``: a paragraph whose lines are broken by report/wrap.py, for every cell of every PDF.

ReportLab lays it out as a pre-broken paragraph (``XPreformatted`` never wraps on
its own), so alignment, splitting across pages and table cells work as with a
Paragraph. The lines are made when ReportLab first asks for the paragraph's size
at a width (the column's inner width, the frame's width) and remade only if that
width changes. The text is plain text, never markup: ``Bold("87")`` marks a run in
the bold font, ``Small("（25分）", 7.5)`` a run in a smaller size.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.xpreformatted import XPreformatted

from panelapp.report.fonts import register_fonts
from panelapp.report.wrap import wrap_runs


@dataclass(frozen=True)
class Bold:
    text: str


@dataclass(frozen=True)
class Small:
    text: str
    size: float


Part = str | Bold | Small


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _runs(parts: Part | list[Part], style: ParagraphStyle) -> list[tuple[str, str, float]]:
    _body, bold = register_fonts()
    out = []
    for part in parts if isinstance(parts, list) else [parts]:
        if isinstance(part, Bold):
            out.append((part.text, bold, style.fontSize))
        elif isinstance(part, Small):
            out.append((part.text, style.fontName, part.size))
        else:
            out.append((part, style.fontName, style.fontSize))
    return out


def _markup(lines: list[list[tuple[str, str, float]]], style: ParagraphStyle) -> str:
    out = []
    for line in lines:
        pieces = []
        for text, font, size in line:
            if font == style.fontName and size == style.fontSize:
                pieces.append(_esc(text))
            else:
                pieces.append(f'<font name="{font}" size="{size}">{_esc(text)}</font>')
        out.append("".join(pieces))
    return "\n".join(out)


class Wrapped(XPreformatted):
    """A paragraph of ``parts`` in ``style``, broken into lines by report/wrap.py."""

    def __init__(self, parts, style, bulletText=None, frags=None, **kw):  # noqa: N803 (ReportLab API)
        if frags is not None:  # a piece made by Paragraph.split(): its lines are already made
            self._runs = None
            super().__init__(None, style, bulletText, frags=frags, **kw)
            return
        self._runs = _runs(parts, style)
        self._laid_for: float | None = None
        super().__init__(_markup(wrap_runs(self._runs, 1e9), style), style)

    def plain_text(self) -> str:
        return "".join(r[0] for r in self._runs or ())

    def wrap(self, availWidth, availHeight):  # noqa: N803 (ReportLab API)
        if self._runs is not None:
            width = availWidth - self.style.leftIndent - self.style.rightIndent
            if width != self._laid_for:
                lines = wrap_runs(self._runs, width)
                self._setup(_markup(lines, self.style), self.style, None, None, lambda text: text)
                self._laid_for = width
        return super().wrap(availWidth, availHeight)
