"""Where the app keeps its data: the platform's user-data folder unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

from reviewapp import APP_NAME, ORG_NAME

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
DB_ENV_VAR = "REVIEWAPP_DB"
DATA_ENV_VAR = "REVIEWAPP_DATA_DIR"


def data_dir() -> Path:
    """The folder holding the default database and the dossier store (REVIEWAPP_DATA_DIR overrides)."""
    override = os.environ.get(DATA_ENV_VAR)
    path = Path(override) if override else Path(user_data_dir(APP_NAME, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    override = os.environ.get(DATA_ENV_VAR)
    path = Path(override) / "logs" if override else Path(user_log_dir(APP_NAME, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    """--db beats REVIEWAPP_DB beats the SQLite file in the data folder."""
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return env
    return str(data_dir() / "reviewapp.sqlite3")
