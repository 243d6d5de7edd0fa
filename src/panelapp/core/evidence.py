"""One cycle's facts: the evidence the panel records (docs/cycle-file.md, version 1).

Plain frozen dataclasses. Field names are the cycle file's keys, so the
reader, the writer, the store and the engine speak one vocabulary.

Each evidence field is declared here once, with its words and constraints in a
FieldSpec (``field(metadata=meta(...))``, core/declare.py); KINDS lists the kinds.
Adding a field to a kind is one declaration here plus a migration (docs/evidence.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from panelapp.core.contract import Contract
from panelapp.core.declare import KindSpec, meta
from panelapp.core.text import EFFECT_NAMES, SECURITY_KIND_NAMES, duration_text

Effect = Literal["interruption", "degradation"]
SecurityKind = Literal["major", "notified", "reminder", "hidden_danger"]
Level = Literal["I", "II", "III", "IV"]

EFFECTS: tuple[str, ...] = ("interruption", "degradation")
SECURITY_KINDS: tuple[str, ...] = ("major", "notified", "reminder", "hidden_danger")
LEVELS: tuple[str, ...] = ("I", "II", "III", "IV")

_FILES = meta("附件", help="附件（文件名、SHA-256、大小）；周期文件中可省略")
_NOTE = meta("备注", required=False, form_required=False, sheet=("（{}）", ""), help="可空；周期文件中可省略")


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
    date: date = field(metadata=meta("报告日期", column="日期", span="weeks", help="本周期13个巡检周内的任一天"))
    title: str = field(metadata=meta("标题", required=False))
    files: tuple[FileRef, ...] = field(default=(), metadata=_FILES)


@dataclass(frozen=True, slots=True)
class ExemptWeek:
    week_of: date = field(metadata=meta("免报周（任一天）", column="免报周（周一）", span="weeks",
                                        help="该周内任一天，按所在的周（周一至周日）免报"))
    reason: str = field(metadata=meta("理由", sheet=("免报周（{}）", "")))


@dataclass(frozen=True, slots=True)
class SpecialPeriod:
    name: str = field(metadata=meta("特殊时期名称", column="名称"))
    start: date = field(metadata=meta("开始日期", column="开始", span="cycle"))
    end: date = field(metadata=meta("结束日期", column="结束", span="follow_up", help="不得早于开始日期"))
    requested_by: str = field(metadata=meta("要求单位", required=False))
    report_date: date | None = field(metadata=meta(
        "报告日期", span="follow_up", empty="未提交", unset="未提交报告", sheet=("{}交报告", "未交报告"),
        help="特巡特维报告的提交日期；未提交为空"))
    files: tuple[FileRef, ...] = field(default=(), metadata=_FILES)


@dataclass(frozen=True, slots=True)
class DefectReport:
    date: date = field(metadata=meta("报告日期", column="日期", span="cycle"))
    title: str = field(metadata=meta("标题", required=False))
    files: tuple[FileRef, ...] = field(default=(), metadata=_FILES)


@dataclass(frozen=True, slots=True)
class Drill:
    """An emergency drill; 1.4 counts it only when held and reported (附件2: 并出具报告).

    ``reported``: True a drill report was delivered, False none was, None not recorded
    (records made before cycle-file version 3 / database revision 0003_drill_report).
    """

    date: date = field(metadata=meta("演练日期（本半年度）", column="日期", span="half"))
    title: str = field(metadata=meta("演练内容", required=False))
    reported: bool | None = field(default=None, metadata=meta(
        "演练报告", words=("已出具", "未出具（不计入）"), empty="未记录（按已出具计）", since=3,
        help="是否已出具演练报告（附件2：并出具报告）；未出具的演练不计入1.4；旧数据为“未记录”，按已出具计"))
    files: tuple[FileRef, ...] = field(default=(), metadata=_FILES)

    @property
    def report_text(self) -> str:
        """The sheet's words for the drill report (三 states)."""
        return {True: "已出具演练报告", False: "未出具演练报告，不计入", None: "未记录是否出具报告"}[self.reported]


