"""Hostile and broken dumps through the real CLI and the streaming reader."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from worker.dumpio import DecodeStats, DumpError, iter_lines
from worker.segment import segment_file

ARTICLE = (
    "Storm closes mountain pass\n"
    "By Ana Ruiz\n"
    "Snow closed the pass on Monday and drivers were turned back at the border.\n"
    "Road crews expect to reopen it by Thursday if the weather clears.\n"
)


def _run(tmp_path: Path, data: bytes, *extra: str) -> subprocess.CompletedProcess[bytes]:
    dump = tmp_path / "dump.txt"
    dump.write_bytes(data)
    code = "from worker.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, "segment", str(dump), *extra],
        capture_output=True,
        timeout=60,
        check=False,
    )


def test_empty_file_zero_articles(tmp_path: Path) -> None:
    proc = _run(tmp_path, b"", "--json")
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == {"articles": []}


def test_crlf_and_bom_same_as_lf(tmp_path: Path) -> None:
    lf = json.loads(_run(tmp_path, ARTICLE.encode(), "--json").stdout)
    crlf = ARTICLE.replace("\n", "\r\n").encode()
    other = json.loads(_run(tmp_path, b"\xef\xbb\xbf" + crlf, "--json").stdout)
    strip = lambda d: [(a["start_line"], a["title"], a["text"]) for a in d["articles"]]  # noqa: E731
    assert strip(lf) == strip(other)
    assert other["articles"][0]["title"] == "Storm closes mountain pass"


def test_invalid_utf8_replaced_and_warned(tmp_path: Path) -> None:
    data = ARTICLE.encode().replace(b"Snow", b"Sn\xff\xfew")
    proc = _run(tmp_path, data, "--json")
    assert proc.returncode == 0
    assert b"2 invalid UTF-8 bytes" in proc.stderr
    assert "\ufffd" in json.loads(proc.stdout)["articles"][0]["text"]


def test_binary_and_missing_file_exit_2(tmp_path: Path) -> None:
    proc = _run(tmp_path, bytes(range(256)) * 64, "--json")
    assert proc.returncode == 2
    assert proc.stderr.decode().count("\n") == 1 and b"binary" in proc.stderr
    code = "from worker.cli import main; main()"
    missing = subprocess.run(
        [sys.executable, "-c", code, "segment", str(tmp_path / "nope.txt")],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert missing.returncode == 2 and b"no such file" in missing.stderr
    assert b"Traceback" not in missing.stderr


def test_stdin_and_readable_summary(tmp_path: Path) -> None:
    code = "from worker.cli import main; main()"
    proc = subprocess.run(
        [sys.executable, "-c", code, "segment", "-"],
        input=ARTICLE.encode(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0
    assert b"1 articles" in proc.stdout and b"Storm closes mountain pass" in proc.stdout


def test_nul_bytes_and_mixed_encodings(tmp_path: Path) -> None:
    data = ARTICLE.encode() + "Café crème à Paris\n".encode("latin-1") + b"a\x00b c\n"
    stats = DecodeStats()
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    arts = list(segment_file(path, stats=stats))
    assert arts[-1].end_line == 6
    assert stats.invalid_bytes == 3 and stats.nul_bytes == 1


def test_ten_megabyte_line_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(ARTICLE.encode() + b"word " * 2_000_000 + b"\nLast line here.\n")
    stats = DecodeStats()
    arts = list(segment_file(path, stats=stats))
    assert arts[-1].end_line == 6 and arts[-1].end_offset == path.stat().st_size
    assert stats.truncated_lines == 1
    assert sum(len(a.text) for a in arts) < 200_000


def test_file_growing_while_read(tmp_path: Path) -> None:
    path = tmp_path / "grow.txt"
    path.write_bytes(ARTICLE.encode() * 50)
    stop = threading.Event()

    def writer() -> None:
        with path.open("ab") as fh:
            while not stop.is_set():
                fh.write(ARTICLE.encode())
                fh.flush()
                time.sleep(0.001)

    t = threading.Thread(target=writer)
    t.start()
    try:
        arts = list(segment_file(path))
    finally:
        stop.set()
        t.join()
    assert arts and arts[0].start_line == 1
    for a, b in itertools.pairwise(arts):
        assert b.start_line == a.end_line + 1


def test_reader_raises_dumperror_for_binary() -> None:
    import io

    with pytest.raises(DumpError):
        list(iter_lines(io.BytesIO(os.urandom(4096))))


_PEAK_CODE = """
import atexit, resource, sys
def _peak():
    # this process's high-water mark plus its children's (the line classifier's, when
    # the command uses two processes): an upper bound of what both held at once
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("PEAK %d\\n" % (int(line.split()[1]) + child))
atexit.register(_peak)
from worker.cli import main
main()
"""


def _peak_kb(tmp_path: Path, megabytes: int, line_bytes: int = 0) -> int:
    """Peak RSS of `newswatch segment DUMP --json` on a generated dump of that size;
    with ``line_bytes``, its lines joined into lines of about that many bytes."""
    from support_dumpgen import make_dump

    path = tmp_path / f"dump{megabytes}-{line_bytes}.txt"
    size = seed = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < megabytes * 1_000_000:
            text = make_dump(seed, 12).text
            if line_bytes:
                text = _joined(text, line_bytes)
            fh.write(text)
            size += len(text.encode("utf-8"))
            seed += 1
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK_CODE, "segment", str(path), "--json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=300,
        check=True,
    )
    return int(proc.stderr.decode().rsplit("PEAK ", 1)[1].split()[0])


def test_memory_does_not_grow_with_the_dump(tmp_path: Path) -> None:
    """The whole command streams: five times the input, the same peak (the JSON
    document is written article by article; held in full, 10 MB of dump would
    cost about 80 MB more). With two cores the command runs two processes: the
    peak counted is both processes'."""
    small, big = _peak_kb(tmp_path, 2), _peak_kb(tmp_path, 10)
    assert big - small < 25_000, (small, big)
    assert big < 150_000


