"""Reads through the one store: what a session wrote reads back the same after reopening, every value
with its declared type; the export record; values changed outside the app are named."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
import subprocess
import sys
import typing
from datetime import date, datetime
from pathlib import Path

import pytest
from storehelp import DEMO_JSON, downgrade, fault, weekly

from panelapp.core.evidence import (
    EVIDENCE_KINDS,
    Absence,
    DefectReport,
    Drill,
    ExemptWeek,
    FileRef,
    ItemOverride,
    LateOptimization,
    LevelOverride,
    OffhoursMiss,
    SecurityEvent,
    SpecialPeriod,
    Training,
    UnfulfilledCommitment,
    Violation,
)
from panelapp.store import StoreError, open_database
from panelapp.store.backup import backups_of

SHA = hashlib.sha256(b"x").hexdigest()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_of_every_kind() -> dict[str, object]:
    ref = (FileRef("记录.pdf", SHA, 1),)
    return {
        "weekly_reports": weekly(2),
        "exempt_weeks": ExemptWeek(date(2025, 1, 27), "春节假期"),
        "special_periods": SpecialPeriod("春节特巡", date(2025, 1, 28), date(2025, 2, 4), "信息科", None, ref),
        "defect_reports": DefectReport(date(2025, 2, 10), "缺陷分析", ref),
        "drills": Drill(date(2025, 1, 20), "切换演练", True, ref),
        "trainings": Training(date(2025, 2, 20), "操作培训", True, False, True),
        "faults": dataclasses.replace(
            fault("F-09"),
            onsite_at=datetime(2025, 1, 5, 9, 40),
            report_submitted_on=date(2025, 1, 7),
            level_override=LevelOverride("III", "现场核实影响较小"),
            files=ref,
        ),
        "security_events": SecurityEvent(date(2025, 3, 1), "reminder", True, "弱口令提醒", files=ref),
        "absences": Absence(date(2025, 1, 14), "驻场人员A", False, "未请假"),
        "violations": Violation(date(2025, 2, 11), "未登记变更", True),
        "offhours_misses": OffhoursMiss(datetime(2025, 2, 1, 23, 10), "夜间电话未接通"),
        "unfulfilled_commitments": UnfulfilledCommitment("每月提交运维月报", "二月未交"),
        "late_optimizations": LateOptimization("慢查询优化", date(2025, 3, 1), "逾期一周"),
    }


@pytest.fixture
def filled(db_path: Path) -> Path:
    """Demo cycle 2, one record of every kind (attachments, a level override), an item override,
    and cycle 1 finalised; closed."""
    db = open_database(db_path, operator="组员甲")
    _fill(db)
    db.close()
    return db_path


def _fill(db) -> None:
    db.transfer.import_file(DEMO_JSON)
    cycles = db.cycles.of_contract(db.cycles.contracts()[0].id)
    for kind, obj in one_of_every_kind().items():
        db.evidence.add(cycles[1].id, kind, obj)
    db.header.set_item_override(cycles[1].id, "1.1", ItemOverride(1, "周报内容过简"))
    db.signoff.finalise(cycles[0].id, "f" * 64)


def _reads(store) -> dict:
    contract_id = store.cycles.contracts()[0].id
    out: dict = {"contracts": store.cycles.contracts(), "cycles": store.cycles.of_contract(contract_id)}
    for row in out["cycles"]:
        data, ids = store.cycles.data(row.id)
        out[row.id] = (
            store.cycles.row(row.id),
            store.cycles.find(row.number),
            data,
            ids,
            {(k, i): store.evidence.get(k, i) for k in EVIDENCE_KINDS for i in ids[k]},
            {(k, i): store.evidence.cycle_of(k, i) for k in EVIDENCE_KINDS for i in ids[k]},
        )
    out["backup_keep"] = store.backup_keep()
    out["cycles of no contract"] = store.cycles.of_contract(10_000)
    return out


def test_a_reopened_file_reads_exactly_what_the_writing_session_read(db_path):
    db = open_database(db_path, operator="组员甲")
    _fill(db)
    written = _reads(db)  # read in the session that wrote, its objects still in memory
    db.close()
    with open_database(db_path) as reopened:
        expected = _reads(reopened)
    assert written == expected
    cycle2 = expected["cycles"][1].id
    data, ids = expected[cycle2][2], expected[cycle2][3]
    assert all(ids[k] for k in EVIDENCE_KINDS), "the fixture holds every kind"
    assert data.item_overrides["1.1"].reason == "周报内容过简"
    assert expected[expected["cycles"][0].id][0].final
    assert expected["cycles of no contract"] == []


def _exact_type(value: object, annotation: object) -> bool:
    allowed = typing.get_args(annotation) or (annotation,)
    allowed = tuple(typing.get_origin(a) or a for a in allowed)
    if value is None:
        return type(None) in allowed
    if typing.get_origin(annotation) is typing.Literal or any(a is typing.Literal for a in allowed):
        return isinstance(value, str)
    return type(value) in allowed  # exact: a date is not a datetime, a bool not an int


def test_every_value_read_back_has_its_declared_type(filled):
    with open_database(filled) as db:
        data, _ids = db.cycles.data(db.cycles.find(2).id)
    for kind in EVIDENCE_KINDS:
        for record in getattr(data.evidence, kind):
            hints = typing.get_type_hints(type(record))
            for f in dataclasses.fields(record):
                value = getattr(record, f.name)
                if f.name == "files":
                    assert all(type(ref) is FileRef and type(ref.size) is int for ref in value)
                    continue
                if f.name == "level_override":
                    assert value is None or type(value) is LevelOverride
                    continue
                assert _exact_type(value, hints[f.name]), (kind, f.name, value, hints[f.name])
    contract = data.contract
    assert type(contract.total_amount).__name__ == "Decimal" and type(contract.signed_on) is date
    assert type(data.assessed_on) is date


def test_a_recorded_export_is_audited_and_verifies(filled):
    before = len(backups_of(filled))
    db = open_database(filled, operator="组员乙")
    cycle2 = db.cycles.find(2).id
    db.signoff.record_export(cycle2, "AB" * 32, "f" * 64, "score-sheet", "/tmp/第2周期.pdf")
    db.close()
    assert len(backups_of(filled)) == before + 1, "a write makes the automatic backup on close"
    with open_database(filled) as db:
        found = db.signoff.find_export("ab" * 32)
        assert found is not None and found.operator == "组员乙" and found.version == 1
        assert found.path == "/tmp/第2周期.pdf" and found.at.microsecond == 0
        assert db.signoff.exports(cycle2)[-1] == found
        entry = db.audit.history(table="exports")[-1]
        assert (entry.action, entry.operator, entry.old) == ("create", "组员乙", None)
        assert entry.new["sha256"] == "ab" * 32 and entry.new["cycle_id"] == cycle2
        report = db.audit.verify()
        assert report.ok, report.problems


def test_a_failed_write_leaves_nothing_and_makes_no_backup(filled):
    backups = len(backups_of(filled))
    db = open_database(filled)
    with pytest.raises(StoreError, match="考核周期不存在"):
        db.signoff.record_export(999, "1" * 64, "f" * 64, "score-sheet", "a.pdf")
    assert db.cycles.row(db.cycles.find(2).id).number == 2, "still usable after the refusal"
    db.close()
    assert len(backups_of(filled)) == backups
    with open_database(filled) as db:
        assert db.signoff.exports(db.cycles.find(2).id) == []
        assert db.audit.verify().ok
        assert len(db.audit.history(table="exports")) == 0


def test_an_existing_empty_file_is_never_seeded(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(StoreError, match="0 字节"):
        open_database(empty)
    assert empty.read_bytes() == b""


def test_a_closed_database_refuses_politely(filled):
    db = open_database(filled)
    db.close()
    assert db.close() is None
    with pytest.raises(StoreError, match="数据库已关闭"):
        db.cycles.contracts()


@pytest.mark.parametrize("command", ["export-pdf", "score"])
def test_headless_commands_load_neither_qt_nor_the_signer(filled, tmp_path, command):
    out = tmp_path / "sheet.pdf"
    argv = (
        ["export-pdf", "--cycle", "2", "--db", str(filled), str(out)]
        if command == "export-pdf"
        else ["score", "--db", str(filled), "--cycle", "2", "--json"]
    )
    code = (
        "import sys\n"
        "from panelapp.cli import main\n"
        f"rc = main({argv!r})\n"
        "assert rc == 0, rc\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'pyhanko', 'PySide6'})\n"
        "assert not loaded, loaded\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    if command == "score":
        assert '"total"' in proc.stdout
        return
    with open_database(filled) as db:
        recorded = db.signoff.find_export(hashlib.sha256(out.read_bytes()).hexdigest())
        assert recorded is not None and recorded.cycle_id == db.cycles.find(2).id


def test_export_pdf_creates_a_new_file_and_migrates_an_old_one(tmp_path, capsys):
    from panelapp.cli import main
    from panelapp.store.revisions import HEAD_REVISION

    new = tmp_path / "new.db"
    assert main(["export-pdf", "--cycle", "1", "--db", str(new), str(tmp_path / "a.pdf")]) == 0
    old = tmp_path / "old.db"
    open_database(old).close(backup_on_close=False)
    downgrade(old, "0001")
    assert main(["export-pdf", "--cycle", "1", "--db", str(old), str(tmp_path / "b.pdf")]) == 0
    for path, pdf in ((new, "a.pdf"), (old, "b.pdf")):
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
        with open_database(path) as db:
            assert db.signoff.find_export(hashlib.sha256((tmp_path / pdf).read_bytes()).hexdigest()) is not None
    assert "已导出评分表" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("table", "column", "value", "names"),
    [
        ("weekly_reports", "date", "上周四", ("日常巡检报告", "date", "上周四")),
        ("faults", "started_at", "2025-13-45 99:00", ("系统运行故障", "started_at")),
        ("cycles", "settings", "{not json", ("考核周期", "settings")),
        ("cycles", "assessed_on", "明天", ("考核周期", "assessed_on")),
        ("contracts", "total_amount", "两百万", ("合同", "total_amount", "两百万")),
    ],
    ids=["date", "datetime", "json", "cycle date", "money"],
)
def test_a_value_changed_outside_the_app_is_named_not_a_traceback(filled, capsys, table, column, value, names):
    with open_database(filled) as db:
        cycle2 = db.cycles.find(2).id
    with sqlite3.connect(filled) as conn:
        key = "cycle_id" if table not in ("cycles", "contracts") else "id"
        target = cycle2 if table != "contracts" else 1
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (value, target))
    digest = _digest(filled)
    with pytest.raises(StoreError) as err:  # a damaged contract is found while opening already
        db = open_database(filled)
        try:
            db.cycles.data(cycle2)
        finally:
            db.close()
    message = str(err.value)
    for name in (*names, "verify-db", "恢复备份"):
        assert name in message, (name, message)
    from panelapp.cli import main

    assert main(["export-pdf", "--cycle", "2", "--db", str(filled), str(filled.parent / "x.pdf")]) == 2
    assert names[0] in capsys.readouterr().err
    assert not (filled.parent / "x.pdf").exists()
    assert _digest(filled) == digest, "nothing was written"
