"""Cheap checks of a database file before SQLite touches it: header, size, permissions."""

from __future__ import annotations

import os
from pathlib import Path

from panelapp.store.errors import StoreError

MAGIC = b"SQLite format 3\x00"


def ro_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path`` (percent-encoded, so Windows drive letters, spaces,
    '?', '#' and Chinese names are safe)."""
    return Path(path).absolute().as_uri() + "?mode=ro"


def header_problem(path: Path) -> str | None:
    """A Chinese description of what is wrong with the file's header or size, or None."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return f"无法读取文件：{exc.strerror or exc}"
    if size == 0:
        return "文件是空的（0 字节），可能在写入时被截断"
    if len(header) < 100 or not header.startswith(MAGIC):
        return "不是数据库文件（文件头不是 SQLite 格式），可能已损坏或被其他内容覆盖"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "数据库文件头已损坏（页大小无效）"
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        # A crash during a checkpoint can leave the main file shorter than its header says;
        # SQLite replays the write-ahead log on open, and the integrity check judges the result.
        return None
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[24:28] == header[92:96]
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        # a crash during a checkpoint can leave the header ahead of the file; the pages are still
        # in the WAL and SQLite completes them on open (the quick check that follows verifies it)
        return None
    if header_valid and pages and size < pages * page_size:
        return f"数据库文件被截断：应有 {pages * page_size} 字节，实际只有 {size} 字节"
    if size % page_size:
        return f"数据库文件被截断：大小 {size} 字节不是页大小 {page_size} 的整数倍"
    return None


def check_writable(path: Path) -> None:
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(
            f"数据库文件是只读的：{path}。请在文件属性中取消“只读”，或把文件复制到可写的文件夹后再打开。"
            "文件未被改动。",
            path=str(path),
        )
    if not os.access(folder, os.W_OK):
        raise StoreError(
            f"数据库所在文件夹不可写：{folder}。程序需要在数据库旁边写入日志、锁和备份文件，"
            "请把数据库放到可写的文件夹。文件未被改动。",
            path=str(path),
        )


def default_db_path() -> Path:
    """``$PANELAPP_DB`` or panelapp.db in the user's data folder (platformdirs)."""
    override = os.environ.get("PANELAPP_DB")
    if override:
        return Path(override)
    from panelapp.paths import user_data_folder

    return user_data_folder() / "panelapp.db"