@dataclass(frozen=True, slots=True)
class Training:
    date: date = field(metadata=meta("培训日期（本半年度）", column="日期", span="half"))
    topic: str = field(metadata=meta("培训主题"))
    courseware: bool = field(metadata=meta("培训教材", check="已归档", words=("有", "缺")))
    sign_in_sheet: bool = field(metadata=meta("签到表", check="已归档", words=("有", "缺")))
    photos: bool = field(metadata=meta("培训照片", column="照片", check="已归档", words=("有", "缺")))
    files: tuple[FileRef, ...] = field(default=(), metadata=_FILES)

    @property
    def missing_parts(self) -> tuple[str, ...]:
        """Archive parts still missing, in Chinese (培训教材, 签到表, 照片)."""
        parts = (("培训教材", self.courseware), ("签到表", self.sign_in_sheet), ("照片", self.photos))
        return tuple(name for name, present in parts if not present)

    @property
    def complete(self) -> bool:
        return self.courseware and self.sign_in_sheet and self.photos

    @property
    def archive_text(self) -> str:
        """档案齐全, or 缺 and the missing parts (the sheet's words)."""
        return "档案齐全" if self.complete else "缺" + "、".join(self.missing_parts)


@dataclass(frozen=True, slots=True)
class LevelOverride:
    level: Level
    reason: str


