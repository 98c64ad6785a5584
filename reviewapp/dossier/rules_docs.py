"""Documents against each other: 三书比对, charge vs cited article, name vs role, order of dates,
recommendation vs sentence."""

from __future__ import annotations

from reviewapp.checks.results import ERROR, MINOR, CheckResult, RuleSpec
from reviewapp.domain.case_card import CaseCard
from reviewapp.domain.plans_triggers import CaseFacts, SuspectFacts, charge_mismatch, sentence_mismatch
from reviewapp.dossier.charges import article_text, charge_articles
from reviewapp.dossier.documents import INDICTMENT, JUDGMENT, PLEA_AGREEMENT, PROSECUTION_OPINION, RECOMMENDATION
from reviewapp.dossier.facts import ACCUSED_ROLES, ACT_ORDER, Fact, term_text
from reviewapp.dossier.rules_base import PROSECUTION_REVIEW, Dossier, day, found, not_checkable, passed
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate

THREE_BOOKS_SPEC = RuleSpec(
    "DOC-THREE-BOOKS",
    QT_TRANSLATE_NOOP("DossierRules", "Prosecution opinion, indictment and judgment agree (三书比对)"),
    "CPL arts. 176, 200",
    "X3",
    ERROR,
)
CHARGE_ARTICLE_SPEC = RuleSpec(
    "DOC-CHARGE-ARTICLE",
    QT_TRANSLATE_NOOP("DossierRules", "The charge cites its Criminal Law article"),
    "规则 art. 358",
    "L2",
    MINOR,
)
NAME_ROLE_SPEC = RuleSpec(
    "DOC-NAME-ROLE",
    QT_TRANSLATE_NOOP("DossierRules", "Each person keeps one role across the documents"),
    "规则 art. 358",
    "D6",
    ERROR,
)
DATE_ORDER_SPEC = RuleSpec(
    "DOC-DATE-ORDER",
    QT_TRANSLATE_NOOP("DossierRules", "Procedural dates in the documents are in order"),
    "CPL art. 172",
    "D3",
    MINOR,
)
RECOMMENDATION_SPEC = RuleSpec(
    "DOC-RECOMMENDATION",
    QT_TRANSLATE_NOOP("DossierRules", "The sentence lies within the sentencing recommendation"),
    "CPL arts. 176, 201",
    "X7",
    MINOR,
)


def _charge_of(doc_facts: list[Fact]) -> str | None:
    names = sorted({str(f.value) for f in doc_facts})
    return "、".join(names) if names else None


