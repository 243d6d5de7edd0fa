"""The annual summary: money per cycle, payment schedule, 十一.2/十一.3 deductions, the 十二.2 cap."""

import json
import sqlite3
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from samples import cycle2

from conftest import fill, flat, pdf_pages
from panelapp.core.evidence import Absence
from panelapp.report.annual import annual_summary, export_annual_summary
from panelapp.report.annual_pdf import write_annual_pdf
from panelapp.report.annual_xlsx import write_annual_xlsx
from panelapp.report.errors import ReportError
from panelapp.store import PaymentDeduction
from panelapp.store.witness import log_path


def _summary(db, cycle_id):
    contract = db.cycles.contracts()[0]
    db.standing.add_payment_deduction(contract.id, PaymentDeduction("commitment", 1, date(2025, 9, 30), "驻场人员不足7名"))
    db.standing.add_payment_deduction(contract.id, PaymentDeduction("criticism", 2, date(2025, 5, 12), "省平台通报"))
    return annual_summary(db, contract.id)


def test_money(db, cycle_id):
    s = _summary(db, cycle_id)
    assert [c.assessed for c in s.cycles] == [False, True, False, False]
    assert s.cycles[1].score == 87 and s.cycles[1].withheld == Decimal("127250.00")
    assert s.withheld_total == Decimal("127250.00")
    # the sample's commitment marked unfulfilled in cycle 2 counts for 十一.2 too, dated at the cycle's end
    assert [(d.id[0], d.occurred_on, d.amount) for d in s.deductions] == [
        ("C", date(2025, 3, 29), Decimal("76350.00")), ("D", date(2025, 5, 12), Decimal("20000.00")),
        ("D", date(2025, 9, 30), Decimal("76350.00"))]
    assert s.deductions_total == Decimal("172700.00")
    assert s.effective_total == Decimal("299950.00") and not s.capped
    assert s.payable == Decimal("2245050.00")
    assert [p.amount for p in s.payments] == [Decimal("1272500.00"), Decimal("1272500.00")]
    assert all(isinstance(v, Decimal) for v in (s.withheld_total, s.deductions_total, s.payable))


def test_cap_of_contract_total(db, cycle_id):
    contract = db.cycles.contracts()[0]
    db.standing.add_payment_deduction(contract.id, PaymentDeduction("commitment", 40, date(2025, 9, 30), "全部承诺未完成"))
    s = annual_summary(db, contract.id)
    assert s.deductions_total == Decimal("3130350.00")  # 40 x 76,350.00 + the sample's marked commitment
    assert s.capped and s.effective_total == Decimal("2545000.00") and s.payable == Decimal("0.00")


def test_four_cycles(db, cycle_id):
    rows = db.cycles.of_contract(db.cycles.contracts()[0].id)
    fill(db, rows[0].id, cycle2(cycle=1, evidence=cycle2().evidence.__class__(
        absences=(Absence(date(2024, 10, 8), "驻场人员B", False),))))
    s = annual_summary(db, rows[0].contract_id)
    assert s.cycles[0].assessed and s.cycles[0].score is not None
    assert s.withheld_total == s.cycles[0].withheld + Decimal("127250.00")


def test_pdf_and_xlsx(db, cycle_id, tmp_path):
    s = _summary(db, cycle_id)
    pdf = write_annual_pdf(s, tmp_path / "annual.pdf")
    text = flat("".join(pdf_pages(pdf.read_bytes())))
    for needle in ("运维服务质量考核年度汇总", "第2周期", "127,250.00", "1,272,500.00", "76,350.00", "20,000.00",
                   "172,700.00", "299,950.00", "贰拾玖万玖仟玖佰伍拾元整", "年度供应商评价", "十二.2", "未考核"):
        assert needle in text, needle
    xlsx = write_annual_xlsx(s, tmp_path / "annual.xlsx")
    wb = load_workbook(xlsx)
    ws = wb["年度汇总"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    flat_values = [v for row in values for v in row if v is not None]
    assert "第2周期" in flat_values and 87 in flat_values
    assert any(isinstance(v, (int, float)) and abs(v - 127250) < 1e-9 for v in flat_values)
    assert any(isinstance(v, (int, float)) and abs(v - 76350) < 1e-9 for v in flat_values)
    assert any(isinstance(v, str) and "贰拾玖万玖仟玖佰伍拾元整" in v for v in flat_values)
    assert any(isinstance(v, str) and "年度供应商评价" in v for v in flat_values)
    assert "两期付款不足扣减、应向乙方追回" in flat_values
    assert len(ws._charts) == 1


def test_export_annual_summary_gates_once_writes_each_file_then_witnesses(db, cycle_id, tmp_path):
    contract_id = db.cycles.contracts()[0].id
    made = []

    def writer(write):
        def counted(summary, out):
            made.append(summary)
            return write(summary, out)
        return counted

    paths = export_annual_summary(db, contract_id, [(writer(write_annual_pdf), tmp_path / "y.pdf"),
                                                    (writer(write_annual_xlsx), str(tmp_path / "y.xlsx"))])
    assert paths == [tmp_path / "y.pdf", tmp_path / "y.xlsx"]
    assert paths[0].read_bytes().startswith(b"%PDF") and load_workbook(paths[1]).sheetnames
    assert len(made) == 2 and made[0] is made[1]  # one summary for both files
    events = [json.loads(line)["event"] for line in log_path().read_text("utf-8").splitlines()]
    assert events[-1] == "export"
    # a cycle changed outside the app: refused before anything is written or witnessed
    conn = sqlite3.connect(db.path)
    conn.execute("UPDATE absences SET excused = 1 - excused WHERE id = (SELECT min(id) FROM absences)")
    conn.commit()
    conn.close()
    with pytest.raises(ReportError, match="拒绝导出"):
        export_annual_summary(db, contract_id, [(writer(write_annual_pdf), tmp_path / "z.pdf")])
    assert not (tmp_path / "z.pdf").exists() and len(made) == 2
    assert len(log_path().read_text("utf-8").splitlines()) == len(events)
