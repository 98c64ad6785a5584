"""Review standards (评查标准) as versioned data: model, schema validation, YAML loader, Excel round trip.

The Excel round trip (openpyxl, and reportlab behind the export's cell safety) is loaded when first asked for:
the grading code imports this package, and the main window must not pay for the workbook library at start.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from reviewapp.standards.errors import StandardError, StandardErrors
from reviewapp.standards.loader import (
    SHIPPED_DIR,
    load_shipped_standards,
    load_standard,
    standard_for_case_type,
)
from reviewapp.standards.model import (
    ERROR,
    FLAW,
    SERIOUS,
    SEVERITIES,
    SEVERITY_ALIASES,
    ChecklistItem,
    Criterion,
    Dimension,
    GradeRule,
    GradeScheme,
    PracticeRules,
    RuleCondition,
    Standard,
)
from reviewapp.standards.vocabulary import ImportVocabulary, parse_severity_synonyms

if TYPE_CHECKING:
    from reviewapp.standards.excel_export import export_standard_xlsx
    from reviewapp.standards.excel_import import StandardImport, import_standard_xlsx, read_standard_xlsx

_LAZY = {
    "export_standard_xlsx": "reviewapp.standards.excel_export",
    "StandardImport": "reviewapp.standards.excel_import",
    "import_standard_xlsx": "reviewapp.standards.excel_import",
    "read_standard_xlsx": "reviewapp.standards.excel_import",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ERROR",
    "FLAW",
    "SERIOUS",
    "SEVERITIES",
    "SEVERITY_ALIASES",
    "SHIPPED_DIR",
    "ChecklistItem",
    "Criterion",
    "Dimension",
    "GradeRule",
    "GradeScheme",
    "ImportVocabulary",
    "PracticeRules",
    "RuleCondition",
    "Standard",
    "StandardError",
    "StandardErrors",
    "StandardImport",
    "export_standard_xlsx",
    "import_standard_xlsx",
    "load_shipped_standards",
    "load_standard",
    "parse_severity_synonyms",
    "read_standard_xlsx",
    "standard_for_case_type",
]