def check_three_books(card: CaseCard, dossier: Dossier) -> list[CheckResult]:
    if card.case_type != PROSECUTION_REVIEW or (card.disposition or "") != "起诉":
        return []
    needed = (PROSECUTION_OPINION, INDICTMENT, JUDGMENT)
    indictments, judgments = dossier.of(INDICTMENT), dossier.of(JUDGMENT)
    if not indictments or not judgments:
        return [not_checkable(THREE_BOOKS_SPEC, dossier, needed)]
    ind, jud = indictments[0], judgments[0]
    problems: list[str] = []
    quotes: list[Fact] = []
    # Charges, per accused person, through the 诉判不一（罪名） trigger itself.
    people = dict.fromkeys([*dossier.accused(ind), *dossier.accused(jud)]) or {"": None}
    ind_charge, jud_charge = _charge_of(ind.of("charge")), _charge_of(jud.of("charge"))
    facts = CaseFacts(
        0,
        card.case_type,
        card.disposition,
        suspects=tuple(SuspectFacts(name, prosecuted_charge=ind_charge, judged_charge=jud_charge) for name in people),
    )
    outcome = charge_mismatch(facts)
    if outcome.fired:
        problems.append(
            translate("DossierRules", "indictment charges {a}, judgment convicts of {b}").format(
                a=ind_charge, b=jud_charge
            )
        )
        quotes += ind.of("charge")[:1] + jud.of("charge")[:1]
    for opinion in dossier.of(PROSECUTION_OPINION):
        if opinion.charges() and ind.charges() and opinion.charges() != ind.charges():
            problems.append(
                translate("DossierRules", "prosecution opinion says {a}, indictment {b}").format(
                    a=_charge_of(opinion.of("charge")), b=ind_charge
                )
            )
            quotes += opinion.of("charge")[:1] + ind.of("charge")[:1]
    for a, b in ((ind, jud), *((o, ind) for o in dossier.of(PROSECUTION_OPINION))):
        left, right = set(dossier.accused(a)), set(dossier.accused(b))
        if left and right and left != right:
            problems.append(
                translate("DossierRules", "{a} names {x}, {b} names {y}").format(
                    a=a.kind, x="、".join(sorted(left)), b=b.kind, y="、".join(sorted(right))
                )
            )
            quotes += list(dossier.accused(a).values())[:1] + list(dossier.accused(b).values())[:1]
        amounts_a, amounts_b = {f.value for f in a.of("amount")}, {f.value for f in b.of("amount")}
        if amounts_a and amounts_b and not amounts_a & amounts_b:
            problems.append(
                translate("DossierRules", "{a} states {x}, {b} states {y}").format(
                    a=a.kind, x=a.of("amount")[0].quote.text, b=b.kind, y=b.of("amount")[0].quote.text
                )
            )
            quotes += a.of("amount")[:1] + b.of("amount")[:1]
    if not problems:
        return [passed(THREE_BOOKS_SPEC, ind.of("charge")[:1] + jud.of("charge")[:1])]
    text = translate("DossierRules", "The documents disagree: {problems}.").format(problems="；".join(problems))
    return [found(THREE_BOOKS_SPEC, text, quotes, trigger=outcome.trigger.value if outcome.fired else None)]


def check_charge_article(card: CaseCard, dossier: Dossier) -> list[CheckResult]:
    if card.case_type != PROSECUTION_REVIEW or card.closed_on is None:
        return []  # the documents citing articles are the prosecution stage's decisions and the judgment
    table = charge_articles()
    docs = [d for d in dossier.of(INDICTMENT, JUDGMENT, "不起诉决定书") if d.of("charge")]
    if not docs:
        return [not_checkable(CHARGE_ARTICLE_SPEC, dossier, (INDICTMENT,))]
    problems: list[str] = []
    quotes: list[Fact] = []
    checked: list[Fact] = []
    for d in docs:
        cited = {str(f.value) for f in d.of("article")}
        for charge in sorted(d.charges()):
            wanted = table.get(charge)
            if wanted is None or not cited:
                continue  # an uncommon charge, or a document citing no article at all (L1's matter)
            fact = next(f for f in d.of("charge") if f.value == charge)
            checked.append(fact)
            if not set(wanted) & cited:
                problems.append(
                    translate("DossierRules", "{document}: {charge} needs {wanted}, cites {cited}").format(
                        document=d.kind,
                        charge=charge,
                        wanted="、".join(article_text(a) for a in wanted),
                        cited="、".join(article_text(a) for a in sorted(cited)),
                    )
                )
                quotes += [fact, *d.of("article")[:2]]
    if not checked:
        return [
            not_checkable(
                CHARGE_ARTICLE_SPEC,
                dossier,
                (INDICTMENT,),
                translate("DossierRules", "no charge of the table with a cited article"),
            )
        ]
    if not problems:
        return [passed(CHARGE_ARTICLE_SPEC, checked)]
    text = translate("DossierRules", "Wrong article cited: {problems}.").format(problems="；".join(problems))
    return [found(CHARGE_ARTICLE_SPEC, text, quotes)]


