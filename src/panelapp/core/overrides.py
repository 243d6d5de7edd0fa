"""The bounds of the panel's own deduction for an item (考核组调整), in one place.

An item loses at most ``max - floor`` points (no floor: no limit); the panel's deduction must
be a whole number in 0..that limit and carry a written reason. The engine, the store and the
cycle-file reader all ask here.
"""

from __future__ import annotations

from typing import Any

from panelapp.core.scheme import Item


def deduction_limit(item: Item) -> int | None:
    """The most points ``item`` can lose (its max less its floor); None when it has no floor."""
    return None if item.floor is None else item.max - item.floor


def override_problem(item: Item, deduction: Any, reason: Any) -> str | None:
    """Why the panel's deduction for ``item`` is refused, in Chinese; None when it is allowed."""
    if not isinstance(reason, str) or not reason.strip():
        return f"调整指标 {item.id}（{item.name}）的扣分必须填写理由"
    hi = deduction_limit(item)
    if (
        not isinstance(deduction, int)
        or isinstance(deduction, bool)
        or deduction < 0
        or (hi is not None and deduction > hi)
    ):
        limit = f"0 到 {hi}" if hi is not None else "不小于 0"
        return f"指标 {item.id}（{item.name}）的扣分必须是{limit}的整数"
    return None
