"""Matching throughput and compile cost against the number of rules.

    uv run python benchmarks/match.py [--mb 1] [--sizes 10,1000,10000,100000] [--passes 15]

For each size a fresh subprocess generates that many topic rules (seeded, so
runs are comparable), compiles them with ``compile_rules`` (time and peak RSS
of that process) and matches every article of a corpus made of the seed dump
repeated to ``--mb`` MB.  Rule terms come from a real vocabulary: the words of
the seed dump that occur at most three times (so some rules hit) and English
words from Python's standard library that are not in the news text (as most
terms of a real rule set are not in any one article).  Rule shapes: single
words and OR lists, phrases taken from the text, prefixes, AND, NEAR/5, NOT.

Timing (the machine is shared): the 10-rule and the n-rule matcher run in
paired passes, alternating order; MB/s is the median over passes of CPU time
of the matching thread (wall time beside it), the 10k/10 ratio the median of
the per-pass ratios, with its range.

The naive baseline — one compiled ``re`` per rule, each searched over every
article (term detection only, no boolean logic: a lower bound on its real
cost) — runs in the same process on the same rules for every size, measured
(never extrapolated) on as many articles as fit in ``--naive-budget`` seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import sysconfig
import time
from collections import Counter
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_DUMP = REPO.parent / "shared" / "corpus" / "seed-dump.txt"
sys.path.insert(0, str(REPO))

WORD = re.compile(r"[A-Za-z][a-z]{3,14}")
NEWS_SHARE = 0.01  # share of rule terms drawn from the news text's own words


def corpus(mb: float) -> list[str]:
    """Articles of ~3 KB from the seed dump (or a fixture), repeated to `mb` MB."""
    if SEED_DUMP.exists():
        lines = SEED_DUMP.read_text(encoding="utf-8").splitlines()
    else:  # pragma: no cover - without the shared corpus
        lines = (REPO / "tests" / "test_rules_match.py").read_text().splitlines()
    arts: list[str] = []
    cur: list[str] = []
    for line in lines:
        if line.strip():
            cur.append(line)
        if sum(map(len, cur)) > 3000:
            arts.append("\n".join(cur))
            cur = []
    if cur:
        arts.append("\n".join(cur))
    size = sum(len(a.encode()) for a in arts)
    return arts * max(1, round(mb * 1e6 / size))


def vocabulary() -> tuple[list[str], list[str], list[str], set[str]]:
    """(news words, other English words, news bigrams, prefixes of news tokens)."""
    from worker.rules.normalize import Tokens

    text = SEED_DUMP.read_text(encoding="utf-8") if SEED_DUMP.exists() else ""
    tokens = set(Tokens(text).folded)
    stems = {t[:k] for t in tokens for k in range(6, len(t) + 1)}
    counts = Counter(WORD.findall(text))
    # watched terms are specific: leave out the news text's common and short words
    news = sorted(w for w, c in counts.items() if c <= 3 and len(w) >= 6)
    common = {w.lower() for w, _ in counts.most_common(300)}
    words = text.split()
    bigrams = sorted(
        {
            f"{a} {b}"
            for a, b in pairwise(words)
            if WORD.fullmatch(a) and WORD.fullmatch(b) and not {a.lower(), b.lower()} & common
        }
    )
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    other: set[str] = set()
    for f in sorted(stdlib.glob("*.py"))[:200]:
        other.update(
            w.lower() for w in WORD.findall(f.read_text(encoding="utf-8", errors="ignore"))
        )
    return news, sorted(other - tokens), bigrams, stems


def make_queries(n: int, seed: int = 7) -> list[str]:
    """n queries of mixed shapes; one term in a hundred is a word of the news text."""
    rnd = random.Random(seed)
    news, other, bigrams, stems = vocabulary()

    def word() -> str:
        return rnd.choice(news) if rnd.random() < NEWS_SHARE else rnd.choice(other)

    def stem() -> str:
        """A prefix; like other terms, one in a hundred can hit the news text."""
        hit = rnd.random() < NEWS_SHARE
        while True:
            w = rnd.choice(news if hit else other)
            s = w[: max(6, len(w) - 2)]
            if len(w) >= 7 and (hit or s.lower() not in stems):
                return s

    out = []
    for _ in range(n):
        r = rnd.random()
        if r < 0.4:
            q = " OR ".join(word() for _ in range(rnd.randint(1, 3)))
        elif r < 0.55:
            q = f'"{rnd.choice(bigrams)}"' if rnd.random() < 0.05 else f'"{word()} {word()}"'
        elif r < 0.65:
            q = stem() + "*"
        elif r < 0.85:
            q = f"{word()} AND ({word()} OR {word()})"
        elif r < 0.95:
            q = f"{word()} NEAR/5 {word()}"
        else:
            q = f"{word()} NOT {word()}"
        out.append(q)
    return out


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _time(matcher: object, arts: list[str]) -> tuple[float, float, int]:
    """(CPU seconds of this thread, wall seconds, matches) for one pass."""
    c0, w0 = time.thread_time(), time.perf_counter()
    found = 0
    for a in arts:
        found += len(matcher.match(None, a))  # type: ignore[attr-defined]
    return time.thread_time() - c0, time.perf_counter() - w0, found


def _interleaved(small: object, big: object, arts: list[str], passes: int) -> dict:
    """Paired passes of the 10-rule and the n-rule matcher, order alternating.

    The machine is shared: other processes steal CPU and cache.  Each pass
    times both matchers back to back (ABBA order, so drift hits both), the
    ratio is taken within the pass, and the median over passes is reported.
    CPU time of this thread excludes time spent descheduled; wall time is
    reported beside it.
    """
    cpu_s, cpu_n, wall_s, wall_n, ratios = [], [], [], [], []
    matched = 0
    _time(small, arts[:20]), _time(big, arts[:20])  # warm-up
    for k in range(passes):
        if k % 2 == 0:
            cs, ws, _ = _time(small, arts)
            cn, wn, matched = _time(big, arts)
        else:
            cn, wn, matched = _time(big, arts)
            cs, ws, _ = _time(small, arts)
        cpu_s.append(cs), cpu_n.append(cn), wall_s.append(ws), wall_n.append(wn)
        ratios.append(cs / cn)
    med = statistics.median
    return {
        "cpu_s_10": med(cpu_s),
        "cpu_s_n": med(cpu_n),
        "wall_s_10": med(wall_s),
        "wall_s_n": med(wall_n),
        "ratio": med(ratios),
        "ratio_lo": min(ratios),
        "ratio_hi": max(ratios),
        "matched": matched,
    }


def one(n: int, mb: float, passes: int, naive_budget: float) -> dict:
    """Run in a subprocess: compile n rules, match the corpus, time the baseline."""
    from worker.rules import compile_rules
    from worker.rules.model import RuleSet, Topic

    def ruleset(qs: list[str]) -> RuleSet:
        return RuleSet(
            topics={f"r{i}": Topic(id=f"r{i}", name="", query=q) for i, q in enumerate(qs)}
        )

    arts = corpus(mb)
    text_mb = sum(len(a.encode()) for a in arts) / 1e6
    queries = make_queries(n)
    rs = ruleset(queries)
    rss_before = peak_rss_mb()
    t0 = time.perf_counter()
    matcher = compile_rules(rs)
    compile_s = time.perf_counter() - t0
    rss_compile = peak_rss_mb()
    # the same generator's first 10 rules: same normalisation, same code path
    small = compile_rules(ruleset(queries[:10]))
    timing = _interleaved(small, matcher, arts, passes)
    # the same, reading every match's evidence (offsets + sentence), on a quarter
    part = arts[: max(1, len(arts) // 4)]
    t0 = time.thread_time()
    for a in part:
        for m in matcher.match(None, a):
            m.evidence  # noqa: B018 - built on access
    ev_s = time.thread_time() - t0
    naive_mb_s, naive_arts = naive(queries, arts, naive_budget)
    return {
        "rules": n,
        "patterns": matcher.pattern_count,
        "compile_s": compile_s,
        "mb_s": text_mb / timing["cpu_s_n"],
        "mb_s_10_interleaved": text_mb / timing["cpu_s_10"],
        "wall_mb_s": text_mb / timing["wall_s_n"],
        "wall_mb_s_10": text_mb / timing["wall_s_10"],
        "ratio": timing["ratio"],
        "ratio_lo": timing["ratio_lo"],
        "ratio_hi": timing["ratio_hi"],
        "passes": passes,
        "evidence_mb_s": sum(len(a.encode()) for a in part) / 1e6 / ev_s,
        "matches_per_article": timing["matched"] / len(arts),
        "peak_rss_mb": rss_compile,
        "rss_before_compile_mb": rss_before,
        "text_mb": text_mb,
        "naive_mb_s": naive_mb_s,
        "naive_articles": naive_arts,
    }


def naive(queries: list[str], arts: list[str], budget_s: float) -> tuple[float, int]:
    """(MB/s, articles timed) of one `re` per rule (terms only), in CPU time.

    Measured, never extrapolated: articles are matched one after another
    until `budget_s` seconds have gone (at least one article).
    """
    regs = []
    for q in queries:
        terms = re.findall(r'"([^"]+)"|([^\s()"]+)', q)
        alts = []
        for phrase, w in terms:
            t = phrase or w
            if t in ("AND", "OR", "NOT") or t.startswith("NEAR/"):
                continue
            alts.append(re.escape(t[:-1]) + r"\w*" if t.endswith("*") else re.escape(t))
        regs.append(re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE))
    size = 0
    done = 0
    t0 = time.thread_time()
    for a in arts:
        for r in regs:
            r.search(a)
        size += len(a.encode())
        done += 1
        if time.thread_time() - t0 >= budget_s:
            break
    return size / 1e6 / (time.thread_time() - t0), done


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="MB of article text to match")
    ap.add_argument("--sizes", default="10,1000,10000,100000")
    ap.add_argument("--passes", type=int, default=15, help="interleaved passes per size")
    ap.add_argument(
        "--naive-budget", type=float, default=1.5, help="CPU seconds for the naive baseline"
    )
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one is not None:
        print(json.dumps(one(a.one, a.mb, a.passes, a.naive_budget)))
        return
    rows = []
    for n in (int(s) for s in a.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(n), "--mb", str(a.mb)]
        cmd += ["--passes", str(a.passes), "--naive-budget", str(a.naive_budget)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        rows.append(json.loads(proc.stdout))
        r = rows[-1]
        print(
            f"{n:>7} rules  {r['patterns']:>7} patterns  compile {r['compile_s']:6.2f} s  "
            f"match {r['mb_s']:6.2f} MB/s (wall {r['wall_mb_s']:6.2f}; 10 rules meanwhile "
            f"{r['mb_s_10_interleaved']:6.2f}; with evidence {r['evidence_mb_s']:6.2f})  "
            f"{r['matches_per_article']:6.1f} matches/article  "
            f"peak RSS {r['peak_rss_mb']:6.0f} MB",
            flush=True,
        )
    print(f"\ncorpus: {rows[0]['text_mb']:.1f} MB of article text (seed dump repeated)")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (other processes share it)")
    print("MB/s: median over interleaved passes, CPU time of the matching thread")
    print("naive baseline = one `re` per rule (terms only), measured in the same run:")
    for r in rows:
        nb = r["naive_mb_s"]
        print(
            f"{r['rules']:>7} rules  naive {nb:9.4f} MB/s (on {r['naive_articles']} articles)  "
            f"compiled/naive = {r['mb_s'] / nb:8.1f}x"
        )
    print(
        f"throughput at N rules / at 10 rules (median of {rows[0]['passes']} paired "
        "passes in one process; min-max in brackets):"
    )
    for r in rows:
        target = "  (target >= 0.5)" if r["rules"] == 10000 else ""
        print(
            f"{r['rules']:>7} rules  {r['ratio']:.2f} [{r['ratio_lo']:.2f}-{r['ratio_hi']:.2f}]"
            f"{target}"
        )
    big = [r for r in rows if r["rules"] == 100000]
    if big:
        b = big[0]
        print(
            f"100,000 rules: compile {b['compile_s']:.2f} s (target < 10 s), "
            f"peak RSS {b['peak_rss_mb']:.0f} MB (target < 1024 MB)"
        )


if __name__ == "__main__":
    main()
