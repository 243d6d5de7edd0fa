"""Honest scores at the edges (issue 11 part 5), worked by hand from the contract and scoring.md.

Calendar facts used below, counted by hand (scoring-rules.md §1):
- cycle 2 is 2024-12-30 (Mon) .. 2025-03-29 (Sat); its week n starts on Monday 2024-12-30 + 7(n-1)
  and ends on the Sunday after, so week 9 ends 2025-03-02 and week 10 ends 2025-03-09.
- cycle 3 starts on Sunday 2025-03-30, which lies in cycle 2's week 13 (2025-03-24 .. 03-30,
  Thursday 03-27); cycle 3's week 1 starts on Monday 2025-03-31.
- cycle 4 ends on Monday 2025-09-29, the last day of service; its week (09-29 .. 10-05, Thursday
  10-02) is after the service period.
- 2025 Spring Festival (State Council notice): holiday 01-28 .. 02-04; Sunday 01-26 and Saturday
  02-08 are 调休 working days. 2025-02-11 is an ordinary Tuesday; 2025-01-04 an ordinary Saturday.
"""

from __future__ import annotations

import copy
import json
import tomllib
from dataclasses import replace
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from test_engine_examples import C2_MONDAYS, CONTRACT, D, cycle, weekly

from panelapp.core.cyclefile import CycleFileError, canonical_json, dump_cycle, parse_cycle
from panelapp.core.engine import finalise_problem, score_cycle
from panelapp.core.evidence import (
    DefectReport,
    Drill,
    ExemptWeek,
    Fault,
    LateOptimization,
    OffhoursMiss,
    SpecialPeriod,
    WeeklyReport,
)
from panelapp.core.scheme import SchemeError, load_scheme, parse_scheme
from panelapp.core.workdays import DEFAULT_WORKING_HOURS, day_kind, known_years, offhours_problem
from panelapp.paths import resource

DEMO = json.loads(resource("samples", "demo-cycle.json").read_text("utf-8"))


def score(**kw):
    return score_cycle(cycle(**kw))


def doc(**changes) -> dict:
    out = copy.deepcopy(DEMO)
    out.update(changes)
    return out


def refused_paths(document: dict) -> dict[str, str]:
    with pytest.raises(CycleFileError) as err:
        parse_cycle(document)
    return {e.path: e.message for e in err.value.errors}


# -- provisional: nothing that was not yet due ------------------------------------------------


def test_weeks_not_over_on_the_assessment_date_are_not_deducted():
    # reports for weeks 1-7 only. Assessed Wednesday 2025-03-05: weeks 1-9 are over (week 9
    # ended Sunday 03-02), weeks 10-13 are not. Missing and due: weeks 8 and 9 -> 2 points.
    reports = weekly(skip_weeks=range(8, 14))
    r = score(weekly_reports=reports, assessed_on=D(2025, 3, 5))
    assert r.provisional
    assert r.item("1.1").deduction == 2
    assert "第8周（2025-02-17起）、第9周（2025-02-24起）无巡检报告，扣2分" in r.item("1.1").explanation
    assert "第10周、第11周、第12周、第13周在评定日2025-03-05尚未结束" in r.item("1.1").explanation
    # after the cycle (2025-04-03) the same evidence misses weeks 8-13: 6, floored at 5
    final = score(weekly_reports=reports)
    assert not final.provisional and final.item("1.1").deduction == 5


def test_the_cycles_defect_report_is_due_on_its_last_day():
    # one report required per cycle, none delivered: not due before 2025-03-29, due on it (5 points)
    early = score(defect_reports=(), assessed_on=D(2025, 3, 28))
    assert early.provisional and early.item("1.3").deduction == 0
    assert "尚未到期" in early.item("1.3").explanation
    last_day = score(defect_reports=(), assessed_on=D(2025, 3, 29))
    assert not last_day.provisional and last_day.item("1.3").deduction == 5


def test_a_special_period_still_running_has_no_report_due_yet():
    two_sessions = (SpecialPeriod("全国两会期间特巡", D(2025, 3, 4), D(2025, 3, 11), "办公室", None),)
    for day, points in ((D(2025, 3, 5), 0), (D(2025, 3, 11), 0), (D(2025, 3, 12), 2)):
        r = score(special_periods=two_sessions, assessed_on=day)
        assert r.item("1.2").deduction == points, day
    assert "尚未结束，报告尚未到期" in score(special_periods=two_sessions, assessed_on=D(2025, 3, 5)).item(
        "1.2"
    ).explanation


