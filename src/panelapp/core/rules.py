"""One function per rule kind: evidence in, deduction lines out.

Each rule returns an Outcome: the lines (each with its points and the evidence
that caused it; zero-point lines are notes), the sentence to show when nothing
is deducted, and, for half-year items judged later, the pending sentence.
Points come from the scheme item's params or the settings, never from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from panelapp.core.contract import HalfYear, Period, Week, monday_of
from panelapp.core.evidence import CycleData, Drill, ExemptWeek, Fault, Settings, WeeklyReport
from panelapp.core.result import DeductionLine, EvidenceRef, FaultAssessment
from panelapp.core.scheme import Item
from panelapp.core.text import (
    EFFECT_NAMES,
    LEVEL_NAMES,
    SECURITY_KIND_NAMES,
    day_text,
    duration_text,
    time_text,
)
from panelapp.core.workdays import DEFAULT_WORKING_HOURS, Span, hours_text, offhours_problem


@dataclass
class Context:
    data: CycleData
    period: Period
    half_year: HalfYear
    faults: list[FaultAssessment] = field(default_factory=list)
    working_hours: tuple[Span, ...] = DEFAULT_WORKING_HOURS


@dataclass
class Outcome:
    lines: list[DeductionLine]
    ok_text: str
    pending: str | None = None


Rule = Callable[[Item, Context], Outcome]
RULES: dict[str, Rule] = {}


def rule(kind: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        RULES[kind] = fn
        return fn

    return register


def _ref(kind: str, index: int) -> tuple[EvidenceRef, ...]:
    return (EvidenceRef(kind, index),)


def _other_week(ctx: Context, day: date) -> str:
    """Whose week ``day`` lies in, when not one of this cycle's weeks (scoring.md, week boundaries)."""
    monday = monday_of(day)
    thursday = monday + timedelta(days=3)
    owner = ctx.data.contract.cycle_of(thursday)
    span = f"{day_text(monday)}至{day_text(monday + timedelta(days=6))}"
    if owner is None:
        return f"所在周（{span}）在服务期之外"
    number = next(w.number for w in ctx.data.contract.cycle(owner).weeks() if w.monday == monday)
    return f"所在周（{span}）是第{owner}考核周期的第{number}周"


def week_states(
    period: Period, reports: tuple[WeeklyReport, ...], exempts: tuple[ExemptWeek, ...], assessed_on: date | None
) -> list[tuple[Week, str]]:
    """Each week of 1.1 with its state: "reported", "exempt", "open" (not over on the assessment
    date, so not yet due: 预评) or "missing" (due, neither reported nor exempt)."""
    reported = {monday_of(r.date) for r in reports}
    exempt = {monday_of(e.week_of) for e in exempts}
    states = []
    for week in period.weeks():
        if week.monday in reported:
            states.append((week, "reported"))
        elif week.monday in exempt:
            states.append((week, "exempt"))
        elif assessed_on is not None and week.sunday > assessed_on:
            states.append((week, "open"))
        else:
            states.append((week, "missing"))
    return states


@rule("weekly_reports")
def weekly_reports(item: Item, ctx: Context) -> Outcome:
    ev = ctx.data.evidence
    weeks = ctx.period.weeks()
    mondays = {w.monday for w in weeks}
    exempt = {monday_of(e.week_of): (i, e) for i, e in enumerate(ev.exempt_weeks)}
    per = item.params["points_per_missing"]
    states = week_states(ctx.period, ev.weekly_reports, ev.exempt_weeks, ctx.data.assessed_on)
    due = [w for w in weeks if w.sunday <= ctx.data.assessed_on]  # over on the assessment date
    missing = [w for w, state in states if state == "missing"]
    lines = []
    if missing:
        names = "、".join(f"第{w.number}周（{day_text(w.monday)}起）" for w in missing)
        lines.append(DeductionLine(per * len(missing), f"{names}无巡检报告，扣{per * len(missing)}分"))
    pending = [w for w, state in states if state == "open"]
    if pending:
        names = "、".join(f"第{w.number}周" for w in pending)
        text = f"{names}在评定日{day_text(ctx.data.assessed_on)}尚未结束，暂不计缺报"
        lines.append(DeductionLine(0, text))
    for w in weeks:
        if w.monday in exempt:
            i, e = exempt[w.monday]
            lines.append(DeductionLine(0, f"第{w.number}周免报（{e.reason}）", _ref("exempt_weeks", i)))
    for kind, records, key, what in (
        ("weekly_reports", ev.weekly_reports, "date", "巡检报告"),
        ("exempt_weeks", ev.exempt_weeks, "week_of", "免报周"),
    ):
        for i, r in enumerate(records):
            day = getattr(r, key)
            if monday_of(day) not in mondays:
                text = f"{day_text(day)}的{what}：{_other_week(ctx, day)}，不计入本周期"
                lines.append(DeductionLine(0, text, _ref(kind, i)))
    required = len(due) - sum(1 for w in due if w.monday in exempt)
    if not due:
        return Outcome(lines, "评定日尚无已结束的巡检周，不扣分")
    return Outcome(lines, f"应报{required}周均有巡检报告，不扣分")


