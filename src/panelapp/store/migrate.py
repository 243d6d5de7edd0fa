"""Alembic, run programmatically: the scripts live in panelapp/store/migrations, no alembic.ini.

Alembic (with Mako) costs 0.1–0.2 s to import, so opening an up-to-date file never imports it:
the known revisions are read from the scripts' own ``revision = "…"`` lines (store.revisions),
and Alembic is loaded only when a file actually needs upgrading.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from panelapp.store.revisions import MIGRATIONS, head_revision, known, refuse_newer

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection


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


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def is_foreign(connection: Connection) -> bool:
    """True when the file holds tables but is no panelapp database."""
    from sqlalchemy import inspect

    names = set(inspect(connection).get_table_names())
    return bool(names) and "alembic_version" not in names


def upgrade(connection: Connection, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config(connection)
    command.upgrade(cfg, revision)


__all__ = ["MIGRATIONS", "alembic_config", "head_revision", "known", "refuse_newer", "scripts", "upgrade"]
