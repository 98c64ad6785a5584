"""How long each imported text may be, and which cells look like spreadsheet formulas.

A text longer than its field is rejected with the limit named (never cut: a cut case name or charge is a
wrong one). The limits are the declared lengths of the columns the text is stored in, read from the
models so the two never disagree; fields stored as unbounded text and the unknown columns kept as extra
get a limit no real card reaches (a 100 000-character cell is an attack or a broken export).

Control characters (C0 except tab and line breaks, DEL, C1) have no place on a case card and break XML
exports: they are removed. A value starting with ``= + - @`` is kept as text but flagged, because a
spreadsheet opening a workbook with it could run it as a formula; the app's own workbooks neutralise it
(exports/cell_safety.py, OWASP's CSV-injection rule).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from reviewapp.domain.case_card import CASE_FIELDS, SUSPECT_FIELDS, FieldSpec

TEXT_LIMIT = 20_000  # unbounded text fields (案情摘要)
EXTRA_LIMIT = 4_000  # one value of an unknown column
PATH_LIMIT = 500  # one dossier path (stored as the document's original name)
REJECT_VALUE_LIMIT = 500  # the value shown beside a reject
REJECT_REASON_LIMIT = 1_000

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Any line start followed by a formula character: a cheap test over a whole column joined by line breaks
# (it may also hit inside a multi-line text; formula_char decides per cell).
FORMULA_LINE = re.compile(r"(?:^|\n)[=+\-@]")
_NUMBERISH = re.compile(r"[+\-]+[\d\s.,()\-+]*")  # "-", "--", "-5", "+86 138 0000 0000": placeholders, numbers


def formula_char(text: str) -> str | None:
    """The leading formula character of ``text`` (already trimmed), or None when it does not look like one.

    ``=`` and ``@`` always count; ``+`` and ``-`` only when more than a number or a dash placeholder follows.
    """
    if not text or text[0] not in "=+-@":
        return None
    if text[0] in "+-" and _NUMBERISH.fullmatch(text):
        return None
    return text[0]


def clip(text: str | None, limit: int) -> str | None:
    """``text`` cut to ``limit`` characters with an ellipsis, for messages only (never for stored values)."""
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


@cache
def _limits() -> dict[tuple[str, str], int]:
    from reviewapp.storage.models.cases import Case, DossierDocument, Suspect
    from reviewapp.storage.models.org import Department, Person, Unit

    def length(column: object) -> int:
        size = getattr(getattr(column, "type", None), "length", None)
        return int(size) if size else TEXT_LIMIT

    out: dict[tuple[str, str], int] = {}
    for group, specs, model in (("case", CASE_FIELDS, Case), ("suspect", SUSPECT_FIELDS, Suspect)):
        columns = model.__table__.columns
        for spec in specs:
            if spec.attr in columns:
                out[(group, spec.attr)] = length(columns[spec.attr])
    out[("case", "unit")] = length(Unit.__table__.columns["name"])
    out[("case", "department")] = length(Department.__table__.columns["name"])
    out[("case", "prosecutor")] = length(Person.__table__.columns["name"])
    out[("case", "prosecutor_staff_no")] = length(Person.__table__.columns["staff_no"])
    doc = DossierDocument.__table__.columns
    out[("document", "dept_case_no")] = out[("case", "dept_case_no")]
    out[("document", "title")] = length(doc["title"])
    out[("document", "path")] = length(doc["original_name"])
    return out


def field_limit(specs: Sequence[FieldSpec], spec: FieldSpec) -> int:
    """Characters a text of this field may have."""
    group = "case" if specs is CASE_FIELDS else "suspect" if specs is SUSPECT_FIELDS else "document"
    return _limits().get((group, spec.attr), TEXT_LIMIT)
