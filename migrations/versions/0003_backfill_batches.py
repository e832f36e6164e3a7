"""backfill batches: several workers share one dump

The job's lease holder segments the dump and records each ~200-article slice
(byte range, line range) as a pending batch; any worker stores a batch in one
transaction with its status, its counts and the job's counters. A worker
killed mid-batch leaves it pending; the sweep redoes it from the dump.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 14:35:00
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("backfilljob", schema=None) as batch_op:
        batch_op.add_column(sa.Column("segmented_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "backfillbatch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("start_offset", sa.BigInteger(), nullable=False),
        sa.Column("end_offset", sa.BigInteger(), nullable=False),
        sa.Column("first_line", sa.Integer(), nullable=False),
        sa.Column("end_line", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("articles_seen", sa.Integer(), nullable=False),
        sa.Column("articles_stored", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("near_duplicates", sa.Integer(), nullable=False),
        sa.Column("matches", sa.Integer(), nullable=False),
        sa.Column("alerts", sa.Integer(), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["job_id"], ["backfilljob.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("job_id", "seq", name="uq_batch_job_seq"),
    )
    with op.batch_alter_table("backfillbatch", schema=None) as batch_op:
        batch_op.create_index("ix_batch_pending", ["status", "lease_until"], unique=False)
        batch_op.create_index(batch_op.f("ix_backfillbatch_job_id"), ["job_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("backfillbatch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_backfillbatch_job_id"))
        batch_op.drop_index("ix_batch_pending")
    op.drop_table("backfillbatch")
    with op.batch_alter_table("backfilljob", schema=None) as batch_op:
        batch_op.drop_column("segmented_at")
