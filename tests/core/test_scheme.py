"""The bundled scheme matches 附件 2 / 附件 3, and malformed schemes are refused by key."""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from panelapp.core.contract import Contract
from panelapp.core.engine import score_cycle
from panelapp.core.evidence import CycleData, Evidence, Settings
from panelapp.core.scheme import SchemeError, load_scheme, load_scheme_file, parse_scheme
from panelapp.paths import resource

SCHEME_PATH = resource("schemes", "pingdingshan-2024.toml")


@pytest.fixture(scope="module")
def scheme():
    return load_scheme("pingdingshan-2024")


@pytest.fixture
def raw() -> dict:
    """A fresh, mutable copy of the bundled scheme's TOML data."""
    return tomllib.loads(SCHEME_PATH.read_text(encoding="utf-8"))


# From scoring-rules.md §2 / 附件 3: id, section, name, max, floor.
EXPECTED_ITEMS = [
    ("1.1", "1", "日常巡检报告", 5, 0),
    ("1.2", "1", "特巡特维报告", 5, 0),
    ("1.3", "1", "缺陷分析报告", 5, 0),
    ("1.4", "1", "应急演练报告", 5, 0),
    ("1.5", "1", "培训记录材料", 5, 0),
    ("2.1", "2", "系统运行故障", 20, None),
    ("2.2", "2", "安全运行事件", 20, None),
    ("3.1", "3", "故障响应", 15, 0),
    ("3.2", "3", "现场驻点服务", 10, 0),
    ("3.3", "3", "运维支撑服务", 10, 0),
]


def test_bundled_scheme_loads_with_the_ten_items(scheme):
    assert scheme.id == "pingdingshan-2024"
    assert [(i.id, i.section, i.name, i.max, i.floor) for i in scheme.items] == EXPECTED_ITEMS
    assert all(i.description.startswith(f"满分{i.max}分") for i in scheme.items)  # 附件2's texts
    assert not any("满分" in i.sheet_description for i in scheme.items)  # 附件3's (tests/report/test_sheet_annex3.py)


def test_sheet_notes_say_where_the_applied_setting_departs_from_annex3(scheme):
    assert scheme.sheet_notes(Settings(violation_points=2)) == []
    notes = scheme.sheet_notes(Settings(violation_points=1))
    assert [key for key, _ in notes] == ["violation_points"]
    assert "按附件2每发生一次扣1分" in notes[0][1]
    assert scheme.sheet_notes(Settings(violation_points=1), "3.2") == notes
    assert scheme.sheet_notes(Settings(violation_points=1), "3.1") == []


def test_a_scheme_without_sheet_texts_prints_its_description(raw):
    for item in raw["items"]:
        del item["sheet_description"]
    scheme = parse_scheme(raw)
    item = scheme.item("3.2")
    assert scheme.sheet_description(item, Settings(violation_points=2)) == scheme.description(
        item, Settings(violation_points=2))


def test_points_sum_to_100_with_sections_25_40_35(scheme):
    assert scheme.base == 100
    assert sum(i.max for i in scheme.items) == 100
    assert [(s.id, s.name, s.points) for s in scheme.sections] == [
        ("1", "运维材料完整性", 25),
        ("2", "系统运行稳定性", 40),
        ("3", "运维服务支撑响应度", 35),
    ]
    for s in scheme.sections:
        assert sum(i.max for i in scheme.items if i.section == s.id) == s.points
    # 附件 3's printed form spells section 3 "运维服务支持响应度".
    assert scheme.sections[2].sheet_name == "运维服务支持响应度"


def test_default_settings_are_those_of_the_issue(scheme):
    assert scheme.default_settings() == Settings(
        violation_points=1,
        defect_reports_required=1,
        response_minutes=10,
        onsite_minutes=60,
        restore_deadline_hours=8,
        report_due_days=3,
    )
    assert scheme.settings["violation_points"].choices == (1, 2)
    assert all(spec.label for spec in scheme.settings.values())


def test_tiers_of_附件2(scheme):
    assert [(t.min, t.percent) for t in scheme.tiers] == [(95, 0), (85, 5), (80, 10), (None, 20)]
    expect = {100: 0, 95: 0, 94: 5, 85: 5, 84: 10, 80: 10, 79: 20, 0: 20, -50: 20}
    assert {t: scheme.tier_percent(t) for t in expect} == expect


def test_payment_terms(scheme):
    assert Decimal(scheme.payment["per_unfulfilled_commitment_percent"]) == 3
    assert Decimal(scheme.payment["per_criticism_amount"]) == Decimal("10000.00")
    # 3% of the contract total per unfulfilled commitment is 76,350.00 (scoring-rules.md §3).
    per = Decimal("2545000.00") * Decimal(scheme.payment["per_unfulfilled_commitment_percent"]) / 100
    assert per == Decimal("76350.00")


