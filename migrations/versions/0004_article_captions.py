"""article captions: photo captions and credits kept beside the text

Captions are dropped from the stored text (page furniture) but matched as a
field of their own, so evidence found in a caption needs the caption text to
point into.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 15:30:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.add_column(sa.Column("captions", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.drop_column("captions")
