"""Models of 综治调解, one module per job: the requests and the directory, the column pages."""

from .pages import MediationColumnPage, MediationGuidePage
from .requests import (
    DISPUTE_TYPES,
    ORGANISATION_KINDS,
    REJECTION_REASON_MESSAGE,
    TRACKING_PREFIX,
    MediationOrganisation,
    MediationRequest,
    MediationRequestEvent,
    Status,
    directory_areas,
)

__all__ = [
    "DISPUTE_TYPES",
    "ORGANISATION_KINDS",
    "REJECTION_REASON_MESSAGE",
    "TRACKING_PREFIX",
    "MediationColumnPage",
    "MediationGuidePage",
    "MediationOrganisation",
    "MediationRequest",
    "MediationRequestEvent",
    "Status",
    "directory_areas",
]
