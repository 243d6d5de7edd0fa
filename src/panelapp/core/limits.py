"""Limits on everything that comes from outside: cycle files (.json / .zip) and the forms.

One module so that every reader checks the same numbers, documented in docs/cycle-file.md
and docs/security.md. Sizes are checked before anything is read: a .json by its size on
disk, a .zip by its central directory (declared sizes, compression method and ratio,
encryption); the decoded document is then walked once (``scan``) for lone surrogates,
over-long text, numbers outside SQLite's integer range and too many records, so that each
problem is reported with its field path and nothing hostile reaches the engine or the file.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import date
from typing import Any

#: cycle.json (alone or in a .zip), bytes
MAX_CYCLE_JSON = 50 * 2**20
#: characters in any one text field (a title, a description, a name, a reason…)
MAX_TEXT = 2000
#: records of one evidence kind in one cycle file
MAX_RECORDS = 10_000
#: any other list (panel members, attachments of one record)
MAX_LIST = 1_000
#: nesting of the JSON document (the format needs 5)
MAX_DEPTH = 12
#: digits of a JSON number; SQLite stores integers in 64 bits
MAX_DIGITS = 19
SQLITE_INT_MAX = 2**63 - 1
#: one attachment, bytes (declared in cycle.json and in the zip's directory)
MAX_ATTACHMENT = 4 * 2**30
#: entries in a .zip, and all of them inflated together
MAX_ZIP_ENTRIES = 50_000
MAX_ZIP_TOTAL = 64 * 2**30
#: inflated / compressed, for entries that inflate to more than RATIO_FLOOR bytes
MAX_RATIO = 100
RATIO_FLOOR = 2**20
#: zip compression methods Python reads: stored, deflate, bzip2, lzma
ZIP_METHODS = {zipfile.ZIP_STORED: "存储", zipfile.ZIP_DEFLATED: "Deflate", zipfile.ZIP_BZIP2: "BZIP2",
               zipfile.ZIP_LZMA: "LZMA"}
#: every date in a cycle file (the contract's service years lie well inside)
DATE_MIN = date(2000, 1, 1)
DATE_MAX = date(2099, 12, 31)


class Unreadable:
    """A JSON number the reader will not turn into a value (too many digits, NaN, Infinity)."""

    def __init__(self, text: str, why: str):
        self.text, self.why = text, why

    def __repr__(self) -> str:
        shown = self.text if len(self.text) <= 24 else f"{self.text[:12]}…（共 {len(self.text)} 位）"
        return shown


def _int(text: str) -> Any:
    if len(text.lstrip("-")) > MAX_DIGITS:
        return Unreadable(text, f"数字位数过多（{len(text.lstrip('-'))} 位）")
    return int(text)


def _float(text: str) -> Any:
    if len(text) > 64:
        return Unreadable(text, f"数字过长（{len(text)} 个字符）")
    return float(text)


def _constant(text: str) -> Any:
    return Unreadable(text, f"{text} 不是有效的数值")


def loads(text: str) -> Any:
    """json.loads that never builds a huge integer and turns NaN/Infinity into ``Unreadable``."""
    return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)


def printable(text: str, limit: int = 60) -> str:
    """``text`` safe to print and show: lone surrogates escaped, cut to ``limit`` characters."""
    safe = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return safe if len(safe) <= limit else safe[:limit] + "…"


def _surrogate(text: str) -> int | None:
    for i, ch in enumerate(text):
        if "\ud800" <= ch <= "\udfff":
            return i
    return None


def text_problem(text: str) -> str | None:
    """Why a text value is refused (too long, a lone surrogate), or None."""
    if len(text) > MAX_TEXT:
        return f"文本过长：{len(text)} 个字符，最多 {MAX_TEXT} 个"
    at = _surrogate(text)
    if at is not None:
        return f"含有无效的字符（第 {at + 1} 个字符是孤立的 UTF-16 代理项 U+{ord(text[at]):04X}）"
    return None


def _walk(doc: Any) -> Iterator[tuple[str, Any, int]]:
    """(path, value, depth) of every value of ``doc``, keys as their own values, iteratively."""
    stack: list[tuple[str, Any, int]] = [("", doc, 0)]
    while stack:
        path, value, depth = stack.pop()
        yield path, value, depth
        if depth >= MAX_DEPTH:
            continue
        if isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                sub = f"{path}.{printable(key)}" if path else printable(key)
                yield sub, key, depth + 1
                stack.append((sub, item, depth + 1))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item, depth + 1) for i, item in reversed(list(enumerate(value))))


def scan(doc: Any) -> list[tuple[str, str]]:
    """(field path, Chinese message) for every value of a decoded cycle document over a limit."""
    problems: list[tuple[str, str]] = []
    for path, value, depth in _walk(doc):
        where = path or "(根)"
        if depth >= MAX_DEPTH and isinstance(value, (dict, list)):
            problems.append((where, f"嵌套过深（超过 {MAX_DEPTH} 层）"))
        elif isinstance(value, str):
            problem = text_problem(value)
            if problem:
                problems.append((where, problem))
        elif isinstance(value, Unreadable):
            problems.append((where, value.why))
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > SQLITE_INT_MAX:
            problems.append((where, f"数值超出允许范围（绝对值最大 {SQLITE_INT_MAX}）"))
        elif isinstance(value, list):
            evidence = path.startswith("evidence.") and path.count(".") == 1 and "[" not in path
            most = MAX_RECORDS if evidence else MAX_LIST
            if len(value) > most:
                problems.append((where, f"条目过多：{len(value)} 条，最多 {most} 条"))
        if len(problems) >= 100:
            break
    return problems


def zip_problems(infos: list[zipfile.ZipInfo], json_name: str) -> list[tuple[str, str]]:
    """(member, message) for a zip's directory: read before any member is inflated."""
    problems: list[tuple[str, str]] = []
    if len(infos) > MAX_ZIP_ENTRIES:
        return [("(压缩包)", f"文件过多：{len(infos)} 个，最多 {MAX_ZIP_ENTRIES} 个")]
    total = 0
    for info in infos:
        name = printable(info.filename, 120)
        most = MAX_CYCLE_JSON if info.filename == json_name else MAX_ATTACHMENT
        if info.flag_bits & 0x1:
            problems.append((name, "已加密，本程序不读取加密的压缩文件"))
        elif info.compress_type not in ZIP_METHODS:
            allowed = "、".join(ZIP_METHODS.values())
            problems.append((name, f"压缩方式 {info.compress_type} 不受支持（只支持 {allowed}）"))
        elif info.file_size > most:
            problems.append((name, f"解压后 {info.file_size} 字节，超过上限 {most} 字节"))
        elif info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            problems.append(
                (name, f"压缩比异常（{info.compress_size} 字节解压为 {info.file_size} 字节），疑似压缩炸弹")
            )
        total += info.file_size
    if total > MAX_ZIP_TOTAL:
        problems.append(("(压缩包)", f"解压后共 {total} 字节，超过上限 {MAX_ZIP_TOTAL} 字节"))
    return problems
