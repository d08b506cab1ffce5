"""Rules on what a goal says: a measure, something vague, something negative."""

from __future__ import annotations

import functools
import re

from asd_desktop.domain import goal_analysis as lex
from asd_desktop.domain.goal_analysis import Word
from asd_desktop.domain.goal_checker.form import (
    _actorless,
    _analysed_subject,
    _has_verb,
    _is_professional,
)
from asd_desktop.domain.goal_checker.patterns import (
    _ARTICLE_BEFORE,
    _COMPARATIVE,
    _CONDITION_OPENERS,
    _HOURS_IN_HEADING,
    _I,
    _MEASURE_HELP,
    _MEASURE_HOURS,
    _MEASURE_TAKING_PART,
    _NEGATION_BEFORE,
    _NEGATIVE,
    _NOMINAL_HEADING,
    _PARAGRAPH,
    _QUANTIFIER,
    _VAGUE_DATE,
    _VAGUE_WORDS,
    MONTHS,
    WEEKDAYS,
)
from asd_desktop.domain.goal_checker.text import (
    NO_UMLAUT,
    Finding,
    _anchor_phrases,
    _clause_of,
    _first_word,
    _has_finite_verb,
    _in_any,
    _is_comparative,
    _memo_spans,
    _modified_end,
    _passive_sentence,
    _quote,
    _sentence_of,
    _situation_named,
    _Text,
    _verb_lemma,
    _words_in,
)

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


def _excused_measure_word(t: _Text, start: int, end: int) -> bool:
    """Whether a word-list measure hit is a time anchor's event or a family's result."""
    # "Kurs" in "Erste-Hilfe-Kurs": the whole word the hit is part of
    words = _words_in(t, start, end) or [w for w in t.words if w.start <= start < w.end]
    if _in_any(start, _anchor_phrases(t)) and not any(_youth_placement(w) for w in words):
        return True
    if words and _after_without(t, t.words.index(words[0])):
        return True
    if any(
        w.head in lex.RESULT_HEADS or _everyday_aid(w) or (w.is_noun and _at_work(t, w))
        for w in words
    ):
        return True
    if words and (_finished(t, words[0]) or _where_another_lives(t, words[0])):
        return True
    if _takes_part_in_everyday_life(t, start, end):
        return True
    # "ein Arbeitsvertrag mit 30 Stunden pro Woche": a job's hours, not a help's
    c_start, c_end = _clause_of(t, start)
    return not any(_help_word(w) for w in words) and any(
        (w.is_noun and (w.head in lex.WORK_HEADS or w.lemma in lex.WORK_HEADS))
        or (w.pos.startswith("VV") and _verb_lemma(t, w) in lex.WORK_VERBS)
        for w in _words_in(t, c_start, c_end)
    )


def _takes_part_in_everyday_life(t: _Text, start: int, end: int) -> bool:
    """Whether "Teilnahme"/"nimmt … teil" is about school or leisure ("am Unterricht")."""
    if not _MEASURE_TAKING_PART.fullmatch(t.text, start, end):
        return False
    c_start, c_end = _clause_of(t, start)
    # "nimmt am 3. Dezember am Elternabend teil": the match may run past a date's dot
    clause = _words_in(t, c_start, max(c_end, end))
    # "Teilnahme von Ben am Unterricht", "nimmt … am Unterricht teil": the first thing
    # after "an"/"am"
    for x in clause:
        if x.lemma in ("an", "am") and x.pos.startswith("AP"):
            thing = next((y for y in clause if y.is_noun and y.start > x.start), None)
            if thing is None or thing.lemma in _CALENDAR_NOUNS:
                continue  # "am 3. Dezember am Elternabend": the date is not what they join
            return (
                thing.head in lex.EVERYDAY_EVENTS or thing.lemma in lex.EVERYDAY_EVENTS
            ) and not _help_word(thing)
    return False


_CALENDAR_NOUNS = frozenset(
    (
        *MONTHS.lower().split("|"),
        *WEEKDAYS.lower().split("|"),
        *("wochenende", "tag", "abend", "morgen", "vormittag", "nachmittag"),
    )
)


def _where_another_lives(t: _Text, w: Word) -> bool:
    """Whether a placement is where the one called or visited lives.

    "ruft Mila in der Wohngruppe an": keeping in touch with a child in care is the
    family's own act.
    """
    if not (w.head in lex.PLACEMENTS or w.lemma in lex.PLACEMENTS):
        return False
    c_start, c_end = _clause_of(t, w.start)
    if any(x.lemma in _STAYING for x in _words_in(t, c_start, c_end)):
        return False  # "dass Sophie in der Wohngruppe bleibt und … besucht"
    i = t.words.index(w)
    before = [x for x in t.words[max(0, i - 3) : i] if not x.pos.startswith(("ART", "ADJ"))]
    if not before or before[-1].lemma not in ("in", "bei", "im", "beim"):
        return False
    c_start, c_end = _clause_of(t, w.start)
    return any(
        x.pos.startswith("VV") and _verb_lemma(t, x) in lex.CONTACT_VERBS
        for x in _words_in(t, c_start, c_end)
    )


_STAYING = frozenset(
    ("bleiben", "leben", "wohnen", "ziehen", "einziehen", "umziehen", "zurückkehren", "kommen")
)


def _finished(t: _Text, w: Word) -> bool:
    """Whether the clause of ``w`` finishes something ("hat den Kurs abgeschlossen")."""
    c_start, c_end = _clause_of(t, w.start)
    return any(
        x.pos.startswith("VV")
        and _verb_lemma(t, x) in lex.RESULT_VERBS
        # "soll ein Elterntraining absolvieren" is the measure; "hat … absolviert" a result
        and (x.lemma != "absolvieren" or x.pos.startswith("VV(PP"))
        for x in _words_in(t, c_start, c_end)
    )


_OWN_COMPOUNDS = (
    (("hilfen", "hilfe"), lex.EVERYDAY_AIDS),
    (("kursen", "kurses", "kurse", "kurs"), lex.LEISURE_COURSES),
)


def _everyday_aid(w: Word) -> bool:
    """Whether a compound is an everyday aid ("Putzhilfe") or a leisure course ("Tanzkurs")."""
    low = w.text.lower()
    for endings, first_parts in _OWN_COMPOUNDS:
        for ending in endings:
            if low.endswith(ending):
                first = low[: -len(ending)].rstrip("-")
                return first in first_parts or (first.endswith("s") and first[:-1] in first_parts)
    return False


def _help_word(w: Word) -> bool:
    return _names_help(w.text, w.lemma, w.parts)


_LONG_HELP_SUFFIX = re.compile(
    "(?:" + "|".join(sorted((p for p in lex.HELP_PARTS if len(p) > 6), key=len)) + ")$"
)


_LONG_HELP_PREFIX = re.compile(
    "(?:"
    + "|".join(
        sorted(
            (p for p in lex.HELP_PARTS if len(p) > 6 and p not in lex.HEAD_ONLY_HELP_PARTS),
            key=len,
            reverse=True,
        )
    )
    + ")s?[a-zäöüß]{3,}$"
)


@functools.lru_cache(maxsize=8192)
def _names_help(text: str, lemma: str, parts: tuple[str, ...]) -> bool:
    head = parts[-1] if parts else lemma
    low = text.lower()
    if head in lex.RESULT_HEADS or {low, lemma} & (lex.DAILY_INSTITUTIONS | lex.OTHER_HOMES):
        return False
    return (
        lemma in lex.HELP_PARTS
        or text.lower() in lex.HELP_PARTS
        or text in lex.HELP_ABBREVIATIONS
        or text == "WG"
        or low.endswith("-wg")
        or head in lex.HELP_PARTS
        # a help named inside a compound ("Therapieplatz"); short parts ("Heim" in
        # "Heimweg") only as the head
        or any(p in lex.HELP_PARTS for p in parts[:-1] if len(p) > 6)
        or _LONG_HELP_SUFFIX.search(lemma) is not None
        or _LONG_HELP_SUFFIX.search(low) is not None
        # a compound HanTa does not split ("Inobhutnahmestelle"): a long help part first
        or _LONG_HELP_PREFIX.match(low) is not None
    )


