"""Properties of the engine over generated cycles (hypothesis).

The strategy builds valid CycleData: evidence dated inside the cycle being
scored (drills and trainings anywhere in its half-year up to the cycle's end),
restorations after starts, reports after restorations, no overrides.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from panelapp.core.contract import Contract
from panelapp.core.engine import score_cycle
from panelapp.core.evidence import (
    EVIDENCE_KINDS,
    Absence,
    CycleData,
    DefectReport,
    Drill,
    Evidence,
    ExemptWeek,
    Fault,
    LateOptimization,
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

SCHEME = load_scheme("pingdingshan-2024")
PROPS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CHINESE = re.compile(r"[\u4e00-\u9fff]")
# Items whose lines may stand for the absence of evidence (no record to point at).
AGGREGATE_ITEMS = {"1.1", "1.3", "1.4", "1.5"}


def make_contract(signed_on: date, total: Decimal) -> Contract:
    return Contract(
        "HAJCR2401215EGN00",
        "平顶山市“互联网+政务服务”平台运维项目",
        "平顶山市行政审批和政务信息管理局",
        "中电信数智科技有限公司河南分公司",
        total,
        signed_on,
    )


short_text = st.sampled_from(["巡检", "数据库切换演练", "弱口令提醒", "驻场人员A", "事项库对接省平台", "x"])


@st.composite
def weekly_reports(draw, period):
    """Usually most weeks covered (a few missing), sometimes any dates at all; all inside the cycle."""
    weeks = period.weeks()
    if draw(st.integers(0, 4)) == 0:
        days = st.dates(min_value=period.start, max_value=period.end)
        return tuple(WeeklyReport(d, "巡检") for d in draw(st.lists(days, max_size=16)))
    missing = draw(st.sets(st.integers(1, len(weeks)), max_size=4))
    reports = []
    for w in weeks:
        if w.number not in missing:
            d = w.monday + timedelta(days=draw(st.integers(0, 6)))
            reports.append(WeeklyReport(min(max(d, period.start), period.end), f"第{w.number}周巡检"))
    return tuple(reports)


@st.composite
def cycle_data(draw, signed_on=None, total=None):
    signed_on = signed_on or draw(
        st.sampled_from([date(2024, 9, 30), date(2025, 1, 31), date(2024, 2, 29), date(2025, 1, 1)])
    )
    total = total or draw(st.sampled_from([Decimal("2545000.00"), Decimal("1234.50"), Decimal("0.05")]))
    contract = make_contract(signed_on, total)
    k = draw(st.integers(1, contract.cycle_count))
    period = contract.cycle(k)
    half = contract.half_year(k)

    def day(lo=period.start, hi=period.end):
        return st.dates(min_value=lo, max_value=hi)

    def moment(lo=period.start, hi=period.end):
        return st.builds(
            lambda d, m: datetime.combine(d, time()) + timedelta(minutes=m), day(lo, hi), st.integers(0, 1439)
        )

    @st.composite
    def a_fault(draw2, n):
        start = draw2(moment())
        restored = start + timedelta(minutes=draw2(st.integers(0, 24 * 60)))
        reported = start + timedelta(minutes=draw2(st.integers(0, 30)))
        responded = draw2(st.none() | st.integers(0, 30).map(lambda m: reported + timedelta(minutes=m)))
        onsite = draw2(st.none() | st.integers(0, 180).map(lambda m: reported + timedelta(minutes=m)))
        deadline = draw2(st.none() | st.integers(1, 48).map(lambda h: reported + timedelta(hours=h)))
        submitted = draw2(
            st.one_of(st.none(), st.integers(0, 3), st.integers(0, 20)).map(
                lambda d: None if d is None else restored.date() + timedelta(days=d)
            )
        )
        return Fault(
            id=f"F-{n:02d}",
            business="统一受理平台",
            description="故障",
            effect=draw2(st.sampled_from(["interruption", "degradation"])),
            started_at=start,
            restored_at=restored,
            serious_impact=draw2(st.booleans()),
            vendor_caused=draw2(st.booleans()),
            reported_at=reported,
            responded_at=responded,
            onsite_at=onsite,
            restore_deadline_at=deadline,
            report_submitted_on=submitted,
        )

    # A "quiet" cycle has at most one record of each kind, so good cycles (tier 0) occur too.
    quiet = draw(st.booleans())

    def few(strategy, n=4):
        return st.lists(strategy, max_size=1 if quiet else n).map(tuple)

    fault_count = draw(st.integers(0, 1 if quiet else 4))
    evidence = Evidence(
        weekly_reports=draw(weekly_reports(period)),
        exempt_weeks=draw(few(st.builds(ExemptWeek, day(), short_text), 3)),
        special_periods=draw(
            few(
                st.builds(
                    lambda s, n, r: SpecialPeriod("特巡", s, s + timedelta(days=n), "信息科", r),
                    day(),
                    st.integers(0, 5),
                    st.none() | day(),
                )
            )
        ),
        defect_reports=draw(
            st.lists(st.builds(DefectReport, day(), short_text), min_size=quiet, max_size=3).map(tuple)
        ),
        drills=draw(few(st.builds(Drill, day(half.start, period.end), short_text), 2)),
        trainings=draw(
            few(
                st.builds(
                    Training,
                    day(half.start, period.end),
                    short_text,
                    st.booleans(),
                    st.booleans(),
                    st.booleans(),
                ),
                3,
            )
        ),
        faults=tuple(draw(a_fault(n)) for n in range(fault_count)),
        security_events=draw(
            few(
                st.builds(
                    SecurityEvent,
                    day(),
                    st.sampled_from(["major", "notified", "reminder", "hidden_danger"]),
                    st.booleans(),
                    short_text,
                )
            )
        ),
        absences=draw(few(st.builds(Absence, day(), short_text, st.booleans()), 12)),
        violations=draw(few(st.builds(Violation, day(), short_text, st.booleans()), 6)),
        offhours_misses=draw(few(st.builds(OffhoursMiss, moment(), short_text), 14)),
        unfulfilled_commitments=draw(few(st.builds(UnfulfilledCommitment, short_text))),
        late_optimizations=draw(few(st.builds(LateOptimization, short_text, day()))),
    )
    s = Settings(
        violation_points=draw(st.sampled_from([1, 2])),
        defect_reports_required=draw(st.integers(1, 1 if quiet else 3)),
        response_minutes=draw(st.integers(1, 30)),
        onsite_minutes=draw(st.integers(1, 120)),
        restore_deadline_hours=draw(st.integers(1, 24)),
        report_due_days=draw(st.integers(0, 7)),
    )
    assessed_on = period.end + timedelta(days=draw(st.integers(0, 20)))
    return CycleData(contract, k, assessed_on, s, (), evidence, {})


def scores(result) -> dict[str, int]:
    return {i.id: i.score for i in result.items}


def check_totals_are_sums_and_items_respect_max_and_floor(data, r):
    assert [i.id for i in r.items] == ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "3.1", "3.2", "3.3"]
    assert r.total == sum(s.score for s in r.sections) == sum(i.score for i in r.items)
    for s in r.sections:
        assert s.score == sum(i.score for i in r.items if i.section == s.id)
    for i in r.items:
        spec = SCHEME.item(i.id)
        assert (i.max, i.floor) == (spec.max, spec.floor)
        assert i.score == i.max - i.deduction
        assert i.deduction == i.computed_deduction  # no overrides generated
        assert i.score <= i.max
        if i.floor is not None:
            assert i.floor <= i.score <= i.max
        raw = 0 if i.pending else sum(line.points for line in i.lines)
        expected = raw if i.floor is None else min(raw, i.max - i.floor)
        assert i.deduction == expected
        assert all(line.points >= 0 for line in i.lines)


def check_half_year_items_pending_exactly_outside_closing_cycles(data, r):
    closing = data.contract.half_year(data.cycle).closing_cycle == data.cycle
    for item_id in ("1.4", "1.5"):
        assert r.item(item_id).pending is (not closing)
        if not closing:
            assert r.item(item_id).score == r.item(item_id).max


@st.composite
def data_and_delivered_report(draw):
    data = draw(cycle_data())
    period = data.contract.cycle(data.cycle)
    half = data.contract.half_year(data.cycle)
    d = draw(st.dates(min_value=period.start, max_value=period.end))
    kind, obj = draw(
        st.sampled_from(
            [
                ("weekly_reports", WeeklyReport(d, "周报")),
                ("defect_reports", DefectReport(d, "缺陷分析")),
                ("special_periods", SpecialPeriod("特巡", d, d, "信息科", d)),
                ("drills", Drill(max(d, half.start), "演练")),
                ("trainings", Training(max(d, half.start), "培训", True, True, True)),
            ]
        )
    )
    return data, kind, obj


def with_added(data: CycleData, kind: str, obj) -> CycleData:
    ev = replace(data.evidence, **{kind: getattr(data.evidence, kind) + (obj,)})
    return replace(data, evidence=ev)


@PROPS
@given(data_and_delivered_report())
def test_a_delivered_report_never_lowers_any_score(case):
    data, kind, obj = case
    before, after = score_cycle(data), score_cycle(with_added(data, kind, obj))
    for item_id, score in scores(before).items():
        assert scores(after)[item_id] >= score, (kind, item_id)
    assert after.total >= before.total
    assert after.tier_percent <= before.tier_percent


@st.composite
def data_and_vendor_fault(draw):
    data = draw(cycle_data())
    period = data.contract.cycle(data.cycle)
    start = datetime.combine(
        draw(st.dates(min_value=period.start, max_value=period.end)), time(9)
    ) + timedelta(minutes=draw(st.integers(0, 600)))
    reported = start + timedelta(minutes=draw(st.integers(0, 30)))
    f = Fault(
        id="F-NEW",
        business="电子证照系统",
        description="新增故障",
        effect=draw(st.sampled_from(["interruption", "degradation"])),
        started_at=start,
        restored_at=start + timedelta(minutes=draw(st.integers(0, 900))),
        serious_impact=draw(st.booleans()),
        vendor_caused=True,
        reported_at=reported,
        responded_at=draw(st.none() | st.just(reported + timedelta(minutes=draw(st.integers(0, 30))))),
        report_submitted_on=draw(
            st.none() | st.just(start.date() + timedelta(days=draw(st.integers(0, 10))))
        ),
    )
    return data, f


@PROPS
@given(data_and_vendor_fault())
def test_a_vendor_caused_fault_never_raises_any_score(case):
    data, f = case
    before, after = score_cycle(data), score_cycle(with_added(data, "faults", f))
    for item_id, score in scores(before).items():
        assert scores(after)[item_id] <= score, item_id
    assert after.item("2.1").score < before.item("2.1").score  # it always costs at least level IV
    assert after.total < before.total
    assert after.tier_percent >= before.tier_percent


def test_tier_percent_is_monotone_non_increasing_in_total():
    percents = [SCHEME.tier_percent(t) for t in range(-300, 101)]
    assert all(a >= b for a, b in zip(percents, percents[1:], strict=False))
    assert set(percents) == {0, 5, 10, 20}


def _half_up_fen(total: Decimal, percent: int) -> Decimal:
    """Independent: integer fen arithmetic, rounding half up."""
    fen = int(total * 100)
    assert Decimal(fen) == total * 100
    q, r = divmod(fen * percent, 100)
    q += r >= 50
    return Decimal(f"{q // 100}.{q % 100:02d}")


@PROPS
@given(cycle_data(), st.integers(0, 10**9))
def test_deduction_amount_is_percent_of_contract_total(data, fen):
    data = replace(data, contract=replace(data.contract, total_amount=Decimal(fen).scaleb(-2)))
    r = score_cycle(data)
    assert isinstance(r.deduction_amount, Decimal)
    assert r.deduction_amount.as_tuple().exponent == -2
    assert r.deduction_amount == _half_up_fen(data.contract.total_amount, r.tier_percent)
    if fen % 20 == 0:  # multiples of 0.20 yuan: every tier is exact without rounding
        assert r.deduction_amount == data.contract.total_amount * r.tier_percent / 100


def check_deduction_lines_point_at_existing_evidence(data, r):
    for i in r.items:
        for line in i.lines:
            for ref in line.refs:
                assert ref.kind in EVIDENCE_KINDS
                assert 0 <= ref.index < len(getattr(data.evidence, ref.kind)), (i.id, ref)
            if line.points > 0 and not line.refs:
                assert i.id in AGGREGATE_ITEMS, (i.id, line.text)
            assert line.text and CHINESE.search(line.text)


def check_every_item_has_a_chinese_explanation_matching_its_deduction(data, r):
    for i in r.items:
        assert i.explanation.strip()
        assert CHINESE.search(i.explanation)
        if i.deduction and not i.pending:
            assert f"{i.deduction}分" in i.explanation, (i.id, i.explanation)
        if i.pending:
            assert i.deduction == 0


def check_fault_assessments_match_the_faults(data, r):
    assert [fa.index for fa in r.faults] == list(range(len(data.evidence.faults)))
    for fa, f in zip(r.faults, data.evidence.faults, strict=True):
        assert fa.level == fa.computed_level  # no overrides generated
        assert fa.computed_level in ("I", "II", "III", "IV")
        if not f.serious_impact:
            assert fa.computed_level == "IV"
        if f.effect == "degradation":
            assert fa.computed_level != "I"
        assert fa.report_missing is (f.report_submitted_on is None)
        assert fa.overdue_days >= 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cycle_data())
def test_invariants_of_any_scored_cycle(data):
    r = score_cycle(data)
    check_totals_are_sums_and_items_respect_max_and_floor(data, r)
    check_half_year_items_pending_exactly_outside_closing_cycles(data, r)
    check_deduction_lines_point_at_existing_evidence(data, r)
    check_every_item_has_a_chinese_explanation_matching_its_deduction(data, r)
    check_fault_assessments_match_the_faults(data, r)


@st.composite
def data_and_harmless_record(draw):
    data = draw(cycle_data())
    period = data.contract.cycle(data.cycle)
    d = draw(st.dates(min_value=period.start, max_value=period.end))
    kind, obj = draw(
        st.sampled_from(
            [
                ("absences", Absence(d, "驻场人员C", True, "事假已报备")),
                ("violations", Violation(d, "已改正的违规", True)),
                ("security_events", SecurityEvent(d, "major", False, "非运维单位原因")),
                ("exempt_weeks", ExemptWeek(d, "节假日")),
            ]
        )
    )
    return data, kind, obj


@PROPS
@given(data_and_harmless_record())
def test_excused_corrected_or_foreign_records_never_lower_a_score(case):
    data, kind, obj = case
    before, after = score_cycle(data), score_cycle(with_added(data, kind, obj))
    for item_id, score in scores(before).items():
        assert scores(after)[item_id] >= score, (kind, item_id)
    if kind != "exempt_weeks":
        assert scores(after) == scores(before)


@PROPS
@given(data_and_vendor_fault())
def test_a_fault_not_caused_by_the_vendor_never_raises_a_score_nor_touches_2_1(case):
    data, f = case
    f = replace(f, vendor_caused=False)
    before, after = score_cycle(data), score_cycle(with_added(data, "faults", f))
    for item_id, score in scores(before).items():
        assert scores(after)[item_id] <= score, item_id
    assert after.item("2.1").score == before.item("2.1").score
