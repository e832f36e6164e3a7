"""Watch rules: file format, query language and one compiled matcher.

Pure core (no database, network or Celery).  Public API, as agreed in
notes/contracts.md::

    rs = load_rules("rules/")          # RuleSet, or raises RulesError
    matcher = compile_rules(rs)        # Matcher
    matcher.match(title, text)         # list[RuleMatch] with Evidence
    RuleWatcher("rules/").current()    # (RuleSet, Matcher), hot-reloaded
"""

from worker.rules.compile import compile_rules
from worker.rules.load import RuleErrorItem, RulesError, load_rules
from worker.rules.match import Evidence, Matcher, RuleMatch
from worker.rules.model import (
    EmailTarget,
    Entity,
    RuleSet,
    SourceHealth,
    Topic,
    Watch,
    WebhookTarget,
)
from worker.rules.reload import RuleWatcher

__all__ = [
    "EmailTarget",
    "Entity",
    "Evidence",
    "Matcher",
    "RuleErrorItem",
    "RuleMatch",
    "RuleSet",
    "RuleWatcher",
    "RulesError",
    "SourceHealth",
    "Topic",
    "Watch",
    "WebhookTarget",
    "compile_rules",
    "load_rules",
]
