"""The subject of a verb trigger's clause, and the phrases that can fill its slots.

Subject order: in a main clause the phrase before the finite verb is the subject unless it is
marked dative or accusative ("den", "dem"); otherwise the first unmarked phrase after it.
A relative clause's subject is its antecedent (after a nominative pronoun); a clause without a
finite verb, or one that continues a main clause after "und", takes the subject of the clause
before; a subject without a name (a pronoun, a bare noun, "die Gewerkschaft") gives none.
"""

from __future__ import annotations

from chronik.events.lexicon import Lexicon
from chronik.events.mentions import ADJ_ENDINGS, DATELINE, DATIVE_DER
from chronik.events.verbs import is_finite_like
from chronik.events.view import BREAKS, QUOTES, SentenceView, Tok, inflected, is_adjective
from chronik.events.voice import VerbForms, caused, participle, zu_infinitive
from chronik.events.wordorder import WordOrder

OBLIQUE = frozenset({"den", "dem", "einen", "einem", "des", "eines", "denen", "seinen", "seinem", "ihren", "ihrem",
                     DATIVE_DER})
NOMINATIVE_RELATIVE = frozenset({"der", "die", "das", "welcher", "welche", "welches"})
DASHES = frozenset("–—")  # a dash after a comma: what follows starts afresh
NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ismus", "ist", "ent", "eur", "ler", "ner")


