"""Reporting units and their people, the review workflow's task types and its records."""

from .records import CheckReport, PostPublicationCheck, ReportedItem, Signature
from .tasks import AutoCheckTask, ReviewGroupTask, UnitLeaderSignTask
from .units import ReportingUnit, UnitMember
from .words import LeaderName, OfficialName, SensitiveWord, TermCorrection, WordingFinding

__all__ = [
    "AutoCheckTask",
    "CheckReport",
    "LeaderName",
    "OfficialName",
    "PostPublicationCheck",
    "ReportedItem",
    "ReportingUnit",
    "ReviewGroupTask",
    "SensitiveWord",
    "Signature",
    "TermCorrection",
    "UnitLeaderSignTask",
    "UnitMember",
    "WordingFinding",
]
