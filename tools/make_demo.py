"""Regenerate resources/samples/demo-cycle.json and demo-cycle.zip (fictional people, plausible evidence).

Run: .venv/bin/python tools/make_demo.py
"""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date, timedelta
from pathlib import Path

from panelapp.core.cyclefile import parse_cycle, write_cycle_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "samples"

BLOBS: dict[str, bytes] = {}


def attach(name: str, body: str) -> dict:
    data = body.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    BLOBS[digest] = data
    return {"name": name, "sha256": digest, "size": len(data)}


def weekly_reports() -> list[dict]:
    reports = []
    for week in range(1, 14):
        if week in (5, 9):  # week 5 is exempt (Spring Festival); week 9 has no report
            continue
        friday = date(2025, 1, 3) + timedelta(weeks=week - 1)
        title = f"第{week}周日常巡检报告"
        files = [attach(f"{title}.txt", f"{title}\n巡检日期：{friday}\n结论：系统运行正常。\n")] if week <= 2 else []
        reports.append({"date": friday.isoformat(), "title": title, "files": files})
    return reports


def document() -> dict:
    return {
        "format": "panelapp-cycle",
        "version": 1,
        "contract": {
            "number": "HAJCR2401215EGN00",
            "project": "平顶山市“互联网+政务服务”平台运维项目",
            "purchaser": "平顶山市行政审批和政务信息管理局",
            "vendor": "中电信数智科技有限公司河南分公司",
            "total_amount": "2545000.00",
            "signed_on": "2024-09-30",
            "service_months": 12,
            "scheme": "pingdingshan-2024",
        },
        "cycle": 2,
        "assessed_on": "2025-04-03",
        "settings": {
            "violation_points": 1, "defect_reports_required": 1, "response_minutes": 10,
            "onsite_minutes": 60, "restore_deadline_hours": 8, "report_due_days": 3,
        },
        "panel": [
            {"name": "赵明远", "role": "组长"},
            {"name": "钱晓雯", "role": "成员"},
            {"name": "孙建国", "role": "成员"},
        ],
        "evidence": {
            "weekly_reports": weekly_reports(),
            "exempt_weeks": [{"week_of": "2025-01-27", "reason": "春节假期，经信息科同意免报"}],
            "special_periods": [
                {"name": "春节特巡", "start": "2025-01-28", "end": "2025-02-04", "requested_by": "信息科",
                 "report_date": "2025-02-05", "files": [attach("春节特巡报告.txt", "春节期间特巡特维报告\n")]},
                {"name": "全国两会期间特巡", "start": "2025-03-04", "end": "2025-03-11",
                 "requested_by": "办公室", "report_date": None, "files": []},
            ],
            "defect_reports": [{"date": "2025-03-20", "title": "第二考核周期系统缺陷及安全隐患分析报告",
                                "files": [attach("缺陷分析报告.txt", "缺陷分析：中间件版本、数据库连接池配置。\n")]}],
            "drills": [{"date": "2024-11-20", "title": "数据共享交换系统数据库主备切换演练", "files": []}],
            "trainings": [
                {"date": "2025-02-20", "topic": "电子证照系统窗口人员操作培训", "courseware": True,
                 "sign_in_sheet": True, "photos": True, "files": []},
                {"date": "2025-03-13", "topic": "好差评系统数据统计培训", "courseware": True,
                 "sign_in_sheet": True, "photos": False, "files": []},
            ],
            "faults": [
                {"id": "F-01", "business": "统一受理平台", "description": "办件查询响应缓慢，数据库连接池配置过小",
                 "effect": "degradation", "started_at": "2025-01-15T10:00", "restored_at": "2025-01-15T10:50",
                 "serious_impact": False, "vendor_caused": True, "reported_at": "2025-01-15T10:05",
                 "responded_at": "2025-01-15T10:23", "onsite_at": None, "restore_deadline_at": None,
                 "report_submitted_on": "2025-01-17", "level_override": None, "files": []},
                {"id": "F-02", "business": "电子证照系统", "description": "机房市电中断导致服务全部中断",
                 "effect": "interruption", "started_at": "2025-02-18T14:20", "restored_at": "2025-02-18T16:30",
                 "serious_impact": True, "vendor_caused": False, "reported_at": "2025-02-18T14:22",
                 "responded_at": "2025-02-18T14:25", "onsite_at": "2025-02-18T15:00",
                 "restore_deadline_at": None, "report_submitted_on": "2025-02-22", "level_override": None,
                 "files": [attach("F-02故障处理及分析报告.txt", "故障处理及分析报告：市电中断。\n")]},
            ],
            "security_events": [{"date": "2025-03-05", "kind": "hidden_danger", "vendor_caused": True,
                                 "description": "日常检查发现中间件存在已知高危漏洞未修补", "files": []}],
            "absences": [{"date": "2025-01-14", "person": "驻场工程师吴海峰", "excused": True,
                          "note": "病假，已提前报备"}],
            "violations": [{"noticed_on": "2025-02-11", "description": "变更未按规范登记", "corrected": True}],
            "offhours_misses": [
                {"at": "2025-01-04T22:40", "description": "周六夜间值班电话未接通"},
                {"at": "2025-01-31T09:15", "description": "春节假期值班工程师未按时到场"},
                {"at": "2025-02-15T23:05", "description": "夜间值班电话未接通"},
                {"at": "2025-03-16T08:30", "description": "周日值班电话未接通"},
            ],
            "unfulfilled_commitments": [],
            "late_optimizations": [],
        },
    }


def main() -> None:
    doc = document()
    data = parse_cycle(doc)
    SAMPLES.mkdir(parents=True, exist_ok=True)
    (SAMPLES / "demo-cycle.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", "utf-8")
    write_cycle_file(data, SAMPLES / "demo-cycle.zip", lambda digest: io.BytesIO(BLOBS[digest]))


if __name__ == "__main__":
    main()
