"""Headless review commands, wired into cli/main.py by ``add_parsers`` and ``dispatch``:

    python main.py review-form export CASE --out FILE.xlsx [--reviewer NAME]
    python main.py review-form import FILE.xlsx [--reviewer NAME] [--submit]   (default: the logged-in user)
    python main.py review show CASE [--json]         findings, proposed grade and its trace, final grade, status
    python main.py standard export CODE --out FILE.xlsx [--version N]
    python main.py standard import FILE.xlsx         stored as a new version
    python main.py standard list

CASE is the 部门受案号 or 统一受案号 (cli/lookup.py). Exit codes: 0 done; 1 refused (unknown case or
reviewer, invalid file, submission refused).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reviewapp.cli.common import Emit, changes_json, refused, with_changes
from reviewapp.cli.lookup import case_number, find_case
from reviewapp.i18n import translate
from reviewapp.legal.local_time import iso_stamp
from reviewapp.services.workbench import Workbench

COMMANDS = ("review-form", "review", "standard")

EXIT_OK = 0
EXIT_REFUSED = 1


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    """Add the review-form, review and standard commands to the main parser's subparsers."""
    common = [common_parent]
    form = subparsers.add_parser(
        "review-form", parents=common, help=translate("CliReviews", "offline review form (Excel)")
    )
    form_actions = form.add_subparsers(dest="action", required=True)
    p = form_actions.add_parser("export", parents=common, help=translate("CliReviews", "write a case's review form"))
    p.add_argument("case", help=translate("CliReviews", "部门受案号 of the case"))
    p.add_argument("--out", type=Path, required=True, help=translate("CliReviews", "the .xlsx file to write"))
    p.add_argument("--reviewer", help=translate("CliReviews", "prefill with this reviewer's draft"))
    p = form_actions.add_parser("import", parents=common, help=translate("CliReviews", "read a filled review form"))
    p.add_argument("file", type=Path, help=translate("CliReviews", "the filled .xlsx form"))
    p.add_argument(
        "--reviewer", help=translate("CliReviews", "the reviewer's name in the roster (default: who is logged in)")
    )
    p.add_argument("--submit", action="store_true", help=translate("CliReviews", "submit the review afterwards"))

    review = subparsers.add_parser("review", parents=common, help=translate("CliReviews", "show reviews of a case"))
    review_actions = review.add_subparsers(dest="action", required=True)
    p = review_actions.add_parser(
        "show", parents=common, help=translate("CliReviews", "findings, proposed grade and why, status")
    )
    p.add_argument("case", help=translate("CliReviews", "部门受案号 of the case"))

    standard = subparsers.add_parser("standard", parents=common, help=translate("CliReviews", "review standards"))
    standard_actions = standard.add_subparsers(dest="action", required=True)
    p = standard_actions.add_parser(
        "export", parents=common, help=translate("CliReviews", "write a standard to an Excel workbook")
    )
    p.add_argument("code", help=translate("CliReviews", "code of the standard (standard list)"))
    p.add_argument("--out", type=Path, required=True, help=translate("CliReviews", "the .xlsx file to write"))
    p.add_argument(
        "--version", type=int, default=None, help=translate("CliReviews", "which version (default: the newest)")
    )
    p = standard_actions.add_parser(
        "import", parents=common, help=translate("CliReviews", "store an edited standard workbook as a new version")
    )
    p.add_argument("file", type=Path, help=translate("CliReviews", "the edited .xlsx workbook"))
    standard_actions.add_parser("list", parents=common, help=translate("CliReviews", "list stored standards"))


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    """Run one of the commands of :func:`add_parsers`; known refusals print one line on stderr."""

    def run() -> int:
        if args.command == "review-form":
            return _form_export(wb, args, emit) if args.action == "export" else _form_import(wb, args, emit)
        if args.command == "review":
            return _review_show(wb, args, emit)
        return _standard(wb, args, emit)

    return refused(run)


def _person_id(wb: Workbench, name: str) -> int:
    from sqlalchemy import select

    from reviewapp.services.reviews.offline_form import ReviewFormError
    from reviewapp.storage.models import Person

    with wb.db.session() as s:
        ids = list(s.scalars(select(Person.id).where(Person.name == name.strip()).order_by(Person.is_reviewer.desc())))
    if not ids:
        raise ReviewFormError(
            translate(
                "CliReviews",
                "{name} is not in the roster; add the reviewer first (people add NAME --login LOGIN --role 评查员).",
            ).format(name=name)
        )
    return ids[0]


