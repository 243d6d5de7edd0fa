from __future__ import annotations

from pathlib import Path

import pytest

from panelapp.store import open_database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "panel.db"


@pytest.fixture
def db(db_path: Path):
    database = open_database(db_path, operator="组员甲")
    yield database
    database.close(backup_on_close=False)


@pytest.fixture
def cycle2(db) -> int:
    return db.cycles.of_contract(db.cycles.contracts()[0].id)[1].id
