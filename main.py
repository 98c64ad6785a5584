"""评查工作台 — start the GUI, or run a headless command (import, cases, demo …)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from reviewapp.cli.main import COMMANDS

    if args and (args[0] in COMMANDS or args[0] in ("-h", "--help")):
        from reviewapp.cli.main import main as cli_main

        return cli_main(args)
    from ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
