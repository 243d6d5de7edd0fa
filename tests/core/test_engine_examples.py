"""Every worked example and boundary of scoring-rules.md, scored by the real engine.

Expected numbers are derived from scoring-rules.md / the contract by hand, not
read back from the engine. The base cycle is cycle 2 of the real contract
(2024-12-30 .. 2025-03-29, assessed 2025-04-03) with every item at full marks;
each test changes only the evidence under test.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from panelapp.core.contract import Contract
from panelapp.core.engine import score_cycle
from panelapp.core.evidence import (
    Absence,
    CycleData,
    DefectReport,
    Drill,
    Evidence,
    ExemptWeek,
    Fault,
    ItemOverride,
    LateOptimization,
    LevelOverride,
    OffhoursMiss,
    SecurityEvent,
    Settings,
    SpecialPeriod,
    Training,
    UnfulfilledCommitment,
    Violation,
    WeeklyReport,
)
from panelapp.core.scheme import load_scheme

D = date
CONTRACT = Contract(
    number="HAJCR2401215EGN00",
    project="平顶山市“互联网+政务服务”平台运维项目",
    purchaser="平顶山市行政审批和政务信息管理局",
    vendor="中电信数智科技有限公司河南分公司",
    total_amount=Decimal("2545000.00"),
    signed_on=D(2024, 9, 30),
)
# Mondays of the 13 weeks of cycle 2, by hand from 2024-12-30.
C2_MONDAYS = [D(2024, 12, 30) + timedelta(weeks=i) for i in range(13)]
ASSESSED = D(2025, 4, 3)


def weekly(skip_weeks=(), offset=1):
    """One report per cycle-2 week (dated Monday + offset), except the given week numbers."""
    return tuple(
        WeeklyReport(m + timedelta(days=offset), f"第{n}周巡检报告")
        for n, m in enumerate(C2_MONDAYS, start=1)
        if n not in skip_weeks
    )


FULL = Evidence(
    weekly_reports=weekly(),
    defect_reports=(DefectReport(D(2025, 2, 10), "第一季度缺陷分析"),),
    drills=(Drill(D(2025, 1, 20), "数据库切换演练"),),
    trainings=(Training(D(2025, 2, 20), "电子证照系统操作", True, True, True),),
)


DEFAULT_SETTINGS = Settings()


def cycle(cycle_no=2, assessed_on=ASSESSED, settings=DEFAULT_SETTINGS, overrides=None, **evidence):
    ev = replace(FULL, **evidence) if cycle_no == 2 else Evidence(**evidence)
    return CycleData(CONTRACT, cycle_no, assessed_on, settings, (), ev, dict(overrides or {}))


def score(**kw):
    return score_cycle(cycle(**kw))


def item(result, item_id):
    return result.item(item_id)


T0 = datetime(2025, 1, 5, 9, 0)


def fault(
    minutes: float,
    effect="interruption",
    serious=True,
    vendor=True,
    fid="F-01",
    start=T0,
    report_after=2,
    respond_after=3,
    onsite_after=None,
    deadline=None,
    submitted="same_day",
    override=None,
):
    """A fault that, unless told otherwise, is answered in time and reported the same day."""
    restored = start + timedelta(minutes=minutes)
    reported = start + timedelta(minutes=report_after)
    return Fault(
        id=fid,
        business="统一受理平台",
        description="数据库连接池耗尽",
        effect=effect,
        started_at=start,
        restored_at=restored,
        serious_impact=serious,
        vendor_caused=vendor,
        reported_at=reported,
        responded_at=None if respond_after is None else reported + timedelta(minutes=respond_after),
        onsite_at=None if onsite_after is None else reported + timedelta(minutes=onsite_after),
        restore_deadline_at=deadline,
        report_submitted_on=restored.date() if submitted == "same_day" else submitted,
        level_override=override,
    )


def test_base_cycle_scores_full_marks():
    r = score()
    assert [(i.id, i.score) for i in r.items] == [
        ("1.1", 5),
        ("1.2", 5),
        ("1.3", 5),
        ("1.4", 5),
        ("1.5", 5),
        ("2.1", 20),
        ("2.2", 20),
        ("3.1", 15),
        ("3.2", 10),
        ("3.3", 10),
    ]
    assert [(s.id, s.score) for s in r.sections] == [("1", 25), ("2", 40), ("3", 35)]
    assert r.total == 100 and r.tier_percent == 0
    assert r.deduction_amount == Decimal("0.00")
    assert (r.start, r.end) == (D(2024, 12, 30), D(2025, 3, 29))
    assert all(i.deduction == 0 and i.explanation for i in r.items)


# ---------------------------------------------------------------- 2.1 fault levels


@pytest.mark.parametrize(
    ("effect", "minutes", "serious", "level", "points"),
    [
        ("interruption", 300, True, "II", 15),  # exactly 5 h is not "超过 5 小时"
        ("interruption", 301, True, "I", 20),  # 5 h 1 min
        ("interruption", 300 + 1 / 60, True, "I", 20),  # 5 h and one second is strictly more
        ("interruption", 61, True, "II", 15),
        ("interruption", 60, True, "III", 10),  # exactly 1 h
        ("interruption", 21, True, "III", 10),
        ("interruption", 20, True, "IV", 5),  # exactly 20 min
        ("interruption", 5, True, "IV", 5),
        ("degradation", 121, True, "II", 15),
        ("degradation", 120, True, "III", 10),  # exactly 2 h
        ("degradation", 61, True, "III", 10),
        ("degradation", 60, True, "IV", 5),  # exactly 1 h
        ("degradation", 360, True, "II", 15),  # 6 h: degradation never reaches I
        ("degradation", 3000, True, "II", 15),
        ("interruption", 600, False, "IV", 5),  # no serious impact: IV whatever the duration
        ("interruption", 301, False, "IV", 5),
        ("degradation", 360, False, "IV", 5),
    ],
)
def test_fault_level_boundaries(effect, minutes, serious, level, points):
    f = fault(minutes, effect=effect, serious=serious, deadline=T0 + timedelta(days=3))
    r = score(faults=(f,))
    fa = r.faults[0]
    assert fa.computed_level == level and fa.level == level
    assert fa.duration_minutes == int(minutes)
    assert item(r, "2.1").deduction == points
    assert item(r, "2.1").score == 20 - points
    assert item(r, "2.1").lines[0].refs[0].kind == "faults"
    assert item(r, "2.1").lines[0].refs[0].index == 0


def test_worked_explanation_of_fault_f07():
    f = fault(95, fid="F-07")
    r = score(faults=(f,))
    assert item(r, "2.1").explanation == "故障F-07（全部中断1小时35分，严重影响）定为二级较大故障，扣15分"
    assert item(r, "2.1").score == 5


def test_only_vendor_caused_faults_deduct_in_2_1_but_every_fault_counts_in_3_1():
    # Not the vendor's fault, level I by the clock, answered 30 min after the report.
    f = fault(400, vendor=False, respond_after=30, deadline=T0 + timedelta(days=1))
    r = score(faults=(f,))
    assert r.faults[0].computed_level == "I"
    assert item(r, "2.1").deduction == 0 and item(r, "2.1").score == 20
    assert item(r, "3.1").deduction == 1
    assert "F-01" in item(r, "2.1").explanation


def test_level_override_keeps_both_values_and_explains_them():
    f = fault(95, override=LevelOverride("IV", "业务量极低时段，影响有限"))
    r = score(faults=(f,))
    fa = r.faults[0]
    assert (fa.computed_level, fa.level) == ("II", "IV")
    assert item(r, "2.1").deduction == 5
    text = item(r, "2.1").explanation
    assert "二级较大故障" in text and "四级其它故障" in text
    assert "业务量极低时段，影响有限" in text
    assert "扣5分" in text


def test_level_override_upwards():
    f = fault(10, override=LevelOverride("I", "造成全市窗口停办"))
    r = score(faults=(f,))
    assert (r.faults[0].computed_level, r.faults[0].level) == ("IV", "I")
    assert item(r, "2.1").score == 0


def test_faults_have_no_floor_and_the_total_can_go_below_zero():
    faults = tuple(
        fault(400, fid=f"F-{i}", start=T0 + timedelta(days=i), deadline=T0 + timedelta(days=30))
        for i in range(7)
    )
    events = tuple(SecurityEvent(D(2025, 2, 1 + i), "major", True, "数据泄露") for i in range(3))
    r = score(faults=faults, security_events=events)
    assert item(r, "2.1").score == 20 - 7 * 20 == -120
    assert item(r, "2.2").score == 20 - 3 * 20 == -40
    assert r.section("2").score == -160
    assert r.total == 25 - 160 + 35 == -100
    assert r.tier_percent == 20
    assert r.deduction_amount == Decimal("509000.00")


def test_two_faults_add_up_in_2_1():
    f1 = fault(301, fid="F-01")
    f2 = fault(30, fid="F-02", start=T0 + timedelta(days=2))
    r = score(faults=(f1, f2))
    assert item(r, "2.1").deduction == 30
    assert item(r, "2.1").score == -10


# ---------------------------------------------------------------- 2.2 security events


@pytest.mark.parametrize(
    ("kind", "points"), [("major", 20), ("notified", 5), ("reminder", 3), ("hidden_danger", 2)]
)
def test_security_event_points(kind, points):
    r = score(security_events=(SecurityEvent(D(2025, 3, 1), kind, True, "弱口令"),))
    assert item(r, "2.2").deduction == points
    r = score(security_events=(SecurityEvent(D(2025, 3, 1), kind, False, "弱口令"),))
    assert item(r, "2.2").deduction == 0


def test_security_events_go_negative():
    events = (
        SecurityEvent(D(2025, 3, 1), "major", True, "系统瘫痪"),
        SecurityEvent(D(2025, 3, 2), "reminder", True, "弱口令提醒"),
    )
    assert item(score(security_events=events), "2.2").score == -3


# ---------------------------------------------------------------- 1.1 weekly reports


def test_worked_explanation_of_missing_weeks_3_and_7():
    r = score(weekly_reports=weekly(skip_weeks=(3, 7)))
    assert item(r, "1.1").deduction == 2 and item(r, "1.1").score == 3
    assert item(r, "1.1").explanation == "第3周（2025-01-13起）、第7周（2025-02-10起）无巡检报告，扣2分"


def test_worked_explanation_of_cycle_file_example_week_5():
    r = score(weekly_reports=weekly(skip_weeks=(5,)))
    assert item(r, "1.1").explanation == "第5周（2025-01-27起）无巡检报告，扣1分"


def test_seven_missing_weeks_floor_at_zero():
    r = score(weekly_reports=weekly(skip_weeks=(1, 2, 3, 4, 5, 6, 7)))
    i = item(r, "1.1")
    assert i.score == 0 and i.deduction == 5 and i.computed_deduction == 5
    assert i.floor == 0
    assert "扣完为止" in i.explanation
    assert r.total == 95


def test_no_weekly_report_at_all_deducts_five():
    r = score(weekly_reports=())
    assert item(r, "1.1").score == 0


@pytest.mark.parametrize("offset", [0, 3, 6])  # Monday, Thursday, Sunday
def test_a_report_on_any_day_of_the_week_covers_it(offset):
    assert item(score(weekly_reports=weekly(offset=offset)), "1.1").deduction == 0


def test_two_reports_in_one_week_do_not_cover_another_week():
    reports = weekly(skip_weeks=(4,)) + (WeeklyReport(C2_MONDAYS[4] + timedelta(days=4), "补充报告"),)
    assert item(score(weekly_reports=reports), "1.1").deduction == 1


def test_exempt_weeks_are_not_required():
    exempt = (ExemptWeek(D(2025, 1, 27), "春节假期"), ExemptWeek(D(2025, 2, 3), "春节假期"))
    r = score(weekly_reports=weekly(skip_weeks=(5, 6)), exempt_weeks=exempt)
    assert item(r, "1.1").deduction == 0
    assert "春节假期" in item(r, "1.1").explanation
    # An exemption does not excuse a different week.
    r = score(weekly_reports=weekly(skip_weeks=(5, 8)), exempt_weeks=exempt[:1])
    assert item(r, "1.1").deduction == 1
    assert "第8周（2025-02-17起）" in item(r, "1.1").explanation


# ---------------------------------------------------------------- 1.2 special periods


def special(n, delivered):
    return SpecialPeriod(
        f"特殊时期{n}",
        D(2025, 1, 2 + n),
        D(2025, 1, 3 + n),
        "信息科",
        D(2025, 1, 4 + n) if delivered else None,
    )


@pytest.mark.parametrize(
    ("missing", "delivered", "deduction"), [(0, 3, 0), (1, 0, 2), (2, 1, 4), (3, 0, 5), (4, 2, 5)]
)
def test_special_periods_two_points_each_capped_at_five(missing, delivered, deduction):
    periods = tuple(special(i, False) for i in range(missing)) + tuple(
        special(10 + i, True) for i in range(delivered)
    )
    i = item(score(special_periods=periods), "1.2")
    assert i.deduction == deduction and i.score == 5 - deduction
    for line in i.lines:
        if line.points:
            assert [ref.kind for ref in line.refs] == ["special_periods"]
            assert periods[line.refs[0].index].report_date is None


# ---------------------------------------------------------------- 1.3 defect reports


@pytest.mark.parametrize(
    ("required", "have", "deduction"),
    [(1, 0, 5), (1, 1, 0), (1, 3, 0), (2, 1, 5), (2, 0, 5), (3, 2, 5), (2, 2, 0)],
)
def test_defect_reports_required_count_setting(required, have, deduction):
    reports = tuple(DefectReport(D(2025, 2, 1 + i), f"缺陷分析{i}") for i in range(have))
    r = score(defect_reports=reports, settings=Settings(defect_reports_required=required))
    assert item(r, "1.3").deduction == deduction and item(r, "1.3").score == 5 - deduction


# ---------------------------------------------------------------- 1.4 / 1.5 half-year items


@pytest.mark.parametrize(("cycle_no", "closing"), [(1, 2), (3, 4)])
def test_half_year_items_are_pending_full_marks_in_cycles_1_and_3(cycle_no, closing):
    r = score(cycle_no=cycle_no, assessed_on=CONTRACT.cycle(cycle_no).end + timedelta(days=3))
    for item_id in ("1.4", "1.5"):
        i = item(r, item_id)
        assert i.pending
        assert i.score == 5 and i.deduction == 0
        assert f"第{closing}周期" in i.explanation


def test_half_year_items_are_judged_in_cycle_2():
    r = score(drills=(), trainings=())
    for item_id in ("1.4", "1.5"):
        assert not item(r, item_id).pending
        assert item(r, item_id).score == 0 and item(r, item_id).deduction == 5


def test_an_event_held_in_cycle_1_counts_for_h1_when_judging_cycle_2():
    r = score(
        drills=(Drill(D(2024, 11, 15), "网络中断应急演练"),),
        trainings=(Training(D(2024, 10, 20), "好差评系统培训", True, True, True),),
    )
    assert item(r, "1.4").score == 5 and not item(r, "1.4").pending
    assert item(r, "1.5").score == 5


def test_cycle_4_judges_h2_only():
    # An H1 drill/training does not count for H2.
    data = CycleData(
        CONTRACT,
        4,
        D(2025, 10, 5),
        Settings(),
        (),
        Evidence(
            drills=(Drill(D(2025, 1, 20), "演练"),),
            trainings=(Training(D(2025, 2, 20), "培训", True, True, True),),
        ),
    )
    r = score_cycle(data)
    assert item(r, "1.4").deduction == 5 and item(r, "1.5").deduction == 5
    data = replace(
        data,
        evidence=Evidence(
            drills=(Drill(D(2025, 5, 6), "演练"),),
            trainings=(Training(D(2025, 8, 1), "培训", True, True, True),),
        ),
    )
    r = score_cycle(data)
    assert item(r, "1.4").deduction == 0 and item(r, "1.5").deduction == 0


@pytest.mark.parametrize(
    ("parts", "missing"),
    [
        ((False, True, True), ["培训教材"]),
        ((True, False, True), ["签到表"]),
        ((True, True, False), ["照片"]),
        ((True, False, False), ["签到表", "照片"]),
    ],
)
def test_training_with_incomplete_archive_does_not_count_and_names_the_missing_part(parts, missing):
    r = score(trainings=(Training(D(2025, 2, 20), "电子证照系统操作", *parts),))
    i = item(r, "1.5")
    assert i.score == 0 and i.deduction == 5
    for part in missing:
        assert part in i.explanation
    present = {"培训教材", "签到表", "照片"} - set(missing)
    note = next(line for line in i.lines if line.refs)
    assert note.refs[0].kind == "trainings" and note.refs[0].index == 0
    for part in present:
        assert f"缺{part}" not in note.text


def test_one_complete_training_is_enough_beside_an_incomplete_one():
    trainings = (
        Training(D(2025, 1, 10), "培训甲", True, True, False),
        Training(D(2025, 2, 20), "培训乙", True, True, True),
    )
    assert item(score(trainings=trainings), "1.5").deduction == 0


# ---------------------------------------------------------------- 3.1 fault response

DEADLINE_FAR = T0 + timedelta(days=3)


@pytest.mark.parametrize(("respond_after", "late"), [(10, False), (11, True), (9, False), (45, True)])
def test_late_response_is_more_than_10_minutes_after_report(respond_after, late):
    r = score(faults=(fault(30, respond_after=respond_after),))
    assert r.faults[0].late_response is late
    assert item(r, "3.1").deduction == (1 if late else 0)


@pytest.mark.parametrize(("onsite_after", "late"), [(60, False), (61, True), (30, False)])
def test_late_on_site_is_more_than_60_minutes_after_report(onsite_after, late):
    r = score(faults=(fault(90, onsite_after=onsite_after),))
    assert r.faults[0].late_response is late
    assert item(r, "3.1").deduction == (1 if late else 0)


def test_late_response_and_late_on_site_cost_one_point_for_the_fault():
    r = score(faults=(fault(90, respond_after=20, onsite_after=90),))
    assert item(r, "3.1").deduction == 1


def test_response_and_on_site_settings():
    f = fault(90, respond_after=20, onsite_after=100)
    r = score(faults=(f,), settings=Settings(response_minutes=20, onsite_minutes=100))
    assert item(r, "3.1").deduction == 0
    r = score(faults=(f,), settings=Settings(response_minutes=19, onsite_minutes=100))
    assert item(r, "3.1").deduction == 1


@pytest.mark.parametrize(("minutes", "late"), [(2 + 8 * 60, False), (2 + 8 * 60 + 1, True), (600, True)])
def test_default_restoration_deadline_is_8_hours_after_report(minutes, late):
    # reported 2 minutes after the start; restored ``minutes`` after the start.
    f = fault(minutes, vendor=False)
    r = score(faults=(f,))
    assert r.faults[0].late_restoration is late
    assert item(r, "3.1").deduction == (1 if late else 0)


def test_restoration_deadline_setting():
    f = fault(5 * 60, vendor=False)  # restored 4 h 58 min after the report
    assert item(score(faults=(f,), settings=Settings(restore_deadline_hours=4)), "3.1").deduction == 1
    assert item(score(faults=(f,), settings=Settings(restore_deadline_hours=5)), "3.1").deduction == 0


def test_per_fault_restoration_deadline_overrides_the_default():
    reported = T0 + timedelta(minutes=2)
    tight = fault(180, vendor=False, deadline=reported + timedelta(hours=2))
    assert score(faults=(tight,)).faults[0].late_restoration
    assert item(score(faults=(tight,)), "3.1").deduction == 1
    loose = fault(600, vendor=False, deadline=reported + timedelta(hours=24))
    assert not score(faults=(loose,)).faults[0].late_restoration
    assert item(score(faults=(loose,)), "3.1").deduction == 0


# Fault restored 2025-01-05 10:00 -> report due 2025-01-08 (restoration date + 3 calendar days).
@pytest.mark.parametrize(
    ("submitted", "days"),
    [(D(2025, 1, 5), 0), (D(2025, 1, 8), 0), (D(2025, 1, 9), 1), (D(2025, 1, 12), 4), (D(2025, 1, 20), 12)],
)
def test_report_overdue_days(submitted, days):
    r = score(faults=(fault(60, vendor=False, submitted=submitted),))
    assert r.faults[0].overdue_days == days
    assert not r.faults[0].report_missing
    assert item(r, "3.1").deduction == days


def test_report_due_days_setting():
    f = fault(60, vendor=False, submitted=D(2025, 1, 9))
    assert item(score(faults=(f,), settings=Settings(report_due_days=5)), "3.1").deduction == 0
    assert item(score(faults=(f,), settings=Settings(report_due_days=1)), "3.1").deduction == 3


def test_unsubmitted_report_is_overdue_up_to_the_assessment_date():
    # Restored 2025-03-20 -> due 03-23; assessed 03-27 -> 4 days overdue, flagged not submitted.
    f = fault(60, vendor=False, start=datetime(2025, 3, 20, 9, 0), submitted=None)
    r = score(faults=(f,), assessed_on=D(2025, 3, 27))
    assert r.faults[0].report_missing
    assert r.faults[0].overdue_days == 4
    assert item(r, "3.1").deduction == 4
    assert "未提交" in item(r, "3.1").explanation


def test_unsubmitted_report_not_yet_due_costs_nothing_but_is_flagged():
    f = fault(60, vendor=False, start=datetime(2025, 3, 20, 9, 0), submitted=None)
    r = score(faults=(f,), assessed_on=D(2025, 3, 23))
    assert r.faults[0].report_missing and r.faults[0].overdue_days == 0
    assert item(r, "3.1").deduction == 0
    assert "未提交" in item(r, "3.1").explanation


def test_fault_response_is_capped_at_15():
    # Unsubmitted report of a fault restored 2025-01-05, assessed 2025-04-03: 85 days overdue.
    r = score(faults=(fault(60, vendor=False, submitted=None),))
    assert r.faults[0].overdue_days == (D(2025, 4, 3) - D(2025, 1, 8)).days == 85
    i = item(r, "3.1")
    assert i.score == 0 and i.deduction == 15
    # Sixteen faults, each answered late: 16 points, capped at 15.
    faults = tuple(
        fault(30, vendor=False, fid=f"F-{n}", start=T0 + timedelta(days=n), respond_after=30)
        for n in range(16)
    )
    i = item(score(faults=faults), "3.1")
    assert i.deduction == 15 and i.score == 0


def test_response_deductions_add_up_per_fault():
    f1 = fault(600, vendor=False, fid="F-01", respond_after=15)  # late response + late restoration
    f2 = fault(60, vendor=False, fid="F-02", start=T0 + timedelta(days=1), submitted=D(2025, 1, 11))  # 2 days
    r = score(faults=(f1, f2))
    assert item(r, "3.1").deduction == 4


# ---------------------------------------------------------------- 3.2 on-site service


def misses(n):
    return tuple(
        OffhoursMiss(datetime(2025, 1, 4, 23, 0) + timedelta(days=i), "夜间值班电话未接通") for i in range(n)
    )


@pytest.mark.parametrize(
    ("n", "deduction"), [(0, 0), (2, 0), (3, 1), (5, 1), (6, 2), (8, 2), (9, 3), (35, 10)]
)
def test_offhours_misses_deduct_one_per_three(n, deduction):
    assert item(score(offhours_misses=misses(n)), "3.2").deduction == deduction


@pytest.mark.parametrize(("points", "deduction"), [(1, 1), (2, 2)])
def test_violation_points_setting(points, deduction):
    v = (Violation(D(2025, 2, 11), "未按规范登记变更", False), Violation(D(2025, 2, 12), "已改正", True))
    r = score(violations=v, settings=Settings(violation_points=points))
    assert item(r, "3.2").deduction == deduction
    # The value used is printed in the item's 指标说明.
    scheme = load_scheme("pingdingshan-2024")
    text = scheme.description(scheme.item("3.2"), Settings(violation_points=points))
    assert f"仍拒绝改正，每发生一次，扣{points}分" in text


def test_excused_absence_is_free_unexcused_costs_one():
    absences = (
        Absence(D(2025, 1, 14), "驻场人员A", True, "病假"),
        Absence(D(2025, 1, 15), "驻场人员B", False),
    )
    i = item(score(absences=absences), "3.2")
    assert i.deduction == 1
    assert [ref.index for line in i.lines if line.points for ref in line.refs] == [1]


def test_on_site_service_is_capped_at_10():
    absences = tuple(Absence(D(2025, 1, 6) + timedelta(days=i), "驻场人员A", False) for i in range(8))
    v = (Violation(D(2025, 2, 11), "未按规范登记变更", False),)
    r = score(
        absences=absences, violations=v, offhours_misses=misses(3), settings=Settings(violation_points=2)
    )
    assert item(r, "3.2").deduction == 10 and item(r, "3.2").score == 0  # 8 + 2 + 1 = 11 -> 10


# ---------------------------------------------------------------- 3.3 support


@pytest.mark.parametrize(
    ("commitments", "late", "deduction"),
    [(1, 0, 2), (0, 1, 3), (2, 1, 7), (2, 2, 10), (1, 3, 10), (6, 0, 10)],
)
def test_support_points_and_cap(commitments, late, deduction):
    r = score(
        unfulfilled_commitments=tuple(UnfulfilledCommitment(f"承诺{i}") for i in range(commitments)),
        late_optimizations=tuple(LateOptimization(f"任务{i}", D(2025, 3, 15)) for i in range(late)),
    )
    assert item(r, "3.3").deduction == deduction and item(r, "3.3").score == 10 - deduction


# ---------------------------------------------------------------- tiers and money


def with_deduction(d: int):
    """Cycle-2 evidence costing exactly ``d`` points: hidden dangers (2 each, no floor) and an absence."""
    h, a = divmod(d, 2)
    return {
        "security_events": tuple(
            SecurityEvent(D(2025, 1, 2) + timedelta(days=i), "hidden_danger", True, "隐患") for i in range(h)
        ),
        "absences": tuple(Absence(D(2025, 3, 3), "驻场人员A", False) for _ in range(a)),
    }


@pytest.mark.parametrize(
    ("total", "percent", "amount"),
    [
        (100, 0, "0.00"),
        (95, 0, "0.00"),
        (94, 5, "127250.00"),
        (85, 5, "127250.00"),
        (84, 10, "254500.00"),
        (80, 10, "254500.00"),
        (79, 20, "509000.00"),
        (40, 20, "509000.00"),
    ],
)
def test_tiers_and_money_on_the_contract_total(total, percent, amount):
    r = score(**with_deduction(100 - total))
    assert r.total == total
    assert r.tier_percent == percent
    assert isinstance(r.deduction_amount, Decimal)
    assert r.deduction_amount == Decimal(amount)
    assert str(r.deduction_amount) == amount  # two places, never float
    assert r.deduction_amount.as_tuple().exponent == -2


def test_money_rounds_half_up_to_the_fen_only_at_the_end():
    # 1,234.50 x 5% = 61.725 -> 61.73 (half up; banker's rounding would give 61.72).
    odd = replace(CONTRACT, total_amount=Decimal("1234.50"))
    data = replace(cycle(**with_deduction(10)), contract=odd)
    r = score_cycle(data)
    assert r.tier_percent == 5
    assert str(r.deduction_amount) == "61.73"


# ---------------------------------------------------------------- item override


def test_item_override_with_reason():
    reason = "第3周报告因系统故障延迟上传，考核组认可"
    r = score(weekly_reports=weekly(skip_weeks=(3, 7)), overrides={"1.1": ItemOverride(1, reason)})
    i = item(r, "1.1")
    assert i.computed_deduction == 2
    assert i.deduction == 1 and i.score == 4
    assert i.override_reason == reason and i.overridden
    assert reason in i.explanation and "2" in i.explanation and "扣1分" in i.explanation
    assert r.total == 99 and r.tier_percent == 0
    other = item(r, "1.2")
    assert not other.overridden and other.override_reason is None


def test_item_override_changes_total_tier_and_money():
    r = score(overrides={"3.3": ItemOverride(6, "未完成投标承诺三项")})
    assert item(r, "3.3").score == 4 and item(r, "3.3").computed_deduction == 0
    assert r.total == 94 and r.tier_percent == 5
    assert r.deduction_amount == Decimal("127250.00")


@pytest.mark.parametrize("deduction", [7, -3])
def test_item_override_cannot_push_a_floored_item_outside_its_range(deduction):
    try:
        r = score(overrides={"1.1": ItemOverride(deduction, "考核组意见")})
    except ValueError:
        return  # refusing the override is an acceptable reading too
    assert 0 <= item(r, "1.1").score <= 5


def test_assess_fault_for_live_forms_agrees_with_the_engine():
    from panelapp.core.rules import assess_fault

    params = load_scheme("pingdingshan-2024").item("2.1").params
    faults = (
        fault(301, fid="F-01", respond_after=11, submitted=D(2025, 1, 9)),
        fault(120, effect="degradation", fid="F-02", onsite_after=61, submitted=None),
        fault(20, fid="F-03", override=LevelOverride("III", "影响面较大")),
    )
    r = score(faults=faults)
    for i, f in enumerate(faults):
        live = assess_fault(i, f, Settings(), params, ASSESSED)
        assert live == r.faults[i]
    assert [(fa.computed_level, fa.level) for fa in r.faults] == [("I", "I"), ("III", "III"), ("IV", "III")]
    assert [fa.late_response for fa in r.faults] == [True, True, False]
    # F-01 restored 2025-01-05 14:01, due 01-08, submitted 01-09: 1 day. F-02 not submitted: 01-08 -> 04-03.
    assert [fa.overdue_days for fa in r.faults] == [1, 85, 0]
    assert "报修后11分钟响应" in item(r, "3.1").explanation
    assert "报修后61分钟到场" in item(r, "3.1").explanation
