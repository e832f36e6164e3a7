"""All configuration in one place, read from ``NEWSWATCH_*`` environment variables.

Defaults need no server at all (SQLite and an embedded filesystem broker), so a
fresh clone runs with nothing set; scaling out is a matter of pointing the URLs
at Redis and PostgreSQL.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime settings; see the README's configuration table."""

    model_config = SettingsConfigDict(env_prefix="NEWSWATCH_", extra="ignore")

    database_url: str = "sqlite:///./newswatch.db"
    # None means the embedded broker: kombu's filesystem transport under data_dir.
    broker_url: str | None = None
    rules: Path = Path("./rules")
    smtp_url: str | None = None
    smtp_from: str = "newswatch@localhost"
    allow_private_urls: bool = False
    # Local state of the embedded defaults: broker queues, digest files.
    data_dir: Path = Path("./.newswatch")
    metrics_port: int | None = None
    user_agent: str = "newswatch/0.1 (+https://github.com/newswatch/newswatch)"
    # Webhook retry schedule in seconds (the default follows Standard Webhooks' advice).
    webhook_retry_schedule: list[int] = Field(
        default_factory=lambda: [5, 300, 1800, 7200, 18000, 36000, 36000]
    )
    webhook_batch_size: int = 1
    log_json: bool | None = None  # None: JSON when stderr is not a terminal

    @property
    def embedded_broker(self) -> bool:
        return not self.broker_url


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings are read once per process; tests call ``get_settings.cache_clear()``."""
    return Settings()
