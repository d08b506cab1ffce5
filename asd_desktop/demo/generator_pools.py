"""Demo data for the generator: name pools, addresses, institutions and note sentences.

Everything here is invented.
"""

from __future__ import annotations

from dataclasses import dataclass

from asd_desktop.domain.enums import (
    Area,
    ContactKind,
)

_FLAT = "Wohnung der Familie"


@dataclass(frozen=True)
class Origin:
    """Name pools and languages of one group of families."""

    weight: int
    family_names: tuple[str, ...]
    women: tuple[str, ...]
    men: tuple[str, ...]
    children: tuple[str, ...]
    languages: str
    interpreter_share: float = 0.0
    czech_female_surnames: bool = False

    def female_surname(self, name: str) -> str:
        """Czech women carry the feminine form of the family name (Dvořák → Dvořáková)."""
        if not self.czech_female_surnames:
            return name
        if name.endswith("ý"):
            return name[:-1] + "á"
        if name.endswith("a"):
            return name[:-1] + "ová"
        return name + "ová"


def _pool(names: str) -> tuple[str, ...]:
    """A name pool written as one comma-separated string."""
    return tuple(name.strip() for name in names.split(","))


ORIGINS: tuple[Origin, ...] = (
    Origin(
        40,
        _pool(
            "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, "
            "Hoffmann, Koch, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Braun, "
            "Zimmermann, Krüger, Hartmann, Lange, Werner, Krause, Lehmann, Köhler, Jäger, "
            "Böhm, Groß, Weiß, Jürgensen, Petersen, Hansen, Ehlers, Brüggemann, Lüders"
        ),
        _pool(
            "Anna, Julia, Sandra, Nicole, Katrin, Jessica, Melanie, Sabine, Jana, Stefanie, "
            "Christina, Maren, Doreen, Jennifer"
        ),
        _pool(
            "Thomas, Michael, Daniel, Dennis, Sven, Markus, Jan, Stefan, Kevin, Marco, "
            "Torben, Björn, René, Sascha"
        ),
        _pool(
            "Leon, Finn, Jonas, Paul, Ben, Noah, Emil, Mia, Emma, Hannah, Lina, Sophie, "
            "Marie, Lena, Ida, Mats, Jannik, Lotta, Jördis, Sören"
        ),
        "Deutsch",
        0.0,
    ),
    Origin(
        16,
        _pool(
            "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, "
            "Arslan, Doğan, Kılıç, Aslan, Çetin, Koç, Kurt, Özkan, Şimşek, Polat, Güler, "
            "Erdoğan"
        ),
        _pool("Ayşe, Fatma, Emine, Hatice, Zeynep, Elif, Gülşen, Derya, Özlem, Şule, Büşra, Tuğba"),
        _pool(
            "Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Şükrü, Murat, Ömer, Uğur, Serkan"
        ),
        _pool(
            "Eylül, Doğan, Yağmur, Çağla, Ilgın, Arda, Emir, Kerem, Yusuf, Defne, Ecrin, "
            "Barış, Göktuğ, Irmak, Ilayda, Kaan"
        ),
        "Türkisch, Deutsch",
        0.3,
    ),
    Origin(
        11,
        _pool(
            "Nowak, Wójcik, Kowalczyk, Woźniak, Mazur, Krawczyk, Kaczmarek, Zając, Król, "
            "Wieczorek, Żak, Pawlak, Michalak, Sikora, Walczak, Szewczyk, Łuczak, Gołąb"
        ),
        _pool("Małgorzata, Agnieszka, Katarzyna, Joanna, Łucja, Magdalena, Żaneta, Bożena, Dorota"),
        _pool("Łukasz, Paweł, Tomasz, Michał, Grzegorz, Krzysztof, Piotr, Bartłomiej, Wojciech"),
        _pool(
            "Zofia, Kacper, Jakub, Antoni, Zuzanna, Wiktoria, Szymon, Maja, Mikołaj, Jędrzej, "
            "Łucja, Oliwia"
        ),
        "Polnisch, Deutsch",
        0.3,
    ),
    Origin(
        10,
        _pool(
            "Al Zein, Haddad, Khalil, Hamdan, Mansour, Nasser, Saleh, Darwish, Al Hussein, "
            "Ibrahim, Youssef, Al Masri, Hassan, Barakat"
        ),
        _pool("Rania, Amal, Fatima, Huda, Layla, Samira, Rasha, Dima"),
        _pool("Khaled, Ahmad, Mahmoud, Omar, Yousef, Bilal, Tarek, Samer"),
        _pool("Muharem, Nour, Lana, Jana, Adam, Karim, Sara, Rami, Hamza, Maya, Yara, Zain"),
        "Arabisch, Deutsch",
        0.5,
    ),
    Origin(
        5,
        _pool(
            "Dvořák, Novák, Svoboda, Novotný, Černý, Procházka, Kučera, Veselý, Horák, Němec, "
            "Pokorný, Růžička, Křížek, Bartoš"
        ),
        _pool("Jana, Petra, Lucie, Kateřina, Tereza, Markéta, Zdeňka"),
        _pool("Jiří, Petr, Tomáš, Řehoř, Ondřej, Lukáš, Bořivoj"),
        _pool("Řehoř, Jiřina, Tereza, Vojtěch, Šimon, Eliška, Matěj, Anežka, Kryštof"),
        "Tschechisch, Deutsch",
        0.2,
        czech_female_surnames=True,
    ),
    Origin(
        6,
        _pool(
            "Popescu, Ionescu, Popa, Stan, Dumitrescu, Constantin, Stoica, Munteanu, Țurcanu, "
            "Moldovan"
        ),
        _pool("Andreea, Ioana, Elena, Mihaela, Florentina, Roxana"),
        _pool("Ionuț, Ștefan, Mihai, Andrei, Răzvan, Costel"),
        _pool("Ștefan, Ana, Ilinca, Darius, Bianca, Luca, Sânziana, Matei"),
        "Rumänisch",
        0.6,
    ),
    Origin(
        5,
        _pool("Osei, Mensah, Boateng, Okafor, Adeyemi, Asante, Owusu, Nwosu"),
        _pool("Abena, Akosua, Chiamaka, Adwoa, Ngozi"),
        _pool("Kwame, Kofi, Emeka, Yaw, Chinedu"),
        _pool("Ama, Kofi, Esi, Kwabena, Chidi, Adaeze, Kojo"),
        "Englisch",
        0.1,
    ),
    Origin(
        4,
        _pool("Nguyễn, Trần, Lê, Phạm, Hoàng, Võ"),
        _pool("Thị Lan, Thị Hoa, Mai, Thu Hà"),
        _pool("Văn Minh, Quang, Đức, Tuấn"),
        _pool("Minh, Linh, Bảo, An, Khánh, Ngọc"),
        "Vietnamesisch, Deutsch",
        0.5,
    ),
    Origin(
        3,
        _pool("Petrović, Jovanović, Kovačević, Horvat, Babić, Marić"),
        _pool("Jelena, Ivana, Snežana, Dragana"),
        _pool("Dragan, Goran, Željko, Miloš"),
        _pool("Luka, Ana, Đorđe, Mila, Nikola, Petra"),
        "Serbisch, Deutsch",
        0.2,
    ),
)

