"""The schema revisions the app knows, read from the migration scripts without importing Alembic."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from panelapp.store.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"""^revision\s*=\s*["']([^"']+)["']""", re.M)
_DOWN = re.compile(r"""^down_revision\s*=\s*(None|["']([^"']+)["'])""", re.M)


@cache
def _revisions() -> dict[str, str | None]:
    """revision -> down_revision, read from the version scripts without importing Alembic."""
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        text = script.read_text("utf-8")
        rev, down = _REVISION.search(text), _DOWN.search(text)
        if rev and down:
            graph[rev.group(1)] = down.group(2)
    return graph


def head_revision() -> str:
    graph = _revisions()
    parents = {down for down in graph.values() if down}
    heads = [rev for rev in graph if rev not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"the migration scripts must form one line, found heads {heads}")
    return heads[0]


def known(revision: str) -> bool:
    return revision in _revisions()


def refuse_newer(revision: str, path: Path) -> None:
    raise StoreError(
        f"此数据库由更新版本的 panelapp 创建（架构版本 {revision}），本程序不认识该版本，"
        f"为避免损坏数据拒绝打开：{path}。请安装最新版本的 panelapp 后再打开。",
        path=str(path),
    )
