"""Issue 11 part 5 through the store and the commands: drill reports stored and migrated,
定稿 refused before the cycle's last day, off-hours misses in working hours refused."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from storehelp import DEMO_JSON, downgrade

from panelapp.cli import main
from panelapp.core.cyclefile import fingerprint
from panelapp.core.engine import score_cycle
from panelapp.core.evidence import Drill, OffhoursMiss
from panelapp.store import StoreError, open_database
from panelapp.store.revisions import HEAD_REVISION
from panelapp.store.seed import DEFAULT_CONTRACT


def test_a_drills_report_is_stored_and_read_back(db, cycle2):
    c1 = db.cycles.of_contract(db.cycles.contracts()[0].id)[0].id
    db.evidence.add(c1, "drills", Drill(date(2024, 11, 5), "网络演练", False))
    db.evidence.add(cycle2, "drills", Drill(date(2025, 2, 5), "数据库切换演练", True))
    data, _ids = db.cycles.data(cycle2)
    assert [d.reported for d in data.evidence.drills] == [False, True]
    assert score_cycle(data).item("1.4").deduction == 0  # the reported one counts
    rid = _ids["drills"][1]
    db.evidence.update("drills", rid, Drill(date(2025, 2, 5), "数据库切换演练", False))
    assert score_cycle(db.cycles.data(cycle2)[0]).item("1.4").deduction == 5  # 5 if none reported


def test_migrating_a_0002_database_with_drills_keeps_scores_and_fingerprints(db_path):
    db = open_database(db_path)
    cycle2 = db.cycles.find(2).id
    db.transfer.import_file(DEMO_JSON)  # version 1: its drill has no report flag
    before = db.cycles.data(cycle2)[0]
    db.close(backup_on_close=False)
    downgrade(db_path, "0002")
    conn = sqlite3.connect(db_path)
    assert "reported" not in {row[1] for row in conn.execute("PRAGMA table_info(drills)")}
    assert conn.execute("SELECT count(*) FROM drills").fetchone() == (1,)
    conn.close()

    db = open_database(db_path)  # upgrades through 0003_drill_report to the head
    try:
        after = db.cycles.data(cycle2)[0]
        assert [d.reported for d in after.evidence.drills] == [None]  # not recorded
        assert after == before
        assert fingerprint(after) == fingerprint(before)
        assert score_cycle(after).total == score_cycle(before).total == 87
        assert db.audit.verify().ok
    finally:
        db.close(backup_on_close=False)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
    conn.close()


def test_an_off_hours_miss_in_working_hours_is_not_stored(db, cycle2):
    with pytest.raises(StoreError) as err:
        db.evidence.add(cycle2, "offhours_misses", OffhoursMiss(datetime(2025, 2, 11, 10, 0), "电话未接通"))
    assert err.value.errors[0][0] == "at" and "工作时间" in str(err.value)
    assert db.cycles.data(cycle2)[0].evidence.offhours_misses == ()
    db.evidence.add(cycle2, "offhours_misses", OffhoursMiss(datetime(2025, 2, 11, 19, 30), "夜间电话未接通"))


def test_finalise_is_refused_while_provisional(db, cycle2):
    db.header.set_assessed_on(cycle2, date(2025, 3, 20))  # cycle 2 ends 2025-03-29
    with pytest.raises(StoreError, match="预评"):
        db.signoff.finalise(cycle2, "x" * 64)
    assert db.cycles.row(cycle2).status == "open"
    db.header.set_assessed_on(cycle2, date(2025, 3, 29))
    db.signoff.finalise(cycle2, "x" * 64)
    assert db.cycles.row(cycle2).status == "final"


def test_finalise_is_refused_before_the_cycles_last_day(db):
    # a contract signed 40 days ago: its first cycle (3 months) has not ended today
    signed = date.today() - timedelta(days=40)
    contract_id = db.cycles.create_contract(replace(DEFAULT_CONTRACT, number="TEST-EDGE-1", signed_on=signed))
    first = db.cycles.of_contract(contract_id)[0]
    with pytest.raises(StoreError, match="周期最后一天之前不能定稿"):
        db.signoff.finalise(first.id, "x" * 64)


def _cli_db(tmp_path):
    path = tmp_path / "cli.db"
    db = open_database(path, operator="组员甲")
    db.transfer.import_file(DEMO_JSON)
    db.close(backup_on_close=False)
    return path


def test_cli_finalise_of_a_provisional_cycle_exits_2(tmp_path, capsys):
    path = _cli_db(tmp_path)
    db = open_database(path)
    db.header.set_assessed_on(db.cycles.find(2).id, date(2025, 3, 5))
    db.close(backup_on_close=False)
    assert main(["finalise", "--cycle", "2", "--db", str(path)]) == 2
    assert "预评" in capsys.readouterr().err
    assert main(["score", "--cycle", "2", "--db", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["provisional"] is True


def test_cli_score_json_says_provisional_false_for_the_demo(capsys):
    assert main(["score", str(DEMO_JSON), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["provisional"] is False


def test_export_pdf_into_a_missing_folder_exits_2_and_creates_nothing(tmp_path, capsys):
    path = _cli_db(tmp_path)
    out = tmp_path / "没有的文件夹" / "sub" / "第2周期.pdf"
    assert main(["export-pdf", "--cycle", "2", "--db", str(path), str(out)]) == 2
    err = capsys.readouterr().err
    assert "输出文件夹不存在" in err and "没有的文件夹" in err
    assert not (tmp_path / "没有的文件夹").exists()


@pytest.mark.parametrize("argv", [
    ["export-xlsx", "OUT/年度汇总.xlsx"],
    ["export-annual-pdf", "OUT/年度汇总.pdf"],
    ["export", "--cycle", "2", "OUT/第2周期.json"],
    ["export", "--cycle", "2", "--zip", "OUT/第2周期"],
    ["backup", "OUT/备份.db"],
])
def test_every_command_writing_a_file_refuses_a_missing_folder(tmp_path, capsys, argv):
    path = _cli_db(tmp_path)
    folder = tmp_path / "没有的文件夹" / "sub"
    argv = [a.replace("OUT", str(folder)) for a in argv]
    assert main([*argv, "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "输出文件夹不存在" in err and "没有的文件夹" in err
    assert not (tmp_path / "没有的文件夹").exists()
