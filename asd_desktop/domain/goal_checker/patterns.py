"""The goal checker's word lists and patterns (the rules without the analysis use them)."""

from __future__ import annotations

import re


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
    "WG ADHS MRT KfW BAföG ID PIN IBAN DB WM EM FSJ BFD KFZ LKW PKW ZDF ARD WC Uhr "
    "AG AGs OGS GPS PDF DHL HIV EC VHS ÖPNV BVG MVV RMV NRW USA BMX IKEA ALDI LIDL REWE "
    "NETTO PENNY KIK TEDI DM SB TSV SV VfB VfL DLRG JFC TuS"
)

_ROMAN = re.compile(r"[IVXLC]+")

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
    r"|\bInobhutnahme\b|\bUnterbringung\w*|\bBetreute[sn]?\s+Wohnen\b|\bin\s+Obhut\b"
    r"|(?<!\bin\s)\b\w*[Bb]egleitung\b"
    r"|\b(?!Diskurs|Konkurs|Exkurs)\w*[Kk]urs(?:e|es|en)?\b"
    r"|\b[\w-]*(?:Eltern|Sozial|Gewalt|Aggressions|Kompetenz|Konflikt)-?[Tt]raining\w*"
    r"|\b\w+förderung\b|\bCoaching\b|\bEinzelbetreuung\b|\bEntgiftung\b|\bEntzug\w*|\bReha\b"
    r"|\b(?:Selbsthilfe|Eltern|Mütter|Väter|Sucht|Trauer)gruppe\w*"
    r"|\bGruppenarbeit\b|\b\w*[Gg]ruppenangebot\w*|\bMaßnahme\w*"
)

