"""The annual summary as a PDF: cycles with a trend chart, money, payments, deductions, cap."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table

from panelapp.core.money import amount_in_words
from panelapp.report.annual import AnnualSummary, evaluation_text
from panelapp.report.canvas import MARGIN_X, PageDecor, canvas_maker
from panelapp.report.fonts import register_fonts
from panelapp.report.styles import styles, table_style
from panelapp.report.texts import yuan
from panelapp.report.wrapped import Bold, Part, Wrapped

GRID = colors.black
HEAD_BG = colors.Color(0.90, 0.90, 0.90)


def trend_chart(summary: AnnualSummary, width: float = 170 * mm, height: float = 58 * mm) -> Drawing:
    """Bars of each assessed cycle's total with the tier thresholds 95/85/80 drawn across."""
    body, _bold = register_fonts()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 28, 22, width - 60, height - 34
    chart.data = [[c.score for c in summary.cycles]]  # None: not assessed, no bar
    chart.categoryAxis.categoryNames = [f"第{c.number}周期" for c in summary.cycles]
    chart.categoryAxis.labels.fontName = body
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = body
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = colors.Color(0.35, 0.45, 0.6)
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = body
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 6
    drawing.add(chart)
    for threshold, label, dy in ((95, "≥95 不扣减", 1), (85, "≥85 扣5%", 1), (80, "≥80 扣10%", -7)):
        y = chart.y + chart.height * threshold / 100
        drawing.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=colors.Color(0.7, 0.2, 0.2),
                         strokeWidth=0.5, strokeDashArray=[2, 2]))
        drawing.add(String(chart.x + chart.width + 2, y + dy, label, fontName=body, fontSize=6.5,
                           fillColor=colors.Color(0.7, 0.2, 0.2)))
    return drawing


