"""verify-db's row-against-audit comparison, restricted to what one cycle's sheet is made from.

Run before every score-sheet and annual export and by verify-pdf: a cycle whose rows were
changed, added or deleted outside the app (``sqlite3 DB "update …"``), or whose audit entries
were edited without recomputing their hashes, is refused with the record named.

Scope: the cycle's row, its contract's row, and every audited table's rows of the cycles whose
data the sheet reads (the cycle and the other cycle of its half-year, whose drills and trainings
count for the half-year); the entries of those rows, each checked against its own hash. The
chain's links and the witness (store.witness) are verify-db's: this check reads only the
entries it needs, through the (table, record) and cycle indexes, so an export stays fast.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, select, tuple_

from panelapp.store.chain import GENESIS, entry_hash
from panelapp.store.damage import table_label
from panelapp.store.mapping import contract_of
from panelapp.store.models import UNAUDITED, AuditLog, Base, ContractModel, CycleModel
from panelapp.store.verify import Problem, missing_problem, row_problem

_CHUNK = 400


def scope_cycles(session: Any, cycle_id: int) -> tuple[list[int], int]:
    """(ids of the cycles the sheet of ``cycle_id`` reads, its contract id)."""
    c = session.get(CycleModel, cycle_id)
    if c is None:
        return [cycle_id], 0
    contract = contract_of(session.get(ContractModel, c.contract_id))
    half = contract.half_year(c.number)
    numbers = {n for n in range(half.first_cycle, half.closing_cycle + 1)} | {c.number}
    ids = session.scalars(
        select(CycleModel.id).where(CycleModel.contract_id == c.contract_id, CycleModel.number.in_(numbers))
    ).all()
    return sorted(set(ids) | {cycle_id}), c.contract_id


def _entry_problem(a: Any) -> Problem | None:
    if a.hash == entry_hash(a.prev_hash, a.at, a.operator, a.action, a.table_name, a.record_id, a.old, a.new):
        return None
    return Problem(
        "chain",
        f"审计记录 #{a.id}（{table_label(a.table_name)} 记录 {a.record_id}）的内容与其哈希不符："
        "该审计记录在程序之外被改动",
        "audit_log",
        a.id,
    )


def _links(session: Any) -> list[Problem]:
    """Every entry's prev_hash is the hash before it: an entry deleted or inserted anywhere
    breaks a link (comparisons only, no hashing: cheap on a long trail)."""
    audit = AuditLog.__table__
    prev = None
    for entry_id, prev_hash, digest in session.execute(
        select(audit.c.id, audit.c.prev_hash, audit.c.hash).order_by(audit.c.id)
    ):
        if prev_hash != (prev if prev is not None else GENESIS):
            return [
                Problem(
                    "chain",
                    f"审计记录 #{entry_id} 的前一哈希与上一条不符：审计链在此处断开（有审计记录被删除、插入或改动）",
                    "audit_log",
                    entry_id,
                )
            ]
        prev = digest
    return []


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def verify_cycle(session: Any, cycle_id: int) -> list[Problem]:
    """Problems with the rows cycle ``cycle_id``'s sheet is made from (empty: they match the trail)."""
    cycles, contract_id = scope_cycles(session, cycle_id)
    return _verify_scope(session, cycles, contract_id, _links(session))


def verify_cycles(session: Any, cycle_ids: Iterable[int]) -> dict[int, list[Problem]]:
    """verify_cycle of each of ``cycle_ids``, by cycle id; a scope several cycles share (the two
    cycles of a half-year) is verified once, and the chain's links are walked once."""
    links = _links(session)
    by_scope: dict[tuple[int, ...], list[Problem]] = {}
    found: dict[int, list[Problem]] = {}
    for cycle_id in cycle_ids:
        cycles, contract_id = scope_cycles(session, cycle_id)
        key = (contract_id, *cycles)
        if key not in by_scope:
            by_scope[key] = _verify_scope(session, cycles, contract_id, links)
        found[cycle_id] = by_scope[key]
    return found


def _verify_scope(session: Any, cycles: list[int], contract_id: int, links: list[Problem]) -> list[Problem]:
    """The rows of ``cycles`` and of contract ``contract_id`` against their entries; ``links``:
    the chain's (_links), listed after the entries that do not match their hash."""
    problems: list[Problem] = []
    audit = AuditLog.__table__
    cols = [audit.c[n] for n in ("id", "at", "operator", "action", "table_name", "record_id", "old", "new",
                                 "prev_hash", "hash")]
    rows: dict[tuple[str, int], tuple[Any, Any]] = {}  # (table, id) -> (table, row mapping)
    for table in Base.metadata.sorted_tables:
        if table.name in UNAUDITED:
            continue
        where: ColumnElement[bool]
        if table.name == "cycles":
            where = table.c.id.in_(cycles)
        elif table.name == "contracts":
            where = table.c.id == contract_id
        elif "cycle_id" in table.c:
            where = table.c.cycle_id.in_(cycles)
        elif "contract_id" in table.c:  # the contract's lists (commitments, staff, payment deductions)
            where = table.c.contract_id == contract_id
        else:
            continue
        for row in session.execute(select(table).where(where)):
            m = row._mapping
            rows[(table.name, m["id"])] = (table, m)
    last: dict[tuple[str, int], dict[str, Any] | None] = {}
    bad_entries: dict[int, Problem] = {}

    def take(entries: Iterable[Any]) -> None:
        for a in entries:
            problem = _entry_problem(a)
            if problem:
                bad_entries[a.id] = problem
            try:
                last[(a.table_name, a.record_id)] = json.loads(a.new) if a.new else None
            except ValueError:
                last[(a.table_name, a.record_id)] = None

    for chunk in _chunks(list(rows)):
        take(session.execute(
            select(*cols).where(tuple_(audit.c.table_name, audit.c.record_id).in_(chunk)).order_by(audit.c.id)
        ))
    # rows the trail says exist in these cycles but that are gone (deleted outside the app)
    gone = {
        (t, r)
        for t, r in session.execute(
            select(audit.c.table_name, audit.c.record_id).where(audit.c.cycle_id.in_(cycles)).distinct()
        )
        if (t, r) not in rows and t not in UNAUDITED
    }
    for chunk in _chunks(sorted(gone)):
        take(session.execute(
            select(*cols).where(tuple_(audit.c.table_name, audit.c.record_id).in_(chunk)).order_by(audit.c.id)
        ))
    problems += bad_entries.values()
    problems += links
    for key, (table, m) in rows.items():
        problem = row_problem(table, m, key in last, last.get(key))
        if problem:
            problems.append(problem)
    for key in sorted(gone):
        if last.get(key) is not None:
            problems.append(missing_problem(*key))
    return problems
