"""Headless commands over the same services as the GUI (for administrators' scripts and tests).

    python main.py import PATH... [--json]        case exports (.xlsx/.xls/.csv) or dossier folders
    python main.py cases [--json] [--search TEXT]
    python main.py demo [--cases N] [--out DIR]
    python main.py review-form export|import …, review show CASE, standard export|import …   (cli_reviews.py)
    python main.py notice CASE…, report CASE, ledger                                          (cli_notices.py)
    python main.py check [CASE…]                                                               (cli_checks.py)
Every command takes --db (path or SQLAlchemy URL) and --user (default: the operating-system user).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reviewapp.context import Actor
from reviewapp.errors import known_error_types, write_crash_report
from reviewapp.i18n import translate
from reviewapp.paths import log_dir

BASE_COMMANDS = ("import", "cases", "demo")
# Command groups living in their own modules: each has COMMANDS, add_parsers(sub, common) and dispatch(wb, args, emit).
COMMAND_MODULES = ("reviewapp.cli.reviews", "reviewapp.cli.results", "reviewapp.cli.checks")
COMMANDS = (*BASE_COMMANDS, "review-form", "review", "standard", "notice", "report", "ledger", "check")

EXIT_OK = 0
EXIT_UNREADABLE = 1  # a file could not be read at all / a known error
EXIT_BUG = 70


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help=translate("Cli", "database file or SQLAlchemy URL"))
    common.add_argument("--user", help=translate("Cli", "who is working (default: the operating-system user)"))
    common.add_argument("--json", action="store_true", help=translate("Cli", "machine-readable output"))
    parser = argparse.ArgumentParser(prog="main.py", description=translate("Cli", "Case-quality review workbench"))
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("import", parents=[common], help=translate("Cli", "import case exports or dossier folders"))
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument(
        "--no-checks", action="store_true", help=translate("Cli", "do not run the pre-screening checks afterwards")
    )
    p = sub.add_parser("cases", parents=[common], help=translate("Cli", "list cases"))
    p.add_argument("--search", default="", help=translate("Cli", "case number, name, prosecutor or charge"))
    p = sub.add_parser("demo", parents=[common], help=translate("Cli", "write a demo export with dossiers"))
    p.add_argument("--cases", type=int, default=300)
    p.add_argument("--out", type=Path, default=Path("demo-data"))
    p.add_argument("--seed", type=int, default=20260201)
    p.add_argument("--no-dossiers", action="store_true")
    for module in _command_modules():
        module.add_parsers(sub, common)
    return parser


def _command_modules() -> list[Any]:
    return [importlib.import_module(name) for name in COMMAND_MODULES]


def _emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print(text)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Tracebacks belong in the log file, never on the user's terminal.
    logging.basicConfig(filename=str(log_dir() / "reviewapp.log"), level=logging.INFO, force=True)
    try:
        return _dispatch(args)
    except BrokenPipeError:  # output piped into `head` and closed early: not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except known_error_types() as exc:
        print(translate("Cli", "Error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_UNREADABLE
    except Exception as exc:  # a bug: log the traceback, apologise briefly
        report = write_crash_report(exc)
        print(
            translate("Cli", "Sorry, an unexpected error occurred. Details were saved to {path}.").format(path=report),
            file=sys.stderr,
        )
        return EXIT_BUG


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "demo":
        from reviewapp.cli.cases import run_demo

        return run_demo(args, _emit)
    from reviewapp.services.workbench import Workbench

    actor = Actor(args.user) if args.user else Actor.from_os_user()
    wb = Workbench.open(args.db, actor)
    try:
        for module in _command_modules():
            if args.command in module.COMMANDS:
                return int(module.dispatch(wb, args, _emit))
        if args.command == "import":
            from reviewapp.cli.cases import run_import

            return run_import(wb, args, _emit)
        from reviewapp.cli.cases import run_cases

        return run_cases(wb, args, _emit)
    finally:
        wb.close()
