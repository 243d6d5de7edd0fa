"""Fonts relative to the widget's font, re-applied when zoom changes the application font."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget


class ScaledFonts:
    """Mix into a QWidget; call ``scale(label, factor, bold)`` once; zoom re-applies it."""

    def scale(self: QWidget, widget: QWidget, factor: float, bold: bool = False) -> None:
        if not hasattr(self, "_scaled"):
            self._scaled = []
        self._scaled.append((widget, factor, bold))
        self._apply_scaled()

    def _apply_scaled(self: QWidget) -> None:
        base = QApplication.font()  # zoom scales the application font
        for widget, factor, bold in getattr(self, "_scaled", ()):
            font = QFont(base)
            font.setPointSizeF(base.pointSizeF() * factor)
            font.setBold(bold)
            widget.setFont(font)

    def font_changed(self: QWidget, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._apply_scaled()
            hook = getattr(self, "on_font_change", None)
            if hook:
                hook()
