"""The cycle file: exact version-1 shape, round trips, and refusals that name the field."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from panelapp.core.cyclefile import (
    VERSION,
    CycleFileError,
    canonical_json,
    dump_cycle,
    fingerprint,
    parse_cycle,
    read_cycle_file,
    write_cycle_file,
)
from panelapp.core.evidence import ItemOverride
from panelapp.paths import resource

DEMO = resource("samples", "demo-cycle.json")


@pytest.fixture
def doc() -> dict:
    return json.loads(DEMO.read_text("utf-8"))


def refused(doc) -> CycleFileError:
    with pytest.raises(CycleFileError) as info:
        parse_cycle(doc)
    return info.value


def paths(err: CycleFileError) -> set[str]:
    return {e.path for e in err.errors}


def test_demo_reads_and_dumps_to_the_same_document(doc):
    data = parse_cycle(doc)
    assert data.contract.total_amount == Decimal("2545000.00")
    assert dump_cycle(data) == doc


def _example(spec: Path) -> str:
    blocks = [b.split("```", 1)[0] for b in spec.read_text("utf-8").split("```json")[1:]]
    return next(b for b in blocks if '"format": "panelapp-cycle"' in b)


def test_spec_example_shape_is_accepted():
    """The example document of docs/cycle-file.md, verbatim."""
    root = Path(__file__).parents[2]
    block = _example(root / "docs" / "cycle-file.md")
    shared = root.parent / "shared" / "domain" / "cycle-file.md"
    if shared.exists():  # the specification began there: its example is ours, unchanged
        assert _example(shared) == block
    data = parse_cycle(json.loads(block))
    assert data.cycle == 2
    assert data.evidence.faults[0].id == "F-01"
    assert data.evidence.exempt_weeks[0].reason == "春节假期"


def test_json_and_zip_round_trip(tmp_path, doc):
    data = parse_cycle(doc)
    out = write_cycle_file(data, tmp_path / "c.json")
    assert read_cycle_file(out).data == data
    loaded = read_cycle_file(resource("samples", "demo-cycle.zip"))
    assert loaded.data == data
    assert len(loaded.blobs) == 5
    blobs = {}
    for digest in loaded.blobs:
        with loaded.open_blob(digest) as stream:
            blobs[digest] = stream.read()
    again = write_cycle_file(data, tmp_path / "c.zip", lambda d: io.BytesIO(blobs[d]))
    reread = read_cycle_file(again)
    assert reread.data == data and set(reread.blobs) == set(blobs)


def test_zip_with_a_tampered_attachment_is_refused(tmp_path):
    src = resource("samples", "demo-cycle.zip")
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w") as zout:
        for name in zin.namelist():
            body = zin.read(name)
            zout.writestr(name, body + b"x" if name.startswith("files/") else body)
    err = pytest.raises(CycleFileError, read_cycle_file, bad).value
    assert all(e.path.startswith("files/") for e in err.errors)
    assert "SHA-256" in str(err)


def test_zip_without_cycle_json_and_broken_zip(tmp_path):
    empty = tmp_path / "e.zip"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("other.txt", "x")
    assert "cycle.json" in str(pytest.raises(CycleFileError, read_cycle_file, empty).value)
    broken = tmp_path / "b.zip"
    broken.write_bytes(resource("samples", "demo-cycle.zip").read_bytes()[:200])
    with pytest.raises(CycleFileError):
        read_cycle_file(broken)


def test_item_overrides_need_version_2_and_round_trip(doc):
    data = parse_cycle(doc)
    doc2 = copy.deepcopy(doc)
    doc2["item_overrides"] = {"3.2": {"deduction": 0, "reason": "考核组复议：值班电话系统故障"}}
    assert "item_overrides" in paths(refused(doc2))  # unknown in version 1
    doc2["version"] = 2
    data2 = parse_cycle(doc2)
    assert data2.item_overrides == {"3.2": ItemOverride(0, "考核组复议：值班电话系统故障")}
    assert dump_cycle(data2) == doc2
    assert dump_cycle(data)["version"] == 1


def test_fingerprint_changes_with_any_fact(doc):
    data = parse_cycle(doc)
    doc2 = copy.deepcopy(doc)
    doc2["evidence"]["absences"][0]["excused"] = False
    assert fingerprint(data) != fingerprint(parse_cycle(doc2))
    assert fingerprint(data) == fingerprint(parse_cycle(copy.deepcopy(doc)))
    assert json.loads(canonical_json(data)) == doc


BAD_CASES = [
    ("wrong format", lambda d: d.update(format="something-else"), {"format"}),
    ("newer version", lambda d: d.update(version=VERSION + 1), {"version"}),
    ("missing field", lambda d: d["evidence"]["faults"][0].pop("reported_at"), {"evidence.faults[0].reported_at"}),
    ("missing contract", lambda d: d.pop("contract"), {"contract"}),
    ("end before start", lambda d: d["evidence"]["special_periods"][0].update(end="2025-01-20"),
     {"evidence.special_periods[0].end"}),
    ("restored before start", lambda d: d["evidence"]["faults"][0].update(restored_at="2025-01-15T09:00"),
     {"evidence.faults[0].restored_at"}),
    ("evidence outside the cycle", lambda d: d["evidence"]["faults"][1].update(started_at="2025-04-01T09:00",
                                                                              restored_at="2025-04-01T10:00"),
     {"evidence.faults[1].started_at"}),
    ("weekly report outside the weeks", lambda d: d["evidence"]["weekly_reports"][0].update(date="2024-12-27"),
     {"evidence.weekly_reports[0].date"}),
    ("unknown enum", lambda d: d["evidence"]["faults"][0].update(effect="slow"), {"evidence.faults[0].effect"}),
    ("unknown kind", lambda d: d["evidence"]["security_events"][0].update(kind="huge"),
     {"evidence.security_events[0].kind"}),
    ("non-decimal amount", lambda d: d["contract"].update(total_amount="2,545,000"), {"contract.total_amount"}),
    ("float amount", lambda d: d["contract"].update(total_amount=2545000.0), {"contract.total_amount"}),
    ("override without reason", lambda d: d["evidence"]["faults"][0].update(level_override={"level": "II",
                                                                                            "reason": " "}),
     {"evidence.faults[0].level_override.reason"}),
    ("override with bad level", lambda d: d["evidence"]["faults"][0].update(level_override={"level": "V",
                                                                                           "reason": "x"}),
     {"evidence.faults[0].level_override.level"}),
    ("bad date", lambda d: d.update(assessed_on="2025-02-30"), {"assessed_on"}),
    ("bad datetime", lambda d: d["evidence"]["offhours_misses"][0].update(at="2025-01-04 22:40"),
     {"evidence.offhours_misses[0].at"}),
    ("other time zone", lambda d: d["evidence"]["offhours_misses"][0].update(at="2025-01-04T22:40Z"),
     {"evidence.offhours_misses[0].at"}),
    ("typo key", lambda d: d["evidence"]["absences"][0].update(exused=True), {"evidence.absences[0].exused"}),
    ("unknown evidence list", lambda d: d["evidence"].update(fualts=[]), {"evidence.fualts"}),
    ("cycle out of range", lambda d: d.update(cycle=5), {"cycle"}),
    ("bool as int", lambda d: d["settings"].update(response_minutes=True), {"settings.response_minutes"}),
    ("violation points 3", lambda d: d["settings"].update(violation_points=3), {"settings.violation_points"}),
    ("unknown scheme", lambda d: d["contract"].update(scheme="nowhere-2030"), {"contract.scheme"}),
    ("duplicate fault id", lambda d: d["evidence"]["faults"][1].update(id="F-01"), {"evidence.faults[1].id"}),
    ("bad sha256", lambda d: d["evidence"]["weekly_reports"][0]["files"][0].update(sha256="abc"),
     {"evidence.weekly_reports[0].files[0].sha256"}),
    ("list is an object", lambda d: d["evidence"].update(drills={}), {"evidence.drills"}),
    ("drill before the half-year", lambda d: d["evidence"]["drills"][0].update(date="2024-09-29"),
     {"evidence.drills[0].date"}),
]


@pytest.mark.parametrize("name,mutate,expected", BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_documents_are_refused_naming_the_field(doc, name, mutate, expected):
    mutate(doc)
    err = refused(doc)
    assert expected <= paths(err), str(err)
    for path in expected:
        assert path in str(err)
    assert "未作任何导入" in str(err)


def test_every_bad_field_is_listed_at_once(doc):
    doc["evidence"]["faults"][0]["effect"] = "slow"
    doc["evidence"]["absences"][0]["excused"] = "no"
    doc["contract"]["total_amount"] = "abc"
    err = refused(doc)
    assert {"evidence.faults[0].effect", "evidence.absences[0].excused", "contract.total_amount"} <= paths(err)


def test_text_that_is_not_json_or_utf8(tmp_path):
    p = tmp_path / "x.json"
    p.write_text("{not json", "utf-8")
    assert "JSON" in str(pytest.raises(CycleFileError, read_cycle_file, p).value)
    p.write_bytes(b"\xff\xfe\x00garbage")
    assert "UTF-8" in str(pytest.raises(CycleFileError, read_cycle_file, p).value)
    assert "无法读取" in str(pytest.raises(CycleFileError, read_cycle_file, tmp_path / "missing.json").value)


def test_offset_plus_eight_is_accepted(doc):
    doc["evidence"]["offhours_misses"][0]["at"] = "2025-01-04T22:40+08:00"
    data = parse_cycle(doc)
    assert data.evidence.offhours_misses[0].at.isoformat() == "2025-01-04T22:40:00"


def test_a_register_entry_outside_the_service_period_is_refused_at_its_date(doc):
    doc["version"] = 3
    doc["payment_deductions"] = [
        {"kind": "criticism", "date": "2099-01-01", "description": "通报批评"},
        {"kind": "nonsense", "date": "2099-01-02", "description": ""},
    ]
    errors = [(e.path, e.message) for e in refused(doc).errors]
    dated = [(p, m) for p, m in errors if p.endswith(".date")]
    assert [p for p, _ in dated] == ["payment_deductions[0].date", "payment_deductions[1].date"]
    assert all(m.startswith("2099-01-0") and "不在合同服务期" in m for _, m in dated)
    # the register's own messages for the kind and the description, not the deduction form's
    assert ("payment_deductions[1].kind", "只能是 criticism（十一.3 通报批评）或 commitment（十一.2 投标承诺）") in errors
    assert not any(p.endswith(".description") and m == "说明不能为空" for p, m in errors)