CASEWORKERS = _pool(
    "Jana Petersen, Murat Aydın, Katharina Wolff, Sven Lüders, Agnieszka Król, Tobias Brandt, "
    "Miriam Schulte"
)
TEAMLEADS = _pool("Claudia Krüger (Teamleitung), Rainer Jöns (Teamleitung)")
DISTRICTS = _pool("M, W, H, A, K")
STREETS = _pool(
    "Veringstraße, Rotenhäuser Damm, Mannesallee, Vogelhüttendeich, Neuhöfer Straße, "
    "Krieterstraße, Zeidlerstraße, Thielenstraße, Weimarer Straße, Karl-Arnold-Ring, "
    "Kirchdorfer Damm, Georg-Wilhelm-Straße, Fährstraße, Reiherstieg, Sanitasstraße, "
    "Otto-Brenner-Straße, Dahlgrünring, Korallusstraße"
)
POSTCODES = _pool("21107 Hamburg, 21109 Hamburg, 20539 Hamburg")
INSTITUTIONS = _pool(
    "Kita Sonnenschein, Kita Regenbogen, Grundschule am Park, Grundschule Fährstraße, "
    "Stadtteilschule Wilhelmsburg, Stadtteilschule am Hafen, Haus der Jugend Kirchdorf, "
    "Erziehungsberatungsstelle Mitte, KiFaZ Wilhelmsburg, Kinderarztpraxis am Markt, "
    "Elternschule Wilhelmsburg, Bürgerhaus Wilhelmsburg, Polizeikommissariat 44"
)
PRO_FIRST = _pool("Heike, Sabine, Thomas, Gül, Marek, Nadine, Stefan, Ute, Jan")
PRO_LAST = _pool("Brandt, Lorenz, Berger, Arslan, Hübner, Şahin, Albers, Möller, Vogt, Kowalczyk")