def test_violation_points_are_filled_into_the_description(scheme):
    item = scheme.item("3.2")
    assert "{" not in scheme.description(item, Settings(violation_points=1))
    assert "仍拒绝改正，每发生一次，扣1分" in scheme.description(item, Settings(violation_points=1))
    assert "仍拒绝改正，每发生一次，扣2分" in scheme.description(item, Settings(violation_points=2))
    for other in scheme.items:
        assert "{" not in scheme.description(other, Settings())


def test_unknown_scheme_id_is_refused():
    with pytest.raises(SchemeError) as err:
        load_scheme("no-such-scheme")
    assert "no-such-scheme" in str(err.value)


def expect_error(data: dict, key: str) -> SchemeError:
    with pytest.raises(SchemeError) as err:
        parse_scheme(data)
    assert err.value.key == key
    assert key in str(err.value)
    assert str(err.value).startswith("评分方案错误")
    return err.value


@pytest.mark.parametrize(
    ("path", "key"),
    [
        (("items", 3, "max"), "items[3].max"),
        (("items", 0, "rule"), "items[0].rule"),
        (("items", 9, "description"), "items[9].description"),
        (("items", 5, "name"), "items[5].name"),
        (("items",), "scheme.items"),
        (("sections",), "scheme.sections"),
        (("tiers",), "scheme.tiers"),
        (("settings",), "scheme.settings"),
        (("id",), "scheme.id"),
        (("base",), "scheme.base"),
        (("sections", 1, "points"), "sections[1].points"),
        (("tiers", 2, "percent"), "tiers[2].percent"),
        (("settings", "report_due_days"), "settings.report_due_days"),
        (("settings", "onsite_minutes", "default"), "settings.onsite_minutes.default"),
    ],
)
def test_missing_key_is_named(raw, path, key):
    parent = raw
    for step in path[:-1]:
        parent = parent[step]
    del parent[path[-1]]
    expect_error(raw, key)


def test_unknown_rule_kind_is_named(raw):
    raw["items"][4]["rule"] = "monthly_reports"
    err = expect_error(raw, "items[4].rule")
    assert "monthly_reports" in str(err)


def test_section_points_mismatch_is_named(raw):
    raw["sections"][1]["points"] = 41
    err = expect_error(raw, "sections.2.points")
    assert "41" in str(err) and "40" in str(err)


def test_item_max_that_breaks_its_section_is_refused(raw):
    raw["items"][0]["max"] = 6
    expect_error(raw, "sections.1.points")


def test_base_that_is_not_the_sum_of_sections_is_refused(raw):
    raw["base"] = 99
    expect_error(raw, "base")


@pytest.mark.parametrize(
    ("path", "value", "key"),
    [
        (("items", 0, "max"), "5", "items[0].max"),
        (("items", 0, "max"), True, "items[0].max"),
        (("items", 5, "floor"), "none", "items[5].floor"),
        (("sections", 0, "points"), 25.0, "sections[0].points"),
        (("settings", "violation_points", "default"), "1", "settings.violation_points.default"),
    ],
)
def test_wrong_type_is_named(raw, path, value, key):
    parent = raw
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    expect_error(raw, key)


def test_unknown_or_missing_setting_is_named(raw):
    raw["settings"]["overtime_minutes"] = {"default": 5, "label": "加班"}
    expect_error(raw, "settings.overtime_minutes")


def test_undefined_section_is_named(raw):
    raw["items"][0]["section"] = "4"
    expect_error(raw, "items[0].section")


def test_last_tier_must_be_open_ended(raw):
    raw["tiers"][-1]["min"] = 0
    expect_error(raw, "tiers")


def test_non_decimal_payment_is_named(raw):
    raw["payment"]["per_criticism_amount"] = "一万元"
    expect_error(raw, "payment.per_criticism_amount")


def test_bad_toml_is_refused_naming_the_file(tmp_path: Path):
    bad = tmp_path / "broken.toml"
    bad.write_text('id = "x"\nbase = \n', encoding="utf-8")
    with pytest.raises(SchemeError) as err:
        load_scheme_file(bad)
    assert "broken.toml" in str(err.value) and "TOML" in str(err.value)


