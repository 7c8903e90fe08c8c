"""Precision checks on finished events: drop an event whose actors cannot be trusted.

The entity tagger misses names ("kritisiert Foppa", "Atmel hatte ... den Vorzug gegeben",
"durch die Bremer Gustav-Zech-Stiftung"); an event built without them has a wrong actor set
(an actor missing, or a partner taken for the only actor). Rather than emit it, the extractor
drops it. A word counts as a *missed name* when it is capitalised, lies in no entity mention, no
time expression and no quotation, is not a trigger, and the lemmatiser's dictionary does not
know it (nor its lowercase form); in a hyphenated compound, a first part that is unknown or an
acronym ("EU-Staats-", "Lufthansa-Flugbegleiter" with "Lufthansa" tagged nowhere) counts too.

Checks, in order (first that applies drops the event):

* ``label``: an actor from a mention that is not PER, ORG or LOC (the tagger's MISC: "Drei Jahre")
  is removed unless the article labels the same text PER, ORG or LOC elsewhere; a STATEMENT left
  without a speaker is dropped.
* ``missed``: a missed name in the trigger's clause while the event has no source, one
  coordinated with one of its actors ("sagen Stauder und Hammerle Pöder"), or one alone before
  the verb while the source stands after it ("Biden warnte Iran vor ...").
* ``unused``: an event without actors in a sentence whose clause holds a PER or ORG mention that
  is no actor of it and stands in no prepositional phrase ("Im Versandzentrum des Internethändlers
  Amazon hat die Gewerkschaft zum Streik aufgerufen": the target is there but not attached).
* ``quoted``: events whose trigger stands in direct speech and that are not a plain claim of
  fact (planned, speculative, negated: "Wenn mehr benötigt werde, dann werde vielleicht auch eine
  Lieferung aus ... eine Option", schlägt Seidner ... vor), including speech whose opening quote
  lies in an earlier sentence (a closing quote later in the sentence with no opening quote before
  it). Quoted claims of fact stay ("«lud Kim Jong Un Putin höflich ein», erklärte KCNA").
* ``silent``: a STATEMENT that is negated or planned ("will keine Stellungnahme abgeben").
* ``reader``: a sentence that addresses the reader ("Durch Ihren Besuch der Website ...
  erklären Sie sich einverstanden"): site boilerplate, not news.
* ``question``: an event in a question ("Hat Mr. Krugman vergessen, dass ...?"): asked, not reported.
* ``figurative``: an event without actors whose clause has an inanimate common noun as its
  subject ("Der Winter fordert die Autofahrer"): a metaphor, nobody acts.
* ``purpose``: a bare event noun after "für" + indefinite article ("für eine Kooperation mit den
  USA geworben"): something advocated, not something that happened.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from chronik.events.view import QUOTES, SentenceView, Tok, is_adjective
from chronik.model import Mention

if TYPE_CHECKING:
    from chronik.events.frames import Frame
    from chronik.model import Event

ACTOR_LABELS = frozenset({"PER", "ORG", "LOC"})
_OPENING = frozenset("„«\"“")
_CLOSING = frozenset("“”»\"")


class Reliability:
    """Decides whether an event's actors can be trusted; holds a cache of dictionary look-ups."""

    def __init__(self, lang: str = "de", source_nouns: frozenset[str] = frozenset(),
                 not_names: frozenset[str] = frozenset(), cache_size: int = 100_000, *,
                 inanimate: frozenset[str] = frozenset(), reader: frozenset[str] = frozenset(),
                 indefinite: frozenset[str] = frozenset()) -> None:
        self.lang = lang
        self.inanimate = inanimate  # common nouns that act only in metaphors ("Der Winter fordert ...")
        self.reader = reader  # forms that address the reader ("Sie", "Ihren")
        self.indefinite = indefinite  # indefinite articles
        self.not_names = not_names  # acronyms and units that name nobody ("EUR", "CEO", "PS")
        self.source_nouns = source_nouns  # "nach Angaben der Gewerkschaft X": X is a source, not a party
        self.cache_size = cache_size
        self._known: dict[str, bool] = {}

    def known(self, word: str) -> bool:
        """Whether the lemmatiser's dictionary knows the word (or its lowercase form)."""
        out = self._known.get(word)
        if out is None:
            import simplemma

            out = bool(simplemma.is_known(word, lang=self.lang) or simplemma.is_known(word.lower(), lang=self.lang))
            if len(self._known) < self.cache_size:
                self._known[word] = out
        return out

    def acronym_name(self, word: str) -> bool:
        """An acronym of two to five letters that is no unit, currency or common abbreviation
        (``not_names``: "EU", "SPD", "NASA"; not "IT", "TV", "LED"). The dictionary cannot
        decide this: it knows "EU" and "SPD" as well as "IT"). Groups of states count: "G7", "G20"."""
        return _acronym(word) and len(word) <= 5 and word not in self.not_names or _STATE_GROUP.match(word) is not None

    def missed_name(self, view: SentenceView, t: Tok) -> bool:
        """A capitalised word outside every mention that looks like a name the tagger missed."""
        if not t.word or not t.cap or t.quoted or t.i in view.by_token or t.i in view.timex_tokens \
                or t.text in self.not_names:
            return False
        parts = [p for p in t.text.split("-") if p]
        if not parts:
            return False
        if len(parts) > 1:
            nxt = view.by_token.get(t.i + 1)
            if nxt is not None and view.labels.get(view.phrases[nxt].mention) == "PER":
                return False  # "US-Präsident Donald Trump": the person's title, not a missed name
            heads = parts[:-1] if t.text[-1] != "-" else parts
            return any((_acronym(p) and p not in self.not_names) or (p[:1].isupper() and not self.known(p))
                       for p in heads)
        word = parts[0]
        if _acronym(word):
            return True
        if len(word) < 3 or self.known(word):
            return False
        if word.endswith("er") and t.i + 1 < len(view.toks) and view.toks[t.i + 1].cap:
            return False  # a place adjective ("Erdinger Moos")
        return not self.compound(word)

    def compound(self, word: str) -> bool:
        """A compound whose head the dictionary knows ("Einvernehmensprotokoll")."""
        if len(word) < 8:
            return False
        return any(self.known(word[k:].capitalize()) for k in range(3, len(word) - 3))

    def keep(self, view: SentenceView, f: "Frame", event: "Event") -> bool:
        """Whether the event (after the label filter) is trustworthy enough to report."""
        return self.reason(view, f, event) is None

    def reason(self, view: SentenceView, f: "Frame", event: "Event") -> str | None:
        """The name of the first check the event fails, or None."""
        for name in self.checks:
            if getattr(self, "_" + name)(view, f, event):
                return name
        return None

    checks: tuple[str, ...] = ("silent", "reader", "question", "figurative", "purpose", "quoted", "missed", "unused",
                              "place_source")

    def _question(self, view: SentenceView, f: "Frame", event: "Event") -> bool:
        for t in view.toks[f.trigger:]:
            if t.text in (".", "!", "?", ";"):
                return t.text == "?"
        return False

    def _reader(self, view: SentenceView, f: "Frame", event: "Event") -> bool:
        toks = view.toks
        return any(t.text in self.reader and not t.quoted and t.i > 0 and toks[t.i - 1].word
                   and not toks[t.i - 1].text.isupper() for t in toks)

    def _figurative(self, view: SentenceView, f: "Frame", event: "Event") -> bool:
        if event.actors or not self.inanimate:
            return False
        tok = view.toks[f.anchor]
        for t in view.clause_toks(tok.clause):
            if t.i >= tok.i:
                break
            if t.cap and t.lemma in self.inanimate and _subject_like(view, t.i):
                return True
        # right after the finite verb: "verlangt die Straßenverkehrsordnung rundum freie Sicht"
        k = tok.i + 1
        toks = view.toks
        return not f.noun and k + 1 < len(toks) and toks[k].lower in ("der", "die", "das") \
            and toks[k + 1].cap and toks[k + 1].lemma in self.inanimate and toks[k + 1].clause == tok.clause

    def _purpose(self, view: SentenceView, f: "Frame", event: "Event") -> bool:
        if not f.noun or f.light_verb is not None:
            return False
        toks = view.toks
        k = f.trigger - 1
        while k >= 0 and toks[k].text.islower() and toks[k].word and toks[k].lower not in self.indefinite \
                and toks[k].lower != "für":
            k -= 1  # adjectives
        return k >= 1 and toks[k].lower in self.indefinite and toks[k - 1].lower == "für"

    def _silent(self, view: SentenceView, f: "Frame", event: "Event") -> bool:
        return f.type == "STATEMENT" and event.modality == "negated"

    def _quoted(self, view: SentenceView, f: "Frame", event: "Event") -> bool:
        if f.type == "STATEMENT" or event.modality in ("asserted", "reported"):
            return False  # a quoted claim of fact ("«lud Kim Putin ein», erklärte KCNA") stands
        return speech(view)[f.trigger]

    def _missed(self, view: SentenceView, f: "Frame", event: "Event") -> bool:
        tok = view.toks[f.anchor]
        trig = view.toks[f.trigger]
        if not any(a.role == "source" for a in event.actors) and not f.common_source:
            skip = {f.trigger, f.light_verb}
            clause = view.clause_toks(tok.clause)
            if trig.clause != tok.clause:
                clause = clause + view.clause_toks(trig.clause)
            if any(t.i not in skip and self.missed_name(view, t) for t in clause):
                return True
        return self._coordinated_miss(view, f) or self._missed_subject(view, f)

    def _unused(self, view: SentenceView, f: "Frame", event: "Event") -> bool:
        if event.actors:
            return False
        clauses = {view.toks[f.trigger].clause}
        if f.light_verb is not None:
            clauses.add(view.toks[f.light_verb].clause)
        used = set(f.roles.source) | set(f.roles.target)
        sources = self.source_nouns
        return any(ph.index not in used and not ph.prep and view.labels.get(ph.mention) in ("PER", "ORG")
                   and ph.clause in clauses
                   and not (ph.modifies is not None and view.toks[ph.modifies].lemma in sources)
                   and not self._after_source_noun(view, ph)
                   for ph in view.phrases)

    def _after_source_noun(self, view: SentenceView, ph) -> bool:
        """A name in the genitive right after a source noun, also as a compound's first part ("Nach
        Angaben des Élysée-Palasts"): who says so, no party left out of the event."""
        toks = view.toks
        k = ph.first - 1
        if k >= 0 and toks[k].lower in ("des", "der"):
            k -= 1  # the article before the phrase, when the phrase does not hold it
        return k >= 0 and toks[k].lemma in self.source_nouns and (
            toks[k + 1].lower in ("des", "der") or toks[k + 1].text.endswith("s"))

    def _place_source(self, view: SentenceView, f: "Frame", event: "Event") -> bool:
        """A place as the source where it only locates another noun: the place of an office after a
        common noun ("Rücktritt des ...-Chefs von Berlin", "wurden die Bürgermeister von
        Ober-Ramstadt und Brombachtal ... gewählt"), a country possessor before an adjective
        ("durch Deutschlands größten Lebensmittelhändler Edeka"), or a place in a locative phrase
        as a relative clause's antecedent ("im Silicon Valley ..., die ... zusammenarbeiteten")."""
        toks = view.toks
        for p in f.roles.source:
            ph = view.phrases[p]
            if view.labels.get(ph.mention) != "LOC":
                continue
            lead = min((q for q in view.phrases if q.group == ph.group and q.clause == ph.clause),
                       key=lambda q: q.first, default=ph)
            prep = lead.prep or ph.prep
            k = lead.first - 1  # the preposition
            if prep == "von" and k >= 1 and toks[k].lower == "von" and toks[k - 1].cap and toks[k - 1].word \
                    and (k - 1) not in view.by_token and k - 1 > 0:
                return True
            if _possessor_before_name(view, ph):
                return True
            clause = view.clauses[view.toks[f.anchor].clause]
            if clause.relative and clause.antecedent == p and ph.prep in LOCATIVE:
                return True
        return False

    def _missed_subject(self, view: SentenceView, f: "Frame") -> bool:
        """A missed name alone before the verb while the source stands after it ("Biden warnte Iran
        vor ...": the missed name is the subject, the name after the verb an object)."""
        if f.noun or not f.roles.source:
            return False
        words = [t for t in view.clause_toks(view.toks[f.trigger].clause) if t.word]
        return len(words) > 2 and words[1].text.islower() and (
            words[1].i == f.trigger or words[1].lemma in ("haben", "sein", "werden")) \
            and self.missed_name(view, words[0]) and all(view.phrases[p].first > words[1].i for p in f.roles.source)

    def _coordinated_miss(self, view: SentenceView, f: "Frame") -> bool:
        """A missed name joined by "und"/"sowie" to one of the event's actor phrases."""
        toks = view.toks
        for p in list(f.roles.source) + list(f.roles.target):
            ph = view.phrases[p]
            before = ph.first - 1
            after = ph.last + 1
            if before >= 1 and toks[before].lower in ("und", "sowie") and self.missed_name(view, toks[before - 1]):
                return True
            if after + 1 < len(toks) and toks[after].lower in ("und", "sowie") \
                    and self.missed_name(view, toks[after + 1]):
                return True
        return False


