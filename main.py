"""评查工作台 — start the GUI, or run a headless command (import, cases, people, audit …).

Without a command word (only --db, --user, --lang) the GUI starts; anything else is the command line, which
refuses an unknown word with its usage and never starts the GUI.
"""

from __future__ import annotations

import sys

GUI_OPTIONS = ("--db", "--user", "--lang")


def plainly_gui(args: list[str]) -> bool:
    """Only GUI options with their values: the GUI, decided without loading the command line (whose parsers
    import the database layer). Anything else is left to reviewapp.cli.main.wants_cli."""
    i = 0
    while i < len(args):
        token = args[i]
        if token in GUI_OPTIONS and i + 1 < len(args) and not args[i + 1].startswith("-"):
            i += 2
        elif token.split("=", 1)[0] in GUI_OPTIONS and "=" in token:
            i += 1
        else:
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not plainly_gui(args):
        from reviewapp.cli.main import wants_cli

        if wants_cli(args):
            from reviewapp.cli.main import main as cli_main

            return cli_main(args)
    from ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    # A frozen Windows build starts its child processes (the export reader, pre-screening workers) by
    # re-running this executable: freeze_support turns such a start into the child instead of a second app.
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
