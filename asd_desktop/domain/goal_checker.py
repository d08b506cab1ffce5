"""The goal checker: comments on a drafted goal while it is typed.

A goal in the method is a concrete, positive future state in an area of the family's
everyday life, in the family's words, with a "bis wann" (DOMAIN.md, "Wille and
Ziele"). The checker looks for the usual ways a drafted goal misses that and says, in
German, why and how to rephrase. It never changes the text: the family's words stay
theirs, and the caseworker may dismiss any finding.

Decisions (each code is one kind of problem; one word can have two problems, e.g.
"SPFH" is a measure and an abbreviation the family may not know):

- ``measure``: a help form or activity instead of a state: SPFH, (Sozialpädagogische)
  Familienhilfe and other "…hilfe" help forms (Nachhilfe, Hausaufgabenhilfe,
  Haushaltshilfe), Hilfe zur Erziehung, Erziehungsbeistand, therapy, counselling
  ("…beratung", "lässt sich beraten"), Wohngruppe, Tagesgruppe, Heim, Unterbringung,
  Begleitung, courses ("…kurs"), help trainings (Elterntraining, Anti-Gewalt-Training;
  a football training is everyday life, not a help), support programmes
  ("Sprachförderung"), self-help and parent groups, "Maßnahme", counselling in the
  passive ("werden … beraten"), taking part ("nimmt … teil", "Teilnahme", "teilnehmen"), help hours
  ("für fünf Stunden pro Woche", Fachleistungsstunden) and § references.
- ``vague``: nothing to grip: abstract targets (Stärkung, Förderung, Verbesserung,
  Stabilisierung, Entwicklung, Selbständigkeit/Verselbständigung as nouns — the
  adverb "selbstständig" in a concrete sentence is fine —, "…fähigkeit",
  "…kompetenz", "…bereitschaft", Verantwortung, Beziehung, Bindung, Struktur,
  Perspektive, "Grenzen setzen", "fühlt sich wohl", "kommt zurecht", "gutes
  Verhältnis", Bedürfnisse, geregelt, sichergestellt, gewährleisten), hedge words
  (angemessen, altersgerecht, ausreichend, konsequent, nachhaltig, positiv, stabil),
  comparisons and "regelmäßig", "kontinuierlich", "verlässlich" with no number or
  frequency in the same sentence ("besser", "mehr", "weniger", "öfter",
  "selbstständiger" …; "an vier von fünf Tagen" or "jeden Montag" quantify them), and
  headings in nominal style ("Klärung der …", "Partizipation von …", "Aufbau eines …",
  "Erlernen von …") unless they name a measure (then ``measure`` says it).
- ``negative``: what should stop or be absent: nicht, kein, nichts, nie (wieder),
  niemals, aufhören, vermeiden, verzichten, unterlassen, "ohne Streit/Gewalt/…".
  A "nicht" inside a condition ("wenn … nicht", "falls …", "bevor …") describes the
  situation, not the goal, and is fine.
- ``no_date`` and ``vague_date``: a goal needs a "bis wann". Accepted time anchors:
  a date ("30.04.2027", "30. April"), a month or year, holidays and school events
  with a time word ("bis zu den Sommerferien 2027", "bis Weihnachten", "bis zum
  Halbjahreszeugnis", "bis zum nächsten Hilfeplangespräch"), seasons, relative
  deadlines ("in vier Wochen", "innerhalb von sechs Wochen", "nächste Woche"),
  "bis Freitag", and a start ("ab sofort", "ab Montag", "ab dem 1. Mai"): a state
  that holds from a known day on can be checked at the next review. Recurring times
  ("jeden Dienstagmorgen", "montags", "täglich bis 18 Uhr") say how often, not by
  when: alone they give ``no_date``. Fuzzy times (zeitnah, bald, langfristig,
  mittelfristig, perspektivisch, künftig, in Zukunft, demnächst …) with no anchor
  give ``vague_date`` instead; so does a deadline more than two years after
  ``today`` (a year such as "2031", or "in fünf Jahren") when there is no nearer one.
  A date in the past is not the checker's business (the wizard questions it).
- ``not_family_subject``: the office, a professional or a provider acts — it is the
  subject at the start of a main clause ("Das Jugendamt …", "Die Familienhelferin
  …", "Herr K. vom Jugendamt …") or right after the verb of a clause that opens with
  a time ("Bis Ende März klärt der Träger …") —, or a main clause is in the
  werden-passive ("soll … unterstützt werden", "wird … begleitet"), which hides who
  acts. A state passive with "sein" ("… gepackt ist") is a state and fine; passives
  inside "wenn/dass/ob …" clauses are not flagged.
- ``office_voice``: "soll", "sollen", "sollte" in a main clause ("Die Mutter soll ihre
  Erziehungsfähigkeit stärken."): the office's expectation of the family, not the
  family's own goal — it must not be printed as "Unser gemeinsames Ziel" unnoticed. A
  "soll" inside "was/wenn/dass …" ("wissen, was Tim tun soll") and a conditional
  "Sollte es …" at the start of a clause are fine.
- ``hard_to_read``: a sentence of more than 30 words (the method's own model goal
  has a 26-word lead sentence; on Reiners' scale more than 30 words is "very hard"),
  office jargon from a short list (``JARGON``), an abbreviation of two or more
  capitals not on a short list of everyday ones (``EVERYDAY_ABBREVIATIONS``: KiTa,
  HSV, WLAN …), a § sign, or a word of 30 letters or more.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from asd_desktop.domain import goal_analysis as lex
from asd_desktop.domain.goal_analysis import AnalysedText, Word

#: All finding codes, in the order findings are reported.
CODES: tuple[str, ...] = (
    "measure",
    "vague",
    "negative",
    "no_date",
    "vague_date",
    "not_family_subject",
    "office_voice",
    "hard_to_read",
)

#: A short German name for each code, for listings.
CODE_LABELS: dict[str, str] = {
    "measure": "Maßnahme statt Ziel",
    "vague": "zu allgemein",
    "negative": "negativ formuliert",
    "no_date": "ohne »bis wann«",
    "vague_date": "unklarer Zeitpunkt",
    "not_family_subject": "nicht die Familie handelt",
    "office_voice": "klingt nach dem Amt",
    "hard_to_read": "schwer zu lesen",
}


@dataclass(frozen=True)
class Finding:
    """One comment on a goal text.

    Attributes:
        code: One of ``CODES``.
        message: German; says why the text misses a good goal and how to rephrase it.
        span: The character range ``(start, end)`` in the text that triggered the
            finding, or ``None`` when it is about the text as a whole.
    """

    code: str
    message: str
    span: tuple[int, int] | None


# --- word lists -------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_I = re.IGNORECASE

MONTHS = "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
WEEKDAYS = "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
_NUMBER_WORDS = (
    "ein|eine|einen|einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|"
    "zwölf|vierzehn|fünfzehn|zwanzig|dreißig|vierzig|fünfzig|hundert|halb|halbe|halben|"
    "anderthalb|einige|einigen|wenige|wenigen|paar"
)
_NUMBER_VALUES = {
    "ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "zwanzig": 20,
}  # fmt: skip

#: Office words a family does not use (``hard_to_read``).
JARGON = (
    "Ressource", "Erziehungskompetenz", "Erziehungsfähigkeit", "Kindeswohl",
    "Hilfeplanverfahren", "Hilfeplanung", "Hilfeplanziel", "Sozialraum", "sozialräumlich",
    "Kindesmutter", "Kindesvater", "Kindeseltern", "Kindsmutter", "Kindsvater",
    "Sorgeberechtigte", "Erziehungsberechtigte", "Personensorge", "Aufenthaltsbestimmung",
    "Partizipation",
    "Mitwirkungsbereitschaft", "Mitwirkungspflicht", "Kooperationsbereitschaft",
    "Compliance", "Psychoedukation", "Lebenswelt", "Clearing", "Casemanagement",
    "Intervention", "Fachleistungsstunde", "niedrigschwellig", "Inobhutnahme",
    "Resilienz", "Empowerment", "Sozialisation", "Gefährdungseinschätzung",
)  # fmt: skip

#: Abbreviations a family knows; any other run of two or more capitals is flagged.
EVERYDAY_ABBREVIATIONS = _words(
    "KiTa KITA OK TV PC SMS WLAN USB DVD CD HSV FC BVB HVV AOK DRK ADAC TÜV EU UN ICE "
    "WG ADHS MRT KfW BAföG ID PIN IBAN DB WM EM FSJ BFD KFZ LKW PKW ZDF ARD WC Uhr"
)

_ROMAN = re.compile(r"[IVXLC]+")

# measure ------------------------------------------------------------------------

_MEASURE_HELP = re.compile(
    r"\b(?:SPFH|HzE|ISE|SGB|KJHG)\b"
    r"|\bHilfen?\s+zur\s+Erziehung\b"
    r"|\b(?!Mithilfe\b|Sozialhilfe\b)\w+hilfen?\b"
    r"|\bErziehungsbei(?:stand|ständ)\w*"
    r"|\b\w*[Tt]herap(?:ie|ien|eut\w*)\b|\btherapeutisch\w*|\bLogopädie\b"
    r"|\b\w*[Bb]eratung\w*"
    r"|\bberaten\s+lassen\b|\b(?:lässt|lassen|ließ|wird|werden|wurde|wurden)\b"
    r"[^.,;:!?]{0,150}?\bberaten\b"
    r"|\b\w*(?:Wohngruppe|Tagesgruppe|Wohneinrichtung|Pflegefamilie)\w*"
    r"|\b(?:Kinder|Jugend)?[Hh]eim(?:unterbringung|platz|erziehung)\b|\bHeim\b"
    r"|\bInobhutnahme\b|\bUnterbringung\w*|\bBetreute[sn]?\s+Wohnen\b"
    r"|(?<!\bin\s)\b\w*[Bb]egleitung\b"
    r"|\b(?!Diskurs|Konkurs|Exkurs)\w*[Kk]urs(?:e|es|en)?\b"
    r"|\b[\w-]*(?:Eltern|Sozial|Gewalt|Aggressions|Kompetenz|Konflikt)-?[Tt]raining\w*"
    r"|\b\w+förderung\b|\bCoaching\b|\bEinzelbetreuung\b|\bEntgiftung\b|\bEntzug\w*|\bReha\b"
    r"|\b(?:Selbsthilfe|Eltern|Mütter|Väter|Sucht|Trauer)gruppe\w*"
    r"|\bGruppenarbeit\b|\b\w*[Gg]ruppenangebot\w*|\bMaßnahme\w*"
)
_MEASURE_TAKING_PART = re.compile(
    r"\bTeilnahme\b|\bteilnehm\w*|\b(?:nimmt|nehmen|nehme|nimmst|nahm|nahmen)\b[^.,;:!?]{0,150}?\bteil\b"
)
_MEASURE_HOURS = re.compile(
    r"\bFachleistungsstunde\w*|\bWochenstunden\b"
    r"|\b(?:für|mit|à|je|im\s+Umfang\s+von)\s+\S{1,20}\s+(?:Fachleistungs)?[Ss]tunden?\s+"
    r"(?:pro|in\s+der|die|je|/)\s*Woche\b"
)
#: "fünf Stunden pro Woche" is a measure only in a heading (no verb); "Elif übt zwei
#: Stunden pro Woche Klavier" is everyday life.
_HOURS_IN_HEADING = re.compile(
    rf"\b(?:\d+|{_NUMBER_WORDS})\s+(?:Fachleistungs)?[Ss]tunden?\s+(?:pro|in\s+der|die|je|/)\s*"
    r"Woche\b"
)
_PARAGRAPH = re.compile(r"§\s*\d+\w*")

# vague ----------------------------------------------------------------------------

_VAGUE_WORDS = re.compile(
    r"\bStärkung\w*|\b(?:ge)?stärkt\b|\bstärken\b"
    r"|\bFörderung\w*|\b(?:ge)?fördert\b|\bfördern\b"
    r"|\b[Vv]erbesser\w*|\bBesserung\b"
    r"|\b[Ss]tabilisier\w*|\bstabil(?:e|en|em|er|es)?\b"
    r"|\b[Ee]ntwickl\w*|\b\w+entwicklung\b"
    r"|\b(?:Ver)?[Ss]elbs(?:ts)?tändig(?:keit|ung)\b|\b[Vv]erselbs(?:ts)?tändig\w*"
    r"|\b\w*[Ff]ähigkeit(?:en)?\b|\b\w*[Kk]ompetenz(?:en)?\b|\b\w*[Bb]ereitschaft\b"
    r"|\bVerantwortung\b|\b\w*Beziehung(?:en)?\b"
    r"|\b(?:[\w-]+-)?Bindung(?:en)?\b|\bBindungs\w*"
    r"|\b\w*[Ss]truktur(?:en)?\b|\bstrukturiert\w*|\bPerspektive\w*"
    r"|\bGrenzen\s+(?:zu\s+)?setz\w*|\bsetz\w*\s+(?:\w+\s+){0,3}?Grenzen\b"
    r"|\bfühl\w*\s+(?:\w+\s+){0,8}?wohl\b|\bwohlfühl\w*|\bWohlbefinden\b"
    r"|\bzurecht(?:komm\w*)?\b|\bBedürfnis\w*|\bgeregelt\w*"
    r"|\bsichergestellt\b|\bsicherzustellen\b|\bgewährleist\w*"
    r"|\bgute[snm]?\s+(?:Verhältnis|Kontakt|Miteinander|Klima)\b"
    r"|\b(?:angemessen|altersgerecht|altersentsprechend|adäquat|ausreichend|hinreichend"
    r"|konsequent|nachhaltig|positiv|kindgerecht|bedarfsgerecht)\w*"
)
_COMPARATIVE = re.compile(
    r"\b(?:(?:besser|öfter|häufiger|weniger|seltener|ruhiger|entspannter|selbs(?:ts)?tändiger"
    r"|zuverlässiger|pünktlicher|sicherer|offener|früher)(?:e|en|em|es|er)?"
    r"|mehr|regelmäßig\w*|kontinuierlich\w*|verlässlich\w*)\b",
    _I,
)
_ARTICLE_BEFORE = re.compile(r"\b(?:ein|kein|mein|dein|sein|ihr|unser|euer)\s*$", _I)
_NEGATION_BEFORE = re.compile(r"\b(?:nicht|kein\w*|nie|nimmer)\b[^,;.]*$", _I)
_QUANTIFIER = re.compile(
    rf"(?<!\bin\s)(?<!\bvon\s)(?<!\bnach\s)\b(?:\d+(?:[.,]\d+)?|{_NUMBER_WORDS})\s*"
    r"(?:x\b|[Mm]al\b|Tage?n?\b|Stunden?\b|Minuten?\b|Abende?n?\b|Nächte?n?\b|Wochen?\b"
    r"|Monate?n?\b|Euro\b|€|Prozent|%|Meter\b|Kilo|Seiten?\b|Bücher\b|Schultage?n?\b"
    r"|Termine?n?\b|von\s+\S+\b|pro\b|am\s+Tag\b|in\s+der\s+Woche\b)"
    r"|\b(?:jede[nrms]?|täglich|wöchentlich|monatlich|stündlich|montags|dienstags"
    r"|mittwochs|donnerstags|freitags|samstags|sonntags|einmal|zweimal|dreimal|viermal"
    r"|fünfmal|mindestens|höchstens|immer\s+wenn)\b",
)
_NOMINAL_HEADING = re.compile(
    r"(?:^|(?<=[.!?;:\n]))\s*(?!Wohnung|Rechnung|Kleidung|Zeitung|Übung|Heizung|Ordnung)"
    r"([A-ZÄÖÜ]\w*(?:ung|ion|heit|keit|tät|nahme|schaft|bau|erwerb|erhalt))\s+"
    r"(?:der|des|von|vom|zur|zum|im|in|bei|mit|auf|für|eines|einer|einem)\b"
    r"|(?:^|(?<=[.!?;:\n]))\s*([A-ZÄÖÜ]\w+en)\s+(?:von|der|des|eines|einer)\b"
)

# negative ---------------------------------------------------------------------------

_NEGATIVE = re.compile(
    r"\bnicht(?:\s+mehr)?\b(?!\s+nur\b)|\bnichts\b|\bkein(?:e|en|em|er|es)?\b"
    r"|\bnie(?:\s+(?:mehr|wieder))?\b|\bniemals\b"
    r"|\bniemand\w*|\baufhör\w*|\bhör(?:e|t|en|st)\b(?:[^,;.!?]|(?<=\d)\.){0,120}?\bauf\b|\b[Vv]ermeid\w*"
    r"|\bverzicht\w*|\bunterl(?:ass|äss)\w*"
    r"|\bohne\s+(?:\w+\s+)?(?:Streit\w*|Schrei\w*|Geschrei|Gewalt|Schläge|Schlagen"
    r"|Schlägerei\w*|Alkohol|Drogen|Ärger|Wut\w*|Konflikt\w*|Drohung\w*|Beleidigung\w*)",
    _I,
)
_CONDITION_OPENERS = _words("wenn falls sofern sobald bevor ob solange außer sollte")

# dates ------------------------------------------------------------------------------

_TIME_OF_DAY_AFTER = re.compile(r"\s*(?:Uhr|h\b)")
_DATE_ANCHORS = re.compile(
    rf"\b\d{{1,2}}\.\s?\d{{1,2}}\.(?:\d{{2,4}})?(?!\d)"
    rf"|\b(?:{MONTHS})\b"
    r"|\b(?:19|20)\d{2}\b(?!\s*(?:Euro|€|Meter))"
    r"|\b(?:bis|ab|vor|nach|zum|zur|zu|seit|spätestens|im|in|am|Ende|Anfang|Mitte|Beginn)"
    r"\b(?:\s+[\w.]+){0,4}?\s+(?:\w*[Ff]erien|Weihnachten|Ostern|Pfingsten|Silvester"
    r"|Neujahr|Ramadan|Zuckerfest|Opferfest|Schuljahr\w*|Halbjahr\w*|Zeugnis\w*"
    r"|Einschulung|Geburtstag|Hilfeplangespräch\w*|Jahresende|Monatsende|Jahreswechsel"
    r"|Frühjahr|Frühling|Sommer|Herbst|Winter|Quartal\w*|Semester\w*|Jahres|Monats)\b"
    rf"|\b(?:in|innerhalb(?:\s+von)?|binnen|nach|spätestens\s+in)\s+"
    rf"(?:(?:den|der)\s+nächsten\s+)?(?:\d+|{_NUMBER_WORDS})\s+"
    r"(?:Tag(?:e|en)?|Woche(?:n)?|Monat(?:e|en)?|Jahr(?:e|en)?|Quartal(?:en)?)\b"
    r"|\b(?:nächste|nächsten|nächstes|kommende|kommenden|übernächste\w*|diese|diesen)\s+"
    r"(?:Woche|Monat|Jahr|Quartal)\b"
    r"|\bEnde\s+(?:der|des|dieser|dieses|nächste[nrs]?)\s+(?:Woche|Monats|Jahres|Jahrs)\b"
    rf"|\bab\s+(?:sofort|heute|morgen|jetzt|nächste\w*|kommende\w*|(?:dem|der|den)\s+\S+"
    rf"|(?:{WEEKDAYS})\b)"
    rf"|\bbis\s+(?:zum\s+|spätestens\s+|nächste[nm]?\s+)*(?:{WEEKDAYS}|heute|morgen)\b"
    r"|\bbis\s+zum\s+nächsten\s+(?:Termin|Gespräch|Treffen)\b",
    _I,
)
_FAR_YEARS = re.compile(rf"\bin\s+(?:\d+|{_NUMBER_WORDS})\s+Jahren\b|\b(?:19|20)\d{{2}}\b", _I)
_VAGUE_DATE = re.compile(
    r"\b(?:zeitnah\w*|bald\w*|schnellstmöglich\w*|langfristig\w*|mittelfristig\w*"
    r"|kurzfristig\w*|perspektivisch\w*|künftig\w*|zukünftig\w*|irgendwann|demnächst"
    r"|absehbar\w*|in\s+Zukunft|in\s+naher\s+Zukunft|in\s+nächster\s+Zeit|auf\s+Dauer"
    r"|nach\s+und\s+nach|mit\s+der\s+Zeit|eines\s+Tages|bis\s+auf\s+Weiteres"
    r"|im\s+Laufe\s+der\s+(?:Zeit|Hilfe|Maßnahme)|möglichst\s+schnell"
    r"|so\s+schnell\s+wie\s+möglich|sobald\s+wie\s+möglich|auf\s+(?:längere|lange)\s+Sicht"
    r"|sobald\s+es\s+geht|früher\s+oder\s+später)\b",
    _I,
)

# subject ----------------------------------------------------------------------------

_PRO_NOUN = (
    # professions and offices, also as the last part of a compound ("Schulsozialarbeiterin")
    r"(?:(?:[A-ZÄÖÜ][\w-]*?)?(?i:jugendamt|amt|jobcenter|sozialdienst|fachdienst"
    r"|sozialarbeiter(?:in|innen)?|sozialpädagog(?:e|in|innen|en)|familienhelfer(?:in|innen)?"
    r"|familienhilfe|erziehungsbeistand|erziehungsbeiständin|fachkraft|fachkräfte|träger"
    r"|helfer(?:in|innen)?|betreuer(?:in|innen)?|berater(?:in|innen)?|therapeut(?:in|innen|en)?"
    r"|manager(?:in|innen)?|lehrer(?:in|innen)?|lehrkraft|lehrkräfte|schule|kita"
    r"|erzieher(?:in|innen)?|vormund|wohngruppe|beratungsstelle|hilfe|maßnahme|arzt|ärztin"
    r"|ärzte|polizei|gericht|team|schulbegleitung|schulbegleiter(?:in)?|hebamme"
    r"|tagesmutter|tagesvater|hausmeister|vermieter(?:in)?)"
    r"|(?:Schul|Kita-|KiTa-|Heim|Einrichtungs|Team)?[Ll]eitung|SPFH|HzE|ASD)"
    r"(?![\w-])"
)
_DETERMINER = r"(?:[Dd]er|[Dd]ie|[Dd]as|[Ee]ine?|[Uu]nsere?|[Ss]eine?|[Ii]hre?)"
_PRO_AT_START = re.compile(
    r"\s*(?:(?:und|oder|aber|dann|danach|außerdem|zudem|auch)\s+)?"
    rf"(?:(?:{_DETERMINER}\s+)(?:[a-zäöüß]\w*\s+)?)?({_PRO_NOUN})"
    r"|\s*(?:Frau|Herr)\s+[\w.]+(?:\s+[\w.]+)?\s+(?:vom|von\s+der|von\s+dem|aus\s+dem|aus\s+der)\s+"
    rf"({_PRO_NOUN})"
)
_PRO_AFTER_VERB = re.compile(rf"\s+{_DETERMINER}\s+(?:[a-zäöüß]\w*\s+)?({_PRO_NOUN})")
_ADVERBIAL_OPENERS = _words(
    "bis ab in im am an nach vor zum zur innerhalb binnen spätestens jeden jede jedes "
    "täglich morgens abends mittags nachmittags vormittags montags dienstags mittwochs "
    "donnerstags freitags samstags sonntags sofort durch seit zukünftig künftig bald "
    "zeitnah langfristig mittelfristig perspektivisch dann danach außerdem zudem dabei "
    "dort hier heute morgen während um bei für möglichst noch schon ende anfang mitte "
    "nächste nächsten einmal zweimal"
)
_FUNCTION_WORDS = _words(
    "der die das den dem des ein eine einen einem einer eines zum zur zu im am an in bis "
    "ab vom von nach vor mit bei für um auf aus über unter durch seit spätestens "
    "jeden jede jedes jeder sofort "
    "nächste nächsten nächster nächstes kommende kommenden allem innerhalb binnen "
    "dieser diese diesen dieses mitte ende anfang beginn möglichst noch schon "
    "und oder auch pro je"
) | frozenset(_NUMBER_WORDS.split("|"))
_SUBORDINATORS = _words(
    "wenn falls sofern sobald bevor nachdem weil da ob dass damit während als wie wo was "
    "wer welche welcher welches welchen um ohne statt obwohl indem solange"
)
_PASSIVE_AUX = re.compile(r"\b(?:wird|werden|wurde|wurden|worden|werde|werdet|wirst)\b")
_SEPARABLE = (
    "zurück", "zusammen", "wieder", "vorbei", "heraus", "herein", "hinein", "voran",
    "durch", "kennen", "sicher", "bereit", "statt", "fest", "frei", "heim", "teil",
    "über", "nach", "weg", "auf", "aus", "bei", "ein", "her", "hin", "los", "mit",
    "vor", "dar", "ab", "an", "um", "zu",
)  # fmt: skip
_INSEPARABLE = ("be", "ver", "er", "ent", "zer", "emp", "miss", "über", "unter", "hinter", "wider")
_GE_INFINITIVES = (
    "gehen", "geben", "gewinnen", "genießen", "gelingen", "gewöhnen", "gestalten",
    "gebrauchen", "gefallen", "geschehen", "gehören", "gelangen", "genügen", "gestehen",
    "gedulden", "genesen", "gewähren",
)  # fmt: skip
_STRONG_PARTICIPLES = _words(
    "beraten verboten vergessen bekommen verlassen erhalten besprochen entlassen "
    "übernommen unterbrochen betrieben beschrieben empfohlen verstanden überwiesen "
    "entschieden vertrieben verwiesen bezogen einbezogen erzogen vermieden verschrieben "
    "versprochen empfangen entnommen unternommen zerrissen"
)

# office voice -------------------------------------------------------------------------

_SHOULD = re.compile(r"\b(?:soll|sollen|sollt|sollst|solle|sollte|sollten|solltest)\b", _I)

# hard to read -------------------------------------------------------------------------

_JARGON = re.compile(r"\b\w*(?:" + "|".join(JARGON) + r")\w*", _I)
_CAPS_WORD = re.compile(r"\b[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*\b")
_LETTER_WORD = re.compile(r"[^\W\d_]+")
_LONG_SENTENCE_WORDS = 30
_LONG_WORD_LETTERS = 30

# structure ----------------------------------------------------------------------------

# A full stop ends a sentence unless it ends a number ("30. April"), an initial ("Frau K.",
# "z. B.", "d. h.") or a common abbreviation.
_NOT_AFTER = "".join(
    rf"(?<!\b{abbr})"
    for abbr in (
        "bzw",
        "ca",
        "usw",
        "etc",
        "Nr",
        "Dr",
        "Fr",
        "Hr",
        "ggf",
        "evtl",
        "inkl",
        "ff",
        "vgl",
        "bspw",
    )
)
_SENTENCE_BOUNDARY = re.compile(
    rf"(?<!\d)(?<!\b\w){_NOT_AFTER}\.(?=\s|$)|[!?;:](?=\s|$)|\n|[()]|\s[–—-]\s"
)
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d+")


def _segments(
    text: str, boundary: re.Pattern[str], start: int, end: int
) -> Iterator[tuple[int, int]]:
    pos = start
    for m in boundary.finditer(text, start, end):
        if text[pos : m.start()].strip():
            yield pos, m.start()
        pos = m.end()
    if text[pos:end].strip():
        yield pos, end


def _sentences(text: str) -> list[tuple[int, int]]:
    return list(_segments(text, _SENTENCE_BOUNDARY, 0, len(text)))


_COMMA = re.compile(r",")


def _clauses(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [c for s, e in sentences for c in _segments(text, _COMMA, s, e)]


def _first_word(text: str, start: int, end: int) -> str:
    m = _TOKEN.search(text, start, end)
    return m.group().lower() if m else ""


# --- the checks ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    text: str
    sentences: list[tuple[int, int]]
    clauses: list[tuple[int, int]]
    today: dt.date
    analysis: AnalysedText | None = None
    #: Results several checks ask for (the measure finding, the time-anchor phrases).
    memo: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def words(self) -> tuple[Word, ...]:
        return self.analysis.words if self.analysis else ()


def _quote(t: _Text, span: tuple[int, int]) -> str:
    word = " ".join(t.text[span[0] : span[1]].split())
    return word if len(word) <= 60 else word[:57] + "…"


_EXAMPLE = (
    "»Bis zum 30. April liegt Elifs Sportzeug jeden Dienstagmorgen gepackt an der Wohnungstür.«"
)


def _measure_finding(t: _Text, span: tuple[int, int], why: str) -> Finding:
    return Finding(
        "measure",
        f"»{_quote(t, span)}« {why} – ein Weg, kein Zustand. Beschreiben Sie, was "
        "sich im Alltag der Familie zeigen soll, wenn die Hilfe gewirkt hat – z. B. "
        f"{_EXAMPLE}",
        span,
    )


def _check_measure(t: _Text) -> Finding | None:
    if "measure" not in t.memo:
        t.memo["measure"] = _find_measure(t)
    found = t.memo["measure"]
    return found if isinstance(found, Finding) else None


def _find_measure(t: _Text) -> Finding | None:
    if t.analysis is not None:
        found = _analysed_measure(t)
        if found is not None:
            return found
    for pattern, why in (
        (_MEASURE_HELP, "ist eine Hilfeform oder Maßnahme, kein Ziel"),
        (_MEASURE_TAKING_PART, "beschreibt eine Teilnahme, nicht was danach anders ist"),
        (_MEASURE_HOURS, "beschreibt den Umfang einer Hilfe, kein Ziel"),
        (_PARAGRAPH, "ist eine Rechtsgrundlage für eine Hilfe, kein Ziel"),
    ):
        for m in pattern.finditer(t.text):
            if t.analysis is not None and _excused_measure_word(t, m.start(), m.end()):
                continue
            return _measure_finding(t, (m.start(), m.end()), why)
        if pattern is _MEASURE_HOURS and not _has_verb(t, 0, len(t.text)):
            hours = _HOURS_IN_HEADING.search(t.text)
            if hours:
                return _measure_finding(t, (hours.start(), hours.end()), why)
    return None


# --- rules on the analysed text ----------------------------------------------------------


def _words_in(t: _Text, start: int, end: int) -> list[Word]:
    return [w for w in t.words if start <= w.start < end]


_CHAIN_LINKS = frozenset(("von", "vom", "aus", "der", "des"))
_DATE_HEADS = frozenset(("ende", "anfang", "mitte", "beginn"))


def _anchor_phrases(t: _Text) -> list[tuple[int, int]]:
    """Spans of "bis …"/"ab …" time phrases (computed once per text)."""
    if "anchors" not in t.memo:
        t.memo["anchors"] = _find_anchor_phrases(t)
    found = t.memo["anchors"]
    return found if isinstance(found, list) else []


def _find_anchor_phrases(t: _Text) -> list[tuple[int, int]]:
    """Spans of "bis …"/"ab …" time phrases: up to their noun and its attached phrases.

    "bis zur Rückkehr von Herrn K. aus der Reha" is one phrase (the Reha is the event's,
    not a help the goal names); "bis Ende März die Schuldnerberatung" ends at "März".
    """
    spans = []
    words = t.words
    for i, w in enumerate(words):
        if w.lemma not in ("bis", "ab"):
            continue
        k = i + 1
        end = None
        while k < len(words) and not words[k].is_finite_verb and words[k].text not in ",.;:!?":
            if words[k].is_noun or words[k].pos == "NE" or words[k].text[:1].isdigit():
                end = k
                nxt = words[k + 1] if k + 1 < len(words) else None
                if nxt is None:
                    break
                if words[k].lemma in _DATE_HEADS or nxt.text[:1].isdigit():
                    k += 1  # "Ende März", "Sommer 2027"
                    continue
                if nxt.text.lower() not in _CHAIN_LINKS:
                    break
            k += 1
        if end is not None:
            spans.append((w.start, words[end].end))
    return spans


def _in_any(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _excused_measure_word(t: _Text, start: int, end: int) -> bool:
    """Whether a word-list measure hit is a time anchor's event or a family's result."""
    if _in_any(start, _anchor_phrases(t)):
        return True
    return any(w.head in lex.RESULT_HEADS for w in _words_in(t, start, end))


def _help_word(w: Word) -> bool:
    return _names_help(w.text, w.lemma, w.parts)


_LONG_HELP_SUFFIX = re.compile(
    "(?:" + "|".join(sorted((p for p in lex.HELP_PARTS if len(p) > 6), key=len)) + ")$"
)


@functools.lru_cache(maxsize=8192)
def _names_help(text: str, lemma: str, parts: tuple[str, ...]) -> bool:
    head = parts[-1] if parts else lemma
    if head in lex.RESULT_HEADS:
        return False
    return (
        lemma in lex.HELP_PARTS
        or text.lower() in lex.HELP_PARTS
        or text in lex.HELP_ABBREVIATIONS
        or head in lex.HELP_PARTS
        # a help named inside a compound ("Therapieplatz"); short parts ("Heim" in
        # "Heimweg") only as the head
        or any(p in lex.HELP_PARTS for p in parts[:-1] if len(p) > 6)
        or _LONG_HELP_SUFFIX.search(lemma) is not None
    )


def _passive_sentence(t: _Text, w: Word) -> bool:
    s, e = _sentence_of(t, w.start)
    return any(x.lemma == "werden" for x in _words_in(t, s, e))


def _has_finite_verb(t: _Text) -> bool:
    return any(w.is_finite_verb for w in t.words)


def _analysed_measure(t: _Text) -> Finding | None:
    anchors = _anchor_phrases(t)
    # "nimmt … an": both the bare and the particle lemma ("nehmen", "annehmen")
    verbs = {w.lemma for w in t.words if w.pos.startswith("V")} | {
        _verb_lemma(t, w) for w in t.words if w.pos.startswith("V")
    }
    nominal = not _has_finite_verb(t)
    for i, w in enumerate(t.words):
        if _in_any(w.start, anchors) or not (w.is_noun or w.pos.startswith(("NE", "VV(PP"))):
            continue
        if _help_word(w):
            return _measure_finding(t, (w.start, w.end), "ist eine Hilfeform oder Maßnahme")
        if w.lemma in lex.RECEIVED_HELP and (nominal or verbs & lex.RECEIVING_VERBS):
            return _measure_finding(
                t,
                (w.start, w.end),
                "ist eine Hilfe, die die Familie bekommt – das Bekommen ist kein Ziel",
            )
        if w.pos.startswith("VV(PP") and w.lemma in lex.HELP_VERBS and _passive_sentence(t, w):
            return _measure_finding(t, (w.start, w.end), "beschreibt eine Hilfe, die jemand gibt")
        before = t.words[i - 1] if i else None
        if before is not None and before.lemma in lex.HELP_MODIFIERS and w.is_noun:
            return _measure_finding(t, (before.start, w.end), "ist eine Hilfeform")
        if before is not None and before.lemma.startswith("betreut") and "wohn" in w.lemma:
            return _measure_finding(t, (before.start, w.end), "ist eine Hilfeform")
    return None


def _sentence_of(t: _Text, pos: int) -> tuple[int, int]:
    for s, e in t.sentences:
        if s <= pos < e:
            return s, e
    return 0, len(t.text)


def _clause_of(t: _Text, pos: int) -> tuple[int, int]:
    for s, e in t.clauses:
        if s <= pos < e:
            return s, e
    return _sentence_of(t, pos)


def _check_vague(t: _Text) -> Finding | None:
    m = _VAGUE_WORDS.search(t.text)
    if m:
        span = (m.start(), m.end())
        word = _quote(t, span)
        if "selbst" in word.lower():
            how = (
                "Nennen Sie, was die Person künftig allein schafft – z. B. »Bis Ende März "
                "fährt Nils selbstständig mit dem Fahrrad zur Schule.«"
            )
        else:
            how = (
                "Beschreiben Sie eine Situation im Alltag: Wer tut was, wann, wie oft? – "
                "z. B. statt »Stärkung der Erziehungsfähigkeit«: »Ab sofort sind Lina und "
                "Ben an Schultagen um 20 Uhr im Bett.«"
            )
        return Finding(
            "vague",
            f"»{word}« ist zu allgemein: Es bleibt offen, woran die Familie merkt, dass das "
            f"Ziel erreicht ist. {how}",
            span,
        )
    for m in _COMPARATIVE.finditer(t.text):
        before = t.text[max(0, m.start() - 40) : m.start()]
        word = m.group().lower()
        if word.endswith("er") and _ARTICLE_BEFORE.search(before):
            continue  # "ein selbstständiger Junge" is an adjective, not a comparison
        if word == "mehr":
            c_start, _ = _clause_of(t, m.start())
            if _NEGATION_BEFORE.search(t.text, c_start, m.start()):
                continue  # "nicht mehr", "kein … mehr" is a negation (``negative``)
        s, e = _sentence_of(t, m.start())
        if _QUANTIFIER.search(t.text, s, e):
            continue
        span = (m.start(), m.end())
        return Finding(
            "vague",
            f"»{_quote(t, span)}« sagt nicht, wie viel oder wie oft: Nennen Sie, woran man "
            "es sieht – z. B. »an vier von fünf Schultagen«, »jeden Montag«, »um 20 Uhr«.",
            span,
        )
    if t.analysis is not None:
        found = _analysed_vague(t)
        if found is not None:
            return found
    m = _NOMINAL_HEADING.search(t.text)
    if m and not _check_measure(t):
        g = 1 if m.group(1) else 2
        span = (m.start(g), m.end(g))
        return Finding(
            "vague",
            f"»{_quote(t, span)} …« ist eine Überschrift, kein Ziel: Es fehlt, wer was tut. "
            "Schreiben Sie einen Satz über einen künftigen Zustand im Alltag – z. B. statt "
            "»Klärung der Wohnsituation«: »Bis zum 30. April haben wir eine Wohnung mit zwei "
            "Kinderzimmern gefunden.«",
            span,
        )
    return None


def _vague_finding(t: _Text, span: tuple[int, int]) -> Finding:
    return Finding(
        "vague",
        f"»{_quote(t, span)}« beschreibt einen inneren oder allgemeinen Zustand: Niemand kann "
        "sehen, wann er erreicht ist. Beschreiben Sie, was man dann im Alltag sieht oder "
        "hört – wer tut was, wann, wie oft? – z. B. statt »lebt harmonisch zusammen«: "
        "»Ab sofort essen wir an vier Abenden pro Woche zusammen.«",
        span,
    )


_NOT_COMPARED = frozenset(("weit", "ander", "letzt", "inner", "äußer", "ober", "unter", "hinter"))


def _is_comparative(w: Word) -> bool:
    low = w.text.lower()
    return (
        w.pos.startswith(("ADJ", "ADV"))
        and w.lemma not in _NOT_COMPARED
        and any(low == w.lemma + ending for ending in ("er", "ere", "eren", "erem", "erer", "eres"))
    )


def _verb_lemma(t: _Text, w: Word) -> str:
    """A verb's lemma with its separated particle ("geht … um" → "umgehen")."""
    if not w.is_finite_verb:
        return w.lemma
    _s, end = _clause_of(t, w.start)
    for nxt in t.words[t.words.index(w) + 1 :]:
        if nxt.start >= end:
            break
        if nxt.pos.startswith("PTKVZ"):
            return nxt.lemma + w.lemma
    return w.lemma


