"""Errors the user can act on (shown in Chinese), as opposed to bugs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from panelapp.ui.notify import notifier_of


def user_errors() -> tuple[type[BaseException], ...]:
    from panelapp.core.cyclefile import CycleFileError
    from panelapp.report.errors import ReportError, SigningError
    from panelapp.store import StoreError

    return (CycleFileError, ReportError, SigningError, StoreError, ValueError, OSError)


def message_text(exc: BaseException) -> str:
    text = str(exc) or exc.__class__.__name__
    if isinstance(exc, OSError) and exc.strerror:
        text = QCoreApplication.translate("Errors", "文件操作失败：{file} {reason}").format(file=exc.filename or "", reason=exc.strerror)
    return text


def show_error(parent: QWidget | None, title: str, exc: BaseException | str) -> None:
    """Through the notifier injected into ``parent``'s window (production: ``error_box``)."""
    text = exc if isinstance(exc, str) else message_text(exc)
    notifier_of(parent).error(parent, title, text)


def error_box(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("Errors", "确定"))
    box.exec()
