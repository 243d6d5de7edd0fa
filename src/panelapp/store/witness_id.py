"""The database's id (``app_settings.database_id``), by which the witness log knows the file."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from panelapp.store.models import AppSetting
from panelapp.store.unit import UnitOfWork
from panelapp.store.witness import ID_KEY


def ensure_id(unit: UnitOfWork) -> str:
    """The id, created (through the ORM, so audited) the first time this version writes the file."""
    with unit.tx() as s:
        value = s.scalar(select(AppSetting.value).where(AppSetting.key == ID_KEY))
        if value is None:
            value = uuid.uuid4().hex
            s.add(AppSetting(key=ID_KEY, value=value))
        return value
