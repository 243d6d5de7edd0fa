"""What a score sheet shows, gathered in one place, independent of where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from panelapp.core.describe import describe as core_describe
from panelapp.core.evidence import EVIDENCE_KINDS, EVIDENCE_LABELS, CycleData, FileRef
from panelapp.core.result import CycleResult
from panelapp.core.scheme import Scheme


@dataclass(frozen=True)
class SheetInput:
    """Everything the score sheet prints.

    ``cycle_id`` is the database id (None for a sheet made from a file alone);
    ``finalised_by``/``finalised_at`` are set when the cycle is 定稿.
    """

    data: CycleData
    result: CycleResult
    scheme: Scheme
    fingerprint: str
    version: int = 1
    cycle_id: int | None = None
    status: str = "open"
    finalised_by: str | None = None
    finalised_at: datetime | None = None
    generated_at: datetime | None = None
    reopen_reason: str | None = None  # why the previous version was reopened (version > 1)
    chain_head: str | None = None  # the audit chain's last hash when exported (printed by the fingerprint)
    stored_fingerprint: str | None = None  # the fingerprint recorded at 定稿 (None while open)


@dataclass(frozen=True)
class EvidenceRow:
    kind: str
    index: int
    label: str  # Chinese kind label
    when: str
    text: str
    files: tuple[FileRef, ...]
    costs: tuple[str, ...]  # e.g. "3.2 扣1分", "3.2 合计扣1分（同批3条）"


def describe(kind: str, ev: Any) -> tuple[str, str]:
    """(date text, description) of one evidence record, in Chinese: derived from the kind's
    declaration in core (core/describe.py)."""
    return core_describe(kind, ev)


def evidence_rows(data: CycleData, result: CycleResult) -> list[EvidenceRow]:
    """Every evidence record in kind order, with the points its deduction lines cost."""
    costs: dict[tuple[str, int], list[str]] = {}
    for item in result.items:
        for line in item.lines:
            if not line.points:
                continue
            n = len(line.refs)
            for ref in line.refs:
                text = f"{item.id} 扣{line.points}分" if n == 1 else f"{item.id} 合计扣{line.points}分（同批{n}条）"
                costs.setdefault((ref.kind, ref.index), []).append(text)
    rows = []
    for kind in EVIDENCE_KINDS:
        for index, ev in enumerate(getattr(data.evidence, kind)):
            when, text = describe(kind, ev)
            rows.append(EvidenceRow(kind, index, EVIDENCE_LABELS[kind], when, text,
                                    tuple(getattr(ev, "files", ()) or ()),
                                    tuple(costs.get((kind, index), ()))))
    return rows


def period_text(start: date, end: date) -> str:
    return f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"
