"""Which reading a lower-case word has before the frame finder takes it for a verb: a past form or
a verb whose stem is also an adjective used as the adjective ("die verhängten Sanktionen", "zu sehr
billigen Preisen"), or "werben" as Fraktur OCR spells "werden".
"""

from __future__ import annotations

from chronik.events.verbs import present_participle
from chronik.events.view import ARTICLES, SentenceView, Tok, inflected, is_adjective
from chronik.events.voice import participle


# words that open a noun phrase: after one of them, "PARTICIPLE ADJECTIVE NOUN" is a noun phrase
_NP_OPENERS = ARTICLES | frozenset("zwei drei vier fünf sechs zehn beiden seine ihre seinen ihren seinem ihrem seiner "
                                     "ihrer diese diesen diesem dieser".split())


_ATTRIBUTE_ENDINGS = ("te", "ten", "tes", "tem", "ter", "ene", "enen", "enes", "enem", "ener")


def opening_attribute(view: SentenceView, t: Tok) -> bool:
    """A past form between a sentence-opening article other than "Das" and a common noun that no
    name follows ("Der unterzeichnete Direktor der Schweiz."): an adjective, not "Die sagte
    Merkel" nor "Das bestätigte Polizeisprecher X"."""
    toks = view.toks
    k = t.i + 1
    return t.i == 1 and toks[0].lower in ("der", "die", "den", "dem", "des") and t.lower != t.lemma \
        and t.lower.endswith(_ATTRIBUTE_ENDINGS) \
        and k < len(toks) and toks[k].cap and toks[k].word and k not in view.by_token \
        and (k + 1 >= len(toks) or k + 1 not in view.by_token)


def ocr_werden(view: SentenceView, t: Tok) -> bool:
    """"werben" as Fraktur OCR spells "werden" (b for d): a participle right before it ("kann ...
    bewerkstelligt werben") or closing its clause ("Die Mitglieder werben von der Kammer ...
    ernannt"); not "hatte ... für eine Kooperation geworben"."""
    toks = view.toks
    if t.i > 0 and participle(toks[t.i - 1]):
        return True
    words = [u for u in view.clause_toks(t.clause) if u.word]
    return bool(words) and words[-1].i > t.i and participle(words[-1])


def homograph_adjective(view: SentenceView, t: Tok, stems: frozenset[str]) -> bool:
    """A form of a verb whose stem is also an adjective ("billigen": "billig", "würdigen": "würdig")
    used as the adjective: the superlative ("billigst"), or an adjective ending followed by a noun
    that names nobody ("zu staunend billigen Einführungspreisen", "hätten billigen Frieden haben
    können") or by "und" and another adjective ("der würdige und verdienstvolle Sohn"). The verb
    ends its clause or stands before its subject or object's article ("wird ... billigen.",
    "billigen die Aktionäre")."""
    low, toks = t.lower, view.toks
    stem = next((s for s in stems if low.startswith(s)), None)
    if stem is None:
        return False
    rest = low[len(stem):]
    if rest.startswith("st"):
        return True
    if rest not in ("e", "en", "em", "er", "es") or t.i + 1 >= len(toks):
        return False
    nxt = toks[t.i + 1]
    if nxt.cap and nxt.word and nxt.i not in view.by_token:
        return True
    return nxt.lower in ("und", "oder", ",") and t.i + 2 < len(toks) and inflected(toks[t.i + 2])


def _participle_form(t: Tok) -> bool:
    """The word without its adjective ending is a past participle ("verhängten", "geforderte",
    "getroffenen"); the past tense of a simple weak verb is not ("und forderte Neuwahlen")."""
    low = t.lower
    for ending in ("en", "em", "er", "es", "e"):
        if low.endswith(ending) and participle(Tok(i=t.i, start=t.start, end=t.end, text=t.text[:-len(ending)],
                                                    lower=low[:-len(ending)], lemma=t.lemma)):
            return True
    return False


def attributive(view: SentenceView, t: Tok) -> bool:
    """A participle used as an adjective ("die verhängten Sanktionen", "bereits bewilligten
    Maßnahmen"), not a finite verb before its subject ("sagte Kim", "berichteten Staatsmedien")."""
    toks = view.toks
    if t.lower == t.lemma or t.i + 1 >= len(toks) or t.i == 0:
        return False
    prev = toks[t.i - 1]
    j = t.i + 1
    opened = prev.lower in _NP_OPENERS or prev.text[:1].isdigit()  # "von zwei entführten malaysischen Schiffen"
    while j + 1 < len(toks) and (toks[j].text in "«»„“\"" or (toks[j].text.islower() and toks[j].word and (
            j > t.i + 1 or (opened and is_adjective(toks[j]))) or toks[j].text in "«»„“\"")):
        j += 1
    nxt = toks[j]
    if not (nxt.cap and nxt.word):
        return False
    if not t.lower.endswith(_ATTRIBUTE_ENDINGS) or not _participle_form(t):
        return False
    if prev.word and prev.text.islower() and prev.lower not in ("er", "sie", "es", "wir", "ich", "ihr", "man"):
        return True
    # "vom UN-Sicherheitsrat gegen Nordkorea verhängte Sanktionen verstoßen würden": the clause
    # has its finite verb later
    later = [u for u in toks[t.i + 2:] if u.clause == t.clause]
    return nxt.i not in view.by_token and any(u.text.islower() and u.lower in ("würden", "würde", "wird", "werden",
                                                                                "haben", "hat", "hatte", "ist", "sind",
                                                                                "war", "waren") or
                                              (u.text.islower() and u.lower != u.lemma and u.lemma.endswith("en")
                                               and not u.lower.startswith("ge") and not present_participle(u))
                                              for u in later)
