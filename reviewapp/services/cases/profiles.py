"""Saved import profiles (column mappings of other systems' export layouts), stored through the write path.

A profile is made in the mapping dialog (or read from a file another office exported), saved under a name,
and applied by itself the next time an export with the same header set is imported (intake/profiles.py).
Saving and deleting need IMPORT_CASES: profiles only decide how an import reads its file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from reviewapp.domain.case_card import CASE_FIELDS
from reviewapp.domain.roles import Action
from reviewapp.i18n import translate
from reviewapp.intake.guessing import Guess, guess_columns
from reviewapp.intake.headers import alias_table, normalize_header
from reviewapp.intake.layout import ExportLayout, SheetLayout
from reviewapp.intake.layout import read_layout as read_layout_guarded
from reviewapp.intake.profiles import IGNORE, ROLES, Profile, ProfileError, ReadOptions, header_key
from reviewapp.services.changes import Kind
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Unit
from reviewapp.storage.models.cases import ImportProfile


@dataclass(frozen=True)
class ProfileRow:
    id: int
    name: str
    header_key: str
    columns: int  # mapped columns over all sheets
    profile: Profile

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "columns": self.columns, "profile": self.profile.to_json()}


def _row(r: ImportProfile) -> ProfileRow:
    profile = Profile.from_json(r.body)
    mapped = sum(1 for m in profile.columns.values() for a in m.values() if a != IGNORE)
    return ProfileRow(r.id, r.name, r.header_key, mapped, profile)


def list_profiles(wb: Workbench) -> list[ProfileRow]:
    with wb.db.session() as s:
        return [_row(r) for r in s.scalars(select(ImportProfile).order_by(ImportProfile.name))]


def find_profile(wb: Workbench, name: str) -> ProfileRow:
    with wb.db.session() as s:
        row = s.scalar(select(ImportProfile).where(ImportProfile.name == name.strip()))
        if row is None:
            raise ProfileError(translate("Profiles", "No import profile is named {name}.").format(name=name))
        return _row(row)


def resolve_profile(wb: Workbench, name_or_file: str) -> Profile:
    """``import --profile``: a saved profile's name, or a profile file (.json)."""
    path = Path(name_or_file)
    if path.suffix.lower() == ".json" or (path.exists() and path.is_file()):
        return Profile.read(path)
    return find_profile(wb, name_or_file).profile


def read_options(wb: Workbench, profile: Profile | None) -> ReadOptions:
    """What the reader is asked to apply: the named profile, else every saved one (the reader picks the one
    whose header set the file has)."""
    if profile is not None:
        return ReadOptions((profile.to_json(),), True)
    with wb.db.session() as s:
        bodies = tuple(dict(b) for b in s.scalars(select(ImportProfile.body)))
    return ReadOptions(bodies, False)


@mutation("profile.save", Action.IMPORT_CASES)
def save_profile(o: Op, profile: Profile, *, replace: bool = False) -> ProfileRow:
    """Store ``profile`` under its name; an existing profile of that name is replaced only with ``replace``."""
    o.require(Action.IMPORT_CASES)
    name = profile.name.strip()
    if not name or len(name) > 100:
        raise ProfileError(translate("Profiles", "A profile needs a name of 1 to 100 characters."))
    profile.name = name
    s = o.session
    row = s.scalar(select(ImportProfile).where(ImportProfile.name == name))
    new = row is None
    if row is None:
        row = ImportProfile(name=name, header_key=profile.header_key, body=profile.to_json())
        s.add(row)
    elif not replace:
        raise ProfileError(translate("Profiles", "An import profile named {name} exists already.").format(name=name))
    else:
        row.header_key, row.body = profile.header_key, profile.to_json()
    o.stamp(row, new=new)
    s.flush()
    o.touch(Kind.IMPORT)
    o.audit("import_profile", row.id, name=name, replaced=not new, header_key=profile.header_key)
    return _row(row)


@mutation("profile.delete", Action.IMPORT_CASES)
def delete_profile(o: Op, name: str) -> None:
    o.require(Action.IMPORT_CASES)
    s = o.session
    row = s.scalar(select(ImportProfile).where(ImportProfile.name == name.strip()))
    if row is None:
        raise ProfileError(translate("Profiles", "No import profile is named {name}.").format(name=name))
    o.touch(Kind.IMPORT)
    o.audit("import_profile", row.id, name=row.name, deleted=True)
    s.delete(row)


def export_profile(wb: Workbench, name: str, target: Path) -> Path:
    find_profile(wb, name).profile.write(target)
    return target


def import_profile_file(wb: Workbench, source: Path, *, replace: bool = False) -> ProfileRow:
    return save_profile(wb, Profile.read(source), replace=replace)


# --- the mapping dialog's data ---------------------------------------------------------------------------


def read_layout(path: Path) -> ExportLayout:
    """Sheets, header rows and sample rows of an export (plain data), read in a guarded child process."""
    return read_layout_guarded(Path(path))


def unit_names(wb: Workbench) -> frozenset[str]:
    with wb.db.session() as s:
        return frozenset(s.scalars(select(Unit.name)))


def guess_sheet(sheet: SheetLayout, role: str, units: Sequence[str] | frozenset[str] = ()) -> list[Guess]:
    return guess_columns(sheet.headers, sheet.samples, ROLES[role], frozenset(units))


def profile_from_choices(
    name: str,
    layout: ExportLayout,
    sheets: dict[str, str],
    choices: dict[str, dict[str, str]],
    values: dict[str, dict[str, list[str]]] | None = None,
) -> Profile:
    """A profile from the dialog's choices: role → sheet name, role → {header: attr or IGNORE}. Its header key
    is the cases sheet's header set, so it applies itself to the next export of the same layout."""
    cases = next((s for s in layout.sheets if s.name == sheets.get("cases")), None)
    key = header_key(cases.headers) if cases is not None else ""
    profile = Profile(name.strip(), key, dict(sheets), {r: dict(m) for r, m in choices.items()}, dict(values or {}))
    return Profile.from_json(profile.to_json())  # validated like a file


@dataclass(frozen=True)
class MappingNeed:
    """An export the app cannot read as it is: its layout, for the mapping dialog, and the known units."""

    layout: ExportLayout
    units: frozenset[str]
    path: Path | None = None  # the export file


def mapping_needed(wb: Workbench, path: Path) -> MappingNeed | None:
    """None when ``path`` imports as it is: a saved profile fits its layout, or its cases sheet has every
    required column under a known name. Otherwise its layout, so the user can map the columns."""
    layout = read_layout(path)
    cases = layout.sheet("cases")
    if cases is None:
        return None  # nothing with a header row anywhere: the import says so plainly
    if header_key(cases.headers) in {r.header_key for r in list_profiles(wb)}:
        return None
    table = alias_table(CASE_FIELDS)
    present = {spec.attr for h in cases.headers if (spec := table.get(normalize_header(h))) is not None}
    if all(s.attr in present for s in CASE_FIELDS if s.required):
        return None
    return MappingNeed(layout, unit_names(wb), Path(path))
