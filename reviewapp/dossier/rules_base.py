"""What the comparison rules share: the dossier as the rules see it, result helpers and evidence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reviewapp.checks.results import CheckResult, RuleSpec, Status
from reviewapp.dossier.facts import ACCUSED_ROLES, DocFacts, Fact, Quote
from reviewapp.i18n import translate

PROSECUTION_REVIEW = "审查起诉"
ARREST_REVIEW = "审查逮捕"


@dataclass
class Dossier:
    """A case's recognised documents with their facts; ``unreadable`` names files whose pages gave no text."""

    documents: list[DocFacts] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    def of(self, *kinds: str) -> list[DocFacts]:
        return [d for d in self.documents if d.kind in kinds and d.readable]

    def lacking(self, *kinds: str) -> list[str]:
        """Of ``kinds``, those the dossier has no readable copy of."""
        have = {d.kind for d in self.documents if d.readable}
        return [k for k in kinds if k not in have]

    def accused(self, doc: DocFacts) -> dict[str, Fact]:
        """Accused persons named in ``doc``: name → the first fact naming them."""
        out: dict[str, Fact] = {}
        for f in doc.of("person"):
            role, name = f.value
            if role in ACCUSED_ROLES:
                out.setdefault(name, f)
        return out


def evidence(facts: Iterable[Fact | Quote]) -> list[dict[str, Any]]:
    """Quotes as JSON, each place once, in the order given."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[int, int, int]] = set()
    for f in facts:
        q = f.quote if isinstance(f, Fact) else f
        key = (q.document_id, q.page, q.start)
        if key not in seen:
            seen.add(key)
            out.append(q.to_json())
    return out


def found(spec: RuleSpec, explanation: str, quotes: Sequence[Fact | Quote], **facts: Any) -> CheckResult:
    return CheckResult(
        spec.rule_id,
        spec.item_code,
        spec.severity,
        Status.VIOLATION,
        explanation,
        {"evidence": evidence(quotes), **facts},
    )


def passed(spec: RuleSpec, quotes: Sequence[Fact | Quote] = ()) -> CheckResult:
    return CheckResult(spec.rule_id, spec.item_code, spec.severity, Status.PASSED, "", {"evidence": evidence(quotes)})


def not_checkable(spec: RuleSpec, dossier: Dossier, needed: Sequence[str], what: str = "") -> CheckResult:
    """ "Not checkable" naming the documents that are missing and those that could not be read."""
    lacking = dossier.lacking(*needed)
    parts = []
    if lacking:
        parts.append(
            translate("DossierRules", "the dossier has no readable {documents}").format(documents="、".join(lacking))
        )
    if dossier.unreadable:
        parts.append(
            translate("DossierRules", "no text could be read from {files}").format(files="、".join(dossier.unreadable))
        )
    if what:
        parts.append(what)
    text = translate("DossierRules", "Not checkable: {reasons}.").format(reasons="; ".join(parts) or "-")
    return CheckResult(
        spec.rule_id,
        spec.item_code,
        spec.severity,
        Status.NOT_CHECKABLE,
        text,
        {"missing_documents": lacking, "unreadable": list(dossier.unreadable)},
        tuple(lacking),
    )


def day(value: Any) -> str:
    return f"{value.year}年{value.month}月{value.day}日"
