"""Demo data: the twelve hand-written fictional families (everything here is invented).

The small demo lets a newcomer explore the program; it is written through the
services (:func:`asd_desktop.demo.writer.write_with_service`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from asd_desktop.demo.family_builder import FamilyBuilder
from asd_desktop.demo.specs import (
    CaseSpec,
    ConsultationSpec,
    CouncilReviewSpec,
    CouncilSpec,
    InstrumentSpec,
    MandateSpec,
    ProposalSpec,
)
from asd_desktop.domain.enums import (
    AgreementKept,
    Area,
    ContactKind,
    CouncilActivity,
    CouncilOutcome,
    FamilyInterest,
    Financing,
    GoalStatus,
    IdeaSource,
    Invitation,
    MandateKind,
    MandateStatus,
    ParticipantGroup,
    ResourceKind,
    RiskLevel,
    Role,
)
from asd_desktop.services.familienrat import (
    AgreementInput,
    DecisionInput,
    FamilyPhaseInput,
    HoursInput,
    InformationInput,
    ParticipantInput,
    PreparationInput,
    ProposalInput,
)
from asd_desktop.services.familienrat import default_review_date as council_review_date
from asd_desktop.services.goals import (
    ActionGoalDraft,
    GoalDraft,
    ResourceDraft,
    ReviewInput,
    StepDraft,
    default_review_date,
)
from asd_desktop.services.instruments import (
    AssessmentInput,
    EvidenceInput,
    MandateInput,
    OutcomeInput,
)

# --- the hand-written families -------------------------------------------------------------

_K, _M, _V, _S = Role.CHILD, Role.MOTHER, Role.FATHER, Role.CUSTODY
_R, _N, _P, _O = Role.RELATIVE, Role.NEIGHBOUR, Role.PROFESSIONAL, Role.OTHER
_HOME, _SURPRISE = ContactKind.HOME_VISIT_ANNOUNCED, ContactKind.HOME_VISIT_UNANNOUNCED
_OFFICE, _PHONE, _VIDEO = ContactKind.OFFICE, ContactKind.PHONE, ContactKind.VIDEO
_LETTER, _INST = ContactKind.LETTER, ContactKind.INSTITUTION

_PETERSEN, _AYDIN, _WOLFF = "Jana Petersen", "Murat Aydın", "Katharina Wolff"
_TEAMLEAD = "Claudia Krüger (Teamleitung)"
_OFFICE_ROOM = "ASD Mitte, Besprechungsraum 2.14"
_FLAT = "Wohnung der Familie"


def family_specs(today: dt.date) -> list[CaseSpec]:
    """The twelve hand-written fictional families, anchored to ``today``."""
    return [
        _finish(f(today))
        for f in (
            _al_zein,
            _yilmaz,
            _wojcik,
            _dvorak,
            _schneider,
            _meier,
            _hoffmann,
            _demir,
            _popescu,
            _nguyen,
            _osei,
            _becker,
        )
    ]


def _finish(f: FamilyBuilder) -> CaseSpec:
    """The family's case with its Kollegiale Beratungen, Aufträge and Auflagen."""
    instruments = _INSTRUMENTS.get(f.file_number)
    return f.spec(
        consultations=tuple(make(f) for make in _CONSULTATIONS.get(f.file_number, ())),
        instruments=instruments(f) if instruments is not None else None,
    )


def _al_zein(today: dt.date) -> FamilyBuilder:
    f = FamilyBuilder(
        today,
        "ASD-M-2024-0113",
        "Al Zein",
        _PETERSEN,
        75,
        "Die Eltern haben sich selbst gemeldet: Muharem (13) droht die Umschulung wegen vieler "
        "Fehltage, fehlender Hausaufgaben und Streit mit Mitschülern und Lehrkräften. Anliegen "
        "der Familie: Muharem soll an seiner jetzigen Schule bleiben.",
    )
    addr = "Veringstraße 41, 21107 Hamburg"
    f.person(
        "Muharem", "Al Zein", (_K,), age=(13, 11, 2), address=addr, languages="Deutsch, Arabisch"
    )
    f.person(
        "Nour",
        "Al Zein",
        (_K,),
        age=(17, 4, 19),
        address=addr,
        languages="Deutsch, Arabisch, Englisch",
    )
    f.person(
        "Rania",
        "Al Zein",
        (_M, _S),
        age=(41, 6, 8),
        address=addr,
        phone="0176 5550 1123",
        languages="Arabisch, etwas Deutsch",
        interpreter=True,
    )
    f.person(
        "Khaled",
        "Al Zein",
        (_V, _S),
        age=(45, 1, 23),
        address=addr,
        phone="0151 5550 8871",
        languages="Arabisch, Deutsch",
    )
    f.person(
        "Sabine",
        "Lorenz",
        (_P,),
        languages="Deutsch",
        institution="Stadtteilschule Wilhelmsburg (Klassenlehrerin)",
        phone="040 5550 3310",
    )
    f.area(
        Area.SERVICE,
        75,
        "Eltern bitten selbst um Beratung zum Schulverbleib ihres Sohnes; "
        "keine Hinweise auf eine Gefährdung.",
        _PETERSEN,
    )
    f.contact(
        75,
        "10:00",
        _OFFICE,
        60,
        "Rania und Khaled Al Zein, Dolmetscherin Frau Haddad, J. Petersen",
        _OFFICE_ROOM,
        "Erstgespräch. Die Eltern zeigen die Briefe der Schule wegen Fehlzeiten und "
        "fehlender Hausaufgaben; ein Schulwechsel steht im Raum. Anliegen der Eltern: "
        "Muharem soll an seiner Schule bleiben. Vater: „Er ist ein guter Junge, aber er "
        "hört nicht mehr auf uns.“",
        "Gespräch mit der Klassenlehrerin Frau Lorenz vereinbaren",
        -68,
    )
    f.contact(
        66,
        "13:30",
        _INST,
        45,
        "Frau Lorenz (Klassenlehrerin), J. Petersen",
        "Stadtteilschule Wilhelmsburg",
        "Seit den Herbstferien 14 Fehltage, davon 9 unentschuldigt; Hausaufgaben fehlen "
        "fast immer. Konflikte vor allem in der Pause. Stärken: Mathematik und der "
        "Fußball-Wahlpflichtkurs. Die Schule stellt die Umschulung zurück, wenn sich bis "
        "zu den Sommerferien etwas ändert.",
        "Hausbesuch mit Muharem und den Eltern",
        -58,
    )
    f.contact(
        59,
        "16:00",
        _HOME,
        90,
        "Muharem, Nour, Rania und Khaled Al Zein, Dolmetscherin Frau Haddad, J. Petersen",
        _FLAT,
        "Muharem zuerst still, im Gespräch allein in seinem Zimmer offen: er will an der "
        "Schule bleiben, „wegen meinen Freunden“. Gemeinsam Ideen gesammelt: Hausaufgaben "
        "direkt nach dem Mittagessen am Küchentisch, fertig bis 18:00 Uhr; Nour hilft bei "
        "Englisch; der Vater fragt abends nach. Die Mutter weckt ihn um 6:45 Uhr.",
        "Eltern und Muharem schreiben ihr Anliegen in eigenen Worten auf",
        -45,
    )
    f.contact(
        45,
        "09:30",
        _OFFICE,
        75,
        "Muharem, Rania und Khaled Al Zein, Dolmetscherin Frau Haddad, J. Petersen",
        _OFFICE_ROOM,
        "Die Familie hat aufgeschrieben, was bis zu den Sommerferien gelten soll: "
        "a) Muharem macht seine Hausaufgaben jeden Tag vollständig und selbstständig bis "
        "18:00 Uhr; b) er ist jeden Tag von Anfang bis Ende in der Schule, bei Krankheit "
        "entschuldigen die Eltern ihn am selben Tag; c) er verhält sich respektvoll und "
        "friedlich gegenüber Mitschülern und Lehrkräften, besonders wenn Lehrkräfte ihn "
        "zu etwas auffordern, und in der Pause.",
        "Rückmeldung der Schule zu Fehlzeiten und Hausaufgaben einholen",
        -20,
    )
    f.contact(
        21,
        "11:15",
        _PHONE,
        15,
        "Frau Lorenz (Klassenlehrerin)",
        "Telefon",
        "Seit drei Wochen keine Fehltage mehr. Zweimal Streit in der Pause, einmal hat "
        "Muharem sich danach von selbst entschuldigt.",
        "Hilfeplangespräch in der Schule vorbereiten",
        -7,
    )
    f.correct(
        4,
        21,
        "11:15",
        _PHONE,
        20,
        "Frau Lorenz (Klassenlehrerin)",
        "Telefon",
        "Korrektur der Notiz vom selben Tag: seit drei Wochen keine unentschuldigten "
        "Fehltage mehr, zwei Krankheitstage wurden am selben Tag entschuldigt. Zweimal "
        "Streit in der Pause, einmal hat Muharem sich danach von selbst entschuldigt.",
        "Hilfeplangespräch in der Schule vorbereiten",
        -7,
    )
    f.contact(
        6,
        "17:45",
        _PHONE,
        10,
        "Khaled Al Zein",
        "Telefon",
        "Vater berichtet stolz: Hausaufgaben an vier von fünf Tagen vor 18:00 Uhr fertig. "
        "Muharem möchte beim Hilfeplangespräch selbst sagen, was gut läuft.",
        "Hilfeplangespräch mit Familie und Frau Lorenz in der Schule",
        9,
    )
    _al_zein_goals(f)
    return f


