"""汇总: the score sheet as the panel will sign it, the cycle's facts and the scoring settings."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from panelapp.ui.commands import SetAssessedOn, SetSettings
from panelapp.ui.forms.fields import DATE_FMT, from_qdate, to_qdate
from panelapp.ui.models.summary import SummaryModel
from panelapp.ui.widgets.scaled import ScaledFonts
from panelapp.ui.widgets.score_bar import headline, money


class SummaryTab(ScaledFonts, QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx, self.session = ctx, ctx.session
        self._loading = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(14)
        left = QVBoxLayout()
        self.headline = QLabel(self)
        self.scale(self.headline, 1.4, bold=True)
        left.addWidget(self.headline)
        self.model = SummaryModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        left.addWidget(self.view, 1)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        self.facts = QGroupBox(self.tr("本考核周期"), self)
        facts_form = QFormLayout(self.facts)
        self.fact_labels = {}
        for key, label in (("contract", self.tr("合同")), ("vendor", self.tr("供应商")),
                           ("period", self.tr("考核期间")), ("status", self.tr("状态")),
                           ("total", self.tr("合同总价"))):
            value = QLabel(self.facts)
            value.setWordWrap(True)
            self.fact_labels[key] = value
            facts_form.addRow(label, value)
        self.assessed = QDateEdit(self.facts)
        self.assessed.setDisplayFormat(DATE_FMT)
        self.assessed.setCalendarPopup(True)
        self.assessed.dateChanged.connect(self.on_assessed)
        facts_form.addRow(self.tr("评定日期"), self.assessed)
        right.addWidget(self.facts)
        self.settings_box = QGroupBox(self.tr("评分设置（打印在评分表上）"), self)
        self.settings_form = QFormLayout(self.settings_box)
        self.setting_widgets: dict[str, QWidget] = {}
        for key, spec in self.session.scheme.settings.items():
            if spec.choices:
                w = QComboBox(self.settings_box)
                for choice in spec.choices:
                    w.addItem(self.tr("{points} 分").format(points=choice), choice)
                w.currentIndexChanged.connect(self.on_settings)
            else:
                w = QSpinBox(self.settings_box)
                w.setRange(spec.min if spec.min is not None else 0, spec.max if spec.max is not None else 9999)
                w.valueChanged.connect(self.on_settings)
            w.setToolTip(spec.note)
            self.setting_widgets[key] = w
            self.settings_form.addRow(spec.label, w)
        right.addWidget(self.settings_box)
        right.addStretch(1)
        side = QWidget(self)
        side.setLayout(right)
        side.setMaximumWidth(self.fontMetrics().horizontalAdvance(self.tr("故障报告提交期限（天，自恢复之日起）")) + 160)
        right.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(side, 1)
        self.session.scored.connect(self.refresh)
        self.session.cycleOpened.connect(self.load_facts)

    def changeEvent(self, event) -> None:
        self.font_changed(event)
        super().changeEvent(event)

    def load_facts(self) -> None:
        data, row = self.session.data, self.session.row
        c = data.contract
        period = c.cycle(data.cycle)
        self._loading = True
        self.fact_labels["contract"].setText(f"{c.number}\n{c.project}")
        self.fact_labels["vendor"].setText(c.vendor)
        self.fact_labels["period"].setText(self.tr("第{n}周期　{start} 至 {end}").format(
            n=data.cycle, start=period.start, end=period.end))
        self.fact_labels["status"].setText(self.tr("已定稿") if row.status == "final" else self.tr("进行中"))
        self.fact_labels["total"].setText(money(c.total_amount))
        self.assessed.setMinimumDate(to_qdate(period.start))
        self.assessed.setDate(to_qdate(data.assessed_on))
        for key, w in self.setting_widgets.items():
            value = getattr(data.settings, key)
            if isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(value)))
            else:
                w.setValue(value)
        self._loading = False

    def refresh(self) -> None:
        result = self.session.result
        if result is None:
            return
        self.headline.setText(self.tr("第{n}周期得分：{headline}").format(n=result.cycle, headline=headline(result)))
        names = {s.id: s.name for s in self.session.scheme.sections}
        self.model.set_result(result, names)
        self.view.clearSpans()  # 一级指标 spans its items, as on the printed form
        row = 0
        for section in self.session.scheme.sections:
            count = sum(1 for item in result.items if item.section == section.id)
            if count > 1:
                self.view.setSpan(row, 0, count, 1)
            row += count
        if not self._loading and self.session.data is not None:
            self._loading = True
            for key, w in self.setting_widgets.items():
                value = getattr(self.session.data.settings, key)
                if isinstance(w, QComboBox):
                    w.setCurrentIndex(max(0, w.findData(value)))
                else:
                    w.setValue(value)
            self.assessed.setDate(to_qdate(self.session.data.assessed_on))
            self._loading = False

    def on_settings(self, *_args) -> None:
        if self._loading or self.session.data is None:
            return
        old = self.session.data.settings
        values = {key: (w.currentData() if isinstance(w, QComboBox) else w.value())
                  for key, w in self.setting_widgets.items()}
        new = dataclasses.replace(old, **values)
        if new != old and not self.ctx.actions.run(SetSettings(self.session, old, new)):
            self.refresh()  # refused: the widgets show what is stored again

    def on_assessed(self, *_args) -> None:
        if self._loading or self.session.data is None:
            return
        old, new = self.session.data.assessed_on, from_qdate(self.assessed.date())
        if new != old and not self.ctx.actions.run(SetAssessedOn(self.session, old, new)):
            self.refresh()
