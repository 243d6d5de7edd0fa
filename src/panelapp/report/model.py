"""What a score sheet shows, gathered in one place, independent of where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from panelapp.core.evidence import EVIDENCE_KINDS, EVIDENCE_LABELS, CycleData, FileRef
from panelapp.core.result import CycleResult
from panelapp.core.scheme import Scheme
from panelapp.core.text import EFFECT_NAMES, SECURITY_KIND_NAMES, day_text, duration_text, time_text


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


def _yes(flag: bool, yes: str, no: str) -> str:
    return yes if flag else no


def describe(kind: str, ev) -> tuple[str, str]:
    """(date text, description) of one evidence record, in Chinese."""
    if kind in ("weekly_reports", "defect_reports", "drills"):
        return day_text(ev.date), ev.title
    if kind == "exempt_weeks":
        return day_text(ev.week_of), f"免报周（{ev.reason}）"
    if kind == "special_periods":
        report = f"{day_text(ev.report_date)}交报告" if ev.report_date else "未交报告"
        return (day_text(ev.start),
                f"{ev.name}（{day_text(ev.start)}至{day_text(ev.end)}，{ev.requested_by}要求；{report}）")
    if kind == "trainings":
        archive = "档案齐全" if ev.complete else "缺" + "、".join(ev.missing_parts)
        return day_text(ev.date), f"{ev.topic}（{archive}）"
    if kind == "faults":
        facts = "，".join((
            EFFECT_NAMES.get(ev.effect, ev.effect),
            duration_text((ev.restored_at - ev.started_at).total_seconds()),
            _yes(ev.serious_impact, "严重影响", "无严重影响"),
            _yes(ev.vendor_caused, "运维单位原因", "非运维单位原因"),
        ))
        return time_text(ev.started_at), f"故障{ev.id} {ev.business}：{ev.description}（{facts}）"
    if kind == "security_events":
        cause = "" if ev.vendor_caused else "，非运维单位原因"
        return day_text(ev.date), f"{SECURITY_KIND_NAMES.get(ev.kind, ev.kind)}：{ev.description}{cause}"
    if kind == "absences":
        note = f"（{ev.note}）" if ev.note else ""
        return day_text(ev.date), f"{ev.person}{_yes(ev.excused, '有故缺席', '无故缺席')}{note}"
    if kind == "violations":
        return day_text(ev.noticed_on), f"{ev.description}（{_yes(ev.corrected, '已改正', '书面通报后未改正')}）"
    if kind == "offhours_misses":
        return time_text(ev.at), ev.description
    if kind == "unfulfilled_commitments":
        return "—", ev.commitment + (f"（{ev.note}）" if ev.note else "")
    if kind == "late_optimizations":
        return day_text(ev.deadline), f"{ev.task}（时限{day_text(ev.deadline)}）" + (
            f"，{ev.note}" if ev.note else "")
    raise KeyError(kind)


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
