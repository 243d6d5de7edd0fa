"""Backups with SQLite's online backup API: on demand, before migrations, rotating on close."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from panelapp.store.errors import StoreError
from panelapp.store.fileinfo import header_problem, ro_uri

DEFAULT_KEEP = 10


def stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def backup_dir(db_path: Path) -> Path:
    folder = db_path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def manual_backup_path(db_path: Path) -> Path:
    """Where 备份 (the window's and ``panelapp backup``'s) writes when no file is named."""
    return backup_dir(db_path) / f"{db_path.stem}-manual-{stamp()}{db_path.suffix}"


def copy_database(src: Path, dest: Path) -> Path:
    """A consistent copy of ``src`` (WAL included) written to ``dest`` via a temp file + rename."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        source = sqlite3.connect(ro_uri(src), uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"备份失败：无法读取 {src}（{exc}）", path=str(src)) from exc
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target, pages=4096)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
    except sqlite3.DatabaseError as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise StoreError(f"备份失败：{exc}（源文件 {src}）", path=str(src)) from exc
    finally:
        source.close()
    _fsync(tmp)
    os.replace(tmp, dest)
    return dest


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def is_good(path: Path) -> bool:
    if header_problem(path):
        return False
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)] and "alembic_version" in names


def backups_of(db_path: Path) -> list[Path]:
    """The backups of ``db_path`` in its backups/ folder, newest first."""
    folder = db_path.parent / "backups"
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{db_path.stem}-*{db_path.suffix}") if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup of ``db_path`` that opens and passes SQLite's quick check."""
    for candidate in backups_of(Path(db_path)):
        if is_good(candidate):
            return candidate
    return None


def rotate(db_path: Path, keep: int) -> Path:
    """An automatic backup ``backups/<stem>-auto-<time>.db``; only the newest ``keep`` are kept."""
    from panelapp.store import shared_blobs

    folder = backup_dir(db_path)
    dest = folder / f"{db_path.stem}-auto-{stamp()}{db_path.suffix}"
    if shared_blobs.stored_bytes(db_path) >= shared_blobs.THIN_FROM:
        made = shared_blobs.thin_copy(db_path, dest)  # attachments once, in backups/blobs/
    else:
        made = copy_database(db_path, dest)
    autos = sorted(folder.glob(f"{db_path.stem}-auto-*{db_path.suffix}"), key=lambda p: p.name, reverse=True)
    for old in autos[max(keep, 1) :]:
        with contextlib.suppress(OSError):
            old.unlink()
    shared_blobs.collect(folder, [p for p in folder.iterdir() if p.is_file() and p.suffix == db_path.suffix])
    return made


def _copy_bytes(src: Path, dst: Path) -> None:
    """shutil.copy2 without CopyFile2: on Windows, Python 3.12's copy2 calls CopyFile2, which
    Wine 8 lacks (the Wine build route would crash here); copyfile + copystat is the same
    copy (bytes, then times and mode) through plain reads and writes on every system."""
    shutil.copyfile(src, dst)
    shutil.copystat(src, dst)


def replace_with(backup: Path, db_path: Path) -> Path:
    """Replace ``db_path`` with ``backup`` (already checked: store.restore_check.restore); the
    current file is first kept as a safety copy. Returns the safety copy's path."""
    from panelapp.store.lock import FileLock

    backup, db_path = Path(backup), Path(db_path)
    lock = FileLock(db_path)
    lock.acquire()
    try:
        safety = backup_dir(db_path) / f"{db_path.stem}-before-restore-{stamp()}{db_path.suffix}"
        if db_path.exists():
            if is_good(db_path):
                copy_database(db_path, safety)
            else:  # keep the damaged file byte for byte, with its WAL
                _copy_bytes(db_path, safety)
                for ext in ("-wal", "-shm"):
                    side = db_path.with_name(db_path.name + ext)
                    if side.exists():
                        _copy_bytes(side, safety.with_name(safety.name + ext))
        tmp = db_path.with_name(db_path.name + ".restoring")
        copy_database(backup, tmp)
        from panelapp.store import shared_blobs

        try:  # a thin automatic backup: the attachment bytes come back from backups/blobs/
            shared_blobs.rehydrate(tmp, shared_blobs.store_dir(backup.parent))
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        for ext in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                db_path.with_name(db_path.name + ext).unlink()
        os.replace(tmp, db_path)
        from panelapp.store import witness

        witness.record_file(db_path, "restore")  # the heads witnessed before are no longer expected
        return safety
    finally:
        lock.release()
