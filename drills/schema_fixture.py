"""Build a fixture database of an earlier schema with the real migrations.

The fixture of the previous schema (same rows: one unit, department, person, case and suspect) is copied and
upgraded with alembic to the wanted revision through the application's own migration scripts
(``reviewapp.storage.database._alembic_config``), so the rows are what a user's database of that version holds
after its upgrades. The result must have exactly the schema a fresh file upgraded to that revision has
(constraint order aside), or nothing is written.

    .venv/bin/python drills/schema_fixture.py --source tests/fixtures/db/schema_0001.sqlite3 --revision 0002
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from alembic import command  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

from reviewapp.storage.database import _alembic_config  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from upgrade_drill import FIXTURES, schema_of  # noqa: E402


def upgrade_to(path: Path, revision: str) -> None:
    """Alembic upgrade of the file at ``path`` to ``revision`` in one transaction, foreign keys off (the
    SQLite procedure for the table rebuilds of batch mode), as the application's own upgrade does."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys=OFF")
            with conn.begin():
                cfg = _alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the upgrade left broken references: {broken[:3]}")
    finally:
        engine.dispose()


def build(source: Path, revision: str, out: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.sqlite3"
        upgrade_to(fresh, revision)
        work = Path(tmp) / "fixture.sqlite3"
        shutil.copy(source, work)
        upgrade_to(work, revision)
        con = sqlite3.connect(work)
        try:
            version = con.execute("SELECT version_num FROM alembic_version").fetchall()
            con.execute("VACUUM")  # compact, rollback journal, no free pages: like the other fixtures
            mode = con.execute("PRAGMA journal_mode").fetchone()[0]
            check = con.execute("PRAGMA integrity_check").fetchall()
        finally:
            con.close()
        if version != [(revision,)] or mode != "delete" or check != [("ok",)]:
            raise RuntimeError(f"unexpected result: version {version}, journal {mode}, integrity {check}")
        if schema_of(work) != schema_of(fresh):
            raise RuntimeError(f"the upgraded copy's schema differs from a fresh database at {revision}")
        shutil.copy(work, out)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--source", type=Path, required=True, help="fixture database of an earlier schema")
    p.add_argument("--revision", required=True, help="the revision to upgrade it to, e.g. 0002")
    p.add_argument("--out", type=Path, help="default: tests/fixtures/db/schema_<revision>.sqlite3")
    args = p.parse_args(argv)
    out = args.out or FIXTURES / f"schema_{args.revision}.sqlite3"
    if out.exists():
        p.error(f"{out} exists; remove it first")
    print(build(args.source, args.revision, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
