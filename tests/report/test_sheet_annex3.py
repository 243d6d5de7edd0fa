"""The sheet that calls itself 附件3 prints 附件3's 指标说明 verbatim, and every PDF line obeys the breaking rules.

附件3's texts are checked twice: against the copy below (so the test runs anywhere,
CI included) and against shared/domain/contract-excerpt.md when that file is beside
the checkout (it quotes the signed contract; contract-full.txt is its source).
"""

import re
from pathlib import Path

import pytest
from pdflines import rendered_lines, rule_breaks
from samples import big_cycle, cycle2

from conftest import flat
from panelapp.core.engine import score_cycle
from panelapp.core.evidence import Settings
from panelapp.core.scheme import load_scheme
from panelapp.report.annual import annual_summary
from panelapp.report.annual_pdf import write_annual_pdf
from panelapp.report.export import render_score_sheet
from panelapp.report.fingerprint import cycle_fingerprint
from panelapp.report.model import SheetInput
from panelapp.report.sheet import COLS, MARGIN_X

EXCERPT = Path(__file__).parents[2].parent / "shared" / "domain" / "contract-excerpt.md"

# 附件3 as signed: 一级指标, 二级指标, 分值, 指标说明 (no “满分X分，”; “全务全部中断”, “投标人值班工程师”,
# 3.2② 扣 2 分, the spaces around some figures: all as printed in the contract).
ANNEX3 = [
    ("运维材料完整性", "日常巡检报告", 5,
     "按照巡检方案定期开展系统巡检，每周不少于1次，并出具报告，考核周期内每缺少一次，扣1分，扣完为止。"),
    ("运维材料完整性", "特巡特维报告", 5,
     "在重大活动、会议、工作检查等特殊时期，按照管理单位要求执行特别巡视和维护，并出具报告，考核周期内每缺少1次，扣2分，扣完为止。"),
    ("运维材料完整性", "缺陷分析报告", 5,
     "定期开展系统缺陷（含安全隐患）分析，制定隐患处理措施，每考核周期不少于1次，并出具报告，考核周期内每缺少一次，扣5分。"),
    ("运维材料完整性", "应急演练报告", 5,
     "协助管理方开展应急演练，并出具报告，全部服务期内至少开展 2 次，每半年召开 1 次，每半年为一个考核周期，未进行演练的扣 5 分。"),
    ("运维材料完整性", "培训记录材料", 5,
     "对平台使用人员进行培训，编写培训资料，针对每次培训，将培训教材、培训签到表、培训照片进行归档保存，全部服务期内至少开展 2 次，每半年召开 1 次，每半年为一个考核周期，未进行培训的扣 5 分。"),
    ("系统运行稳定性", "系统运行故障", 20,
     "因运维服务单位原因（包括安全漏洞、功能缺陷、代码缺陷、兼容性问题、实施问题等）导致的安全运行事件，考核周期内每发生一次，根据安全运行事件类型扣减相应分数，扣分不设下限。 一级重大故障：造成一种或几种业务全务全部中断，中断时间超过 5 小时，并造成严重影响。考核周期内每发生一次扣 20 分。二级较大故障：出现以下情形，考核周期内每发生一次扣 15 分。①造成一种或几种业务全部中断时间超过 1 小时，并造成严重影响。②造成一种或几种业务质量劣化，故障时间超过 2 小时，并造成严重影响。三级一般故障：出现以下情形，考核周期内每发生一次扣 10 分。①造成一种或几种业务全部中断，中断时间超过 20 分钟，并造成严重影响。②造成一种或几种业务质量劣化，故障时间超过 1 小时，并造成严重影响。四级其它故障：除以上三类故障以外的其它故障。考核周期内每发生一次扣 5 分。"),
    ("系统运行稳定性", "安全运行事件", 20,
     "因运维服务单位原因（包括安全漏洞、功能缺陷、代码缺陷、兼容性问题、实施问题等）导致的安全运行事件，考核周期内每发生一次，根据安全运行事件类型扣减相应分数，扣分不设下限。①发生重大安全运行事件，导致网络中断、系统瘫痪、网络数据及用户个人信息泄露的，每发生一次扣 20 分。②在上级安全部门组织进行的各类安全检测活动中，因本地安全问题被通报的，每次扣 5 分，进行安全提醒的，每次扣 3 分。③在日常安全检查中发现安全隐患的，每次扣 2 分。"),
    ("运维服务支持响应度", "故障响应", 15,
     "1、按以下情况进行扣分，扣完即止。 2、扣分情况包括： ①发生系统运行故障时，不能根据技术服务要求及承诺及时提供电话应急支持或现场技术支持，每发生一次，扣 1 分； ②发生系统运行故障时，不能在规定时间内恢复正常运行，每发生一次，扣 1 分； ③须在故障排除后 3 天内提交《故障处理及分析报告》，每逾期 1 天扣 1 分。"),
    ("运维服务支持响应度", "现场驻点服务", 10,
     "1、按以下情况进行扣分，扣完即止。 2、扣分情况包括：①现场驻点维护人员无故不在采购人指定驻点场所，每缺席一次，扣 1 分；②现场驻点维护人员不按照采购人服务规范要求执行，被采购人书面通报后仍拒绝改正，每发生一次，扣 2 分；③非工作时间（双休日、法定节假日、夜间等）无法联系上投标人值班工程师或未在规定时间内赶到现场的，每累计发生三次，扣 1 分，情节严重者，需承担所造成的影响。"),
    ("运维服务支持响应度", "运维支撑服务", 10,
     "1、按以下情况进行扣分，扣完即止。 2、扣分情况包括：①未完成投标人在投标时的各项书面承诺，每项承诺扣 2 分；②未及时完成因国家政策、上级发文、实际业务调整等原因，导致的流程调整、功能完善、系统对接、系统扩容等系统优化服务，造成采购人没有在上级部门、相关政策规定时限内完成工作任务或影响相关部门对采购人的考核指标，每发生一次，扣3分。"),
]


