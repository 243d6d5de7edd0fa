"""Table models of 运维材料完整性 (1.1–1.5)."""

from __future__ import annotations

from panelapp.ui.models.base import EvidenceModel, d, files_text, yes


class WeeklyReportModel(EvidenceModel):
    KIND = "weekly_reports"
    COLUMNS = (("日期", lambda r: d(r.date)), ("标题", lambda r: r.title), ("附件", lambda r: files_text(r.files)))


class ExemptWeekModel(EvidenceModel):
    KIND = "exempt_weeks"
    COLUMNS = (("免报周（周一）", lambda r: d(r.week_of)), ("理由", lambda r: r.reason))


class SpecialPeriodModel(EvidenceModel):
    KIND = "special_periods"
    COLUMNS = (
        ("名称", lambda r: r.name),
        ("开始", lambda r: d(r.start)),
        ("结束", lambda r: d(r.end)),
        ("要求单位", lambda r: r.requested_by),
        ("报告日期", lambda r: d(r.report_date, "未提交")),
        ("附件", lambda r: files_text(r.files)),
    )


class DefectReportModel(EvidenceModel):
    KIND = "defect_reports"
    COLUMNS = (("日期", lambda r: d(r.date)), ("标题", lambda r: r.title), ("附件", lambda r: files_text(r.files)))


class DrillModel(EvidenceModel):
    KIND = "drills"
    COLUMNS = (("日期", lambda r: d(r.date)), ("演练内容", lambda r: r.title), ("附件", lambda r: files_text(r.files)))


def _archive(r) -> str:
    return "归档完整" if r.complete else "缺：" + "、".join(r.missing_parts)


class TrainingModel(EvidenceModel):
    KIND = "trainings"
    COLUMNS = (
        ("日期", lambda r: d(r.date)),
        ("培训主题", lambda r: r.topic),
        ("培训教材", lambda r: yes(r.courseware, "有", "缺")),
        ("签到表", lambda r: yes(r.sign_in_sheet, "有", "缺")),
        ("照片", lambda r: yes(r.photos, "有", "缺")),
        ("归档", _archive),
        ("附件", lambda r: files_text(r.files)),
    )
