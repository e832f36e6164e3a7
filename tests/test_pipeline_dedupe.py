"""Dedupe and the pipeline's storage rules, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from worker import dedupe
from worker.pipeline import ArticleIn, process_batch
from worker.store.db import get_engine
from worker.store.models import Alert, Article, Delivery, Source

BODY = [
    "GENEVA – The United Nations human rights office published a long report on Tuesday "
    "about detention camps, citing satellite images and testimony from former detainees.",
    "The report said the treatment of the minority could amount to genocide, a charge the "
    "government rejected as a fabrication spread by hostile foreign politicians.",
    "Diplomats said the findings would be discussed at the council session next month, "
    "where several delegations have asked for an independent investigation.",
    "A spokesman for the ministry said the camps were vocational training centres that had "
    "since closed, and that all trainees had graduated and found work.",
    "Researchers who compiled the testimony said they had interviewed forty people in "
    "three countries over two years, and had corroborated their accounts.",
]
OTHER = [
    "OSLO – Norway's youth parties called for an end to free trade talks with China, "
    "saying the government should not reward abuses with market access.",
    "The parties said the talks should stop until independent observers could visit the "
    "region, and accused ministers of putting salmon exports before human rights.",
    "The trade ministry said negotiations were at a technical stage and that human rights "
    "were raised in every meeting with its counterparts.",
]
RULES = """
topics:
  - id: genocide
    name: Genocide
    query: 'genocid*'
  - id: trade
    name: Trade
    query: '"free trade"'
watches:
  - id: plain
    match: [genocide, trade]
    webhooks: [{url: "https://hooks.example.org/plain"}]
    email: {to: [desk@example.org]}
  - id: again
    match: [genocide]
    realert_on_update: true
"""


@pytest.fixture
def rules(tmp_path: Path):
    from worker.rules import compile_rules, load_rules

    (tmp_path / "r.yaml").write_text(RULES, encoding="utf-8")
    rs = load_rules(tmp_path / "r.yaml")
    return rs, compile_rules(rs)


def _source(conn, url: str = "https://news.example.org/feed") -> int:
    from worker.store.queries import SOURCE

    return int(
        conn.execute(
            SOURCE.insert().returning(SOURCE.c.id), [{"kind": "feed", "url": url}]
        ).scalar_one()
    )


def _count(conn, model) -> int:
    return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def test_content_hash_ignores_case_spacing_and_punctuation() -> None:
    a = "\n".join(BODY)
    b = "  ".join(p.upper().replace(",", " ,") for p in BODY)
    assert dedupe.content_hash(a) == dedupe.content_hash(b)
    assert dedupe.content_hash(a) != dedupe.content_hash("\n".join(BODY[:-1]))


def test_syndicated_copy_is_similar_and_other_story_is_not() -> None:
    orig = dedupe.fingerprint("\n".join(BODY))
    copy = dedupe.fingerprint("\n".join([*BODY[:2], *BODY[3:], "Advertisement"]))
    other = dedupe.fingerprint("\n".join(OTHER))
    assert orig.similarity(copy.signature) >= dedupe.NEAR_DUP_THRESHOLD
    assert orig.similarity(other.signature) < 0.1
    assert set(orig.bands) & set(copy.bands), "LSH bands must make the copy a candidate"


def test_duplicates_near_duplicates_and_alert_once_per_cluster(db_url: str, rules) -> None:
    rs, matcher = rules
    eng = get_engine(db_url)
    with eng.begin() as conn:
        sid = _source(conn)
        items = [
            ArticleIn(sid, "\n".join(BODY), title="Report on camps", guid="a1"),
            ArticleIn(sid, "\n".join(BODY).upper(), title="Same again", guid="a2"),  # exact dup
            ArticleIn(sid, "\n".join([*BODY[:2], *BODY[3:]]), title="Syndicated", guid="a3"),
            ArticleIn(sid, "\n".join(OTHER), title="Trade", guid="a4"),
        ]
        res = process_batch(conn, items, ruleset=rs, matcher=matcher, origin="feed")
    assert (res.articles_stored, res.duplicates, res.near_duplicates) == (3, 1, 1)
    # plain: camps cluster + trade; again: camps cluster only — the copy adds no alert.
    assert res.alerts == 3
    with eng.begin() as conn:
        arts = {r.guid: r for r in conn.execute(select(Article.__table__))}
        assert arts["a3"].cluster_id == arts["a1"].id == arts["a1"].cluster_id
        assert arts["a4"].cluster_id == arts["a4"].id
        # Feed alerts: one webhook and one email row for each "plain" alert.
        chans = sorted(r.channel for r in conn.execute(select(Delivery.__table__)))
        assert chans == ["email", "email", "webhook", "webhook"]
        # The copy arriving again in a later batch (in another item) stores nothing.
        res2 = process_batch(conn, items, ruleset=rs, matcher=matcher, origin="feed")
    assert (res2.articles_stored, res2.duplicates, res2.alerts) == (0, 4, 0)


def test_backfill_alerts_go_to_digest_only(db_url: str, rules) -> None:
    rs, matcher = rules
    eng = get_engine(db_url)
    with eng.begin() as conn:
        sid = _source(conn, "/dumps/x.txt")
        process_batch(
            conn, [ArticleIn(sid, "\n".join(BODY))], ruleset=rs, matcher=matcher, origin="backfill"
        )
        rows = conn.execute(select(Delivery.__table__)).all()
    assert [(r.channel, r.target) for r in rows] == [("email", "desk@example.org")]


def test_same_guid_updates_in_place_and_realerts_only_opt_in(db_url: str, rules) -> None:
    rs, matcher = rules
    eng = get_engine(db_url)
    with eng.begin() as conn:
        sid = _source(conn)
        first = ArticleIn(sid, "\n".join(BODY), title="v1", guid="g", canonical_url="https://n/1")
        r1 = process_batch(conn, [first], ruleset=rs, matcher=matcher, origin="feed")
    with eng.begin() as conn:
        edited = ArticleIn(
            sid,
            "\n".join([*BODY, "Update: the council scheduled a debate."]),
            title="v2",
            guid="g",
            canonical_url="https://n/1",
        )
        r2 = process_batch(conn, [edited], ruleset=rs, matcher=matcher, origin="feed")
        assert _count(conn, Article) == 1
        art = conn.execute(select(Article.__table__)).one()
        alerts = conn.execute(select(Alert.__table__).order_by(Alert.id)).all()
        assert _count(conn, Source) == 1
    assert (r1.alerts, r2.updated, r2.articles_stored, r2.alerts) == (2, 1, 0, 1)
    assert art.title == "v2" and art.revision == 1 and "Update:" in art.text
    assert [(a.watch_id, a.revision) for a in alerts] == [("plain", 0), ("again", 0), ("again", 1)]
