"""verify-db: SQLite's integrity check, the audit hash chain, and every audited row against
its last audited state (finds edits made outside the app)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select, text
from sqlalchemy.orm import Session

from panelapp.store.chain import GENESIS, entry_hash, jsonable
from panelapp.store.damage import table_label
from panelapp.store.models import UNAUDITED, AuditLog, Base, BlobChunk, BlobModel


@dataclass
class Problem:
    kind: str  # "integrity" | "chain" | "row" | "blob"
    message: str
    table: str | None = None
    record_id: Any = None


@dataclass
class VerifyReport:
    problems: list[Problem] = field(default_factory=list)
    entries: int = 0
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _pk_name(table: Table) -> str:
    return next(iter(table.primary_key.columns)).name


def row_problem(table: Any, m: Any, audited_ever: bool, audited: dict[str, Any] | None) -> Problem | None:
    """The problem with one current row (``m``: its mapping) given its last audited state."""
    rid = m[_pk_name(table)]
    where = f"{table_label(table.name)}（表 {table.name}）记录 {rid}"
    if not audited_ever:
        return Problem("row", f"{where}：没有审计记录，可能在程序之外新增", table.name, rid)
    if audited is None:
        return Problem("row", f"{where}：审计记录显示已删除，但数据库中仍存在", table.name, rid)
    current = {c.name: jsonable(m[c.name]) for c in table.columns if c.name in m}
    # a column the file does not have (an older revision read as it is) has nothing to compare;
    # every column the row has is compared, a later column's value included
    diffs = [k for k in audited if (k in current or k not in table.columns) and current.get(k) != audited.get(k)]
    if not diffs:
        return None
    detail = "，".join(f"{k} 当前为 {current.get(k)!r}，审计记录为 {audited.get(k)!r}" for k in diffs)
    return Problem(
        "row", f"{where}：与最后一次审计记录不一致（{detail}），可能在程序之外被修改", table.name, rid
    )


def missing_problem(tname: str, rid: Any) -> Problem:
    return Problem(
        "row",
        f"{table_label(tname)}（表 {tname}）记录 {rid}：数据库中已不存在，但审计记录中没有删除操作",
        tname,
        rid,
    )


def verify(session: Session, blobs: bool = False) -> VerifyReport:
    report = VerifyReport()
    rows = list(session.scalars(text("PRAGMA integrity_check")))
    if rows != ["ok"]:
        report.problems += [Problem("integrity", f"SQLite 完整性检查：{r}") for r in rows[:20]]
    last: dict[tuple[str, Any], dict[str, Any] | None] = {}
    prev = GENESIS
    t = AuditLog.__table__
    cols = ("id", "at", "operator", "action", "table_name", "record_id", "old", "new", "prev_hash", "hash")
    for a in session.execute(select(*(t.c[c] for c in cols)).order_by(t.c.id)):
        report.entries += 1
        expected = entry_hash(prev, a.at, a.operator, a.action, a.table_name, a.record_id, a.old, a.new)
        if a.prev_hash != prev:
            report.problems.append(
                Problem(
                    "chain",
                    f"审计记录 #{a.id} 的前一哈希与上一条不符：审计链在此处断开"
                    "（有审计记录被删除、插入或改动）",
                    "audit_log",
                    a.id,
                )
            )
        if a.hash != expected:
            report.problems.append(
                Problem(
                    "chain",
                    f"审计记录 #{a.id}（{table_label(a.table_name)} 记录 "
                    f"{a.record_id}）的内容与其哈希不符：该审计记录在程序之外被改动",
                    "audit_log",
                    a.id,
                )
            )
        prev = a.hash
        try:
            last[(a.table_name, a.record_id)] = json.loads(a.new) if a.new else None
        except ValueError:
            last[(a.table_name, a.record_id)] = None
    present = set(session.scalars(text("SELECT name FROM sqlite_schema WHERE type='table'")))
    for table in Base.metadata.sorted_tables:
        if table.name in UNAUDITED or table.name not in present:  # absent: a file of an older revision
            continue
        pk = _pk_name(table)
        seen = set()
        # a file of an older revision may lack a later column (drills.reported before 0003_drill_report)
        stored = {r[1] for r in session.execute(text(f'PRAGMA table_info("{table.name}")'))}
        for row in session.execute(select(*(c for c in table.columns if c.name in stored))):
            report.rows += 1
            m = row._mapping
            rid = m[pk]
            key = (table.name, rid if isinstance(rid, int) else 0)
            seen.add(key)
            problem = row_problem(table, m, key in last, last.get(key))
            if problem:
                report.problems.append(problem)
        for (tname, rid), audited in last.items():
            if tname == table.name and audited is not None and (tname, rid) not in seen:
                report.problems.append(missing_problem(tname, rid))
    if blobs:
        report.problems += _verify_blobs(session)
    return report


def _verify_blobs(session: Session) -> list[Problem]:
    problems = []
    for blob in session.scalars(select(BlobModel).where(BlobModel.stored.is_(True))):
        h, size = hashlib.sha256(), 0
        seqs = [
            r[0]
            for r in session.execute(
                select(BlobChunk.seq).where(BlobChunk.sha256 == blob.sha256).order_by(BlobChunk.seq)
            )
        ]
        for seq in seqs:
            chunk = session.execute(
                select(BlobChunk.data).where(BlobChunk.sha256 == blob.sha256, BlobChunk.seq == seq)
            ).scalar_one()
            h.update(chunk)
            size += len(chunk)
        if seqs != list(range(len(seqs))) or h.hexdigest() != blob.sha256 or size != blob.size:
            problems.append(
                Problem(
                    "blob",
                    f"附件内容 {blob.sha256[:12]}… 已损坏（内容与 SHA-256 或大小不符）",
                    "blobs",
                    blob.sha256,
                )
            )
    return problems
