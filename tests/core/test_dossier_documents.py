"""Document recognition from titles and layout, and the facts read from a page (pure functions)."""

from __future__ import annotations

import datetime as dt

from reviewapp.dossier.documents import PageLines, kind_of_title, recognise
from reviewapp.dossier.facts import card_charges, page_facts

CENTRED = (400, 600)
LEFT = (80, 900)


def test_titles_name_their_document_longest_name_first() -> None:
    assert kind_of_title("临江市人民检察院 起诉书") == "起诉书"
    assert kind_of_title("不起诉决定书") == "不起诉决定书"
    assert kind_of_title("刑事判决书") == "判决书"
    assert kind_of_title("不批准逮捕决定书") == "不批准逮捕决定书"
    assert kind_of_title("本院于2024年3月1日向被告人送达了起诉书副本及权利义务告知书") == ""


def test_a_scanned_volume_splits_into_its_documents() -> None:
    pages = [
        PageLines(7, 1, ("起诉意见书", "案号：临公刑诉字[2024]1号"), (CENTRED, CENTRED)),
        PageLines(7, 2, ("犯罪嫌疑人张伟……",), (LEFT,)),
        PageLines(7, 3, ("临江市人民检察院", "起诉书"), (CENTRED, CENTRED)),
        PageLines(7, 4, ("送达起诉书",), (LEFT,)),  # a body line ending with a name is no title
        PageLines(8, 1, ("第一页没有标题",), (LEFT,)),
    ]
    found = recognise(pages, {8: "判决书"})
    assert [(r.document_id, r.first_page, r.last_page, r.kind) for r in found] == [
        (7, 1, 2, "起诉意见书"),
        (7, 3, 4, "起诉书"),
        (8, 1, 1, "判决书"),  # no title on the page: the file's own title names it
    ]


def test_facts_keep_their_quotes() -> None:
    text = (
        "犯罪嫌疑人张伟，男。被害人李某某陈述。证人证言。本院于2024年3月1日受理。于2024年3月2日告知被害人有权委托"
        "诉讼代理人。张伟涉嫌掩饰、隐瞒犯罪所得罪、盗窃罪，价值人民币1.5万元，触犯《中华人民共和国刑法》第三百一十二条。"
    )
    facts = page_facts(3, 2, text, [0])
    by_kind: dict[str, list[object]] = {}
    for f in facts:
        by_kind.setdefault(f.kind, []).append(f.value)
        assert text[f.quote.start : f.quote.end] == f.quote.text and f.quote.page == 2 and f.quote.document_id == 3
    assert by_kind["person"] == [("犯罪嫌疑人", "张伟")]  # 李某某 is anonymised, 证言 is no name
    assert by_kind["date"] == [("受理", dt.date(2024, 3, 1)), ("告知被害人", dt.date(2024, 3, 2))]
    assert by_kind["charge"] == ["掩饰、隐瞒犯罪所得罪", "盗窃罪"]
    assert by_kind["amount"] == [1_500_000] and by_kind["article"] == ["312"]
    assert card_charges("掩饰、隐瞒犯罪所得罪、盗窃罪") == {"掩饰、隐瞒犯罪所得罪", "盗窃罪"}
