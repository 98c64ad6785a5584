"""The scoring workspace: the window reviewers live in."""

from ui.workspace.window import ScoringWorkspace

__all__ = ["ScoringWorkspace"]
