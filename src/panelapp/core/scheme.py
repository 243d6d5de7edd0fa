"""The scoring scheme: items, points, floors, rule kinds and texts, read from resources/schemes.

A malformed scheme is refused with a SchemeError naming the bad key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from panelapp.core.evidence import Settings

#: The rule kinds the engine knows; an item names one of them.
RULE_KINDS = (
    "weekly_reports",
    "special_periods",
    "defect_reports",
    "half_year_drill",
    "half_year_training",
    "faults",
    "security_events",
    "fault_response",
    "onsite_service",
    "support",
)


class SchemeError(ValueError):
    """The scheme file is malformed; ``key`` names where."""

    def __init__(self, key: str, message: str):
        super().__init__(f"评分方案错误：{key}：{message}")
        self.key = key


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: int
    label: str
    choices: tuple[int, ...] = ()
    min: int | None = None
    max: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Tier:
    min: int | None  # None: everything below the previous tier
    percent: int


@dataclass(frozen=True)
class Section:
    id: str
    name: str
    points: int
    sheet_name: str


@dataclass(frozen=True)
class Item:
    id: str
    section: str
    name: str
    max: int
    floor: int | None
    rule: str
    params: dict[str, Any]
    description: str


@dataclass(frozen=True)
class Scheme:
    id: str
    title: str
    base: int
    settings: dict[str, SettingSpec]
    tiers: tuple[Tier, ...]
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    payment: dict[str, Any] = field(default_factory=dict)

    def default_settings(self) -> Settings:
        return Settings(**{key: spec.default for key, spec in self.settings.items()})

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def description(self, item: Item, settings: Settings) -> str:
        """指标说明 with the applied settings filled in (e.g. the violation points)."""
        values = {key: getattr(settings, key) for key in self.settings}
        return item.description.format(**values)

    def tier_percent(self, total: int) -> int:
        for tier in self.tiers:
            if tier.min is None or total >= tier.min:
                return tier.percent
        return self.tiers[-1].percent


def _need(table: dict, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in table:
        raise SchemeError(f"{where}.{key}", "缺少此项")
    value = table[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise SchemeError(f"{where}.{key}", "类型不正确")
    return value


def parse_scheme(data: dict[str, Any]) -> Scheme:
    settings = {}
    for key, spec in _need(data, "settings", dict, "scheme").items():
        where = f"settings.{key}"
        if key not in Settings.__dataclass_fields__:
            raise SchemeError(where, "未知的设置项")
        settings[key] = SettingSpec(
            key=key,
            default=_need(spec, "default", int, where),
            label=_need(spec, "label", str, where),
            choices=tuple(spec.get("choices", ())),
            min=spec.get("min"),
            max=spec.get("max"),
            note=spec.get("note", ""),
        )
    missing = set(Settings.__dataclass_fields__) - set(settings)
    if missing:
        raise SchemeError("settings." + sorted(missing)[0], "缺少此项")
    tiers = []
    for i, tier in enumerate(_need(data, "tiers", list, "scheme")):
        where = f"tiers[{i}]"
        tiers.append(Tier(tier.get("min"), _need(tier, "percent", int, where)))
    if not tiers or tiers[-1].min is not None:
        raise SchemeError("tiers", "最后一档不得设置 min")
    sections = []
    for i, sec in enumerate(_need(data, "sections", list, "scheme")):
        where = f"sections[{i}]"
        name = _need(sec, "name", str, where)
        sections.append(
            Section(_need(sec, "id", str, where), name, _need(sec, "points", int, where),
                    sec.get("sheet_name", name))
        )
    section_ids = {s.id for s in sections}
    items = []
    for i, it in enumerate(_need(data, "items", list, "scheme")):
        where = f"items[{i}]"
        rule = _need(it, "rule", str, where)
        if rule not in RULE_KINDS:
            raise SchemeError(f"{where}.rule", f"未知的规则类型“{rule}”")
        section = _need(it, "section", str, where)
        if section not in section_ids:
            raise SchemeError(f"{where}.section", f"未定义的一级指标“{section}”")
        floor = it.get("floor")
        if floor is not None and not isinstance(floor, int):
            raise SchemeError(f"{where}.floor", "类型不正确")
        items.append(
            Item(
                id=_need(it, "id", str, where),
                section=section,
                name=_need(it, "name", str, where),
                max=_need(it, "max", int, where),
                floor=floor,
                rule=rule,
                params=dict(it.get("params", {})),
                description=_need(it, "description", str, where),
            )
        )
    for sec in sections:
        total = sum(item.max for item in items if item.section == sec.id)
        if total != sec.points:
            raise SchemeError(f"sections.{sec.id}.points", f"分值 {sec.points} 与二级指标合计 {total} 不符")
    base = _need(data, "base", int, "scheme")
    if sum(s.points for s in sections) != base:
        raise SchemeError("base", "与一级指标分值合计不符")
    payment = dict(data.get("payment", {}))
    for key, value in payment.items():
        if key != "cap":
            try:
                Decimal(str(value))
            except InvalidOperation:
                raise SchemeError(f"payment.{key}", "不是十进制数") from None
    return Scheme(
        id=_need(data, "id", str, "scheme"),
        title=_need(data, "title", str, "scheme"),
        base=base,
        settings=settings,
        tiers=tuple(tiers),
        sections=tuple(sections),
        items=tuple(items),
        payment=payment,
    )


def load_scheme_file(path: Path) -> Scheme:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SchemeError(path.name, f"不是有效的 TOML：{exc}") from None
    return parse_scheme(data)


@cache
def load_scheme(scheme_id: str) -> Scheme:
    """The bundled scheme ``resources/schemes/<scheme_id>.toml``."""
    from panelapp.paths import resource

    path = resource("schemes", f"{scheme_id}.toml")
    if not path.is_file():
        raise SchemeError("contract.scheme", f"找不到评分方案“{scheme_id}”")
    return load_scheme_file(path)