def sheet_texts(settings: Settings) -> list[tuple[str, str, int, str]]:
    scheme = load_scheme("pingdingshan-2024")
    names = {s.id: s.sheet_name for s in scheme.sections}
    return [(names[i.section], i.name, i.max, scheme.sheet_description(i, settings)) for i in scheme.items]


def excerpt_annex3() -> tuple[list[tuple[str, str, int, str]], list[str]]:
    """附件3's rows of contract-excerpt.md's table, and its 合计 row."""
    part = EXCERPT.read_text("utf-8").split("## 附件 3", 1)[1]
    rows, total, section = [], [], ""
    for line in part.splitlines():
        if not line.startswith("| ") or line.startswith("| ---"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == "一级指标":
            continue
        if cells[0] == "合计":
            total = cells
            continue
        section = cells[0] or section
        rows.append((section, cells[1], int(cells[2]), cells[3]))
    return rows, total


@pytest.mark.parametrize("points", [1, 2])
def test_the_sheet_texts_are_annex3_whatever_the_setting(points):
    assert sheet_texts(Settings(violation_points=points)) == ANNEX3


def test_the_copy_here_is_the_excerpt_of_the_contract():
    if not EXCERPT.exists():
        pytest.skip("shared/domain/contract-excerpt.md is not beside this checkout")
    rows, total = excerpt_annex3()
    assert rows == ANNEX3
    assert sheet_texts(Settings()) == rows
    assert total[:3] == ["合计", "", str(load_scheme("pingdingshan-2024").base)]


def render(data):
    sheet = SheetInput(data, score_cycle(data), load_scheme(data.contract.scheme), cycle_fingerprint(data))
    return render_score_sheet(sheet)


def description_column(pdf: bytes) -> str:
    """The 指标说明 column of the score table, read back line by line in page order."""
    left = MARGIN_X + sum(COLS[:3])
    lines = [ln for ln in rendered_lines(pdf) if left <= ln.x < left + COLS[3] and "扣分说明" not in ln.text]
    return flat("".join(ln.text for ln in sorted(lines, key=lambda ln: (ln.page, -ln.y))))


@pytest.fixture(scope="module")
def sheet_pdf():
    return render(cycle2())


def test_the_printed_column_reads_annex3(sheet_pdf):
    column = description_column(sheet_pdf)
    at = 0
    for _section, _name, _points, text in ANNEX3:
        found = column.find(flat(text), at)
        assert found >= 0, text[:30]
        at = found + len(flat(text))
    assert "满分" not in column


def test_third_section_is_named_as_on_the_form(sheet_pdf):
    text = flat("".join(ln.text for ln in rendered_lines(sheet_pdf)))
    assert "支撑响应度" not in text
    assert re.search(r"运维服务支持响应度\d+分", text)  # the 合计 row


def test_the_1_point_reading_of_3_2_is_said_in_words(sheet_pdf):
    text = flat("".join(ln.text for ln in rendered_lines(sheet_pdf)))
    assert cycle2().settings.violation_points == 1
    assert "注：②按附件2每发生一次扣1分执行，未按本表（附件3）所列的扣2分。" in text  # 3.2's 扣分说明
    assert "违规未改正每次扣分：1分——3.2②按附件2每发生一次扣1分执行" in text  # the settings line
    data = cycle2(settings=Settings(violation_points=2))
    text = flat("".join(ln.text for ln in rendered_lines(render(data))))
    assert "按附件2每发生一次扣1分" not in text
    assert "违规未改正每次扣分：2分（附件2为1分，附件3为2分；默认按附件2，默认1）" in text


def test_every_line_of_the_sheet_obeys_the_breaking_rules(sheet_pdf):
    lines = rendered_lines(sheet_pdf)
    assert len(lines) > 300
    assert rule_breaks(lines) == []


def test_every_line_of_a_long_sheet_and_its_appendix_obeys_the_rules():
    pdf = render(big_cycle(80))
    lines = rendered_lines(pdf)
    assert any("附：证据清单" in ln.text for ln in lines)
    assert rule_breaks(lines) == []


def test_every_line_of_the_annual_summary_obeys_the_rules(db, cycle_id, tmp_path):
    from datetime import date

    from panelapp.store import PaymentDeduction

    contract = db.cycles.contracts()[0]
    db.standing.add_payment_deduction(contract.id, PaymentDeduction(
        "criticism", 2, date(2025, 5, 12), "省平台通报（2025-05-12），影响市局考核指标；责任在运维单位，已书面确认"))
    pdf = write_annual_pdf(annual_summary(db, contract.id), tmp_path / "a.pdf").read_bytes()
    lines = rendered_lines(pdf)
    assert any("127,250.00" in ln.text for ln in lines)
    assert rule_breaks(lines) == []


def test_the_rule_checker_catches_what_reportlab_cjk_wrap_did():
    """The checker itself: ReportLab's own CJK wrap of the same texts breaks the rules."""
    import io

    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from panelapp.report.styles import styles

    small = styles()["small"]
    buffer = io.BytesIO()
    rows = [[Paragraph(text, small)] for *_rest, text in ANNEX3]
    rows.append([Paragraph("供应商确认：中电信数智科技有限公司河南分公司（盖章）", styles()["body"])])
    SimpleDocTemplate(buffer).build([Table(rows, colWidths=[COLS[3]])])
    assert rule_breaks(rendered_lines(buffer.getvalue()))
