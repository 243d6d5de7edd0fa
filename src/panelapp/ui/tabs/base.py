"""A section tab: the items on the left (with live scores), the chosen item's panel on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from panelapp.ui.context import RULE_EVIDENCE
from panelapp.ui.models import MODEL_FOR_KIND
from panelapp.ui.widgets.evidence_table import EvidenceTable
from panelapp.ui.widgets.item_panel import ItemPanel


class SectionTab(QWidget):
    """Shows the scheme's items whose rule kind is in ``RULES`` (the scheme's ids and names are only shown)."""

    RULES: tuple[str, ...] = ()

    def __init__(self, ctx, parent=None):
        """``ctx`` is the window's context: .session, .actions, .scheme, .history(item_id)."""
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self.panels: dict[str, ItemPanel] = {}
        self.tables: list[EvidenceTable] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.items = QListWidget(self)
        self.items.setObjectName("itemList")
        self.stack = QStackedWidget(self)
        self.splitter.addWidget(self.items)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 930])
        layout.addWidget(self.splitter)
        self._scrolls: dict[str, QScrollArea] = {}
        for item in self.session.scheme.items:
            if item.rule not in self.RULES:
                continue
            scroll = QScrollArea(self)  # the item's panel is built when first shown
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            self._scrolls[item.id] = scroll
            self.stack.addWidget(scroll)
            entry = QListWidgetItem(f"{item.id} {item.name}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.items.addItem(entry)
        self.items.currentRowChanged.connect(self._on_row)
        self.items.setCurrentRow(0)
        self.session.evidenceChanged.connect(self.on_evidence)
        self.session.scored.connect(self.on_scored)

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        if self.isVisible():
            self.panel(self.items.item(row).data(Qt.ItemDataRole.UserRole))
        self.stack.setCurrentIndex(row)

    def showEvent(self, event) -> None:
        item_id = self.current_item_id()
        if item_id:
            self.panel(item_id)
        super().showEvent(event)

    def owns(self, item_id: str) -> bool:
        return item_id in self._scrolls

    def panel(self, item_id: str) -> ItemPanel:
        """The item's panel, built (and filled from the open cycle) on first use."""
        if item_id in self.panels:
            return self.panels[item_id]
        item = self.session.scheme.item(item_id)
        panel = ItemPanel(item.id, item.name, item.max)
        panel.overrideRequested.connect(lambda i: self.ctx.actions.override_item(i))
        panel.historyRequested.connect(self.ctx.show_history)
        self.panels[item_id] = panel
        self.build_item(item, panel)
        panel.body.addStretch(0)  # takes what small tables leave over
        if self.session.data is not None:
            kinds = {t.kind for t in panel.tables}
            for kind in kinds:
                self._fill(kind, panel.tables)
            self.after_build(item)
            self._score_panel(panel)
        self._scrolls[item_id].setWidget(panel)
        return panel

    def after_build(self, item) -> None:
        """Subclasses fill extra widgets (the week grid) once built."""

    # -- building -----------------------------------------------------------------------------
    def build_item(self, item, panel: ItemPanel) -> None:
        """One table per evidence kind of the item's rule; subclasses add hints and special views."""
        for kind in RULE_EVIDENCE[item.rule]:
            self.table(panel, kind)

    def item_of_rule(self, rule: str) -> str | None:
        """The id of this tab's item judged by ``rule``, if the scheme has one."""
        return next((i.id for i in self.session.scheme.items if i.rule == rule and i.id in self._scrolls), None)

    def table(self, panel: ItemPanel, kind: str, model=None, title=None, read_only=False) -> EvidenceTable:
        model = model or MODEL_FOR_KIND[kind](item_ids=(panel.item_id,))
        table = EvidenceTable(kind, model, self.ctx.actions, title, read_only, panel)
        panel.add_widget(table, 1)
        panel.tables.append(table)
        self.tables.append(table)
        return table

    # -- updates ------------------------------------------------------------------------------
    def _fill(self, kind: str, tables) -> None:
        for table in tables:
            if table.kind == kind:
                table.model.set_rows(self.session.records(kind), self.session.ids[kind], self.session.result)

    def on_evidence(self, kind: str) -> None:
        if self.session.data is not None:
            self._fill(kind, self.tables)

    def _score_panel(self, panel: ItemPanel) -> None:
        scheme, result = self.session.scheme, self.session.result
        panel.set_result(result.item(panel.item_id))
        panel.set_description(scheme.description(scheme.item(panel.item_id), self.session.data.settings))

    def on_scored(self) -> None:
        result = self.session.result
        if result is None:
            return
        for table in self.tables:
            table.model.set_result(result)
        for i in range(self.items.count()):
            entry = self.items.item(i)
            item = result.item(entry.data(Qt.ItemDataRole.UserRole))
            mark = "" if item.deduction <= 0 else f"  −{item.deduction}"
            entry.setText(self.tr("{id} {name}\n{score}/{max} 分{mark}").format(
                id=item.id, name=item.name, score=item.score, max=item.max, mark=mark))
            entry.setForeground(Qt.GlobalColor.darkRed if item.deduction > 0 else Qt.GlobalColor.black)
        for panel in self.panels.values():
            self._score_panel(panel)

    # -- navigation ---------------------------------------------------------------------------
    def show_item(self, item_id: str) -> None:
        self.panel(item_id)
        for i in range(self.items.count()):
            if self.items.item(i).data(Qt.ItemDataRole.UserRole) == item_id:
                self.items.setCurrentRow(i)

    def current_item_id(self) -> str | None:
        entry = self.items.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def current_table(self, focused_only: bool = False) -> EvidenceTable | None:
        """The evidence table with focus, else (unless ``focused_only``) the first table of the shown item."""
        focus = QApplication.focusWidget()
        for table in self.tables:
            if focus is not None and (focus is table or table.isAncestorOf(focus)):
                return table
        if focused_only:
            return None
        panel = self.panels.get(self.current_item_id() or "")
        return panel.tables[0] if panel and panel.tables else None
