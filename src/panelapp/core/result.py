"""What the engine says about a cycle: per item, per section, total and money."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """Points at one evidence record: its kind (cycle-file key) and index in that list."""

    kind: str
    index: int


@dataclass(frozen=True, slots=True)
class DeductionLine:
    """One reason an item lost points, and the evidence that caused it."""

    points: int
    text: str
    refs: tuple[EvidenceRef, ...] = ()


@dataclass(frozen=True, slots=True)
class ItemResult:
    id: str
    section: str
    name: str
    max: int
    floor: int | None
    score: int
    deduction: int
    computed_deduction: int
    lines: tuple[DeductionLine, ...]
    explanation: str
    pending: bool = False
    override_reason: str | None = None

    @property
    def overridden(self) -> bool:
        return self.override_reason is not None


@dataclass(frozen=True, slots=True)
class SectionResult:
    id: str
    name: str
    points: int
    score: int


@dataclass(frozen=True, slots=True)
class FaultAssessment:
    """How the engine read one fault; the UI shows it while the form is typed."""

    index: int
    duration_minutes: int
    computed_level: str
    level: str
    late_response: bool
    late_restoration: bool
    overdue_days: int
    report_missing: bool


@dataclass(frozen=True, slots=True)
class CycleResult:
    contract: str
    cycle: int
    start: date
    end: date
    assessed_on: date
    items: tuple[ItemResult, ...]
    sections: tuple[SectionResult, ...]
    total: int
    tier_percent: int
    deduction_amount: Decimal
    faults: tuple[FaultAssessment, ...] = ()
    base: int = 100
    #: assessed before the cycle's last day (预评): nothing not yet due was deducted; no 定稿
    provisional: bool = False

    @property
    def points_deducted(self) -> int:
        """Points lost against the base (the sum of the items' deductions)."""
        return sum(item.deduction for item in self.items)

    def item(self, item_id: str) -> ItemResult:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def section(self, section_id: str) -> SectionResult:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)
