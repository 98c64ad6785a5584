"""The hub: every change record of the workbench, delivered on the GUI thread to the views that show its kinds.

The write path calls ``wb.changed(record)`` on whatever thread ran the operation (a worker for imports and
workspace edits). The hub re-emits it through a queued signal, so views always refresh on the GUI thread,
and each view refreshes only when a record touches the kinds it shows (architecture.md: Anki's OpChanges).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from shiboken6 import isValid

from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.workbench import Workbench

Listener = Callable[[ChangeRecord], None]


@dataclass
class _Subscription:
    kinds: frozenset[Kind]
    listener: Listener
    owner: QObject | None


class Hub(QObject):
    changed = Signal(object)  # every ChangeRecord, on the GUI thread
    _heard = Signal(object)  # emitted on the writing thread, queued to the hub's thread

    def __init__(self, wb: Workbench, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self._subscriptions: list[_Subscription] = []
        # Queued even on the GUI thread: a view never refreshes in the middle of the handler that wrote.
        self._heard.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        wb.subscribe(self._relay)

    def _relay(self, record: ChangeRecord) -> None:
        self._heard.emit(record)

    def subscribe(self, kinds: Iterable[Kind], listener: Listener, owner: QObject | None = None) -> None:
        """Call ``listener(record)`` for each record touching one of ``kinds``, while ``owner`` lives."""
        sub = _Subscription(frozenset(kinds), listener, owner)
        self._subscriptions.append(sub)
        if owner is not None:
            owner.destroyed.connect(lambda *_: self._drop(sub))

    def unsubscribe(self, listener: Listener) -> None:
        self._subscriptions = [s for s in self._subscriptions if s.listener != listener]

    def _drop(self, sub: _Subscription) -> None:
        if sub in self._subscriptions:
            self._subscriptions.remove(sub)

    def _deliver(self, record: ChangeRecord) -> None:
        self.changed.emit(record)
        for sub in list(self._subscriptions):
            if sub.owner is not None and not isValid(sub.owner):
                self._drop(sub)
                continue
            if record.touches(*sub.kinds):
                sub.listener(record)

    def close(self) -> None:
        self.wb.unsubscribe(self._relay)
        self._subscriptions.clear()


_hubs: dict[int, Hub] = {}


def hub_for(wb: Workbench) -> Hub:
    """The one hub of ``wb`` (made on first use, on the GUI thread)."""
    hub = _hubs.get(id(wb))
    if hub is None or hub.wb is not wb:
        hub = Hub(wb)
        _hubs[id(wb)] = hub
    return hub


def release_hub(wb: Workbench) -> None:
    """Forget the hub of a workbench that is being closed."""
    hub = _hubs.pop(id(wb), None)
    if hub is not None:
        hub.close()
        hub.deleteLater()