def check_name_role(card: CaseCard, dossier: Dossier) -> list[CheckResult]:
    roles: dict[str, dict[str, Fact | None]] = {}
    for d in dossier.documents:
        for f in d.of("person"):
            role, name = f.value
            group = "accused" if role in ACCUSED_ROLES else role
            roles.setdefault(name, {}).setdefault(group, f)
    on_card = {s.name for s in card.suspects}
    for name in on_card:
        roles.setdefault(name, {}).setdefault("accused", None)
    if not any(len([f for f in r.values() if f is not None]) for r in roles.values()):
        return [not_checkable(NAME_ROLE_SPEC, dossier, (PROSECUTION_OPINION, INDICTMENT))]
    clashes = {n: r for n, r in roles.items() if len(r) > 1}
    if not clashes:
        return [passed(NAME_ROLE_SPEC)]
    parts, quotes = [], []
    for name, r in sorted(clashes.items()):
        labels = ["犯罪嫌疑人/被告人" if g == "accused" else g for g in r]
        parts.append(f"{name}：{'、'.join(labels)}")
        quotes += [f for f in r.values() if f is not None]
    text = translate("DossierRules", "The same person has different roles: {parts}.").format(parts="；".join(parts))
    return [found(NAME_ROLE_SPEC, text, quotes)]


def check_date_order(card: CaseCard, dossier: Dossier) -> list[CheckResult]:
    firsts: dict[str, Fact] = {}
    for d in dossier.documents:
        for f in d.of("date"):
            act = f.value[0]
            if act in ACT_ORDER and (act not in firsts or f.value[1] < firsts[act].value[1]):
                firsts[act] = f
        if d.kind == JUDGMENT and (issued := d.of("issued")):
            # The judgment's own date (its closing line) is the date of the act 判决.
            firsts.setdefault("判决", Fact("date", ("判决", issued[-1].value), issued[-1].quote))
    dated = [(a, firsts[a]) for a in ACT_ORDER if a in firsts]
    if len(dated) < 2:
        return [
            not_checkable(
                DATE_ORDER_SPEC,
                dossier,
                ("审查报告",),
                translate("DossierRules", "fewer than two procedural dates are stated"),
            )
        ]
    wrong = [(a, fa, b, fb) for i, (a, fa) in enumerate(dated) for b, fb in dated[i + 1 :] if fb.value[1] < fa.value[1]]
    if not wrong:
        return [passed(DATE_ORDER_SPEC, [f for _a, f in dated])]
    text = translate("DossierRules", "Dates out of order: {pairs}.").format(
        pairs="；".join(f"{b}{day(fb.value[1])}早于{a}{day(fa.value[1])}" for a, fa, b, fb in wrong)
    )
    return [found(DATE_ORDER_SPEC, text, [f for _a, fa, _b, fb in wrong for f in (fb, fa)])]


def check_recommendation(card: CaseCard, dossier: Dossier) -> list[CheckResult]:
    if card.case_type != PROSECUTION_REVIEW or not card.plea or (card.disposition or "") != "起诉":
        return []
    sources = (RECOMMENDATION, INDICTMENT, PLEA_AGREEMENT, "审查报告")
    recs = [f for d in dossier.of(*sources) for f in d.of("recommendation")]
    sentences = [f for d in dossier.of(JUDGMENT) for f in d.of("sentence")]
    if not recs or not sentences:
        return [
            not_checkable(
                RECOMMENDATION_SPEC,
                dossier,
                (INDICTMENT, JUDGMENT),
                translate("DossierRules", "a recommendation and a sentence are both needed"),
            )
        ]
    rec, sentence = recs[0], sentences[0]
    facts = CaseFacts(
        0,
        card.case_type,
        card.disposition,
        suspects=(
            SuspectFacts("", recommended_sentence=rec.quote.text.removeprefix("建议"), sentence=sentence.quote.text),
        ),
    )
    outcome = sentence_mismatch(facts)
    if not outcome.fired:
        return [passed(RECOMMENDATION_SPEC, [rec, sentence])]
    text = translate("DossierRules", "Recommended {rec}, sentenced to {sentence}.").format(
        rec=term_text(rec.value), sentence=term_text(sentence.value)
    )
    return [found(RECOMMENDATION_SPEC, text, [rec, sentence], trigger=outcome.trigger.value)]
