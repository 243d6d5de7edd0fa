"""Errors the user can act on (shown in Chinese), as opposed to bugs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def user_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [ValueError, OSError]
    try:
        from panelapp.store import StoreError

        errors.insert(0, StoreError)
    except ImportError:  # pragma: no cover - store branch not merged yet
        pass
    from panelapp.report.errors import ReportError, SigningError

    errors[0:0] = [ReportError, SigningError]
    try:
        from panelapp.core.cyclefile import CycleFileError

        errors.insert(0, CycleFileError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


def message_text(exc: BaseException) -> str:
    text = str(exc) or exc.__class__.__name__
    if isinstance(exc, OSError) and exc.strerror:
        text = QCoreApplication.translate("Errors", "文件操作失败：{file} {reason}").format(file=exc.filename or "", reason=exc.strerror)
    return text


def show_error(parent: QWidget | None, title: str, exc: BaseException | str) -> None:
    text = exc if isinstance(exc, str) else message_text(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("Errors", "确定"))
    if parent is not None and getattr(parent.window(), "quiet_errors", False):
        parent.window().last_error = text  # self-test / tests: no modal loop
        return
    box.exec()
