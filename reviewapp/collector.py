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


_frozen = False


def keep_start_up_objects() -> None:
    """Put what the start created out of the collector's reach, once per process.

    After the GUI has started, some 110 000 tracked objects (modules, the ORM's mappers, the windows' wrappers)
    live as long as the process. A full collection walks them all: a 60–70 ms pause at some later keystroke
    (measured typing in the case list of a million cases), while a collection of what is new since the start
    takes under 2 ms. Young garbage is collected first; reference counting still frees a frozen object
    the moment nothing refers to it, only a reference cycle among them would stay (the start makes none that
    matter)."""
    global _frozen
    if _frozen:
        return
    _frozen = True
    gc.collect(1)
    gc.freeze()
