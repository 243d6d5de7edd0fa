"""系统运行稳定性 (40): faults (level computed live, override with reason), security events."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from panelapp.ui.tabs.base import SectionTab


class StabilityTab(SectionTab):
    RULES = ("faults", "security_events")

    def build_item(self, item, panel) -> None:
        if item.rule == "faults":
            hint = QLabel(self.tr("等级由持续时间、影响类型和是否严重影响自动判定；考核组改定等级须写明理由，两种等级都会显示。"),
                          panel)
            hint.setObjectName("muted")
            hint.setWordWrap(True)
            panel.add_widget(hint)
            self.table(panel, "faults")
        else:
            super().build_item(item, panel)
