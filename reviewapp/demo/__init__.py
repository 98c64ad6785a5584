"""Demo data: clean random case cards, the export workbook and small dossier PDFs (no Qt, no database).

The names below load their modules on first use, so a process that needs one part (a dossier writer process
needs the PDF writer, not the workbook writer with openpyxl) imports only that part."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reviewapp.demo.cards import DEFAULT_SEED, DEMO_AS_OF, build_cards
    from reviewapp.demo.generate import WORKBOOK_NAME, DemoOutput, GenerationCancelled, generate_demo

_HOMES = {
    "DEFAULT_SEED": "cards",
    "DEMO_AS_OF": "cards",
    "build_cards": "cards",
    "WORKBOOK_NAME": "generate",
    "DemoOutput": "generate",
    "GenerationCancelled": "generate",
    "generate_demo": "generate",
}

__all__ = [
    "DEFAULT_SEED",
    "DEMO_AS_OF",
    "WORKBOOK_NAME",
    "DemoOutput",
    "GenerationCancelled",
    "build_cards",
    "generate_demo",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"reviewapp.demo.{home}"), name)
