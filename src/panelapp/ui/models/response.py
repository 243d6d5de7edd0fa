"""Table models of 运维服务支撑响应度 (3.2, 3.3)."""

from __future__ import annotations

from panelapp.ui.models.base import EvidenceModel, d, dt, yes


class AbsenceModel(EvidenceModel):
    KIND = "absences"
    COLUMNS = (
        ("日期", lambda r: d(r.date)),
        ("人员", lambda r: r.person),
        ("有正当理由", lambda r: yes(r.excused)),
        ("备注", lambda r: r.note),
    )


class ViolationModel(EvidenceModel):
    KIND = "violations"
    COLUMNS = (
        ("书面通报日期", lambda r: d(r.noticed_on)),
        ("违规情况", lambda r: r.description),
        ("已改正", lambda r: yes(r.corrected)),
    )


class OffhoursMissModel(EvidenceModel):
    KIND = "offhours_misses"
    COLUMNS = (("时间", lambda r: dt(r.at)), ("情况", lambda r: r.description))


class CommitmentModel(EvidenceModel):
    KIND = "unfulfilled_commitments"
    COLUMNS = (("未完成的投标承诺", lambda r: r.commitment), ("备注", lambda r: r.note))


class LateOptimizationModel(EvidenceModel):
    KIND = "late_optimizations"
    COLUMNS = (
        ("优化任务", lambda r: r.task),
        ("规定时限", lambda r: d(r.deadline)),
        ("备注", lambda r: r.note),
    )
