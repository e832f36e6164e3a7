"""Shared fixtures: real SQLite, PostgreSQL and Redis, isolated per test session.

PostgreSQL (127.0.0.1:5432, user postgres) and Redis (127.0.0.1:6379) are
expected to be running, as they are on the development machines and in CI.
Each test session gets its own PostgreSQL database and Redis database number so
parallel runs do not see each other's rows.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_ADMIN_URL = os.environ.get(
    "NEWSWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS_BASE = os.environ.get("NEWSWATCH_TEST_REDIS", "redis://127.0.0.1:6379")
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped at the end."""
    from support_pg import create_database, drop_database

    name, url = create_database(PG_ADMIN_URL)
    yield url
    drop_database(PG_ADMIN_URL, name)


@pytest.fixture
def pg_url(pg_server_url: str) -> Iterator[str]:
    """A migrated, empty PostgreSQL database (tables truncated after the test)."""
    from sqlalchemy import create_engine, text

    from worker.store.db import upgrade

    upgrade(pg_server_url)
    yield pg_server_url
    eng = create_engine(pg_server_url)
    with eng.begin() as conn:
        tables = [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname='public' "
                    "AND tablename <> 'alembic_version'"
                )
            )
        ]
        if tables:
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE"))
    eng.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A migrated SQLite database in the test's temporary folder."""
    from worker.store.db import upgrade

    url = f"sqlite:///{tmp_path / 'newswatch.db'}"
    upgrade(url)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """Runs a test once on SQLite and once on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return request.getfixturevalue(name)


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A Redis database number of its own for this session, flushed before and after."""
    import redis

    # one number per session; under pytest-xdist the workers of one run share a parent
    # and take consecutive numbers ("gw0", "gw1", ...), so they never share a database
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if worker.startswith("gw") and worker[2:].isdigit():
        dbn = 1 + (os.getppid() % 15 + int(worker[2:])) % 15
    else:
        dbn = 1 + (os.getpid() % 15)
    url = f"{REDIS_BASE}/{dbn}"
    client = redis.Redis.from_url(url)
    client.flushdb()
    yield url
    client.flushdb()
    client.close()


@pytest.fixture
def allow_private(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests talk to servers on 127.0.0.1, so they opt in explicitly."""
    from worker.config import get_settings

    monkeypatch.setenv("NEWSWATCH_ALLOW_PRIVATE_URLS", "true")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_settings() -> Iterator[None]:
    """Settings are cached per process; never let one test's env leak into another."""
    from worker.config import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
