"""Who did what to whom: source and target actors of a trigger, by rules over the clause.

Verb triggers: the subject is the source and the objects are targets (in the passive, the
subject is the target and a "von"/"durch" phrase the source); a relative clause's subject is its
antecedent; a zu-infinitive without a subject takes it from the clause it depends on
(the object of "vorwerfen", "auffordern", the subject otherwise). Prepositional phrases get the
role the inventory gives their preposition for the type ("mit" -> target for MEET).
Coordinated names share their role; the coordinated subjects of a symmetric type ("Putin und
Kim trafen sich") are all sources.

Noun triggers: see ``nounroles.py``.

Subject order: in a main clause the phrase before the finite verb is the subject unless it is
marked dative or accusative ("den", "dem"); otherwise the first unmarked phrase after it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chronik.events.analysis import BREAKS, QUOTES, SentenceView, Tok, inflected
from chronik.events.verbs import is_finite_like
from chronik.events.lexicon import EventType, Lexicon
from chronik.events.mentions import ADJ_ENDINGS, DATELINE
from chronik.events.wordorder import WordOrder

OBLIQUE = frozenset({"den", "dem", "einen", "einem", "des", "eines", "denen", "seinen", "seinem", "ihren", "ihrem"})
NOMINATIVE_RELATIVE = frozenset({"der", "die", "das", "welcher", "welche", "welches"})
OBJECT_CONTROL = frozenset({"vorwerfen", "auffordern", "bitten", "ersuchen", "drängen", "beschuldigen",
                            "verpflichten", "zwingen", "einladen", "ermutigen", "überreden"})
ATTACHED_OK = frozenset({"TRADE", "AID", "SANCTION", "ATTACK", "DEMAND", "THREATEN", "TRAVEL", "VISIT"})
NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ismus", "ist", "ent", "eur", "ler", "ner")
_PREP_NORMAL = {"im": "in", "ins": "in", "am": "an", "zum": "zu", "zur": "zu", "vom": "von", "beim": "bei"}


def norm_prep(prep: str) -> str:
    return _PREP_NORMAL.get(prep, prep)


@dataclass(slots=True)
class Roles:
    """Phrase indices by role, plus a country named by an adjective (noun triggers)."""

    source: list[int] = field(default_factory=list)
    target: list[int] = field(default_factory=list)
    place: int | None = None
    countries: list[tuple[str, str]] = field(default_factory=list)  # (adjective, role)
    subject: list[int] = field(default_factory=list)
    objects: list[int] = field(default_factory=list)
    attached: set[int] = field(default_factory=set)  # nouns: phrases attached to the noun itself

    def add(self, role: str, phrase: int) -> None:
        bucket = self.source if role == "source" else self.target
        other = self.target if role == "source" else self.source
        if phrase not in bucket and phrase not in other:
            bucket.append(phrase)

    @property
    def empty(self) -> bool:
        return not (self.source or self.target or self.countries)


class RoleFinder:
    """Assigns roles within one sentence view; holds the lexicon's cue sets."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.aux = lexicon.cue("auxiliaries")
        self.sein = frozenset({"ist", "sind", "sei", "seien", "wäre", "wären", "war", "waren"})
        self.passive = lexicon.cue("passive") - self.sein
        self.sein_perfect = lexicon.cue("sein_perfect")  # lemmas whose participle with "sein" is a perfect
        self.spokes = lexicon.cue("spokesperson_nouns")
        self.dets = lexicon.cue("determiners")
        self.preps = lexicon.cue("prepositions")
        self.reflexive = lexicon.cue("reflexive")
        self.pronouns = lexicon.cue("pronouns")
        self.quantifiers = lexicon.cue("subject_quantifiers")
        self.order = WordOrder(lexicon)

    # -- helpers ------------------------------------------------------------------------

    def stands_for(self, view: SentenceView, ph) -> int | None:
        """The token a phrase stands in for: its head, or the spokesperson noun it modifies
        ("ein Sprecher des Kremls", "Nordkoreas Staatsmedien", "Kreml-Sprecher")."""
        if ph.modifies is None and ph.compound_of is None:
            return ph.head_first
        tok = view.toks[ph.modifies if ph.modifies is not None else ph.compound_of]
        word = tok.text.split("-")[-1]
        if word in self.spokes or tok.lemma in self.spokes or tok.text in self.spokes:
            return tok.i
        return None

    def np_marks(self, view: SentenceView, i: int) -> tuple[str, str]:
        """(preposition, determiner) of the noun phrase whose head is token ``i``."""
        toks = view.toks
        det = ""
        k = i - 1
        while k >= 0 and toks[k].clause == toks[i].clause:
            t = toks[k]
            if t.lower in self.dets:
                det = t.lower
                k -= 1
                break  # only a preposition stands before the determiner ("Dem hätten die Aufsichtsräte")
            elif not (inflected(t) and t.lower not in self.preps):
                break
            k -= 1
        if k >= 0 and toks[k].clause == toks[i].clause and toks[k].lower in self.preps:
            return toks[k].lower, det
        return "", det

    def _units(self, view: SentenceView, clause: int, exclude: set[int]) -> list[tuple[int, int, str, str]]:
        """Phrases of a clause that can fill a verb's slot: (phrase, position, prep, det)."""
        out = []
        for ph in view.phrases:
            if ph.clause != clause or ph.index in exclude:
                continue
            pos = self.stands_for(view, ph)
            if pos is None:
                continue
            if pos == ph.head_first:
                prep, det = ph.prep, ph.det
            else:
                prep, det = self.np_marks(view, pos)
            out.append((ph.index, pos, prep, det))
        return out

    def group(self, view: SentenceView, phrase: int) -> list[int]:
        g = view.phrases[phrase].group
        return [p.index for p in view.phrases if p.group == g]

    def finite(self, view: SentenceView, i: int) -> int | None:
        """Index of the finite verb of the clause of token ``i``: an auxiliary, else the trigger
        when its form can be finite, else another finite-looking verb; None when there is none.
        A participle followed by an auxiliary, or after one, is not finite ("verwiesen worden",
        "haben ... unterzeichnet")."""
        tok = view.toks[i]
        clause = view.clause_toks(tok.clause)
        for t in clause:
            if t.lower in self.aux and t.i not in view.by_token:
                return t.i
        # an auxiliary in direct speech does not govern a verb outside it ("„... ist ...“, erläutert X")
        earlier_aux = not self._verb_first(view, tok) and any(
            t.lower in self.aux and t.quoted == tok.quoted and not self._closed(view, t.i, i) for t in view.toks[:i])
        later_aux = any(t.lower in self.aux or t.lower == "worden" for t in clause if t.i > i)
        past = participle(tok) and (earlier_aux or later_aux)
        if tok.text.islower() and not past and not _zu_infinitive(view, tok):
            return i
        for t in clause:
            if t.i == i or t.i in view.by_token:
                continue
            if is_finite_like(t, self.lexicon) and not (participle(t) and earlier_aux):
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
        if any(t.lower in self.passive for t in clause) or self._interrupted_passive(view, trig):
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
        """The participle alone closes a main clause that an apposition or a relative clause
        interrupted ("Zum Pfarrverweser wird Hr. E. Winkler, V. D. M., ernannt"): its own stretch
        is the participle (not "…, erklärt Bürgermeister Noggler"), and the stretch before the
        interruption holds the passive auxiliary."""
        clause = view.clauses[trig.clause]
        if clause.opener or clause.relative or [t.i for t in view.clause_toks(trig.clause) if t.word] != [trig.i]:
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

    # -- verbs --------------------------------------------------------------------------

    def subject(self, view: SentenceView, i: int, exclude: set[int], report: bool = False) -> tuple[list[int], list]:
        """The subject phrases of the clause of token ``i`` and the clause's units."""
        tok = view.toks[i]
        clause = view.clauses[tok.clause]
        units = self._units(view, clause.index, exclude)
        free = [u for u in units if not u[2]]
        if _zu_infinitive(view, tok) and self.finite(view, i) is None:
            return [], units  # the controlling clause decides (see verb_roles)
        if clause.relative:
            if clause.antecedent is None:  # "Sanktionen, die Russland ... unterstützt hat"
                cand = [u for u in free if u[3] not in OBLIQUE]
                return (self.group(view, cand[0][0]) if cand else []), units
            pron = view.toks[clause.first + 1].lower if clause.first + 1 <= clause.last else ""
            if pron in NOMINATIVE_RELATIVE:
                return self.group(view, clause.antecedent), units
            cand = [u for u in free if u[3] not in OBLIQUE]
            return (self.group(view, cand[0][0]) if cand else []), units + [(clause.antecedent, -1, "", "den")]
        if clause.opener and self._main_again(view, tok):
            return self.previous_subject(view, clause.index), units  # "..., dass es ... handelte und forderte"
        if clause.opener:
            cand = [u for u in free if u[3] not in OBLIQUE]
            if not cand or self._pronoun_subject(view, clause.first, cand[0][1]) or \
                    self._nominal_before(view, clause.first, cand[0][1]):
                return [], units
            return self.group(view, cand[0][0]), units
        f = self.finite(view, i)
        if f is None:
            if _zu_infinitive(view, tok) and report:
                return [], units
            return self.previous_subject(view, clause.index), units
        first_word = self._first_word(view, clause, f)
        before = [u for u in free if u[1] < f]
        if before and f + 1 < len(view.toks) and view.toks[f + 1].lower in ("er", "ich", "wir", "du") \
                and view.toks[f + 1].clause == tok.clause:
            return [], units  # "FOCUS Online erzählt er, ...": the pronoun is the subject, the name an object
        if before and before[0][3] not in OBLIQUE:
            return self.group(view, before[0][0]), units
        after = [u for u in free if u[1] > f and u[3] not in OBLIQUE]
        if self._pronoun_subject(view, first_word, f) or self._pronoun_after(view, f):
            return [], units
        if self._nominal_before(view, first_word, f):  # a subject without a name, or an object first
            first_after = after[0][0] if after and view.phrases[after[0][0]].modifies is None else None
            return (self.group(view, first_after) if self.order.object_first(view, first_word, f, first_after)
                    else []), units
        if after and view.phrases[after[0][0]].modifies is None and view.phrases[after[0][0]].first == f + 3 \
                and view.toks[f + 1].lower in ("ein", "eine") and self._nominal_before(view, f + 1, f + 3):
            return [], units  # "sagte eine Facebook-Sprecherin der Deutschen Presse-Agentur": an unnamed subject
        report = report or self._reports(view.toks[f])
        content = report and f == first_word and self._content_before(view, clause.index)
        inverted = not before and (f != first_word or content)
        if inverted and (named := self._named_in_apposition(view, f)) is not None:
            # "berichtete der Sprecher der Insolvenzverwalterin X, Wolfgang Weber-Thedy.": the names before the
            # comma are the subject's attributes, not objects
            return self.group(view, named), [u for u in units if not f < u[1] < view.phrases[named].first]
        if inverted and self._unnamed_after(view, f, after):
            return [], units  # "..., teilte die Gewerkschaft am Sonntag mit": a subject without a name
        if content and not after and f + 1 < len(view.toks) and self.bare_noun(view, f + 1):
            return [], units  # "Die EU komme ..., berichteten Diplomaten": the speaker has no name
        named = self._apposed_before(view, clause.index) if not before and f == first_word and clause.index > 1 else None
        if named is not None:
            return self.group(view, named), units  # "Der UN-Sonderberichterstatter ..., François Crépeau, forderte"
        if not before and f == first_word and clause.index > 0:
            prev = view.clauses[clause.index - 1]
            continued = (not prev.opener or prev.relative) and not self._dateline(view, prev)
            # "Die Gewerkschaft Verdi, die mehr Lohn verlangt, sagte der Zeitung": the phrase the relative
            # clause hangs on is the subject, the "der" phrase after the verb its addressee
            after_relative = prev.relative and not content
            if continued and (not (report and after) or after_relative):
                subj = self.previous_subject(view, clause.index)
                if subj:
                    return subj, units
                if after_relative and prev.antecedent is None and self._nominal_before(view, 0, prev.first):
                    return [], units  # "Der GFB-Architekt, der nicht genannt werden wollte, sagte der Berliner Morgenpost"
        return (self.group(view, after[0][0]) if after else []), units

    def _content_before(self, view: SentenceView, clause: int) -> bool:
        """A clause with a verb (not a relative clause) stands before this one: a reporting verb
        opening this clause follows its content ("«...», teilte ... mit", "Die EU komme ...,
        berichteten Diplomaten"), so its subject stands after it."""
        return any(is_finite_like(t, self.lexicon) and not view.clauses[t.clause].relative
                   and t.i not in view.by_token for t in view.toks[:view.clauses[clause].first])

    @staticmethod
    def bare_noun(view: SentenceView, k: int) -> bool:
        """Token ``k`` is a capitalised word that names nobody ("Diplomaten")."""
        t = view.toks[k]
        return t.cap and t.word and t.i not in view.by_token and t.i not in view.timex_tokens

    def _main_again(self, view: SentenceView, tok: Tok) -> bool:
        """A finite verb after "und" after a subordinate clause's verb continues the main clause
        ("dass es sich ... handelte und forderte deshalb ...")."""
        before = view.toks[tok.i - 2] if tok.i >= 2 and view.toks[tok.i - 1].lower in ("und", "sowie") else None
        return before is not None and is_finite_like(tok, self.lexicon) and before.clause == tok.clause \
            and before.text.islower() and is_finite_like(before, self.lexicon)

    def _nominal_before(self, view: SentenceView, lo: int, hi: int) -> bool:
        """The first constituent before the finite verb is a noun phrase without a name, so it
        is the subject ("Ein Planer ... ersuchte Landesrat Theiner", "Die Gewerkschaft fordert")."""
        toks = view.toks
        if any(t.lower in ("zufolge", "laut") for t in toks[lo:hi]):
            return False
        for t in toks[lo:hi]:
            if not t.word:
                continue
            if t.i in view.by_token or t.lower in self.preps:
                return False
            if t.lower in self.dets:
                if t.lower == "das" and not any(u.word for u in toks[t.i + 1:hi]):
                    return False  # "Das gab KBG-Vorstand Severin Mayrhofer ... bekannt": "das" is the object
                return t.lower not in OBLIQUE
            if sentence_start(view, t.i) and not t.lower.endswith(NOUN_ENDINGS):
                # "Zurück in Wolfsburg nahm ...", "Leipzig - Mitten im ...": a capitalised adverb; but an
                # adjective before a noun opens a noun phrase ("Russische Truppen griffen ... an"), unless
                # it is a time expression ("Vergangene Woche hat ... besucht")
                nxt = toks[t.i + 1] if t.i + 1 < hi else None
                return nxt is not None and nxt.cap and nxt.word and nxt.i not in view.by_token \
                    and t.i not in view.timex_tokens \
                    and t.lower.endswith(ADJ_ENDINGS) and t.lower not in self.pronouns \
                    and t.lower not in ("dessen", "deren")  # "Dessen Leitung übernimmt X": an object first
            return t.cap and t.lemma[:1].isupper() and t.lower not in self.pronouns
        return False

    def _unnamed_after(self, view: SentenceView, f: int, after: list) -> bool:
        """Right after the finite verb, "der"/"die"/"das", adjectives and a noun that is no name,
        does not stand for one ("der Sprecher des Kremls") and has none after it ("die Gewerkschaft
        Verdi"), or an indefinite article or quantifier with no name after it in the clause: the
        clause's subject, named by no one."""
        toks = view.toks
        k = f + 1
        if k < len(toks) and toks[k].lower in self.quantifiers and toks[k].clause == toks[f].clause and not after:
            return True  # "berichtete ein Informant", "sagten mehrere mit der Sache vertraute Personen"
        if k >= len(toks) or toks[k].lower not in ("der", "die", "das") or toks[k].clause != toks[f].clause:
            return False
        k += 1
        while k < len(toks) and toks[k].word and toks[k].text.split("-")[-1].islower() \
                and toks[k].lower not in self.preps:
            k += 1  # adjectives ("medienpolitische", "US-amerikanische")
        if k >= len(toks) or not self.bare_noun(view, k) or k + 1 < len(toks) and toks[k + 1].lower == "zufolge":
            return False  # a name, a time, or "der Mitteilung zufolge"
        if any(u[1] == k for u in after):
            return False
        n = k + 1  # capitalised words or a genitive before a name: "der Leitende Oberstaatsanwalt Wolfgang
        # Giese", "die Mitglieder der neuen Sängervereinigung Eintracht-Germania"
        while n < len(toks) and n <= k + 5 and n not in view.by_token and toks[n].clause == toks[f].clause and (
                toks[n].text in QUOTES or toks[n].word and (toks[n].cap or toks[n].lower in ("der", "des")
                                                            or toks[n].lower.endswith("en") and toks[n].text.islower())):
            n += 1  # ... or quote marks: "die Zeitung „Times of India“"
        return not (n < len(toks) and n in view.by_token)

    def _apposed_before(self, view: SentenceView, clause: int) -> int | None:
        """The clause before this one is a person's name alone between commas, and the one before
        that opens the sentence with a noun phrase without a verb: the name is the subject ("Der
        UN-Sonderberichterstatter für die Rechte von Migranten, François Crépeau, forderte ...")."""
        toks = view.toks
        name, head = view.clauses[clause - 1], view.clauses[clause - 2]
        words = [t for t in view.clause_toks(name.index) if t.word]
        ph = view.phrase_at(words[0].i) if words else None
        if ph is None or view.labels.get(ph.mention) != "PER" or any(t.i not in view.by_token for t in words) \
                or toks[name.first].text != "," or head.index != 0:
            return None
        opening = [t for t in view.clause_toks(head.index) if t.word]
        if not opening or opening[0].lower not in ("der", "die") or any(
                t.text.islower() and is_finite_like(t, self.lexicon) for t in opening):
            return None
        return ph.index

    def _named_in_apposition(self, view: SentenceView, f: int) -> int | None:
        """Right after the finite verb, "der"/"die", a noun that names nobody and its attributes
        (no verb), then a person's name between commas or before the end: the subject's name
        ("fordert der Landtagsabgeordnete der Süd-Tiroler Freiheit, Sven Knoll, in ...",
        "berichtete der Sprecher der Insolvenzverwalterin Bettina Schmudde, Wolfgang Weber-Thedy.")."""
        toks = view.toks
        k = f + 1
        if k + 1 >= len(toks) or toks[k].lower not in ("der", "die") or toks[k].clause != toks[f].clause:
            return None
        k += 1
        while k < len(toks) and toks[k].word and toks[k].text.islower() and toks[k].lower not in self.preps:
            k += 1  # adjectives
        if k >= len(toks) or not self.bare_noun(view, k):
            return None
        while k < len(toks) and toks[k].clause == toks[f].clause:
            if toks[k].text.islower() and is_finite_like(toks[k], self.lexicon) \
                    or toks[k].text in QUOTES:
                return None
            k += 1
        if k + 1 >= len(toks) or toks[k].text != ",":
            return None
        ph = view.phrase_at(k + 1)
        if ph is None or ph.first != k + 1 or view.labels.get(ph.mention) != "PER":
            return None
        end = ph.last + 1
        return ph.index if end >= len(toks) or toks[end].text in (",", ".", "!", ":") else None

    def _reports(self, tok: Tok) -> bool:
        return any(sense.report for sense in self.lexicon.verbs.get(tok.lemma, ()))

    def _pronoun_subject(self, view: SentenceView, lo: int, hi: int) -> bool:
        return any(t.lower in self.pronouns for t in view.toks[lo:hi] if t.i not in view.by_token)

    def _pronoun_after(self, view: SentenceView, f: int) -> bool:
        toks = view.toks
        if f + 1 >= len(toks) or toks[f + 1].lower not in self.pronouns:
            return False
        return not (f + 2 < len(toks) and toks[f + 2].lower in self.lexicon.cue("coordinators"))

    def _dateline(self, view: SentenceView, clause) -> bool:
        """A clause made of a place name only, at the sentence start, before a dash or a
        bracket ("Berlin - ...", "BOZEN (dpa) ..."), or before a date and a dash ("Kronberg im
        Taunus / München, 29.02.2016 - ...")."""
        toks = view.toks
        if clause.index != 0 or clause.last + 1 >= len(toks):
            return False
        k = clause.last + 1
        if toks[k].text == ",":
            k += 1
            while k < len(toks) and (k in view.timex_tokens or not toks[k].word) and toks[k].text not in "-–":
                k += 1
            if k == clause.last + 2 or k >= len(toks) or toks[k].text not in "-–":
                return False
        elif toks[k].text not in "-–(":
            return False
        toks = [t for t in view.clause_toks(clause.index) if t.word]
        return bool(toks) and all((t.i in view.by_token and view.labels.get(view.phrases[view.by_token[t.i]].mention)
                                   == "LOC") or t.text.isupper() for t in toks)

    def previous_subject(self, view: SentenceView, clause: int) -> list[int]:
        """The subject of a clause continued after an apposition or a relative clause
        ("John Kirby, Sprecher des ..., äußerte", "Khan, der ..., war ... verwiesen worden"):
        the subject of the nearest main clause before, or the name of an apposition."""
        for c in range(clause - 1, -1, -1):
            cl = view.clauses[c]
            if cl.opener or cl.relative or self._dateline(view, cl):
                continue
            toks = view.clause_toks(c)
            words = [t for t in toks if t.word]
            if len(words) >= 2 and (words[-2].lower == "zu" or "zu" in words[-1].lower[1:-3]):
                continue  # a zu-infinitive clause
            verb = next((t.i for t in toks if t.i not in view.by_token and is_finite_like(t, self.lexicon)), None)
            if verb is not None:
                subj, _ = self.subject(view, verb, set())
                return subj
            if words and all(t.quoted for t in words):
                continue  # a quoted phrase without a verb
            cands = [p for p in view.phrases if p.clause == c and not p.prep and p.modifies is None
                     and p.compound_of is None and p.det not in OBLIQUE
                     and not any(t.lower in self.preps for t in toks if t.i < p.first)]
            if cands:  # not a name inside a phrase ("Country Leader bei Oracle Deutschland")
                return self.group(view, cands[0].index)
        return []

    def verb_roles(self, view: SentenceView, i: int, etype: EventType, control: Roles | None = None,
                   control_object: bool = False, exclude: set[int] | None = None, report: bool = False) -> Roles:
        trig = view.toks[i]
        exclude = exclude or set()
        roles = Roles()
        subj, units = self.subject(view, i, exclude, report)
        passive = self.is_passive(view, trig)
        if not subj and _zu_infinitive(view, trig) and self.finite(view, i) is None:
            if control is not None:
                subj = list(control.objects if control_object and control.objects else control.subject)
            elif not report:
                subj = self.previous_subject(view, trig.clause)
        roles.subject = subj
        for p in subj:
            roles.add("target" if passive else "source", p)
        if etype.name == "STATEMENT" and not passive and len(subj) == 1:
            addressee = self._addressee_after_apposition(view, subj[0])
            if addressee is not None:
                units = units + [(addressee, view.phrases[addressee].head_first, "", view.phrases[addressee].det)]
        cut = self._second_verb_phrase(view, i)
        fore = self._forefield_end(view, trig, subj)
        for ph_index, pos, prep, det in units:
            if ph_index in subj or 0 <= pos < cut:
                continue
            if prep and 0 <= pos < fore:
                continue  # "Der Verein X mit seinem Präsidenten Y traf sich": a phrase between the subject and
                # the finite verb of a main clause belongs to the subject (one constituent stands before the verb)
            if not prep:
                if pos >= 0 and etype.name == "STATEMENT" and view.labels.get(view.phrases[ph_index].mention) == "LOC":
                    continue
                roles.objects.append(ph_index)
                roles.add("target", ph_index)
                continue
            if norm_prep(prep) in ("von", "durch") and self._in_attribute(view, ph_index):
                continue  # "die bislang von Agiv genannte Zahl": the agent of the attribute, not of the verb
            agent = passive and norm_prep(prep) in ("von", "durch") and self.label(view, ph_index) != "LOC"
            kept = agent or (etype.name in ATTACHED_OK and norm_prep(prep) in ("an", "gegen", "nach", "auf", "in", "zu")) or (
                etype.name == "ACQUIRE" and norm_prep(prep) in ("bei", "an")) or (
                etype.symmetric and norm_prep(prep) in ("mit", "zwischen"))
            if pos >= 0 and not kept and self._noun_attached(view, ph_index):
                continue  # "lobte die Teilnahme an der Ausstellung": the phrase belongs to the noun
            self.prep_role(view, roles, ph_index, norm_prep(prep), etype, passive)
        return self.spread(view, roles)

    @staticmethod
    def _first_word(view: SentenceView, clause, f: int) -> int:
        """The clause's first word after a break and a coordinator ("... und hat am Sonntag eine
        Einladung angenommen": a coordinated verb phrase)."""
        head = view.toks[clause.first].text
        first_word = clause.first + (1 if head in BREAKS or head == "-" else 0)
        while first_word < f and view.toks[first_word].lower in ("und", "aber", "sondern", "oder", "doch"):
            first_word += 1
        return first_word

    def _forefield_end(self, view: SentenceView, trig: Tok, subj: list[int]) -> int:
        """The finite verb's index when the subject stands right before it in a main clause,
        with only its own phrases in between; -1 otherwise."""
        clause = view.clauses[trig.clause]
        if not subj or clause.opener or clause.relative:
            return -1
        f = self.finite(view, trig.i)
        phrases = [view.phrases[p] for p in subj]
        if f is None or any(ph.clause != trig.clause or ph.last >= f for ph in phrases):
            return -1
        return f if min(ph.first for ph in phrases) <= self._first_word(view, clause, f) else -1

    def _second_verb_phrase(self, view: SentenceView, i: int) -> int:
        """Where the verb phrase of token ``i`` begins when it is the second of two joined by "und"
        after a finite verb ("Scholz schaute Hörmann an und meinte: ..."): the first one's objects
        are not its own. -1 when it is not."""
        toks = view.toks
        clause = toks[i].clause
        k = i - 1
        while k >= 0 and toks[k].clause == clause and toks[k].lower not in ("und", "oder", "sowie"):
            if k in view.by_token or toks[k].lower in self.dets or toks[k].cap:
                return -1  # a phrase of its own before the verb: "und die Regierung meinte", "und Xbox One ..."
            k -= 1
        if k < 0 or toks[k].clause != clause:
            return -1
        verb_before = any(t.i < k and t.i not in view.by_token and t.text.islower()
                          and is_finite_like(t, self.lexicon)
                          for t in view.clause_toks(clause))
        return k if verb_before else -1

    def _addressee_after_apposition(self, view: SentenceView, subject: int) -> int | None:
        """"sagte Frank Bohmann, Geschäftsführer des Liga-Verbandes HBL, der Deutschen
        Presse-Agentur.": after the subject, an apposition (a capitalised noun that names nobody,
        no verb) or a relative clause between commas, or nothing ("sagte der Polizeichef von
        Kandahar, Sajed Agha Sakeb, der Nachrichtenagentur AFP."), then a name in the dative that
        ends the sentence: the addressee."""
        toks = view.toks
        k = view.phrases[subject].last + 1
        if k + 1 >= len(toks) or toks[k].text != ",":
            return None
        apposition = toks[k].clause
        # a relative clause ("..., der neben seinem Mandat ... tätig ist, der „Berliner Zeitung“") or nothing
        # ("..., Sajed Agha Sakeb, der Nachrichtenagentur AFP.") may stand where the apposition does
        relative = view.clauses[apposition].relative
        direct = toks[k + 1].lower in ("der", "dem") and not relative
        if not direct and not relative and (not self.bare_noun(view, k + 1) or toks[k + 1].lower in self.dets):
            return None
        m = k if direct else k + 1
        while not direct and m < len(toks) and toks[m].clause == apposition:
            if not relative and (is_finite_like(toks[m], self.lexicon)
                                 or toks[m].text in QUOTES):
                return None
            m += 1
        if m + 1 >= len(toks) or toks[m].text != "," or toks[m + 1].lower not in ("der", "dem"):
            return None
        ph = next((view.phrase_at(n) for n in range(m + 1, min(m + 4, len(toks))) if view.phrase_at(n)), None)
        if ph is None or ph.first != m + 1 or ph.prep or ph.modifies is not None or ph.compound_of is not None:
            return None
        end = ph.last + 1
        while end < len(toks) and toks[end].text in QUOTES:
            end += 1
        return ph.index if end >= len(toks) or toks[end].text in (".", "!", ":") else None

    def _in_attribute(self, view: SentenceView, ph_index: int) -> bool:
        """A phrase followed by an inflected participle or adjective and its noun sits inside an
        extended attribute ("die von Agiv genannte Zahl", "der durch Russland unterstützten Rebellen")."""
        toks = view.toks
        k = view.phrases[ph_index].last + 1
        return k + 1 < len(toks) and toks[k].clause == toks[k + 1].clause == view.phrases[ph_index].clause \
            and inflected(toks[k]) and toks[k].lower != toks[k].lemma \
            and toks[k + 1].cap and toks[k + 1].word \
            and toks[k + 1].i not in view.by_token

    def _noun_attached(self, view: SentenceView, ph_index: int) -> bool:
        """A prepositional phrase right after a common noun belongs to that noun."""
        ph = view.phrases[ph_index]
        k = ph.first - 2  # the token before the preposition
        if k < 0 or view.toks[k].clause != ph.clause:
            return False
        t = view.toks[k]
        return self.bare_noun(view, k) and t.lower not in self.dets

    def prep_role(self, view: SentenceView, roles: Roles, ph_index: int, prep: str, etype: EventType,
                  passive: bool, genitive: str = "source") -> None:
        ph = view.phrases[ph_index]
        label = self.label(view, ph_index)
        if prep in ("von", "durch") and passive:
            if label != "LOC" or not self._noun_attached(view, ph_index):
                roles.add("source", ph_index)
            return
        wanted = etype.preps.get(prep) or etype.preps.get(_PREP_NORMAL.get(prep, prep), ())
        if etype.name == "ACQUIRE" and norm_prep(prep) == "an" and (label == "LOC" or not any(
                t.cap and self.lexicon.in_list("company", t.lemma) for t in view.clause_toks(ph.clause))):
            return  # a stake in a company or a sale to a buyer ("seine Beteiligung ... an den Partner China
            # Resources Beer"); not a place ("am Standort Sao Paulo") nor "sein Herz an Rom verkauft"
        if "target" in wanted:
            roles.add("target", ph_index)
        if "source" in wanted:
            roles.add("source", ph_index)
        if ("place" in wanted or prep in ("in", "auf", "bei")) and label == "LOC" and roles.place is None \
                and ph.modifies is None:
            roles.place = ph_index

    def label(self, view: SentenceView, ph_index: int) -> str:
        return view.labels.get(view.phrases[ph_index].mention, "")

    def spread(self, view: SentenceView, roles: Roles) -> Roles:
        """Coordinated names share their role."""
        for role in ("source", "target"):
            for p in list(getattr(roles, role)):
                for q in self.group(view, p):
                    roles.add(role, q)
        return roles

INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "über", "unter", "hinter", "wider", "voll")


def sentence_start(view: SentenceView, i: int) -> bool:
    """Token ``i`` opens the sentence: only punctuation, a dateline and its bracket stand before it."""
    bracket = False
    for t in view.toks[:i]:
        if t.text == "(":
            bracket = True
        elif t.text == ")":
            bracket = False
        elif t.word and not bracket and not (
                t.i in view.by_token and view.phrases[view.by_token[t.i]].prep == DATELINE):
            return False
    return True


def participle(tok: Tok) -> bool:
    """A past participle: not the lemma, and "ge" inside ("getroffen", "festgenommen"), or the
    form in -t / -en of a verb with an inseparable prefix or in -ieren ("unterzeichnet",
    "übernommen", "kritisiert"); "lehnt", "sagt", "unterzeichneten" are not."""
    low, lemma = tok.lower, tok.lemma
    if low == lemma or not tok.word or not lemma.islower():
        return False
    if low.endswith(("t", "en")) and any(low[k:k + 2] == "ge" != lemma[k:k + 2] for k in range(6)):
        return True  # "ge" where the lemma has none: "getroffen", "festgenommen", "angeklagt" (anklagen)
    if not (lemma.startswith(INSEPARABLE) or lemma.endswith("ieren")):
        return False
    return low.endswith("t") or (low.endswith("en") and not low.endswith("ten"))


def _zu_infinitive(view: SentenceView, trig: Tok) -> bool:
    if trig.lower == trig.lemma:
        prev = view.toks[trig.i - 1] if trig.i > 0 else None
        return prev is not None and prev.lower == "zu"
    return "zu" in trig.lower[1:-3] and trig.lower.replace("zu", "", 1) == trig.lemma
