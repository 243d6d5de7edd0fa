"""Exports and verify-pdf refuse a cycle whose rows do not match the audit trail (issue 13 item 1)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from panelapp.cli import main
from panelapp.store import open_database

DEMO = Path(__file__).resolve().parents[2] / "resources" / "samples" / "demo-cycle.json"


@pytest.fixture
def filled(tmp_path) -> Path:
    path = tmp_path / "panel.db"
    db = open_database(path, operator="组员甲")
    db.transfer.import_file(DEMO)  # cycle 2
    db.close(backup_on_close=False)
    return path


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _one(path: Path, query: str):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchone()
    finally:
        conn.close()


def _cycle_id(path: Path, number: int) -> int:
    return _one(path, f"SELECT id FROM cycles WHERE number = {number}")[0]


TAMPERS = {
    "update": lambda p: (
        "absences",
        _sql(p, "UPDATE absences SET excused = 1 - excused WHERE id = (SELECT min(id) FROM absences)"),
    ),
    "insert": lambda p: (
        "absences",
        _sql(p, "INSERT INTO absences (cycle_id, date, person, excused, note, entered_at, entered_by) "
                f"SELECT {_cycle_id(p, 2)}, '2025-05-06', '外来者', 0, '', entered_at, entered_by FROM absences LIMIT 1"),
    ),
    "delete": lambda p: ("faults", _sql(p, "DELETE FROM faults WHERE id = (SELECT min(id) FROM faults)")),
    "settings": lambda p: ("cycles", _sql(p, "UPDATE cycles SET settings = json_set(settings, '$.violation_points', 2) "
                                             f"WHERE id = {_cycle_id(p, 2)}")),
    "contract": lambda p: ("contracts", _sql(p, "UPDATE contracts SET total_amount = '1.00'")),
    "drill": lambda p: (
        "drills", _sql(p, "UPDATE drills SET title = '改过的演练' WHERE id = (SELECT min(id) FROM drills)")
    ),
}


def _audit_too(path: Path) -> str:
    """Change a row and its last audit entry alike, without recomputing the entry's hash."""
    rid = _one(path, "SELECT min(id) FROM absences")[0]
    entry_id, new = _one(
        path, f"SELECT id, new FROM audit_log WHERE table_name = 'absences' AND record_id = {rid} ORDER BY id DESC"
    )
    state = json.loads(new)
    state["excused"] = not state["excused"]
    _sql(
        path,
        f"UPDATE absences SET excused = {int(state['excused'])} WHERE id = {rid}",
        "UPDATE audit_log SET new = '" + json.dumps(state, ensure_ascii=False, sort_keys=True,
                                                   separators=(",", ":")) + f"' WHERE id = {entry_id}",
    )
    return "absences"


@pytest.mark.parametrize("tamper", [*TAMPERS, "audit-too"])
def test_export_pdf_refuses_a_cycle_changed_outside_the_app_naming_the_record(filled, tmp_path, tamper, capsys):
    table = _audit_too(filled) if tamper == "audit-too" else TAMPERS[tamper](filled)[0]
    out = tmp_path / "sheet.pdf"
    assert main(["export-pdf", "--cycle", "2", str(out), "--db", str(filled)]) == 2
    err = capsys.readouterr().err
    assert "拒绝导出" in err and "verify-db" in err and "备份" in err
    assert f"表 {table}" in err or "审计记录 #" in err, err
    assert not out.exists()


def test_the_check_is_restricted_to_the_cycle(filled, tmp_path, capsys):
    # cycle 4 is in the other half-year: its rows do not make cycle 2's sheet
    _sql(filled, f"UPDATE cycles SET settings = json_set(settings, '$.violation_points', 2) "
                 f"WHERE id = {_cycle_id(filled, 4)}")
    assert main(["export-pdf", "--cycle", "2", str(tmp_path / "a.pdf"), "--db", str(filled)]) == 0
    assert main(["export-pdf", "--cycle", "4", str(tmp_path / "b.pdf"), "--db", str(filled)]) == 2
    assert f"记录 {_cycle_id(filled, 4)}" in capsys.readouterr().err


