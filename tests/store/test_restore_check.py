"""restore checks the backup first and shows what it would replace (issue 13 item 6)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from storehelp import DEMO_JSON

from panelapp.cli import main
from panelapp.store import open_database


@pytest.fixture(autouse=True)
def own_witness(tmp_path, monkeypatch):
    monkeypatch.setenv("PANELAPP_DATA_DIR", str(tmp_path / "userdata"))


@pytest.fixture
def current(tmp_path) -> Path:
    path = tmp_path / "panel.db"
    db = open_database(path, operator="组员甲")
    db.transfer.import_file(DEMO_JSON)
    db.close()
    return path


def _backup_of(path: Path, tmp_path: Path, name: str = "b.db") -> Path:
    out = tmp_path / name
    assert main(["backup", str(out), "--db", str(path)]) == 0
    return out


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


BAD = {
    "newer-version": ("UPDATE alembic_version SET version_num = '9999_future'",),
    "audit-emptied": ("DELETE FROM audit_log",),
    "row-edited": ("UPDATE absences SET excused = 1 - excused",),
    "row-added": ("INSERT INTO app_settings (key, value) VALUES ('x', 'y')",),
    "audit-entry-edited": ("UPDATE audit_log SET operator = '别人' WHERE id = 3",),
}


@pytest.mark.parametrize("bad", list(BAD))
def test_a_bad_backup_is_refused_and_nothing_replaced(current, tmp_path, bad, capsys):
    backup = _backup_of(current, tmp_path)
    _sql(backup, *BAD[bad])
    before = _digest(current)
    assert main(["restore", str(backup), "--db", str(current), "--force"]) == 2
    err = capsys.readouterr().err
    assert "未恢复" in err, err
    assert _digest(current) == before


def test_a_good_backup_shows_what_it_holds_and_replaces(current, tmp_path, capsys):
    backup = _backup_of(current, tmp_path)
    db = open_database(current)
    db.set_backup_keep(3)  # one more change after the backup
    db.close()
    capsys.readouterr()
    assert main(["restore", str(backup), "--db", str(current)]) == 0
    out = capsys.readouterr().out
    assert "合同 HAJCR2401215EGN00" in out and "第2周期未定稿（第1版）" in out
    assert "将被替换的当前文件" in out and "将失去备份之后的" in out
    assert _digest(current) != ""


def test_a_backup_of_another_database_needs_force(current, tmp_path, capsys):
    other = tmp_path / "other" / "panel.db"
    db = open_database(other)
    db.transfer.import_file(DEMO_JSON)
    db.close()
    backup = _backup_of(other, tmp_path, "other-backup.db")
    before = _digest(current)
    assert main(["restore", str(backup), "--db", str(current)]) == 2
    err = capsys.readouterr().err
    assert "另一个数据库" in err and "--force" in err
    assert _digest(current) == before
    assert main(["restore", str(backup), "--db", str(current), "--force"]) == 0
    assert "另存为" in capsys.readouterr().out


def test_a_copy_of_the_same_database_is_not_another_one(current, tmp_path, capsys):
    copy = tmp_path / "copy" / "panel.db"
    copy.parent.mkdir()
    shutil.copyfile(current, copy)
    backup = _backup_of(copy, tmp_path)
    assert main(["restore", str(backup), "--db", str(current)]) == 0, capsys.readouterr()


def test_restore_never_replaces_a_file_that_is_not_ours(current, tmp_path, capsys):
    backup = _backup_of(current, tmp_path)
    foreign = tmp_path / "notes.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = _digest(foreign)
    assert main(["restore", str(backup), "--db", str(foreign), "--force"]) == 2
    assert _digest(foreign) == before


def test_a_damaged_current_file_is_restored_without_force(current, tmp_path, capsys):
    backup = _backup_of(current, tmp_path)
    data = current.read_bytes()
    current.write_bytes(data[: len(data) // 2])
    assert main(["restore", str(backup), "--db", str(current)]) == 0, capsys.readouterr()
    assert main(["verify-db", "--db", str(current)]) == 0


@pytest.mark.parametrize("kind", ["garbage", "foreign"])
def test_a_backup_that_is_no_panelapp_database_is_refused_as_such(current, tmp_path, kind):
    from panelapp.store import StoreError
    from panelapp.store.restore_check import restore

    backup = tmp_path / "b.db"
    if kind == "garbage":
        backup.write_bytes(b"garbage" * 1000)
    else:
        _sql(backup, "CREATE TABLE notes (body TEXT)")
    before = _digest(current)
    with pytest.raises(StoreError, match="已损坏或不是 panelapp 数据库，未恢复"):
        restore(backup, current, force=True)
    assert _digest(current) == before


def test_a_backup_of_a_newer_version_is_refused_with_the_check_summary(current, tmp_path):
    from panelapp.store import StoreError
    from panelapp.store.restore_check import restore

    backup = _backup_of(current, tmp_path)
    _sql(backup, *BAD["newer-version"])
    with pytest.raises(StoreError, match="未通过检查") as err:
        restore(backup, current, force=True)
    assert "更新版本" in str(err.value)


def test_restore_takes_the_callers_check_instead_of_checking_again(current, tmp_path, monkeypatch):
    from panelapp.store import restore_check

    backup = _backup_of(current, tmp_path)
    checked = restore_check.check_backup(backup, current)
    assert checked.ok

    def again(*_args):
        raise AssertionError("checked twice")

    monkeypatch.setattr(restore_check, "check_backup", again)
    safety = restore_check.restore(backup, current, checked=checked)
    assert safety.is_file()
