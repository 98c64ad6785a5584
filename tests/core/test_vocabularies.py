"""Value vocabularies: synonyms and variants of enumerated card fields, extendable per profile; a value that
still cannot be mapped is rejected with the allowed values listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewapp.intake.parse import read_export_here
from reviewapp.intake.profiles import Profile, ReadOptions
from reviewapp.intake.vocabulary import VocabularyError, parse_vocabulary, shipped_vocabulary, vocabulary_for
from tests.core.intake_fixtures import case_row, write_simple_xlsx


def test_the_shipped_vocabulary_maps_suffixes_synonyms_and_widths() -> None:
    words = shipped_vocabulary()
    case_type = words.get("case_type")
    assert case_type is not None and case_type.closed
    assert case_type.word("审查起诉案件") == "审查起诉"
    assert case_type.word("公益诉讼类案件") == "公益诉讼"
    assert case_type.word(" 审查批捕 ") == "审查逮捕"
    assert case_type.word("审查起诉　案件") == "审查起诉"  # an ideographic space
    assert case_type.word("外星案件") is None
    measure = words.get("measure")
    assert measure is not None and not measure.closed
    assert measure.word("刑事拘留") == "拘留" and measure.word("指定居所监视居住") == "监视居住"
    disposition = words.get("disposition")
    assert disposition is not None and disposition.word("存疑不起诉") == "不起诉（存疑）"
    assert disposition.word("不起诉(存疑)") == "不起诉（存疑）"  # half-width brackets


def test_a_profile_extends_the_vocabulary_without_changing_the_shipped_one() -> None:
    extended = vocabulary_for({"case_type": {"审查起诉": ["起诉审查"]}, "business_line": {"公诉": ["一部"]}})
    case_type = extended.get("case_type")
    assert case_type is not None and case_type.word("起诉审查") == "审查起诉"
    line = extended.get("business_line")
    assert line is not None and line.word("一部") == "公诉"
    shipped = shipped_vocabulary().get("case_type")
    assert shipped is not None and shipped.word("起诉审查") is None


def test_malformed_vocabularies_are_refused_plainly() -> None:
    with pytest.raises(VocabularyError):
        parse_vocabulary({"values": {}})
    with pytest.raises(VocabularyError):
        parse_vocabulary({"fields": {"case_type": ["审查起诉"]}})
    with pytest.raises(VocabularyError):
        vocabulary_for({"case_type": ["审查起诉"]})  # type: ignore[dict-item]


def _read(path: Path, profile: Profile | None = None):  # type: ignore[no-untyped-def]
    options = ReadOptions((profile.to_json(),), True) if profile else None
    return read_export_here(path, options=options)


def test_variants_import_and_an_unknown_value_is_rejected_with_the_allowed_ones(tmp_path: Path) -> None:
    rows = [
        case_row(1, 案件类别="审查起诉案件", 审结处理结果="提起公诉", 业务条线="刑事检察"),
        case_row(2, 案件类别="审查批捕", 审结处理结果="批捕"),
        case_row(3, 案件类别="外星案件"),
        case_row(4, 审结处理结果="其他处理"),  # an open field keeps what it does not know
    ]
    parsed = _read(write_simple_xlsx(tmp_path / "v.xlsx", rows))
    cards = {c.dept_case_no: c for c in parsed.cases}
    first, second = cards[case_row(1)["部门受案号"]], cards[case_row(2)["部门受案号"]]
    assert (first.case_type, first.disposition, first.business_line) == ("审查起诉", "起诉", "公诉")
    assert (second.case_type, second.disposition) == ("审查逮捕", "批准逮捕")
    assert cards[case_row(4)["部门受案号"]].disposition == "其他处理"
    assert case_row(3)["部门受案号"] not in cards
    [reject] = parsed.rejects
    assert reject.column == "案件类别" and reject.value == "外星案件"
    for allowed in ("审查逮捕", "审查起诉", "民事诉讼监督", "公益诉讼"):
        assert allowed in reject.reason


def test_a_profiles_own_words_are_applied(tmp_path: Path) -> None:
    rows = [case_row(1, 案件类别="刑事一审公诉")]
    path = write_simple_xlsx(tmp_path / "p.xlsx", rows)
    assert _read(path).rejects, "unknown without the profile's words"
    profile = Profile("本院", values={"case_type": {"审查起诉": ["刑事一审公诉"]}})
    parsed = _read(path, profile)
    assert not parsed.rejects and parsed.cases[0].case_type == "审查起诉"
    assert parsed.profile == "本院"
