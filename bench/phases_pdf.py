"""Where one ``panelapp export-pdf`` process spends its time, phase by phase, and its floor.

  PYTHONPATH=src .venv/bin/python bench/phases_pdf.py DB [--runs N]

Runs N fresh interpreters, each doing what ``panelapp export-pdf --cycle 2 --db DB`` does in
the order it does it (the same store, audit gate, layout and export record), and prints the
best time of each phase with the garbage collector's share of it (``gc.callbacks``). The
interpreter's start and exit are what the whole process's wall time leaves over.

It also times, in the same way, a process that only loads what any single-path export must:
SQLAlchemy's ORM and SQLite dialect, ReportLab's platypus and the two bundled fonts, then
exits. That is the floor below which no change to panelapp's own code can bring the command.
DB is a database such as bench_pdf.py builds (cycle 2 with 300 items); the export is
recorded in it like a real one. Bytecode is compiled first (PYTHONPYCACHEPREFIX).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TIMER = r"""
import gc, sys, time
t0 = time.perf_counter(); in_gc = [0.0, 0.0]
def _gc(phase, info):
    if phase == "start": in_gc[1] = time.perf_counter()
    else: in_gc[0] += time.perf_counter() - in_gc[1]
gc.callbacks.append(_gc)
def mark(label):
    global t0
    t = time.perf_counter(); print(f"{label}\t{1000 * (t - t0):.1f}\t{1000 * in_gc[0]:.1f}"); t0 = t; in_gc[0] = 0.0
"""

CHILD = TIMER + r"""
import panelapp.cli; mark("import panelapp.cli")
import panelapp.store; mark("import panelapp.store (SQLAlchemy, the ORM classes)")
import reportlab.platypus; mark("import reportlab.platypus")
import panelapp.report.export, panelapp.report.sheet, panelapp.report.audit_gate; mark("import panelapp.report")
from panelapp.report import fonts
fonts.register_fonts(); mark("parse the two fonts")
from pathlib import Path
db = panelapp.store.open_database(Path(sys.argv[1])); mark("open database (lock, checks)")
cycle = db.cycles.find(2)
from panelapp.report.export import render_score_sheet, sheet_input
sheet = sheet_input(db, cycle.id); mark("read cycle, score, fingerprint")
panelapp.report.audit_gate.require_audited(db, cycle.id, "bench"); mark("audit gate (rows, chain, witness)")
pdf = render_score_sheet(sheet); mark("layout, subsetting, write (PDF bytes)")
import hashlib
db.signoff.record_export(cycle.id, hashlib.sha256(pdf).hexdigest(), sheet.fingerprint, "score-sheet", sys.argv[2])
db.audit.witness("export"); mark("record the export, witness")
db.close(); mark("close (automatic backup)")
gc.callbacks.clear()
"""

FLOOR = TIMER + r"""
import sqlalchemy.orm, sqlalchemy.dialects.sqlite; mark("import SQLAlchemy (ORM, SQLite dialect)")
import reportlab.platypus; mark("import reportlab.platypus")
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
for name, file in (("Body", "NotoSerifSC_400Regular.ttf"), ("Bold", "NotoSansSC_700Bold.ttf")):
    pdfmetrics.registerFont(TTFont(name, sys.argv[1] + "/" + file))
mark("parse the two fonts")
gc.callbacks.clear()
"""


def run(code: str, args: list[str], env: dict[str, str], runs: int) -> tuple[dict[str, tuple[float, float]], float]:
    """Best (ms, of which gc ms) per phase, and the best wall time of the whole process (s)."""
    best: dict[str, tuple[float, float]] = {}
    walls = []
    for _ in range(runs + 1):  # the first run compiles the bytecode
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code, *args], env=env, check=True,
                             capture_output=True, text=True).stdout
        walls.append(time.perf_counter() - start)
        for line in out.splitlines():
            label, ms, gc_ms = line.split("\t")
            if label not in best or float(ms) < best[label][0]:
                best[label] = (float(ms), float(gc_ms))
    return best, min(walls[1:])


def table(title: str, best: dict[str, tuple[float, float]], wall: float, runs: int) -> None:
    print(f"\n{title}\n\n| phase | best of {runs} | of which garbage collection |\n| --- | --- | --- |")
    for label, (ms, gc_ms) in best.items():
        print(f"| {label} | {ms / 1000:.3f} s | {gc_ms / 1000:.3f} s |")
    rest = wall - sum(ms for ms, _ in best.values()) / 1000
    print(f"| interpreter start and exit (wall − phases) | {rest:.3f} s | |")
    print(f"| whole process (best wall) | {wall:.3f} s | |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"),
                   PANELAPP_DATA_DIR=str(Path(tmp) / "data"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        best, wall = run(CHILD, [str(args.db), os.devnull], env, args.runs)
        table("`panelapp export-pdf`, phase by phase", best, wall, args.runs)
        best, wall = run(FLOOR, [str(ROOT / "resources" / "fonts")], env, args.runs)
        table("The floor: the libraries and fonts alone", best, wall, args.runs)


if __name__ == "__main__":
    main()