_MEASURE_TAKING_PART = re.compile(
    r"\bTeilnahme\b|\bteilnehm\w*|\b(?:nimmt|nehmen|nehme|nimmst|nahm|nahmen)\b"
    r"(?:[^.,;:!?]|(?<=\d)\.){0,150}?\bteil\b"
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

_VAGUE_WORDS = re.compile(
    r"\bStärkung\w*|\b(?:ge)?stärkt\b|\bstärken\b"
    r"|\bFörderung\w*|\b(?:ge)?fördert\b|\bfördern\b"
    r"|\b[Vv]erbesser\w*|\bBesserung\b"
    r"|\b[Ss]tabilisier\w*|\bstabil(?:e|en|em|er|es)?\b"
    r"|\b[Ee]ntwickl\w*|\b\w+entwicklung\b|\b(?:weiter)?entwickel(?:t|n|te|ten)?\b"
    r"|\b(?:Ver)?[Ss]elbs(?:ts)?tändig(?:keit|ung)\b|\b[Vv]erselbs(?:ts)?tändig\w*"
    r"|\b\w*[Ff]ähigkeit(?:en)?\b|\b\w*[Kk]ompetenz(?:en)?\b|\b\w*[Bb]ereitschaft\b"
    r"|\bVerantwortung\b|\b\w*Beziehung(?:en)?\b"
    r"|\b(?:[\w-]+-)?Bindung(?:en)?\b|\bBindungs\w*|\b[Ss]trukturierung\w*"
    r"|\b\w*[Ss]truktur(?:en)?\b|\bstrukturiert\w*|\bPerspektive\w*"
    r"|\bGrenzen\s+(?:zu\s+)?(?:setz|akzeptier|respektier|einhalt|anerkenn)\w*"
    r"|\bsetz\w*\s+(?:\w+\s+){0,5}?Grenzen\b|\bzueinander\s+(?:zu\s+)?f[iau]nd\w*"
    r"|\bfühl\w*\s+(?:\w+\s+){0,8}?wohl\b|\bwohlfühl\w*|\bWohlbefinden\b"
    r"|\bzurecht(?:komm\w*)?\b|\bBedürfnis\w*|\bgeregelt\w*"
    r"|\bsichergestellt\b|\bsicherzustellen\b|\bgewährleist\w*"
    r"|\bgute[snm]?\s+(?:Verhältnis|Kontakt|Miteinander|Klima)\b"
    r"|\bgenug\b|\bgenügend\w*"
    r"|\b(?i:(?:un)?(?:angemessen|altersgerecht|altersentsprechend|adäquat|ausreichend|hinreichend"
    r"|konsequent|nachhaltig|positiv|kindgerecht|bedarfsgerecht))\w*"
)

_COMPARATIVE = re.compile(
    r"\b(?:(?:besser|öfter|häufiger|weniger|seltener|ruhiger|entspannter|selbs(?:ts)?tändiger"
    r"|zuverlässiger|pünktlicher|sicherer|offener|früher)(?:e|en|em|es|er)?"
    r"|mehr|regelmäßig\w*|kontinuierlich\w*|verlässlich\w*"
    r"|öfters|so\s+(?:viel|oft|häufig|stark|laut|schlimm)(?!\s*(?:,\s*dass|wie)\b))\b",
    _I,
)

_ARTICLE_BEFORE = re.compile(
    r"\b(?:(?:ein|kein|mein|dein|sein|ihr|unser|euer)(?:e|en|em|er|es)?|der|die|das|den|dem"
    r"|des)\s*$",
    _I,
)

_NEGATION_BEFORE = re.compile(
    r"\b(?:nicht|kein\w*|nie|nimmer|niemand\w*|nichts|nix|nich)\b[^,;.]*$", _I
)

_QUANTIFIER = re.compile(
    rf"(?<!\bin\s)(?<!\bvon\s)(?<!\bnach\s)\b(?:\d+(?:[.,]\d+)?|{_NUMBER_WORDS})\s*"
    r"(?:x\b|[Mm]al\b|Uhr\b|Tage?n?\b|Stunden?\b|Minuten?\b|Abende?n?\b|Nächte?n?\b|Wochen?\b"
    r"|Monate?n?\b|Euro\b|€|Prozent|%|Meter\b|Kilo|Seiten?\b|Bücher\b|Schultage?n?\b"
    r"|Termine?n?\b|von\s+\S+\b|pro\b|am\s+Tag\b|in\s+der\s+Woche\b)"
    r"|\b(?:jede[nrms]?|täglich|wöchentlich|monatlich|stündlich|montags|dienstags"
    r"|mittwochs|donnerstags|freitags|samstags|sonntags|einmal|zweimal|dreimal|viermal"
    r"|fünfmal|mindestens|höchstens|immer\s+wenn)\b"
    # "mehr als zwei Zimmer", "je eine Winterjacke"
    rf"|\b(?:(?:mehr|weniger)\s+als|je)\s+(?:\d+|{_NUMBER_WORDS})\b",
)

_NOMINAL_HEADING = re.compile(
    r"(?:^|(?<=[.!?;:\n]))\s*(?!Wohnung|Rechnung|Kleidung|Zeitung|Übung|Heizung|Ordnung)"
    r"([A-ZÄÖÜ]\w*(?:ung|ion|heit|keit|tät|nahme|schaft|bau|erwerb|erhalt))\s+"
    r"(?:der|des|von|vom|zur|zum|im|in|bei|mit|auf|für|eines|einer|einem)\b"
    r"|(?:^|(?<=[.!?;:\n]))\s*([A-ZÄÖÜ]\w+en)\s+(?:von|der|des|eines|einer)\b"
)

_NEGATIVE = re.compile(
    r"\bnicht(?:\s+mehr)?\b(?!\s+nur\b)|\bnichts\b|\bkein(?:e|en|em|er|es|s)?\b"
    r"|\bnie(?:\s+(?:mehr|wieder))?\b|\bniemals\b"
    r"|\bnix\b|\bnich\b|\bweniger\b|\bseltener\b|\bSchluss\s+mit\b|\bFinger\s+von\b"
    r"|\bmeide[nt]?\b|\bweg\s+ist\b|\bist\s+weg\b"
    r"|\bl(?:ä|a)ss(?:t|en|e)\b[^.,;:!?]{1,60}?\bweg\b"
    r"|\bbeend\w*\s+(?:\w+\s+){0,2}?(?:Kontakt\w*|Beziehung|Konsum|Streit\w*|Affäre)"
    r"|\bl(?:ä|a)ss(?:t|en|e)\b(?:[^.,;:!?]|(?<=\d)\.){1,60}?\bsein\b(?!\s+\w)"
    r"|\bh(?:ä|a)lt(?:en|e)?\s+sich\b[^.,;:!?]{0,60}?\bfern\b|\bfern(?:zu)?halten\b"
    r"|\bohne\s+(?:\w+\s+){0,3}?\w*zu\w+en\b"
    r"|\bniemand\w*|\baufhör\w*|\bhör(?:e|t|en|st)?\b(?:[^,;.!?]|(?<=\d)\.){0,120}?\bauf\b|\b[Vv]ermeid\w*|\b[Vv]ermied\w*"
    r"|\bverzicht\w*|\bunterl(?:ass|äss)\w*|\bverhinder\w*"
    # "ohne Streit", "ohne Hilfe vom Jugendamt", "ohne Abwertungen": what should be absent
    r"|\bohne\s+(?:(?:den|die|das|der|dem|jede\w*|ständige\w*|große\w*)\s+)?\w+",
    _I,
)

_CONDITION_OPENERS = _words("wenn falls sofern sobald bevor ob solange außer sollte")

_TIME_OF_DAY_AFTER = re.compile(r"\s*(?:Uhr|h\b)")

_DATE_ANCHORS = re.compile(
    rf"\b\d{{1,2}}\.\s?\d{{1,2}}\.(?:\d{{2,4}})?(?!\d)"
    rf"|\b(?:{MONTHS})\b"
    r"|\b(?:ab|bis|Ende|Anfang|Mitte)\s+(?:Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\."
    r"|\b(?:0?[1-9]|1[0-2])/(?:20)?\d{2}\b"
    r"|\b(?:KW|Kalenderwoche)\s*\d{1,2}\b"
    r"|\b(?:19|20)\d{2}\b(?!\s*(?:Euro|€|Meter))"
    r"|\b(?:bis|ab|vor|nach|zum|zur|zu|seit|spätestens|im|in|am|Ende|Anfang|Mitte|Beginn)"
    r"\b(?:\s+[\w.]+){0,4}?\s+(?:\w*[Ff]erien|Weihnachten|Ostern|Pfingsten|Silvester"
    r"|Neujahr|Ramadan|Zuckerfest|Opferfest|Schuljahr\w*|Halbjahr\w*|Zeugnis\w*"
    r"|Advent|Nikolaus|Karneval|Fasching|Nowruz|Newroz|Chanukka|Pessach|Kirmes"
    r"|Einschulung|Geburtstag|Hilfeplangespräch\w*|Jahresende|Monatsende|Jahreswechsel"
    r"|Frühjahr|Frühling|Sommer|Herbst|Winter|Quartal\w*|Semester\w*|Jahres|Monats)\b"
    rf"|\b(?:in|innerhalb(?:\s+von)?|binnen|nach|spätestens\s+in)\s+"
    rf"(?:(?:den|der)\s+nächsten\s+)?(?:(?:\d+|{_NUMBER_WORDS})\s*(?:bis|oder|-|–)\s*)?"
    rf"(?:\d+|{_NUMBER_WORDS})\s+"
    r"(?:Tag(?:e|en)?|Woche(?:n)?|Monat(?:e|en)?|Jahr(?:e|en)?|Quartal(?:en)?)\b"
    r"|\b(?:nächste|nächsten|nächstes|kommende|kommenden|übernächste\w*|diese|diesen)\s+"
    r"(?:Woche|Monat|Jahr|Quartal)\b"
    r"|\bEnde\s+(?:der|des|dieser|dieses|nächste[nrs]?)\s+(?:Woche|Monats|Jahres|Jahrs)\b"
    rf"|\bab\s+(?:sofort|heute|morgen|jetzt|nächste\w*|kommende\w*|(?:dem|der|den)\s+\S+"
    rf"|(?:{WEEKDAYS})\b)"
    rf"|\bbis\s+(?:zum\s+|spätestens\s+|nächste[nm]?\s+)*(?:{WEEKDAYS}|heute|morgen)\b"
    r"|\bbis\s+zum\s+nächsten\s+(?:Termin|Gespräch|Treffen)\b"
    # "innerhalb (eines Zeitraums von) einem halben Jahr"
    r"|\b(?:in|innerhalb|binnen)\s+(?:eines\s+Zeitraums\s+von\s+)?(?:einem|eines)\s+"
    r"(?:halben\s+)?(?:Jahr|Monat)(?:es|s)?\b",
    _I,
)

#: "in drei Jahren", "nach zwei bis drei Jahren" (the larger number counts), a year.
_FAR_YEARS = re.compile(
    rf"\b(?:in|nach|innerhalb(?:\s+von)?|binnen)\s+(?:(?:\d+|{_NUMBER_WORDS})\s*(?:bis|oder|-|–)\s*)?"
    rf"(?:\d+|{_NUMBER_WORDS})\s+Jahren\b|\b(?:19|20)\d{{2}}\b",
    _I,
)

_VAGUE_DATE = re.compile(
    r"\b(?:zeitnah\w*|bald\w*|schnellstmöglich\w*|langfristig\w*|mittelfristig\w*"
    r"|kurzfristig\w*|perspektivisch\w*|künftig\w*|zukünftig\w*|demnächst"
    # "irgendwann im nächsten Jahr": the fuzzy word takes the time after it along
    r"|irgendwann(?:\s+(?:im|in|am|an|nach|vor|bis|zum|zur)\b(?:\s+\w+){1,3})?"
    r"|absehbar\w*|in\s+Zukunft|in\s+naher\s+Zukunft|in\s+nächster\s+Zeit|auf\s+Dauer"
    r"|nach\s+und\s+nach|mit\s+der\s+Zeit|eines\s+Tages|bis\s+auf\s+Weiteres"
    r"|im\s+Laufe\s+der\s+(?:Zeit|Hilfe|Maßnahme)|möglichst\s+schnell"
    r"|so\s+schnell\s+wie\s+möglich|sobald\s+wie\s+möglich|auf\s+(?:längere|lange)\s+Sicht"
    r"|sobald\s+es\s+geht|früher\s+oder\s+später|über\s+kurz\s+oder\s+lang"
    r"|so\s+schnell\s+es\s+geht|so\s+bald\s+es\s+geht"
    r"|später\s+(?:mal|einmal)|allmählich|schrittweise|Stück\s+für\s+Stück"
    r"|nach\s+einer\s+(?:gewissen\s+)?Weile|in\s+Kürze|sukzessive|im\s+(?:weiteren\s+)?(?:Hilfe)?[Vv]erlauf|im\s+Hilfeverlauf"
    r"|zu\s+gegebener\s+Zeit|bei\s+Gelegenheit|vorerst|so\s+bald\s+wie\s+möglich"
    r"|(?:in|innerhalb)\s+(?:der|den)\s+(?:nächsten|kommenden)\s+(?:Wochen|Monaten?|Jahren?)"
    r"|(?:in|innerhalb|nach)\s+(?:von\s+)?(?:(?:ein\s+)?paar|einigen|wenigen|mehreren)\s+"
    r"(?:Tagen|Wochen|Monaten|Jahren))\b",
    _I,
)

_PRO_NOUN = (
    # professions and offices, also as the last part of a compound ("Schulsozialarbeiterin")
    r"(?:(?:[A-ZÄÖÜ][\w-]*?)?(?i:jugendamt|amt|jobcenter|sozialdienst|fachdienst"
    r"|sozialarbeiter(?:in|innen)?|sozialpädagog(?:e|in|innen|en)|familienhelfer(?:in|innen)?"
    r"|familienhilfe|erziehungsbeistand|erziehungsbeiständin|fachkraft|fachkräfte|träger"
    r"|helfer(?:in|innen)?|betreuer(?:in|innen)?|berater(?:in|innen)?|therapeut(?:in|innen|en)?"
    r"|manager(?:in|innen)?|lehrer(?:in|innen)?|lehrkraft|lehrkräfte|schule|kita"
    r"|erzieher(?:in|innen)?|vormund|wohngruppe|beratungsstelle|hilfe|maßnahme|arzt|ärztin"
    r"|ärzte|polizei|gericht|team|schulbegleitung|schulbegleiter(?:in)?|hebamme"
    r"|tagesmutter|tagesvater|hausmeister|vermieter(?:in)?|psychiater(?:in|innen)?"
    r"|psycholog(?:e|in|innen|en)|vormund(?:in|innen|schaft)?|vormünder(?:in|innen)?"
    r"|verfahrensbeistand|pflegekinderdienst|pflegedienst|schulsozialarbeit"
    r"|beratung|beistandschaft|sachbearbeiter(?:in)?)"
    r"|(?:Schul|Kita-|KiTa-|Heim|Einrichtungs|Team)?[Ll]eitung|SPFH|HzE|ASD|JC|PKD)"
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
    "wer welche welcher welches welchen um ohne statt obwohl indem solange wobei wen wem "
    "wessen wohin woher warum weshalb wieso"
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

_SHOULD = re.compile(r"\b(?:soll|sollen|sollt|sollst|solle|sollte|sollten|solltest)\b", _I)

_JARGON = re.compile(r"\b\w*(?:" + "|".join(JARGON) + r")\w*", _I)

_CAPS_WORD = re.compile(r"\b[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*\b")

_LETTER_WORD = re.compile(r"[^\W\d_]+")

_LONG_SENTENCE_WORDS = 30

_LONG_WORD_LETTERS = 30