def _analysed_measure(t: _Text) -> Finding | None:
    anchors = _anchor_phrases(t)
    # "nimmt … an": both the bare and the particle lemma ("nehmen", "annehmen")
    verbs = {w.lemma for w in t.words if w.pos.startswith("V")} | {
        _verb_lemma(t, w) for w in t.words if w.pos.startswith("V")
    }
    nominal = not _has_finite_verb(t)
    helper = _helper_acts(t)
    if helper is not None:
        return _measure_finding(
            t, helper, "ist eine Fachkraft einer Hilfe – ihr Einsatz ist die Hilfe"
        )
    for i, w in enumerate(t.words):
        if _in_any(w.start, anchors) and not _youth_placement(w):
            continue
        if _after_without(t, i):
            continue  # "ohne Begleitung": the absence of a help (``negative``)
        if _in_any(w.start, _conditions(t)) and not _youth_placement(w):
            continue  # "wenn sie in die Klinik muss": the situation, not the goal
        if _with_a_helper(t, i):
            return _measure_finding(
                t, (w.start, w.end), "ist die Arbeit mit einer Fachkraft einer Hilfe"
            )
        if (
            w.pos.startswith("VV(INF")
            and (w.lemma in lex.HELP_VERBS or (w.lemma in lex.LET_HELP_VERBS and _by_a_pro(t, w)))
            and _let_happen(t, w)
        ):
            return _measure_finding(t, (w.start, w.end), "beschreibt eine Hilfe, die jemand gibt")
        if (
            w.pos.startswith("VV(FIN")
            and _verb_lemma(t, w) in lex.COOPERATION_VERBS
            and _by_a_helper(t, w)
        ):
            return _measure_finding(
                t, (w.start, w.end), "beschreibt die Zusammenarbeit mit einer Hilfe"
            )
        if not (w.is_noun or w.pos.startswith(("NE", "VV(PP"))):
            continue
        if w.is_noun and _at_work(t, w):
            continue  # "arbeitet in einem Altenheim": a workplace
        if w.pos.startswith("VV(PP") and w.lemma in lex.HELP_STATES:
            return _measure_finding(t, (w.start, w.end), "beschreibt die Anbindung an eine Hilfe")
        if _help_word(w) and not _finished(t, w) and not _where_another_lives(t, w):
            return _measure_finding(t, (w.start, w.end), "ist eine Hilfeform oder Maßnahme")
        if (
            w.is_noun
            and (w.lemma in lex.HELPER_PROFESSIONALS or w.text.lower() in lex.HELPER_PROFESSIONALS)
            and (
                verbs & {"bekommen", "erhalten", "kriegen", "beantragen"}
                or any(x.lemma == "verfügung" for x in t.words)
            )
        ):
            # "Familie Dobrev bekommt eine Familienhelferin": the helper is the help
            return _measure_finding(
                t,
                (w.start, w.end),
                "ist eine Hilfe, die die Familie bekommt – das Bekommen ist kein Ziel",
            )
        if (
            w.lemma == "anspruch"
            and i
            and t.words[i - 1].lemma == "in"
            and verbs & {"nehmen", "genommen"}
            and not _from_others(t, i)
        ):
            # "nimmt die Vater-Kind-Gruppe in Anspruch": using a help
            return _measure_finding(
                t, (t.words[i - 1].start, w.end), "beschreibt, dass die Familie eine Hilfe nutzt"
            )
        if (
            (w.lemma in lex.RECEIVED_HELP or (w.is_noun and w.head in lex.RECEIVED_HELP))
            and (
                nominal
                or verbs & lex.RECEIVING_VERBS
                or _applied_for(t, w)
                or _within(t, i)
                or (i and t.words[i - 1].lemma == "mit" and _from_a_pro(t, i))
            )
            and not _from_others(t, i)
        ):
            return _measure_finding(
                t,
                (w.start, w.end),
                "ist eine Hilfe, die die Familie bekommt – das Bekommen ist kein Ziel",
            )
        if (
            w.pos.startswith("VV(PP")
            and _passive_sentence(t, w)
            and (
                (w.lemma in lex.HELP_VERBS and not _by_family(t, w))
                or (w.lemma in lex.LET_HELP_VERBS and _by_a_pro(t, w))
            )
        ):
            return _measure_finding(t, (w.start, w.end), "beschreibt eine Hilfe, die jemand gibt")
        before = t.words[i - 1] if i else None
        if (
            before is not None
            and before.lemma in lex.TREATMENT_MODIFIERS
            and (w.head in lex.TREATMENT_NOUNS or w.lemma in lex.TREATMENT_NOUNS)
        ):
            return _measure_finding(t, (before.start, w.end), "ist eine Behandlung als Hilfe")
        if before is not None and before.lemma in lex.HELP_MODIFIERS and w.is_noun:
            return _measure_finding(t, (before.start, w.end), "ist eine Hilfeform")
        if before is not None and before.lemma.startswith("betreut") and "wohn" in w.lemma:
            return _measure_finding(t, (before.start, w.end), "ist eine Hilfeform")
        if before is not None and before.lemma.startswith("begleit") and w.lemma.startswith("umg"):
            return _measure_finding(t, (before.start, w.end), "ist eine Hilfeform")
        if w.is_noun and w.lemma.startswith("umgang") and "statt" in {x.lemma for x in t.words}:
            with_guide = next((x for x in t.words if x.text.lower() == "begleitet"), None)
            if with_guide is not None:
                # "Umgangskontakte finden begleitet statt": a begleiteter Umgang
                return _measure_finding(t, (w.start, w.end), "ist eine Hilfeform")
    return None


def _giver(t: _Text, i: int) -> Word | None:
    """Who gives the help at ``i``: "Unterstützung des Jugendamts", "… von zwei Kollegen"."""
    for x in t.words[i + 1 : i + 5]:
        if x.is_noun or x.pos == "NE":
            return x
        if not x.pos.startswith(("ART", "APPR", "CARD", "ADJ", "PPOSAT", "PIAT")):
            return None
    return None


def _from_a_pro(t: _Text, i: int) -> bool:
    giver = _giver(t, i)
    return giver is not None and (_is_professional(giver) or _help_word(giver))


def _from_others(t: _Text, i: int) -> bool:
    """Whether the help at ``i`` comes from named people who are no professionals."""
    giver = _giver(t, i)
    if giver is None or _is_professional(giver) or _help_word(giver):
        return False
    after = t.words[i + 1] if i + 1 < len(t.words) else None
    return after is not None and after.lemma in ("von", "vom", "durch")


def _within(t: _Text, i: int) -> bool:
    """Whether word ``i`` follows "im Rahmen der/des" ("im Rahmen der Hilfe")."""
    lemmas = [x.lemma for x in t.words[max(0, i - 3) : i]]
    return "rahmen" in lemmas


def _with_a_helper(t: _Text, i: int) -> bool:
    """Whether word ``i`` is the helper of a help form after "mit" ("mit der Familienhelferin")."""
    w = t.words[i]
    if not w.is_noun:
        return False
    low = w.text.lower()
    if low not in lex.HELPER_PROFESSIONALS and not any(
        low.endswith(h) for h in lex.HELPER_PROFESSIONALS if len(h) > 8
    ):
        return False
    for x in reversed(t.words[max(0, i - 3) : i]):
        if x.lemma == "mit":
            return True
        if not x.pos.startswith(("ART", "PPOSAT", "ADJ")):
            return False
    return False


def _youth_placement(w: Word) -> bool:
    """Whether ``w`` names a child's placement ("Wohngruppe", "Jugend-WG")."""
    low = w.text.lower()
    return (
        w.lemma in lex.YOUTH_PLACEMENTS
        or w.head in lex.YOUTH_PLACEMENTS
        or low in lex.YOUTH_PLACEMENTS
        or w.text == "WG"
        or low.endswith("-wg")
    )


def _after_without(t: _Text, i: int) -> bool:
    """Whether word ``i`` is what "ohne" leaves out ("ohne Begleitung", "ohne Angst")."""
    if not (t.words[i].is_noun or t.words[i].pos.startswith("ADJ")):
        return False
    for k in range(i - 1, max(-1, i - 4), -1):
        x = t.words[k]
        if x.lemma == "ohne":
            return True
        if not x.pos.startswith(("ART", "ADJ", "PPOSAT", "PIAT")):
            return False  # "ohne Jugendamt klarkommen": the verb is outside
    return False


def _quoted(t: _Text, pos: int) -> bool:
    """Whether ``pos`` is inside quotation marks (a title: den Test „Leben in Deutschland“)."""
    for opening, closing in _QUOTES:
        start = t.text.rfind(opening, 0, pos)
        if start < 0:
            continue
        inner_close = t.text.find(closing, start + 1)
        # a short quote is a title; a whole quoted sentence is someone's words
        if inner_close >= pos and len(t.text[start:inner_close].split()) <= 6:
            return True
    return False


