"""The score sheet read back: content, fonts, pages, numbering, layout under stress."""

import io
import re

import pytest
from pdflines import rendered_lines, rule_breaks
from pypdf import PdfReader
from samples import big_cycle, cycle2

from conftest import flat, pdf_pages
from panelapp.core.engine import score_cycle
from panelapp.core.money import amount_in_words
from panelapp.core.scheme import load_scheme
from panelapp.report.export import render_score_sheet
from panelapp.report.fingerprint import cycle_fingerprint
from panelapp.report.model import SheetInput
from panelapp.report.sheet import parse_keywords


def render(data, **kw):
    sheet = SheetInput(data, score_cycle(data), load_scheme(data.contract.scheme), cycle_fingerprint(data), **kw)
    return sheet, render_score_sheet(sheet)


@pytest.fixture(scope="module")
def sample():
    return render(cycle2(), cycle_id=7, version=3)


def test_items_scores_explanations_total_and_capitals(sample):
    sheet, pdf = sample
    text = flat("".join(pdf_pages(pdf)))
    res = sheet.result
    assert res.total == 87 and str(res.deduction_amount) == "127250.00"
    for title in ("平顶山市“互联网+政务服务”平台运维项目", "运维服务质量评价评分表", "第2考核周期",
                  "2024年12月30日至2025年3月29日", "一级指标", "二级指标", "分值", "指标说明", "得分", "扣分说明",
                  "运维材料完整性", "系统运行稳定性", "运维服务支持响应度", "合计", "第3版"):
        assert title in text, title
    for item in res.items:
        assert item.name in text
        assert flat(item.explanation) in text, item.id
    assert "本周期得分：87分" in text
    assert "127,250.00" in text
    assert amount_in_words(res.deduction_amount) == "壹拾贰万柒仟贰佰伍拾元整"
    assert "壹拾贰万柒仟贰佰伍拾元整" in text
    assert "得分高于（等于）85分且不足95分，扣减合同总价的5%" in text
    assert "违规未改正每次扣分：1分" in text  # the applied setting is printed
    for name in ("组员甲", "组员乙", "组员丙"):
        assert name in text
    assert "供应商确认" in text and "中电信数智科技有限公司河南分公司" in text


def test_score_cells_in_item_rows(sample):
    """Each item row reads name, max, ..., score: the score follows its description."""
    sheet, pdf = sample
    text = flat("".join(pdf_pages(pdf)))
    item = sheet.result.item("3.3")
    assert item.score == 8
    assert re.search(r"运维支撑服务101、按以下情况进行扣分.*?每发生一次，扣3分。8", text)


def test_header_fingerprint_and_page_numbers_on_every_page(sample):
    sheet, pdf = sample
    pages = pdf_pages(pdf)
    assert len(pages) >= 3
    for n, page in enumerate(pages, start=1):
        assert "合同编号：HAJCR2401215EGN00" in page
        assert sheet.fingerprint in flat(page)
        assert f"第 {n} 页 共 {len(pages)} 页" in page


def test_metadata_identifies_cycle_and_fingerprint(sample):
    sheet, pdf = sample
    meta = PdfReader(io.BytesIO(pdf)).metadata
    keys = parse_keywords(meta["/Keywords"])
    assert keys["cycle_id"] == "7" and keys["version"] == "3"
    assert keys["fingerprint"] == sheet.fingerprint
    assert sheet.fingerprint in meta["/Subject"]


def test_fonts_are_embedded_subsets(sample):
    _sheet, pdf = sample
    reader = PdfReader(io.BytesIO(pdf))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"])
            seen.add(name)
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, name  # TrueType program embedded
            assert re.match(r"/[A-Z]{6}\+", name), name  # subset tag
    assert any("NotoSerifSC" in n for n in seen) and any("NotoSansSC-Bold" in n for n in seen)


def test_qr_code_on_every_page(sample):
    _sheet, pdf = sample
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        assert any("panelappQR" in str(k) for k in xobjects), "QR form missing"


def test_300_evidence_items_pages_numbering_and_appendix():
    data = big_cycle(300)
    assert data.evidence.count() == 300
    sheet, pdf = render(data)
    pages = pdf_pages(pdf)
    total = len(pages)
    assert 10 <= total <= 40
    for n, page in enumerate(pages, start=1):
        assert f"第 {n} 页 共 {total} 页" in page
    text = flat("".join(pages))
    assert "附：证据清单（共300条）" in text
    # every evidence row is numbered 1..300, header repeated on every appendix page
    appendix = [p for p in pages if "所涉扣分" in p]
    assert len(appendix) >= 5
    assert all("序号" in p and "内容" in p for p in appendix)
    # attachments with their SHA-256 prefix, and the points each item cost
    ev = data.evidence.security_events[1]
    assert ev.files[0].sha256[:12] in text
    assert "3.2扣1分" in text  # an unexcused absence
    assert "2.2扣2分" in text or "2.2扣3分" in text


def test_long_explanations_split_across_pages_with_header_and_section_repeated():
    data = big_cycle(300, long_text=True)
    sheet, pdf = render(data)
    pages = pdf_pages(pdf)
    explanation = sheet.result.item("2.2").explanation
    assert len(explanation) > 8000  # several pages worth
    table_pages = [p for p in pages if "扣分说明" in p]
    assert len(table_pages) >= 3
    for page in table_pages:  # header row repeated on every page of the table
        assert all(h in page for h in ("一级指标", "二级指标", "分值", "指标说明", "得分"))
    # the 一级指标 of a section split over pages is printed again on the continuation page
    assert sum("系统运行稳定性" in flat(p) for p in table_pages) >= 2
    assert flat(explanation)[-40:] in flat("".join(pages))
    # the rows split across pages are pre-wrapped plain strings: the same breaking rules hold
    assert rule_breaks(rendered_lines(pdf)) == []


def test_unfinalised_and_finalised_status_printed():
    from datetime import datetime

    _s, pdf = render(cycle2())
    assert "未定稿" in flat(pdf_pages(pdf)[0])
    _s, pdf = render(cycle2(), status="final", finalised_by="组员甲", finalised_at=datetime(2025, 4, 3, 10, 5))
    assert "已定稿（组员甲，2025-04-0310:05）" in flat(pdf_pages(pdf)[0])
