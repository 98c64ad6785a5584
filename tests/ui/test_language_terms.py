"""English mode is English through and through: every domain term the app ships in Chinese has an English
rendering, and counts take the right plural form (Qt's %n) in the core and in widgets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from reviewapp import i18n
from reviewapp.domain import case_card
from reviewapp.domain.plans import PlanMode, PlanType
from reviewapp.i18n import term, translate_n
from reviewapp.standards import SEVERITIES, load_shipped_standards
from ui.i18n import install_translators


@pytest.fixture
def english() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, "en")
    try:
        yield
    finally:
        install_translators(app, "zh_CN")


def shipped_terms() -> set[str]:
    texts: set[str] = set(SEVERITIES)
    for standard in load_shipped_standards():
        texts.add(standard.name)
        texts.update(d.name for d in standard.dimensions)
        texts.update(c.text for c in standard.criteria)
        texts.update(r.name for r in standard.rules if r.name)
        texts.update(it.text for it in standard.items)
        for scheme in standard.schemes:
            texts.add(scheme.name)
            texts.update(scheme.grades)
    for spec in (*case_card.CASE_FIELDS, *case_card.SUSPECT_FIELDS, *case_card.DOCUMENT_FIELDS):
        texts.add(spec.column)
    texts.update(case_card.CASE_TYPES)
    texts.update(t.value for t in PlanType)
    texts.update(m.value for m in PlanMode)
    return texts


def test_every_shipped_domain_term_has_an_english_rendering(english: None) -> None:
    missing = sorted(t for t in shipped_terms() if term(t) == t)
    assert missing == [], "add these to resources/translations/en/terms.ts:\n" + "\n".join(missing)
    english_texts = [term(t) for t in shipped_terms()]
    assert not [t for t in english_texts if any("\u4e00" <= ch <= "\u9fff" for ch in t)]


def test_terms_are_unchanged_in_chinese() -> None:
    assert i18n.current_language() == "zh_CN"
    assert term("司法瑕疵") == "司法瑕疵" and term("不合格") == "不合格"


def test_english_renderings_of_the_glossary(english: None) -> None:
    assert [term(s) for s in SEVERITIES] == ["Judicial flaw", "Ordinary judicial error", "Serious judicial error"]
    assert [term(g) for g in ("优质", "合格", "基本合格", "不合格")] == [
        "Excellent",
        "Satisfactory",
        "Basically satisfactory",
        "Unsatisfactory",
    ]
    assert term("办结日期") == "Closed on" and term("审查起诉") == "Prosecution review"
    assert term("没有这个词") == "没有这个词"  # data without a rendering is shown as it is


def test_counts_take_their_plural_form_in_the_core(english: None) -> None:
    assert translate_n("CliNotices", "%n notice(s) issued", 1) == "1 notice issued"
    assert translate_n("CliNotices", "%n notice(s) issued", 3) == "3 notices issued"
    assert translate_n("CliNotices", "%n notice(s) issued", 0) == "0 notices issued"
    i18n.set_language("zh_CN")
    assert translate_n("CliNotices", "%n notice(s) issued", 1) == "共制发 1 份通知书"


def test_counts_take_their_plural_form_in_widgets(english: None) -> None:
    def tr(n: int) -> str:
        return QCoreApplication.translate("NoticeResults", "%n notice(s) issued into {folder}.", "", n)

    assert tr(1) == "1 notice issued into {folder}."
    assert tr(2) == "2 notices issued into {folder}."
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, "zh_CN")
    assert "%n" not in tr(2) and "2" in tr(2) and "通知书" in tr(2)