def _situation_named(t: _Text, w: Word, openers: tuple[str, ...] = ("wenn", "sobald")) -> bool:
    """Whether the line goes on to say when or what exactly ("…, wenn Lehrer etwas verlangen")."""
    end = t.text.find("\n", w.end)
    end = len(t.text) if end < 0 else end
    return any(x.lemma in openers for x in _words_in(t, w.end, end))


def _modified_end(t: _Text, w: Word) -> int:
    """The end of "psychisch belastbar": a modifier with the adjectives right after it."""
    end = w.end
    i = t.words.index(w)
    for nxt in t.words[i + 1 : i + 3]:
        if not nxt.pos.startswith(("ADJ", "VV(PP")):
            break
        end = nxt.end
    return end


def _analysed_vague(t: _Text) -> Finding | None:
    anchors = _anchor_phrases(t)
    measure = _check_measure(t)
    # "ein Kurs zur gewaltfreien Kommunikation": the measure names its topic
    if measure is not None and measure.span is not None:
        anchors = [*anchors, (measure.span[0], _clause_of(t, measure.span[0])[1])]
    for w in t.words:
        if _in_any(w.start, anchors):
            continue
        if w.is_noun and (
            w.lemma in lex.ABSTRACT_HEADS
            or (w.head in lex.ABSTRACT_HEADS and w.head not in lex.PLAIN_HEADS)
        ):
            return _vague_finding(t, (w.start, w.end))
        if (
            w.pos.startswith(("ADJ", "ADV", "VV(PP"))
            and (w.lemma in lex.VAGUE_MODIFIERS or w.text.lower() in lex.VAGUE_MODIFIERS)
            and not _situation_named(t, w)
        ):
            return _vague_finding(t, (w.start, _modified_end(t, w)))
        if (
            w.pos.startswith("VV")
            and _verb_lemma(t, w) in lex.VAGUE_VERBS
            and not _situation_named(t, w, ("dass",))
        ):
            return _vague_finding(t, (w.start, w.end))
        if _is_comparative(w):
            s, e = _sentence_of(t, w.start)
            if not _QUANTIFIER.search(t.text, s, e):
                return _vague_finding(t, (w.start, w.end))
    m = _TO_REST.search(t.text)
    if m:
        return _vague_finding(t, (m.start(), m.end()))
    if (
        t.words
        and not _has_finite_verb(t)
        and not _check_measure(t)
        and not _check_negative(t)
        and not _actorless(t)
    ):
        span = (t.words[0].start, t.words[-1].end)
        return Finding(
            "vague",
            "Das ist eine Überschrift, kein Ziel: Es fehlt ein Satz, der sagt, wer was tut. "
            "Schreiben Sie einen Satz über einen künftigen Zustand im Alltag – z. B. statt "
            "»Klärung der Wohnsituation«: »Bis zum 30. April haben wir eine Wohnung mit zwei "
            "Kinderzimmern gefunden.«",
            span,
        )
    return None


