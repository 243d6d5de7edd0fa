"""Property: whatever the API accepts exports and imports back equal, and re-importing merges to nothing."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from panelapp.core.engine import score_cycle
from panelapp.core.evidence import (
    Absence,
    Fault,
    LevelOverride,
    OffhoursMiss,
    SecurityEvent,
    Training,
    Violation,
    WeeklyReport,
)
from panelapp.store import StoreError, open_database

START, END = date(2024, 12, 30), date(2025, 3, 29)
days = st.integers(0, (END - START).days).map(lambda n: START + timedelta(days=n))
moments = st.integers(0, (END - START).days * 1440).map(
    lambda n: datetime(2024, 12, 30) + timedelta(minutes=n)
)
text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=10)
name = text.filter(lambda s: s.strip())


@st.composite
def faults(draw) -> Fault:
    start = draw(moments)
    reported = start + timedelta(minutes=draw(st.integers(0, 90)))
    override = draw(st.none() | st.builds(LevelOverride, st.sampled_from(["I", "II", "III", "IV"]), name))
    return Fault(
        draw(name),
        draw(text),
        draw(text),
        draw(st.sampled_from(["interruption", "degradation"])),
        start,
        start + timedelta(minutes=draw(st.integers(0, 2000))),
        draw(st.booleans()),
        draw(st.booleans()),
        reported,
        reported + timedelta(minutes=draw(st.integers(0, 60))),
        level_override=override,
    )


records = st.one_of(
    st.builds(lambda d, t: ("weekly_reports", WeeklyReport(d, t)), days, text),
    st.builds(lambda d, p, e, n: ("absences", Absence(d, p, e, n)), days, text, st.booleans(), text),
    st.builds(lambda d, t, c: ("violations", Violation(d, t, c)), days, text, st.booleans()),
    st.builds(lambda m, t: ("offhours_misses", OffhoursMiss(m, t)), moments, text),
    st.builds(
        lambda d, k, v, t: ("security_events", SecurityEvent(d, k, v, t)),
        days,
        st.sampled_from(["major", "notified", "reminder", "hidden_danger"]),
        st.booleans(),
        text,
    ),
    st.builds(
        lambda d, t, a, b, c: ("trainings", Training(d, t, a, b, c)),
        days,
        name,
        st.booleans(),
        st.booleans(),
        st.booleans(),
    ),
    faults().map(lambda f: ("faults", f)),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records, max_size=15))
def test_export_import_round_trip_and_remerge(items):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(folder / "a.db")
        try:
            cycle = db.cycles.find(2).id
            for kind, obj in items:
                try:
                    db.evidence.add(cycle, kind, obj)
                except StoreError as exc:  # refused (blank required text, repeated fault id): named field
                    assert exc.errors and "未保存" in str(exc)
            data, _ = db.cycles.data(cycle)
            out = db.transfer.export(cycle, folder / "c.json")
            again = db.transfer.import_file(out)
            assert again.added_count == 0 and len(again.duplicates) == data.evidence.count()
            assert db.cycles.data(cycle)[0] == data
            fresh = open_database(folder / "b.db")
            try:
                report = fresh.transfer.import_file(out)
                theirs, _ = fresh.cycles.data(report.cycle_id)
                assert theirs == data
                assert score_cycle(theirs) == score_cycle(data)
                assert fresh.audit.verify().ok
            finally:
                fresh.close(backup_on_close=False)
            assert db.audit.verify().ok
        finally:
            db.close(backup_on_close=False)