def _summer_holidays(after: dt.date) -> dt.date:
    """The first day of the summer holidays at least two months after ``after``."""
    year = after.year if after < dt.date(after.year, 5, 1) else after.year + 1
    return dt.date(year, 7, 9)


def _al_zein_goals(f: FamilyBuilder) -> None:
    """The domain document's example: Muharem stays at his school (agreed 45 days ago)."""
    agreed = f.day(45)
    summer = _summer_holidays(agreed)
    muharem, rania, khaled = "Muharem Al Zein", "Rania Al Zein", "Khaled Al Zein"
    f.goals = GoalDraft(
        concern="Muharem soll an seiner jetzigen Schule bleiben. Die Briefe der Schule wegen "
        "der Fehltage machen uns Sorgen.",
        concern_by="Khaled und Rania Al Zein (Eltern)",
        will="Muharem will an seiner Schule bleiben, „wegen meinen Freunden“. Die Eltern "
        "wollen, dass es zu Hause weniger Streit um die Schule gibt.",
        priority="Zuerst: Muharem ist jeden Tag in der Schule.",
        direction_goal=f"Wir Eltern und Muharem kennen und nutzen bis zu den Sommerferien "
        f"{summer.year} Wege, damit Muharem an seiner jetzigen Schule bleiben kann.",
        direction_people=f"{rania}, {khaled} und Muharem",
        action_goals=(
            ActionGoalDraft(
                text="Muharem macht seine Hausaufgaben jeden Tag vollständig und "
                "selbstständig bis 18:00 Uhr.",
                indicator="Das Hausaufgabenheft ist jeden Abend um 18:00 Uhr abgehakt; "
                "Frau Lorenz sagt freitags, ob etwas gefehlt hat.",
                due_on=summer,
                involved="Muharem; Nour hilft bei Englisch; der Vater fragt abends nach",
            ),
            ActionGoalDraft(
                text="Muharem ist jeden Tag von Anfang bis Ende in der Schule. Wenn er krank "
                "ist, entschuldigen ihn die Eltern am selben Tag.",
                indicator="Im Klassenbuch steht kein unentschuldigter Fehltag.",
                due_on=summer,
                involved="Muharem; die Mutter weckt ihn um 6:45 Uhr; die Eltern rufen bei "
                "Krankheit vor 8:00 Uhr im Sekretariat an",
            ),
            ActionGoalDraft(
                text="Muharem verhält sich respektvoll und friedlich gegenüber Mitschülern "
                "und Lehrkräften, besonders wenn Lehrkräfte ihn zu etwas auffordern, und in "
                "der Pause.",
                indicator="Frau Lorenz meldet keinen Streit und keine Beschwerde über "
                "Muharem; Muharem erzählt zu Hause, wie er einen Streit ohne Gewalt gelöst hat.",
                due_on=summer,
                involved="Muharem, Frau Lorenz (Klassenlehrerin)",
            ),
        ),
        resources=(
            ResourceDraft(
                ResourceKind.PERSONAL,
                "Muharem ist gut in Mathematik und spielt gern Fußball.",
                (0, 2),
            ),
            ResourceDraft(ResourceKind.SOCIAL, "Nour (17) hilft Muharem bei Englisch.", (0,)),
            ResourceDraft(
                ResourceKind.SOCIAL, "Der Vater fragt jeden Abend nach den Hausaufgaben.", (0,)
            ),
            ResourceDraft(
                ResourceKind.MATERIAL, "Ein fester Platz für die Hausaufgaben am Küchentisch.", (0,)
            ),
            ResourceDraft(ResourceKind.SOCIAL_SPACE, "Fußball-Wahlpflichtkurs der Schule.", (2,)),
            ResourceDraft(
                ResourceKind.SOCIAL_SPACE,
                "Hausaufgabenhilfe im Haus der Jugend Wilhelmsburg (montags und mittwochs).",
                (0,),
            ),
        ),
        steps=(
            StepDraft(rania, "weckt Muharem an jedem Schultag um 6:45 Uhr", agreed),
            StepDraft(
                khaled,
                "fragt Frau Lorenz nach einer kurzen Rückmeldung jeden Freitag",
                agreed + dt.timedelta(days=7),
            ),
            StepDraft(
                "Muharem",
                "schaut sich die Hausaufgabenhilfe im Haus der Jugend an",
                agreed + dt.timedelta(days=14),
            ),
        ),
        place=_OFFICE_ROOM,
        agreed_on=agreed,
        review_on=default_review_date(agreed),
        present=(muharem, rania, khaled),
        caseworker=f.caseworker,
    )
    f.goal_reviews.append(
        (
            1,
            ReviewInput(
                status=GoalStatus.PARTLY,
                reviewed_on=f.day(21),
                comment="Seit drei Wochen kein unentschuldigter Fehltag; zwei Krankheitstage "
                "wurden am selben Tag entschuldigt. Einmal kam Muharem zu spät.",
            ),
        )
    )


