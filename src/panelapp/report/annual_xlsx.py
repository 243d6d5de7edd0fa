"""The annual summary as an .xlsx workbook (openpyxl) laid out for finance.

Values are exact (Decimal); each cycle's amount also in capitals (大写); totals are
SUM formulas that carry their computed values (see ``cached``), so a viewer that does
not calculate still shows them; the header row is frozen, the title rows repeat on
every printed page, the print area is the tables and the chart, and every column is
as wide as its widest table cell (CJK characters count double), so nothing is cut.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from panelapp.core.money import amount_in_words
from panelapp.report.annual import AnnualSummary, evaluation_text

FONT = "宋体"
MONEY = "#,##0.00"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E6E6E6")
COLUMNS = 8  # A..H
CHART_ROWS = 16  # rows under the tables that the 7 cm chart covers


def display_width(value) -> float:
    """Column width (in Excel's units, about one digit each) that shows ``value`` unwrapped."""
    if value is None:
        return 0
    if isinstance(value, Decimal | float | int) and not isinstance(value, bool):
        text = f"{value:,.2f}" if isinstance(value, Decimal) else str(value)
    elif isinstance(value, date):
        text = "2025-01-01"
    else:
        text = str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class _Sheet:
    def __init__(self, ws):
        self.ws, self.row = ws, 1
        self.cells: list = []  # table cells: the ones the column widths must show in full
        self.formulas: dict[str, Decimal | int] = {}  # cell -> the value its formula computes

    def title(self, text: str, size: int = 14) -> None:
        cell = self.ws.cell(self.row, 1, text)
        cell.font = Font(name=FONT, size=size, bold=True)
        cell.alignment = Alignment(horizontal="center")
        self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=COLUMNS)
        self.row += 1

    def heading(self, text: str) -> None:
        self.row += 1
        self.ws.cell(self.row, 1, text).font = Font(name=FONT, size=11, bold=True)
        self.row += 1

    def line(self, values: list, head: bool = False, money: tuple[int, ...] = (), bold: bool = False) -> int:
        for col, value in enumerate(values, start=1):
            cell = self.ws.cell(self.row, col, value)
            cell.font = Font(name=FONT, size=10, bold=head or bold)
            cell.border = BOX
            cell.alignment = Alignment(horizontal="center" if head else None, vertical="center", wrap_text=True)
            if head:
                cell.fill = HEAD_FILL
            elif col in money:
                cell.number_format = MONEY
            self.cells.append(cell)
        self.row += 1
        return self.row - 1

    def formula(self, ref: str, formula: str, value: Decimal | int) -> None:
        """Put ``formula`` into ``ref`` (already styled by ``line``) and remember what it computes."""
        self.ws[ref] = formula
        self.formulas[ref] = value

    def note(self, text: str) -> None:
        self.ws.cell(self.row, 1, text).font = Font(name=FONT, size=9, color="555555")
        self.row += 1

    def fit_columns(self) -> None:
        """Every column as wide as its widest table cell; a merged cell widens its last column if needed."""
        ws = self.ws
        merged = {(r.min_row, r.min_col): r for r in ws.merged_cells.ranges}
        inside = {(row, col) for r in ws.merged_cells.ranges
                  for row in range(r.min_row, r.max_row + 1) for col in range(r.min_col, r.max_col + 1)}
        widths = dict.fromkeys(range(1, COLUMNS + 1), 6.0)
        spans = []
        for cell in self.cells:
            value = self.formulas.get(cell.coordinate, cell.value)  # a formula shows its value
            need = display_width(value) * (1.1 if cell.font.b else 1.0) + 2
            if (cell.row, cell.column) in merged:
                spans.append((merged[(cell.row, cell.column)], need))
            elif (cell.row, cell.column) not in inside:
                widths[cell.column] = max(widths[cell.column], need)
        for span, need in spans:
            have = sum(widths[c] for c in range(span.min_col, span.max_col + 1))
            if have < need:
                widths[span.max_col] += need - have
        for col, width in widths.items():
            ws.column_dimensions[get_column_letter(col)].width = round(width, 1)


