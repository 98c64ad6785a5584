"""Entry point of the frozen build (PyInstaller): the same main() as main.py, after freeze_support.

The file readers run in a guarded child process (reviewapp/intake/guard.py); in a frozen executable that child
is this same executable started again, and multiprocessing.freeze_support() turns it into the child instead of a
second app.
"""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from main import main

    sys.exit(main())