DESCRIPTIONS = (
    "{child} fehlt häufig in der Schule; die Eltern wünschen Unterstützung, damit {child} "
    "die Schule schafft.",
    "Die Mutter fühlt sich mit {n} Kindern überfordert und bittet um Entlastung im Alltag.",
    "Trennung der Eltern; Streit um Umgang und Übergaben von {child}.",
    "Die Kita meldet, dass {child} oft ohne Frühstück und müde kommt.",
    "Wohnungsnot: die Familie lebt beengt bei Bekannten und sucht eine Wohnung.",
    "{child} hat Wutausbrüche zu Hause und in der Schule; die Eltern möchten wieder ruhige Abende.",
    "Die Familie ist neu im Stadtteil; {child} soll Anschluss finden (Sportverein, OKJA).",
    "{child} zieht sich zurück, ist nachts online und geht kaum noch zur Schule.",
)
AREA_REASONS: dict[Area, tuple[str, ...]] = {
    Area.SERVICE: (
        "Die Familie bittet selbst um Beratung; keine Hinweise auf eine Gefährdung.",
        "Freiwillige Hilfe, Anliegen der Familie klar benannt.",
        "Nach Klärung keine Gefährdung mehr; weitere Unterstützung auf Wunsch der Familie.",
    ),
    Area.GREY: (
        "Meldung der Schule über wiederholte Fehlzeiten und Verletzungen; Prüfauftrag an die "
        "Sorgeberechtigten.",
        "Kita meldet mangelnde Versorgung; Belege (U-Untersuchungen) angefordert.",
        "Hinweise auf häusliche Gewalt zwischen den Eltern; Auftrag: Beratung wahrnehmen.",
    ),
    Area.DANGER: (
        "Kinder über Stunden allein angetroffen; Gefährdungseinschätzung nach § 8a SGB VIII "
        "im Vier-Augen-Prinzip; Schutzplan mit Auflagen.",
        "Akute Gefährdung durch Gewalt in der Familie; Inobhutnahme geprüft, Schutzplan "
        "vereinbart.",
    ),
}
NOTE_SENTENCES: dict[ContactKind, tuple[str, ...]] = {
    ContactKind.HOME_VISIT_ANNOUNCED: (
        "Wohnung aufgeräumt, {child} zeigt stolz das eigene Zimmer.",
        "{mother} berichtet, dass die Hausaufgaben jetzt am Küchentisch gemacht werden.",
        "Gemeinsam Ideen gesammelt, wer aus Familie und Nachbarschaft helfen kann.",
        "{child} allein gesprochen; wünscht sich mehr Zeit mit {father}.",
        "Die Großmutter holt {child} dienstags und donnerstags von der Schule ab.",
        "Abendroutine besprochen: Essen um 18:30 Uhr, Schlafenszeit 20 Uhr.",
    ),
    ContactKind.HOME_VISIT_UNANNOUNCED: (
        "Nach Meldung unangekündigt vor Ort; {mother} öffnet nach mehrmaligem Klingeln.",
        "Kinder versorgt, Kühlschrank gefüllt, Wohnung sauber.",
        "Wohnung stark vermüllt, Schimmel im Kinderzimmer; Frist zur Beseitigung gesetzt.",
        "{child} wirkt verängstigt, spricht in Anwesenheit von {father} kaum.",
    ),
    ContactKind.OFFICE: (
        "{mother} und {father} schildern ihr Anliegen in eigenen Worten.",
        "Auftrag besprochen und schriftlich ausgehändigt; Belege bis zur Frist vorlegen.",
        "Hilfeplangespräch vorbereitet; {child} möchte selbst sagen, was gut läuft.",
        "Die Eltern haben aufgeschrieben, was bis zu den Ferien anders sein soll.",
        "Dolmetscherin anwesend; alle Vereinbarungen zweimal übersetzt.",
    ),
    ContactKind.PHONE: (
        "{mother} ruft an: die Woche lief gut, {child} war jeden Tag in der Schule.",
        "Rückfrage der Schule zu Fehlzeiten von {child}.",
        "Termin verschoben, {father} hat Spätschicht.",
        "Kita bestätigt die regelmäßige Anwesenheit von {child}.",
    ),
    ContactKind.VIDEO: (
        "Videotermin mit {father}, der in einer anderen Stadt arbeitet.",
        "Umgangsregelung per Video besprochen; Übergabe künftig an der Kita.",
    ),
    ContactKind.LETTER: (
        "Einladung zum Hilfeplangespräch verschickt.",
        "Erinnerung an die vereinbarte Frist verschickt, mit Übersetzung.",
    ),
    ContactKind.INSTITUTION: (
        "Gespräch mit der Schule: {child} fehlt seltener, Konflikte in der Pause.",
        "Kita berichtet: {child} ist gut angekommen und spielt mit anderen Kindern.",
        "Erziehungsberatung hat einen Termin für die Eltern frei.",
        "Haus der Jugend bietet Hausaufgabenhilfe montags und mittwochs an.",
    ),
}
NEXT_STEPS = (
    "Gespräch mit der Schule vereinbaren",
    "Hausbesuch vereinbaren",
    "Belege (U-Untersuchungen) vorlegen",
    "Teilnahmebestätigung Elternkurs vorlegen",
    "Hilfeplangespräch vorbereiten",
    "Kita-Platz klären",
    "Rückmeldung der Familie einholen",
    "Termin bei der Erziehungsberatung wahrnehmen",
    "Familienrat erklären und Koordinatorin anfragen",
)
#: Steps a caseworker enters by hand, with who does them ("" = the caseworker).
HAND_STEPS: tuple[tuple[str, str], ...] = (
    ("Kita-Anwesenheit einholen", ""),
    ("Schulbericht anfordern", ""),
    ("Rückruf Klassenlehrerin", ""),
    ("Arztbericht nachreichen", "Mutter"),
    ("Anmeldung Sportverein vorlegen", "Familie"),
    ("Stellungnahme Erziehungsbeistand", "Erziehungsbeistand"),
    ("Kostenübernahme prüfen lassen", "Wirtschaftliche Jugendhilfe"),
    ("Entwicklungsbericht der Kita", "Kita"),
    ("Termin Kinderarzt wahrnehmen", "Mutter"),
    ("Fallberatung im Team anmelden", ""),
)
KIND_WEIGHTS: tuple[tuple[ContactKind, int], ...] = (
    (ContactKind.HOME_VISIT_ANNOUNCED, 28),
    (ContactKind.HOME_VISIT_UNANNOUNCED, 6),
    (ContactKind.OFFICE, 20),
    (ContactKind.PHONE, 26),
    (ContactKind.VIDEO, 4),
    (ContactKind.LETTER, 6),
    (ContactKind.INSTITUTION, 10),
)
PLACES: dict[ContactKind, str] = {
    ContactKind.HOME_VISIT_ANNOUNCED: _FLAT,
    ContactKind.HOME_VISIT_UNANNOUNCED: _FLAT,
    ContactKind.OFFICE: "ASD-Dienststelle",
    ContactKind.PHONE: "Telefon",
    ContactKind.VIDEO: "Videotermin",
    ContactKind.LETTER: "Post",
    ContactKind.INSTITUTION: "Institution",
}
DURATIONS: dict[ContactKind, tuple[int, ...]] = {
    ContactKind.HOME_VISIT_ANNOUNCED: (45, 60, 75, 90),
    ContactKind.HOME_VISIT_UNANNOUNCED: (30, 45, 60, 120),
    ContactKind.OFFICE: (30, 45, 60, 90),
    ContactKind.PHONE: (5, 10, 15, 20),
    ContactKind.VIDEO: (30, 45),
    ContactKind.LETTER: (0,),
    ContactKind.INSTITUTION: (20, 30, 45),
}
