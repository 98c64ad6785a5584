"""What a pre-screening rule is (RuleSpec) and what it finds (CheckResult)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

# Problem severities are domain data (review-rules.md §2) and stay Chinese.
MINOR = "司法瑕疵"
ERROR = "一般司法错误"
SERIOUS = "严重司法错误"
SEVERITIES = (MINOR, ERROR, SERIOUS)


class Status(Enum):
    VIOLATION = "violation"
    WARNING = "warning"
    NOT_CHECKABLE = "not_checkable"
    PASSED = "passed"


# The results a reviewer answers (accepts as a finding or dismisses with a reason): the suggestions.
SUGGESTED = (Status.VIOLATION.value, Status.WARNING.value)


@dataclass(frozen=True)
class RuleSpec:
    """A registered rule: stable id, what it checks, its legal basis and the checklist item it maps to.

    Deadline rules map to a different item and severity while the suspect is in custody
    (overdue in custody → P12 严重司法错误; otherwise P10 一般司法错误).
    """

    rule_id: str
    title: str  # English source text; translate with translate("CheckRules", title)
    basis: str  # legal basis, e.g. "CPL art. 172; 规则 art. 351"
    item_code: str
    severity: str
    custody_item_code: str | None = None
    custody_severity: str | None = None


@dataclass(frozen=True)
class CheckResult:
    rule_id: str
    item_code: str
    severity: str
    status: Status
    explanation: str  # translated, ready to show
    facts: dict[str, Any] = field(default_factory=dict)  # plain JSON-able values
    missing_fields: tuple[str, ...] = ()  # CaseCard attributes, "suspects[i].attr" for suspects

    @property
    def is_violation(self) -> bool:
        return self.status is Status.VIOLATION
