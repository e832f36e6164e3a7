"""feed poll state: last body hash and sweep lease

``body_hash`` lets a poll treat a 200 with the same body as last time like a
304 (no parse, no store). ``queued_until`` marks a feed as enqueued by the
sweep, so later sweeps do not enqueue it again while its message waits.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 16:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("source") as batch:
        batch.add_column(sa.Column("body_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("queued_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("source") as batch:
        batch.drop_column("queued_until")
        batch.drop_column("body_hash")