@rule("special_periods")
def special_periods(item: Item, ctx: Context) -> Outcome:
    per = item.params["points_per_missing"]
    lines = []
    for i, sp in enumerate(ctx.data.evidence.special_periods):
        if sp.report_date is not None:
            continue
        label = f"特殊时期“{sp.name}”（{day_text(sp.start)}至{day_text(sp.end)}，{sp.requested_by}要求）"
        if sp.end >= ctx.data.assessed_on:
            # still running on the assessment date: its report is not yet due (预评)
            text = f"{label}在评定日{day_text(ctx.data.assessed_on)}尚未结束，报告尚未到期，暂不扣分"
            lines.append(DeductionLine(0, text, _ref("special_periods", i)))
        else:
            lines.append(DeductionLine(per, f"{label}未出具特巡报告，扣{per}分", _ref("special_periods", i)))
    count = len(ctx.data.evidence.special_periods)
    ok = f"{count}个特殊时期均出具报告，不扣分" if count else "本周期无管理单位要求的特殊时期，不扣分"
    if any(not line.points for line in lines):
        ended = [sp for sp in ctx.data.evidence.special_periods if sp.end < ctx.data.assessed_on]
        ok = f"已结束的{len(ended)}个特殊时期均出具报告，不扣分" if ended else ""
    return Outcome(lines, ok)


@rule("defect_reports")
def defect_reports(item: Item, ctx: Context) -> Outcome:
    required = ctx.data.settings.defect_reports_required
    have = len(ctx.data.evidence.defect_reports)
    missing = max(0, required - have)
    per = item.params["points_per_missing"]
    lines = []
    if missing and ctx.data.assessed_on < ctx.period.end:
        # the cycle's report is due by its last day (预评)
        text = (
            f"应交缺陷分析报告{required}份，已交{have}份；本周期至{day_text(ctx.period.end)}结束，"
            f"评定日{day_text(ctx.data.assessed_on)}尚未到期，暂不扣分"
        )
        return Outcome([DeductionLine(0, text)], "")
    if missing:
        text = f"应交缺陷分析报告{required}份，实交{have}份，缺{missing}份，扣{per * missing}分"
        lines.append(DeductionLine(per * missing, text))
    return Outcome(lines, f"已交缺陷分析报告{have}份（应交{required}份），不扣分")


def _half_year_label(ctx: Context) -> str:
    hy = ctx.half_year
    return f"第{hy.number}个半年度（{day_text(hy.start)}至{day_text(hy.end)}）"


def _pending(ctx: Context, what: str, held: list[str]) -> str | None:
    if ctx.data.cycle == ctx.half_year.closing_cycle:
        return None
    so_far = f"；已有：{'、'.join(held)}" if held else ""
    return f"半年度指标，于第{ctx.half_year.closing_cycle}周期（半年末）评定{what}{so_far}；本周期不扣分"


def _half_year_open(ctx: Context, what: str) -> DeductionLine | None:
    """In the closing cycle assessed before the half-year's last day, a missing event is not yet due."""
    if ctx.data.assessed_on >= ctx.half_year.end:
        return None
    text = (
        f"{_half_year_label(ctx)}在评定日{day_text(ctx.data.assessed_on)}尚未结束，"
        f"{what}尚未到期，暂不扣分"
    )
    return DeductionLine(0, text)


