"""Close after an edit with 2 GB of attachments: thin backups sharing blobs vs a full copy.

    PYTHONPATH=src .venv/bin/python bench/bench_backup.py [--blob-mb 2048] [--closes 5]

Builds a database (bench_store.build: 1 contract × 4 cycles × --items records, --blob-mb of
10 MiB attachments) in a temp folder, keeps 5 automatic backups, then times: the first close
(every blob written once to backups/blobs/), --closes closes each after one edit (the
backup part of close), one full SQLite copy of the file (what every close did before), and
reports the disk used by the kept backups and the shared blobs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import build  # noqa: E402

from panelapp.core.evidence import Absence  # noqa: E402
from panelapp.store import open_database  # noqa: E402
from panelapp.store.backup import backups_of, copy_database  # noqa: E402


def _size(paths) -> int:
    return sum(p.stat().st_size for p in paths if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--blob-mb", type=int, default=2048)
    ap.add_argument("--items", type=int, default=200)
    ap.add_argument("--closes", type=int, default=5)
    ap.add_argument("--dir", type=Path)
    args = ap.parse_args()
    folder = Path(args.dir or tempfile.mkdtemp(prefix="panelapp-bench-backup-"))
    path = folder / "bench.db"
    try:
        built = build(path, 1, args.items, args.blob_mb)
        print(f"built: rows {built['rows_s']:.1f} s, {built['blobs']} blobs {built['blobs_s']:.1f} s, "
              f"file {path.stat().st_size / 2**30:.2f} GiB")
        db = open_database(path)
        db.set_backup_keep(5)
        t = time.perf_counter()
        db.close()
        print(f"first close (rows copied, every blob written once to backups/blobs): {time.perf_counter() - t:.2f} s")
        times = []
        for i in range(args.closes):
            db = open_database(path)
            cycle = db.cycles.find(2)
            db.evidence.add(cycle.id, "absences", Absence(cycle.period.start + dt.timedelta(days=i + 1), f"基准{i}", False))
            t = time.perf_counter()
            db.close()
            times.append(time.perf_counter() - t)
        print("close after an edit: " + ", ".join(f"{x:.2f}" for x in times) + " s")
        autos = [p for p in backups_of(path) if "-auto-" in p.name]
        shared = list((path.parent / "backups" / "blobs").iterdir())
        print(f"kept automatic backups: {len(autos)}, {_size(autos) / 2**20:.1f} MiB together; "
              f"shared blobs: {len(shared)} files, {_size(shared) / 2**30:.2f} GiB")
        t = time.perf_counter()
        full = copy_database(path, folder / "full-copy.db")
        print(f"one full copy (the old close): {time.perf_counter() - t:.2f} s, {full.stat().st_size / 2**30:.2f} GiB")
    finally:
        if args.dir is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
