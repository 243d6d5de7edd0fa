"""Table models of 运维材料完整性 (1.1–1.5)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from panelapp.ui.models.base import EvidenceModel, columns, translate


class WeeklyReportModel(EvidenceModel):
    KIND = "weekly_reports"
    COLUMNS = columns(KIND)


class ExemptWeekModel(EvidenceModel):
    KIND = "exempt_weeks"
    COLUMNS = columns(KIND)


class SpecialPeriodModel(EvidenceModel):
    KIND = "special_periods"
    COLUMNS = columns(KIND)


class DefectReportModel(EvidenceModel):
    KIND = "defect_reports"
    COLUMNS = columns(KIND)


class DrillModel(EvidenceModel):
    KIND = "drills"
    COLUMNS = columns(KIND)


def _archive(r) -> str:
    if r.complete:
        return translate("EvidenceModel", "归档完整")
    return translate("EvidenceModel", "缺：{parts}").format(parts="、".join(r.missing_parts))


class TrainingModel(EvidenceModel):
    KIND = "trainings"
    COLUMNS = (
        *columns(KIND, "date", "topic", "courseware", "sign_in_sheet", "photos"),
        (QT_TRANSLATE_NOOP("EvidenceModel", "归档"), _archive),
        *columns(KIND, "files"),
    )
