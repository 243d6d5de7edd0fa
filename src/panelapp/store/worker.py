"""A second handle on an open database, for one worker thread of the window.

A SQLAlchemy Session (and the sqlite3 connection under it) must not be used by two
threads at once. The window's slow work (export, verify, import, attaching files)
runs in a worker thread, so the worker gets its own unit of work (Session, and with it
its own connection from the engine's pool) on the same file, under the same lock and
operator. SQLite in WAL mode lets the window read while the worker writes.
"""

from __future__ import annotations

from pathlib import Path

from panelapp.store.database import Database
from panelapp.store.errors import StoreError


class WorkerHandle(Database):
    """The same repositories on a forked unit of work; ``close()`` ends only that unit."""

    def __init__(self, db: Database):
        super().__init__(db.path, db.unit.fork(), db.lock)

    def close(self, backup_on_close: bool = False) -> Path | None:
        """End this handle's session; the owner keeps the file (and makes the backup when it closes)."""
        self.unit.close()
        return None


def worker_handle(db: Database) -> WorkerHandle:
    """A handle for one worker thread; create it in that thread and close it there."""
    if db.closed:
        raise StoreError("数据库已关闭。")
    return WorkerHandle(db)
