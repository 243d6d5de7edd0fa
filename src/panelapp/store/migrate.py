"""Alembic, run programmatically: the scripts live in panelapp/store/migrations, no alembic.ini."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from panelapp.store.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


@cache
def scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = scripts().get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def is_foreign(connection: Connection) -> bool:
    """True when the file holds tables but is no panelapp database."""
    names = set(inspect(connection).get_table_names())
    return bool(names) and "alembic_version" not in names


def known(revision: str) -> bool:
    try:
        return scripts().get_revision(revision) is not None
    except Exception:  # alembic raises ResolutionError / CommandError subclasses
        return False


def refuse_newer(revision: str, path: Path) -> None:
    raise StoreError(
        f"此数据库由更新版本的 panelapp 创建（架构版本 {revision}），本程序不认识该版本，"
        f"为避免损坏数据拒绝打开：{path}。请安装最新版本的 panelapp 后再打开。",
        path=str(path),
    )


def upgrade(connection: Connection, revision: str = "head") -> None:
    cfg = alembic_config(connection)
    command.upgrade(cfg, revision)