def _yilmaz(today: dt.date) -> FamilyBuilder:
    f = FamilyBuilder(
        today,
        "ASD-M-2023-0871",
        "Yılmaz",
        _AYDIN,
        240,
        "Familie mit zwei Kindern. Zunächst Beratung zur Kita-Eingewöhnung und zur "
        "Überforderung der Mutter; seit der Meldung der Grundschule Prüfung im Graubereich.",
    )
    addr = "Rotenhäuser Damm 12, 21107 Hamburg"
    f.person(
        "Şükrü",
        "Yılmaz",
        (_V, _S),
        age=(38, 9, 14),
        address=addr,
        phone="0176 5550 2290",
        languages="Türkisch, Deutsch",
    )
    f.person(
        "Ayşe",
        "Yılmaz",
        (_M, _S),
        age=(34, 2, 27),
        address=addr,
        phone="0157 5550 7712",
        languages="Türkisch",
        interpreter=True,
    )
    f.person("Doğan", "Yılmaz", (_K,), age=(9, 5, 30), address=addr, languages="Deutsch, Türkisch")
    f.person("Eylül", "Yılmaz", (_K,), age=(6, 10, 3), address=addr, languages="Türkisch, Deutsch")
    f.person(
        "Gül",
        "Arslan",
        (_P,),
        languages="Deutsch, Türkisch",
        institution="Kita Sonnenschein (Gruppenleitung)",
        phone="040 5550 4410",
    )
    f.person(
        "Thomas",
        "Berger",
        (_P,),
        institution="Grundschule am Park (Klassenlehrer)",
        phone="040 5550 6620",
    )
    f.person(
        "Hatice",
        "Kaya",
        (_R,),
        age=(61, 7, 7),
        languages="Türkisch",
        interpreter=True,
        address="Georg-Wilhelm-Straße 80, 21107 Hamburg",
    )
    f.area(
        Area.SERVICE,
        240,
        "Mutter wünscht Unterstützung bei der Eingewöhnung von Eylül in "
        "der Kita und im Alltag mit zwei Kindern.",
        _AYDIN,
    )
    f.area(
        Area.GREY,
        34,
        "Die Grundschule am Park meldet zweimal Hämatome an Doğans "
        "Oberarmen; der Vater räumt ein, ihn „fest gepackt“ zu haben. Prüfauftrag an die "
        "Eltern: Vorstellung beim Kinderarzt und Teilnahme am Elternkurs als Belege.",
        f"{_AYDIN} mit {_TEAMLEAD}",
    )
    f.contact(
        238,
        "10:00",
        _OFFICE,
        60,
        "Ayşe Yılmaz, Dolmetscher Herr Öztürk, M. Aydın",
        _OFFICE_ROOM,
        "Mutter erschöpft, Eylül weint bei jeder Trennung. Großmutter Hatice Kaya hilft "
        "vormittags. Wunsch: Eylül soll gern in die Kita gehen.",
        "Gespräch mit der Kita zur Eingewöhnung",
        -230,
    )
    f.contact(
        226,
        "08:30",
        _INST,
        30,
        "Frau Arslan (Kita Sonnenschein), Ayşe Yılmaz",
        "Kita Sonnenschein",
        "Verlängerte Eingewöhnung vereinbart: Großmutter bringt Eylül, die ersten zwei "
        "Wochen bleibt sie eine Stunde in der Gruppe.",
    )
    f.contact(
        150,
        "15:00",
        _HOME,
        60,
        "Ayşe und Şükrü Yılmaz, Eylül, Doğan, M. Aydın",
        _FLAT,
        "Eylül geht inzwischen gern in die Kita. Doğan zeigt stolz sein Zeugnis. Die "
        "Eltern streiten oft über Hausaufgaben; der Vater arbeitet im Schichtdienst.",
        "Nachfrage in drei Monaten",
        -60,
    )
    f.contact(
        35,
        "12:10",
        _PHONE,
        20,
        "Herr Berger (Grundschule am Park)",
        "Telefon",
        "Meldung: Doğan hatte zum zweiten Mal Hämatome an beiden Oberarmen; er sagt, der "
        "Papa habe ihn festgehalten, weil er nicht ins Bett wollte.",
        "Unangekündigter Hausbesuch noch heute",
        -35,
    )
    f.contact(
        35,
        "17:30",
        _SURPRISE,
        70,
        "Ayşe und Şükrü Yılmaz, Doğan, Eylül, M. Aydın, Kollegin K. Wolff",
        _FLAT,
        "Wohnung aufgeräumt, Kinder versorgt. Vater räumt ein, Doğan „fest gepackt“ zu "
        "haben, und ist selbst erschrocken. Doğan allein gesprochen: er fühlt sich zu "
        "Hause sicher, hat aber Angst, wenn der Vater laut wird.",
        "Kinderärztliche Untersuchung von Doğan nachweisen",
        -28,
    )
    f.contact(
        27,
        "10:00",
        _OFFICE,
        80,
        "Ayşe und Şükrü Yılmaz, Dolmetscher Herr Öztürk, M. Aydın",
        _OFFICE_ROOM,
        "Prüfauftrag besprochen und schriftlich ausgehändigt: Bescheinigung des "
        "Kinderarztes; Anmeldung zum Elternkurs „Starke Eltern – starke Kinder“ im KiFaZ. "
        "Der Vater will lernen, in Streitsituationen den Raum zu verlassen.",
        "Teilnahmebestätigung Elternkurs vorlegen",
        -5,
    )
    f.contact(
        12,
        "09:00",
        _LETTER,
        0,
        "",
        "Post",
        "Erinnerung an die Eltern: Teilnahmebestätigung des Elternkurses bitte bis zum "
        "vereinbarten Datum vorlegen; Kinderarztbescheinigung liegt vor, ohne Befund.",
        "Teilnahmebestätigung Elternkurs vorlegen",
        -5,
    )
    _yilmaz_council(f)
    return f


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def _yilmaz_council(f: FamilyBuilder) -> None:
    """A Familienrat about the evenings at home, 131 days ago, reviewed 40 days ago.

    The review finds the agreements partly kept and asks for another Folge-Rat,
    which is in its Vorbereitung now that the school's report has put the case
    into the Graubereich.
    """
    meeting = _at(f.day(131), 14)
    review_on = council_review_date(meeting)
    reviewed = review_on
    flat = "Rotenhäuser Damm 12, 21107 Hamburg"
    selin = "Selin Aksoy"
    org = "Stadtteilhilfe Wilhelmsburg e. V."
    contact = "Veringstraße 41, 21107 Hamburg\nTel. 040 5550 3170"
    place = "Bürgerhaus Wilhelmsburg, Mengestraße 20, 21107 Hamburg (Raum 3)"
    concern = (
        "Wir, das Jugendamt, machen uns Sorgen, weil es bei Familie Yılmaz abends oft laut "
        "wird, wenn es um Doğans Hausaufgaben geht, und Doğan Angst bekommt, wenn sein Vater "
        "schreit. Frau Yılmaz ist mit zwei Kindern und dem Schichtdienst ihres Mannes oft "
        "allein und erschöpft. Wir möchten, dass Doğan seine Nachmittage und Abende ruhig und "
        "ohne Angst verbringen kann."
    )
    preparation = PreparationInput(
        informed_on=f.day(150),
        family_interest=FamilyInterest.YES,
        moderator_name=selin,
        moderator_org=org,
        moderator_contact=contact,
        moderator_languages="Deutsch, Türkisch",
        concern=concern,
        minimum_requirements="Kein Kind wird geschlagen, geschubst oder fest gepackt – auch "
        "nicht im Streit.",
        consent_on=f.day(146),
        place=place,
        meeting_at=meeting,
        setting_food=True,
        setting_childcare=True,
        setting_interpreter=True,
        setting_notes="Oma Hatice kocht. Eylül und Doğan spielen nach der Information mit "
        "einer Betreuerin im Nebenraum. Herr Öztürk dolmetscht (Türkisch).",
        financing=Financing.SHA,
    )
    family, surroundings = ParticipantGroup.FAMILY, ParticipantGroup.SURROUNDINGS
    accepted = Invitation.ACCEPTED
    participants = (
        ParticipantInput(
            "Şükrü Yılmaz",
            family,
            "Vater",
            flat,
            "0176 5550 2290",
            "Türkisch, Deutsch",
            "Ayşe Yılmaz",
            accepted,
            attended=True,
        ),
        ParticipantInput(
            "Ayşe Yılmaz",
            family,
            "Mutter",
            flat,
            "0157 5550 7712",
            "Türkisch",
            "Şükrü Yılmaz",
            accepted,
            attended=True,
        ),
        ParticipantInput(
            "Hatice Kaya",
            family,
            "Großmutter, Mutter von Ayşe",
            "Georg-Wilhelm-Straße 80, 21107 Hamburg",
            "",
            "Türkisch",
            "Ayşe Yılmaz",
            accepted,
            attended=True,
        ),
        ParticipantInput(
            "Cem Yılmaz",
            family,
            "Onkel, Bruder von Şükrü",
            "Veringstraße 112, 21107 Hamburg",
            "0171 5550 8123",
            "Türkisch, Deutsch",
            "Şükrü Yılmaz",
            accepted,
            attended=True,
        ),
        ParticipantInput(
            "Renate Schüßler",
            surroundings,
            "Nachbarin",
            "Rotenhäuser Damm 14, 21107 Hamburg",
            "040 5550 1987",
            "Deutsch",
            "Ayşe Yılmaz",
            accepted,
            attended=True,
        ),
        ParticipantInput(
            "Thomas Berger",
            ParticipantGroup.PROFESSIONAL,
            "Klassenlehrer von Doğan",
            "Grundschule am Park, Am Park 3, 21107 Hamburg",
            "040 5550 6620",
            "Deutsch",
            "Koordination (Selin Aksoy)",
            accepted,
            attended=True,
        ),
    )
    homework = ProposalInput(
        what="Wenn Şükrü Spätschicht hat, macht Doğan seine Hausaufgaben dienstags und "
        "donnerstags von 15:00 bis 16:30 Uhr bei Oma Hatice.",
        who="Doğan, Hatice Kaya (Oma)",
        due_on=meeting.date() + dt.timedelta(days=3),
        how_checked="Oma Hatice hakt die Tage im Hausaufgabenheft ab; Herr Berger schaut "
        "freitags hinein.",
        fallback="Wenn Oma Hatice krank ist, geht Doğan zu Renate Schüßler nebenan.",
    )
    calm = ProposalInput(
        what="Wenn es laut wird, verlässt Şükrü den Raum und geht zehn Minuten hinaus, bevor "
        "er weiterredet.",
        who="Şükrü Yılmaz",
        due_on=meeting.date(),
        how_checked="Ayşe und Doğan sagen beim Folge-Rat, ob es geklappt hat; Cem fragt "
        "Şükrü jeden Sonntag danach.",
        fallback="Ayşe ruft Onkel Cem an; er kommt vorbei oder holt Doğan für den Abend zu sich.",
    )
    cafe = ProposalInput(
        what="Ayşe geht jeden Mittwoch um 9:30 Uhr ins Elterncafé im KiFaZ; Renate begleitet "
        "sie die ersten drei Male.",
        who="Ayşe Yılmaz, Renate Schüßler",
        due_on=meeting.date() + dt.timedelta(days=45),
        how_checked="Ayşe erzählt beim Folge-Rat, was sie dort erlebt hat.",
    )
    course = ProposalInput(
        what="Şükrü meldet sich zum Elternkurs „Starke Eltern – starke Kinder“ im KiFaZ an.",
        who="Şükrü Yılmaz; Cem hilft beim Anmeldebogen",
        due_on=meeting.date() + dt.timedelta(days=30),
        how_checked="Şükrü zeigt die Anmeldebestätigung beim Folge-Rat.",
    )
    proposals = (
        ProposalSpec(homework),
        ProposalSpec(
            ProposalInput(
                what="Şükrü bleibt ruhig, wenn es um die Hausaufgaben geht.",
                who="Şükrü Yılmaz",
                fallback=calm.fallback,
            ),
            improvement="Bitte genau sagen, was Şükrü tut, wenn es laut wird, und woran alle "
            "merken, dass es klappt.",
            improved=calm,
            accepted_note="Nachgebessert: was Şükrü genau tut, wenn es laut wird.",
        ),
        ProposalSpec(cafe),
        ProposalSpec(course),
    )

    def exact(p: ProposalInput, what: str = "") -> AgreementInput:
        return AgreementInput(
            what=what or p.what, who=p.who, due_on=p.due_on, how_checked=p.how_checked
        )

    f.council = CouncilSpec(
        preparation=preparation,
        participants=participants,
        information=InformationInput(
            concern_read=True,
            minimums_named=True,
            help_options="Elternkurs „Starke Eltern – starke Kinder“ im KiFaZ Wilhelmsburg "
            "(vorgestellt von Murat Aydın, ASD); Erziehungsberatung Wilhelmsburg; "
            "Hausaufgabenhilfe im Haus der Jugend (vorgestellt von Herrn Berger).",
            procedure_explained=True,
            info_started_at=meeting,
        ),
        family_phase=FamilyPhaseInput(
            start=_at(meeting.date(), 14, 50),
            end=_at(meeting.date(), 17, 20),
            no_professionals_present=True,
            proposals_source="moderator",
        ),
        proposals=proposals,
        decision=DecisionInput(
            approved=True,
            approved_by=_AYDIN,
            decision_notes="Alle Vorschläge angenommen, Vorschlag 2 nach Nachbesserung.",
            review_on=review_on,
        ),
        agreements=(
            (0, exact(homework)),
            (1, exact(calm, calm.what.replace("Şükrü", "Şükrü Yılmaz", 1))),
            (2, exact(cafe)),
            (3, exact(course)),
        ),
        hours=(
            HoursInput(CouncilActivity.PREPARATION, f.day(148), 2.5, "Erstgespräch"),
            HoursInput(CouncilActivity.PREPARATION, f.day(141), 4.0, "Gespräche mit dem Umfeld"),
            HoursInput(
                CouncilActivity.PREPARATION, f.day(136), 4.0, "Einladungen, Raum, Dolmetscher"
            ),
            HoursInput(CouncilActivity.MEETING, meeting.date(), 8.0, "Familienrat"),
            HoursInput(CouncilActivity.FOLLOW_UP, f.day(129), 3.0, "Protokoll"),
            HoursInput(CouncilActivity.FOLLOW_UP, reviewed, 5.0, "Folge-Rat"),
        ),
        letter_on=f.day(129),
        review=CouncilReviewSpec(
            reviewed_on=reviewed,
            items=(
                (
                    AgreementKept.KEPT,
                    "Klappt gut: Oma Hatice hat jeden Dienstag und Donnerstag abgehakt.",
                ),
                (
                    AgreementKept.PARTLY,
                    "Meist ja. Zweimal ist Şükrü geblieben und hat geschrien; danach hat er "
                    "sich bei Doğan entschuldigt.",
                ),
                (
                    AgreementKept.KEPT,
                    "Ayşe geht inzwischen allein hin und hat dort zwei Mütter kennengelernt.",
                ),
                (
                    AgreementKept.NOT_KEPT,
                    "Der Kurs im Sommer war voll; für den nächsten hat Şükrü sich noch nicht "
                    "angemeldet.",
                ),
            ),
            outcome=CouncilOutcome.ANOTHER,
            notes="Die Familie will die Abende weiter gemeinsam planen. Der nächste Folge-Rat "
            "klärt, wie Şükrü Hilfe bekommt, wenn er wütend wird, und wann er den Elternkurs "
            "macht.",
        ),
        follow_up=replace(
            preparation,
            informed_on=reviewed,
            consent_on=reviewed,
            concern=concern + " Seit der Meldung der Grundschule am Park (Hämatome an Doğans "
            "Oberarmen) prüfen wir außerdem, ob Doğan zu Hause sicher ist.",
            meeting_at=_at(f.today + dt.timedelta(days=12), 15),
        ),
        follow_up_participants=tuple(
            replace(p, invitation=Invitation.INVITED, attended=False) for p in participants[:5]
        ),
    )


