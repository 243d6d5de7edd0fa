"""Backups that scale: attachment bytes stored once, in ``backups/blobs/<sha256>``, shared by backups.

An automatic backup of a database holding more than ``THIN_FROM`` bytes of attachments is
*thin*: every table is copied except ``blob_chunks`` (the attachment bytes), and each stored
blob is written once to the shared folder (content-addressed, hash-checked, atomic). A close
after an edit therefore copies the rows (megabytes) and only the attachments added since.
Restoring a thin backup (store.restore_check.restore → backup.replace_with) puts the bytes
back from the shared folder, checking each against its SHA-256, before the file is replaced;
a blob missing there refuses the restore. Rotation deletes shared blobs no kept backup uses.

Small databases keep self-contained backups (a plain SQLite copy). A thin backup opened
directly — not through 恢复备份 — has attachment rows without their bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from pathlib import Path

from panelapp.store.errors import StoreError
from panelapp.store.fileinfo import ro_uri

#: attachments (bytes) from which automatic backups are thin
THIN_FROM = 16 * 2**20
CHUNK = 1 << 20
FOLDER = "blobs"


def store_dir(backup_folder: Path) -> Path:
    return Path(backup_folder) / FOLDER


def stored_bytes(db: Path) -> int:
    conn = sqlite3.connect(ro_uri(db), uri=True)
    try:
        return int(conn.execute("SELECT coalesce(sum(size), 0) FROM blobs WHERE stored = 1").fetchone()[0])
    finally:
        conn.close()


def _export_blobs(conn: sqlite3.Connection, folder: Path) -> int:
    """Write every stored blob missing from ``folder``; returns how many were written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for sha, size in conn.execute("SELECT sha256, size FROM src.blobs WHERE stored = 1").fetchall():
        target = folder / sha
        if target.is_file() and target.stat().st_size == size:
            continue
        tmp = folder / f".{sha}.part"
        h = hashlib.sha256()
        with open(tmp, "wb") as out:
            for (data,) in conn.execute("SELECT data FROM src.blob_chunks WHERE sha256 = ? ORDER BY seq", (sha,)):
                h.update(data)
                out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if h.hexdigest() != sha:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"备份失败：附件 {sha[:12]}… 的内容已损坏（与其 SHA-256 不符）")
        os.replace(tmp, target)
        written += 1
    return written


def thin_copy(src: Path, dest: Path) -> Path:
    """A consistent copy of ``src`` without the attachment bytes, which go to the shared folder."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    conn = sqlite3.connect(tmp, uri=True, isolation_level=None)
    try:
        conn.execute("ATTACH DATABASE ? AS src", (ro_uri(src),))
        conn.execute("BEGIN")  # one read snapshot of src for the rows and the blobs alike
        schema = conn.execute(
            "SELECT type, name, sql FROM src.sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
            "ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END"
        ).fetchall()
        for kind, _name, sql in schema:
            if kind == "table":
                conn.execute(sql)
        for kind, name, _sql in schema:
            if kind == "table" and name != "blob_chunks":
                conn.execute(f'INSERT INTO main."{name}" SELECT * FROM src."{name}"')
        for kind, _name, sql in schema:
            if kind != "table":
                conn.execute(sql)
        _export_blobs(conn, store_dir(dest.parent))
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
        conn.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as exc:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise StoreError(f"备份失败：{exc}（源文件 {src}）", path=str(src)) from exc
    finally:
        conn.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    return dest


def rehydrate(db_file: Path, folder: Path) -> int:
    """Put back the bytes of every stored blob ``db_file`` lacks, from ``folder``; returns how many."""
    conn = sqlite3.connect(db_file, isolation_level=None)
    try:
        missing = conn.execute(
            "SELECT sha256, size FROM blobs b WHERE stored = 1 AND NOT EXISTS "
            "(SELECT 1 FROM blob_chunks c WHERE c.sha256 = b.sha256)"
        ).fetchall()
        conn.execute("BEGIN")
        for sha, size in missing:
            source = folder / sha
            if not source.is_file():
                raise StoreError(f"备份引用的附件 {sha[:12]}… 在共享附件文件夹 {folder} 中找不到，未恢复。")
            h, seq, total = hashlib.sha256(), 0, 0
            with open(source, "rb") as fh:
                while data := fh.read(CHUNK):
                    h.update(data)
                    total += len(data)
                    conn.execute("INSERT INTO blob_chunks (sha256, seq, data) VALUES (?, ?, ?)", (sha, seq, data))
                    seq += 1
            if h.hexdigest() != sha or total != size:
                raise StoreError(f"共享附件文件夹中的附件 {sha[:12]}… 已损坏（与其 SHA-256 或大小不符），未恢复。")
        conn.execute("COMMIT")
        return len(missing)
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


def collect(folder: Path, kept: list[Path]) -> int:
    """Delete shared blobs that no backup in ``kept`` references; returns how many."""
    shared = store_dir(folder)
    if not shared.is_dir():
        return 0
    used: set[str] = set()
    for backup in kept:
        with contextlib.suppress(sqlite3.Error):
            conn = sqlite3.connect(ro_uri(backup) + "&immutable=1", uri=True)
            try:
                used.update(r[0] for r in conn.execute("SELECT sha256 FROM blobs WHERE stored = 1"))
            finally:
                conn.close()
    removed = 0
    for path in shared.iterdir():
        if path.is_file() and path.name not in used and not path.name.startswith("."):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed
