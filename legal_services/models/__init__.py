"""Models of the legal-services green channel, one module per service."""

from .guides import GuideIndexPage, GuideLegalBasis, GuidePage
from .laws import LawLibraryPage, LawPage, LawValidity
from .legal_aid import (
    AidStatus,
    CaseType,
    HardshipBasis,
    LegalAidApplication,
    LegalAidAttachment,
    LegalAidEvent,
)
from .qa import QaColumnPage, QaGuidePage  # last: its routes use the forms, which use the models above
from .questions import (
    Question,
    QuestionCategory,
    QuestionQuerySet,
    QuestionStatus,
    mask_name,
    normalise_search_query,
)

__all__ = [
    "AidStatus",
    "CaseType",
    "GuideIndexPage",
    "GuideLegalBasis",
    "GuidePage",
    "HardshipBasis",
    "LawLibraryPage",
    "LawPage",
    "LawValidity",
    "LegalAidApplication",
    "LegalAidAttachment",
    "LegalAidEvent",
    "QaColumnPage",
    "QaGuidePage",
    "Question",
    "QuestionCategory",
    "QuestionQuerySet",
    "QuestionStatus",
    "mask_name",
    "normalise_search_query",
]
