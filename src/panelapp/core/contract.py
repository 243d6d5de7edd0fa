"""The contract and its assessment calendar (scoring-rules.md §1).

Cycle k starts at ``signed_on + cycle_months * (k - 1)`` months, computed from
the signing date every time (never chained from the previous cycle) with the
day clamped to the month's end; it ends the day before the next cycle starts.
Weeks run Monday to Sunday and belong to the cycle that holds their Thursday.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal


@dataclass(frozen=True)
class Contract:
    number: str
    project: str
    purchaser: str
    vendor: str
    total_amount: Decimal
    signed_on: date
    service_months: int = 12
    scheme: str = "pingdingshan-2024"
    cycle_months: int = 3

    @property
    def cycle_count(self) -> int:
        return -(-self.service_months // self.cycle_months)

    def cycle(self, k: int) -> Period:
        if not 1 <= k <= self.cycle_count:
            raise ValueError(f"cycle {k} outside 1..{self.cycle_count}")
        start = add_months(self.signed_on, self.cycle_months * (k - 1))
        end = add_months(self.signed_on, self.cycle_months * k) - timedelta(days=1)
        return Period(k, start, end)

    def cycles(self) -> list[Period]:
        return [self.cycle(k) for k in range(1, self.cycle_count + 1)]

    def cycle_of(self, day: date) -> int | None:
        """The cycle whose period contains ``day``, or None."""
        for period in self.cycles():
            if period.start <= day <= period.end:
                return period.number
        return None

    def half_year(self, k: int) -> HalfYear:
        """Half-year j holds cycles 2j-1 and 2j; the later one closes it."""
        j = (k + 1) // 2
        first = 2 * j - 1
        closing = min(2 * j, self.cycle_count)
        return HalfYear(j, first, closing, self.cycle(first).start, self.cycle(closing).end)


@dataclass(frozen=True)
class Period:
    number: int
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def weeks(self) -> list[Week]:
        """The natural weeks whose Thursday lies in this period, numbered from 1."""
        first_thursday = self.start + timedelta(days=(3 - self.start.weekday()) % 7)
        weeks: list[Week] = []
        thursday = first_thursday
        while thursday <= self.end:
            weeks.append(Week(len(weeks) + 1, thursday - timedelta(days=3)))
            thursday += timedelta(days=7)
        return weeks

    def week_span(self) -> tuple[date, date]:
        """First Monday to last Sunday of this period's weeks."""
        weeks = self.weeks()
        return weeks[0].monday, weeks[-1].sunday

    def report_span(self) -> tuple[date, date]:
        """Dates a weekly report or exempt week of this cycle may carry: its weeks and its own days.

        A day of the cycle in a neighbouring cycle's week (cycle 3's first day, Sunday 2025-03-30)
        is accepted; the engine explains that it does not count here (scoring.md).
        """
        lo, hi = self.week_span()
        return min(lo, self.start), max(hi, self.end)


@dataclass(frozen=True)
class HalfYear:
    number: int
    first_cycle: int
    closing_cycle: int
    start: date
    end: date


@dataclass(frozen=True)
class Week:
    number: int
    monday: date

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def contains(self, day: date) -> bool:
        return self.monday <= day <= self.sunday


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, the day clamped to the target month's end."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())
