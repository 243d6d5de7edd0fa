"""Zoom (the application font) and the window's remembered state (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QWidget

from panelapp.ui.bootstrap import app_font
from panelapp.ui.widgets.scaled import ScaledFonts

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
NORMAL = 2


def default_zoom() -> int:
    """First start on a full-HD (or larger) screen, e.g. a projector: 115 % so text reads across a room."""
    screen = QApplication.primaryScreen()
    wide = screen is not None and screen.availableGeometry().width() >= 1800
    return NORMAL + 1 if wide else NORMAL


class WindowState:
    def __init__(self, window: QMainWindow, splitter: QSplitter, settings: QSettings):
        self.window, self.splitter, self.settings = window, splitter, settings
        self.step = NORMAL

    @property
    def factor(self) -> float:
        return ZOOM_STEPS[self.step]

    def zoom(self, delta: int) -> float:
        """+1 / -1 a step, 0 back to normal; returns the new factor (remembered)."""
        self.step = NORMAL if delta == 0 else max(0, min(len(ZOOM_STEPS) - 1, self.step + delta))
        self.apply_zoom()
        self.settings.setValue("zoom", self.step)
        return self.factor

    def apply_zoom(self) -> None:
        """Scale the application font; with a style sheet set, Qt needs it pushed to each window."""
        app = QApplication.instance()
        font = app_font(app.property("panelapp_family") or "Noto Sans SC", self.factor)
        app.setFont(font)
        for widget in app.topLevelWidgets():
            widget.setFont(font)
        app.setStyleSheet(app.styleSheet())  # re-polish: style-sheeted widgets keep their old font otherwise
        for widget in self.window.findChildren(QWidget):
            if isinstance(widget, ScaledFonts):
                widget._apply_scaled()
            refit = getattr(widget, "refit_fonts", None)
            if callable(refit):
                refit()

    def restore(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.window.restoreGeometry(geometry)
        else:
            self.window.resize(1366, 768)
        state = self.settings.value("window_state")
        if isinstance(state, QByteArray):
            self.window.restoreState(state)
        split = self.settings.value("splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)
        saved = self.settings.value("zoom")
        step = int(saved) if saved is not None else default_zoom()
        if step != NORMAL and 0 <= step < len(ZOOM_STEPS):
            self.step = step
            self.apply_zoom()

    def save(self, tab_index: int) -> None:
        self.settings.setValue("geometry", self.window.saveGeometry())
        self.settings.setValue("window_state", self.window.saveState())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.setValue("tab", tab_index)
        self.settings.sync()
