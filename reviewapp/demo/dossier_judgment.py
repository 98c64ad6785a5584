"""The court's judgment (判决书) in a demo dossier: what the court found, the articles and the sentence."""

from __future__ import annotations

from reviewapp.demo import dossier_plants as plants
from reviewapp.demo.dossier_text import Para, fmt_date
from reviewapp.domain.case_card import CaseCard
from reviewapp.domain.sentence_terms import parse_term


def _sentence(card: CaseCard, plant: str | None) -> str:
    judged = next(s for s in card.suspects if s.judged_charge and s.sentence)
    sentence = judged.sentence or ""
    if plant == plants.RECOMMENDATION:
        term = parse_term(judged.recommended_sentence)
        # Well outside the recommendation: six months when it was a year or more, else three years.
        sentence = "有期徒刑六个月" if term is not None and term.low >= 12 else "有期徒刑三年"
    return sentence


def judgment_paragraphs(
    card: CaseCard, people: list[Para], names: str, summary: str, evidence: list[Para]
) -> list[Para]:
    plant = plants.plan_for(card)
    judged = next(s for s in card.suspects if s.judged_charge and s.sentence)
    charge = judged.judged_charge or ""
    if plant == plants.THREE_BOOKS:
        charge = plants.other_charge(charge)
    court = card.unit.replace("人民检察院", "人民法院")
    article = plants.article_of(charge, None)
    return [
        Para("right", f"公诉机关{card.unit}"),
        *people,
        Para(
            "body",
            f"{card.unit}以{card.dept_case_no}起诉书对被告人{names}提起公诉。本院依法适用"
            f"{card.procedure or '普通'}程序，公开开庭审理了本案，现已审理终结。",
        ),
        Para("body", f"经审理查明：{summary}"),
        Para("heading", "上述事实，有经当庭举证、质证的下列证据予以证实，本院予以确认："),
        *evidence,
        Para(
            "body",
            f"本院认为，被告人{names}的行为已构成{charge}。依照《中华人民共和国刑法》{article}之规定，判决如下：",
        ),
        Para("body", f"被告人{names}犯{charge}，判处{_sentence(card, plant)}。"),
        Para("body", "如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向上一级人民法院提出上诉。"),
        Para("right", court),
        Para("right", fmt_date(plants.judgment_day(card, plant))),
    ]
