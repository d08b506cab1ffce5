"""Labelled German goal texts for the goal checker's tests and benchmark.

Every text was written for this corpus (invented families; the Muharem goal is the
domain document's own model goal). Each row is ``(text, codes)`` where ``codes`` is
the space-separated set of findings the text should get; an empty string marks a
good goal.

``HELD_OUT_ROWS`` was written and labelled before the checker existed and was not
used while tuning its word lists; ``DEV_ROWS`` was used for tuning; its last 44 rows are two
probes in other styles added after a first tuning round. ``DIRECTION_ROWS`` are
Richtungsziele (consensus goals), written and labelled before the checker was shown on
the Richtungsziel page and before ``office_voice`` existed; they count as held out. The
benchmark reports figures for the whole corpus, the held-out part and the Richtungsziele.

``tests/data/goal_corpus/independent.jsonl`` (issue 14) holds texts the rule writers did
not write: short goals quoted from the method's source document (section 2.5) and from
public Hilfeplan guidance pages (each row names its source), and texts written for the
purpose in styles unlike the rows below (receiving help phrased as the family's act,
nominal style naming a placement, vague states no word list holds, passives and
nominalisations hiding the actor, events in a family's life as time anchors, the
family's own wishes that look like measures, child's voice, misspellings). They were
labelled, and split, before any rule was changed: within each source group the 1st,
3rd, 5th … row was ``held_out`` (no rule was tuned on it), the others ``tuning``. After it
had been measured four times that part became ``tuning_from_held_out``; the next held-out
set, ``fresh_held_out.jsonl``, written by someone who never read the rules, was measured once
after round 4 and is tuning data since (``tuning_from_fresh``), as are the round-5 texts of
another independent writer (``independent_round5.jsonl``). The held-out set now is
``blind_held_out.jsonl`` (see ``BLIND_HELD_OUT_FILE``). A second
round of 70 ``tuning`` rows ("tuning round 2": vague states and hedges, good goals with
words that look vague) was written and committed after the first rule commit and before
the second round of rule changes; it adds nothing to the held-out part. One
labelling refinement applies to them: a result the family reaches (a Kitaplatz, the
Seepferdchen, a language certificate, a parents' evening at school) is a goal, not a
measure; using a help (counselling, therapy, a course as help, a placement) is one.

Labelling rules (the same as in ``asd_desktop.domain.goal_checker``):

- ``measure``: names a help form, course, help training, therapy or counselling, a
  support programme ("Sprachförderung"), a placement, taking part ("nimmt … teil",
  "Teilnahme"), help hours or a §; also the helper of a help form acting ("Die
  Familienhelferin geht mit Frau S. zum Jobcenter": the help is what happens; round 5).
- ``vague``: an abstract target (Stärkung, Förderung, Verbesserung, Stabilisierung,
  Selbständigkeit and Verselbständigung as nouns, -fähigkeit, -kompetenz,
  -bereitschaft, Verantwortung, Beziehung, Bindung, Struktur, Perspektive,
  "Grenzen setzen", "fühlt sich wohl", "kommt zurecht", "gutes Verhältnis",
  Bedürfnisse, geregelt, sichergestellt), a hedge word (angemessen, altersgerecht,
  ausreichend, konsequent, stabil), an unquantified comparison or "regelmäßig", or a
  heading in nominal style without a measure in it ("Klärung der …", "Aufbau eines …").
- ``negative``: says what should stop or be absent (nicht, kein, nie wieder,
  aufhören, vermeiden, verzichten, ohne Streit …, and "weniger …" as the target, round 5)
  outside a condition such as "wenn … nicht".
- ``no_date``: no deadline and no start date at all; recurring times ("jeden
  Dienstag", "täglich bis 18 Uhr") are no deadline.
- ``vague_date``: only a fuzzy time (zeitnah, bald, langfristig, perspektivisch,
  künftig …), or a deadline more than two years after ``TODAY``.
- ``not_family_subject``: the office, a professional or a provider acts (subject
  of a main clause), or a main clause in the werden-passive.
- ``office_voice``: "soll", "sollen", "sollte" in a main clause: someone else's
  expectation of the family ("Die Mutter soll …"), not the family's own goal; a "soll"
  inside "was/wenn/dass …" is fine ("wissen, was Tim tun soll").
- ``hard_to_read``: a sentence of more than 30 words, office jargon from a short
  list, an unexplained abbreviation, a § sign.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

#: The day the corpus is judged on (matters only for far-away deadlines).
TODAY = dt.date(2026, 11, 24)

MUHAREM_GOAL = (
    "Wir Eltern und auch Muharem kannten und nutzten bis zu den Sommerferien 2007 "
    "Möglichkeiten, dass Muharem weiter auf der jetzigen Hauptschule bleiben kann, das "
    "heißt vor allem:\n"
    "a) dass seine Hausaufgaben täglich bis spätestens 18.00 Uhr vollständig und "
    "selbstständig gemacht sind.\n"
    "b) dass er täglich von Schulanfang bis Schulende in der Schule ist und bei "
    "Krankheit am selben Tag entschuldigt ist.\n"
    "c) dass er sich gegenüber den Mitschüler/-innen und Lehrkräften respektvoll und "
    "friedlich verhält (besonders in Situationen, wenn Anforderungen von den Lehrern an "
    "ihn gestellt werden, dass er was tun soll, und auch in der Pause auf dem Schulhof)."
)

ELIF_GOAL = (
    "Bis zum 30. April liegt Elifs Sportzeug jeden Dienstagmorgen gepackt an der Wohnungstür."
)


@dataclass(frozen=True)
class LabelledGoal:
    """One corpus text with the findings it should get."""

    text: str
    codes: frozenset[str]
    held_out: bool
    direction: bool = False
    #: From ``independent.jsonl``: not written by the rule writers (issue 14).
    independent: bool = False
    source: str = ""
    #: The first held-out part of issue 14, measured four times and since used for tuning.
    used_held_out: bool = False
    #: The first fresh held-out set, measured once after round 4 and since used for tuning.
    used_fresh: bool = False


# Written and labelled before the checker was written; never used for tuning.
HELD_OUT_ROWS: list[tuple[str, str]] = [
    # good
    (
        "Bis zu den Herbstferien 2027 packt Jonas jeden Sonntagabend selbstständig seinen "
        "Schulranzen für Montag.",
        "",
    ),
    ("Ab sofort frühstücken wir jeden Morgen um 7 Uhr zusammen am Küchentisch.", ""),
    (
        "Bis Ende Februar hat Frau Yılmaz einen Termin beim Kinderarzt für Emre vereinbart "
        "und wahrgenommen.",
        "",
    ),
    (
        "Ich bringe Şükrü bis zum 31. März jeden Tag um 8 Uhr in die Kita und hole ihn um "
        "15 Uhr wieder ab.",
        "",
    ),
    ("Bis zum 15.06.2027 schläft Zoë an fünf von sieben Abenden in ihrem eigenen Bett.", ""),
    (
        "In sechs Wochen kennt Małgorzata zwei Nachbarinnen, die sie anrufen kann, wenn sie "
        "Hilfe beim Einkaufen braucht.",
        "",
    ),
    (
        "Bis zu den Osterferien 2027 macht Eylül ihre Hausaufgaben montags bis donnerstags "
        "bis 17 Uhr am Schreibtisch in ihrem Zimmer.",
        "",
    ),
    (
        "Wir Eltern gehen bis Ende Januar jeden Samstag mit Ali und Aylin eine Stunde auf den "
        "Spielplatz am Park.",
        "",
    ),
    (
        "Bis zum Halbjahreszeugnis im Februar 2027 ist Łukasz an jedem Schultag von der "
        "ersten bis zur letzten Stunde in der Schule.",
        "",
    ),
    (
        "Bis zum 1. Mai hat Herr Dvořák eine Liste mit allen offenen Rechnungen geschrieben "
        "und an den Kühlschrank gehängt.",
        "",
    ),
    (
        "Ab dem 1. Dezember ruft Ayşe ihre Mutter an, wenn sie nach der Schule bei ihrer "
        "Freundin bleibt.",
        "",
    ),
    (
        "Bis Weihnachten liest Mia ihrem kleinen Bruder jeden Abend vor dem Schlafengehen "
        "eine Geschichte vor.",
        "",
    ),
    (
        "Bis zum 30.04.2027 steht Jiří an Schultagen um 6:45 Uhr mit dem Wecker selbstständig auf.",
        "",
    ),
    (
        "Bis Ende März weiß ich, welche Ärztin in unserem Stadtteil Türkisch spricht, und "
        "habe dort einen ersten Termin.",
        "",
    ),
    (
        "Innerhalb von vier Wochen hat Frau Al Zein den Antrag auf Wohngeld ausgefüllt und "
        "abgegeben.",
        "",
    ),
    (
        "Bis zu den Sommerferien 2027 geht Doğan zweimal pro Woche zum Fußballtraining im "
        "Verein an der Ecke.",
        "",
    ),
    (
        "Wir essen bis zum 28. Februar an mindestens vier Abenden pro Woche gemeinsam zu "
        "Abend, und der Fernseher ist dabei aus.",
        "",
    ),
    (
        "Bis zum Beginn des neuen Schuljahres im August 2027 hat Elias einen Platz im Hort "
        "und kennt den Weg dorthin.",
        "",
    ),
    (
        "In drei Monaten fährt Amélie allein mit dem Bus zur Schule und schreibt mir eine "
        "Nachricht, wenn sie angekommen ist.",
        "",
    ),
    (
        "Bis Ende April haben wir mit den Kindern einen Wochenplan gemacht, der an der "
        "Kühlschranktür hängt, und jeder weiß, wer wann den Müll rausbringt.",
        "",
    ),
    ("Wir gehen ab sofort jeden Montag zum Sport.", ""),
    # bad
    (
        "Ich gehe ab nächster Woche jeden Mittwoch mit Noah zur Hausaufgabenhilfe in der "
        "Bücherhalle.",
        "measure",
    ),
    ("SPFH fünf Stunden pro Woche", "measure hard_to_read no_date"),
    ("Stärkung der Erziehungsfähigkeit der Mutter", "vague hard_to_read no_date"),
    ("Weitere Verselbständigung von Kevin", "vague no_date"),
    ("Die Mutter kann Grenzen setzen.", "vague no_date"),
    (
        "Frau Nowak nimmt bis Ende Juni an einem Elternkurs der Familienbildungsstätte teil.",
        "measure",
    ),
    (
        "Die Familienhelferin unterstützt Frau Schmidt bis zum 31. Mai beim Ordnen der Post.",
        "measure not_family_subject",
    ),
    (
        "Das Jugendamt prüft zeitnah, ob eine Wohngruppe in Frage kommt.",
        "measure not_family_subject vague_date",
    ),
    (
        "Leon soll bis zu den Sommerferien 2027 in der Schule besser unterstützt werden.",
        "vague not_family_subject office_voice",
    ),
    ("Ben schlägt seine Schwester bis Ende Januar nicht mehr.", "negative"),
    (
        "Die Kinder sollen langfristig in einer stabilen Umgebung aufwachsen.",
        "vague vague_date office_voice",
    ),
    ("Bis zum 30. Juni hört Herr Kaya auf, vor den Kindern zu rauchen.", "negative"),
    (
        "Förderung der sozialen Kompetenzen im Rahmen einer Tagesgruppe nach § 32 SGB VIII",
        "measure vague no_date hard_to_read",
    ),
    ("Emma geht bald regelmäßig zur Schule.", "vague vague_date"),
    ("Wir streiten uns bis zum Frühjahr 2027 weniger.", "negative vague"),
    ("Bis Ende Mai vermeidet Frau Petrović Streit mit ihrem Ex-Mann vor den Kindern.", "negative"),
    (
        "Die Kindesmutter bringt Lina bis zum 31.03.2027 jeden Morgen pünktlich zur Kita.",
        "hard_to_read",
    ),
    ("Perspektivisch lebt Tim wieder bei seinen Eltern.", "vague_date"),
    (
        "Durch Ressourcenaktivierung im Sozialraum gewinnt die Familie bis Ende März mehr "
        "Sicherheit im Alltag.",
        "vague hard_to_read",
    ),
    (
        "Der Träger stellt bis zum 1. Februar eine Fachkraft für die Schulbegleitung von Finn.",
        "measure not_family_subject",
    ),
    ("Kein Alkohol mehr in der Wohnung, wenn die Kinder da sind.", "negative no_date"),
    ("Anna verbessert bis Ende des Schuljahres ihre Noten in Mathe.", "vague"),
    ("Herr Sommer nimmt an einer Suchtberatung teil.", "measure no_date"),
    ("Frau Jansen lernt, angemessen mit Kritik umzugehen.", "vague no_date"),
    (
        "Bis zum Hilfeplangespräch im Mai 2027 wird Paulina von ihrer Oma jeden Tag von der "
        "Schule abgeholt.",
        "not_family_subject",
    ),
    (
        "Im Rahmen des Hilfeplanverfahrens wird die Erziehungskompetenz der Eltern im Hinblick "
        "auf das Kindeswohl durch eine intensive sozialpädagogische Begleitung nachhaltig "
        "gestärkt, damit die Kinder perspektivisch in der Familie verbleiben können.",
        "measure vague not_family_subject vague_date hard_to_read",
    ),
    (
        "Finn wird zukünftig morgens von seinem Vater geweckt.",
        "not_family_subject vague_date",
    ),
    (
        "Die Erzieherin der Kita spricht bis Ende Januar jede Woche mit Frau Horvát über "
        "Milans Tag.",
        "not_family_subject",
    ),
    (
        "Nach der Schule sitzt Marie nicht mehr stundenlang vor dem Handy.",
        "negative no_date",
    ),
    ("Yusuf bekommt bis zum 30.09.2027 eine Psychotherapie.", "measure"),
    ("Frau Öztürk kümmert sich besser um den Haushalt.", "vague no_date"),
    ("Mehr Ruhe in der Familie", "vague no_date"),
    ("Unterbringung von Jana in einer Wohngruppe bis zum Schuljahresende", "measure"),
    (
        "Die Eltern sollen bis zum 31. Januar über die Hilfen im Stadtteil informiert werden.",
        "not_family_subject office_voice",
    ),
    ("Tom räumt sein Zimmer regelmäßig auf.", "vague no_date"),
    (
        "Bis zu den Sommerferien 2027 hat Lea keine unentschuldigten Fehltage mehr.",
        "negative",
    ),
    ("Frau Wójcik fühlt sich bis Ende März in ihrer neuen Wohnung wohl.", "vague"),
    ("Kim kommt schnellstmöglich pünktlich zur Schule.", "vague_date"),
    (
        "Die SPFH begleitet Frau Müller zu allen Terminen beim Jobcenter.",
        "measure not_family_subject no_date hard_to_read",
    ),
    ("Bis 2031 hat Sofia einen Schulabschluss.", "vague_date"),
    ("Luca und sein Vater verbringen mehr Zeit miteinander.", "vague no_date"),
    (
        "Bis Ende Februar klärt die Schulsozialarbeiterin mit Lenas Klassenlehrerin, wie Lena "
        "in der Pause wieder mitspielen kann.",
        "not_family_subject",
    ),
]

# Used while tuning the checker.
DEV_ROWS: list[tuple[str, str]] = [
    # good: the method's own examples
    (MUHAREM_GOAL, ""),
    (MUHAREM_GOAL.replace("\n", " "), ""),
    (ELIF_GOAL, ""),
    (
        "Muharems Hausaufgaben sind bis zu den Sommerferien 2027 täglich bis spätestens 18 Uhr "
        "vollständig und selbstständig gemacht.",
        "",
    ),
    # good
    (
        "Bis Ende März steht Elif an Schultagen selbstständig um 7 Uhr auf und ist um 7:40 Uhr "
        "angezogen.",
        "",
    ),
    (
        "Wir haben bis zum 30.04.2027 eine Wohnung mit zwei Kinderzimmern in Wilhelmsburg "
        "gefunden und den Mietvertrag unterschrieben.",
        "",
    ),
    (
        "Ich gehe ab sofort jeden Donnerstag mit Aylin zum Mutter-Kind-Turnen im Bürgerhaus.",
        "",
    ),
    ("Bis zu den Sommerferien 2027 ist Malik an jedem Schultag um 7:55 Uhr in seiner Klasse.", ""),
    (
        "In vier Wochen weiß Frau Schulz, wo im Stadtteil sie mit Jonas nachmittags hingehen "
        "kann, und war mit ihm einmal dort.",
        "",
    ),
    (
        "Bis zum 15. Januar hat Herr Becker den Brief der Schule gelesen und die "
        "Klassenlehrerin zurückgerufen.",
        "",
    ),
    ("Ab dem 1. Februar schläft Björn jede Nacht in seinem eigenen Bett.", ""),
    (
        "Bis Ende Januar kennt Amira drei Kinder aus ihrer Klasse mit Namen und hat sich "
        "einmal nachmittags mit einem von ihnen verabredet.",
        "",
    ),
    (
        "Bis zu den Herbstferien 2027 fährt Nils selbstständig mit dem Fahrrad zur Schule und "
        "zurück.",
        "",
    ),
    (
        "Ich zahle ab Dezember jeden Monat am Ersten die Miete und den Strom, bevor ich etwas "
        "anderes kaufe.",
        "",
    ),
    (
        "Bis Ostern 2027 liest Şeyma jeden Abend 15 Minuten in einem Buch, das sie sich selbst "
        "in der Bücherhalle ausgesucht hat.",
        "",
    ),
    (
        "Wir Eltern und Emil haben bis zum 31. Mai einen Plan, wer an welchem Tag das "
        "Abendessen kocht, und halten uns daran.",
        "",
    ),
    (
        "Bis zum Halbjahreszeugnis hat Sara alle Hausaufgaben im Hausaufgabenheft eingetragen "
        "und abgehakt.",
        "",
    ),
    (
        "Frau Nguyen ruft bis Ende Februar jeden Montag ihre Schwester an und verabredet, wann "
        "diese die Kinder abholt.",
        "",
    ),
    ("Bis zum 1. März hat Mehmet einen Ausweis beantragt und abgeholt.", ""),
    ("In drei Wochen haben wir für Julian einen Termin beim Zahnarzt gehabt.", ""),
    (
        "Bis zum 28.02.2027 bringt Papa Lotta an drei Tagen pro Woche zur Kita, an den anderen "
        "Tagen Mama.",
        "",
    ),
    (
        "Bis Ende April ist Kemal jeden Samstag von 10 bis 12 Uhr beim Training seiner "
        "Fußballmannschaft.",
        "",
    ),
    (
        "Bis zum Schuljahresende 2027 ist Zeynep an jedem Schultag in der Schule und bei "
        "Krankheit am selben Morgen entschuldigt.",
        "",
    ),
    (
        "Ich weiß bis zum 20. Dezember, an wen ich mich nachts wenden kann, wenn Ben Fieber "
        "hat, und die Nummer hängt am Kühlschrank.",
        "",
    ),
    (
        "Bis zum Frühjahr 2027 spricht Herr Lindqvist mit seiner Tochter jeden Sonntag eine "
        "halbe Stunde über ihre Woche.",
        "",
    ),
    ("Ab nächster Woche isst Greta jeden Morgen vor der Schule ein Frühstück zu Hause.", ""),
    (
        "Bis Mitte März hat Frau Ivanova ihre Nachbarin gefragt, ob sie dienstags Mila von der "
        "Kita abholen kann.",
        "",
    ),
    (
        "Bis zu den Weihnachtsferien 2026 kommt Leonie an Schultagen spätestens um 14 Uhr nach "
        "Hause oder sagt mir vorher Bescheid.",
        "",
    ),
    (
        "Bis zum 31.01.2027 hat Herr Okafor für jedes Kind einen eigenen Ordner für Schulpost "
        "angelegt.",
        "",
    ),
    (
        "In zwei Monaten ist das Kinderzimmer von Tim und Tom so eingerichtet, dass jeder einen "
        "eigenen Schreibtisch hat.",
        "",
    ),
    (
        "Bis zum 10. Januar weiß Jana, welche Ausbildungsplätze es in ihrer Nähe gibt, und hat "
        "sich bei zwei Betrieben beworben.",
        "",
    ),
    ("Bis Ende Mai geht Oma Fatma mit Deniz jeden Freitag in die Bücherhalle.", ""),
    (
        "Wir sind bis zum 1. April bei einem Kinderarzt in unserer Nähe angemeldet und haben "
        "die U9 für Noah gemacht.",
        "",
    ),
    (
        "Bis Ende Juni schreibt Jonas jeden Sonntagabend in den Familienkalender, was in seiner "
        "Woche ansteht.",
        "",
    ),
    (
        "Bis zum 30. Juni sind die Schulsachen von Lina jeden Abend um 19 Uhr für den nächsten "
        "Tag gepackt.",
        "",
    ),
    (
        "Bis zu den Sommerferien 2027 übernachtet Anton einmal im Monat bei seinem Vater von "
        "Freitag bis Sonntag.",
        "",
    ),
    (
        "Ich habe bis Ende Februar mit meiner Chefin geklärt, dass ich an Schultagen um "
        "12:30 Uhr gehen darf, um Ela abzuholen.",
        "",
    ),
    (
        "Bis zum 15.03.2027 hat Eleni ihr Zimmer so aufgeräumt, dass der Boden frei ist und die "
        "Kleidung im Schrank liegt.",
        "",
    ),
    ("Bis Ende Januar gehen Vater und Sohn jeden Sonntagvormittag zusammen schwimmen.", ""),
    (
        "Ab Januar 2027 bezahlt Herr Schneider jeden Monat 50 Euro von seinen Schulden beim "
        "Stromversorger zurück.",
        "",
    ),
    ("Bis zum Sommer 2027 hat Tarek seinen Hauptschulabschluss geschafft.", ""),
    (
        "Bis zur Einschulung im August 2027 kann Hanna ihren Namen schreiben und sich die "
        "Schuhe selbst binden.",
        "",
    ),
    (
        "Wir gehen bis Ende März jeden zweiten Samstag als Familie zum Flohmarkt in der "
        "Nachbarschaft.",
        "",
    ),
    (
        "Bis zum 31. Dezember hat Frau Adeyemi ihre Mutter gefragt, ob sie mittwochs für die "
        "Kinder kocht.",
        "",
    ),
    (
        "Ich sage Ömer ab sofort jeden Abend um 20 Uhr, dass er ins Bett geht, und lese ihm "
        "dann noch eine Geschichte vor.",
        "",
    ),
    (
        "Bis Ende April hat Chiara eine Freundin aus der Klasse einmal zu uns nach Hause "
        "eingeladen.",
        "",
    ),
    (
        "Bis zum nächsten Hilfeplangespräch im März 2027 holt Opa Heinz Lukas dienstags und "
        "donnerstags von der Schule ab.",
        "",
    ),
    (
        "In sechs Wochen haben wir einen Wecker für Mira gekauft, und sie stellt ihn jeden "
        "Abend selbst.",
        "",
    ),
    (
        "Bis zu den Osterferien 2027 kommt Maximilian an vier von fünf Schultagen pünktlich zur "
        "ersten Stunde.",
        "",
    ),
    ("Bis zum 1. Juni hat Familie Kowalski einen Platz in der Kita um die Ecke für Zofia.", ""),
    (
        "Ab Montag räumt Elias nach dem Abendessen selbstständig sein Geschirr in die "
        "Spülmaschine.",
        "",
    ),
    (
        "Bis zum 30. April ist Frau Begić bei ihrer Hausärztin gewesen und hat mit ihr über "
        "ihre Kopfschmerzen gesprochen.",
        "",
    ),
    (
        "Wir Eltern einigen uns bis Ende Januar darauf, wann Finn am Wochenende zu Hause sein "
        "muss, und schreiben es auf.",
        "",
    ),
    (
        "Bis zum 31. Mai fährt Øystein selbstständig mit der U-Bahn zu seinem Vater und ruft "
        "an, wenn er angekommen ist.",
        "",
    ),
    (
        "Bis Ende Juni erledigt Ayşe ihre Einkäufe für die Woche selbstständig am "
        "Samstagvormittag mit einem Einkaufszettel.",
        "",
    ),
    (
        "Bis zu den Herbstferien 2027 räumen Jürgen und Lönne selbstständig jeden Abend ihre "
        "Spielsachen in die Kisten.",
        "",
    ),
    (
        "Bis zum 30. April ruft Frau Çelik bis 8 Uhr in der Schule an, wenn Can krank ist und "
        "nicht kommen kann.",
        "",
    ),
    (
        "Ab sofort sagt Jonas Bescheid, bevor er nach 18 Uhr noch rausgeht, falls er nicht zum "
        "Abendessen da ist.",
        "",
    ),
    (
        "Bis Ende Januar rufen wir die Familienhelferin an, wenn die Post vom Amt kommt, und "
        "lesen sie gemeinsam.",
        "",
    ),
    (
        "Bis zum 15. März hat Frau Kowalczyk der Lehrerin von Antek erzählt, wie es ihm zu "
        "Hause geht.",
        "",
    ),
    # the method's bad examples
    ("weitere Verselbständigung", "vague no_date"),
    ("Mutter kann Grenzen setzen", "vague no_date"),
    ("Stärkung der Erziehungsfähigkeit", "vague hard_to_read no_date"),
    ("eine Sozialpädagogische Familienhilfe für fünf Stunden pro Woche", "measure no_date"),
    ("SPFH", "measure hard_to_read no_date"),
    ("Hilfe zur Erziehung nach § 31 SGB VIII", "measure hard_to_read no_date"),
    # measure
    ("Frau Demir nimmt bis Ende März an der Erziehungsberatung teil.", "measure"),
    (
        "Teilnahme von Jonas an einem Anti-Gewalt-Training bis zu den Sommerferien 2027",
        "measure",
    ),
    ("Einrichtung eines Erziehungsbeistands für Kevin ab Februar", "measure"),
    ("Die Familie bekommt bis Ende Januar eine Familientherapie.", "measure"),
    ("Lukas zieht bis zum 1. März in eine Wohngruppe.", "measure"),
    ("Frau Petersen geht ab sofort jeden Dienstag zur Schuldnerberatung.", "measure"),
    (
        "Herr Weber besucht bis Ende April einen Kurs zur gewaltfreien Kommunikation.",
        "measure",
    ),
    (
        "Familienhilfe mit 6 Fachleistungsstunden pro Woche bis zum 30.06.2027",
        "measure hard_to_read",
    ),
    ("Nadine macht bis zu den Sommerferien 2027 eine Therapie wegen ihrer Ängste.", "measure"),
    ("Bis Ende Februar ist Jakob in einer Tagesgruppe angemeldet.", "measure"),
    ("Fortsetzung der Hilfe gemäß § 27 ff. SGB VIII", "measure hard_to_read no_date"),
    ("Mustafa nimmt ab Januar an einer sozialen Gruppenarbeit teil.", "measure"),
    (
        "Frau Kraft lässt sich bis zum 15. Februar in der Suchtberatungsstelle beraten.",
        "measure",
    ),
    # vague
    (
        "Die Erziehungskompetenz von Herrn Braun ist bis zum Sommer 2027 gestärkt.",
        "vague hard_to_read",
    ),
    ("Verbesserung der Wohnsituation", "vague no_date"),
    ("Stabilisierung der familiären Situation bis Ende März", "vague"),
    ("Lara ist bis zu den Sommerferien 2027 selbstständiger.", "vague"),
    ("Die Mutter setzt bis Ende April konsequent Regeln durch.", "vague"),
    ("Bis zum 31. März kommt Leo regelmäßig zur Schule.", "vague"),
    ("Ab sofort schläft Ida besser.", "vague"),
    ("Die Kinder werden altersgerecht versorgt.", "vague not_family_subject no_date"),
    ("Klärung der schulischen Perspektive von Ahmed bis Ende Januar", "vague"),
    ("Herr Yıldız übernimmt bis Ende Februar mehr Verantwortung im Haushalt.", "vague"),
    ("Die Beziehung zwischen Mutter und Tochter entspannt sich bis Ostern 2027.", "vague"),
    ("Förderung der Entwicklung von Mila", "vague no_date"),
    ("Bis Ende Mai kommt Frau Horn im Alltag besser zurecht.", "vague"),
    ("Sicherung des regelmäßigen Schulbesuchs", "vague no_date"),
    ("Die Familie hat bis zum 30. Juni eine feste Tagesstruktur.", "vague"),
    (
        "Bis zu den Herbstferien 2027 verbessert sich die Kommunikation in der Familie.",
        "vague",
    ),
    ("Elias hat bis zum Halbjahr ein gutes Verhältnis zu seinen Lehrern.", "vague"),
    # negative
    ("Kevin schwänzt ab sofort nicht mehr die Schule.", "negative"),
    ("Bis Ende Februar gibt es keinen Streit mehr beim Zubettgehen.", "negative"),
    ("Herr Lange trinkt keinen Alkohol, wenn er die Kinder betreut.", "negative no_date"),
    ("Die Eltern schreien sich vor den Kindern nie wieder an.", "negative no_date"),
    ("Paul hört bis zum 1. März auf, seine Schwester zu ärgern.", "negative"),
    ("Bis zu den Osterferien 2027 vermeidet Selin nächtliches Handyspielen.", "negative"),
    ("Jannik kommt ab dem 1. Februar nicht mehr zu spät zum Unterricht.", "negative"),
    ("Frau Klein verzichtet bis Ende April darauf, die Kinder anzuschreien.", "negative"),
    ("Bis zum 30.06.2027 ist Marlon ohne Schlägereien durch die Pausen gekommen.", "negative"),
    ("Emily hat bis Ende Januar keine Wutanfälle mehr.", "negative"),
    ("Der Vater schlägt die Kinder nicht.", "negative no_date"),
    ("Wir streiten uns ab sofort nicht mehr vor den Kindern.", "negative"),
    # no_date
    (
        "Elif packt ihr Sportzeug jeden Dienstagmorgen selbst und stellt es an die Wohnungstür.",
        "no_date",
    ),
    ("Murat macht seine Hausaufgaben täglich bis 17 Uhr am Küchentisch.", "no_date"),
    ("Wir frühstücken jeden Morgen um 7 Uhr gemeinsam.", "no_date"),
    ("Frau Schwarz hat einen Kinderarzttermin für Lisa vereinbart.", "no_date"),
    ("Jeden Freitag kocht Max mit seinem Vater das Abendessen.", "no_date"),
    ("Die Kinder sind an Schultagen um 20 Uhr im Bett.", "no_date"),
    ("Ich gehe mit Ayla dienstags und donnerstags auf den Spielplatz.", "no_date"),
    ("Oma Ruth holt Ben montags von der Kita ab.", "no_date"),
    # vague_date
    ("Frau Roth sucht zeitnah eine größere Wohnung.", "vague_date"),
    ("Bald hat Tobias einen Ausbildungsplatz.", "vague_date"),
    ("Langfristig lebt Mia wieder bei ihrer Mutter.", "vague_date"),
    ("Emre geht in Zukunft jeden Morgen um 7:30 Uhr aus dem Haus.", "vague_date"),
    ("Mittelfristig hat Herr Wolf eine Arbeitsstelle.", "vague_date"),
    ("Bis zum Jahr 2032 hat Samira ihr Abitur.", "vague_date"),
    ("In fünf Jahren wohnt Lea in ihrer eigenen Wohnung.", "vague_date"),
    ("Perspektivisch besucht Aaron eine Regelschule.", "vague_date"),
    ("Möglichst bald schläft Nora wieder in ihrem eigenen Zimmer.", "vague_date"),
    # not_family_subject
    (
        "Das Jugendamt organisiert bis Ende Februar einen Platz in der Hausaufgabenhilfe für "
        "Merve.",
        "measure not_family_subject",
    ),
    (
        "Die Familienhelferin begleitet Frau Aksoy bis zum 31. März zu den Terminen beim "
        "Jobcenter.",
        "measure not_family_subject",
    ),
    (
        "Der ASD klärt bis Ende Januar, ob Tim bei der Oma wohnen kann.",
        "not_family_subject hard_to_read",
    ),
    (
        "Die Schule informiert die Eltern ab sofort jeden Freitag über Noahs Fehlzeiten.",
        "not_family_subject",
    ),
    (
        "Frau Lehmann soll bis zum 30. April bei der Wohnungssuche unterstützt werden.",
        "not_family_subject office_voice",
    ),
    (
        "Jonas wird bis zu den Sommerferien 2027 in der Schule von einer Schulbegleitung "
        "unterstützt.",
        "measure not_family_subject",
    ),
    (
        "Bis Ende März vermittelt der Träger der Familie eine Haushaltshilfe.",
        "measure not_family_subject",
    ),
    (
        "Die Kita-Leitung spricht bis zum 15. Januar mit den Eltern über Elias' Sprache.",
        "not_family_subject",
    ),
    (
        "Der Erziehungsbeistand trifft Leon bis Ende April jede Woche einmal.",
        "measure not_family_subject",
    ),
    ("Bis zu den Osterferien 2027 wird die Wohnung der Familie renoviert.", "not_family_subject"),
    (
        # what one "stellt sicher" stays a state (the guide's "ist sichergestellt"): every
        # independent writer but the first labels it vague (round 14)
        "Die Fachkräfte des Trägers stellen sicher, dass Kim bis Ende Mai pünktlich zur Schule "
        "kommt.",
        "vague not_family_subject",
    ),
    ("Herr Kühn vom Jugendamt ruft Frau Marx bis zum 10. Februar zurück.", "not_family_subject"),
    (
        "Es wird geprüft, ob Anna bis zum Sommer 2027 in die Regelschule wechseln kann.",
        "not_family_subject",
    ),
    # hard_to_read
    (
        "Die Kindeseltern bringen Ben bis Ende Januar jeden Morgen um 8 Uhr zur Schule.",
        "hard_to_read",
    ),
    (
        "Bis zum 31. März ist die Kooperationsbereitschaft der Mutter gegenüber der Schule "
        "erkennbar.",
        "vague hard_to_read",
    ),
    (
        "Wir gehen bis Ende Februar jeden Samstag mit den Kindern in den Park, und wenn das "
        "Wetter schlecht ist, gehen wir stattdessen in die Bücherhalle oder ins Schwimmbad, und "
        "danach essen wir alle zusammen zu Mittag, bevor die Kinder zu ihrem Vater fahren.",
        "hard_to_read",
    ),
    (
        "Frau Sánchez kümmert sich bis Ende April im Rahmen ihrer Personensorge darum, dass "
        "Pablo an Schultagen um 8 Uhr in der Schule ist.",
        "hard_to_read",
    ),
    (
        "Der KV holt Lina bis zu den Sommerferien 2027 jeden zweiten Freitag um 15 Uhr von der "
        "Kita ab.",
        "hard_to_read",
    ),
    (
        "Bis zum 30.04.2027 nutzt Familie Berisha die Ressourcen im Stadtteil für die Freizeit "
        "der Kinder.",
        "hard_to_read",
    ),
    (
        "Bis Ende Januar hat Herr Meyer zusammen mit seiner Tochter, die im Sommer zwölf wird "
        "und seit dem Umzug in die neue Wohnung in der Nähe des Bahnhofs kaum noch Freunde in "
        "der Nachbarschaft hat, einen Sportverein gefunden, zu dem sie gern geht.",
        "hard_to_read",
    ),
    (
        "Zur Sicherung des Kindeswohls kommt Frau Graf ab sofort zu allen vereinbarten Terminen.",
        "hard_to_read",
    ),
    ("Die HzE wird bis zum 31.03.2027 beendet.", "measure not_family_subject hard_to_read"),
    (
        "Bis zu den Sommerferien 2027 kennt Frau Ali im Stadtteil die Angebote der OKJA für "
        "ihren Sohn.",
        "hard_to_read",
    ),
    (
        "Partizipation von Lea bei allen Entscheidungen über ihre Freizeit bis Ende März",
        "vague hard_to_read",
    ),
    # several codes
    (
        "Die Mutter soll zeitnah lernen, den Kindern angemessene Grenzen zu setzen, damit sich "
        "die Situation stabilisiert.",
        "vague vague_date office_voice",
    ),
    (
        "Durch die SPFH werden die Eltern langfristig in ihrer Erziehungsfähigkeit gestärkt.",
        "measure vague not_family_subject vague_date hard_to_read",
    ),
    ("Familie Özdemir nimmt langfristig keine Drogen mehr.", "negative vague_date"),
    (
        "Die Familienhelferin sorgt dafür, dass die Kinder nicht mehr alleine zu Hause sind.",
        "measure negative not_family_subject no_date",
    ),
    (
        "Bis Ende März besucht Frau Yilmaz regelmäßig eine Selbsthilfegruppe.",
        "measure vague",
    ),
    (
        "Das Jugendamt überprüft bald, ob die Kinder ausreichend versorgt sind.",
        "vague not_family_subject vague_date",
    ),
    ("Stärkung der Mutter-Kind-Bindung im Rahmen einer Therapie", "measure vague no_date"),
    (
        "Ben soll künftig nicht mehr geschlagen werden.",
        "negative not_family_subject vague_date office_voice",
    ),
    (
        "Herr Kaya besucht zeitnah einen Anti-Aggressions-Kurs nach § 10 JGG.",
        "measure vague_date hard_to_read",
    ),
    ("Die Eltern verbessern ihre Erziehungskompetenz.", "vague hard_to_read no_date"),
    ("Ich höre auf zu trinken.", "negative no_date"),
    (
        "Bis zum Sommer 2027 wird Aylin bei der Verselbstständigung begleitet.",
        "vague not_family_subject",
    ),
    ("Lisa soll mehr Zeit mit Gleichaltrigen verbringen.", "vague no_date office_voice"),
    (
        "Der Vater kümmert sich mehr um die Kinder und schreit nicht mehr.",
        "vague negative no_date",
    ),
    (
        "Die Wohngruppe bereitet Dennis langfristig auf den Auszug vor.",
        "measure not_family_subject vague_date",
    ),
    # written after a first tuning round to probe other styles (then used for tuning)
    ("bis ende märz ist elif jeden morgen um 8 in der schule", ""),
    (
        "Frau Kaya weiß bis zum 15.1.27, wie sie mit dem Vermieter über die Schimmelwand spricht.",
        "",
    ),
    ("Ab 1.2. kocht Herr Demir zweimal pro Woche mit den Kindern.", ""),
    ("Bis zum Sommer ist Elif nachts trocken.", ""),
    ("Bis Mitte Dezember besprechen Mama und ich jeden Sonntag die Termine der Woche.", ""),
    ("Kontinuierliche Schulbesuche von Adem", "vague no_date"),
    (
        "Der Kindesvater soll in die Erziehung einbezogen werden.",
        "no_date not_family_subject office_voice hard_to_read",
    ),
    ("Erlernen von Strategien zur Konfliktlösung", "vague no_date"),
    ("Aufbau eines sozialen Netzwerks", "vague no_date"),
    (
        "Die Mutter ist in der Lage, die Bedürfnisse ihrer Kinder zu erkennen.",
        "vague no_date",
    ),
    ("Ayla besucht ab dem 1. März die Sprachförderung in der Kita.", "measure"),
    (
        "Die Erziehungsberechtigten sorgen bis Ende März für einen geregelten Tagesablauf.",
        "vague hard_to_read",
    ),
    (
        "Das Familiengericht entscheidet bis Ende Februar über das Umgangsrecht.",
        "not_family_subject",
    ),
    (
        "Tom schafft es bis zu den Sommerferien, morgens ohne Streit aus dem Haus zu gehen.",
        "negative",
    ),
    ("Die Kinder besuchen regelmäßig die Schule.", "vague no_date"),
    # a second probe, labelled before it was run (27 of 29 exact), then used for tuning
    ("Bis zum 15. April hat Frau Lindner einen Schlüssel bei der Nachbarin hinterlegt.", ""),
    ("Wir sind bis zu den Pfingstferien 2027 jeden zweiten Sonntag bei Oma Edith zum Kaffee.", ""),
    (
        "Bis Ende Mai sitzt Nico bei den Hausaufgaben am Schreibtisch und das Handy liegt im Flur.",
        "",
    ),
    ("Bis Ende März kennt Jolanta den Weg zum Elterncafé im Bürgerhaus und war zweimal dort.", ""),
    ("Ab sofort putzt Ilias jeden Abend nach dem Essen seine Zähne, und Papa schaut zu.", ""),
    ("Bis zum Zeugnis im Juli 2027 hat Büşra in Deutsch eine Drei.", ""),
    ("Frau Haas bezahlt bis Ende Januar die offene Stromrechnung in drei Raten.", ""),
    ("Herr Engel besucht ab Januar ein Elterntraining.", "measure"),
    (
        "Die Fachkraft der Tagesgruppe holt Milan bis Ende März jeden Tag von der Schule ab.",
        "measure not_family_subject",
    ),
    ("Die Eltern werden bis Ende April bei der Erziehung beraten.", "measure not_family_subject"),
    ("Weiterführung der Erziehungsbeistandschaft", "measure no_date"),
    ("Ziel ist die Stabilisierung der psychischen Gesundheit der Mutter.", "vague no_date"),
    ("Lars hält sich bis Ende Februar besser an Absprachen.", "vague"),
    ("Verbesserung der schulischen Situation von Hamid bis zum Halbjahreszeugnis", "vague"),
    ("Die Kinder erfahren eine angemessene Förderung.", "vague no_date"),
    ("Die Mutter trinkt bis Ende März keinen Alkohol mehr.", "negative"),
    ("Anton kommt bis zu den Sommerferien 2027 nicht mehr zu spät.", "negative"),
    ("Wir hören bis Ende Januar auf, uns vor den Kindern anzuschreien.", "negative"),
    ("Die Familie räumt die Wohnung auf.", "no_date"),
    ("Herr Nowak ruft jeden Freitag bei der Schule an.", "no_date"),
    ("Frau Ilić sucht baldmöglichst einen Kitaplatz für Mara.", "vague_date"),
    ("Irgendwann hat Leon einen festen Job.", "vague_date"),
    ("Auf Dauer lebt Sina bei ihrem Vater.", "vague_date"),
    (
        "Der Sozialdienst der Schule spricht bis Ende Februar mit Mehmet über seine Fehlzeiten.",
        "not_family_subject",
    ),
    (
        "Die Betreuerin der Wohngruppe übt bis Ende März mit Lea das Kochen.",
        "measure not_family_subject",
    ),
    ("Bis zum 30. April wird Jonas von der Oma zur Schule gebracht.", "not_family_subject"),
    (
        "Durch eine Ressourcenorientierung im Rahmen der Hilfeplanung wird die Partizipation "
        "der Kindeseltern sichergestellt.",
        "vague not_family_subject hard_to_read no_date",
    ),
    ("Die KM bringt die Kinder bis Ende März pünktlich zur Schule.", "hard_to_read"),
    (
        "Bis Ende Juni ist Tim an allen Schultagen pünktlich um 7:50 Uhr in der Schule, weil er "
        "um 6:30 Uhr aufsteht, sich allein anzieht, frühstückt und rechtzeitig mit seinem "
        "Freund Paul, der im selben Haus wohnt, zum Bus geht.",
        "hard_to_read",
    ),
]


# Richtungsziele (consensus goals), written and labelled before the checker knew
# ``office_voice`` and before it was shown on the Richtungsziel page; never used for
# tuning. Good ones first, so the checker is seen not to nag at a real consensus goal.
DIRECTION_ROWS: list[tuple[str, str]] = [
    # good
    (
        "Wir Eltern und Muharem (13) kennen und nutzen bis zu den Sommerferien 2027 Wege, "
        "damit Muharem an seiner jetzigen Schule bleiben kann.",
        "",
    ),
    (
        "Wir, Frau Demir und Elif, schaffen es bis zu den Herbstferien 2027, dass Elif jeden "
        "Morgen pünktlich und mit gepacktem Ranzen in der Schule ist.",
        "",
    ),
    (
        "Bis Ende Juni 2027 leben Lina und Ben wieder jeden Tag bei uns, und wir schaffen "
        "unseren Alltag mit Schule, Kita und Arbeit selbst.",
        "",
    ),
    (
        "Wir als Familie Schulz wohnen ab dem 1. Juli 2027 in einer Wohnung, in der jedes Kind "
        "ein eigenes Bett hat.",
        "",
    ),
    (
        "Bis zum Sommer 2027 hat Jana (16) einen Ausbildungsplatz, den sie selbst ausgesucht "
        "hat, und wohnt weiter bei ihrer Mutter.",
        "",
    ),
    (
        "Herr und Frau Yilmaz und Deniz (9) wissen bis zum nächsten Hilfeplangespräch, wie sie "
        "Streit am Abend ruhig lösen können.",
        "",
    ),
    (
        "Wir Eltern wissen bis Ende März, was Tim tun soll, wenn er morgens nicht aufstehen mag.",
        "",
    ),
    (
        "Frau Lehmann und ihre Kinder haben bis zum 30. September 2027 eine eigene Wohnung und "
        "kommen mit dem Geld bis zum Monatsende aus.",
        "",
    ),
    (
        "Bis zu den Herbstferien 2027 weiß Jana, welche Schule sie nach der zehnten Klasse "
        "besuchen will, und hat sich dort angemeldet.",
        "",
    ),
    (
        "Wir wollen, dass Mia bis Weihnachten wieder bei uns wohnt und dass wir bis dahin "
        "wissen, wen wir nachts anrufen können.",
        "",
    ),
    # the office speaking
    (
        "Die Mutter soll ihre Erziehungsfähigkeit stärken.",
        "vague no_date office_voice hard_to_read",
    ),
    (
        "Herr Becker soll bis zum 31. März eine Wohnung für sich und die Kinder finden.",
        "office_voice",
    ),
    (
        "Die Eltern sollen bis zu den Sommerferien 2027 dafür sorgen, dass Lea jeden Tag zur "
        "Schule geht.",
        "office_voice",
    ),
    (
        "Frau Nowak soll lernen, ihre Kinder altersgerecht zu versorgen.",
        "vague no_date office_voice",
    ),
    ("Kevin soll ab sofort jeden Abend um 21 Uhr zu Hause sein.", "office_voice"),
    (
        "Bis zum Halbjahreszeugnis sollen Ali und Sara jeden Tag ihre Hausaufgaben machen.",
        "office_voice",
    ),
    (
        "Die Familie soll sich bis Ende April eine feste Tagesstruktur erarbeiten.",
        "vague office_voice",
    ),
    (
        "Die Kinder sollen perspektivisch in den Haushalt der Mutter zurückkehren.",
        "vague_date office_voice",
    ),
    (
        "Familie Kaya soll bis zum 30. Juni die Mietschulden mit dem Vermieter klären.",
        "office_voice",
    ),
    (
        "Die Mutter sollte bis Ende Mai jeden Morgen mit den Kindern frühstücken.",
        "office_voice",
    ),
    # other misses
    ("Verbesserung der Erziehungsfähigkeit beider Eltern", "vague no_date hard_to_read"),
    ("Die Familie nimmt bis Ende Juni 2027 an einer Erziehungsberatung teil.", "measure"),
    ("Wir streiten bis zu den Sommerferien 2027 nicht mehr so viel.", "negative vague"),
    ("Wir Eltern und Leon wollen langfristig als Familie gut zusammenleben.", "vague_date"),
    (
        "Das Jugendamt unterstützt die Familie bis Ende 2027 dabei, eine Wohnung zu finden.",
        "not_family_subject",
    ),
    (
        "Bis Ende März 2027 soll die Familie durch eine SPFH unterstützt werden.",
        "measure not_family_subject office_voice hard_to_read",
    ),
]


def _goals(
    rows: list[tuple[str, str]], *, held_out: bool, direction: bool = False
) -> list[LabelledGoal]:
    return [
        LabelledGoal(text, frozenset(codes.split()), held_out, direction) for text, codes in rows
    ]


INDEPENDENT_FILE = Path(__file__).parents[1] / "data" / "goal_corpus" / "independent.jsonl"

#: The first fresh held-out set (260 texts, written by a colleague who never read the
#: rules): measured once after round 4, then tuning data (split ``tuning_from_fresh``).
FRESH_HELD_OUT_FILE = INDEPENDENT_FILE.with_name("fresh_held_out.jsonl")

#: Round-5 to -13 tuning texts, each written and labelled by another independent writer
#: (each file committed before the rules that used it).
ROUND_FILES = tuple(INDEPENDENT_FILE.with_name(f"independent_round{n}.jsonl") for n in range(5, 41))

#: The blind held-out sets (issue 14, round 5): written and labelled by writers who never
#: read the rules; only their totals are ever measured. The first was labelled a second time
#: blind by another person and its 7 disagreements settled by a third; a local test run then
#: scored it by accident while the rules were still changing (which codes passed, no figures,
#: no texts), so the second set, written afterwards by yet another writer, is the gate.
BLIND_HELD_OUT_FILE = INDEPENDENT_FILE.with_name("blind_held_out.jsonl")
BLIND2_HELD_OUT_FILE = INDEPENDENT_FILE.with_name("blind2_held_out.jsonl")
#: The third blind set, written after the first two were measured (round 12/13 rules).
BLIND3_HELD_OUT_FILE = INDEPENDENT_FILE.with_name("blind3_held_out.jsonl")
#: The fourth blind set, written by two more writers side by side after the third was
#: measured (200 texts each, one set): the gate for the rules after rounds 14-22.
BLIND4_HELD_OUT_FILES = (
    INDEPENDENT_FILE.with_name("blind4a_held_out.jsonl"),
    INDEPENDENT_FILE.with_name("blind4b_held_out.jsonl"),
)
#: The fifth blind set, written by two more writers after the rules were frozen at 0039eff
#: (a labeller's report on the fourth set had named kinds of wording in it, so the fourth
#: is not a clean gate; see docs/DECISIONS.md).
BLIND5_HELD_OUT_FILES = (
    INDEPENDENT_FILE.with_name("blind5a_held_out.jsonl"),
    INDEPENDENT_FILE.with_name("blind5b_held_out.jsonl"),
)


def _rows(path: Path) -> list[dict[str, object]]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _goal(row: dict[str, object], *, held_out: bool) -> LabelledGoal:
    codes = row.get("codes", [])
    if isinstance(codes, str):
        codes = codes.split()
    assert isinstance(codes, list)
    split = str(row.get("split", "tuning"))
    return LabelledGoal(
        text=str(row["text"]),
        codes=frozenset(str(c) for c in codes),
        held_out=held_out,
        used_held_out=split == "tuning_from_held_out",
        used_fresh=split == "tuning_from_fresh",
        direction=bool(row.get("direction", False)),
        independent=True,
        source=str(row.get("source", "")),
    )


def _independent_goals() -> list[LabelledGoal]:
    rows = _rows(INDEPENDENT_FILE) + _rows(FRESH_HELD_OUT_FILE)
    for path in ROUND_FILES:
        rows += _rows(path)
    # Writers working apart sometimes wrote the same short text ("Wir wollen als Familie
    # wieder glücklich sein."): the first one written counts, the later copies are left out.
    own = {text for text, _codes in HELD_OUT_ROWS + DIRECTION_ROWS + DEV_ROWS}
    seen: set[str] = set()
    goals = []
    for row in rows:
        text = str(row["text"])
        if text in own or text in seen:
            continue
        seen.add(text)
        goals.append(_goal(row, held_out=row.get("split") == "held_out"))
    return goals


#: Texts the rule writers did not write (issue 14): ``independent.jsonl``, the used fresh set
#: and the round-5 tuning texts. All of it is tuning data now.
INDEPENDENT: list[LabelledGoal] = _independent_goals()

#: The first held-out part of issue 14 (213 rows): measured four times (before, after each
#: of three rounds), then, as it had been seen too often to stay unseen, turned into tuning
#: data (split ``tuning_from_held_out``). Its figures in RESULTS.md are history.
INDEPENDENT_USED_HELD_OUT: list[LabelledGoal] = [g for g in INDEPENDENT if g.used_held_out]

#: The first fresh held-out set, measured once after round 4 and tuning data since.
INDEPENDENT_USED_FRESH: list[LabelledGoal] = [g for g in INDEPENDENT if g.used_fresh]

#: The independent texts no rule is tuned on: none left in the tuning files.
INDEPENDENT_HELD_OUT: list[LabelledGoal] = [g for g in INDEPENDENT if g.held_out]


def _blind_rows(path: Path | tuple[Path, ...]) -> list[dict[str, object]]:
    paths = path if isinstance(path, tuple) else (path,)
    if not all(p.is_file() for p in paths):
        return []
    return [row for p in paths for row in _rows(p)]


def blind_held_out(
    path: Path | tuple[Path, ...] = BLIND_HELD_OUT_FILE,
) -> list[LabelledGoal] | None:
    """The rows of a blind held-out set, or None while it is not there.

    A text that an independent tuning writer happened to write word for word too (three
    short ones in the first set) is in the tuning data, so it is not unseen: left out.
    """
    rows = _blind_rows(path)
    if not rows:
        return None
    tuning = {g.text for g in CORPUS}
    return [_goal(row, held_out=True) for row in rows if row["text"] not in tuning]


def blind_overlap(path: Path | tuple[Path, ...] = BLIND_HELD_OUT_FILE) -> int:
    """How many texts of a blind set are also in the tuning data (left out of its score)."""
    tuning = {g.text for g in CORPUS}
    return sum(1 for row in _blind_rows(path) if row["text"] in tuning)


#: The whole corpus, held-out parts first.
CORPUS: list[LabelledGoal] = (
    _goals(HELD_OUT_ROWS, held_out=True)
    + _goals(DIRECTION_ROWS, held_out=True, direction=True)
    + _goals(DEV_ROWS, held_out=False)
    + INDEPENDENT
)


@dataclass(frozen=True)
class CodeScore:
    """Precision and recall of one code over a set of goals."""

    code: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        """Share of the reported findings that were expected (1.0 if none reported)."""
        reported = self.true_positives + self.false_positives
        return self.true_positives / reported if reported else 1.0

    @property
    def recall(self) -> float:
        """Share of the expected findings that were reported (1.0 if none expected)."""
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


@dataclass(frozen=True)
class Score:
    """How a checker did on a set of labelled goals."""

    goals: int
    codes: tuple[CodeScore, ...]
    good_goals: int
    good_goals_clean: int
    mismatches: tuple[tuple[str, frozenset[str], frozenset[str]], ...]

    @property
    def good_clean_share(self) -> float:
        """Share of the good goals (no expected code) that got no finding at all."""
        return self.good_goals_clean / self.good_goals if self.good_goals else 1.0


def score(
    goals: Iterable[LabelledGoal],
    codes_of: Callable[[str], Iterable[str]],
    all_codes: tuple[str, ...],
) -> Score:
    """Compare ``codes_of(text)`` with each goal's labels, per code."""
    goals = list(goals)
    counts = {code: [0, 0, 0] for code in all_codes}
    mismatches = []
    clean = 0
    for goal in goals:
        got = frozenset(codes_of(goal.text))
        for code in all_codes:
            if code in got and code in goal.codes:
                counts[code][0] += 1
            elif code in got:
                counts[code][1] += 1
            elif code in goal.codes:
                counts[code][2] += 1
        if got != goal.codes:
            mismatches.append((goal.text, goal.codes, got))
        if not goal.codes and not got:
            clean += 1
    return Score(
        goals=len(goals),
        codes=tuple(CodeScore(code, *counts[code]) for code in all_codes),
        good_goals=sum(1 for goal in goals if not goal.codes),
        good_goals_clean=clean,
        mismatches=tuple(mismatches),
    )