#: Opening and closing quotation marks (German, French-style and straight).
_QUOTES = (("„", "“"), ("»", "«"), ('"', '"'), ("“", "”"))


def _applied_for(t: _Text, w: Word) -> bool:
    """Whether a help is what is applied for ("stellt einen Antrag auf Hilfe für …")."""
    c_start, _ = _clause_of(t, w.start)
    return any(x.is_noun and x.head == "antrag" for x in _words_in(t, c_start, w.start))


def _let_happen(t: _Text, w: Word) -> bool:
    """Whether "lassen" with a reflexive rules the clause of ``w`` ("lässt sich beraten")."""
    c_start, c_end = _clause_of(t, w.start)
    clause = _words_in(t, c_start, c_end)
    return any(x.lemma == "lassen" for x in clause) and any(
        x.text.lower() in lex.REFLEXIVE_PRONOUNS for x in clause
    )


def _at_work(t: _Text, w: Word) -> bool:
    """Whether ``w`` is where someone works ("arbeitet in einem Heim", "eine Stelle in …")."""
    i = t.words.index(w)
    before = next(
        (x for x in reversed(t.words[max(0, i - 3) : i]) if not x.pos.startswith(("ART", "ADJ"))),
        None,
    )
    if before is None or not before.pos.startswith(("APPR", "APPRART")):
        return False  # "arbeitet eine Familienhilfe mit …": the help itself works
    c_start, _ = _clause_of(t, w.start)
    return any(
        (x.pos.startswith("VV") and x.lemma in lex.WORK_VERBS)
        or (x.is_noun and (x.head in lex.WORK_HEADS or x.lemma in lex.WORK_HEADS))
        for x in _words_in(t, c_start, w.start)
    )


def _by_family(t: _Text, w: Word) -> bool:
    """Whether the clause of ``w`` names a relative as the one who helps ("von der Oma")."""
    c_start, c_end = _clause_of(t, w.start)
    clause = _words_in(t, c_start, c_end)
    for i, x in enumerate(clause):
        if x.lemma in ("von", "durch") and x.pos.startswith("APPR"):
            for y in clause[i + 1 : i + 4]:
                if y.is_noun:
                    if y.lemma in lex.FAMILY_AGENTS or y.head in lex.FAMILY_AGENTS:
                        return True
                    break
    return False


def _helper_acts(t: _Text) -> tuple[int, int] | None:
    """The helper of a help form as the subject of a main clause ("Die Familienhelferin …")."""
    for start, end in t.clauses:
        # in any clause: "Ich will, dass die Familienhelferin weiter kommt" names the help
        span = _analysed_subject(t, start, end)
        if span is None:
            continue
        low = t.text[span[0] : span[1]].lower()
        if low in lex.HELPER_PROFESSIONALS or any(
            low.endswith(h) for h in lex.HELPER_PROFESSIONALS if len(h) > 8
        ):
            return span
    return None


def _by_a_helper(t: _Text, w: Word) -> bool:
    """Whether the clause of ``w`` names a help or a helper of one (not an office)."""
    c_start, c_end = _clause_of(t, w.start)
    return any(
        _help_word(x) or x.text.lower() in lex.HELPER_PROFESSIONALS
        for x in _words_in(t, c_start, c_end)
    )


def _by_a_pro(t: _Text, w: Word) -> bool:
    """Whether the clause of ``w`` names a professional or a help ("von der Beraterin")."""
    c_start, c_end = _clause_of(t, w.start)
    return any(_is_professional(x) or _help_word(x) for x in _words_in(t, c_start, c_end))


def _examined(t: _Text, w: Word) -> bool:
    """Whether ``w`` is what an examination looks at ("Abklärung der Sprachentwicklung").

    An ability or a willingness examined stays the vague target ("Überprüfung der
    Erziehungsfähigkeit": what would show it?) — most writers label it so.
    """
    if w.lemma.endswith(("fähigkeit", "bereitschaft", "kompetenz")):
        return False
    i = t.words.index(w)
    c_start, c_end = _clause_of(t, w.start)
    if any(
        x.pos.startswith("VV") and _verb_lemma(t, x) in lex.EXAMINATION_VERBS
        for x in _words_in(t, c_start, c_end)
    ):
        return True  # "untersucht Ida auf Entwicklungsverzögerungen"
    for x in reversed(t.words[max(0, i - 3) : i]):
        if x.is_noun:
            return x.head in lex.EXAMINATION_NOUNS or x.lemma in lex.EXAMINATION_NOUNS
        if not x.pos.startswith(("ART", "APPRART", "ADJ", "PPOSAT")):
            return False
    return False


def _vague_word(t: _Text) -> re.Match[str] | None:
    """The first word-list vague word the analysis does not excuse."""
    for m in _VAGUE_WORDS.finditer(t.text):
        if t.analysis is None or not _excused_vague_word(t, m.start()):
            return m
    return None


def _excused_vague_word(t: _Text, start: int) -> bool:
    """Whether a thing ("ein stabiles Fahrrad") or a number ("je eine Jacke") excuses it."""
    words = _words_in(t, start, start + 1)
    if not words:
        return False
    w = words[0]
    if _examined(t, w) or _in_any(w.start, _conditions(t)):
        return True
    if _talked_about(t, w):
        return True  # "bespricht mit Frau N. die Entwicklung von Kim": a topic
    if _after_a_reason(t, t.words.index(w)):
        return True  # "ein Bericht über Tims Sprachentwicklung": a topic
    if w.is_noun and len(w.parts) > 1 and w.head in lex.CONCRETE_HEADS:
        return True  # "Entwicklungsgespräch", "Förderplan": a meeting, a paper
    if w.is_noun and len(w.parts) > 1 and _help_word(w):
        return True  # "Verselbständigungsgruppe": a help form (``measure``)
    if w.lemma in lex.THING_ADJECTIVES and w.pos.startswith("ADJ(A"):
        i = t.words.index(w)
        for nxt in t.words[i + 1 : i + 4]:
            if nxt.is_noun:
                # "eine stabile Familie" is a state, "ein stabiles Fahrrad" a thing
                return (
                    not _abstract_noun(nxt)
                    and nxt.head not in lex.SETTING_NOUNS
                    and nxt.head not in lex.SOCIAL_GROUPS
                )
            if not nxt.pos.startswith(("ADJ", "ADV")):
                break
    if w.lemma in lex.QUANTIFIABLE_HEDGES or w.text.lower() in lex.QUANTIFIABLE_HEDGES:
        s, e = _sentence_with_colon(t, w.start)
        # "genug Geld für 2 Monatskarten", "je eine Jacke": a number says how much is
        # enough; "jeden Tag ausreichend zu essen" says only how often
        return re.search(r"\bje\s+\w+", t.text[s:e]) is not None or any(
            _amount(x) for x in _words_in(t, s, e)
        )
    return False


def _amount(w: Word) -> bool:
    """Whether ``w`` is a number that counts something, not a year or a date ("2027")."""
    return (
        w.pos == "CARD"
        and re.fullmatch(r"(?:19|20)\d\d|\d{1,2}\.\d{1,2}\.(?:\d{2,4})?", w.text) is None
    )


def _sentence_with_colon(t: _Text, pos: int) -> tuple[int, int]:
    """A sentence and, when it ends with a colon, the specification after it."""
    s, e = _sentence_of(t, pos)
    if t.text[e : e + 1] == ":":
        _s2, e = _sentence_of(t, e + 1)
    return s, e


_LONG_ABSTRACT_SUFFIX = re.compile(
    "(?:" + "|".join(sorted((p for p in lex.ABSTRACT_HEADS if len(p) > 6), key=len)) + ")$"
)


@functools.lru_cache(maxsize=8192)
def _abstract(text: str, lemma: str, head: str) -> bool:
    if lemma in lex.ABSTRACT_HEADS or text in lex.ABSTRACT_HEADS:
        return True
    if head in lex.PLAIN_HEADS and head != lemma:
        # "Überforderungssituation", "Stresssituation": the situation is the abstract state
        first = lemma[: -len(head)].rstrip("s-")
        if first in lex.ABSTRACT_HEADS:
            return True
    if head in lex.PLAIN_HEADS or any(lemma.startswith(p) for p in lex.PLAIN_FIRST_PARTS):
        return False
    return (
        head in lex.ABSTRACT_HEADS
        # a plural head with umlaut ("Tagesabläufe" → "abläuf")
        or head.translate(NO_UMLAUT) in lex.ABSTRACT_HEADS
        # HanTa's lemma of a compound it does not know can be cut ("Schlafverhalten" →
        # "schlafverhalt"); the typed word still ends in the abstract head
        or _LONG_ABSTRACT_SUFFIX.search(text) is not None
    )


