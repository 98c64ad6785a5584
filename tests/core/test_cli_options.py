"""The command line itself: global options before or after the command word, an unknown word never starts
the GUI, passwords only from the environment or a hidden prompt, login failures and connection failures as
plain messages with their exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from reviewapp.cli import common
from reviewapp.cli.main import main
from tests.core.cli_fixtures import ADMIN, PASSWORD, CliRunner, with_admin

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> CliRunner:
    return with_admin(tmp_path_factory, tmp_path / "cli.sqlite3", monkeypatch, capsys)


@pytest.fixture
def gui_starts(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Replace ui.app with a stand-in that records GUI starts (the core tests never import Qt)."""
    started: list[list[str]] = []

    def run_gui(argv: list[str]) -> int:
        started.append(list(argv))
        return 0

    fake = types.ModuleType("ui.app")
    fake.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ui.app", fake)
    return started


def root_main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    try:
        import main as root

        return root.main(argv)
    finally:
        sys.path.remove(str(ROOT))


def test_global_options_work_before_and_after_the_command(cli: CliRunner, capsys: pytest.CaptureFixture[str]) -> None:
    after = cli("people", "list", "--json", user=ADMIN)
    before = cli("--json", "people", "list", user=ADMIN, db_first=True)
    assert after.code == before.code == 0
    assert after.json() == before.json() and after.json()[0]["login"] == ADMIN
    # Mixed: --db first, --json between the words, --user last.
    cli.monkeypatch.setenv("REVIEWAPP_PASSWORD", PASSWORD)
    capsys.readouterr()
    assert main(["--db", cli.db, "people", "--json", "list", "--user", ADMIN]) == 0
    assert [a["login"] for a in json.loads(capsys.readouterr().out)] == [ADMIN]


def test_lang_switches_the_output_language(cli: CliRunner) -> None:
    assert "审计链完整" in cli("audit", "verify", user=ADMIN).out
    english = cli("--lang", "en", "audit", "verify", user=ADMIN, db_first=True)
    assert english.code == 0 and "Audit chain intact" in english.out
    assert "审计链完整" in cli("audit", "verify", user=ADMIN).out  # the language does not stick


def test_options_first_runs_the_command_and_never_the_gui(
    cli: CliRunner, tmp_path: Path, gui_starts: list[list[str]]
) -> None:
    out = tmp_path / "standard.xlsx"
    cli.monkeypatch.setenv("REVIEWAPP_PASSWORD", PASSWORD)
    code = root_main(["--db", cli.db, "--user", ADMIN, "standard", "export", "XS-PCZ", "--out", str(out)])
    assert code == 0 and out.exists()
    assert gui_starts == []


