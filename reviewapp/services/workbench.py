"""The façade the GUI and the CLI share: one database, one acting person, one dossier store.

Services are plain functions taking a Workbench; each opens a short session (one unit of work) and returns
plain data, never live ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from reviewapp.context import Actor
from reviewapp.paths import data_dir, default_database_url
from reviewapp.storage.database import Database, open_database
from reviewapp.storage.dossier_store import DossierStore
from reviewapp.storage.models import ChangeLog


@dataclass
class Workbench:
    db: Database
    actor: Actor
    dossiers: DossierStore
    # Bumped by every service that changes cases, so views know their cached snapshots are stale.
    generation: int = field(default=0)

    @classmethod
    def open(cls, target: str | Path | None = None, actor: Actor | None = None) -> Workbench:
        db = open_database(target or default_database_url())
        path = db.sqlite_path
        # The dossier store lives beside its SQLite file, so a copied database folder stays whole.
        root = path.with_name(path.stem + "-dossiers") if path else data_dir() / "dossiers"
        return cls(db=db, actor=actor or Actor.from_os_user(), dossiers=DossierStore(root))

    def close(self) -> None:
        self.db.close()

    def log(self, session: Session, action: str, entity: str, entity_id: int | None, **detail: Any) -> None:
        session.add(ChangeLog(actor=self.actor.name, action=action, entity=entity, entity_id=entity_id, detail=detail))
