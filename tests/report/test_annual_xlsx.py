"""The annual .xlsx as finance expects: frozen header, print titles and area, widths, SUM formulas with values, 大写."""

import csv
import io
import re
import shutil
import subprocess
import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from panelapp.core.money import amount_in_words
from panelapp.report.annual import annual_summary
from panelapp.report.annual_xlsx import build_workbook, write_annual_xlsx
from panelapp.store import PaymentDeduction


@pytest.fixture
def summary(db, cycle_id):
    contract = db.cycles.contracts()[0]
    db.standing.add_payment_deduction(contract.id, PaymentDeduction("commitment", 1, date(2025, 9, 30), "驻场人员不足7名"))
    db.standing.add_payment_deduction(contract.id, PaymentDeduction("criticism", 2, date(2025, 5, 12), "省平台通报"))
    return annual_summary(db, contract.id)


@pytest.fixture
def xlsx(summary, tmp_path):
    return write_annual_xlsx(summary, tmp_path / "annual.xlsx")


def chars(text: str) -> int:
    """Width in Excel units of ``text`` in a 10-point CJK font: a Chinese character is two digits wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def row_of(ws, first_value: str) -> int:
    return next(row[0].row for row in ws.iter_rows() if row[0].value == first_value)


def test_header_frozen_titles_repeat_and_print_area_covers_tables_and_chart(xlsx):
    ws = load_workbook(xlsx)["年度汇总"]
    header = row_of(ws, "周期")
    assert ws.freeze_panes == f"A{header + 1}"
    assert ws.print_title_rows == "$1:$2"
    area = ws.print_area if isinstance(ws.print_area, str) else ws.print_area[0]
    last_row = int(re.search(r"\$(\d+)$", area).group(1))
    assert area.startswith("'年度汇总'!$A$1:$H$")
    anchor = ws._charts[0].anchor._from.row + 1  # 0-based
    assert last_row >= anchor + 14 and last_row >= ws.max_row  # the 7 cm chart and every row
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert [b.id for b in ws.row_breaks.brk] == [anchor - 1]  # the chart starts a page


def test_no_table_cell_is_wider_than_its_column(xlsx):
    """“扣减金额（元）” was cut in column E (width 9) of table 三."""
    ws = load_workbook(xlsx, data_only=True)["年度汇总"]
    merged = {cell for r in ws.merged_cells.ranges for cell in r.cells}
    checked = 0
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None or not cell.border.left.style or (cell.row, cell.column) in merged:
                continue
            if isinstance(cell.value, str):
                need = chars(cell.value)
            elif isinstance(cell.value, int | float) and cell.number_format == "#,##0.00":
                need = len(f"{cell.value:,.2f}")
            else:
                continue
            width = ws.column_dimensions[cell.column_letter].width
            assert width >= need + 1, (cell.coordinate, cell.value, width)
            checked += 1
    assert checked > 40
    for r in ws.merged_cells.ranges:  # merged table cells: the columns together
        cell = ws.cell(r.min_row, r.min_col)
        if isinstance(cell.value, str) and cell.border.left.style:
            total = sum(ws.column_dimensions[get_column_letter(c)].width for c in range(r.min_col, r.max_col + 1))
            assert total >= chars(cell.value), cell.value


def evaluate(formula: str, ws) -> Decimal:
    """The few formula shapes the workbook uses, computed from the cells' own (cached) values."""
    def value(ref: str) -> Decimal:
        v = ws[ref].value
        return Decimal(str(v or 0))

    body = formula.lstrip("=")
    if m := re.fullmatch(r"SUM\(([A-Z])(\d+):([A-Z])(\d+)\)", body):
        col, top, _col, bottom = m.groups()
        return sum((value(f"{col}{r}") for r in range(int(top), int(bottom) + 1)), Decimal(0))
    if m := re.fullmatch(r"MIN\(([A-Z]\d+),([A-Z]\d+)\)", body):
        return min(value(m.group(1)), value(m.group(2)))
    if m := re.fullmatch(r"([\d.]+)-([A-Z]\d+)", body):
        return Decimal(m.group(1)) - value(m.group(2))
    if m := re.fullmatch(r"([A-Z]\d+)-([A-Z]\d+)", body):
        return value(m.group(1)) - value(m.group(2))
    if m := re.fullmatch(r"([A-Z]\d+)-\(([A-Z]\d+(?:\+[A-Z]\d+)*)\)", body):
        return value(m.group(1)) - sum((value(ref) for ref in m.group(2).split("+")), Decimal(0))
    if re.fullmatch(r"[A-Z]\d+", body):
        return value(body)
    if body == "0":
        return Decimal(0)
    raise AssertionError(f"unexpected formula {formula}")


