"""The bundled CJK fonts, registered with ReportLab once per process.

ReportLab's TTFont embeds a subset of the glyphs actually used (a /FontFile2 per
subset). Registering both 10-15 MB files costs about 0.10 s of CPU (parsing the
metrics of ~65,000 glyphs in Python). A pickled metrics cache was tried: 0.06 s,
so it saves 0.04 s of a ~0.9 s export and was not kept (a monkeypatch of
ReportLab internals and a pickle in a user-writable folder are not worth it).
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
