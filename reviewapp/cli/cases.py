"""Headless case commands:

    python main.py import PATH... [--no-checks]     case exports (.xlsx/.xls/.csv) or dossier folders
    python main.py cases [--search TEXT]
    python main.py demo [--cases N] [--out DIR]     writes files only: no database, no login

Imported and changed cases are pre-screened afterwards, as in the GUI.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reviewapp.cli.common import Emit, changes_json, with_changes
from reviewapp.i18n import translate
from reviewapp.services.workbench import Workbench

COMMANDS = ("import", "cases", "demo")


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    common = [common_parent]
    p = subparsers.add_parser("import", parents=common, help=translate("Cli", "import case exports or dossier folders"))
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument(
        "--no-checks", action="store_true", help=translate("Cli", "do not run the pre-screening checks afterwards")
    )
    p = subparsers.add_parser("cases", parents=common, help=translate("Cli", "list cases"))
    p.add_argument("--search", default="", help=translate("Cli", "case number, name, prosecutor or charge"))
    p = subparsers.add_parser("demo", parents=common, help=translate("Cli", "write a demo export with dossiers"))
    p.add_argument("--cases", type=int, default=300)
    p.add_argument("--out", type=Path, default=Path("demo-data"))
    p.add_argument("--seed", type=int, default=20260201)
    p.add_argument("--no-dossiers", action="store_true")


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
                continue
            s, record = with_changes(wb, import_cases, path)
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
                rejected=s.rejected,
                docs=s.documents_added,
            )
        )
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
    text = "\n".join(
        "\t".join(
            str(d[k] or "") for k in ("dept_case_no", "name", "case_type", "prosecutor", "accepted_on", "closed_on")
        )
        for d in data
    )
    text += ("\n" if text else "") + translate("Cli", "{n} cases").format(n=len(data))
    emit(args, data, text)
    return 0


def run_demo(args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.demo import generate_demo
    from reviewapp.demo.key_cases import key_case_cards
    from reviewapp.demo.scenarios import scenario_cards

    extra = [sc.card for sc in scenario_cards()] + [card for _, card in key_case_cards()]
    out = generate_demo(args.out, cases=args.cases, seed=args.seed, extra_cards=extra, dossiers=not args.no_dossiers)
    data = {"workbook": str(out.workbook), "dossiers": str(out.dossier_dir), "cases": out.cases}
    emit(
        args,
        data,
        translate("Cli", "Demo export written: {workbook} ({n} cases)").format(workbook=out.workbook, n=out.cases),
    )
    return 0
