"""Which fields each evidence kind has, their bounds, and cross-field checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication

from panelapp.core.contract import HalfYear, Period
from panelapp.core.text import SECURITY_KIND_NAMES
from panelapp.ui.forms.fields import BoolField, ChoiceField, DateField, DateTimeField, Field, TextField

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal")


@dataclass(frozen=True)
class Bounds:
    """Dates a record may carry: the cycle, or the half-year for drills and trainings."""

    cycle: Period
    half: HalfYear

    @property
    def after(self) -> date:
        """Follow-up dates (restoration, reports) may fall a little after the cycle."""
        return self.cycle.end + timedelta(days=60)


def _cycle_date(key, label, b: Bounds, **kw) -> DateField:
    return DateField(key, label, b.cycle.start, b.cycle.end, **kw)


def fields_for(kind: str, b: Bounds) -> list[Field]:
    c = b.cycle
    if kind == "weekly_reports":
        lo, hi = c.week_span()
        return [
            DateField("date", translate("FieldSpecs", "报告日期"), lo, hi),
            TextField("title", translate("FieldSpecs", "标题")),
        ]
    if kind == "exempt_weeks":
        lo, hi = c.week_span()
        return [
            DateField("week_of", translate("FieldSpecs", "免报周（任一天）"), lo, hi),
            TextField("reason", translate("FieldSpecs", "理由")),
        ]
    if kind == "special_periods":
        return [
            TextField("name", translate("FieldSpecs", "特殊时期名称")),
            _cycle_date("start", translate("FieldSpecs", "开始日期"), b),
            DateField("end", translate("FieldSpecs", "结束日期"), c.start, b.after),
            TextField("requested_by", translate("FieldSpecs", "要求单位")),
            DateField(
                "report_date",
                translate("FieldSpecs", "报告日期"),
                c.start,
                b.after,
                optional=True,
                none_text=translate("FieldSpecs", "未提交报告"),
            ),
        ]
    if kind in ("defect_reports",):
        return [
            _cycle_date("date", translate("FieldSpecs", "报告日期"), b),
            TextField("title", translate("FieldSpecs", "标题")),
        ]
    if kind == "drills":
        return [
            DateField(
                "date", translate("FieldSpecs", "演练日期（本半年度）"), b.half.start, c.end, default=c.start
            ),
            TextField("title", translate("FieldSpecs", "演练内容")),
        ]
    if kind == "trainings":
        return [
            DateField(
                "date", translate("FieldSpecs", "培训日期（本半年度）"), b.half.start, c.end, default=c.start
            ),
            TextField("topic", translate("FieldSpecs", "培训主题")),
            BoolField("courseware", translate("FieldSpecs", "培训教材"), translate("FieldSpecs", "已归档")),
            BoolField("sign_in_sheet", translate("FieldSpecs", "签到表"), translate("FieldSpecs", "已归档")),
            BoolField("photos", translate("FieldSpecs", "培训照片"), translate("FieldSpecs", "已归档")),
        ]
    if kind == "security_events":
        return [
            _cycle_date("date", translate("FieldSpecs", "日期"), b),
            ChoiceField("kind", translate("FieldSpecs", "事件类型"), SECURITY_KIND_NAMES,
                        placeholder=translate("FieldSpecs", "（请选择）")),
            BoolField(
                "vendor_caused",
                translate("FieldSpecs", "原因"),
                translate("FieldSpecs", "运维单位原因"),
            ),
            TextField("description", translate("FieldSpecs", "说明")),
        ]
    if kind == "absences":
        return [
            _cycle_date("date", translate("FieldSpecs", "日期"), b),
            TextField("person", translate("FieldSpecs", "驻场人员")),
            BoolField(
                "excused",
                translate("FieldSpecs", "缺勤理由"),
                translate("FieldSpecs", "有正当理由（不扣分）"),
            ),
            TextField("note", translate("FieldSpecs", "备注"), required=False),
        ]
    if kind == "violations":
        return [
            _cycle_date("noticed_on", translate("FieldSpecs", "书面通报日期"), b),
            TextField("description", translate("FieldSpecs", "违规情况")),
            BoolField(
                "corrected",
                translate("FieldSpecs", "改正情况"),
                translate("FieldSpecs", "通报后已改正（不扣分）"),
            ),
        ]
    if kind == "offhours_misses":
        return [
            DateTimeField("at", translate("FieldSpecs", "时间"), c.start, c.end),
            TextField("description", translate("FieldSpecs", "情况")),
        ]
    if kind == "unfulfilled_commitments":
        return [
            TextField("commitment", translate("FieldSpecs", "投标承诺")),
            TextField("note", translate("FieldSpecs", "备注"), required=False),
        ]
    if kind == "late_optimizations":
        return [
            TextField("task", translate("FieldSpecs", "优化任务")),
            _cycle_date("deadline", translate("FieldSpecs", "规定时限"), b),
            TextField("note", translate("FieldSpecs", "备注"), required=False),
        ]
    raise KeyError(kind)


def cross_check(kind: str, values: dict) -> dict[str, str]:
    """Errors between fields, keyed by the field to show them under (fields not filled in yet are skipped)."""
    errors: dict[str, str] = {}
    if kind == "special_periods":
        start, end, report = values.get("start"), values.get("end"), values.get("report_date")
        if start is not None and end is not None and end < start:
            errors["end"] = translate("FieldSpecs", "结束日期不得早于开始日期")
        if start is not None and report is not None and report < start:
            errors["report_date"] = translate("FieldSpecs", "报告日期不得早于特殊时期开始日期")
    return errors