def _abstract_noun(w: Word) -> bool:
    return w.is_noun and _abstract(w.text.lower(), w.lemma, w.head)


def _before_a_thing(t: _Text, i: int) -> bool:
    """Whether the adjective at ``i`` stands before a concrete noun ("eine größere Wohnung").

    A comparison between things ("einen günstigeren Anbieter") is a choice, not a vague change.
    """
    if not t.words[i].pos.startswith("ADJ(A"):
        return False
    for nxt in t.words[i + 1 : i + 3]:
        if nxt.is_noun:
            return not _abstract_noun(nxt) and nxt.head not in lex.SETTING_NOUNS
        if not nxt.pos.startswith("ADJ"):
            return False
    return False


def _reasons(t: _Text) -> list[tuple[int, int]]:
    """Clauses "weil …", "da …": why the family wants it, not the target."""
    return [(s, e) for s, e in t.clauses if _first_word(t.text, s, e) in ("weil", "da")]


def _conditions(t: _Text) -> list[tuple[int, int]]:
    """Clauses opened by "wenn", "falls" … (computed once per text)."""
    return _memo_spans(t, "conditions", _find_conditions)


def _find_conditions(t: _Text) -> list[tuple[int, int]]:
    """Clauses opened by "wenn", "falls" …: they describe the situation, not the target.

    A clause hanging on the condition ("Wenn Frau B. merkt, dass es ihr schlechter geht,
    ruft sie …") belongs to it, up to the main clause.
    """
    spans: list[tuple[int, int]] = []
    inside = False
    for s, e in t.clauses:
        first = _first_word(t.text, s, e)
        if first in _IF:
            inside = True
        elif not (inside and first in _WHAT_CLAUSE):
            inside = False
        if inside:
            spans.append((s, e))
    return spans


def _who_clauses(t: _Text) -> list[tuple[int, int]]:
    """Clauses "wer …", "wann …": what a plan or an agreement settles, concrete by itself."""
    return [(s, e) for s, e in t.clauses if _first_word(t.text, s, e) in _WHO]


_WHO = frozenset(("wer", "wen", "wem", "wann", "wo", "welche", "welcher", "welches", "welchen"))


_IF = frozenset(("wenn", "falls", "sofern", "sobald"))
_WHAT_CLAUSE = frozenset(("dass", "ob", "wer", "was", "wie", "wo", "wann", "welch", "welcher"))


def _fuzzy_times(t: _Text) -> list[tuple[int, int]]:
    """Spans of fuzzy times ("früher oder später"): their words are judged as a date."""
    return [(m.start(), m.end()) for m in _VAGUE_DATE.finditer(t.text)]


def _check_vague(t: _Text) -> Finding | None:
    m = _vague_word(t)
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
    fuzzy = _fuzzy_times(t)
    background = _conditions(t) + _reasons(t) if t.analysis is not None else []
    for m in _COMPARATIVE.finditer(t.text):
        if _in_any(m.start(), fuzzy):
            continue  # "früher oder später" is a fuzzy date (``vague_date``)
        if _in_any(m.start(), background):
            continue  # "…, weil wir uns so oft streiten": why, not what
        before = t.text[max(0, m.start() - 40) : m.start()]
        word = m.group().lower()
        if (
            word != "mehr"
            and word.endswith(("er", "en", "em", "es", "e"))
            and (_ARTICLE_BEFORE.search(before))
            # "ein regelmäßiger Austausch": how often is regular?
            and not word.startswith(("regelmäßig", "kontinuierlich", "verlässlich"))
            # "einen besseren Job": better by what? ("eine bessere Note als die 5" says)
            and not (word.startswith("besser") and not _compared_with(t, m.end()))
        ):
            continue  # "ein selbstständiger Junge", "ihren früheren Partner": attributive
        if word == "mehr":
            c_start, _ = _clause_of(t, m.start())
            if _NEGATION_BEFORE.search(t.text, c_start, m.start()):
                continue  # "nicht mehr", "kein … mehr" is a negation (``negative``)
        s, e = _sentence_of(t, m.start())
        if _QUANTIFIER.search(t.text, s, e):
            continue
        if re.match(r"\s+als\b", t.text[m.end() :]):
            continue  # "länger als abgesprochen": measured against something named
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
    if m and t.analysis is not None:
        start = m.start(1 if m.group(1) else 2)
        if not any(s <= start < e and not t.text[s:start].strip() for s, e in t.sentences):
            m = None  # "Gem. Vereinbarung im HPG …": after an abbreviation, not a heading
    if m and not _check_measure(t) and not (t.analysis is not None and _check_negative(t)):
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


def _compared_with(t: _Text, pos: int) -> bool:
    """Whether the sentence after ``pos`` names what it is compared with ("als die 5")."""
    _s, e = _sentence_of(t, pos)
    return re.search(r"\bals\b", t.text[pos:e]) is not None


def _counted(t: _Text, pos: int) -> bool:
    """Whether the sentence at ``pos`` says how much or how often ("dreimal pro Woche")."""
    s, e = _sentence_of(t, pos)
    return _QUANTIFIER.search(t.text, s, e) is not None


def _vague_finding(t: _Text, span: tuple[int, int]) -> Finding:
    return Finding(
        "vague",
        f"»{_quote(t, span)}« beschreibt einen inneren oder allgemeinen Zustand: Niemand kann "
        "sehen, wann er erreicht ist. Beschreiben Sie, was man dann im Alltag sieht oder "
        "hört – wer tut was, wann, wie oft? – z. B. statt »lebt harmonisch zusammen«: "
        "»Ab sofort essen wir an vier Abenden pro Woche zusammen.«",
        span,
    )


