"""Alembic, run programmatically: the scripts live in panelapp/store/migrations, no alembic.ini.

Alembic (with Mako) costs 0.1–0.2 s to import, so opening an up-to-date file never imports it:
the known revisions are read from the scripts' own ``revision = "…"`` lines, and Alembic is
loaded only when a file actually needs upgrading.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect

from panelapp.store.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"""^revision\s*=\s*["']([^"']+)["']""", re.M)
_DOWN = re.compile(r"""^down_revision\s*=\s*(None|["']([^"']+)["'])""", re.M)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


@cache
def scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


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
    if len(heads) != 1:  # a branched history: let Alembic itself decide
        head = scripts().get_current_head()
        assert head is not None
        return head
    return heads[0]


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def is_foreign(connection: Connection) -> bool:
    """True when the file holds tables but is no panelapp database."""
    names = set(inspect(connection).get_table_names())
    return bool(names) and "alembic_version" not in names


def known(revision: str) -> bool:
    return revision in _revisions()


def refuse_newer(revision: str, path: Path) -> None:
    raise StoreError(
        f"此数据库由更新版本的 panelapp 创建（架构版本 {revision}），本程序不认识该版本，"
        f"为避免损坏数据拒绝打开：{path}。请安装最新版本的 panelapp 后再打开。",
        path=str(path),
    )


def upgrade(connection: Connection, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config(connection)
    command.upgrade(cfg, revision)