def test_a_copy_of_the_bundled_file_loads_from_any_path(tmp_path: Path):
    copy_path = tmp_path / "copy.toml"
    copy_path.write_text(SCHEME_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_scheme_file(copy_path) == load_scheme("pingdingshan-2024")


def test_scheme_points_drive_the_engine(raw):
    """No item's points are hard-coded: a scheme with other numbers scores other numbers."""
    raw["items"][0]["params"]["points_per_missing"] = 2
    raw["tiers"][0]["min"] = 100
    other = parse_scheme(raw)
    contract = Contract("N", "P", "A", "V", Decimal("1000.00"), date(2024, 9, 30))
    r = score_cycle(CycleData(contract, 1, date(2025, 1, 3), Settings(), (), Evidence()), other)
    # 13 missing weeks x 2 = 26, floored at 5; defect report missing 5; half-year pending.
    assert r.item("1.1").computed_deduction == 5
    assert "应扣26分" in r.item("1.1").explanation
    assert r.total == 90 and r.tier_percent == 5


# ------------------------------------------------------------------ known gaps (BUG)
# Each of these schemes is malformed, yet parse_scheme accepts it (or crashes with a
# non-SchemeError); the issue requires "refused with a message naming the bad key".


def _drop_param(raw):
    raw["items"][0]["params"] = {}


def _drop_level(raw):
    del raw["items"][5]["params"]["level_points"]["II"]


def _setting_not_table(raw):
    raw["settings"]["violation_points"] = 1


def _item_not_table(raw):
    raw["items"][0] = 5


def _tier_min_text(raw):
    raw["tiers"][0]["min"] = "95"


def _duplicate_id(raw):
    raw["items"][1]["id"] = "1.1"


def _unordered_tiers(raw):
    raw["tiers"] = [raw["tiers"][2], raw["tiers"][1], raw["tiers"][0], raw["tiers"][3]]


def _default_not_a_choice(raw):
    raw["settings"]["violation_points"]["default"] = 3


def _unknown_placeholder(raw):
    raw["items"][0]["description"] = "每缺少一次，扣{points}分"


def _floor_above_max(raw):
    raw["items"][0]["floor"] = 9


def _sheet_placeholder(raw):
    raw["items"][8]["sheet_description"] = "每发生一次，扣{points}分"


def _sheet_note_outside_choices(raw):
    raw["settings"]["violation_points"]["sheet_notes"] = {"3": "按3分执行"}


def _sheet_note_key_not_a_number(raw):
    raw["settings"]["violation_points"]["sheet_notes"] = {"one": "按1分执行"}


def _sheet_note_unknown_item(raw):
    raw["settings"]["violation_points"]["item"] = "3.9"


GAPS = [
    (
        _drop_param,
        "items[0].params.points_per_missing",
        "rule params not validated: KeyError at scoring time",
    ),
    (
        _drop_level,
        "items[5].params.level_points",
        "level_points without II accepted: KeyError on a level-II fault",
    ),
    (_setting_not_table, "settings.violation_points", "non-table setting raises TypeError, not SchemeError"),
    (_item_not_table, "items[0]", "non-table item raises TypeError, not SchemeError"),
    (_tier_min_text, "tiers[0].min", "tier min type unchecked: TypeError in tier_percent"),
    (_duplicate_id, "items[1].id", "duplicate item ids accepted"),
    (_unordered_tiers, "tiers", "tiers out of descending order accepted: wrong percent"),
    (_default_not_a_choice, "settings.violation_points.default", "default outside its choices accepted"),
    (
        _unknown_placeholder,
        "items[0].description",
        "unknown {placeholder} accepted: KeyError in description()",
    ),
    (_floor_above_max, "items[0].floor", "floor above max accepted"),
    (_sheet_placeholder, "items[8].sheet_description", "unknown {placeholder} in 附件3's text accepted"),
    (_sheet_note_outside_choices, "settings.violation_points.sheet_notes", "a note for an impossible value"),
    (_sheet_note_key_not_a_number, "settings.violation_points.sheet_notes.one", "a note keyed by text"),
    (_sheet_note_unknown_item, "settings.violation_points.item", "a note about an item that does not exist"),
]


@pytest.mark.parametrize(
    ("mutate", "key"),
    [
        pytest.param(
            m, k, id=m.__name__.strip("_")
        )
        for m, k, _why in GAPS
    ],
)
def test_malformed_scheme_gaps_are_refused_by_key(raw, mutate, key):
    mutate(raw)
    with pytest.raises(SchemeError) as err:
        parse_scheme(raw)
    assert key in err.value.key


def test_non_utf8_scheme_file_is_refused(tmp_path: Path):
    bad = tmp_path / "gbk.toml"
    bad.write_bytes('title = "评分表"\n'.encode("gbk"))
    with pytest.raises(SchemeError) as err:
        load_scheme_file(bad)
    assert "gbk.toml" in str(err.value)


def test_every_rule_kind_names_the_evidence_it_judges():
    from panelapp.core.evidence import EVIDENCE_KINDS
    from panelapp.core.scheme import RULE_EVIDENCE, RULE_KINDS

    assert set(RULE_EVIDENCE) == set(RULE_KINDS)
    assert all(kinds and set(kinds) <= set(EVIDENCE_KINDS) for kinds in RULE_EVIDENCE.values())
