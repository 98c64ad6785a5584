"""The full demo set: the built-in scenario and key-case cards first, then random cards up to the total asked for.

``--cases N`` (CLI) and the GUI's demo data mean N cases in all, so what is written is what was asked for;
only a total below the built-in cards cannot be met, and ``DemoPlan.short`` says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewapp.domain.case_card import CaseCard


@dataclass(frozen=True)
class DemoPlan:
    extra_cards: list[CaseCard]  # scenario and key-case cards, written first
    random_cases: int  # clean random cards after them
    asked: int

    @property
    def total(self) -> int:
        return len(self.extra_cards) + self.random_cases

    @property
    def short(self) -> bool:
        """True when fewer cases were asked for than the demo's built-in cards (all of them are written)."""
        return self.asked < len(self.extra_cards)


def builtin_cards() -> list[CaseCard]:
    from reviewapp.demo.key_cases import key_case_cards
    from reviewapp.demo.scenarios import scenario_cards

    return [s.card for s in scenario_cards()] + [card for _, card in key_case_cards()]


def plan_demo(total: int) -> DemoPlan:
    extra = builtin_cards()
    return DemoPlan(extra, max(0, total - len(extra)), total)
