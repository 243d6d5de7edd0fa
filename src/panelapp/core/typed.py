"""Dates and times typed by hand, the way a panel member writes them.

``parse_date("1-15", lo, hi)`` reads 2025-01-15, 2025-1-15, 2025/1/15,
2025年1月15日, 20250115, 1-15, 1/15, 1月15日 and 0115; a date without a year
takes the year that puts it inside ``[lo, hi]`` (the field's range, which
follows the cycle), else the year nearest to that range. ``parse_time`` reads
9:00, 09:00, 0900 and 9; ``parse_datetime`` a date and a time separated by a
space ("1-15 9:00"), or a time alone on ``default_day``. Nothing is ever
wrapped or rounded: 25:70 and 2-30 are refused with a Chinese message
(:class:`TypedInputError`), never turned into 02:07 or 3-2.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

_SEP = r"[-/.年月]"
_YMD = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})日?$")
_YMD_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MD = re.compile(rf"^(\d{{1,2}}){_SEP}(\d{{1,2}})日?$")
_MD_COMPACT = re.compile(r"^(\d{2})(\d{2})$")
_HM = re.compile(r"^(\d{1,2})[:：](\d{1,2})$")
_HM_COMPACT = re.compile(r"^(\d{2})(\d{2})$")
_H = re.compile(r"^(\d{1,2})(?:点|时)?$")

DATE_HINT = "2025-01-15 或 1-15"
TIME_HINT = "09:00"
DATETIME_HINT = "1-15 9:00"


class TypedInputError(ValueError):
    """A typed date or time that cannot be read; the message is Chinese and says what to type."""


def _clean(text: str) -> str:
    return text.strip().replace("／", "/").replace("－", "-").replace("．", ".")


def _real_date(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise TypedInputError(f"月份须为 1–12（填写的是 {month} 月）")
    try:
        return date(year, month, day)
    except ValueError:
        raise TypedInputError(f"{year}年{month}月没有{day}日") from None


def complete_year(month: int, day: int, lo: date, hi: date) -> date:
    """The date ``month-day`` in the year that puts it inside [lo, hi], else nearest to that range."""
    if not 1 <= month <= 12:
        raise TypedInputError(f"月份须为 1–12（填写的是 {month} 月）")
    candidates: list[date] = []
    for year in range(lo.year - 1, hi.year + 2):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise TypedInputError(f"{month}月没有{day}日")

    def distance(d: date) -> int:
        if d < lo:
            return (lo - d).days
        if d > hi:
            return (d - hi).days
        return 0

    return min(candidates, key=lambda d: (distance(d), abs((d - lo).days)))


def parse_date(text: str, lo: date, hi: date) -> date:
    """A typed date; a missing year is completed from [lo, hi]. Range checks are the caller's."""
    s = _clean(text)
    if not s:
        raise TypedInputError("请填写日期")
    for pattern in (_YMD, _YMD_COMPACT):
        m = pattern.match(s)
        if m:
            return _real_date(int(m[1]), int(m[2]), int(m[3]))
    for pattern in (_MD, _MD_COMPACT):
        m = pattern.match(s)
        if m:
            return complete_year(int(m[1]), int(m[2]), lo, hi)
    raise TypedInputError(f"无法识别日期“{text.strip()}”，请按 {DATE_HINT} 填写")


def parse_time(text: str) -> time:
    s = _clean(text)
    if not s:
        raise TypedInputError("请填写时间")
    m = _HM.match(s) or _HM_COMPACT.match(s)
    hour, minute = (int(m[1]), int(m[2])) if m else (None, None)
    if m is None:
        h = _H.match(s)
        if h is None:
            raise TypedInputError(f"无法识别时间“{text.strip()}”，请按 {TIME_HINT} 填写")
        hour, minute = int(h[1]), 0
    assert hour is not None and minute is not None
    if hour > 23 or minute > 59:
        raise TypedInputError(f"时间“{text.strip()}”不存在：小时须为 0–23，分钟须为 0–59")
    return time(hour, minute)


def parse_datetime(text: str, lo: date, hi: date, default_day: date | None = None) -> datetime:
    """"1-15 9:00", "2025-01-15 09:00" or "2025-01-15T09:00"; a time alone falls on ``default_day``."""
    s = _clean(text)
    if not s:
        raise TypedInputError("请填写日期和时间")
    parts = re.split(r"[\sT]+", s, maxsplit=1) if re.search(r"[\sT]", s) else [s]
    if len(parts) == 2:
        return datetime.combine(parse_date(parts[0], lo, hi), parse_time(parts[1]))
    if ":" in s or "：" in s or s.endswith(("点", "时")):
        if default_day is None:
            raise TypedInputError(f"请同时填写日期和时间，例如 {DATETIME_HINT}")
        return datetime.combine(default_day, parse_time(s))
    try:
        parse_date(s, lo, hi)
    except TypedInputError:
        raise TypedInputError(f"无法识别“{text.strip()}”，请按 {DATETIME_HINT} 填写日期和时间") from None
    raise TypedInputError(f"请在日期后填写时间，例如 {DATETIME_HINT}")


def format_date(value: date) -> str:
    return value.isoformat()


def format_datetime(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")
