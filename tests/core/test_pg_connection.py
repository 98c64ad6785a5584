"""A PostgreSQL server that cannot be used — wrong password, missing database, nothing listening, a schema from a
newer version — gives one plain message naming the server, never the bug apology, and never the password."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from reviewapp.cli.main import main
from reviewapp.errors import KnownError
from reviewapp.services.workbench import Workbench
from reviewapp.storage.database import DatabaseUnreachable, SchemaTooNewError, open_database
from tests.core.intake_fixtures import english_ui
from tests.db_target import SERVER_URL, database_at, raw_sql

__all__ = ["english_ui"]  # the fixture

pytestmark = [pytest.mark.postgresql_only, pytest.mark.usefixtures("english_ui")]

SECRET = "not-the-Password-9"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens once it is closed


def _url(**changes: object) -> str:
    return make_url(SERVER_URL).set(**changes).render_as_string(hide_password=False)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"password": SECRET}, "did not accept the user name"),
        ({"database": "no_such_database_here"}, "has no database no_such_database_here"),
        ({"port": _closed_port(), "password": SECRET}, "cannot be reached (connection refused"),
    ],
    ids=["wrong-password", "missing-database", "closed-port"],
)
def test_a_server_that_cannot_be_used_gives_a_plain_message_without_the_password(
    changes: dict[str, object], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _url(**changes)
    password = str(make_url(url).password)
    with pytest.raises(DatabaseUnreachable) as err:
        open_database(url)
    assert isinstance(err.value, KnownError)
    message = str(err.value)
    assert says in message and password not in message
    assert err.value.__cause__ is None and err.value.__suppress_context__  # no driver text with the URL behind it
    # The headless command shows the same sentence and exits 1: no apology, no traceback.
    code = main(["cases", "--db", url])
    out = capsys.readouterr()
    assert code == 1 and says in out.err
    assert "Sorry" not in out.err and "Traceback" not in out.err and password not in out.err + out.out


def test_a_newer_schema_names_the_server_without_the_password(tmp_path: Path) -> None:
    url = str(database_at(tmp_path))
    raw_sql(url, "UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SchemaTooNewError) as err:
        Workbench.open(url)
    password = str(make_url(url).password)
    assert "newer version" in str(err.value) and password not in str(err.value)
    assert str(make_url(url).database) in str(err.value)
