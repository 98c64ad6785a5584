"""argparse's own words ("usage: ", "options", "show this help message and exit", its error messages) in the
user's language.

argparse looks its texts up through the module-level ``gettext`` functions ``argparse._`` and
``argparse.ngettext`` at the moment it builds a parser or formats a message; :func:`argparse_in_language`
swaps them for the app's catalog while the command line is parsed, and puts them back afterwards so other
argparse users in the same process (pytest, scripts) are untouched.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from reviewapp.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Argparse"

# argparse's message ids, as written in its source (Python 3.11–3.13), marked for extraction.
MESSAGES = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("Argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("Argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "can't open '%(filename)s': %(error)s"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s arguments"),
)


def argparse_text(message: str) -> str:
    """argparse's ``_``: the catalog's translation, else argparse's own English."""
    return translate(CONTEXT, message)


def argparse_plural(singular: str, plural: str, n: int) -> str:
    return argparse_text(singular if n == 1 else plural)


@contextmanager
def argparse_in_language() -> Iterator[None]:
    """While the block runs, argparse speaks the current language (reviewapp.i18n.set_language)."""
    module = vars(argparse)
    saved: dict[str, Callable[..., str]] = {name: module[name] for name in ("_", "ngettext") if name in module}
    module["_"] = argparse_text
    module["ngettext"] = argparse_plural
    try:
        yield
    finally:
        for name, fn in saved.items():
            module[name] = fn
