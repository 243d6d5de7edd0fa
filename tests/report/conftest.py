import io
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from samples import cycle2  # noqa: E402

from panelapp.core.evidence import EVIDENCE_KINDS  # noqa: E402


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """The local signing certificate and everything else of the user data dir goes to tmp."""
    d = tmp_path / "userdata"
    monkeypatch.setenv("PANELAPP_DATA_DIR", str(d))
    return d


def fill(db, cycle_id, data):
    for kind in EVIDENCE_KINDS:
        for ev in getattr(data.evidence, kind):
            db.evidence.add(cycle_id, kind, ev)


@pytest.fixture
def db(tmp_path):
    from panelapp.store import open_database

    database = open_database(tmp_path / "panel.db", operator="组员甲")
    contract = database.cycles.contracts()[0]
    database.standing.set_panel_members(contract.id, list(cycle2().panel))
    yield database
    database.close()


@pytest.fixture
def cycle_id(db):
    """Cycle 2 of the seeded contract, filled with the sample evidence (total 87, 5%)."""
    row = db.cycles.of_contract(db.cycles.contracts()[0].id)[1]
    fill(db, row.id, cycle2())
    return row.id


def pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    """Text without the line breaks and spaces that wrapping puts inside words."""
    return re.sub(r"\s+", "", text)
