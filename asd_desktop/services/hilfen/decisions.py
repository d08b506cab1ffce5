"""From the Kollegiale Beratung: a decided HzE prepares a Hilfe and a first Hilfeplan."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from sqlalchemy import select

from asd_desktop.domain.hilfen import next_meeting_on
from asd_desktop.models.consultation import Consultation
from asd_desktop.models.errors import NotFoundError
from asd_desktop.models.goals import ActionGoal, GoalAgreement
from asd_desktop.models.hilfen import Hilfe
from asd_desktop.services.hilfen.common import HilfeBase, _kinds_by_code, kind_view
from asd_desktop.services.hilfen.views import (
    HelpKindView,
    HilfeInput,
    MeetingInput,
    PreparedHilfe,
)


class DecisionsPart(HilfeBase):
    """Consultations that decided a HzE, and what they prepare."""

    # --- from the Kollegiale Beratung ----------------------------------------------

    def decided_without_hilfe(self, case_id: str) -> list[tuple[str, dt.date, str]]:
        """Closed consultations that decided a HzE with no help yet: (id, held_on, kind text)."""
        with self._sf() as s:
            linked = select(Hilfe.consultation_id).where(
                Hilfe.consultation_id.is_not(None), Hilfe.deleted.is_(False)
            )
            rows = s.execute(
                select(Consultation.id, Consultation.held_on, Consultation.hze_kind)
                .where(
                    Consultation.case_id == case_id,
                    Consultation.deleted.is_(False),
                    Consultation.hze_decided.is_(True),
                    Consultation.closed.is_(True),
                    Consultation.id.not_in(linked),
                )
                .order_by(Consultation.held_on.desc())
            ).all()
        return [(str(r[0]), r[1], str(r[2] or "")) for r in rows]

    def prepare_from_consultation(self, consultation_id: str) -> PreparedHilfe:
        """The help and the first Hilfeplan a consultation's HzE decision prepares.

        The kind is read from the consultation's words ("SPFH", "§ 31", "Tagesgruppe");
        the help starts on the day of the consultation; the Hilfeplan adopts the
        Handlungsziele of the case's newest Zielvereinbarung and meets again in six
        months. Nothing is stored: the caseworker checks and saves.
        """
        with self._sf() as s:
            c = s.get(Consultation, consultation_id)
            if c is None or c.deleted:
                raise NotFoundError("Die Kollegiale Beratung wurde nicht gefunden.")
            kinds = [kind_view(k) for k in _kinds_by_code(s).values() if k.active]
            code = match_kind(c.hze_kind, kinds)
            newest = s.scalars(
                select(GoalAgreement)
                .where(GoalAgreement.case_id == c.case_id, GoalAgreement.deleted.is_(False))
                .order_by(GoalAgreement.agreed_on.desc(), GoalAgreement.id.desc())
                .limit(1)
            ).first()
            goal_ids: tuple[str, ...] = ()
            if newest is not None:
                goal_ids = tuple(
                    s.scalars(
                        select(ActionGoal.id)
                        .where(ActionGoal.agreement_id == newest.id, ActionGoal.deleted.is_(False))
                        .order_by(ActionGoal.position)
                    )
                )
            held_on, hze_kind = c.held_on, c.hze_kind
            presenter = c.presenter
        hilfe = HilfeInput(
            kind=code,
            start_on=held_on,
            consultation_id=consultation_id,
            notes=f"Beschlossen in der Kollegialen Beratung vom {held_on:%d.%m.%Y}"
            + (f": {hze_kind.strip()}" if hze_kind.strip() else ""),
        )
        meeting = MeetingInput(
            held_on=held_on,
            goal_ids=goal_ids,
            agreed_help_scope=hze_kind.strip(),
            next_on=next_meeting_on(held_on),
            caseworker=presenter,
        )
        return PreparedHilfe(hilfe, meeting, consultation_id, matched_kind=code)

    def case_of_consultation(self, consultation_id: str) -> str:
        """The case a consultation belongs to."""
        with self._sf() as s:
            c = s.get(Consultation, consultation_id)
            if c is None or c.deleted:
                raise NotFoundError("Die Kollegiale Beratung wurde nicht gefunden.")
            return c.case_id


#: Everyday words for the kinds of help (lower case) and the code they mean.
_KIND_WORDS = (
    ("spfh", "sgb8_31"),
    ("familienhilfe", "sgb8_31"),
    ("erziehungsbeist", "sgb8_30"),
    ("betreuungshelf", "sgb8_30"),
    ("gruppenarbeit", "sgb8_29"),
    ("tagesgruppe", "sgb8_32"),
    ("pflegefamilie", "sgb8_33"),
    ("vollzeitpflege", "sgb8_33"),
    ("heim", "sgb8_34"),
    ("wohngruppe", "sgb8_34"),
    ("einzelbetreuung", "sgb8_35"),
    ("eingliederung", "sgb8_35a"),
    ("volljährig", "sgb8_41"),
    ("alternative", "alternative"),
    ("familienrat", "familienrat"),
    ("erziehungsberatung", "beratung"),
)
_PARAGRAPH = re.compile(r"§\s*(\d+\s*a?)", re.IGNORECASE)


def match_kind(words: str, kinds: Iterable[HelpKindView]) -> str:
    """The code of the kind a consultation's words name ("" when none matches)."""
    known = list(kinds)
    codes = {k.code for k in known}
    text = words.casefold()
    for found in _PARAGRAPH.findall(words):
        number = found.replace(" ", "").lower()
        for k in known:
            numbers = {p.replace(" ", "").lower() for p in _PARAGRAPH.findall(k.paragraph)}
            if number in numbers and k.group.is_measure:
                return k.code
    for k in known:
        if k.label.casefold() in text:
            return k.code
    for word, code in _KIND_WORDS:
        if word in text and code in codes:
            return code
    return ""