def _wojcik(today: dt.date) -> FamilyBuilder:
    f = FamilyBuilder(
        today,
        "ASD-M-2024-0042",
        "Wójcik",
        _WOLFF,
        130,
        "Trennung der Eltern vor einem halben Jahr. Die Mutter wünscht Beratung zu Umgang und "
        "Betreuung von Kacper und zur Situation ihrer Tochter Zofia.",
    )
    addr = "Mannesallee 7, 21107 Hamburg"
    f.person(
        "Małgorzata",
        "Wójcik",
        (_M, _S),
        age=(32, 3, 3),
        address=addr,
        phone="0160 5550 3344",
        languages="Polnisch, Deutsch",
    )
    f.person(
        "Łukasz",
        "Wójcik",
        (_V, _S),
        age=(35, 12, 1),
        address="Fährstraße 22, 21107 Hamburg",
        phone="0162 5550 9012",
        languages="Polnisch",
        interpreter=True,
    )
    f.person("Kacper", "Wójcik", (_K,), age=(4, 8, 16), address=addr, languages="Polnisch, Deutsch")
    f.person(
        "Zofia", "Żak", (_K,), age=(15, 1, 9), address=addr, languages="Polnisch, Deutsch, Englisch"
    )
    f.person(
        "Heike", "Brandt", (_P,), institution="Kita Sonnenschein (Leitung)", phone="040 5550 4400"
    )
    f.area(
        Area.SERVICE,
        130,
        "Beratung bei Trennung und Scheidung (§ 17 SGB VIII), von der Mutter selbst angefragt.",
        _WOLFF,
    )
    f.contact(
        128,
        "14:00",
        _OFFICE,
        60,
        "Małgorzata Wójcik, K. Wolff",
        _OFFICE_ROOM,
        "Mutter berichtet von Streit um die Übergaben von Kacper. Zofia (15, Tochter aus "
        "erster Beziehung) zieht sich zurück und übernimmt oft die Betreuung ihres Bruders.",
        "Gespräch mit dem Vater mit Dolmetscher anbieten",
        -115,
    )
    f.contact(
        112,
        "18:00",
        _VIDEO,
        45,
        "Łukasz Wójcik, Dolmetscherin Frau Nowak, K. Wolff",
        "Videotermin",
        "Vater möchte Kacper jedes zweite Wochenende sehen; Übergaben an der Kita statt an "
        "der Wohnungstür könnten Streit vermeiden.",
        "Gemeinsames Elterngespräch",
        -95,
    )
    f.contact(
        96,
        "16:30",
        _OFFICE,
        90,
        "Małgorzata und Łukasz Wójcik, Dolmetscherin Frau Nowak, K. Wolff",
        _OFFICE_ROOM,
        "Umgangsregelung vereinbart: jedes zweite Wochenende Freitag bis Sonntag, Übergabe "
        "freitags an der Kita Sonnenschein. Beide unterschreiben.",
        "Nachfrage bei der Kita, ob die Übergaben klappen",
        -40,
    )
    f.contact(
        41,
        "09:15",
        _INST,
        20,
        "Frau Brandt (Kita Sonnenschein)",
        "Telefon",
        "Die Übergaben laufen ruhig. Kacper erzählt montags fröhlich vom Wochenende beim Papa.",
    )
    f.contact(
        15,
        "16:00",
        _HOME,
        60,
        "Małgorzata Wójcik, Zofia Żak, Kacper, K. Wolff",
        _FLAT,
        "Zofia allein gesprochen: sie wünscht sich mehr Zeit für sich und ihre Freundinnen "
        "und möchte nicht jeden Nachmittag auf Kacper aufpassen. Idee: Kacper zweimal pro "
        "Woche in den Spätdienst der Kita.",
        "Mit Mutter und Zofia Nachmittagsbetreuung klären",
        14,
    )
    return f


def _dvorak(today: dt.date) -> FamilyBuilder:
    f = FamilyBuilder(
        today,
        "ASD-M-2022-1290",
        "Dvořák",
        _PETERSEN,
        520,
        "Alleinerziehender Vater im Schichtdienst; Betreuung von Řehoř nach der Schule ungeklärt. "
        "Fall abgeschlossen, nachdem die Großmutter nach Hamburg gezogen ist.",
        closed_days_ago=300,
    )
    addr = "Vogelhüttendeich 3, 21107 Hamburg"
    f.person(
        "Jiří",
        "Dvořák",
        (_V, _S),
        age=(44, 4, 4),
        address=addr,
        phone="0171 5550 4477",
        languages="Tschechisch, Deutsch",
    )
    f.person(
        "Řehoř", "Dvořák", (_K,), age=(8, 6, 21), address=addr, languages="Deutsch, Tschechisch"
    )
    f.person(
        "Božena",
        "Dvořáková",
        (_R,),
        age=(70, 2, 11),
        address=addr,
        languages="Tschechisch",
        interpreter=True,
    )
    f.person(
        "Marek", "Hübner", (_P,), institution="Grundschule am Park (Ganztag)", phone="040 5550 6630"
    )
    f.area(
        Area.SERVICE, 520, "Vater bittet um Unterstützung bei der Nachmittagsbetreuung.", _PETERSEN
    )
    f.contact(
        518,
        "08:00",
        _OFFICE,
        45,
        "Jiří Dvořák, J. Petersen",
        _OFFICE_ROOM,
        "Vater arbeitet im Schichtdienst im Hafen, Řehoř ist nach der Schule oft allein. "
        "Die Großmutter in Plzeň könnte nach Hamburg kommen.",
        "Ganztagsplatz an der Grundschule am Park anfragen",
        -500,
    )
    f.contact(
        505,
        "12:00",
        _INST,
        30,
        "Herr Hübner (Ganztag), J. Petersen",
        "Grundschule am Park",
        "Ganztagsplatz bis 16:00 Uhr ab nächstem Monat zugesagt.",
    )
    f.contact(
        400,
        "17:00",
        _HOME,
        60,
        "Jiří Dvořák, Řehoř, Božena Dvořáková, J. Petersen",
        _FLAT,
        "Die Großmutter wohnt seit zwei Wochen mit in der Wohnung und holt Řehoř ab. "
        "Řehoř zeigt seine Lego-Stadt und erzählt von seinem Freund aus dem Ganztag.",
        "Abschlussgespräch",
        -310,
    )
    f.contact(
        302,
        "09:30",
        _OFFICE,
        30,
        "Jiří Dvořák, J. Petersen",
        _OFFICE_ROOM,
        "Abschlussgespräch: Betreuung gesichert, Vater zufrieden. Fall wird abgeschlossen; "
        "Vater weiß, dass er sich jederzeit wieder melden kann.",
    )
    return f


