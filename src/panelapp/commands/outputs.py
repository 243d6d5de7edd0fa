"""The files a command writes: never over a database, an empty file, or a file of another kind,
and never into a folder that does not exist (commands create no folders).

A command replaces an existing output only when it is recognisably the same kind of file
(a PDF over a PDF, a workbook over a workbook); anything else — the database itself, any
SQLite file, an empty (possibly truncated) file, a document of another type — is refused
with a Chinese message and left untouched (docs/security.md).
"""

from __future__ import annotations

from pathlib import Path

_ZIP = b"PK\x03\x04"
#: what an existing file must start with to be replaced, by suffix (None: any text starting "{")
MAGIC: dict[str, bytes | None] = {".pdf": b"%PDF-", ".xlsx": _ZIP, ".zip": _ZIP, ".json": None}
SQLITE = b"SQLite format 3\x00"


def missing_folder(out: Path) -> str | None:
    """The Chinese refusal when OUT's folder does not exist (commands never create folders)."""
    folder = Path(out).parent
    if folder.is_dir():
        return None
    return f"OUT：输出文件夹不存在：{folder}（不会自动创建文件夹，请先创建或换一个位置）"


def output_problem(out: Path, db_path: Path | None = None, *, replace: bool = True) -> str | None:
    """A Chinese reason not to write ``out``, or None. ``replace=False``: any existing file is refused."""
    out = Path(out)
    problem = missing_folder(out)
    if problem:
        return problem
    if out.is_dir():
        return f"{out} 是一个文件夹，请给出文件名"
    if db_path is not None:
        db = Path(db_path).absolute()
        targets = {db} | {db.with_name(db.name + ext) for ext in ("-wal", "-shm", ".lock")}
        if out.absolute() in targets or (out.exists() and db.exists() and out.samefile(db)):
            return f"{out} 是数据库文件本身，不能用导出覆盖它"
    if not out.exists():
        return None
    if not replace:
        return f"{out} 已存在，不覆盖；请换一个文件名"
    try:
        with open(out, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        return f"{out} 已存在且无法读取（{exc.strerror or exc}），不覆盖"
    if not head:
        return f"{out} 已存在且是空文件（0 字节，可能是被截断的文件），不覆盖；请换一个文件名或先删除它"
    if head.startswith(SQLITE):
        return f"{out} 已存在且是一个数据库文件，不覆盖；请换一个文件名"
    suffix = out.suffix.lower()
    if suffix in MAGIC:
        magic = MAGIC[suffix]
        ok = head.startswith(magic) if magic else head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
        if not ok:
            return f"{out} 已存在，但不是本程序导出的同类文件（{suffix}），不覆盖；请换一个文件名"
    return None
