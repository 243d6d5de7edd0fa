"""Benchmark of the scoring core (issue 2). Run: .venv/bin/python bench/bench_core.py

1. In-process: score_cycle on a cycle holding 1,000 evidence records (target < 20 ms).
2. Also: parse_cycle of that document (validation included).
3. The whole `panelapp score FILE --json` process on the demo file (target < 0.3 s).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from panelapp.core.cyclefile import dump_cycle, parse_cycle
from panelapp.core.engine import score_cycle
from panelapp.paths import resource

DEMO = resource("samples", "demo-cycle.json")


def thousand_records() -> dict:
    doc = json.loads(DEMO.read_text("utf-8"))
    ev = doc["evidence"]
    base = datetime(2025, 1, 1, 8, 0)
    ev["faults"] = []
    for i in range(250):
        start = base + timedelta(hours=7 * i)
        restored = start + timedelta(minutes=13 * (i % 40))
        ev["faults"].append({
            "id": f"F-{i:03d}", "business": "统一受理平台", "description": "压测故障",
            "effect": "interruption" if i % 2 else "degradation",
            "started_at": start.strftime("%Y-%m-%dT%H:%M"),
            "restored_at": restored.strftime("%Y-%m-%dT%H:%M"),
            "serious_impact": i % 3 == 0, "vendor_caused": i % 4 != 0,
            "reported_at": start.strftime("%Y-%m-%dT%H:%M"),
            "responded_at": (start + timedelta(minutes=i % 20)).strftime("%Y-%m-%dT%H:%M"),
            "onsite_at": None, "restore_deadline_at": None,
            "report_submitted_on": (restored + timedelta(days=i % 6)).date().isoformat(),
            "level_override": None, "files": [],
        })
    # 3.2③ misses must be off-hours: nights (22:00-22:59) across the cycle
    ev["offhours_misses"] = [{"at": (base + timedelta(days=i % 80, hours=14, minutes=i % 60)).strftime("%Y-%m-%dT%H:%M"),
                              "description": "夜间电话未接通"} for i in range(250)]
    ev["absences"] = [{"date": (base + timedelta(days=i % 80)).date().isoformat(), "person": f"驻场{i}",
                       "excused": i % 2 == 0, "note": ""} for i in range(250)]
    ev["security_events"] = [{"date": (base + timedelta(days=i % 80)).date().isoformat(), "kind": "reminder",
                              "vendor_caused": i % 2 == 0, "description": "提醒", "files": []}
                             for i in range(250 - len(ev["weekly_reports"]))]
    return doc


def best_ms(fn, repeat: int = 50) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return min(times), statistics.median(times)


def main() -> None:
    doc = thousand_records()
    data = parse_cycle(doc)
    n = data.evidence.count()
    score_cycle(data)  # warm the scheme cache
    s_min, s_med = best_ms(lambda: score_cycle(data))
    p_min, p_med = best_ms(lambda: parse_cycle(doc), repeat=20)
    print(f"records: {n}")
    print(f"score_cycle: best {s_min:.2f} ms, median {s_med:.2f} ms (target < 20 ms)")
    print(f"parse_cycle (validation): best {p_min:.2f} ms, median {p_med:.2f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.json"
        big.write_text(json.dumps(dump_cycle(data), ensure_ascii=False), "utf-8")
        for label, path in (("demo file", DEMO), ("1,000-record file", big)):
            cmd = [sys.executable, "-m", "panelapp", "score", str(path), "--json"]
            subprocess.run(cmd, check=True, capture_output=True)
            runs = []
            for _ in range(10):
                t = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True)
                runs.append(time.perf_counter() - t)
            print(f"`panelapp score {label} --json` process: best {min(runs):.3f} s, "
                  f"median {statistics.median(runs):.3f} s (target < 0.3 s)")


if __name__ == "__main__":
    main()
