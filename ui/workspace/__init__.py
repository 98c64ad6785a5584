"""The scoring workspace: the window reviewers live in.

The window is loaded when first asked for (``from ui.workspace import ScoringWorkspace``): the main window
imports small parts of this package (the shortcuts help) at start and must not load the workspace with them.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.workspace.window import ScoringWorkspace

__all__ = ["ScoringWorkspace"]


def __getattr__(name: str) -> Any:
    if name == "ScoringWorkspace":
        return import_module("ui.workspace.window").ScoringWorkspace
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
