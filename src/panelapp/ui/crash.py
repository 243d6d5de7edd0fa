"""Unexpected errors: written to the log and shown in a Chinese dialog, never lost on stderr.

The windowed Windows build has no console, so an exception that escapes a slot
would otherwise vanish. :func:`install` routes ``sys.excepthook`` (which PySide6
calls for exceptions raised in slots) and ``threading.excepthook`` here.
"""

from __future__ import annotations

import sys
import threading
import traceback

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from panelapp import __version__
from panelapp.logsetup import log_path, record_error

translate = QCoreApplication.translate  # lupdate extracts translate("Crash", "…")


def details_text(exc: BaseException) -> str:
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return f"panelapp {__version__} · Python {sys.version.split()[0]} · {sys.platform}\n\n{tb}"


class CrashDialog(QDialog):
    """What happened, that saved data is safe, where the log is; copy the details."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("程序出错"))
        self.details = details_text(exc)
        log = log_path()
        layout = QVBoxLayout(self)
        what = QLabel(self.tr("<b>刚才的操作没有完成：程序内部出错（{kind}）。</b>").format(kind=type(exc).__name__), self)
        safe = QLabel(self.tr("已保存的数据不受影响：每一次修改在完成时就已写入数据库，"
                              "这次出错的操作如未完成则没有写入。可以继续使用，或关闭后重新打开。"), self)
        where = QLabel(self.tr("详细信息已写入日志文件：\n{path}\n请把日志或下面的详细信息发给维护人员。").format(
            path=log if log is not None else self.tr("（未启用日志）")), self)
        for label in (what, safe, where):
            label.setWordWrap(True)
            layout.addWidget(label)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(self.details, self)
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(160)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("复制详细信息"), self)
        self.folder_button = QPushButton(self.tr("打开日志文件夹"), self)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button.setEnabled(log is not None)
        self.copy_button.clicked.connect(self.copy)
        self.folder_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log.parent))))
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(620, 420)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("已复制"))


_showing = False


def report(exc: BaseException, logged: bool = False) -> None:
    """Log ``exc`` and show the dialog (one at a time; a failure while showing falls back to stderr)."""
    global _showing
    if not logged:
        record_error("unexpected error", exc)
    if _showing or QApplication.instance() is None:
        print(details_text(exc), file=sys.stderr)
        return
    _showing = True
    try:
        parent = QApplication.activeWindow()
        CrashDialog(exc, parent).exec()
    except Exception:  # noqa: BLE001 - the error dialog itself must never raise
        traceback.print_exc()
    finally:
        _showing = False


def _hook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    report(exc)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    exc = args.exc_value or args.exc_type()
    if threading.current_thread() is threading.main_thread():
        report(exc)
    else:  # Qt widgets live on the GUI thread: log now, show from the event loop
        record_error("unexpected error in a worker thread", exc)
        app = QApplication.instance()
        if app is not None:
            QTimer.singleShot(0, app, lambda: report(exc, logged=True))


def install() -> None:
    sys.excepthook = _hook
    threading.excepthook = _thread_hook


def uninstall() -> None:
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
