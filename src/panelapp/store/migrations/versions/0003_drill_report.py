"""drills.reported: whether the drill's report was delivered (附件2: 应急演练…并出具报告)

1.4 counts a drill only when held and reported. Drills stored before this revision keep
NULL, "not recorded": the engine counts them as before and says so in 扣分说明, so an
existing database scores the same after the upgrade (docs/scoring.md, docs/storage.md).

Revision ID: 0003_drill_report
Revises: 0002
Create Date: 2026-11-30 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_drill_report"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("drills", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reported", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("drills", schema=None) as batch_op:
        batch_op.drop_column("reported")
