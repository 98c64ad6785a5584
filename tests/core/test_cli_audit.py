"""`audit verify` and `audit log`: the hash chain detects an entry edited, deleted or inserted outside the
app (here: with plain SQL, as anyone with access to the database could) and names it; the log filters."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from reviewapp.domain.audit_chain import ChainEntry, entry_hash
from tests.core.cli_fixtures import ADMIN, CliRunner, copy_database
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.db_target import database_at, raw_sql


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database with a few audited operations: the first administrator, an import, settings."""
    folder = tmp_path_factory.mktemp("audit")
    mp = pytest.MonkeyPatch()
    runner = CliRunner(database_at(folder, "template.sqlite3"), mp)
    try:
        runner.first_admin()
        export = write_simple_xlsx(folder / "export.xlsx", [case_row(n) for n in (1, 2, 3)])
        assert runner("import", str(export), "--no-checks", user=ADMIN).code == 0
        assert runner("settings", "set", "notice.reply_days", "12", user=ADMIN).code == 0
        assert runner("settings", "set", "notice.issuer_name", "北京市朝阳区人民检察院", user=ADMIN).code == 0
    finally:
        mp.undo()
    yield runner.db


@pytest.fixture
def cli(
    template: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> CliRunner:
    return CliRunner(copy_database(template, tmp_path / "audit.sqlite3"), monkeypatch, capsys)


def _sql(db: str, statement: str, *params: object) -> None:
    raw_sql(db, statement, *params)


def _entry(db: str, seq: int) -> dict[str, object]:
    return raw_sql(db, "SELECT * FROM audit_entries WHERE seq = ? ORDER BY id LIMIT 1", seq)[0]


def _verify(cli: CliRunner) -> tuple[int, dict[str, Any], str]:
    data = cli("audit", "verify", "--json", user=ADMIN)
    text = cli("--lang", "en", "audit", "verify", user=ADMIN, db_first=True)
    assert data.code == text.code
    return data.code, data.json(), text.out


def _forged(db: str, seq: int, prev_hash: str) -> tuple[object, ...]:
    """A well-formed entry, hashed correctly, that the app never wrote."""
    at = datetime(2026, 3, 1, 9, 30)
    e = ChainEntry(seq, str(uuid.uuid4()), at, 1, "settings.set", "setting", None, None,
                   {"notice.reply_days": [12, 99]}, {}, prev_hash)  # fmt: skip
    return (e.seq, e.uid, at.isoformat(sep=" "), e.user_id, e.action, e.entity, e.entity_id, e.case_id, None,
            json.dumps(e.changes), json.dumps(e.detail), e.prev_hash, entry_hash(e))  # fmt: skip


INSERT = (
    "INSERT INTO audit_entries (seq, uid, at, user_id, action, entity, entity_id, case_id, review_id, changes, "
    "detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def test_an_intact_chain_verifies(cli: CliRunner) -> None:
    code, data, text = _verify(cli)
    assert code == 0 and data["intact"] is True
    assert f"Audit chain intact ({data['entries'] + 1} entries)" in text  # the second run logged in once more
    assert "审计链完整" in cli("audit", "verify", user=ADMIN).out


def test_an_edited_entry_is_named(cli: CliRunner) -> None:
    target = _entry(cli.db, 3)
    _sql(cli.db, "UPDATE audit_entries SET changes = ? WHERE seq = 3", json.dumps({"forged": [1, 2]}))
    code, data, text = _verify(cli)
    assert code == 1 and data["intact"] is False
    assert data["break"]["seq"] == 3 and data["break"]["kind"] == "edited"
    assert "entry 3 (" in text and "was edited" in text and str(target["action"]) in text


def test_a_deleted_entry_is_named(cli: CliRunner) -> None:
    _sql(cli.db, "DELETE FROM audit_entries WHERE seq = 4")
    code, data, text = _verify(cli)
    assert code == 1
    assert (data["break"]["seq"], data["break"]["kind"]) == (4, "deleted")
    assert "entry 4 was deleted" in text


def test_a_deleted_last_entry_is_found_through_the_head(cli: CliRunner) -> None:
    last = raw_sql(cli.db, "SELECT max(seq) AS seq FROM audit_entries")[0]["seq"]
    _sql(cli.db, "DELETE FROM audit_entries WHERE seq = ?", last)
    code, data, _text = _verify(cli)
    assert code == 1 and (data["break"]["seq"], data["break"]["kind"]) == (last, "deleted")


def test_an_inserted_entry_is_named(cli: CliRunner) -> None:
    before = _entry(cli.db, 2)
    _sql(cli.db, INSERT, *_forged(cli.db, 3, str(before["hash"])))  # a second entry 3, linked to entry 2
    code, data, text = _verify(cli)
    assert code == 1
    assert (data["break"]["seq"], data["break"]["kind"]) == (3, "inserted")
    assert "entry 3 (2026-03-01 09:30:00 UTC" in text and "was inserted" in text


def test_an_entry_appended_behind_the_apps_back_is_found(cli: CliRunner) -> None:
    head = raw_sql(cli.db, "SELECT seq, hash FROM audit_head")[0]
    seq, digest = int(str(head["seq"])), str(head["hash"])
    _sql(cli.db, INSERT, *_forged(cli.db, seq + 1, digest))
    code, data, text = _verify(cli)
    assert code == 1
    assert (data["break"]["seq"], data["break"]["kind"]) == (seq + 1, "inserted")
    assert f"entry {seq + 1} (" in text


def test_audit_log_lists_and_filters(cli: CliRunner) -> None:
    everything = cli("audit", "log", "--json", user=ADMIN).json()
    actions = [e["action"] for e in everything]
    assert actions[0] == "account.add_first_administrator" and "cases.import" in actions
    assert [e["seq"] for e in everything] == sorted(e["seq"] for e in everything)
    settings = [e for e in everything if e["action"] == "settings.set"]
    assert [e["changes"]["notice.reply_days"] for e in settings if "notice.reply_days" in e["changes"]] == [[10, 12]]
    logins = [e for e in everything if e["action"] == "account.login"]
    assert logins and {(e["login"], e["detail"]["result"]) for e in logins} == {(ADMIN, "ok")}
    mine = cli("audit", "log", "--by", ADMIN, "--json", user=ADMIN).json()
    assert mine and {e["login"] for e in mine} == {ADMIN} and {e["user"] for e in mine} == {"张管理"}
    # --user after `log` filters when the acting user came first; alone it is the acting user.
    filtered = cli("--user", ADMIN, "audit", "log", "--user", ADMIN, "--json", db_first=True).json()
    assert {e["login"] for e in filtered} == {ADMIN}
    assert len(cli("audit", "log", "--json", user=ADMIN).json()) > len(filtered)
    newest = cli("audit", "log", "--limit", "2", "--json", user=ADMIN).json()
    assert len(newest) == 2 and newest[-1]["action"] == "account.login"
    text = cli("audit", "log", user=ADMIN).out
    assert "cases.import" in text and "张管理" in text


def test_only_audit_readers_see_the_log(cli: CliRunner) -> None:
    cli.add_account("李评查", "li", "评查员")
    assert cli("audit", "log", user="li").code == 2
    assert cli("audit", "verify", user="li").code == 2
    assert cli("audit", "log", "--by", "nobody", user=ADMIN).code == 1