def _possessor_before_name(view: SentenceView, ph) -> bool:
    """A genitive name before adjectives, a noun and another name: "Deutschlands größten
    Lebensmittelhändler Edeka" (the other name is the one that acts)."""
    toks = view.toks
    if not toks[ph.last].text.endswith("s"):
        return False
    k = ph.last + 1
    while k < len(toks) and toks[k].word and toks[k].text.islower() and toks[k].lower not in ("und", "oder", "sowie"):
        k += 1
    if k == ph.last + 1 or k + 1 >= len(toks) or not (toks[k].cap and toks[k].word) or k in view.by_token:
        return False
    return (k + 1) in view.by_token


LOCATIVE = frozenset({"in", "im", "an", "am", "auf", "bei", "beim", "aus", "nahe"})


def actor_label_ok(view: SentenceView, phrase: int, known: frozenset[str] = frozenset(),
                   generic: frozenset[str] = frozenset(), demonyms: frozenset[str] = frozenset(),
                   descriptions: frozenset[str] = frozenset(), counts: frozenset[str] = frozenset()) -> bool:
    """Actors come from PER, ORG and LOC mentions, or from a mention of another label whose
    text the article labels so elsewhere (a merged "lud Kim Jong Un Putin" tagged MISC and split
    by the repair step into "Kim Jong Un" and "Putin"). A mention that is one generic noun after
    an article ("teilte die Airline mit", "der Konzern") or a hyphenated description ending in one of
    ``descriptions`` ("das TecDax-Unternehmen") names nobody: a common noun, not an actor;
    nor does one demonym ("drei Russen", "von den Schweizern"), nor an article and one word the
    tagger took for a name ("kündigte der Manager an")."""
    ph = view.phrases[phrase]
    if ph.head_first == ph.last and ph.first < ph.head_first and (view.toks[ph.last].text in generic or (
            view.toks[ph.last].text.rsplit("-", 1)[-1] in descriptions)):
        return False  # "teilte die Airline mit", "teilte das TecDax-Unternehmen mit"
    if ph.head_first == ph.last and demonym(view.toks[ph.last].text, demonyms) and not _bare_place(view, ph, counts):
        return False
    if ph.last == ph.head_first + 1 and view.toks[ph.head_first].lower in _NOMINATIVE \
            and view.toks[ph.head_first].text.islower():
        return False
    if view.labels.get(ph.mention) == "LOC" and _address(view, ph.head_first, ph.last):
        return False  # "Auenbruggergasse 2", "Goldschlagstraße Nr. 15": an address, not a polity
    if view.labels.get(ph.mention) in ACTOR_LABELS:
        return True
    first, last = view.toks[ph.head_first], view.toks[ph.last]
    return view.source[first.start:last.end] in known