def drill_counts(drill: Drill) -> bool:
    """A drill counts when held and reported; ``None`` (not recorded, older data) counts as before."""
    return drill.reported is not False


def _drill_name(drill: Drill) -> str:
    name = f"{day_text(drill.date)} {drill.title}"
    if drill.reported is False:
        return f"{name}（未出具报告，不计）"
    if drill.reported is None:
        return f"{name}（未记录是否出具报告）"
    return name


@rule("half_year_drill")
def half_year_drill(item: Item, ctx: Context) -> Outcome:
    hy = ctx.half_year
    held = [(i, d) for i, d in enumerate(ctx.data.evidence.drills) if hy.start <= d.date <= ctx.period.end]
    counted = [(i, d) for i, d in held if drill_counts(d)]
    pending = _pending(ctx, "应急演练", [_drill_name(d) for _, d in held])
    if pending:
        return Outcome([], "", pending)
    lines = []
    for i, d in held:
        if d.reported is False:
            text = f"演练“{d.title}”（{day_text(d.date)}）未出具演练报告，不计入"
            lines.append(DeductionLine(0, text, _ref("drills", i)))
        elif d.reported is None:
            text = (
                f"演练“{d.title}”（{day_text(d.date)}）未记录是否出具报告（旧版数据），"
                "按已出具计入；请核实后补记"
            )
            lines.append(DeductionLine(0, text, _ref("drills", i)))
    if not counted:
        still_open = _half_year_open(ctx, "应急演练")
        if still_open is not None:
            return Outcome([*lines, still_open], "")
        pts = item.params["points_if_none"]
        lines.append(DeductionLine(pts, f"{_half_year_label(ctx)}未开展并出具报告的应急演练，扣{pts}分"))
    names = "、".join(f"{day_text(d.date)} {d.title}" for _, d in counted)
    return Outcome(lines, f"本半年度已开展应急演练并出具报告：{names}，不扣分")


@rule("half_year_training")
def half_year_training(item: Item, ctx: Context) -> Outcome:
    hy = ctx.half_year
    held = [(i, t) for i, t in enumerate(ctx.data.evidence.trainings) if hy.start <= t.date <= ctx.period.end]
    complete = [(i, t) for i, t in held if t.complete]
    names = [f"{day_text(t.date)} {t.topic}" for _, t in complete]
    pending = _pending(ctx, "培训记录", names)
    if pending:
        return Outcome([], "", pending)
    lines = []
    for i, t in held:
        if not t.complete:
            text = f"培训“{t.topic}”（{day_text(t.date)}）缺{'、'.join(t.missing_parts)}，归档不完整"
            lines.append(DeductionLine(0, text, _ref("trainings", i)))
    if not complete:
        still_open = _half_year_open(ctx, "培训记录")
        if still_open is not None:
            return Outcome([*lines, still_open], "")
        pts = item.params["points_if_none"]
        lines.append(DeductionLine(pts, f"{_half_year_label(ctx)}无归档完整的培训，扣{pts}分"))
    return Outcome(lines, f"本半年度已开展培训且归档完整：{'、'.join(names)}，不扣分")


def classify_fault(fault: Fault, params: dict[str, Any]) -> str:
    """The contract's level: strictly more than ("超过") each threshold, serious impact required."""
    if not fault.serious_impact:
        return "IV"
    seconds = (fault.restored_at - fault.started_at).total_seconds()
    over = params[f"{fault.effect}_over"]
    for level in ("I", "II", "III"):
        if level in over and seconds > over[level] * 60:
            return level
    return "IV"


def fault_label(fault: Fault) -> str:
    seconds = (fault.restored_at - fault.started_at).total_seconds()
    impact = "严重影响" if fault.serious_impact else "无严重影响"
    return f"故障{fault.id}（{EFFECT_NAMES[fault.effect]}{duration_text(seconds)}，{impact}）"


