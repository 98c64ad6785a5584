"""The Help menu: keyboard shortcuts, the user guide and About."""

from ui.help.menu import HelpMenu

__all__ = ["HelpMenu"]
