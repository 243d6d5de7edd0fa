"""The audit chain witnessed outside the file (issue 13 item 3): recomputation, tail rollback and an
older copy swapped in are caught by verify-db; a copy elsewhere is the same database."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from storehelp import DEMO_JSON, absence

from panelapp.cli import main
from panelapp.store import open_database
from panelapp.store.chain import GENESIS, entry_hash
from panelapp.store.witness import log_path


@pytest.fixture(autouse=True)
def own_witness(tmp_path, monkeypatch):
    monkeypatch.setenv("PANELAPP_DATA_DIR", str(tmp_path / "userdata"))


@pytest.fixture
def witnessed(tmp_path) -> Path:
    """A database closed twice after writes: two witnessed heads, automatic backups."""
    path = tmp_path / "data" / "panel.db"
    db = open_database(path, operator="组员甲")
    db.transfer.import_file(DEMO_JSON)
    db.close()
    db = open_database(path, operator="组员甲")
    db.evidence.add(db.cycles.find(2).id, "absences", absence(day=20, person="驻场人员B"))
    db.close()
    return path


def _verify(path: Path, capsys) -> tuple[int, str]:
    code = main(["verify-db", "--db", str(path)])
    return code, capsys.readouterr().out


def _recompute(conn: sqlite3.Connection, start: int = 1) -> None:
    prev = GENESIS
    if start > 1:
        prev = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (start - 1,)).fetchone()[0]
    for row in conn.execute(
        "SELECT id, at, operator, action, table_name, record_id, old, new FROM audit_log WHERE id >= ? ORDER BY id",
        (start,),
    ).fetchall():
        digest = entry_hash(prev, *row[1:])
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, row[0]))
        prev = digest


def _roll_back_tail(path: Path) -> None:
    """Delete the last absence and its audit entries: rows and chain stay consistent."""
    conn = sqlite3.connect(path)
    last = conn.execute("SELECT max(id) FROM absences").fetchone()[0]
    first_entry = conn.execute(
        "SELECT min(id) FROM audit_log WHERE table_name='absences' AND record_id=?", (last,)
    ).fetchone()[0]
    conn.execute("DELETE FROM absences WHERE id = ?", (last,))
    conn.execute("DELETE FROM audit_log WHERE id >= ?", (first_entry,))
    conn.commit()
    conn.close()


def test_an_untouched_database_has_every_witnessed_head(witnessed, capsys):
    lines = [json.loads(x) for x in log_path().read_text("utf-8").splitlines()]
    assert {line["event"] for line in lines} >= {"close"} and len({line["db"] for line in lines}) == 1
    code, out = _verify(witnessed, capsys)
    assert code == 0 and "见证记录中的" in out and "都仍在审计链中" in out, out


@pytest.mark.parametrize("start", ["edit", "first"])
def test_a_recomputed_chain_is_caught(witnessed, start, capsys):
    conn = sqlite3.connect(witnessed)
    rid = conn.execute("SELECT min(id) FROM absences").fetchone()[0]
    conn.execute("UPDATE absences SET excused = 1 - excused WHERE id = ?", (rid,))
    entry_id, new = conn.execute(
        "SELECT id, new FROM audit_log WHERE table_name='absences' AND record_id=? ORDER BY id DESC", (rid,)
    ).fetchone()
    state = json.loads(new)
    state["excused"] = not state["excused"]
    text = json.dumps(state, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    conn.execute("UPDATE audit_log SET new = ? WHERE id = ?", (text, entry_id))
    _recompute(conn, entry_id if start == "edit" else 1)
    conn.commit()
    conn.close()
    code, out = _verify(witnessed, capsys)
    assert code == 1, out
    assert "重新计算" in out and "见证于" in out


def test_a_tail_rollback_is_caught_and_the_backup_holding_the_head_named(witnessed, capsys):
    _roll_back_tail(witnessed)
    code, out = _verify(witnessed, capsys)
    assert code == 1 and "尾部回滚" in out, out
    assert "backups" in out and "panelapp restore" in out


def test_an_older_copy_put_in_place_is_caught(witnessed, capsys):
    backups = sorted((witnessed.parent / "backups").glob("*-auto-*"))
    assert len(backups) == 2
    shutil.copyfile(backups[0], witnessed)  # the first close's copy, by hand
    for ext in ("-wal", "-shm"):
        witnessed.with_name(witnessed.name + ext).unlink(missing_ok=True)
    code, out = _verify(witnessed, capsys)
    assert code == 1 and "较旧的副本" in out, out


def test_a_copy_in_another_folder_is_the_same_database(witnessed, tmp_path, capsys):
    other = tmp_path / "elsewhere" / "复制的.db"
    other.parent.mkdir()
    shutil.copyfile(witnessed, other)
    code, out = _verify(other, capsys)
    assert code == 0 and "都仍在审计链中" in out, out


def test_a_file_the_witness_has_never_seen_is_reported_as_such(witnessed, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PANELAPP_DATA_DIR", str(tmp_path / "another-pc"))
    code, out = _verify(witnessed, capsys)
    assert code == 0 and "从未在本机" in out, out


def test_a_restore_through_the_app_is_witnessed(witnessed, capsys):
    backups = sorted((witnessed.parent / "backups").glob("*-auto-*"))
    assert main(["restore", str(backups[0]), "--db", str(witnessed), "--force"]) == 0, capsys.readouterr()
    capsys.readouterr()
    code, out = _verify(witnessed, capsys)
    assert code == 0, out


def test_the_sheet_prints_the_chain_head_and_the_export_is_witnessed(witnessed, tmp_path, capsys):
    from pypdf import PdfReader

    out = tmp_path / "sheet.pdf"
    conn = sqlite3.connect(witnessed)
    head = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
    conn.close()
    assert main(["export-pdf", "--cycle", "2", str(out), "--db", str(witnessed)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages).replace("\n", "")
    assert "审计链头" in text and head in text
    events = [json.loads(x)["event"] for x in log_path().read_text("utf-8").splitlines()]
    assert "export" in events


def test_exports_and_verify_pdf_also_refuse_a_recomputed_chain(witnessed, tmp_path, capsys):
    sheet = tmp_path / "before.pdf"
    assert main(["export-pdf", "--cycle", "2", str(sheet), "--db", str(witnessed)]) == 0
    conn = sqlite3.connect(witnessed)
    conn.execute("UPDATE audit_log SET operator = '别人' WHERE id = 2")
    _recompute(conn, 2)  # a chain consistent in itself, not the one witnessed
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["export-pdf", "--cycle", "2", str(tmp_path / "after.pdf"), "--db", str(witnessed)]) == 2
    assert "重新计算" in capsys.readouterr().err
    assert main(["verify-pdf", str(sheet), "--db", str(witnessed)]) == 1
    assert "重新计算" in capsys.readouterr().out


def test_the_windows_check_reports_a_rollback_as_verify_db_does(witnessed, capsys):
    """文件 → 检查数据库 (ui.housekeeping.check_database) includes the witness log, as verify-db does:
    a tail rolled back together with its audit entries leaves rows and chain consistent."""
    from panelapp.ui.housekeeping import check_database

    _roll_back_tail(witnessed)
    code, _out = _verify(witnessed, capsys)
    db = open_database(witnessed, operator="组员甲")
    try:
        assert db.audit.verify().ok  # rows and chain alone cannot tell
        ok, text = check_database(db)
    finally:
        db.close(backup_on_close=False)
    assert code == 1 and not ok and "尾部回滚" in text, text
