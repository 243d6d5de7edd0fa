"""security_events.criticism, late_optimizations.criticism: also a criticism of contract 十一.3

A security event “被通报”, or a late optimisation that harmed the bureau's own assessment, may
also cost the vendor 10,000.00 at payment (十一.3). The mark sits on the record itself, so one
event is entered once and counted once (docs/scoring.md "Settlement"). Rows stored before this
revision read False: nothing is charged that was not marked.

Revision ID: 0004_criticism
Revises: 0003_drill_report
Create Date: 2026-11-30 05:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_criticism"
down_revision = "0003_drill_report"
branch_labels = None
depends_on = None

TABLES = ("security_events", "late_optimizations")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("criticism", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("criticism")
