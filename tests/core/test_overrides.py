"""Override bounds (core/overrides.py) are the engine's, the store's and the cycle file's one rule."""

from __future__ import annotations

import dataclasses
import json

import pytest

from panelapp.core.cyclefile import CycleFileError, parse_cycle
from panelapp.core.engine import score_cycle
from panelapp.core.evidence import ItemOverride
from panelapp.core.overrides import deduction_limit, override_problem
from panelapp.core.scheme import load_scheme
from panelapp.paths import resource

DEMO = json.loads(resource("samples", "demo-cycle.json").read_text("utf-8"))


def _item_with_floor():
    scheme = load_scheme(DEMO["contract"]["scheme"])
    return next(i for i in scheme.items if i.floor is not None)


def test_limit_and_problems():
    item = _item_with_floor()
    hi = item.max - item.floor
    assert deduction_limit(item) == hi
    assert deduction_limit(dataclasses.replace(item, floor=None)) is None
    assert override_problem(item, hi, "理由") is None
    assert override_problem(item, 0, "理由") is None
    assert f"0 到 {hi}" in override_problem(item, hi + 1, "理由")
    assert "0 到" in override_problem(item, -1, "理由")
    assert "整数" in override_problem(item, True, "理由")
    assert "理由" in override_problem(item, 1, "  ")
    assert "不小于 0" in override_problem(dataclasses.replace(item, floor=None), -1, "理由")


def test_engine_and_file_reader_apply_the_same_bound():
    item = _item_with_floor()
    hi = deduction_limit(item)
    data = parse_cycle(DEMO)
    too_much = dataclasses.replace(data, item_overrides={item.id: ItemOverride(hi + 1, "理由")})
    with pytest.raises(ValueError, match=f"0 到 {hi}"):
        score_cycle(too_much)
    ok = dataclasses.replace(data, item_overrides={item.id: ItemOverride(hi, "理由")})
    assert next(i for i in score_cycle(ok).items if i.id == item.id).deduction == hi
    doc = json.loads(json.dumps(DEMO))
    doc["version"] = 2
    doc["item_overrides"] = {item.id: {"deduction": hi + 1, "reason": "理由"}}
    with pytest.raises(CycleFileError, match=f"在 0 到 {hi} 之间"):
        parse_cycle(doc)
