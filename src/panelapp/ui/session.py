"""The open cycle: the store's CycleData mirrored in memory, re-scored by the core engine on every edit.

Edits go to the store first (it validates and audits); the in-memory copy is
then patched and the engine re-run, so the score bar follows within a few
milliseconds even at a thousand evidence records. Widgets never score.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from panelapp.core.engine import score_cycle
from panelapp.core.evidence import EVIDENCE_KINDS, CycleData, FileRef, ItemOverride, Settings
from panelapp.core.result import CycleResult
from panelapp.core.scheme import Scheme, load_scheme


class CycleSession(QObject):
    """One database, one chosen cycle. Emits ``scored`` after every change."""

    scored = Signal()  # result recomputed (any change)
    evidenceChanged = Signal(str)  # one evidence kind changed (rows to refresh)
    cycleOpened = Signal()  # a different cycle (or a full reload)

    def __init__(self, db, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.cycle_id: int | None = None
        self.row = None
        self.data: CycleData | None = None
        self.ids: dict[str, list[int]] = {}
        self.result: CycleResult | None = None
        self.scheme: Scheme | None = None
        self._alias: dict[tuple[str, int], int] = {}

    # -- loading -------------------------------------------------------------------------------
    def open_cycle(self, cycle_id: int) -> None:
        self.cycle_id = cycle_id
        self.reload()

    def load(self, cycle_id: int) -> None:
        """Read the cycle from the store and score it, without telling the widgets yet."""
        row, data, ids = self.db.cycles.load(cycle_id)
        if cycle_id != self.cycle_id:
            self._alias.clear()  # undo history belongs to one cycle
        self.cycle_id, self.row, self.data = cycle_id, row, data
        self.ids = {kind: list(ids.get(kind, [])) for kind in EVIDENCE_KINDS}
        self.scheme = load_scheme(data.contract.scheme)
        self._rescore()

    def reload(self) -> None:
        if self.cycle_id is not None:
            self.load(self.cycle_id)
            self.announce()

    def announce(self) -> None:
        """Every widget refreshes from the loaded cycle."""
        self.cycleOpened.emit()
        for kind in EVIDENCE_KINDS:
            self.evidenceChanged.emit(kind)
        self.scored.emit()

    def _rescore(self) -> None:
        self.result = score_cycle(self.data, self.scheme)

    @property
    def is_final(self) -> bool:
        return self.row is not None and self.row.status == "final"

    # -- ids across undo/redo ------------------------------------------------------------------
    def resolve(self, kind: str, record_id: int) -> int:
        """The current id of a record that undo/redo may have re-created under a new id."""
        seen = set()
        while (kind, record_id) in self._alias and record_id not in seen:
            seen.add(record_id)
            record_id = self._alias[(kind, record_id)]
        return record_id

    def alias(self, kind: str, old_id: int, new_id: int) -> None:
        if old_id != new_id:
            self._alias[(kind, old_id)] = new_id

    # -- reading -------------------------------------------------------------------------------
    def records(self, kind: str) -> tuple:
        return getattr(self.data.evidence, kind)

    def record(self, kind: str, record_id: int):
        index = self.ids[kind].index(self.resolve(kind, record_id))
        return self.records(kind)[index]

    def index_of(self, kind: str, record_id: int) -> int:
        return self.ids[kind].index(self.resolve(kind, record_id))

    # -- writing (called by undo commands) -----------------------------------------------------
    def _patch(self, kind: str, rows: tuple, ids: list[int]) -> None:
        evidence = dataclasses.replace(self.data.evidence, **{kind: rows})
        self.data = dataclasses.replace(self.data, evidence=evidence)
        self.ids[kind] = ids
        self._rescore()
        self.evidenceChanged.emit(kind)
        self.scored.emit()

    def add(self, kind: str, obj) -> int:
        record_id = self.db.evidence.add(self.cycle_id, kind, obj)
        self._patch(kind, self.records(kind) + (obj,), self.ids[kind] + [record_id])
        return record_id

    def update(self, kind: str, record_id: int, obj) -> None:
        record_id = self.resolve(kind, record_id)
        self.db.evidence.update(kind, record_id, obj)
        index = self.ids[kind].index(record_id)
        rows = list(self.records(kind))
        rows[index] = obj
        self._patch(kind, tuple(rows), self.ids[kind])

    def delete(self, kind: str, record_id: int) -> None:
        record_id = self.resolve(kind, record_id)
        self.db.evidence.delete(kind, record_id)
        index = self.ids[kind].index(record_id)
        rows = list(self.records(kind))
        del rows[index]
        ids = list(self.ids[kind])
        del ids[index]
        self._patch(kind, tuple(rows), ids)

    def set_override(self, item_id: str, override: ItemOverride | None) -> None:
        self.db.header.set_item_override(self.cycle_id, item_id, override)
        overrides = dict(self.data.item_overrides)
        if override is None:
            overrides.pop(item_id, None)
        else:
            overrides[item_id] = override
        self.data = dataclasses.replace(self.data, item_overrides=overrides)
        self._rescore()
        self.scored.emit()

    def set_settings(self, settings: Settings) -> None:
        self.db.header.set_settings(self.cycle_id, settings)
        self.data = dataclasses.replace(self.data, settings=settings)
        self._rescore()
        self.scored.emit()

    def set_assessed_on(self, day) -> None:
        self.db.header.set_assessed_on(self.cycle_id, day)
        self.data = dataclasses.replace(self.data, assessed_on=day)
        self._rescore()
        self.evidenceChanged.emit("faults")  # report lateness counts to the assessment date
        self.evidenceChanged.emit("weekly_reports")  # weeks not over on it are not yet due (预评)
        self.scored.emit()

    def _refresh_files(self, kind: str, record_id: int) -> None:
        files = tuple(self.db.attachments.of_record(kind, record_id))
        index = self.ids[kind].index(record_id)
        rows = list(self.records(kind))
        if "files" in {f.name for f in dataclasses.fields(rows[index])}:
            rows[index] = dataclasses.replace(rows[index], files=files)
            self._patch(kind, tuple(rows), self.ids[kind])

    def files_changed(self, kind: str, record_id: int) -> None:
        """Re-read a record's attachments after a worker changed them."""
        self._refresh_files(kind, self.resolve(kind, record_id))

    def attach(self, kind: str, record_id: int, path: Path) -> FileRef:
        record_id = self.resolve(kind, record_id)
        ref = self.db.attachments.attach(kind, record_id, Path(path))
        self._refresh_files(kind, record_id)
        return ref

    def detach(self, kind: str, record_id: int, sha256: str) -> None:
        record_id = self.resolve(kind, record_id)
        self.db.attachments.detach(kind, record_id, sha256)
        self._refresh_files(kind, record_id)

    def attachments(self, kind: str, record_id: int) -> list[FileRef]:
        return list(self.db.attachments.of_record(kind, self.resolve(kind, record_id)))
