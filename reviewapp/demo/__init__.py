"""Demo data: clean random case cards, the export workbook and small dossier PDFs (no Qt, no database)."""

from reviewapp.demo.cards import DEFAULT_SEED, DEMO_AS_OF, build_cards
from reviewapp.demo.generate import WORKBOOK_NAME, DemoOutput, GenerationCancelled, generate_demo

__all__ = [
    "DEFAULT_SEED",
    "DEMO_AS_OF",
    "WORKBOOK_NAME",
    "DemoOutput",
    "GenerationCancelled",
    "build_cards",
    "generate_demo",
]
