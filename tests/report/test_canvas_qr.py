"""The footer QR code: the same modules ReportLab's QrCodeWidget draws, as horizontal runs."""

import pytest
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Group, Rect

from panelapp.report.canvas import _dark_runs, qr_modules


def widget_cells(payload: str) -> tuple[int, set[tuple[int, int]]]:
    """(module count, dark (column, row) cells, row 0 at the top) as QrCodeWidget draws them."""
    widget = QrCodeWidget(payload, barLevel="M", barBorder=0, barWidth=100, barHeight=100)
    group = widget.draw()
    n = widget.qr.getModuleCount()
    box = 100 / n
    cells = set()
    stack = [group]
    while stack:
        node = stack.pop()
        if isinstance(node, Group):
            stack.extend(node.contents)
        elif isinstance(node, Rect) and node.fillColor is not None:
            row = n - 1 - round(node.y / box)
            for c in range(round(node.x / box), round((node.x + node.width) / box)):
                cells.add((c, row))
    return n, cells


@pytest.mark.parametrize("payload", [
    "panelapp:HAJCR240125EGN00:c2:v1:" + "0123456789abcdef" * 4,
    "panelapp:合同-2024:c4:v12:" + "f" * 64,
    "x",
])
def test_modules_are_the_widgets(payload):
    n, cells = widget_cells(payload)
    modules = qr_modules(payload)
    assert len(modules) == n and all(len(row) == n for row in modules)
    ours = {(c, r) for r, row in enumerate(modules) for c, dark in enumerate(row) if dark}
    assert ours == cells


def test_dark_runs():
    assert list(_dark_runs([True, True, False, True, False, False, True])) == [(0, 2), (3, 1), (6, 1)]
    assert list(_dark_runs([False, False])) == []
    assert list(_dark_runs([True] * 5)) == [(0, 5)]
