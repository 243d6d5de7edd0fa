"""Store benchmark (docs/performance.md, "## Store").

Builds, in a temporary folder, a database holding 10 contracts x 4 cycles x
1,000 evidence records (each written through the ORM, so with its audit
entry) and 2 GB of attachments (205 distinct 10 MiB blobs, generated chunk by
chunk, never whole in memory), then measures:

* opening it (lock, header check, read-only quick check of every table but the
  blob chunks, migration check, contract list): target < 0.5 s;
* scoring a cycle from it (``db.cycles.data`` + ``score_cycle``): target < 50 ms;
* importing resources/samples/demo-cycle.zip into a fresh database: target < 1 s.

Run: ``PYTHONPATH=src .venv/bin/python bench/bench_store.py [--blob-mb 2048] [--keep]``
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import shutil
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from panelapp.core.engine import score_cycle
from panelapp.core.evidence import (
    Absence,
    DefectReport,
    Drill,
    Fault,
    FileRef,
    OffhoursMiss,
    SecurityEvent,
    Training,
    Violation,
    WeeklyReport,
)
from panelapp.paths import resource
from panelapp.store import open_database
from panelapp.store.blobs import link, store_stream
from panelapp.store.mapping import to_columns
from panelapp.store.models import EVIDENCE_MODELS
from panelapp.store.seed import DEFAULT_CONTRACT
from panelapp.store.validate import normalise

CHUNK = 1 << 20


def records(period, n: int) -> list[tuple[str, object]]:
    """``n`` valid evidence records inside ``period``: a realistic (if unlucky) mix."""
    days = (period.end - period.start).days
    out: list[tuple[str, object]] = []
    weeks = period.weeks()
    for w in weeks:
        out.append(("weekly_reports", WeeklyReport(w.monday + timedelta(days=1), f"第{w.number}周巡检报告")))
    out.append(("defect_reports", DefectReport(period.start + timedelta(days=40), "缺陷分析")))
    out.append(("drills", Drill(period.start + timedelta(days=20), "切换演练", True)))
    out.append(("trainings", Training(period.start + timedelta(days=30), "系统操作", True, True, True)))
    i = 0
    while len(out) < n:
        i += 1
        day = period.start + timedelta(days=i % days)
        at = datetime.combine(day, datetime.min.time()) + timedelta(hours=9)
        match i % 5:
            case 0:
                out.append(
                    (
                        "faults",
                        Fault(
                            f"F-{i:04d}",
                            "统一受理平台",
                            "连接池耗尽",
                            "interruption",
                            at,
                            at + timedelta(minutes=30 + i % 400),
                            i % 3 == 0,
                            i % 2 == 0,
                            at + timedelta(minutes=2),
                            at + timedelta(minutes=5 + i % 20),
                            report_submitted_on=day + timedelta(days=2),
                        ),
                    )
                )
            case 1:
                out.append(("absences", Absence(day, f"驻场人员{i % 7}", i % 4 == 0, "")))
            case 2:
                out.append(("offhours_misses", OffhoursMiss(at + timedelta(hours=13), "夜间电话未接通")))
            case 3:
                out.append(("security_events", SecurityEvent(day, "hidden_danger", i % 2 == 0, "弱口令")))
            case _:
                out.append(("violations", Violation(day, "未登记变更", i % 3 == 0)))
    return out[:n]


def chunks(seed: int, size: int):
    """Distinct pseudo-random chunks: a SHA-256 stream expanded cheaply."""
    base = hashlib.sha256(str(seed).encode()).digest() * (CHUNK // 32)
    for k in range(size // CHUNK):
        yield k.to_bytes(8, "big") + seed.to_bytes(8, "big") + base[16:]


class Stream:
    def __init__(self, seed: int, size: int):
        self._it = chunks(seed, size)

    def read(self, _n: int = -1) -> bytes:
        return next(self._it, b"")


def build(path: Path, contracts: int, items: int, blob_mb: int) -> dict[str, float]:
    t0 = time.perf_counter()
    db = open_database(path, operator="基准测试")
    for k in range(contracts):
        contract = dataclasses.replace(DEFAULT_CONTRACT, number=f"BENCH-{k:02d}") if k else DEFAULT_CONTRACT
        cid = db.cycles.contracts()[0].id if k == 0 else db.cycles.create_contract(contract)
        for cycle in db.cycles.of_contract(cid):
            with db.unit.tx() as s:
                for kind, obj in records(cycle.period, items):
                    s.add(
                        EVIDENCE_MODELS[kind](
                            cycle_id=cycle.id, entered_by="基准测试", **normalise(to_columns(kind, obj))
                        )
                    )
    t_rows = time.perf_counter() - t0
    blob_size = 10 * CHUNK
    count = blob_mb * CHUNK // blob_size
    target = db.cycles.find(2)
    _, ids = db.cycles.data(target.id)
    t1 = time.perf_counter()
    for b in range(count):
        h = hashlib.sha256()
        for c in chunks(b, blob_size):
            h.update(c)
        sha = h.hexdigest()
        with db.unit.tx() as s:
            store_stream(s, sha, blob_size, Stream(b, blob_size))
            rid = ids["weekly_reports"][b % len(ids["weekly_reports"])]
            link(s, "weekly_reports", rid, target.id, FileRef(f"扫描件{b:03d}.pdf", sha, blob_size))
    t_blobs = time.perf_counter() - t1
    db.close(backup_on_close=False)
    return {"rows_s": t_rows, "blobs_s": t_blobs, "blobs": count}


def evict(path: Path) -> None:
    """Drop the file's pages from the OS page cache (POSIX_FADV_DONTNEED), to time a cold open."""
    import os

    if not hasattr(os, "posix_fadvise"):
        return
    for p in (path, path.with_name(path.name + "-wal")):
        if p.exists():
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contracts", type=int, default=10)
    ap.add_argument("--items", type=int, default=1000)
    ap.add_argument("--blob-mb", type=int, default=2048)
    ap.add_argument("--dir", type=Path)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="panelapp-bench-", dir=args.dir))
    try:
        path = folder / "bench.db"
        built = build(path, args.contracts, args.items, args.blob_mb)
        size = path.stat().st_size
        print(
            f"built {args.contracts} contracts x 4 cycles x {args.items} records in {built['rows_s']:.1f} s, "
            f"{built['blobs']} blobs in {built['blobs_s']:.1f} s; file {size / 2**30:.2f} GiB"
        )

        def open_close() -> None:
            db = open_database(path)
            db.cycles.contracts()
            db.close(backup_on_close=False)

        opens = timed(open_close, 7)
        print(
            f"open (incl. close), warm: first {opens[0] * 1000:.0f} ms, best {min(opens) * 1000:.0f} ms, "
            f"median {statistics.median(opens) * 1000:.0f} ms, max {max(opens) * 1000:.0f} ms"
        )
        cold = []
        for _ in range(3):
            evict(path)
            cold += timed(open_close, 1)
        print(
            f"open (incl. close), file evicted from the page cache first: "
            f"{', '.join(f'{t * 1000:.0f}' for t in cold)} ms"
        )

        db = open_database(path)
        cycle = db.cycles.find(2)
        data, _ = db.cycles.data(cycle.id)
        assert data.evidence.count() >= args.items

        def score() -> None:
            d, _ids = db.cycles.data(cycle.id)
            score_cycle(d)

        loads = timed(lambda: db.cycles.data(cycle.id), 30)
        scores = timed(score, 30)
        counts = db.audit.counts()
        db.close(backup_on_close=False)
        print(
            f"cycle_data + score_cycle ({data.evidence.count()} records): best {min(scores) * 1000:.1f} ms, "
            f"median {statistics.median(scores) * 1000:.1f} ms; cycle_data alone median "
            f"{statistics.median(loads) * 1000:.1f} ms"
        )
        print(
            f"rows: evidence {sum(counts[k] for k in EVIDENCE_MODELS)}, audit {counts['audit_log']}, "
            f"blob chunks {counts['blob_chunks']}"
        )

        demo = resource("samples", "demo-cycle.zip")
        imports, with_open = [], []
        for i in range(5):
            fresh = folder / f"fresh{i}.db"
            t = time.perf_counter()
            db = open_database(fresh)
            t_open = time.perf_counter() - t
            t = time.perf_counter()
            db.transfer.import_file(demo)
            imports.append(time.perf_counter() - t)
            with_open.append(imports[-1] + t_open)
            db.close(backup_on_close=False)
        print(
            f"import demo-cycle.zip: best {min(imports) * 1000:.0f} ms, median {statistics.median(imports) * 1000:.0f} ms"
            f"; with creating the fresh database: median {statistics.median(with_open) * 1000:.0f} ms"
        )
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
