"""The façade the GUI and the CLI share: one database, the logged-in user, one dossier store, and the
listeners that hear every change record.

Services are plain functions taking a Workbench. Reads open a short session and return plain data, never
live ORM objects; mutations go through the write path (services/write_path.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reviewapp.paths import data_dir, default_database_url
from reviewapp.services.accounts.current import ANONYMOUS, CurrentUser
from reviewapp.services.accounts.permissions import Permissions
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.storage.database import Database, open_database
from reviewapp.storage.dossier_store import DossierStore, server_store_root

ChangeListener = Callable[[ChangeRecord], None]


@dataclass
class Workbench:
    db: Database
    dossiers: DossierStore
    user: CurrentUser = ANONYMOUS
    permissions: Permissions = field(init=False)
    listeners: list[ChangeListener] = field(default_factory=list)
    last_changes: ChangeRecord | None = None
    # Set by the GUI: told how long a write has waited for another connection's lock, and asked whether
    # the user gave up waiting.
    busy_listener: Callable[[float], None] | None = None
    busy_cancelled: Callable[[], bool] | None = None
    # Bumped by every change of cases, so views know their cached snapshots are stale.
    generation: int = 0
    # What opening repaired after a crash (files of an interrupted notice issue), for the user to read.
    recovered: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.permissions = Permissions(self.db)

    @classmethod
    def open(cls, target: str | Path | None = None) -> Workbench:
        db = open_database(target or default_database_url())
        path = db.sqlite_path
        # The dossier store lives beside its SQLite file, so a copied database folder stays whole; a server
        # database's store is the shared folder every workstation mounts (storage/dossier_store.py).
        root = path.with_name(path.stem + "-dossiers") if path else server_store_root(data_dir())
        wb = cls(db=db, dossiers=DossierStore(root))
        from reviewapp.services.results.pending_files import recover_pending_files

        wb.recovered = recover_pending_files(wb)
        return wb

    def close(self) -> None:
        self.db.close()

    # --- change records ---------------------------------------------------------------------------
    def subscribe(self, listener: ChangeListener) -> None:
        self.listeners.append(listener)

    def unsubscribe(self, listener: ChangeListener) -> None:
        if listener in self.listeners:
            self.listeners.remove(listener)

    def changed(self, record: ChangeRecord) -> None:
        """Called by the write path after each commit."""
        self.last_changes = record
        if record.touches(Kind.CASE, Kind.DOSSIER, Kind.IMPORT):
            self.generation += 1
        if record.touches(Kind.CASE, Kind.IMPORT, Kind.PERSON):
            self.permissions.forget_units()
        for listener in list(self.listeners):
            listener(record)

    # --- waiting for the write lock -----------------------------------------------------------------
    def report_busy(self, waited: float) -> None:
        if self.busy_listener is not None:
            self.busy_listener(waited)

    def busy_cancel(self) -> bool:
        return self.busy_cancelled() if self.busy_cancelled is not None else False
