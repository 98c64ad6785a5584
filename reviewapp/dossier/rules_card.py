"""Card against documents (案卡与文书不一致, review-rules.md §5): dates, charges, names, amounts."""

from __future__ import annotations

from reviewapp.checks.results import MINOR, CheckResult, RuleSpec
from reviewapp.domain.case_card import CaseCard
from reviewapp.dossier.documents import INDICTMENT, JUDGMENT, PROSECUTION_OPINION
from reviewapp.dossier.facts import Fact, card_charges
from reviewapp.dossier.rules_base import Dossier, day, found, not_checkable, passed
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate

_BASIS = "规则 arts. 664–670 (案管 monitoring)"
CARD_DATE_SPEC = RuleSpec(
    "DOC-CARD-DATE", QT_TRANSLATE_NOOP("DossierRules", "Card dates match the documents"), _BASIS, "U4", MINOR
)
CARD_CHARGE_SPEC = RuleSpec(
    "DOC-CARD-CHARGE", QT_TRANSLATE_NOOP("DossierRules", "Card charges match the documents"), _BASIS, "U4", MINOR
)
CARD_NAME_SPEC = RuleSpec(
    "DOC-CARD-NAME",
    QT_TRANSLATE_NOOP("DossierRules", "Card suspects match the persons in the documents"),
    _BASIS,
    "U4",
    MINOR,
)
CARD_AMOUNT_SPEC = RuleSpec(
    "DOC-CARD-AMOUNT", QT_TRANSLATE_NOOP("DossierRules", "Card amount matches the documents"), _BASIS, "U4", MINOR
)

# Card field → (act the documents state, its export column).
_DATES = (
    ("accepted_on", "受理", "受理日期"),
    ("suspect_notified_on", "告知", "告知日期"),
    ("plea_signed_on", "具结", "具结日期"),
    ("victim_notified_on", "告知被害人", "被害人告知日期"),
)
ARREST_REQUEST = "提请批准逮捕书"
REPORT = "审查报告"
_DATE_SOURCES = (REPORT, PROSECUTION_OPINION, INDICTMENT, "权利义务告知书", "认罪认罚具结书", "审查逮捕意见书")


def check_dates(card: CaseCard, dossier: Dossier) -> list[CheckResult]:
    docs = dossier.documents
    stated: list[tuple[str, object, list[Fact]]] = []
    for attr, act, column in _DATES:
        value = getattr(card, attr)
        facts = [f for d in docs if d.readable for f in d.dates(act)]
        if value is not None and facts:
            stated.append((column, value, facts))
    if not stated:
        return [
            not_checkable(
                CARD_DATE_SPEC,
                dossier,
                _DATE_SOURCES[:1],
                translate("DossierRules", "no document states a date the card holds"),
            )
        ]
    wrong = [(c, v, f) for c, v, facts in stated for f in facts if f.value[1] != v]
    if not wrong:
        return [passed(CARD_DATE_SPEC, [f for _c, _v, facts in stated for f in facts])]
    text = translate("DossierRules", "The card and the documents disagree: {pairs}.").format(
        pairs="；".join(dict.fromkeys(f"{c} 案卡{day(v)}，文书{day(f.value[1])}" for c, v, f in wrong))
    )
    return [found(CARD_DATE_SPEC, text, [f for _c, _v, f in wrong])]


def check_charges(card: CaseCard, dossier: Dossier) -> list[CheckResult]:
    pairs: list[tuple[str, str, list[Fact]]] = []
    sources: list[tuple[str, str, tuple[str, ...]]] = [
        ("transferred_charge", "移送案由", (PROSECUTION_OPINION, ARREST_REQUEST))
    ]
    if (card.disposition or "") == "起诉":
        sources.append(("found_charge", "认定罪名", (INDICTMENT,)))
    needed = [k for _a, _c, kinds in sources for k in kinds]
    for attr, column, kinds in sources:
        value = getattr(card, attr)
        facts = [f for d in dossier.of(*kinds) for f in d.of("charge")]
        if value and facts:
            pairs.append((column, value, facts))
    if not pairs:
        return [not_checkable(CARD_CHARGE_SPEC, dossier, needed)]
    wrong = [(c, v, facts) for c, v, facts in pairs if card_charges(v) != {str(f.value) for f in facts}]
    if not wrong:
        return [passed(CARD_CHARGE_SPEC, [f for _c, _v, facts in pairs for f in facts])]
    text = translate("DossierRules", "The card and the documents disagree: {pairs}.").format(
        pairs="；".join(
            f"{c} 案卡“{v}”，文书“{'、'.join(sorted({str(f.value) for f in facts}))}”" for c, v, facts in wrong
        )
    )
    return [found(CARD_CHARGE_SPEC, text, [f for _c, _v, facts in wrong for f in facts])]


def check_names(card: CaseCard, dossier: Dossier) -> list[CheckResult]:
    on_card = {s.name for s in card.suspects if s.name}
    kinds = (PROSECUTION_OPINION, ARREST_REQUEST, INDICTMENT, JUDGMENT)
    docs = [d for d in dossier.of(*kinds) if dossier.accused(d)]
    if not on_card or not docs:
        return [not_checkable(CARD_NAME_SPEC, dossier, kinds[:1] + kinds[2:3])]
    problems: list[str] = []
    quotes: list[Fact] = []
    for d in docs:
        named = dossier.accused(d)
        extra = [n for n in named if n not in on_card]
        absent = sorted(on_card - set(named))
        if extra:
            problems.append(
                translate("DossierRules", "{document} names {names}, not on the card").format(
                    document=d.kind, names="、".join(extra)
                )
            )
            quotes += [named[n] for n in extra]
        if absent and extra:
            problems.append(
                translate("DossierRules", "the card's {names} is not in {document}").format(
                    names="、".join(absent), document=d.kind
                )
            )
    if not problems:
        return [passed(CARD_NAME_SPEC, [f for d in docs for f in dossier.accused(d).values()])]
    text = translate("DossierRules", "The card and the documents disagree: {pairs}.").format(pairs="；".join(problems))
    return [found(CARD_NAME_SPEC, text, quotes)]


def check_amount(card: CaseCard, dossier: Dossier) -> list[CheckResult]:
    if card.amount is None:
        return []
    fen = round(card.amount * 100)
    kinds = (PROSECUTION_OPINION, ARREST_REQUEST, INDICTMENT)
    facts = [f for d in dossier.of(*kinds) for f in d.of("amount")]
    if not facts:
        return [
            not_checkable(CARD_AMOUNT_SPEC, dossier, kinds, translate("DossierRules", "no document states an amount"))
        ]
    if any(f.value == fen for f in facts):
        return [passed(CARD_AMOUNT_SPEC, [f for f in facts if f.value == fen])]
    text = translate("DossierRules", "The card says {card} yuan; the documents say {documents}.").format(
        card=f"{card.amount:,.2f}", documents="、".join(dict.fromkeys(f.quote.text for f in facts))
    )
    return [found(CARD_AMOUNT_SPEC, text, facts, card_fen=fen)]
