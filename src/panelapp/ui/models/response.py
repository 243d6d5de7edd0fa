"""Table models of 运维服务支撑响应度 (3.2, 3.3)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from panelapp.ui.models.base import EvidenceModel, d, dt, yes


class AbsenceModel(EvidenceModel):
    KIND = "absences"
    COLUMNS = (
        (QT_TRANSLATE_NOOP("EvidenceModel", "日期"), lambda r: d(r.date)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "人员"), lambda r: r.person),
        (QT_TRANSLATE_NOOP("EvidenceModel", "有正当理由"), lambda r: yes(r.excused)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "备注"), lambda r: r.note),
    )


class ViolationModel(EvidenceModel):
    KIND = "violations"
    COLUMNS = (
        (QT_TRANSLATE_NOOP("EvidenceModel", "书面通报日期"), lambda r: d(r.noticed_on)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "违规情况"), lambda r: r.description),
        (QT_TRANSLATE_NOOP("EvidenceModel", "已改正"), lambda r: yes(r.corrected)),
    )


class OffhoursMissModel(EvidenceModel):
    KIND = "offhours_misses"
    COLUMNS = (
        (QT_TRANSLATE_NOOP("EvidenceModel", "时间"), lambda r: dt(r.at)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "情况"), lambda r: r.description),
    )


class CommitmentModel(EvidenceModel):
    KIND = "unfulfilled_commitments"
    COLUMNS = (
        (QT_TRANSLATE_NOOP("EvidenceModel", "未完成的投标承诺"), lambda r: r.commitment),
        (QT_TRANSLATE_NOOP("EvidenceModel", "备注"), lambda r: r.note),
    )


class LateOptimizationModel(EvidenceModel):
    KIND = "late_optimizations"
    COLUMNS = (
        (QT_TRANSLATE_NOOP("EvidenceModel", "优化任务"), lambda r: r.task),
        (QT_TRANSLATE_NOOP("EvidenceModel", "规定时限"), lambda r: d(r.deadline)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "备注"), lambda r: r.note),
    )
