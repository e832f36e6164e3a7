"""Scratch PostgreSQL databases for tests and benchmarks: one per run, so runs
on one server never see each other's rows, and dropped afterwards even while
a killed worker still holds connections."""

from __future__ import annotations

import uuid

from sqlalchemy import create_engine, text


def create_database(admin_url: str, prefix: str = "nw_test") -> tuple[str, str]:
    """Create a fresh database next to ``admin_url``; returns (name, url)."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return name, admin_url.rsplit("/", 1)[0] + f"/{name}"


def drop_database(admin_url: str, name: str) -> None:
    """Drop ``name``, first ending the sessions that still use it."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :n AND pid <> pg_backend_pid()"
            ),
            {"n": name},
        )
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()
