"""Opening a database file for the ORM: checks and lock (store.opening), engine, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from panelapp.store import migrate
from panelapp.store.backup import backup_dir, copy_database, stamp
from panelapp.store.lock import FileLock
from panelapp.store.opening import broken, configure, prepare


def make_engine(path: Path) -> Engine:
    # a creator rather than a URL: a path may hold '?', '#', '%' or spaces that a URL would mangle
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(str(path), check_same_thread=False, timeout=10),
        poolclass=QueuePool,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi: Any, _record: Any) -> None:
        configure(dbapi)  # isolation_level None: SQLAlchemy emits BEGIN itself (see "begin" below)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def open_engine(path: Path) -> tuple[Engine, FileLock, bool]:
    """Lock, check and migrate ``path``; returns (engine, lock, created)."""
    lock, size, revision = prepare(path)
    engine = None
    try:
        try:
            engine = make_engine(path)
            if revision != migrate.head_revision():
                if revision is not None:
                    target = (
                        backup_dir(path) / f"{path.stem}-before-migrate-{revision}-{stamp()}{path.suffix}"
                    )
                    copy_database(path, target)
                with engine.begin() as conn:
                    migrate.upgrade(conn)
        except (DBAPIError, sqlite3.DatabaseError) as exc:
            orig = getattr(exc, "orig", exc)
            raise broken(path, f"SQLite 报告文件已损坏或不是数据库（{orig}）") from exc
        return engine, lock, size == 0
    except BaseException:
        if engine is not None:
            engine.dispose()
        lock.release()
        raise


def integrity_check(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
        conn.rollback()
    return [] if rows == ["ok"] else rows
