"""运维服务支撑响应度 (35): fault timeliness, on-site service, support."""

from __future__ import annotations

from panelapp.ui.models.stability import FaultResponseModel
from panelapp.ui.tabs.base import SectionTab


class ResponseTab(SectionTab):
    RULES = ("fault_response", "onsite_service", "support")

    def build_item(self, item, panel) -> None:
        if item.rule == "fault_response":
            entered = next((i.id for i in self.session.scheme.items if i.rule == "faults"), item.id)
            self.table(panel, "faults", FaultResponseModel(item_ids=(item.id,)),
                       title=self.tr("故障响应、恢复与报告（在 {item} 录入的全部故障）").format(item=entered))
        else:
            super().build_item(item, panel)
