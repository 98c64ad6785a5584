"""What the steps after the opinion share (feedback, rulings, determination, rectification): loading the
opinion, recognising the handling prosecutor, keeping attachments, and the one error type."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.review_status import ReviewKind
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.storage.models import Case, Person, Review

if TYPE_CHECKING:
    from reviewapp.services.accounts.current import CurrentUser
    from reviewapp.services.write_path import Op


class ProcessError(KnownError, ValueError):
    """A step after the opinion that cannot go ahead (wrong status, period over, missing reason …); the
    message is translated, for the user."""


def load_opinion(s: Session, opinion_id: int) -> Review:
    opinion = s.get(Review, opinion_id)
    if opinion is None or opinion.deleted_at is not None or opinion.kind != ReviewKind.OPINION.value:
        raise ProcessError(translate("Process", "Review file {id} does not exist.").format(id=opinion_id))
    return opinion


def case_of(s: Session, opinion: Review) -> Case:
    case = s.get(Case, opinion.case_id)
    assert case is not None  # reviews.case_id is a RESTRICT foreign key
    return case


def handled_by(s: Session, user: CurrentUser, case: Case) -> bool:
    """Whether the signed-in user is the case's handling prosecutor: the same roster person, or the same
    person entered twice (staff number, else name, within the unit) as the recusal check recognises them."""
    if user.person_id is None:
        return False
    if user.person_id == case.prosecutor_id:
        return True
    me, handler = s.get(Person, user.person_id), s.get(Person, case.prosecutor_id)
    if me is None or handler is None or me.unit_id is None or me.unit_id != handler.unit_id:
        return False
    if me.staff_no and handler.staff_no:
        return bool(me.staff_no == handler.staff_no)
    return bool(me.name == handler.name)


def store_attachments(o: Op, paths: Sequence[str | Path]) -> list[dict[str, Any]]:
    """Copy the files into the content-addressed store; ``[{"name", "stored_path", "sha256"}]``. A missing
    file refuses the whole step before anything is stored."""
    files = [Path(p) for p in paths]
    for f in files:
        if not f.is_file():
            raise ProcessError(translate("Process", "Attachment {file} does not exist.").format(file=f))
    out = []
    for f in files:
        stored = o.wb.dossiers.add(f)
        out.append({"name": f.name, "stored_path": stored.relative_path, "sha256": stored.sha256})
    return out


def person_name(s: Session, person_id: int | None) -> str:
    if person_id is None:
        return ""
    return s.scalar(select(Person.name).where(Person.id == person_id)) or ""


def require_text(text: str, message: str) -> str:
    if not text.strip():
        raise ProcessError(message)
    return text.strip()
