"""The audit chain witnessed outside the file: a small log in the user's data folder.

At every close that wrote, every export, 定稿, backup and restore, the chain's head (the last
entry's id and hash) is appended to ``witness.jsonl`` in the user's data folder, under the
database's id (``app_settings.database_id``, a random id stored in — and audited by — the file,
so a copy in another folder is the same database and a file that was never closed here is
"never seen"). verify-db then checks that every head witnessed since the last restore is still
in the chain: a chain recomputed after an edit, a tail rolled back, or an older copy put in
place all lose a witnessed head. See docs/security.md for what this cannot catch.

The log is not keyed (no HMAC): whoever can rewrite it can also read a key kept beside it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from panelapp.paths import data_dir
from panelapp.store.models import AppSetting, AuditLog

ID_KEY = "database_id"
LOG_NAME = "witness.jsonl"




def log_path() -> Path:
    return data_dir() / LOG_NAME


def database_id(session: Session) -> str | None:
    """The database's id read through ``session`` (None: not set, or a file too old to have it)."""
    if not inspect(session.connection()).has_table(AppSetting.__tablename__):  # older files lack it
        return None
    db_id: str | None = session.scalar(select(AppSetting.value).where(AppSetting.key == ID_KEY))
    return db_id


def observe(session: Session) -> tuple[str | None, int, str | None]:
    """(database id, last entry id, last entry hash) read through ``session``."""
    db_id = database_id(session)
    last = session.execute(select(AuditLog.id, AuditLog.hash).order_by(AuditLog.id.desc()).limit(1)).first()
    return db_id, (last[0] if last else 0), (last[1] if last else None)


def append(event: str, db_id: str | None, entry: int, head: str | None, path: Path | str) -> None:
    """Append one witness line (never raises: a witness that cannot be written must not stop work)."""
    if not db_id:
        return
    line = {
        "db": db_id,
        "entry": entry,
        "head": head,
        "event": event,
        "at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "path": str(path),
    }
    with contextlib.suppress(OSError):
        target = log_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)


def record(session: Session, event: str, path: Path | str) -> None:
    """Witness the chain head of the database on ``session`` now."""
    with contextlib.suppress(SQLAlchemyError, sqlite3.Error):
        db_id, entry, head = observe(session)
        append(event, db_id, entry, head, path)


def record_file(path: Path, event: str) -> None:
    """Witness the chain head of a closed database file (read-only)."""
    from panelapp.store.readonly import ro_session

    with contextlib.suppress(SQLAlchemyError, sqlite3.Error), ro_session(Path(path)) as session:
        record(session, event, path)


def witnessed(db_id: str) -> list[dict[str, Any]]:
    """The lines of ``db_id`` since (and including) its last restore, oldest first."""
    lines: list[dict[str, Any]] = []
    try:
        text = log_path().read_text("utf-8", errors="replace")
    except OSError:
        return []
    for raw in text.splitlines():
        try:
            line = json.loads(raw)
        except ValueError:
            continue
        if not isinstance(line, dict) or line.get("db") != db_id:
            continue
        if line.get("event") == "restore":
            lines = []
        lines.append(line)
    return lines


@dataclass
class WitnessReport:
    db_id: str | None
    checked: int = 0
    problems: list[str] | None = None
    note: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def _holding_backup(db_path: Path, entry: int, head: str) -> Path | None:
    """The newest backup of ``db_path`` whose chain has ``head`` at ``entry``."""
    from panelapp.store.backup import backups_of
    from panelapp.store.readonly import ro_session

    for backup in backups_of(db_path):
        with contextlib.suppress(SQLAlchemyError, sqlite3.Error), ro_session(backup) as session:
            if session.scalar(select(AuditLog.hash).where(AuditLog.id == entry)) == head:
                return backup
    return None


def check(session: Session, db_path: Path) -> WitnessReport:
    """Every head witnessed for this database (since its last restore) against its chain now."""
    db_id, last_entry, _head = observe(session)
    if not db_id:
        return WitnessReport(None, note="本数据库还没有标识（由旧版本创建、尚未在本版本中打开过），见证记录无法核对")
    lines = witnessed(db_id)
    if not lines:
        return WitnessReport(
            db_id, note=f"本机见证记录（{log_path()}）中没有这个数据库（标识 {db_id[:8]}…）："
            "它从未在本机关闭或导出过，无法核对它是否被替换、回滚或重新计算过审计链"
        )
    problems: list[str] = []
    report = WitnessReport(db_id, problems=problems)
    seen: set[tuple[int, str]] = set()
    for line in lines:
        entry, head = line.get("entry"), line.get("head")
        if not isinstance(entry, int) or not head or (entry, head) in seen:
            continue
        seen.add((entry, head))
        report.checked += 1
        stored = session.scalar(select(AuditLog.hash).where(AuditLog.id == entry))
        if stored == head:
            continue
        when = f"{line.get('at', '?')} {_EVENTS.get(line.get('event', ''), line.get('event', ''))}"
        backup = _holding_backup(db_path, entry, head)
        fix = (f"备份 {backup} 含有该链头，可用 panelapp restore 恢复后再核对"
               if backup else "没有找到含有该链头的备份；请找回该时刻之后的数据库副本")
        if stored is None and entry > last_entry:
            what = (f"见证于 {when} 的链头（审计记录 #{entry}）已不在审计链中：审计链只到 #{last_entry}，"
                    "其后的记录被删除（尾部回滚），或数据库被换成了较旧的副本")
        elif stored is None:
            what = f"见证于 {when} 的审计记录 #{entry} 已不存在：审计记录被删除后审计链被重新计算"
        else:
            what = (f"见证于 {when} 的审计记录 #{entry} 哈希为 {head[:16]}…，现为 {stored[:16]}…："
                    "审计链被重新计算过（数据在程序之外被改动后伪造了审计链）")
        problems.append(f"{what}。{fix}")
    return report


_EVENTS = {"close": "关闭", "export": "导出", "finalise": "定稿", "backup": "备份", "restore": "恢复", "open": "打开"}