def _schneider(today: dt.date) -> FamilyBuilder:
    f = FamilyBuilder(
        today,
        "ASD-M-2024-0377",
        "Schneider",
        _PETERSEN,
        125,
        "Junge Mutter mit zwei kleinen Kindern, nach der Geburt von Mia überfordert. Nach "
        "Meldung der Nachbarin und unangekündigtem Hausbesuch Gefährdungsbereich; Schutzplan "
        "mit Auflagen.",
    )
    addr = "Neuhöfer Straße 19, 3. OG, 21107 Hamburg"
    f.person("Sandra", "Schneider", (_M, _S), age=(24, 8, 30), address=addr, phone="0152 5550 6161")
    f.person("Leon", "Schneider", (_K,), age=(3, 9, 9), address=addr)
    f.person("Mia", "Schneider", (_K,), age=(1, 2, 15), address=addr)
    f.person("Dennis", "Krause", (_O,), age=(27, 5, 5), address=addr, phone="0173 5550 2020")
    f.person(
        "Ingrid",
        "Paulsen",
        (_N,),
        age=(72, 10, 10),
        address="Neuhöfer Straße 19, 3. OG, 21107 Hamburg",
    )
    f.person("Anke", "Vogt", (_P,), institution="Kinderarztpraxis am Markt", phone="040 5550 7700")
    f.person(
        "Heike", "Brandt", (_P,), institution="Kita Sonnenschein (Leitung)", phone="040 5550 4400"
    )
    f.area(
        Area.SERVICE,
        125,
        "Mutter wünscht nach der Geburt Unterstützung; Familienhebamme vermittelt.",
        _PETERSEN,
    )
    f.area(
        Area.GREY,
        48,
        "Kita meldet: Leon mehrfach ohne Frühstück und ungewaschen, Mutter "
        "sagt Termine beim Kinderarzt ab. Prüfauftrag: U-Untersuchungen nachweisen.",
        f"{_PETERSEN} mit {_TEAMLEAD}",
    )
    # The Gefährdungsbereich follows from the Gefährdungseinschätzung (see _INSTRUMENTS).
    f.contact(
        123,
        "11:00",
        _HOME,
        60,
        "Sandra Schneider, Mia, Familienhebamme, J. Petersen",
        _FLAT,
        "Mutter müde, aber zugewandt zu Mia. Leon spielt ruhig. Familienhebamme kommt "
        "einmal pro Woche.",
        "Nachfrage bei der Familienhebamme",
        -90,
    )
    f.contact(
        50,
        "08:15",
        _INST,
        20,
        "Frau Brandt (Kita Sonnenschein)",
        "Telefon",
        "Leon kam in drei Wochen sechsmal ohne Frühstück und in nasser Kleidung. Mutter "
        "hat zwei Elterngespräche abgesagt.",
        "Gespräch mit der Mutter im Amt",
        -45,
    )
    f.contact(
        46,
        "10:00",
        _OFFICE,
        60,
        "Sandra Schneider, Dennis Krause, J. Petersen",
        _OFFICE_ROOM,
        "Prüfauftrag erklärt und ausgehändigt: U-Untersuchungen von Leon und Mia bis Ende "
        "des Monats nachweisen; Leon täglich gewaschen und mit Frühstück in die Kita.",
        "U-Hefte vorlegen",
        -16,
    )
    f.contact(
        13,
        "21:40",
        _SURPRISE,
        120,
        "Leon, Mia, Polizei (zwei Beamte), Frau Paulsen (Nachbarin), J. Petersen, Rufbereitschaft",
        _FLAT,
        "Kinder allein in der Wohnung, Mia schreiend im Gitterbett, Leon im Flur. Mutter "
        "nach 40 Minuten telefonisch erreicht, kam nach einer Stunde. Kinder unverletzt. "
        "Frau Paulsen übernimmt die Nacht mit in der Wohnung; Mutter sagt Kooperation zu.",
        "Schutzplan im Amt, morgen 9 Uhr",
        -12,
    )
    f.contact(
        12,
        "09:00",
        _OFFICE,
        90,
        "Sandra Schneider, Dennis Krause, J. Petersen, C. Krüger (Teamleitung)",
        _OFFICE_ROOM,
        "Schutzplan vereinbart (Auflagen): die Kinder werden nie allein gelassen; Leon geht "
        "täglich in die Kita; Mia wird in der Kinderarztpraxis vorgestellt; "
        "Sozialpädagogische Familienhilfe ab nächster Woche; bei Verstoß Inobhutnahme.",
        "Vorstellung Mia in der Kinderarztpraxis nachweisen",
        -4,
    )
    f.contact(
        5,
        "15:30",
        _PHONE,
        10,
        "Frau Dr. Vogt (Kinderarztpraxis am Markt)",
        "Telefon",
        "Mia vorgestellt, altersgerecht entwickelt, leichte Windeldermatitis.",
        "Kita-Anwesenheit der letzten Woche einholen",
        -2,
    )
    return f


def _meier(today: dt.date) -> FamilyBuilder:
    f = FamilyBuilder(
        today,
        "ASD-M-2023-0502",
        "Meier",
        _WOLFF,
        310,
        "Jonas (11) hat heftige Wutausbrüche, zu Hause und im Sportverein. Die Eltern möchten, "
        "dass es beim Abendessen wieder ruhig zugeht.",
    )
    addr = "Krieterstraße 5, 21109 Hamburg"
    f.person("Jonas", "Meier", (_K,), age=(11, 3, 12), address=addr)
    f.person("Emma", "Meier", (_K,), age=(7, 12, 24), address=addr)
    f.person("Petra", "Meier", (_M, _S), age=(39, 7, 1), address=addr, phone="040 5550 1212")
    f.person("Frank", "Meier", (_V, _S), age=(42, 11, 11), address=addr, phone="0170 5550 3434")
    f.person("Gisela", "Meier", (_R,), age=(68, 5, 17), address="Kirchdorfer Straße 90")
    f.person("Stefan", "Albers", (_P,), institution="Erziehungsberatungsstelle Mitte")
    f.area(
        Area.SERVICE, 310, "Eltern bitten um Beratung; Anliegen der Familie klar benannt.", _WOLFF
    )
    f.contact(
        308,
        "15:00",
        _OFFICE,
        60,
        "Petra und Frank Meier, K. Wolff",
        _OFFICE_ROOM,
        "Jonas wirft Gegenstände, wenn er beim Spielen verliert. Oma Gisela ist eine "
        "wichtige Bezugsperson; bei ihr ist Jonas ruhig.",
        "Hausbesuch mit Jonas und Emma",
        -290,
    )
    f.contact(
        294,
        "16:30",
        _HOME,
        75,
        "Familie Meier, Oma Gisela, K. Wolff",
        _FLAT,
        "Ideen der Familie gesammelt: feste „Auszeit-Ecke“, Fußballtraining zweimal pro "
        "Woche, samstags Zeit allein mit dem Vater. Emma wünscht sich, dass Jonas nicht "
        "mehr ihre Bilder zerreißt.",
        "Termin Erziehungsberatung vermitteln",
        -270,
    )
    f.contact(
        260,
        "10:00",
        _INST,
        30,
        "Herr Albers (Erziehungsberatungsstelle), K. Wolff",
        "Telefon",
        "Erstgespräch der Eltern bei der Erziehungsberatung ist vereinbart.",
    )
    f.contact(
        120,
        "16:00",
        _HOME,
        60,
        "Petra, Frank, Jonas und Emma Meier, K. Wolff",
        _FLAT,
        "Seit zwei Monaten kein Wutausbruch beim Abendessen. Jonas ist stolz auf seinen "
        "Stammplatz in der D-Jugend.",
        "Nachfrage vor den Sommerferien",
        -30,
    )
    f.contact(
        28,
        "19:00",
        _PHONE,
        15,
        "Petra Meier",
        "Telefon",
        "Mutter meldet sich: nach einem Streit in der Schule wieder zwei Ausbrüche. Sie "
        "überlegt, ob ein Familienrat mit Oma und Onkel helfen könnte.",
        "Familienrat erklären und Koordinatorin anfragen",
        5,
    )
    return f


