"""Property tests of the reader: random valid documents round-trip; mutated ones never crash."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from panelapp.core.cyclefile import CycleFileError, dump_cycle, parse_cycle
from panelapp.core.engine import score_cycle
from panelapp.core.workdays import DEFAULT_WORKING_HOURS, offhours_problem
from panelapp.paths import resource

BASE = json.loads(resource("samples", "demo-cycle.json").read_text("utf-8"))
START, END = date(2024, 12, 30), date(2025, 3, 29)
SPAN = (END - START).days

days = st.integers(0, SPAN).map(lambda n: START + timedelta(days=n))
minutes = st.integers(0, SPAN * 1440).map(lambda n: datetime(2024, 12, 30) + timedelta(minutes=n))
text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
name = text.filter(lambda s: s.strip())
#: 3.2③ misses must be off-hours (weekend, holiday, or outside 08:00-18:00 on a working day)
offhours = minutes.filter(lambda m: offhours_problem(m, DEFAULT_WORKING_HOURS) is None)


def iso(d: date) -> str:
    return d.isoformat()


def at(m: datetime) -> str:
    return m.strftime("%Y-%m-%dT%H:%M")


@st.composite
def faults(draw, i: int) -> dict:
    start = draw(minutes)
    restored = start + timedelta(minutes=draw(st.integers(0, 3000)))
    reported = start + timedelta(minutes=draw(st.integers(0, 60)))
    responded = draw(st.none() | st.integers(0, 120).map(lambda n: at(reported + timedelta(minutes=n))))
    onsite = draw(st.none() | st.integers(0, 200).map(lambda n: at(reported + timedelta(minutes=n))))
    submitted = draw(st.none() | st.integers(0, 20).map(lambda n: iso(restored.date() + timedelta(days=n))))
    override = draw(st.none() | st.builds(lambda lv, r: {"level": lv, "reason": r},
                                          st.sampled_from(["I", "II", "III", "IV"]), name))
    return {
        "id": f"F-{i:02d}", "business": draw(text), "description": draw(text),
        "effect": draw(st.sampled_from(["interruption", "degradation"])),
        "started_at": at(start), "restored_at": at(restored),
        "serious_impact": draw(st.booleans()), "vendor_caused": draw(st.booleans()),
        "reported_at": at(reported), "responded_at": responded, "onsite_at": onsite,
        "restore_deadline_at": None, "report_submitted_on": submitted, "level_override": override, "files": [],
    }


@st.composite
def documents(draw) -> dict:
    doc = copy.deepcopy(BASE)
    ev = doc["evidence"]
    ev["weekly_reports"] = [{"date": iso(d), "title": draw(text), "files": []}
                            for d in draw(st.lists(days, max_size=15))]
    ev["defect_reports"] = [{"date": iso(d), "title": draw(text), "files": []}
                            for d in draw(st.lists(days, max_size=2))]
    ev["faults"] = [draw(faults(i)) for i in range(draw(st.integers(0, 6)))]
    ev["security_events"] = [
        {"date": iso(draw(days)), "kind": draw(st.sampled_from(["major", "notified", "reminder", "hidden_danger"])),
         "vendor_caused": draw(st.booleans()), "description": draw(text), "files": []}
        for _ in range(draw(st.integers(0, 4)))
    ]
    ev["absences"] = [{"date": iso(draw(days)), "person": draw(name), "excused": draw(st.booleans()),
                       "note": draw(text)} for _ in range(draw(st.integers(0, 5)))]
    ev["offhours_misses"] = [{"at": at(draw(offhours)), "description": draw(text)}
                             for _ in range(draw(st.integers(0, 10)))]
    ev["unfulfilled_commitments"] = [{"commitment": draw(name), "note": ""} for _ in range(draw(st.integers(0, 3)))]
    doc["settings"]["violation_points"] = draw(st.sampled_from([1, 2]))
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_valid_documents_round_trip_and_score(doc):
    data = parse_cycle(doc)
    assert dump_cycle(data) == doc
    assert parse_cycle(json.loads(json.dumps(dump_cycle(data)))) == data
    result = score_cycle(data)
    assert result.total == sum(i.score for i in result.items)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


ALL_PATHS = [p for p in _paths(BASE) if p]
junk = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), text,
                 st.lists(st.integers(), max_size=2), st.dictionaries(text, st.integers(), max_size=2))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), junk, st.booleans()), min_size=1, max_size=4))
def test_mutated_documents_are_scored_or_refused_never_crash(mutations):
    doc = copy.deepcopy(BASE)
    for path, value, delete in mutations:
        node = doc
        try:
            for key in path[:-1]:
                node = node[key]
            if delete:
                del node[path[-1]]
            else:
                node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    try:
        score_cycle(parse_cycle(doc))
    except CycleFileError as exc:
        assert exc.errors and all(e.path and e.message for e in exc.errors)


@settings(max_examples=100, deadline=None)
@given(st.recursive(junk, lambda c: st.lists(c, max_size=3) | st.dictionaries(text, c, max_size=3), max_leaves=8))
def test_random_json_is_refused_cleanly(value):
    try:
        parse_cycle(value)
    except CycleFileError as exc:
        assert exc.errors
