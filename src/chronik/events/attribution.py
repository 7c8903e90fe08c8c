"""Who says so: the source an event is attributed to, and the cue that attributes it.

Strategies, in order (the first that finds something in a sentence wins for the events near it):

1. a reporting verb with its speaker: "sagte An Chan-il", "teilte der Kreml mit",
   "berichteten Nordkoreas Staatsmedien", "wie die Nachrichtenagentur berichtete";
2. a source phrase: "laut KCNA", "dem Bericht zufolge", "nach Angaben des Kremls",
   "nach Einschätzungen aus Washington", "unter Berufung auf ungenannte Quellen";
3. "hieß es (weiter)" and sentences in indirect speech (Konjunktiv I) without a cue of their own
   inherit the attribution of the sentence before.

A pronoun speaker ("sagte er", "nach seiner Einschätzung") is the last named speaker or person of
the paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from chronik.events.lexicon import Lexicon
from chronik.events.view import QUOTES, SentenceView, inflected

if TYPE_CHECKING:
    from chronik.events.frames import Frame

NOMINATIVE_DETS = frozenset({"der", "die", "das", "ein", "eine"})
PRONOUNS = frozenset({"er", "sie", "seiner", "ihrer", "seinen", "ihren", "seine", "ihre", "seinem", "ihrem"})


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str  # the name (or noun phrase) of who says so
    cue: str  # the reporting word or phrase ("sagte", "laut", "zufolge", "hieß es")
    token: int  # where the cue stands (token index), -1 when inherited
    frame: int | None = None  # the reporting frame, when a verb reports


class AttributionFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.source_nouns = lexicon.cue("source_nouns")
        self.pre = lexicon.cue("source_preposition")
        self.post = lexicon.cue("source_postposition")
        self.anonymous = lexicon.cue("anonymous_report")
        self.konj = lexicon.cue("konjunktiv")
        self.dets = lexicon.cue("determiners")

    def phrases(self, view: SentenceView, name_of, last_speaker: str | None) -> list[Attribution]:
        """Source phrases of the sentence ("laut X", "X zufolge", "nach Angaben X")."""
        toks = view.toks
        out: list[Attribution] = []
        for ph in view.phrases:
            if ph.prep in self.pre:
                out.append(Attribution(name_of(ph), ph.prep, ph.first - 1))
            elif (post := self._after_quote(view, ph.last + 1)) is not None and toks[post].lower in self.post:
                out.append(Attribution(name_of(ph), toks[post].lower, post))  # "der "New York Times" zufolge"
            elif self._so(view, ph):
                out.append(Attribution(name_of(ph), "so", ph.first - 1))
        for t in toks:
            if t.lower in self.post and not any(a.token == t.i for a in out):
                noun = self._noun_before(view, t.i)
                if noun:
                    out.append(Attribution(noun, t.lower, t.i))
            elif t.lemma in self.source_nouns and t.cap:
                found = self._source_noun(view, t.i, name_of, last_speaker)
                if found:
                    out.append(found)
            elif t.lower in self.pre and t.i + 1 < len(toks) and not any(a.token == t.i for a in out):
                noun = self._noun_after(view, t.i, name_of)
                if noun:
                    out.append(Attribution(noun, t.lower, t.i))
        return out

    @staticmethod
    def _after_quote(view: SentenceView, k: int) -> int | None:
        """Token ``k``, or the one after it when ``k`` closes a quote; None past the sentence."""
        toks = view.toks
        if k < len(toks) and toks[k].text in QUOTES:
            k += 1
        return k if k < len(toks) else None

    @staticmethod
    def _so(view: SentenceView, ph) -> bool:
        """", so das Pentagon." / "», so Scholz,": "so" after a comma or a closing quote, then the
        name, then the sentence's or the clause's end: who says what stands before."""
        toks = view.toks
        k = ph.first - 1
        end = ph.last + 1
        return k >= 1 and toks[k].lower == "so" and toks[k - 1].text in (",", "“", "”", "»", "«", "\"") \
            and (end >= len(toks) or toks[end].text in (".", ",", ";", ":", "!", "?"))

    def _source_noun(self, view: SentenceView, i: int, name_of, last_speaker: str | None) -> Attribution | None:
        """"nach Angaben des Kremls", "nach Einschätzungen aus Washington", "nach seiner Einschätzung"."""
        toks = view.toks
        k = i - 1
        possessive = None
        while k >= 0 and (toks[k].lower in self.dets or (toks[k].text.islower() and toks[k].word
                                                         and toks[k].lower.endswith(("en", "e", "er")))):
            if toks[k].lower in PRONOUNS:
                possessive = toks[k].lower
            k -= 1
        if k < 0 or toks[k].lower not in ("nach", "unter", "gemäß"):
            return None
        owner = self._owner(view, i)
        if owner is not None:
            return Attribution(name_of(owner), toks[k].lower + " " + toks[i].text, k)
        if possessive and last_speaker:
            return Attribution(last_speaker, toks[k].lower + " " + toks[i].text, k)
        body = self._collective_after(view, i)
        if body:
            return Attribution(body, toks[k].lower + " " + toks[i].text, k)
        return None

    @staticmethod
    def _owner(view: SentenceView, i: int):
        """The name phrase whose report or statement source noun ``i`` is: its genitive or a "von" /
        "aus" phrase right after it ("Angaben des Kremls", "einem Bericht der "New York Times"",
        "Einschätzungen aus Washington")."""
        for ph in view.phrases:
            if ph.modifies == i or (ph.first == i + 1 and ph.prep in ("von", "aus", "auf")) or \
                    (ph.prep in ("von", "aus") and i < ph.first <= i + 3):
                return ph
        return None

    def _collective_after(self, view: SentenceView, i: int) -> str | None:
        """A state collective with its adjectives in the genitive after source noun ``i`` ("nach
        Angaben der israelischen Armee", "laut Angaben des Gesundheitsministeriums"): the words
        after the article."""
        toks = view.toks
        k = i + 1
        if k >= len(toks) or toks[k].lower not in ("der", "des"):
            return None
        k += 1
        start = k
        while k < len(toks) and toks[k].text.islower() and toks[k].word and inflected(toks[k]):
            k += 1
        if k >= len(toks) or not toks[k].cap or not self._collective_head(toks[k].text):
            return None
        return " ".join(t.text for t in toks[start:k + 1])

    def _collective_head(self, word: str) -> bool:
        """A state collective, also as a compound's head and in the genitive ("Armee",
        "Gesundheitsministeriums", "Staatsanwaltschaft")."""
        collectives = self.lexicon.cue("state_collectives")
        if word in collectives or word[:-1] in collectives or word[:-2] in collectives:
            return True  # "Armee", "Militärs", "Ministeriums"
        lower = word.lower()
        return any(lower.endswith((c.lower(), c.lower() + "s")) and len(lower) > len(c) + 3
                   for c in collectives if len(c) >= 6)

    def _noun_before(self, view: SentenceView, i: int) -> str | None:
        """The noun phrase before "zufolge": a noun with its adjectives ("nordkoreanischen
        Angaben", "dem Bericht", "Presseberichten")."""
        toks = view.toks
        k = i - 1
        if k < 0 or not (toks[k].cap and toks[k].word):
            return None
        words = [toks[k].text]
        k -= 1
        while k >= 0 and inflected(toks[k]) and toks[k].lower not in self.dets and toks[k].lemma != toks[k].lower:
            words.append(toks[k].text)
            k -= 1
        return " ".join(reversed(words))

    def _noun_after(self, view: SentenceView, i: int, name_of) -> str | None:
        """The noun after "laut", or the name whose source noun it is ("laut einem Bericht der
        "New York Times"": the newspaper)."""
        toks = view.toks
        for k in range(i + 1, min(i + 5, len(toks))):
            if toks[k].cap and toks[k].word:
                if toks[k].lemma not in self.source_nouns:
                    return toks[k].text
                owner = self._owner(view, k)
                return name_of(owner) if owner is not None else self._collective_after(view, k) or toks[k].text
            if not toks[k].word:
                return None
        return None

    def speaker_phrase(self, view: SentenceView, verb: int) -> str | None:
        """A common-noun speaker right after a reporting verb ("teilte der Konzern mit",
        "sagte eine Sprecherin"), or before it in a "wie"-clause ("wie eine Bahn-Sprecherin
        sagte")."""
        toks = view.toks
        clause = view.clauses[toks[verb].clause]
        k = verb + 1
        if k < len(toks) and toks[k].clause == clause.index and toks[k].lower in NOMINATIVE_DETS:
            k += 1
            while k < len(toks) and toks[k].clause == clause.index and toks[k].text.islower() and toks[k].word:
                k += 1
            if k < len(toks) and toks[k].clause == clause.index and toks[k].cap and toks[k].word:
                return toks[k].text
        if clause.opener == "wie":
            run: list[str] = []
            for t in view.clause_toks(clause.index):
                if t.i >= verb:
                    break
                if t.cap and t.word and t.lower != "wie":
                    run.append(t.text)
                elif run:
                    break
            return " ".join(run) or None
        return None

    def pronoun_subject(self, view: SentenceView, verb: int) -> bool:
        """"er sagte", "sagte er", "Er fordert": a pronoun next to the verb is its subject."""
        toks = view.toks
        for k in (verb - 1, verb + 1):
            if 0 <= k < len(toks) and toks[k].clause == toks[verb].clause and toks[k].lower in ("er", "sie"):
                return True
        return False

    def anonymous_cue(self, view: SentenceView) -> int | None:
        """Token index of "hieß es" / "heißt es", if the sentence has one."""
        toks = view.toks
        for t in toks:
            if t.lemma in self.anonymous and t.i + 1 < len(toks) and toks[t.i + 1].lower == "es":
                return t.i
            if t.lemma in self.anonymous and t.i > 0 and toks[t.i - 1].lower == "es":
                return t.i
        return None

    def indirect(self, view: SentenceView) -> bool:
        """Whether the sentence is in indirect speech (Konjunktiv I forms)."""
        return any(t.lower in self.konj for t in view.toks if not t.quoted)


def cue_text(view: SentenceView, f: Frame) -> str:
    """The reporting verb as written, with a separable verb's particle or a light verb's noun:
    "sagte", "teilte ... mit", "machte ... verantwortlich"."""
    words = sorted({f.trigger} | {i for i in (f.particle, f.light_verb) if i is not None})
    out = [view.toks[words[0]].text]
    for prev, i in zip(words, words[1:]):
        out.append(view.toks[i].text if i == prev + 1 else "... " + view.toks[i].text)
    return " ".join(out)


def anonymous_text(view: SentenceView, i: int) -> str:
    """ "hieß es", "heißt es" or "es hieß" as written."""
    toks = view.toks
    if i + 1 < len(toks) and toks[i + 1].lower == "es":
        return f"{toks[i].text} {toks[i + 1].text}"
    return f"{toks[i - 1].text} {toks[i].text}"


def reports_back(view: SentenceView, i: int) -> bool:
    """A reporting verb at the start of its clause ("«...», sagte Kim", "..., teilte der Kreml
    mit", "wie ... berichtete") vouches for what came before it."""
    clause = view.clauses[view.toks[i].clause]
    if i > 0 and view.toks[i - 1].lower in ("und", "sowie", "oder", "aber"):
        return False  # "... angenommen und bekräftigte seinen Willen": a second verb of the subject
    first = clause.first + (1 if view.toks[clause.first].text in ",;:–-\"“”»«" else 0)
    if i <= first + 1 or clause.opener in ("wie",) or clause.first == 0 and i <= 1:
        return True
    # English: "..., the Kremlin said." (a name, an article at most, then the verb ending the clause)
    toks = view.toks
    between = toks[first:i]
    return first > clause.first and bool(between) and all(t.i in view.by_token or t.lower in ("the", "a", "an")
                                                          for t in between) \
        and (i + 1 >= len(toks) or toks[i + 1].clause != toks[i].clause or not toks[i + 1].word)
