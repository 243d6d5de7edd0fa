"""Cycle files in and out of the database: atomic, merging, lossless."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storehelp import DEMO_JSON, DEMO_ZIP

from panelapp.core.cyclefile import CycleFileError, read_cycle_file
from panelapp.core.engine import score_cycle
from panelapp.store import StoreError, open_database


def test_import_demo_zip_gives_the_files_data_and_score(db):
    report = db.transfer.import_file(DEMO_ZIP)
    loaded = read_cycle_file(DEMO_ZIP)
    data, ids = db.cycles.data(report.cycle_id)
    assert data == loaded.data
    assert score_cycle(data) == score_cycle(loaded.data)
    assert report.added_count == loaded.data.evidence.count() and not report.duplicates
    assert report.files_stored == len(loaded.blobs) > 0
    assert sum(len(v) for v in ids.values()) == report.added_count
    assert db.audit.verify(blobs=True).ok


@pytest.mark.parametrize("suffix", [".json", ".zip"])
def test_export_then_import_into_a_fresh_database_is_lossless(db, tmp_path, suffix):
    report = db.transfer.import_file(DEMO_ZIP)
    out = db.transfer.export(report.cycle_id, tmp_path / f"out{suffix}")
    fresh = open_database(tmp_path / "fresh.db")
    try:
        again = fresh.transfer.import_file(out)
        mine, _ = db.cycles.data(report.cycle_id)
        theirs, _ = fresh.cycles.data(again.cycle_id)
        assert theirs == mine
        assert score_cycle(theirs) == score_cycle(mine)
        if suffix == ".zip":
            for ref in {
                f.sha256: f
                for kind in ("weekly_reports", "faults", "trainings")
                for rec in getattr(mine.evidence, kind)
                for f in rec.files
            }.values():
                assert fresh.attachments.stored(ref.sha256)
        # exporting again gives the same document
        out2 = fresh.transfer.export(again.cycle_id, tmp_path / "out2.json")
        out1 = db.transfer.export(report.cycle_id, tmp_path / "out1.json")
        assert json.loads(out1.read_text("utf-8")) == json.loads(out2.read_text("utf-8"))
    finally:
        fresh.close(backup_on_close=False)


def test_export_of_a_database_with_overrides_and_settings_round_trips(db, cycle2, tmp_path):
    from datetime import date

    from panelapp.core.evidence import ItemOverride, PanelMember, Settings

    db.transfer.import_file(DEMO_JSON)
    db.header.set_settings(cycle2, Settings(violation_points=2, restore_deadline_hours=4))
    db.header.set_item_override(cycle2, "3.2", ItemOverride(1, "情节轻微"))
    db.header.set_assessed_on(cycle2, date(2025, 4, 9))
    db.standing.set_panel_members(1, [PanelMember("张三", "组长")], cycle_id=cycle2)
    out = db.transfer.export(cycle2, tmp_path / "c2.json")
    fresh = open_database(tmp_path / "fresh.db")
    try:
        fresh.transfer.import_file(out)
        assert fresh.cycles.data(fresh.cycles.find(2).id)[0] == db.cycles.data(cycle2)[0]
    finally:
        fresh.close(backup_on_close=False)


def test_importing_the_same_file_twice_flags_duplicates_instead_of_doubling(db):
    first = db.transfer.import_file(DEMO_JSON)
    before = db.cycles.data(first.cycle_id)[0]
    second = db.transfer.import_file(DEMO_ZIP)  # same facts, now with the files
    assert second.added_count == 0
    assert len(second.duplicates) == before.evidence.count()
    assert db.cycles.data(first.cycle_id)[0] == before
    assert second.files_stored > 0  # the zip brought the bytes the JSON only referenced
    assert "重复" in second.summary()


def test_merge_of_two_laptops_adds_only_the_new_records(db, tmp_path):
    doc = json.loads(Path(DEMO_JSON).read_text("utf-8"))
    laptop_a = json.loads(json.dumps(doc))
    laptop_b = json.loads(json.dumps(doc))
    laptop_a["evidence"]["absences"].append(
        {"date": "2025-02-18", "person": "驻场人员C", "excused": False, "note": "甲录入"}
    )
    laptop_b["evidence"]["violations"].append(
        {"noticed_on": "2025-03-03", "description": "乙录入的违规", "corrected": False}
    )
    laptop_b["panel"].append({"name": "组员丙", "role": "成员"})
    (tmp_path / "a.json").write_text(json.dumps(laptop_a, ensure_ascii=False), "utf-8")
    (tmp_path / "b.json").write_text(json.dumps(laptop_b, ensure_ascii=False), "utf-8")
    db.transfer.import_file(tmp_path / "a.json")
    report = db.transfer.import_file(tmp_path / "b.json")
    assert list(report.added) == ["violations"] and len(report.added["violations"]) == 1
    assert len(report.duplicates) == read_cycle_file(DEMO_JSON).data.evidence.count()
    data, _ = db.cycles.data(report.cycle_id)
    assert len(data.evidence.absences) == len(doc["evidence"]["absences"]) + 1
    assert len(data.evidence.violations) == len(doc["evidence"]["violations"]) + 1
    assert "组员丙" in [m.name for m in data.panel]


def test_conflicting_fault_with_the_same_id_is_reported_not_doubled(db, tmp_path):
    doc = json.loads(Path(DEMO_JSON).read_text("utf-8"))
    db.transfer.import_file(DEMO_JSON)
    doc["evidence"]["faults"][0]["description"] = "另一台电脑上改过的描述"
    (tmp_path / "c.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    report = db.transfer.import_file(tmp_path / "c.json")
    assert report.added_count == 0
    assert any(doc["evidence"]["faults"][0]["id"] in c for c in report.conflicts)


def _bad_files(tmp_path: Path) -> list[Path]:
    doc = json.loads(Path(DEMO_JSON).read_text("utf-8"))
    files = []
    broken = json.loads(json.dumps(doc))
    broken["evidence"]["faults"][-1]["started_at"] = "2026-01-01T09:00"  # outside the cycle
    files.append(broken)
    missing = json.loads(json.dumps(doc))
    del missing["evidence"]["absences"][0]["person"]
    files.append(missing)
    newer = json.loads(json.dumps(doc))
    newer["version"] = 99
    files.append(newer)
    other_contract = json.loads(json.dumps(doc))
    other_contract["contract"]["total_amount"] = "1.00"  # same number, different contract
    files.append(other_contract)
    paths = []
    for i, d in enumerate(files):
        p = tmp_path / f"bad{i}.json"
        p.write_text(json.dumps(d, ensure_ascii=False), "utf-8")
        paths.append(p)
    (tmp_path / "garbage.json").write_bytes(b"\x00\xffnot json")
    paths.append(tmp_path / "garbage.json")
    # a zip whose attachment does not match its hash
    import zipfile

    with zipfile.ZipFile(DEMO_ZIP) as src, zipfile.ZipFile(tmp_path / "tampered.zip", "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data + b"x" if name.startswith("files/") else data)
    paths.append(tmp_path / "tampered.zip")
    return paths


def test_bad_imports_change_nothing(db, tmp_path):
    db.transfer.import_file(DEMO_JSON)
    before = db.audit.counts()
    for bad in _bad_files(tmp_path):
        with pytest.raises((CycleFileError, StoreError)) as err:
            db.transfer.import_file(bad)
        assert str(err.value)
        assert db.audit.counts() == before, bad.name
    assert db.audit.verify().ok


def test_field_errors_name_the_path(db, tmp_path):
    bad = _bad_files(tmp_path)[0]
    with pytest.raises(CycleFileError) as err:
        db.transfer.import_file(bad)
    assert any(
        e.path.startswith("evidence.faults[") and e.path.endswith("started_at") for e in err.value.errors
    )


def test_failure_in_the_middle_of_an_import_rolls_everything_back(db, monkeypatch):
    from panelapp.store import transfer

    before = db.audit.counts()
    calls = {"n": 0}
    real = transfer.store_stream

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise StoreError("模拟磁盘错误")
        return real(*args, **kwargs)

    monkeypatch.setattr(transfer, "store_stream", failing)
    with pytest.raises(StoreError, match="模拟"):
        db.transfer.import_file(DEMO_ZIP)
    assert calls["n"] == 2
    assert db.audit.counts() == before


def test_cli_import_export_and_score_from_the_database(tmp_path, capsys):
    from panelapp.cli import main

    dbp = str(tmp_path / "cli.db")
    assert main(["import", "--db", dbp, str(DEMO_ZIP)]) == 0
    assert "新增" in capsys.readouterr().out
    assert main(["score", "--db", dbp, "--cycle", "2", "--json"]) == 0
    from_db = json.loads(capsys.readouterr().out)
    assert main(["score", str(DEMO_ZIP), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == from_db
    out = tmp_path / "export"
    assert main(["export", "--db", dbp, "--cycle", "2", "--zip", str(out)]) == 0
    assert (tmp_path / "export.zip").exists()
    capsys.readouterr()
    assert main(["score", str(tmp_path / "export.zip"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == from_db
    assert main(["import", "--db", dbp, str(tmp_path / "nope.json")]) == 2
    assert "无法读取" in capsys.readouterr().err


def test_export_from_a_missing_database_is_refused(tmp_path, capsys):
    from panelapp.cli import main

    missing = tmp_path / "missing.db"
    assert main(["export", "--db", str(missing), "--cycle", "2", str(tmp_path / "x.json")]) == 2
    assert "不存在" in capsys.readouterr().err and not missing.exists()
    with pytest.raises(StoreError, match="不存在"):
        open_database(missing, create=False)


def test_score_from_a_missing_database_is_refused(tmp_path, capsys):
    from panelapp.cli import main

    missing = tmp_path / "typo.db"
    assert main(["score", "--db", str(missing), "--cycle", "2"]) == 2
    assert "不存在" in capsys.readouterr().err and not missing.exists()
