"""The store API the window and the report code against."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from storehelp import DEMO_JSON, absence, fault, weekly

from panelapp.core.engine import score_cycle
from panelapp.core.evidence import ItemOverride, LevelOverride, PanelMember, Settings
from panelapp.store import OnsiteStaff, PaymentDeduction, StoreError, open_database


def test_new_database_holds_the_contract_its_four_cycles_and_a_panel(db):
    [row] = db.cycles.contracts()
    assert row.contract.number == "HAJCR2401215EGN00"
    assert row.contract.total_amount == Decimal("2545000.00")
    cycles = db.cycles.of_contract(row.id)
    assert [(c.number, str(c.period.start), str(c.period.end)) for c in cycles] == [
        (1, "2024-09-30", "2024-12-29"),
        (2, "2024-12-30", "2025-03-29"),
        (3, "2025-03-30", "2025-06-29"),
        (4, "2025-06-30", "2025-09-29"),
    ]
    assert all(c.status == "open" and c.version == 1 for c in cycles)
    assert db.standing.panel_members(row.id) == [PanelMember("组员甲", "组长"), PanelMember("组员乙", "成员")]
    data, ids = db.cycles.data(cycles[0].id)
    assert data.settings == Settings() and data.evidence.count() == 0
    assert set(ids) >= {"faults", "weekly_reports"}


def test_journal_is_wal_and_foreign_keys_are_on(db):
    with db.unit.tx() as s:
        conn = s.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_add_update_delete_are_audited_with_operator_and_values(db, cycle2):
    rid = db.evidence.add(cycle2, "weekly_reports", weekly())
    db.operator = "组员乙"
    db.evidence.update("weekly_reports", rid, weekly(3, "改后"))
    db.evidence.delete("weekly_reports", rid)
    entries = db.audit.history(table="weekly_reports", record_id=rid)
    assert [e.action for e in entries] == ["create", "update", "delete"]
    assert [e.operator for e in entries] == ["组员甲", "组员乙", "组员乙"]
    assert entries[0].old is None and entries[0].new["title"] == "第1周巡检报告"
    assert entries[1].changes() == {"date": ("2025-01-02", "2025-01-03"), "title": ("第1周巡检报告", "改后")}
    assert entries[2].new is None and entries[2].old["title"] == "改后"
    assert all(e.table == "weekly_reports" and e.record_id == rid for e in entries)
    assert [e.id for e in db.audit.history(cycle_id=cycle2)][-3:] == [e.id for e in entries]
    assert db.audit.verify().ok


def test_cycle_data_maps_engine_refs_to_record_ids(db, cycle2):
    first = db.evidence.add(cycle2, "faults", fault("F-01", 1))
    second = db.evidence.add(
        cycle2, "faults", replace(fault("F-02", 6), level_override=LevelOverride("III", "影响有限"))
    )
    data, ids = db.cycles.data(cycle2)
    assert ids["faults"] == [first, second]
    assert data.evidence.faults[1].level_override == LevelOverride("III", "影响有限")
    result = score_cycle(data)
    refs = [ref for item in result.items for line in item.lines for ref in line.refs if ref.kind == "faults"]
    assert {ids["faults"][r.index] for r in refs} == {first, second}


def test_closing_cycle_includes_the_half_years_earlier_drills(db):
    from panelapp.core.evidence import Drill

    c1, c2, c3, _ = (c.id for c in db.cycles.of_contract(1))
    early = db.evidence.add(c1, "drills", Drill(date(2024, 11, 5), "数据库切换演练"))
    late = db.evidence.add(c2, "drills", Drill(date(2025, 2, 5), "网络演练"))
    assert db.cycles.data(c2)[1]["drills"] == [early, late]
    assert db.cycles.data(c1)[1]["drills"] == [early]
    assert db.cycles.data(c3)[1]["drills"] == []


def test_bad_evidence_is_refused_naming_the_field(db, cycle2):
    with pytest.raises(StoreError) as err:
        db.evidence.add(cycle2, "absences", absence(day=14).__class__(date(2025, 6, 1), "A", False))
    assert "date" in str(err.value) and "不在" in str(err.value)
    assert err.value.errors[0][0] == "date"
    bad = replace(fault(), restored_at=fault().started_at.replace(hour=8))
    with pytest.raises(StoreError, match="restored_at"):
        db.evidence.add(cycle2, "faults", bad)
    db.evidence.add(cycle2, "faults", fault("F-01"))
    with pytest.raises(StoreError, match="F-01"):
        db.evidence.add(cycle2, "faults", fault("F-01", 2))
    with pytest.raises(StoreError, match="未知"):
        db.evidence.add(cycle2, "nonsense", weekly())
    assert db.cycles.data(cycle2)[0].evidence.count() == 1


def test_final_cycle_refuses_every_write_until_reopened_with_a_reason(db, cycle2, tmp_path):
    rid = db.evidence.add(cycle2, "weekly_reports", weekly())
    db.signoff.finalise(cycle2, "ab" * 32)
    row = db.cycles.row(cycle2)
    assert (row.status, row.version, row.finalised_by, row.fingerprint) == ("final", 1, "组员甲", "ab" * 32)
    (tmp_path / "f.txt").write_text("x")
    attempts = [
        lambda: db.evidence.add(cycle2, "weekly_reports", weekly(9)),
        lambda: db.evidence.update("weekly_reports", rid, weekly(9)),
        lambda: db.evidence.delete("weekly_reports", rid),
        lambda: db.header.set_settings(cycle2, Settings(violation_points=2)),
        lambda: db.header.set_assessed_on(cycle2, date(2025, 4, 9)),
        lambda: db.header.set_item_override(cycle2, "1.1", ItemOverride(0, "理由")),
        lambda: db.attachments.attach("weekly_reports", rid, tmp_path / "f.txt"),
        lambda: db.standing.set_panel_members(1, [PanelMember("甲", "组长")], cycle_id=cycle2),
        lambda: db.transfer.import_file(DEMO_JSON),
        lambda: db.signoff.finalise(cycle2, "cd" * 32),
    ]
    for attempt in attempts:
        with pytest.raises(StoreError, match="本周期已定稿"):
            attempt()
    with pytest.raises(StoreError, match="理由"):
        db.signoff.reopen(cycle2, "  ")
    db.signoff.reopen(cycle2, "发现漏录一次缺勤")
    row = db.cycles.row(cycle2)
    assert (row.status, row.version, row.reopen_reason) == ("open", 2, "发现漏录一次缺勤")
    db.evidence.add(cycle2, "weekly_reports", weekly(9))


def test_settings_assessed_on_and_item_override(db, cycle2):
    db.header.set_settings(cycle2, Settings(violation_points=2))
    db.header.set_assessed_on(cycle2, date(2025, 4, 3))
    with pytest.raises(StoreError, match="理由"):
        db.header.set_item_override(cycle2, "3.2", ItemOverride(1, " "))
    with pytest.raises(StoreError, match="9.9"):
        db.header.set_item_override(cycle2, "9.9", ItemOverride(1, "x"))
    with pytest.raises(StoreError, match="只能取"):
        db.header.set_settings(cycle2, Settings(violation_points=7))
    with pytest.raises(StoreError, match="早于"):
        db.header.set_assessed_on(cycle2, date(2024, 1, 1))
    db.header.set_item_override(cycle2, "3.2", ItemOverride(1, "情节轻微"))
    data, _ = db.cycles.data(cycle2)
    assert data.settings.violation_points == 2 and data.assessed_on == date(2025, 4, 3)
    assert data.item_overrides == {"3.2": ItemOverride(1, "情节轻微")}
    db.header.set_item_override(cycle2, "3.2", None)
    assert db.cycles.data(cycle2)[0].item_overrides == {}
    actions = [(e.table, e.action) for e in db.audit.history(cycle_id=cycle2)]
    assert ("item_overrides", "delete") in actions and ("cycles", "update") in actions


def test_attachments_are_content_addressed_and_streamed_back(db, cycle2, tmp_path):
    a = db.evidence.add(cycle2, "weekly_reports", weekly())
    b = db.evidence.add(cycle2, "weekly_reports", weekly(9, "第2周"))
    payload = bytes(range(256)) * 9000  # 2.3 MB: three chunks
    src = tmp_path / "巡检报告.pdf"
    src.write_bytes(payload)
    ref = db.attachments.attach("weekly_reports", a, src)
    db.attachments.attach("weekly_reports", b, src, name="副本.pdf")
    assert ref.size == len(payload) and len(ref.sha256) == 64
    assert db.attachments.of_record("weekly_reports", a) == [ref]
    assert db.attachments.mime("weekly_reports", a, ref.sha256) == "application/pdf"
    counts = db.audit.counts()
    assert counts["blobs"] == 1 and counts["blob_chunks"] == 3 and counts["attachments"] == 2
    out = db.attachments.export(ref.sha256, tmp_path / "out.pdf")
    assert out.read_bytes() == payload
    assert db.cycles.data(cycle2)[0].evidence.weekly_reports[0].files == (ref,)
    db.attachments.detach("weekly_reports", a, ref.sha256)
    assert db.attachments.of_record("weekly_reports", a) == []
    with pytest.raises(StoreError):
        db.attachments.detach("weekly_reports", a, ref.sha256)
    assert db.audit.verify(blobs=True).ok


def test_panel_standing_lists_and_roll_over(db):
    c1, c2, *_ = db.cycles.of_contract(1)
    db.standing.set_panel_members(1, [PanelMember("王某", "组长"), PanelMember("李某", "成员")], cycle_id=c1.id)
    db.standing.set_bid_commitments(1, ["每月提交运维月报", "配备7名驻场人员"])
    db.standing.set_onsite_roster(1, [OnsiteStaff("驻场人员A", "项目经理")])
    db.evidence.add(c1.id, "absences", absence().__class__(date(2024, 10, 8), "驻场人员A", False))
    with db.unit.tx() as s:  # make cycle 2 look never touched
        from panelapp.store.models import PanelMemberModel

        for m in s.query(PanelMemberModel).filter_by(cycle_id=c2.id):
            s.delete(m)
    nxt = db.cycles.next(c1.id)
    assert nxt.id == c2.id and nxt.number == 2
    data, _ = db.cycles.data(c2.id)
    assert data.panel == (PanelMember("王某", "组长"), PanelMember("李某", "成员"))
    assert data.evidence.count() == 0
    assert db.standing.bid_commitments(1) == ["每月提交运维月报", "配备7名驻场人员"]
    assert db.standing.onsite_roster(1) == [OnsiteStaff("驻场人员A", "项目经理")]
    with pytest.raises(StoreError, match="最后一个"):
        db.cycles.next(db.cycles.of_contract(1)[3].id)


def test_unfulfilled_commitment_joins_the_standing_list(db, cycle2):
    from panelapp.core.evidence import UnfulfilledCommitment

    db.evidence.add(cycle2, "unfulfilled_commitments", UnfulfilledCommitment("每月提交运维月报"))
    assert db.standing.bid_commitments(1) == ["每月提交运维月报"]


def test_exports_and_payment_deductions(db, cycle2):
    db.signoff.record_export(cycle2, "AB" * 32, "fp", "pdf", "/tmp/x.pdf")
    found = db.signoff.find_export("ab" * 32)
    assert (
        found.cycle_id == cycle2 and found.version == 1 and found.operator == "组员甲" and found.kind == "pdf"
    )
    assert db.signoff.find_export("00" * 32) is None
    db.standing.add_payment_deduction(1, PaymentDeduction("commitment", 2, date(2025, 4, 1), "两项承诺", cycle=2))
    db.standing.add_payment_deduction(1, PaymentDeduction("criticism", 1, date(2025, 5, 1)))
    amounts = [(d.kind, d.amount) for d in db.standing.payment_deductions(1)]
    assert amounts == [("commitment", Decimal("152700.00")), ("criticism", Decimal("10000.00"))]
    with pytest.raises(StoreError):
        db.standing.add_payment_deduction(1, PaymentDeduction("other", 1, date(2025, 5, 1)))


def test_reopening_keeps_everything(db_path):
    db = open_database(db_path)
    c2 = db.cycles.of_contract(1)[1].id
    rid = db.evidence.add(c2, "weekly_reports", weekly())
    backup = db.close()
    assert backup is not None and backup.parent.name == "backups"
    db = open_database(db_path)
    try:
        assert db.cycles.data(c2)[1]["weekly_reports"] == [rid]
        assert len(db.cycles.contracts()) == 1  # not seeded twice
        assert db.close() is None  # nothing written: no new backup
    finally:
        db.close()


def test_automatic_backups_rotate(db_path):
    from panelapp.store.backup import backups_of

    db = open_database(db_path)
    db.set_backup_keep(3)
    db.close()
    for i in range(5):
        db = open_database(db_path)
        db.evidence.add(db.cycles.of_contract(1)[1].id, "weekly_reports", weekly(2 + i))
        db.close()
    autos = [p for p in backups_of(db_path) if "-auto-" in p.name]
    assert len(autos) == 3


def test_default_location_uses_the_user_data_folder(tmp_path, monkeypatch):
    from panelapp.store import default_db_path

    monkeypatch.delenv("PANELAPP_DB", raising=False)
    if sys.platform == "win32":
        # platformdirs ignores XDG_* on Windows: it asks the shell for the local AppData folder.
        import platformdirs.windows

        real = platformdirs.windows.get_win_folder
        local = str(tmp_path / "data")
        monkeypatch.setattr(
            platformdirs.windows,
            "get_win_folder",
            lambda csidl: local if csidl == "CSIDL_LOCAL_APPDATA" else real(csidl),
        )
    else:
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = default_db_path()
    assert path == tmp_path / "data" / "panelapp" / "panelapp.db"
    db = open_database()
    try:
        assert db.path == path and path.exists() and db.cycles.contracts()
    finally:
        db.close()


def test_record_history_includes_its_attachments(db, cycle2, tmp_path):
    rid = db.evidence.add(cycle2, "weekly_reports", weekly())
    other = db.evidence.add(cycle2, "weekly_reports", weekly(9))
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4 a")
    ref = db.attachments.attach("weekly_reports", rid, tmp_path / "a.pdf")
    db.attachments.attach("weekly_reports", other, tmp_path / "a.pdf")
    db.attachments.detach("weekly_reports", rid, ref.sha256)
    entries = db.audit.record_history("weekly_reports", rid)
    assert [(e.table, e.action) for e in entries] == [
        ("weekly_reports", "create"),
        ("attachments", "create"),
        ("attachments", "delete"),
    ]


@pytest.mark.slow
def test_a_100_mb_scan_is_streamed_in_and_out_in_chunks(db, cycle2, tmp_path):
    import hashlib
    import tracemalloc

    big = tmp_path / "scan.tif"
    with open(big, "wb") as fh:
        for i in range(100):
            fh.write(i.to_bytes(4, "big") * (1 << 18))  # 100 MiB, 1 MiB at a time
    rid = db.evidence.add(cycle2, "weekly_reports", weekly())
    tracemalloc.start()
    try:
        ref = db.attachments.attach("weekly_reports", rid, big)
        db.attachments.export(ref.sha256, tmp_path / "back.tif")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert ref.size == 100 << 20
    assert peak < 12 << 20, f"peak Python memory {peak >> 20} MiB"
    h = hashlib.sha256()
    with open(tmp_path / "back.tif", "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    assert h.hexdigest() == ref.sha256
    assert db.audit.counts()["blob_chunks"] == 100


def test_override_beyond_the_items_floor_is_refused(db, cycle2):
    with pytest.raises(StoreError, match="0 到 5"):
        db.header.set_item_override(cycle2, "1.1", ItemOverride(6, "理由"))
    db.header.set_item_override(cycle2, "2.1", ItemOverride(40, "两次一级故障"))  # no floor: allowed


def test_a_failed_automatic_backup_does_not_fail_closing(db_path, monkeypatch):
    from panelapp.store import backup

    db = open_database(db_path)
    db.evidence.add(db.cycles.find(2).id, "weekly_reports", weekly())

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "rotate", full_disk)
    assert db.close() is None
    assert "自动备份失败" in db.backup_error
    open_database(db_path).close(backup_on_close=False)  # lock released, data intact


def test_marking_standing_commitments_unfulfilled(db, cycle2):
    db.standing.set_bid_commitments(1, ["每月提交运维月报", "配备7名驻场人员"])
    rid = db.standing.mark_commitment(cycle2, "配备7名驻场人员", True, "仅5人")
    assert db.standing.unfulfilled_commitments(cycle2) == {"配备7名驻场人员": rid}
    assert db.standing.mark_commitment(cycle2, "配备7名驻场人员", True) == rid  # idempotent
    data, _ = db.cycles.data(cycle2)
    assert [c.commitment for c in data.evidence.unfulfilled_commitments] == ["配备7名驻场人员"]
    db.standing.mark_commitment(cycle2, "配备7名驻场人员", False)
    assert db.standing.unfulfilled_commitments(cycle2) == {}


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(StoreError, match="文件夹"):
        open_database(tmp_path)


def test_verify_db_of_a_locked_database_is_refused_not_failed(db, capsys):
    from panelapp.cli import main

    assert main(["verify-db", "--db", str(db.path)]) == 2
    assert "另一个" in capsys.readouterr().err


def test_sqlite_failures_become_chinese_store_errors_and_write_nothing(db, cycle2, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from panelapp.store import evidence

    before = db.audit.counts()

    def boom(*_a, **_k):
        raise OperationalError("INSERT", {}, Exception("database or disk is full"))

    monkeypatch.setattr(evidence, "check_record", boom)
    with pytest.raises(StoreError, match="磁盘已满"):
        db.evidence.add(cycle2, "weekly_reports", weekly())
    monkeypatch.undo()
    assert db.audit.counts() == before
    db.evidence.add(cycle2, "weekly_reports", weekly())  # the session is usable again


def test_a_final_closing_cycle_freezes_the_earlier_cycles_half_year_events(db, tmp_path):
    from panelapp.core.evidence import Drill, Training

    c1, c2 = db.cycles.find(1), db.cycles.find(2)
    drill = db.evidence.add(c1.id, "drills", Drill(date(2024, 11, 20), "主备切换演练"))
    data, _ = db.cycles.data(c2.id)
    db.signoff.finalise(c2.id, "f" * 64)
    with pytest.raises(StoreError, match="第2考核周期已定稿"):
        db.evidence.add(c1.id, "trainings", Training(date(2024, 11, 21), "培训", True, True, True))
    with pytest.raises(StoreError, match="第2考核周期已定稿"):
        db.evidence.delete("drills", drill)
    scan = tmp_path / "scan.txt"
    scan.write_text("演练报告", "utf-8")
    with pytest.raises(StoreError, match="第2考核周期已定稿"):
        db.attachments.attach("drills", drill, scan)
    # other cycle-1 evidence stays writable
    db.evidence.add(c1.id, "absences", replace(absence(), date=date(2024, 11, 5)))
    assert db.cycles.data(c2.id)[0] == data


def test_a_typed_payment_amount_is_rounded_from_its_decimal_form(db):
    """1.005 (a float from a spin box) is 1.01 yuan, not Decimal(1.005) = 1.00499… -> 1.00."""
    db.standing.add_payment_deduction(1, PaymentDeduction("criticism", 1, date(2025, 5, 1), amount=1.005))
    db.standing.add_payment_deduction(1, PaymentDeduction("criticism", 1, date(2025, 5, 2), amount=Decimal("2.675")))
    assert [d.amount for d in db.standing.payment_deductions(1)] == [Decimal("1.01"), Decimal("2.68")]
