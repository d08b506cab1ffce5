"""The Zielerarbeitung wizard, one module per page.

Anliegen, Wille, Richtungsziel, Handlungsziele, Ressourcen, Ideen und erste Schritte,
Zusammenfassung.
"""

from __future__ import annotations

from asd_desktop.ui.goal_wizard.wizard import GoalWizard, draft_from_wizard

__all__ = ["GoalWizard", "draft_from_wizard"]
