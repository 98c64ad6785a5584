"""The upgrade drill, small: a few SIGKILLs during the upgrade of a 2 000-case database of every earlier schema.

The full drill (drills/upgrade_drill.py, 100 000 cases, 100 kills per schema) is a documented command; this
keeps its checks true in CI."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from reviewapp.storage.database import _alembic_config, head_revision

pytestmark = pytest.mark.sqlite_only("kills SQLite upgrades; PostgreSQL's DDL is transactional")

ROOT = Path(__file__).resolve().parents[2]


def _drill():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("upgrade_drill", ROOT / "drills" / "upgrade_drill.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["upgrade_drill"] = module
    spec.loader.exec_module(module)
    return module


def test_kills_during_the_upgrade_never_leave_a_half_applied_or_unopenable_database(tmp_path: Path) -> None:
    drill = _drill()
    schemas = sorted(p.stem.split("_")[1] for p in drill.FIXTURES.glob("schema_*.sqlite3"))
    # A fixture of every earlier schema (drills/schema_fixture.py builds one with the real migrations).
    script = ScriptDirectory.from_config(_alembic_config())
    assert schemas == sorted(r.revision for r in script.walk_revisions() if r.revision != head_revision())
    figures = drill.drill(2000, 3, schemas, seed=7, work=tmp_path, log=False)
    assert [f.schema for f in figures] == schemas
    for f in figures:
        assert f.trials == 3 and f.killed_old + f.killed_new == 3, f
        assert f.half_applied == 0 and f.unopenable == 0 and f.bad_backups == 0 and f.problems == [], f
        assert f.backups_checked >= f.killed_new  # every finished upgrade left its verified backup


def test_the_drill_catches_a_half_applied_revision(tmp_path: Path) -> None:
    drill = _drill()
    source = drill.build_database(drill.FIXTURES / "schema_0003.sqlite3", 50, tmp_path / "big.sqlite3")
    ref = drill.calibrate(source, tmp_path, "0003")
    broken = tmp_path / "broken.sqlite3"
    shutil.copy(source, broken)
    con = sqlite3.connect(broken)
    con.execute("DROP INDEX ix_cases_case_type")  # what an autocommitted 0004 step used to leave at 0003
    con.commit()
    con.close()
    trial = drill.Trial("0003", 0.0)
    drill.check_after_kill(broken, ref, trial)
    assert any("half-applied" in p for p in trial.problems)
    assert trial.state == "unopenable"  # the next start cannot finish it: a plain message, still a failure
