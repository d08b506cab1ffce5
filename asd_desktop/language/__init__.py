"""German language analysis for the goal checker (HanTa, the Hannover Tagger).

The model is loaded once, from the HanTa package's own directory, and may be loaded off
the GUI thread with ``start_loading``; until it is ready, ``analyser_if_ready`` returns
``None`` and callers check with the word lists alone. ``check_goal_live`` never waits (a
text with a long new word is analysed by ``check_goal_now`` when typing pauses).
"""

from __future__ import annotations

from asd_desktop.language.analyser import (
    GermanAnalyser,
    analyse,
    analyser_if_ready,
    analysis_pending,
    check_goal_analysed,
    check_goal_live,
    check_goal_now,
    shared_analyser,
    start_loading,
)

__all__ = [
    "GermanAnalyser",
    "analyse",
    "analyser_if_ready",
    "analysis_pending",
    "check_goal_analysed",
    "check_goal_live",
    "check_goal_now",
    "shared_analyser",
    "start_loading",
]
