"""Opening an up-to-date file must not pay for Alembic; an old one still migrates."""

from __future__ import annotations

import datetime
import subprocess
import sys

from panelapp.store import migrate, open_database, revisions


def test_reopening_a_current_file_does_not_import_alembic(tmp_path):
    path = tmp_path / "a.db"
    open_database(path).close(backup_on_close=False)
    code = (
        "import sys, pathlib\n"
        "from panelapp.store import open_database\n"
        f"open_database(pathlib.Path({str(path)!r})).close(backup_on_close=False)\n"
        "assert 'alembic' not in sys.modules, 'alembic imported'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_the_revision_constants_match_the_migration_scripts():
    scripts = migrate.scripts()
    assert revisions.HEAD_REVISION == scripts.get_current_head()
    in_order = [rev.revision for rev in scripts.walk_revisions()][::-1]  # walk goes head first
    assert list(revisions.KNOWN_REVISIONS) == in_order
    assert not revisions.known("9999")


def _beside(path):
    return sorted(p.name for p in path.parent.iterdir() if p.is_file())


def test_a_clean_close_leaves_no_wal_shm_or_lock_file(tmp_path):
    from panelapp.core.evidence import WeeklyReport

    path = tmp_path / "a.db"
    db = open_database(path)
    assert {"a.db-wal", "a.db-shm", "a.db.lock"} <= set(_beside(path)), "present while open"
    cycle = db.cycles.find(2).id
    db.evidence.add(cycle, "weekly_reports", WeeklyReport(datetime.date(2025, 1, 2), "周报"))
    assert db.close() is not None, "a write makes the automatic backup"
    assert _beside(path) == ["a.db"]
    open_database(path).close()  # a session that only read
    assert _beside(path) == ["a.db"]


def test_a_killed_process_leaves_its_lock_file_reusable(tmp_path):
    path = tmp_path / "a.db"
    open_database(path).close()
    code = (
        "import os, pathlib\n"
        "from panelapp.store import open_database\n"
        f"open_database(pathlib.Path({str(path)!r}))\n"
        "os._exit(0)\n"  # no close: as if killed
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "a.db.lock").exists()
    db = open_database(path)  # the OS released the lock with the process
    db.close()
    assert _beside(path) == ["a.db"]
