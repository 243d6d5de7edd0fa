"""Window benchmarks: cold start to an interactive window, and edit → score bar, at 1,000 evidence records;
the slow work on the window's worker (export of the 300-item sheet, demo zip import, a 50 MB attachment)
with a 10 ms QTimer heartbeat on the GUI thread: the longest gap is how long the window was frozen.

    PYTHONPATH=src python bench/bench_ui.py [--records 1000] [--edits 40] [--runs 3]

Cold start runs in a fresh interpreter (imports included) on a database that
already holds the records; "interactive" means the window is shown, the cycle
is open, every tab is filled and the event queue has been drained.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD = r"""
import time; t0 = time.perf_counter()
import os, sys, json
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
phases = {}
def mark(name): phases[name] = round(time.perf_counter() - t0, 3)
from panelapp.ui.bootstrap import make_application
app = make_application(); mark("qt+fonts")
from PySide6.QtCore import QSettings
from panelapp.store import open_database; mark("import store")
from panelapp.ui.main_window import MainWindow; mark("import window")
db = open_database(Path(sys.argv[1])); mark("open db")
w = MainWindow(db, QSettings(sys.argv[2], QSettings.Format.IniFormat)); mark("window")
w.start(int(sys.argv[3])); mark("cycle loaded")
w.show()
app.processEvents(); mark("shown")
t1 = time.perf_counter()
n = db.cycles.data(w.session.cycle_id)[0].evidence.count()
print(json.dumps({"seconds": t1 - t0, "records": n, "total": w.score_bar.result.total, "phases": phases}))
w.close(); w.runner.settle()
"""


def build_db(path: Path, records: int) -> int:
    """A database whose cycle 2 holds ``records`` evidence records (imported as one cycle file)."""
    from panelapp.core.cyclefile import read_cycle_file, write_cycle_file
    from panelapp.core.evidence import Absence, OffhoursMiss, SecurityEvent, WeeklyReport
    from panelapp.paths import resource
    from panelapp.store import open_database
    from panelapp.ui.file_ops import cycle_id_for

    data = read_cycle_file(resource("samples", "demo-cycle.json")).data
    period = data.contract.cycle(data.cycle)
    ev = data.evidence
    extra = records - ev.count()
    start = datetime.combine(period.start, datetime.min.time())
    weekly = tuple(WeeklyReport(period.start + timedelta(days=i % 88), f"巡检报告{i}") for i in range(extra // 2))
    absences = tuple(Absence(period.start + timedelta(days=i % 88), f"人员{i}", i % 3 != 0) for i in range(extra // 4))
    security = tuple(SecurityEvent(period.start + timedelta(days=i % 88), "reminder", i % 5 == 0, f"提醒{i}")
                     for i in range(extra // 8))
    rest = extra - len(weekly) - len(absences) - len(security)
    # 3.2③ misses must be off-hours: nights (22:00-22:59) across the cycle
    offhours = tuple(OffhoursMiss(start + timedelta(days=i % 88, hours=22, minutes=i % 60), f"夜间未接{i}")
                     for i in range(rest))
    ev = dataclasses.replace(ev, weekly_reports=ev.weekly_reports + weekly, absences=ev.absences + absences,
                             security_events=ev.security_events + security,
                             offhours_misses=ev.offhours_misses + offhours)
    data = dataclasses.replace(data, evidence=ev)
    src = path.with_suffix(".json")
    write_cycle_file(data, src)
    db = open_database(path)
    cycle_id = cycle_id_for(db, data.cycle)
    db.transfer.import_file(src, cycle_id)
    count = db.cycles.data(cycle_id)[0].evidence.count()
    db.close()
    assert count >= records, count
    return cycle_id


def cold_start(db_path: Path, settings: Path, cycle_id: int, runs: int) -> list[dict]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", CHILD, str(db_path), str(settings), str(cycle_id)],
                              capture_output=True, text=True, env=env, check=True)
        wall = time.perf_counter() - t0
        line = [x for x in proc.stdout.splitlines() if x.startswith("{")][-1]
        out.append({**json.loads(line), "wall": wall})
    return out


def edit_latency(db_path: Path, settings: Path, cycle_id: int, edits: int) -> dict:
    """Time from a committed edit (the undo command the forms use) to the repainted score bar."""
    from PySide6.QtCore import QSettings

    from panelapp.core.evidence import Fault
    from panelapp.store import open_database
    from panelapp.ui.bootstrap import make_application
    from panelapp.ui.commands import AddEvidence, UpdateEvidence
    from panelapp.ui.main_window import MainWindow

    app = make_application()
    db = open_database(db_path)
    w = MainWindow(db, QSettings(str(settings), QSettings.Format.IniFormat))
    w.start(cycle_id)
    w.show()
    app.processEvents()
    s = w.session
    period = s.data.contract.cycle(s.data.cycle)
    t = datetime.combine(period.start + timedelta(days=20), datetime.min.time()).replace(hour=9)
    fault = Fault("B-01", "统一受理平台", "基准", "interruption", t, t + timedelta(minutes=95), True, True, t,
                  t + timedelta(minutes=5), report_submitted_on=period.start + timedelta(days=21))
    w.editor.run(AddEvidence(s, "faults", fault))
    rid = s.ids["faults"][-1]
    app.processEvents()
    samples, engine_only = [], []
    for i in range(edits):
        old = s.record("faults", rid)
        new = dataclasses.replace(old, serious_impact=not old.serious_impact)
        t0 = time.perf_counter()
        w.editor.run(UpdateEvidence(s, "faults", rid, old, new))
        w.score_bar.repaint()
        app.processEvents()
        samples.append((time.perf_counter() - t0) * 1000)
        expected = 15 if new.serious_impact else 5
        assert s.result.item("2.1").deduction >= expected, (i, s.result.item("2.1").deduction)
        t1 = time.perf_counter()
        from panelapp.core.engine import score_cycle

        score_cycle(s.data, s.scheme)
        engine_only.append((time.perf_counter() - t1) * 1000)
    store_only = []
    for _ in range(edits):
        old = s.record("faults", rid)
        new = dataclasses.replace(old, serious_impact=not old.serious_impact)
        t0 = time.perf_counter()
        db.evidence.update("faults", s.resolve("faults", rid), new)
        store_only.append((time.perf_counter() - t0) * 1000)
        db.evidence.update("faults", s.resolve("faults", rid), old)
    count = s.data.evidence.count()
    w.close()
    w.runner.settle()
    samples.sort()
    return {"records": count, "median_ms": statistics.median(samples), "p95_ms": samples[int(len(samples) * 0.95) - 1],
            "max_ms": samples[-1], "engine_median_ms": statistics.median(engine_only),
            "store_median_ms": statistics.median(store_only)}


def big_db(path: Path) -> int:
    """bench_pdf's database: cycle 2 holds the 300 evidence items of tests/report/samples.big_cycle."""
    from bench_pdf import fill_big_cycle  # bench/ is this script's folder

    return fill_big_cycle(path)


