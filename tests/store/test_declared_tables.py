"""The evidence tables match the core declarations field for field (docs/evidence.md).

Each kind's dataclass (core/evidence.py) is the one declaration; the ORM table (store/models.py)
and the schema the migrations build must carry every field with a matching type and
nullability, and nothing else. Two documented renames: a fault's ``id`` is the column ``code``,
its ``level_override`` the columns ``override_level`` + ``override_reason``; ``files`` live in
the attachments table.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import Boolean, Date, DateTime, String, Text

from panelapp.core.evidence import KINDS
from panelapp.store import open_database
from panelapp.store.models import EVIDENCE_MODELS

COMMON = {"id", "cycle_id", "entered_at", "entered_by"}  # EvidenceBase: where and who, not evidence
RENAMED = {("faults", "id"): ("code",), ("faults", "level_override"): ("override_level", "override_reason")}
SQL_TYPES = {"date": Date, "datetime": DateTime, "bool": Boolean, "text": (Text, String), "choice": String,
             "override": (String, Text)}
SQLITE_TYPES = {"date": {"DATE"}, "datetime": {"DATETIME"}, "bool": {"BOOLEAN"}, "text": {"TEXT", "VARCHAR"},
                "choice": {"VARCHAR"}, "override": {"VARCHAR", "TEXT"}}


def expected_columns(kind) -> dict[str, tuple[str, bool]]:
    """column name -> (declared format, nullable), from the core declaration alone."""
    out = {}
    for f in kind.fields:
        if f.format == "files":
            continue
        for name in RENAMED.get((kind.key, f.key), (f.key,)):
            out[name] = (f.format, f.nullable)
    return out


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.key)
def test_orm_table_matches_the_declaration(kind):
    table = EVIDENCE_MODELS[kind.key].__table__
    expected = expected_columns(kind)
    columns = {c.name: c for c in table.columns if c.name not in COMMON}
    assert set(columns) == set(expected), f"{kind.key}: columns {sorted(columns)} vs fields {sorted(expected)}"
    for name, (fmt, nullable) in expected.items():
        column = columns[name]
        assert isinstance(column.type, SQL_TYPES[fmt]), (kind.key, name, column.type, fmt)
        assert column.nullable == nullable, (kind.key, name, "nullable", column.nullable)


def test_migrated_database_matches_the_declaration(db_path):
    """What the migrations built (not only the models) carries each declared field."""
    open_database(db_path).close(backup_on_close=False)
    with sqlite3.connect(db_path) as conn:
        for kind in KINDS:
            info = {row[1]: (row[2].split("(")[0], bool(row[3])) for row in conn.execute(
                f"PRAGMA table_info({kind.key})")}
            actual = {name: v for name, v in info.items() if name not in COMMON}
            expected = expected_columns(kind)
            assert set(actual) == set(expected), kind.key
            for name, (fmt, nullable) in expected.items():
                sql_type, not_null = actual[name]
                assert sql_type in SQLITE_TYPES[fmt], (kind.key, name, sql_type)
                assert not_null == (not nullable), (kind.key, name, "NOT NULL", not_null)


def test_a_table_missing_a_field_is_caught():
    """The comparison itself can fail: drop one declared field from the expectation."""
    kind = next(k for k in KINDS if k.key == "absences")
    table = EVIDENCE_MODELS["absences"].__table__
    expected = expected_columns(kind)
    expected.pop("note")
    assert {c.name for c in table.columns} - COMMON != set(expected)
