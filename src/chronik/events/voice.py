"""Verb forms within a clause: which verb is the finite one, and whether a participle is passive.

A participle is not the lemma and has "ge" where the lemma has none, or is the -t/-en form of a
verb with an inseparable prefix or in -ieren; the finite verb of a clause is an auxiliary, else
the trigger when its form can be finite, else another finite-looking verb. The passive is an
auxiliary "werden" form in the clause, or "sein" with the participle of a verb that takes "haben".
"""

from __future__ import annotations

from chronik.events.lexicon import Lexicon
from chronik.events.verbs import is_finite_like
from chronik.events.view import SentenceView, Tok

INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "über", "unter", "hinter", "wider", "voll")


class VerbForms:
    """Reads the verb forms of a sentence view; holds the auxiliaries and passive cues."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.aux = lexicon.cue("auxiliaries")
        self.sein = frozenset({"ist", "sind", "sei", "seien", "wäre", "wären", "war", "waren"})
        self.passive = lexicon.cue("passive") - self.sein
        self.sein_perfect = lexicon.cue("sein_perfect")  # lemmas whose participle with "sein" is a perfect
        self.dets = lexicon.cue("determiners")
        self.preps = lexicon.cue("prepositions")

    def finite(self, view: SentenceView, i: int) -> int | None:
        """Index of the finite verb of the clause of token ``i``: an auxiliary, else the trigger
        when its form can be finite, else another finite-looking verb; None when there is none.
        A participle followed by an auxiliary, or after one, is not finite ("verwiesen worden",
        "haben ... unterzeichnet")."""
        tok = view.toks[i]
        clause = view.clause_toks(tok.clause)
        for t in clause:
            if t.lower in self.aux and t.i not in view.by_token and not _after_zu(view, t):
                return t.i  # (not "besuchen zu wollen": an infinitive)
        # an auxiliary in direct speech does not govern a verb outside it ("„... ist ...“, erläutert X"),
        # nor one in a relative or subordinate clause of its own (", welche ... mächtig sein möchten, ...")
        earlier_aux = not self._verb_first(view, tok) and any(
            t.lower in self.aux and t.quoted == tok.quoted and not self._closed(view, t.i, i)
            and not (t.clause != tok.clause and (view.clauses[t.clause].relative or view.clauses[t.clause].opener))
            for t in view.toks[:i])
        later_aux = any(t.lower in self.aux or t.lower == "worden" for t in clause if t.i > i)
        past = participle(tok) and (earlier_aux or later_aux)
        if tok.text.islower() and not past and not zu_infinitive(view, tok):
            return i
        for t in clause:
            if t.i == i or t.i in view.by_token:
                continue
            if is_finite_like(t, self.lexicon) and not (participle(t) and earlier_aux) \
                    and not _after_zu(view, t):
                return t.i
        return None

    def _verb_first(self, view: SentenceView, tok: Tok) -> bool:
        """The verb opens its clause after a comma and a name or an article follows it: a finite verb
        before its subject ("Hachez ist nichts Besonderes mehr, erklärt Burmann die Situation"), not
        a participle an earlier auxiliary waits for (that closes its clause: "Er hat, wie berichtet,
        zugestimmt")."""
        toks = view.toks
        k = tok.i
        if k < 1 or toks[k - 1].text != "," or k + 1 >= len(toks) or toks[k + 1].clause != tok.clause:
            return False
        return k + 1 in view.by_token or toks[k + 1].lower in self.dets

    def _closed(self, view: SentenceView, aux: int, i: int) -> bool:
        """A participle of a main clause stands between the auxiliary and token ``i``: the auxiliary
        has its verb ("Valentin werden ... beeinflusst, erklärt Bürgermeister ..."); one in a "wie"
        or relative clause does not count ("Er hat, wie berichtet, zugestimmt")."""
        return any(participle(t) and t.i not in view.by_token and not view.clauses[t.clause].opener
                   and not view.clauses[t.clause].relative for t in view.toks[aux + 1:i])

    def is_passive(self, view: SentenceView, trig: Tok) -> bool:
        if trig.lower == trig.lemma or not participle(trig):
            return False
        clause = view.clause_toks(trig.clause)
        if any(t.lower in self.passive for t in clause) or self._interrupted_passive(view, trig) \
                or self.apposed_participle(view, trig) or _found_state(view, trig, clause):
            return True
        # "war angeklagt", "ist ... bedroht": "sein" with the participle of a verb that takes "haben";
        # not "war ... aufgetaucht und hatte ... erklärt", "war in Afrika und erzählt": the nearest
        # auxiliary before it is a form of "sein", and no coordinator stands between them
        if trig.lemma in self.sein_perfect:
            return False
        aux = next((t for t in reversed(clause) if t.i < trig.i and (t.lower in self.aux or t.lower in ("und", "oder", "sowie"))),
                   None)
        return aux is not None and aux.lower in self.sein

    def _interrupted_passive(self, view: SentenceView, trig: Tok) -> bool:
        """The participle closes a main clause that an apposition, a relative clause or a
        prepositional phrase set off by a comma interrupted ("Zum Pfarrverweser wird Hr. E.
        Winkler, V. D. M., ernannt", "wird ebenfalls, mit 10 gegen 12 Stimmen abgelehnt"): its own
        stretch is the participle, or a prepositional phrase without a verb and the participle (not
        "…, erklärt Bürgermeister Noggler"), and the stretch before the interruption holds the
        passive auxiliary."""
        clause = view.clauses[trig.clause]
        if clause.opener or clause.relative:
            return False
        own = [t for t in view.clause_toks(trig.clause) if t.word]
        if own[-1:] != [trig] or (len(own) > 1 and (
                own[0].lower not in self.preps or trig.i in view.by_token or
                any(t.i in view.by_token or is_finite_like(t, self.lexicon) for t in own[:-1]))):
            return False
        for c in range(trig.clause - 1, -1, -1):
            if view.clauses[c].relative:
                continue  # "wird Hans Müller, der bisher Vize war, gewählt"
            if view.clauses[c].opener:
                return False
            toks = view.clause_toks(c)
            if any(is_finite_like(t, self.lexicon) for t in toks):
                return any(t.lower in self.passive for t in toks)
        return False

    def apposed_participle(self, view: SentenceView, trig: Tok) -> bool:
        """The participle opens a stretch set off by commas right after the name that opens the
        sentence, and neither stretch has a finite verb: the name is what was done to it
        ("Merkel, unterstützt von Macron, forderte ...", "Hr. Müller, aufgefordert, sich näher
        auszusprechen, erklärt ..."); not the participle of an auxiliary before an apposition
        ("hat die Eigentümerin, General Electric, mitgeteilt"), not the present tense closing a
        subordinate clause ("Wie der Geschichtschreiber, Dietrich von Niem, berichtet, ...")."""
        c = trig.clause
        clause = view.clauses[c]
        if c != 1 or c + 1 >= len(view.clauses) or clause.opener or clause.relative:
            return False
        own = view.clause_toks(c)
        words = [t for t in own if t.word]
        if not words or words[0].i != trig.i or trig.i < 2 or view.toks[trig.i - 1].text != "," \
                or trig.i - 2 not in view.by_token or view.toks[trig.i - 2].clause != c - 1:
            return False
        before = view.clause_toks(c - 1)
        return not any(t.i != trig.i and (is_finite_like(t, self.lexicon) or t.lower in self.aux) for t in own + before) \
            and own[-1].i + 1 < len(view.toks) and view.toks[own[-1].i + 1].text == ","


FOUND = frozenset({"aufgefunden", "vorgefunden", "gefunden"})


def _found_state(view: SentenceView, trig: Tok, clause: list[Tok]) -> bool:
    """The participle says in what state someone was found ("wurde ... ermordet aufgefunden",
    "findet sie Borden ermordet auf"): what was done to the one found, who is no agent."""
    nxt = trig.i + 1
    if nxt >= len(view.toks) or view.toks[nxt].clause != trig.clause:
        return False
    if view.toks[nxt].lower in FOUND:
        return True
    last = [t for t in clause if t.word][-1]
    return view.toks[nxt].lower == "auf" and last.i == nxt and any(t.lemma == "finden" for t in clause)


_PRESENT_VOWELS = frozenset({("i", "e"), ("ä", "a"), ("ö", "o"), ("ü", "u")})  # "nimmt" (nehmen), "hält" (halten)


def participle(tok: Tok) -> bool:
    """A past participle: not the lemma, and "ge" inside ("getroffen", "festgenommen"), or the
    form in -t / -en of a verb with an inseparable prefix or in -ieren ("unterzeichnet",
    "übernommen", "kritisiert"); "lehnt", "sagt", "unterzeichneten" are not, nor a form in -t whose
    vowel the present tense changed ("übernimmt", "erhält")."""
    low, lemma = tok.lower, tok.lemma
    if low == lemma or not tok.word or not lemma.islower():
        return False
    if low.endswith(("t", "en")) and any(low[k:k + 2] == "ge" != lemma[k:k + 2] for k in range(6)):
        return True  # "ge" where the lemma has none: "getroffen", "festgenommen", "angeklagt" (anklagen)
    if not (lemma.startswith(INSEPARABLE) or lemma.endswith("ieren")):
        return False
    if low.endswith("t"):  # "unterzeichnet", "ernannt"; "übernimmt", "erhält" are the present tense
        return not any((a, b) in _PRESENT_VOWELS for a, b in zip(low, lemma))
    return low.endswith("en") and not low.endswith("ten")


ZU_MODALS = frozenset({"wollen", "können", "müssen", "dürfen", "sollen"})


def _after_zu(view: SentenceView, t: Tok) -> bool:
    """Token ``t`` follows "zu": an infinitive ("zu wollen"), no finite verb."""
    return t.i > 0 and view.toks[t.i - 1].lower == "zu"


def zu_infinitive(view: SentenceView, trig: Tok) -> bool:
    """An infinitive after "zu" ("zu besuchen", "abzuschließen"), or before "zu" and a modal
    ("besuchen zu wollen")."""
    if trig.lower == trig.lemma:
        toks = view.toks
        return _after_zu(view, trig) or (
            trig.i + 2 < len(toks) and toks[trig.i + 1].lower == "zu" and toks[trig.i + 2].lower in ZU_MODALS)
    return "zu" in trig.lower[1:-3] and trig.lower.replace("zu", "", 1) == trig.lemma


LASSEN = frozenset({"lassen", "gelassen"})


def caused(view: SentenceView, trig: Tok) -> bool:
    """An infinitive before "zu lassen" ("Hindenburg verhaften zu lassen", "X zum Polizeichef
    ernennen zu lassen"): a zu-infinitive clause of "lassen", whose names are the infinitive's
    objects; the one who lets stands in another clause."""
    toks = view.toks
    k = trig.i
    return trig.lower == trig.lemma and k + 2 < len(toks) and toks[k + 1].lower == "zu" \
        and toks[k + 2].lower in LASSEN and toks[k + 2].clause == trig.clause
