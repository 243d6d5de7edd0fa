"""Table models over core evidence, tested with no window."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from types import SimpleNamespace

from PySide6.QtCore import Qt

from panelapp.core.cyclefile import read_cycle_file
from panelapp.core.engine import score_cycle
from panelapp.core.evidence import Fault, LevelOverride, Training
from panelapp.paths import resource
from panelapp.ui.models import MODEL_FOR_KIND
from panelapp.ui.models.history import HistoryModel, change_text
from panelapp.ui.models.stability import FaultModel, FaultResponseModel
from panelapp.ui.models.summary import SummaryModel
from panelapp.ui.widgets.score_bar import headline
from panelapp.ui.widgets.week_grid import week_states


def demo():
    data = read_cycle_file(resource("samples", "demo-cycle.json")).data
    return data, score_cycle(data)


def fault(fid="F-09", minutes=95, serious=True, override=None):
    start = datetime(2025, 1, 20, 9, 0)
    return Fault(fid, "统一受理平台", "测试", "interruption", start, start.replace(hour=9 + minutes // 60,
                 minute=minutes % 60), serious, True, start, start.replace(minute=5),
                 report_submitted_on=date(2025, 1, 21), level_override=override)


def cell(model, row, col, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, col), role)


def test_every_kind_has_a_model_with_headers(app):
    for kind, cls in MODEL_FOR_KIND.items():
        model = cls()
        assert model.KIND == kind
        assert model.columnCount() >= 2
        assert all(model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount()))


def test_fault_model_shows_computed_and_overridden_level(app):
    data, _ = demo()
    faults = (fault("F-09"), fault("F-10", override=LevelOverride("IV", "经核实影响有限")))
    data = dataclasses.replace(data, evidence=dataclasses.replace(data.evidence, faults=faults))
    result = score_cycle(data)
    model = FaultModel()
    model.set_rows(faults, [11, 12], result)
    assert model.rowCount() == 2
    assert cell(model, 0, 5) == "1小时35分"
    assert cell(model, 0, 8) == "二级较大故障"
    assert cell(model, 1, 8) == "四级其它故障（计算：二级较大故障）"
    assert model.deduction_at(0) == 15 and model.deduction_at(1) == 5
    assert "扣15分" in cell(model, 0, 0, Qt.ItemDataRole.ToolTipRole)
    assert cell(model, 0, 0, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(model, 1, 0, Qt.ItemDataRole.UserRole) == 12


def test_fault_response_model_verdicts(app):
    data, result = demo()
    model = FaultResponseModel()
    model.set_rows(data.evidence.faults, [1, 2], result)
    verdicts = [cell(model, r, model.columnCount() - 1) for r in range(2)]
    assert "响应/到场超时" in verdicts[0]
    assert "报告逾期1天" in verdicts[1]
    # 3.1 deductions tint both rows; the 2.1 model ignores 3.1's lines
    assert model.deduction_at(0) == 1 and model.deduction_at(1) == 1
    m21 = FaultModel()
    m21.set_rows(data.evidence.faults, [1, 2], result)
    assert m21.deduction_at(1) == 0


def test_training_model_names_missing_parts(app):
    model = MODEL_FOR_KIND["trainings"]()
    rows = (Training(date(2025, 2, 1), "培训A", True, True, False), Training(date(2025, 2, 2), "培训B", True, True, True))
    model.set_rows(rows, [1, 2])
    archive = [h for h in range(model.columnCount()) if model.headerData(h, Qt.Orientation.Horizontal) == "归档"][0]
    assert cell(model, 0, archive) == "缺：照片"
    assert cell(model, 1, archive) == "归档完整"


def test_set_result_refreshes_without_reset(app, qtbot):
    data, result = demo()
    model = MODEL_FOR_KIND["security_events"](item_ids=("2.2",))
    model.set_rows(data.evidence.security_events, list(range(len(data.evidence.security_events))), None)
    assert model.deduction_at(0) == 0
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        model.set_result(result)
    assert model.deduction_at(0) == 2


def test_week_states_reported_missing_exempt(app):
    data, _ = demo()
    period = data.contract.cycle(data.cycle)
    states = week_states(period, data.evidence.weekly_reports, data.evidence.exempt_weeks)
    assert len(states) == 13
    by_state = {s: [w.number for w, st, _ in states if st == s] for s in ("reported", "missing", "exempt")}
    assert by_state["missing"] == [9]
    assert by_state["exempt"] == [5]
    assert "春节" in states[4][2]


def test_summary_model_rows_and_total(app):
    _, result = demo()
    model = SummaryModel()
    model.set_result(result, {"1": "运维材料完整性", "2": "系统运行稳定性", "3": "运维服务支撑响应度"})
    assert model.rowCount() == 11
    assert cell(model, 0, 1) == "1.1 日常巡检报告"
    assert cell(model, 10, 3) == str(result.total)
    assert "扣1分" in cell(model, 0, 5)


def test_history_model_shows_only_changed_fields(app):
    entry = SimpleNamespace(at=datetime(2025, 4, 1, 10, 0), operator="组员乙", action="update", table="faults",
                            record_id=3, old={"business": "甲", "serious_impact": False},
                            new={"business": "甲", "serious_impact": True})
    model = HistoryModel([entry], {"faults": "系统运行故障"})
    assert cell(model, 0, 1) == "组员乙"
    assert cell(model, 0, 2) == "修改"
    assert cell(model, 0, 3) == "系统运行故障 #3"
    assert cell(model, 0, 4) == "严重影响：否 → 是"
    created = change_text(None, {"id": 4, "cycle_id": 2, "reason": "春节", "started_at": "2025-01-05T09:00:00",
                                 "effect": "interruption"})
    assert created == "新增：理由：春节，开始时间：2025-01-05 09:00，影响类型：全部中断"


def test_headline_format():
    _, result = demo()
    assert headline(result) == "87 分 · 扣减 5% · ¥127,250.00"


def test_score_bar_colour_follows_the_tier(app):
    import dataclasses

    from panelapp.ui.style import tier_colours
    from panelapp.ui.widgets.score_bar import ScoreBar

    assert [tier_colours(t)[0] for t in (100, 95, 94, 85, 84, 80, 79, -10)] == [
        "#2e7d32", "#2e7d32", "#f2b01e", "#f2b01e", "#e36c0a", "#e36c0a", "#c62828", "#c62828"]
    _, result = demo()
    bar = ScoreBar()
    bar.set_result(result)
    assert "#f2b01e" in bar.styleSheet() and bar.total_label.text() == "87 分"
    assert bar.money_label.text() == "扣减 5% · ¥127,250.00"
    assert [label.text() for label in bar.section_labels] == [
        "运维材料完整性 <b>22</b>/25", "系统运行稳定性 <b>33</b>/40", "运维服务支撑响应度 <b>32</b>/35"]
    bar.set_result(dataclasses.replace(result, total=96, tier_percent=0))
    assert "#2e7d32" in bar.styleSheet() and bar.money_label.text() == "不扣减"