class Subjects(VerbForms):
    """Finds the subject of a clause and the phrases that can fill a verb's slots."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon)
        self.spokes = lexicon.cue("spokesperson_nouns")
        self.organs = self.spokes | lexicon.cue("body_organs")
        self.reflexive = lexicon.cue("reflexive")
        self.pronouns = lexicon.cue("pronouns")
        self.quantifiers = lexicon.cue("subject_quantifiers")
        self.order = WordOrder(lexicon)

    def stands_for(self, view: SentenceView, ph) -> int | None:
        """The token a phrase stands in for: its head, or the spokesperson noun it modifies
        ("ein Sprecher des Kremls", "Nordkoreas Staatsmedien", "Kreml-Sprecher")."""
        if ph.modifies is None and ph.compound_of is None:
            return ph.head_first
        tok = view.toks[ph.modifies if ph.modifies is not None else ph.compound_of]
        word = tok.text.split("-")[-1]
        toks, k = view.toks, tok.i + 1
        if k < len(toks) and toks[k].text == "-":
            k += 1  # the hyphen of "EU-Staats- und" as a token of its own
        if (not word or k > tok.i + 1) and k + 1 < len(toks) and toks[k].lower in ("und", "oder"):
            tok = toks[k + 1]  # "die EU-Staats- und Regierungschefs": the coordination's head
            word = tok.text.split("-")[-1]
        organs = self.organs if ph.compound_of is not None else self.spokes
        if word in organs or tok.lemma in organs or tok.text in organs:
            nxt = view.by_token.get(tok.i + 1)
            if nxt is not None and view.labels.get(view.phrases[nxt].mention) == "PER":
                return None  # "Israels Regierungschef Benjamin Netanjahu": the noun is the person's title
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

    def _second_verb_phrase(self, view: SentenceView, i: int) -> int:
        """Where the verb phrase of token ``i`` begins when it is the second of two joined by "und"
        after a finite verb ("Scholz schaute Hörmann an und meinte: ..."): the first one's objects
        are not its own (:meth:`RoleFinder.verb_roles`), its subject is (:meth:`subject`). -1 when
        it is not."""
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

    def next_verb_phrase(self, view: SentenceView, i: int) -> int:
        """The coordinator after which a second verb phrase of the clause of verb ``i`` begins
        ("Trudeau reiste nach Florida und traf Trump": what stands after "und" is "traf"'s, not
        "reiste"'s); -1 when there is none."""
        for t in view.clause_toks(view.toks[i].clause):
            if t.i > i + 1 and t.i not in view.by_token and t.text.islower() and is_finite_like(t, self.lexicon):
                k = self._second_verb_phrase(view, t.i)
                if k > i:
                    return k
        return -1

    def subject(self, view: SentenceView, i: int, exclude: set[int], report: bool = False) -> tuple[list[int], list]:
        """The subject phrases of the clause of token ``i`` and the clause's units."""
        tok = view.toks[i]
        clause = view.clauses[tok.clause]
        units = self._units(view, clause.index, exclude)
        free = [u for u in units if not u[2]]
        if zu_infinitive(view, tok) and self.finite(view, i) is None:
            return [], units  # the controlling clause decides (see verb_roles)
        if caused(view, tok):
            return [], units  # "..., auch Hindenburg verhaften zu lassen": the name is the object
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
        cut = self._second_verb_phrase(view, i) if f == i and not participle(tok) else -1
        # "Comcast ... legt 3,8 Milliarden auf den Tisch und übernimmt Dreamworks": the first verb's subject
        first_verb = None if cut < 0 else next(
            (t.i for t in view.clause_toks(tok.clause) if t.i < cut and t.i not in view.by_token
             and t.text.islower() and is_finite_like(t, self.lexicon) and not participle(t)), None)
        f = f if first_verb is None else first_verb
        if f == i and clause.index > 0:  # "X gibt ... Ausdruck, daß ..., und erklärt, ...": the main clause's subject
            words = [t for t in view.clause_toks(clause.index) if t.word]
            if len(words) >= 2 and words[0].lower in ("und", "oder", "sowie") and words[1].i == i \
                    and (subj := self.previous_subject(view, clause.index)):
                return subj, units
        if f is None:
            if zu_infinitive(view, tok) and report:
                return [], units
            return self.previous_subject(view, clause.index), units
        first_word = self._first_word(view, clause, f)
        before = [u for u in free if u[1] < f]
        if before and f + 1 < len(view.toks) and view.toks[f + 1].lower in ("er", "ich", "wir", "du") \
                and view.toks[f + 1].clause == tok.clause:
            return [], units  # "FOCUS Online erzählt er, ...": the pronoun is the subject, the name an object
        if before and before[0][3] not in OBLIQUE:
            return self.group(view, self._addressed(view, clause, before[0][0])), units
        after = [u for u in free if u[1] > f and u[3] not in OBLIQUE]
        if self._pronoun_subject(view, first_word, f) or self._pronoun_after(view, f):
            return [], units
        if not before and (named := self._bracketed_name(view, f)) is not None:
            return self.group(view, named), units  # "Der Verband der Automobilindustrie (VDA) forderte ..."
        if self._nominal_before(view, first_word, f):  # a subject without a name, or an object first
            first_after = after[0][0] if after and view.phrases[after[0][0]].modifies is None else None
            return (self.group(view, first_after) if self.order.object_first(view, first_word, f, first_after)
                    else []), units
        if after and view.phrases[after[0][0]].modifies is None and view.phrases[after[0][0]].first == f + 3 \
                and view.toks[f + 1].lower in ("ein", "eine") and self._nominal_before(view, f + 1, f + 3):
            return [], units  # "sagte eine Facebook-Sprecherin der Deutschen Presse-Agentur": an unnamed subject
        report = report or self._reports(view.toks[f])
        # "«...», teilte X mit" follows its content; "X lacht, und kritisiert ..." is a second verb of X's
        content = report and f == first_word and view.toks[f - 1].lower not in ("und", "oder", "sowie", "aber") \
            and self._content_before(view, clause.index)
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
                if any(p.first == t.i and p.det == DATIVE_DER for p in view.phrases):
                    return False  # "Der Süddeutschen Zeitung sagte Merz": a dative first
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
        if self._plural_without_article(view, f):
            return True
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
        if n == k + 1 and n in view.by_token and toks[k].text in self.lexicon.cue("armed_forces") \
                and view.labels.get(view.phrases[view.by_token[n]].mention) == "LOC":
            return True  # "griff die russische Armee Kiew an": a place after an army is its object, no apposition
        return not (n < len(toks) and n in view.by_token)

    def _plural_without_article(self, view: SentenceView, f: int) -> bool:
        """Right after the finite verb, adjectives or quantifiers in "-e" and a noun that names
        nobody, then a name: a plural subject without an article, and the name its object ("griffen
        russische Truppen Kiew an", "kritisierten mehrere Abgeordnete Merz"). A title stands before
        a name without an adjective ("kritisierte Bundeskanzler Scholz")."""
        toks = view.toks
        k = f + 1
        while k < len(toks) and toks[k].clause == toks[f].clause and toks[k].word and toks[k].text.islower() \
                and toks[k].lower.endswith("e") and (is_adjective(toks[k]) or toks[k].lower in self.quantifiers):
            k += 1
        return f + 1 < k < len(toks) - 1 and self.bare_noun(view, k) and k + 1 in view.by_token \
            and toks[k + 1].clause == toks[f].clause

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

    def _bracketed_name(self, view: SentenceView, f: int) -> int | None:
        """Right before the finite verb, an organisation's name alone in brackets after a noun: the
        short name of the noun phrase that opens the clause, which is the subject ("Der Verband der
        Automobilindustrie (VDA) forderte ...")."""
        toks = view.toks
        if f < 4 or toks[f - 1].text != ")" or toks[f - 3].text != "(" or not toks[f - 4].cap or not toks[f - 4].word:
            return None
        ph = view.phrase_at(f - 2)
        if ph is None or ph.first != f - 2 or ph.last != f - 2 or view.labels.get(ph.mention) != "ORG" \
                or f - 4 in view.by_token:
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

    def _addressed(self, view: SentenceView, clause, ph_index: int) -> int:
        """The name a place opening a clause after a comma is the address of, when only names and
        places stand before it ("Herr Friedhelm Loh, Deutschland hat uns ... mitgeteilt", "Die
        BlackRock, Inc., Wilmington, USA hat uns ... mitgeteilt"); else the place's own phrase."""
        ph = view.phrases[ph_index]
        toks = view.toks
        if view.labels.get(ph.mention) != "LOC" or clause.index == 0 or toks[clause.first].text != "," \
                or ph.first != clause.first + 1:
            return ph_index
        for c in range(clause.index - 1, -1, -1):
            words = [t for t in view.clause_toks(c) if t.word]
            covering = [next((p for p in view.phrases if p.first <= t.i <= p.last), None) for t in words]
            if not words or covering[-1] is None or any(p is None and t.lower not in self.dets
                                                        for t, p in zip(words, covering)):
                return ph_index
            if view.labels.get(covering[-1].mention) != "LOC":
                return covering[-1].index
        return ph_index

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
            if words and words[0].lower in self.dets and words[0].lower not in OBLIQUE and \
                    toks[0].text in DASHES and self._nominal_before(view, words[0].i, toks[-1].i + 1):
                # "Köln kommt ..., — Der Antrag des Abg. Weiss, ..., wird ... abgelehnt": after a dash a
                # noun phrase without a name opens a new subject (after a comma it is an apposition:
                # "Tieto Enator, der größte Computer-Dienstleister Nordeuropas, gab bekannt")
                return []
        return []

    @staticmethod
    def _first_word(view: SentenceView, clause, f: int) -> int:
        """The clause's first word after a break and a coordinator ("... und hat am Sonntag eine
        Einladung angenommen": a coordinated verb phrase)."""
        head = view.toks[clause.first].text
        first_word = clause.first + (1 if head in BREAKS or head == "-" else 0)
        while first_word < f and view.toks[first_word].lower in ("und", "aber", "sondern", "oder", "doch"):
            first_word += 1
        return first_word


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
