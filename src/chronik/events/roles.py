"""Who did what to whom: source and target actors of a trigger, by rules over the clause.

Verb triggers: the subject is the source (:mod:`chronik.events.subjects`) and the objects are
targets (in the passive, the subject is the target and a "von"/"durch" phrase the source;
:mod:`chronik.events.voice`); a zu-infinitive without a subject takes it from the clause it
depends on (the object of "vorwerfen", "auffordern", the subject otherwise). Prepositional
phrases get the role the inventory gives their preposition for the type ("mit" -> target for
MEET). Coordinated names share their role; the coordinated subjects of a symmetric type ("Putin
und Kim trafen sich") are all sources.

Noun triggers: see ``nounroles.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chronik.events.lexicon import EventType
from chronik.events.subjects import Subjects
from chronik.events.verbs import is_finite_like
from chronik.events.view import QUOTES, SentenceView, Tok, inflected
from chronik.events.voice import zu_infinitive

OBJECT_CONTROL = frozenset({"vorwerfen", "auffordern", "bitten", "ersuchen", "drängen", "beschuldigen",
                            "verpflichten", "zwingen", "einladen", "ermutigen", "überreden"})
# the owner of the object is the target ("kritisiert die Entscheidung Gabriels", "griff Ziele der Hisbollah an")
OWNER_TARGET = frozenset({"CRITICIZE", "SUPPORT", "REJECT", "ACCEPT", "DEMAND", "ATTACK"})
ACCUSATIVE = frozenset({"den", "die", "das", "einen", "eine", "ein"})
ATTACHED_OK = frozenset({"TRADE", "AID", "SANCTION", "ATTACK", "DEMAND", "THREATEN", "TRAVEL", "VISIT"})
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


class RoleFinder(Subjects):
    """Assigns roles within one sentence view: the verb forms (:class:`VerbForms`) and the subject
    (:class:`Subjects`) first, then objects, prepositional phrases and coordinated names."""

    def verb_roles(self, view: SentenceView, i: int, etype: EventType, control: Roles | None = None,
                   control_object: bool = False, exclude: set[int] | None = None, report: bool = False) -> Roles:
        trig = view.toks[i]
        exclude = exclude or set()
        roles = Roles()
        subj, units = self.subject(view, i, exclude, report)
        passive = self.is_passive(view, trig)
        if not subj and zu_infinitive(view, trig) and self.finite(view, i) is None:
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
        then = self._next_conjunct(view, i)
        if then < 0:
            then = self.next_verb_phrase(view, i)
        for ph_index, pos, prep, det in units:
            if ph_index in subj or 0 <= pos < cut or 0 <= then < pos:
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
                etype.name == "ACQUIRE" and norm_prep(prep) in ("bei", "an", "mit")) or (
                etype.symmetric and norm_prep(prep) in ("mit", "zwischen"))
            if pos >= 0 and (not kept and self.noun_attached(view, ph_index)
                             or self.locates_noun(view, ph_index, etype, norm_prep(prep))):
                continue  # "lobte die Teilnahme an der Ausstellung": the phrase belongs to the noun
            if etype.name == "ACQUIRE" and norm_prep(prep) == "mit" and not passive:
                # the verb's partner is what it buys or merges with ("Delticom erwirbt mit Gourmondo ...",
                # "will mit der London Stock Exchange fusionieren"); the inventory has no "mit" for the
                # type, since "die Fusion mit X" names two parties on a par
                roles.add("target", ph_index)
                continue
            self.prep_role(view, roles, ph_index, norm_prep(prep), etype, passive)
        if etype.name in OWNER_TARGET and not passive and roles.source and not roles.target:
            owner = self._object_owner(view, i, exclude, max(view.phrases[p].last for p in roles.source),
                                       ("PER",) if etype.name == "DEMAND" else ("PER", "ORG"),
                                       bare=etype.name == "ATTACK")
            if owner is not None:
                roles.add("target", owner)
        return self.spread(view, roles)

    def _object_owner(self, view: SentenceView, i: int, exclude: set[int], source_end: int,
                      labels: tuple[str, ...], bare: bool = False) -> int | None:
        """The name whose thing the verb judges or asks for: a genitive or a "von" phrase of the
        verb's object noun after the finite verb ("kritisieren die Entscheidung von Wirtschaftsminister
        Gabriel", "unterstützt den Antrag Müllers", "fordert ... einen Kurswechsel von Kanzlerin Merkel").
        The object stands after the finite verb and the source, with an accusative determiner; not
        a noun of the subject ("fordert der Abgeordnete der Süd-Tiroler Freiheit, Sven Knoll") nor a
        genitive's genitive ("als eine Verletzung der Struktur des Commonwealth"). A demand's owner
        must be a person: what is demanded of an organisation is as often done to it ("fordert eine
        frühe Einbindung von ICOMOS")."""
        toks = view.toks
        clause = toks[i].clause
        f = self.finite(view, i)
        after = max(i if f is None else f, source_end)
        for ph in view.phrases:
            if ph.clause != clause or ph.index in exclude or ph.first <= after < ph.last:
                continue
            if ph.modifies is not None and not ph.prep:
                noun = ph.modifies
            elif norm_prep(ph.prep) == "von" and self.noun_attached(view, ph.index):
                noun = ph.first - 2
            else:
                continue
            if noun <= after or noun in view.by_token or self.lexicon.noun_senses(toks[noun].lemma) is not None:
                continue
            prep, det = self.np_marks(view, noun)
            if not prep and (det in ACCUSATIVE or bare and not det) and self.label(view, ph.index) in labels:
                return ph.index
        return None

    def _next_conjunct(self, view: SentenceView, i: int) -> int:
        """The coordinator right after a participle or infinitive trigger when another participle
        or infinitive follows in the clause ("war Mustafa S. getötet und sein Freund Ali Y. verletzt
        worden"): what stands after it belongs to that verb. -1 otherwise."""
        toks = view.toks
        trig = toks[i]
        k = i + 1
        if k >= len(toks) or toks[k].lower not in ("und", "oder", "sowie") or toks[k].clause != trig.clause \
                or is_finite_like(trig, self.lexicon):
            return -1
        depth = 0
        for t in toks[k + 1:]:
            depth += (t.text == "(") - (t.text == ")")
            if depth > 0 or t.text == ")":
                continue  # "Ali Y. ( 26 ) verletzt"
            if t.clause != trig.clause:
                return -1
            if t.i in view.by_token or not t.word or not t.text.islower():
                continue
            if t.lower != t.lemma and t.lower.endswith(("t", "en")) and not inflected(t):
                return k
        return -1

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

    def noun_attached(self, view: SentenceView, ph_index: int) -> bool:
        """A prepositional phrase right after a common noun belongs to that noun."""
        ph = view.phrases[ph_index]
        k = ph.first - 2  # the token before the preposition
        if k < 0 or view.toks[k].clause != ph.clause or ph.seat:
            return False
        t = view.toks[k]
        return self.bare_noun(view, k) and t.lower not in self.dets

    @staticmethod
    def on_behalf(view: SentenceView, i: int, roles: Roles) -> None:
        """Whoever a verb's actor acts for ("im Namen des Kaisers Franz Joseph dankte Graf
        Esterhazy", "hat Bonnet im Namen der Goldländer ... gestellt") is a source too."""
        toks = view.toks
        for ph in view.phrases:
            k = ph.modifies
            if k is None or ph.clause != toks[i].clause or toks[k].text != "Namen" or k == 0 \
                    or toks[k - 1].lower not in ("im", "jm") or ph.index in roles.target:
                continue
            roles.add("source", ph.index)

    def locates_noun(self, view: SentenceView, ph_index: int, etype: EventType, prep: str) -> bool:
        """A visit's "in" phrase right after a common noun says where that noun is, not what is
        visited ("eines der Unternehmen in Bayern besucht", "ein Besuch des Bergwerks in Prettau").
        ``prep``: normalised ("im" -> "in")."""
        return etype.name == "VISIT" and prep == "in" and self.noun_attached(view, ph_index)

    def prep_role(self, view: SentenceView, roles: Roles, ph_index: int, prep: str, etype: EventType,
                  passive: bool, genitive: str = "source") -> None:
        ph = view.phrases[ph_index]
        label = self.label(view, ph_index)
        if prep in ("von", "durch") and passive:
            if label != "LOC" or not self.noun_attached(view, ph_index):
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

