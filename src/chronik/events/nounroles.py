"""Roles of noun triggers: who visits in "Kims Besuch in Moskau", who buys in "die Übernahme von
E-Plus durch Telefónica", and when a noun takes the clause's subject as its agent ("beim Treffen
mit Kim sagte Putin").

A genitive or possessor ("Besuch Kims", "Kims Besuch"), a "von" phrase and the first part of a
compound ("Nordkorea-Besuch") take the noun's genitive role; "durch" and "zwischen" phrases are
sources; the other prepositional phrases inside the noun phrase get the inventory's role; a
country adjective ("nordkoreanische Waffenlieferungen") names a country in the genitive role.
"""

from __future__ import annotations

from chronik.events.lexicon import EventType
from chronik.events.roles import RoleFinder, Roles, norm_prep
from chronik.events.verbs import after_bracket, is_finite_like, separable_lemma
from chronik.events.view import SentenceView, Tok, inflected

PLACE_NOT_ACTOR = frozenset({"ATTACK", "PROTEST", "MEET", "ARREST", "VISIT", "TRAVEL"})
TEMPORAL_PREPS = frozenset({"bei", "beim", "nach", "während", "zum", "zur", "mit"})
PURPOSE_PREPS = frozenset({"zu", "zum", "zur"})  # "zu einem Besuch eingetroffen": what a journey is for
POSSESSIVES = frozenset({"sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem", "ihren",
                         "ihrer", "ihres"})
OBJECT_PRONOUNS = frozenset({"ihm", "ihr", "ihnen", "uns", "euch", "mir", "dir"})
NOUN_COMPLEMENTS = frozenset({"mit", "zwischen", "von", "vom", "des", "der", "über", "gegen", "für", "zu", "zum", "zur",
                              "in", "im", "an", "am", "auf", "bei", "beim", "durch"})  # a phrase of the noun's
OWN_ACTIVITY = frozenset({"VISIT", "TRAVEL", "MEET", "COOPERATE", "AID", "SUPPORT", "AGREE", "STATEMENT", "DEMAND",
                          "ACQUIRE"})