def _analysed_vague(t: _Text) -> Finding | None:
    anchors = _anchor_phrases(t)
    measure = _check_measure(t)
    # "ein Kurs zur gewaltfreien Kommunikation": the measure names its topic, up to the
    # next finite verb ("nimmt Hilfe an und ist kooperativ")
    measure_words = (
        _words_in(t, measure.span[0], measure.span[1])
        if measure is not None and measure.span is not None
        else []
    )
    if (
        measure is not None
        and measure.span is not None
        # "arbeitet vertrauensvoll mit der SPFH zusammen": how they work together is judged
        and not any(_verb_lemma(t, x) in lex.COOPERATION_VERBS for x in measure_words)
    ):
        topic_end = _clause_of(t, measure.span[0])[1]
        after = _words_in(t, measure.span[1], topic_end)
        opener = _words_in(t, *_clause_of(t, measure.span[0]))[:1]
        # "mit Hilfe der Familienhelferin wieder …": past the help's genitive attribute
        k = 0
        if after and after[0].pos in ("ART", "PPOSAT") and len(after) > 1 and after[1].is_noun:
            k = 2
        if (
            len(after) > k
            and (after[k].pos.startswith(("ADJ", "ADV")) or after[k].lemma in ("bis", "ab"))
            and not (opener and opener[0].pos == "KOUS")
        ):
            # "mit Hilfe der Familienhilfe zeitnah Ordnung in den Alltag bringen": the help
            # is named, what follows is the goal, not the help's topic
            topic_end = after[k].start
        topic_end = next(
            (
                x.start
                for x in _words_in(t, measure.span[1], topic_end)
                if x.is_finite_verb or (x.pos.startswith("PPOSAT") and x.start > measure.span[1])
            ),
            topic_end,
        )
        anchors = [*anchors, (measure.span[0], topic_end)]
    # "Zur Sicherung des Kindeswohls erfolgt eine Inobhutnahme": when nobody acts, the
    # purpose is the only goal there is
    purposes = [] if _actorless(t) else _purposes(t)
    anchors = [*anchors, *_fuzzy_times(t), *_conditions(t), *purposes, *_reasons(t)]
    for i, w in enumerate(t.words):
        if _in_any(w.start, anchors) or _quoted(t, w.start):
            continue
        if _after_without(t, i) and not _abstract_noun(w):
            continue  # "ohne Begleitung" is negative; "ohne Angst" stays an inner state
        if (
            _abstract_noun(w)
            and not _examined(t, w)
            and not _a_paper_recognised(t, w)
            and not _specified_after_colon(t, w)
            and not _after_a_reason(t, i)
        ):
            return _vague_finding(t, (w.start, w.end))
        if (
            w.pos.startswith("ADJ")
            and w.lemma.endswith(lex.ABILITY_SUFFIXES)
            and w.lemma not in lex.PLAIN_ABILITIES
        ):
            return _vague_finding(t, (w.start, w.end))
        if (
            w.lemma == "so"
            and i + 1 < len(t.words)
            and (
                t.words[i + 1].lemma in lex.SO_DEGREE
                or t.words[i + 1].text.lower() in lex.SO_DEGREE
                or (
                    t.words[i + 1].pos.startswith("ADJ(D")
                    and t.words[i + 1].lemma not in ("lang", "bald", "schnell", "weit")
                )
            )
            # "so oft wie …", "so laut, dass …": measured against something named
            and not (i + 2 < len(t.words) and t.words[i + 2].lemma in ("wie", "dass", ","))
            and not _counted(t, w.start)
        ):
            return _vague_finding(t, (w.start, t.words[i + 1].end))
        found = _inner_state(t, i, w)
        if found is not None:
            return _vague_finding(t, found)
        if (
            w.pos.startswith(("ADJ", "ADV", "VV(PP"))
            and (w.lemma in lex.VAGUE_MODIFIERS or w.text.lower() in lex.VAGUE_MODIFIERS)
            and not (w.pos.startswith("VV") and w.lemma == "lassen")  # "allein gelassen"
            and not _in_relative(t, w)
            # "die Mietschulden werden ausgeglichen": settled, not a balanced mood
            and not (w.lemma == "ausgleichen" and _passive_sentence(t, w))
            and not _a_paper_recognised(t, w)
            and not _in_question(t, w)
            # "nach Gläubigern geordnet": sorted by something named
            and not (
                w.lemma in ("ordnen", "geordnet")
                and any(x.lemma == "nach" for x in t.words[max(0, i - 3) : i])
            )
            # "drei passende Wohnungsanzeigen": a number says which and how many
            and not (i > 0 and t.words[i - 1].pos == "CARD" and w.pos.startswith("ADJ(A"))
            and not _situation_named(t, w)
            # "hat geklärt, wer die Kinder abholt": the clause says what was settled
            and not (
                (w.lemma in lex.SETTLED_STATES or w.text.lower() in lex.SETTLED_STATES)
                and _situation_named(t, w, tuple(_WHAT_CLAUSE))
            )
        ):
            return _vague_finding(t, (w.start, _modified_end(t, w)))
        if (
            w.pos.startswith("VV")
            and _vague_verb(t, w)
            # "achtet darauf, dass Leon um 20 Uhr im Bett ist" names the act; what one
            # "stellt sicher" stays a state however it is named
            and (_verb_lemma(t, w) in lex.SECURING_VERBS or not _situation_named(t, w, ("dass",)))
            and not _in_any(w.start, _who_clauses(t))
            and not _switches_off_a_thing(t, w)
        ):
            return _vague_finding(t, (w.start, w.end))
        if (
            _is_comparative(w)
            and not _before_a_thing(t, i)
            # "nicht länger ohne Kitaplatz": no longer, a negation (``negative``)
            and not (i and t.words[i - 1].lemma in ("nicht", "kein") and w.lemma == "lang")
            # "länger als abgesprochen": measured against something named
            and not (i + 1 < len(t.words) and t.words[i + 1].lemma == "als")
            and not _counted(t, w.start)
        ):
            return _vague_finding(t, (w.start, w.end))
    for pattern in (_TO_REST, _OPEN_TO, _GOES_WELL, _NO_LONGER_SO, _SAYS_NO, _GETS_THROUGH):
        m = pattern.search(t.text)
        if m and not _in_any(m.start(), _conditions(t)):
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


def _vague_verb(t: _Text, w: Word) -> bool:
    """A verb of ``VAGUE_VERBS``, also when "wieder" was read as its particle."""
    lemma = _verb_lemma(t, w)
    return lemma in lex.VAGUE_VERBS or (lemma == "wieder" + w.lemma and w.lemma in lex.VAGUE_VERBS)


def _specified_after_colon(t: _Text, w: Word) -> bool:
    """Whether a colon after ``w`` spells it out with times or numbers.

    "einen festen Tagesablauf: aufstehen um 7 Uhr, Abendessen um 18 Uhr" says what it is.
    """
    colon = t.text.find(":", w.end)
    if colon < 0 or "\n" in t.text[w.end : colon] or "." in t.text[w.end : colon]:
        return False
    rest = t.text[colon + 1 :]
    return _QUANTIFIER.search(rest) is not None or any(c.isdigit() for c in rest)


def _switches_off_a_thing(t: _Text, w: Word) -> bool:
    """Whether "abschalten" has a thing as object ("schalten das Internet ab")."""
    if _verb_lemma(t, w) != "abschalten":
        return False
    c_start, c_end = _clause_of(t, w.start)
    return any(x.is_noun and x.start > w.start for x in _words_in(t, c_start, c_end))


def _talked_about(t: _Text, w: Word) -> bool:
    """Whether someone named talks about ``w`` ("Die Kita bespricht … die Entwicklung").

    In the passive ("Die Perspektive wird besprochen") nobody is named and the topic
    stays the goal.
    """
    c_start, c_end = _clause_of(t, w.start)
    return any(
        x.is_finite_verb and _verb_lemma(t, x) in lex.TALK_VERBS
        for x in _words_in(t, c_start, c_end)
    )


def _after_a_reason(t: _Text, i: int) -> bool:
    """Whether word ``i`` is a reason or a topic, not the target.

    "eine Therapie wegen seiner Ängste", "eine Nachricht über Jonas' Verhalten", "bespricht
    mit Frau N. die Entwicklung von Kim".
    """
    if _talked_about(t, t.words[i]):
        return True
    for x in reversed(t.words[max(0, i - 4) : i]):
        if x.lemma in ("wegen", "aufgrund", "infolge", "über"):
            return True
        if not x.pos.startswith(("ART", "ADJ", "PPOSAT", "PIAT", "NN", "NE")):
            return False
    return False


def _in_question(t: _Text, w: Word) -> bool:
    """Whether ``w`` is in an indirect question ("prüft, ob/inwieweit … sinnvoll ist").

    "kann sagen, was ihn wütend macht": what is said, not the state aimed at.
    """
    c_start, c_end = _clause_of(t, w.start)
    words = [x for x in _words_in(t, c_start, c_end) if x.pos[:1] != "$"]
    return bool(words) and words[0].lemma in ("ob", "inwieweit", "inwiefern", "was")


def _asked_about(t: _Text, w: Word) -> bool:
    """Whether ``w`` is what an examination asks ("prüft, ob … unbegleiteten Umgang …")."""
    s, e = _sentence_of(t, w.start)
    return _in_question(t, w) and any(
        x.pos.startswith("VV") and _verb_lemma(t, x) in lex.EXAMINATION_VERBS
        for x in _words_in(t, s, e)
    )


def _in_relative(t: _Text, w: Word) -> bool:
    """Whether ``w`` is in a relative clause ("…, zu dem sie gern geht")."""
    c_start, c_end = _clause_of(t, w.start)
    words = [x for x in _words_in(t, c_start, c_end) if x.pos[:1] != "$"]
    return bool(words) and (
        words[0].pos in ("PRELS", "PRELAT")
        or (len(words) > 1 and words[0].pos.startswith("APPR") and words[1].pos == "PRELS")
    )


def _a_paper_recognised(t: _Text, w: Word) -> bool:
    """Whether "anerkannt" is said of a paper ("damit ihr Abschluss anerkannt wird")."""
    if w.lemma == "anerkennung":
        c_start, c_end = _clause_of(t, w.start)
        if any(
            x.is_noun and (x.head in lex.RESULT_HEADS or x.head.rstrip("s") in lex.RESULT_HEADS)
            for x in _words_in(t, c_start, c_end)
        ):
            return True  # "reicht ihre Zeugnisse zur Anerkennung ein"
        # "die Anerkennung ihres Lehrerdiploms": a paper at an office
        return any(
            x.is_noun and (x.head in lex.RESULT_HEADS or x.head in lex.CONCRETE_HEADS)
            for x in t.words[t.words.index(w) + 1 : t.words.index(w) + 4]
        )
    if w.lemma != "anerkennen" and w.text.lower() != "anerkannt":
        return False
    c_start, c_end = _clause_of(t, w.start)
    return any(
        x.is_noun and (x.head in lex.RESULT_HEADS or x.head in lex.CONCRETE_HEADS)
        for x in _words_in(t, c_start, c_end)
    )


