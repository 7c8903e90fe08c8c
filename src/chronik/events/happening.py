"""Checks that an event mention denotes a happening, not something urged, wished, supposed or counted.

The blind sets' errors showed four kinds of mentions whose type and actors may look right but
that report nothing that happened (guideline 1 of docs/events.md). Each check below drops the
event; the word lists are in ``cues.tsv``.

* ``urged``: the event lies in a zu-infinitive or a dass-clause governed by a verb of urging or
  demanding ("Kroatien wurde ... aufgefordert, endlich mit dem UN-Tribunal ... zu kooperieren",
  "forderte, dass die Regierung ... unterstützt"): what someone is told to do (the demand itself
  stays an event).
* ``wished``: an event noun after an adjective of wishing, demanding or proposing ("die von
  Regierungspräsidentin Anne Lütkes gewünschte ... Kooperation", "die angestrebte Fusion").
* ``hypothetical``: an event noun with an indefinite article in a clause that is conditional or
  hypothetical ("welche Auswirkungen ein neuer Terroranschlag ... haben würde"), or after "im
  Fall(e)" ("im Falle eines Angriffs").
* ``statistic``: a count or comparison of events, not one event: an actorless event, or an event
  noun in the plural without a determiner, in a clause with a quantity word ("Rund 1,5 Millionen
  Streiktage seien ... auf Streiks ... entfallen", "fast ein Drittel weniger Fahrzeuge verkauft",
  "wurde nur 1992 mehr gestreikt").
* ``interview``: a talk noun in a prepositional phrase of a sentence that reports a statement
  ("sagte Europaminister Uwe Döring im Gespräch mit der Deutschen Presse-Agentur"): the setting
  of the statement (an interview), not a meeting. A meeting noun is never one ("Bei einem Treffen
  mit Rutte sagte Selenskyj").
* ``reference``: a participle after "wie" that refers back to something said or done before
  ("haben die Unternehmen wie gefordert ... reagiert", "wie angekündigt", "wie berichtet"): the
  clause reports something else.
* ``alias``: "genannt" after a comma before a name ("Javier Hernandez, genannt Chicharito"): a
  second name, not a statement.
* ``attendance``: a visit participle after an adverb of degree ("Der Klavierabend von Elly Ney
  ... war verdienterweise gut besucht", ``attendance_adverbs``): how many came, not a visit.
* ``generic``: an actorless event whose subject is nobody in particular, a quantifier standing
  alone ("da viele ... alles Schulische strikt ablehnten", ``generic_subjects``); a passive stays
  (someone unnamed acted).
* ``actorless``: an event without actors whose trigger has common other senses
  (``actor_required_lemmas``: "unterstützen" — software "unterstützt" a system, a measure
  "unterstützt" a goal, "Unterstützung ... angeboten" as a service; "übernehmen", "kaufen",
  "verkaufen", "fusionieren", "wählen": "übernimmt einen Kostenanteil", "wählte ... eine
  Doppelstrategie"); a passive without an agent ("sollen die Bewohner ... unterstützt werden") or a
  personal pronoun as the subject ("ehe er die Nationalmannschaft übernahm") stays: someone in
  particular acted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from chronik.events.view import SentenceView

if TYPE_CHECKING:
    from chronik.events.frames import Frame
    from chronik.events.lexicon import Lexicon
    from chronik.model import Event

_NO_INTERVIEW = frozenset({"Treffen", "Gipfel", "Gipfeltreffen", "Begegnung", "Zusammenkunft"})  # meetings, not talks
_DETERMINERS = frozenset({"der", "die", "das", "des", "dem", "den", "ein", "eine", "einen", "einem", "einer", "eines",
                          "sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer",
                          "diese", "dieser", "diesen", "diesem", "dieses", "jede", "jeder", "jeden", "beide", "beiden"})


class Happening:
    """Decides whether an event mention reports a happening; word lists from the lexicon's cues."""

    checks: tuple[str, ...] = ("urged", "wished", "hypothetical", "statistic", "actorless", "interview", "reference",
                               "alias", "attendance", "generic")

    def __init__(self, lexicon: "Lexicon") -> None:
        self.urging = lexicon.cue("urging_lemmas")  # "auffordern", "appellieren"
        self.wishing = tuple(sorted(lexicon.cue("wishing_adjectives")))  # stems: "gewünscht", "angestrebt"
        self.hypothetical_words = lexicon.cue("hypothetical") | lexicon.cue("conditional") \
            | frozenset({"könnte", "könnten", "wäre", "wären", "hätte", "hätten"})
        self.indefinite = lexicon.cue("indefinite")
        self.quantities = tuple(sorted(lexicon.cue("statistic_heads")))  # "prozent", "drittel", "tage"
        self.comparatives = lexicon.cue("comparatives")  # "mehr", "weniger"
        self.actor_required = lexicon.cue("actor_required_lemmas")
        self.particular = lexicon.cue("particular_pronouns")  # "er", "sie": someone named earlier
        self.generic_subjects = lexicon.cue("generic_subjects")  # "viele", "manche", "man"
        self.attendance = lexicon.cue("attendance_adverbs")  # "gut", "schlecht", "zahlreich"

    def keep(self, view: SentenceView, f: "Frame", event: "Event", frames: Sequence["Frame"]) -> bool:
        return self.reason(view, f, event, frames) is None

    def reason(self, view: SentenceView, f: "Frame", event: "Event", frames: Sequence["Frame"]) -> str | None:
        """The name of the first check the event fails, or None."""
        for name in self.checks:
            if getattr(self, "_" + name)(view, f, event, frames):
                return name
        return None

    # -- checks -----------------------------------------------------------------------------

    def _urged(self, view: SentenceView, f: "Frame", event: "Event", frames: Sequence["Frame"]) -> bool:
        if f.type == "DEMAND" and f.lemma in self.urging:
            return False
        if f.control is not None:
            return f.control.lemma in self.urging and f.control.type == "DEMAND"
        clause = view.toks[f.anchor].clause
        if not self._dependent(view, clause):
            return False
        return any(g is not f and g.lemma in self.urging and g.type == "DEMAND"
                   and 0 < clause - view.toks[g.anchor].clause <= 2 for g in frames)

    def _dependent(self, view: SentenceView, clause: int) -> bool:
        """A dass-clause, or a clause holding a zu-infinitive."""
        if view.clauses[clause].opener in ("dass", "daß"):
            return True
        toks = view.clause_toks(clause)
        return any((t.lower == "zu" and k + 1 < len(toks) and toks[k + 1].text.islower())
                   or (t.text.islower() and "zu" in t.lower[1:-3] and t.lower != t.lemma
                       and t.lower.replace("zu", "", 1) == t.lemma)
                   for k, t in enumerate(toks))

    def _wished(self, view: SentenceView, f: "Frame", event: "Event", frames: Sequence["Frame"]) -> bool:
        if not f.noun or f.light_verb is not None or not self.wishing:
            return False
        toks = view.toks
        k = f.trigger - 1
        while k >= 0 and toks[k].word and toks[k].text.islower() and toks[k].lower not in _DETERMINERS:
            if toks[k].lower.startswith(self.wishing):
                return True
            k -= 1
        return False

    def _hypothetical(self, view: SentenceView, f: "Frame", event: "Event", frames: Sequence["Frame"]) -> bool:
        if not f.noun or f.light_verb is not None:
            return False
        toks = view.toks
        k = f.trigger - 1
        while k >= 0 and toks[k].word and toks[k].text.islower() and toks[k].lower not in _DETERMINERS:
            k -= 1  # adjectives
        if k < 0 or toks[k].lower not in self.indefinite:
            return False
        if k > 0 and toks[k - 1].lower in ("fall", "falle"):
            return True  # "im Falle eines Angriffs der Kurden-Miliz YPG"
        return any(t.lower in self.hypothetical_words for t in view.clause_toks(toks[f.trigger].clause))

    def _statistic(self, view: SentenceView, f: "Frame", event: "Event", frames: Sequence["Frame"]) -> bool:
        toks = view.toks
        words = view.clause_toks(toks[f.anchor].clause)
        if not event.actors and any(t.lower in self.comparatives and (t.i + 1 >= len(toks) or toks[t.i + 1].lower != "als")
                                    for t in words):
            return True  # "wurde nur 1992 mehr gestreikt" (not "mehr als 1000 Menschen")
        if not event.actors:
            return any(self._quantity(t) for t in words)
        trig = toks[f.trigger]
        if not f.noun or f.light_verb is not None or trig.text == trig.lemma:
            return False
        before = toks[f.trigger - 1] if f.trigger > 0 else None
        if before is not None and (before.lower in _DETERMINERS or (before.word and before.text.islower()
                                                                     and before.lower.endswith(("en", "e")))):
            return False  # a determiner or an adjective: a particular set of events
        return any(self._quantity(t) for t in words)

    def _quantity(self, t) -> bool:
        """A noun that counts or measures: "Prozent", "Drittel", "Streiktage", "Arbeitslosenquote"."""
        return t.cap and t.word and t.lower.endswith(self.quantities)

    def _interview(self, view: SentenceView, f: "Frame", event: "Event", frames: Sequence["Frame"]) -> bool:
        if f.type != "MEET" or not f.noun or f.light_verb is not None or f.trigger == 0 \
                or f.lemma in _NO_INTERVIEW:
            return False  # "Bei einem Treffen mit Rutte sagte Selenskyj": a meeting is no interview
        k = f.trigger - 1
        while k > 0 and view.toks[k].word and view.toks[k].text.islower() and view.toks[k].lower not in ("im", "in", "bei", "beim"):
            k -= 1  # "in einem ausführlichen Gespräch"
        if view.toks[k].lower not in ("im", "in", "bei", "beim"):
            return False
        return any(g.type == "STATEMENT" and not g.noun for g in frames)

    def _actorless(self, view: SentenceView, f: "Frame", event: "Event", frames: Sequence["Frame"]) -> bool:
        if event.actors or not (f.lemma in self.actor_required or view.toks[f.trigger].lemma in self.actor_required):
            return False
        if f.noun:
            return True
        words = view.clause_toks(view.toks[f.trigger].clause)
        if any(t.lower in self.particular for t in words):
            return False  # "ehe er die Nationalmannschaft übernahm": someone in particular, named earlier
        passive = any(t.lemma == "werden" for t in words)
        return not passive or any(t.lower in ("von", "vom", "durch") for t in words)

    def _reference(self, view: SentenceView, f: "Frame", event: "Event", frames: Sequence["Frame"]) -> bool:
        if f.noun or f.light_verb is not None or f.trigger == 0:
            return False
        toks = view.toks
        trig = toks[f.trigger]
        return toks[f.trigger - 1].lower == "wie" and trig.lower != trig.lemma and trig.lower.endswith(("t", "en"))

    def _alias(self, view: SentenceView, f: "Frame", event: "Event", frames: Sequence["Frame"]) -> bool:
        toks = view.toks
        i = f.trigger
        return not f.noun and toks[i].lower == "genannt" and i > 0 and toks[i - 1].text == "," \
            and i + 1 < len(toks) and (toks[i + 1].cap or toks[i + 1].text in "\"„“»«")

    def _attendance(self, view: SentenceView, f: "Frame", event: "Event", frames: Sequence["Frame"]) -> bool:
        toks = view.toks
        trig = toks[f.trigger]
        return f.type == "VISIT" and not f.noun and f.trigger > 0 and trig.lower != trig.lemma \
            and trig.lower.endswith("t") and toks[f.trigger - 1].lower in self.attendance  # "besucht", "besichtigt"

    def _generic(self, view: SentenceView, f: "Frame", event: "Event", frames: Sequence["Frame"]) -> bool:
        if event.actors or f.noun:
            return False
        toks = view.toks
        clause = view.clauses[toks[f.trigger].clause]
        words = view.clause_toks(clause.index)
        if any(t.lemma == "werden" for t in words):
            return False
        return any(t.lower in self.generic_subjects and t.i < f.trigger and (t.i + 1 >= len(toks) or not toks[t.i + 1].cap)
                   for t in words)  # "viele" alone, not "viele Aktionäre"
