"""``panelapp`` with no sub-command: the window (and ``--self-test``)."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from panelapp.ui.bootstrap import make_application


def open_db(path: str | None, parent=None):
    """open_database, offering the newest good backup when the file is damaged."""
    from panelapp.store import StoreError, open_database, restore

    try:
        return open_database(Path(path) if path else None)
    except StoreError as exc:
        if not exc.backup:
            QMessageBox.critical(parent, QCoreApplication.translate("App", "无法打开数据库"), str(exc))
            return None
        from panelapp.store.restore_check import check_backup

        target = Path(exc.path) if exc.path else Path(path)
        checked = check_backup(Path(exc.backup), target)
        if not checked.ok:
            QMessageBox.critical(parent, QCoreApplication.translate("App", "无法恢复"),
                                 QCoreApplication.translate("App", "{error}\n\n{summary}").format(
                                     error=exc, summary=checked.summary()))
            return None
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("App", "数据库已损坏"),
            QCoreApplication.translate("App", "{error}\n\n是否用最近的完好备份恢复？\n{backup}\n\n{summary}\n（损坏的文件会先另存一份，不会删除。）").format(
                error=exc, backup=exc.backup, summary=checked.summary()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            restore(Path(exc.backup), target, force=True, checked=checked)  # confirmed with the summary above
            return open_database(target)
        except StoreError as again:
            QMessageBox.critical(parent, QCoreApplication.translate("App", "恢复失败"), str(again))
            return None


def freeze_startup_heap() -> None:
    """Leave what start-up built (modules, Qt wrappers, the open cycle: ≈110,000 objects) out of
    the cyclic garbage collector's full passes. A full pass over them held the GIL, and so froze
    the window, for 0.15–0.35 s whenever one ran (e.g. during an export); afterwards it is ≈0.05 s.
    No collection first: a collection would itself freeze the window, and what garbage exists
    this early is small."""
    gc.freeze()


def pick_operator(window) -> None:
    window.people.choose_operator(window.settings)


def display_problem() -> str | None:
    """Why no window can be shown here (Linux without a display), or None.

    An explicit ``QT_QPA_PLATFORM`` (offscreen, vnc, eglfs…) is the user's choice and is honoured.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return QCoreApplication.translate(
        "App", "panelapp：没有可用的图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。\n"
               "请在桌面会话中启动；无界面时可用子命令（panelapp score / export-pdf / verify-db …，见 panelapp --help），"
               "或用 panelapp --self-test 在后台自检。")


def run(args) -> int:
    if getattr(args, "self_test", False):
        from panelapp.ui.selftest import self_test

        return self_test(getattr(args, "screenshot", None))
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    from panelapp.logsetup import record, setup_logging
    from panelapp.ui import crash

    try:
        setup_logging()
    except OSError as exc:  # a read-only profile still gets the window, without a log file
        print(QCoreApplication.translate("App", "panelapp：无法写日志：{error}").format(error=exc), file=sys.stderr)
    crash.install()
    app = make_application()
    db = open_db(getattr(args, "db", None))
    if db is None:
        return 2
    record("open", db=db.path if hasattr(db, "path") else getattr(args, "db", None))
    from panelapp.ui.main_window import MainWindow

    window = MainWindow(db)
    window.start()
    window.show()
    freeze_startup_heap()
    pick_operator(window)
    try:
        return app.exec()
    finally:
        window.db.close()  # the window may have switched to another database


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(type("A", (), {"db": None, "self_test": False, "screenshot": None})()))