def _purposes(t: _Text) -> list[tuple[int, int]]:
    """A purpose before the verb, up to the sentence's finite verb.

    "Zur Sicherung des Kindeswohls kommt Frau G. …": why the family acts, not the goal.
    """
    spans = []
    for s, e in t.sentences:
        words = _words_in(t, s, e)
        if len(words) < 3:
            continue
        # "Aufgrund der Erkrankung …", "Wegen der Schulden …": a reason before the verb
        reason = words[0].lemma in ("aufgrund", "wegen", "infolge", "angesichts")
        if not reason and (words[0].pos != "APPRART" or words[0].lemma != "zu"):
            continue
        if not reason and (not words[1].is_noun or not words[1].lemma.endswith("ung")):
            continue
        verb = next((w for w in words if w.is_finite_verb), None)
        if verb is not None:
            spans.append((words[0].start, verb.start))
    return spans


def _inner_state(t: _Text, i: int, w: Word) -> tuple[int, int] | None:
    """Inner states the lexicons name by their form in the sentence, not by one word.

    A noun abstract only with an adjective ("sicheren Umgang"), an idiom ("im Griff", "an
    einem Strang", "seinen Platz finden"), a reflexive inner-process verb ("fühlt sich",
    "hat sich eingelebt"), "gut" before a participle ("gut angekommen") and a life-area
    adverb as a predicate ("sprachlich weiter") — unless a number says how much.
    """
    before = t.words[i - 1] if i else None
    if w.is_noun:
        if (
            w.head in lex.MODIFIED_ABSTRACT_HEADS
            and before is not None
            and before.pos.startswith("ADJ(A")
            and not _asked_about(t, w)
        ):
            return before.start, w.end
        if (
            before is not None
            and before.lemma == "gut"
            and before.pos.startswith("ADJ(A")
            and w.lemma.endswith("ung")
            and w.head not in lex.CONCRETE_HEADS
            and not _help_word(w)
        ):
            return before.start, w.end  # "eine gute Anbahnung": what makes it good?
        if (
            w.head in lex.SETTING_NOUNS
            and before is not None
            and before.pos.startswith("ADJ(A")
            and before.lemma in lex.SETTING_QUALITIES
        ):
            return before.start, w.end  # "ein sicheres Umfeld"
        if (
            (w.head in lex.HEDGED_RULE_HEADS or w.lemma in lex.HEDGED_RULE_HEADS)
            and before is not None
            and before.pos.startswith("ADJ(A")
            and (before.lemma in lex.RULE_HEDGES or before.text.lower() in lex.RULE_HEDGES)
        ):
            s, e = _sentence_with_colon(t, w.start)
            if not _QUANTIFIER.search(t.text, s, e):
                return before.start, w.end  # "klare Regeln": which ones?
        if (
            # "ihre Sachen", not "die Spielsachen": a compound names which things
            (w.lemma in lex.BROAD_OBJECTS or (w.head in lex.BROAD_OBJECTS and w.head != "sache"))
            and before is not None
            and before.pos in ("PPOSAT", "ART")
            and _clause_verbs_of(t, w) & lex.ORDERING_VERBS
        ):
            return w.start, w.end  # "regelt ihre Finanzen"
        if (
            w.lemma == "familie"
            and before is not None
            and before.pos.startswith("ADJ(A")
            and before.lemma in lex.IDEAL_FAMILY
        ):
            return before.start, w.end  # "eine richtige Familie": what would one see?
        if (
            w.lemma == "familie"
            and before is not None
            and before.lemma == "ein"
            and _clause_verbs_of(t, w) & {"sein", "werden"}
            and any(x.lemma == "wieder" for x in _words_in(t, *_clause_of(t, w.start)))
        ):
            return before.start, w.end  # "wieder eine Familie sein"
        if (
            (w.lemma in lex.RELATION_OBJECTS or w.head in lex.RELATION_OBJECTS)
            and _clause_verbs_of(t, w) & lex.BUILD_VERBS
            and not _counted(t, w.start)
        ):
            return w.start, w.end  # "Kontakt zu Gleichaltrigen aufbauen": how often?
        if (
            w.head == "situation"
            and before is not None
            and before.pos in ("ART", "PPOSAT")
            and "klären" in _clause_verbs_of(t, w)
        ):
            return w.start, w.end  # "klärt die Wohnsituation": what will be settled?
        if w.lemma in lex.ORDERING_NOUNS:
            thing = next((x for x in t.words[i + 1 : i + 4] if x.is_noun), None)
            if thing is not None and (
                thing.lemma in lex.BROAD_OBJECTS or thing.head in ("finanz", "finanzen")
            ):
                return w.start, thing.end  # "die Regelung der Finanzen": settled how?
        if w.lemma == "ordnung" and i + 1 < len(t.words) and t.words[i + 1].lemma == "in":
            return w.start, t.words[i + 1].end  # "Ordnung in den Alltag bringen"
        if w.lemma == "kopf" and any(
            x.lemma == "frei" for x in _words_in(t, *_clause_of(t, w.start))
        ):
            return w.start, w.end  # "hat den Kopf wieder frei"
        if w.lemma == "aufgabe" and len(w.parts) == 1 and w.text.endswith("n"):
            s, e = _sentence_with_colon(t, w.start)
            sentence = _words_in(t, s, e)
            # "wer welche Aufgaben übernimmt", "zwei Aufgaben pro Woche" say which or how many
            if (
                not _QUANTIFIER.search(t.text, s, e)
                and ":" not in t.text[s : e + 1]
                and not any(
                    x.pos == "CARD" or x.lemma in ("welch", "welcher", "welche", "folgend")
                    for x in sentence
                )
            ):
                return w.start, w.end  # "übernimmt Aufgaben im Haushalt": which ones?
        cues = lex.IDIOM_NOUNS.get(w.lemma)
        if cues is None or _specified_after_colon(t, w):
            return None  # "in Ordnung haben: jeden Samstag …" says what it means
        verbs = cues & lex.IDIOM_VERBS
        if verbs:
            # "findet seinen Platz" is an idiom; "findet einen Platz im Ferienlager" a place
            # "findet ihren eigenen Weg": an owner before the noun, with adjectives between
            owner = next(
                (x for x in reversed(t.words[max(0, i - 3) : i]) if not x.pos.startswith("ADJ")),
                None,
            )
            own = "finden" not in verbs or (owner is not None and owner.pos == "PPOSAT")
            return (w.start, w.end) if own and _clause_verbs(t, w) & verbs else None
        c_start, _ = _clause_of(t, w.start)
        if any(
            x.lemma in cues or x.text.lower() in cues
            for x in t.words[max(0, i - 4) : i]
            if x.start >= c_start
        ):
            return w.start, w.end
        return None
    if w.pos.startswith("VV") and _verb_lemma(t, w) in lex.RULE_KEEPING_VERBS:
        c_start, c_end = _clause_of(t, w.start)
        clause = _words_in(t, c_start, c_end)
        rules = [x for x in clause if x.is_noun and x.head in lex.HEDGED_RULE_HEADS]
        named = any(x.pos in ("PDAT", "PDS") for x in clause)
        s, e = _sentence_with_colon(t, w.start)
        if (
            rules
            and not named
            and not _QUANTIFIER.search(t.text, s, e)
            and not _specified_after_colon(t, rules[0])
        ):
            return w.start, rules[0].end  # "akzeptiert die Regeln der Wohngruppe": which?
    if (
        w.pos.startswith("VV")
        and _verb_lemma(t, w) in lex.REFLEXIVE_VAGUE_VERBS
        # "in Situationen, in denen er sich provoziert fühlt": which situations, not a goal
        and not _in_relative(t, w)
    ):
        c_start, c_end = _clause_of(t, w.start)
        measure = _check_measure(t)
        if measure is not None and measure.span is not None and c_start <= measure.span[0] < c_end:
            return None  # "lässt sich auf die ambulante Hilfe ein": accepting a help (measure)
        if any(
            x.lemma in lex.REFLEXIVE_PRONOUNS or x.pos == "PRF"
            for x in _words_in(t, c_start, c_end)
            if x.text.lower() in lex.REFLEXIVE_PRONOUNS
        ) and not _situation_named(t, w):
            if _verb_lemma(t, w) in lex.QUANTIFIABLE_REFLEXIVES and _counted(t, w.start):
                return None
            return w.start, w.end
        return None
    if w.pos.startswith("VV") and w.lemma == "ankommen" and not w.pos.startswith("VV(PP"):
        c_start, c_end = _clause_of(t, w.start)
        well = [x for x in _words_in(t, c_start, c_end) if x.lemma == "gut"]
        if well:
            return well[0].start, w.end  # "dass die Kinder gut ankommen"
    if w.pos.startswith("VV(PP") and w.lemma == "ankommen":
        # "ist in der Gruppe angekommen": belonging, not a journey
        c_start, _ = _clause_of(t, w.start)
        if any(
            x.is_noun and x.head in lex.SOCIAL_GROUPS
            for x in t.words[max(0, i - 4) : i]
            if x.start >= c_start
        ):
            return w.start, w.end
    if (
        w.pos.startswith("VV")
        and w.lemma == "unternehmen"
        and any(x.lemma in ("was", "etwas") for x in t.words[max(0, i - 4) : i])
        and not _specified(t, w)
    ):
        return w.start, w.end  # "mal wieder was mit Freunden unternimmt": what?
    if w.is_finite_verb and w.lemma == "klappen" and not _in_relative(t, w):
        c_start, c_end = _clause_of(t, w.start)
        first = [x for x in _words_in(t, c_start, c_end) if x.pos[:1] != "$"][:1]
        if not (first and first[0].pos in ("KOUS", "PWS", "PWAV")):
            return w.start, w.end  # "das Zähneputzen klappt": what will be seen?
    if (
        w.pos.startswith("ADJ(D")
        and w.lemma in lex.PREDICATE_STATES
        and _clause_verbs_of(t, w) & {"sein", "werden", "bleiben", "halten"}
    ) and not _counted(t, w.start):
        return w.start, w.end  # "die Wohnung ist sauber": what will one see?
    if w.pos.startswith("ADJ(D") and "aufwachsen" in _clause_verbs_of(t, w):
        return w.start, w.end  # "wachsen sicher auf": what makes it safe?
    if w.pos.startswith("VV(PP") and w.lemma == "sichern":
        c_start, c_end = _clause_of(t, w.start)
        if any(
            x.lemma == "wohl" or _abstract_noun(x) or (x.is_noun and x.head in lex.SETTING_NOUNS)
            for x in _words_in(t, c_start, c_end)
        ):
            return w.start, w.end  # "die Wohnsituation ist gesichert": by what, how?
    if w.pos.startswith("VV") and _verb_lemma(t, w) == "entlasten" and not _counted(t, w.start):
        return w.start, w.end  # "soll die Mutter entlasten": how would she notice?
    if w.pos.startswith("VV") and _verb_lemma(t, w) in lex.CHANGE_VERBS:
        s, e = _sentence_of(t, w.start)
        sentence = _words_in(t, s, e)
        extent = any(  # "auf zwei Stunden", "bis zur vollständigen Abstinenz"
            x.pos == "CARD" or (x.lemma in ("auf", "bis") and x.start > w.start) for x in sentence
        )
        if not _QUANTIFIER.search(t.text, s, e) and not extent:
            return w.start, w.end  # "werden ausgeweitet": by how much?
    if w.pos.startswith("VV(PP"):
        good = _good_before(t, i)
        if good is not None and not _counted(t, w.start):
            return good.start, w.end
        return None
    if (
        w.pos.startswith(("ADJ(D", "ADV"))
        and w.lemma in ("gut", "besser")
        and _clause_verbs_of(t, w) & lex.GOOD_VAGUE_VERBS
    ) and not _counted(t, w.start):
        return w.start, w.end  # "spricht gut Deutsch": how well is good?
    if w.pos.startswith("V") and _verb_lemma(t, w) in lex.MANAGE_VERBS:
        c_start, c_end = _clause_of(t, w.start)
        clause = _words_in(t, c_start, c_end)
        s, e = _sentence_of(t, w.start)
        spelled_out = any(
            x.pos == "PTKZU" or x.pos.startswith("VV(IZU") or x.lemma == "dass"
            for x in _words_in(t, s, e)
        )  # "schafft es, ohne Streit aus dem Haus zu gehen"
        # "Wir wollen zusammen wohnen. Wir schaffen das …": "das" points back to a sentence
        first_sentence = not any(e <= w.start for _s, e in t.sentences)
        if (
            not spelled_out
            and first_sentence
            and any(x.text.lower() in ("das", "es") and x.pos in ("PDS", "PPER") for x in clause)
        ):
            return w.start, w.end  # "kriegt das mit dem Geld hin": what exactly?
    if w.pos.startswith("VV") and w.lemma == "stellen" and w.is_finite_verb:
        c_start, c_end = _clause_of(t, w.start)
        rest = _words_in(t, w.end, c_end)
        # "stellen die Beschulung sicher (und teilen … mit)": how?
        sure = next(
            (x for x in rest if x.lemma == "sicher" and x.pos.startswith(("PTKVZ", "ADJ(D"))), None
        )
        if sure is not None and (sure is rest[-1] or t.words[t.words.index(sure) + 1].pos == "KON"):
            return w.start, sure.end
    if (
        w.pos.startswith("VV(FIN")
        and _verb_lemma(t, w) in lex.COOPERATION_VERBS
        and not _by_a_helper(t, w)
    ) and not _counted(t, w.start):
        return w.start, w.end  # "Eltern kooperieren mit dem Jugendamt": doing what?
    if w.pos.startswith("VV") and w.lemma == "ankommen" and not w.pos.startswith("VV(PP"):
        c_start, c_end = _clause_of(t, w.start)
        if any(
            x.lemma in ("deutschland", "land", "gesellschaft") or x.head in lex.SOCIAL_GROUPS
            for x in _words_in(t, c_start, c_end)
            if x.is_noun or x.pos == "NE"
        ):
            return w.start, w.end  # "in Deutschland ankommen": belonging, not a journey
    if w.pos.startswith("V") and w.lemma == "kommen":
        c_start, c_end = _clause_of(t, w.start)
        if any(x.lemma == "klar" for x in _words_in(t, c_start, c_end)):
            return w.start, w.end  # "kommt in der Schule wieder klar"
    if w.pos.startswith("V") and w.lemma == "laufen":
        c_start, c_end = _clause_of(t, w.start)
        if any(x.lemma in ("rund", "gut", "besser") for x in _words_in(t, c_start, c_end)):
            return w.start, w.end  # "läuft es wieder rund"
    if w.pos.startswith("V") and w.lemma == "halten":
        c_start, c_end = _clause_of(t, w.start)
        clause = _words_in(t, c_start, c_end)
        rules = [x for x in clause if x.is_noun and x.head in lex.HEDGED_RULE_HEADS]
        named = any(x.pos in ("PDAT", "PDS") for x in clause)  # "an diese Absprachen"
        if (
            rules
            and not named
            and any(x.pos == "PRF" or x.text.lower() in ("sich", "uns") for x in clause)
        ):
            s, e = _sentence_with_colon(t, w.start)
            if not _QUANTIFIER.search(t.text, s, e) and not _specified_after_colon(t, rules[0]):
                return w.start, rules[0].end  # "hält sich an unsere Regeln": which ones?
    if (
        w.pos.startswith("ADJ(D")
        and w.lemma in lex.COOPERATION_MANNERS
        and _clause_verbs_of(t, w) & lex.COOPERATION_VERBS
    ) and not _counted(t, w.start):
        return w.start, w.end  # "arbeitet gut mit … zusammen": how would one see it?
    if (
        w.pos.startswith("ADJ(D")
        and w.lemma == "gesund"
        and _clause_verbs_of(t, w) & lex.HEALTHY_VERBS
    ):
        return w.start, w.end  # "ernährt sich gesund": what is on the table?
    if (
        w.pos.startswith("ADJ(D")
        and w.lemma == "gesund"
        and _clause_verbs_of(t, w) & {"sein", "werden", "bleiben"}
    ):
        return w.start, w.end  # "bald wieder gesund ist": what will be seen?
    if w.pos.startswith("ADJ(D") and w.lemma in lex.INDEPENDENCE_WORDS:
        c_start, c_end = _clause_of(t, w.start)
        clause = _words_in(t, c_start, c_end)
        full = {_verb_lemma(t, x) for x in clause if x.pos.startswith("VV")}
        # "unabhängig von Hilfen": what one is free of is no object one acts on
        objects = [x for x in clause if x.is_noun and x.start > w.start and not _after_from(t, x)]
        # "nicht mehr vom Jobcenter abhängig": negative only; "unabhängig von Hilfen" a state
        dependent_on = w.lemma == "abhängig" and any(x.lemma in ("von", "vom") for x in clause)
        if (
            full <= lex.LIVING_VERBS
            and not objects
            and not dependent_on
            and not _situation_named(t, w)
        ):
            return w.start, w.end  # "lebt eigenständig": doing what?
    if (
        w.pos.startswith("ADJ(D")
        and w.lemma in lex.AREA_ADVERBS
        and not _counted(t, w.start)
        and not _situation_named(t, w)
    ):
        return w.start, _modified_end(t, w)
    if (
        w.pos.startswith("ADJ")
        and _clause_verbs_of(t, w) & lex.SEEMING_VERBS
        and not any(x.is_noun for x in t.words[t.words.index(w) + 1 : t.words.index(w) + 3])
    ):
        return w.start, _modified_end(t, w)  # "wirkt ruhiger": in whose eyes, by what?
    if w.pos.startswith("V") and _verb_lemma(t, w) == "arbeiten":
        found = _works_on_a_topic(t, w)
        if found is not None:
            return found
    return None


