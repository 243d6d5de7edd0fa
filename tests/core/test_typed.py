"""Typed dates and times: every form people use is read, nothing is wrapped, the year follows the cycle."""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelapp.core.contract import Contract
from panelapp.core.typed import TypedInputError, complete_year, parse_date, parse_datetime, parse_time

# cycle 2 of a contract signed 2024-09-30 runs 2024-12-30 .. 2025-03-29: it straddles new year
CYCLE2 = (date(2024, 12, 30), date(2025, 3, 29))


@pytest.mark.parametrize("text", ["2025-01-15", "2025-1-15", "2025/1/15", "2025.1.15", "2025年1月15日",
                                  "20250115", "1-15", "1/15", "1月15日", "0115", " 01-15 "])
def test_every_written_form_of_15_january(text):
    assert parse_date(text, *CYCLE2) == date(2025, 1, 15)


def test_year_completed_from_the_cycle_on_both_sides_of_new_year():
    assert parse_date("12-31", *CYCLE2) == date(2024, 12, 31)
    assert parse_date("1230", *CYCLE2) == date(2024, 12, 30)
    assert parse_date("3-29", *CYCLE2) == date(2025, 3, 29)


def test_outside_the_range_takes_the_nearest_year():
    # 4-20 is outside cycle 2 either way; 2025-04-20 is 22 days after it, 2024-04-20 eight months before
    assert parse_date("4-20", *CYCLE2) == date(2025, 4, 20)
    assert parse_date("12-1", *CYCLE2) == date(2024, 12, 1)


@pytest.mark.parametrize("text, fragment", [
    ("2-30", "2月没有30日"), ("2025-2-29", "2025年2月没有29日"), ("13-01", "月份须为 1–12"),
    ("abc", "无法识别日期"), ("", "请填写日期"), ("115", "无法识别日期"),
])
def test_impossible_dates_are_refused_in_chinese(text, fragment):
    with pytest.raises(TypedInputError) as info:
        parse_date(text, *CYCLE2)
    assert fragment in str(info.value)


@pytest.mark.parametrize("text, expected", [
    ("09:00", time(9, 0)), ("9:00", time(9, 0)), ("9：05", time(9, 5)), ("0900", time(9, 0)),
    ("23:59", time(23, 59)), ("0:00", time(0, 0)), ("9", time(9, 0)), ("14点", time(14, 0)),
])
def test_times(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:70", "24:00", "9:60", "2570", "99"])
def test_invalid_time_is_an_error_never_wrapped(text):
    with pytest.raises(TypedInputError) as info:
        parse_time(text)
    assert "不存在" in str(info.value) and text in str(info.value)


def test_datetimes():
    assert parse_datetime("1-15 9:00", *CYCLE2) == datetime(2025, 1, 15, 9, 0)
    assert parse_datetime("2025-01-15 09:00", *CYCLE2) == datetime(2025, 1, 15, 9, 0)
    assert parse_datetime("2025-01-15T09:00", *CYCLE2) == datetime(2025, 1, 15, 9, 0)
    assert parse_datetime("0115 0930", *CYCLE2) == datetime(2025, 1, 15, 9, 30)
    assert parse_datetime("09:00", *CYCLE2, default_day=date(2025, 2, 3)) == datetime(2025, 2, 3, 9, 0)


@pytest.mark.parametrize("text, fragment", [
    ("09:00", "请同时填写日期和时间"), ("1-15", "请在日期后填写时间"), ("1-15 25:70", "不存在"),
    ("hello", "无法识别"), ("", "请填写日期和时间"),
])
def test_datetime_errors(text, fragment):
    with pytest.raises(TypedInputError) as info:
        parse_datetime(text, *CYCLE2)
    assert fragment in str(info.value)


# -- properties ---------------------------------------------------------------------------------
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@given(days)
def test_iso_and_loose_forms_round_trip(d):
    lo, hi = d - timedelta(days=400), d + timedelta(days=400)
    assert parse_date(d.isoformat(), lo, hi) == d
    assert parse_date(f"{d.year}-{d.month}-{d.day}", lo, hi) == d
    assert parse_date(d.strftime("%Y%m%d"), lo, hi) == d


@given(st.integers(min_value=1, max_value=4), st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)),
       st.integers(min_value=0, max_value=120))
def test_month_day_inside_a_cycle_finds_the_one_date(k, signed, offset):
    period = Contract("X", "p", "a", "b", 1, signed).cycle(k)  # any cycle is shorter than a year
    d = period.start + timedelta(days=min(offset, (period.end - period.start).days))
    assert parse_date(f"{d.month}-{d.day}", period.start, period.end) == d
    assert parse_date(f"{d.month:02d}{d.day:02d}", period.start, period.end) == d


@given(st.integers(0, 99), st.integers(0, 99))
def test_a_time_is_taken_as_typed_or_refused(hour, minute):
    text = f"{hour}:{minute:02d}"
    if hour <= 23 and minute <= 59:
        assert parse_time(text) == time(hour, minute)
    else:
        with pytest.raises(TypedInputError):
            parse_time(text)


@given(days, st.integers(1, 12), st.integers(1, 31))
def test_completed_year_is_a_real_date_with_the_typed_month_and_day(lo, month, day):
    hi = lo + timedelta(days=90)
    try:
        d = complete_year(month, day, lo, hi)
    except TypedInputError:
        # 2-29 is refused too when none of the years tried (lo's year - 1 .. hi's year + 1) is a leap year
        no_leap = not any(calendar.isleap(y) for y in range(lo.year - 1, hi.year + 2))
        assert month == 2 and (day >= 30 or day == 29 and no_leap) or day == 31 and month in (4, 6, 9, 11)
        return
    assert (d.month, d.day) == (month, day)
    assert abs(d.year - lo.year) <= 1
