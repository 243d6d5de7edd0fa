"""The cycle calendar of scoring-rules.md §1, checked against hand-computed dates.

Expected values come from the domain documents (the 2024-09-30 table) or were
worked out by hand from the rule "start = signing date + 3(k-1) months, from the
signing date every time, day clamped to the month's end; end = next start - 1".
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from panelapp.core.contract import Contract


def contract(signed_on: date, service_months: int = 12) -> Contract:
    return Contract(
        number="HAJCR2401215EGN00",
        project="平顶山市“互联网+政务服务”平台运维项目",
        purchaser="平顶山市行政审批和政务信息管理局",
        vendor="中电信数智科技有限公司河南分公司",
        total_amount=Decimal("2545000.00"),
        signed_on=signed_on,
        service_months=service_months,
    )


D = date
PINGDINGSHAN = contract(D(2024, 9, 30))

# scoring-rules.md §1, verbatim.
TABLE_2024_09_30 = [
    (1, D(2024, 9, 30), D(2024, 12, 29), 91),
    (2, D(2024, 12, 30), D(2025, 3, 29), 90),
    (3, D(2025, 3, 30), D(2025, 6, 29), 92),
    (4, D(2025, 6, 30), D(2025, 9, 29), 92),
]


@pytest.mark.parametrize(("k", "start", "end", "days"), TABLE_2024_09_30)
def test_cycle_table_of_the_contract(k, start, end, days):
    period = PINGDINGSHAN.cycle(k)
    assert (period.number, period.start, period.end) == (k, start, end)
    assert period.days == days
    assert (end - start).days + 1 == days


def test_cycles_lists_the_four_cycles_in_order():
    assert [(p.number, p.start, p.end) for p in PINGDINGSHAN.cycles()] == [
        (k, s, e) for k, s, e, _ in TABLE_2024_09_30
    ]
    assert PINGDINGSHAN.cycle_count == 4


@pytest.mark.parametrize("k", [0, 5, -1])
def test_cycle_outside_the_service_is_refused(k):
    with pytest.raises(ValueError):
        PINGDINGSHAN.cycle(k)


def test_the_service_year_ends_the_day_before_the_anniversary():
    assert PINGDINGSHAN.cycles()[-1].end == D(2025, 9, 29)
    assert sum(p.days for p in PINGDINGSHAN.cycles()) == 365


def test_signed_on_a_31st_clamps_to_month_ends_without_chaining():
    c = contract(D(2025, 1, 31))
    # Jan 31 + 3 months -> Apr 31 does not exist -> Apr 30; + 6 -> Jul 31 (NOT Jul 30, which
    # chaining from Apr 30 would give); + 9 -> Oct 31; + 12 -> 2026-01-31 (so cycle 4 ends 01-30).
    assert [(p.start, p.end) for p in c.cycles()] == [
        (D(2025, 1, 31), D(2025, 4, 29)),
        (D(2025, 4, 30), D(2025, 7, 30)),
        (D(2025, 7, 31), D(2025, 10, 30)),
        (D(2025, 10, 31), D(2026, 1, 30)),
    ]
    assert [p.days for p in c.cycles()] == [89, 92, 92, 92]


def test_signed_on_august_31st_hits_november_30_and_february_28():
    c = contract(D(2024, 8, 31))
    assert [p.start for p in c.cycles()] == [D(2024, 8, 31), D(2024, 11, 30), D(2025, 2, 28), D(2025, 5, 31)]
    # Chained, cycle 4 would start on 05-28; computed from the signing date it is 05-31.
    assert c.cycle(3).end == D(2025, 5, 30)
    assert c.cycle(4).end == D(2025, 8, 30)


def test_signed_on_29_february():
    c = contract(D(2024, 2, 29))
    assert [p.start for p in c.cycles()] == [D(2024, 2, 29), D(2024, 5, 29), D(2024, 8, 29), D(2024, 11, 29)]
    # The anniversary 2025-02-29 does not exist: it clamps to 02-28, the service ends the day before.
    assert c.cycle(4).end == D(2025, 2, 27)
    assert c.cycle(1).end == D(2024, 5, 28)


def test_a_cycle_starting_on_29_february_in_a_leap_year():
    c = contract(D(2023, 11, 30))
    assert c.cycle(2).start == D(2024, 2, 29)  # Nov 30 + 3 months, clamped in a leap year
    assert c.cycle(1).end == D(2024, 2, 28)
    assert c.cycle(3).start == D(2024, 5, 30)  # not 05-29: computed from the signing date
    assert c.cycle(2).end == D(2024, 5, 29)


def test_half_years_pair_cycles_and_close_in_cycles_2_and_4():
    h1 = [PINGDINGSHAN.half_year(k) for k in (1, 2)]
    h2 = [PINGDINGSHAN.half_year(k) for k in (3, 4)]
    for hy in h1:
        assert (hy.number, hy.first_cycle, hy.closing_cycle) == (1, 1, 2)
        assert (hy.start, hy.end) == (D(2024, 9, 30), D(2025, 3, 29))
    for hy in h2:
        assert (hy.number, hy.first_cycle, hy.closing_cycle) == (2, 3, 4)
        assert (hy.start, hy.end) == (D(2025, 3, 30), D(2025, 9, 29))


def test_cycle_of_a_day():
    assert PINGDINGSHAN.cycle_of(D(2024, 9, 30)) == 1
    assert PINGDINGSHAN.cycle_of(D(2024, 12, 29)) == 1
    assert PINGDINGSHAN.cycle_of(D(2024, 12, 30)) == 2
    assert PINGDINGSHAN.cycle_of(D(2025, 3, 30)) == 3
    assert PINGDINGSHAN.cycle_of(D(2025, 9, 29)) == 4
    assert PINGDINGSHAN.cycle_of(D(2025, 9, 30)) is None
    assert PINGDINGSHAN.cycle_of(D(2024, 9, 29)) is None


# Week 1 and week 13 Mondays, by hand: a week belongs to the cycle holding its Thursday.
WEEK_ENDS = {
    1: (D(2024, 9, 30), D(2024, 12, 23)),
    2: (D(2024, 12, 30), D(2025, 3, 24)),  # 03-24..03-30: Thursday 03-27 is in cycle 2
    3: (D(2025, 3, 31), D(2025, 6, 23)),  # so cycle 3 (from Sunday 03-30) starts with 03-31
    4: (D(2025, 6, 30), D(2025, 9, 22)),
}


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_each_cycle_has_exactly_13_iso_thursday_weeks(k):
    weeks = PINGDINGSHAN.cycle(k).weeks()
    assert len(weeks) == 13
    assert [w.number for w in weeks] == list(range(1, 14))
    assert (weeks[0].monday, weeks[-1].monday) == WEEK_ENDS[k]
    for a, b in zip(weeks, weeks[1:], strict=False):
        assert b.monday - a.monday == timedelta(days=7)
    for w in weeks:
        assert w.monday.weekday() == 0
        assert w.sunday == w.monday + timedelta(days=6)
        assert PINGDINGSHAN.cycle(k).contains(w.monday + timedelta(days=3))


def test_weeks_of_the_year_are_shared_out_without_gap_or_overlap():
    mondays = [w.monday for p in PINGDINGSHAN.cycles() for w in p.weeks()]
    assert len(mondays) == 52 == len(set(mondays))
    assert all(b - a == timedelta(days=7) for a, b in zip(mondays, mondays[1:], strict=False))


def test_the_week_of_2025_03_24_belongs_to_cycle_2_although_it_ends_in_cycle_3():
    assert D(2025, 3, 24) in [w.monday for w in PINGDINGSHAN.cycle(2).weeks()]
    assert D(2025, 3, 24) not in [w.monday for w in PINGDINGSHAN.cycle(3).weeks()]


def test_a_week_whose_thursday_is_in_the_next_cycle_belongs_to_the_next_cycle():
    # Signed Wednesday 2025-01-01: cycle 1 = 01-01..03-31, cycle 2 starts Tuesday 04-01.
    c = contract(D(2025, 1, 1))
    assert c.cycle(1).end == D(2025, 3, 31)
    c1 = [w.monday for w in c.cycle(1).weeks()]
    c2 = [w.monday for w in c.cycle(2).weeks()]
    # The week 03-31..04-06 starts in cycle 1 but its Thursday (04-03) is in cycle 2.
    assert D(2025, 3, 31) not in c1
    assert c2[0] == D(2025, 3, 31)
    # The week 2024-12-30..2025-01-05 starts before the contract; its Thursday 01-02 is in cycle 1.
    assert c1[0] == D(2024, 12, 30)
    assert c1[-1] == D(2025, 3, 24)
    assert len(c1) == 13


def test_week_contains_its_seven_days():
    w = PINGDINGSHAN.cycle(2).weeks()[2]
    assert w.monday == D(2025, 1, 13)
    assert w.contains(D(2025, 1, 13)) and w.contains(D(2025, 1, 19))
    assert not w.contains(D(2025, 1, 12)) and not w.contains(D(2025, 1, 20))


def _months_later(day: date, months: int) -> date:
    """Independent month arithmetic for the property below."""
    y, m = day.year + (day.month - 1 + months) // 12, (day.month - 1 + months) % 12 + 1
    return date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31)))
def test_calendar_properties_for_any_signing_date(signed_on):
    c = contract(signed_on)
    periods = c.cycles()
    assert periods[0].start == signed_on
    for k, p in enumerate(periods, start=1):
        assert p.number == k
        assert p.start == _months_later(signed_on, 3 * (k - 1))
        assert p.end == _months_later(signed_on, 3 * k) - timedelta(days=1)
        assert 89 <= p.days <= 92
        weeks = p.weeks()
        assert 12 <= len(weeks) <= 14
        for w in weeks:
            assert p.contains(w.monday + timedelta(days=3))
    for a, b in zip(periods, periods[1:], strict=False):
        assert b.start == a.end + timedelta(days=1)
        assert b.weeks()[0].monday == a.weeks()[-1].monday + timedelta(days=7)
