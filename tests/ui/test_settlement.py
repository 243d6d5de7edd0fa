"""结算: the settlement window enters payment-time deductions by keyboard, undoably, and shows the core's numbers."""

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from panelapp.report.annual import annual_summary
from panelapp.ui.settlement import open_settlement


def _type(widget, text):
    """Type as a user would: ASCII by keys, Chinese as an input method commits it."""
    widget.setFocus()
    if text.isascii():
        QTest.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_enter_undo_and_withdraw(env, qtbot):
    window = env.open(qtbot, demo=True)
    dlg = open_settlement(window)
    assert dlg is not None
    contract_id = window.session.row.contract_id
    before = annual_summary(env.db, contract_id)
    assert "第二期（五.2）" in dlg.totals.text()
    # nothing preselected: 登记 with an empty form names each field
    QTest.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    assert [k for k, e in dlg.errors.items() if not e.isHidden()] == ["kind", "date", "description"]
    assert annual_summary(env.db, contract_id) == before
    dlg.kind.setCurrentIndex(dlg.kind.findData("criticism"))
    assert dlg.errors["kind"].isHidden()  # the message clears when its field is fixed
    _type(dlg.date, "2025-13-01")
    _type(dlg.description, "省平台通报数据共享超时")
    QTest.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    assert "13 月" in dlg.errors["date"].text() and dlg.errors["description"].isHidden()
    dlg.date.clear()
    _type(dlg.date, "5-12")  # typed as in an office: the year follows the service period
    QTest.keyClick(dlg.add_button, Qt.Key.Key_Space)
    after = annual_summary(env.db, contract_id)
    assert after.deductions_total == before.deductions_total + Decimal("10000.00")
    assert any(d.kind == "criticism" and d.description == "省平台通报数据共享超时"
               and d.occurred_on.isoformat() == "2025-05-12" for d in after.deductions)
    assert "10,000.00" in " ".join(dlg.deductions.model().item(r, 5).text()
                                   for r in range(dlg.deductions.model().rowCount()))
    # undo from the main window's stack takes it out again; redo puts it back
    window.editor.undo()
    assert annual_summary(env.db, contract_id).deductions_total == before.deductions_total
    window.editor.redo()
    assert annual_summary(env.db, contract_id).deductions_total == after.deductions_total
    # withdrawing needs a selected row and a reason
    row = next(i for i, d in enumerate(dlg.summary.deductions) if d.kind == "criticism")
    QTest.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    assert "选择" in dlg.remove_error.text()
    dlg.deductions.selectRow(row)
    QTest.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    assert "理由" in dlg.remove_error.text()
    _type(dlg.reason, "上级撤回通报")
    QTest.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    assert annual_summary(env.db, contract_id).deductions_total == before.deductions_total
    assert any("撤销理由：上级撤回通报" in str(e.new) for e in env.db.audit.history() if e.table == "payment_deductions")


def test_a_commitment_costs_points_in_its_cycle_too(env, qtbot):
    window = env.open(qtbot, demo=True)
    dlg = open_settlement(window)
    total = window.session.result.total
    cycle = window.session.row.number
    start = window.session.row.period.start
    dlg.kind.setCurrentIndex(dlg.kind.findData("commitment"))
    _type(dlg.date, start.isoformat())
    _type(dlg.description, "驻场人员不少于7名")
    QTest.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    assert window.session.result.total == total - 2  # 3.3①, the open cycle re-scored
    line = next(d for d in dlg.summary.deductions if d.description == "驻场人员不少于7名")
    assert (line.kind, line.cycle, line.amount) == ("commitment", cycle, Decimal("76350.00"))
    # entering it again in the same cycle is refused, naming the field
    dlg.kind.setCurrentIndex(dlg.kind.findData("commitment"))
    _type(dlg.date, start.isoformat())
    _type(dlg.description, "驻场人员不少于7名")
    QTest.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    assert "已在第" in dlg.errors["description"].text()
    window.editor.undo()
    assert window.session.result.total == total


def test_a_criticism_marked_on_a_record_is_unticked_there_not_withdrawn(env, qtbot):
    from dataclasses import replace

    window = env.open(qtbot, demo=True)
    session = window.session
    record_id = session.ids["security_events"][0]
    env.db.evidence.update("security_events", record_id, replace(session.record("security_events", record_id),
                                                                 criticism=True))
    dlg = open_settlement(window)
    row = next(i for i, d in enumerate(dlg.summary.deductions) if d.source == "security_events")
    before = annual_summary(env.db, session.row.contract_id).deductions_total
    dlg.deductions.selectRow(row)
    _type(dlg.reason, "误登")
    QTest.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    assert "2.2 安全运行事件" in dlg.remove_error.text() and "取消勾选" in dlg.remove_error.text()
    assert annual_summary(env.db, session.row.contract_id).deductions_total == before
