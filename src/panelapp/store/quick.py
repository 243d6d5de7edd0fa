"""A current database opened with plain sqlite3, for one headless command (no SQLAlchemy).

``panelapp export-pdf`` reads one cycle and records the export it wrote; importing SQLAlchemy
and mapping the ORM classes would be ≈0.3 s of its ≈0.7 s. ``open_quick`` takes the same lock
and runs the same checks as ``open_database`` (store.opening), and reads and records through
the same ``Reader`` code. Anything else the file needs (creating and seeding a new file,
migrating an older one) is ``open_database``'s job: ``open_quick`` then returns None.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from panelapp.store import revisions
from panelapp.store.errors import StoreError, sqlite_message
from panelapp.store.fileinfo import default_db_path
from panelapp.store.lock import FileLock
from panelapp.store.opening import broken, configure, prepare
from panelapp.store.reader import Reader


class QuickStore(Reader):
    def __init__(self, path: Path, conn: sqlite3.Connection, lock: FileLock, operator: str = "系统"):
        self.path = path
        self._conn: sqlite3.Connection | None = conn
        self._lock = lock
        self.operator = (operator or "").strip() or "系统"
        self.closed = False
        self._wrote = False

    @contextmanager
    def _sql(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        conn = self._conn
        if self.closed or conn is None:
            raise StoreError("数据库已关闭。")
        try:
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(sqlite_message(exc), path=str(self.path)) from exc
            raise

    def _written(self) -> bool:
        return self._wrote

    def _mark_written(self) -> None:
        self._wrote = True

    def _disconnect(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def __enter__(self) -> QuickStore:
        return self


def open_quick(path: Path | str | None = None, operator: str = "系统") -> QuickStore | None:
    """The file at ``path`` (default: the user's database) opened without SQLAlchemy, or None
    when it needs ``open_database`` (it does not exist yet, is empty, has no contract yet, or
    is of an older schema revision). A file that cannot be opened at all raises StoreError
    with the same message ``open_database`` gives."""
    path = Path(path).expanduser().absolute() if path is not None else default_db_path()
    if not path.is_file():
        return None
    lock, size, revision = prepare(path)
    conn = None
    try:
        if not size or revision != revisions.head_revision():
            lock.release()
            return None
        try:
            conn = sqlite3.connect(str(path), timeout=10)
            configure(conn)
        except sqlite3.DatabaseError as exc:
            raise broken(path, f"SQLite 报告文件已损坏或不是数据库（{exc}）") from exc
        store = QuickStore(path, conn, lock, operator)
        if not store.contracts():
            store.close(backup_on_close=False)
            return None
        return store
    except BaseException:
        if conn is not None:
            conn.close()
        lock.release()
        raise