_TO_REST = re.compile(r"\bzur\s+Ruhe\s+(?:komm\w*|gekommen)", _I)


def _check_negative(t: _Text) -> Finding | None:
    for m in _NEGATIVE.finditer(t.text):
        c_start, _ = _clause_of(t, m.start())
        if _first_word(t.text, c_start, m.start() + 1) in _CONDITION_OPENERS:
            continue  # "wenn Can krank ist und nicht kommen kann" describes the situation
        span = (m.start(), m.end())
        return Finding(
            "negative",
            f"»{_quote(t, span)}« beschreibt, was aufhören oder fehlen soll. Ein Ziel "
            "beschreibt, was stattdessen da sein soll – positiv formulieren, z. B. statt "
            "»kommt nicht mehr zu spät«: »ist an jedem Schultag um 7:55 Uhr in der Klasse«.",
            span,
        )
    return None


def _date_anchors(t: _Text) -> Iterator[re.Match[str]]:
    for m in _DATE_ANCHORS.finditer(t.text):
        if m.group()[0].isdigit() and _TIME_OF_DAY_AFTER.match(t.text, m.end()):
            continue  # "18.00 Uhr" is a time of day
        yield m


def _far_deadline(t: _Text) -> tuple[int, int] | None:
    """The first deadline more than two years after ``today``, if there is one."""
    for m in _FAR_YEARS.finditer(t.text):
        g = m.group()
        if g[0].isdigit():
            far = int(g) > t.today.year + 2
        else:
            n = g.split()[1].lower()
            far = (int(n) if n.isdigit() else _NUMBER_VALUES.get(n, 0)) > 2
        if far:
            return m.start(), m.end()
    return None


