"""Known errors vs bugs: known ones carry a message for the user; bugs go to the log with the traceback."""

from __future__ import annotations

import logging
import traceback
from datetime import datetime
from pathlib import Path

from reviewapp.paths import log_dir

log = logging.getLogger("reviewapp")


def known_error_types() -> tuple[type[BaseException], ...]:
    """Errors whose message is meant for the user (bad input, refused action, missing font …), not bugs."""
    from reviewapp.checks.config import ConfigError
    from reviewapp.exports.fonts import FontNotFoundError
    from reviewapp.intake.errors import IntakeFileError
    from reviewapp.services.cases.people import RosterError
    from reviewapp.services.results.notices import NoticeError
    from reviewapp.services.results.settings import NoticeConfigError
    from reviewapp.services.reviews.commands import ReviewError
    from reviewapp.standards import StandardError
    from reviewapp.storage.database import DatabaseError

    return (
        IntakeFileError,
        DatabaseError,
        RosterError,
        ReviewError,
        NoticeError,
        NoticeConfigError,
        StandardError,
        ConfigError,
        FontNotFoundError,
        PermissionError,
        FileNotFoundError,
    )


def write_crash_report(exc: BaseException) -> Path:
    """Save the traceback to the log folder and return the file, for the apology message."""
    path = log_dir() / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    path.write_text(text, encoding="utf-8")
    log.error("unexpected error, report at %s\n%s", path, text)
    return path
