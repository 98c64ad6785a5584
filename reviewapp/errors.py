"""Known errors vs bugs: known ones carry a message for the user; bugs go to the log with the traceback.

Every error a user may see subclasses KnownError; the GUI and the CLI show its message as it is. Anything
else is a bug: the traceback is written to the log folder and the user gets a short apology.
"""

from __future__ import annotations

import logging
import traceback
from datetime import datetime
from pathlib import Path

log = logging.getLogger("reviewapp")


class KnownError(Exception):
    """An error whose message is written for the user (bad input, refused action, busy database …)."""


class NotPermitted(KnownError):
    """The acting user may not do this (domain.roles); nothing was written."""


# Operating-system errors on files the user chose (missing, no permission, disk full …) are known too: their
# message names the file and the reason.
KNOWN_ERRORS: tuple[type[BaseException], ...] = (KnownError, OSError)


def write_crash_report(exc: BaseException) -> Path:
    """Save the traceback to the log folder and return the file, for the apology message."""
    from reviewapp.paths import log_dir

    path = log_dir() / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    path.write_text(text, encoding="utf-8")
    log.error("unexpected error, report at %s\n%s", path, text)
    return path
