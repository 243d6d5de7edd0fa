"""Table models of 运维材料完整性 (1.1–1.5)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from panelapp.ui.models.base import EvidenceModel, d, files_text, translate


class WeeklyReportModel(EvidenceModel):
    KIND = "weekly_reports"
    COLUMNS = (
        (QT_TRANSLATE_NOOP("EvidenceModel", "日期"), lambda r: d(r.date)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "标题"), lambda r: r.title),
        (QT_TRANSLATE_NOOP("EvidenceModel", "附件"), lambda r: files_text(r.files)),
    )


class ExemptWeekModel(EvidenceModel):
    KIND = "exempt_weeks"
    COLUMNS = (
        (QT_TRANSLATE_NOOP("EvidenceModel", "免报周（周一）"), lambda r: d(r.week_of)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "理由"), lambda r: r.reason),
    )


class SpecialPeriodModel(EvidenceModel):
    KIND = "special_periods"
    COLUMNS = (
        (QT_TRANSLATE_NOOP("EvidenceModel", "名称"), lambda r: r.name),
        (QT_TRANSLATE_NOOP("EvidenceModel", "开始"), lambda r: d(r.start)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "结束"), lambda r: d(r.end)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "要求单位"), lambda r: r.requested_by),
        (
            QT_TRANSLATE_NOOP("EvidenceModel", "报告日期"),
            lambda r: d(r.report_date, translate("EvidenceModel", "未提交")),
        ),
        (QT_TRANSLATE_NOOP("EvidenceModel", "附件"), lambda r: files_text(r.files)),
    )


class DefectReportModel(EvidenceModel):
    KIND = "defect_reports"
    COLUMNS = (
        (QT_TRANSLATE_NOOP("EvidenceModel", "日期"), lambda r: d(r.date)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "标题"), lambda r: r.title),
        (QT_TRANSLATE_NOOP("EvidenceModel", "附件"), lambda r: files_text(r.files)),
    )


def _reported(value: bool | None) -> str:
    if value is None:
        return translate("EvidenceModel", "未记录（按已出具计）")
    return translate("EvidenceModel", "已出具") if value else translate("EvidenceModel", "未出具（不计入）")


class DrillModel(EvidenceModel):
    KIND = "drills"
    COLUMNS = (
        (QT_TRANSLATE_NOOP("EvidenceModel", "日期"), lambda r: d(r.date)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "演练内容"), lambda r: r.title),
        (QT_TRANSLATE_NOOP("EvidenceModel", "演练报告"), lambda r: _reported(r.reported)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "附件"), lambda r: files_text(r.files)),
    )


def _kept(value: bool) -> str:
    return translate("EvidenceModel", "有") if value else translate("EvidenceModel", "缺")


def _archive(r) -> str:
    if r.complete:
        return translate("EvidenceModel", "归档完整")
    return translate("EvidenceModel", "缺：{parts}").format(parts="、".join(r.missing_parts))


class TrainingModel(EvidenceModel):
    KIND = "trainings"
    COLUMNS = (
        (QT_TRANSLATE_NOOP("EvidenceModel", "日期"), lambda r: d(r.date)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "培训主题"), lambda r: r.topic),
        (QT_TRANSLATE_NOOP("EvidenceModel", "培训教材"), lambda r: _kept(r.courseware)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "签到表"), lambda r: _kept(r.sign_in_sheet)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "照片"), lambda r: _kept(r.photos)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "归档"), _archive),
        (QT_TRANSLATE_NOOP("EvidenceModel", "附件"), lambda r: files_text(r.files)),
    )
