"""Migrations: up, down and up again leave exactly the models' schema."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import worker.store.models  # noqa: F401
from worker.store.db import alembic_config, make_engine, upgrade


def test_upgrade_downgrade_upgrade_matches_models(db_url: str) -> None:
    command.downgrade(alembic_config(db_url), "0001")
    upgrade(db_url)
    upgrade(db_url)  # idempotent
    eng = make_engine(db_url)
    try:
        with eng.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(ctx, SQLModel.metadata) == []
            head = ScriptDirectory.from_config(alembic_config(db_url)).get_current_head()
            assert ctx.get_current_revision() == head
    finally:
        eng.dispose()
