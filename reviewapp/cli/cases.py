"""Headless case commands:

    python main.py import PATH... [--no-checks] [--profile NAME|FILE]   case exports or dossier folders
    python main.py cases [--search TEXT]
    python main.py demo [--cases N] [--out DIR]     writes files only (N cases in all): no database, no login

Imported and changed cases are pre-screened afterwards, as in the GUI.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewapp.cli.common import CliRefused, Emit, changes_json, with_changes
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate, translate_n
from reviewapp.services.workbench import Workbench

COMMANDS = ("import", "cases", "demo")
# The columns of `cases`, with their header (domain terms, translated).
CASE_COLUMNS = {
    "dept_case_no": QT_TRANSLATE_NOOP("Cli", "Case number"),
    "name": QT_TRANSLATE_NOOP("Cli", "Case name"),
    "case_type": QT_TRANSLATE_NOOP("Cli", "Case type"),
    "prosecutor": QT_TRANSLATE_NOOP("Cli", "Prosecutor"),
    "accepted_on": QT_TRANSLATE_NOOP("Cli", "Accepted on"),
    "closed_on": QT_TRANSLATE_NOOP("Cli", "Closed on"),
}


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    common = [common_parent]
    p = subparsers.add_parser("import", parents=common, help=translate("Cli", "import case exports or dossier folders"))
    p.add_argument(
        "paths", nargs="+", type=Path, help=translate("Cli", "case export workbooks (.xlsx) or dossier folders")
    )
    p.add_argument(
        "--no-checks", action="store_true", help=translate("Cli", "do not run the pre-screening checks afterwards")
    )
    p.add_argument(
        "--profile",
        metavar="NAME|FILE",
        help=translate("Cli", "read the export with this import profile (a saved name or a profile file)"),
    )
    p = subparsers.add_parser("cases", parents=common, help=translate("Cli", "list cases"))
    p.add_argument("--search", default="", help=translate("Cli", "case number, name, prosecutor or charge"))
    p = subparsers.add_parser("demo", parents=common, help=translate("Cli", "write a demo export with dossiers"))
    p.add_argument(
        "--cases",
        type=int,
        default=300,
        metavar="N",
        help=translate("Cli", "how many cases in all, the built-in scenario cases included"),
    )
    p.add_argument(
        "--out", type=Path, default=Path("demo-data"), metavar="DIR", help=translate("Cli", "the folder to write into")
    )
    p.add_argument(
        "--seed", type=int, default=20260201, help=translate("Cli", "random seed: the same seed gives the same cases")
    )
    p.add_argument(
        "--no-dossiers", action="store_true", help=translate("Cli", "write the workbook only, without dossier PDFs")
    )


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    if args.command == "import":
        return run_import(wb, args, emit)
    return run_cases(wb, args, emit)


def run_import(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.intake.errors import IntakeFileError
    from reviewapp.services.cases.dossiers import import_dossier_folder
    from reviewapp.services.cases.intake import import_cases

    results: list[dict[str, Any]] = []
    lines: list[str] = []
    failed = False
    profile = None
    if getattr(args, "profile", None):
        from reviewapp.services.cases.profiles import resolve_profile

        profile = resolve_profile(wb, args.profile)
    for path in args.paths:
        try:
            if path.is_dir():
                d, record = with_changes(wb, import_dossier_folder, path)
                results.append(
                    {
                        "file": str(path),
                        "kind": "dossier",
                        "documents_added": d.documents_added,
                        "cases_matched": d.cases_matched,
                        "unmatched_folders": d.unmatched_folders,
                        "bracket_matches": [{"folder": f, "case": n} for f, n in d.bracket_matches],
                        "changes": changes_json(record),
                    }
                )
                lines.append(
                    translate(
                        "Cli", "{file}: {docs} documents attached to {cases} cases, {unmatched} folders matched no case"
                    ).format(
                        file=path, docs=d.documents_added, cases=d.cases_matched, unmatched=len(d.unmatched_folders)
                    )
                )
                lines.extend(
                    "  ~ "
                    + translate(
                        "Cli", "Folder {folder} was taken as case {number}: the numbers differ only in their brackets."
                    ).format(folder=folder, number=number)
                    for folder, number in d.bracket_matches
                )
                if d.cases_matched == 0:
                    lines.append("  " + unmatched_dossier_hint(wb, path, d.unmatched_folders))
                continue
            s, record = with_changes(wb, import_cases, path, profile=profile)
        except IntakeFileError as exc:
            failed = True
            results.append({"file": str(path), "error": str(exc)})
            print(str(exc), file=sys.stderr)
            continue
        result = s.to_json()
        result["changes"] = changes_json(record)
        results.append(result)
        lines.append(
            translate(
                "Cli",
                "{file}: {imported} imported, {updated} updated, {unchanged} unchanged, "
                "{rejected} rejected, {docs} documents",
            ).format(
                file=path.name,
                imported=s.imported,
                updated=s.updated,
                unchanged=s.unchanged,
                rejected=s.rows_rejected,
                docs=s.documents_added,
            )
        )
        lines.extend(skipped_lines(s))
        for r in s.rejects:
            where = translate("Cli", "sheet {sheet}, row {row}, column {column}").format(
                sheet=r.sheet, row=r.row if r.row is not None else "-", column=r.column or "-"
            )
            lines.append(f"  × {where}: {r.reason}")
        for diff in s.differences:
            lines.append(
                "  ≠ "
                + translate("Cli", "{case} is under review, not updated: {field} {old} → {new}").format(
                    case=diff.dept_case_no, field=diff.field, old=diff.old, new=diff.new
                )
            )
        if not args.no_checks:
            # Every imported or changed case is pre-screened on import, as in the GUI, and so is any case an
            # earlier, interrupted pre-screening left unchecked (even when this file changed nothing).
            from reviewapp.services.checks.run import finish_prescreening

            checks, check_changes = with_changes(wb, finish_prescreening)
            if checks is not None:
                result["checks"] = checks.to_json()
                result["checks"]["changes"] = changes_json(check_changes)
                lines.append("  " + checks.message())
    emit(args, results if len(results) != 1 else results[0], "\n".join(lines))
    return 1 if failed else 0


def skipped_lines(s: Any) -> list[str]:
    """What the import did not take in besides rejected rows: nothing is dropped without a word."""
    out: list[str] = []
    if s.profile:
        out.append("  " + translate("Cli", "import profile applied: {name}").format(name=s.profile))
    for sheet, reason in s.skipped_sheets:
        out.append("  − " + translate("Cli", "sheet {sheet} not read: {reason}").format(sheet=sheet, reason=reason))
    for sheet, names in s.extra_columns.items():
        out.append(
            "  + "
            + translate("Cli", "sheet {sheet}: columns kept as unmapped extras: {columns}").format(
                sheet=sheet, columns="、".join(names)
            )
        )
    for sheet, row in s.duplicates:
        out.append(
            "  = "
            + translate("Cli", "sheet {sheet}, row {row}: exact copy of an earlier row, skipped").format(
                sheet=sheet, row=row
            )
        )
    return out


def unmatched_dossier_hint(wb: Workbench, folder: Path, unmatched: list[str]) -> str:
    """What a dossier folder matching no case should have held: sub-folders named by the 部门受案号 of an
    imported case ('/' written as '_'), with examples from the database and the names actually found."""
    from sqlalchemy import select

    from reviewapp.demo.dossiers import folder_name
    from reviewapp.storage.models import Case

    with wb.db.session() as s:
        examples = [folder_name(no) for no in s.scalars(select(Case.dept_case_no).order_by(Case.id).limit(3))]
    found = list(unmatched) + sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    sep = translate("Cli", ", ")
    if not examples:
        return translate("Cli", "No case is imported yet: import the case export first, then its dossier folder.")
    return translate(
        "Cli",
        "No file matched a case. Looked for sub-folders named by an imported case's 部门受案号 ('/' written as "
        "'_'), e.g. {examples}; found: {found}.",
    ).format(examples=sep.join(examples), found=sep.join(found[:10]) + ("…" if len(found) > 10 else "") or "-")


def run_cases(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.cases.index import CaseFilter, load_case_index
    from reviewapp.services.cases.query import fetch_rows

    index = load_case_index(wb)
    ids = index.filter(CaseFilter(text=args.search))
    rows = fetch_rows(wb, ids)
    data = [
        {
            "dept_case_no": r.dept_case_no,
            "name": r.name,
            "case_type": r.case_type,
            "unit": r.unit,
            "department": r.department,
            "prosecutor": r.prosecutor,
            "charge": r.transferred_charge,
            "accepted_on": r.accepted_on.isoformat(),
            "closed_on": r.closed_on.isoformat() if r.closed_on else None,
        }
        for r in (rows[i] for i in ids)
    ]
    header = "\t".join(translate("Cli", title) for title in CASE_COLUMNS.values())
    text = "\n".join([header] + ["\t".join(str(d[k] or "") for k in CASE_COLUMNS) for d in data] if data else [])
    text += ("\n" if text else "") + translate_n("Cli", "%n case(s)", len(data))
    emit(args, data, text)
    return 0


def run_demo(args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.demo import generate_demo
    from reviewapp.demo.full_set import plan_demo

    if args.cases < 0:
        raise CliRefused(translate("Cli", "--cases must be 0 or more."))
    plan = plan_demo(args.cases)
    if plan.short:
        print(
            translate(
                "Cli",
                "{asked} cases were asked for, but the demo always holds its {builtin} built-in scenario cases: "
                "{builtin} cases are written.",
            ).format(asked=args.cases, builtin=len(plan.extra_cards)),
            file=sys.stderr,
        )
    out = generate_demo(
        args.out,
        cases=plan.random_cases,
        seed=args.seed,
        extra_cards=plan.extra_cards,
        dossiers=not args.no_dossiers,
        progress=progress_printer(translate("Cli", "Writing demo data")),
    )
    data = {
        "workbook": str(out.workbook),
        "dossiers": str(out.dossier_dir) if out.dossier_dir else None,
        "cases": out.cases,
        "asked": args.cases,
        "builtin_cases": len(plan.extra_cards),
    }
    emit(
        args,
        data,
        translate_n("Cli", "Demo export written: {workbook} (%n case(s))", out.cases).format(workbook=out.workbook),
    )
    return 0


def progress_printer(label: str) -> Callable[[int, int], None]:
    """Progress on standard error (standard output stays the result, e.g. for --json): one updating line on a
    terminal, a line per tenth otherwise."""
    tty = sys.stderr.isatty()
    shown = [-1]

    def show(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if tty:
            print(f"\r{label}… {percent:3d}%", end="\n" if done >= total else "", file=sys.stderr, flush=True)
        elif percent // 10 != shown[0] // 10:
            print(f"{label}… {percent}%", file=sys.stderr, flush=True)
        shown[0] = percent

    return show