def _hoffmann(today: dt.date) -> FamilyBuilder:
    f = FamilyBuilder(
        today,
        "ASD-M-2022-0716",
        "Hoffmann",
        _AYDIN,
        640,
        "Trennungs- und Umgangsberatung. Nach einer schriftlichen Umgangsvereinbarung "
        "abgeschlossen.",
        closed_days_ago=480,
    )
    f.person("Lena", "Hoffmann", (_K,), age=(7, 4, 28), address="Zeidlerstraße 14, 21107 Hamburg")
    f.person(
        "Katrin",
        "Hoffmann",
        (_M, _S),
        age=(33, 6, 2),
        address="Zeidlerstraße 14, 21107 Hamburg",
        phone="0176 5550 5656",
    )
    f.person(
        "Markus",
        "Hoffmann",
        (_V, _S),
        age=(36, 9, 19),
        address="Harburger Ring 3, 21073 Hamburg",
        phone="0160 5550 7878",
    )
    f.area(
        Area.SERVICE,
        640,
        "Beratung in Fragen von Trennung und Umgang (§§ 17, 18 SGB VIII).",
        _AYDIN,
    )
    f.contact(
        636,
        "09:00",
        _OFFICE,
        60,
        "Katrin Hoffmann, M. Aydın",
        _OFFICE_ROOM,
        "Mutter möchte, dass Lena ihren Vater regelmäßig sieht, aber ohne Streit bei der Übergabe.",
        "Einzelgespräch mit dem Vater",
        -620,
    )
    f.contact(
        615,
        "17:00",
        _OFFICE,
        45,
        "Markus Hoffmann, M. Aydın",
        _OFFICE_ROOM,
        "Vater wünscht Mittwochnachmittage und jedes zweite Wochenende.",
    )
    f.contact(
        560,
        "16:00",
        _OFFICE,
        90,
        "Katrin und Markus Hoffmann, M. Aydın",
        _OFFICE_ROOM,
        "Umgangsvereinbarung schriftlich festgehalten und von beiden unterschrieben.",
        "Nachfrage nach drei Monaten",
        -470,
    )
    f.contact(
        482,
        "10:30",
        _PHONE,
        15,
        "Katrin Hoffmann",
        "Telefon",
        "Umgang läuft verlässlich; Lena freut sich auf die Mittwoche. Fall wird abgeschlossen.",
    )
    return f


def _demir(today: dt.date) -> FamilyBuilder:
    f = FamilyBuilder(
        today,
        "ASD-M-2024-0215",
        "Demir",
        _AYDIN,
        90,
        "Elif (15) geht seit Wochen nicht zur Schule und zieht sich zurück. Die Mutter ist "
        "alleinerziehend und arbeitet in zwei Jobs.",
    )
    addr = "Thielenstraße 2, 21109 Hamburg"
    f.person(
        "Emine",
        "Demir",
        (_M, _S),
        age=(44, 3, 21),
        address=addr,
        phone="0151 5550 9494",
        languages="Türkisch, Deutsch",
    )
    f.person("Elif", "Demir", (_K,), age=(15, 7, 13), address=addr, languages="Deutsch, Türkisch")
    f.person(
        "Mehmet",
        "Demir",
        (_R,),
        age=(49, 1, 30),
        languages="Türkisch, Deutsch",
        address="Wilhelmsburger Reichsstraße 140",
    )
    f.person(
        "Nadine",
        "Şahin",
        (_P,),
        institution="Stadtteilschule am Hafen (Schulsozialarbeit)",
        phone="040 5550 8080",
        languages="Deutsch, Türkisch",
    )
    f.area(Area.SERVICE, 90, "Schulsozialarbeit vermittelt; Mutter wünscht Beratung.", _AYDIN)
    f.area(
        Area.GREY,
        30,
        "Elif seit acht Wochen nicht in der Schule, Hinweise auf Rückzug und "
        "depressive Stimmung. Auftrag an die Mutter: Vorstellung in der Kinder- und "
        "Jugendpsychiatrie und Kontakt zur Schule halten.",
        f"{_AYDIN} mit {_TEAMLEAD}",
    )
    f.contact(
        88,
        "14:00",
        _INST,
        40,
        "Frau Şahin (Schulsozialarbeit), M. Aydın",
        "Stadtteilschule am Hafen",
        "Elif seit den Ferien fast nie in der Schule; früher gute Noten. Eine Freundin "
        "berichtet, Elif schlafe tagsüber und sei nachts online.",
        "Hausbesuch anbieten",
        -80,
    )
    f.contact(
        79,
        "17:30",
        _HOME,
        60,
        "Emine Demir, Elif, M. Aydın",
        _FLAT,
        "Elif kommt erst nach 20 Minuten aus ihrem Zimmer, sagt kaum etwas. Mutter weint, "
        "fühlt sich allein gelassen. Onkel Mehmet könnte morgens Elif zur Schule bringen.",
        "Gespräch mit Elif allein, an einem Ort ihrer Wahl",
        -60,
    )
    f.contact(
        61,
        "16:00",
        _OFFICE,
        45,
        "Elif Demir, M. Aydın",
        "Café im Bürgerhaus Wilhelmsburg",
        "Elif erzählt von Mobbing in einer Klassen-Chatgruppe. Sie will „irgendwann“ "
        "wieder zur Schule, aber nicht in ihre alte Klasse.",
        "Klassenwechsel mit Schule besprechen",
        -45,
    )
    f.contact(
        31,
        "11:00",
        _OFFICE,
        60,
        "Emine Demir, Mehmet Demir, M. Aydın",
        _OFFICE_ROOM,
        "Auftrag besprochen: Termin in der Kinder- und Jugendpsychiatrie vereinbaren und "
        "Bestätigung vorlegen; Onkel Mehmet begleitet Elif morgens.",
        "Terminbestätigung Kinder- und Jugendpsychiatrie vorlegen",
        -3,
    )
    f.contact(
        9,
        "08:10",
        _PHONE,
        5,
        "Frau Şahin (Schulsozialarbeit)",
        "Telefon",
        "Elif war an drei Tagen in der neuen Klasse, jeweils bis zur vierten Stunde.",
        "Terminbestätigung Kinder- und Jugendpsychiatrie vorlegen",
        -3,
    )
    return f


def _popescu(today: dt.date) -> FamilyBuilder:
    f = FamilyBuilder(
        today,
        "ASD-M-2024-0630",
        "Popescu",
        _WOLFF,
        55,
        "Familie seit einem Jahr in Hamburg, wohnt beengt bei Bekannten. Sucht Wohnung und "
        "Kita-Platz für Ana.",
    )
    addr = "Weimarer Straße 60, bei Stan, 21107 Hamburg"
    f.person(
        "Ionuț",
        "Popescu",
        (_V, _S),
        age=(31, 10, 30),
        address=addr,
        phone="0157 5550 1919",
        languages="Rumänisch, etwas Deutsch",
        interpreter=True,
    )
    f.person(
        "Andreea",
        "Popescu",
        (_M, _S),
        age=(29, 2, 2),
        address=addr,
        languages="Rumänisch",
        interpreter=True,
    )
    f.person(
        "Ștefan", "Popescu", (_K,), age=(5, 12, 12), address=addr, languages="Rumänisch, Deutsch"
    )
    f.person("Ana", "Popescu", (_K,), age=(2, 6, 6), address=addr, languages="Rumänisch")
    f.area(Area.SERVICE, 55, "Familie fragt selbst nach Hilfe bei Wohnung und Kita-Platz.", _WOLFF)
    f.contact(
        54,
        "10:00",
        _OFFICE,
        75,
        "Ionuț und Andreea Popescu, Dolmetscherin Frau Stoica, K. Wolff",
        _OFFICE_ROOM,
        "Sechs Personen in zwei Zimmern. Ștefan geht in die Vorschule und spricht schon "
        "gut Deutsch. Wunsch: eigene Wohnung und Kita für Ana.",
        "Kita-Gutschein und Wohnungsvermittlung",
        -40,
    )
    f.contact(
        40,
        "09:00",
        _LETTER,
        0,
        "",
        "Post",
        "Einladung zum Beratungstermin bei der Fachstelle für Wohnungsnotfälle "
        "verschickt, mit rumänischer Übersetzung.",
    )
    f.contact(
        20,
        "15:00",
        _HOME,
        45,
        "Andreea Popescu, Ana, Ștefan, K. Wolff",
        "Wohnung Stan",
        "Kita-Gutschein liegt vor; die Kita Sonnenschein hat ab nächsten Monat einen "
        "Platz für Ana.",
        "Wohnungsbesichtigung begleiten",
        6,
    )
    return f


