"""The scoring scheme: items, points, floors, rule kinds and texts, read from resources/schemes.

A malformed scheme is refused with a SchemeError naming the bad key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from panelapp.core.evidence import Settings
from panelapp.core.workdays import DEFAULT_WORKING_HOURS, Span

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

#: The evidence kinds an item of each rule kind is judged on: the tables
#: the window's item panel shows and the audit entries of its history.
RULE_EVIDENCE: dict[str, tuple[str, ...]] = {
    "weekly_reports": ("weekly_reports", "exempt_weeks"),
    "special_periods": ("special_periods",),
    "defect_reports": ("defect_reports",),
    "half_year_drill": ("drills",),
    "half_year_training": ("trainings",),
    "faults": ("faults",),
    "security_events": ("security_events",),
    "fault_response": ("faults",),
    "onsite_service": ("absences", "violations", "offhours_misses"),
    "support": ("unfulfilled_commitments", "late_optimizations"),
}


#: What each rule kind needs in its item's ``params``: an int, or a table of ints with these keys.
RULE_PARAMS: dict[str, dict[str, tuple[str, ...] | None]] = {
    "weekly_reports": {"points_per_missing": None},
    "special_periods": {"points_per_missing": None},
    "defect_reports": {"points_per_missing": None},
    "half_year_drill": {"points_if_none": None},
    "half_year_training": {"points_if_none": None},
    "faults": {
        "level_points": ("I", "II", "III", "IV"),
        "interruption_over": ("I", "II", "III"),
        "degradation_over": ("II", "III"),
    },
    "security_events": {"kind_points": ("major", "notified", "reminder", "hidden_danger")},
    "fault_response": {"late_response": None, "late_restoration": None, "per_overdue_day": None},
    "onsite_service": {"per_absence": None, "offhours_batch": None, "per_offhours_batch": None},
    "support": {"per_commitment": None, "per_late_optimization": None},
}


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
    item: str | None = None  # the item whose 附件3 text the setting changes
    sheet_notes: dict[int, str] = field(default_factory=dict)  # value -> what the sheet says about it


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
    description: str  # 附件2's text (the window's), may name settings as {placeholders}
    sheet_description: str  # 附件3's 指标说明 verbatim: what the score sheet prints


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
    #: 3.2③: working hours on working days; everything else is off-hours (core.workdays)
    working_hours: tuple[Span, ...] = DEFAULT_WORKING_HOURS

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

    def sheet_description(self, item: Item, settings: Settings) -> str:
        """附件3's 指标说明 of ``item`` as the score sheet prints it."""
        values = {key: getattr(settings, key) for key in self.settings}
        return item.sheet_description.format(**values)

    def sheet_notes(self, settings: Settings, item_id: str | None = None) -> list[tuple[str, str]]:
        """(setting key, sentence) for each applied setting that departs from the printed 附件3 text.

        With ``item_id``, only the settings that change that item's text.
        """
        out = []
        for key, spec in self.settings.items():
            note = spec.sheet_notes.get(getattr(settings, key))
            if note and (item_id is None or spec.item == item_id):
                out.append((key, note))
        return out

    def settings_problems(self, settings: Settings) -> list[tuple[str, str]]:
        """(key, Chinese message) for every setting outside the scheme's choices or range."""
        problems = []
        for key, spec in self.settings.items():
            value = getattr(settings, key)
            if not isinstance(value, int) or isinstance(value, bool):
                problems.append((key, f"{spec.label}应为整数"))
            elif spec.choices and value not in spec.choices:
                problems.append((key, f"{spec.label}只能取 {' 或 '.join(map(str, spec.choices))}"))
            elif (spec.min is not None and value < spec.min) or (spec.max is not None and value > spec.max):
                problems.append((key, f"{spec.label}应在 {spec.min} 到 {spec.max} 之间"))
        return problems

    def tier_percent(self, total: int) -> int:
        for tier in self.tiers:
            if tier.min is None or total >= tier.min:
                return tier.percent
        return self.tiers[-1].percent


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _table(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SchemeError(where, "应为表（table）")
    return value


def _check_params(rule: str, params: Any, where: str) -> dict[str, Any]:
    params = _table(params, where)
    for key, subkeys in RULE_PARAMS[rule].items():
        if key not in params:
            raise SchemeError(f"{where}.{key}", f"规则“{rule}”需要此参数")
        value = params[key]
        if subkeys is None:
            if not _is_int(value) or value < 0:
                raise SchemeError(f"{where}.{key}", "应为非负整数")
            continue
        _table(value, f"{where}.{key}")
        for sub in subkeys:
            if not _is_int(value.get(sub)) or value[sub] < 0:
                raise SchemeError(f"{where}.{key}.{sub}", "缺少此项或不是非负整数")
    if rule == "onsite_service" and params["offhours_batch"] < 1:
        raise SchemeError(f"{where}.offhours_batch", "应至少为 1")
    return dict(params)


def _sheet_notes(value: Any, where: str) -> dict[int, str]:
    """``{ 1 = "…" }``: a sentence per setting value (TOML keys are strings)."""
    notes: dict[int, str] = {}
    for key, text in _table(value, where).items():
        try:
            number = int(key)
        except ValueError:
            raise SchemeError(f"{where}.{key}", "键应为整数取值") from None
        if not isinstance(text, str) or not text.strip():
            raise SchemeError(f"{where}.{key}", "应为非空文本")
        notes[number] = text
    return notes


def _need(table: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    _table(table, where)
    if key not in table:
        raise SchemeError(f"{where}.{key}", "缺少此项")
    value = table[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise SchemeError(f"{where}.{key}", "类型不正确")
    return value


_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def _working_hours(value: Any) -> tuple[Span, ...]:
    """``working_hours = ["08:00-12:00", "14:00-18:00"]``: ascending, non-overlapping spans."""
    if value is None:
        return DEFAULT_WORKING_HOURS
    if not isinstance(value, list) or not value:
        raise SchemeError("working_hours", "应为非空列表，如 [\"08:00-18:00\"]")
    spans: list[Span] = []
    for i, text in enumerate(value):
        parts = text.split("-") if isinstance(text, str) else []
        matches = [_HHMM.match(p.strip()) for p in parts]
        if len(parts) != 2 or not all(matches):
            raise SchemeError(f"working_hours[{i}]", f"应为“HH:MM-HH:MM”，实际为 {text!r}")
        start, end = (time(int(m.group(1)), int(m.group(2))) for m in matches if m)
        if end <= start or (spans and start < spans[-1][1]):
            raise SchemeError(f"working_hours[{i}]", "结束应晚于开始，且各段按时间先后排列、互不重叠")
        spans.append((start, end))
    return tuple(spans)


def parse_scheme(data: dict[str, Any]) -> Scheme:
    settings = {}
    for key, spec in _need(data, "settings", dict, "scheme").items():
        where = f"settings.{key}"
        if key not in Settings.__dataclass_fields__:
            raise SchemeError(where, "未知的设置项")
        _table(spec, where)
        setting = SettingSpec(
            key=key,
            default=_need(spec, "default", int, where),
            label=_need(spec, "label", str, where),
            choices=tuple(spec.get("choices", ())),
            min=spec.get("min"),
            max=spec.get("max"),
            note=spec.get("note", ""),
            item=spec.get("item"),
            sheet_notes=_sheet_notes(spec.get("sheet_notes", {}), f"{where}.sheet_notes"),
        )
        if setting.item is not None and not isinstance(setting.item, str):
            raise SchemeError(f"{where}.item", "应为二级指标编号（字符串）")
        bounds = [*setting.choices, *(b for b in (setting.min, setting.max) if b is not None)]
        if not all(_is_int(b) for b in bounds):
            raise SchemeError(where, "choices / min / max 应为整数")
        if setting.choices and setting.default not in setting.choices:
            raise SchemeError(f"{where}.default", "默认值不在可选值之中")
        if (setting.min is not None and setting.default < setting.min) or (
            setting.max is not None and setting.default > setting.max
        ):
            raise SchemeError(f"{where}.default", "默认值超出 min..max")
        settings[key] = setting
    missing = set(Settings.__dataclass_fields__) - set(settings)
    if missing:
        raise SchemeError("settings." + sorted(missing)[0], "缺少此项")
    tiers = []
    for i, tier in enumerate(_need(data, "tiers", list, "scheme")):
        where = f"tiers[{i}]"
        _table(tier, where)
        low = tier.get("min")
        if low is not None and not _is_int(low):
            raise SchemeError(f"{where}.min", "应为整数")
        percent = _need(tier, "percent", int, where)
        if not 0 <= percent <= 100:
            raise SchemeError(f"{where}.percent", "应在 0 到 100 之间")
        tiers.append(Tier(low, percent))
    if not tiers:
        raise SchemeError("tiers", "至少需要一档")
    if tiers[-1].min is not None:
        raise SchemeError("tiers", "最后一档不得设置 min")
    mins = [t.min for t in tiers[:-1]]
    known = [m for m in mins if m is not None]
    if len(known) != len(mins) or known != sorted(known, reverse=True) or len(set(known)) != len(known):
        raise SchemeError("tiers", "各档 min 应从高到低排列且互不相同，只有最后一档不设 min")
    sections = []
    for i, sec in enumerate(_need(data, "sections", list, "scheme")):
        where = f"sections[{i}]"
        name = _need(sec, "name", str, where)
        sections.append(
            Section(_need(sec, "id", str, where), name, _need(sec, "points", int, where),
                    sec.get("sheet_name", name))
        )
    section_ids = {s.id for s in sections}
    items: list[Item] = []
    for i, it in enumerate(_need(data, "items", list, "scheme")):
        where = f"items[{i}]"
        _table(it, where)
        rule = _need(it, "rule", str, where)
        if rule not in RULE_KINDS:
            raise SchemeError(f"{where}.rule", f"未知的规则类型“{rule}”")
        section = _need(it, "section", str, where)
        if section not in section_ids:
            raise SchemeError(f"{where}.section", f"未定义的一级指标“{section}”")
        floor = it.get("floor")
        maximum = _need(it, "max", int, where)
        if floor is not None and (not _is_int(floor) or not 0 <= floor <= maximum):
            raise SchemeError(f"{where}.floor", "应为 0 到 max 之间的整数，或不设（不设下限）")
        item_id = _need(it, "id", str, where)
        if any(other.id == item_id for other in items):
            raise SchemeError(f"{where}.id", f"二级指标编号“{item_id}”重复")
        description = _need(it, "description", str, where)
        sheet_description = it.get("sheet_description", description)
        if not isinstance(sheet_description, str) or not sheet_description.strip():
            raise SchemeError(f"{where}.sheet_description", "应为非空文本")
        for key, text in (("description", description), ("sheet_description", sheet_description)):
            try:
                text.format(**{name: 0 for name in settings})
            except (KeyError, IndexError, ValueError) as exc:
                raise SchemeError(f"{where}.{key}", f"含有未知的占位符：{exc}") from None
        items.append(
            Item(
                id=item_id,
                section=section,
                name=_need(it, "name", str, where),
                max=maximum,
                floor=floor,
                rule=rule,
                params=_check_params(rule, it.get("params", {}), f"{where}.params"),
                description=description,
                sheet_description=sheet_description,
            )
        )
    item_ids = {item.id for item in items}
    for key, setting in settings.items():
        if setting.item is not None and setting.item not in item_ids:
            raise SchemeError(f"settings.{key}.item", f"未定义的二级指标“{setting.item}”")
        for value in setting.sheet_notes:
            if (setting.choices and value not in setting.choices) or (
                setting.min is not None and value < setting.min) or (
                setting.max is not None and value > setting.max):
                raise SchemeError(f"settings.{key}.sheet_notes", f"取值 {value} 不在可选值或范围之内")
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
        working_hours=_working_hours(data.get("working_hours")),
    )


def load_scheme_file(path: Path) -> Scheme:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise SchemeError(path.name, "不是 UTF-8 编码的文本") from None
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
