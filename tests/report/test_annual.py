"""The annual summary: money per cycle, payment schedule, 十一.2/十一.3 deductions, the 十二.2 cap."""

from datetime import date
from decimal import Decimal

from openpyxl import load_workbook
from samples import cycle2

from conftest import fill, flat, pdf_pages
from panelapp.core.evidence import Absence
from panelapp.report.annual import annual_summary
from panelapp.report.annual_pdf import write_annual_pdf
from panelapp.report.annual_xlsx import write_annual_xlsx
from panelapp.store import PaymentDeduction


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
