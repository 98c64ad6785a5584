"""Automatic pre-screening (自动预检): statutory deadlines and case-card logic checks over a CaseCard.

Results are proposals for a reviewer: each names its rule, checklist item and a proposed severity.
"""

from reviewapp.checks.config import CheckConfig, ConfigError, default_config, load_config
from reviewapp.checks.registry import RULES, RULES_BY_ID, check_case, check_cases
from reviewapp.checks.results import ERROR as ORDINARY_ERROR
from reviewapp.checks.results import MINOR, SERIOUS, SEVERITIES, CheckResult, RuleSpec, Status
from reviewapp.checks.segments import net_review_days, review_segments

__all__ = [
    "MINOR",
    "ORDINARY_ERROR",
    "RULES",
    "RULES_BY_ID",
    "SERIOUS",
    "SEVERITIES",
    "CheckConfig",
    "CheckResult",
    "ConfigError",
    "RuleSpec",
    "Status",
    "check_case",
    "check_cases",
    "default_config",
    "load_config",
    "net_review_days",
    "review_segments",
]
