"""Crash safety: a writer killed with SIGKILL at random moments never loses a committed edit."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from panelapp.store import open_database

SRC = str(Path(__file__).resolve().parents[2] / "src")

CHILD = textwrap.dedent("""
    import os, sys
    from datetime import date
    sys.path.insert(0, SRC)
    from panelapp.core.evidence import Absence
    from panelapp.store import open_database

    db = open_database(DB, operator="崩溃测试")
    cycle = db.cycles.find(2).id
    blob = os.path.join(os.path.dirname(DB), "scan.bin")
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        rid = db.evidence.add(cycle, "absences", Absence(date(2025, 1, 1 + n % 28), f"p{RUN}-{n}", False, ""))
        if n % 4 == 0:
            with open(blob, "wb") as fh:
                fh.write(os.urandom(3 << 20))  # a 3 MB scan, new content every time
            db.attachments.attach("absences", rid, blob)
        if n % 3 == 0:
            db.evidence.update("absences", rid, Absence(date(2025, 1, 1 + n % 28), f"p{RUN}-{n}", True, "改"))
        print(rid, flush=True)
""")


@pytest.mark.slow
def test_sigkill_at_random_moments_never_loses_a_committed_edit(tmp_path):
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("needs SIGKILL")
    db_path = tmp_path / "crash.db"
    open_database(db_path).close(backup_on_close=False)
    rng = random.Random(20250403)
    committed: list[int] = []
    for run in range(24):
        code = CHILD.replace("SRC", repr(SRC)).replace("DB", repr(str(db_path))).replace("RUN", str(run))
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready", f"run {run}: child did not open the database"
        time.sleep(rng.uniform(0.05, 0.8))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        committed += [int(line) for line in out.split() if line.strip().isdigit()]

        db = open_database(db_path)
        try:
            report = db.audit.verify()
            assert report.ok, f"run {run}: " + "；".join(p.message for p in report.problems[:5])
            _, ids = db.cycles.data(db.cycles.find(2).id)
            missing = set(committed) - set(ids["absences"])
            assert not missing, f"run {run}: committed records lost: {sorted(missing)[:10]}"
        finally:
            db.close(backup_on_close=False)
    assert len(committed) > 24  # the children really wrote
    db = open_database(db_path)
    try:
        assert db.audit.verify(blobs=True).ok
    finally:
        db.close(backup_on_close=False)
