"""运维材料完整性 (25): weekly reports with their week grid, special periods, defect reports, drills, trainings."""

from __future__ import annotations

from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QMenu

from panelapp.ui.notify import notifier_of
from panelapp.ui.tabs.base import SectionTab
from panelapp.ui.widgets.week_grid import WeekGrid, week_states


class MaterialsTab(SectionTab):
    RULES = ("weekly_reports", "special_periods", "defect_reports", "half_year_drill", "half_year_training")

    def build_item(self, item, panel) -> None:
        if item.rule == "weekly_reports":
            hint = QLabel(self.tr("点击某一周：缺报的周可补录报告或标记免报（须写理由），免报的周可取消免报。"), panel)
            hint.setObjectName("muted")
            hint.setWordWrap(True)
            panel.add_widget(hint)
            self.week_grid = WeekGrid(panel)
            self.week_grid.weekClicked.connect(self.on_week_clicked)
            panel.add_widget(self.week_grid)
            self.table(panel, "weekly_reports")
            self.table(panel, "exempt_weeks")
        elif item.rule == "half_year_drill":
            self.table(panel, "drills", title=self.tr("应急演练（本半年度）"))
        elif item.rule == "half_year_training":
            self.table(panel, "trainings", title=self.tr("培训记录（本半年度；归档列显示缺少的部分）"))
        else:
            super().build_item(item, panel)

    def after_build(self, item) -> None:
        if item.rule == "weekly_reports":
            self.on_evidence("exempt_weeks")

    def on_evidence(self, kind: str) -> None:
        super().on_evidence(kind)
        if kind in ("weekly_reports", "exempt_weeks") and self.session.data is not None \
                and self.item_of_rule("weekly_reports") in self.panels:
            data = self.session.data
            period = data.contract.cycle(data.cycle)
            self.week_grid.set_weeks(week_states(period, data.evidence.weekly_reports, data.evidence.exempt_weeks,
                                                 data.assessed_on))

    def on_week_clicked(self, week, state: str) -> None:
        menu = QMenu(self)
        if state in ("missing", "open"):
            menu.addAction(self.tr("补录本周巡检报告…"), lambda: self.ctx.actions.add(
                "weekly_reports", self.ctx.actions.report_template(week), title=self.tr(
                    "补录第{n}周巡检报告（{monday} 起）").format(n=week.number, monday=week.monday.isoformat())))
            menu.addAction(self.tr("标记为免报周…"), lambda: self.ask_exempt(week))
        elif state == "exempt":
            menu.addAction(self.tr("取消免报"), lambda: self.ctx.actions.unexempt_week(week.monday))
        else:
            menu.addAction(self.tr("再录一份本周报告…"), lambda: self.ctx.actions.add(
                "weekly_reports", self.ctx.actions.report_template(week), title=self.tr(
                    "再录一份第{n}周巡检报告").format(n=week.number)))
        menu.popup(QCursor.pos())
        self._menu = menu

    def ask_exempt(self, week) -> None:
        reason = notifier_of(self).text(self, self.tr("标记免报周"), self.tr("第{n}周（{monday}起）免报理由（必填）：").format(
            n=week.number, monday=week.monday.isoformat()))
        if reason is not None:
            self.ctx.actions.exempt_week(week.monday, reason)
