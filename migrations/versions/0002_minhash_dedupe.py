"""MinHash near-duplicate signature, alert revisions for opt-in re-alerts

Near-duplicates are found with a 64-value MinHash over word 3-shingles and LSH
banding (16 bands of 4 values), not a 64-bit SimHash: on the seed dump,
syndication-style variants (other headline, dropped/added paragraph, 3% wording
edits, other boilerplate, truncation to 70%) score Jaccard 0.55-1.00 while
distinct articles on the same topic score <= 0.02, so the threshold is 0.5
(benchmarks/dedupe_threshold.py, docs/dedupe-threshold.md). Those edits move a
SimHash by 8-20 bits, beyond what exact band lookups can find.

- article.minhash: the signature (256 bytes); article.revision: in-place updates.
- simhashband.value: BIGINT (band keys are 63-bit hashes).
- alert.revision + unique (watch_id, cluster_id, revision): a watch that opts in
  to re-alerts on updated articles gets one alert per revision; others stay at
  one alert per watch and story cluster.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 14:30:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(sa.Column("minhash", sa.LargeBinary(), nullable=True))
        batch_op.add_column(
            sa.Column("revision", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("simhashband", schema=None) as batch_op:
        batch_op.alter_column(
            "value", existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=False
        )
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("revision", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.drop_constraint("uq_alert_watch_cluster", type_="unique")
        batch_op.create_unique_constraint(
            "uq_alert_watch_cluster_rev", ["watch_id", "cluster_id", "revision"]
        )


def downgrade() -> None:
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.drop_constraint("uq_alert_watch_cluster_rev", type_="unique")
        batch_op.create_unique_constraint("uq_alert_watch_cluster", ["watch_id", "cluster_id"])
        batch_op.drop_column("revision")
    with op.batch_alter_table("simhashband", schema=None) as batch_op:
        batch_op.alter_column(
            "value", existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=False
        )
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_column("revision")
        batch_op.drop_column("minhash")
