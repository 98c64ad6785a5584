"""Headless commands over the same services as the GUI (for administrators' scripts and tests).

    python main.py [GLOBAL OPTIONS] COMMAND … [GLOBAL OPTIONS]
    GLOBAL OPTIONS: --db PATH|URL   --user LOGIN   --lang zh_CN|en   --json

    import PATH… [--profile NAME|FILE] | cases | demo                           (cli/cases.py)
    profile list|show|export|import|delete|guess                                (cli/profiles.py)
    review-form export|import …, review show CASE, standard export|import|list  (cli/reviews.py)
    notice CASE…, report CASE, ledger                                           (cli/results.py)
    check [CASE…]                                                               (cli/checks.py)
    plan create|list|show|open|close|select|assign|progress …, conflict …, queue (cli/plans.py)
    selfcheck export|import|show                                                (cli/selfcheck.py)
    people add|list|edit|disable|enable, people role add|remove, passwd         (cli/people.py)
    settings show|set, audit verify|log                                         (cli/admin.py)
    panel compare|reconcile|dissent|meeting|finalise CASE …                     (cli/panel.py)
    routing-sheet CASE --out F.pdf, timeline CASE, inbox                        (cli/routing.py)
    feedback export|import|answer, objection rule, determine, rectification …, process-due (cli/process.py)
    stats [--period P] [--by unit|department|prosecutor|line|type|plan] [--json]     (cli/analysis.py)
    appraisal --period P --out F.xlsx, bulletin --period P --out F.pdf|F.xlsx   (cli/analysis_reports.py)
    calibration [--plan P] [--period P], training list|mark-gold|start|record|submit|compare … (cli/calibration.py)
    dossier text CASE [--page N] | scan [CASE…] | compare [CASE…], search TEXT [--dossiers] (cli/dossier.py)

Global options work before or after the command word. Every command but ``demo``, ``--help`` and the first
administrator (``people add`` on a database without accounts) logs in: --user LOGIN (or REVIEWAPP_USER) and
the password from REVIEWAPP_PASSWORD or a hidden prompt, never an argument. Exit codes: cli/common.py.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from reviewapp.cli.argparse_text import argparse_in_language
from reviewapp.cli.common import EXIT_AUTH, EXIT_BUG, EXIT_KNOWN, EXIT_OK, AuthError, emit
from reviewapp.errors import KNOWN_ERRORS, NotPermitted, write_crash_report
from reviewapp.i18n import LANGUAGES, current_language, set_language, translate
from reviewapp.paths import log_dir

BASE_COMMANDS = ("import", "cases", "demo")
# Command groups living in their own modules: each has COMMANDS, add_parsers(sub, common) and dispatch(wb, args, emit).
COMMAND_MODULES = (
    "reviewapp.cli.reviews",
    "reviewapp.cli.results",
    "reviewapp.cli.checks",
    "reviewapp.cli.plans",
    "reviewapp.cli.selfcheck",
    "reviewapp.cli.people",
    "reviewapp.cli.admin",
    "reviewapp.cli.panel",
    "reviewapp.cli.routing",
    "reviewapp.cli.process",
    "reviewapp.cli.profiles",
    "reviewapp.cli.analysis_reports",
    "reviewapp.cli.analysis",
    "reviewapp.cli.calibration",
    "reviewapp.cli.dossier",
)
COMMANDS = (
    *BASE_COMMANDS,
    "review-form",
    "review",
    "standard",
    "notice",
    "report",
    "ledger",
    "check",
    "plan",
    "conflict",
    "queue",
    "selfcheck",
    "people",
    "passwd",
    "settings",
    "audit",
    "panel",
    "routing-sheet",
    "timeline",
    "inbox",
    "feedback",
    "objection",
    "determine",
    "rectification",
    "process-due",
    "profile",
    "appraisal",
    "bulletin",
    "stats",
    "calibration",
    "training",
    "dossier",
    "search",
)
# Options every command takes, before or after its word; the GUI understands the first three too.
VALUE_OPTIONS = ("--db", "--user", "--lang")
FLAG_OPTIONS = ("--json",)
GUI_OPTIONS = VALUE_OPTIONS

EXIT_UNREADABLE = EXIT_KNOWN  # kept for callers of the earlier name
_emit = emit  # the output function the command modules' tests pass to dispatch


class UsageError(Exception):
    """A command line argparse cannot make sense of (printed with the usage; exit code 1, never the GUI)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.format_usage()}{self.prog}: {message}")


def _option_name(token: str) -> str:
    return token.split("=", 1)[0]


