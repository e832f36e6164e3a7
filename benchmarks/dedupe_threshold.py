"""Measure MinHash similarity of syndication-style variants vs. distinct articles.

Articles come from the seed dump, split at the hand-made gold spans (boilerplate
and duplicate lines removed), so the measurement does not depend on the
segmenter. For each article we build edited copies the way syndication edits a
wire story, and compare every pair of distinct articles (they are all about
China and human rights: "distinct articles on the same topic").

    uv run python benchmarks/dedupe_threshold.py [GOLD_JSON] [DUMP]

Prints the similarity distributions (estimated and exact Jaccard), and the
LSH candidate probability of each pair class at the chosen banding.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
from pathlib import Path

from worker import dedupe

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "corpus" / "seed-gold.json"
DUMP = ROOT / "examples" / "seed-dump.txt"
FILLERS = ["the", "new", "said", "also", "report", "officials", "on", "Monday", "very"]
BOILER = [
    "Sign up for our daily newsletter to get the latest news in your inbox.",
    "Advertisement",
    "Follow us on Twitter and Facebook for more stories.",
    "(c) 2021 Wire Service. All rights reserved. This material may not be redistributed.",
]


def gold_articles(gold_path: Path, dump_path: Path) -> list[list[str]]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    lines = dump_path.read_text(encoding="utf-8").splitlines()
    skip = set(gold.get("boilerplate_lines", [])) | set(gold.get("duplicate_lines", []))
    out = []
    for art in gold["articles"]:
        paras = [
            lines[i - 1]
            for i in range(art["start_line"], art["end_line"] + 1)
            if i not in skip and lines[i - 1].strip()
        ]
        out.append(paras)
    return out


def edit_words(paras: list[str], rng: random.Random, rate: float) -> list[str]:
    out = []
    for p in paras:
        words = p.split()
        for i in range(len(words)):
            if rng.random() < rate:
                words[i] = rng.choice(FILLERS)
        out.append(" ".join(words))
    return out


def variants(paras: list[str], rng: random.Random) -> dict[str, list[str]]:
    """Syndication-style edits of one article, by name."""
    drop = rng.randrange(len(paras))
    v = {
        "new headline": ["Exclusive: " + rng.choice(paras)[:60], *paras[1:]],
        "dropped paragraph": [p for i, p in enumerate(paras) if i != drop],
        "added paragraph": [*paras, "(Additional reporting by staff; editing by the desk.)"],
        "wording edits 3%": edit_words(paras, rng, 0.03),
        "other boilerplate": [BOILER[0], *paras, BOILER[2], BOILER[3]],
        "truncated to 70%": paras[: max(1, int(len(paras) * 0.7))],
    }
    combo = [p for i, p in enumerate(paras) if i != drop]
    combo = edit_words([BOILER[1], *combo, BOILER[3]], rng, 0.03)
    v["combined: drop + boilerplate + 3% edits"] = combo
    return v


def lsh_probability(s: float) -> float:
    return 1 - (1 - s**dedupe.ROWS) ** dedupe.BANDS


def summary(vals: list[float]) -> str:
    return (
        f"n={len(vals):3d} min={min(vals):.2f} median={statistics.median(vals):.2f} "
        f"max={max(vals):.2f}"
    )


def main() -> None:
    gold = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    dump = Path(sys.argv[2]) if len(sys.argv) > 2 else DUMP
    rng = random.Random(7)
    arts = gold_articles(gold, dump)
    texts = ["\n".join(p) for p in arts]
    sigs = [dedupe.signature(t) for t in texts]
    by_kind: dict[str, list[float]] = {}
    exact_by_kind: dict[str, list[float]] = {}
    for _ in range(5):  # several random draws of each edit
        for paras, text, sig in zip(arts, texts, sigs, strict=True):
            for name, vparas in variants(paras, rng).items():
                vt = "\n".join(vparas)
                by_kind.setdefault(name, []).append(dedupe.similarity(sig, dedupe.signature(vt)))
                exact_by_kind.setdefault(name, []).append(dedupe.jaccard(text, vt))
    distinct = [
        dedupe.similarity(sigs[i], sigs[j])
        for i in range(len(sigs))
        for j in range(i + 1, len(sigs))
    ]
    distinct_exact = [
        dedupe.jaccard(texts[i], texts[j])
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
    ]
    print(
        f"MinHash {dedupe.NUM_PERM} values over word {dedupe.SHINGLE}-shingles; "
        f"LSH {dedupe.BANDS} bands x {dedupe.ROWS}; threshold {dedupe.NEAR_DUP_THRESHOLD}"
    )
    print(f"{'pair class':42s} estimated Jaccard                      | exact Jaccard median")
    for name, vals in by_kind.items():
        print(f"{name:42s} {summary(vals)} | {statistics.median(exact_by_kind[name]):.2f}")
    print(
        f"{'distinct articles, same topic (45 pairs)':42s} {summary(distinct)} | "
        f"{statistics.median(distinct_exact):.2f} (max {max(distinct_exact):.3f})"
    )
    variant_vals = [v for vals in by_kind.values() for v in vals]
    thr = dedupe.NEAR_DUP_THRESHOLD
    recall = sum(v >= thr for v in variant_vals) / len(variant_vals)
    fp = sum(v >= thr for v in distinct) / len(distinct)
    found = statistics.mean(lsh_probability(v) for v in variant_vals)
    print(
        f"at threshold {thr}: variants flagged {recall:.1%}, distinct pairs flagged {fp:.1%}; "
        f"mean LSH candidate probability of variants {found:.1%}, "
        f"of a pair at 0.05: {lsh_probability(0.05):.4%}"
    )
    gap = (max(distinct), min(variant_vals))
    print(f"gap between classes: distinct max {gap[0]:.2f} < variant min {gap[1]:.2f}")


if __name__ == "__main__":
    main()
