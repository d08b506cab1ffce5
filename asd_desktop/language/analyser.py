"""HanTa behind caches: the analysis of a goal text in well under a millisecond once warm.

HanTa tags a sentence with a Viterbi pass over per-word tag probabilities and then
analyses each word's morphemes. Both per-word steps are pure functions of the word, so
they are cached; so is each sentence and the last texts, since the live checker sees
the same text again and again while a caseworker types.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from asd_desktop.domain.goal_analysis import AnalysedText, Word
from asd_desktop.domain.goal_checker import Finding, check_goal

_MODEL_FILE = "morphmodel_ger.pgz"
_WORD_CACHE_LIMIT = 50_000
_SENTENCE_CACHE_LIMIT = 4096
#: Whole texts kept as analysed objects (the garbage collector walks those; the sentence
#: cache holds plain tuples it leaves out).
_TEXT_CACHE_LIMIT = 64
#: HanTa's cost grows with a new word's length (a 16-letter word ~2 ms, 45 letters ~16 ms, twice:
#: tags and morphemes); the live checker analyses a text with a new word this long only
#: when typing pauses.
SLOW_WORD_CHARS = 16

# Numbers with their dots ("30.", "18.00", "31.1."), words with inner hyphens or
# apostrophes, then any other single character.
_TOKEN = re.compile(r"\d+(?:[.:,]\d+)*\.?|[^\W\d_][\w'’]*(?:-[\w'’]+)*-?|\S")
_SENTENCE_END = frozenset(".!?;:")
_STEM_TAG = re.compile(r"^(?:NN|NE|ADJ|VV|ADV)")


def model_path() -> Path:
    """The German model inside the installed HanTa package (never the working directory)."""
    import HanTa  # imported late: loading HanTa is the slow step

    return Path(HanTa.__file__).resolve().parent / _MODEL_FILE


def _immutable(value: Any) -> Any:  # noqa: ANN401 - HanTa is untyped
    """Lists as tuples: the garbage collector leaves tuples of plain values out of its walks.

    Lists it always walks, so a full collection would grow with every cached word.
    """
    if isinstance(value, list):
        return tuple(_immutable(v) for v in value)
    if isinstance(value, tuple):
        return tuple(tuple(v) if isinstance(v, list) else v for v in value)
    return value


def _memo(function: Callable[..., Any], cache: dict[Any, Any]) -> Callable[..., Any]:
    def cached(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401 - HanTa is untyped
        key = (args, tuple(kwargs.items()))
        hit = cache.get(key)
        if hit is None:
            if len(cache) > _WORD_CACHE_LIMIT:
                cache.clear()
            hit = cache[key] = _immutable(function(*args, **kwargs))
        return hit

    return cached


#: The model's read-only tables that hold lists (HanTa only reads them).
_LIST_TABLES = ("cache", "LP_trans_nonfinal", "LP_trans_final", "LP_len_t")


class GermanAnalyser:
    """Tags and lemmatises German goal texts with HanTa; create once, use from one thread."""

    def __init__(self) -> None:
        from HanTa import HanoverTagger

        self._tagger: Any = HanoverTagger.HanoverTagger(str(model_path()))
        # ~25,000 lists in the model would be walked by every full garbage collection
        # (40-200 ms on the GUI thread while typing); as tuples they drop out of it.
        for name in _LIST_TABLES:
            table = getattr(self._tagger, name, None)
            if isinstance(table, dict):
                for key, value in table.items():
                    if isinstance(value, list):
                        table[key] = tuple(value)
        # HanTa's morpheme passes over a word, ported with the same scores (``_Lattice``):
        # a segment no tag knows is tried with the open-class tags only.
        tagger = self._tagger
        lattice = _Lattice(tagger)
        tagger.analyze_forward = lattice.forward
        # HanTa's own per-word steps, memoised on the instance (they are pure functions).
        tagger._tag_word = _memo(tagger._tag_word, {})
        tagger._analyze = _memo(tagger._analyze, {})
        # the morpheme path of a word, shared by the lemma and the compound analysis
        tagger.analyze_viterbi = _memo(lattice.path, {})
        self._sentences: dict[tuple[str, ...], tuple[tuple[str, str, tuple[str, ...]], ...]] = {}
        self._texts: dict[str, AnalysedText] = {}
        self._long_words: set[str] = set()

    def analyse(self, text: str) -> AnalysedText:
        """The analysis of ``text``: each token with its tag, lemma and compound parts."""
        hit = self._texts.get(text)
        if hit is not None:
            return hit
        tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        words: list[Word] = []
        sentence: list[tuple[str, int, int]] = []
        for i, token in enumerate(tokens):
            sentence.append(token)
            if self._ends_sentence(tokens, i, text):
                words.extend(self._sentence(sentence))
                sentence = []
        if sentence:
            words.extend(self._sentence(sentence))
        result = AnalysedText(text, tuple(words))
        if len(self._texts) > _TEXT_CACHE_LIMIT:
            self._texts.clear()
        self._texts[text] = result
        return result

    @staticmethod
    def _ends_sentence(tokens: list[tuple[str, int, int]], i: int, text: str) -> bool:
        token, _start, end = tokens[i]
        if "\n" in text[end : tokens[i + 1][1]] if i + 1 < len(tokens) else False:
            return True
        if token not in _SENTENCE_END:
            return False
        # "Frau K." and "z. B." do not end a sentence
        return not (token == "." and i > 0 and len(tokens[i - 1][0]) == 1)

    def _sentence(self, tokens: list[tuple[str, int, int]]) -> list[Word]:
        key = tuple(t for t, _s, _e in tokens)
        analysed = self._sentences.get(key)
        if analysed is None:
            analysed = self._tag(list(key))
            if len(self._sentences) > _SENTENCE_CACHE_LIMIT:
                self._sentences.clear()
            self._sentences[key] = analysed
        return [
            Word(text, start, end, pos, lemma, parts)
            for (text, start, end), (pos, lemma, parts) in zip(tokens, analysed, strict=True)
        ]

    def is_quick(self, text: str) -> bool:
        """Whether ``text`` is analysed at once: seen before, or no long word is new."""
        if text in self._texts:
            return True
        return all(
            len(m.group()) < SLOW_WORD_CHARS or m.group() in self._long_words
            for m in _TOKEN.finditer(text)
        )

    def _tag(self, words: list[str]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        if len(self._long_words) > _WORD_CACHE_LIMIT:
            self._long_words.clear()
        self._long_words.update(w for w in words if len(w) >= SLOW_WORD_CHARS)
        tagger = self._tagger
        tags = _viterbi(tagger, words)
        out = []
        for word, tag in zip(words, tags, strict=True):
            pos = str(tagger.int2tag[tag])
            lemma = str(tagger._analyze(word, tag, 1)[0]).lower()
            # the model's lemmas keep the old spelling ("selbstbewußt" for "selbstbewusster")
            low = word.lower()
            old_spelling = (
                "ß" in lemma
                and "ß" not in low
                and lemma[: lemma.index("ß")] + "ss" in low  # not "abschließen"/"abgeschlossen"
            )
            if old_spelling:
                lemma = lemma.replace("ß", "ss")
            parts: tuple[str, ...] = (lemma,)
            if pos == "NN" and len(word) > 6:
                _stem, morphemes, _pos = tagger._analyze(word, tag, 3)
                stems = tuple(str(m) for m, t in morphemes if _STEM_TAG.match(str(t)))
                if len(stems) > 1:
                    parts = tuple(s.replace("ß", "ss") for s in stems) if old_spelling else stems
            out.append((pos, lemma, parts))
        return tuple(_finite_participle(words, out))


_FINITE_TAGS = ("VV(FIN)", "VA(FIN)", "VM(FIN)", "VVFIN", "VAFIN", "VMFIN")
_AUXILIARIES = frozenset(("haben", "sein", "werden"))
_SUBJECT_TAGS = ("NE", "NN", "PPER", "PIS")
_PRONOUNS = frozenset(("ich", "du", "er", "sie", "es", "wir", "ihr", "man"))


def _finite_participle(
    words: list[str], tagged: list[tuple[str, str, tuple[str, ...]]]
) -> list[tuple[str, str, tuple[str, ...]]]:
    """Read a "participle" after the subject as the finite verb it is.

    For verbs with an inseparable prefix the third person present and the participle are
    one form ("eröffnet", "beantragt", "vereinbart"); HanTa may read "Sina eröffnet bis …"
    as a participle and leave the sentence without a finite verb, which the checker would
    take for a heading. In a sentence with no finite verb and no auxiliary, a participle
    right after the subject (a name, a noun or a pronoun within the first five words) and
    followed by more words is the finite verb.
    """
    # the main clause, up to the first comma ("Die Erzieherinnen beobachten, ob Ben … kann")
    comma = next((i for i, (pos, _l, _p) in enumerate(tagged) if pos == "$,"), len(tagged))
    # "Die Eltern stellen … sicher und teilen … mit": the first of two coordinated verbs
    first_and = next(
        (i for i, (pos, _l, _p) in enumerate(tagged) if pos == "KON" and i > 2), len(tagged)
    )
    if any(pos in _FINITE_TAGS for pos, _l, _p in tagged[: min(comma, first_and)]):
        return tagged
    tagged = _names_after_titles(words, tagged)
    if comma < len(tagged) and tagged[0][0] in ("KOUS", "PWAV", "PWS"):
        return tagged  # "Wenn …, …": the first clause is not the main clause
    # "ich geh ab Januar …", "meld ich mich …": HanTa reads a dropped "-e" as an imperative;
    # next to a personal pronoun it is the finite verb
    for i, (pos, lemma, parts) in enumerate(tagged):
        if pos.startswith("VV(IMP") and any(
            0 <= k < len(words) and words[k].lower() in _PRONOUNS
            for k in (i - 1, i + 1, _before_brackets(words, i))
        ):
            fixed = list(tagged)
            fixed[i] = ("VV(FIN)", lemma, parts)
            return fixed
        # "Ich ruf meine Mama an": a dropped "-e" it takes for a noun, but nouns are
        # written with a capital letter
        if (
            pos == "NN"
            and i > 0
            and words[i - 1].lower() in _PRONOUNS
            and words[i][:1].islower()
            and words[i].isalpha()
        ):
            fixed = list(tagged)
            verb = words[i].lower() + "en"
            fixed[i] = ("VV(FIN)", verb, (verb,))
            return fixed
    # an auxiliary of the main clause ("Bis Mai angemeldet haben"), not one after a comma
    # ("…, sodass Finn und Lea je ein eigenes Bett haben")
    if any(lemma in _AUXILIARIES and pos.startswith("VA") for pos, lemma, _p in tagged[:comma]):
        return tagged
    for i, (pos, lemma, parts) in enumerate(tagged[:10]):
        # "Frau K. und die Kinder üben …": a plural present looks like the infinitive
        if not pos.startswith(("VV(PP", "VV(INF")) or i == 0 or i + 1 >= len(tagged) - 1:
            continue
        before = [p for p, _l, _pp in tagged[:i] if not p.startswith(("$", "CARD"))]
        if before and before[-1].startswith(_SUBJECT_TAGS) and words[i][:1].islower():
            fixed = list(tagged)
            fixed[i] = ("VV(FIN)", lemma, parts)
            return fixed
        break
    for i, (pos, _lemma, _parts) in enumerate(tagged[:6]):
        # "Frau Lang besorgt bis …": a third person in "-t" read as an adjective
        if (
            pos.startswith("ADJ(D")
            and i
            and tagged[i - 1][0] == "NE"
            and words[i][:1].islower()
            and words[i].endswith("t")
            and i + 1 < len(tagged) - 1
        ):
            fixed = list(tagged)
            verb = words[i][:-1] + "en"
            fixed[i] = ("VV(FIN)", verb, (verb,))
            return fixed
        # "Ab Januar essen Lina und Ben …": the verb in second place after a time phrase,
        # read as a name or an infinitive because the subject follows it
        if (
            pos in ("NE", "NN", "VV(INF)")
            and 2 <= i <= 4
            and tagged[0][0].startswith(("APPR", "ADV"))
            and words[i][:1].islower()
            and words[i].isalpha()
            and words[i].endswith("en")
            and i + 1 < len(tagged)
            and tagged[i + 1][0].startswith(("NE", "NN", "PPER", "ART", "PPOSAT"))
        ):
            fixed = list(tagged)
            fixed[i] = ("VV(FIN)", words[i].lower(), (words[i].lower(),))
            return fixed
    return tagged


_TITLES = frozenset(("frau", "herr", "herrn"))


def _names_after_titles(
    words: list[str], tagged: list[tuple[str, str, tuple[str, ...]]]
) -> list[tuple[str, str, tuple[str, ...]]]:
    """Read a capitalised word after "Frau"/"Herr" as a name ("Frau Lang", "Herr Klein")."""
    fixed = list(tagged)
    for i in range(1, len(words)):
        if (
            words[i - 1].lower() in _TITLES
            and words[i][:1].isupper()
            and fixed[i][0].startswith(("ADJ", "ADV"))
        ):
            fixed[i] = ("NE", words[i].lower(), (words[i].lower(),))
    return fixed


def _before_brackets(words: list[str], i: int) -> int:
    """The word before a bracket that ends right before ``i`` ("ich (Mehmet) mach …")."""
    if i == 0 or words[i - 1] != ")":
        return -1
    k = i - 1
    while k >= 0 and words[k] != "(":
        k -= 1
    return k - 1


_LOWERBOUND = -1e6
_EMPTY, _START, _UNKNOWN, _END_UNKNOWN = 0, 1, 3, -3  # HanTa's constants
_Rows = list[dict[tuple[int, int], float]]
_Pointers = list[dict[tuple[int, int], tuple[tuple[int, int], int]]]


class _Lattice:
    """HanTa's morpheme lattice over a word, ported with the same scores and order.

    The passes of ``analyze_forward`` and ``analyze_viterbi``, in the same order of
    operations and of states (a test compares them on every corpus word). HanTa calls
    ``lp_m_t(segment, tag)`` for every state, segment and tag that may follow: tens of
    thousands of calls for a new word, most for closed-class tags that do not know the
    segment (-inf). Here the known morphemes are indexed by segment, so a segment no tag
    knows is tried only with the 11 open-class tags that can guess a new morpheme.
    """

    def __init__(self, tagger: Any) -> None:  # noqa: ANN401 - HanTa is untyped
        self.tagger = tagger
        self.known: dict[str, dict[int, float]] = {}
        for tag, morphemes in tagger.LP_m_t.items():
            for morpheme, lp in morphemes.items():
                self.known.setdefault(morpheme, {})[tag] = lp
        #: Per open-class tag: interpolation + hapax, suffix table, length table.
        self.guess: dict[int, tuple[float, dict[str, float], Any]] = {
            tag: (tagger.Int_t + tagger.LP_hapax_t[tag], tagger.LP_s_t[tag], tagger.LP_len_t[tag])
            for tag in tagger.LP_m_t
            if tag in tagger.LP_hapax_t and tag in tagger.LP_s_t
        }
        self._followups: dict[Any, tuple[Any, Any]] = {}

    def _followup(
        self, state: tuple[int, int], reachable: frozenset[int] | None
    ) -> tuple[Any, Any]:
        """The tags that may follow ``state``: all of them, and those that can guess."""
        key = (state, reachable)
        hit = self._followups.get(key)
        if hit is None:
            tags = self.tagger.LP_trans_nonfinal.get(state, ())
            if reachable is not None:
                tags = [(t, p) for (t, p) in tags if t in reachable]
            hit = self._followups[key] = (
                tuple(tags),
                tuple((t, p) for (t, p) in tags if t in self.guess),
            )
        return hit

    def rows(
        self,
        word: str,
        strict: bool,
        backpointer: _Pointers | None = None,
        reachable: frozenset[int] | None = None,
    ) -> _Rows:
        """The lattice's rows: per end position each state's best log probability."""
        wlen = len(word)
        known_at = self.known
        guess = self.guess
        table: _Rows = [{(_EMPTY, _START): 0.0}] + [{} for _ in range(wlen + 1)]
        for i in range(wlen + 1):
            row = table[i]
            rowbound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else _LOWERBOUND
            for state, lp in row.items():
                if lp < rowbound:
                    continue
                every, guessing = self._followup(state, reachable)
                if not every:
                    continue
                tag0 = state[1]
                for j in range(i + 1, wlen + 1):
                    segment = word[i:j]
                    mlen = j - i
                    can_guess = not strict and (wlen < 4 or mlen > 2)
                    known = known_at.get(segment)
                    if known is None:
                        if not can_guess:
                            continue  # every tag gives -inf
                        tags = guessing
                        known = {}
                    else:
                        tags = every
                    # HanTa's suffix back-off: the longest of 4..1 letters the tag knows, else ""
                    suffixes = [segment[-n:] for n in (4, 3, 2, 1) if mlen > n]
                    length = mlen if mlen < 24 else 24
                    target = table[j]
                    pointers = backpointer[j] if backpointer is not None else None
                    for tag1, lpt in tags:
                        m = known.get(tag1)
                        if m is None:
                            g = guess.get(tag1)
                            if g is None or not can_guess:
                                continue  # -inf: never above the lower bound
                            base, suffix_lps, lengths = g
                            for suffix in suffixes:
                                lp_suf = suffix_lps.get(suffix)
                                if lp_suf is not None:
                                    break
                            else:
                                lp_suf = suffix_lps[""]
                            m = base + lengths[length] + lp_suf
                            if wlen == mlen:
                                m -= 4.6
                        lp1 = lp + lpt + m
                        if lp1 > _LOWERBOUND:
                            newstate = (tag0, tag1)
                            old = target.get(newstate)
                            if old is None or lp1 > old:
                                target[newstate] = lp1
                                if pointers is not None:
                                    pointers[newstate] = (state, i)
        return table

    def forward(self, word: str) -> list[tuple[int, float]]:
        """HanTa's ``analyze_forward``: the log probability of each part of speech."""
        # HanTa's own ``logaddexp`` (NumPy's, or the built program's float version)
        from HanTa.HanoverTagger import logaddexp

        table = self.rows(word, self.tagger.strict)
        final = self.tagger.LP_trans_final
        last = table[-1]
        for state, lp in table[-2].items():
            for tag1, lpt in final.get(state, ()):
                lp1 = lp + lpt
                if lp1 > _LOWERBOUND:
                    newstate = (state[1], tag1)
                    if newstate not in last or lp1 > last[newstate]:
                        last[newstate] = lp1
        results: dict[int, float] = {}
        for state, lp in last.items():
            if lp == -math.inf:
                continue
            pos = -state[1]
            results[pos] = logaddexp(results[pos], lp) if pos in results else lp
        result_list = sorted(results.items(), key=lambda item: item[1], reverse=True)
        return result_list or [(_UNKNOWN, 0)]

    def path(self, word: str, targetpos: int) -> list[tuple[int, int]]:
        """HanTa's ``analyze_viterbi``: the best morpheme path of ``word`` as ``targetpos``."""
        wlen = len(word)
        reachable = self.tagger.reachability.get(targetpos, frozenset())
        final = self.tagger.LP_trans_final
        for strict in (True, False):
            backpointer: _Pointers = [{} for _ in range(wlen + 2)]
            table = self.rows(word, strict, backpointer, reachable)
            last = table[-1]
            for state, lp in table[-2].items():
                for tag1, lpt in final.get(state, ()):
                    if tag1 == targetpos:
                        lp1 = lp + lpt
                        if lp1 > _LOWERBOUND:
                            newstate = (state[1], tag1)
                            if newstate not in last or lp1 > last[newstate]:
                                last[newstate] = lp1
                                backpointer[-1][newstate] = (state, wlen)
                        break
            if last:
                break
        pmax = -math.inf
        beststate = (_EMPTY, _EMPTY)
        for state, lp in last.items():
            if lp > pmax:
                pmax = lp
                beststate = state
        i = len(backpointer) - 1
        if beststate == (_EMPTY, _EMPTY):
            states = [((_UNKNOWN, _END_UNKNOWN), i), ((_START, _UNKNOWN), i - 1)]
        else:
            states = [(beststate, i)]
            state = beststate
            while i > 0:
                state, i = backpointer[i][state]
                states.append((state, i))
            states = states[:-1]
        return [(state[1], i) for (state, i) in states[::-1]]


