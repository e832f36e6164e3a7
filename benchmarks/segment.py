"""Segmentation throughput and peak memory on a generated dump of >= 100 MB.

Generates a dump from the hand-written fixtures (tests/support_dumpgen.py) in a
temporary directory, then measures, each in its own subprocess so that peak
RSS is per pass:

- baseline: a plain Python pass that reads the file line by line and splits it
  into words;
- segment: ``worker.segment.segment_file`` over the same file (every article
  fully cleaned).

Prints MB/s and peak RSS of both and the speed ratio (target: segmentation at
least 1/4 of the baseline, peak RSS under 150 MB).

usage: uv run python benchmarks/segment.py [--mb 100] [--keep]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

BASELINE = """
import json, sys, time
def peak_mb():
    # VmHWM is this process's own high-water mark; ru_maxrss would inherit the parent's.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
t = time.perf_counter(); words = 0
with open(sys.argv[1], encoding="utf-8", errors="replace") as fh:
    for line in fh:
        words += len(line.split())
dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "count": words,
                  "rss_mb": peak_mb()}))
"""

SEGMENT = """
import json, sys, time
def peak_mb():
    # VmHWM is this process's own high-water mark; ru_maxrss would inherit the parent's.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
from worker.segment import segment_file
t = time.perf_counter(); n = 0
for art in segment_file(sys.argv[1]):
    n += 1
dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "count": n,
                  "rss_mb": peak_mb()}))
"""


def realistic(text: str, rng: random.Random) -> str:
    """Lengthen body paragraphs to a scraped dump's line lengths.

    The fixtures' paragraphs are short (generated dumps average ~85 bytes a line)
    while scraped dumps run longer (the seed dump averages ~223): the per-line
    cost would be over-weighted. Each body-like line (> 60 characters, ending a
    sentence) is extended with the following body lines of the same dump until
    it reaches a random length of 100-500 characters; headers, captions and
    furniture keep their lengths, so the line mix stays the generator's.
    """
    lines = text.split("\n")
    body = [k for k, line in enumerate(lines) if len(line) > 60 and line[-1:] in '.?!"”']
    out = list(lines)
    for n, k in enumerate(body):
        want = rng.randint(100, 500)
        parts = [lines[k]]
        size = len(lines[k])
        j = n + 1
        while size < want and j < len(body):
            parts.append(lines[body[j]])
            size += len(lines[body[j]]) + 1
            j += 1
        out[k] = " ".join(parts)
    return "\n".join(out)


def generate(path: Path, megabytes: int) -> int:
    """Write generated dumps (random order, many seeds) until the file is big enough."""
    from support_dumpgen import make_dump

    rng = random.Random(2)
    pool = [realistic(make_dump(seed, 12).text, rng) for seed in range(300)]
    rng = random.Random(1)
    target = megabytes * 1024 * 1024
    size = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < target:
            chunk = rng.choice(pool)
            fh.write(chunk)
            size += len(chunk.encode("utf-8"))
    return path.stat().st_size


def run(code: str, path: Path) -> dict:
    """Run one measured pass in a fresh interpreter and return its JSON report."""
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=100)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dump.txt"
        size = generate(path, a.mb)
        with path.open("rb") as fh:
            lines = sum(1 for _ in fh)
        mb = size / 1e6
        base = run(BASELINE, path)
        seg = run(SEGMENT, path)
    b_speed = mb / base["seconds"]
    s_speed = mb / seg["seconds"]
    print(
        f"dump: {mb:.1f} MB, {lines} lines, {size / max(1, lines):.0f} B/line on average"
        " (body paragraphs lengthened to a scraped dump's; the seed averages ~223)"
    )
    print(f"baseline (read + split words): {b_speed:7.1f} MB/s  peak RSS {base['rss_mb']:6.1f} MB")
    print(
        f"segmentation:                  {s_speed:7.1f} MB/s  peak RSS {seg['rss_mb']:6.1f} MB"
        f"  ({seg['count']} articles)"
    )
    print(f"ratio segmentation/baseline: {s_speed / b_speed:.3f} (target >= 0.25)")


if __name__ == "__main__":
    main()