_STREETS = ("gasse", "straße", "strasse", "platz", "allee", "weg", "ufer", "damm", "kai", "promenade")


def _address(view: SentenceView, first: int, last: int) -> bool:
    """Whether a place name is a street with its house number ("Auenbruggergasse 2", "Goldschlagstraße
    Nr. 15"); not "die Dardanellenstraße", a strait."""
    toks = view.toks
    word, k = toks[last].text, last + 1
    if word[:1].isdigit() and last > first:  # the number inside the mention: "Greiseneckergasse 11"
        word, k = toks[last - 1].text, last
    if not (len(word) > 6 and word.lower().endswith(_STREETS)) or k >= len(toks):
        return False
    return toks[k].text[:1].isdigit() or toks[k].text in ("Nr", "Nr.", "Nro")


def _bare_place(view: SentenceView, ph, counts: frozenset[str]) -> bool:
    """A place mention with no article, number, quantifier (``counts``) or adjective before it:
    "Polen fordert" and "Schweden hat" name the country, "die Polen", "drei Schweden" and
    "zahlreiche Türken" people. An article shared with a name before ("die Türkei und Schweden")
    is not its own."""
    k = ph.head_first - 1
    if view.labels.get(ph.mention) != "LOC" or (ph.det and k >= 0 and view.toks[k].lower == ph.det):
        return False
    if k < 0 or not view.toks[k].word:
        return True
    prev = view.toks[k]
    return not (prev.lower in counts or prev.text[:1].isdigit() or is_adjective(prev))


