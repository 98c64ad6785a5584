"""Who is working: the one identity every service receives, so every stored change is attributed.

Login with passwords and roles comes later; until then the GUI asks on start and the CLI takes --user
(default: the operating-system user).
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    name: str
    person_id: int | None = None

    @staticmethod
    def from_os_user() -> Actor:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):  # no passwd entry in some containers
            name = "unknown"
        return Actor(name=name)
