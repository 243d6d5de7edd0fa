"""audit trail: cycle_id lookup column and indexes for per-record / per-cycle history

The UI shows the history of one record and of one cycle on every selection;
without these indexes that is a scan of the whole audit trail. cycle_id is a
lookup column outside the hash chain, filled here from the entries' JSON.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 06:30:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cycle_id", sa.Integer(), nullable=True))
        batch_op.create_index("ix_audit_log_cycle_id", ["cycle_id"], unique=False)
        batch_op.create_index("ix_audit_record", ["table_name", "record_id"], unique=False)
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, table_name, record_id, old, new FROM audit_log")).fetchall()
    updates = []
    for entry_id, table, record_id, old, new in rows:
        state = json.loads(new or old or "{}")
        cycle_id = record_id if table == "cycles" else state.get("cycle_id")
        if cycle_id is not None:
            updates.append({"i": entry_id, "c": cycle_id})
    if updates:
        conn.execute(sa.text("UPDATE audit_log SET cycle_id = :c WHERE id = :i"), updates)


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_record")
        batch_op.drop_index("ix_audit_log_cycle_id")
        batch_op.drop_column("cycle_id")
