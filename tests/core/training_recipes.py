"""The write-path recipes of the gold-case and training mutations for tests/core/test_write_path.py, and the
state they need, built through the services on the write-path template: case 2's review (submitted by "rev",
a panel of one) is formed, so it can be a gold case; "rev2" — not on its panel — practises on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from reviewapp.services.accounts import users
from reviewapp.services.analysis.training import (
    TRAINING,
    mark_gold,
    record_training_finding,
    remove_training_finding,
    start_training,
    submit_training,
    unmark_gold,
)
from reviewapp.storage.models import Review
from tests.accounts_fixtures import PASSWORD

GOLD_CASE = 2
TRAINEE_LOGIN = "rev2"


def _training(ctx: Any) -> int:
    with ctx.wb.db.session() as s:
        return int(
            s.scalars(select(Review.id).where(Review.kind == TRAINING, Review.case_id == ctx.case(GOLD_CASE))).one()
        )


def prepare_training(ctx: Any, name: str) -> None:
    """The gold case marked (all but ``training.mark_gold``); a draft training attempt with an E1 finding for
    the recipes that work on one."""
    if name == "training.mark_gold":
        return
    wb = ctx.wb
    prior = wb.user
    users.log_in(wb, "pc", PASSWORD)
    mark_gold(wb, ctx.case(GOLD_CASE), "培训用")
    if name in ("training.record", "training.remove", "training.submit"):
        users.log_in(wb, TRAINEE_LOGIN, PASSWORD)
        review = start_training(wb, ctx.case(GOLD_CASE))
        record_training_finding(wb, review, "E1", "瑕", "取证不规范")
    wb.user = prior


def training_recipes() -> dict[str, tuple[str, Callable[[Any], Any], Callable[[Any], list[Path]]]]:
    """name → (login, run(ctx), files written)."""

    def none(c: Any) -> list[Path]:
        return []

    return {
        "training.mark_gold": ("pc", lambda c: mark_gold(c.wb, c.case(GOLD_CASE), "培训用"), none),
        "training.unmark_gold": ("pc", lambda c: unmark_gold(c.wb, c.case(GOLD_CASE), "案例已过时"), none),
        "training.start": (TRAINEE_LOGIN, lambda c: start_training(c.wb, c.case(GOLD_CASE)), none),
        "training.record": (
            TRAINEE_LOGIN,
            lambda c: record_training_finding(c.wb, _training(c), "D5", "瑕", "落款日期遗漏"),
            none,
        ),
        "training.remove": (TRAINEE_LOGIN, lambda c: remove_training_finding(c.wb, _training(c), "E1"), none),
        "training.submit": (TRAINEE_LOGIN, lambda c: submit_training(c.wb, _training(c)), none),
    }
