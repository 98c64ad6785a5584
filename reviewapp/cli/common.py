"""What every headless command shares: exit codes, one output style, change records, secrets and questions.

Exit codes: 0 done; 1 a known error (bad input, refused request, busy database …); 2 authentication or
permission (no user, wrong password, locked account, a role that does not allow it); 70 a bug (the traceback
goes to the log folder, the terminal gets a short apology).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.workbench import Workbench

EXIT_OK = 0
EXIT_KNOWN = 1
EXIT_AUTH = 2
EXIT_BUG = 70

PASSWORD_ENV = "REVIEWAPP_PASSWORD"
NEW_PASSWORD_ENV = "REVIEWAPP_NEW_PASSWORD"
USER_ENV = "REVIEWAPP_USER"

Emit = Callable[[argparse.Namespace, Any, str], None]
T = TypeVar("T")


class AuthError(KnownError):
    """Nobody to act as, or no way to read the password (exit code 2)."""


class CliRefused(KnownError):
    """A command refused before any service ran (unknown case, unanswered question …)."""


def iso_date(text: str) -> dt.date:
    """An argparse type: a date written YYYY-MM-DD, else a plain refusal naming the value."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            translate("CliCommon", "{value} is not a date (write YYYY-MM-DD)").format(value=text)
        ) from exc


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    """Print ``text``, or ``data`` as JSON with --json."""
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print(text)


# --- change records -----------------------------------------------------------------------------------


def merge(records: list[ChangeRecord]) -> ChangeRecord | None:
    if not records:
        return None
    entities: dict[Kind, frozenset[int]] = {}
    for r in records:
        for kind, ids in r.entities.items():
            entities[kind] = entities.get(kind, frozenset()) | ids
    actions = list(dict.fromkeys(r.action for r in records))
    return ChangeRecord(actions[0] if len(actions) == 1 else "+".join(actions), entities)


@contextmanager
def collecting(wb: Workbench) -> Iterator[list[ChangeRecord]]:
    """Every change record committed while the block runs (a service that runs several operations)."""
    seen: list[ChangeRecord] = []
    wb.subscribe(seen.append)
    try:
        yield seen
    finally:
        wb.unsubscribe(seen.append)


def with_changes(wb: Workbench, fn: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[T, ChangeRecord | None]:
    """Call a service and return its value and what it changed: a mutation's own ``with_changes``, or the
    records of the operations a composite service ran."""
    direct = getattr(fn, "with_changes", None)
    if direct is not None:
        value, record = direct(wb, *args, **kwargs)
        return value, record
    with collecting(wb) as seen:
        value = fn(wb, *args, **kwargs)
    return value, merge(seen)


def changes_json(record: ChangeRecord | None) -> dict[str, object] | None:
    return record.to_json() if record is not None else None


# --- secrets and questions ----------------------------------------------------------------------------


def interactive() -> bool:
    """Whether a person can answer a prompt (a terminal on standard input)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def read_password(env: str, prompt: str) -> str:
    """The secret from the environment variable ``env``, else typed at a hidden prompt. Never an argument:
    command lines are visible to other users of the machine and kept in shell history."""
    value = os.environ.get(env)
    if value:
        return value
    if not interactive():
        raise AuthError(
            translate(
                "Cli", "No password: set the environment variable {env} or run the command in a terminal."
            ).format(env=env)
        )
    return getpass.getpass(prompt)


def read_new_password(prompt: str, again: str) -> str:
    """A new password from REVIEWAPP_NEW_PASSWORD, else typed twice at a hidden prompt."""
    value = os.environ.get(NEW_PASSWORD_ENV)
    if value:
        return value
    if not interactive():
        raise CliRefused(
            translate(
                "Cli", "No new password: set the environment variable {env} or run the command in a terminal."
            ).format(env=NEW_PASSWORD_ENV)
        )
    first = getpass.getpass(prompt)
    if getpass.getpass(again) != first:
        raise CliRefused(translate("Cli", "The two passwords differ; nothing was changed."))
    return first


def confirm(question: str, *, yes: bool) -> None:
    """Ask once; refuse (nothing done) on anything but yes. ``--yes`` answers for scripts; without a terminal
    and without ``--yes`` the command is refused rather than guessing."""
    if yes:
        return
    if not interactive():
        raise CliRefused(
            translate("Cli", "{question} Nobody can answer here: run it again with --yes to go ahead.").format(
                question=question
            )
        )
    answer = input(question + " " + translate("Cli", "[y/N] ")).strip().lower()
    if answer not in ("y", "yes", "是", "好"):
        raise CliRefused(translate("Cli", "Nothing was done."))


def refused(run: Callable[[], int]) -> int:
    """Run a command body; a known error prints one plain line and gives exit code 1. Login and permission
    refusals go up to cli/main.py, which gives them exit code 2."""
    from reviewapp.errors import KNOWN_ERRORS, NotPermitted
    from reviewapp.services.accounts.users import LoginFailed

    try:
        return run()
    except (AuthError, LoginFailed, NotPermitted):
        raise
    except KNOWN_ERRORS as exc:
        print(translate("Cli", "Error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_KNOWN
