"""Generate scraped-looking dumps from hand-written articles, with gold boundaries.

The fixtures (tests/fixtures/segment/) hold clean articles in several styles
and typical page noise. ``make_dump`` renders a random sequence of articles the
way scrapers leave them — headlines present or missing or repeated, bylines in
many forms, timestamps, captions and credits, datelines, closing credits, bios,
boilerplate and donation appeals, paragraphs broken by stripped links, repeated
paragraphs — and records where each article starts. ``score`` computes Pk and
boundary F1 exactly as the project's evaluation script does, so tests and the
tuning loop measure generalisation on dumps the seed never influenced.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "segment"
NAMES = [
    "Maria Keane",
    "Oluwaseun Adeyemi",
    "Tomás Ferreira",
    "Hannah Becker-Lowe",
    "Li Wei",
    "Peter van der Berg",
    "Fatima Zahra",
    "Jonas Eriksen",
]


@dataclass
class Article:
    """One hand-written article: style, optional header parts, paragraphs."""

    style: str
    meta: dict[str, list[str]]
    paras: list[str]


@dataclass
class Dump:
    """A generated dump and its gold segmentation."""

    lines: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    titles: dict[int, str] = field(default_factory=dict)
    boilerplate: set[int] = field(default_factory=set)
    duplicates: set[int] = field(default_factory=set)

    @property
    def text(self) -> str:
        """The dump as file content."""
        return "\n".join(self.lines) + "\n"


def load_articles() -> list[Article]:
    """Parse articles.txt into Article records."""
    arts: list[Article] = []
    for line in (FIXTURES / "articles.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            arts.append(Article(line[4:].strip(), {}, []))
        elif line.startswith("# ") and arts and ":" in line:
            key, val = line[2:].split(":", 1)
            arts[-1].meta.setdefault(key.strip(), []).append(val.strip())
        elif line.strip() and arts and not line.startswith("#"):
            arts[-1].paras.append(line.strip())
    return arts


def load_noise() -> dict[str, list[str]]:
    """Parse noise.txt into lists of lines per kind."""
    out: dict[str, list[str]] = {}
    for line in (FIXTURES / "noise.txt").read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            kind, text = line.split("\t", 1)
            out.setdefault(kind, []).append(text)
    return out


class _Renderer:
    """Renders articles into a Dump with scraping damage, recording gold facts."""

    def __init__(self, rng: random.Random, noise: dict[str, list[str]]) -> None:
        self.rng = rng
        self.noise = noise
        self.dump = Dump()

    def emit(self, text: str, *, boiler: bool = False, dup: bool = False) -> None:
        self.dump.lines.append(text)
        n = len(self.dump.lines)
        if boiler:
            self.dump.boilerplate.add(n)
        if dup:
            self.dump.duplicates.add(n)

    def article(self, art: Article) -> None:
        rng, meta = self.rng, art.meta
        self.dump.starts.append(len(self.dump.lines) + 1)
        if rng.random() < 0.15:
            self.caption()
        title = meta.get("title", [None])[0]
        if title and rng.random() < 0.8:
            self.dump.titles[len(self.dump.lines) + 1] = title
            self.emit(title)
            if rng.random() < 0.1:
                for _ in range(rng.randint(1, 6)):
                    self.emit(title, dup=True)
        self.header(art)
        self.body(art)
        self.footer(art)

    def header(self, art: Article) -> None:
        rng, meta = self.rng, art.meta
        parts = []
        if "byline" in meta and rng.random() < 0.8:
            form = rng.choice(self.noise["byline"])
            parts.append(form.format(name=meta["byline"][0]))
        if rng.random() < 0.35 or "timestamp" in meta:
            parts.append(meta.get("timestamp", [None])[0] or rng.choice(self.noise["timestamp"]))
        if rng.random() < 0.3:
            parts.append("CAPTION")
        rng.shuffle(parts)
        for p in parts:
            if p == "CAPTION":
                self.caption()
            else:
                self.emit(p)

    def caption(self) -> None:
        rng = self.rng
        if rng.random() < 0.6:
            self.emit(rng.choice(self.noise["caption"]))
        else:
            self.emit(rng.choice(self.noise["capline"]))
            self.emit(rng.choice(self.noise["credit"]))

    def body(self, art: Article) -> None:
        rng = self.rng
        done: list[str] = []
        for k, para in enumerate(art.paras):
            if k == 0 and "dateline" in art.meta and rng.random() < 0.7:
                para = f"{art.meta['dateline'][0]} {para}"
            self.paragraph(para)
            done.append(para)
            r = rng.random()
            if 0 < k < len(art.paras) - 1 and r < 0.08:
                self.emit(rng.choice(self.noise["boiler"]), boiler=True)
            elif r < 0.11 and len(done) > 1:
                self.emit(rng.choice(done[:-1]), dup=True)
            elif r < 0.17 and 0 < k < len(art.paras) - 1:
                self.caption()
            elif r < 0.21 and 0 < k < len(art.paras) - 1 and art.meta.get("subhead"):
                self.emit(rng.choice(art.meta["subhead"]))

    def paragraph(self, para: str) -> None:
        """Emit one paragraph, sometimes broken where a hyperlink was stripped."""
        words = para.split()
        cuts = [i for i in range(3, len(words) - 2) if words[i][:1].islower()]
        if cuts and self.rng.random() < 0.15:
            i = self.rng.choice(cuts)
            self.emit(" ".join(words[:i]))
            self.emit(" ".join(words[i:]))
        else:
            self.emit(para)

    def footer(self, art: Article) -> None:
        rng, meta = self.rng, art.meta
        for close in meta.get("close", []):
            if rng.random() < 0.8:
                self.emit(close)
        for bio in meta.get("bio", []):
            if rng.random() < 0.8:
                self.emit(bio)
        r = rng.random()
        if r < 0.12:
            for part in rng.choice(self.noise["appeal"]).split(" || "):
                self.emit(part, boiler=True)
        elif r < 0.35:
            ends = self.noise["boiler"] + self.noise["tail"]
            for _ in range(rng.randint(1, 3)):
                self.emit(rng.choice(ends), boiler=True)


def make_dump(seed: int, n_articles: int = 12) -> Dump:
    """A dump of ``n_articles`` random articles (never the same one twice in a row)."""
    rng = random.Random(seed)
    arts, noise = load_articles(), load_noise()
    for art in arts:
        if "byline" not in art.meta and art.style in ("wire", "feature", "sports"):
            art.meta["byline"] = [rng.choice(NAMES)]
    ren = _Renderer(rng, noise)
    prev = -1
    for _ in range(n_articles):
        k = rng.choice([i for i in range(len(arts)) if i != prev])
        prev = k
        ren.article(arts[k])
    return ren.dump


def pk_windowdiff(gold: list[int], pred: list[int], n: int) -> tuple[float, float]:
    """Pk and WindowDiff with k = half the mean gold segment length (as the eval script)."""
    k = max(1, round(n / len(gold) / 2))

    def ids(starts: list[int]) -> list[int]:
        out, cur, s = [], -1, set(starts)
        for line in range(1, n + 1):
            cur += line in s
            out.append(max(cur, 0))
        return out

    g, p = ids(gold), ids(pred)
    gb = [1 if i + 1 in set(gold) else 0 for i in range(n)]
    pb = [1 if i + 1 in set(pred) else 0 for i in range(n)]
    windows = n - k
    if windows <= 0:
        return 0.0, 0.0
    pk = sum((g[i] == g[i + k]) != (p[i] == p[i + k]) for i in range(windows))
    wd = sum(sum(gb[i + 1 : i + k + 1]) != sum(pb[i + 1 : i + k + 1]) for i in range(windows))
    return pk / windows, wd / windows


def boundary_f1(gold: list[int], pred: list[int], tol: int = 1) -> float:
    """Boundary F1 within ±tol lines, first line excluded (as the eval script)."""
    gs = sorted(set(gold) - {1})
    ps = sorted(set(pred) - {1})
    used: set[int] = set()
    tp = 0
    for b in gs:
        cands = [p for p in ps if abs(p - b) <= tol and p not in used]
        if cands:
            used.add(min(cands, key=lambda p: abs(p - b)))
            tp += 1
    prec = tp / len(ps) if ps else 1.0
    rec = tp / len(gs) if gs else 1.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def score(dump: Dump, pred_starts: list[int]) -> dict[str, float]:
    """Pk, WindowDiff and F1 (±1) of predicted starts against the dump's gold."""
    pk, wd = pk_windowdiff(dump.starts, pred_starts, len(dump.lines))
    return {"pk": pk, "wd": wd, "f1": boundary_f1(dump.starts, pred_starts, 1)}
