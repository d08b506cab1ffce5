"""Goals in the family's words: the pure goal checker (no Qt, no database)."""

from asd_desktop.goals.checker import CODE_LABELS, CODES, Finding, check_goal

__all__ = ["CODES", "CODE_LABELS", "Finding", "check_goal"]