def demonym(word: str, demonyms: frozenset[str]) -> bool:
    """Whether a word names people by their origin: a listed demonym, in the plural or the
    feminine ("Russen", "Schweizern", "Israelis", "Ukrainerinnen")."""
    if not demonyms:
        return False
    for ending in ("", "n", "s", "in", "innen", "nen"):
        if word.endswith(ending) and word[:len(word) - len(ending)] in demonyms:
            return True
    return False


def actor_texts(text: str, mentions: Sequence[Mention]) -> frozenset[str]:
    """The texts of an article's PER, ORG and LOC mentions."""
    return frozenset(text[m.start:m.end] for m in mentions if m.label in ACTOR_LABELS)


def _subject_like(view: SentenceView, i: int) -> bool:
    """A noun after a nominative-capable article with no preposition before it ("Der Winter",
    "das Spiel"), not the genitive of another noun."""
    toks = view.toks
    k = i - 1
    while k >= 0 and toks[k].text.islower() and toks[k].word and toks[k].lower not in _NOMINATIVE:
        k -= 1  # adjectives
    if k < 0 or toks[k].lower not in _NOMINATIVE:
        return False
    prev = toks[k - 1] if k > 0 else None
    return prev is None or not (prev.cap and prev.word) and prev.lower not in _PREPOSITIONS