class NounRoleFinder:
    """Roles of noun triggers, using a verb role finder's helpers (labels, prepositions, subjects)."""

    def __init__(self, finder: RoleFinder) -> None:
        self.finder = finder
        self.strike_nouns = tuple(finder.lexicon.cue("strike_nouns"))
        self.unions = finder.lexicon.cue("unions")
        self.own_heads = finder.lexicon.cue("own_organisation_heads")
        self.genitive_dets = finder.lexicon.cue("case_genitive")

    def roles(self, view: SentenceView, i: int, etype: EventType, genitive: str, countries) -> Roles:
        roles = Roles()
        gen_role = "source" if etype.symmetric else genitive
        self._attach(view, i, roles)
        for ph in view.phrases:
            if ph.modifies == i:
                roles.add(gen_role, ph.index)
            elif ph.compound_of == i:
                role = "source" if etype.symmetric else ("target" if etype.name in (
                    "VISIT", "TRAVEL", "ATTACK", "PROTEST", "SANCTION", "ACQUIRE", "AID", "SUPPORT") else gen_role)
                roles.add(role, ph.index)
                if etype.name in ("VISIT", "TRAVEL") and self.finder.label(view, ph.index) == "LOC":
                    roles.place = ph.index
        extent = self.extent(view, i)
        inner = {k for k in range(i + 1, max((view.phrases[p].first for p in extent), default=i) + 1)}
        for ph in view.phrases:
            if ph.modifies is not None and ph.modifies in inner and not ph.prep and not any(
                    t.lower in self.finder.preps for t in view.toks[i + 1:ph.modifies]):
                roles.add(gen_role, ph.index)  # "Übernahme der Sparten der Imtech Deutschland"
        for ph_index in extent:
            ph = view.phrases[ph_index]
            if not ph.prep:
                continue
            prep = norm_prep(ph.prep)
            if prep == "von" and etype.name in PLACE_NOT_ACTOR and self.finder.label(view, ph_index) == "LOC":
                if roles.place is None:
                    roles.place = ph_index
            elif prep == "von":
                roles.add(gen_role, ph_index)
            elif prep in ("durch", "zwischen"):
                roles.add("source", ph_index)
            elif ph.first - 2 != i and self.finder.locates_noun(view, ph_index, etype, prep):
                if roles.place is None and self.finder.label(view, ph_index) == "LOC":
                    roles.place = ph_index
            elif prep:
                self.finder.prep_role(view, roles, ph_index, prep, etype, False)
        if etype.name == "PROTEST":
            strike = view.toks[i].lemma.lower().endswith(self.strike_nouns)
            for p in list(roles.source):  # an organisation that is protested against, not a protester:
                ph = view.phrases[p]
                struck = strike and ph.modifies == i  # "Streiks der Lufthansa": the struck company
                employer = ph.compound_of is not None and ph.compound_of != i \
                    and view.toks[ph.compound_of].text.split("-")[-1] not in self.own_heads  # "von Siemens-Beschäftigten"
                if (struck or employer) and self.finder.label(view, p) == "ORG" and not any(
                        w in self.unions for t in view.toks[ph.first:ph.last + 1] for w in t.text.split("-")):
                    roles.source.remove(p)
                    roles.add("target", p)
        # a country adjective right before the noun ("nordkoreanische Waffenlieferungen")
        k = i - 1
        while k >= 0 and k >= i - 2 and view.toks[k].text.islower() and view.toks[k].word:
            adjective = view.toks[k].lower
            country = countries(adjective) if countries else None
            if country:
                roles.countries.append((country, gen_role))
                break
            k -= 1
        return self.finder.spread(view, roles)

    def agent(self, view: SentenceView, i: int, agent_verbs: frozenset[str], etype_name: str = "",
              genitive: str = "source", own_party: bool = False) -> list[int]:
        """The clause subject as the agent of a noun that has none of its own: the noun has a
        possessive ("bei seinem Besuch"), stands in a temporal phrase ("beim Treffen mit ...",
        "nach Gesprächen mit ..."), is what a journey is for and has a party of its own (``own_party``:
        "ist zu einem Besuch in Peking eingetroffen") or is the object of a verb like "ausbauen",
        "bekräftigen"; not when a
        genitive in the agent's role names somebody else without a name ("nach der Ankunft eines neuen
        Gesellschafters gab Peters bekannt")."""
        toks = view.toks
        k = i - 1
        possessive = temporal = indefinite = False
        while k >= 0 and toks[k].clause == toks[i].clause and (toks[k].lower in self.finder.dets or (
                inflected(toks[k]) and toks[k].lower not in self.finder.preps and toks[k].lower not in self.finder.aux)):
            possessive = possessive or toks[k].lower in POSSESSIVES
            indefinite = indefinite or toks[k].lower in ("ein", "eine", "einen", "einem", "einer", "eines")
            k -= 1
        if k >= 0 and toks[k].clause == toks[i].clause and toks[k].lower in TEMPORAL_PREPS:
            temporal = True
        if k == i - 1 and k >= 0 and toks[k].lower in TEMPORAL_PREPS:
            temporal = True
        if own_party and k >= 0 and toks[k].clause == toks[i].clause and toks[k].lower in PURPOSE_PREPS \
                and self._travels(view, i):
            temporal = True  # "ist zu einem Besuch in Peking eingetroffen": the traveller's visit (one with a
            # party of its own; not "reisen zu weiteren Gesprächen nach Pjöngjang", where the place is the trip's)
        agent_verb = any(t.lemma in agent_verbs or (t.text.islower() and separable_lemma(view, t) in agent_verbs)
                         for t in view.clause_toks(toks[i].clause))
        own_activity = etype_name in OWN_ACTIVITY
        extent_words = [t.lower for t in toks[i + 1:i + 26] if t.clause == toks[i].clause]
        if "durch" in extent_words:
            return []  # "Übernahme ... durch die Regierung": the agent is named, if not by a name
        first = toks[i].text.split("-")[0]
        if "-" in toks[i].text and len(first) >= 2 and first.isupper() and not any(ph.compound_of == i for ph in view.phrases):
            return []  # "nach dem EU-Haushaltsgipfel": the summit's participant is the untagged "EU", not the subject
        if not ((possessive or temporal) and own_activity or agent_verb):
            return []
        if genitive == "source" and not possessive and self._common_genitive(view, i):
            return []  # "nach der Ankunft eines neuen Mehrheitsgesellschafters": the noun's own agent, unnamed
        if temporal and indefinite and not (possessive or agent_verb or self.extent(view, i) or any(
                ph.modifies == i or ph.compound_of == i for ph in view.phrases)):
            return []  # "nach einem ersten Besuch": some visit of nothing named, not the subject's known event
        if temporal and not (possessive or agent_verb or own_party) and etype_name != "TRAVEL" and self._bare(view, k, i):
            return []  # "sagte Durnwalder nach dem Treffen": the meeting told before, no party named here (an
            # arrival or a departure stays the subject's own: "nach der Ankunft sagte Putin")
        verb = self.finder.finite(view, i)
        if verb is None:
            return self.finder.previous_subject(view, toks[i].clause)
        subj, _ = self.finder.subject(view, verb, set())
        return subj

    def _bare(self, view: SentenceView, k: int, i: int) -> bool:
        """Event noun ``i`` after preposition ``k`` says nothing of its parties: no pronoun before it
        ("mit ihnen Zusammenkünfte hielt"), no phrase or relative clause after it ("nach Gesprächen mit
        den Vermietern"),
        no compound part before its head ("bei den Koalitionsverhandlungen")."""
        toks = view.toks
        if any(t.lower in OBJECT_PRONOUNS for t in toks[k + 1:i]):
            return False
        if i + 1 < len(toks) and toks[i + 1].clause == toks[i].clause and toks[i + 1].lower in NOUN_COMPLEMENTS:
            return False
        if i + 2 < len(toks) and toks[i + 1].text == "," and view.clauses[toks[i + 2].clause].relative:
            return False  # "nach Verhandlungen, die am Montag den ganzen Tag andauerten": told of here
        found = self.finder.lexicon.noun_senses(toks[i].lemma)
        return found is not None and found[0].lower() == toks[i].lemma.lower()

    def _travels(self, view: SentenceView, i: int) -> bool:
        """A verb of travel in the clause of token ``i`` ("eingetroffen", "reist ... an")."""
        verbs = self.finder.lexicon.verbs
        return any(any(sense.type == "TRAVEL" for sense in verbs.get(t.lemma, ()) + verbs.get(
            separable_lemma(view, t), ())) for t in view.clause_toks(view.toks[i].clause) if t.text.islower())

    def _common_genitive(self, view: SentenceView, i: int) -> bool:
        """A genitive with a common noun and no name right after the noun ("der Ankunft eines neuen
        Mehrheitsgesellschafters"; not "des Präsidenten Putin")."""
        toks = view.toks
        k = i + 1
        if k >= len(toks) or toks[k].lower not in self.genitive_dets or toks[k].clause != toks[i].clause:
            return False
        k += 1
        while k < len(toks) and toks[k].word and toks[k].text.islower():
            k += 1  # adjectives
        if k >= len(toks) or not self.finder.bare_noun(view, k):
            return False
        return not (k + 1 < len(toks) and (k + 1) in view.by_token)

    def _attach(self, view: SentenceView, i: int, roles: Roles) -> None:
        roles.attached.update(ph.index for ph in view.phrases if ph.modifies == i or ph.compound_of == i)
        roles.attached.update(self.extent(view, i))

    def extent(self, view: SentenceView, i: int) -> list[int]:
        """Name phrases inside the noun phrase headed by token ``i``: everything up to the
        clause's end or the first word that looks like a verb."""
        toks = view.toks
        out = []
        k = i + 1
        while k < len(toks) and k - i <= 25:
            t = toks[k]
            if t.text == "(":
                k = after_bracket(toks, k)
                continue
            if t.clause != toks[i].clause:
                break
            ph = view.phrase_at(k)
            if ph is not None:
                out.append(ph.index)
                k = ph.last + 1
                continue
            if t.cap and t.word and self.finder.lexicon.noun_senses(t.lemma) is not None:
                break  # another event noun: what follows belongs to it
            if t.lower in ("laut", "zufolge", "gemäß", "wie") or (t.text[:1].isdigit() and t.text.count(".") >= 2):
                break  # an attribution or a date, not a participant
            if t.text.islower() and t.word and (is_finite_like(t, self.finder.lexicon)
                                                 or (t.lower == t.lemma and t.lower.endswith("en")
                                                     and t.lower not in self.finder.lexicon.function_words)
                                                 or _bare_participle(t)):
                break
            k += 1
        return out


def _bare_participle(t: Tok) -> bool:
    """An uninflected past participle with "ge-" ("gezogen", "gemacht"; not "genannten"): the verb
    phrase has begun, the noun phrase is over ("nach seiner Macho-Attacke die Konsequenzen gezogen
    und ... des Turniers von Indian Wells niedergelegt")."""
    w = t.lower
    return w.startswith("ge") and w != t.lemma and len(w) > 5 and (
        w.endswith("t") or (w.endswith("en") and not w.endswith(("enen", "ten"))))
