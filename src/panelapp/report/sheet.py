"""The score sheet: the contract's 附件3 form filled in, result, signatures, evidence appendix."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from panelapp.core.money import amount_in_words
from panelapp.report.canvas import MARGIN_X, PageDecor, canvas_maker
from panelapp.report.grouped import GroupedTable
from panelapp.report.model import SheetInput, evidence_rows, period_text
from panelapp.report.styles import styles, table_style
from panelapp.report.texts import settings_lines, tier_text, yuan
from panelapp.report.wrap import wrap_lines
from panelapp.report.wrapped import Bold, Small, Wrapped

GRID = colors.black
HEAD_BG = colors.Color(0.90, 0.90, 0.90)
COLS = [24 * mm, 23 * mm, 10 * mm, 60 * mm, 10 * mm, 53 * mm]  # 180 mm
APPENDIX_COLS = [9 * mm, 21 * mm, 25 * mm, 62 * mm, 40 * mm, 23 * mm]  # 日期 fits "2025-02-18 14:20"
TALL_ROW = 250  # points; rows taller than this may be split across pages
DATE_BLANK = "\u3000\u3000年\u3000\u3000月\u3000\u3000日"  # plain text: Paragraph would collapse the spaces
SHEET_KIND = "panelapp-score-sheet"
PROVISIONAL_NOTE = ("预评：评定日{day}早于本周期最后一天{end}，尚未到期的事项（未结束的周、"
                    "本周期缺陷分析报告、未结束的特殊时期、未到期的故障报告等）未扣分；预评不能定稿。")


def metadata_keywords(sheet: SheetInput) -> str:
    """Machine-readable identity stored in the PDF /Keywords (read back by verify-pdf)."""
    parts = {
        "kind": SHEET_KIND,
        "cycle_id": "" if sheet.cycle_id is None else str(sheet.cycle_id),
        "contract": sheet.data.contract.number,
        "cycle": str(sheet.data.cycle),
        "version": str(sheet.version),
        "fingerprint": sheet.fingerprint,
        **identity_extra(sheet),  # status, export time, app version, chain head (report.rederive)
    }
    return ";".join(f"{k}={v}" for k, v in parts.items())


def identity_extra(sheet: SheetInput) -> dict[str, str]:
    from panelapp.report.rederive import keyword_identity

    return keyword_identity(sheet)


def parse_keywords(text: str) -> dict[str, str]:
    out = {}
    for part in (text or "").split(";"):
        key, sep, value = part.partition("=")
        if sep:
            out[key.strip()] = value.strip()
    return out


def _title_block(sheet: SheetInput) -> list:
    st = styles()
    data, c = sheet.data, sheet.data.contract
    period = c.cycle(data.cycle)
    status = (f"已定稿（{sheet.finalised_by or ''}，{sheet.finalised_at:%Y-%m-%d %H:%M}）"
              if sheet.status == "final" and sheet.finalised_at else "未定稿")
    info = [
        [Wrapped(f"采购人：{c.purchaser}", st["body"]), Wrapped(f"供应商：{c.vendor}", st["body"])],
        [Wrapped(f"合同编号：{c.number}", st["body"]),
         Wrapped(f"合同总价：人民币{yuan(c.total_amount)}元", st["body"])],
        [Wrapped(f"考核日期：{data.assessed_on.isoformat()}", st["body"]),
         Wrapped([f"第{sheet.version}版　", Bold("预评"), f"　{status}"] if sheet.result.provisional
                 else f"第{sheet.version}版　{status}", st["body"])],
    ]
    if sheet.version > 1 and sheet.reopen_reason:
        info.append([Wrapped(f"第{sheet.version - 1}版定稿后重新打开，理由：{sheet.reopen_reason}", st["body"]), ""])
    info_table = Table(info, colWidths=[92 * mm, 88 * mm])
    info_table.setStyle(table_style([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                     ("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]
                                    + ([("SPAN", (0, 3), (1, 3))] if len(info) > 3 else [])))
    return [
        Wrapped(c.project, st["title"]),
        Wrapped("运维服务质量评价评分表", st["title"]),
        Wrapped(f"第{data.cycle}考核周期（{period_text(period.start, period.end)}）", st["subtitle"]),
        Spacer(1, 3 * mm),
        info_table,
        Spacer(1, 2 * mm),
    ]


def _score_table(sheet: SheetInput) -> GroupedTable:
    st = styles()
    res, scheme, settings = sheet.result, sheet.scheme, sheet.data.settings
    head = [Wrapped(t, st["head"]) for t in ("一级指标", "二级指标", "分值", "指标说明", "得分", "扣分说明")]
    rows: list[list] = [head]
    groups: list[tuple | None] = [None]
    tall: list[int] = []
    for section in scheme.sections:
        sec_result = res.section(section.id)
        label = (f"{section.sheet_name}\n", Small(f"（{section.points}分，得{sec_result.score}分）", 7.5))
        for item in (i for i in scheme.items if i.section == section.id):
            r = res.item(item.id)
            description = scheme.sheet_description(item, settings)
            explanation = "\n".join([r.explanation] + [f"注：{note}。" for _key, note
                                                          in scheme.sheet_notes(settings, item.id)])
            cell = st["cell"]
            lines = wrap_lines(explanation, cell.fontName, cell.fontSize, COLS[5] - 6)
            if len(lines) * cell.leading > TALL_ROW:
                # A row that will be split across pages: plain text cells (wrapped once here, split by
                # lines without re-wrapping; ReportLab splits them at 1.2 x font size, so that is their
                # leading) and TOP alignment (ReportLab re-pads MIDDLE cells at every in-row split).
                tall.append(len(rows))
                small = st["small"]
                desc_cell = "\n".join(wrap_lines(description, small.fontName, small.fontSize, COLS[3] - 6))
                expl_cell = "\n".join(lines)
            else:
                desc_cell = [Wrapped(description, st["small"])]
                expl_cell = [Wrapped(explanation, cell)]
            rows.append([
                "",
                Wrapped(item.name, st["center"]),
                Wrapped(str(item.max), st["center"]),
                desc_cell,
                Wrapped(Bold(str(r.score)), st["center"]),
                expl_cell,
            ])
            groups.append(label)
    total_row = len(rows)
    printed = {section.id: section.sheet_name for section in scheme.sections}  # 附件3's words
    sections = "，".join(f"{printed.get(s.id, s.name)}{s.score}分" for s in res.sections)
    rows.append([
        Wrapped("合计", st["section"]), "",
        Wrapped(str(scheme.base), st["center"]),
        Wrapped(sections, st["small"]),
        Wrapped(Bold(str(res.total)), st["center"]),
        Wrapped(tier_text(scheme, res.tier_percent), st["cell"]),
    ])
    groups.append(None)
    table = GroupedTable(rows, colWidths=COLS, repeatRows=1, splitByRow=1, splitInRow=1)
    table.row_groups = groups
    table.tall_row = TALL_ROW
    table.group_style = st["section"]
    table.setStyle(table_style([
        ("LINEBELOW", (1, 0), (-1, -1), 0.6, GRID),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.6, GRID),
        ("LINEBELOW", (0, 0), (0, 0), 0.6, GRID),
        ("BOX", (0, 0), (-1, -1), 1.0, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (3, 1), (3, -1), "TOP"),
        ("VALIGN", (5, 1), (5, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("SPAN", (0, total_row), (1, total_row)),
        ("BACKGROUND", (0, total_row), (-1, total_row), HEAD_BG),
    ] + [cmd for row in tall for cmd in _tall_row_style(row)]))
    return table


def _tall_row_style(row: int) -> list[tuple]:
    st = styles()
    small, cell = st["small"], st["cell"]
    return [
        ("VALIGN", (0, row), (-1, row), "TOP"),
        ("FONTSIZE", (3, row), (3, row), small.fontSize), ("LEADING", (3, row), (3, row), 1.2 * small.fontSize),
        ("FONTSIZE", (5, row), (5, row), cell.fontSize), ("LEADING", (5, row), (5, row), 1.2 * cell.fontSize),
    ]


def _result_block(sheet: SheetInput) -> list:
    st = styles()
    res, c = sheet.result, sheet.data.contract
    amount = res.deduction_amount
    money = ["本周期扣减金额：人民币", Bold(yuan(amount)), "元（大写：", Bold(amount_in_words(amount)),
             f"），以合同总价人民币{yuan(c.total_amount)}元为扣减基准。"]
    out = [
        Wrapped("考核结果", st["h2"]),
        Wrapped(["本周期得分：", Bold(str(res.total)), f"分。{tier_text(sheet.scheme, res.tier_percent)}。"],
                st["result"]),
        *([Wrapped(PROVISIONAL_NOTE.format(day=sheet.data.assessed_on.isoformat(), end=res.end.isoformat()),
                   st["result"])] if res.provisional else []),
        Wrapped(money, st["result"]),
        Wrapped("本周期执行的计分设置", st["h2"]),
    ]
    lines = [Wrapped("· " + line, st["small"]) for line in settings_lines(sheet.scheme, sheet.data.settings)]
    half = (len(lines) + 1) // 2
    grid = [[lines[i], lines[i + half] if i + half < len(lines) else ""] for i in range(half)]
    settings = Table(grid, colWidths=[100 * mm, 80 * mm])
    settings.setStyle(table_style([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]))
    out.append(settings)
    return out


def _signature_block(sheet: SheetInput) -> list:
    st = styles()
    rows = [[Wrapped(t, st["head"]) for t in ("序号", "姓名", "考核组职务", "签字", "日期")]]
    panel = sheet.data.panel or ()
    for n, member in enumerate(panel, start=1):
        rows.append([Wrapped(str(n), st["center"]), Wrapped(member.name, st["center"]),
                     Wrapped(member.role, st["center"]), "", DATE_BLANK])
    if not panel:
        rows.append(["", "", "", "", DATE_BLANK])
    table = Table(rows, colWidths=[12 * mm, 34 * mm, 34 * mm, 60 * mm, 40 * mm],
                  rowHeights=[7 * mm] + [10 * mm] * (len(rows) - 1))
    table.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), 0.6, GRID), ("BOX", (0, 0), (-1, -1), 1.0, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (4, 1), (4, -1), "CENTER"), ("FONTSIZE", (4, 1), (4, -1), 9),
    ]))
    vendor = Table([[
        Wrapped(f"供应商确认：{sheet.data.contract.vendor}（盖章）", st["body"]),
        Wrapped("确认人签字：", st["body"]), "", DATE_BLANK,
    ]], colWidths=[80 * mm, 24 * mm, 36 * mm, 40 * mm], rowHeights=[12 * mm])
    vendor.setStyle(table_style([
        ("BOX", (0, 0), (-1, -1), 1.0, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (3, 0), (3, 0), "CENTER"), ("FONTSIZE", (3, 0), (3, 0), 9),
        ("LINEBELOW", (2, 0), (2, 0), 0.6, GRID),
        ("BOTTOMPADDING", (2, 0), (2, 0), 8),
    ]))
    return [KeepTogether([
        Wrapped("考核组签字", st["h2"]), table, Spacer(1, 4 * mm),
        Wrapped("供应商确认", st["h2"]), vendor,
    ])]


def _appendix(sheet: SheetInput) -> list:
    st = styles()
    rows_in = evidence_rows(sheet.data, sheet.result)
    head = [Wrapped(t, st["head"]) for t in ("序号", "类别", "日期", "内容", "附件（名称 · SHA-256前12位）", "所涉扣分")]
    rows: list[list] = [head]
    small = st["small"]
    inner = [w - 5 for w in APPENDIX_COLS]  # minus the 2.5 pt paddings

    for n, row in enumerate(rows_in, start=1):
        texts = [[str(n)], [row.label], [row.when], [row.text],
                 [f"{f.name} · {f.sha256[:12]}" for f in row.files] or ["—"], list(row.costs) or ["不扣分"]]
        # plain text cells, wrapped once here (fast); a row tall enough to be split across pages
        # keeps paragraphs (same line breaker), which ReportLab splits correctly
        wrapped = [wrap_lines("\n".join(t), small.fontName, small.fontSize, inner[col]) for col, t in enumerate(texts)]
        if max(len(lines) for lines in wrapped) * small.leading > TALL_ROW:
            rows.append([[Wrapped("\n".join(t), small)] for t in texts])
        else:
            rows.append(["\n".join(lines) for lines in wrapped])
    out = [PageBreak(), Wrapped(f"附：证据清单（共{len(rows_in)}条）", st["h2"]),
           Wrapped("“所涉扣分”为该条证据所在扣分项的应扣分；各二级指标扣完为止，实扣分以评分表为准。", st["small"]),
           Spacer(1, 2 * mm)]
    if not rows_in:
        out.append(Wrapped("本周期无证据记录。", st["body"]))
        return out
    table = GroupedTable(rows, colWidths=APPENDIX_COLS, repeatRows=1, splitByRow=1, splitInRow=1)
    table.setStyle(table_style([
        ("GRID", (0, 0), (-1, -1), 0.5, GRID), ("BOX", (0, 0), (-1, -1), 1.0, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("FONTSIZE", (0, 1), (-1, -1), small.fontSize), ("LEADING", (0, 1), (-1, -1), small.leading),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
    ]))
    out.append(table)
    return out


def page_decor(sheet: SheetInput) -> PageDecor:
    from panelapp.report.fonts import register_fonts

    body, bold = register_fonts()
    c = sheet.data.contract
    return PageDecor(
        header_left=f"{c.project} 运维服务质量评价评分表（附件3）",
        header_right=f"合同编号：{c.number}",
        footer_lines=(
            f"第{sheet.data.cycle}考核周期 · 第{sheet.version}版"
            + (f" · 导出于 {sheet.generated_at:%Y-%m-%d %H:%M}" if sheet.generated_at else "")
            + " · 数据指纹（SHA-256）：",
            sheet.fingerprint,
            *((f"审计链头（导出时，verify-db 与见证记录核对）：{sheet.chain_head}",) if sheet.chain_head else ()),
            "核验：panelapp verify-pdf 本文件；指纹与数据库当前数据一致方为有效。",
        ),
        qr_payload=f"panelapp:{c.number}:c{sheet.data.cycle}:v{sheet.version}:{sheet.fingerprint}",
        body_font=body,
        bold_font=bold,
        watermark="预评" if sheet.result.provisional else None,
    )


def build_score_sheet(sheet: SheetInput, out: Path | BinaryIO) -> None:
    """Write the score sheet PDF for ``sheet`` to ``out`` (a path or a binary stream)."""
    styles()
    c = sheet.data.contract
    doc = SimpleDocTemplate(
        str(out) if isinstance(out, Path) else out,
        pagesize=A4,
        leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=17 * mm, bottomMargin=29 * mm,
        title=f"{c.project} 运维服务质量评价评分表 第{sheet.data.cycle}考核周期 第{sheet.version}版",
        author="panelapp 考核组评分台",
        subject=f"合同{c.number} 第{sheet.data.cycle}考核周期 数据指纹 {sheet.fingerprint}",
        keywords=metadata_keywords(sheet),
        creator="panelapp",
    )
    story = _title_block(sheet) + [_score_table(sheet)] + _result_block(sheet)
    story += [Spacer(1, 3 * mm)] + _signature_block(sheet) + _appendix(sheet)
    doc.build(story, canvasmaker=canvas_maker(page_decor(sheet)))
