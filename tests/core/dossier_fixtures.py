"""A small synthetic dossier for the comparison-rule tests: documents as page texts, a card that agrees."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reviewapp.domain.case_card import CaseCard, SuspectRecord
from reviewapp.dossier.facts import document_facts
from reviewapp.dossier.rules_base import Dossier

OPINION = (
    "犯罪嫌疑人张伟，男，1990年1月1日出生。犯罪嫌疑人张伟涉嫌盗窃罪一案，现已侦查终结。"
    "经依法审查查明：2024年1月2日，犯罪嫌疑人张某在某商场窃取手机，价值人民币5,000.00元。"
)
REPORT = (
    "本案由临江市公安局于2024年3月1日移送本院，本院于同日受理。本院于2024年3月2日告知犯罪嫌疑人有权委托辩护人。"
    "犯罪嫌疑人张伟自愿认罪认罚，于2024年3月10日在值班律师在场的情况下签署认罪认罚具结书。"
)
INDICTMENT = (
    "被告人张伟，男，1990年1月1日出生。经依法审查查明：价值人民币5,000.00元。"
    "本院认为，张伟的行为触犯《中华人民共和国刑法》第二百六十四条，构成盗窃罪。本院决定：起诉。"
    "本院于2024年3月20日向临江市人民法院提起公诉。被告人张伟认罪认罚，建议判处有期徒刑八个月。"
)
JUDGMENT = (
    "被告人张伟，男。经审理查明：价值人民币5,000.00元。本院认为，被告人张伟的行为已构成盗窃罪。"
    "依照《中华人民共和国刑法》第二百六十四条之规定，判决如下：被告人张伟犯盗窃罪，判处有期徒刑八个月。"
)
JUDGMENT_DATE = "2024年5月6日"


def card(**changes: object) -> CaseCard:
    c = CaseCard(
        dept_case_no="临检刑诉受[2024]1号", name="张伟盗窃案", case_type="审查起诉", unit="临江市人民检察院",
        department="第一检察部", prosecutor="李明", accepted_on=dt.date(2024, 3, 1),
        transferred_charge="盗窃罪", found_charge="盗窃罪", closed_on=dt.date(2024, 3, 20), disposition="起诉",
        plea=True, plea_signed_on=dt.date(2024, 3, 10), suspect_notified_on=dt.date(2024, 3, 2),
        amount=Decimal("5000.00"),
        suspects=[SuspectRecord(dept_case_no="临检刑诉受[2024]1号", name="张伟", judged_charge="盗窃罪",
                                sentence="有期徒刑八个月", recommended_sentence="有期徒刑八个月")],
    )  # fmt: skip
    for key, value in changes.items():
        setattr(c, key, value)
    return c


def dossier(*, drop: tuple[str, ...] = (), unreadable: tuple[str, ...] = (), **texts: str) -> Dossier:
    """The four documents (texts replaceable by kind: opinion=, report=, indictment=, judgment=)."""
    parts = {
        "起诉意见书": texts.get("opinion", OPINION),
        "审查报告": texts.get("report", REPORT),
        "起诉书": texts.get("indictment", INDICTMENT),
        "判决书": texts.get("judgment", JUDGMENT),
    }
    d = Dossier(unreadable=list(unreadable))
    for i, (kind, text) in enumerate(parts.items(), start=1):
        if kind in drop:
            continue
        body = text if kind != "判决书" else text + texts.get("judgment_date", JUDGMENT_DATE)
        lines = [0, len(text)] if kind == "判决书" else [0]
        readable = kind not in unreadable
        d.documents.append(document_facts(i, kind, 1, [(1, body if readable else "", lines)]))
    return d
