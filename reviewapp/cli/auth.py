"""Opening the database and logging in for a headless command.

The acting user comes from ``--user LOGIN`` or ``REVIEWAPP_USER``; the password from ``REVIEWAPP_PASSWORD``
or a hidden prompt — never from the command line. Connection failures are known errors whose message never
carries a password (URLs are printed with SQLAlchemy's ``render_as_string(hide_password=True)``).
"""

from __future__ import annotations

import argparse
import os
import sys
from urllib.parse import quote

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from reviewapp.cli.common import PASSWORD_ENV, USER_ENV, AuthError, read_password
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.services.accounts import users
from reviewapp.services.workbench import Workbench

# Options that would put a password on the command line; refused without echoing what followed them.
PASSWORD_OPTIONS = ("--password", "--passwd", "--pass", "--pw", "--new-password", "--old-password")


class DatabaseUnavailable(KnownError):
    """The database could not be opened (server down, wrong password, missing database, no driver …)."""


def masked(target: str | None) -> str:
    """The database as it may be shown: a file path, or a URL with its password hidden."""
    from reviewapp.paths import default_database_url
    from reviewapp.storage.database import to_url

    text = str(target) if target else default_database_url()
    try:
        url = make_url(to_url(text))
        if url.get_backend_name() == "sqlite" and url.database:
            return url.database
        return url.render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "***" if "@" in text else text


def _scrub(message: str, target: str | None) -> str:
    """Remove the URL's password from a driver's message, in plain and URL-quoted form."""
    try:
        password = make_url(str(target)).password if target and "://" in str(target) else None
    except (ArgumentError, ValueError):
        password = None
    if password:
        for form in {str(password), quote(str(password), safe="")}:
            message = message.replace(form, "***")
    if target and "://" in str(target):
        message = message.replace(str(target), masked(target))
    return message


def open_workbench(target: str | None) -> Workbench:
    """Workbench.open with connection failures turned into a plain, password-free known error."""
    try:
        wb = Workbench.open(target)
    except KnownError:
        raise
    except ImportError as exc:  # e.g. no PostgreSQL driver installed
        raise DatabaseUnavailable(
            translate(
                "CliAuth", "Cannot open the database {db}: the database driver {driver} is not installed."
            ).format(db=masked(target), driver=_scrub(getattr(exc, "name", None) or str(exc), target))
        ) from None
    except (SQLAlchemyError, OSError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        raise DatabaseUnavailable(
            translate("CliAuth", "Cannot open the database {db}: {reason}").format(
                db=masked(target), reason=_scrub(reason[0] if reason else type(exc).__name__, target)
            )
        ) from None
    for line in wb.recovered:  # what this start repaired after a crash is said, not only logged
        print(line, file=sys.stderr)
    return wb


def password_on_command_line(argv: list[str]) -> bool:
    return any(tok.split("=", 1)[0] in PASSWORD_OPTIONS for tok in argv)


def acting_login(args: argparse.Namespace) -> str | None:
    login = getattr(args, "user", None) or os.environ.get(USER_ENV) or ""
    return login.strip() or None


def authenticate(wb: Workbench, args: argparse.Namespace) -> None:
    """Log in as the acting user or raise (AuthError / LoginFailed, exit code 2)."""
    login = acting_login(args)
    if login is None:
        if not users.has_accounts(wb):
            raise AuthError(
                translate(
                    "CliAuth",
                    "This database has no accounts yet: create the first administrator with "
                    "`people add NAME --login LOGIN --role 系统管理员`.",
                )
            )
        raise AuthError(
            translate(
                "CliAuth",
                "Who is working? Give --user LOGIN (or set {user_env}); the password is read from {password_env} "
                "or asked for.",
            ).format(user_env=USER_ENV, password_env=PASSWORD_ENV)
        )
    password = read_password(PASSWORD_ENV, translate("CliAuth", "Password for {login}: ").format(login=login))
    users.log_in(wb, login, password)
    args.password_used = password  # kept in memory only: `passwd` checks it as the current password
