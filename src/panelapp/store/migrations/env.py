"""Alembic environment: uses the connection handed over by panelapp.store.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from panelapp.store.models import Base

config = context.config
connection = config.attributes.get("connection")


def run(conn) -> None:
    context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    run(connection)
else:  # developer use: alembic -x url=sqlite:///x.db revision --autogenerate
    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///dev.db")
    with create_engine(url).begin() as conn:
        run(conn)