def command_word(argv: Sequence[str]) -> str | None:
    """The first word that is neither an option nor the value of a global option (None: no command)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token == "--":
            return None
        if token in VALUE_OPTIONS:
            skip = True
            continue
        if token.startswith("-"):
            continue
        return token
    return None


def wants_cli(argv: Sequence[str]) -> bool:
    """False only for a bare start with GUI options (--db, --user, --lang): then main.py starts the GUI.
    A command word, help, or any other option is for the command line — never a silent GUI start."""
    if command_word(argv) is not None:
        return True
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token in GUI_OPTIONS:
            skip = True
        elif _option_name(token) not in GUI_OPTIONS:
            return True
    return False


def _language(argv: Sequence[str]) -> str | None:
    for i, token in enumerate(argv):
        if token == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if token.startswith("--lang="):
            return token.split("=", 1)[1]
    return None


def global_options(*, suppress: bool) -> argparse.ArgumentParser:
    """The global options; on sub-commands with suppressed defaults, so a value given before the command word
    is not overwritten by the sub-command's default."""
    default: Any = argparse.SUPPRESS if suppress else None
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument(
        "--db", default=default, metavar="PATH|URL", help=translate("Cli", "database file or SQLAlchemy URL")
    )
    p.add_argument(
        "--user",
        default=default,
        metavar="LOGIN",
        help=translate("Cli", "login name of who is working (or REVIEWAPP_USER)"),
    )
    p.add_argument("--lang", default=default, choices=LANGUAGES, help=translate("Cli", "language of the output"))
    p.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help=translate("Cli", "machine-readable output"),
    )
    return p


def login_free_parent() -> argparse.ArgumentParser:
    """The global options without --user (for a command whose own --user means something else)."""
    p = argparse.ArgumentParser(add_help=False)
    for action in global_options(suppress=True)._actions:
        if "--user" not in action.option_strings:
            p._add_action(action)
    return p


def build_parser() -> argparse.ArgumentParser:
    common = global_options(suppress=True)
    parser = _Parser(
        prog="main.py",
        parents=[global_options(suppress=False)],
        description=translate("Cli", "Case-quality review workbench (without a command word: the GUI)"),
        epilog=translate(
            "Cli",
            "Log in with --user LOGIN (or REVIEWAPP_USER); the password is read from REVIEWAPP_PASSWORD or asked "
            "for, never given as an argument. Exit codes: 0 done, 1 refused or failed, 2 login or permission, "
            "70 unexpected error.",
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    from reviewapp.cli.cases import add_parsers as add_case_parsers

    add_case_parsers(sub, common)
    for module in _command_modules():
        module.add_parsers(sub, common)
    return parser


def _command_modules() -> list[Any]:
    return [importlib.import_module(name) for name in COMMAND_MODULES]


def _usage_error(text: str) -> int:
    print(text, file=sys.stderr)
    return EXIT_KNOWN


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _language(argv)
    before = current_language()
    if lang in LANGUAGES:
        set_language(lang)
    try:
        with argparse_in_language():
            return _main(argv)
    finally:
        if lang in LANGUAGES and before != lang:  # a caller in the same process keeps its language
            set_language(before)


def _main(argv: list[str]) -> int:
    # Tracebacks belong in the log file, never on the user's terminal.
    logging.basicConfig(filename=str(log_dir() / "reviewapp.log"), level=logging.INFO, force=True)
    from reviewapp.cli.auth import password_on_command_line

    if password_on_command_line(argv):  # refused without echoing the value
        print(
            translate(
                "Cli",
                "Passwords are never given on the command line (other users can see it, and the shell keeps it): "
                "set REVIEWAPP_PASSWORD or REVIEWAPP_NEW_PASSWORD, or type the password when asked.",
            ),
            file=sys.stderr,
        )
        return EXIT_AUTH
    parser = build_parser()
    word = command_word(argv)
    if word is not None and word not in COMMANDS:
        return _usage_error(
            parser.format_usage()
            + translate("Cli", "Unknown command {word}. Commands: {commands}.").format(
                word=word, commands=", ".join(COMMANDS)
            )
        )
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        return _usage_error(str(exc))
    except SystemExit as exc:  # --help printed its text
        return int(exc.code or 0)
    return run(args)


def run(args: argparse.Namespace) -> int:
    """Run parsed arguments, mapping errors to the exit codes of cli/common.py."""
    from reviewapp.services.accounts.users import LoginFailed

    try:
        return _dispatch(args)
    except BrokenPipeError:  # output piped into `head` and closed early: not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except (AuthError, LoginFailed, NotPermitted) as exc:
        print(translate("Cli", "Error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_AUTH
    except KNOWN_ERRORS as exc:
        print(translate("Cli", "Error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_KNOWN
    except KeyboardInterrupt:
        print(translate("Cli", "Interrupted; nothing more was done."), file=sys.stderr)
        return EXIT_KNOWN
    except Exception as exc:  # a bug: log the traceback, apologise briefly
        report = write_crash_report(exc)
        print(
            translate("Cli", "Sorry, an unexpected error occurred. Details were saved to {path}.").format(path=report),
            file=sys.stderr,
        )
        return EXIT_BUG


def _needs_login(wb: Any, args: argparse.Namespace) -> bool:
    from reviewapp.services.accounts.users import has_accounts

    first_administrator = args.command == "people" and getattr(args, "action", None) == "add"
    return not (first_administrator and not has_accounts(wb))


def _dispatch(args: argparse.Namespace) -> int:
    from reviewapp.cli import admin, cases
    from reviewapp.cli.auth import acting_login, authenticate, open_workbench

    if args.command == "demo":
        return cases.run_demo(args, emit)
    admin.resolve_login(args, acting_login(args))
    wb = open_workbench(args.db)
    try:
        if _needs_login(wb, args):
            authenticate(wb, args)
        for module in _command_modules():
            if args.command in module.COMMANDS:
                return int(module.dispatch(wb, args, emit))
        return cases.dispatch(wb, args, emit)
    finally:
        wb.close()
