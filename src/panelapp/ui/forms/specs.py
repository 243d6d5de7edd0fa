"""Which fields each evidence kind has, their bounds, and cross-field checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from panelapp.core.contract import HalfYear, Period
from panelapp.core.text import SECURITY_KIND_NAMES
from panelapp.ui.forms.fields import BoolField, ChoiceField, DateField, DateTimeField, Field, TextField


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
        return [DateField("date", "报告日期", lo, hi), TextField("title", "标题")]
    if kind == "exempt_weeks":
        lo, hi = c.week_span()
        return [DateField("week_of", "免报周（任一天）", lo, hi), TextField("reason", "理由")]
    if kind == "special_periods":
        return [
            TextField("name", "特殊时期名称"),
            _cycle_date("start", "开始日期", b),
            DateField("end", "结束日期", c.start, b.after),
            TextField("requested_by", "要求单位"),
            DateField("report_date", "报告日期", c.start, b.after, optional=True, none_text="未提交报告"),
        ]
    if kind in ("defect_reports",):
        return [_cycle_date("date", "报告日期", b), TextField("title", "标题")]
    if kind == "drills":
        return [DateField("date", "演练日期（本半年度）", b.half.start, c.end, default=c.start), TextField("title", "演练内容")]
    if kind == "trainings":
        return [
            DateField("date", "培训日期（本半年度）", b.half.start, c.end, default=c.start),
            TextField("topic", "培训主题"),
            BoolField("courseware", "培训教材", "已归档"),
            BoolField("sign_in_sheet", "签到表", "已归档"),
            BoolField("photos", "培训照片", "已归档"),
        ]
    if kind == "security_events":
        return [
            _cycle_date("date", "日期", b),
            ChoiceField("kind", "事件类型", SECURITY_KIND_NAMES),
            BoolField("vendor_caused", "原因", "运维单位原因", default=True),
            TextField("description", "说明"),
        ]
    if kind == "absences":
        return [
            _cycle_date("date", "日期", b),
            TextField("person", "驻场人员"),
            BoolField("excused", "缺勤理由", "有正当理由（不扣分）"),
            TextField("note", "备注", required=False),
        ]
    if kind == "violations":
        return [
            _cycle_date("noticed_on", "书面通报日期", b),
            TextField("description", "违规情况"),
            BoolField("corrected", "改正情况", "通报后已改正（不扣分）"),
        ]
    if kind == "offhours_misses":
        return [DateTimeField("at", "时间", c.start, c.end), TextField("description", "情况")]
    if kind == "unfulfilled_commitments":
        return [TextField("commitment", "投标承诺"), TextField("note", "备注", required=False)]
    if kind == "late_optimizations":
        return [
            TextField("task", "优化任务"),
            _cycle_date("deadline", "规定时限", b),
            TextField("note", "备注", required=False),
        ]
    raise KeyError(kind)


def cross_check(kind: str, values: dict) -> dict[str, str]:
    """Errors between fields, keyed by the field to show them under."""
    errors: dict[str, str] = {}
    if kind == "special_periods":
        if values["end"] < values["start"]:
            errors["end"] = "结束日期不得早于开始日期"
        if values["report_date"] is not None and values["report_date"] < values["start"]:
            errors["report_date"] = "报告日期不得早于特殊时期开始日期"
    return errors
