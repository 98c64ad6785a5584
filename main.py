"""评查工作台 — start the GUI, or run a headless command (import, cases, people, audit …).

Without a command word (only --db, --user, --lang) the GUI starts; anything else is the command line, which
refuses an unknown word with its usage and never starts the GUI.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from reviewapp.cli.main import wants_cli

    if wants_cli(args):
        from reviewapp.cli.main import main as cli_main

        return cli_main(args)
    from ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
