"""Review standards (评查标准) as versioned data: model, schema validation, YAML loader, Excel round trip."""

from reviewapp.standards.errors import StandardError
from reviewapp.standards.excel_export import export_standard_xlsx
from reviewapp.standards.excel_import import import_standard_xlsx
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
    "PracticeRules",
    "RuleCondition",
    "Standard",
    "StandardError",
    "export_standard_xlsx",
    "import_standard_xlsx",
    "load_shipped_standards",
    "load_standard",
    "standard_for_case_type",
]