def test_options_first_in_a_real_process(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "standard.xlsx"
    env = {**os.environ, "REVIEWAPP_PASSWORD": PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("REVIEWAPP_USER", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", cli.db, "--user", ADMIN, "standard", "export", "XS-PCZ",
         "--out", str(out)],
        env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.exists()


def test_an_unknown_word_prints_usage_and_never_starts_the_gui(
    cli: CliRunner, gui_starts: list[list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert root_main(["--db", cli.db, "frobnicate", "--user", ADMIN]) == 1
    err = capsys.readouterr().err
    assert "frobnicate" in err and "用法：" in err and "Traceback" not in err  # argparse's words in Chinese too
    assert root_main(["--db", cli.db, "--json"]) == 1  # an option only the command line knows, no word
    assert "用法：" in capsys.readouterr().err
    assert gui_starts == []
    assert root_main(["--db", cli.db, "--lang", "en"]) == 0  # only GUI options: the GUI starts
    assert gui_starts == [["--db", cli.db, "--lang", "en"]]


def test_a_password_is_never_taken_from_the_command_line(cli: CliRunner) -> None:
    for form in (["--password", "hunter2-secret"], ["--password=hunter2-secret"], ["--new-password", "hunter2-secret"]):
        r = cli("people", "list", *form, user=ADMIN)
        assert r.code == 2
        assert "hunter2-secret" not in r.out + r.err
        assert "REVIEWAPP_PASSWORD" in r.err


def test_the_password_comes_from_the_environment_or_a_hidden_prompt(cli: CliRunner) -> None:
    assert cli("people", "list", user=ADMIN).code == 0  # REVIEWAPP_PASSWORD
    no_terminal = cli("people", "list", user=ADMIN, password=None)
    assert no_terminal.code == 2 and "REVIEWAPP_PASSWORD" in no_terminal.err
    prompts: list[str] = []

    def typed(prompt: str) -> str:
        prompts.append(prompt)
        return PASSWORD

    cli.monkeypatch.setattr(common, "interactive", lambda: True)
    cli.monkeypatch.setattr(common.getpass, "getpass", typed)
    assert cli("people", "list", user=ADMIN, password=None).code == 0
    assert len(prompts) == 1 and ADMIN in prompts[0]


def test_the_user_comes_from_user_or_the_environment(cli: CliRunner) -> None:
    r = cli("people", "list")
    assert r.code == 2 and "--user" in r.err
    cli.monkeypatch.setenv("REVIEWAPP_USER", ADMIN)
    assert cli("people", "list").code == 0


def test_a_wrong_password_is_a_plain_refusal_with_exit_code_2(cli: CliRunner) -> None:
    r = cli("--lang", "en", "people", "list", user=ADMIN, password="not-the-password", db_first=True)
    assert r.code == 2
    assert "Wrong login name or password." in r.err and "Traceback" not in r.err
    assert cli("--lang", "en", "people", "list", user="nobody", db_first=True).code == 2


def test_five_wrong_passwords_lock_the_account(cli: CliRunner) -> None:
    codes = [cli("--lang", "en", "cases", user=ADMIN, password="wrong-wrong", db_first=True) for _ in range(5)]
    assert [c.code for c in codes] == [2] * 5
    assert "locked" in codes[-1].err
    still = cli("--lang", "en", "cases", user=ADMIN, db_first=True)  # the right password, but locked
    assert still.code == 2 and "locked" in still.err


def test_a_permission_refusal_is_exit_code_2(cli: CliRunner) -> None:
    cli.add_account("李评查", "li", "评查员")
    r = cli("people", "list", user="li")
    assert r.code == 2 and r.err.strip()


def test_connection_failures_never_print_the_password(tmp_path: Path, cli: CliRunner) -> None:
    url = "postgresql://reviewer:S3cret-Pw%21@127.0.0.1:1/reviews"
    r = cli("cases", db=url, user=ADMIN)
    assert r.code == 1, r.err
    assert "S3cret" not in r.out + r.err and "Traceback" not in r.err
    assert "reviewer:***@127.0.0.1" in r.err
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_text("this is not a database\n" * 200)
    r = cli("cases", db=str(not_a_database), user=ADMIN)
    assert r.code == 1 and "notes.sqlite3" in r.err and "Traceback" not in r.err


def test_a_refused_connection_is_reported_without_the_password(cli: CliRunner) -> None:
    from sqlalchemy.exc import OperationalError

    from reviewapp.services.workbench import Workbench

    url = "postgresql://reviewer:S3cret-Pw@db.example:5432/reviews"

    def refuse(target: object) -> Workbench:
        reason = Exception(
            'connection to server at "db.example" failed: FATAL: password authentication failed for user '
            f'"reviewer" ({url})'
        )
        raise OperationalError("connect", {}, reason)

    cli.monkeypatch.setattr(Workbench, "open", staticmethod(refuse))
    r = cli("cases", db=url, user=ADMIN)
    assert r.code == 1
    assert "password authentication failed" in r.err and "S3cret" not in r.out + r.err
    assert "reviewer:***@db.example" in r.err and "Traceback" not in r.err


def test_help_needs_no_login(cli: CliRunner) -> None:
    r = cli("--help", password=None)
    assert r.code == 0 and "people" in r.out and "audit" in r.out
    r = cli("people", "add", "--help", password=None)
    assert r.code == 0 and "--role" in r.out


def test_a_question_is_asked_once_and_refused_without_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    common.confirm("Take 京朝检案管整改〔2026〕1号?", yes=True)  # --yes: no question at all
    with pytest.raises(common.CliRefused, match="--yes"):
        common.confirm("Take 京朝检案管整改〔2026〕1号?", yes=False)  # no terminal
    monkeypatch.setattr(common, "interactive", lambda: True)
    asked: list[str] = []
    answers = iter(["y", "n"])

    def answer(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr("builtins.input", answer)
    common.confirm("Take 京朝检案管整改〔2026〕1号?", yes=False)
    with pytest.raises(common.CliRefused):
        common.confirm("Take 京朝检案管整改〔2026〕2号?", yes=False)
    assert len(asked) == 2 and "京朝检案管整改〔2026〕1号" in asked[0]