@rule("faults")
def faults(item: Item, ctx: Context) -> Outcome:
    points = item.params["level_points"]
    lines = []
    for fa in ctx.faults:
        fault = ctx.data.evidence.faults[fa.index]
        ref = _ref("faults", fa.index)
        if fault.level_override is not None:
            desc = (
                f"计算为{LEVEL_NAMES[fa.computed_level]}，考核组改定为{LEVEL_NAMES[fa.level]}"
                f"（理由：{fault.level_override.reason}）"
            )
        else:
            desc = f"定为{LEVEL_NAMES[fa.level]}"
        if fault.vendor_caused:
            pts = points[fa.level]
            lines.append(DeductionLine(pts, f"{fault_label(fault)}{desc}，扣{pts}分", ref))
        else:
            lines.append(DeductionLine(0, f"{fault_label(fault)}非运维单位原因，本项不扣分", ref))
    return Outcome(lines, "本周期无运维单位原因导致的故障，不扣分")


@rule("security_events")
def security_events(item: Item, ctx: Context) -> Outcome:
    points = item.params["kind_points"]
    lines = []
    for i, ev in enumerate(ctx.data.evidence.security_events):
        label = f"{SECURITY_KIND_NAMES[ev.kind]}（{day_text(ev.date)} {ev.description}）"
        if ev.vendor_caused:
            lines.append(DeductionLine(points[ev.kind], f"{label}，扣{points[ev.kind]}分", _ref("security_events", i)))
        else:
            lines.append(DeductionLine(0, f"{label}非运维单位原因，不扣分", _ref("security_events", i)))
    return Outcome(lines, "本周期无运维单位原因导致的安全运行事件，不扣分")


def assess_fault(
    index: int, fault: Fault, settings: Settings, params: dict[str, Any], assessed_on: date
) -> FaultAssessment:
    """Level, lateness and report delay of one fault (scoring-rules.md §2.1, §3.1)."""
    computed = classify_fault(fault, params)
    level = fault.level_override.level if fault.level_override else computed
    late_response = fault.responded_at is None or (
        fault.responded_at - fault.reported_at > timedelta(minutes=settings.response_minutes)
    )
    if fault.onsite_at is not None and fault.onsite_at - fault.reported_at > timedelta(
        minutes=settings.onsite_minutes
    ):
        late_response = True
    deadline = fault.restore_deadline_at or fault.reported_at + timedelta(hours=settings.restore_deadline_hours)
    due = fault.restored_at.date() + timedelta(days=settings.report_due_days)
    until = fault.report_submitted_on or assessed_on
    return FaultAssessment(
        index=index,
        duration_minutes=fault.duration_minutes,
        computed_level=computed,
        level=level,
        late_response=late_response,
        late_restoration=fault.restored_at > deadline,
        overdue_days=max(0, (until - due).days),
        report_missing=fault.report_submitted_on is None,
    )


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


@rule("fault_response")
def fault_response(item: Item, ctx: Context) -> Outcome:
    p = item.params
    s = ctx.data.settings
    lines = []
    for fa in ctx.faults:
        f = ctx.data.evidence.faults[fa.index]
        ref = _ref("faults", fa.index)
        if fa.late_response:
            reasons = []
            if f.responded_at is None:
                reasons.append("无响应记录")
            elif f.responded_at - f.reported_at > timedelta(minutes=s.response_minutes):
                reasons.append(f"报修后{_minutes(f.responded_at - f.reported_at)}分钟响应，时限{s.response_minutes}分钟")
            if f.onsite_at is not None and f.onsite_at - f.reported_at > timedelta(minutes=s.onsite_minutes):
                reasons.append(f"报修后{_minutes(f.onsite_at - f.reported_at)}分钟到场，时限{s.onsite_minutes}分钟")
            pts = p["late_response"]
            lines.append(DeductionLine(pts, f"故障{f.id}响应不及时（{'；'.join(reasons)}），扣{pts}分", ref))
        if fa.late_restoration:
            deadline = f.restore_deadline_at or f.reported_at + timedelta(hours=s.restore_deadline_hours)
            pts = p["late_restoration"]
            text = f"故障{f.id}未在规定时间内恢复（时限{time_text(deadline)}，{time_text(f.restored_at)}恢复），扣{pts}分"
            lines.append(DeductionLine(pts, text, ref))
        due = f.restored_at.date() + timedelta(days=s.report_due_days)
        if fa.report_missing:
            if fa.overdue_days:
                pts = p["per_overdue_day"] * fa.overdue_days
                text = (
                    f"故障{f.id}《故障处理及分析报告》未提交，应于{day_text(due)}前提交，"
                    f"截至评定日{day_text(ctx.data.assessed_on)}逾期{fa.overdue_days}天，扣{pts}分"
                )
                lines.append(DeductionLine(pts, text, ref))
            else:
                lines.append(DeductionLine(0, f"故障{f.id}报告尚未提交（期限{day_text(due)}，未逾期）", ref))
        elif fa.overdue_days:
            assert f.report_submitted_on is not None  # overdue days are counted to the submission
            pts = p["per_overdue_day"] * fa.overdue_days
            text = (
                f"故障{f.id}报告逾期{fa.overdue_days}天（应于{day_text(due)}前提交，"
                f"{day_text(f.report_submitted_on)}提交），扣{pts}分"
            )
            lines.append(DeductionLine(pts, text, ref))
    count = len(ctx.faults)
    ok = f"{count}次故障均及时响应、按时恢复并按期提交报告，不扣分" if count else "本周期无故障，不扣分"
    return Outcome(lines, ok)