def _table(rows: list[list], widths: list[float], total_row: bool = False) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    cmds = [("GRID", (0, 0), (-1, -1), 0.6, GRID), ("BOX", (0, 0), (-1, -1), 1.0, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if total_row:
        cmds.append(("BACKGROUND", (0, -1), (-1, -1), HEAD_BG))
    table.setStyle(table_style(cmds))
    return table


def _p(text: Part | list[Part], style: str = "center") -> Wrapped:
    """A cell or paragraph broken into lines by report/wrap.py (plain text, never markup)."""
    return Wrapped(text, styles()[style])


def annual_story(summary: AnnualSummary) -> list:
    c = summary.contract
    story = [
        _p(c.project, "title"),
        _p("运维服务质量考核年度汇总", "title"),
        _p(f"合同编号 {c.number}　合同总价 人民币{yuan(c.total_amount)}元　签订 {c.signed_on.isoformat()}",
           "subtitle"),
        Spacer(1, 3 * mm),
        _p("一、各考核周期得分与扣减（附件2 第五条）", "h2"),
    ]
    rows = [[_p(t, "head") for t in ("周期", "考核期间", "状态", "得分", "扣减比例", "扣减金额（元）")]]
    for line in summary.cycles:
        status = f"{line.state} 第{line.version}版"
        rows.append([
            _p(f"第{line.number}周期"), _p(f"{line.start.isoformat()}至{line.end.isoformat()}"),
            _p(status if line.assessed else "未考核"),
            _p(str(line.score) if line.score is not None else "—"),
            _p(f"{line.tier_percent}%" if line.assessed else "—"),
            _p(yuan(line.withheld)),
        ])
    rows.append([_p("合计", "head"), "", "", "", "", _p(Bold(yuan(summary.withheld_total)))])
    table = _table(rows, [20 * mm, 50 * mm, 28 * mm, 16 * mm, 20 * mm, 46 * mm], total_row=True)
    table.setStyle(table_style([("SPAN", (0, -1), (4, -1))]))
    story += [table, Spacer(1, 2 * mm), trend_chart(summary)]

    story.append(_p("二、付款计划（合同 五.1、五.2）", "h2"))
    rows = [[_p(t, "head") for t in ("期次", "比例", "金额（元）", "本期扣减（元）", "实付（元）", "付款条件")]]
    for pay in summary.payments:
        rows.append([_p(pay.label), _p(f"{pay.percent:.0f}%"), _p(yuan(pay.amount)), _p(yuan(pay.absorbed)),
                     _p(yuan(pay.paid)), _p(pay.terms, "small")])
    story.append(_table(rows, [28 * mm, 12 * mm, 28 * mm, 28 * mm, 28 * mm, 56 * mm]))
    story.append(_p("附件2：各周期扣减金额在每次支付时从合同价款中扣减，均以合同总价为扣减基准。", "small"))

    story.append(_p("三、支付时扣减（合同 十一.2、十一.3）", "h2"))
    if summary.deductions:
        rows = [[_p(t, "head") for t in ("类别", "日期", "次数/项数", "说明", "扣减金额（元）")]]
        for d in summary.deductions:
            rows.append([_p(d.label, "small"), _p(d.occurred_on.isoformat()), _p(str(d.count)),
                         _p(d.description or "—", "small"), _p(yuan(d.amount))])
        rows.append([_p("合计", "head"), "", "", "", _p(Bold(yuan(summary.deductions_total)))])
        table = _table(rows, [50 * mm, 24 * mm, 22 * mm, 48 * mm, 36 * mm], total_row=True)
        table.setStyle(table_style([("SPAN", (0, -1), (3, -1))]))
        story.append(table)
    else:
        story.append(_p("考核组未记录支付时扣减。", "body"))
    story.append(_p("十一.2：每项未完成的投标承诺扣减合同总金额的3%；十一.3：每次通报批评扣减10,000.00元。", "small"))

    story.append(_p("四、扣减合计与责任上限（合同 十二.2）", "h2"))
    cap_note = ("超过合同总金额，按十二.2以合同总金额为上限" if summary.capped else "未超过合同总金额上限")
    rows = [
        [_p("考核扣减合计", "body"), _p(yuan(summary.withheld_total))],
        [_p("支付时扣减合计", "body"), _p(yuan(summary.deductions_total))],
        [_p("扣减总额（封顶前）", "body"), _p(yuan(summary.liability))],
        [_p(f"责任上限（合同总金额）：{cap_note}", "body"), _p(yuan(summary.cap))],
        [_p(Bold("扣减总额（适用上限后）"), "body"), _p(Bold(yuan(summary.effective_total)))],
        [_p("合同应付合计（扣减后）", "body"), _p(yuan(summary.payable))],
        [_p("两期付款不足扣减、应向乙方追回", "body"), _p(yuan(summary.claim_back))],
    ]
    table = Table(rows, colWidths=[124 * mm, 56 * mm])
    table.setStyle(table_style([("GRID", (0, 0), (-1, -1), 0.6, GRID), ("BOX", (0, 0), (-1, -1), 1.0, GRID),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story += [table, Spacer(1, 2 * mm), _p(
        f"扣减总额大写：人民币{amount_in_words(summary.effective_total)}；"
        f"合同应付合计大写：人民币{amount_in_words(summary.payable)}。", "result")]
    story += [_p("五、年度供应商评价（附件2 三：考核分数折算）", "h2"), _p(evaluation_text(summary), "body")]
    return story


def write_annual_pdf(summary: AnnualSummary, out: Path | str) -> Path:
    from panelapp.report.export import write_atomically

    body, bold = register_fonts()
    c = summary.contract
    decor = PageDecor(header_left=f"{c.project} 运维服务质量考核年度汇总", header_right=f"合同编号：{c.number}",
                      footer_lines=("本表由 panelapp 考核组评分台根据数据库生成；各周期以定稿评分表为准。",),
                      qr_payload=None, body_font=body, bold_font=bold)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                            topMargin=17 * mm, bottomMargin=29 * mm,
                            title=f"{c.project} 运维服务质量考核年度汇总", author="panelapp 考核组评分台",
                            subject=f"合同{c.number} 年度汇总", creator="panelapp")
    doc.build(annual_story(summary), canvasmaker=canvas_maker(decor))
    out = Path(out)
    write_atomically(out, buffer.getvalue())
    return out
