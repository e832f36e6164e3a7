"""Score the segmenter on dumps built from real article texts you supply.

The written fixtures imitate pages; real articles bring what no writer thought of
(long reads with subheadings, listicles, bare headlines over leads). This joins
real article texts into dumps with known boundaries, segments them and scores
them with the shared scorer, so you can measure on your own material:

    uv run python benchmarks/real_texts.py ARTICLES [--headlines keep|drop] [--per-dump 8]

ARTICLES is a folder of .txt files, one article each (paragraphs one per line or
separated by blank lines), or a JSON file mapping ids to objects with an
"articleBody" (and optionally a "headline"), as in the ground truth of the
scrapinghub/article-extraction-benchmark repository. --headlines says whether the
first line of each file is a headline, kept (as the article's first line) or
dropped; without it, every line is the article's (and a JSON headline is dropped).
Nothing is added between
articles: no furniture, so what is measured is finding where one text ends and
the next begins. Articles are shuffled (--seed) and dealt into dumps of
--per-dump each; the gold start of each is its first line. Prints mean Pk and
boundary F1 at ±1 line over the dumps, and per dump with -v.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shared_scorer import load_score  # noqa: E402

from worker.segment import segment_text  # noqa: E402


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n+", text) if p.strip()]


def load(source: Path, headlines: str | None) -> list[list[str]]:
    """Each article as its lines: a file's first line dropped when ``headlines`` is
    "drop"; a JSON item's headline kept first when it is "keep"."""
    arts: list[list[str]] = []
    if source.is_dir():
        for f in sorted(source.glob("*.txt")):
            lines = _paragraphs(f.read_text(encoding="utf-8", errors="replace"))
            arts.append(lines[1:] if headlines == "drop" else lines)
    else:
        for item in json.loads(source.read_text(encoding="utf-8")).values():
            body = _paragraphs(item.get("articleBody") or "")
            head = (item.get("headline") or "").strip()
            arts.append(([head] if headlines == "keep" and head else []) + body)
    return [a for a in arts if len(a) >= 3]


def dumps(arts: list[list[str]], per_dump: int, seed: int) -> list[tuple[str, dict]]:
    """(dump text, gold) for each full group of ``per_dump`` shuffled articles."""
    arts = arts[:]
    random.Random(seed).shuffle(arts)
    out = []
    for k in range(len(arts) // per_dump):
        lines: list[str] = []
        gold_arts = []
        for a in arts[k * per_dump : (k + 1) * per_dump]:
            gold_arts.append({"start_line": len(lines) + 1, "end_line": len(lines) + len(a)})
            lines += a
        gold = {"line_count": len(lines), "articles": gold_arts}
        out.append(("\n".join(lines) + "\n", gold))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("articles", type=Path)
    ap.add_argument("--headlines", choices=("keep", "drop"), help="each file's first line")
    ap.add_argument("--per-dump", type=int, default=8)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--write", type=Path, help="also write each dump and its gold here")
    a = ap.parse_args()
    score = load_score()
    built = dumps(load(a.articles, a.headlines), a.per_dump, a.seed)
    if not built:
        sys.exit(f"fewer than {a.per_dump} usable articles in {a.articles}")
    pks, f1s = [], []
    if a.write:
        a.write.mkdir(parents=True, exist_ok=True)
    for k, (text, gold) in enumerate(built, 1):
        if a.write:
            (a.write / f"dump-{k}.txt").write_text(text, encoding="utf-8")
            (a.write / f"dump-{k}-gold.json").write_text(json.dumps(gold), encoding="utf-8")
        pred = {"articles": [x.to_json() for x in segment_text(text)]}
        r = score(gold, pred, 1)
        pks.append(r["pk"])
        f1s.append(r["boundary_f1"])
        if a.verbose:
            print(
                f"dump {k:3}: Pk {r['pk']:.3f}  F1 {r['boundary_f1']:.3f}  "
                f"missed {r['missed_starts']}  extra {r['extra_starts']}"
            )
    n = len(built)
    print(
        f"{n} dumps of {a.per_dump} articles: mean Pk {sum(pks) / n:.3f}, "
        f"boundary F1 (±1 line) {sum(f1s) / n:.3f}"
    )


if __name__ == "__main__":
    main()
