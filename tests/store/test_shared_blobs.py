"""Backups that scale: attachment bytes stored once and shared by thin automatic backups
(issue 13 item 7)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from storehelp import weekly

from panelapp.cli import main
from panelapp.store import open_database, shared_blobs
from panelapp.store.backup import backups_of


@pytest.fixture(autouse=True)
def thin_always(tmp_path, monkeypatch):
    monkeypatch.setattr(shared_blobs, "THIN_FROM", 0)
    monkeypatch.setenv("PANELAPP_DATA_DIR", str(tmp_path / "userdata"))


def _attach(db, tmp_path: Path, name: str, size: int = 300_000) -> str:
    src = tmp_path / name
    src.write_bytes(os.urandom(size))
    rid = db.evidence.add(db.cycles.find(2).id, "weekly_reports", weekly(2 + len(name) % 5, title=name))
    return db.attachments.attach("weekly_reports", rid, src).sha256


def _chunks(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM blob_chunks").fetchone()[0]
    finally:
        conn.close()


def test_a_close_after_an_edit_copies_only_what_changed(db_path, tmp_path):
    db = open_database(db_path)
    first = [_attach(db, tmp_path, f"a{i}.pdf") for i in range(3)]
    backup1 = db.close()
    shared = shared_blobs.store_dir(backup1.parent)
    assert _chunks(backup1) == 0, "the backup holds no attachment bytes"
    assert sorted(p.name for p in shared.iterdir()) == sorted(first)
    stamps = {p.name: p.stat().st_mtime_ns for p in shared.iterdir()}
    db = open_database(db_path)
    added = _attach(db, tmp_path, "b.pdf")
    db.close()
    after = {p.name: p.stat().st_mtime_ns for p in shared.iterdir()}
    assert set(after) == set(first) | {added}
    assert all(after[name] == stamps[name] for name in first), "blobs already stored were not rewritten"
    assert backups_of(db_path)[0].stat().st_size < db_path.stat().st_size


def test_restoring_a_thin_backup_brings_the_attachment_bytes_back(db_path, tmp_path, capsys):
    db = open_database(db_path)
    sha = _attach(db, tmp_path, "a.pdf")
    expected = (tmp_path / "a.pdf").read_bytes()
    backup = db.close()
    db = open_database(db_path)
    _attach(db, tmp_path, "later.pdf")
    db.close()
    assert main(["restore", str(backup), "--db", str(db_path)]) == 0, capsys.readouterr()
    db = open_database(db_path)
    try:
        out = db.attachments.export(sha, tmp_path / "back.pdf")
        assert out.read_bytes() == expected
        assert db.audit.verify(blobs=True).ok
    finally:
        db.close(backup_on_close=False)


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_a_thin_backup_whose_shared_blob_is_gone_or_damaged_is_not_restored(db_path, tmp_path, damage, capsys):
    db = open_database(db_path)
    sha = _attach(db, tmp_path, "a.pdf")
    backup = db.close()
    db = open_database(db_path)
    db.set_backup_keep(5)
    db.close()
    blob = shared_blobs.store_dir(backup.parent) / sha
    if damage == "missing":
        blob.unlink()
    else:
        data = bytearray(blob.read_bytes())
        data[10] ^= 1
        blob.write_bytes(bytes(data))
    before = db_path.read_bytes()
    assert main(["restore", str(backup), "--db", str(db_path)]) == 2
    assert sha[:12] in capsys.readouterr().err
    assert db_path.read_bytes() == before
    assert not db_path.with_name(db_path.name + ".restoring").exists()


def test_rotation_deletes_shared_blobs_no_kept_backup_uses(db_path, tmp_path):
    db = open_database(db_path)
    db.set_backup_keep(2)
    used = _attach(db, tmp_path, "a.pdf")
    backup = db.close()
    shared = shared_blobs.store_dir(backup.parent)
    stray = shared / ("f" * 64)  # a blob only a backup rotated away had used
    stray.write_bytes(b"old")
    db = open_database(db_path)
    _attach(db, tmp_path, "b.pdf")
    db.close()
    assert not stray.exists() and (shared / used).exists()