def test_totals_are_formulas_that_carry_their_values(xlsx, summary):
    formulas = load_workbook(xlsx)["年度汇总"]
    values = load_workbook(xlsx, data_only=True)["年度汇总"]
    total_row = next(r for r in range(1, formulas.max_row + 1) if formulas.cell(r, 1).value == "合计")
    assert formulas[f"G{total_row}"].value == f"=SUM(G{total_row - 4}:G{total_row - 1})"
    found = {}
    for row in formulas.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cached = values[cell.coordinate].value
                assert cached is not None, cell.coordinate  # a viewer that does not calculate still sees it
                assert Decimal(str(cached)) == evaluate(cell.value, values), (cell.coordinate, cell.value)
                found[cell.coordinate] = Decimal(str(cached))
    # two totals, five lines of section 四 plus the claim back, and each payment's 实付
    assert len(found) == 10
    # the sample's commitment marked in cycle 2 (76,350.00) + the two entered: 172,700.00
    assert Decimal("127250.00") in found.values() and Decimal("172700.00") in found.values()
    assert summary.effective_total == Decimal("299950.00") and summary.payable in found.values()
    assert sum(1 for v in found.values() if v == Decimal("299950.00")) == 2  # before and after the cap
    assert Decimal("1272500.00") - Decimal("299950.00") in found.values()  # payment 2 after its deductions


def test_capped_totals_agree_with_their_formulas(db, cycle_id, tmp_path):
    contract = db.cycles.contracts()[0]
    db.standing.add_payment_deduction(contract.id, PaymentDeduction("commitment", 40, date(2025, 9, 30), "全部承诺未完成"))
    s = annual_summary(db, contract.id)
    assert s.capped
    path = write_annual_xlsx(s, tmp_path / "capped.xlsx")
    formulas = load_workbook(path)["年度汇总"]
    values = load_workbook(path, data_only=True)["年度汇总"]
    cells = [c for row in formulas.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    for cell in cells:
        assert Decimal(str(values[cell.coordinate].value)) == evaluate(cell.value, values), cell.coordinate
    payable = row_of(formulas, "合同应付合计（扣减后）")
    assert Decimal(str(values[f"D{payable}"].value)) == Decimal("0.00")  # payable after the cap
    claim_back = row_of(formulas, "两期付款不足扣减、应向乙方追回")
    assert Decimal(str(values[f"D{claim_back}"].value)) == Decimal("1272500.00")


def test_each_cycle_amount_in_capitals(xlsx, summary):
    ws = load_workbook(xlsx, data_only=True)["年度汇总"]
    header = row_of(ws, "周期")
    assert ws.cell(header, 8).value == "扣减金额大写"
    for n, line in enumerate(summary.cycles, start=1):
        assert ws.cell(header + n, 1).value == f"第{line.number}周期"
        assert ws.cell(header + n, 8).value == amount_in_words(line.withheld)
    assert ws.cell(header + 2, 8).value == "壹拾贰万柒仟贰佰伍拾元整"
    assert ws.cell(header + 5, 8).value == amount_in_words(summary.withheld_total)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_recalculates_the_same_totals(summary, tmp_path):
    """A workbook without cached values, recalculated by LibreOffice, gives the values the app cached."""
    workbook, formulas = build_workbook(summary)
    workbook.save(tmp_path / "bare.xlsx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(tmp_path / "bare.xlsx")],
                   check=True, capture_output=True, timeout=180)
    rows = list(csv.reader(io.StringIO((tmp_path / "bare.csv").read_text("utf-8"))))
    for ref, value in formulas.items():
        col, row = ord(ref[0]) - ord("A"), int(ref[1:])
        assert Decimal(rows[row - 1][col].replace(",", "")) == value, (ref, rows[row - 1])
