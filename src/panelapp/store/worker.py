"""A second handle on an open database, for one worker thread of the window.

A SQLAlchemy Session (and the sqlite3 connection under it) must not be used by two
threads at once. The window's slow work (export, verify, import, attaching files)
runs in a worker thread, so the worker gets its own Session, and with it its own
connection from the engine's pool, on the same file, under the same lock and
operator. SQLite in WAL mode lets the window read while the worker writes.
"""

from __future__ import annotations

from panelapp.store.database import Database


class WorkerHandle(Database):
    """Every public method of ``Database``; ``close()`` ends only this handle's session."""

    def __init__(self, db: Database):
        super().__init__(db.path, db._engine, db._lock, db.operator)
        self._owner = db

    def close(self, backup_on_close: bool = False) -> None:  # type: ignore[override]
        """End this handle's session; the owner keeps the file (and makes the backup when it closes)."""
        if self.closed:
            return
        if self._written():
            self._owner._mark_written()
        self._session.close()
        self.closed = True


def worker_handle(db: Database) -> WorkerHandle:
    """A handle for one worker thread; create it in that thread and close it there."""
    if db.closed:
        from panelapp.store.errors import StoreError

        raise StoreError("数据库已关闭。")
    return WorkerHandle(db)