_SKIPPABLE_IN_ANCHOR = ("ART", "APPRART", "APPR", "PPOSAT", "ADJ", "CARD", "PIAT", "NE")


def _event_anchor(t: _Text) -> bool:
    """Whether "bis"/"ab" leads to an event in the family's life ("bis zur Einschulung").

    "bis 17 Uhr" or "bis zum Abendessen" is a daily time, and "von … bis …" a range within
    a day or a week; neither says by when.
    """
    words = t.words
    for i, w in enumerate(words):
        if w.lemma not in ("bis", "ab"):
            continue
        before = {x.lemma for x in words[max(0, i - 3) : i]}
        if w.lemma == "bis" and before & {"von", "vom"}:
            continue
        for nxt in words[i + 1 : i + 6]:
            if nxt.is_noun:
                after = words[words.index(nxt) + 1] if nxt is not words[-1] else None
                if after is not None and after.text[:1].isdigit():
                    break  # "bis zum Jahr 2032" is a date; the date rules judge it
                if nxt.lemma not in lex.DAILY_TIMES and nxt.head not in lex.DAILY_TIMES:
                    return True
                break
            if nxt.text[:1].isdigit() or nxt.pos.startswith(_SKIPPABLE_IN_ANCHOR):
                continue
            if nxt.lemma in ("zu", "zum", "zur", "die", "der", "das", "sein", "ihr"):
                continue
            break
    return False