def _works_on_a_topic(t: _Text, w: Word) -> tuple[int, int] | None:
    """Whether "arbeiten" has a topic, not an act one could see ("an der Erziehung")."""
    c_start, c_end = _clause_of(t, w.start)
    clause = _words_in(t, c_start, c_end)
    for k, x in enumerate(clause[:-1]):
        if x.lemma != "an" or not x.pos.startswith("APPR"):
            continue
        for y in clause[k + 1 : k + 4]:
            if y.lemma in lex.WORK_ON_TOPICS or y.text.lower() in lex.WORK_ON_TOPICS:
                return None if _counted(t, w.start) else (w.start, y.end)
            if y.is_noun or y.pos == "NE":
                break
    return None


def _specified(t: _Text, w: Word) -> bool:
    """Whether the sentence of ``w`` says how often or what exactly.

    A number, a colon or an example: "etwas unternehmen, zum Beispiel …".
    """
    s, e = _sentence_with_colon(t, w.start)
    return (
        _QUANTIFIER.search(t.text, s, e) is not None
        or ":" in t.text[s : e + 1]
        or re.search(r"\b(?:zum\s+Beispiel|z\.\s*B\.|also|etwa)\b", t.text[s:e]) is not None
    )


def _after_from(t: _Text, w: Word) -> bool:
    """Whether ``w`` follows "von"/"vom" in its noun phrase ("von staatlichen Hilfen")."""
    i = t.words.index(w)
    for x in reversed(t.words[max(0, i - 3) : i]):
        if x.lemma in ("von", "vom"):
            return True
        if not x.pos.startswith(("ART", "ADJ", "PPOSAT", "PIAT")):
            return False
    return False