def test_memory_is_bounded_on_long_lines(tmp_path: Path) -> None:
    """A dump of whole stories on one line each (3 KB lines): a window of ten
    thousand lines would hold 30 MB of text and the cohesion arrays of its words
    (several hundred MB); the window is bounded in bytes too."""
    small, big = _peak_kb(tmp_path, 8, 3000), _peak_kb(tmp_path, 20, 3000)
    assert big - small < 25_000, (small, big)
    assert big < 150_000


def _joined(text: str, line_bytes: int) -> str:
    """The dump's lines joined with spaces into lines of about ``line_bytes``."""
    out: list[str] = []
    run: list[str] = []
    size = 0
    for line in text.splitlines():
        run.append(line)
        size += len(line) + 1
        if size >= line_bytes:
            out.append(" ".join(run))
            run, size = [], 0
    if run:
        out.append(" ".join(run))
    return "\n".join(out) + "\n"


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    """stderr a terminal (a pseudo-terminal here), stdout a pipe: a progress bar is
    drawn on stderr and the JSON document on stdout is untouched."""
    import pty

    from support_dumpgen import make_dump

    dump = tmp_path / "dump.txt"
    dump.write_text("".join(make_dump(seed, 12).text for seed in range(30)), encoding="utf-8")
    cli = [sys.executable, "-c", "from worker.cli import main; main()"]
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [*cli, "segment", str(dump), "--json"], stdout=subprocess.PIPE, stderr=slave
    )
    os.close(slave)
    chunks: list[bytes] = []

    def drain() -> None:  # read the terminal as it is written: its buffer is small
        with contextlib.suppress(OSError):  # EIO once the child side is closed
            while chunk := os.read(master, 65536):
                chunks.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    out = proc.communicate(timeout=120)[0]
    reader.join(30)
    os.close(master)
    seen = b"".join(chunks)
    assert proc.returncode == 0
    assert b"segmenting" in seen and b"articles" in seen
    assert json.loads(out)["articles"]
    piped = _run(tmp_path, dump.read_bytes(), "--json")
    assert b"segmenting" not in piped.stderr  # not a terminal: no bar
