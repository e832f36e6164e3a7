"""``rules apply`` alerts counted with origin "apply"; the email digest that
carries them counted as sent, with the latency from the article first stored
(two days before) to the digest."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session

from tests.support_ops import RULES_YAML, sample, seed_corpus
from worker import metrics
from worker.config import get_settings


@pytest.fixture(autouse=True)
def _fresh_metrics() -> Iterator[None]:
    metrics.reset_in_process()
    yield
    metrics.reset_in_process()


def test_apply_then_digest_metrics(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from worker.deliver.digest import send_due_digests
    from worker.history import Scope, apply_rules
    from worker.rules import compile_rules, load_rules
    from worker.store.db import get_engine

    monkeypatch.setenv("NEWSWATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NEWSWATCH_SMTP_URL", raising=False)
    get_settings.cache_clear()
    (tmp_path / "desk.yaml").write_text(RULES_YAML)
    rs = load_rules(tmp_path / "desk.yaml")
    now = datetime.now(UTC)
    seed_corpus(db_url, now=now)
    engine = get_engine(db_url)
    with Session(engine, expire_on_commit=False) as session:
        report = apply_rules(session, rs, compile_rules(rs), Scope(now=now))
    assert report.alerts_raised == 2
    text = metrics.render().decode()
    assert sample(text, "newswatch_alerts_total", watch="health-desk", origin="apply") == 1
    assert sample(text, "newswatch_alerts_total", watch="biz-desk", origin="apply") == 1
    assert sample(text, "newswatch_matches_total", rule="outbreak") == 2

    counts = send_due_digests(engine, watches=rs, now=now + timedelta(days=1))
    assert counts["sent"] == 1
    assert list((tmp_path / "data" / "digests").iterdir())  # written, no SMTP configured
    text = metrics.render().decode()
    assert sample(text, "newswatch_digests_total", outcome="sent") == 1
    assert sample(text, "newswatch_delivery_attempts_total", channel="email",
                  outcome="delivered") == 1  # fmt: skip
    # The cholera story was first stored two days before the digest went out.
    bucket = "newswatch_delivery_latency_seconds_bucket"
    assert sample(text, bucket, channel="email", le="86400.0") == 0
    assert sample(text, bucket, channel="email", le="259200.0") == 1
