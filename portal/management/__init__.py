"""Management commands of the portal project."""