def test_export_xlsx_and_the_annual_pdf_refuse_too(filled, tmp_path, capsys):
    TAMPERS["update"](filled)
    assert main(["export-xlsx", str(tmp_path / "y.xlsx"), "--db", str(filled)]) == 2
    assert main(["export-annual-pdf", str(tmp_path / "y.pdf"), "--db", str(filled)]) == 2
    err = capsys.readouterr().err
    assert err.count("拒绝导出") == 2 and "表 absences" in err
    assert not list(tmp_path.glob("y.*"))


def test_verify_pdf_fails_a_sheet_whose_cycle_was_changed_outside_the_app(filled, tmp_path, capsys):
    """issue 13 a: the flipped flag, then export-pdf, then verify-pdf used to pass."""
    out = tmp_path / "sheet.pdf"
    assert main(["export-pdf", "--cycle", "2", str(out), "--db", str(filled)]) == 0
    assert main(["verify-pdf", str(out), "--db", str(filled)]) == 0
    capsys.readouterr()
    # the flag flipped outside the app: the rows no longer match their audited state
    TAMPERS["update"](filled)
    assert main(["verify-pdf", str(out), "--db", str(filled)]) == 1
    text = capsys.readouterr().out
    assert "审计记录不一致" in text and "表 absences" in text and "核验未通过" in text


def test_an_untouched_database_exports_and_verifies(filled, tmp_path, capsys):
    out = tmp_path / "sheet.pdf"
    assert main(["export-pdf", "--cycle", "2", str(out), "--db", str(filled)]) == 0
    assert main(["export-xlsx", str(tmp_path / "y.xlsx"), "--db", str(filled)]) == 0
    assert main(["verify-pdf", str(out), "--db", str(filled)]) == 0, capsys.readouterr()


def test_the_contract_lists_are_checked_too(filled, tmp_path, capsys):
    _sql(filled, "INSERT INTO onsite_staff (contract_id, position, name, post) SELECT id, 99, '外来者', '工程师' FROM contracts")
    assert main(["export-xlsx", str(tmp_path / "y.xlsx"), "--db", str(filled)]) == 2
    assert "表 onsite_staff" in capsys.readouterr().err


def test_an_audit_entry_deleted_anywhere_refuses_the_export(filled, tmp_path, capsys):
    # an entry of another cycle's row, without recomputing: the chain's links break
    _sql(filled, "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log WHERE table_name = 'cycles' "
                 f"AND record_id = {_cycle_id(filled, 4)})")
    assert main(["export-pdf", "--cycle", "2", str(tmp_path / "s.pdf"), "--db", str(filled)]) == 2
    assert "审计链在此处断开" in capsys.readouterr().err


@pytest.mark.parametrize("tamper", ["none", "update", "settings", "links"])
def test_verify_cycles_is_verify_cycle_of_each_with_shared_work_done_once(filled, tamper, monkeypatch):
    from panelapp.store import cycle_audit

    if tamper == "links":
        _sql(filled, "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log WHERE table_name = 'cycles')")
    elif tamper != "none":
        TAMPERS[tamper](filled)
    db = open_database(filled)
    try:
        ids = [row.id for row in db.cycles.of_contract(db.cycles.row(_cycle_id(filled, 2)).contract_id)]
        assert len(ids) > 2
        each = {cid: [p.message for p in db.audit.verify_cycle(cid)] for cid in ids}
        calls = {"links": 0, "scopes": 0}
        links, scope = cycle_audit._links, cycle_audit._verify_scope

        def counted_links(*args):
            calls["links"] += 1
            return links(*args)

        def counted_scope(*args):
            calls["scopes"] += 1
            return scope(*args)

        monkeypatch.setattr(cycle_audit, "_links", counted_links)
        monkeypatch.setattr(cycle_audit, "_verify_scope", counted_scope)
        together = db.audit.verify_cycles(ids)
        assert {cid: [p.message for p in problems] for cid, problems in together.items()} == each
        assert calls["links"] == 1
        assert calls["scopes"] < len(ids)  # the two cycles of a half-year share one scope
    finally:
        db.close(backup_on_close=False)