def test_a_fault_report_not_yet_due_costs_nothing_and_an_overdue_one_costs_per_day():
    # restored 2025-03-03, due 3 days later (03-06), not submitted
    f = Fault("F-01", "统一受理平台", "接口超时", "degradation", datetime(2025, 3, 3, 9, 0),
              datetime(2025, 3, 3, 9, 30), False, True, datetime(2025, 3, 3, 9, 0),
              datetime(2025, 3, 3, 9, 5))
    assert score(faults=(f,), assessed_on=D(2025, 3, 5)).item("3.1").deduction == 0
    # assessed 03-10: 03-07, 03-08, 03-09, 03-10 are overdue -> 4 points
    assert score(faults=(f,), assessed_on=D(2025, 3, 10)).item("3.1").deduction == 4


def test_half_year_items_are_not_judged_before_the_half_year_ends():
    # cycle 2 closes H1 (2024-09-30 .. 2025-03-29): no drill, no training yet on 03-05 -> not due
    early = score(drills=(), trainings=(), assessed_on=D(2025, 3, 5))
    assert early.item("1.4").deduction == 0 and early.item("1.5").deduction == 0
    final = score(drills=(), trainings=())
    assert final.item("1.4").deduction == 5 and final.item("1.5").deduction == 5


def test_a_late_optimisation_deadline_not_yet_passed_is_not_deducted():
    task = (LateOptimization("事项库对接省平台", D(2025, 3, 15)),)
    assert score(late_optimizations=task, assessed_on=D(2025, 3, 10)).item("3.3").deduction == 0
    assert score(late_optimizations=task, assessed_on=D(2025, 3, 16)).item("3.3").deduction == 3


def test_a_whole_provisional_cycle_by_hand():
    # weeks 1-7 reported, no defect report, a special period running, the drill and training held.
    # On 2025-03-05: 1.1 misses weeks 8, 9 (2); 1.2, 1.3 not due -> 98, no deduction.
    # On 2025-04-03: 1.1 misses weeks 8-13 (6 -> 5), 1.3 5, 1.2 2 -> 88, 5% = 127,250.00.
    ev = dict(
        weekly_reports=weekly(skip_weeks=range(8, 14)),
        defect_reports=(),
        special_periods=(SpecialPeriod("全国两会期间特巡", D(2025, 3, 4), D(2025, 3, 11), "办公室", None),),
    )
    early = score(assessed_on=D(2025, 3, 5), **ev)
    assert (early.total, early.tier_percent, early.deduction_amount, early.provisional) == (
        98, 0, Decimal("0.00"), True)
    final = score(**ev)
    assert (final.total, final.tier_percent, final.deduction_amount, final.provisional) == (
        88, 5, Decimal("127250.00"), False)


def test_finalise_is_refused_before_the_last_day_and_while_provisional():
    # cycle 2 ends Saturday 2025-03-29
    assert "2025-03-29" in finalise_problem(CONTRACT, 2, D(2025, 3, 29), today=D(2025, 3, 28))
    assert finalise_problem(CONTRACT, 2, D(2025, 3, 29), today=D(2025, 3, 29)) is None
    message = finalise_problem(CONTRACT, 2, D(2025, 3, 28), today=D(2025, 4, 10))
    assert "预评" in message and "2025-03-28" in message


# -- week boundaries ---------------------------------------------------------------------------


def test_a_report_on_cycle_3s_first_day_is_accepted_and_explained():
    # Sunday 2025-03-30 is inside cycle 3 but in cycle 2's week 13: accepted, counts nowhere here
    document = doc(cycle=3, assessed_on="2025-07-01")
    document["evidence"] = {"weekly_reports": [{"date": "2025-03-30", "title": "第13周巡检报告", "files": []}]}
    data = parse_cycle(document)
    r = score_cycle(data)
    text = r.item("1.1").explanation
    assert "2025-03-30的巡检报告：所在周（2025-03-24至2025-03-30）是第2考核周期的第13周，不计入本周期" in text
    # it covers none of cycle 3's 13 weeks: all 13 missing -> 13, floored at 5
    assert r.item("1.1").deduction == 5


def test_cycle_3s_own_weeks_count_and_the_other_weeks_records_are_noted():
    # cycle 3's own weeks (Mondays from 2025-03-31) all reported, plus the one of 03-30: 0 points
    mondays = [D(2025, 3, 31) + timedelta(weeks=i) for i in range(13)]
    reports = [{"date": (m + timedelta(days=4)).isoformat(), "title": "周报", "files": []} for m in mondays]
    document = doc(cycle=3, assessed_on="2025-07-01")
    document["evidence"] = {
        "weekly_reports": [{"date": "2025-03-30", "title": "周报", "files": []}, *reports],
        "exempt_weeks": [{"week_of": "2025-03-30", "reason": "清明前检修"}],
    }
    r = score_cycle(parse_cycle(document))
    assert r.item("1.1").deduction == 0
    assert "2025-03-30的免报周：所在周（2025-03-24至2025-03-30）是第2考核周期的第13周" in r.item("1.1").explanation


