"""Helpers shared by the store tests."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from panelapp.core.evidence import Absence, Fault, WeeklyReport
from panelapp.paths import resource

DEMO_ZIP = resource("samples", "demo-cycle.zip")
DEMO_JSON = resource("samples", "demo-cycle.json")


def weekly(day: int = 2, title: str = "第1周巡检报告") -> WeeklyReport:
    return WeeklyReport(date(2025, 1, day), title)


def absence(day: int = 14, person: str = "驻场人员A") -> Absence:
    return Absence(date(2025, 1, day), person, False, "")


def fault(code: str = "F-01", hours: int = 1) -> Fault:
    return Fault(
        code,
        "统一受理平台",
        "数据库连接池耗尽",
        "interruption",
        datetime(2025, 1, 5, 9, 0),
        datetime(2025, 1, 5, 9 + hours, 35),
        True,
        True,
        datetime(2025, 1, 5, 9, 2),
        datetime(2025, 1, 5, 9, 8),
    )


def downgrade(path: Path, revision: str) -> None:
    """Take the (closed) database at ``path`` back to schema ``revision`` with Alembic."""
    from alembic import command
    from sqlalchemy import create_engine

    from panelapp.store.migrate import alembic_config

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)
    engine.dispose()