def _check_dates(t: _Text) -> Finding | None:
    far = _far_deadline(t)
    far_text = t.text[far[0] : far[1]] if far else ""
    near = [m for m in _date_anchors(t) if not (far and far_text in m.group())]
    if near or (t.analysis is not None and _event_anchor(t)):
        return None
    vague = _VAGUE_DATE.search(t.text)
    if vague:
        span = (vague.start(), vague.end())
        return Finding(
            "vague_date",
            f"»{_quote(t, span)}« ist kein Zeitpunkt: Niemand kann später sagen, ob das "
            "Ziel rechtzeitig erreicht ist. Nennen Sie ein Datum oder ein Ereignis, das alle "
            "kennen – z. B. »bis Ende März«, »bis zu den Herbstferien 2027«, »in vier Wochen«.",
            span,
        )
    if far:
        return Finding(
            "vague_date",
            f"»{_quote(t, far)}« liegt mehr als zwei Jahre entfernt – so weit trägt kein "
            "Schwung. Setzen Sie ein Zwischenziel, das in den nächsten Monaten erreichbar "
            "ist, z. B. »bis zu den Sommerferien« oder »bis Ende März«.",
            far,
        )
    return Finding(
        "no_date",
        "Es fehlt ein »bis wann«: Ohne Zeitpunkt lässt sich beim nächsten Gespräch nicht "
        "prüfen, ob das Ziel erreicht ist. Ergänzen Sie einen Termin – z. B. »bis zum "
        "30. April«, »bis zu den Sommerferien 2027«, »in vier Wochen« oder »ab sofort«. "
        "»Jeden Dienstag« sagt, wie oft, aber nicht, bis wann.",
        None,
    )


