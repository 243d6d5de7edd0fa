"""Cycle header: settings, assessment date, item overrides (``db.header``)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from panelapp.core.evidence import ItemOverride, Settings
from panelapp.core.overrides import override_problem
from panelapp.core.scheme import load_scheme
from panelapp.store import lookup
from panelapp.store.errors import StoreError
from panelapp.store.mapping import contract_of
from panelapp.store.models import ItemOverrideModel
from panelapp.store.unit import UnitOfWork


class CycleHeader:
    """What the panel sets for a cycle besides its evidence (``db.header``)."""

    def __init__(self, uow: UnitOfWork):
        self._uow = uow

    def set_settings(self, cycle_id: int, settings: Settings) -> None:
        with self._uow.tx() as s:
            c = lookup.writable(s, cycle_id)
            scheme = load_scheme(lookup.contract_model(s, c.contract_id).scheme)
            values = dataclasses.asdict(settings)
            for key, spec in scheme.settings.items():
                value = values.get(key)
                if not isinstance(value, int) or isinstance(value, bool):
                    raise StoreError(f"设置“{spec.label}”必须是整数")
                if spec.choices and value not in spec.choices:
                    raise StoreError(f"设置“{spec.label}”只能取 {'、'.join(map(str, spec.choices))}")
                if spec.min is not None and value < spec.min or spec.max is not None and value > spec.max:
                    raise StoreError(f"设置“{spec.label}”超出允许范围")
            if c.settings != values:
                c.settings = values

    def set_assessed_on(self, cycle_id: int, day: dt.date) -> None:
        with self._uow.tx() as s:
            c = lookup.writable(s, cycle_id)
            start = contract_of(lookup.contract_model(s, c.contract_id)).cycle(c.number).start
            if day < start:
                raise StoreError(f"评定日期 {day} 早于本考核周期开始（{start}）")
            if c.assessed_on != day:
                c.assessed_on = day

    def set_item_override(self, cycle_id: int, item_id: str, override: ItemOverride | None) -> None:
        with self._uow.tx() as s:
            c = lookup.writable(s, cycle_id)
            scheme = load_scheme(lookup.contract_model(s, c.contract_id).scheme)
            try:
                item = scheme.item(item_id)
            except KeyError:
                raise StoreError(f"评分方案中没有指标 {item_id}") from None
            row = s.scalar(
                select(ItemOverrideModel).where(
                    ItemOverrideModel.cycle_id == cycle_id, ItemOverrideModel.item_id == item_id
                )
            )
            if override is None:
                if row is not None:
                    s.delete(row)
                return
            problem = override_problem(item, override.deduction, override.reason)
            if problem is not None:
                raise StoreError(problem)
            from panelapp.core.limits import text_problem

            if problem := text_problem(override.reason or ""):
                raise StoreError(f"调整指标 {item_id}（{item.name}）的理由：{problem}")
            if row is None:
                s.add(
                    ItemOverrideModel(
                        cycle_id=cycle_id,
                        item_id=item_id,
                        deduction=override.deduction,
                        reason=override.reason,
                    )
                )
            else:
                row.deduction, row.reason = override.deduction, override.reason