_NOMINATIVE = frozenset({"der", "die", "das", "ein", "eine"})
_PREPOSITIONS = frozenset({"an", "auf", "aus", "bei", "durch", "für", "gegen", "in", "mit", "nach", "über", "um",
                           "unter", "von", "vor", "zu", "zwischen", "wegen", "trotz", "seit", "ohne", "hinter"})


_STATE_GROUP = re.compile(r"G\d{1,2}$")  # "G7-Staaten", "G20-Gipfel"


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


def speech(view: SentenceView) -> list[bool]:
    """Per token, whether it stands in direct speech. The analysis toggles at every plain quote
    mark; when the sentence's first quote mark closes speech opened in an earlier sentence
    ("... eine Option", schlägt Seidner ...) everything before it is speech and the marks after
    it toggle from there."""
    toks = view.toks
    first = next((k for k, t in enumerate(toks) if t.text in QUOTES), None)
    if first is None or not _closing(toks, first):
        return [t.quoted for t in toks]
    out = [True] * (first + 1)
    inside = False
    for t in toks[first + 1:]:
        if t.text in QUOTES:
            inside = True if t.text == "„" else not inside
        out.append(inside)
    return out


def _closing(toks: list[Tok], k: int) -> bool:
    ch = toks[k].text
    if ch == "„":
        return False
    nxt = toks[k + 1].text if k + 1 < len(toks) else ""
    return k > 0 and (nxt in ("", ",", ".", ";", "!", "?") or ch in "”")
