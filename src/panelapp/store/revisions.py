"""The schema revisions this program knows. Opening a current file needs no Alembic (0.1–0.2 s to
import): the revisions are constants, and tests/store/test_open_cost.py checks them against the
migration scripts through Alembic's ScriptDirectory. A new migration updates both."""

from __future__ import annotations

from pathlib import Path

from panelapp.store.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: every revision of migrations/versions, oldest first; the last is the head
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003_drill_report", "0004_criticism")
HEAD_REVISION = KNOWN_REVISIONS[-1]


def known(revision: str) -> bool:
    return revision in KNOWN_REVISIONS


def refuse_newer(revision: str, path: Path) -> StoreError:
    return StoreError(
        f"此数据库由更新版本的 panelapp 创建（架构版本 {revision}），本程序不认识该版本，"
        f"为避免损坏数据拒绝打开：{path}。请安装最新版本的 panelapp 后再打开。",
        path=str(path),
    )
