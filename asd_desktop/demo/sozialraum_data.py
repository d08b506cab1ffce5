"""The demo's Sozialraum: a fictional Hamburg-Mitte style catalogue, explorations, a meeting.

All names, addresses and numbers are invented. The data is fixed (no randomness)
and anchored to ``today``: most entries were added weeks ago, a few since the
last team meeting (a week ago), so "Tipps und Themen" has something to show.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.models.goals import Resource
from asd_desktop.models.sozialraum import CatalogEntry
from asd_desktop.services.sozialraum import (
    CatalogEntryInput,
    ExplorationInput,
    SozialraumService,
)

#: (name, kind, address, district, contact, languages, costs, opening hours, notes)
_ENTRIES: tuple[tuple[str, str, str, str, str, str, str, str, str], ...] = (
    (
        "Haus der Jugend Wilhelmsburg",
        "OKJA",
        "Rotenhäuser Damm 58",
        "Wilhelmsburg",
        "Herr Öztürk, 040 428 11 30",
        "Deutsch, Türkisch, Arabisch",
        "kostenlos",
        "Mo–Fr 14–20 Uhr",
        "Hausaufgabenhilfe montags und mittwochs, Fußball-AG.",
    ),
    (
        "Jugendtreff Veddel",
        "OKJA",
        "Am Zollhafen 3",
        "Veddel",
        "Frau Rahimi, 040 428 11 31",
        "Deutsch, Farsi, Arabisch",
        "kostenlos",
        "Di–Sa 15–21 Uhr",
        "Mädchentag donnerstags.",
    ),
    (
        "Bauspielplatz Horner Geest",
        "OKJA",
        "Manshardtstraße 100",
        "Horn",
        "Team Bauspielplatz",
        "Deutsch",
        "kostenlos",
        "Mo–Fr 13–18 Uhr",
        "Für Kinder von 6 bis 14 Jahren.",
    ),
    (
        "Jugendclub Billstedt-Mitte",
        "OKJA",
        "Möllner Landstraße 22",
        "Billstedt",
        "Herr Kowalczyk, 040 428 11 33",
        "Deutsch, Polnisch, Russisch",
        "kostenlos",
        "Mo–Fr 15–21 Uhr",
        "",
    ),
    (
        "Elternschule Wilhelmsburg",
        "Elternschule",
        "Rotenhäuser Straße 12",
        "Wilhelmsburg",
        "Frau Yılmaz, 040 428 11 12",
        "Deutsch, Türkisch",
        "kostenlos",
        "Mo–Fr 9–13 Uhr",
        "Babymassage, Elterncafé, Kurse zur Erziehung.",
    ),
    (
        "Elternschule Billstedt",
        "Elternschule",
        "Oststeinbeker Weg 4",
        "Billstedt",
        "Frau Nowak, 040 428 11 13",
        "Deutsch, Polnisch",
        "kostenlos",
        "Di–Do 9–15 Uhr",
        "",
    ),
    (
        "Elternschule Hamm",
        "Elternschule",
        "Sievekingsallee 60",
        "Hamm",
        "Frau Haddad, 040 428 11 14",
        "Deutsch, Arabisch",
        "teils 5 € je Kurs",
        "Mo–Do 9–14 Uhr",
        "",
    ),
    (
        "Erziehungsberatungsstelle Hamburg-Mitte",
        "Erziehungsberatung",
        "Steindamm 31",
        "St. Georg",
        "Anmeldung 040 428 11 20",
        "Deutsch, Farsi, Englisch",
        "kostenlos",
        "Mo–Fr 9–17 Uhr",
        "Offene Sprechstunde dienstags 14–16 Uhr.",
    ),
    (
        "Erziehungsberatung Wilhelmsburg",
        "Erziehungsberatung",
        "Mengestraße 20",
        "Wilhelmsburg",
        "Anmeldung 040 428 11 21",
        "Deutsch, Türkisch",
        "kostenlos",
        "Mo–Do 9–16 Uhr",
        "",
    ),
    (
        "KiFaZ Kirchdorf-Süd",
        "KiFaZ",
        "Karl-Arnold-Ring 11",
        "Wilhelmsburg",
        "Frau Demir, 040 428 11 40",
        "Deutsch, Türkisch, Bulgarisch",
        "kostenlos",
        "Mo–Fr 9–17 Uhr",
        "Frühstückstreff für Mütter, Sozialberatung.",
    ),
    (
        "KiFaZ Horner Geest",
        "KiFaZ",
        "Manshardtstraße 40",
        "Horn",
        "Herr Nowak, 040 428 11 41",
        "Deutsch, Polnisch",
        "kostenlos",
        "Di und Do 14–18 Uhr",
        "",
    ),
    (
        "KiFaZ Billstedt Schiffbek",
        "KiFaZ",
        "Schiffbeker Weg 8",
        "Billstedt",
        "Frau Ivanova, 040 428 11 42",
        "Deutsch, Russisch, Arabisch",
        "kostenlos",
        "Mo–Fr 9–16 Uhr",
        "",
    ),
    (
        "EKiZ Veddel",
        "EKiZ",
        "Wilhelmsburger Straße 70",
        "Veddel",
        "Frau Jovanović",
        "Deutsch, Serbisch, Türkisch",
        "Mittagessen 1 €",
        "Mo–Fr 8–14 Uhr",
        "Eltern-Kind-Zentrum für Familien mit Kindern unter drei Jahren.",
    ),
    (
        "EKiZ Hamm-Süd",
        "EKiZ",
        "Süderstraße 90",
        "Hamm",
        "Frau Albers",
        "Deutsch, Englisch",
        "kostenlos",
        "Mo–Do 9–13 Uhr",
        "",
    ),
    (
        "SHA Lernhaus Wilhelmsburg",
        "SHA",
        "Vogelhüttendeich 15",
        "Wilhelmsburg",
        "Herr Arslan, 040 428 11 50",
        "Deutsch, Türkisch, Kurdisch",
        "kostenlos",
        "Mo–Fr 13–19 Uhr",
        "Sozialräumliche Hilfe: Lernbegleitung und Elterngespräche.",
    ),
    (
        "SHA Familientreff Billstedt",
        "SHA",
        "Billstedter Hauptstraße 40",
        "Billstedt",
        "Frau Lorenz",
        "Deutsch, Arabisch, Dari",
        "kostenlos",
        "Mo–Fr 10–18 Uhr",
        "",
    ),
    (
        "SHA Mädchenprojekt St. Georg",
        "SHA",
        "Lange Reihe 77",
        "St. Georg",
        "Frau Şahin",
        "Deutsch, Türkisch, Farsi",
        "kostenlos",
        "Mo–Do 14–19 Uhr",
        "",
    ),
    (
        "Bürgerhaus Wilhelmsburg",
        "Bürgerhaus",
        "Mengestraße 20",
        "Wilhelmsburg",
        "Empfang 040 428 11 60",
        "Deutsch",
        "Raummiete nach Absprache",
        "Mo–Fr 9–22 Uhr",
        "Räume für Familienräte, Stadtteilfeste.",
    ),
    (
        "Bürgerhaus Horn",
        "Bürgerhaus",
        "Am Gojenboom 46",
        "Horn",
        "Empfang 040 428 11 61",
        "Deutsch",
        "Raummiete nach Absprache",
        "Mo–Fr 10–21 Uhr",
        "",
    ),
    (
        "Stadtteilkulturzentrum Billstedt",
        "Stadtteilkulturzentrum",
        "Möllner Landstraße 31",
        "Billstedt",
        "Frau Möller",
        "Deutsch, Englisch",
        "teils Eintritt",
        "Di–So 10–22 Uhr",
        "Theater- und Musikgruppen für Jugendliche.",
    ),
    (
        "Honigfabrik",
        "Stadtteilkulturzentrum",
        "Industriestraße 125",
        "Wilhelmsburg",
        "Büro 040 428 11 63",
        "Deutsch",
        "teils Eintritt",
        "Mo–Fr 10–18 Uhr",
        "Offene Werkstätten, Jugendtheater.",
    ),
    (
        "Türkischer Elternverein Wilhelmsburg e. V.",
        "Verein",
        "Fährstraße 9",
        "Wilhelmsburg",
        "Herr Doğan",
        "Türkisch, Deutsch",
        "Mitgliedsbeitrag 2 € im Monat",
        "Sa 10–14 Uhr",
        "Elternabende auf Türkisch, Begleitung zu Schulgesprächen.",
    ),
    (
        "Polnische Familieninitiative Hamm e. V.",
        "Verein",
        "Hammer Landstraße 14",
        "Hamm",
        "Frau Wąsowska",
        "Polnisch, Deutsch",
        "kostenlos",
        "Fr 16–19 Uhr",
        "",
    ),
    (
        "Afghanischer Kulturverein Billstedt",
        "Verein",
        "Steinfeldtstraße 3",
        "Billstedt",
        "Herr Karimi",
        "Farsi, Dari, Paschtu",
        "kostenlos",
        "Sa und So 12–18 Uhr",
        "Hausaufgabenhilfe am Wochenende.",
    ),
    (
        "Sportverein Veddel 1921",
        "Verein",
        "Sportplatz Slomanstieg",
        "Veddel",
        "Jugendwart Herr Ahmadi",
        "Deutsch, Arabisch",
        "Beitrag 8 € im Monat, Ermäßigung möglich",
        "Training Di und Do 17 Uhr",
        "Fußball, Boxen; Beitrag über Bildungs- und Teilhabepaket.",
    ),
    (
        "Stadtteilschule Wilhelmsburg",
        "Schule",
        "Perlstieg 1",
        "Wilhelmsburg",
        "Beratungsdienst Frau Brandt",
        "Deutsch",
        "",
        "",
        "Schulsozialarbeit im Raum 1.12.",
    ),
    (
        "Grundschule Veddel",
        "Schule",
        "Slomanstieg 1",
        "Veddel",
        "Sekretariat 040 428 11 70",
        "Deutsch",
        "",
        "Mo–Fr 7:30–13 Uhr",
        "Ganztag bis 16 Uhr.",
    ),
    (
        "Grundschule Sterntalerstraße",
        "Schule",
        "Sterntalerstraße 42",
        "Horn",
        "Sekretariat 040 428 11 71",
        "Deutsch",
        "",
        "Mo–Fr 7:30–14 Uhr",
        "",
    ),
    (
        "Stadtteilschule Hamm",
        "Schule",
        "Hammer Steindamm 130",
        "Hamm",
        "Schulsozialarbeit Herr Vogt",
        "Deutsch",
        "",
        "",
        "",
    ),
    (
        "Kita Sonnenschein",
        "Kita",
        "Georg-Wilhelm-Straße 88",
        "Wilhelmsburg",
        "Leitung Frau Hübner",
        "Deutsch, Türkisch",
        "nach Kita-Gutschein",
        "Mo–Fr 6–18 Uhr",
        "",
    ),
    (
        "Kita Pusteblume",
        "Kita",
        "Veddeler Brückenstraße 20",
        "Veddel",
        "Leitung Frau Berger",
        "Deutsch, Arabisch",
        "nach Kita-Gutschein",
        "Mo–Fr 7–17 Uhr",
        "",
    ),
    (
        "Kita Regenbogen Billstedt",
        "Kita",
        "Kapellenstraße 5",
        "Billstedt",
        "Leitung Herr Stefanski",
        "Deutsch, Polnisch",
        "nach Kita-Gutschein",
        "Mo–Fr 6–17 Uhr",
        "",
    ),
    (
        "Kita Hammer Park",
        "Kita",
        "Caspar-Voght-Straße 11",
        "Hamm",
        "Leitung Frau Ute Jansen",
        "Deutsch",
        "nach Kita-Gutschein",
        "Mo–Fr 7–18 Uhr",
        "",
    ),
    (
        "Suchtberatung Mitte",
        "Beratungsstelle",
        "Repsoldstraße 4",
        "St. Georg",
        "Anmeldung 040 428 11 80",
        "Deutsch, Russisch, Polnisch",
        "kostenlos, anonym",
        "Mo–Fr 10–18 Uhr",
        "",
    ),
    (
        "Schuldnerberatung Billstedt",
        "Beratungsstelle",
        "Billstedter Hauptstraße 70",
        "Billstedt",
        "Anmeldung 040 428 11 81",
        "Deutsch, Türkisch",
        "kostenlos",
        "Di und Do 9–12 Uhr",
        "Wartezeit etwa vier Wochen.",
    ),
    (
        "Beratungsstelle für Frauen und Mädchen",
        "Beratungsstelle",
        "Koppel 9",
        "St. Georg",
        "040 428 11 82",
        "Deutsch, Arabisch, Farsi, Türkisch",
        "kostenlos",
        "Mo–Fr 10–16 Uhr",
        "Auch bei häuslicher Gewalt; Dolmetscherinnen auf Anfrage.",
    ),
    (
        "Migrationsberatung Wilhelmsburg",
        "Beratungsstelle",
        "Krieterstraße 2",
        "Wilhelmsburg",
        "Frau Nguyen",
        "Deutsch, Vietnamesisch, Englisch, Rumänisch",
        "kostenlos",
        "Mo und Mi 9–15 Uhr",
        "",
    ),
    (
        "Polizeikommissariat 44 (Cop4U)",
        "Polizei",
        "Mannesallee 2",
        "Wilhelmsburg",
        "Bürgernaher Beamter Herr Stefan Lorenz",
        "Deutsch",
        "",
        "rund um die Uhr",
        "Cop4U an der Stadtteilschule dienstags.",
    ),
    (
        "Bücherhalle Veddel",
        "Verein",
        "Wilhelmsburger Straße 73",
        "Veddel",
        "Frau Albers",
        "Deutsch, Arabisch, Farsi",
        "kostenlos",
        "Di–Sa 11–18 Uhr",
        "Lesepaten für Grundschulkinder.",
    ),
    (
        "Familienhebammen Hamburg-Mitte",
        "Beratungsstelle",
        "Besenbinderhof 41",
        "St. Georg",
        "Koordination 040 428 11 85",
        "Deutsch, Englisch, Türkisch",
        "kostenlos",
        "Mo–Fr 8–16 Uhr",
        "Frühe Hilfen bis zum ersten Geburtstag.",
    ),
)

#: Entries added since the last meeting (indexes into _ENTRIES), and those checked since.
_NEW_SINCE_MEETING = (13, 23, 38)
_VERIFIED_SINCE_MEETING = (0, 9, 24)

#: (days ago, district, what was learned, author, index of the entry it became or -1)
_EXPLORATIONS: tuple[tuple[int, str, str, str, int], ...] = (
    (
        20,
        "Wilhelmsburg",
        "Im Haus der Jugend gibt es montags und mittwochs Hausaufgabenhilfe; die Betreuer "
        "sprechen Türkisch und Arabisch.",
        "Jana Petersen",
        0,
    ),
    (
        12,
        "Horn",
        "Auf dem Bauspielplatz Horner Geest suchen sie ehrenamtliche Väter für Samstage.",
        "Murat Aydın",
        2,
    ),
    (
        4,
        "Veddel",
        "Der Sportverein Veddel übernimmt den Beitrag über das Bildungs- und Teilhabepaket, "
        "wenn die Familie den Antrag mitbringt.",
        "Katharina Wolff",
        24,
    ),
    (
        2,
        "Billstedt",
        "Neben der Moschee in der Steinfeldtstraße macht ein afghanischer Kulturverein "
        "Hausaufgabenhilfe am Wochenende; Ansprechpartner Herr Karimi.",
        "Murat Aydın",
        23,
    ),
    (
        1,
        "Hamm",
        "Im Hammer Park ist dienstags ein offener Spieltreff für Eltern mit kleinen Kindern, "
        "ohne Anmeldung.",
        "Jana Petersen",
        -1,
    ),
)

#: The demo resource pointing to the catalogue: its description starts like this.
_LINKED_RESOURCE = ("Hausaufgabenhilfe im Haus der Jugend Wilhelmsburg", 0)


def write_sozialraum_demo(
    session_factory: sessionmaker[Session], device_id: str, today: dt.date
) -> int:
    """Store the demo catalogue, explorations and a team meeting a week ago.

    Returns:
        The number of catalogue entries stored.
    """
    service = SozialraumService(session_factory, device_id)
    meeting = today - dt.timedelta(days=7)
    ids: list[str] = []
    for fields in _ENTRIES:
        ids.append(service.add_entry(CatalogEntryInput(*fields)).id)
    with session_factory.begin() as s:
        for n, entry_id in enumerate(ids):
            row = s.get(CatalogEntry, entry_id)
            assert row is not None
            # Fixed, spread-out dates: added weeks ago, checked some days after.
            added = meeting - dt.timedelta(days=30 + (n * 7) % 90)
            row.added_on = today - dt.timedelta(days=n % 5) if n in _NEW_SINCE_MEETING else added
            checked = n % 3 != 2
            row.verified_on = added + dt.timedelta(days=(n * 5) % 25) if checked else None
            if n in _VERIFIED_SINCE_MEETING:
                row.verified_on = today - dt.timedelta(days=1 + n % 4)
    service.record_team_meeting(meeting)
    for days_ago, district, learned, author, entry_index in _EXPLORATIONS:
        service.record_exploration(
            ExplorationInput(
                explored_on=today - dt.timedelta(days=days_ago),
                learned=learned,
                district=district,
                author=author,
                catalog_entry_id=ids[entry_index] if entry_index >= 0 else None,
            )
        )
    prefix, entry_index = _LINKED_RESOURCE
    with session_factory() as s:
        resource_id = s.scalars(
            select(Resource.id)
            .where(Resource.description.startswith(prefix), Resource.deleted.is_(False))
            .limit(1)
        ).first()
    if resource_id is not None:
        service.link_resource(resource_id, ids[entry_index])
    return len(ids)


__all__ = ["write_sozialraum_demo"]
