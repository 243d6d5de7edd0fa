"""文件 → 备份…, 从备份恢复…, 检查数据库, 打开其他数据库… (recent files); 帮助 → 打开数据文件夹.

The work is done by small functions (``make_backup``, ``check_database``,
``restore_backup``) that take plain arguments, so a background runner can wrap
them; :class:`Housekeeping` only asks for files, confirms and shows results.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from panelapp.logsetup import record

translate = QCoreApplication.translate  # lupdate extracts translate("Housekeeping", "…")
RECENT_KEY = "recent_databases"
RECENT_MAX = 6


# -- the work (no dialogs) --------------------------------------------------------------------
def make_backup(db, dest: Path | None = None) -> Path:
    """A consistent copy of the open database (default: its backups folder, ``-manual-`` + time)."""
    from panelapp.store.backup import manual_backup_path

    path = Path(db.path)
    out = Path(dest) if dest is not None else manual_backup_path(path)
    made = db.backup(out)
    record("backup", db=path, to=made)
    return Path(made)


def check_database(db) -> tuple[bool, str]:
    """What ``panelapp verify-db`` says, for the open database (the witness log included)."""
    report = db.audit.verify()
    problems = [p.message for p in report.problems] + db.audit.witness_problems()
    if not problems:
        return True, translate("Housekeeping", "数据库完好：{path}\nSQLite 完整性检查通过；审计记录 {entries} 条，哈希链完整；"
                                               "{rows} 条记录与审计记录一致。").format(
            path=db.path, entries=report.entries, rows=report.rows)
    lines = [translate("Housekeeping", "数据库检查发现 {n} 个问题：{path}").format(n=len(problems), path=db.path)]
    lines += [f"  - {message}" for message in problems[:30]]
    return False, "\n".join(lines)


def restore_backup(backup: Path, db_path: Path) -> Path:
    """Replace the (closed) database with ``backup``; returns the safety copy of the file replaced."""
    from panelapp.store.restore_check import restore

    safety = restore(Path(backup), Path(db_path))
    record("restore", db=db_path, backup=backup, safety_copy=safety)
    return Path(safety)


def remember(settings: QSettings, path: Path) -> list[str]:
    """Put ``path`` first in the recent-databases list (at most RECENT_MAX, existing files)."""
    recent = [str(Path(path).resolve())] + [p for p in recent_databases(settings) if p != str(Path(path).resolve())]
    recent = recent[:RECENT_MAX]
    settings.setValue(RECENT_KEY, recent)
    return recent


def recent_databases(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY) or []
    if isinstance(value, str):
        value = [value]
    return [p for p in value if Path(p).is_file()]


# -- the window's side ------------------------------------------------------------------------
class Housekeeping:
    """Menu handlers for the window (``switch`` puts another database in it)."""

    def __init__(self, window: QWidget):
        self.window = window

    @property
    def db(self):
        return self.window.db

    def tell(self, title: str, text: str, warning: bool = False) -> None:
        from panelapp.ui.notify import notifier_of

        notifier = notifier_of(self.window)
        (notifier.error if warning else notifier.info)(self.window, title, text)

    def backup(self, dest: str | None = None) -> Path | None:
        from panelapp.ui.errors import show_error, user_errors

        try:
            made = make_backup(self.db, Path(dest) if dest else None)
        except user_errors() as exc:
            show_error(self.window, translate("Housekeeping", "备份失败"), exc)
            return None
        self.window.statusBar().showMessage(translate("Housekeeping", "已备份到 {path}").format(path=made), 8000)
        self.tell(translate("Housekeeping", "备份完成"), translate("Housekeeping", "已备份到：\n{path}").format(path=made))
        return made

    def check(self) -> bool:
        ok, text = check_database(self.db)
        self.tell(translate("Housekeeping", "检查数据库"), text, warning=not ok)
        return ok

    def restore(self, backup: str | None = None) -> bool:
        from panelapp.store.backup import backup_dir
        from panelapp.ui.errors import show_error, user_errors

        db_path = Path(self.db.path)
        if backup is None:
            backup, _ = QFileDialog.getOpenFileName(
                self.window, translate("Housekeeping", "从备份恢复"), str(backup_dir(db_path)),
                translate("Housekeeping", "数据库备份 (*.db *.sqlite *.sqlite3);;所有文件 (*)"))
            if not backup:
                return False
        from panelapp.ui.notify import notifier_of

        if not notifier_of(self.window).ask(self.window, translate("Housekeeping", "从备份恢复"), translate(
                "Housekeeping", "用备份\n{backup}\n替换当前数据库\n{db}？\n\n当前文件会先另存一份（不会删除）。").format(
                backup=backup, db=db_path)):
            return False
        release(self.window)
        try:
            safety = restore_backup(Path(backup), db_path)
        except user_errors() as exc:
            reopen(self.window, db_path)
            show_error(self.window, translate("Housekeeping", "恢复失败"), exc)
            return False
        if not reopen(self.window, db_path):
            return False
        self.tell(translate("Housekeeping", "恢复完成"), translate("Housekeeping", "已从备份恢复：\n{backup}\n恢复前的文件另存为：\n{safety}").format(
            backup=backup, safety=safety))
        return True

    def open_other(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window, translate("Housekeeping", "打开其他数据库"), str(Path(self.db.path).parent),
                translate("Housekeeping", "panelapp 数据库 (*.db *.sqlite *.sqlite3);;所有文件 (*)"))
            if not path:
                return False
        if Path(path).resolve() == Path(self.db.path).resolve():
            return True
        from panelapp.ui.app import open_db

        new = open_db(path, self.window)
        if new is None:
            return False
        switch(self.window, new)
        return True

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        current = str(Path(self.db.path).resolve())
        paths = [p for p in recent_databases(self.window.settings) if p != current]
        if not paths:
            menu.addAction(translate("Housekeeping", "（无）")).setEnabled(False)
        for p in paths:
            menu.addAction(p).triggered.connect(lambda _=False, p=p: self.open_other(p))

    def open_data_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.db.path).resolve().parent)))


def release(window) -> None:
    """Close the window's database (before a restore replaces the file)."""
    window.editor.stack.clear()
    window.db.close(backup_on_close=False)


def reopen(window, path: Path) -> bool:
    from panelapp.ui.app import open_db

    db = open_db(str(path), window)
    if db is None:
        return False
    switch(window, db, close_old=False)
    return True


def switch(window, db, close_old: bool = True) -> None:
    """Put ``db`` in the window: the navigator, the first screen and the path shown are its own."""
    old = window.db
    window.editor.stack.clear()
    if close_old and old is not db:
        old.close()
    db.operator = old.operator
    window.db = window.session.db = window.runner.db = db
    window.session.cycle_id = None
    window.load_navigator()
    window.start()
    window.show_database_path()
    remember(window.settings, Path(db.path))
    record("open", db=db.path)
