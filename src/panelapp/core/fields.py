"""Small typed field readers that collect every error with its JSON path.

Used by the cycle-file reader: each reader returns the parsed value, or
records a FieldError (path + Chinese message) and returns ``INVALID``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from panelapp.core import limits

INVALID: Any = object()
CHINA = timezone(timedelta(hours=8))
# ASCII digits only: "\d" alone would accept fullwidth and other Unicode digits
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(\+08:00)?$", re.ASCII)
_SHA256 = re.compile(r"^[0-9a-f]{64}$", re.ASCII)
_AMOUNT = re.compile(r"^\d{1,15}(\.\d{1,2})?$", re.ASCII)


@dataclass(frozen=True)
class FieldError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}：{self.message}"


class Errors(list[FieldError]):
    def add(self, path: str, message: str) -> Any:
        # a path or message may quote hostile text: never let it break printing
        self.append(FieldError(limits.printable(path, 200), limits.printable(message, 400)))
        return INVALID


def type_name(value: Any) -> str:
    if isinstance(value, limits.Unreadable):
        return f"无法读取的数字 {value!r}"
    names = {bool: "布尔值", int: "整数", float: "小数", str: "字符串", list: "列表", dict: "对象"}
    return "空值 null" if value is None else names.get(type(value), type(value).__name__)


def text(errors: Errors, path: str, value: Any, required: bool = False) -> Any:
    if not isinstance(value, str):
        return errors.add(path, f"应为字符串，实际为{type_name(value)}")
    problem = limits.text_problem(value)
    if problem:
        return errors.add(path, problem)
    if required and not value.strip():
        return errors.add(path, "不能为空")
    return value


def boolean(errors: Errors, path: str, value: Any) -> Any:
    if not isinstance(value, bool):
        return errors.add(path, f"应为 true 或 false，实际为{type_name(value)}")
    return value


def integer(errors: Errors, path: str, value: Any, lo: int | None = None, hi: int | None = None) -> Any:
    if not isinstance(value, int) or isinstance(value, bool):
        return errors.add(path, f"应为整数，实际为{type_name(value)}")
    if abs(value) > limits.SQLITE_INT_MAX:
        return errors.add(path, f"数值超出允许范围（绝对值最大 {limits.SQLITE_INT_MAX}）")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        bounds = f"不小于 {lo}" if hi is None else f"不大于 {hi}" if lo is None else f"在 {lo} 到 {hi} 之间"
        return errors.add(path, f"应{bounds}，实际为 {value}")
    return value


def day(errors: Errors, path: str, value: Any) -> Any:
    if not isinstance(value, str) or not _DATE.match(value):
        return errors.add(path, f"应为日期 YYYY-MM-DD，实际为 {value!r}")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return errors.add(path, f"不是有效的日期：{value}")
    return _in_range(errors, path, parsed, parsed)


def moment(errors: Errors, path: str, value: Any) -> Any:
    match = _DATETIME.match(value) if isinstance(value, str) else None
    if not match:
        return errors.add(path, f"应为北京时间 YYYY-MM-DDTHH:MM（可带 +08:00），实际为 {value!r}")
    try:
        parsed = datetime.fromisoformat(match.group(1))
    except ValueError:
        return errors.add(path, f"不是有效的日期时间：{value}")
    return _in_range(errors, path, parsed.date(), parsed)


def _in_range(errors: Errors, path: str, day: date, value: Any) -> Any:
    if not limits.DATE_MIN <= day <= limits.DATE_MAX:
        return errors.add(path, f"日期 {day} 超出允许范围（{limits.DATE_MIN} 至 {limits.DATE_MAX}）")
    return value


def amount(errors: Errors, path: str, value: Any) -> Any:
    if not isinstance(value, str):
        return errors.add(path, f"金额应为十进制字符串（如 \"2545000.00\"），实际为{type_name(value)}")
    if not _AMOUNT.match(value):
        return errors.add(path, f"不是有效的金额（元，最多两位小数）：{value!r}")
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern already guards this
        return errors.add(path, f"不是有效的金额：{value!r}")


def choice(errors: Errors, path: str, value: Any, allowed: tuple[str, ...]) -> Any:
    if value not in allowed or not isinstance(value, str):
        return errors.add(path, f"应为 {' / '.join(allowed)} 之一，实际为 {value!r}")
    return value


def sha256(errors: Errors, path: str, value: Any) -> Any:
    if not isinstance(value, str) or not _SHA256.match(value):
        return errors.add(path, "应为 64 位小写十六进制 SHA-256")
    return value
