"""Cycle data for the report tests: a realistic cycle 2 and a big one with many evidence items."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from decimal import Decimal

from panelapp.core.contract import Contract
from panelapp.core.evidence import (
    Absence,
    CycleData,
    DefectReport,
    Drill,
    Evidence,
    ExemptWeek,
    Fault,
    FileRef,
    OffhoursMiss,
    PanelMember,
    SecurityEvent,
    Settings,
    SpecialPeriod,
    Training,
    UnfulfilledCommitment,
    Violation,
    WeeklyReport,
)

CONTRACT = Contract(
    number="HAJCR2401215EGN00",
    project="平顶山市“互联网+政务服务”平台运维项目",
    purchaser="平顶山市行政审批和政务信息管理局",
    vendor="中电信数智科技有限公司河南分公司",
    total_amount=Decimal("2545000.00"),
    signed_on=date(2024, 9, 30),
)
PANEL = (PanelMember("组员甲", "组长"), PanelMember("组员乙", "成员"), PanelMember("组员丙", "成员"))


def file(name: str) -> FileRef:
    return FileRef(name, hashlib.sha256(name.encode()).hexdigest(), 1000 + len(name))


def cycle2(**changes) -> CycleData:
    """Cycle 2 as in cycle-file.md, with a few more facts; total 87 -> 5% tier (127,250.00)."""
    monday = date(2024, 12, 30)
    weekly = tuple(WeeklyReport(monday + timedelta(weeks=w, days=2), f"第{w + 1}周巡检报告",
                                (file(f"巡检报告-第{w + 1}周.pdf"),))
                   for w in range(13) if w not in (4, 6))
    evidence = Evidence(
        weekly_reports=weekly,
        exempt_weeks=(ExemptWeek(date(2025, 1, 27), "春节假期"),),
        special_periods=(SpecialPeriod("春节特巡", date(2025, 1, 28), date(2025, 2, 4), "信息科",
                                       date(2025, 2, 5), (file("春节特巡报告.pdf"),)),),
        defect_reports=(DefectReport(date(2025, 2, 10), "第一季度缺陷分析", (file("缺陷分析.docx"),)),),
        drills=(Drill(date(2025, 1, 20), "数据库切换演练", True, (file("演练报告.pdf"), file("演练照片.zip"))),),
        trainings=(Training(date(2025, 2, 20), "电子证照系统操作", True, True, True),),
        faults=(Fault("F-01", "统一受理平台", "数据库连接池耗尽", "interruption",
                      datetime(2025, 1, 5, 9, 0), datetime(2025, 1, 5, 10, 35), False, True,
                      datetime(2025, 1, 5, 9, 2), datetime(2025, 1, 5, 9, 8), datetime(2025, 1, 5, 9, 40),
                      None, date(2025, 1, 7), None, (file("F-01故障报告.pdf"),)),),
        security_events=(SecurityEvent(date(2025, 3, 1), "reminder", True, "弱口令提醒"),),
        absences=(Absence(date(2025, 1, 14), "驻场人员A", False),),
        violations=(Violation(date(2025, 2, 11), "未按规范登记变更", False),),
        offhours_misses=(OffhoursMiss(datetime(2025, 2, 1, 23, 10), "夜间值班电话未接通"),),
        unfulfilled_commitments=(UnfulfilledCommitment("每月提交运维月报"),),
    )
    values = dict(contract=CONTRACT, cycle=2, assessed_on=date(2025, 4, 3), settings=Settings(),
                  panel=PANEL, evidence=evidence)
    values.update(changes)
    return CycleData(**values)


def big_cycle(n: int = 300, long_text: bool = False) -> CycleData:
    """Cycle 2 with ``n`` evidence items (absences, off-hours misses, reports...) to stress the layout."""
    base = cycle2()
    ev = base.evidence
    start = date(2024, 12, 30)
    absences, misses, weekly, events = [], [], list(ev.weekly_reports), []
    extra = n - ev.count()
    for i in range(extra):
        day = start + timedelta(days=i % 90)
        note = ("驻场人员未请假且电话无法联系，考核组现场核查确认；" * (6 if long_text else 0))
        if i % 3 == 0:
            absences.append(Absence(day, f"驻场人员{i:03d}", i % 2 == 0, note))
        elif i % 3 == 1:
            misses.append(OffhoursMiss(datetime.combine(day, datetime.min.time()) + timedelta(hours=22),
                                       f"夜间值班电话未接通（第{i}次记录）" + note))
        else:
            events.append(SecurityEvent(day, "hidden_danger", i % 4 == 0, f"日常检查发现隐患{i:03d}" + note,
                                        (file(f"检查记录{i:03d}.pdf"),)))
    evidence = Evidence(**{**{k: getattr(ev, k) for k in ev.__dataclass_fields__},
                           "weekly_reports": tuple(weekly), "absences": ev.absences + tuple(absences),
                           "offhours_misses": ev.offhours_misses + tuple(misses),
                           "security_events": ev.security_events + tuple(events)})
    return cycle2(evidence=evidence)
