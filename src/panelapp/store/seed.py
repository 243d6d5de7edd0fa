"""The contract of contract-excerpt.md, seeded into a new database, and the default panel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from panelapp.core.contract import Contract
from panelapp.core.evidence import PanelMember

DEFAULT_CONTRACT = Contract(
    number="HAJCR2401215EGN00",
    project="平顶山市“互联网+政务服务”平台运维项目",
    purchaser="平顶山市行政审批和政务信息管理局",
    vendor="中电信数智科技有限公司河南分公司",
    total_amount=Decimal("2545000.00"),
    signed_on=date(2024, 9, 30),
    service_months=12,
    scheme="pingdingshan-2024",
    cycle_months=3,
)

#: fictional placeholder names; the panel replaces them with its own
DEFAULT_PANEL = (PanelMember("组员甲", "组长"), PanelMember("组员乙", "成员"))
