"""Trigger candidates of a sentence and their readings (frames).

Verbs (lemmas, separable verbs "lud ... ein" -> einladen, sentence-initial verbs),
nominalisations and light-verb constructions are found first; each candidate gets its roles
(:mod:`chronik.events.roles`) for each of its readings in turn, and the first reading whose
conditions (``verbs.tsv``) hold makes the frame. A noun of the same type as a verb right next to
it in the clause ("unterzeichneten ein Abkommen") is one event with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from chronik.events.attribution import Attribution
from chronik.events.collectives import StateCollectives, judged_parties
from chronik.events.lexicon import Lexicon, LightVerb, Sense
from chronik.events.nounroles import NounRoleFinder
from chronik.events.readings import attributive, homograph_adjective, ocr_werden, opening_attribute
from chronik.events.roles import OBJECT_CONTROL, RoleFinder, Roles, norm_prep
from chronik.events.verbs import PARTICLES, coordinated_verb, is_finite_like, present_participle, separable, zu_clause
from chronik.events.view import ARTICLES, BREAKS, SentenceView, Tok, inflected
from chronik.events.voice import participle, zu_infinitive

_PARTICLE_SET = frozenset(PARTICLES)
SPEECH = frozenset({"STATEMENT", "DEMAND", "CRITICIZE", "ACCUSE", "DENY", "THREATEN"})
ADVERB_PARTICLES = frozenset({"weiter", "zusammen", "bereit", "los", "vorbei", "hinzu", "bekannt"})  # also adverbs
PREPOSITION_LIKE = frozenset({"bis", "von", "nach", "vor", "auf", "an", "mit", "darauf", "daran", "davon", "damit"})


@dataclass(slots=True)
class Frame:
    """One event mention under construction."""

    trigger: int  # token index
    type: str
    lemma: str
    sense: Sense
    roles: Roles
    noun: bool
    light_verb: int | None = None  # token index of the light verb
    attribution: Attribution | None = None
    own_speaker: str | None = None
    control: "Frame | None" = None  # the frame a zu-infinitive depends on
    modality: str = ""
    particle: int | None = None  # token index of a separable verb's particle ("teilte ... mit")
    common_source: bool = False  # the source is a generic noun ("Der Konzern hat ... erworben"), not a missed name
    aside: bool = False  # a participle set off after the opening name ("X, aufgefordert, ..."): the writer's words

    @property
    def anchor(self) -> int:
        """The token whose clause the event is in: a nominal light-verb construction's verb
        ("eine Einladung annehmen"), else the trigger."""
        return self.light_verb if self.noun and self.light_verb is not None else self.trigger


class FrameFinder:
    """Finds the frames of a sentence view; holds the lexicon and the role finder."""

    def __init__(self, lexicon: Lexicon, finder: RoleFinder, known: frozenset[str],
                 countries: Callable[[str], str | None] | None = None) -> None:
        self.lexicon = lexicon
        self.finder = finder
        self.nouns = NounRoleFinder(finder)
        self.known = known
        self.countries = countries
        self.collectives = StateCollectives(lexicon, finder, countries)

    def __call__(self, view: SentenceView) -> list[Frame]:
        lexicon, known = self.lexicon, self.known
        toks = view.toks
        verbs: dict[int, str] = {}
        particles: set[int] = set()
        particle_of: dict[int, int] = {}
        # separable() only returns at a particle after the verb: none after it, nothing to walk
        last_particle = max((t.i for t in toks if t.lower in _PARTICLE_SET), default=-1)
        preps = lexicon.cue("prepositions")
        homographs = lexicon.cue("adjective_verbs")
        for t in toks:
            verbal = t.text.islower() or (t.i == 0 and t.lemma.islower() and t.lemma in known)
            if not t.word or not verbal or t.i in view.by_token or present_participle(t):
                continue
            if t.lemma == "werben" and ocr_werden(view, t):
                continue  # "bewerkstelligt werben", "werben von der Kammer ... ernannt": the OCR of "werden"
            if t.i > 0 and toks[t.i - 1].lower in ("als", "wie") and participle(t):
                continue  # "weniger Jobs als angekündigt", "wie berichtet": a reference, not an event
            if t.i > 0 and toks[t.i - 1].lower in ARTICLES and toks[t.i - 1].text.islower() \
                    and inflected(t) and t.i + 1 < len(toks) and toks[t.i + 1].cap:
                continue  # "eine würdige Beerdigung": an adjective between an article and its noun (not "Das sagte X")
            if t.i > 0 and toks[t.i - 1].lower in preps and toks[t.i - 1].lower != "zu" and inflected(t) \
                    and t.i + 1 < len(toks) and toks[t.i + 1].cap and toks[t.i + 1].i not in view.by_token:
                continue  # "unter billigen Bedingungen", "nach einigen Tagen": a word between a preposition and its noun
            if opening_attribute(view, t):
                continue  # "Der unterzeichnete Direktor ...": an adjective after the sentence's first article
            if homograph_adjective(view, t, homographs):
                continue  # "zu sehr billigen Preisen", "eine sehr würdige und kühle Lady": the adjective, not the verb
            sep = separable(toks, t.i, lexicon, known) if t.i < last_particle else None
            if sep:
                verbs[t.i] = sep[0]
                particles.add(sep[1])
                particle_of[t.i] = sep[1]
            elif t.lemma in known and not attributive(view, t) and not _stray_particle(view, t.i, lexicon):
                verbs[t.i] = t.lemma
            elif t.lower in known and t.lower in lexicon.verbs:
                verbs[t.i] = t.lower  # "einigen": an infinitive the lemmatiser reads as another word
        frames: list[Frame] = []
        used_nouns: set[int] = set()
        used_verbs: set[int] = set()
        # light-verb constructions first: they decide the type of both words
        for t in toks:
            if t.i in view.by_token or not t.word or not (t.cap or t.lemma in lexicon.light_verbs):
                continue
            lvcs = _light_verbs(lexicon, t)
            if not lvcs:
                continue
            for v, lemma in verbs.items():
                if toks[v].clause != t.clause or v in used_verbs:
                    continue
                lvc = next((x for x in lvcs if x.verb == lemma and (
                    not x.before or (t.i > 0 and toks[t.i - 1].lower.startswith(x.before)))), None)
                if lvc is None:
                    continue
                frame = self._light_frame(view, t.i, v, lvc, frames)
                if frame is not None:
                    frames.append(frame)
                    used_nouns.add(t.i)
                    used_verbs.add(v)
                    break
        for t in toks:
            if t.i in used_nouns or t.i in used_verbs or t.i in particles or t.i in view.by_token:
                continue
            if t.i in verbs and verbs[t.i] in lexicon.verbs:
                frame = self._verb_frame(view, t.i, verbs[t.i], frames)
                if frame is not None:
                    frame.particle = particle_of.get(t.i)
            elif t.cap and t.word and not (t.i == 0 and t.lemma.islower()):
                frame = self._noun_frame(view, t.i)
            else:
                frame = None
            if frame is not None:
                frames.append(frame)
        frames = [f for f in frames if view.clauses[toks[f.trigger].clause].opener != "wer"]
        for f in frames:
            if f.type == "PROTEST" and not f.roles.target:
                self._employer(view, f)
        judged_parties(view, frames, preps)
        frames.sort(key=lambda f: f.trigger)
        return _restated(_merge(view, frames))

    def _verb_frame(self, view: SentenceView, i: int, lemma: str, frames: list[Frame]) -> Frame | None:
        lexicon, finder = self.lexicon, self.finder
        controller = self._controller(view, frames, i)
        control = controller.roles if controller else None
        control_object = bool(controller and controller.lemma in OBJECT_CONTROL)
        exclude = self._noun_participants(view, frames)
        for sense in lexicon.verbs[lemma]:
            if sense.report and _told(view, i):
                continue
            etype = lexicon.types[sense.type]
            own = sense.type == "STATEMENT"
            roles = finder.verb_roles(view, i, etype, None if own else control, control_object, exclude,
                                      report=sense.report)
            self.collectives(view, i, roles, speaker=own)
            finder.on_behalf(view, i, roles)
            if _holds(sense, roles, view, i, lexicon):
                return Frame(trigger=i, type=sense.type, lemma=lemma, sense=sense, roles=roles, noun=False,
                             control=controller, aside=self.finder.apposed_participle(view, view.toks[i]))
        return None

    def _employer(self, view: SentenceView, f: Frame) -> None:
        """A protest without a target whose clause names an organisation only as the first part of
        a compound ("Die Amazon-Beschäftigten in Leipzig streiken", "im Amazon-Versandzentrum",
        "gegen den Bundeswehr-Einsatz") or as the genitive of its staff ("ruft die Beschäftigten der
        Lufthansa zum Warnstreik auf", ``worker_nouns``): the organisation is the target, unless the
        compound names the protesters' own organisation's people ("Verdi-Chef", "Verdi-Mitglieder",
        ``own_organisation_heads``)."""
        own = self.lexicon.cue("own_organisation_heads")
        workers = self.lexicon.cue("worker_nouns")
        clause = view.toks[f.trigger].clause
        for ph in view.phrases:
            if ph.clause != clause or ph.index in f.roles.source or view.labels.get(ph.mention) != "ORG":
                continue
            if ph.compound_of is not None:
                head = view.toks[ph.compound_of].text.split("-")[-1]
                if head in own:
                    continue
            elif not f.roles.source or ph.modifies is None or ph.prep or view.toks[ph.modifies].text not in workers:
                continue  # "Verdi ruft die Beschäftigten der Lufthansa ... auf": the staff's employer
            f.roles.add("target", ph.index)
            return

    @staticmethod
    def _controller(view: SentenceView, frames: list[Frame], i: int) -> Frame | None:
        """The verb frame of the clause a zu-infinitive at token ``i`` depends on."""
        tok = view.toks[i]
        if not zu_clause(view, tok) and not zu_infinitive(view, tok):
            return None
        for prev in reversed(frames):
            if view.toks[prev.anchor].clause \
                    < tok.clause:
                return prev if not prev.noun or prev.light_verb is not None else None
        return None

    def _noun_frame(self, view: SentenceView, i: int) -> Frame | None:
        lexicon = self.lexicon
        tok = view.toks[i]
        found = lexicon.noun_senses(tok.lemma) or (lexicon.noun_senses(tok.text) if tok.text != tok.lemma else None)
        if found is None:
            return None
        head, senses = found
        if head == "Hilfe" and i > 0 and view.toks[i - 1].lower == "mit":
            return None
        if _required(view, i):
            return None
        agent: list[int] | None = None
        for sense in senses:
            etype = lexicon.types[sense.type]
            roles = self.nouns.roles(view, i, etype, sense.genitive, self.countries)
            if not roles.source and not roles.countries:
                if agent is None:
                    agent = self.nouns.agent(view, i, lexicon.lists.get("noun_agent_verbs", frozenset()), sense.type,
                                             "source" if etype.symmetric else sense.genitive, not roles.empty)
                for p in agent:
                    roles.add("source", p)
            if roles.empty:
                continue
            if sense.type in ("INVITE", "DEMAND") and i > 0 and view.toks[i - 1].lower == "auf":
                self._invited(view, i, roles)
            if _holds(sense, roles, view, i, lexicon, noun=True):
                return Frame(trigger=i, type=sense.type, lemma=head, sense=sense, roles=roles, noun=True)
        return None

    def _invited(self, view: SentenceView, i: int, roles: Roles) -> None:
        """"auf Einladung (der Universität Talca)" and "auf Drängen ...": the subject of the
        clause the phrase stands in is the one invited or urged ("Gabriele Hoeborn hält auf
        Einladung der Universität Talca Vorlesungen"), also where that clause goes on after a
        relative clause ("hatte Griechenland, das ... überfordert ist, erst auf Drängen Frontex ...
        gebeten")."""
        fin = self.finder.finite(view, i)
        clause = view.clauses[view.toks[i].clause]
        if fin is None and clause.index > 0 and not clause.opener and view.clauses[clause.index - 1].relative:
            subject = self.finder.previous_subject(view, clause.index)
        elif fin is None or fin == i:
            return
        else:
            subject, _ = self.finder.subject(view, fin, set())
        for p in subject:
            if p not in roles.source:
                roles.add("target", p)

    def _light_frame(self, view: SentenceView, n: int, v: int, lvc: LightVerb, frames: list[Frame]) -> Frame | None:
        lexicon, finder = self.lexicon, self.finder
        etype = lexicon.types[lvc.type]
        controller = self._controller(view, frames, v)
        control = controller.roles if controller else None
        control_object = bool(controller and controller.lemma in OBJECT_CONTROL)
        roles = finder.verb_roles(view, v, etype, control, control_object, exclude=set())
        noun_roles = self.nouns.roles(view, n, etype, "target", self.countries)
        for p in noun_roles.source + noun_roles.target:
            role = "source" if p in noun_roles.source and etype.symmetric else "target"
            if p in roles.source or p in roles.target:
                continue
            roles.add(role, p)
        roles.countries.extend(noun_roles.countries)
        if roles.place is None:
            roles.place = noun_roles.place
        for prep, role in lvc.preps:  # "Von der EU-Kommission gibt es grünes Licht": the giver is the source
            for p in roles.source + roles.target:
                if norm_prep(view.phrases[p].prep) == prep and p not in getattr(roles, role):
                    (roles.target if role == "source" else roles.source).remove(p)
                    getattr(roles, role).append(p)
        trigger = v if lvc.trigger == "verb" else n
        sense = Sense(lvc.type, (), lvc.type in SPEECH)
        return Frame(trigger=trigger, type=lvc.type, lemma=f"{lvc.noun} {lvc.verb}", sense=sense, roles=roles,
                     noun=lvc.trigger == "noun", light_verb=v if lvc.trigger == "noun" else n, control=controller)

    @staticmethod
    def _noun_participants(view: SentenceView, frames: list[Frame]) -> set[int]:
        out: set[int] = set()
        for f in frames:
            if f.noun and f.light_verb is None:
                out.update(f.roles.attached)
        return out


def _required(view: SentenceView, i: int) -> bool:
    """An event noun that something needs or is made conditional on has not happened: the
    genitive object of "bedürfen" ("soll der Genehmigung des Bundesrathes bedürfen"), a phrase with
    "an" before "knüpfen" or "binden" ("an die Genehmigung des Bundesrathes geknüpft"; not "hat
    die Genehmigung an die Bedingung geknüpft", where the approval is the object)."""
    toks = view.toks
    clause = toks[i].clause
    k = i - 1
    while k >= 0 and toks[k].clause == clause and toks[k].text.islower() and toks[k].word and inflected(toks[k]) \
            and toks[k].lower not in ARTICLES:
        k -= 1  # adjectives
    if k < 0 or toks[k].clause != clause or toks[k].lower not in ARTICLES:
        return False
    lemmas = {t.lemma for t in view.clause_toks(clause)}
    if toks[k].lower == "der" and "bedürfen" in lemmas:
        return True
    return toks[k].lower in ("die", "den", "das") and k > 0 and toks[k - 1].lower == "an" \
        and not lemmas.isdisjoint(("knüpfen", "binden"))


_HABEN = frozenset("haben hat habe hatte hatten hätte hätten".split())


def _told(view: SentenceView, i: int) -> bool:
    """A reporting verb beside a form of "lassen" in a clause with "sich": the subject is told, it
    does not tell ("hat sich ... bei UPM erläutern lassen", "ließ sich die Lage erklären"); without
    "sich" it has it told ("ließ Blaszkiewitz verbreiten")."""
    toks = view.toks
    near = [toks[k] for k in (i - 1, i + 1) if 0 <= k < len(toks) and toks[k].clause == toks[i].clause]
    clause = view.clause_toks(toks[i].clause)
    lassen = any(t.lemma == "lassen" for t in near) or any(
        t.lemma == "lassen" and t.i < i and not any(u.lower in ("und", "oder", "sowie") for u in toks[t.i:i])
        for t in clause)
    return lassen and any(t.lower == "sich" for t in clause)


def _light_verbs(lexicon: Lexicon, t: Tok) -> tuple[LightVerb, ...]:
    return lexicon.light_verbs_for(t.lemma) or (lexicon.light_verbs_for(t.text) if t.text != t.lemma else ()) \
        or (lexicon.light_verbs_for(t.lower) if t.lower != t.lemma else ())


def _holds(sense: Sense, roles: Roles, view: SentenceView, i: int, lexicon: Lexicon, noun: bool = False) -> bool:
    clause = view.clause_toks(view.toks[i].clause)
    lower_nouns = lexicon.lang == "en"  # English nouns are not capitalised: any word may be one
    if noun:  # a noun's conditions look at its own phrase ("Übernahme der Kosten")
        nouns = [t for t in view.toks[i + 1:i + 5] if (t.cap or lower_nouns) and t.word
                 and t.clause == view.toks[i].clause]
    else:
        nouns = [t for t in clause if (t.cap or lower_nouns) and t.word and t.i != i]
    for c in sense.conditions:
        kind, arg = c.kind, c.arg
        labels = set(arg.split("|")) if arg else None
        if kind == "src":
            ok = bool(roles.countries) if labels is None or "LOC" in labels else False
            ok = ok or any(labels is None or view.labels.get(view.phrases[p].mention) in labels for p in roles.source)
        elif kind == "tgt":
            ok = any(labels is None or view.labels.get(view.phrases[p].mention) in labels for p in roles.target)
        elif kind == "actor":
            ok = not roles.empty
        elif kind == "word" or (kind == "obj" and noun):
            ok = any(lexicon.in_list(arg, t.lemma) or lexicon.in_list(arg, t.text) for t in nouns)
        elif kind == "obj":
            ok = any(lexicon.in_list(arg, t.lemma) or lexicon.in_list(arg, t.text) for t in _objects(view, i, nouns))
        elif kind == "adv":  # "vom Land finanziell unterstützt": material aid
            ok = any(t.text.islower() and t.lower in lexicon.lists.get(arg, ()) for t in clause)
        elif kind == "noword":
            ok = not any(lexicon.in_list(arg, t.lemma) or lexicon.in_list(arg, t.text) for t in nouns)
        elif kind == "pp":  # "pp:zur" is the contracted form itself, "pp:zu" any form of it
            ok = any(t.lower == arg or norm_prep(t.lower) == arg for t in clause)
        elif kind == "nopp":
            ok = not any(norm_prep(t.lower) == arg for t in clause)
        elif kind == "recip":
            ok = any(t.lower in lexicon.cue("reflexive") for t in clause)
        elif kind == "noacc":  # no accusative object: "demonstriert ... den Druck von Transferfolien" (shows)
            preps = lexicon.cue("prepositions")
            ok = not any(t.lower in ("den", "einen") and t.i > 0 and view.toks[t.i - 1].lower not in preps
                         and t.i not in view.timex_tokens for t in clause)
        elif kind == "norecip":
            reach = _reach(view, i, lexicon) if sense.type == "ATTACK" else clause  # "hat sich ..., erschossen"
            ok = not any(t.lower in lexicon.cue("reflexive") for t in reach)
        elif kind in ("active", "passive"):  # "auch Ulrich genannt", "der achtmal genannt ist": a participle without "haben"
            ok = not participle(view.toks[i]) or any(t.lower in _HABEN for t in clause) or (
                "ge" not in view.toks[i].lower[:6]  # "bezeichnet" is also the present: finite without an auxiliary
                and not any(t.lower in lexicon.cue("auxiliaries") for t in clause))
            ok = ok if kind == "active" else not ok
        elif kind == "pronsubj":  # "wo er Tusk treffen will", "Dort traf sie den Präsidenten": a person, unnamed here
            ok = _pronoun_subject(view, i, clause)
        elif kind == "nodecree":  # "erklärt Freitage zu Feiertagen", "zu Feiertagen erklärt": a decree
            ok = not _decree(view, i)
        elif kind == "zuinf":  # "lud die Bevölkerung ein, ... aufzutreten": an appeal, not "zu kommen"
            verb = _zu_infinitive(view, i)
            bare = verb.lower[:1] + verb.lower[1:].replace("zu", "", 1) if verb is not None else ""  # "teilzunehmen"
            ok = verb is not None and not lexicon.in_list(arg, verb.lemma) and not lexicon.in_list(arg, bare)
        else:
            ok = True
        if not ok:
            return False
    return True


_NOMINATIVE_PRONOUNS = frozenset({"er", "ich", "wir"})


def _pronoun_subject(view: SentenceView, i: int, clause: list[Tok]) -> bool:
    """A personal pronoun as the subject of trigger ``i``'s clause: "er", "ich" or "wir" anywhere in
    it, "sie" right after the trigger or opening the clause after its conjunction or relative word
    ("Dort traf sie ...", "..., wo sie ... treffen will")."""
    if any(t.lower in _NOMINATIVE_PRONOUNS for t in clause):
        return True
    words = [t for t in clause if t.word]
    return any(t.lower == "sie" and (t.i == i + 1 or k <= 1) for k, t in enumerate(words))


def _zu_infinitive(view: SentenceView, i: int) -> Tok | None:
    """The zu-infinitive that completes the trigger at token ``i``: right before it ("in eine
    Wirtschaft zu kommen eingeladen"), or closing the next clause that is not a relative one
    ("lud die Bevölkerung ein, mit allen Mitteln gegen die Desorganisation, die ..., aufzutreten"):
    the stretches an inserted relative clause splits it into are passed over."""
    toks = view.toks
    if i >= 2 and toks[i - 2].lower == "zu" and toks[i - 1].word:
        return toks[i - 1]
    for c in range(toks[i].clause + 1, len(view.clauses)):
        if view.clauses[c].relative:
            continue
        words = [t for t in view.clause_toks(c) if t.word]
        if not words:
            continue
        if words[0].lower in ("um", "ohne", "statt", "anstatt"):
            return None  # a purpose: "der Einladung gefolgt, um dort einen Nachmittag zu verbringen"
        last = words[-1]
        if len(words) >= 2 and words[-2].lower == "zu" or ("zu" in last.lower[1:-3] and last.lower != last.lemma):
            return last
        if view.clauses[c].opener:
            return None  # a subordinate clause of its own ("..., dass ...")
    return None


def _reach(view: SentenceView, i: int, lexicon: Lexicon) -> list[Tok]:
    """The clause of token ``i`` and, when that clause is only the closing stretch of one that
    appositions interrupted (no opener, no capitalised word before the verb: ", erschossen."), the
    stretches before it back to the one with an opener or a finite verb ("hat sich heute in seiner
    Wohnung, Josephstadt, Stolzenthalergasse Nr. 8, erschossen")."""
    toks = view.toks
    c = toks[i].clause
    out = view.clause_toks(c)
    if view.clauses[c].opener or view.clauses[c].relative or any(t.cap and t.word for t in out):
        return out
    for k in range(c - 1, -1, -1):
        if view.clauses[k].relative:
            continue
        stretch = view.clause_toks(k)
        out = stretch + out
        if view.clauses[k].opener or any(is_finite_like(t, lexicon) for t in stretch):
            break
    return out


def _decree(view: SentenceView, i: int) -> bool:
    """A verb with an object predicate in "zu": "zu" and a noun right before it (an adjective may
    stand between: "zur nationalen Aufgabe erklärt"), or after it and an object that is neither a
    name nor a time ("erklärt Freitage zu Feiertagen"; not "erklärte Merkel am Montag zum Auftakt");
    or an adjective or participle in "für" right before it ("für ungültig erklärt")."""
    toks, c = view.toks, view.toks[i].clause
    def zu(k: int) -> bool:
        return 0 <= k < len(toks) - 1 and toks[k].clause == c and toks[k].lower in ("zu", "zum", "zur")

    if zu(i - 2) and toks[i - 1].cap or zu(i - 3) and toks[i - 2].text.islower() and toks[i - 1].cap:
        return True
    if i >= 2 and toks[i - 2].lower == "für" and toks[i - 2].clause == c and toks[i - 1].text.islower() \
            and toks[i - 1].word:
        return True  # "für verhaftet erklärt", "des Thrones für verlustig erklärt", "für ungültig erklären"
    for k in range(i + 2, min(i + 5, len(toks))):
        between = toks[i + 1:k]
        if any(t.i in view.by_token or t.i in view.timex_tokens or not t.word or t.clause != c for t in between):
            return False
        if zu(k) and toks[k + 1].cap and any(t.cap for t in between):
            return True
    return False


def _objects(view: SentenceView, i: int, nouns: list[Tok]) -> list[Tok]:
    """The clause's nouns that can be the verb's object: in a main clause those after the finite
    verb ("Das Unternehmen hat ... weniger Fahrzeuge verkauft": not "Unternehmen"), in a
    subordinate clause all but the first, in a passive clause all."""
    tok = view.toks[i]
    clause = view.clauses[tok.clause]
    if any(t.lemma == "werden" and t.text.islower() for t in view.clause_toks(tok.clause)):
        return nouns  # a passive: the subject is the object ("Einige Tochtergesellschaften wurden verkauft")
    if clause.opener or clause.relative:
        return nouns[1:]
    finite = next((t.i for t in view.clause_toks(tok.clause) if t.text.islower() and t.word
                   and (t.i == i or t.lemma in ("haben", "sein", "werden") or t.lower in ("hat", "hatte", "wird", "wurde"))),
                  i)
    words = [t for t in view.clause_toks(tok.clause) if t.word]
    if finite == i and words and words[-1].i == i:
        return nouns[1:]  # the finite verb last: a subordinate clause ("Seit ... Toms das Unternehmen 2012 übernahm")
    return [t for t in nouns if t.i > finite]


def _governed(view: SentenceView, i: int) -> bool:
    """Whether the noun at token ``i`` stands in a prepositional phrase."""
    k = i - 1
    while k >= 0 and (view.toks[k].lower in ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem",
                                              "einer", "sein", "seine", "seinen", "seinem", "ihr", "ihre", "ihren")
                      or inflected(view.toks[k])
                      or view.toks[k].text in "«»„“\""):
        k -= 1
    return k >= 0 and view.toks[k].lower in ("für", "um", "über", "gegen", "zu", "zur", "zum", "mit", "von", "vor", "nach", "bei", "auf")


def _adjacent(view: SentenceView, a: int, b: int) -> bool:
    """Two triggers close together with no coordination between them ("unterzeichneten ein
    Abkommen", "Abkommen ... wurden nicht unterzeichnet")."""
    lo, hi = min(a, b), max(a, b)
    return hi - lo <= 8 and not any(t.lower in ("und", "sowie", "oder") for t in view.toks[lo + 1:hi])


def _stray_particle(view: SentenceView, i: int, lexicon: Lexicon) -> bool:
    """A finite simplex verb whose clause ends in a separable particle that the lexicon does not
    know with it ("kaufte ... den Schneid ab": abkaufen, not kaufen): another verb, no trigger. The
    clause may run on over appositions between commas that have no verb of their own ("Die Vitos
    GmbH schreibt für ihre Tochtergesellschaft, die Vitos ... GmbH, die Beschaffung ... aus.")."""
    toks = view.toks
    tok = toks[i]
    if tok.lower == tok.lemma or tok.lemma.startswith(PARTICLES):
        return False
    k = i + 1
    while k < len(toks) and toks[k].clause == tok.clause:
        k += 1
    last = _last_word(toks, k - 1, i)
    if not _particle(last, i):
        last = _last_word(toks, len(toks) - 1, i)
        between = toks[k:last.i]
        if not _particle(last, i) or any(t.text in BREAKS and t.text != "," or t.text == "-" for t in between) or any(
                t.text.islower() and t.word and (is_finite_like(t, lexicon) or t.lemma == t.lower and t.lower.endswith("en"))
                for t in between):
            return False  # a clause with a verb of its own, or after a dash: "... gestreikt - ... legen ... nieder"
    if any(coordinated_verb(toks, k, lexicon) for k in range(i + 1, last.i)):
        return False  # "verurteilte die Angriffe und forderte ... auf": the second verb's particle
    before = toks[last.i - 1]
    return not (before.lower in PREPOSITION_LIKE or before.lower == "zu")


def _last_word(toks: list[Tok], k: int, i: int) -> Tok:
    """The last word token at or before ``k`` (after token ``i``; else token ``i``)."""
    while k > i and not toks[k].word:
        k -= 1
    return toks[k]


def _particle(tok: Tok, i: int) -> bool:
    return tok.i > i + 1 and tok.lower in PARTICLES and tok.lower not in ADVERB_PARTICLES and tok.text.islower()


def _restated(frames: list[Frame]) -> list[Frame]:
    """A bare event noun restated by a light-verb construction or a verb of the same type and
    head in the same sentence ("Grund für den Rücktritt von ...: ... hat seinen Rücktritt
    eingereicht", a headline run into its first sentence) is one event: the bare noun goes."""
    out = []
    for f in frames:
        head = f.lemma.split()[0].lower()
        if f.noun and f.light_verb is None and any(
                g is not f and g.type == f.type and (g.light_verb is not None or not g.noun)
                and g.lemma.lower().startswith(head) for g in frames):  # not "Streik" and "bestreiken"
            continue
        out.append(f)
    return out


def _merge(view: SentenceView, frames: list[Frame]) -> list[Frame]:
    """One event per type and clause: a noun of the same type as a verb of its clause
    ("unterzeichneten ein Abkommen") adds its actors to the verb's event."""
    out: list[Frame] = []
    for f in frames:
        clause = view.toks[f.trigger].clause
        twin = next((g for g in out if g.type == f.type and view.toks[g.trigger].clause == clause
                     and g.noun != f.noun and _adjacent(view, g.trigger, f.trigger)), None)
        if twin is not None:
            noun = twin if twin.noun else f
            if _governed(view, noun.trigger):
                twin = None  # "dankte Putin Kim für die nordkoreanische Unterstützung": two events
        if twin is None:
            out.append(f)
            continue
        keep, drop = (twin, f) if not twin.noun else (f, twin)
        for p in drop.roles.source:
            keep.roles.add("source", p)
        for p in drop.roles.target:
            keep.roles.add("target", p)
        keep.roles.countries.extend(c for c in drop.roles.countries if c not in keep.roles.countries)
        if keep is f:
            out[out.index(twin)] = f
    return out