def test_the_last_day_of_service_is_accepted_and_the_day_after_is_not():
    document = doc(cycle=4, assessed_on="2025-10-10")
    document["evidence"] = {"weekly_reports": [{"date": "2025-09-29", "title": "周报", "files": []}]}
    text = score_cycle(parse_cycle(document)).item("1.1").explanation
    assert "2025-09-29的巡检报告：所在周（2025-09-29至2025-10-05）在服务期之外，不计入本周期" in text
    document["evidence"]["weekly_reports"][0]["date"] = "2025-09-30"
    assert "evidence.weekly_reports[0].date" in refused_paths(document)


def test_cycle_2_still_counts_its_week_13_report_of_sunday_03_30():
    reports = (*weekly(skip_weeks=(13,)), WeeklyReport(D(2025, 3, 30), "第13周巡检报告"))
    assert score(weekly_reports=reports).item("1.1").deduction == 0
    assert C2_MONDAYS[12] == D(2025, 3, 24)


def test_an_exempt_week_in_another_cycles_week_exempts_nothing_here():
    r = score_cycle(cycle(3, D(2025, 7, 1), exempt_weeks=(ExemptWeek(D(2025, 3, 30), "检修"),)))
    assert r.item("1.1").deduction == 5  # 13 weeks required, none reported


# -- drills need their report ------------------------------------------------------------------


@pytest.mark.parametrize(
    "reported,deduction,words",
    [(True, 0, "已开展应急演练并出具报告"), (False, 5, "未出具演练报告，不计入"), (None, 0, "未记录是否出具报告")],
)
def test_a_drill_counts_only_when_reported(reported, deduction, words):
    r = score(drills=(Drill(D(2025, 1, 20), "数据库切换演练", reported),))
    assert r.item("1.4").deduction == deduction
    assert words in r.item("1.4").explanation


def test_an_unreported_drill_is_made_good_by_a_reported_one_in_the_same_half_year():
    drills = (Drill(D(2024, 11, 5), "网络演练", False), Drill(D(2025, 2, 5), "数据库切换演练", True))
    r = score(drills=drills)
    assert r.item("1.4").deduction == 0
    assert "演练“网络演练”（2024-11-05）未出具演练报告，不计入" in r.item("1.4").explanation


def test_pending_half_year_lists_whether_each_drill_was_reported():
    r = score_cycle(cycle(1, D(2025, 1, 5), drills=(Drill(D(2024, 11, 5), "网络演练", False),)))
    assert r.item("1.4").deduction == 0
    assert "2024-11-05 网络演练（未出具报告，不计）" in r.item("1.4").explanation


def test_cycle_file_versions_and_the_drill_report():
    # version 1 (the demo) has no key: read as "not recorded"
    data = parse_cycle(doc())
    assert [d.reported for d in data.evidence.drills] == [None]
    v1 = dump_cycle(data)
    assert v1["version"] == 1 and "reported" not in v1["evidence"]["drills"][0]
    assert canonical_json(parse_cycle(v1)) == canonical_json(data)  # fingerprint unchanged
    # a recorded report needs version 3, and round-trips
    reported = replace(data, evidence=replace(data.evidence, drills=(replace(data.evidence.drills[0], reported=False),)))
    v3 = dump_cycle(reported)
    assert v3["version"] == 3 and v3["evidence"]["drills"][0]["reported"] is False
    assert parse_cycle(v3) == reported
    # in version 3 the key is required (null = not recorded); in version 1 it is unknown
    missing = copy.deepcopy(v3)
    del missing["evidence"]["drills"][0]["reported"]
    assert refused_paths(missing) == {"evidence.drills[0].reported": "缺少必填字段"}
    early = copy.deepcopy(v3)
    early["version"] = 1
    assert "evidence.drills[0].reported" in refused_paths(early)


# -- off-hours means off-hours ----------------------------------------------------------------


@pytest.mark.parametrize(
    "moment,off",
    [
        (datetime(2025, 2, 11, 10, 0), False),  # Tuesday 10:00
        (datetime(2025, 2, 11, 8, 0), False),  # working hours start at 08:00 (inclusive)
        (datetime(2025, 2, 11, 17, 59), False),
        (datetime(2025, 2, 11, 18, 0), True),  # ... and end at 18:00 (exclusive)
        (datetime(2025, 2, 11, 7, 59), True),
        (datetime(2025, 1, 4, 10, 0), True),  # Saturday
        (datetime(2025, 1, 31, 10, 0), True),  # Friday in the Spring Festival holiday
        (datetime(2025, 1, 26, 10, 0), False),  # Sunday made a working day (春节调休)
        (datetime(2025, 2, 8, 10, 0), False),  # Saturday made a working day (春节调休)
        (datetime(2025, 10, 1, 10, 0), True),  # National Day
    ],
)
def test_off_hours_by_the_state_councils_calendar(moment, off):
    assert (offhours_problem(moment, DEFAULT_WORKING_HOURS) is None) == off


