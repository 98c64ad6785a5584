"""SQLAlchemy 2 models. Import every module here so Base.metadata is complete for Alembic."""

from reviewapp.storage.models.accounts import Account, AccountRole, Setting, UndoStep
from reviewapp.storage.models.audit import AuditEntry, AuditHead
from reviewapp.storage.models.base import Base
from reviewapp.storage.models.cases import Case, DossierDocument, Suspect
from reviewapp.storage.models.dossier_text import DossierCheckResult, DossierPage, DossierText
from reviewapp.storage.models.imports import ImportBatch, ImportDifference, ImportReject
from reviewapp.storage.models.notices import (
    CaseOpenChecks,
    CheckDecision,
    CheckResult,
    DocumentSerial,
    Notice,
    NoticeCase,
)
from reviewapp.storage.models.org import Department, Person, Unit
from reviewapp.storage.models.panel import Dissent, FeedbackAnswer, JointMeeting, Rectification
from reviewapp.storage.models.plans import Assignment, ConflictDeclaration, Plan, PlanCase
from reviewapp.storage.models.reviews import Finding, FindingEvidence, Review, ReviewEvent, StandardVersion
from reviewapp.storage.models.selfcheck import SelfCheck
from reviewapp.storage.models.training import GoldCase

__all__ = [
    "Account",
    "AccountRole",
    "Assignment",
    "AuditEntry",
    "AuditHead",
    "Base",
    "Case",
    "CaseOpenChecks",
    "CheckDecision",
    "CheckResult",
    "ConflictDeclaration",
    "Department",
    "Dissent",
    "DocumentSerial",
    "DossierCheckResult",
    "DossierDocument",
    "DossierPage",
    "DossierText",
    "FeedbackAnswer",
    "Finding",
    "FindingEvidence",
    "GoldCase",
    "ImportBatch",
    "ImportDifference",
    "ImportReject",
    "JointMeeting",
    "Notice",
    "NoticeCase",
    "Person",
    "Plan",
    "PlanCase",
    "Rectification",
    "Review",
    "ReviewEvent",
    "SelfCheck",
    "Setting",
    "StandardVersion",
    "Suspect",
    "UndoStep",
    "Unit",
]