def _nguyen(today: dt.date) -> FamilyBuilder:
    f = FamilyBuilder(
        today,
        "ASD-M-2023-0988",
        "Nguyễn",
        _PETERSEN,
        200,
        "Mutter arbeitet nachts in der Gastronomie; Minh (10) versorgt abends seine kleine "
        "Schwester. Die Mutter möchte, dass Minh Zeit für sich und die Schule hat.",
    )
    addr = "Georg-Wilhelm-Straße 201, 21107 Hamburg"
    f.person(
        "Thị Lan",
        "Nguyễn",
        (_M, _S),
        age=(36, 8, 8),
        address=addr,
        phone="0176 5550 3030",
        languages="Vietnamesisch",
        interpreter=True,
    )
    f.person(
        "Minh", "Nguyễn", (_K,), age=(10, 1, 17), address=addr, languages="Deutsch, Vietnamesisch"
    )
    f.person(
        "Linh", "Nguyễn", (_K,), age=(4, 11, 28), address=addr, languages="Vietnamesisch, Deutsch"
    )
    f.person(
        "Bảo",
        "Trần",
        (_R,),
        age=(40, 3, 3),
        languages="Vietnamesisch, Deutsch",
        address="Veddeler Damm 4, 20539 Hamburg",
    )
    f.area(Area.SERVICE, 200, "Mutter wünscht Entlastung bei der Abendbetreuung.", _PETERSEN)
    f.contact(
        198,
        "11:00",
        _OFFICE,
        60,
        "Thị Lan Nguyễn, Dolmetscher Herr Phạm, J. Petersen",
        _OFFICE_ROOM,
        "Mutter arbeitet von 17 bis 1 Uhr. Minh bringt Linh ins Bett. Cousin Bảo Trần "
        "könnte zwei Abende übernehmen.",
        "Betreuung über den Cousin klären",
        -180,
    )
    f.contact(
        170,
        "18:30",
        _HOME,
        45,
        "Minh, Linh, Bảo Trần, J. Petersen",
        _FLAT,
        "Bảo ist dienstags und donnerstags da. Minh macht Hausaufgaben, Linh schläft um 19:30 Uhr.",
        "Nachfrage im Haus der Jugend (OKJA) für Minh",
        -120,
    )
    f.contact(
        110,
        "15:00",
        _INST,
        30,
        "Haus der Jugend Kirchdorf, J. Petersen",
        "Telefon",
        "Minh kann montags und mittwochs zur Hausaufgabenhilfe im Haus der Jugend kommen.",
    )
    f.contact(
        17,
        "10:30",
        _OFFICE,
        45,
        "Thị Lan Nguyễn, Dolmetscher Herr Phạm, J. Petersen",
        _OFFICE_ROOM,
        "Mutter hat eine Tagschicht in Aussicht. Minh geht gern in die Hausaufgabenhilfe.",
        "Rückmeldung zur Tagschicht",
        20,
    )
    return f


def _osei(today: dt.date) -> FamilyBuilder:
    f = FamilyBuilder(
        today,
        "ASD-M-2024-0154",
        "Osei",
        _WOLFF,
        160,
        "Kofi (12) ist neu an der Schule, spricht noch wenig Deutsch und hat keine Freunde. "
        "Die Eltern wünschen sich Anschluss für ihn im Stadtteil.",
    )
    addr = "Karl-Arnold-Ring 9, 21109 Hamburg"
    f.person(
        "Kwame",
        "Osei",
        (_V, _S),
        age=(40, 5, 20),
        address=addr,
        languages="Englisch, Twi",
        phone="0152 5550 4545",
    )
    f.person("Abena", "Osei", (_M, _S), age=(36, 9, 1), address=addr, languages="Englisch, Twi")
    f.person("Kofi", "Osei", (_K,), age=(12, 2, 14), address=addr, languages="Englisch, Deutsch")
    f.person("Ama", "Osei", (_K,), age=(5, 7, 25), address=addr, languages="Englisch, Twi")
    f.person(
        "Jan",
        "Möller",
        (_P,),
        institution="Haus der Jugend Kirchdorf (OKJA)",
        phone="040 5550 9191",
    )
    f.area(
        Area.SERVICE,
        160,
        "Eltern möchten Unterstützung bei der Eingliederung ihres Sohnes.",
        _WOLFF,
    )
    f.contact(
        158,
        "16:00",
        _OFFICE,
        60,
        "Kwame und Abena Osei, Kofi, K. Wolff",
        _OFFICE_ROOM,
        "Gespräch auf Englisch. Kofi spielt in Ghana Fußball im Verein und vermisst es.",
        "Fußballverein und Haus der Jugend anfragen",
        -140,
    )
    f.contact(
        140,
        "14:00",
        _INST,
        30,
        "Herr Möller (Haus der Jugend), K. Wolff",
        "Telefon",
        "Herr Möller lädt Kofi zum Fußball-Mittwoch ein; ein älterer Jugendlicher spricht "
        "Twi und kann ihn mitnehmen.",
    )
    f.contact(
        70,
        "17:00",
        _HOME,
        45,
        "Familie Osei, K. Wolff",
        _FLAT,
        "Kofi geht zweimal pro Woche ins Haus der Jugend und hat zwei Freunde. Ama fragt, "
        "ob sie auch mitdarf.",
        "Abschluss in drei Monaten prüfen",
        -8,
    )
    return f


def _becker(today: dt.date) -> FamilyBuilder:
    f = FamilyBuilder(
        today,
        "ASD-M-2021-0333",
        "Becker",
        _PETERSEN,
        1100,
        "Tim (9) lebt bei seinen Großeltern (Verwandtenpflege); die Mutter ist in Therapie und "
        "sieht Tim jeden Samstag.",
    )
    addr = "Kirchdorfer Damm 27, 21109 Hamburg"
    f.person("Tim", "Becker", (_K,), age=(9, 10, 19), address=addr)
    f.person("Heinz", "Becker", (_R, _S), age=(67, 1, 4), address=addr, phone="040 5550 2727")
    f.person("Ursula", "Becker", (_R, _S), age=(65, 8, 14), address=addr)
    f.person(
        "Jessica",
        "Becker",
        (_M,),
        age=(28, 3, 8),
        address="Reiherstieg 5, 21107 Hamburg",
        phone="0176 5550 0909",
    )
    f.area(
        Area.GREY,
        1100,
        "Mutter suchtkrank, Tim mehrfach unversorgt; Auftrag: Entzug und "
        "Betreuung durch die Großeltern.",
        f"{_PETERSEN} mit {_TEAMLEAD}",
    )
    f.area(
        Area.SERVICE,
        700,
        "Tim lebt stabil bei den Großeltern, die Mutter ist abstinent und "
        "in Therapie; Verwandtenpflege als Hilfe zur Erziehung (§ 33 SGB VIII).",
        _PETERSEN,
    )
    f.contact(
        1098,
        "10:00",
        _HOME,
        90,
        "Heinz und Ursula Becker, Tim, J. Petersen",
        _FLAT,
        "Tim hat ein eigenes Zimmer bei den Großeltern; sie möchten ihn dauerhaft aufnehmen.",
        "Antrag Vollzeitpflege bei Verwandten",
        -1080,
    )
    f.contact(
        720,
        "14:00",
        _OFFICE,
        60,
        "Jessica Becker, J. Petersen",
        _OFFICE_ROOM,
        "Mutter seit sechs Monaten abstinent, sieht Tim samstags bei den Großeltern.",
    )
    f.contact(
        380,
        "15:00",
        _HOME,
        60,
        "Familie Becker, Jessica Becker, J. Petersen",
        _FLAT,
        "Hilfeplangespräch vorbereitet: Tim wünscht sich, dass die Mama auch zu seinem "
        "Fußballturnier kommt.",
        "Hilfeplangespräch",
        -350,
    )
    f.contact(
        40,
        "16:00",
        _HOME,
        60,
        "Heinz und Ursula Becker, Tim, J. Petersen",
        _FLAT,
        "Großvater nach Knie-OP eingeschränkt; Nachbarn helfen beim Bringen zur Schule.",
        "Hilfeplan fortschreiben",
        -10,
    )
    return f


# --- Kollegiale Beratungen of the hand-written families ------------------------------------

_P_, _U_, _S_, _F_ = (
    IdeaSource.PERSON,
    IdeaSource.SURROUNDINGS,
    IdeaSource.SOCIAL_SPACE,
    IdeaSource.PROFESSIONAL,
)
_TEAM = "Jana Petersen, Murat Aydın, Katharina Wolff, Claudia Krüger (Teamleitung)"


