"""docs/cycle-file.schema.json is the reader's own spec, and the documents we accept fit it."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema

from panelapp.core.cyclefile_schema import json_schema
from panelapp.paths import resource

SCHEMA_FILE = Path(__file__).parents[2] / "docs" / "cycle-file.schema.json"


def test_committed_schema_is_current():
    assert json.loads(SCHEMA_FILE.read_text("utf-8")) == json_schema()


def test_demo_validates_and_a_bad_enum_does_not():
    doc = json.loads(resource("samples", "demo-cycle.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(json_schema())
    assert not list(validator.iter_errors(doc))
    bad = copy.deepcopy(doc)
    bad["evidence"]["faults"][0]["effect"] = "slow"
    errors = list(validator.iter_errors(bad))
    assert [list(e.absolute_path) for e in errors] == [["evidence", "faults", 0, "effect"]]
