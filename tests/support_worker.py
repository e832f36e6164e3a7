"""Helpers for the worker tests and benchmarks: rule folders and generated dumps.

Generated dumps look like scraped news: a headline, a byline, a dateline
paragraph, body paragraphs drawn from a per-article vocabulary (so neighbouring
articles differ lexically, as real ones do), a closing credit; some articles are
exact repeats of an earlier one and some are syndicated copies (another
headline, a paragraph dropped), so every dedupe path is exercised.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SEED_DUMP = REPO / "examples" / "seed-dump.txt"
SEED_RULES = REPO / "rules" / "seed.yaml"
SHARED = REPO.parent / "shared"

_SYL = [
    "ka",
    "lo",
    "mi",
    "ren",
    "tas",
    "vo",
    "dri",
    "pel",
    "son",
    "gar",
    "ui",
    "mer",
    "tal",
    "bek",
    "nor",
    "sil",
    "fa",
    "ro",
    "zu",
    "quin",
    "de",
    "han",
    "pri",
    "lut",
]
_FUNC = [
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "on",
    "for",
    "with",
    "said",
    "that",
    "was",
    "by",
    "from",
    "its",
    "has",
    "were",
    "at",
    "after",
    "as",
]
_NAMES = ["Ana", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas"]
_SURN = ["Moreau", "Okafor", "Lindqvist", "Tanaka", "Costa", "Novak", "Reyes", "Schmidt"]
_CITIES = ["GENEVA", "NAIROBI", "OSLO", "LIMA", "HANOI", "QUEBEC", "TUNIS", "RIGA"]
_HOOKS = [
    "Rights groups described the campaign in Xinjiang as genocide.",
    "The World Health Organization said the coronavirus data was incomplete.",
    "Officials discussed a free trade deal with Norway.",
    "Researchers said surveillance cameras used facial recognition.",
]


def watch_rules_dir(
    tmp: Path,
    *,
    watch_id: str = "everything",
    email: bool = True,
    webhook: str | None = None,
    realert: bool = False,
) -> Path:
    """A rules folder with the seed rules and one watch over all of them."""
    seed = yaml.safe_load(SEED_RULES.read_text(encoding="utf-8"))
    ids = [f"@{e['id']}" for e in seed.get("entities", [])]
    ids += [t["id"] for t in seed.get("topics", [])]
    watch: dict = {"id": watch_id, "match": ids}
    if email:
        watch["email"] = {"to": ["desk@example.org"], "digest": "daily 08:00"}
    if webhook:
        watch["webhooks"] = [{"url": webhook}]
    if realert:
        watch["realert_on_update"] = True
    d = tmp / "rules"
    d.mkdir(parents=True, exist_ok=True)
    (d / "seed.yaml").write_text(SEED_RULES.read_text(encoding="utf-8"), encoding="utf-8")
    (d / "watch.yaml").write_text(yaml.safe_dump({"watches": [watch]}), encoding="utf-8")
    return d


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4)))


def _sentence(rng: random.Random, vocab: list[str]) -> str:
    words = [
        rng.choice(vocab) if rng.random() < 0.6 else rng.choice(_FUNC)
        for _ in range(rng.randint(10, 22))
    ]
    return " ".join(words).capitalize() + "."


def _article(rng: random.Random, i: int) -> list[str]:
    vocab = [_word(rng) for _ in range(40)]
    title = " ".join(w.capitalize() for w in rng.sample(vocab, 5)) + f" {i}"
    byline = f"By {rng.choice(_NAMES)} {rng.choice(_SURN)}"
    body = [f"{rng.choice(_CITIES)} (Wire) – " + _sentence(rng, vocab)]
    for _ in range(rng.randint(4, 6)):
        para = " ".join(_sentence(rng, vocab) for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.15:
            para += " " + rng.choice(_HOOKS)
        body.append(para)
    body.append(
        f"(Reporting by {rng.choice(_NAMES)} {rng.choice(_SURN)}; "
        f"Editing by {rng.choice(_NAMES)} {rng.choice(_SURN)})"
    )
    return [title, byline, *body]


def make_dump(
    path: Path, n: int, *, seed: int = 1, dup_rate: float = 0.02, near_rate: float = 0.02
) -> Path:
    """Write a dump of ``n`` articles (some exact repeats and syndicated copies of
    articles at least 20 earlier) to ``path``."""
    rng = random.Random(seed)
    made: list[list[str]] = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            r = rng.random()
            if len(made) > 40 and r < dup_rate:
                art = list(rng.choice(made[:-20]))
            elif len(made) > 40 and r < dup_rate + near_rate:
                src = rng.choice(made[:-20])
                drop = rng.randrange(3, len(src) - 1)
                art = [
                    "Exclusive " + src[0],
                    src[1],
                    *[p for k, p in enumerate(src[2:], 2) if k != drop],
                ]
            else:
                art = _article(rng, i)
                made.append(art)
            fh.write("\n".join(art) + "\n")
    return path


def start_celery_worker(
    name: str, env: dict[str, str], log: Path, host: str = "localhost"
) -> subprocess.Popen:
    """A real Celery worker process (solo pool: one task at a time, so a
    SIGKILL lands in the middle of exactly one piece of work)."""
    cmd = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "worker.celery_app",
        "worker",
        "-P",
        "solo",
        "-n",
        f"{name}@{host}",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "--loglevel=WARNING",
    ]
    return subprocess.Popen(cmd, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT)
