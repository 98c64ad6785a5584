"""Planted disagreements in the demo dossiers, so every comparison rule of reviewapp/dossier fires on the demo.

One case in three (by its number's hash, so reruns plant the same) gets one disagreement between its card and
its documents, or between its documents; which one depends on what the case has (a judgment, a plea, an
amount). The card itself is never changed: the pre-screening's demo promise (only the scenario problems) holds.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from datetime import date, timedelta

from reviewapp.domain.case_card import CaseCard
from reviewapp.dossier.charges import charge_articles

CARD_DATE = "card_date"  # the documents state another acceptance date
CARD_NAME = "card_name"  # the documents spell the suspect's name differently
CARD_CHARGE = "card_charge"  # the prosecution opinion states another charge than the card's 移送案由
CARD_AMOUNT = "card_amount"  # the documents state ten times the card's amount
THREE_BOOKS = "three_books"  # the judgment convicts of another charge than the indictment
ARTICLE = "article"  # the indictment cites another charge's article
ROLE = "role"  # the suspect also appears as a witness
DATE_ORDER = "date_order"  # the judgment is dated before the indictment
RECOMMENDATION = "recommendation"  # the sentence lies outside the recommendation
_OTHER_CHARGE = {"盗窃罪": "诈骗罪", "诈骗罪": "盗窃罪"}
_NAME_SWAP = {"伟": "玮", "敏": "旻", "静": "婧", "丽": "俪", "强": "蔷", "军": "君", "杰": "洁", "涛": "滔"}


@dataclass(frozen=True)
class Plan:
    plant: str | None
    scanned: bool  # page 2 of a 3- or 4-page document is an image-only scan (OCR needed)


def judged(card: CaseCard) -> bool:
    return (card.disposition or "") == "起诉" and any(s.judged_charge and s.sentence for s in card.suspects)


def candidates(card: CaseCard) -> list[str]:
    out = [CARD_DATE, CARD_NAME]
    if card.case_type == "审查起诉" and card.transferred_charge:
        out.append(CARD_CHARGE)
    if card.amount:
        out.append(CARD_AMOUNT)
    if card.suspects:
        out.append(ROLE)
    if (card.disposition or "") == "起诉" and (card.found_charge or card.transferred_charge) in charge_articles():
        out.append(ARTICLE)
    if judged(card):
        out += [THREE_BOOKS, DATE_ORDER]
        if card.plea and any(s.recommended_sentence for s in card.suspects):
            out.append(RECOMMENDATION)
    return out


def _serial(card: CaseCard) -> int:
    """The case's running number in the demo (the digits before 号), else a hash of its number."""
    m = re.search(r"(\d{4})号$", card.dept_case_no)
    return int(m.group(1)) if m else zlib.crc32(f"plant/{card.dept_case_no}".encode())


_CARD_CYCLE = (CARD_DATE, CARD_NAME, CARD_CHARGE, CARD_AMOUNT, ROLE, ARTICLE)
_JUDGED_CYCLE = (RECOMMENDATION, DATE_ORDER, THREE_BOOKS)


def plan_for(card: CaseCard) -> str | None:
    """Every other criminal case gets one plant, the kinds taken in turn by the case's running number (the
    next one the case allows), so even a small demo has every kind."""
    n = _serial(card)
    if card.case_type not in ("审查起诉", "审查逮捕") or not card.suspects or n % 2:
        return None
    options = candidates(card)
    cycle = _JUDGED_CYCLE if judged(card) else _CARD_CYCLE
    start = (n // 2) % len(cycle)
    return next((p for p in cycle[start:] + cycle[:start] if p in options), None)


def scanned(card: CaseCard, title: str) -> bool:
    return zlib.crc32(f"scan/{card.dept_case_no}/{title}".encode()) % 8 == 0


def other_charge(charge: str) -> str:
    return _OTHER_CHARGE.get(charge, "盗窃罪" if charge != "盗窃罪" else "诈骗罪")


def renamed(name: str) -> str:
    last = name[-1]
    return name[:-1] + _NAME_SWAP.get(last, "琪" if last != "琪" else "祺")


def article_of(charge: str, plant: str | None) -> str:
    """The article a document cites for the charge (another charge's when the plant says so)."""
    table = charge_articles()
    if plant == ARTICLE:
        wrong = next(arts[0] for c, arts in table.items() if c != charge and not set(arts) & set(table.get(charge, ())))
        return _cn_article(wrong)
    return _cn_article(table.get(charge, ("",))[0]) if charge in table else ""


def _cn_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{digits[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    if ones:
        out += digits[ones]
    return out or "零"


def _cn_article(article: str) -> str:
    if not article:
        return ""
    number, _, sub = article.partition("-")
    return f"第{_cn_number(int(number))}条" + (f"之{_cn_number(int(sub))}" if sub else "")


def judgment_day(card: CaseCard, plant: str | None) -> date:
    closed = card.closed_on or card.accepted_on
    return closed - timedelta(days=5) if plant == DATE_ORDER else closed + timedelta(days=45)
