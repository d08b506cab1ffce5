"""Rules on how a goal is framed: its date, who acts, whose voice, how it reads."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from asd_desktop.domain import goal_analysis as lex
from asd_desktop.domain.goal_analysis import Word
from asd_desktop.domain.goal_checker.patterns import (
    _ADVERBIAL_OPENERS,
    _CAPS_WORD,
    _DATE_ANCHORS,
    _FAR_YEARS,
    _FUNCTION_WORDS,
    _GE_INFINITIVES,
    _INSEPARABLE,
    _JARGON,
    _LETTER_WORD,
    _LONG_SENTENCE_WORDS,
    _LONG_WORD_LETTERS,
    _NUMBER_VALUES,
    _PARAGRAPH,
    _PASSIVE_AUX,
    _PRO_AFTER_VERB,
    _PRO_AT_START,
    _ROMAN,
    _SEPARABLE,
    _SHOULD,
    _STRONG_PARTICIPLES,
    _SUBORDINATORS,
    _TIME_OF_DAY_AFTER,
    _VAGUE_DATE,
    EVERYDAY_ABBREVIATIONS,
    _words,
)
from asd_desktop.domain.goal_checker.text import (
    _TOKEN,
    NO_UMLAUT,
    Finding,
    _clause_of,
    _first_word,
    _quote,
    _Text,
    _words_in,
)


def _date_anchors(t: _Text) -> Iterator[re.Match[str]]:
    for m in _DATE_ANCHORS.finditer(t.text):
        if m.group()[0].isdigit() and _TIME_OF_DAY_AFTER.match(t.text, m.end()):
            continue  # "18.00 Uhr" is a time of day
        if m.group()[:3].lower() == "bis" and _FROM_BEFORE.search(t.text, 0, m.start()):
            continue  # "von Montag bis Freitag" is a week, not a deadline
        if m.group()[0].isdigit() and _OF_DATE.search(t.text, 0, m.start()):
            continue  # "(vgl. Protokoll v. 12.10.)": the date of a paper, not a deadline
        if _AS_THEN.search(t.text, 0, m.start()):
            continue  # "nie wieder so wie im Oktober": a time in the past compared with
        yield m


_OF_DATE = re.compile(r"\b(?:vom|v\.)\s*$", re.IGNORECASE)
_AS_THEN = re.compile(r"\bwie\s+(?:im|am|an|zu|in)\s+(?:\w+\s+)?$", re.IGNORECASE)

_FROM_BEFORE = re.compile(
    r"\bvo[nm]\s+(?:(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)s?"
    r"|\d{1,2}(?:[.:]\d{2})?(?:\s*Uhr)?)\s+$",
    re.IGNORECASE,
)


def _far_deadline(t: _Text) -> tuple[int, int] | None:
    """The first deadline more than two years after ``today``, if there is one."""
    for m in _FAR_YEARS.finditer(t.text):
        g = m.group()
        if g[0].isdigit():
            year = int(g)
            far = year > t.today.year + 2 or (
                year == t.today.year + 2 and _late_in_year(t, m.start())
            )
        else:
            # the last number before "Jahren": "nach zwei bis drei Jahren" → 3
            n = re.findall(r"[\w]+", g)[-2].lower()
            far = (int(n) if n.isdigit() else _NUMBER_VALUES.get(n, 0)) > 2
        if far:
            return m.start(), m.end()
    # "Noah (11) lebt bis zu seiner Volljährigkeit …": seven years from now
    age = _AGE.search(t.text)
    adult = _ADULT.search(t.text)
    if age and adult and 18 - int(age.group(1)) > 2:
        return adult.start(), adult.end()
    return None


_AGE = re.compile(r"\((\d{1,2})\)")
_ADULT = re.compile(r"\b(?:Volljährigkeit|18\.\s*Geburtstag)\b", re.IGNORECASE)


_LATE = re.compile(
    r"\b(?:Ende|Herbst|Winter|Jahresende|Weihnachten|November|Dezember|Oktober)\s+(?:des\s+Jahres\s+)?$",
    re.IGNORECASE,
)


def _late_in_year(t: _Text, year_start: int) -> bool:
    """Whether "Ende 2028", "Herbst 2028" names a day after today two years on."""
    before = t.text[max(0, year_start - 25) : year_start]
    m = _LATE.search(before)
    if m is None:
        return False
    word = m.group().split()[0].lower()
    late_months = {"oktober": 10, "november": 11, "dezember": 12}
    return word not in late_months or late_months[word] > t.today.month


_SKIPPABLE_IN_ANCHOR = ("ART", "APPRART", "APPR", "PPOSAT", "ADJ", "CARD", "PIAT", "NE")


def _event_anchor(t: _Text) -> bool:
    """Whether "bis"/"ab" leads to an event in the family's life ("bis zur Einschulung").

    "bis 17 Uhr" or "bis zum Abendessen" is a daily time, and "von … bis …" a range within
    a day or a week; neither says by when.
    """
    words = t.words
    for i, w in enumerate(words):
        if _next_event(words, i):
            return True
        if w.lemma not in ("bis", "ab"):
            continue
        if w.lemma == "bis" and _range_from(words, i):
            continue
        if w.lemma == "bis" and i and words[i - 1].pos == "CARD":
            continue  # "nach zwei bis drei Jahren" is a range of numbers
        for nxt in words[i + 1 : i + 6]:
            if nxt.is_noun:
                after = words[words.index(nxt) + 1] if nxt is not words[-1] else None
                if after is not None and after.text[:1].isdigit():
                    break  # "bis zum Jahr 2032" is a date; the date rules judge it
                if nxt.lemma not in lex.DAILY_TIMES and nxt.head not in lex.DAILY_TIMES:
                    return True
                break
            if nxt.pos == "NE" and any(x.pos == "APPRART" for x in words[i + 1 : words.index(nxt)]):
                return True  # "bis zur U7", "bis zur nächsten HPK": a named event
            if nxt.text[:1].isdigit() or nxt.pos.startswith(_SKIPPABLE_IN_ANCHOR):
                continue
            if nxt.lemma in ("zu", "zum", "zur", "die", "der", "das", "sein", "ihr"):
                continue
            break
    return False


_EVENT_PREPOSITIONS = frozenset(("in", "bei", "zu", "nach", "bis", "vor"))
#: Nouns after "nächst-" that name no event ("in nächster Zeit", "im nächsten Schritt").
_NO_EVENTS = frozenset(("zeit", "schritt", "stufe", "phase", "mal"))

#: Everyday places and routines: "nach der Schule" says how a day runs, not by when.
_ROUTINES = frozenset(
    (
        "schule",
        "kita",
        "arbeit",
        "unterricht",
        "training",
        "essen",
        "hausaufgabe",
        "monatsende",
        "monatsanfang",
        "wochenende",
    )
)


def _range_from(words: tuple[Word, ...], i: int) -> bool:
    """Whether the "bis" at ``i`` closes "von 8 bis 12 Uhr", "vom Montag bis Freitag"."""
    for k in range(max(0, i - 3), i):
        if words[k].lemma not in ("von", "vom"):
            continue
        for x in words[k + 1 : i]:
            if x.pos.startswith(("ART", "APPRART")):
                continue
            return (
                x.pos == "CARD"
                or x.text[:1].isdigit()
                or x.lemma in lex.DAILY_TIMES
                or x.head in lex.DAILY_TIMES
                or x.lemma.endswith("tag")
            )
    return False


def _opening_event(t: _Text) -> bool:
    """Whether a sentence opens with "Nach dem Umzug", "Vor der Geburt": an event's time."""
    words = t.words
    for s, e in t.sentences:
        inside = [w for w in words if s <= w.start < e]
        if len(inside) >= 4 and inside[0].lemma == "sobald" and not _VAGUE_DATE.match(t.text, s):
            return True  # "Sobald das Baby da ist, …": an event starts it
        for k, first in enumerate(inside):
            # "Nach dem Umzug …", "… nach der Entbindung": an event's time
            if first.lemma not in ("nach", "vor") or not first.pos.startswith("APPR"):
                continue
            if k and not _event_after(inside, k):
                continue
            if k:
                return True
            break
        if len(inside) < 3 or inside[0].lemma not in ("nach", "vor"):
            continue
        for x in inside[1:4]:
            if x.pos.startswith(("ART", "APPRART", "PPOSAT", "ADJ")):
                continue
            if x.is_noun:
                return (
                    x.lemma not in lex.DAILY_TIMES
                    and x.head not in lex.DAILY_TIMES
                    and (x.lemma not in _ROUTINES and x.head not in _ROUTINES)
                )
            break
    return False


