"""Alembic environment: migrations run against ``NEWSWATCH_DATABASE_URL`` (or the
URL set on the config by ``worker.store.db.upgrade``)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import worker.store.models  # noqa: F401  (registers the tables on the metadata)
from worker.store.db import make_engine

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    url = config.get_main_option("sqlalchemy.url")
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            # SQLite cannot ALTER most things: batch mode rebuilds tables instead.
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
