"""Score-sheet export vs LibreOffice, side by side in one run.

  .venv/bin/python bench/bench_pdf.py [--runs N]

1. builds a database whose cycle 2 holds 300 evidence items (tests/report/samples.big_cycle);
2. times the whole ``panelapp export-pdf --cycle 2`` process (interpreter start, store open,
   scoring, layout, font subsetting, hashing, export record) N times, as an installed app runs:
   with compiled bytecode (an untimed warm-up writes it into a temporary PYTHONPYCACHEPREFIX even
   when PYTHONDONTWRITEBYTECODE is set, as a wheel install or the PyInstaller bundle ships it);
   nothing else is cached between processes (the fonts are parsed by ReportLab every time);
3. writes an equivalent spreadsheet (the 附件3 table and the 300-row evidence list, A4 print
   setup, wrapped text, repeated header rows) and times
   ``soffice --headless --convert-to pdf`` on it N times (plus one untimed warm-up that creates
   LibreOffice's profile), as a panel without the app would do.
Prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "report"))


def make_db(directory: Path) -> Path:
    path = directory / "bench.db"
    fill_big_cycle(path)
    return path


def fill_big_cycle(path: Path) -> int:
    """Cycle 2 of a new database at ``path`` gets the 300 evidence items of samples.big_cycle; its id."""
    from samples import big_cycle

    from panelapp.core.evidence import EVIDENCE_KINDS
    from panelapp.store import open_database

    db = open_database(path, operator="bench")
    row = db.cycles.of_contract(db.cycles.contracts()[0].id)[1]
    data = big_cycle(300)
    for kind in EVIDENCE_KINDS:
        for ev in getattr(data.evidence, kind):
            db.evidence.add(row.id, kind, ev)
    db.close()
    return row.id


def make_xlsx(directory: Path) -> Path:
    """The same content as the PDF, laid out for printing, as a panel would prepare it by hand."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from samples import big_cycle

    from panelapp.core.engine import score_cycle
    from panelapp.core.scheme import load_scheme
    from panelapp.report.model import evidence_rows

    data = big_cycle(300)
    scheme = load_scheme(data.contract.scheme)
    result = score_cycle(data, scheme)
    wb = Workbook()
    ws = wb.active
    ws.title = "评分表"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, width in zip("ABCDEF", (12, 12, 6, 40, 6, 34), strict=True):
        ws.column_dimensions[col].width = width
    ws.append([scheme.title])
    ws.append(["一级指标", "二级指标", "分值", "指标说明", "得分", "扣分说明"])
    for section in scheme.sections:
        start = ws.max_row + 1
        for item in (i for i in scheme.items if i.section == section.id):
            r = result.item(item.id)
            ws.append([section.sheet_name, item.name, item.max, scheme.description(item, data.settings), r.score,
                       r.explanation])
        ws.merge_cells(start_row=start, start_column=1, end_row=ws.max_row, end_column=1)
    ws.append(["合计", "", scheme.base, "", result.total, f"扣减合同总价的{result.tier_percent}%"])
    ws.append([])
    ws.append(["序号", "类别", "日期", "内容", "附件", "所涉扣分"])
    for n, row in enumerate(evidence_rows(data, result), start=1):
        ws.append([n, row.label, row.when, row.text, "\n".join(f"{f.name} {f.sha256[:12]}" for f in row.files),
                   "\n".join(row.costs) or "不扣分"])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment, cell.border, cell.font = wrap, box, Font(name="Noto Serif CJK SC", size=9)
    ws.print_title_rows = "2:2"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    path = directory / "sheet.xlsx"
    wb.save(path)
    return path


CPU: dict[str, list] = {}


def timed(cmd: list[str], env: dict | None = None) -> float:
    """Wall time of the whole process; its CPU time (user+sys, children included) goes to CPU[id]."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU.setdefault("runs", []).append((tuple(cmd[:3]), cpu))
    return wall


def cpu_of(prefix: tuple) -> list[float]:
    return [c for key, c in CPU.get("runs", []) if key == prefix]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = make_db(tmp)
        xlsx = make_xlsx(tmp)
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PANELAPP_DATA_DIR=str(tmp / "data"),
                   PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app = [sys.executable, "-m", "panelapp", "export-pdf", "--cycle", "2", "--db", str(db)]
        ours, theirs = [], []
        timed(app + [str(tmp / "warm.pdf")], env)  # page cache, .pyc
        profile = f"-env:UserInstallation=file://{tmp / 'lo-profile'}"
        lo = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp / "lo"), str(xlsx)] \
            if soffice else None
        cold = timed(lo, env) if lo else None  # first start creates the LibreOffice profile
        for i in range(args.runs):  # interleaved, so both see the same machine load
            ours.append(timed(app + [str(tmp / f"out{i}.pdf")], env))
            if lo:
                theirs.append(timed(lo, env))
        from pypdf import PdfReader

        pages = len(PdfReader(tmp / "out0.pdf").pages)
        lo_pages = len(PdfReader(tmp / "lo" / "sheet.pdf").pages) if lo else 0
        ours_cpu = cpu_of(tuple(app[:3]))[1:]  # without the warm-up
        print(f"| `panelapp export-pdf --cycle 2` (300 evidence items, {pages} pages) | "
              f"best {min(ours):.2f} s, median {statistics.median(ours):.2f} s | "
              f"median {statistics.median(ours_cpu):.2f} s |")
        if lo:
            lo_cpu = cpu_of(tuple(lo[:3]))[1:]  # without the first start
            print(f"| `soffice --headless --convert-to pdf` of the equivalent .xlsx ({lo_pages} pages) | "
                  f"best {min(theirs):.2f} s, median {statistics.median(theirs):.2f} s "
                  f"(first start {cold:.2f} s) | median {statistics.median(lo_cpu):.2f} s |")
            print(f"| ratio panelapp / LibreOffice | best {min(ours) / min(theirs):.2f}, "
                  f"median {statistics.median(ours) / statistics.median(theirs):.2f} | "
                  f"{statistics.median(ours_cpu) / statistics.median(lo_cpu):.2f} |")
        else:
            print("LibreOffice (soffice) not found: install libreoffice-calc-nogui to compare")


if __name__ == "__main__":
    main()
