"""The engine is the last gate: it refuses what no reader should have let through."""

from __future__ import annotations

import dataclasses
import json

import pytest

from panelapp.core.cyclefile import parse_cycle
from panelapp.core.engine import score_cycle
from panelapp.core.evidence import ItemOverride, LevelOverride
from panelapp.paths import resource

DEMO = parse_cycle(json.loads(resource("samples", "demo-cycle.json").read_text("utf-8")))


def test_blank_level_override_reason_is_refused():
    fault = dataclasses.replace(DEMO.evidence.faults[0], level_override=LevelOverride("II", "  "))
    data = dataclasses.replace(DEMO, evidence=dataclasses.replace(DEMO.evidence, faults=(fault,)))
    with pytest.raises(ValueError, match=r"faults\[0\].level_override.reason"):
        score_cycle(data)


@pytest.mark.parametrize("key,value", [("violation_points", 3), ("response_minutes", 0), ("report_due_days", -1)])
def test_settings_outside_the_scheme_are_refused(key, value):
    data = dataclasses.replace(DEMO, settings=dataclasses.replace(DEMO.settings, **{key: value}))
    with pytest.raises(ValueError, match=f"settings.{key}"):
        score_cycle(data)


def test_blank_item_override_reason_is_refused():
    data = dataclasses.replace(DEMO, item_overrides={"3.2": ItemOverride(0, "")})
    with pytest.raises(ValueError, match="3.2"):
        score_cycle(data)


def test_violation_points_two_per_附件3_costs_two():
    doc = json.loads(resource("samples", "demo-cycle.json").read_text("utf-8"))
    doc["evidence"]["violations"][0]["corrected"] = False
    one = score_cycle(parse_cycle(doc)).item("3.2")
    doc["settings"]["violation_points"] = 2
    two = score_cycle(parse_cycle(doc)).item("3.2")
    assert two.deduction - one.deduction == 1
    assert "扣2分" in two.explanation


def test_points_deducted_is_base_minus_total():
    result = score_cycle(DEMO)
    assert result.base == 100
    assert result.points_deducted == result.base - result.total == 13
