"""The scoring workspace: the window reviewers live in (issue 3)."""

from ui.workspace.window import ScoringWorkspace

__all__ = ["ScoringWorkspace"]