def _form_export(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.reviews.offline_form import export_review_form

    case_id = find_case(wb, args.case)
    reviewer_id = _person_id(wb, args.reviewer) if args.reviewer else None
    path, record = with_changes(wb, export_review_form, case_id, args.out, reviewer_id=reviewer_id)
    emit(
        args,
        {"case": case_number(wb, case_id), "file": str(path), "changes": changes_json(record)},
        translate("CliReviews", "Review form written to {file}").format(file=path),
    )
    return EXIT_OK


def _form_import(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.reviews.offline_form import import_review_form

    reviewer = args.reviewer or wb.user.name
    result, record = with_changes(wb, import_review_form, args.file, reviewer=reviewer, submit=args.submit)
    lines = [
        translate(
            "CliReviews",
            "{file}: case {case}, reviewer {reviewer}: {recorded} recorded, {updated} updated, "
            "{unchanged} unchanged, {rejected} rejected",
        ).format(
            file=args.file.name,
            case=result.dept_case_no,
            reviewer=result.reviewer,
            recorded=result.recorded,
            updated=result.updated,
            unchanged=result.unchanged,
            rejected=result.rejected,
        )
    ]
    for r in result.rejects:
        where = translate("CliReviews", "sheet {sheet}, row {row}, column {column}").format(
            sheet=r.sheet, row=r.row if r.row is not None else "-", column=r.column or "-"
        )
        lines.append(f"  × {where}: {r.reason}")
    if result.state is not None:
        lines.append(result.state.proposal.explanation)
    if result.submitted:
        lines.append(translate("CliReviews", "Submitted."))
    elif result.submit_problem:
        lines.append(result.submit_problem)
    emit(args, {**result.to_json(), "changes": changes_json(record)}, "\n".join(lines))
    return EXIT_REFUSED if args.submit and not result.submitted else EXIT_OK


def _review_show(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.panel.blind import ReviewBlind, blind_notice
    from reviewapp.services.reviews.commands import list_reviews
    from reviewapp.services.reviews.summary import review_json, review_text

    case_id = find_case(wb, args.case)
    number = case_number(wb, case_id)
    states = list_reviews(wb, case_id)
    hidden = blind_notice(wb, case_id)  # a panel scoring blind: other members' reviews are not shown
    if hidden and not states:
        raise ReviewBlind(hidden)
    text = "\n\n".join(review_text(s) for s in states) or translate("CliReviews", "Case {case} has no review.").format(
        case=number
    )
    text += f"\n\n{hidden}" if hidden else ""
    data: dict[str, Any] = {"case": number, "reviews": [review_json(s) for s in states]}
    if hidden:
        data["hidden"] = hidden
    emit(args, data, text)
    return EXIT_OK


def _standard(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.reviews.standards_store import export_standard, import_standard, list_standard_versions

    if args.action == "export":
        standard = export_standard(wb, args.code, args.out, version=args.version)
        data = {"code": standard.code, "version": standard.version, "file": str(args.out)}
        emit(args, data, translate("CliReviews", "Standard {code} v{version} written to {file}").format(**data))
        return EXIT_OK
    if args.action == "import":
        row, record = with_changes(wb, import_standard, args.file)
        data = {"code": row.code, "version": row.version, "id": row.id, "file": str(args.file)}
        emit(
            args,
            {**data, "warnings": list(row.warnings), "changes": changes_json(record)},
            "\n".join(
                [translate("CliReviews", "Standard {code} stored as version {version}").format(**data), *row.warnings]
            ),
        )
        return EXIT_OK
    from reviewapp.services.reviews.commands import ensure_standards

    ensure_standards(wb)
    rows = list_standard_versions(wb)
    data_rows = [
        {"code": r.code, "version": r.version, "name": r.name, "case_types": list(r.case_types),
         "stored_at": iso_stamp(r.created_at), "stored_by": r.created_by}
        for r in rows
    ]  # fmt: skip
    emit(args, data_rows, "\n".join(f"{r.code}\tv{r.version}\t{r.name}\t{'、'.join(r.case_types)}" for r in rows))
    return EXIT_OK