def _viterbi(tagger: Any, sent: list[str]) -> list[int]:  # noqa: ANN401 - HanTa is untyped
    """HanTa's ``tag_sent_viterbi``, walking each word's few tags instead of all tags.

    HanTa loops over every tag a state may be followed by and skips those the word cannot
    have; this loops over the word's possible tags (a handful) and looks the transition
    up. Same scores, same result; several times faster on long sentences.
    """
    lowerbound = -1e6
    end_tag, empty, start_tag, unknown = 2, 0, 1, 3  # HanTa's constants
    table: list[dict[tuple[int, int], float]] = []
    backpointer: list[dict[tuple[int, int], tuple[int, int]]] = []
    trans = tagger.LP_trans_word
    for i, w in enumerate(sent):
        wprobs = dict(tagger._tag_word(w, cutoff=5, casesensitive=i > 0, conditional=True))
        if len(wprobs) == 1 and unknown in wprobs:
            wprobs = {}
        row: dict[tuple[int, int], float] = {}
        pointers: dict[tuple[int, int], tuple[int, int]] = {}
        prevrow = {(empty, start_tag): 0.0} if i == 0 else table[i - 1]
        rowbound = sorted(prevrow.values(), reverse=True)[5] - 1 if len(prevrow) > 5 else lowerbound
        for state, lp0 in prevrow.items():
            if lp0 < rowbound:
                continue
            lp_t = trans[state]
            if wprobs:
                candidates = [(c, lp_t[c], lpwc) for c, lpwc in wprobs.items() if c in lp_t]
            else:
                candidates = [(c, lp_tc, 0.0) for c, lp_tc in lp_t.items()]
            for c, lp_tc, lpwc in candidates:
                if c == end_tag:
                    continue
                lp = lp0 + lp_tc + lpwc
                if lp > lowerbound:
                    newstate = (state[1], c)
                    if newstate not in row or lp > row[newstate]:
                        row[newstate] = lp
                        pointers[newstate] = state
        table.append(row)
        backpointer.append(pointers)
    finalstate = (end_tag, empty)
    best = -math.inf
    last: dict[tuple[int, int], tuple[int, int]] = {}
    for state, lp0 in table[-1].items():
        lp = lp0 + dict(trans[state]).get(end_tag, -math.inf)
        if lp > best:
            best = lp
            last[finalstate] = state
    backpointer.append(last)
    tags = []
    state = finalstate
    for i in range(len(backpointer) - 1, 0, -1):
        state = backpointer[i][state]
        tags.append(state[1])
    return tags[::-1]