def _event_after(inside: list[Word], k: int) -> bool:
    """Whether "nach"/"vor" at ``k`` inside a sentence leads to a family event's noun."""
    for x in inside[k + 1 : k + 4]:
        if x.pos.startswith(("ART", "APPRART", "PPOSAT")):
            continue
        if x.is_noun:
            return x.lemma in lex.LIFE_EVENTS or x.head in lex.LIFE_EVENTS
        return False
    return False


def _next_event(words: tuple[Word, ...], i: int) -> bool:
    """Whether word ``i`` starts "(in der) nächsten Klassenarbeit": the next of an event."""
    w = words[i]
    if w.lemma != "nächst" or not w.pos.startswith("ADJ(A") or i + 1 >= len(words):
        return False
    noun = words[i + 1]
    # the lemma only: "am nächsten Abend" is a daily time, "beim nächsten Elternabend" an
    # event; "in nächster Zeit" is a fuzzy time
    if not (noun.is_noun or noun.pos == "NE") or noun.lemma in lex.DAILY_TIMES:
        return False
    if noun.lemma in _NO_EVENTS:
        return False
    return any(x.lemma in _EVENT_PREPOSITIONS for x in words[max(0, i - 3) : i])


def _leads_to(t: _Text, end: int, far_start: int) -> bool:
    """Whether an anchor ending at ``end`` runs on into the far year ("bis Sommer 2029")."""
    if far_start < end:
        return False
    between = t.text[end:far_start]
    return len(between) <= 12 and not any(c in between for c in ",;.!?")


