"""The look: Fusion with a calm light palette, one accent, tier colours."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

ACCENT = "#1f4e79"
TEXT = "#1d2430"
MUTED = "#5b6574"
WINDOW = "#f4f5f7"
BASE = "#ffffff"
BORDER = "#d5d9e0"
DISABLED_TEXT = "#9aa1ab"
DEDUCT_BG = "#fdecea"
NOTE_BG = "#eef3f9"
OK = "#2e7d32"

#: (min total, background, foreground) from the best tier down.
TIER_COLOURS = (
    (95, "#2e7d32", "#ffffff"),
    (85, "#f2b01e", "#1d2430"),
    (80, "#e36c0a", "#ffffff"),
    (None, "#c62828", "#ffffff"),
)


def tier_colours(total: int) -> tuple[str, str]:
    for minimum, bg, fg in TIER_COLOURS:
        if minimum is None or total >= minimum:
            return bg, fg
    return TIER_COLOURS[-1][1:]


STYLESHEET = f"""
QMainWindow, QDialog {{ background: {WINDOW}; }}
QTabWidget::pane {{ border: 1px solid {BORDER}; background: {BASE}; top: -1px; }}
QTabBar::tab {{ padding: 0.45em 1.2em; border: 1px solid {BORDER}; border-bottom: none;
  background: #e9ecf1; color: {MUTED}; margin-right: 2px; }}
QTabBar::tab:selected {{ background: {BASE}; color: {ACCENT}; font-weight: bold; }}
QTableView {{ gridline-color: #e6e9ee; selection-background-color: #cfe0f3;
  selection-color: {TEXT}; alternate-background-color: #f8f9fb; }}
QHeaderView::section {{ background: #eef0f4; color: {MUTED}; padding: 4px 6px;
  border: none; border-right: 1px solid {BORDER}; border-bottom: 1px solid {BORDER}; }}
QLabel#itemTitle {{ color: {ACCENT}; }}
QLabel#muted {{ color: {MUTED}; }}
QLabel#fieldError {{ color: #b3261e; }}
QLabel#explanation {{ background: {NOTE_BG}; border-left: 4px solid {ACCENT};
  padding: 6px 10px; color: {TEXT}; }}
QLabel#explanationDeduct {{ background: {DEDUCT_BG}; border-left: 4px solid #c62828;
  padding: 6px 10px; color: {TEXT}; }}
QLabel#liveLevel {{ background: {NOTE_BG}; padding: 6px 10px; border-radius: 3px; }}
QFrame#card {{ background: {BASE}; border: 1px solid {BORDER}; border-radius: 4px; }}
QListWidget#itemList {{ background: {BASE}; border: 1px solid {BORDER}; outline: none; }}
QListWidget#itemList::item {{ padding: 8px 8px; border-bottom: 1px solid #edf0f3; }}
QListWidget#itemList::item:selected {{ background: #dce8f5; color: {TEXT}; }}
QTreeWidget#navigator {{ background: {BASE}; border: 1px solid {BORDER}; }}
QToolButton, QPushButton {{ padding: 4px 10px; }}
"""


def apply_style(app: QApplication) -> None:
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor(WINDOW))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.Base, QColor(BASE))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#f8f9fb"))
    pal.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.Button, QColor("#eceff3"))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffbe6"))
    pal.setColor(QPalette.ColorRole.ToolTipText, QColor(TEXT))
    # setColor(role, c) sets every group: give disabled widgets their grey back, or they look enabled
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(disabled, role, QColor(DISABLED_TEXT))
    pal.setColor(disabled, QPalette.ColorRole.Base, QColor(WINDOW))
    app.setPalette(pal)
    app.setStyleSheet(STYLESHEET)
