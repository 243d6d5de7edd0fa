"""``panelapp deduction`` / ``annual`` and ``--contract`` end to end through panelapp.cli.main."""

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

from samples import cycle2

from conftest import fill
from panelapp.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _db(tmp_path):
    from panelapp.store import open_database

    path = tmp_path / "settle.db"
    db = open_database(path, operator="组员甲")
    fill(db, db.cycles.of_contract(db.cycles.contracts()[0].id)[1].id, cycle2())
    db.close()
    return path


def _annual(path, capsys, *extra):
    capsys.readouterr()
    assert main(["annual", "--json", "--db", str(path), *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_deductions_are_entered_once_and_settled(tmp_path, capsys):
    path = _db(tmp_path)
    db = ["--db", str(path)]
    before = _annual(path, capsys)
    # the sample marks "每月提交运维月报" unfulfilled in cycle 2: 3.3① there, and 十一.2 once
    assert [(d["kind"], d["amount"], d["cycle"]) for d in before["payment_deductions"]] == [
        ("commitment", "76350.00", 2)]
    assert main(["deduction", "add", "--kind", "criticism", "--date", "2025-05-12",
                 "--description", "省平台通报数据共享超时", *db]) == 0
    # the same commitment found unfulfilled again in cycle 3 costs 3.3 points there but is not charged twice
    assert main(["deduction", "add", "--kind", "commitment", "--date", "2025-05-20",
                 "--description", "每月提交运维月报", *db]) == 0
    assert main(["score", "--cycle", "3", "--json", *db]) == 0
    capsys.readouterr()
    s = _annual(path, capsys)
    assert [(d["kind"], d["date"], d["amount"]) for d in s["payment_deductions"]] == [
        ("commitment", "2025-03-29", "76350.00"), ("criticism", "2025-05-12", "10000.00")]
    # cycle 3 has nothing else entered: 1.1 (13 weeks, capped at 5), 1.3 (5) and 3.3① (2): 88
    assert s["cycles"][2]["score"] == 88
    # cycles 2 (87) and 3 (88) withhold 5 % each: 254,500.00; deductions 76,350.00 + 10,000.00
    assert s["total_withheld"] == "340850.00" and s["payable"] == "2204150.00" and s["cap"] == "2545000.00"
    assert s["cycles"][1] == {"number": 2, "score": 87, "tier_percent": 5, "deduction_amount": "127250.00",
                              "final": False, "assessed": True, "provisional": False}
    assert s["evaluation"]["band"] == "良好" and s["evaluation"]["mean"] == "87.5"
    assert [p["absorbed"] for p in s["payments"]] == ["0.00", "340850.00"]
    # removal needs a reason, which the audit trail keeps
    criticism = next(d["id"] for d in s["payment_deductions"] if d["kind"] == "criticism")
    assert main(["deduction", "remove", criticism, "--reason", " ", *db]) == 2
    assert "--reason" in capsys.readouterr().err
    assert main(["deduction", "remove", criticism, "--reason", "上级撤回通报", *db]) == 0
    assert _annual(path, capsys)["total_withheld"] == "330850.00"
    with sqlite3.connect(path) as conn:
        notes = [r[0] for r in conn.execute(
            "SELECT new FROM audit_log WHERE table_name = 'payment_deductions' AND action = 'update'")]
    assert any("撤销理由：上级撤回通报" in n for n in notes)
    assert main(["verify-db", *db]) == 0


def test_bad_deductions_are_refused_naming_the_field(tmp_path, capsys):
    path = _db(tmp_path)
    with sqlite3.connect(path) as conn:
        entries = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    args = ["deduction", "add", "--db", str(path)]
    assert main([*args, "--kind", "fine", "--date", "2025-05-12", "--description", "x"]) == 2
    assert capsys.readouterr().err.startswith("--kind：")
    assert main([*args, "--kind", "criticism", "--date", "2025-10-01", "--description", "x"]) == 2
    assert "--date：2025-10-01 不在合同服务期" in capsys.readouterr().err
    assert main([*args, "--kind", "criticism", "--date", "２０２５-05-12", "--description", "x"]) == 2
    assert "--date：" in capsys.readouterr().err
    assert main([*args, "--kind", "criticism", "--date", "2025-05-12", "--description", "  "]) == 2
    assert "--description：" in capsys.readouterr().err
    assert main(["deduction", "remove", "X1", "--reason", "r", "--db", str(path)]) == 2
    assert main(["deduction", "remove", "D99", "--reason", "r", "--db", str(path)]) == 2
    assert "D99" in capsys.readouterr().err
    assert main(["deduction", "remove", "S99", "--reason", "r", "--db", str(path)]) == 2
    assert "没有编号为 S99 的支付时扣减" in capsys.readouterr().err
    assert _annual(path, capsys)["payment_deductions"][0]["id"].startswith("C")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == entries  # nothing written


def test_two_contracts_need_contract(tmp_path, capsys):
    path = _db(tmp_path)
    src = json.loads((ROOT / "resources/samples/demo-cycle.json").read_text(encoding="utf-8"))
    src["contract"]["number"] = "OTHER-2025-01"
    src["contract"]["project"] = "另一个运维项目"
    (tmp_path / "other.json").write_text(json.dumps(src, ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(tmp_path / "other.json"), "--db", str(path)]) == 0
    assert "已新增合同 OTHER-2025-01" in capsys.readouterr().out
    for argv in (["score", "--cycle", "2"], ["annual"], ["export-pdf", "--cycle", "2", str(tmp_path / "a.pdf")],
                 ["export-xlsx", str(tmp_path / "a.xlsx")], ["finalise", "--cycle", "2"],
                 ["export", "--cycle", "2", str(tmp_path / "c.json")], ["deduction", "list"]):
        assert main([*argv, "--db", str(path)]) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("--contract：") and "HAJCR2401215EGN00" in err and "OTHER-2025-01" in err, argv
    assert not (tmp_path / "a.pdf").exists()
    assert main(["score", "--cycle", "2", "--json", "--contract", "OTHER-2025-01", "--db", str(path)]) == 0
    theirs = json.loads(capsys.readouterr().out)
    assert theirs["contract"] == "OTHER-2025-01"
    assert main(["score", "--cycle", "2", "--json", "--contract", "HAJCR2401215EGN00", "--db", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 87
    assert main(["score", "--cycle", "2", "--contract", "NOPE", "--db", str(path)]) == 2
    assert "--contract：数据库中没有合同 NOPE" in capsys.readouterr().err


def test_an_event_marked_as_a_criticism_counts_once_and_travels_in_the_file(tmp_path, capsys):
    path = _db(tmp_path)
    doc = json.loads((ROOT / "resources/samples/demo-cycle.json").read_text(encoding="utf-8"))
    before = _annual(path, capsys)
    # version 3: a notified security event that also got the bureau criticised (十一.3)
    doc["version"] = 3
    for drill in doc["evidence"]["drills"]:
        drill["reported"] = True
    doc["evidence"]["security_events"] = [{"date": "2025-03-03", "kind": "notified", "vendor_caused": True,
                                          "description": "省网信办通报弱口令", "criticism": True, "files": []}]
    (tmp_path / "v3.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(tmp_path / "v3.json"), "--db", str(path)]) == 0
    after = _annual(path, capsys)
    marked = [d for d in after["payment_deductions"] if d["id"].startswith("S")]
    assert [(d["kind"], d["date"], d["amount"], d["cycle"]) for d in marked] == [
        ("criticism", "2025-03-03", "10000.00", 2)]
    assert Decimal(after["total_withheld"]) == Decimal(before["total_withheld"]) + Decimal("10000.00") + (
        Decimal(after["withheld_by_cycles"]) - Decimal(before["withheld_by_cycles"]))
    # the mark is withdrawn on the record, not in the register
    assert main(["deduction", "remove", marked[0]["id"], "--reason", "x", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "取消勾选" in err and err.startswith(f"ID：{marked[0]['id']} 是2.2 安全运行事件记录上")
    # it travels in the cycle file, which then needs version 3; a cycle without marks stays version 1
    assert main(["export", "--cycle", "2", str(tmp_path / "out.json"), "--db", str(path)]) == 0
    out = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert out["version"] == 3
    assert sorted(e.get("criticism") for e in out["evidence"]["security_events"]) == [False, True]
    assert main(["export", "--cycle", "3", str(tmp_path / "c3.json"), "--db", str(path)]) == 0
    assert json.loads((tmp_path / "c3.json").read_text(encoding="utf-8"))["version"] == 1


def test_the_commitment_register_shows_each_status(tmp_path, capsys):
    path = _db(tmp_path)
    from panelapp.store import open_database

    db = open_database(path)
    contract_id = db.cycles.contracts()[0].id
    db.standing.set_bid_commitments(contract_id, ["每月提交运维月报", "驻场人员不少于7名"])
    db.close()
    assert main(["deduction", "add", "--kind", "commitment", "--date", "2025-05-20",
                 "--description", "每月提交运维月报", "--db", str(path)]) == 0
    s = _annual(path, capsys)
    assert [(c["commitment"], c["unfulfilled_in"]) for c in s["commitments"]] == [
        ("每月提交运维月报", [2, 3]), ("驻场人员不少于7名", [])]
    assert s["commitments"][1]["status"] == "未发现未完成"
    assert "第2、3周期认定" in s["commitments"][0]["status"]
    assert main(["annual", "--db", str(path)]) == 0
    assert "驻场人员不少于7名  未发现未完成" in capsys.readouterr().out


def test_register_entries_travel_with_their_cycle(tmp_path, capsys):
    path = _db(tmp_path)
    db = ["--db", str(path)]
    assert main(["deduction", "add", "--kind", "criticism", "--date", "2025-02-10",
                 "--description", "省平台通报数据共享超时", *db]) == 0
    assert main(["export", "--cycle", "2", str(tmp_path / "c2.json"), *db]) == 0
    doc = json.loads((tmp_path / "c2.json").read_text(encoding="utf-8"))
    assert doc["version"] == 3
    assert doc["payment_deductions"] == [
        {"kind": "criticism", "date": "2025-02-10", "description": "省平台通报数据共享超时", "count": 1}]
    # into another database: the entry joins its register, once, however often the file comes in
    other = tmp_path / "other.db"
    for _ in range(2):
        assert main(["import", str(tmp_path / "c2.json"), "--db", str(other)]) == 0
    assert "登记支付时扣减1项" in capsys.readouterr().out
    theirs = _annual(other, capsys)
    assert [(d["kind"], d["date"], d["amount"]) for d in theirs["payment_deductions"] if d["id"][0] == "D"] == [
        ("criticism", "2025-02-10", "10000.00")]
    assert theirs["total_withheld"] == _annual(path, capsys)["total_withheld"]
    # a bad entry is refused naming its field, and nothing is written
    doc["payment_deductions"] = [{"kind": "fine", "date": "2026-02-10", "description": " "}]
    (tmp_path / "bad.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(tmp_path / "bad.json"), "--db", str(other)]) == 2
    err = capsys.readouterr().err
    for field in ("payment_deductions[0].kind", "payment_deductions[0].date", "payment_deductions[0].description"):
        assert field in err, field
    # a version-2 file has no register
    doc["version"] = 2
    doc["payment_deductions"] = []
    (tmp_path / "v2.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(tmp_path / "v2.json"), "--db", str(other)]) == 2
    assert "payment_deductions" in capsys.readouterr().err