def _far_finding(t: _Text, far: tuple[int, int]) -> Finding:
    return Finding(
        "vague_date",
        f"»{_quote(t, far)}« liegt mehr als zwei Jahre entfernt – so weit trägt kein "
        "Schwung. Setzen Sie ein Zwischenziel, das in den nächsten Monaten erreichbar "
        "ist, z. B. »bis zu den Sommerferien« oder »bis Ende März«.",
        far,
    )


def _check_dates(t: _Text) -> Finding | None:
    far = _far_deadline(t)
    far_text = t.text[far[0] : far[1]] if far else ""
    fuzzy = [(m.start(), m.end()) for m in _VAGUE_DATE.finditer(t.text)]
    near = [
        m
        for m in _date_anchors(t)
        if not (far and (far_text in m.group() or _leads_to(t, m.end(), far[0])))
        # "in einigen Wochen" is no date: the fuzzy phrase holds the anchor
        and not any(s <= m.start() < e for s, e in fuzzy)
    ]
    vague = _VAGUE_DATE.search(t.text)
    if near:
        return None
    if far and not vague:
        # "bis zum Schulabschluss im Jahr 2030": the event is that far away
        return _far_finding(t, far)
    # "mittelfristig … bis zur vollständigen Abstinenz": with a fuzzy time the "bis zur …"
    # is how far, not by when; an event alone still anchors the goal
    if t.analysis is not None and not vague and (_event_anchor(t) or _opening_event(t)):
        return None
    if vague:
        span = (vague.start(), vague.end())
        return Finding(
            "vague_date",
            f"»{_quote(t, span)}« ist kein Zeitpunkt: Niemand kann später sagen, ob das "
            "Ziel rechtzeitig erreicht ist. Nennen Sie ein Datum oder ein Ereignis, das alle "
            "kennen – z. B. »bis Ende März«, »bis zu den Herbstferien 2027«, »in vier Wochen«.",
            span,
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
        if (
            w.pos.startswith("VV(INF")
            and w.lemma in lex.ACTORLESS_VERBS
            and any(x.pos.startswith("VM") for x in words)
        ):
            return w.start, w.end  # "soll … erfolgen"
        if w.is_finite_verb and w.lemma == "fallen" and "entscheidung" in lemmas[:i]:
            return w.start, w.end  # "die Entscheidung fällt bis Mai": who decides?
        if (
            w.lemma in ("erforderlich", "notwendig", "nötig", "angezeigt")
            and w.pos.startswith("ADJ(D")
            and "sein" in lemmas
            and any(x.is_noun and x.lemma.endswith("ung") for x in words)
        ):
            return w.start, w.end  # "ist eine Unterbringung … erforderlich": by whom?
        if w.is_finite_verb and w.lemma == "finden" and "statt" in lemmas[i:]:
            return w.start, w.end
        if w.lemma == "seitens":
            return w.start, w.end
        if w.lemma == "durch" and not any(x.is_finite_verb for x in words):
            # "Überprüfung … durch das Jugendamt": a heading naming the office as actor
            for x in words[i + 1 : i + 4]:
                if x.is_noun:
                    if _is_professional(x) or x.head in ("familienhilfe", "jugendhilfe"):
                        return w.start, x.end
                    break
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
    if not w.is_noun:
        return False
    # the female form of a listed one ("Erziehungsbeiständin" → "erziehungsbeistand"; the
    # typed word, as HanTa may cut the lemma)
    low = w.text.lower()
    male = low[:-2].translate(NO_UMLAUT) if low.endswith("in") else w.lemma
    return (
        w.lemma in lex.PROFESSIONALS
        or w.head in lex.PROFESSIONALS
        or any(x.endswith(p) for p in lex.PROFESSIONALS if len(p) > 7 for x in (w.lemma, male))
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
    # the subject's noun phrase may carry a phrase ("Herr B. vom Sozialen Dienst"); a
    # clause that opens with a preposition ("Bis Ostern sucht …") has it after the verb
    if (
        before
        and not before[0].pos.startswith("APPR")
        and all(w.pos.startswith((*lex.NOUN_PHRASE_TAGS, "KON", "$(")) for w in before)
    ):
        nouns = [w for w in before if w.is_noun]
        head = nouns[0] if nouns else None
        # "Frau Brandt und die Klassenlehrerin tauschen sich aus": a professional among them
        if any(x.pos == "KON" for x in before):
            for w in nouns:
                if _is_professional(w):
                    return w.start, w.end
    else:
        head = None
        for w in words[verb + 1 : verb + 5]:
            if w.is_noun or w.pos == "NE":
                head = w
                break
            # "kümmert sich das Jobcenter": a reflexive may stand before the subject
            if not w.pos.startswith(("ART", "PPOSAT", "ADJ", "PIAT", "PDAT", "PRF")):
                break
    if len(before) == 1 and before[0].pos == "PPER":
        return None  # "Wir nehmen die Hilfe an": the pronoun is the subject
    if head is not None and (
        _is_professional(head)
        or head.text in _OFFICE_SHORT
        or (head in before and _a_service(head))
    ):
        return head.start, head.end
    if head is not None and head.pos == "PIS" and head.lemma == "man":
        return head.start, head.end  # "Man sucht eine Wohnung": who?
    if before and before[0].lemma == "man":
        return before[0].start, before[0].end
    # "…, die Suche übernimmt das Jugendamt": a thing first, the office after the verb
    if head is not None and head in before and not _a_person(head):
        for w in words[verb + 1 : verb + 4]:
            if w.is_noun or w.pos == "NE":
                if _is_professional(w) or w.text in _OFFICE_SHORT:
                    return w.start, w.end
                break
            if not w.pos.startswith(("ART", "ADJ", "PPOSAT")):
                break
    if head is not None and (head.pos == "NE" or head.lemma in ("herr", "frau")):
        return _of_an_office(words, words.index(head))
    return None


_OFFICE_SHORT = frozenset(("ASD", "JA", "KSD", "RSD", "JGH", "BSD", "JC", "PKD"))


def _a_service(w: Word) -> bool:
    """Whether a subject noun is a service ("Die Schuldnerberatung erstellt …")."""
    return w.is_noun and (
        w.head in lex.HELP_PARTS
        or w.lemma.endswith(("beratung", "beratungsstelle", "hilfe", "dienst", "zentrum"))
    )


def _a_person(w: Word) -> bool:
    """Whether a noun names a person of the family or its circle (not an office, a thing)."""
    return (
        w.pos == "NE"
        or w.lemma in lex.FAMILY_AGENTS
        or w.head in lex.FAMILY_AGENTS
        or w.lemma
        in ("herr", "frau", "kind", "kinder", "junge", "mädchen", "baby", "sohn", "tochter")
    )


def _of_an_office(words: list[Word], i: int) -> tuple[int, int] | None:
    """A person named with their office ("Herr Vogel vom Jugendamt"): a professional."""
    if any(x.lemma in ("lassen", "werden") for x in words):
        return None  # "lässt sich von der Beraterin helfen": the one who helps, not who acts
    k = i + 1
    while k < len(words) and (words[k].pos == "NE" or words[k].is_noun) and k <= i + 2:
        k += 1
    # "Frau Hansen (ASD) klärt …": the office in brackets after the name
    if k + 1 < len(words) and words[k].text == "(" and words[k + 1].text in _OFFICE_SHORT:
        return words[i].start, words[k + 1].end
    if k < len(words) and words[k].lemma in ("von", "vom", "aus"):
        for x in words[k + 1 : k + 5]:
            if x.is_noun:
                return (words[i].start, x.end) if _is_professional(x) else None
            if not x.pos.startswith(("ART", "ADJ")):
                return None
    return None


def _analysed_passive(t: _Text, start: int, end: int) -> tuple[int, int] | None:
    """A werden-passive by the tags: finite "werden" and a participle closing the clause.

    Also the modal passive "ist zu klären", "ist sicherzustellen": someone has to, but
    nobody is named.
    """
    words = [w for w in _words_in(t, start, end) if w.pos[:1] != "$"]
    # "bekommt … eine Wohnung angeboten", "gehört … entrümpelt": passives without werden
    other = next(
        (w for w in words if w.is_finite_verb and w.lemma in ("bekommen", "kriegen", "gehören")),
        None,
    )
    if other is not None and words[-1].pos.startswith("VV(PP") and words[-1] is not other:
        return other.start, words[-1].end
    aux_sein = next((w for w in words if w.lemma == "sein" and w.is_finite_verb), None)
    if (
        aux_sein is not None
        and words
        and (
            words[-1].pos.startswith("VV(IZU")
            or (words[-1].pos.startswith("VV(INF") and len(words) > 1 and words[-2].pos == "PTKZU")
        )
    ):
        return aux_sein.start, words[-1].end
    aux = next((w for w in words if w.lemma == "werden" and w.is_finite_verb), None)
    if aux is None or not words or not words[-1].pos.startswith("VV(PP"):
        return None
    return aux.start, words[-1].end


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
        if _first_word(t.text, start, end) in _SUBORDINATORS or _relative(t, start, end):
            continue  # "Medikamente, die der Arzt abgesetzt hat": which ones, not who acts
        if t.analysis is not None and not any(w.is_finite_verb for w in _words_in(t, start, end)):
            continue  # "…, Kita und Arbeit selbst.": a list's item, no clause with a subject
        span = _professional_subject(t, start, end)
        if span is None and t.analysis is not None:
            span = _analysed_subject(t, start, end)
        if span is None and t.analysis is not None:
            # "Frau K. meldet Elif an und die Kitaleitung nimmt sie auf": the second main
            # clause after "und" has its own subject
            for s2 in _coordinated_clauses(t, start, end):
                span = _professional_subject(t, s2, end) or _analysed_subject(t, s2, end)
                if span:
                    break
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
        if _first_word(t.text, start, end) in _SUBORDINATORS or _relative(t, start, end):
            continue
        span = _passive(t, start, end)
        if span is None and t.analysis is not None:
            span = _analysed_passive(t, start, end)
        if span:
            return Finding(
                "not_family_subject",
                f"»{_quote(t, span)}« ist Passiv: Es bleibt offen, wer handelt. Schreiben Sie "
                "aktiv, wer aus der Familie etwas tut – z. B. statt »Finn wird morgens "
                "geweckt«: »Papa weckt Finn an Schultagen um 6:45 Uhr.«",
                span,
            )
    return None


def _coordinated_clauses(t: _Text, start: int, end: int) -> list[int]:
    """Starts of main clauses joined by "und"/"oder"/"aber" with a finite verb each."""
    words = _words_in(t, start, end)
    starts = []
    for k, w in enumerate(words):
        if not (
            k
            and w.pos == "KON"
            and w.lemma in ("und", "oder", "aber")
            and any(x.is_finite_verb for x in words[:k])
        ):
            continue
        # a noun phrase, then its finite verb: "und die Kitaleitung nimmt …"
        phrase = list(itertools.takewhile(lambda x: not x.is_finite_verb, words[k + 1 :]))
        if (
            phrase
            and k + 1 + len(phrase) < len(words)
            and any(x.is_noun for x in phrase)
            and all(x.pos.startswith(("ART", "PPOSAT", "ADJ", "NN", "NE", "PIAT")) for x in phrase)
        ):
            starts.append(words[k + 1].start)
    return starts


def _relative(t: _Text, start: int, end: int) -> bool:
    """Whether a clause is a relative clause ("…, die von allen umgesetzt werden")."""
    if t.analysis is None:
        return False
    words = [w for w in _words_in(t, start, end) if w.pos[:1] != "$"]
    if not words:
        return False
    first = words[0]
    second = words[1] if len(words) > 1 else None
    return first.pos in ("PRELS", "PRELAT") or (
        first.pos.startswith("APPR") and second is not None and second.pos == "PRELS"
    )


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
