"""The bundled demo cycle (resources/samples/demo-cycle.json), scored by hand from its evidence.

Hand reading of the file against scoring-rules.md (cycle 2: 2024-12-30 .. 2025-03-29):
1.1  reports cover weeks 1-4, 6-8, 10-13; week 5 (01-27) exempt; week 9 (02-24) missing -> 1
1.2  春节特巡 reported; 全国两会期间特巡 report_date null -> 2
1.3  one defect report, one required -> 0
1.4  drill 2024-11-20 (cycle 1) counts for H1, judged now -> 0
1.5  2025-02-20 training complete (the 03-13 one lacks 照片) -> 0
2.1  F-01 vendor, degradation 50 min, no serious impact -> IV, 5; F-02 not vendor -> 0
2.2  vendor hidden danger -> 2
3.1  F-01 responded 18 min after report -> 1; F-02 report due 02-21, submitted 02-22 -> 1
3.2  excused absence, corrected violation, 4 off-hours misses -> floor(4/3) = 1
3.3  nothing -> 0
total 25-3 + 40-7 + 35-3 = 87 -> 5% -> 127,250.00
"""

from __future__ import annotations

from decimal import Decimal

from panelapp.core.cyclefile import read_cycle_file
from panelapp.core.engine import score_cycle
from panelapp.paths import resource

EXPECTED = {
    "1.1": 1,
    "1.2": 2,
    "1.3": 0,
    "1.4": 0,
    "1.5": 0,
    "2.1": 5,
    "2.2": 2,
    "3.1": 2,
    "3.2": 1,
    "3.3": 0,
}


def test_demo_cycle_scores_as_read_by_hand():
    data = read_cycle_file(resource("samples", "demo-cycle.json")).data
    r = score_cycle(data)
    assert {i.id: i.deduction for i in r.items} == EXPECTED
    assert [(s.id, s.score) for s in r.sections] == [("1", 22), ("2", 33), ("3", 32)]
    assert r.total == 87 and r.tier_percent == 5
    assert r.deduction_amount == Decimal("127250.00")
    assert "第9周（2025-02-24起）无巡检报告，扣1分" in r.item("1.1").explanation
    assert "全国两会期间特巡" in r.item("1.2").explanation
    assert "照片" in r.item("1.5").explanation
    f01, f02 = r.faults
    assert (f01.computed_level, f01.late_response, f01.overdue_days) == ("IV", True, 0)
    assert (f02.computed_level, f02.late_response, f02.overdue_days) == ("II", False, 1)
    assert "故障F-01（质量劣化50分钟，无严重影响）定为四级其它故障，扣5分" in r.item("2.1").explanation


def test_demo_zip_scores_the_same():
    json_data = read_cycle_file(resource("samples", "demo-cycle.json")).data
    zip_data = read_cycle_file(resource("samples", "demo-cycle.zip")).data
    assert score_cycle(zip_data) == score_cycle(json_data)
