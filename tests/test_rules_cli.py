"""`newswatch rules check` and `newswatch match` as the contract says (real subprocesses)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "corpus"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["newswatch", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=REPO,
        timeout=120,
    )


def test_rules_check_ok() -> None:
    proc = run("rules", "check", str(REPO / "rules"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("rules ok:")
    assert len(proc.stdout.strip().splitlines()) == 1


def test_rules_check_errors_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("topics:\n  - id: t1\n    query: '(a OR b'\n  - id: t2\n    query: '@nope'\n")
    proc = run("rules", "check", str(bad))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert lines == [
        f"{bad}:3: t1: query: unbalanced parenthesis: '(' is never closed",
        f"{bad}:5: t2: unknown entity @nope",
    ]
    assert "Traceback" not in proc.stderr


def test_match_jsonl(tmp_path: Path) -> None:
    arts = tmp_path / "a.jsonl"
    arts.write_text(
        json.dumps({"id": "x1", "title": "Who are they", "text": "The WHO team visited Wuhan."})
        + "\n"
        + json.dumps({"id": "x2", "title": None, "text": "nothing to see"})
        + "\n",
        encoding="utf-8",
    )
    proc = run("match", "--rules", str(SEED / "seed-rules.yaml"), "--jsonl", str(arts), "--json")
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["x1", "x2"]
    rules = {m["rule"]: m for m in out[0]["matches"]}
    assert set(rules) == {"@who", "covid-origins"}
    ev = rules["@who"]["evidence"][0]
    assert ev["term"] == "WHO" and (ev["start"], ev["end"]) == (4, 7)
    assert ev["snippet"] == "The WHO team visited Wuhan."
    assert out[1]["matches"] == []


def test_match_jsonl_bad_input_exit_2(tmp_path: Path) -> None:
    arts = tmp_path / "a.jsonl"
    arts.write_text("{not json\n", encoding="utf-8")
    proc = run("match", "--rules", str(SEED / "seed-rules.yaml"), "--jsonl", str(arts), "--json")
    assert proc.returncode == 2 and "not valid JSON" in proc.stderr
    proc = run("match", "--rules", str(SEED / "seed-rules.yaml"), "--jsonl", str(tmp_path / "no"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


@pytest.mark.skipif(not (SEED / "seed-dump.txt").exists(), reason="shared corpus missing")
def test_match_dump_segments_first() -> None:
    proc = run(
        "match", "--rules", str(SEED / "seed-rules.yaml"), str(SEED / "seed-dump.txt"), "--json"
    )
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert out and all({"start_line", "end_line", "title", "matches"} <= set(o) for o in out)
    assert out[0]["start_line"] == 1
    first = {m["rule"] for m in out[0]["matches"]}
    assert {"@who", "covid-origins"} <= first


@pytest.mark.skipif(not (SEED / "seed-gold.json").exists(), reason="shared corpus missing")
def test_seed_score_is_exact() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score_matching.py"),
            str(SEED / "seed-rules.yaml"),
            str(SEED / "seed-dump.txt"),
            str(SEED / "seed-gold.json"),
            str(SEED / "seed-expected.json"),
            "--cmd",
            "newswatch",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "10/10 articles exact" in proc.stdout


def test_benchmark_script_runs_small() -> None:
    """benchmarks/match.py keeps working (tiny sizes: figures are not asserted)."""
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "match.py"), "--sizes", "10,200", "--mb", ".05"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "compiled/naive" in proc.stdout
    assert "throughput at N rules / at 10 rules" in proc.stdout
