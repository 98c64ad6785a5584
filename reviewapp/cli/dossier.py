"""Headless dossier intelligence, wired into cli/main.py by ``add_parsers`` and ``dispatch``:

    python main.py dossier text CASE [--page N]      the stored text of the case's pages (a document/page each)
    python main.py dossier scan [CASE…]              read the pages not read yet (text layer, else offline OCR)
    python main.py dossier compare [CASE…] [--json]  run the comparison rules, store and print their results
    python main.py search TEXT [--dossiers]          find cases (number, name, prosecutor, charge); with
                                                     --dossiers also pages of dossier text, with a snippet

Exit 0 when the command ran; 1 for an unknown case number or a refusal (cli/common.py).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reviewapp.cli.common import Emit, refused
from reviewapp.cli.lookup import find_cases
from reviewapp.i18n import translate
from reviewapp.services.workbench import Workbench

COMMANDS = ("dossier", "search")
EXIT_OK = 0


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "dossier", parents=[common_parent], help=translate("CliDossier", "dossier text, scanning and comparison")
    )
    actions = p.add_subparsers(dest="action", required=True)
    text = actions.add_parser("text", parents=[common_parent], help=translate("CliDossier", "print a case's page text"))
    text.add_argument("case", metavar="CASE", help=translate("CliDossier", "the case's department case number"))
    text.add_argument("--page", type=int, default=None, help=translate("CliDossier", "only this page of each file"))
    scan = actions.add_parser(
        "scan", parents=[common_parent], help=translate("CliDossier", "read the dossier pages not read yet")
    )
    scan.add_argument(
        "cases",
        nargs="*",
        metavar="CASE",
        help=translate("CliDossier", "department case numbers (default: every case)"),
    )
    compare = actions.add_parser(
        "compare", parents=[common_parent], help=translate("CliDossier", "compare cards with documents")
    )
    compare.add_argument(
        "cases",
        nargs="*",
        metavar="CASE",
        help=translate("CliDossier", "department case numbers (default: every case)"),
    )
    s = subparsers.add_parser(
        "search", parents=[common_parent], help=translate("CliDossier", "find cases, and with --dossiers dossier pages")
    )
    s.add_argument("text", metavar="TEXT", help=translate("CliDossier", "the text to look for"))
    s.add_argument("--dossiers", action="store_true", help=translate("CliDossier", "also search the dossier text"))
    s.add_argument("--limit", type=int, default=50, help=translate("CliDossier", "at most this many pages"))


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    if args.command == "search":
        return refused(lambda: _search(wb, args, emit))
    runs = {"text": _text, "scan": _scan, "compare": _compare}
    return refused(lambda: runs[args.action](wb, args, emit))


def _text(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from sqlalchemy import select

    from reviewapp.storage.models import DossierDocument, DossierPage

    (case_id,) = find_cases(wb, [args.case])
    with wb.db.session() as s:
        stmt = (
            select(DossierDocument.title, DossierPage.page, DossierPage.method, DossierPage.text, DossierPage.lines)
            .join(DossierPage, DossierPage.document_id == DossierDocument.id)
            .where(DossierDocument.case_id == case_id)
            .order_by(DossierDocument.id, DossierPage.page)
        )
        if args.page is not None:
            stmt = stmt.where(DossierPage.page == args.page)
        rows = s.execute(stmt).all()
    data = [{"document": t, "page": p, "method": m, "text": _printed(x, lines)} for t, p, m, x, lines in rows]
    text = "\n\n".join(f"【{d['document']} {d['page']} ({d['method']})】\n{d['text']}" for d in data)
    if not data:
        text = translate("CliDossier", "No page text is stored for this case yet: run “dossier scan” first.")
    emit(args, data, text)
    return EXIT_OK


def _printed(text: str, lines: list[int]) -> str:
    """The page text with its printed line breaks back (stored text has none, so phrases are found across them)."""
    ends = [*lines[1:], len(text)]
    return "\n".join(text[a:b] for a, b in zip(lines, ends, strict=False)) if lines else text


def _progress(args: argparse.Namespace) -> Any:
    if getattr(args, "json", False):
        return None
    last = [-1]

    def report(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent != last[0]:
            last[0] = percent
            print("\r" + translate("CliDossier", "Reading pages {done}/{total}").format(done=done, total=total),
                  end="", file=sys.stderr, flush=True)  # fmt: skip

    return report


def _scan(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.dossier.scan import scan_dossiers

    ids = find_cases(wb, list(args.cases)) if args.cases else None
    summary = scan_dossiers(wb, ids, progress=_progress(args))
    if not getattr(args, "json", False):
        print(file=sys.stderr)
    data = {"documents": summary.documents, "pages": summary.pages_done, "text_layer": summary.text_layer,
            "ocr": summary.ocr, "reused": summary.reused, "unreadable": summary.unreadable,
            "seconds": round(summary.seconds.get("total", 0.0), 2)}  # fmt: skip
    emit(args, data, summary.message())
    return EXIT_OK


def _compare(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.cases.query import fetch_rows
    from reviewapp.services.dossier.compare import compare_cases, dossier_results

    ids = find_cases(wb, list(args.cases)) if args.cases else None
    summary = compare_cases(wb, ids)
    from reviewapp.services.cases.cards import all_case_ids

    shown_ids = ids if ids is not None else all_case_ids(wb)
    numbers = {i: r.dept_case_no for i, r in fetch_rows(wb, shown_ids).items()}
    results = [r for cid in shown_ids for r in dossier_results(wb, cid)]
    labels = {"violation": translate("CliDossier", "disagreement"), "warning": translate("CliDossier", "warning"),
              "not_checkable": translate("CliDossier", "not checkable")}  # fmt: skip
    data = {
        "summary": summary.to_json(),
        "results": [
            {"case": numbers.get(r.case_id), "rule_id": r.rule_id, "title": r.title, "basis": r.basis,
             "item": r.item_code, "severity": r.severity, "status": r.status, "explanation": r.explanation,
             "evidence": r.facts.get("evidence", []), "missing_documents": r.facts.get("missing_documents", [])}
            for r in results
        ],
    }  # fmt: skip
    lines = [
        "\t".join((numbers.get(r.case_id, ""), r.title, r.item_code, r.severity, labels.get(r.status, r.status),
                   r.explanation))
        for r in results
    ]  # fmt: skip
    lines.append(summary.message())
    emit(args, data, "\n".join(lines))
    return EXIT_OK


def _search(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.cases.index import CaseFilter, load_case_index
    from reviewapp.services.cases.query import fetch_rows
    from reviewapp.services.dossier.search import search_dossiers

    ids = load_case_index(wb).filter(CaseFilter(text=args.text))
    rows = fetch_rows(wb, ids)
    cases = [{"dept_case_no": rows[i].dept_case_no, "name": rows[i].name} for i in ids if i in rows]
    lines = [f"{c['dept_case_no']}\t{c['name']}" for c in cases]
    lines.append(translate("CliDossier", "{n} cases").format(n=len(cases)))
    data: dict[str, Any] = {"cases": cases}
    if args.dossiers:
        hits = search_dossiers(wb, args.text, limit=args.limit)
        data["pages"] = [{"case": h.dept_case_no, "document": h.document_title, "page": h.page,
                          "snippet": h.snippet} for h in hits]  # fmt: skip
        lines += [f"{h.dept_case_no}\t{h.document_title}\t{h.page}\t{h.snippet}" for h in hits]
        lines.append(translate("CliDossier", "{n} dossier pages").format(n=len(hits)))
    emit(args, data, "\n".join(lines))
    return EXIT_OK
