"""The bundled CJK fonts, registered with ReportLab once per process.

ReportLab's TTFont embeds a subset of the glyphs actually used (a /FontFile2 per
subset). Parsing both 10-15 MB files costs about 0.10 s of CPU (the metrics of
~62,000 glyphs, in Python); the parsed metrics are cached across processes by
panelapp.report.fontcache (loaded in ~0.03 s for both, GC paused).
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

    from panelapp.paths import resource
    from panelapp.report.fontcache import load_ttfont

    for name, filename in _FILES.items():
        pdfmetrics.registerFont(load_ttfont(name, resource("fonts", filename)))
    return BODY, BOLD