def _is_participle(word: str) -> bool:
    w = word.lower()
    if len(w) < 5 or not word[0].islower():
        return False
    if w.endswith("iert") or w in _STRONG_PARTICIPLES:
        return True
    stem = w
    for prefix in _SEPARABLE:
        if w.startswith(prefix + "ge") and len(w) > len(prefix) + 4:
            stem = w[len(prefix) :]
            break
    if stem.startswith("ge") and len(stem) > 4:
        if stem.endswith("t"):
            return True
        if stem.endswith("en"):
            return "gegeben" in stem or not stem.endswith(_GE_INFINITIVES)
        return False
    return w.endswith("t") and any(
        w.startswith(p) or any(w.startswith(s + p) for s in _SEPARABLE) for p in _INSEPARABLE
    )


_ADJECTIVES_IN_EN = _words("offen trocken eigen verschieden gelegen")


def _is_strong_participle_before_werden(word: str) -> bool:
    """Whether a word in -en before a final "werden" is a participle ("einbezogen werden")."""
    return (
        word[0].islower()
        and len(word) >= 6
        and word.endswith("en")
        and word.lower() not in _ADJECTIVES_IN_EN
    )


def _passive(t: _Text, start: int, end: int) -> tuple[int, int] | None:
    aux = _PASSIVE_AUX.search(t.text, start, end)
    if not aux:
        return None
    words = list(_LETTER_WORD.finditer(t.text, start, end))
    last = words[-1] if words else None
    before_werden = len(words) > 1 and words[-1].group() in ("werden", "worden")
    if before_werden:
        words.pop()
    if (
        words
        and last
        and (
            _is_participle(words[-1].group())
            or (before_werden and _is_strong_participle_before_werden(words[-1].group()))
        )
    ):
        return min(aux.start(), words[-1].start()), max(aux.end(), last.end())
    return None


