"""Opening an up-to-date file must not pay for Alembic; an old one still migrates."""

from __future__ import annotations

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


def test_revisions_read_from_the_scripts_match_alembic():
    scripts = migrate.scripts()
    assert migrate.head_revision() == scripts.get_current_head()
    assert set(revisions._revisions()) == {rev.revision for rev in scripts.walk_revisions()}
    assert not migrate.known("9999")
