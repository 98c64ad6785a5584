"""Each comparison rule on a case where it holds, one where it finds a disagreement (with the quoted text as
evidence) and one where it is not checkable (naming the missing or unreadable documents)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from reviewapp.checks.results import Status
from reviewapp.dossier.rules import DOSSIER_RULES, compare
from tests.core.dossier_fixtures import INDICTMENT, JUDGMENT, OPINION, REPORT, card, dossier


def _one(rule_id: str, c: object = None, d: object = None) -> object:
    results = [r for r in compare(c or card(), d or dossier()) if r.rule_id == rule_id]  # type: ignore[arg-type]
    assert len(results) == 1
    return results[0]


# rule id → (card changes, dossier changes) that make it find a disagreement, and (dropped/unreadable documents,
# card changes) that make it not checkable.
CASES: dict[str, tuple[dict, dict, dict, str]] = {
    "DOC-CARD-DATE": (
        {"accepted_on": dt.date(2024, 2, 29)},
        {},
        {"drop": ("审查报告",), "indictment": "起诉书。", "judgment": "判决书。"},
        "2024年3月1日",
    ),
    "DOC-CARD-CHARGE": ({"transferred_charge": "诈骗罪"}, {}, {"drop": ("起诉意见书", "起诉书")}, "盗窃罪"),
    "DOC-CARD-NAME": (
        {},
        {"opinion": OPINION.replace("张伟", "张玮")},
        {"drop": ("起诉意见书", "起诉书", "判决书")},
        "犯罪嫌疑人张玮",
    ),
    "DOC-CARD-AMOUNT": ({"amount": Decimal("500.00")}, {}, {"drop": ("起诉意见书", "起诉书")}, "人民币5,000.00元"),
    "DOC-THREE-BOOKS": ({}, {"judgment": JUDGMENT.replace("盗窃罪", "诈骗罪")}, {"unreadable": ("判决书",)}, "诈骗罪"),
    "DOC-CHARGE-ARTICLE": (
        {},
        {"indictment": INDICTMENT.replace("第二百六十四条", "第二百六十六条")},
        {"drop": ("起诉书", "判决书")},
        "第二百六十六条",
    ),
    "DOC-NAME-ROLE": (
        {},
        {"report": REPORT + "证人张伟证实了上述事实。"},
        {"drop": ("起诉意见书", "审查报告", "起诉书", "判决书"), "card": {"suspects": []}},
        "证人张伟",
    ),
    "DOC-DATE-ORDER": (
        {},
        {"judgment_date": "2024年3月15日"},
        {"drop": ("审查报告", "起诉书", "判决书")},
        "2024年3月15日",
    ),
    "DOC-RECOMMENDATION": (
        {},
        {"judgment": JUDGMENT.replace("判处有期徒刑八个月", "判处有期徒刑二年")},
        {"drop": ("判决书",)},
        "判处有期徒刑二年",
    ),
}


def test_every_rule_has_its_three_cases() -> None:
    assert set(CASES) == {spec.rule_id for spec in DOSSIER_RULES}
    for spec in DOSSIER_RULES:
        assert spec.basis and spec.item_code and spec.severity


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_holds_when_card_and_documents_agree(rule_id: str) -> None:
    result = _one(rule_id)
    assert result.status is Status.PASSED, result.explanation  # type: ignore[attr-defined]


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_finds_the_disagreement_with_its_quote(rule_id: str) -> None:
    card_changes, texts, _nc, quote = CASES[rule_id]
    result = _one(rule_id, card(**card_changes), dossier(**texts))
    assert result.status is Status.VIOLATION, result.explanation  # type: ignore[attr-defined]
    quotes = [e["quote"] for e in result.facts["evidence"]]  # type: ignore[attr-defined]
    assert quote in quotes
    assert all(e["page"] == 1 and e["end"] > e["start"] for e in result.facts["evidence"])  # type: ignore[attr-defined]


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_not_checkable_names_what_is_missing(rule_id: str) -> None:
    _c, _t, setup, _q = CASES[rule_id]
    setup = dict(setup)
    card_changes = setup.pop("card", {})
    result = _one(rule_id, card(**card_changes), dossier(**setup))
    assert result.status is Status.NOT_CHECKABLE  # type: ignore[attr-defined]
    named = result.facts["missing_documents"] + result.facts["unreadable"]  # type: ignore[attr-defined]
    assert named and all(n in result.explanation for n in named)  # type: ignore[attr-defined]


def test_three_books_feeds_the_charge_mismatch_trigger() -> None:
    result = _one("DOC-THREE-BOOKS", None, dossier(judgment=JUDGMENT.replace("盗窃罪", "诈骗罪")))
    assert result.facts["trigger"] == "诉判不一（罪名）"  # type: ignore[attr-defined]


def test_rules_that_do_not_apply_say_nothing() -> None:
    arrest = card(case_type="审查逮捕", disposition="批准逮捕", plea=False)
    ids = {r.rule_id for r in compare(arrest, dossier())}
    assert "DOC-THREE-BOOKS" not in ids and "DOC-RECOMMENDATION" not in ids
    assert "DOC-CARD-AMOUNT" not in {r.rule_id for r in compare(card(amount=None), dossier())}
