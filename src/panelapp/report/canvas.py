"""Page furniture drawn on every page: header line, fingerprint footer with QR, 第 X 页 共 Y 页.

The canvas keeps each page's state until the document is complete, then draws
the furniture with the final page count (the usual ReportLab "numbered canvas").
The QR code is drawn once into a PDF form XObject and reused on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

MARGIN_X = 15 * mm
HEADER_Y = 287 * mm  # baseline of the header text (A4 height is 297 mm)
QR_SIZE = 15 * mm


@dataclass(frozen=True)
class PageDecor:
    header_left: str
    header_right: str
    footer_lines: tuple[str, ...]  # small print beside the QR code, e.g. the fingerprint
    qr_payload: str | None
    body_font: str
    bold_font: str
    #: large diagonal text across every page, e.g. 预评 for a provisional assessment
    watermark: str | None = None


def canvas_maker(decor: PageDecor):
    """A ReportLab ``canvasmaker`` drawing ``decor`` on every page."""

    made: dict[str, str] = {}  # outside the per-page state, which save() swaps in and out

    class DecoratedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            if not kwargs.get("initialFontName"):  # no stray, unembedded Helvetica reference
                kwargs["initialFontName"] = decor.body_font
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (ReportLab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _qr(self) -> str | None:
            if decor.qr_payload is None:
                return None
            if "qr" not in made:
                modules = qr_modules(decor.qr_payload)
                n = len(modules)
                made["qr"] = "panelappQR"
                self.beginForm(made["qr"])
                # the dark modules as filled rectangles, one per horizontal run, row 0 at the top
                # (as QrCodeWidget draws them; renderPDF would reference unembedded Helvetica)
                self.scale(QR_SIZE / n, QR_SIZE / n)
                self.setFillColor(colors.black)
                for r, row in enumerate(modules):
                    for c, length in _dark_runs(row):
                        self.rect(c, n - 1 - r, length, 1, stroke=0, fill=1)
                self.endForm()
            return made["qr"]

        def _watermark(self, text: str) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFillColor(colors.Color(0.75, 0.1, 0.1), alpha=0.13)
            self.setFont(decor.bold_font, 150)
            self.translate(width / 2, height / 2)
            self.rotate(40)
            self.drawCentredString(0, -50, text)
            self.restoreState()

        def _decorate(self, number: int, total: int) -> None:
            width, _height = self._pagesize
            if decor.watermark:
                self._watermark(decor.watermark)
            self.saveState()
            self.setFillColor(colors.black)
            self.setFont(decor.body_font, 8)
            self.drawString(MARGIN_X, HEADER_Y, decor.header_left)
            self.drawRightString(width - MARGIN_X, HEADER_Y, decor.header_right)
            self.setLineWidth(0.6)
            self.line(MARGIN_X, HEADER_Y - 2 * mm, width - MARGIN_X, HEADER_Y - 2 * mm)
            # footer
            base = 8 * mm
            self.setLineWidth(0.4)
            self.line(MARGIN_X, base + QR_SIZE + 2 * mm, width - MARGIN_X, base + QR_SIZE + 2 * mm)
            form = self._qr()
            text_x = MARGIN_X
            if form:
                self.saveState()
                self.translate(width - MARGIN_X - QR_SIZE, base)
                self.doForm(form)
                self.restoreState()
            self.setFont(decor.body_font, 6.5)
            y = base + QR_SIZE - 3 * mm
            for line in decor.footer_lines:
                self.drawString(text_x, y, line)
                y -= 3.2 * mm
            self.setFont(decor.bold_font, 9)
            self.drawCentredString(width / 2, base + 1 * mm, f"第 {number} 页 共 {total} 页")
            self.restoreState()

    return DecoratedCanvas


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code of ``payload`` (error correction M, smallest version) as rows of dark flags.

    ReportLab's own encoder, as QrCodeWidget uses it, without building a graphics
    Group of Rect shapes only to read their coordinates back.
    """
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.make()
    return [[bool(m) for m in row] for row in qr.modules]


def _dark_runs(row: list[bool]):
    """(start, length) of each run of dark modules in ``row``."""
    start = None
    for c, dark in enumerate([*row, False]):
        if dark and start is None:
            start = c
        elif not dark and start is not None:
            yield start, c - start
            start = None