def _has_verb(t: _Text, start: int, end: int) -> bool:
    """Whether a lowercase word that can be a verb follows (a heading has none)."""
    return any(
        w[0].islower() and w.lower() not in _FUNCTION_WORDS
        for w in _LETTER_WORD.findall(t.text, start, end)
    )


def _professional_subject(t: _Text, start: int, end: int) -> tuple[int, int] | None:
    m = _PRO_AT_START.match(t.text, start, end)
    if m and _has_verb(t, m.end(), end):
        g = 1 if m.group(1) else 2
        return m.start(g), m.end(g)
    tokens = list(_TOKEN.finditer(t.text, start, end))
    if not tokens or tokens[0].group().lower() not in _ADVERBIAL_OPENERS:
        return None
    previous = tokens[0].group().lower()
    for tok in tokens[1:]:
        word = tok.group()
        low = word.lower()
        if word[0].islower() and low not in _FUNCTION_WORDS and previous not in _FUNCTION_WORDS:
            after = _PRO_AFTER_VERB.match(t.text, tok.end(), end)
            return (after.start(1), after.end(1)) if after else None
        previous = low
    return None


def _actorless(t: _Text) -> tuple[int, int] | None:
    """An event as the subject that hides who acts: "erfolgt", "findet statt", "seitens"."""
    words = t.words
    lemmas = [w.lemma for w in words]
    for i, w in enumerate(words):
        if (w.is_finite_verb or w.text.lower() == "erfolgt") and w.lemma in lex.ACTORLESS_VERBS:
            return w.start, w.end
        if w.is_finite_verb and w.lemma == "finden" and "statt" in lemmas[i:]:
            return w.start, w.end
        if w.lemma == "seitens":
            return w.start, w.end
        if (
            w.is_finite_verb
            and w.lemma == "kommen"
            and i
            and lemmas[i - 1] == "es"
            and {"zu", "zum", "zur"} & set(lemmas[i + 1 : i + 3])
        ):
            return w.start, w.end
    return None


def _is_professional(w: Word) -> bool:
    return w.is_noun and (
        w.lemma in lex.PROFESSIONALS
        or w.head in lex.PROFESSIONALS
        or any(w.lemma.endswith(p) for p in lex.PROFESSIONALS if len(p) > 7)
    )