_lock = threading.Lock()
_shared: GermanAnalyser | None = None
_loading: threading.Thread | None = None


def shared_analyser() -> GermanAnalyser:
    """The one analyser of the process, loading the model now if needed (about 0.3 s)."""
    global _shared
    with _lock:
        if _shared is None:
            _shared = GermanAnalyser()
        return _shared


def _load_in_background() -> None:
    shared_analyser()
    # One full collection now, off the GUI thread's typing, drops the model's tuples and
    # number tables out of later collections.
    gc.collect()


def start_loading() -> None:
    """Load the model in a background thread, once; returns at once."""
    global _loading
    with _lock:
        if _shared is not None or _loading is not None:
            return
        _loading = threading.Thread(target=_load_in_background, name="german-model", daemon=True)
        _loading.start()


def analyser_if_ready() -> GermanAnalyser | None:
    """The shared analyser if the model has loaded, else ``None`` (never blocks)."""
    return _shared


def analyse(text: str) -> AnalysedText:
    """Analyse ``text`` with the shared analyser (loads the model on first use)."""
    return shared_analyser().analyse(text)


def check_goal_live(text: str, *, today: dt.date | None = None) -> list[Finding]:
    """Check a goal as it is typed, never waiting: with the analysis when it is quick.

    Without the model (still loading) or with a long word HanTa has not seen yet, the word
    lists alone comment; ``analysis_pending`` says so, and the caller checks again with
    ``check_goal_now`` when typing pauses (the wizard's checker panel does).
    """
    analyser = _shared
    quick = analyser is not None and bool(text.strip()) and analyser.is_quick(text)
    analysis = analyser.analyse(text) if analyser is not None and quick else None
    return check_goal(text, today=today, analysis=analysis)


def analysis_pending(text: str) -> bool:
    """Whether ``check_goal_live`` left out the analysis of ``text`` for now."""
    analyser = _shared
    return bool(text.strip()) and (analyser is None or not analyser.is_quick(text))


def check_goal_now(text: str, *, today: dt.date | None = None) -> list[Finding]:
    """Check with the analysis if the model is loaded, however long it takes (typing paused)."""
    analyser = _shared
    analysis = analyser.analyse(text) if analyser is not None and text.strip() else None
    return check_goal(text, today=today, analysis=analysis)


def check_goal_analysed(text: str, *, today: dt.date | None = None) -> list[Finding]:
    """Check a goal with the analysis, loading the model first if needed (command line)."""
    return check_goal(text, today=today, analysis=analyse(text) if text.strip() else None)
