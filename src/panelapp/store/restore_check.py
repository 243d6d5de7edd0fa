"""Before a restore: is the backup sound, whose is it, what does it hold, what would it replace?

Read-only on both files. A backup is refused when its header, schema revision, SQLite
integrity, audit chain or rows against the chain fail; a backup of another database (another
id, or — for files without one — another first audit entry) needs a confirmation (window) or
``--force`` (command line). ``summary()`` is the Chinese text shown before replacing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from panelapp.store import revisions
from panelapp.store.models import AuditLog, ContractModel, CycleModel
from panelapp.store.readonly import inspect_file, ro_session, verify_readonly
from panelapp.store.witness import database_id


@dataclass
class FileFacts:
    """What a database file holds, in a few lines."""

    path: Path
    problem: str | None = None
    revision: str | None = None
    db_id: str | None = None
    first_entry: str | None = None
    entries: int = 0
    last_at: str | None = None
    contracts: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        if self.problem:
            return [f"{self.path}：{self.problem}"]
        when = f"，最后一次修改 {self.last_at}" if self.last_at else ""
        return [f"{self.path}：审计记录 {self.entries} 条{when}；架构版本 {self.revision}"] + [
            f"  {c}" for c in self.contracts
        ]


def facts(path: Path) -> FileFacts:
    path = Path(path)
    seen = inspect_file(path)
    out = FileFacts(path, seen.problem, seen.revision)
    if seen.problem:
        return out
    try:
        with ro_session(path) as session:
            out.db_id = database_id(session)
            out.first_entry = session.scalar(select(AuditLog.hash).order_by(AuditLog.id).limit(1))
            out.entries, out.last_at = session.execute(select(func.count(AuditLog.id), func.max(AuditLog.at))).one()
            for contract in session.scalars(select(ContractModel).order_by(ContractModel.id)):
                cycles = "，".join(
                    f"第{c.number}周期{'已定稿' if c.status == 'final' else '未定稿'}（第{c.version}版）"
                    for c in session.scalars(
                        select(CycleModel).where(CycleModel.contract_id == contract.id).order_by(CycleModel.number)
                    )
                )
                out.contracts.append(f"合同 {contract.number}（{contract.project}）：{cycles}")
    except (SQLAlchemyError, sqlite3.DatabaseError) as exc:
        out.problem = f"无法读取（{getattr(exc, 'orig', None) or exc}）"
    return out


@dataclass
class BackupCheck:
    backup: FileFacts
    current: FileFacts | None  # None: nothing at the database path yet
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def other_database(self) -> bool:
        """The backup is of another database than the file it would replace."""
        cur = self.current
        if cur is None or cur.problem:
            return False  # nothing sound to compare with: restoring is the remedy
        if self.backup.db_id and cur.db_id:
            return self.backup.db_id != cur.db_id
        return bool(self.backup.first_entry and cur.first_entry and self.backup.first_entry != cur.first_entry)

    def summary(self) -> str:
        lines = ["备份文件（恢复后的内容）："] + [f"  {x}" for x in self.backup.lines()]
        if self.current is None:
            lines.append("数据库位置目前没有文件。")
        else:
            lines += ["将被替换的当前文件（会先另存一份）："] + [f"  {x}" for x in self.current.lines()]
            cur = self.current
            if not cur.problem and not self.other_database and cur.entries > self.backup.entries:
                lines.append(f"恢复后将失去备份之后的 {cur.entries - self.backup.entries} 条审计记录所记的修改。")
        if self.other_database:
            lines.append("注意：这是另一个数据库的备份（标识不同），不是当前数据库的早先版本。")
        if self.problems:
            lines += ["备份未通过检查，拒绝恢复："] + [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


def check_backup(backup: Path, db_path: Path) -> BackupCheck:
    """Check ``backup`` for a restore over ``db_path`` (both read-only)."""
    backup, db_path = Path(backup), Path(db_path)
    result = BackupCheck(facts(backup), facts(db_path) if db_path.exists() else None)
    b = result.backup
    if b.problem:
        result.problems.append(b.problem)
        return result
    # an older schema passes: it is migrated (with its own safety copy) when opened after the restore
    report = verify_readonly(backup)
    result.problems += [p.message for p in report.problems[:20]]
    if not b.contracts:
        result.problems.append("备份中没有任何合同")
    return result


def restore(backup: Path, db_path: Path, force: bool = False, *, checked: BackupCheck | None = None) -> Path:
    """Replace ``db_path`` with ``backup`` after checking it; the current file is first kept as a
    safety copy. A bad backup is refused; one of another database needs ``force`` (the window
    asks, the command line takes ``--force``). The caller must hold no connection to ``db_path``.
    ``checked``: the caller's check_backup(backup, db_path), made just before (not made again).
    Returns the safety copy's path."""
    from panelapp.store.backup import replace_with
    from panelapp.store.errors import StoreError

    backup, db_path = Path(backup), Path(db_path)
    if not backup.is_file():
        raise StoreError(f"找不到备份文件：{backup}", path=str(backup))
    if checked is None:
        checked = check_backup(backup, db_path)
    b = checked.backup
    if b.problem and (b.revision is None or revisions.known(b.revision)):
        # the file itself is unsound (header, not ours, SQLite's check); a newer schema is
        # refused below with the check's summary
        raise StoreError(f"备份文件 {backup} 已损坏或不是 panelapp 数据库，未恢复。", path=str(backup))
    if not checked.ok:
        raise StoreError(f"备份文件 {backup} 未通过检查，未恢复。\n{checked.summary()}", path=str(backup))
    current = checked.current
    if current is not None and current.problem and "不是 panelapp 的数据库" in current.problem:
        raise StoreError(f"{db_path} {current.problem}：不用备份覆盖它，未恢复。", path=str(db_path))
    if checked.other_database and not force:
        raise StoreError(
            f"备份文件 {backup} 是另一个数据库的备份，未恢复。\n{checked.summary()}\n"
            "如确要用它替换当前数据库，请在命令行加 --force（当前文件会先另存一份）。",
            path=str(backup),
        )
    return replace_with(backup, db_path)