def _good_before(t: _Text, i: int) -> Word | None:
    """The "gut" before the participle at ``i`` in its clause ("gut auf … vorbereitet")."""
    c_start, _ = _clause_of(t, t.words[i].start)
    for x in reversed(t.words[max(0, i - 5) : i]):
        if x.start < c_start or x.is_finite_verb or x.pos.startswith("V"):
            return None
        if x.lemma in ("gut", "sicher") and x.pos.startswith("ADJ(D"):
            return x  # "gut versorgt", "sicher versorgt": how would one see it?
    return None


def _clause_verbs_of(t: _Text, w: Word) -> set[str]:
    """The verbs of the clause of ``w`` by lemma and with their particle ("zusammenarbeiten")."""
    c_start, c_end = _clause_of(t, w.start)
    verbs = [x for x in _words_in(t, c_start, c_end) if x.pos.startswith("V")]
    return {x.lemma for x in verbs} | {_verb_lemma(t, x) for x in verbs}


def _clause_verbs(t: _Text, w: Word) -> set[str]:
    c_start, c_end = _clause_of(t, w.start)
    return {x.lemma for x in _words_in(t, c_start, c_end) if x.pos.startswith("V")}


_TO_REST = re.compile(
    r"\bzur\s+Ruhe\s+(?:komm\w*|gekommen|f[iau]nd\w*)"
    r"|\b(?:f[iau]nd|komm|kam)\w*\s+(?:\w+\s+){0,3}?zur\s+Ruhe\b",
    _I,
)
#: A degree left open: "zieht sich nicht mehr so zurück" — so much as what?
_NO_LONGER_SO = re.compile(r"\bnicht\s+mehr\s+so\b(?![^.;:!?]*(?:\bwie\b|\bdass\b|\d))", _I)
#: An attitude: "lernt, Nein zu sagen" — to whom, when?
#: Getting by: "kommt ohne Streit durch den Tag".
_GETS_THROUGH = re.compile(
    r"\b(?:komm\w*|kam\w*)\s+(?:\w+\s+){0,4}?durch\s+den\s+(?:All)?[Tt]ag\b"
    r"|\bdurch\s+den\s+(?:All)?[Tt]ag\s+(?:zu\s+)?komm\w*",
    _I,
)
_SAYS_NO = re.compile(r"\b[Nn]ein\s+(?:zu\s+)?sag\w*", _I)
#: An attitude: "offen für Gespräche", "offen gegenüber der Schule".
_OPEN_TO = re.compile(r"\boffen\s+(?:für|gegenüber)\b|\boffene[sn]?\s+Ohr\b", _I)
#: Well-being: "geht es Lina gut", "dass es den Kindern gut geht".
_GOES_WELL = re.compile(
    r"\bwieder\s+gut\s+wird\b|\bwird\s+(?:\w+\s+){0,3}?wieder\s+gut\b"
    r"|\bRuhe\s+(?:\w+\s+){0,4}?einkehr\w*|\bwo\s+(?:sie|er|wir|ich|es)\s+(?:können|kann)\b"
    r"|\bso\s+gut\s+(?:es\s+geht|sie\s+können|er\s+kann|wir\s+können)"
    r"|\b(?:geht|gehen|ging)\s+es\b[^.,;:!?]{0,40}?\b(?:gut|bergauf|aufwärts)\b"
    r"|\bes\s+(?:\w+\s+){0,5}?gut\s+geh\w*|\bim\s+Reinen\b"
    r"|\bherrsch\w*\s+(?:\w+\s+){0,4}?(?:Ordnung|Ruhe|Frieden|Harmonie)\b",
    _I,
)


def _check_negative(t: _Text) -> Finding | None:
    for m in _NEGATIVE.finditer(t.text):
        c_start, _ = _clause_of(t, m.start())
        first = _first_word(t.text, c_start, m.start() + 1)
        if re.search(r"\b(?:auch|selbst)\s+wenn\b", t.text[c_start : m.start()], _I):
            first = "wenn"  # "…, auch wenn ich keine Lust hab" (with or without a comma)
        if first in _CONDITION_OPENERS or first in ("weil", "da"):
            continue  # "wenn Can krank ist und nicht kommen kann" describes the situation
        if t.analysis is not None and _describes_the_subject(t, m.start()):
            continue  # "Frau I., die morgens nicht da ist, organisiert …": who she is
        span = (m.start(), m.end())
        return Finding(
            "negative",
            f"»{_quote(t, span)}« beschreibt, was aufhören oder fehlen soll. Ein Ziel "
            "beschreibt, was stattdessen da sein soll – positiv formulieren, z. B. statt "
            "»kommt nicht mehr zu spät«: »ist an jedem Schultag um 7:55 Uhr in der Klasse«.",
            span,
        )
    return None


def _describes_the_subject(t: _Text, pos: int) -> bool:
    """Whether ``pos`` is in a relative clause on the subject before the main verb.

    "Frau I., die morgens nicht da ist, organisiert …": the clause says who acts and why,
    not what the goal is; the main clause's finite verb follows right after it.
    """
    c_start, c_end = _clause_of(t, pos)
    clause = _words_in(t, c_start, c_end)
    opener = next((w for w in clause if w.pos[:1] != "$"), None)
    if opener is None or opener.pos not in ("PRELS", "PRELAT"):
        return False
    after = [w for w in t.words if w.start >= c_end and w.pos[:1] != "$"]
    return bool(after) and after[0].is_finite_verb
