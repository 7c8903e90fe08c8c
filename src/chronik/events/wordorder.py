"""Object-first main clauses: who acts when an object opens the clause, without a parser.

German puts an object before the finite verb freely ("Das ... Geschäft mit Neonröhren will Osram
... verkaufen", "Die Zahl ... habe Oracle nicht genannt"). When the first position holds a noun
phrase without a name, that phrase is read as the subject (the subject is "not named") unless it
cannot be one: a determiner that cannot open a masculine nominative (``object_determiners`` of
``cues.tsv``: "das", "die", "ein", "eine" ...), capitalised words up to a preposition or a
genitive's article none of which names an agent (no person, organisation or collective noun:
``agentive_nouns``, ``generic_org_nouns``, ``spokesperson_nouns``, ``state_collectives`` and the
``agent_suffixes``; "Die Freiwillige Feuerwehr Bruneck" can act, "Die Zahl der Mitarbeiter"
cannot) and a person or
organisation name right after the finite verb (or after one of the ``position_adverbs``): then
that name is the subject.
"""

from __future__ import annotations

from chronik.events.lexicon import Lexicon
from chronik.events.verbs import is_finite_like
from chronik.events.view import SentenceView



class WordOrder:
    """Word-order tests of one language; holds its word lists."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.dets = lexicon.cue("determiners")
        self.preps = lexicon.cue("prepositions")
        self.agents = lexicon.cue("agentive_nouns") | lexicon.cue("generic_org_nouns") \
            | lexicon.cue("spokesperson_nouns") | lexicon.cue("state_collectives")
        self.suffixes = tuple(sorted(lexicon.cue("agent_suffixes"), key=len, reverse=True))
        self.adverbs = lexicon.cue("position_adverbs")
        self.object_dets = lexicon.cue("object_determiners")  # cannot open a masculine nominative

    def agentive(self, noun: str) -> bool:
        """A noun that can name who acts: a person, an organisation, a collective (also as the head
        of a compound: "Energiekonzern", "Betriebsrat")."""
        head = noun.split("-")[-1]
        if head in self.agents or head.lower().endswith(self.suffixes):
            return True
        low = head.lower()
        return any(low.endswith(a.lower()) and len(a) >= 4 for a in self.agents)

    def object_first(self, view: SentenceView, lo: int, f: int, after: int | None) -> bool:
        """The name phrase ``after`` (first unmarked name after the finite verb ``f``) is the
        subject because the noun phrase in ``lo..f`` cannot be."""
        if after is None:
            return False
        ph = view.phrases[after]
        gap = [t for t in view.toks[f + 1:ph.first] if t.word]
        if len(gap) > 1 or any(t.lower not in self.adverbs for t in gap):
            return False  # the name must follow the verb: "will Osram ...", "hat offenbar Siemens ..."
        if view.labels.get(ph.mention) not in ("PER", "ORG"):
            return False
        toks = [t for t in view.toks[self._phrase_start(view, lo):f] if t.word]
        if not toks or toks[0].lower not in self.object_dets:
            return False
        heads = []  # the capitalised words of the noun phrase, up to a preposition or a genitive's article:
        for t in toks[1:]:  # "Die Freiwillige Feuerwehr Bruneck", not "Die Zahl der Mitarbeiter"
            if t.lower in self.preps or t.lower in self.dets:
                break
            if t.cap:
                heads.append(t)
        if not heads:  # a preposition first ("Die im Prime Standard notierende X AG"): its first capitalised word
            heads = [t for t in toks[1:] if t.cap][:1]
            if not heads or heads[0].lower in self.preps:
                return False
        if heads[0].i in view.by_token:
            return False
        return not any(self.agentive(t.text) for t in heads)

    def _phrase_start(self, view: SentenceView, lo: int) -> int:
        """Where the first constituent starts: clauses broken off at commas before it that have
        no verb and open no subordinate clause belong to it ("Das Geschäft mit Neonröhren,
        Halogen- und Energiesparlampen will ...")."""
        c = view.toks[lo].clause
        start = lo
        while c > 0:
            prev = view.clauses[c - 1]
            if prev.opener or prev.relative or any(
                    is_finite_like(t, self.lexicon) for t in view.clause_toks(prev.index)):
                break
            c -= 1
            start = prev.first
        return start

