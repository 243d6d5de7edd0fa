"""A database file opened read-only, for checks that must not change a byte (verify-db, restore).

Nothing here creates, migrates, seeds or checkpoints: the connection is SQLite's ``mode=ro``,
and a file that is empty, truncated, foreign or of a newer revision is described, not opened.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from panelapp.store import revisions
from panelapp.store.connect import _inspect
from panelapp.store.fileinfo import header_problem, ro_uri


@dataclass
class Inspection:
    """What a file is, found without writing: ``problem`` is None when it can be read as ours."""

    path: Path
    problem: str | None
    revision: str | None = None

    @property
    def current(self) -> bool:
        return self.revision == revisions.HEAD_REVISION


def inspect_file(path: Path) -> Inspection:
    path = Path(path)
    if not path.is_file():
        return Inspection(path, "文件不存在" if not path.exists() else "不是文件")
    problem = header_problem(path)
    if problem:
        return Inspection(path, problem)
    try:
        foreign, revision, problems = _inspect(path, ro_uri_strict(path))
    except (sqlite3.DatabaseError, DBAPIError) as exc:
        return Inspection(path, f"SQLite 报告文件已损坏或不是数据库（{getattr(exc, 'orig', None) or exc}）")
    if foreign:
        return Inspection(path, "是一个 SQLite 文件，但不是 panelapp 的数据库（缺少 panelapp 的数据表）")
    if revision and not revisions.known(revision):
        return Inspection(
            path, f"由更新版本的 panelapp 创建（架构版本 {revision}），本程序不认识该版本", revision
        )
    if problems:
        return Inspection(path, "完整性检查未通过（" + "；".join(problems[:3]) + "）", revision)
    return Inspection(path, None, revision)


def ro_uri_strict(path: Path) -> str:
    """Read-only. Without a write-ahead log beside the file it is opened ``immutable`` too, so
    SQLite does not even create the -wal/-shm files (the caller holds the lock: nobody writes)."""
    path = Path(path)
    wal = path.with_name(path.name + "-wal")
    uri = ro_uri(path)
    if not (wal.exists() and wal.stat().st_size):
        uri += "&immutable=1"
    return uri


def connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(ro_uri_strict(path), uri=True, check_same_thread=False)


@contextmanager
def ro_session(path: Path) -> Iterator[Any]:
    """A SQLAlchemy session on a read-only connection to ``path`` (never commits)."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    engine = create_engine("sqlite://", creator=lambda: connect_ro(path), poolclass=NullPool)
    session = Session(engine)
    try:
        yield session
    finally:
        session.rollback()
        session.close()
        engine.dispose()


def verify_readonly(path: Path, blobs: bool = False) -> Any:
    """verify-db's checks on a read-only connection; returns a verify.VerifyReport."""
    from panelapp.store.verify import verify

    with ro_session(path) as session:
        return verify(session, blobs=blobs)


def witness_readonly(path: Path) -> Any:
    """The witness log's heads of this database against its chain (a witness.WitnessReport)."""
    from panelapp.store import witness

    with ro_session(path) as session:
        return witness.check(session, Path(path))
