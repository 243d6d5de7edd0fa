"""One cycle's facts: the evidence the panel records (docs/cycle-file.md, version 1).

Plain frozen dataclasses. Field names are the cycle file's keys, so the
reader, the writer, the store and the engine speak one vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from panelapp.core.contract import Contract

Effect = Literal["interruption", "degradation"]
SecurityKind = Literal["major", "notified", "reminder", "hidden_danger"]
Level = Literal["I", "II", "III", "IV"]

EFFECTS: tuple[str, ...] = ("interruption", "degradation")
SECURITY_KINDS: tuple[str, ...] = ("major", "notified", "reminder", "hidden_danger")
LEVELS: tuple[str, ...] = ("I", "II", "III", "IV")


@dataclass(frozen=True, slots=True)
class FileRef:
    name: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class PanelMember:
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class WeeklyReport:
    date: date
    title: str
    files: tuple[FileRef, ...] = ()


@dataclass(frozen=True, slots=True)
class ExemptWeek:
    week_of: date
    reason: str


@dataclass(frozen=True, slots=True)
class SpecialPeriod:
    name: str
    start: date
    end: date
    requested_by: str
    report_date: date | None
    files: tuple[FileRef, ...] = ()


@dataclass(frozen=True, slots=True)
class DefectReport:
    date: date
    title: str
    files: tuple[FileRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Drill:
    date: date
    title: str
    files: tuple[FileRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Training:
    date: date
    topic: str
    courseware: bool
    sign_in_sheet: bool
    photos: bool
    files: tuple[FileRef, ...] = ()

    @property
    def missing_parts(self) -> tuple[str, ...]:
        """Archive parts still missing, in Chinese (培训教材, 签到表, 照片)."""
        parts = (("培训教材", self.courseware), ("签到表", self.sign_in_sheet), ("照片", self.photos))
        return tuple(name for name, present in parts if not present)

    @property
    def complete(self) -> bool:
        return self.courseware and self.sign_in_sheet and self.photos


@dataclass(frozen=True, slots=True)
class LevelOverride:
    level: Level
    reason: str


@dataclass(frozen=True, slots=True)
class Fault:
    id: str
    business: str
    description: str
    effect: Effect
    started_at: datetime
    restored_at: datetime
    serious_impact: bool
    vendor_caused: bool
    reported_at: datetime
    responded_at: datetime | None
    onsite_at: datetime | None = None
    restore_deadline_at: datetime | None = None
    report_submitted_on: date | None = None
    level_override: LevelOverride | None = None
    files: tuple[FileRef, ...] = ()

    @property
    def duration_minutes(self) -> int:
        return int((self.restored_at - self.started_at).total_seconds() // 60)


@dataclass(frozen=True, slots=True)
class SecurityEvent:
    date: date
    kind: SecurityKind
    vendor_caused: bool
    description: str
    files: tuple[FileRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Absence:
    date: date
    person: str
    excused: bool
    note: str = ""


@dataclass(frozen=True, slots=True)
class Violation:
    noticed_on: date
    description: str
    corrected: bool


@dataclass(frozen=True, slots=True)
class OffhoursMiss:
    at: datetime
    description: str


@dataclass(frozen=True, slots=True)
class UnfulfilledCommitment:
    commitment: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class LateOptimization:
    task: str
    deadline: date
    note: str = ""


@dataclass(frozen=True, slots=True)
class ItemOverride:
    """The panel's own deduction for an item, with its written reason."""

    deduction: int
    reason: str


@dataclass(frozen=True, slots=True)
class Evidence:
    weekly_reports: tuple[WeeklyReport, ...] = ()
    exempt_weeks: tuple[ExemptWeek, ...] = ()
    special_periods: tuple[SpecialPeriod, ...] = ()
    defect_reports: tuple[DefectReport, ...] = ()
    drills: tuple[Drill, ...] = ()
    trainings: tuple[Training, ...] = ()
    faults: tuple[Fault, ...] = ()
    security_events: tuple[SecurityEvent, ...] = ()
    absences: tuple[Absence, ...] = ()
    violations: tuple[Violation, ...] = ()
    offhours_misses: tuple[OffhoursMiss, ...] = ()
    unfulfilled_commitments: tuple[UnfulfilledCommitment, ...] = ()
    late_optimizations: tuple[LateOptimization, ...] = ()

    def count(self) -> int:
        return sum(len(getattr(self, name)) for name in EVIDENCE_KINDS)


EVIDENCE_KINDS: tuple[str, ...] = (
    "weekly_reports",
    "exempt_weeks",
    "special_periods",
    "defect_reports",
    "drills",
    "trainings",
    "faults",
    "security_events",
    "absences",
    "violations",
    "offhours_misses",
    "unfulfilled_commitments",
    "late_optimizations",
)

EVIDENCE_TYPES: dict[str, type] = {
    "weekly_reports": WeeklyReport,
    "exempt_weeks": ExemptWeek,
    "special_periods": SpecialPeriod,
    "defect_reports": DefectReport,
    "drills": Drill,
    "trainings": Training,
    "faults": Fault,
    "security_events": SecurityEvent,
    "absences": Absence,
    "violations": Violation,
    "offhours_misses": OffhoursMiss,
    "unfulfilled_commitments": UnfulfilledCommitment,
    "late_optimizations": LateOptimization,
}

#: Chinese labels of the evidence kinds, for messages and tables.
EVIDENCE_LABELS: dict[str, str] = {
    "weekly_reports": "日常巡检报告",
    "exempt_weeks": "免报周",
    "special_periods": "特巡特维",
    "defect_reports": "缺陷分析报告",
    "drills": "应急演练",
    "trainings": "培训记录",
    "faults": "系统运行故障",
    "security_events": "安全运行事件",
    "absences": "驻场缺勤",
    "violations": "违规未改正",
    "offhours_misses": "非工作时间未响应",
    "unfulfilled_commitments": "未完成投标承诺",
    "late_optimizations": "优化服务未及时完成",
}


@dataclass(frozen=True, slots=True)
class Settings:
    """The scheme's adjustable readings (scoring-rules.md); printed on the sheet."""

    violation_points: int = 1
    defect_reports_required: int = 1
    response_minutes: int = 10
    onsite_minutes: int = 60
    restore_deadline_hours: int = 8
    report_due_days: int = 3


@dataclass(frozen=True, slots=True)
class CycleData:
    """Everything needed to score one cycle."""

    contract: Contract
    cycle: int
    assessed_on: date
    settings: Settings = Settings()
    panel: tuple[PanelMember, ...] = ()
    evidence: Evidence = Evidence()
    item_overrides: dict[str, ItemOverride] = field(default_factory=dict)