def _analysed_subject(t: _Text, start: int, end: int) -> tuple[int, int] | None:
    """A professional as the subject of a main clause, found by the parts of speech.

    The subject stands before the finite verb when the clause opens with it ("Die
    Tagesmutter bringt …"), else right after it ("Bis Ostern sucht die Betreuerin …").
    """
    words = _words_in(t, start, end)
    verb = next((i for i, w in enumerate(words) if w.is_finite_verb), None)
    if verb is None:
        return None
    before = words[:verb]
    if before and all(w.pos.startswith(lex.NOUN_PHRASE_TAGS[:7]) for w in before):
        nouns = [w for w in before if w.is_noun]
        head = nouns[0] if nouns else None
    else:
        head = None
        for w in words[verb + 1 : verb + 4]:
            if w.is_noun or w.pos == "NE":
                head = w
                break
            if not w.pos.startswith(("ART", "PPOSAT", "ADJ", "PIAT", "PDAT")):
                break
    if head is not None and _is_professional(head):
        return head.start, head.end
    return None


def _check_subject(t: _Text) -> Finding | None:
    if t.analysis is not None:
        span = _actorless(t)
        if span is not None:
            return Finding(
                "not_family_subject",
                f"»{_quote(t, span)}« macht ein Geschehen zum Satzgegenstand: Es bleibt offen, "
                "wer handelt. Schreiben Sie, wer aus der Familie was tut – z. B. statt »Die "
                "Anmeldung beim Kinderarzt erfolgt bis Februar«: »Bis Februar hat Frau K. "
                "Mila beim Kinderarzt angemeldet.«",
                span,
            )
    for start, end in t.clauses:
        if _first_word(t.text, start, end) in _SUBORDINATORS:
            continue
        span = _professional_subject(t, start, end)
        if span is None and t.analysis is not None:
            span = _analysed_subject(t, start, end)
        if span:
            return Finding(
                "not_family_subject",
                f"Hier handelt »{_quote(t, span)}«, nicht die Familie. Ziele sind die Ziele "
                "der Familie: Schreiben Sie, was die Familie selbst tut oder erreicht hat – "
                "z. B. »Wir …«, »Frau K. …«. Was Fachkräfte beitragen, gehört zu »Ideen und "
                "erste Schritte«.",
                span,
            )
    for start, end in t.clauses:
        if _first_word(t.text, start, end) in _SUBORDINATORS:
            continue
        span = _passive(t, start, end)
        if span:
            return Finding(
                "not_family_subject",
                f"»{_quote(t, span)}« ist Passiv: Es bleibt offen, wer handelt. Schreiben Sie "
                "aktiv, wer aus der Familie etwas tut – z. B. statt »Finn wird morgens "
                "geweckt«: »Papa weckt Finn an Schultagen um 6:45 Uhr.«",
                span,
            )
    return None


def _check_office_voice(t: _Text) -> Finding | None:
    for m in _SHOULD.finditer(t.text):
        c_start, c_end = _clause_of(t, m.start())
        first = _TOKEN.search(t.text, c_start, c_end)
        if first is None or first.group().lower() in _SUBORDINATORS:
            continue  # "wissen, was Tim tun soll" is what someone asks, not the goal
        if first.start() == m.start() and m.group().lower().startswith("sollte"):
            continue  # "Sollte es Streit geben, …" is a condition
        span = (m.start(), m.end())
        return Finding(
            "office_voice",
            f"Das klingt nach dem Amt, nicht nach der Familie: »{_quote(t, span)}« ist eine "
            "Erwartung von außen. Ein gemeinsames Ziel sagt, was die Familie selbst will und "
            "bis wann es erreicht ist – z. B. statt »Die Mutter soll ihre "
            "Erziehungsfähigkeit stärken«: »Ab sofort sind Lina und Ben an Schultagen um "
            "20 Uhr im Bett.« Fragen Sie die Familie: „Was wollen Sie erreichen?“",
            span,
        )
    return None


def _check_readability(t: _Text) -> Finding | None:
    m = _JARGON.search(t.text)
    if m:
        span = (m.start(), m.end())
        return Finding(
            "hard_to_read",
            f"»{_quote(t, span)}« ist Fachsprache. Die Familie liest und unterschreibt das "
            "Ziel – schreiben Sie es in ihren Worten, z. B. »Mutter« statt »Kindesmutter«, "
            "»was Frau K. gut kann« statt »Ressourcen«.",
            span,
        )
    for m in _CAPS_WORD.finditer(t.text):
        word = m.group()
        if len(word) > 6 or word in EVERYDAY_ABBREVIATIONS or _ROMAN.fullmatch(word):
            continue
        span = (m.start(), m.end())
        return Finding(
            "hard_to_read",
            f"»{word}« ist eine Abkürzung, die die Familie vielleicht nicht kennt. Schreiben "
            "Sie in einfachen Worten aus, was gemeint ist.",
            span,
        )
    m = _PARAGRAPH.search(t.text)
    if m:
        span = (m.start(), m.end())
        return Finding(
            "hard_to_read",
            f"»{_quote(t, span)}« ist ein Paragraf – für die Familie unverständlich. Er "
            "gehört in die Akte, nicht in das Ziel.",
            span,
        )
    for s, e in t.sentences:
        words = _LETTER_WORD.findall(t.text, s, e)
        if len(words) > _LONG_SENTENCE_WORDS:
            return Finding(
                "hard_to_read",
                f"Ein Satz hat {len(words)} Wörter – zu lang, um ihn beim Unterschreiben zu "
                f"verstehen. Teilen Sie ihn in kurze Sätze mit höchstens "
                f"{_LONG_SENTENCE_WORDS} Wörtern, besser unter 20.",
                (s, e),
            )
    for m in _LETTER_WORD.finditer(t.text):
        if len(m.group()) >= _LONG_WORD_LETTERS:
            span = (m.start(), m.end())
            return Finding(
                "hard_to_read",
                f"»{m.group()}« ist ein sehr langes Wort. Sagen Sie es einfacher, mit "
                "mehreren kurzen Wörtern.",
                span,
            )
    return None


_CHECKS: tuple[Callable[[_Text], Finding | None], ...] = (
    _check_measure,
    _check_vague,
    _check_negative,
    _check_dates,
    _check_subject,
    _check_office_voice,
    _check_readability,
)


def check_goal(
    text: str, *, today: dt.date | None = None, analysis: AnalysedText | None = None
) -> list[Finding]:
    """Check one drafted goal; fast enough to run on every keystroke.

    Args:
        text: The goal as typed (any length; may span several lines).
        today: The day deadlines are judged from (only a deadline more than two years
            ahead matters); defaults to today's date.
        analysis: The text as a German tagger analysed it (``asd_desktop.language``);
            with it the rules see finite verbs, lemmas and compound heads. Without it
            (model not loaded yet) the word lists alone decide. Ignored if it is the
            analysis of another text.

    Returns:
        At most one finding per code, in the order of ``CODES``. An empty list means
        the checker found nothing to comment on. Blank text gives no findings.
    """
    if not text.strip():
        return []
    sentences = _sentences(text)
    if analysis is not None and analysis.text != text:
        analysis = None
    t = _Text(text, sentences, _clauses(text, sentences), today or dt.date.today(), analysis)
    findings = [f for check in _CHECKS if (f := check(t)) is not None]
    return sorted(findings, key=lambda f: CODES.index(f.code))
