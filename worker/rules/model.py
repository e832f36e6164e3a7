"""Plain data of a rule set: entities, topics and watches (spec/rules.md).

These are what the rest of newswatch sees (the worker matches with topics and
entities, delivery reads watches), so their fields are part of the internal
contract (notes/contracts.md).  They are frozen dataclasses rather than
pydantic models because `newswatch match` must start fast (pydantic costs
~0.3 s of imports here); validation with file and line numbers is in load.py.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

_Frozen = dataclass(frozen=True, kw_only=True, slots=True)


@_Frozen
class Entity:
    """A named thing with every spelling; matched as ``@id``."""

    id: str
    name: str
    aliases: tuple[str, ...]
    file: str = ""
    line: int = 0


@_Frozen
class Topic:
    """A subject, as a boolean query."""

    id: str
    name: str
    query: str
    file: str = ""
    line: int = 0


@_Frozen
class WebhookTarget:
    url: str
    secret_env: str | None = None  # name of the environment variable holding the signing secret
    batch: int | None = None


@_Frozen
class EmailTarget:
    to: tuple[str, ...]
    digest: str = "daily 08:00"  # immediate | hourly | daily HH:MM | weekly DAY HH:MM
    timezone: str = "UTC"


@_Frozen
class SourceHealth:
    failures: int = 5  # consecutive fetch failures before telling the watch
    silent: str | None = "2d"  # a feed silent this long is reported ("30m", "12h", "2d", "1w")


@_Frozen
class Watch:
    """Who is told about which topics/entities, and how."""

    id: str
    match: tuple[str, ...]  # topic ids and "@entity" ids
    name: str | None = None
    webhooks: tuple[WebhookTarget, ...] = ()
    email: EmailTarget | None = None
    backfill_webhooks: bool = False  # alerts raised by backfills also go to instant webhooks
    realert_on_update: bool = False  # an article updated in place alerts again
    source_health: SourceHealth | None = None
    file: str = ""
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        """Plain data (lists and dicts), e.g. for status output."""
        return asdict(self)


@dataclass
class RuleSet:
    """Everything loaded from a rules folder or file."""

    entities: dict[str, Entity] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    watches: dict[str, Watch] = field(default_factory=dict)
    version: str = ""  # stable hash of the rule files' content
    files: list[str] = field(default_factory=list)

    def rule_ids(self) -> list[str]:
        """Ids that can appear in matches: topic ids and ``@entity`` ids."""
        return [*self.topics, *(f"@{e}" for e in self.entities)]
