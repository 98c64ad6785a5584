"""What the offline form offers the reviewer in Excel: identification, per-item severity lists, common
phrases, the dossier's documents, prefilled draft, 是/否 criteria — and which forms it refuses back."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewapp.errors import NotPermitted
from reviewapp.exports.review_form.layout import (
    COVER_SHEET,
    CRITERIA_SHEET,
    DOCUMENTS_SHEET,
    FORM_SHEET,
    PHRASES_SHEET,
)
from reviewapp.services.reviews.commands import record_finding, start_review
from reviewapp.services.reviews.offline_form import ReviewFormError, export_review_form, import_review_form
from reviewapp.services.reviews.standards_store import store_standard
from reviewapp.standards import ERROR, FLAW, load_shipped_standards
from tests.core.intake_fixtures import english_ui
from tests.core.reviews_fixtures import CLOSED, REVIEWER, ReviewDb, make_review_db

pytestmark = pytest.mark.usefixtures("english_ui")
__all__ = ["english_ui"]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[ReviewDb]:
    made = make_review_db(tmp_path)
    yield made
    made.close()


def _validations(ws: object) -> dict[str, str]:
    """Cell → list formula of every data validation on the sheet."""
    out: dict[str, str] = {}
    for dv in ws.data_validations.dataValidation:  # type: ignore[attr-defined]
        for rng in dv.sqref.ranges:
            out[rng.coord] = dv.formula1
    return out


def test_form_lists_allowed_severities_phrases_documents_and_prefills_the_draft(db: ReviewDb, tmp_path: Path) -> None:
    rid = start_review(db.wb, db.case_ids[CLOSED]).id
    record_finding(db.wb, rid, "E5", "错", "扣押清单无见证人签名未补正", evidence=[(db.documents["起诉书"], 2)])
    out = export_review_form(db.wb, db.case_ids[CLOSED], tmp_path / "form.xlsx", reviewer_id=db.reviewer_id)
    book = load_workbook(out)
    cover = {r[2]: r[1] for r in book[COVER_SHEET].iter_rows(min_row=2, values_only=True)}
    assert cover["case_name"] == "张某1盗窃案" and cover["prosecutor"] == "王检察官"
    assert (cover["standard_code"], cover["standard_version"], cover["reviewer"]) == ("XS-PCZ", "1", REVIEWER)
    form = book[FORM_SHEET]
    rows = {r[1].value: r for r in form.iter_rows(min_row=2)}
    checks = _validations(form)
    assert checks[rows["E5"][3].coordinate] == f'"{FLAW},{ERROR}"'
    assert checks[rows["E1"][3].coordinate] == f'"{FLAW}"'
    # Phrases: a comment on the item text and a drop-down over the item's row of the hidden list.
    assert "扣押清单无见证人签名未补正" in rows["E5"][2].comment.text
    phrases = book[PHRASES_SHEET]
    phrase_rows = {r[0]: r[1:] for r in phrases.iter_rows(values_only=True)}
    assert "扣押清单无见证人签名未补正" in phrase_rows["E5"]
    assert PHRASES_SHEET in checks[rows["E5"][6].coordinate]
    assert [r[0] for r in book[DOCUMENTS_SHEET].iter_rows(values_only=True)] == ["起诉书", "审查报告"]
    assert DOCUMENTS_SHEET in checks[rows["E5"][7].coordinate]
    assert (phrases.sheet_state, book[DOCUMENTS_SHEET].sheet_state) == ("hidden", "hidden")
    # The draft is prefilled.
    assert [c.value for c in rows["E5"][3:9]] == [ERROR, 5, None, "扣押清单无见证人签名未补正", "起诉书", "2"]
    criteria = book[CRITERIA_SHEET]
    assert [r[0] for r in criteria.iter_rows(min_row=2, values_only=True)] == [f"Q{n}" for n in range(1, 8)]
    assert set(_validations(criteria).values()) == {'"是,否"'}


def test_a_form_for_another_reviewer_or_an_older_standard_is_refused(db: ReviewDb, tmp_path: Path) -> None:
    out = export_review_form(db.wb, db.case_ids[CLOSED], tmp_path / "form.xlsx", reviewer_id=db.reviewer_id)
    other = db.sign_in_as("赵评查")
    with pytest.raises(ReviewFormError, match="not 赵评查"):
        import_review_form(db.wb, out, reviewer=other.name)
    # The other reviewer starts on a newer standard version; a form made from v1 does not fit that review.
    shipped = next(s for s in load_shipped_standards() if s.code == "XS-PCZ")
    with db.as_admin():
        store_standard(db.wb, dataclasses.replace(shipped, name=shipped.name + "（修订）"))
    assert start_review(db.wb, db.case_ids[CLOSED]).standard.version == 2
    blank = out  # made from v1, before v2 was stored; now without a reviewer name
    book = load_workbook(blank)
    for row in book[COVER_SHEET].iter_rows(min_row=2):
        if row[2].value == "reviewer":
            row[1].value = None
    book.save(blank)
    with pytest.raises(ReviewFormError, match="pinned to v2"):
        import_review_form(db.wb, blank, reviewer=other.name)
    # The first reviewer has no review yet: the form's own version is pinned.
    db.as_reviewer()
    result = import_review_form(db.wb, blank, reviewer=REVIEWER)
    assert result.state is not None and result.state.standard.version == 1


def test_only_the_reviewer_imports_their_form_and_a_refusal_writes_nothing(db: ReviewDb, tmp_path: Path) -> None:
    out = export_review_form(db.wb, db.case_ids[CLOSED], tmp_path / "form.xlsx", reviewer_id=db.reviewer_id)
    db.sign_in_as("赵评查")
    before = db.audit_count()
    with pytest.raises(NotPermitted, match="scored by its reviewer only"):
        import_review_form(db.wb, out, reviewer=REVIEWER)
    with db.as_admin(), pytest.raises(NotPermitted):  # nor an administrator, whatever roles they hold
        import_review_form(db.wb, out, reviewer=REVIEWER)
    assert db.audit_count() == before
    # Without a name the form is imported for the logged-in reviewer.
    db.as_reviewer()
    result = import_review_form(db.wb, out)
    assert (result.reviewer, result.recorded) == (REVIEWER, 0)
    assert db.audit_count() == before + 1
