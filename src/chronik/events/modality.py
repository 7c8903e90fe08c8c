"""How sure: the modality of an event mention, from the words of its clause and sentence.

One value per event, the first that applies in this order:

``negated``      "nicht", "kein" in the trigger's clause ("wurden nicht unterzeichnet"; "ohne ... zu")
``denied``       the event is what a denial verb denies ("bestreiten nordkoreanische Waffenlieferungen")
``speculative``  a question; "könnte", "dürfte", "wohl", "vermutlich", "angeblich"...; a condition
                 ("wenn", "falls", "Sollten ..."); "würde"; "soll ... haben" (an allegation); a
                 speculative adjective ("mögliches Waffengeschäft"); a dass-clause under "vermutet"
                 or under negated evidence ("keine Hinweise darauf, dass", "nicht bestätigt, dass")
``planned``      "werden" + infinitive; "will", "plant", "soll" + infinitive; "geplante";
                 under "ankündigen"/"planen"; an event time after the article's date
``reported``     attributed to a source other than the speaker of the event itself, or in
                 indirect speech (Konjunktiv I: "habe", "sei", "werde")
``asserted``     otherwise
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronik.events.frames import SPEECH, Frame
from chronik.events.lexicon import Lexicon
from chronik.events.verbs import zu_clause
from chronik.events.view import SentenceView, Tok

if TYPE_CHECKING:
    from chronik.events.attribution import Attribution

# verbs without an object: "wird" with their participle is an impersonal passive of the present
IMPERSONAL = frozenset({"streiken", "demonstrieren", "protestieren"})
ORDER = ("negated", "denied", "speculative", "planned", "reported", "asserted")


class ModalityFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        c = lexicon.cue
        self.negation = c("negation")
        self.aux = c("auxiliaries")
        self.exempt = c("negation_exempt")
        self.speculative = c("speculative")
        self.conditional = c("conditional")
        self.hypothetical = c("hypothetical")
        self.planned = c("planned")
        self.planned_lemmas = c("planned_lemmas")
        self.future = c("future")
        self.allegation = c("allegation_aux")
        self.konj = c("konjunktiv")
        self.planned_adj = c("planned_adjectives")
        self.spec_adj = c("speculative_adjectives")
        self.unconfirmed = c("unconfirmed")
        self.feared = c("feared_lemmas")

    def _denied_object(self, view: SentenceView, f: Frame, g: Frame) -> bool:
        """An event noun between the finite auxiliary and the denial's participle of one clause
        ("Der Kreml hat Berichte über Waffenlieferungen zurückgewiesen"): what is denied."""
        toks = view.toks
        clause = toks[g.trigger].clause
        return f.noun and f.trigger < g.trigger and toks[f.trigger].clause == clause and any(
            t.lower in self.aux and t.i < f.trigger for t in view.clause_toks(clause))

    def mood(self, view: SentenceView, f: Frame, frames, attribution: "Attribution | None", future_time: bool) -> str:
        """The modality of frame ``f`` (the first value of ``ORDER`` that applies)."""
        tok = view.toks[f.trigger]
        light = view.toks[f.light_verb] if f.light_verb is not None else None
        verb_tok = light if (f.noun and light is not None) else tok
        if self.negated(view, tok, f.noun, light if f.noun else None):
            return "negated"
        denials = [g for g in frames if g.type == "DENY" and g is not f]
        if any(g.trigger < f.trigger or self._denied_object(view, f, g) for g in denials) and f.type not in SPEECH:
            return "denied"
        if self.speculative_here(view, verb_tok, f.noun and light is None):
            return "speculative"
        clause = view.clauses[verb_tok.clause]
        dependent = clause.opener in ("dass", "daß") or zu_clause(view, verb_tok)
        governed = dependent and not f.sense.report and (any(
            g.lemma in self.planned_lemmas and 0 < verb_tok.clause - view.toks[g.trigger].clause <= 2
            for g in frames if g is not f) or any(  # a governing verb of no event type: "ermächtigte X, ... zu unterzeichnen"
            k < verb_tok.i and 0 < verb_tok.clause - view.toks[k].clause <= 2 for k in self.plan_tokens(view)))
        if f.control is not None and f.control.modality == "planned":
            governed = True  # "wird ... reisen, um Flugzeugwerke zu besuchen"
        if f.noun and light is None and self._announced(view, f, frames):
            governed = True  # "Verdi kündigt Streiks an", "kündigte eine engere Zusammenarbeit mit Bosch an"
        if self.planned_here(view, verb_tok, f.noun and light is None, governed) or future_time:
            return "planned"
        if attribution is not None and attribution.source != f.own_speaker:
            return "reported"
        if f.own_speaker is None and self.konjunktiv(view, verb_tok):
            return "reported"
        return "asserted"

    def _announced(self, view: SentenceView, f: Frame, frames) -> bool:
        return any(announces(view, g, f, self.planned_lemmas) for g in frames)

    def clause_words(self, view: SentenceView, tok: Tok) -> list[Tok]:
        return view.clause_toks(tok.clause)

    def negated(self, view: SentenceView, trig: Tok, noun: bool, light_verb: Tok | None) -> bool:
        toks = view.toks
        if noun and light_verb is None:
            for k in range(max(0, trig.i - 3), trig.i):
                if toks[k].lower.startswith("kein"):
                    return True
            return False
        words = self.clause_words(view, light_verb or trig)
        for t in words:
            if t.lower in self.negation:
                nxt = toks[t.i + 1].lower if t.i + 1 < len(toks) else ""
                if nxt in self.exempt:
                    continue
                if t.lower.startswith("kein") and noun is False and t.i + 1 < len(toks) and toks[t.i + 1].cap \
                        and t.i + 1 != trig.i and light_verb is None:
                    continue  # "kein Ersatz geholt": negates a noun, not the verb
                return True
        first = view.toks[view.clauses[trig.clause].first]
        if first.text == ",":
            first = view.toks[min(first.i + 1, len(view.toks) - 1)]
        return first.lower == "ohne"

    def speculative_here(self, view: SentenceView, trig: Tok, noun: bool) -> bool:
        if view.question:
            return True
        words = self.clause_words(view, trig)
        lowers = {t.lower for t in words}
        clause = view.clauses[trig.clause]
        if lowers & self.speculative or lowers & self.hypothetical:
            return True
        if clause.opener in self.conditional:
            return True
        first = view.toks[clause.first]
        if first.text in (",",) and clause.first + 1 <= clause.last:
            first = view.toks[clause.first + 1]
        if first.lower in ("sollte", "sollten") and first.text[:1].isupper():
            return True
        if lowers & self.allegation and any(t.lower in ("haben", "sein") for t in words) and \
                any(t.lower != t.lemma and t.text.islower() and "ge" in t.lower[:7] or t.lower == "worden" for t in words):
            return True  # "soll ... angegriffen haben": an allegation
        if noun and trig.i > 0 and view.toks[trig.i - 1].lower in self.spec_adj:
            return True
        if noun and self._feared(view, trig):
            return True
        if clause.opener in ("dass", "daß") and trig.clause > 0:
            governing = view.clause_toks(trig.clause - 1)
            if any(t.lower in self.speculative or t.lemma in ("vermuten", "spekulieren") or t.lower == "davon"
                   and any(u.lemma == "ausgehen" for u in governing) for t in governing):
                return True
            if any(t.lower in self.negation for t in governing) and any(
                    t.text in self.unconfirmed or t.lemma in self.unconfirmed for t in governing):
                return True  # "Es gibt keine Hinweise darauf, dass ...", "hat nicht bestätigt, dass ..."
        # a conditional clause earlier in the sentence ("Sollten ... geliefert werden, könnte ...")
        return False

    def _feared(self, view: SentenceView, trig: Tok) -> bool:
        """An event noun after "vor" that its clause warns of or fears ("warnte vor einem russischen
        Angriff auf die Nato", "aus Angst vor einem Krieg"): a possibility, not a happening."""
        toks = view.toks
        k = trig.i - 1
        while k >= 0 and toks[k].text.islower() and toks[k].word and toks[k].lower != "vor":
            k -= 1  # articles and adjectives
        if k < 0 or toks[k].lower != "vor" or toks[k].clause != trig.clause:
            return False
        return any(t.lemma in self.feared and t.i < k for t in self.clause_words(view, trig))

    def planned_here(self, view: SentenceView, trig: Tok, noun: bool, governed_by_plan: bool) -> bool:
        if governed_by_plan:
            return True
        words = self.clause_words(view, trig)
        lowers = {t.lower for t in words}
        if noun and trig.i > 0 and (view.toks[trig.i - 1].lower in self.planned_adj or
                                    (trig.i > 1 and view.toks[trig.i - 2].lower in self.planned_adj)):
            return True
        if lowers & self.future:
            infinitive = any(t.text.islower() and t.word and t.lower == t.lemma and t.lower.endswith("n")
                             and t.lower not in self.future for t in words)
            if infinitive:
                return True
            if not noun and trig.lower != trig.lemma and not (
                    trig.lemma in IMPERSONAL and sum(t.lower in self.future for t in words) < 2
                    and not any(t.i in view.timex_tokens for t in words)):
                # "In den Kliniken wird gestreikt" is now; "wird ... gestreikt werden" and "In Frankfurt werde bis
                # 23.00 Uhr gestreikt" (a strike scheduled) are to come
                return True
        modal = lowers & self.planned
        if modal - self.allegation:
            return True
        if modal & self.allegation and not any(t.lower in ("haben", "sein", "worden") for t in words):
            return True
        return False

    def konjunktiv(self, view: SentenceView, trig: Tok) -> bool:
        return any(t.lower in self.konj or _konjunktiv_i(t) for t in self.clause_words(view, trig) if not t.quoted)

    def plan_tokens(self, view: SentenceView) -> list[int]:
        return [t.i for t in view.toks if t.lemma in self.planned_lemmas and t.text.islower()]


def announces(view: SentenceView, g: Frame, f: Frame, lemmas: frozenset[str]) -> bool:
    """Verb frame ``g`` announces or plans event noun ``f`` of its clause ("kündigte weitere Streiks
    an", "hat den Verkauf ... angekündigt"; ``lemmas``: the planning verbs); not across "und" or a
    comma ("verurteilten die Angriffe und kündigten Sanktionen an")."""
    toks = view.toks
    return g is not f and f.noun and not g.noun and g.lemma in lemmas \
        and toks[g.trigger].clause == toks[f.trigger].clause and not any(
            t.lower in ("und", "sowie", "oder", "aber") or t.text == ","
            for t in toks[min(f.trigger, g.trigger) + 1:max(f.trigger, g.trigger)])


def _konjunktiv_i(t: Tok) -> bool:
    """A Konjunktiv I form in the third person singular ("fordere", "gehe", "liege"): the
    infinitive without its final -n."""
    low, lemma = t.lower, t.lemma
    if not t.text.islower() or not low.endswith("e") or not lemma.endswith("n") or len(low) < 4:
        return False
    return low == lemma[:-1] and not lemma.endswith("ern") or low == lemma[:-1] + "e"
