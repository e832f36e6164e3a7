"""Hot reload of rule files for long-running processes.

``RuleWatcher.current()`` is cheap to call before every batch: at most once
per ``interval`` seconds it compares the rule files' names, sizes and mtimes
with the last look, and only when they changed does it load, validate and
compile them.  The new (RuleSet, Matcher) pair replaces the old one in a
single attribute assignment, so a caller never sees half of a new rule set.
A broken edit is logged with every error and the last good rules stay in use.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from worker.rules.compile import compile_rules
from worker.rules.load import RulesError, load_rules, rule_files
from worker.rules.match import Matcher
from worker.rules.model import RuleSet

log = logging.getLogger(__name__)

Signature = tuple[tuple[str, int, int], ...]


def _signature(path: Path) -> Signature:
    """Names, sizes and mtimes (ns) of the rule files: changes when any file does."""
    out = []
    try:
        files = rule_files(path)
    except OSError:
        return ()
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        out.append((str(f), st.st_size, st.st_mtime_ns))
    return tuple(out)


class RuleWatcher:
    """The current compiled rules of a folder or file, reloaded when they change.

    The first load must succeed (RulesError otherwise): a worker should not
    start without rules.  Later failures keep the last good rules.
    """

    def __init__(self, path: str | Path, *, interval: float = 1.0) -> None:
        self.path = Path(path)
        self.interval = interval
        self.last_error: RulesError | None = None
        self._lock = threading.Lock()
        self._sig = _signature(self.path)
        rs = load_rules(self.path)
        self._state: tuple[RuleSet, Matcher] = (rs, compile_rules(rs))
        self._checked = time.monotonic()

    def current(self) -> tuple[RuleSet, Matcher]:
        """The rules to use now (swapped atomically when the files changed)."""
        if time.monotonic() - self._checked >= self.interval:
            self.check()
        return self._state

    def check(self) -> bool:
        """Look at the files now; True when new rules were swapped in."""
        with self._lock:
            self._checked = time.monotonic()
            sig = _signature(self.path)
            if sig == self._sig:
                return False
            self._sig = sig
            try:
                rs = load_rules(self.path)
            except RulesError as exc:
                self.last_error = exc
                log.error(
                    "rules in %s are invalid; keeping the last good rules (version %s):\n%s",
                    self.path,
                    self._state[0].version,
                    exc,
                )
                return False
            if rs.version == self._state[0].version:
                self.last_error = None
                return False
            matcher = compile_rules(rs)
            old = self._state[0].version
            self._state = (rs, matcher)
            self.last_error = None
            log.info("rules reloaded from %s: version %s -> %s", self.path, old, rs.version)
            return True
