"""Typing into the real forms."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from panelapp.ui.selftest import set_fault_fields  # noqa: F401 - re-exported for tests


def save(dlg) -> None:
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def table_of(window, item_id: str, kind: str | None = None):
    window.show_item(item_id)
    for tab in window.section_tabs:
        if tab.owns(item_id):
            tables = tab.panel(item_id).tables
            return next(t for t in tables if kind is None or t.kind == kind)
    raise KeyError(item_id)


def total(window) -> int:
    return window.score_bar.result.total


def engine_total(window) -> int:
    """What the engine says on what the store holds now (not the window's copy)."""
    from panelapp.core.engine import score_cycle

    return score_cycle(window.db.cycles.data(window.session.cycle_id)[0]).total


def answer_next_box(button_text: str) -> list[str]:
    """Click ``button_text`` (with the mouse) on the next modal message box; returns [its text] once shown."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)
    return seen


def discard(dlg) -> None:
    """Close a form, answering 放弃 if it asks about unsaved input."""
    if getattr(dlg, "is_dirty", lambda: False)():
        answer_next_box("放弃")
    dlg.reject()


def settle(window) -> None:
    """Wait, processing events, until the window's task (export, import, attach…) is done."""
    assert window.runner.settle(), "the window's task did not finish"


def export_sheet(window, path):
    """The score sheet exported from the window (on its worker); the written path."""
    written = []
    assert window.sheets.export(path, done=written.append)
    settle(window)
    assert written, window.notifier.last_error
    return written[0]


def verify_in_window(window, path):
    """核验 PDF from the window: the result dialog it opens."""
    shown = len(window.notifier.dialogs)
    assert window.sheets.verify(path)
    settle(window)
    assert len(window.notifier.dialogs) == shown + 1, window.notifier.last_error
    return window.notifier.last_dialog
