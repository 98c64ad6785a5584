"""Loaded once by the reading processes' forkserver (guard.py): the intake modules and the translation
catalog, so a forked reader starts in milliseconds instead of re-reading them for every file."""

from reviewapp.i18n import lookup
from reviewapp.intake import limits, parse

lookup("Intake", "")  # loads the catalog of the default language
limits.field_limit(parse.CASE_FIELDS, parse.CASE_FIELDS[0])  # reads the column lengths from the models
