"""Pausing Python's cyclic garbage collector around bulk work that makes no reference cycles.

A full collection scans every tracked object of the process and holds the interpreter lock meanwhile: while
an export is turned into records (millions of cell objects) it nearly doubled the parse time, and in the
GUI's process a collection triggered by a background thread froze the window for as long. Reference counting
still frees everything such work drops; the collector is restored (and free to run) when the work ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block (process-wide), and enable it again after, if it was on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
