"""The file as the record: lock, damaged files, read-only files, migrations, tamper detection."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from storehelp import DEMO_JSON, downgrade, weekly

from panelapp.cli import main
from panelapp.store import StoreError, newest_good_backup, open_database, restore

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _filled(path: Path) -> Path:
    """A database with the demo cycle in it, closed (so it has one automatic backup)."""
    db = open_database(path)
    db.transfer.import_file(DEMO_JSON)
    db.close()
    return path


def test_a_second_process_is_refused_while_the_file_is_open(db_path):
    _filled(db_path)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys
            sys.path.insert(0, {SRC!r})
            from panelapp.store import open_database
            db = open_database({str(db_path)!r})
            print("ready", flush=True)
            sys.stdin.readline()
            db.close()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="已被另一个 panelapp 打开"):
            open_database(db_path)
    finally:
        child.stdin.write("\n")
        child.stdin.flush()
        child.wait(timeout=30)
    db = open_database(db_path)  # released when the other one closed
    db.close()


def test_the_lock_also_refuses_a_second_opener_in_the_same_process(db):
    with pytest.raises(StoreError, match="另一个"):
        open_database(db.path)


def test_lock_of_a_killed_process_is_released(db_path):
    _filled(db_path)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import sys,time; sys.path.insert(0,{SRC!r});"
            f"from panelapp.store import open_database; db=open_database({str(db_path)!r});"
            "print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "ready"
    child.kill()
    child.wait()
    open_database(db_path).close()


def test_truncated_file_is_refused_untouched_and_a_backup_offered(db_path):
    _filled(db_path)
    size = db_path.stat().st_size
    with open(db_path, "r+b") as fh:
        fh.truncate(size // 2 + 100)
    before = _digest(db_path)
    with pytest.raises(StoreError, match="截断") as err:
        open_database(db_path)
    assert err.value.backup and Path(err.value.backup).exists()
    assert "备份" in str(err.value)
    assert _digest(db_path) == before
    assert newest_good_backup(db_path) == Path(err.value.backup)
    # the offered backup restores the data; the damaged file is kept as a safety copy
    safety = restore(Path(err.value.backup), db_path)
    assert _digest(safety) == before
    db = open_database(db_path)
    try:
        assert db.cycles.data(db.cycles.find(2).id)[0].evidence.count() > 0
    finally:
        db.close(backup_on_close=False)


def test_random_bytes_over_the_body_fail_the_integrity_check(db_path):
    _filled(db_path)
    data = bytearray(db_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    rnd = os.urandom(len(data) - page)
    data[page:] = rnd
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as err:
        open_database(db_path)
    assert "无法打开数据库" in str(err.value) and err.value.backup
    assert db_path.read_bytes() == bytes(data)


@pytest.mark.parametrize("content", [os.urandom(8192), "这不是数据库，只是一段文字。\n".encode() * 400])
def test_not_a_database_is_refused(db_path, content):
    db_path.write_bytes(content)
    with pytest.raises(StoreError, match="不是数据库文件"):
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_a_foreign_sqlite_file_is_not_touched(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = _digest(db_path)
    with pytest.raises(StoreError, match="不是 panelapp 的数据库"):
        open_database(db_path)
    assert _digest(db_path) == before


def _make_read_only(path: Path) -> object:
    """chmod 444, or for root (who ignores permissions) the immutable attribute; returns an undo."""
    if os.name != "posix" or os.geteuid() != 0:
        path.chmod(0o444)
        return lambda: path.chmod(0o644)
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("running as root without chattr: cannot make a file read-only")
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


def test_read_only_file_gets_a_clear_message(db_path):
    _filled(db_path)
    before = _digest(db_path)
    undo = _make_read_only(db_path)
    try:
        with pytest.raises(StoreError, match="只读") as err:
            open_database(db_path)
        assert str(db_path) in str(err.value) and "未被改动" in str(err.value)
    finally:
        undo()
    assert _digest(db_path) == before
    open_database(db_path).close(backup_on_close=False)


def test_read_only_check_reports_the_file(db_path, monkeypatch):
    """Also under root (where permissions are not enforced), the check itself speaks Chinese."""
    from panelapp.store import fileinfo

    _filled(db_path)
    monkeypatch.setattr(fileinfo.os, "access", lambda p, mode: Path(p) != db_path)
    with pytest.raises(StoreError, match="只读") as err:
        open_database(db_path)
    assert str(db_path) in str(err.value)


def test_newer_schema_is_refused(db_path):
    _filled(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = _digest(db_path)
    with pytest.raises(StoreError, match="更新版本的 panelapp"):
        open_database(db_path)
    assert _digest(db_path) == before


def test_migration_from_the_first_revision_keeps_the_data_and_backs_up_first(db_path):
    from sqlalchemy import create_engine, inspect

    db = open_database(db_path)
    cycle2 = db.cycles.find(2).id
    db.transfer.import_file(DEMO_JSON)
    rid = db.evidence.add(cycle2, "weekly_reports", weekly(23, "迁移前录入"))
    expected = db.cycles.data(cycle2)
    history = len(db.audit.history(cycle_id=cycle2))
    db.close(backup_on_close=False)
    downgrade(db_path, "0001")
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        assert "cycle_id" not in {c["name"] for c in inspect(conn).get_columns("audit_log")}
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0001"
    engine.dispose()

    db = open_database(db_path)
    try:
        assert db.cycles.data(cycle2) == expected
        assert rid in expected[1]["weekly_reports"]
        assert len(db.audit.history(cycle_id=cycle2)) == history  # the new column was filled in
        assert db.audit.verify().ok
    finally:
        db.close(backup_on_close=False)
    [backup] = (db_path.parent / "backups").glob("*before-migrate-0001*")
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    conn.close()


def test_tampering_with_plain_sqlite_is_found_and_named(db_path, capsys):
    _filled(db_path)
    assert main(["verify-db", "--db", str(db_path)]) == 0
    assert "数据库完好" in capsys.readouterr().out
    conn = sqlite3.connect(db_path)
    (fault_id,) = conn.execute("SELECT id FROM faults ORDER BY id LIMIT 1").fetchone()
    conn.execute("UPDATE faults SET serious_impact = 1 - serious_impact WHERE id = ?", (fault_id,))
    conn.commit()
    conn.close()
    assert main(["verify-db", "--db", str(db_path)]) == 1
    out = capsys.readouterr().out
    assert f"表 faults）记录 {fault_id}" in out and "serious_impact" in out and "程序之外" in out


def test_deleted_or_forged_audit_entries_break_the_chain(db_path, capsys):
    _filled(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE audit_log SET operator = '冒名者' WHERE id = 5")
    conn.execute("DELETE FROM audit_log WHERE id = 9")
    conn.execute("DELETE FROM absences WHERE id = (SELECT min(id) FROM absences)")
    conn.commit()
    conn.close()
    assert main(["verify-db", "--db", str(db_path)]) == 1
    out = capsys.readouterr().out
    assert "审计记录 #5" in out and "审计记录 #10" in out and "表 absences" in out and "已不存在" in out


def test_verify_db_of_a_damaged_file_exits_1(db_path, capsys):
    db_path.write_bytes(b"garbage" * 1000)
    assert main(["verify-db", "--db", str(db_path)]) == 1
    assert "不是数据库文件" in capsys.readouterr().out


def test_backup_command_and_restore_command(db_path, tmp_path, capsys):
    _filled(db_path)
    out = tmp_path / "manual.db"
    assert main(["backup", "--db", str(db_path), str(out)]) == 0
    db = open_database(db_path)
    db.evidence.add(db.cycles.find(2).id, "weekly_reports", weekly(23, "备份之后"))
    db.close(backup_on_close=False)
    assert main(["restore", "--db", str(db_path), str(out)]) == 0
    assert "另存为" in capsys.readouterr().out
    db = open_database(db_path)
    try:
        titles = [w.title for w in db.cycles.data(db.cycles.find(2).id)[0].evidence.weekly_reports]
        assert "备份之后" not in titles
    finally:
        db.close(backup_on_close=False)
    assert main(["restore", "--db", str(db_path), str(tmp_path / "missing.db")]) == 2


def test_chinese_path_with_spaces_and_uri_characters(tmp_path):
    # "#", "%3F" (a literal percent: must not decode to "?"), "&" and "=" are legal on every OS;
    # "?" itself is illegal in a Windows file name, so only the other systems add it.
    folder = tmp_path / ("考核 资料#1%3F&a=b" + ("" if sys.platform == "win32" else "?"))
    folder.mkdir()
    path = folder / "评分 台.db"
    _filled(path)  # writes, so closing made an automatic backup through a read-only URI
    good = newest_good_backup(path)
    assert good is not None and good.parent == folder / "backups"
    db = open_database(path)
    try:
        assert db.audit.verify().ok and db.cycles.find(2)
    finally:
        db.close(backup_on_close=False)
