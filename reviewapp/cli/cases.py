"""The bodies of the headless commands (kept apart from argument parsing)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from reviewapp.i18n import translate
from reviewapp.services.workbench import Workbench

Emit = Callable[[argparse.Namespace, Any, str], None]


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
                d = import_dossier_folder(wb, path)
                results.append(
                    {
                        "file": str(path),
                        "kind": "dossier",
                        "documents_added": d.documents_added,
                        "cases_matched": d.cases_matched,
                        "unmatched_folders": d.unmatched_folders,
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
            s = import_cases(wb, path)
        except IntakeFileError as exc:
            failed = True
            results.append({"file": str(path), "error": str(exc)})
            print(str(exc), file=sys.stderr)
            continue
        result = s.to_json()
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
        if not args.no_checks and (s.imported or s.updated):
            # Issue 5: every imported or changed case is pre-screened on import, as in the GUI.
            from reviewapp.services.checks.run import run_checks, stale_case_ids

            checks = run_checks(wb, stale_case_ids(wb))
            result["checks"] = checks.to_json()
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
    from reviewapp.demo.scenarios import scenario_cards

    extra = [sc.card for sc in scenario_cards()]
    out = generate_demo(args.out, cases=args.cases, seed=args.seed, extra_cards=extra, dossiers=not args.no_dossiers)
    data = {"workbook": str(out.workbook), "dossiers": str(out.dossier_dir), "cases": out.cases}
    emit(
        args,
        data,
        translate("Cli", "Demo export written: {workbook} ({n} cases)").format(workbook=out.workbook, n=out.cases),
    )
    return 0
