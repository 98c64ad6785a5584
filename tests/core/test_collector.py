"""The collector's start-up freeze: what the start created is left out of full collections, once per process."""

from __future__ import annotations

import gc

from reviewapp import collector
from reviewapp.collector import collector_paused, keep_start_up_objects


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_start_up_objects_are_frozen_once_and_later_garbage_is_still_collected() -> None:
    keep_start_up_objects()
    frozen = gc.get_freeze_count()
    assert frozen > 0 and collector._frozen
    keep_start_up_objects()  # a second start in the same process (switching user) freezes nothing more
    # Not "==": a frozen object can still be freed (by its last reference going, on any thread) meanwhile.
    assert gc.get_freeze_count() <= frozen
    made = [_Cycle() for _ in range(100)]  # cycles made after the start are collected as before
    del made
    assert gc.collect() >= 100


def test_the_collector_is_paused_inside_the_block_and_restored_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
