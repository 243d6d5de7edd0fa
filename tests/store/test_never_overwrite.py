"""No command overwrites, truncates or re-seeds a file that is empty, truncated or not ours;
verify-db never writes (issue 13 item 4)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from storehelp import DEMO_JSON, downgrade

from panelapp.cli import main
from panelapp.store import open_database


def _state(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` (lock files aside) with its SHA-256."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _truncated(path: Path) -> None:
    db = open_database(path)
    db.transfer.import_file(DEMO_JSON)
    db.close(backup_on_close=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('mine')")
    conn.commit()
    conn.close()


def _no_tables(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")  # a valid SQLite file with no table at all
    conn.commit()
    conn.close()


def _half_ours(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    conn.execute("INSERT INTO alembic_version VALUES ('0002')")
    conn.commit()
    conn.close()


def _text(path: Path) -> None:
    path.write_text("会议纪要\n不是数据库\n" * 300, encoding="utf-8")


KINDS = {
    "empty": _empty,
    "truncated": _truncated,
    "foreign": _foreign,
    "no-tables": _no_tables,
    "half-ours": _half_ours,
    "text": _text,
}
COMMANDS = {
    "score": ["score", "--cycle", "2"],
    "import": ["import", str(DEMO_JSON)],
    "export": ["export", "--cycle", "2", "OUT/c.json"],
    "export-pdf": ["export-pdf", "--cycle", "2", "OUT/s.pdf"],
    "export-xlsx": ["export-xlsx", "OUT/y.xlsx"],
    "export-annual-pdf": ["export-annual-pdf", "OUT/y.pdf"],
    "finalise": ["finalise", "--cycle", "2"],
    "reopen": ["reopen", "--cycle", "2", "--reason", "x"],
    "backup": ["backup"],
    "verify-db": ["verify-db"],
    "annual": ["annual"],
    "deduction-list": ["deduction", "list"],
}


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_no_command_writes_into_a_file_that_is_not_a_sound_panelapp_database(tmp_path, kind, command, capsys):
    folder = tmp_path / "data"
    folder.mkdir()
    (tmp_path / "OUT").mkdir()
    db = folder / "panel.db"
    KINDS[kind](db)
    before = _state(folder)
    argv = [a.replace("OUT/", str(tmp_path / "OUT") + "/") for a in COMMANDS[command]]
    code = main([*argv, "--db", str(db)])
    assert code == (1 if command == "verify-db" else 2), capsys.readouterr()
    assert _state(folder) == before, "not a byte of the file (or beside it) changed"
    assert not list((tmp_path / "OUT").iterdir()), "nothing was exported"
    out = capsys.readouterr()
    assert str(db) in out.out + out.err


def test_verify_db_writes_nothing_into_a_sound_file_nor_an_older_one(tmp_path, capsys):
    db_path = tmp_path / "panel.db"
    db = open_database(db_path)
    db.transfer.import_file(DEMO_JSON)
    db.close(backup_on_close=False)
    before = _state(tmp_path)
    assert main(["verify-db", "--db", str(db_path)]) == 0
    assert "数据库完好" in capsys.readouterr().out
    assert _state(tmp_path) == before
    downgrade(db_path, "0001")
    before = _state(tmp_path)
    assert main(["verify-db", "--db", str(db_path)]) == 0, capsys.readouterr()
    assert _state(tmp_path) == before, "an older file is checked as it is, not migrated"


def test_verify_db_of_an_empty_file_fails_and_leaves_it_empty(tmp_path, capsys):
    db_path = tmp_path / "panel.db"
    db_path.write_bytes(b"")
    assert main(["verify-db", "--db", str(db_path)]) == 1
    assert "空的" in capsys.readouterr().out
    assert db_path.read_bytes() == b""


@pytest.mark.parametrize("existing", ["db", "wal", "empty", "text", "sqlite"])
def test_exports_never_replace_the_database_an_empty_file_or_another_kind(tmp_path, existing, capsys):
    db_path = tmp_path / "panel.db"
    db = open_database(db_path)
    db.transfer.import_file(DEMO_JSON)
    db.close(backup_on_close=False)
    target = {
        "db": db_path,
        "wal": tmp_path / "panel.db-wal",
        "empty": tmp_path / "s.pdf",
        "text": tmp_path / "s.pdf",
        "sqlite": tmp_path / "s.pdf",
    }[existing]
    if existing == "empty":
        target.write_bytes(b"")
    elif existing == "text":
        target.write_text("我的文档", encoding="utf-8")
    elif existing == "sqlite":
        _foreign(target)
    before = _state(tmp_path)
    assert main(["export-pdf", "--cycle", "2", str(target), "--db", str(db_path)]) == 2
    assert "不" in capsys.readouterr().err
    assert _state(tmp_path) == before


def test_an_export_replaces_an_earlier_export_of_the_same_kind(tmp_path, capsys):
    db_path = tmp_path / "panel.db"
    db = open_database(db_path)
    db.transfer.import_file(DEMO_JSON)
    db.close(backup_on_close=False)
    out = tmp_path / "s.pdf"
    for _ in range(2):
        assert main(["export-pdf", "--cycle", "2", str(out), "--db", str(db_path)]) == 0, capsys.readouterr()
    assert out.read_bytes().startswith(b"%PDF-")


def test_backup_never_replaces_an_existing_file(tmp_path, capsys):
    db_path = tmp_path / "panel.db"
    open_database(db_path).close(backup_on_close=False)
    other = tmp_path / "other.db"
    open_database(other).close(backup_on_close=False)
    before = _state(tmp_path)
    assert main(["backup", str(other), "--db", str(db_path)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert _state(tmp_path) == before
