"""What an export says nothing about, so that a newer export updating a stored case keeps it as stored.

import-format.md: a newer export updates the *changed* fields of a case; nothing already in the database is
lost. A column the cases sheet does not have is not a changed value (provinces' export templates differ in the
optional columns they carry); an export without a suspects sheet says nothing about the suspects; and a case
whose suspect row was rejected has an incomplete list of suspects in this file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reviewapp.intake.values import bracket_key

# Card attributes → the cases table's column holding them, where the names differ.
_STORED_AS = {"amount": "amount_fen"}


@dataclass(frozen=True)
class Coverage:
    absent: frozenset[str] = frozenset()  # card attributes whose column the cases sheet lacks
    suspects: bool = True  # the export has a suspects sheet that was read
    incomplete: frozenset[str] = frozenset()  # case numbers (bracket_key) with a rejected suspect row
    extra_headers: frozenset[str] | None = None  # the cases sheet's unknown columns (None: not known)

    @staticmethod
    def of(
        absent: Iterable[str], suspects: bool, incomplete: Iterable[str], extra_headers: Iterable[str] = ()
    ) -> Coverage:
        # By bracket_key: a rejected suspect row counts for its case however its number's brackets are written.
        return Coverage(frozenset(absent), suspects, frozenset(map(bracket_key, incomplete)), frozenset(extra_headers))

    def merged_extra(self, stored: dict[str, str] | None, new: dict[str, str]) -> dict[str, str]:
        """A case's extra columns after an update: the file's own unknown columns as it gives them (a blank
        cell clears one), the stored ones of columns this file does not have kept."""
        if self.extra_headers is None or not stored:
            return new
        kept = {k: v for k, v in stored.items() if k not in self.extra_headers}
        return {**kept, **new} if kept else new

    def stored_absent(self) -> frozenset[str]:
        """The cases table's columns an update must leave as they are."""
        return frozenset(_STORED_AS.get(a, a) for a in self.absent)

    def replaces_suspects(self, dept_case_no: str) -> bool:
        """Whether this export's suspects of the case replace the stored ones."""
        return self.suspects and (not self.incomplete or bracket_key(dept_case_no) not in self.incomplete)