def test_day_kinds_are_named_in_chinese():
    assert day_kind(D(2025, 1, 26)).text == "星期日（春节调休上班）"
    assert day_kind(D(2025, 1, 31)).text == "春节假期（星期五）"
    assert day_kind(D(2025, 1, 4)).text == "星期六（双休日）"


def test_the_calendar_knows_2024_to_2026_and_says_when_it_does_not():
    first, last = known_years()
    assert first <= 2024 and last >= 2026
    beyond = datetime(last + 1, 1, 5, 10, 0)
    problem = offhours_problem(beyond, DEFAULT_WORKING_HOURS)
    assert f"只收录 {first}–{last} 年" in problem and beyond.date().isoformat() in problem
    # a night is off-hours on any day: no calendar needed
    assert offhours_problem(datetime(last + 1, 1, 5, 23, 0), DEFAULT_WORKING_HOURS) is None


def test_a_miss_inside_working_hours_is_refused_naming_the_field():
    document = doc()
    document["evidence"]["offhours_misses"][1]["at"] = "2025-02-11T10:00"
    message = refused_paths(document)["evidence.offhours_misses[1].at"]
    assert "2025-02-11 10:00 是星期二（工作日）的工作时间（08:00–18:00）" in message
    document["evidence"]["offhours_misses"][1]["at"] = "2025-01-26T10:00"  # 调休 Sunday
    assert "春节调休上班" in refused_paths(document)["evidence.offhours_misses[1].at"]


def test_misses_in_working_hours_stored_before_the_check_are_shown_but_not_counted():
    # four off-hours misses -> floor(4/3) = 1; a fifth on Tuesday 10:00 does not make it more
    valid = tuple(OffhoursMiss(datetime(2025, 1, 4, 23, 0) + timedelta(days=i), "电话未接通") for i in range(4))
    inside = OffhoursMiss(datetime(2025, 2, 11, 10, 0), "工作时间未接通")
    r = score(offhours_misses=(*valid, inside))
    assert r.item("3.2").deduction == 1
    assert "不属于非工作时间" in r.item("3.2").explanation and "共4次" in r.item("3.2").explanation
    # five real misses: floor(5/3) = 1; six: 2
    six = tuple(OffhoursMiss(datetime(2025, 1, 4, 23, 0) + timedelta(days=i), "电话未接通") for i in range(6))
    assert score(offhours_misses=six).item("3.2").deduction == 2


def test_working_hours_are_scheme_data():
    scheme = load_scheme("pingdingshan-2024")
    assert scheme.working_hours == ((time(8, 0), time(18, 0)),)
    raw = tomllib.loads(resource("schemes", "pingdingshan-2024.toml").read_text("utf-8"))
    raw["working_hours"] = ["08:30-12:00", "14:30-17:30"]
    spans = parse_scheme(raw).working_hours
    assert spans == ((time(8, 30), time(12, 0)), (time(14, 30), time(17, 30)))
    assert offhours_problem(datetime(2025, 2, 11, 13, 0), spans) is None  # lunch break
    for bad in (["8-18"], ["18:00-08:00"], ["08:00-12:00", "11:00-18:00"], []):
        raw["working_hours"] = bad
        with pytest.raises(SchemeError, match="working_hours"):
            parse_scheme(raw)


def test_defect_report_delivered_early_counts():
    # a report already delivered before the last day is counted, provisional or not
    r = score(defect_reports=(DefectReport(D(2025, 2, 10), "缺陷分析"),), assessed_on=D(2025, 3, 5))
    assert r.item("1.3").deduction == 0 and "已交缺陷分析报告1份" in r.item("1.3").explanation


def test_week_states_on_an_assessment_date_inside_the_cycle():
    # weeks 1-7 reported, week 3 also exempt, nothing for 8-13; assessed on Wednesday 2025-03-05:
    # week 9 (ends Sunday 03-02) is over, week 10 (03-03 .. 03-09) is not -> 8, 9 missing, 10-13 open.
    from panelapp.core.rules import week_states

    reports = weekly(skip_weeks=range(8, 14))
    exempt = (ExemptWeek(C2_MONDAYS[2], "春节"),)
    states = week_states(CONTRACT.cycle(2), reports, exempt, D(2025, 3, 5))
    assert [state for _week, state in states] == ["reported"] * 7 + ["missing"] * 2 + ["open"] * 4
    assert [state for _week, state in week_states(CONTRACT.cycle(2), reports, exempt, None)][7:] == ["missing"] * 6
    only_exempt = week_states(CONTRACT.cycle(2), (), exempt, D(2025, 3, 5))
    assert only_exempt[2][1] == "exempt" and only_exempt[0][1] == "missing"
