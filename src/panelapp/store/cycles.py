"""Contracts and their cycles: listing, the cycle as the core scores it (CycleData), creation
and roll-over. ``db.cycles``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ColumnElement, RowMapping, func, select
from sqlalchemy.orm import Session

from panelapp.core.contract import Contract
from panelapp.core.evidence import (
    EVIDENCE_KINDS,
    HALF_YEAR_KINDS,
    CycleData,
    Evidence,
    FileRef,
    ItemOverride,
    PanelMember,
    RegisterEntry,
)
from panelapp.core.scheme import load_scheme
from panelapp.store import lookup
from panelapp.store.damage import UNREADABLE, damaged, reading
from panelapp.store.errors import StoreError
from panelapp.store.mapping import contract_columns, contract_of, evidence_of, settings_of
from panelapp.store.models import (
    EVIDENCE_MODELS,
    AttachmentModel,
    ContractModel,
    CycleModel,
    ItemOverrideModel,
    PanelMemberModel,
    PaymentDeductionModel,
    table_of,
)
from panelapp.store.rows import ContractRow, CycleRow
from panelapp.store.seed import DEFAULT_PANEL
from panelapp.store.standing import replace_panel
from panelapp.store.unit import UnitOfWork


def files_by_record(s: Session, cycle_ids: Sequence[int]) -> dict[tuple[str, int], tuple[FileRef, ...]]:
    """The attachments of the records of ``cycle_ids``: (kind, record id) -> FileRefs in order."""
    out: dict[tuple[str, int], list[FileRef]] = {}
    q = (
        select(AttachmentModel.kind, AttachmentModel.record_id, AttachmentModel.name,
               AttachmentModel.sha256, AttachmentModel.size)
        .where(AttachmentModel.cycle_id.in_(cycle_ids))
        .order_by(AttachmentModel.position, AttachmentModel.id)
    )  # fmt: skip
    for kind, record_id, name, sha256, size in s.execute(q):
        out.setdefault((kind, record_id), []).append(FileRef(name, sha256, size))
    return {k: tuple(v) for k, v in out.items()}


def evidence_rows(s: Session, kind: str, where: ColumnElement[bool]) -> list[RowMapping]:
    """The stored columns of the evidence rows of ``kind`` matching ``where``, as plain rows (the
    mapped table's columns through the session: no ORM identity needed for reading)."""
    table = table_of(EVIDENCE_MODELS[kind])
    return reading(s, (table,), lambda: list(s.execute(select(table).where(where)).mappings()))


def cycle_data(s: Session, cycle_id: int) -> tuple[CycleData, dict[str, list[int]]]:
    """The cycle as the core scores it, and per kind the record ids in the same order."""
    c = lookup.cycle(s, cycle_id)
    of = contract_of(lookup.contract_model(s, c.contract_id))
    try:
        settings = settings_of(c.settings)
    except UNREADABLE as exc:
        raise damaged("cycles", cycle_id, "settings", c.settings) from exc
    first = of.half_year(c.number).first_cycle
    half = list(
        s.scalars(
            select(CycleModel.id)
            .where(CycleModel.contract_id == c.contract_id, CycleModel.number.between(first, c.number))
            .order_by(CycleModel.number)
        )
    )
    rank = {cid: i for i, cid in enumerate(half)}
    files = files_by_record(s, half)
    evidence: dict[str, tuple[object, ...]] = {}
    ids: dict[str, list[int]] = {}
    for kind in EVIDENCE_KINDS:
        model = EVIDENCE_MODELS[kind]
        cycles = half if kind in HALF_YEAR_KINDS else [cycle_id]
        found = evidence_rows(s, kind, model.cycle_id.in_(cycles))
        rows = sorted(found, key=lambda r: (rank.get(r["cycle_id"], 0), r["id"]))
        evidence[kind] = tuple(evidence_of(kind, r, files.get((kind, r["id"]), ())) for r in rows)
        ids[kind] = [r["id"] for r in rows]
    panel = tuple(
        PanelMember(m.name, m.role)
        for m in s.scalars(
            select(PanelMemberModel).where(PanelMemberModel.cycle_id == cycle_id).order_by(PanelMemberModel.position)
        )
    )
    overrides = {
        o.item_id: ItemOverride(o.deduction, o.reason)
        for o in s.scalars(
            select(ItemOverrideModel).where(ItemOverrideModel.cycle_id == cycle_id).order_by(ItemOverrideModel.item_id)
        )
    }
    register = tuple(
        RegisterEntry(d.kind, d.occurred_on, d.note, d.count)  # type: ignore[arg-type]
        for d in s.scalars(
            select(PaymentDeductionModel)
            .where(PaymentDeductionModel.contract_id == c.contract_id)
            .order_by(PaymentDeductionModel.occurred_on, PaymentDeductionModel.id)
        )
        if (d.cycle_number or of.cycle_of(d.occurred_on)) == c.number
    )
    data = CycleData(of, c.number, c.assessed_on, settings, panel, Evidence(**evidence), overrides,  # type: ignore[arg-type]
                     register)
    return data, ids


class Cycles:
    """Contracts and cycles (``db.cycles``)."""

    def __init__(self, uow: UnitOfWork):
        self._uow = uow

    def contracts(self) -> list[ContractRow]:
        with self._uow.tx() as s:
            models = reading(
                s, (table_of(ContractModel),), lambda: list(s.scalars(select(ContractModel).order_by(ContractModel.id)))
            )
            return [ContractRow(m.id, contract_of(m)) for m in models]

    def contract(self, contract_id: int) -> Contract:
        with self._uow.tx() as s:
            return contract_of(lookup.contract_model(s, contract_id))

    def of_contract(self, contract_id: int) -> list[CycleRow]:
        """The contract's cycles in order (empty when there is no such contract)."""
        with self._uow.tx() as s:
            q = select(CycleModel).where(CycleModel.contract_id == contract_id).order_by(CycleModel.number)
            models = reading(s, (table_of(CycleModel),), lambda: list(s.scalars(q)))
            return [lookup.cycle_row(s, c) for c in models]

    def row(self, cycle_id: int) -> CycleRow:
        with self._uow.tx() as s:
            return lookup.cycle_row(s, lookup.cycle(s, cycle_id))

    def find(self, number: int, contract_id: int | None = None) -> CycleRow:
        """Cycle ``number`` of ``contract_id`` (default: the first contract)."""
        with self._uow.tx() as s:
            if contract_id is None:
                contract_id = s.scalar(select(func.min(ContractModel.id)))
            q = select(CycleModel).where(CycleModel.contract_id == contract_id, CycleModel.number == number)
            c = reading(s, (table_of(CycleModel),), lambda: s.scalar(q))
            if c is None:
                raise StoreError(f"没有第{number}考核周期")
            return lookup.cycle_row(s, c)

    def data(self, cycle_id: int) -> tuple[CycleData, dict[str, list[int]]]:
        """``(CycleData, ids)``; ``ids[kind][i]`` is the record id of ``evidence.<kind>[i]``."""
        with self._uow.tx() as s:
            return cycle_data(s, cycle_id)

    def load(self, cycle_id: int) -> tuple[CycleRow, CycleData, dict[str, list[int]]]:
        """``row(cycle_id)`` and ``data(cycle_id)`` read in one transaction (what the window opens)."""
        with self._uow.tx() as s:
            data, ids = cycle_data(s, cycle_id)
            return lookup.cycle_row(s, lookup.cycle(s, cycle_id)), data, ids

    def create_contract(self, contract: Contract, panel: tuple[PanelMember, ...] = DEFAULT_PANEL) -> int:
        """A contract with all its cycles (open, scheme default settings) and a panel per cycle."""
        scheme = load_scheme(contract.scheme)
        with self._uow.tx() as s:
            if s.scalar(select(ContractModel.id).where(ContractModel.number == contract.number)):
                raise StoreError(f"合同编号 {contract.number} 已存在")
            m = ContractModel(**contract_columns(contract))
            s.add(m)
            s.flush()
            for period in contract.cycles():
                c = CycleModel(
                    contract_id=m.id,
                    number=period.number,
                    assessed_on=period.end + dt.timedelta(days=1),
                    settings=dataclasses.asdict(scheme.default_settings()),
                    status="open",
                    version=1,
                )
                s.add(c)
                s.flush()
                for pos, member in enumerate(panel):
                    s.add(PanelMemberModel(cycle_id=c.id, position=pos, name=member.name, role=member.role))
            s.flush()
            return m.id

    def next(self, cycle_id: int) -> CycleRow:
        """The following cycle, its panel and settings carried over from this one when it has none
        of its own yet (no evidence is carried; commitments and roster are per contract)."""
        with self._uow.tx() as s:
            c = lookup.cycle(s, cycle_id)
            contract_m = lookup.contract_model(s, c.contract_id)
            count = -(-contract_m.service_months // contract_m.cycle_months)
            if c.number >= count:
                raise StoreError(f"第{c.number}周期已是本合同的最后一个考核周期")
            nxt = s.scalar(
                select(CycleModel).where(CycleModel.contract_id == c.contract_id, CycleModel.number == c.number + 1)
            )
            if nxt is None:
                period = contract_of(contract_m).cycle(c.number + 1)
                nxt = CycleModel(
                    contract_id=c.contract_id,
                    number=c.number + 1,
                    status="open",
                    version=1,
                    assessed_on=period.end + dt.timedelta(days=1),
                    settings=dict(c.settings),
                )
                s.add(nxt)
                s.flush()
            if nxt.status == "open":
                panel = [
                    PanelMember(m.name, m.role)
                    for m in s.scalars(
                        select(PanelMemberModel)
                        .where(PanelMemberModel.cycle_id == c.id)
                        .order_by(PanelMemberModel.position)
                    )
                ]
                has_panel = s.scalar(select(PanelMemberModel.id).where(PanelMemberModel.cycle_id == nxt.id))
                if not has_panel:
                    replace_panel(s, nxt.id, panel)
                empty = not any(
                    s.scalar(select(m.id).where(m.cycle_id == nxt.id).limit(1)) for m in EVIDENCE_MODELS.values()
                )
                if empty and nxt.settings != c.settings:
                    nxt.settings = dict(c.settings)
            s.flush()
            return lookup.cycle_row(s, nxt)
