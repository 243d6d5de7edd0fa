"""Render the README/doc images of the score sheet and the annual summary.

  .venv/bin/python tools/render_sheet_images.py        (needs pdftoppm from poppler-utils)

Imports resources/samples/demo-cycle.zip into a throw-away database, records two
payment-time deductions, exports the cycle 2 score sheet and the annual summary,
and writes docs/img/score-sheet-page1.png, score-sheet-page2.png, score-sheet-evidence.png
(the evidence list, last page) and annual-summary.png; with LibreOffice installed also
annual-summary-xlsx.png (the .xlsx printed by `soffice --headless --convert-to pdf`, with
the bundled Noto fonts standing in for 宋体 through a private fontconfig file).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def png(pdf: Path, page: int, out: Path, dpi: int = 70) -> None:
    prefix = out.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(prefix)], check=True)


FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
  <alias><family>宋体</family><prefer><family>Noto Serif SC</family></prefer></alias>
</fontconfig>
"""


def xlsx_png(xlsx: Path, out: Path, tmp: Path) -> None:
    """The workbook as LibreOffice prints it (page 1)."""
    conf = tmp / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=ROOT / "resources" / "fonts", cache=tmp / "fc-cache"), "utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp), str(xlsx)], check=True, env=env, capture_output=True, timeout=300)
    png(xlsx.with_suffix(".pdf"), 1, out)


def other_cycles(db, contract_id: int) -> None:
    """Plausible facts for cycles 1 and 3 so the annual trend has more than one bar."""
    from datetime import timedelta

    from panelapp.core.evidence import Absence, DefectReport, SecurityEvent, WeeklyReport

    rows = db.cycles.of_contract(contract_id)
    for row, skip, absences, events in ((rows[0], (), 2, 0), (rows[2], (3, 9), 3, 1)):
        for week in row.period.weeks():
            if week.number not in skip:
                db.evidence.add(row.id, "weekly_reports",
                                WeeklyReport(week.monday + timedelta(days=2), f"第{week.number}周巡检报告"))
        db.evidence.add(row.id, "defect_reports", DefectReport(row.period.start + timedelta(days=40), "缺陷分析报告"))
        for i in range(absences):
            db.evidence.add(row.id, "absences", Absence(row.period.start + timedelta(days=10 + 7 * i), "驻场人员", False))
        for _ in range(events):
            db.evidence.add(row.id, "security_events",
                            SecurityEvent(row.period.start + timedelta(days=20), "reminder", True, "弱口令提醒"))


def main() -> None:
    if not shutil.which("pdftoppm"):
        sys.exit("pdftoppm not found: apt-get install poppler-utils")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["PANELAPP_DATA_DIR"] = str(tmp / "data")
        from panelapp.report.annual import annual_summary
        from panelapp.report.annual_pdf import write_annual_pdf
        from panelapp.report.annual_xlsx import write_annual_xlsx
        from panelapp.report.export import export_score_sheet
        from panelapp.store import PaymentDeduction, open_database

        db = open_database(tmp / "demo.db", operator="组员甲")
        report = db.transfer.import_file(ROOT / "resources" / "samples" / "demo-cycle.zip")
        contract_id = db.cycles.contracts()[0].id
        db.standing.add_payment_deduction(contract_id, PaymentDeduction("criticism", 1, date(2025, 5, 12), "省平台通报数据共享超时"))
        db.standing.add_payment_deduction(contract_id, PaymentDeduction("commitment", 1, date(2025, 9, 30), "驻场人员不足7名"))
        other_cycles(db, contract_id)
        sheet = export_score_sheet(db, report.cycle_id, tmp / "sheet.pdf")
        annual = write_annual_pdf(annual_summary(db, contract_id), tmp / "annual.pdf")
        xlsx = write_annual_xlsx(annual_summary(db, contract_id), tmp / "annual.xlsx")
        db.close()
        img = ROOT / "docs" / "img"
        img.mkdir(parents=True, exist_ok=True)
        png(sheet, 1, img / "score-sheet-page1.png")
        png(sheet, 2, img / "score-sheet-page2.png")
        from pypdf import PdfReader

        png(sheet, len(PdfReader(sheet).pages), img / "score-sheet-evidence.png")
        png(annual, 1, img / "annual-summary.png")
        if shutil.which("soffice"):
            xlsx_png(xlsx, img / "annual-summary-xlsx.png", tmp)
        else:
            print("soffice not found: annual-summary-xlsx.png not refreshed")
        print("\n".join(str(p) for p in sorted(img.glob("*.png"))))


if __name__ == "__main__":
    main()
