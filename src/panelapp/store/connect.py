"""Opening a database file: checks before SQLite writes a byte, the lock, the engine, migrations.

Before anything is written, the file is inspected through a read-only engine: a damaged,
foreign, truncated or newer file is refused untouched with a Chinese message.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool, QueuePool

from panelapp.store import revisions
from panelapp.store.backup import backup_dir, copy_database, newest_good_backup, stamp
from panelapp.store.errors import StoreError
from panelapp.store.fileinfo import check_writable, header_problem, ro_uri
from panelapp.store.lock import FileLock

#: tables too big to check on every open: the attachment bytes and the append-only audit trail.
#: `verify-db` checks them (full integrity check, chain, blob hashes); a damaged page there
#: cannot change a score, and opening must stay fast with gigabytes of attachments.
SKIP_QUICK_CHECK = frozenset({"blob_chunks", "audit_log"})

#: tables every panelapp database has had since the first revision: a file with an
#: ``alembic_version`` table but without these was not made by panelapp
OUR_TABLES = frozenset({"alembic_version", "contracts", "cycles", "audit_log"})


def make_engine(path: Path) -> Engine:
    """The engine of the open file: autocommit at the driver, SQLAlchemy emits BEGIN itself, so a
    store operation is exactly one SQLite transaction; foreign keys, WAL, FULL sync."""
    # a creator rather than a URL: a path may hold '?', '#', '%' or spaces that a URL would mangle
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(str(path), check_same_thread=False, timeout=10),
        poolclass=QueuePool,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi: sqlite3.Connection, _record: Any) -> None:
        dbapi.isolation_level = None
        cursor = dbapi.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def broken(path: Path, problem: str) -> StoreError:
    backup = newest_good_backup(path)
    offer = f"最近一份完好的备份是 {backup}，可用“恢复备份”打开它。" if backup else "没有找到可用的自动备份。"
    return StoreError(
        f"无法打开数据库 {path}：{problem}。原文件未被改动。{offer}",
        path=str(path),
        backup=str(backup) if backup else None,
    )


def _inspect(path: Path, uri: str | None = None) -> tuple[bool, str | None, list[str]]:
    """(foreign, alembic revision, quick-check problems), read through a read-only engine so
    that a file we end up refusing is not changed by a single byte (``uri``: another
    read-only URI of the file, store.readonly)."""
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri or ro_uri(path), uri=True), poolclass=NullPool
    )
    try:
        with engine.connect() as conn:
            tables = list(conn.scalars(text("SELECT name FROM sqlite_schema WHERE type='table'")))
            # an SQLite file without our tables (even one with no table at all) is not ours
            if not OUR_TABLES <= set(tables):
                return True, None, []
            revision = conn.scalar(text("SELECT version_num FROM alembic_version"))
            problems: list[str] = []
            for table in tables:
                if table in SKIP_QUICK_CHECK or table.startswith("sqlite_"):
                    continue
                rows = list(conn.scalars(text(f"PRAGMA quick_check('{table}')")))
                if rows != ["ok"]:
                    problems += rows
            return False, revision, problems
    finally:
        engine.dispose()


def prepare(path: Path) -> tuple[FileLock, int, str | None]:
    """Lock ``path`` and check it without changing a byte; returns (lock, size, revision).

    The caller owns the lock. Raises StoreError (LockedError) with a Chinese message."""
    if path.is_dir():
        raise StoreError(f"{path} 是一个文件夹，不是数据库文件。", path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"无法创建数据库所在文件夹 {path.parent}：{exc.strerror or exc}", path=str(path)
        ) from exc
    check_writable(path)
    lock = FileLock(path)
    lock.acquire()
    try:
        size = path.stat().st_size if path.exists() else 0
        if size == 0 and path.exists():
            # never seed an existing file: an empty one is a truncated database as often as not
            raise broken(
                path,
                "文件是空的（0 字节），可能已被截断；若确要在此新建数据库，请先删除这个空文件",
            )
        if size:
            problem = header_problem(path)
            if problem:
                raise broken(path, problem)
        try:
            foreign, revision, problems = _inspect(path) if size else (False, None, [])
        except (DBAPIError, sqlite3.DatabaseError) as exc:
            raise broken(path, f"SQLite 报告文件已损坏或不是数据库（{getattr(exc, 'orig', exc)}）") from exc
        if foreign:
            raise StoreError(
                f"{path} 是一个 SQLite 文件，但不是 panelapp 的数据库（缺少 panelapp 的数据表），拒绝打开以免改动它。",
                path=str(path),
            )
        if revision and not revisions.known(revision):
            raise revisions.refuse_newer(revision, path)
        if problems:
            raise broken(path, "完整性检查未通过（" + "；".join(problems[:3]) + "）")
        return lock, size, revision
    except BaseException:
        lock.release()
        raise


def open_engine(path: Path) -> tuple[Engine, FileLock]:
    """Lock, check and migrate ``path``; returns (engine, lock)."""
    lock, _size, revision = prepare(path)
    engine = None
    try:
        try:
            engine = make_engine(path)
            if revision != revisions.HEAD_REVISION:
                from panelapp.store import migrate  # Alembic only when a file needs it

                if revision is not None:
                    target = backup_dir(path) / f"{path.stem}-before-migrate-{revision}-{stamp()}{path.suffix}"
                    copy_database(path, target)
                with engine.begin() as conn:
                    migrate.upgrade(conn)
        except (DBAPIError, sqlite3.DatabaseError) as exc:
            orig = getattr(exc, "orig", exc)
            raise broken(path, f"SQLite 报告文件已损坏或不是数据库（{orig}）") from exc
        return engine, lock
    except BaseException:
        if engine is not None:
            engine.dispose()
        lock.release()
        raise
