"""Loading the demo as the GUI does: one progress bar over every phase, and the demo password hashed once."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from reviewapp.demo.accounts import DEMO_ADMIN, DEMO_PASSWORD, load_demo
from reviewapp.services.accounts.passwords import hash_password, one_hash_per_password, verify_password
from reviewapp.services.accounts.users import log_in
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Account


def test_demo_load_reports_one_bar_and_hashes_the_shared_password_once(tmp_path: Path) -> None:
    wb = Workbench.open(tmp_path / "demo.sqlite3")
    steps: list[tuple[int, int]] = []
    load_demo(wb, tmp_path / "data", cases=70, dossiers=False, progress=lambda d, t: steps.append((d, t)))
    assert steps[-1] == (1000, 1000) and {t for _, t in steps} == {1000}
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)  # never goes back
    with wb.db.session() as s:
        hashes = set(s.scalars(select(Account.password_hash)))
    assert len(hashes) == 1 and hashes.pop().startswith("$argon2id$")
    assert log_in(wb, DEMO_ADMIN.login, DEMO_PASSWORD).login == DEMO_ADMIN.login  # verifies like any hash
    wb.close()


def test_outside_the_block_every_hash_has_its_own_salt() -> None:
    with one_hash_per_password():
        assert hash_password("demo-2026x") == hash_password("demo-2026x")
    first, second = hash_password("demo-2026x"), hash_password("demo-2026x")
    assert first != second and verify_password(first, "demo-2026x") and not verify_password(first, "other")
