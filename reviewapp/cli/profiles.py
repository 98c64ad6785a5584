"""Headless import-profile commands (column mappings of other systems' export layouts):

    python main.py profile list
    python main.py profile show NAME
    python main.py profile export NAME --out FILE.json
    python main.py profile import FILE.json [--replace]
    python main.py profile delete NAME
    python main.py profile guess EXPORT [--save NAME]     propose a mapping from the export's columns

``import FILE --profile NAME|FILE`` (cli/cases.py) reads an export with one of them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reviewapp.cli.common import Emit, changes_json, with_changes
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate
from reviewapp.services.workbench import Workbench

COMMANDS = ("profile",)
ROLE_LABELS = {
    "cases": QT_TRANSLATE_NOOP("Cli", "cases"),
    "suspects": QT_TRANSLATE_NOOP("Cli", "suspects"),
    "documents": QT_TRANSLATE_NOOP("Cli", "documents"),
}


def _role(role: str) -> str:
    return translate("Cli", ROLE_LABELS[role]) if role in ROLE_LABELS else role


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    common = [common_parent]
    p = subparsers.add_parser("profile", parents=common, help=translate("Cli", "import profiles of other layouts"))
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    sub.add_parser("list", parents=common, help=translate("Cli", "list the saved import profiles"))
    q = sub.add_parser("show", parents=common, help=translate("Cli", "show one import profile"))
    q.add_argument("name", help=translate("Cli", "the profile's name"))
    q = sub.add_parser("export", parents=common, help=translate("Cli", "write an import profile to a file"))
    q.add_argument("name", help=translate("Cli", "the profile's name"))
    q.add_argument("--out", type=Path, required=True, metavar="FILE", help=translate("Cli", "the file to write"))
    q = sub.add_parser("import", parents=common, help=translate("Cli", "save an import profile from a file"))
    q.add_argument("file", type=Path, help=translate("Cli", "a profile file exported by this application"))
    q.add_argument("--replace", action="store_true", help=translate("Cli", "replace a saved profile of the same name"))
    q = sub.add_parser("delete", parents=common, help=translate("Cli", "delete a saved import profile"))
    q.add_argument("name", help=translate("Cli", "the profile's name"))
    q = sub.add_parser("guess", parents=common, help=translate("Cli", "propose a mapping for an export's columns"))
    q.add_argument("file", type=Path, help=translate("Cli", "the export whose columns are to be mapped"))
    q.add_argument("--save", metavar="NAME", help=translate("Cli", "save the proposal as a profile of this name"))


def _column(role: str, attr: str) -> str:
    from reviewapp.intake.profiles import ROLES

    return next((s.column for s in ROLES.get(role, ()) if s.attr == attr), attr)


def _describe(row: Any) -> str:
    profile = row.profile
    lines = [translate("Cli", "Import profile {name}").format(name=profile.name)]
    for role, sheet in profile.sheets.items():
        lines.append("  " + translate("Cli", "sheet for {role}: {sheet}").format(role=_role(role), sheet=sheet))
    for role, mapping in profile.columns.items():
        for header, attr in mapping.items():
            target = _column(role, attr) if attr else translate("Cli", "(unmapped extra)")
            lines.append(f"  {_role(role)}: {header} → {target}")
    for attr, words in profile.values.items():
        for stored, spellings in words.items():
            lines.append(f"  {attr}: {'、'.join(spellings)} → {stored}")
    return "\n".join(lines)


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.cases import profiles as service

    action = args.action
    if action == "list":
        rows = service.list_profiles(wb)
        text = "\n".join(
            translate("Cli", "{name}: {columns} columns mapped").format(name=r.name, columns=r.columns) for r in rows
        ) or translate("Cli", "No import profiles are saved.")
        emit(args, [r.to_json() for r in rows], text)
        return 0
    if action == "show":
        row = service.find_profile(wb, args.name)
        emit(args, row.to_json(), _describe(row))
        return 0
    if action == "export":
        target = service.export_profile(wb, args.name, args.out)
        emit(args, {"file": str(target)}, translate("Cli", "Profile written to {path}.").format(path=target))
        return 0
    if action == "import":
        row, record = with_changes(wb, service.import_profile_file, args.file, replace=args.replace)
        emit(args, {**row.to_json(), "changes": changes_json(record)}, _describe(row))
        return 0
    if action == "delete":
        _, record = with_changes(wb, service.delete_profile, args.name)
        emit(
            args,
            {"deleted": args.name, "changes": changes_json(record)},
            translate("Cli", "Profile {name} deleted.").format(name=args.name),
        )
        return 0
    return _guess(wb, args, emit)


def _guess(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.intake.profiles import ROLES
    from reviewapp.services.cases import profiles as service

    layout = service.read_layout(args.file)
    units = service.unit_names(wb)
    sheets: dict[str, str] = {}
    choices: dict[str, dict[str, str]] = {}
    data: list[dict[str, Any]] = []
    lines: list[str] = []
    columns = {role: {s.attr: s.column for s in specs} for role, specs in ROLES.items()}
    for sheet in layout.sheets:
        if not sheet.role:
            lines.append(translate("Cli", "sheet {sheet}: not read").format(sheet=sheet.name))
            continue
        sheets[sheet.role] = sheet.name
        lines.append(translate("Cli", "sheet {sheet} ({role}):").format(sheet=sheet.name, role=_role(sheet.role)))
        for g in service.guess_sheet(sheet, sheet.role, units):
            choices.setdefault(sheet.role, {})[g.header] = g.attr or ""
            data.append({"sheet": sheet.name, "header": g.header, "field": g.attr, "why": g.reason})
            label = columns[sheet.role].get(g.attr or "", "-")
            lines.append(f"  {g.header} → {label} ({g.reason}; {'、'.join(g.samples)})")
    result: dict[str, Any] = {"file": str(args.file), "columns": data}
    if args.save:
        profile = service.profile_from_choices(args.save, layout, sheets, choices)
        row, record = with_changes(wb, service.save_profile, profile)
        result["profile"] = row.to_json()
        result["changes"] = changes_json(record)
        lines.append(translate("Cli", "Saved as import profile {name}.").format(name=row.name))
    emit(args, result, "\n".join(lines))
    return 0
