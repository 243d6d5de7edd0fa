"""`panelapp score`: output shape, exit codes, and no heavy imports."""

from __future__ import annotations

import json
import subprocess
import sys

from panelapp.paths import resource

DEMO = str(resource("samples", "demo-cycle.json"))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "panelapp", *args], capture_output=True, text=True, timeout=60)


def test_score_json_matches_the_documented_shape():
    proc = run("score", DEMO, "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == {"contract", "cycle", "period", "items", "sections", "total", "tier_percent",
                        "deduction_amount", "provisional"}
    assert out["provisional"] is False  # assessed 2025-04-03, after the cycle's last day
    assert out["period"] == {"start": "2024-12-30", "end": "2025-03-29"}
    assert list(out["items"]) == ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "3.1", "3.2", "3.3"]
    assert set(out["items"]["1.1"]) == {"name", "max", "score", "deduction", "explanation"}
    assert out["total"] == sum(out["sections"].values()) == sum(i["score"] for i in out["items"].values())
    # demo: 1.1 −1, 1.2 −2, 2.1 −5 (F-01 level IV), 2.2 −2, 3.1 −2, 3.2 −1 → 87 → 5% of 2,545,000.00
    assert out["total"] == 87 and out["tier_percent"] == 5 and out["deduction_amount"] == "127250.00"


def test_score_table_is_readable_chinese():
    proc = run("score", DEMO)
    assert proc.returncode == 0
    assert "合计 87 分" in proc.stdout and "¥127,250.00" in proc.stdout
    assert "第9周（2025-02-24起）无巡检报告，扣1分" in proc.stdout


def test_refused_file_exits_2_with_the_field_on_stderr(tmp_path):
    doc = json.loads(resource("samples", "demo-cycle.json").read_text("utf-8"))
    doc["evidence"]["faults"][0]["effect"] = "slow"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), "utf-8")
    proc = run("score", str(bad), "--json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "evidence.faults[0].effect" in proc.stderr


def test_version_flag():
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("panelapp ")


def test_score_imports_no_qt_sqlalchemy_or_reportlab():
    code = (
        "import sys, io, contextlib\n"
        "from panelapp.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): rc = main(['score', {DEMO!r}, '--json'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy', 'reportlab'))\n"
        "assert rc == 0 and not heavy, heavy\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
