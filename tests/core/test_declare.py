"""Each evidence field is declared once (core/evidence.py); everything else follows from it."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from datetime import date

import pytest

from panelapp.core import evidence
from panelapp.core.cyclefile import CycleFileError, dump_cycle, parse_cycle
from panelapp.core.cyclefile_schema import json_schema
from panelapp.core.declare import KindSpec, declared_fields, meta
from panelapp.core.describe import describe
from panelapp.core.evidence import KIND, KINDS, Drill, Evidence, FileRef
from panelapp.core.validate import record_errors
from panelapp.paths import resource

DEMO = json.loads(resource("samples", "demo-cycle.json").read_text("utf-8"))


def test_kinds_are_the_evidence_fields_in_order():
    assert [k.key for k in KINDS] == [f.name for f in dataclasses.fields(Evidence)]
    assert evidence.EVIDENCE_LABELS["faults"] == "系统运行故障"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.key)
def test_every_field_has_words_and_the_schema_follows(kind):
    declared = kind.fields
    assert [f.key for f in declared] == [f.name for f in dataclasses.fields(kind.type)]
    assert all(f.spec.label.strip() for f in declared)
    record = json_schema()["properties"]["evidence"]["properties"][kind.key]["items"]
    assert list(record["properties"]) == [f.key for f in declared]
    # a key added by a later file version (FieldSpec.since) is required only from that version on
    assert record["required"] == [f.key for f in declared if f.mode != "opt" and f.spec.since == 1]


def test_formats_nullability_and_presence_come_from_the_types():
    by_key = {f.key: f for f in KIND["faults"].fields}
    assert (by_key["started_at"].format, by_key["started_at"].mode) == ("datetime", "req")
    assert (by_key["responded_at"].nullable, by_key["responded_at"].mode) == (True, "null")
    assert by_key["onsite_at"].mode == "null"  # has a default, but null must be written out
    assert by_key["effect"].choices == ("interruption", "degradation")
    assert by_key["files"].mode == "opt" and by_key["level_override"].format == "override"
    assert KIND["absences"].field("note").mode == "opt"


# A kind grown by one declared field: the reader, the writer, the schema, the validator and the
# sheet's description all follow, with no other change (docs/evidence.md).
@dataclass(frozen=True, slots=True)
class ReportedDrill:
    date: date = field(metadata=meta("演练日期（本半年度）", column="日期", span="half"))
    title: str = field(metadata=meta("演练内容", required=False))
    reported: bool = field(metadata=meta("演练报告", check="已提交", sheet=("已报告", "未报告")))
    files: tuple[FileRef, ...] = field(default=(), metadata=meta("附件"))


@pytest.fixture
def grown(monkeypatch):
    spec = KindSpec("drills", ReportedDrill, "应急演练", "date", "{title}（{reported}）")
    monkeypatch.setitem(KIND, "drills", spec)
    return spec


def _doc_with_drill(drill: dict) -> dict:
    doc = json.loads(json.dumps(DEMO))
    doc["evidence"]["drills"] = [drill]
    return doc


def test_a_new_declared_field_is_read_written_described_and_checked(grown):
    doc = _doc_with_drill({"date": "2025-01-10", "title": "断电演练", "reported": True})
    data = parse_cycle(doc)
    assert data.evidence.drills == (ReportedDrill(date(2025, 1, 10), "断电演练", True),)
    assert dump_cycle(data)["evidence"]["drills"] == [
        {"date": "2025-01-10", "title": "断电演练", "reported": True, "files": []}
    ]
    assert "reported" in json_schema()["properties"]["evidence"]["properties"]["drills"]["items"]["required"]
    assert describe("drills", data.evidence.drills[0]) == ("2025-01-10", "断电演练（已报告）")
    with pytest.raises(CycleFileError) as err:
        parse_cycle(_doc_with_drill({"date": "2025-01-10", "title": "断电演练"}))
    assert [(e.path, e.message) for e in err.value.errors] == [("evidence.drills[0].reported", "缺少必填字段")]
    bad = ReportedDrill(date(2025, 1, 10), "断电演练", "yes")  # type: ignore[arg-type]
    assert [(e.path, e.message) for e in record_errors(
        data.contract, data.cycle, data.assessed_on, data.settings, "drills", bad)] == [
        ("reported", "应为 true 或 false，实际为字符串")]


def test_the_validator_checks_the_dataclass_with_the_readers_messages():
    data = parse_cycle(DEMO)
    args = (data.contract, data.cycle, data.assessed_on, data.settings)
    assert record_errors(*args, "drills", Drill(date(2025, 1, 10), "演练")) == []
    errors = record_errors(*args, "drills", Drill(date(2030, 1, 10), 5))  # type: ignore[arg-type]
    assert [(e.path, e.message) for e in errors] == [("title", "应为字符串，实际为整数")]
    errors = record_errors(*args, "drills", Drill(date(2030, 1, 10), "演练"))
    assert [e.path for e in errors] == ["date"] and "不在本半年度" in errors[0].message
    ref = FileRef("", "0" * 63, -1)
    errors = record_errors(*args, "drills", Drill(date(2025, 1, 10), "演练", files=(ref,)))
    assert [e.path for e in errors] == ["files[0].name", "files[0].sha256", "files[0].size"]
    wrong = record_errors(*args, "drills", evidence.Absence(date(2025, 1, 10), "甲", False))
    assert wrong and "应急演练" in wrong[0].message


def test_undeclared_fields_are_refused():
    @dataclass(frozen=True)
    class Bare:
        title: str

    with pytest.raises(TypeError, match="FieldSpec"):
        declared_fields(Bare)


def test_the_sheet_descriptions_follow_the_declared_words():
    from datetime import datetime

    sp = evidence.SpecialPeriod("两会保障", date(2025, 3, 1), date(2025, 3, 10), "省公司", None)
    assert describe("special_periods", sp) == (
        "2025-03-01", "两会保障（2025-03-01至2025-03-10，省公司要求；未交报告）")
    sp = dataclasses.replace(sp, report_date=date(2025, 3, 12))
    assert describe("special_periods", sp)[1].endswith("；2025-03-12交报告）")
    f = evidence.Fault("F-1", "平台", "宕机", "interruption", datetime(2025, 1, 2, 8, 0),
                       datetime(2025, 1, 2, 9, 35), True, False, datetime(2025, 1, 2, 8, 5), None)
    assert describe("faults", f) == (
        "2025-01-02 08:00", "故障F-1 平台：宕机（全部中断，1小时35分，严重影响，非运维单位原因）")
    assert describe("absences", evidence.Absence(date(2025, 1, 2), "张三", True, "病假"))[1] == "张三有故缺席（病假）"
    assert describe("absences", evidence.Absence(date(2025, 1, 2), "张三", False))[1] == "张三无故缺席"
    assert describe("security_events", evidence.SecurityEvent(date(2025, 1, 2), "major", False, "x"))[1] == (
        "重大安全运行事件：x，非运维单位原因")
    assert describe("trainings", evidence.Training(date(2025, 1, 2), "培训", True, False, False))[1] == (
        "培训（缺签到表、照片）")
    assert describe("unfulfilled_commitments", evidence.UnfulfilledCommitment("承诺")) == ("—", "承诺")
    assert describe("late_optimizations", evidence.LateOptimization("优化", date(2025, 1, 2), "晚了"))[1] == (
        "优化（时限2025-01-02），晚了")


def test_the_validator_bounds_an_attachment_as_the_cycle_file_reader_does():
    from panelapp.core import limits

    data = parse_cycle(DEMO)
    args = (data.contract, data.cycle, data.assessed_on, data.settings)
    ok = FileRef("a.pdf", "0" * 64, limits.MAX_ATTACHMENT)
    assert record_errors(*args, "drills", Drill(date(2025, 1, 10), "演练", files=(ok,))) == []
    big = FileRef("a.pdf", "0" * 64, limits.MAX_ATTACHMENT + 1)
    errors = record_errors(*args, "drills", Drill(date(2025, 1, 10), "演练", files=(big,)))
    assert [(e.path, e.message) for e in errors] == [
        ("files[0].size", f"应在 0 到 {limits.MAX_ATTACHMENT} 之间，实际为 {limits.MAX_ATTACHMENT + 1}")]
