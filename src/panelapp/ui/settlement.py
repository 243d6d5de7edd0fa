"""结算: the contract year's settlement, and the register of payment-time deductions (十一.2 / 十一.3).

Every number comes from ``report.annual.annual_summary`` (core.settlement); this window only shows
it and enters deductions through the store, as undoable commands on the main window's stack.
Errors are shown next to the field they concern, never in a modal box.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from panelapp.core.settlement import DEDUCTION_KINDS, deduction_problems, removal_refusal, service_period
from panelapp.core.typed import TypedInputError, parse_date
from panelapp.report.texts import yuan
from panelapp.ui.commands import _Cmd
from panelapp.ui.errors import message_text, user_errors

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal")


class _DeductionCmd(_Cmd):
    """An edit of the register, a command like every other on the main window's stack (ui/commands.py:
    done once before it is pushed; undo and redo ask the store first).
    No attribute may be called ``id``: PySide would take it for an override of QUndoCommand.id()."""

    def __init__(self, dialog: SettlementDialog, text: str):
        super().__init__(dialog.editor.session, text)
        self.dialog, self.db = dialog, dialog.db

    def do(self) -> None:
        self.apply()
        self.dialog.refresh()

    def revert(self) -> None:
        self.unapply()
        self.dialog.refresh()

    def apply(self) -> None:
        raise NotImplementedError

    def unapply(self) -> None:
        raise NotImplementedError


class AddCriticism(_DeductionCmd):
    def __init__(self, dialog: SettlementDialog, on: dt.date, text: str, cycle: int | None):
        super().__init__(dialog, translate("Settlement", "登记通报批评"))
        self.on, self.text, self.cycle, self.deduction_id = on, text, cycle, 0

    def apply(self) -> None:
        from panelapp.store import PaymentDeduction

        self.deduction_id = self.db.standing.add_payment_deduction(
            self.dialog.contract_id, PaymentDeduction("criticism", 1, self.on, self.text, self.cycle))

    def unapply(self) -> None:
        self.db.standing.delete_payment_deduction(self.deduction_id, translate("Settlement", "撤销登记（撤销操作）"))


class MarkCommitment(_DeductionCmd):
    def __init__(self, dialog: SettlementDialog, cycle_id: int, text: str, note: str):
        super().__init__(dialog, translate("Settlement", "登记未完成投标承诺"))
        self.cycle_id, self.text, self.note = cycle_id, text, note

    def apply(self) -> None:
        self.db.standing.mark_commitment(self.cycle_id, self.text, True, self.note)
        self.dialog.cycle_changed(self.cycle_id)

    def unapply(self) -> None:
        self.db.standing.mark_commitment(self.cycle_id, self.text, False)
        self.dialog.cycle_changed(self.cycle_id)


class RemoveDeduction(_DeductionCmd):
    def __init__(self, dialog: SettlementDialog, line: Any, reason: str):
        super().__init__(dialog, translate("Settlement", "撤销扣减 {id}").format(id=line.id))
        self.line, self.reason = line, reason
        self.restored: int | None = None
        self.cycle_id, self.note = 0, ""

    def apply(self) -> None:
        if self.line.source == "commitment":
            record = int(self.line.id[1:])
            self.cycle_id = self.db.evidence.cycle_of("unfulfilled_commitments", record)
            self.note = self.db.evidence.get("unfulfilled_commitments", record).note
            self.db.standing.withdraw_commitment(record, self.reason)
            self.dialog.cycle_changed(self.cycle_id)
        else:
            self.db.standing.delete_payment_deduction(self.restored or int(self.line.id[1:]), self.reason)

    def unapply(self) -> None:
        from panelapp.store import PaymentDeduction

        if self.line.source == "commitment":
            self.db.standing.mark_commitment(self.cycle_id, self.line.description, True, self.note)
            self.dialog.cycle_changed(self.cycle_id)
        else:
            self.restored = self.db.standing.add_payment_deduction(self.dialog.contract_id, PaymentDeduction(
                self.line.kind, self.line.count, self.line.occurred_on, self.line.description, self.line.cycle,
                self.line.amount))


def _row(*values: str, align_right: tuple[int, ...] = ()) -> list[QStandardItem]:
    items = []
    for i, value in enumerate(values):
        item = QStandardItem(value)
        item.setEditable(False)
        if i in align_right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        items.append(item)
    return items


class SettlementDialog(QDialog):
    """结算 for the contract of the open cycle. ``editor`` is the main window's (undo stack)."""

    def __init__(self, db: Any, contract_id: int, editor: Any, on_cycle_changed: Any = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.contract_id, self.editor = db, contract_id, editor
        self._on_cycle_changed = on_cycle_changed
        self.summary: Any = None
        self.setWindowTitle(self.tr("结算：年度扣减与应付"))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.cycles = self._table(layout, [self.tr("周期"), self.tr("得分"), self.tr("扣减比例"),
                                           self.tr("扣减金额（元）"), self.tr("状态")], 4)
        self.deductions = self._table(layout, [self.tr("编号"), self.tr("类别"), self.tr("日期"), self.tr("周期"),
                                               self.tr("说明"), self.tr("扣减金额（元）")], 3)
        self.commitments = self._table(layout, [self.tr("投标书面承诺（承诺清单）"), self.tr("状态")], 2)
        self.deductions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deductions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.totals = QLabel(self)
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.totals)
        layout.addWidget(self._entry_box())
        layout.addWidget(self._removal_box())
        self.resize(960, 760)
        self.refresh()

    # -- building -------------------------------------------------------------------------------
    def _table(self, layout: QVBoxLayout, headers: list[str], rows: int) -> QTableView:
        model = QStandardItemModel(0, len(headers), self)
        model.setHorizontalHeaderLabels(headers)
        view = QTableView(self)
        view.setModel(model)
        view.verticalHeader().hide()
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setMinimumHeight(view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize() + 4)
        layout.addWidget(view, 1)
        return view

    def _entry_box(self) -> QGroupBox:
        """One line of fields, each with its own message underneath."""
        box = QGroupBox(self.tr("登记支付时扣减"), self)
        grid = QGridLayout(box)
        self.kind = QComboBox(box)
        self.kind.addItem(self.tr("请选择…"), "")
        for key, label in DEDUCTION_KINDS.items():
            self.kind.addItem(label, key)
        self.date = QLineEdit(box)
        self.date.setPlaceholderText(self.tr("如 2025-01-15 或 1-15"))
        self.description = QLineEdit(box)
        self.description.setPlaceholderText(self.tr("承诺内容，或通报事由"))
        self.errors: dict[str, QLabel] = {}
        fields = (("kind", self.tr("类别"), self.kind), ("date", self.tr("日期"), self.date),
                  ("description", self.tr("说明"), self.description))
        for col, (key, label, widget) in enumerate(fields):
            caption = QLabel(label, box)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, 2 * col)
            grid.addWidget(widget, 0, 2 * col + 1)
            error = QLabel(box)
            error.setObjectName("fieldError")
            error.setStyleSheet("color: #b00020")
            error.setWordWrap(True)
            error.hide()
            grid.addWidget(error, 1, 2 * col + 1)
            self.errors[key] = error
        grid.setColumnStretch(5, 1)
        self.kind.currentIndexChanged.connect(lambda _i: self._clear("kind"))
        self.date.textEdited.connect(lambda _t: self._clear("date"))
        self.description.textEdited.connect(lambda _t: self._clear("description"))
        self.add_button = QPushButton(self.tr("登记"), box)
        self.add_button.clicked.connect(self.add)
        grid.addWidget(self.add_button, 0, 6)
        return box

    def _removal_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("撤销所选扣减"), self)
        row = QHBoxLayout(box)
        self.reason = QLineEdit(box)
        self.reason.setPlaceholderText(self.tr("撤销理由（必填，记入操作记录）"))
        self.remove_button = QPushButton(self.tr("撤销"), box)
        self.remove_button.clicked.connect(self.remove)
        self.remove_error = QLabel(box)
        self.remove_error.setStyleSheet("color: #b00020")
        row.addWidget(self.reason, 1)
        row.addWidget(self.remove_button)
        row.addWidget(self.remove_error)
        return box

    # -- showing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        from panelapp.report.annual import annual_summary, evaluation_text

        s = self.summary = annual_summary(self.db, self.contract_id)
        c = s.contract
        self.heading.setText(self.tr("合同 {number}　{project}　合同总价 ¥{total}").format(
            number=c.number, project=c.project, total=yuan(c.total_amount)))
        cycles = self.cycles.model()
        cycles.setRowCount(0)
        for line in s.cycles:
            if not line.assessed:
                cycles.appendRow(_row(self.tr("第{n}周期").format(n=line.number), "—", "—", "0.00",
                                      self.tr("未考核")))
                continue
            state = line.state
            cycles.appendRow(_row(self.tr("第{n}周期").format(n=line.number), str(line.score),
                                  f"{line.tier_percent}%", yuan(line.withheld), state, align_right=(1, 2, 3)))
        rows = self.deductions.model()
        rows.setRowCount(0)
        for d in s.deductions:
            cycle = self.tr("第{n}周期").format(n=d.cycle) if d.cycle else ""
            rows.appendRow(_row(d.id, d.label, d.occurred_on.isoformat(), cycle, d.description, yuan(d.amount),
                                align_right=(5,)))
        commitments = self.commitments.model()
        commitments.setRowCount(0)
        for commitment in s.commitments:
            commitments.appendRow(_row(commitment.text, commitment.status))
        lines = [
            self.tr("考核扣减合计 ¥{a}；支付时扣减合计 ¥{b}").format(a=yuan(s.withheld_total), b=yuan(s.deductions_total)),
            self.tr("扣减总额 ¥{a}{cap}；合同应付合计 ¥{b}").format(
                a=yuan(s.effective_total), b=yuan(s.payable),
                cap=self.tr("（已按十二.2 以合同总金额封顶）") if s.capped else ""),
        ]
        for p in s.payments:
            lines.append(self.tr("{label}：应付 ¥{a}，本期扣减 ¥{b}，实付 ¥{c}").format(
                label=p.label, a=yuan(p.amount), b=yuan(p.absorbed), c=yuan(p.paid)))
        if s.claim_back:
            lines.append(self.tr("两期付款不足扣减，应向乙方追回 ¥{a}").format(a=yuan(s.claim_back)))
        lines.append(evaluation_text(s))
        self.totals.setText("\n".join(lines))

    def cycle_changed(self, cycle_id: int) -> None:
        if self._on_cycle_changed is not None:
            self._on_cycle_changed(cycle_id)

    # -- editing ---------------------------------------------------------------------------------
    def _clear(self, key: str) -> None:
        self.errors[key].hide()

    def _show(self, problems: list[tuple[str, str]]) -> None:
        for key, message in problems:
            self.errors[key].setText(message)
            self.errors[key].show()
        {"kind": self.kind, "date": self.date, "description": self.description}[problems[0][0]].setFocus()

    def add(self) -> None:
        kind = self.kind.currentData() or ""
        text = self.date.text().strip()
        contract = self.summary.contract
        start, end = service_period(contract)
        on, date_error = None, self.tr("请填写日期（如 2025-01-15 或 1-15）")
        if text:
            try:
                on = parse_date(text, start, end)
            except TypedInputError as exc:
                date_error = str(exc)
        problems = deduction_problems(contract, kind or "?", on, self.description.text())
        if not kind:
            problems = [("kind", self.tr("请选择类别")) if f == "kind" else (f, m) for f, m in problems]
        if on is None:
            problems = [(f, date_error) if f == "date" else (f, m) for f, m in problems]
        if problems:
            self._show(problems)
            return
        assert on is not None
        number = contract.cycle_of(on)
        description = self.description.text().strip()
        try:
            if kind == "criticism":
                cmd: _DeductionCmd = AddCriticism(self, on, description, number)
            else:
                cycle = next(r for r in self.db.cycles.of_contract(self.contract_id) if r.number == number)
                if description in self.db.standing.unfulfilled_commitments(cycle.id):
                    self._show([("description", self.tr("该承诺已在第{n}周期登记为未完成").format(n=number))])
                    return
                cmd = MarkCommitment(self, cycle.id, description, self.tr("{d} 认定未完成").format(d=on.isoformat()))
            self.editor.run(cmd)  # the command refreshes this window
        except user_errors() as exc:
            self._show([("description", message_text(exc))])
            return
        self.kind.setCurrentIndex(0)
        self.date.clear()
        self.description.clear()

    def remove(self) -> None:
        index = self.deductions.currentIndex()
        if not index.isValid():
            self.remove_error.setText(self.tr("请先在上表中选择要撤销的扣减"))
            return
        if not self.reason.text().strip():
            self.remove_error.setText(self.tr("撤销理由不能为空"))
            self.reason.setFocus()
            return
        line = self.summary.deductions[index.row()]
        refusal = removal_refusal(line)  # a mark on a 2.2/3.3 record is unticked there
        if refusal:
            self.remove_error.setText(refusal)
            return
        try:
            self.editor.run(RemoveDeduction(self, line, self.reason.text().strip()))
        except user_errors() as exc:
            self.remove_error.setText(message_text(exc))
            return
        self.remove_error.clear()
        self.reason.clear()


def open_settlement(window: Any) -> SettlementDialog | None:
    """The 结算 window for the contract of the open cycle (non-modal; edits go on the main undo stack)."""
    session = window.session
    if session.row is None:
        return None

    def changed(cycle_id: int) -> None:  # only that cycle's 3.3① changed
        if cycle_id == session.cycle_id:
            session.reload()
        else:
            window.score_cycles([cycle_id])

    dialog = SettlementDialog(session.db, session.row.contract_id, window.editor, changed, window)
    dialog.open()
    return dialog