def heartbeat_run(app, w, start) -> tuple[float, float]:
    """Run one task through the window's runner under a 10 ms heartbeat; (wall s, longest gap ms)."""
    from PySide6.QtCore import QEventLoop, QTimer

    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(beat)
    loop = QEventLoop()
    done_at: list[float] = []
    w.runner.busyChanged.connect(lambda busy: None if busy else (done_at.append(time.perf_counter()), loop.quit()))
    timer.start()
    app.processEvents()
    last[0] = t0 = time.perf_counter()
    assert start(), w.notifier.last_error
    loop.exec()
    timer.stop()
    w.runner.busyChanged.disconnect()
    beat()
    assert not w.notifier.errors, w.notifier.errors
    return done_at[0] - t0, max(gaps) * 1000


def background(tmp: Path, runs: int) -> dict[str, list[tuple[float, float]]]:
    from PySide6.QtCore import QSettings

    from panelapp.store import open_database
    from panelapp.ui.app import freeze_startup_heap
    from panelapp.ui.bootstrap import make_application
    from panelapp.ui.file_ops import demo_path
    from panelapp.ui.main_window import MainWindow
    from panelapp.ui.selftest import RecordingNotifier

    app = make_application()
    path = tmp / "big.sqlite"
    cycle_id = big_db(path)
    big = tmp / "big-file.bin"
    with open(big, "wb") as fh:
        for _ in range(50):
            fh.write(os.urandom(1 << 20))
    db = open_database(path)
    w = MainWindow(db, QSettings(str(tmp / "bg.ini"), QSettings.Format.IniFormat), RecordingNotifier())
    w.start(cycle_id)
    w.show()
    app.processEvents()
    freeze_startup_heap()  # as ui.app.run does
    rid = w.session.ids["trainings"][0]
    out: dict[str, list[tuple[float, float]]] = {"export": [], "import": [], "attach": []}
    for i in range(runs):
        out["export"].append(heartbeat_run(app, w, lambda i=i: w.sheets.export(tmp / f"sheet{i}.pdf")))
        out["import"].append(heartbeat_run(app, w, lambda: w.files.import_cycle(str(demo_path()))))
        with open(big, "r+b") as fh:  # new content each run: the store keeps one copy per content
            fh.write(os.urandom(64))
        out["attach"].append(heartbeat_run(app, w, lambda: w.actions.attach("trainings", rid, [big])))
    w.close()
    w.runner.settle()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--background", action="store_true", help="only the worker tasks (a fresh session), as JSON")
    args = parser.parse_args()
    if args.background:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(background(Path(tmp), args.runs)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db_path, settings = Path(tmp) / "bench.sqlite", Path(tmp) / "bench.ini"
        t0 = time.perf_counter()
        cycle_id = build_db(db_path, args.records)
        print(f"built database with {args.records} records in {time.perf_counter() - t0:.1f} s")
        starts = cold_start(db_path, settings, cycle_id, args.runs)
        for r in starts:
            print(f"cold start: {r['seconds']:.3f} s in-process (imports included), {r['wall']:.3f} s wall "
                  f"incl. interpreter; {r['records']} records, total {r['total']}; phases {r['phases']}")
        best = min(r["seconds"] for r in starts)
        med = statistics.median(r["seconds"] for r in starts)
        print(f"cold start median {med:.3f} s, best {best:.3f} s (target < 1.0 s)")
        lat = edit_latency(db_path, settings, cycle_id, args.edits)
        print(f"edit → score bar at {lat['records']} records: median {lat['median_ms']:.1f} ms, "
              f"p95 {lat['p95_ms']:.1f} ms, max {lat['max_ms']:.1f} ms (target < 50 ms); "
              f"of which store write alone {lat['store_median_ms']:.1f} ms, engine alone {lat['engine_median_ms']:.2f} ms")
        proc = subprocess.run([sys.executable, __file__, "--background", "--runs", str(args.runs)], check=True,
                              capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        measured = json.loads([x for x in proc.stdout.splitlines() if x.startswith("{")][-1])
        for name, results in measured.items():
            walls = [r[0] for r in results]
            gaps = [r[1] for r in results]
            print(f"{name} on the worker: wall median {statistics.median(walls):.3f} s; longest event-loop gap "
                  f"median {statistics.median(gaps):.0f} ms, max {max(gaps):.0f} ms (target < 100 ms); "
                  f"runs (wall s, gap ms): {[(round(a, 3), round(b)) for a, b in results]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
