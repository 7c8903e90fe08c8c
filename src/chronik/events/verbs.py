"""Verb forms without a parser: finite-looking forms and separable verbs ("lud ... ein").

Shared by the sentence analysis (a relative clause ends in a finite verb), the frame finder
(separable triggers), the role finder and the noun roles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronik.events.lexicon import Lexicon

if TYPE_CHECKING:
    from chronik.events.view import SentenceView, Tok

PARTICLES = ("an", "auf", "aus", "bei", "ein", "fest", "mit", "nach", "vor", "zu", "zurück", "ab", "los",
             "weiter", "zusammen", "nieder", "bekannt", "hinzu", "fort", "um", "durch", "teil", "statt", "hervor",
             "bereit", "vorbei", "entgegen")


def is_finite_like(tok: Tok, lexicon: Lexicon) -> bool:
    """A rough test for a finite verb form (tells headlines with a verb from ones without)."""
    low = tok.lower
    if low in lexicon.cue("auxiliaries"):
        return True
    if low == "worden" or low in lexicon.function_words:
        return False
    lemma = tok.lemma
    if lexicon.lang != "de":
        return tok.text.islower() and tok.word and lemma != low
    if not tok.text.islower() or not tok.word or not lemma.islower() or lemma == low or not lemma.endswith("n"):
        return False
    if "ge" in low[:7] and "ge" not in lemma[:7] and low.endswith(("t", "en")):
        return False  # a participle ("getroffen", "festgenommen")
    if low.endswith("en") and "zu" in low[1:-3] and low.replace("zu", "", 1) == lemma:
        return False  # a zu-infinitive ("einzuladen")
    return not present_participle(tok)


def present_participle(tok: Tok) -> bool:
    """A present participle ("einleitend", "führende"): never finite, never a verb trigger."""
    return tok.lower != tok.lemma and tok.lower.endswith(("end", "ende", "enden", "ender", "endes", "endem"))


def after_bracket(toks: list[Tok], k: int) -> int:
    """The index after the bracketed words that open at token ``k`` (a "(")."""
    while k < len(toks) and toks[k].text != ")":
        k += 1
    return k + 1


def separable(toks: list[Tok], i: int, lexicon: Lexicon, known: set[str] | frozenset[str]) -> tuple[str, int] | None:
    """A separable verb ("lud ... ein" -> einladen): a particle later in the clause of token
    ``i``, standing before punctuation, at the clause's end or before a second verb ("warf ... vor
    und forderte"), joined with its lemma, if that verb is known; returns (lemma, particle index)."""
    tok = toks[i]
    k = i + 1
    while k < len(toks):
        cand = toks[k]
        if cand.text == "(":
            k = after_bracket(toks, k)
            continue
        if cand.clause != tok.clause:
            break
        if cand.lower in PARTICLES:
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is None or nxt.clause != tok.clause or not nxt.word or coordinated_verb(toks, k + 1, lexicon):
                lemma = cand.lower + tok.lemma
                if lemma in known:
                    return lemma, k
        k += 1
    return None


def coordinated_verb(toks: list[Tok], k: int, lexicon: Lexicon) -> bool:
    """A coordinator at ``k`` before a finite verb: a second verb of the subject begins ("warf X
    Y vor und forderte ..."), so the particle before ``k`` ends the first verb's part."""
    return toks[k].lower in ("und", "oder", "sowie", "aber") and k + 1 < len(toks) \
        and toks[k + 1].text.islower() and toks[k + 1].word and is_finite_like(toks[k + 1], lexicon)


def separable_lemma(view: SentenceView, tok: Tok) -> str:
    """"kündigte ... an" -> "ankündigen" (without checking a lexicon)."""
    k = tok.i + 1
    while k < len(view.toks) and view.toks[k].clause == tok.clause:
        k += 1
    last = view.toks[k - 1]
    while last.i > tok.i and not last.word:
        last = view.toks[last.i - 1]  # "weitet ihren Streik ... aus ."
    if last.i != tok.i and last.lower in ("an", "aus", "auf", "fort", "vor", "zu", "ein"):
        return last.lower + tok.lemma
    return tok.lemma


def zu_clause(view: SentenceView, tok: Tok) -> bool:
    return (tok.i > 0 and view.toks[tok.i - 1].lower == "zu") or ("zu" in tok.lower[1:-3] and tok.lower != tok.lemma)