def _al_zein_consultation(f: FamilyBuilder) -> ConsultationSpec:
    return ConsultationSpec(
        held_on=f.day(20),
        presenter=_PETERSEN,
        participants=_TEAM,
        ideas=(
            (_P_, "Muharem schreibt sich selbst einen Wochenplan für die Hausaufgaben.", True),
            (_U_, "Onkel Karim übt dienstags und donnerstags Mathe mit Muharem.", True),
            (_S_, "Hausaufgabenhilfe im KiFaZ Wilhelmsburg, montags bis donnerstags.", True),
            (_S_, "Fußball im Verein als Ausgleich, wenn die Hausaufgaben fertig sind.", False),
            (_F_, "Lernförderung über das Bildungs- und Teilhabepaket.", False),
        ),
        selection="Wochenplan, Onkel Karim und die Hausaufgabenhilfe im KiFaZ; keine "
        "Hilfe zur Erziehung.",
        needs=("Hausaufgabenhilfe am Nachmittag",),
    )


def _demir_consultation(f: FamilyBuilder) -> ConsultationSpec:
    return ConsultationSpec(
        held_on=f.day(25),
        presenter=_AYDIN,
        participants=_TEAM,
        family_goals="Mündlich vereinbart: Elif geht nach den Herbstferien wieder jeden Tag "
        "zur Schule; Frau Demir und Elif reden jeden Abend zehn Minuten miteinander.",
        ideas=(
            (_P_, "Elif sucht sich aus, mit welchem Fach sie wieder anfängt.", True),
            (_U_, "Onkel Mehmet bringt Elif in der ersten Woche morgens zur Schule.", True),
            (_S_, "Mädchentreff im Haus der Jugend, dienstags am Abend.", True),
            (_F_, "Erziehungsbeistand für Elif, zunächst für sechs Monate.", True),
            (_F_, "Vorstellung in der Kinder- und Jugendpsychiatrie.", True),
        ),
        selection="Onkel Mehmet und der Mädchentreff zuerst; dazu ein Erziehungsbeistand "
        "und die Vorstellung in der Kinder- und Jugendpsychiatrie.",
        hze_kind="Erziehungsbeistand (§ 30 SGB VIII)",
        needs=(
            "Familiencafé im Stadtteil",
            "Offener Mädchentreff am Abend",
            "Hausaufgabenhilfe am Nachmittag",
        ),
        printed=True,
    )


def _schneider_consultation(f: FamilyBuilder) -> ConsultationSpec:
    return ConsultationSpec(
        held_on=f.day(40),
        presenter=_PETERSEN,
        participants=_TEAM,
        family_goals="Noch keine Zielvereinbarung: Frau Schneider möchte, dass Leon und Mia "
        "gut versorgt sind und sie selbst wieder schlafen kann.",
        ideas=(
            (_P_, "Frau Schneider legt sich mittags mit Mia hin.", True),
            (_U_, "Nachbarin Frau Paulsen nimmt Leon zweimal die Woche für eine Stunde.", True),
            (_S_, "Krabbelgruppe im Elternschule-Café am Vormittag.", False),
            (_F_, "Sozialpädagogische Familienhilfe mit sechs Stunden pro Woche.", True),
        ),
        selection="Mittagsschlaf, Frau Paulsen und eine Sozialpädagogische Familienhilfe.",
        hze_kind="Sozialpädagogische Familienhilfe (§ 31 SGB VIII)",
        needs=(
            "familiencafé  im Stadtteil",
            "Krabbelgruppe am Vormittag",
            "Stundenweise Kinderbetreuung zur Entlastung",
        ),
    )


def _demir_instruments(f: FamilyBuilder) -> InstrumentSpec:
    """Graubereich: an Überprüfung with Belege and an Abwenden-Auftrag (overdue)."""
    to = "Emine Demir"
    return InstrumentSpec(
        mandates=(
            MandateSpec(
                MandateInput(
                    MandateKind.CHECK,
                    f.day(30),
                    f.today + dt.timedelta(days=5),
                    "Elif wird in der Kinder- und Jugendpsychiatrie vorgestellt; Sie zeigen "
                    "uns, dass die Behandlung begonnen hat.",
                    evidence_required="Terminbestätigung und Bescheinigung der Kinder- und "
                    "Jugendpsychiatrie über das Erstgespräch",
                    risk="Elif ist seit acht Wochen nicht in der Schule, zieht sich zurück "
                    "und wirkt niedergeschlagen.",
                    consequence="Ohne Nachweis nehmen wir im Team eine Gefährdungseinschätzung "
                    "vor.",
                    how_checked="Bescheinigung; Gespräch mit Elif und Frau Demir im Büro",
                    addressed_to=to,
                ),
                evidence=(
                    EvidenceInput(f.day(9), "Terminbestätigung der KJP für das Erstgespräch"),
                ),
                letter=True,
            ),
            MandateSpec(
                MandateInput(
                    MandateKind.AVERT,
                    f.day(30),
                    f.day(3),
                    "Elif geht ab sofort an jedem Schultag zur Schule. Fehlt sie, ruft Frau "
                    "Demir bis 8 Uhr in der Schule an.",
                    risk="Elif verliert den Anschluss und droht die Schule abzubrechen.",
                    consequence="Verschlechtert sich die Lage, folgen verbindliche Auflagen.",
                    how_checked="Anwesenheitsliste der Schulsozialarbeit (Frau Şahin)",
                    addressed_to=to,
                ),
            ),
        )
    )


def _schneider_instruments(f: FamilyBuilder) -> InstrumentSpec:
    """Graubereich Prüfauftrag not fulfilled, then § 8a assessment and two Auflagen."""
    to = "Sandra Schneider"
    return InstrumentSpec(
        mandates=(
            MandateSpec(
                MandateInput(
                    MandateKind.CHECK,
                    f.day(48),
                    f.day(20),
                    "Sie weisen nach, dass Leon und Mia zu den Vorsorgeuntersuchungen beim "
                    "Kinderarzt waren.",
                    evidence_required="Gelbe Untersuchungshefte (U7 für Leon, U6 für Mia)",
                    risk="Die Kita berichtet, Leon komme ohne Frühstück und ungewaschen.",
                    consequence="Ohne Nachweis Gefährdungseinschätzung im Team.",
                    addressed_to=to,
                ),
                outcome=OutcomeInput(
                    MandateStatus.NOT_FULFILLED,
                    f.day(19),
                    "Frau Schneider hat die Hefte nicht vorgelegt; Termine abgesagt.",
                    consequence_taken="Fallberatung mit der Teamleitung angesetzt.",
                ),
            ),
        ),
        assessment=AssessmentInput(
            f.day(12),
            f"{_PETERSEN}, {_TEAMLEAD}",
            "Nachbarin meldet, Leon (3) und Mia (1) seien abends über Stunden allein; beim "
            "unangekündigten Hausbesuch mit der Polizei die Kinder allein angetroffen, Mutter "
            "nicht erreichbar.",
            RiskLevel.ACUTE,
            "Akute Gefährdung durch fehlende Aufsicht (§ 8a SGB VIII, Vier-Augen-Prinzip); "
            "Schutzplan mit Auflagen.",
            Area.DANGER,
        ),
        auflagen=(
            MandateSpec(
                MandateInput(
                    MandateKind.REQUIREMENT,
                    f.day(12),
                    f.today + dt.timedelta(days=2),
                    "Leon und Mia sind nie ohne eine erwachsene Aufsichtsperson. Wenn Sie "
                    "abends weggehen, betreut Frau Paulsen die Kinder.",
                    risk="Leon (3) und Mia (1) waren abends über Stunden allein.",
                    consequence="Wir rufen das Familiengericht an und nehmen die Kinder "
                    "wenn nötig in Obhut.",
                    how_checked="Unangekündigte Hausbesuche am Abend; Rückmeldung von Frau Paulsen",
                    addressed_to=to,
                ),
                evidence=(EvidenceInput(f.day(5), "Hausbesuch 20 Uhr: Frau Paulsen betreut"),),
                letter=True,
            ),
            MandateSpec(
                MandateInput(
                    MandateKind.REQUIREMENT,
                    f.day(12),
                    f.day(1),
                    "Mia wird bei der Kinderärztin Frau Vogt zur U6 vorgestellt.",
                    risk="Mia ist seit Monaten ohne ärztliche Vorsorge.",
                    consequence="Anrufung des Familiengerichts.",
                    how_checked="Bescheinigung der Kinderarztpraxis am Markt",
                    addressed_to=to,
                ),
            ),
        ),
    )


#: Aufträge, Auflagen and assessments of the hand-written families, by Aktenzeichen.
_INSTRUMENTS: dict[str, Callable[[FamilyBuilder], InstrumentSpec]] = {
    "ASD-M-2024-0215": _demir_instruments,
    "ASD-M-2024-0377": _schneider_instruments,
}


#: The consultations of the hand-written families, by Aktenzeichen.
_CONSULTATIONS: dict[str, tuple[Callable[[FamilyBuilder], ConsultationSpec], ...]] = {
    "ASD-M-2024-0113": (_al_zein_consultation,),
    "ASD-M-2024-0215": (_demir_consultation,),
    "ASD-M-2024-0377": (_schneider_consultation,),
}
