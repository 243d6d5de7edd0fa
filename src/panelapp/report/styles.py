"""Paragraph styles of the sheet; the lines are broken by report/wrap.py (through report/wrapped.Wrapped)."""

from __future__ import annotations

from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from panelapp.report.fonts import register_fonts


@cache
def styles() -> dict[str, ParagraphStyle]:
    body, bold = register_fonts()
    base = ParagraphStyle("body", fontName=body, fontSize=9, leading=12.5, wordWrap="CJK", alignment=TA_LEFT)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.8, leading=10.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "head": ParagraphStyle("head", parent=base, fontName=bold, fontSize=9, alignment=TA_CENTER),
        "section": ParagraphStyle("section", parent=base, fontName=bold, fontSize=9, alignment=TA_CENTER),
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=15, leading=21,
                                alignment=TA_CENTER),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10.5, leading=15, alignment=TA_CENTER),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=11, leading=16, spaceBefore=6,
                             spaceAfter=3),
        "result": ParagraphStyle("result", parent=base, fontSize=10, leading=15),
    }


def esc(text: str) -> str:
    """Escape text for a ReportLab Paragraph."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def table_style(commands: list) -> TableStyle:
    """A TableStyle whose plain-string cells use the embedded body font (never unembedded Helvetica)."""
    body, _bold = register_fonts()
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), body), *commands])
