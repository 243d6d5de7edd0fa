"""The annual summary as an .xlsx workbook (openpyxl): values exact (Decimal), a bar chart of the scores."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from panelapp.core.money import amount_in_words
from panelapp.report.annual import AnnualSummary, evaluation_text

FONT = "宋体"
MONEY = "#,##0.00"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E6E6E6")


class _Sheet:
    def __init__(self, ws):
        self.ws, self.row = ws, 1

    def title(self, text: str, size: int = 14, span: int = 7) -> None:
        cell = self.ws.cell(self.row, 1, text)
        cell.font = Font(name=FONT, size=size, bold=True)
        cell.alignment = Alignment(horizontal="center")
        self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=span)
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
        self.row += 1
        return self.row - 1

    def note(self, text: str) -> None:
        self.ws.cell(self.row, 1, text).font = Font(name=FONT, size=9, color="555555")
        self.row += 1


def build_workbook(summary: AnnualSummary) -> Workbook:
    c = summary.contract
    wb = Workbook()
    ws = wb.active
    ws.title = "年度汇总"
    for col, width in zip("ABCDEFG", (16, 13, 13, 16, 9, 11, 18), strict=True):
        ws.column_dimensions[col].width = width
    sh = _Sheet(ws)
    sh.title(c.project)
    sh.title("运维服务质量考核年度汇总", size=13)
    sh.note(f"合同编号 {c.number}；合同总价 人民币{c.total_amount:,.2f}元；签订 {c.signed_on.isoformat()}")

    sh.heading("一、各考核周期得分与扣减（附件2 第五条）")
    sh.line(["周期", "开始", "结束", "状态", "得分", "扣减比例", "扣减金额（元）"], head=True)
    first = sh.row
    for line in summary.cycles:
        status = (("已定稿" if line.final else ("预评" if line.provisional else "未定稿")) + f" 第{line.version}版") if line.assessed else "未考核"
        sh.line([f"第{line.number}周期", line.start, line.end, status, line.score,
                 line.tier_percent / 100 if line.assessed else None, line.withheld], money=(7,))
        ws.cell(sh.row - 1, 2).number_format = ws.cell(sh.row - 1, 3).number_format = "yyyy-mm-dd"
        ws.cell(sh.row - 1, 6).number_format = "0%"
    last = sh.row - 1
    sh.line(["合计", None, None, None, None, None, summary.withheld_total], money=(7,), bold=True)

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
    ws.merge_cells(start_row=head, start_column=6, end_row=head, end_column=7)
    for pay in summary.payments:
        row = sh.line([pay.label, pay.percent / 100, pay.amount, pay.absorbed, pay.paid, pay.terms], money=(3, 4, 5))
        ws.merge_cells(start_row=row, start_column=6, end_row=row, end_column=7)
        ws.row_dimensions[row].height = 30
        ws.cell(row, 2).number_format = "0%"
    sh.note("各周期扣减金额在每次支付时从合同价款中扣减，均以合同总价为扣减基准（附件2）。")

    sh.heading("三、支付时扣减（合同 十一.2 每项承诺3%，十一.3 每次通报10,000.00元）")
    sh.line(["类别", "日期", "次数/项数", "说明", "扣减金额（元）"], head=True)
    for d in summary.deductions:
        sh.line([d.label, d.occurred_on, d.count, d.description, d.amount], money=(5,))
        ws.cell(sh.row - 1, 2).number_format = "yyyy-mm-dd"
    sh.line(["合计", None, None, None, summary.deductions_total], money=(5,), bold=True)

    sh.heading("四、扣减合计与责任上限（合同 十二.2）")
    cap_note = "超过合同总金额，按十二.2封顶" if summary.capped else "未超过合同总金额"
    for label, value in (("考核扣减合计", summary.withheld_total), ("支付时扣减合计", summary.deductions_total),
                         ("扣减总额（封顶前）", summary.liability), (f"责任上限（合同总金额）：{cap_note}", summary.cap),
                         ("扣减总额（适用上限后）", summary.effective_total), ("合同应付合计（扣减后）", summary.payable),
                         ("两期付款不足扣减、应向乙方追回", summary.claim_back)):
        row = sh.line([label, None, None, value], money=(4,))
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
    sh.note(f"扣减总额大写：人民币{amount_in_words(summary.effective_total)}")
    sh.note(f"合同应付合计大写：人民币{amount_in_words(summary.payable)}")
    sh.heading("五、年度供应商评价（附件2 三：考核分数折算）")
    sh.note(evaluation_text(summary))
    ws.add_chart(chart, f"A{sh.row + 1}")  # below the tables, so it prints on the same A4 width

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    return wb


def write_annual_xlsx(summary: AnnualSummary, out: Path | str) -> Path:
    from panelapp.report.export import write_atomically

    buffer = io.BytesIO()
    build_workbook(summary).save(buffer)
    out = Path(out)
    write_atomically(out, buffer.getvalue())
    return out
