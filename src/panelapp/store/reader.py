"""The store's reads, in plain SQL on a sqlite3 connection (no SQLAlchemy, no ORM objects).

``Reader`` is a base of both the ORM ``Database`` (which hands it its session's connection,
inside its transaction) and ``QuickStore`` (its own sqlite3 connection, for one headless
command). So a cycle is read, and an export recorded, by exactly one piece of code,
whichever way the file was opened. Writes of everything else go through the ORM.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from panelapp.core.contract import Contract
from panelapp.core.evidence import (
    EVIDENCE_KINDS,
    CycleData,
    Evidence,
    FileRef,
    ItemOverride,
    PanelMember,
)
from panelapp.store import backup, chain
from panelapp.store.columns import (
    BUILDERS,
    COLUMNS,
    CONTRACT_FIELDS,
    UnreadableValue,
    check_kind,
    datetime_text,
    decode,
    decoders,
    now,
    settings_of,
    table_label,
    to_date,
    to_datetime,
    to_json,
)
from panelapp.store.errors import StoreError
from panelapp.store.lock import FileLock
from panelapp.store.rows import ContractRow, CycleRow

#: evidence that counts for the half-year (the cycle closing it reads the earlier cycle's too)
HALF_YEAR_KINDS = ("drills", "trainings")

_CONTRACT_SQL = f"SELECT id, {', '.join(CONTRACT_FIELDS)} FROM contracts"
_CONTRACT_DECODERS = decoders(Contract, CONTRACT_FIELDS)
_CYCLE_FIELDS = (
    "id", "contract_id", "number", "assessed_on", "status", "version", "finalised_by", "finalised_at",
    "fingerprint", "reopen_reason",
)  # fmt: skip
_CYCLE_SQL = f"SELECT {', '.join(_CYCLE_FIELDS)} FROM cycles"
_CYCLE_DECODERS = (None, None, None, to_date, None, None, None, to_datetime, None, None)
#: what a stored value that does not decode can raise (UnreadableValue is a ValueError)
_BAD = (ValueError, TypeError, ArithmeticError, AttributeError)


def damaged(table: str, record_id: object, exc: Exception, columns: tuple[str, ...] = ()) -> StoreError:
    """The Chinese message for a row whose stored values cannot be read back."""
    where = f"{table_label(table)}记录（表 {table}，编号 {record_id}）"
    if isinstance(exc, UnreadableValue) and exc.index < len(columns):
        where += f"的字段 {columns[exc.index]}（值 {exc.value!r}）"
    return StoreError(
        f"无法读取数据库中的{where}：文件可能被其他程序改动或已损坏，本操作未进行。"
        "请运行“panelapp verify-db”查明，或用“恢复备份”恢复。"
    )


def _contract(row: tuple) -> ContractRow:
    try:
        return ContractRow(row[0], Contract(*decode(row[1:], _CONTRACT_DECODERS)))
    except _BAD as exc:
        raise damaged("contracts", row[0], exc, CONTRACT_FIELDS) from exc


def _by_id(conn: sqlite3.Connection, select: str, record_id: int, missing: str) -> tuple:
    """The one row ``select ... WHERE id = record_id``; StoreError(``missing``) when there is none."""
    row = conn.execute(select + " WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise StoreError(missing)
    return row


def contract(conn: sqlite3.Connection, contract_id: int) -> Contract:
    return _contract(_by_id(conn, _CONTRACT_SQL, contract_id, f"合同不存在（编号 {contract_id}）")).contract


def _cycle(row: tuple, of: Contract) -> CycleRow:
    try:
        values = decode(row, _CYCLE_DECODERS)
        return CycleRow(*values[:3], of.cycle(values[2]), *values[3:])
    except _BAD as exc:
        raise damaged("cycles", row[0], exc, _CYCLE_FIELDS) from exc


def cycle_row(conn: sqlite3.Connection, cycle_id: int) -> CycleRow:
    row = _by_id(conn, _CYCLE_SQL, cycle_id, f"考核周期不存在（编号 {cycle_id}）")
    return _cycle(row, contract(conn, row[1]))


def files_by_record(
    conn: sqlite3.Connection, cycle_ids: list[int]
) -> dict[tuple[str, int], tuple[FileRef, ...]]:
    marks = ", ".join("?" * len(cycle_ids))
    out: dict[tuple[str, int], list[FileRef]] = {}
    for kind, record_id, name, sha256, size in conn.execute(
        f"SELECT kind, record_id, name, sha256, size FROM attachments WHERE cycle_id IN ({marks})"
        " ORDER BY position, id",
        cycle_ids,
    ):
        out.setdefault((kind, record_id), []).append(FileRef(name, sha256, size))
    return {k: tuple(v) for k, v in out.items()}


def _build(kind: str, rows: list, files: dict) -> tuple:
    """The evidence dataclasses of ``rows`` laid out as (id, cycle_id, *COLUMNS[kind])."""
    build = BUILDERS[kind]
    try:
        return tuple(build(r[2:], files.get((kind, r[0]), ())) for r in rows)
    except _BAD as first:
        for r in rows:  # name the first record that does not read
            try:
                build(r[2:], files.get((kind, r[0]), ()))
            except _BAD as exc:
                raise damaged(kind, r[0], exc, COLUMNS[kind]) from exc
        raise damaged(kind, "?", first) from first


def cycle_data(conn: sqlite3.Connection, cycle_id: int) -> tuple[CycleData, dict[str, list[int]]]:
    """The cycle as the core scores it, and per kind the record ids in the same order."""
    row = _by_id(
        conn, "SELECT contract_id, number, assessed_on, settings FROM cycles", cycle_id,
        f"考核周期不存在（编号 {cycle_id}）",
    )  # fmt: skip
    contract_id, number = row[:2]
    of = contract(conn, contract_id)
    try:
        assessed_on, stored = decode(row[2:], (to_date, to_json))
        settings = settings_of(stored)
        first = of.half_year(number).first_cycle
    except _BAD as exc:
        raise damaged("cycles", cycle_id, exc, ("assessed_on", "settings")) from exc
    half = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM cycles WHERE contract_id = ? AND number >= ? AND number <= ? ORDER BY number",
            (contract_id, first, number),
        )
    ]
    rank = {cid: i for i, cid in enumerate(half)}
    files = files_by_record(conn, half)
    evidence: dict[str, tuple] = {}
    ids: dict[str, list[int]] = {}
    for kind in EVIDENCE_KINDS:
        cycles = half if kind in HALF_YEAR_KINDS else [cycle_id]
        rows = conn.execute(
            f"SELECT id, cycle_id, {', '.join(COLUMNS[kind])} FROM {kind}"
            f" WHERE cycle_id IN ({', '.join('?' * len(cycles))})",
            cycles,
        ).fetchall()
        rows.sort(key=lambda r: (rank.get(r[1], 0), r[0]))
        evidence[kind] = _build(kind, rows, files)
        ids[kind] = [r[0] for r in rows]
    panel = tuple(
        PanelMember(name, role)
        for name, role in conn.execute(
            "SELECT name, role FROM panel_members WHERE cycle_id = ? ORDER BY position", (cycle_id,)
        )
    )
    overrides = {
        item_id: ItemOverride(deduction, reason)
        for item_id, deduction, reason in conn.execute(
            "SELECT item_id, deduction, reason FROM item_overrides WHERE cycle_id = ? ORDER BY item_id",
            (cycle_id,),
        )
    }
    data = CycleData(of, number, assessed_on, settings, panel, Evidence(**evidence), overrides)
    return data, ids


class Reader:
    """Reads and the export record, for any object that supplies a sqlite3 connection."""

    path: Path
    operator: str
    closed: bool
    _lock: FileLock
    #: Chinese message when the automatic backup on close failed (the data itself is safe)
    backup_error: str | None = None

    # -- what a concrete store supplies ---------------------------------------------------------
    def _sql(self, write: bool = False) -> AbstractContextManager[sqlite3.Connection]:
        """One transaction on a sqlite3 connection; errors become StoreError, nothing half-done."""
        raise NotImplementedError

    def _written(self) -> bool:
        raise NotImplementedError

    def _mark_written(self) -> None:
        raise NotImplementedError

    def _disconnect(self) -> None:
        """Close the connection(s); the lock is released by ``close``."""
        raise NotImplementedError

    # -- contracts and cycles -----------------------------------------------------------------
    def contracts(self) -> list[ContractRow]:
        with self._sql() as conn:
            return [_contract(r) for r in conn.execute(_CONTRACT_SQL + " ORDER BY id")]

    def contract(self, contract_id: int) -> Contract:
        with self._sql() as conn:
            return contract(conn, contract_id)

    def cycles(self, contract_id: int) -> list[CycleRow]:
        with self._sql() as conn:
            rows = conn.execute(
                _CYCLE_SQL + " WHERE contract_id = ? ORDER BY number", (contract_id,)
            ).fetchall()
            if not rows:
                return []
            of = contract(conn, contract_id)
            return [_cycle(r, of) for r in rows]

    def cycle_row(self, cycle_id: int) -> CycleRow:
        with self._sql() as conn:
            return cycle_row(conn, cycle_id)

    def find_cycle(self, number: int, contract_id: int | None = None) -> CycleRow:
        """Cycle ``number`` of ``contract_id`` (default: the first contract)."""
        with self._sql() as conn:
            if contract_id is None:
                contract_id = conn.execute("SELECT min(id) FROM contracts").fetchone()[0]
            row = conn.execute(
                _CYCLE_SQL + " WHERE contract_id = ? AND number = ?", (contract_id, number)
            ).fetchone()
            if row is None:
                raise StoreError(f"没有第{number}考核周期")
            return _cycle(row, contract(conn, contract_id))

    # -- the cycle as the core sees it -------------------------------------------------------------
    def cycle_data(self, cycle_id: int) -> tuple[CycleData, dict[str, list[int]]]:
        with self._sql() as conn:
            return cycle_data(conn, cycle_id)

    def evidence(self, kind: str, record_id: int) -> Any:
        check_kind(kind)
        with self._sql() as conn:
            select = f"SELECT id, cycle_id, {', '.join(COLUMNS[kind])} FROM {kind}"
            row = _by_id(conn, select, record_id, f"记录不存在：{kind} #{record_id}")
            return _build(kind, [row], files_by_record(conn, [row[1]]))[0]

    def evidence_cycle(self, kind: str, record_id: int) -> int:
        check_kind(kind)
        with self._sql() as conn:
            return _by_id(
                conn, f"SELECT cycle_id FROM {kind}", record_id, f"记录不存在：{kind} #{record_id}"
            )[0]

    # -- exports (sign-off) -------------------------------------------------------------------------
    def record_export(self, cycle_id: int, sha256: str, fingerprint: str, kind: str, path: str) -> None:
        """Register an exported file (its SHA-256 and the cycle's fingerprint), audited."""
        with self._sql(write=True) as conn:
            version = cycle_row(conn, cycle_id).version
            at = now()
            values = {
                "cycle_id": cycle_id,
                "version": version,
                "sha256": sha256.lower(),
                "fingerprint": fingerprint,
                "kind": kind,
                "path": str(path),
                "at": at,
                "operator": self.operator,
            }
            stored = {**values, "at": datetime_text(at)}
            cursor = conn.execute(
                f"INSERT INTO exports ({', '.join(stored)}) VALUES ({', '.join('?' * len(stored))})",
                tuple(stored.values()),
            )
            state = chain.jsonable({"id": cursor.lastrowid, **values})
            chain.append(
                conn, self.operator, [("create", "exports", cursor.lastrowid, None, state, cycle_id)]
            )
        self._mark_written()

    # -- backups and closing -----------------------------------------------------------------------
    def backup_keep(self) -> int:
        with self._sql() as conn:
            row = conn.execute("SELECT value FROM app_settings WHERE key = 'backup_keep'").fetchone()
        return int(row[0]) if row else backup.DEFAULT_KEEP

    def close(self, backup_on_close: bool = True) -> Path | None:
        """Close; when anything was written, make the rotating automatic backup first."""
        if self.closed:
            return None
        made = None
        try:
            keep = self.backup_keep() if backup_on_close and self._written() else 0
            self._disconnect()
            if keep:
                try:
                    made = backup.rotate(self.path, keep)
                # closing must not fail because a backup did
                except (StoreError, OSError, sqlite3.Error) as exc:
                    self.backup_error = f"自动备份失败：{exc}"
        finally:
            self._disconnect()
            self._lock.release()
            self.closed = True
        return made

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