@dataclass(frozen=True, slots=True)
class Fault:
    id: str = field(metadata=meta("故障编号", column="编号", help="本周期内唯一"))
    business: str = field(metadata=meta("受影响业务", column="业务", required=False))
    description: str = field(metadata=meta("故障描述", required=False))
    effect: Effect = field(metadata=meta("影响类型", column="影响", names=EFFECT_NAMES))
    started_at: datetime = field(metadata=meta("开始时间", column="开始", span="cycle"))
    restored_at: datetime = field(metadata=meta("恢复时间", column="恢复", span="follow_up",
                                                help="不得早于开始时间"))
    serious_impact: bool = field(metadata=meta("严重影响", check="造成严重影响（考核组判断）",
                                               sheet=("严重影响", "无严重影响")))
    vendor_caused: bool = field(metadata=meta("原因", column="运维原因", check="运维单位原因",
                                              sheet=("运维单位原因", "非运维单位原因")))
    reported_at: datetime = field(metadata=meta("报修时间", column="报修", span="follow_up"))
    responded_at: datetime | None = field(metadata=meta("响应时间", column="响应", span="follow_up",
                                                        empty="未响应", unset="未响应"))
    onsite_at: datetime | None = field(default=None, metadata=meta(
        "到场时间", column="到场", span="follow_up", empty="无需到场", unset="无需到场"))
    restore_deadline_at: datetime | None = field(default=None, metadata=meta(
        "恢复时限", span="follow_up", table=False, help="空：按默认（报修后若干小时）"))
    report_submitted_on: date | None = field(default=None, metadata=meta(
        "故障报告提交", column="报告提交", span="follow_up", empty="未提交", unset="未提交"))
    level_override: LevelOverride | None = field(default=None, metadata=meta(
        "改定等级", table=False, help="考核组改定的故障等级及书面理由"))
    files: tuple[FileRef, ...] = field(default=(), metadata=_FILES)

    @property
    def duration_minutes(self) -> int:
        return int((self.restored_at - self.started_at).total_seconds() // 60)

    @property
    def duration_text(self) -> str:
        """持续时长 in Chinese (1小时35分)."""
        return duration_text((self.restored_at - self.started_at).total_seconds())


#: A security event "被通报", or a late optimisation that harmed the bureau's own assessment, may also be
#: a criticism of contract 十一.3 (10,000.00 at payment): marked on the record itself, so one event is
#: entered once and counted once (docs/scoring.md "Settlement").
_CRITICISM = meta(
    "通报批评", check="同时构成上级通报批评或影响考核（合同十一.3，支付时扣减）",
    words=("是", "否"), sheet=("，同时按合同十一.3在支付时扣减", ""), since=3,
    help="本事件同时导致采购人被上级单位通报批评或影响其考核指标（合同十一.3）：支付时另行扣减；"
         "只在此勾选，不要在结算中重复登记")


@dataclass(frozen=True, slots=True)
class SecurityEvent:
    date: date = field(metadata=meta("日期", span="cycle"))
    kind: SecurityKind = field(metadata=meta("事件类型", column="类型", names=SECURITY_KIND_NAMES))
    vendor_caused: bool = field(metadata=meta("原因", column="运维原因", check="运维单位原因",
                                              sheet=("", "，非运维单位原因")))
    description: str = field(metadata=meta("说明", required=False))
    criticism: bool = field(default=False, metadata=_CRITICISM)
    files: tuple[FileRef, ...] = field(default=(), metadata=_FILES)


@dataclass(frozen=True, slots=True)
class Absence:
    date: date = field(metadata=meta("日期", span="cycle"))
    person: str = field(metadata=meta("驻场人员", column="人员"))
    excused: bool = field(metadata=meta("缺勤理由", column="有正当理由", check="有正当理由（不扣分）",
                                        sheet=("有故缺席", "无故缺席")))
    note: str = field(default="", metadata=_NOTE)


@dataclass(frozen=True, slots=True)
class Violation:
    noticed_on: date = field(metadata=meta("书面通报日期", span="cycle"))
    description: str = field(metadata=meta("违规情况"))
    corrected: bool = field(metadata=meta("改正情况", column="已改正", check="通报后已改正（不扣分）",
                                          sheet=("已改正", "书面通报后未改正")))


@dataclass(frozen=True, slots=True)
class OffhoursMiss:
    at: datetime = field(metadata=meta("时间", span="cycle"))
    description: str = field(metadata=meta("情况", required=False))


@dataclass(frozen=True, slots=True)
class UnfulfilledCommitment:
    commitment: str = field(metadata=meta("投标承诺", column="未完成的投标承诺"))
    note: str = field(default="", metadata=_NOTE)


@dataclass(frozen=True, slots=True)
class LateOptimization:
    task: str = field(metadata=meta("优化任务"))
    deadline: date = field(metadata=meta("规定时限", span="cycle"))
    note: str = field(default="", metadata=meta("备注", required=False, form_required=False, sheet=("，{}", ""),
                                                 help="可空；周期文件中可省略"))
    criticism: bool = field(default=False, metadata=_CRITICISM)


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


#: Every evidence kind, in cycle-file order: key, dataclass, Chinese label, the sheet's date and text.
KINDS: tuple[KindSpec, ...] = (
    KindSpec("weekly_reports", WeeklyReport, "日常巡检报告", "date", "{title}"),
    KindSpec("exempt_weeks", ExemptWeek, "免报周", "week_of", "{reason}"),
    KindSpec("special_periods", SpecialPeriod, "特巡特维", "start",
             "{name}（{start}至{end}，{requested_by}要求；{report_date}）"),
    KindSpec("defect_reports", DefectReport, "缺陷分析报告", "date", "{title}"),
    KindSpec("drills", Drill, "应急演练", "date", "{title}（{report_text}）"),
    KindSpec("trainings", Training, "培训记录", "date", "{topic}（{archive_text}）"),
    KindSpec("faults", Fault, "系统运行故障", "started_at",
             "故障{id} {business}：{description}（{effect}，{duration_text}，{serious_impact}，{vendor_caused}）"),
    KindSpec("security_events", SecurityEvent, "安全运行事件", "date", "{kind}：{description}{vendor_caused}"),
    KindSpec("absences", Absence, "驻场缺勤", "date", "{person}{excused}{note}"),
    KindSpec("violations", Violation, "违规未改正", "noticed_on", "{description}（{corrected}）"),
    KindSpec("offhours_misses", OffhoursMiss, "非工作时间未响应", "at", "{description}"),
    KindSpec("unfulfilled_commitments", UnfulfilledCommitment, "未完成投标承诺", None, "{commitment}{note}"),
    KindSpec("late_optimizations", LateOptimization, "优化服务未及时完成", "deadline",
             "{task}（时限{deadline}）{note}"),
)
KIND: dict[str, KindSpec] = {k.key: k for k in KINDS}

EVIDENCE_KINDS: tuple[str, ...] = tuple(k.key for k in KINDS)
#: kinds judged per half-year (scoring-rules.md §1): a record may belong to the earlier cycle of it
HALF_YEAR_KINDS: tuple[str, ...] = ("drills", "trainings")
EVIDENCE_TYPES: dict[str, type] = {k.key: k.type for k in KINDS}
#: Chinese labels of the evidence kinds, for messages and tables.
EVIDENCE_LABELS: dict[str, str] = {k.key: k.label for k in KINDS}


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
class RegisterEntry:
    """A payment-time deduction entered in the register (contract 十一.3 criticism; 十一.2 entries made
    before commitments were marked in their cycle), carried by the file of the cycle it counts in.
    It costs no points: the engine ignores it; the settlement charges it (core/settlement.py)."""

    kind: Literal["criticism", "commitment"]
    date: date
    description: str
    count: int = 1


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
    #: the register's payment-time deductions dated in (or assigned to) this cycle (cycle-file v3)
    payment_deductions: tuple[RegisterEntry, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Nothing entered for the cycle yet (no evidence, no item override)."""
        return self.evidence.count() == 0 and not self.item_overrides
