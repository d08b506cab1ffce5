"""The goal checker: comments on a drafted goal while it is typed.

A goal in the method is a concrete, positive future state in an area of the family's
everyday life, in the family's words, with a "bis wann" (DOMAIN.md, "Wille and
Ziele"). The checker looks for the usual ways a drafted goal misses that and says, in
German, why and how to rephrase. It never changes the text: the family's words stay
theirs, and the caseworker may dismiss any finding.

With the analysis of a German tagger (``check_goal(text, analysis=…)``, produced by
``asd_desktop.language``) the rules also read the sentence: a compound whose part is a help
form (``Therapieplatz``), help the family receives (``nimmt die Hilfe an``), abstract states
and inner-state words no list of whole words holds, a text without a finite verb (a
heading), an event in the family's life as a time anchor (``bis zur Einschulung``), an
event as the subject that hides who acts (``erfolgt``, ``findet … statt``) and the subject
of a main clause. Inner states are also read from their form: a reflexive inner-process
verb ("fühlt sich sicher", "hat sich eingelebt"), an idiom ("hat seine Wut im Griff", "an
einem Strang", "seinen Platz finden"), "gut" before a participle ("gut vorbereitet"), a
life-area adverb as predicate ("sprachlich weiter"), a noun abstract with an adjective
("ein sicherer Umgang"); and a hedge word is fine where it names a thing ("ein stabiles
Fahrrad") or a number follows ("ausreichend warme Kleidung: je eine Jacke …"). Without the
analysis (the model still loading) the word lists below decide alone.
The package: ``patterns`` (word lists), ``text`` (sentences, clauses, helpers on the
analysis), ``content`` (measure, vague, negative), ``form`` (dates, subject, office voice,
readability); the lexicons for the analysis are in ``asd_desktop.domain.goal_analysis``.

Decisions (each code is one kind of problem; one word can have two problems, e.g.
"SPFH" is a measure and an abbreviation the family may not know):

- ``measure``: a help form or activity instead of a state: SPFH, (Sozialpädagogische)
  Familienhilfe and other "…hilfe" help forms (Nachhilfe, Hausaufgabenhilfe,
  Haushaltshilfe), Hilfe zur Erziehung, Erziehungsbeistand, therapy, counselling
  ("…beratung", "lässt sich beraten"), Wohngruppe, Tagesgruppe, Heim, Unterbringung,
  Begleitung, courses ("…kurs"), help trainings (Elterntraining, Anti-Gewalt-Training;
  a football training is everyday life, not a help), support programmes
  ("Sprachförderung"), self-help and parent groups, "Maßnahme", counselling in the
  passive ("werden … beraten"), taking part ("nimmt … teil", "Teilnahme", "teilnehmen"),
  help hours ("für fünf Stunden pro Woche", Fachleistungsstunden) and § references; the
  helper of a help form as the one acting ("Die Familienhelferin geht mit Frau S. …": the
  help is what happens), help applied for ("Antrag auf Hilfe für junge Volljährige"),
  "begleiteter Umgang", "ist … untergebracht". Not: school and leisure ("nimmt am
  Elternabend teil"), a relative helping ("von der Oma betreut"), a child called or visited
  "in der Wohngruppe".
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
  niemals, aufhören, vermeiden, verzichten, unterlassen, "ohne Streit/Gewalt/…", "weniger"
  as the target, colloquial "nix"/"nich". A negation in a relative clause on the subject
  ("Frau I., die morgens nicht da ist, organisiert …") says who acts, not the goal.
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
from collections.abc import Callable

from asd_desktop.domain.goal_analysis import AnalysedText
from asd_desktop.domain.goal_checker.content import _check_measure, _check_negative, _check_vague
from asd_desktop.domain.goal_checker.form import (
    _check_dates,
    _check_office_voice,
    _check_readability,
    _check_subject,
)
from asd_desktop.domain.goal_checker.text import Finding, _clauses, _sentences, _Text

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


__all__ = ["CODES", "CODE_LABELS", "Finding", "check_goal"]
