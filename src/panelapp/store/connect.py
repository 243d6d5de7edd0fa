"""Opening a database file: checks, lock, engine (WAL, foreign keys), migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from panelapp.store import migrate
from panelapp.store.backup import backup_dir, copy_database, newest_good_backup, stamp
from panelapp.store.errors import StoreError
from panelapp.store.fileinfo import check_writable, header_problem, ro_uri
from panelapp.store.lock import FileLock

#: tables too big to check on every open: the attachment bytes and the append-only audit trail.
#: `verify-db` checks them (full integrity check, chain, blob hashes); a damaged page there
#: cannot change a score, and opening must stay fast with gigabytes of attachments.
SKIP_QUICK_CHECK = frozenset({"blob_chunks", "audit_log"})


def make_engine(path: Path) -> Engine:
    # a creator rather than a URL: a path may hold '?', '#', '%' or spaces that a URL would mangle
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(str(path), check_same_thread=False, timeout=10),
        poolclass=QueuePool,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi: Any, _record: Any) -> None:
        dbapi.isolation_level = None  # SQLAlchemy emits BEGIN itself (see "begin" below)
        cursor = dbapi.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def _broken(path: Path, problem: str) -> StoreError:
    backup = newest_good_backup(path)
    offer = f"最近一份完好的备份是 {backup}，可用“恢复备份”打开它。" if backup else "没有找到可用的自动备份。"
    return StoreError(
        f"无法打开数据库 {path}：{problem}。原文件未被改动。{offer}",
        path=str(path),
        backup=str(backup) if backup else None,
    )


def _inspect(path: Path) -> tuple[bool, str | None, list[str]]:
    """(foreign, alembic revision, quick-check problems), read through a read-only connection so
    that a file we end up refusing is not changed by a single byte."""
    conn = sqlite3.connect(ro_uri(path), uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")]
        if tables and "alembic_version" not in tables:
            return True, None, []
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        problems: list[str] = []
        for table in tables:
            if table in SKIP_QUICK_CHECK or table.startswith("sqlite_"):
                continue
            rows = [r[0] for r in conn.execute(f"PRAGMA quick_check('{table}')")]
            if rows != ["ok"]:
                problems += rows
        return False, revision, problems
    finally:
        conn.close()


def open_engine(path: Path) -> tuple[Engine, FileLock, bool]:
    """Lock, check and migrate ``path``; returns (engine, lock, created)."""
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
    engine = None
    try:
        size = path.stat().st_size if path.exists() else 0
        if size == 0 and path.exists() and newest_good_backup(path):
            raise _broken(path, "文件是空的（0 字节），可能已被截断")
        if size:
            problem = header_problem(path)
            if problem:
                raise _broken(path, problem)
        try:
            foreign, revision, problems = _inspect(path) if size else (False, None, [])
            if foreign:
                raise StoreError(
                    f"{path} 是一个 SQLite 文件，但不是 panelapp 的数据库，拒绝打开以免改动它。",
                    path=str(path),
                )
            if revision and not migrate.known(revision):
                migrate.refuse_newer(revision, path)
            if problems:
                raise _broken(path, "完整性检查未通过（" + "；".join(problems[:3]) + "）")
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
            raise _broken(path, f"SQLite 报告文件已损坏或不是数据库（{orig}）") from exc
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
