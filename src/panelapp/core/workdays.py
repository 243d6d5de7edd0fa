"""Working time and off-hours (3.2③ 非工作时间: 双休日、法定节假日、夜间等).

A moment is working time when its day is a working day and its time lies in one of the
scheme's working-hour spans. Working days follow the State Council's yearly notice as the
``chinese-calendar`` package records it: Monday to Friday unless a statutory holiday, plus
the weekend days made working days (调休上班). Everything else is off-hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache

import chinese_calendar  # type: ignore[import-untyped]  # no stubs; used for two look-ups

#: One span of working hours [start, end): a moment at ``end`` is already off-hours.
Span = tuple[time, time]

#: The default when a scheme gives none (scoring.md): one span, 08:00 to 18:00.
DEFAULT_WORKING_HOURS: tuple[Span, ...] = ((time(8, 0), time(18, 0)),)

HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}
WEEKDAYS = "一二三四五六日"


class UnknownYear(ValueError):
    """The holiday calendar does not cover this date's year (a newer package is needed)."""


@cache
def known_years() -> tuple[int, int]:
    """The first and last year whose holidays and 调休 days the installed calendar knows."""
    days = chinese_calendar.holidays
    return min(days).year, max(days).year


def hours_text(spans: tuple[Span, ...]) -> str:
    """e.g. ``08:00–18:00`` or ``08:00–12:00、14:00–18:00``."""
    return "、".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in spans)


@dataclass(frozen=True)
class DayKind:
    working: bool
    #: Chinese, e.g. 星期二（工作日）, 星期六（双休日）, 春节假期, 星期日（春节调休上班）
    text: str


def day_kind(day: date) -> DayKind:
    """Working day or not, per the State Council's notice; UnknownYear outside the calendar."""
    first, last = known_years()
    if not first <= day.year <= last:
        raise UnknownYear(
            f"节假日日历（chinese-calendar）只收录 {first}–{last} 年的法定节假日和调休安排，"
            f"无法判断 {day.isoformat()} 是否为工作日；请升级 panelapp（或其 chinese-calendar 组件）后再录入"
        )
    try:
        is_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError as exc:  # pragma: no cover - the year check above comes first
        raise UnknownYear(str(exc)) from None
    weekday = f"星期{WEEKDAYS[day.weekday()]}"
    festival = HOLIDAY_NAMES.get(name or "", name or "")
    if is_holiday:
        if name:
            return DayKind(False, f"{festival}假期（{weekday}）")
        return DayKind(False, f"{weekday}（双休日）")
    if day.weekday() >= 5:
        return DayKind(True, f"{weekday}（{festival + '调休' if festival else '调休'}上班）")
    return DayKind(True, f"{weekday}（工作日）")


def in_spans(moment: time, spans: tuple[Span, ...]) -> bool:
    return any(start <= moment < end for start, end in spans)


def offhours_problem(at: datetime, spans: tuple[Span, ...]) -> str | None:
    """None when ``at`` is off-hours; else the Chinese reason it cannot be an off-hours miss.

    A moment outside the working-hour spans is off-hours on any day, so the calendar is only
    asked about moments inside the spans (and only those can hit a year it does not know).
    """
    if not in_spans(at.time(), spans):
        return None
    try:
        kind = day_kind(at.date())
    except UnknownYear as exc:
        return str(exc)
    if not kind.working:
        return None
    return (
        f"{at:%Y-%m-%d %H:%M} 是{kind.text}的工作时间（{hours_text(spans)}），"
        "不属于非工作时间（双休日、法定节假日、夜间），不能记为非工作时间未响应"
    )
