"""Review standards (评查标准) as versioned data: model, schema validation, YAML loader, Excel round trip."""

from reviewapp.standards.errors import StandardError, StandardErrors
from reviewapp.standards.excel_export import export_standard_xlsx
from reviewapp.standards.excel_import import StandardImport, import_standard_xlsx, read_standard_xlsx
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
