"""How the window tells and asks the user: one small object, injected into the window.

``Notifier`` is what users get: Qt's message boxes, input dialogs, and dialogs run
modally. The self-test and the tests pass their own (``selftest.RecordingNotifier``)
that records what would have been said and opens dialogs without blocking, so that
code paths are the same in production and under test.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget


class Notifier:
    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        from panelapp.ui.errors import error_box

        error_box(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def ask(self, parent: QWidget | None, title: str, text: str) -> bool:
        """A yes/no question; True for 是."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.button(QMessageBox.StandardButton.Yes).setText(QCoreApplication.translate("Notifier", "是"))
        box.button(QMessageBox.StandardButton.No).setText(QCoreApplication.translate("Notifier", "否"))
        return box.exec() == QMessageBox.StandardButton.Yes

    def text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """One line of text, None when cancelled."""
        value, ok = QInputDialog.getText(parent, title, label)
        return value if ok else None

    def run(self, dialog: QDialog) -> QDialog:
        """Show a dialog and wait for the user (the dialog does its work when accepted)."""
        dialog.exec()
        return dialog


def notifier_of(widget: QWidget | None) -> Notifier:
    """The notifier injected into the window that ``widget`` belongs to (Qt's dialogs when none)."""
    while widget is not None:
        found = getattr(widget, "notifier", None)
        if isinstance(found, Notifier):
            return found
        widget = widget.parentWidget()
    return _DEFAULT


_DEFAULT = Notifier()