@rule("onsite_service")
def onsite_service(item: Item, ctx: Context) -> Outcome:
    p = item.params
    ev = ctx.data.evidence
    lines = []
    for i, a in enumerate(ev.absences):
        if not a.excused:
            pts = p["per_absence"]
            lines.append(DeductionLine(pts, f"{day_text(a.date)} {a.person}无故缺席，扣{pts}分", _ref("absences", i)))
    vp = ctx.data.settings.violation_points
    for i, v in enumerate(ev.violations):
        if not v.corrected:
            text = f"{day_text(v.noticed_on)}书面通报“{v.description}”后仍未改正，扣{vp}分"
            lines.append(DeductionLine(vp, text, _ref("violations", i)))
    counted = []
    for i, miss in enumerate(ev.offhours_misses):
        problem = offhours_problem(miss.at, ctx.working_hours)
        if problem is None:
            counted.append(i)
        else:  # entry refuses these; a record stored before the check is shown, not counted
            lines.append(DeductionLine(0, f"{problem}；本条不计", _ref("offhours_misses", i)))
    n = len(counted)
    if n:
        batch = p["offhours_batch"]
        pts = (n // batch) * p["per_offhours_batch"]
        refs = tuple(EvidenceRef("offhours_misses", i) for i in counted)
        hours = f"工作时间为工作日{hours_text(ctx.working_hours)}"
        if pts:
            text = (
                f"非工作时间无法联系或未按时到场共{n}次（{hours}；每累计{batch}次扣{p['per_offhours_batch']}分），"
                f"扣{pts}分"
            )
        else:
            text = f"非工作时间无法联系或未按时到场{n}次（{hours}），不足{batch}次，不扣分"
        lines.append(DeductionLine(pts, text, refs))
    return Outcome(lines, "驻场人员无缺席、无违规，非工作时间均能联系，不扣分")


@rule("support")
def support(item: Item, ctx: Context) -> Outcome:
    p = item.params
    ev = ctx.data.evidence
    lines = []
    for i, c in enumerate(ev.unfulfilled_commitments):
        pts = p["per_commitment"]
        lines.append(DeductionLine(pts, f"未完成投标承诺“{c.commitment}”，扣{pts}分", _ref("unfulfilled_commitments", i)))
    for i, o in enumerate(ev.late_optimizations):
        if o.deadline >= ctx.data.assessed_on:
            # the deadline has not passed on the assessment date: not yet late (预评)
            text = f"优化任务“{o.task}”期限{day_text(o.deadline)}在评定日{day_text(ctx.data.assessed_on)}尚未届满，暂不扣分"
            lines.append(DeductionLine(0, text, _ref("late_optimizations", i)))
            continue
        pts = p["per_late_optimization"]
        text = f"优化任务“{o.task}”未在期限{day_text(o.deadline)}前完成，扣{pts}分"
        lines.append(DeductionLine(pts, text, _ref("late_optimizations", i)))
    return Outcome(lines, "投标承诺均已完成，优化服务均按时完成，不扣分")
