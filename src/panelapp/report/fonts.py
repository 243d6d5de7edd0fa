"""The bundled CJK fonts, registered with ReportLab once per process.

ReportLab's TTFont embeds a subset of the glyphs actually used (a /FontFile2 per
subset). Parsing both 10-15 MB files costs about 0.10 s of CPU per process (the
metrics of ~62,000 glyphs, in Python); no cache is kept across processes.
"""

from __future__ import annotations

from functools import cache

BODY = "PanelSerif"
BOLD = "PanelSansBold"

_FILES = {BODY: "NotoSerifSC_400Regular.ttf", BOLD: "NotoSansSC_700Bold.ttf"}


@cache
def register_fonts() -> tuple[str, str]:
    """Register the body (serif) and heading (bold sans) fonts; returns their names."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from panelapp.paths import resource

    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    return BODY, BOLD
