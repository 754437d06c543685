"""Reporting units and their people, the review workflow's task types and its records."""

from .records import CheckReport, PostPublicationCheck, ReportedItem, Signature
from .tasks import AutoCheckTask, ReviewGroupTask, UnitLeaderSignTask
from .units import ReportingUnit, UnitMember
from .words import SensitiveWord, TermCorrection

__all__ = [
    "AutoCheckTask",
    "CheckReport",
    "PostPublicationCheck",
    "ReportedItem",
    "ReportingUnit",
    "ReviewGroupTask",
    "SensitiveWord",
    "Signature",
    "TermCorrection",
    "UnitLeaderSignTask",
    "UnitMember",
]