def build_workbook(summary: AnnualSummary) -> tuple[Workbook, dict[str, Decimal | int]]:
    """The workbook and the value of each formula cell (to be cached in the file by ``cached``)."""
    c = summary.contract
    wb = Workbook()
    ws = wb.active
    ws.title = "年度汇总"
    sh = _Sheet(ws)
    sh.title(c.project)
    sh.title("运维服务质量考核年度汇总", size=13)
    sh.note(f"合同编号 {c.number}；合同总价 人民币{c.total_amount:,.2f}元；签订 {c.signed_on.isoformat()}")

    sh.heading("一、各考核周期得分与扣减（附件2 第五条）")
    header = sh.line(["周期", "开始", "结束", "状态", "得分", "扣减比例", "扣减金额（元）", "扣减金额大写"], head=True)
    first = sh.row
    for line in summary.cycles:
        status = f"{line.state} 第{line.version}版" if line.assessed else "未考核"
        sh.line([f"第{line.number}周期", line.start, line.end, status, line.score,
                 line.tier_percent / 100 if line.assessed else None, line.withheld,
                 amount_in_words(line.withheld)], money=(7,))
        ws.cell(sh.row - 1, 2).number_format = ws.cell(sh.row - 1, 3).number_format = "yyyy-mm-dd"
        ws.cell(sh.row - 1, 6).number_format = "0%"
    last = sh.row - 1
    cycles_total = sh.line(["合计", None, None, None, None, None, None, amount_in_words(summary.withheld_total)],
                           money=(7,), bold=True)
    sh.formula(f"G{cycles_total}", f"=SUM(G{first}:G{last})", summary.withheld_total)

    chart = BarChart()
    chart.title = "各周期得分"
    chart.y_axis.title = "得分"
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
    chart.add_data(Reference(ws, min_col=5, min_row=first - 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.height, chart.width = 7, 16
    chart.legend = None

    sh.heading("二、付款计划（合同 五.1、五.2）")
    head = sh.line(["期次", "比例", "金额（元）", "本期扣减（元）", "实付（元）", "付款条件"], head=True)
    ws.merge_cells(start_row=head, start_column=6, end_row=head, end_column=COLUMNS)
    pay_rows = []
    for pay in summary.payments:
        row = sh.line([pay.label, pay.percent / 100, pay.amount, pay.absorbed, None, pay.terms], money=(3, 4, 5))
        sh.formula(f"E{row}", f"=C{row}-D{row}", pay.paid)
        ws.merge_cells(start_row=row, start_column=6, end_row=row, end_column=COLUMNS)
        ws.cell(row, 2).number_format = "0%"
        pay_rows.append(row)
    sh.note("各周期扣减金额在每次支付时从合同价款中扣减，均以合同总价为扣减基准（附件2）。")

    sh.heading("三、支付时扣减（合同 十一.2 每项承诺3%，十一.3 每次通报10,000.00元）")
    sh.line(["类别", "日期", "次数/项数", "说明", "扣减金额（元）"], head=True)
    first_deduction = sh.row
    for d in summary.deductions:
        sh.line([d.label, d.occurred_on, d.count, d.description, d.amount], money=(5,))
        ws.cell(sh.row - 1, 2).number_format = "yyyy-mm-dd"
    deductions_total = sh.line(["合计", None, None, None, None], money=(5,), bold=True)
    sh.formula(f"E{deductions_total}", f"=SUM(E{first_deduction}:E{deductions_total - 1})"
               if summary.deductions else "=0", summary.deductions_total)

    sh.heading("四、扣减合计与责任上限（合同 十二.2）")
    cap_note = "超过合同总金额，按十二.2封顶" if summary.capped else "未超过合同总金额"
    rows = {}
    for key, label, value in (("withheld", "考核扣减合计", summary.withheld_total),
                              ("deductions", "支付时扣减合计", summary.deductions_total),
                              ("liability", "扣减总额（封顶前）", summary.liability),
                              ("cap", f"责任上限（合同总金额）：{cap_note}", summary.cap),
                              ("effective", "扣减总额（适用上限后）", summary.effective_total),
                              ("payable", "合同应付合计（扣减后）", summary.payable),
                              ("claim_back", "两期付款不足扣减、应向乙方追回", summary.claim_back)):
        rows[key] = sh.line([label, None, None, value], money=(4,))
        ws.merge_cells(start_row=rows[key], start_column=1, end_row=rows[key], end_column=3)
    r = {key: f"D{row}" for key, row in rows.items()}
    sh.formula(r["withheld"], f"=G{cycles_total}", summary.withheld_total)
    sh.formula(r["deductions"], f"=E{deductions_total}", summary.deductions_total)
    sh.formula(r["liability"], f"=SUM({r['withheld']}:{r['deductions']})", summary.liability)
    sh.formula(r["effective"], f"=MIN({r['liability']},{r['cap']})", summary.effective_total)
    sh.formula(r["payable"], f"={c.total_amount}-{r['effective']}", summary.payable)
    absorbed = "+".join(f"D{row}" for row in pay_rows)
    sh.formula(r["claim_back"], f"={r['effective']}-({absorbed})", summary.claim_back)
    sh.note(f"扣减总额大写：人民币{amount_in_words(summary.effective_total)}")
    sh.note(f"合同应付合计大写：人民币{amount_in_words(summary.payable)}")
    sh.heading("五、年度供应商评价（附件2 三：考核分数折算）")
    sh.note(evaluation_text(summary))
    chart_row = sh.row + 1
    ws.add_chart(chart, f"A{chart_row}")  # below the tables, within the print width
    ws.row_breaks.append(Break(id=chart_row - 1))  # the chart starts a page, never cut in two

    sh.fit_columns()
    ws.freeze_panes = f"A{header + 1}"  # titles and the cycle table's header stay in view
    ws.print_title_rows = "1:2"
    ws.print_area = f"A1:{get_column_letter(COLUMNS)}{chart_row + CHART_ROWS}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"  # eight columns with the capitals: A4 across
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    wb.calculation.fullCalcOnLoad = True  # Excel and LibreOffice recalculate on opening anyway
    return wb, sh.formulas


def cached(xlsx: bytes, values: dict[str, Decimal | int], sheet: str = "xl/worksheets/sheet1.xml") -> bytes:
    """``xlsx`` with each formula cell's computed value stored beside its formula.

    openpyxl writes a formula with an empty value (``<f>SUM(G6:G9)</f><v></v>``); a viewer
    that does not calculate (a previewer, pandas, openpyxl's data_only) would show nothing.
    The values are the ones the app computed in Decimal, written as plain decimals.
    """
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    text = source.read(sheet).decode("utf-8")
    for ref, value in values.items():
        pattern = re.compile(rf'(<c r="{ref}"[^>]*>\s*<f>[^<]*</f>\s*)(?:<v\s*/>|<v>\s*</v>)?')
        text, n = pattern.subn(lambda m, v=value: f"{m.group(1)}<v>{v}</v>", text, count=1)
        if n != 1:
            raise ValueError(f"no formula cell {ref} in {sheet}")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = text.encode("utf-8") if info.filename == sheet else source.read(info.filename)
            target.writestr(info, data)
    return out.getvalue()


def write_annual_xlsx(summary: AnnualSummary, out: Path | str) -> Path:
    from panelapp.report.export import write_atomically

    buffer = io.BytesIO()
    workbook, formulas = build_workbook(summary)
    workbook.save(buffer)
    out = Path(out)
    write_atomically(out, cached(buffer.getvalue(), formulas))
    return out
