"""Rule files: every error kind of spec/rules.md names file, line, rule id and problem."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from worker.rules import RulesError, Watch, load_rules
from worker.rules.query import QueryError, parse_query

REPO = Path(__file__).resolve().parents[1]

GOOD = """\
entities:
  - id: who
    name: World Health Organization
    aliases: [World Health Organization, WHO]
topics:
  - id: covid-origins
    name: Origins of COVID-19
    query: '@who AND (Wuhan OR covid*)'
watches:
  - id: desk
    match: [covid-origins, "@who"]
    webhooks:
      - url: https://hooks.example.org/x
        secret_env: DESK_SECRET
    email:
      to: [desk@example.org]
      digest: weekly mon 08:00
      timezone: Europe/London
"""


def write(tmp_path: Path, text: str, name: str = "r.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def errors_of(path: Path) -> list[str]:
    with pytest.raises(RulesError) as info:
        load_rules(path)
    return [str(e) for e in info.value.errors]


def test_good_file_loads_with_watch_fields(tmp_path: Path) -> None:
    rs = load_rules(write(tmp_path, GOOD))
    assert set(rs.topics) == {"covid-origins"} and set(rs.entities) == {"who"}
    w = rs.watches["desk"]
    assert isinstance(w, Watch)
    assert w.match == ("covid-origins", "@who")
    assert w.webhooks[0].url == "https://hooks.example.org/x"
    assert w.webhooks[0].secret_env == "DESK_SECRET"
    assert w.email is not None and w.email.timezone == "Europe/London"
    assert w.email.digest == "weekly mon 08:00"
    assert w.backfill_webhooks is False and w.realert_on_update is False
    assert w.source_health is None
    assert len(rs.version) == 16


def test_version_changes_with_content(tmp_path: Path) -> None:
    p = write(tmp_path, GOOD)
    v1 = load_rules(p).version
    assert load_rules(p).version == v1
    p.write_text(GOOD.replace("Wuhan", "Hubei"), encoding="utf-8")
    assert load_rules(p).version != v1


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("@whoo AND Wuhan", "unknown entity @whoo"),
        ("(Wuhan OR covid", "unbalanced parenthesis"),
        ("Wuhan OR covid)", "unbalanced parenthesis"),
        ("''", "empty query"),
        ("co*", "prefix 'co*' is too short"),
        ("Wuhan OR", "query ends too early"),
        ('"Wuhan lab', "unbalanced quote"),
        ("Wuhan NEAR lab", "NEAR needs a distance"),
        ("u*han", "only allowed at the end"),
        ("AND Wuhan", "missing an operand"),
    ],
)
def test_query_errors_name_file_line_and_rule(tmp_path: Path, query: str, needle: str) -> None:
    quoted = "'" + query.replace("'", "''") + "'" if query != "''" else "''"
    text = GOOD.replace("'@who AND (Wuhan OR covid*)'", quoted)
    path = write(tmp_path, text)
    errs = errors_of(path)
    assert len(errs) >= 1
    assert errs[0].startswith(f"{path}:8: covid-origins: ")
    assert needle in errs[0]


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(
        tmp_path,
        """\
        topics:
          - id: other
            query: x
          - id: covid-origins
            query: covid
        """,
        "b.yaml",
    )
    errs = errors_of(tmp_path)
    assert errs == [
        f"{tmp_path / 'b.yaml'}:4: covid-origins: duplicate id (first defined at "
        f"{tmp_path / 'a.yaml'}:6)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "line", "needle"),
    [
        ("https://hooks.example.org/x", "ftp://hooks.example.org/x", 13, "not an http(s) URL"),
        ("https://hooks.example.org/x", "file:///etc/passwd", 13, "not an http(s) URL"),
        ("weekly mon 08:00", "fortnightly", 17, "digest 'fortnightly'"),
        ("weekly mon 08:00", "daily 25:00", 17, "digest"),
        ("Europe/London", "Mars/Olympus", 18, "not an IANA time zone"),
        ("Europe/London", "../../etc/passwd", 18, "not an IANA time zone"),
        ('[covid-origins, "@who"]', '[covid, "@who"]', 11, "unknown topic 'covid'"),
        ('[covid-origins, "@who"]', '["@nobody"]', 11, "unknown entity @nobody"),
        ("desk@example.org", "not-an-address", 16, "not valid"),
        ("DESK_SECRET", "has space", 14, "not an environment variable name"),
    ],
)
def test_watch_errors(tmp_path: Path, old: str, new: str, line: int, needle: str) -> None:
    path = write(tmp_path, GOOD.replace(old, new))
    errs = errors_of(path)
    assert errs[0].startswith(f"{path}:{line}: desk: "), errs
    assert needle in errs[0]


@pytest.mark.parametrize("digest", ["immediate", "hourly", "daily 8:00", "weekly Friday 17:30"])
def test_digest_forms_accepted(tmp_path: Path, digest: str) -> None:
    rs = load_rules(write(tmp_path, GOOD.replace("weekly mon 08:00", digest)))
    assert rs.watches["desk"].email is not None


def test_broken_yaml_gives_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("  - id: desk", "  - id: desk\n   bad: [unclosed"))
    errs = errors_of(path)
    assert errs[0].startswith(f"{path}:") and "invalid YAML" in errs[0]


def test_unknown_fields_and_bad_ids(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        topics:
          - id: Bad_Id
            query: x
          - id: ok
            qeury: x
        entities:
          - id: e
            aliases: []
        """,
    )
    errs = errors_of(path)
    assert any(":2: Bad_Id: bad id" in e for e in errs)
    assert any(":5: ok: unknown field 'qeury'" in e for e in errs)
    assert any(":8: e: an entity needs a non-empty list of aliases" in e for e in errs)


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    assert "no such file" in errors_of(tmp_path / "nope")[0]
    (tmp_path / "empty").mkdir()
    assert "no *.yaml" in errors_of(tmp_path / "empty")[0]


def test_shipped_rules_folder_is_valid() -> None:
    rs = load_rules(REPO / "rules")
    assert "covid-origins" in rs.topics and rs.watches


def test_huge_and_deep_queries_are_refused_quickly() -> None:
    started = time.monotonic()
    cases = [
        "(" * 5000 + "a" + ")" * 5000,
        "NOT " * 5000 + "a",
        " OR ".join(["word"] * 5000),
        "a " * 15000,
        "x" * 30000,
        " NEAR/2 ".join(["a"] * 100),
    ]
    for q in cases:
        with pytest.raises(QueryError) as info:
            parse_query(q)
        assert any(k in str(info.value) for k in ("too deeply", "too large", "too long"))
    assert time.monotonic() - started < 30  # generous bound: a hang would fail here


def test_deep_query_in_file_is_one_clear_error(tmp_path: Path) -> None:
    q = "(" * 200 + "a" + ")" * 200
    path = write(tmp_path, GOOD.replace("'@who AND (Wuhan OR covid*)'", f"'{q}'"))
    errs = errors_of(path)
    assert errs == [
        f"{path}:8: covid-origins: query: query nested too deeply (more than 64 levels)"
    ]


def test_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    """Billion-laughs style anchors must not expand into memory or hang."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines.append("entities:\n  - id: bomb\n    aliases: *a11")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    errs = errors_of(path)
    assert time.monotonic() - started < 20
    assert any("unknown section 'a0'" in e for e in errs)
    assert any("bomb: alias" in e for e in errs)
