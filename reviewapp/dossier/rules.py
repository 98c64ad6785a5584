"""The comparison rules' registry and entry point: compare(card, dossier) → results (passed included).

Each rule has an id, a basis, the checklist item it maps to and a proposed severity (a RuleSpec, like the
pre-screening's), and returns "not checkable" naming the documents it lacks or could not read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from reviewapp.checks.results import CheckResult, RuleSpec
from reviewapp.domain.case_card import CaseCard
from reviewapp.dossier import rules_card, rules_docs
from reviewapp.dossier.rules_base import ARREST_REVIEW, PROSECUTION_REVIEW, Dossier

Check = Callable[[CaseCard, Dossier], list[CheckResult]]

_RULES: tuple[tuple[RuleSpec, Check], ...] = (
    (rules_card.CARD_DATE_SPEC, rules_card.check_dates),
    (rules_card.CARD_CHARGE_SPEC, rules_card.check_charges),
    (rules_card.CARD_NAME_SPEC, rules_card.check_names),
    (rules_card.CARD_AMOUNT_SPEC, rules_card.check_amount),
    (rules_docs.THREE_BOOKS_SPEC, rules_docs.check_three_books),
    (rules_docs.CHARGE_ARTICLE_SPEC, rules_docs.check_charge_article),
    (rules_docs.NAME_ROLE_SPEC, rules_docs.check_name_role),
    (rules_docs.DATE_ORDER_SPEC, rules_docs.check_date_order),
    (rules_docs.RECOMMENDATION_SPEC, rules_docs.check_recommendation),
)
CRIMINAL_TYPES = (ARREST_REVIEW, PROSECUTION_REVIEW)
DOSSIER_RULES: tuple[RuleSpec, ...] = tuple(spec for spec, _ in _RULES)
DOSSIER_RULES_BY_ID: dict[str, RuleSpec] = {spec.rule_id: spec for spec in DOSSIER_RULES}


def is_dossier_rule(rule_id: str) -> bool:
    return rule_id in DOSSIER_RULES_BY_ID


def compare(card: CaseCard, dossier: Dossier, rule_ids: Iterable[str] | None = None) -> list[CheckResult]:
    """Every applicable rule's results; a rule that does not apply to the case returns nothing."""
    if card.case_type not in CRIMINAL_TYPES:
        return []  # the documents compared are those of criminal cases (review-rules.md §5)
    wanted = None if rule_ids is None else frozenset(rule_ids)
    out: list[CheckResult] = []
    for spec, check in _RULES:
        if wanted is None or spec.rule_id in wanted:
            out.extend(check(card, dossier))
    return out
