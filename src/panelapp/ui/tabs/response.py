"""运维服务支撑响应度 (35): 3.1 fault timeliness, 3.2 on-site service, 3.3 support."""

from __future__ import annotations

from panelapp.ui.models import FaultResponseModel
from panelapp.ui.tabs.base import SectionTab


class ResponseTab(SectionTab):
    SECTION = "3"

    def build_item(self, item_id, panel) -> None:
        if item_id == "3.1":
            self.table(panel, "faults", FaultResponseModel(), title=self.tr("故障响应、恢复与报告（在 2.1 录入的全部故障）"))
        elif item_id == "3.2":
            self.table(panel, "absences")
            self.table(panel, "violations")
            self.table(panel, "offhours_misses")
        elif item_id == "3.3":
            self.table(panel, "unfulfilled_commitments")
            self.table(panel, "late_optimizations")
