"""Where one ``panelapp export-pdf`` process spends its time, phase by phase (in-process).

It opens the file as the command does: ``store.open_database`` (SQLAlchemy).

  PYTHONPATH=src .venv/bin/python bench/phases_pdf.py DB [--runs N]

Runs N fresh interpreters, each doing what ``panelapp export-pdf --cycle 2 --db DB`` does in
the order it does it, and prints the best time of each phase. DB is a database such as
bench_pdf.py builds (cycle 2 with 300 items); the export is recorded in it like a real one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, time
t0 = time.perf_counter()
def mark(label):
    global t0
    t = time.perf_counter(); print(f"{label}\t{1000 * (t - t0):.1f}"); t0 = t
import panelapp.cli; mark("panelapp.cli")
import panelapp.store; mark("import panelapp.store (SQLAlchemy, the ORM classes)")
import reportlab.platypus; mark("import reportlab.platypus")
import panelapp.report.export, panelapp.report.sheet; mark("import panelapp.report")
from panelapp.report import fonts
fonts.register_fonts(); mark("register the two fonts")
from pathlib import Path
db = panelapp.store.open_database(Path(sys.argv[1])); mark("open database (lock, checks)")
cycle = db.cycles.find(2)
from panelapp.report.export import export_score_sheet, render_score_sheet, sheet_input
sheet = sheet_input(db, cycle.id); mark("read cycle, score, fingerprint")
pdf = render_score_sheet(sheet); mark("layout, subsetting, write (PDF bytes)")
import hashlib
db.signoff.record_export(cycle.id, hashlib.sha256(pdf).hexdigest(), sheet.fingerprint, "score-sheet", sys.argv[2])
mark("record the export")
db.close(); mark("close (automatic backup)")
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    best: dict[str, float] = {}
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", CHILD, str(args.db), os.devnull], env=env, check=True,
                             capture_output=True, text=True).stdout
        for line in out.splitlines():
            label, ms = line.split("\t")
            best[label] = min(best.get(label, float("inf")), float(ms))
    print(f"| phase | best of {args.runs} |\n| --- | --- |")
    for label, ms in best.items():
        print(f"| {label} | {ms / 1000:.3f} s |")
    print(f"| sum | {sum(best.values()) / 1000:.3f} s |")


if __name__ == "__main__":
    main()
