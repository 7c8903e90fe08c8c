"""The ``events`` stage: event mentions with type, actors, time, place, attribution, modality.

Per sentence: find trigger candidates (verb lemmas, separable verbs, nominalisations, light-verb
constructions), give each its roles (:mod:`chronik.events.roles`) and keep the first reading
whose conditions hold; then attribution (:mod:`chronik.events.attribution`), modality
(:mod:`chronik.events.modality`), time and place (:mod:`chronik.events.context`).

Precision first: a noun needs a participant, a STATEMENT a named speaker, a headline or caption
without a finite verb yields nothing, and lines with photo credits are skipped.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import ClassVar, Mapping

from chronik.events.analysis import SentenceView, Tok, analyse, is_finite_like, separable
from chronik.events.attribution import PRONOUNS, Attribution, AttributionFinder
from chronik.events.context import ActorNames, TimeLine
from chronik.events.lexicon import Lexicon, LightVerb, Sense, load_lexicon
from chronik.events.modality import ModalityFinder
from chronik.events.roles import OBJECT_CONTROL, RoleFinder, Roles, norm_prep
from chronik.model import Actor, Article, Event, Sentence, Span
from chronik.text import SentenceSplitter, tokenize
from chronik.text.lemmas import Lemmatizer

SPEECH = frozenset({"STATEMENT", "DEMAND", "CRITICIZE", "ACCUSE", "DENY", "THREATEN"})
_CAPTION = re.compile(r"©|\b(?:Foto|Fotos|Bild|Bilder|Quelle|Grafik)\s*:|\(Foto|\bPhoto\s*:")


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractorOptions:
    """``lang``: lexicon language (None: the article's, German by default); ``statements``:
    emit STATEMENT events; ``headlines``: events from lines without final punctuation when
    the trigger's clause has a finite verb; ``inherit``: how many sentences back a time or an
    attribution is inherited; ``types``: keep only these types (None: all)."""

    lang: str | None = None
    statements: bool = True
    headlines: bool = True
    inherit: int = 3
    types: tuple[str, ...] | None = None


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


@dataclass(slots=True)
class _State:
    """What carries over from one sentence to the next within an article."""

    last_attribution: tuple[int, Attribution] | None = None
    last_person: tuple[int, str] | None = None
    events: list[Event] = field(default_factory=list)


class EventExtractor:
    """Fills ``article.events``. Lexicons, lemmatisers and the country-adjective resolver are
    built on first use and held by the object (not pickled)."""

    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences", "timexes", "mentions")
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, options: ExtractorOptions | None = None) -> None:
        self.options = options or ExtractorOptions()
        self._parts: dict[str, tuple] = {}
        self._demonyms = None
        self._demonyms_tried = False

    def __getstate__(self) -> dict:
        return {"options": self.options}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["options"])

    def __call__(self, article: Article) -> Article:
        return article.replace(events=self.extract(article))

    # -- parts ------------------------------------------------------------------------------

    def parts(self, lang: str) -> tuple:
        if lang not in self._parts:
            lexicon = load_lexicon(lang)
            self._parts[lang] = (lexicon, Lemmatizer(lang), RoleFinder(lexicon), AttributionFinder(lexicon),
                                 ModalityFinder(lexicon), frozenset(lexicon.verbs) | {lv.verb for lvs in
                                 lexicon.light_verbs.values() for lv in lvs} | lexicon.cue("planned_lemmas"))
        return self._parts[lang]

    def country(self, adjective: str) -> str | None:
        """The country a country adjective names ("nordkoreanische" -> Nordkorea), if the entity
        package's demonym data is available."""
        if not self._demonyms_tried:
            self._demonyms_tried = True
            try:
                from chronik.entities.demonyms import Demonyms
                from chronik.entities.gazetteer import Gazetteer

                self._demonyms = Demonyms(Gazetteer())
            except (ImportError, OSError, ValueError):
                self._demonyms = None
        if self._demonyms is None:
            return None
        place = self._demonyms.country(adjective)
        return place.name if place is not None else None

    # -- extraction -------------------------------------------------------------------------

    def extract(self, article: Article, names: Mapping[str, str] | None = None) -> tuple[Event, ...]:
        lang = self.options.lang or (article.lang if article.lang in ("de", "en") else "de")
        text = article.text
        sentences = article.sentences or (SentenceSplitter()(text) if text.strip() else ())
        if not sentences:
            return ()
        actor_names = ActorNames(article, names)
        starts = [s.start for s in sentences]
        timeline = TimeLine(article, starts, self.options.inherit)
        mentions = sorted(enumerate(article.mentions), key=lambda im: im[1].start)
        state = _State()
        mi = 0
        for no, sent in enumerate(sentences):
            while mi < len(mentions) and mentions[mi][1].end <= sent.start:
                mi += 1
            inside = []
            k = mi
            while k < len(mentions) and mentions[k][1].start < sent.end:
                if mentions[k][1].start >= sent.start:
                    inside.append(mentions[k])
                k += 1
            self._sentence(article, lang, no, sent, inside, actor_names, timeline, starts, state)
        return tuple(state.events)

    def _sentence(self, article, lang, no: int, sent: Sentence, mentions, names: ActorNames,
                  timeline: TimeLine, starts, state: _State) -> None:
        text = article.text
        end = sent.end
        caption = _CAPTION.search(text, sent.start, sent.end)
        if caption:
            end = caption.start()  # a photo credit: only what stands before it counts
        lexicon, lemmatizer, roles, attributions, modality, known = self.parts(lang)
        toks = [Tok(i=i, start=t.start, end=t.end, text=text[t.start:t.end], lower=text[t.start:t.end].lower(),
                    lemma=lemmatizer.lemma(text[t.start:t.end]))
                for i, t in enumerate(tokenize(text, sent.start, end))]
        if not toks:
            return
        sent = Sentence(start=sent.start, end=max(end, toks[-1].end))
        first = toks[0]
        if first.cap and first.word:
            alt = lemmatizer.lemma(first.lower)
            if alt != first.lower and alt in known and first.lower.endswith(("t", "te", "ten", "en")) \
                    and lexicon.noun_senses(first.lemma) is None:
                first.lemma = alt
                first.lower = first.lower  # the form stays; the lemma says it is a verb
        view = analyse(text, sent.start, sent.end, toks, mentions, lexicon)
        frames = self._frames(view, lexicon, roles, known)
        if not any(is_finite_like(t, lexicon) or (t.text.islower() and t.lower == t.lemma and t.lower in known
                                                  and not (t.i and toks[t.i - 1].lower == "zu")) for t in toks):
            frames = []  # no finite verb: a caption, a verbless headline or a fragment
        if view.headline:
            frames = [f for f in frames if self.options.headlines and not f.noun or f.light_verb is not None]
            frames = [f for f in frames if any(is_finite_like(t, lexicon) for t in view.clause_toks(
                view.toks[f.light_verb if f.light_verb is not None else f.trigger].clause))]
        if not frames:
            self._remember(view, names, state, no, [])
            return
        found = self._attributions(view, frames, names, attributions, state, no)
        events = []
        for f in frames:
            if f.type == "STATEMENT" and (not self.options.statements or not f.roles.source):
                continue
            if self.options.types is not None and f.type not in self.options.types:
                continue
            event = self._event(article, view, no, f, frames, found, names, timeline, starts, modality)
            if not event.actors and (event.modality == "speculative" or _generic(view, f)):
                continue  # "müsste ... akzeptieren", "Regeln, dieses Recht einzufordern": nobody in particular
            events.append(event)
        state.events.extend(events)
        self._remember(view, names, state, no, found)

    # -- frames -----------------------------------------------------------------------------

    def _frames(self, view: SentenceView, lexicon: Lexicon, finder: RoleFinder, known) -> list[Frame]:
        toks = view.toks
        verbs: dict[int, str] = {}
        particles: set[int] = set()
        for t in toks:
            verbal = t.text.islower() or (t.i == 0 and t.lemma.islower() and t.lemma in known)
            if not t.word or not verbal or t.i in view.by_token or _present_participle(t):
                continue
            sep = separable(toks, t.i, lexicon, known)
            if sep:
                verbs[t.i] = sep[0]
                particles.add(sep[1])
            elif t.lemma in known and not _attributive(view, t):
                verbs[t.i] = t.lemma
            elif t.lower in known and t.lower in lexicon.verbs:
                verbs[t.i] = t.lower  # "einigen": an infinitive the lemmatiser reads as another word
        frames: list[Frame] = []
        used_nouns: set[int] = set()
        used_verbs: set[int] = set()
        # light-verb constructions first: they decide the type of both words
        for t in toks:
            if t.i in view.by_token or not t.word:
                continue
            lvcs = _light_verbs(lexicon, t)
            if not lvcs:
                continue
            for v, lemma in verbs.items():
                if toks[v].clause != t.clause or v in used_verbs:
                    continue
                lvc = next((x for x in lvcs if x.verb == lemma), None)
                if lvc is None:
                    continue
                frame = self._light_frame(view, lexicon, finder, t.i, v, lvc, frames)
                if frame is not None:
                    frames.append(frame)
                    used_nouns.add(t.i)
                    used_verbs.add(v)
                    break
        for t in toks:
            if t.i in used_nouns or t.i in used_verbs or t.i in particles or t.i in view.by_token:
                continue
            if t.i in verbs and verbs[t.i] in lexicon.verbs:
                frame = self._verb_frame(view, lexicon, finder, t.i, verbs[t.i], frames)
            elif t.cap and t.word and not (t.i == 0 and t.lemma.islower()):
                frame = self._noun_frame(view, lexicon, finder, t.i)
            else:
                frame = None
            if frame is not None:
                frames.append(frame)
        frames = [f for f in frames if view.clauses[toks[f.trigger].clause].opener != "wer"]
        frames.sort(key=lambda f: f.trigger)
        return _merge(view, frames)

    def _verb_frame(self, view, lexicon, finder: RoleFinder, i: int, lemma: str, frames) -> Frame | None:
        control = None
        control_object = False
        for prev in reversed(frames):
            if not prev.noun and view.toks[prev.trigger].clause < view.toks[i].clause:
                control = prev.roles
                control_object = prev.lemma in OBJECT_CONTROL
                break
        exclude = self._noun_participants(view, frames)
        for sense in lexicon.verbs[lemma]:
            etype = lexicon.types[sense.type]
            own = sense.type == "STATEMENT"
            roles = finder.verb_roles(view, i, etype, None if own else control, control_object, exclude,
                                      report=sense.report)
            if _holds(sense, roles, view, i, lexicon):
                return Frame(trigger=i, type=sense.type, lemma=lemma, sense=sense, roles=roles, noun=False)
        return None

    def _noun_frame(self, view, lexicon, finder: RoleFinder, i: int) -> Frame | None:
        tok = view.toks[i]
        found = lexicon.noun_senses(tok.lemma) or (lexicon.noun_senses(tok.text) if tok.text != tok.lemma else None)
        if found is None:
            return None
        head, senses = found
        if head == "Hilfe" and i > 0 and view.toks[i - 1].lower == "mit":
            return None
        agent: list[int] | None = None
        for sense in senses:
            etype = lexicon.types[sense.type]
            roles = finder.noun_roles(view, i, etype, sense.genitive, self.country)
            if not roles.source and not roles.countries:
                if agent is None:
                    agent = finder.noun_agent(view, i, lexicon.lists.get("noun_agent_verbs", frozenset()), sense.type)
                for p in agent:
                    roles.add("source", p)
            if roles.empty:
                continue
            if _holds(sense, roles, view, i, lexicon, noun=True):
                return Frame(trigger=i, type=sense.type, lemma=head, sense=sense, roles=roles, noun=True)
        return None

    def _light_frame(self, view, lexicon, finder: RoleFinder, n: int, v: int, lvc: LightVerb, frames) -> Frame | None:
        etype = lexicon.types[lvc.type]
        control = None
        control_object = False
        for prev in reversed(frames):
            if not prev.noun and view.toks[prev.trigger].clause < view.toks[v].clause:
                control, control_object = prev.roles, prev.lemma in OBJECT_CONTROL
                break
        roles = finder.verb_roles(view, v, etype, control, control_object, exclude=set())
        noun_roles = finder.noun_roles(view, n, etype, "target", self.country)
        for p in noun_roles.source + noun_roles.target:
            role = "source" if p in noun_roles.source and etype.symmetric else "target"
            if p in roles.source or p in roles.target:
                continue
            roles.add(role, p)
        roles.countries.extend(noun_roles.countries)
        if roles.place is None:
            roles.place = noun_roles.place
        trigger = v if lvc.trigger == "verb" else n
        sense = Sense(lvc.type, (), lvc.type in SPEECH)
        return Frame(trigger=trigger, type=lvc.type, lemma=f"{lvc.noun} {lvc.verb}", sense=sense, roles=roles,
                     noun=lvc.trigger == "noun", light_verb=v if lvc.trigger == "noun" else n)

    @staticmethod
    def _noun_participants(view: SentenceView, frames: list[Frame]) -> set[int]:
        out: set[int] = set()
        for f in frames:
            if f.noun and f.light_verb is None:
                out.update(f.roles.source)
                out.update(f.roles.target)
        return out

    # -- attribution --------------------------------------------------------------------------

    def _attributions(self, view, frames, names: ActorNames, finder: AttributionFinder, state: _State,
                      no: int) -> list[Attribution]:
        last_speaker = self._last_speaker(state, no)
        name_of = lambda ph: names.name(ph.mention, ph.modifies is not None)  # noqa: E731
        found: list[Attribution] = []
        for k, f in enumerate(frames):
            if not f.sense.report and f.type not in SPEECH:
                continue
            if f.roles.source:
                speaker = ", ".join(self._speaker_name(view, names, p) for p in f.roles.source)
            elif finder.pronoun_subject(view, f.trigger):
                persons = [ph for ph in view.phrases if ph.last < f.trigger and view.labels.get(ph.mention) == "PER"]
                speaker = names.name(persons[-1].mention, False) if persons else last_speaker
            elif f.type == "STATEMENT" and not f.noun:
                speaker = finder.speaker_phrase(view, f.trigger)
                if speaker in PRONOUNS:
                    speaker = last_speaker
            else:
                speaker = None
            if speaker:
                f.own_speaker = speaker
                found.append(Attribution(speaker, view.toks[f.trigger].text, f.trigger, k))
        found.extend(finder.phrases(view, name_of, last_speaker))
        anon = finder.anonymous_cue(view)
        if anon is not None and state.last_attribution and no - state.last_attribution[0] <= self.options.inherit:
            found.append(Attribution(state.last_attribution[1].source, "hieß es", anon))
        if not found and state.last_attribution and no - state.last_attribution[0] <= 1 and finder.indirect(view):
            found.append(Attribution(state.last_attribution[1].source, "indirect speech", -1))
        return found

    def _speaker_name(self, view: SentenceView, names: ActorNames, p: int) -> str:
        ph = view.phrases[p]
        if ph.modifies is not None or ph.compound_of is not None:
            i = ph.modifies if ph.modifies is not None else ph.compound_of
            lo, hi = min(ph.first, i), max(ph.last, i)
            words = [t.text for t in view.toks[lo:hi + 1] if t.lower not in ("ein", "eine", "der", "die", "das")]
            return " ".join(words)
        return names.name(ph.mention, False)

    def _last_speaker(self, state: _State, no: int) -> str | None:
        cands = []
        if state.last_attribution and no - state.last_attribution[0] <= self.options.inherit:
            cands.append(state.last_attribution)
        if state.last_person and no - state.last_person[0] <= 1:
            cands.append(state.last_person)
        if not cands:
            return None
        best = max(cands, key=lambda c: c[0])
        return best[1].source if isinstance(best[1], Attribution) else best[1]

    def _remember(self, view: SentenceView, names: ActorNames, state: _State, no: int, found) -> None:
        named = [a for a in found if a.source and a.source not in PRONOUNS]
        if named:
            state.last_attribution = (no, named[-1])
        persons = [ph for ph in view.phrases if view.labels.get(ph.mention) == "PER"]
        if persons:
            state.last_person = (no, names.name(persons[-1].mention, False))

    # -- events -------------------------------------------------------------------------------

    def _event(self, article, view: SentenceView, no: int, f: Frame, frames, found, names: ActorNames,
               timeline: TimeLine, starts, modality: ModalityFinder) -> Event:
        tok = view.toks[f.trigger]
        actors = self._actors(view, f, names)
        clause = view.clauses[tok.clause]
        span = (view.toks[clause.first].start, view.toks[clause.last].end)
        when, _ = timeline.pick(no, tok.start, span, starts, statement=f.sense.report and f.own_speaker is not None,
                                quoted=_quoted_spans(view))
        attribution = self._choose_attribution(view, f, frames, found)
        mood = self._modality(view, f, frames, attribution, modality, timeline.after(when.value))
        place = None
        if f.roles.place is not None:
            ph = view.phrases[f.roles.place]
            place = names.name(ph.mention, ph.modifies is not None)
        digest = hashlib.sha1(f"{article.id}|{tok.start}|{f.type}".encode()).hexdigest()[:12]
        return Event(id=f"ev-{digest}", article=article.id, sentence=no,
                     trigger=Span(start=tok.start, end=tok.end, label=f.type), type=f.type, actors=actors,
                     time=when, place=place, attribution=attribution.source if attribution else None, modality=mood)

    def _actors(self, view: SentenceView, f: Frame, names: ActorNames) -> tuple[Actor, ...]:
        out: list[Actor] = []
        seen: set[tuple[str, str]] = set()
        for role, phrases in (("source", f.roles.source), ("target", f.roles.target)):
            for p in phrases:
                ph = view.phrases[p]
                name = names.name(ph.mention, ph.modifies is not None)
                if (name, role) not in seen:
                    seen.add((name, role))
                    out.append(Actor(name=name, entity=names.entity(ph.mention), role=role))
        for country, role in f.roles.countries:
            if (country, role) not in seen and not any(a.name == country for a in out):
                seen.add((country, role))
                out.append(Actor(name=country, entity=None, role=role))
        return tuple(out)

    def _choose_attribution(self, view: SentenceView, f: Frame, frames, found) -> Attribution | None:
        if f.own_speaker:
            return Attribution(f.own_speaker, view.toks[f.trigger].text, f.trigger)
        me = frames.index(f)
        clause = view.toks[f.trigger].clause
        cands = []
        for a in found:
            if a.frame == me:
                continue
            if a.frame is not None and a.token >= 0 and view.toks[a.token].clause == clause:
                continue  # the reporting clause's own arguments are the journalist's framing
            cands.append(a)
        if not cands:
            return None
        return min(cands, key=lambda a: abs(a.token - f.trigger) if a.token >= 0 else 10_000)

    def _modality(self, view: SentenceView, f: Frame, frames, attribution: Attribution | None,
                  finder: ModalityFinder, future_time: bool) -> str:
        tok = view.toks[f.trigger]
        light = view.toks[f.light_verb] if f.light_verb is not None else None
        verb_tok = light if (f.noun and light is not None) else tok
        if finder.negated(view, tok, f.noun, light if f.noun else None):
            return "negated"
        denials = [g for g in frames if g.type == "DENY" and g is not f]
        if any(g.trigger < f.trigger for g in denials) and f.type not in SPEECH:
            return "denied"
        if finder.speculative_here(view, verb_tok, f.noun and light is None):
            return "speculative"
        governed = any(g.lemma in finder.planned_lemmas and view.toks[g.trigger].clause < verb_tok.clause
                       for g in frames if g is not f)
        if finder.planned_here(view, verb_tok, f.noun and light is None, governed) or future_time:
            return "planned"
        if attribution is not None and attribution.source != f.own_speaker:
            return "reported"
        if f.own_speaker is None and finder.konjunktiv(view, verb_tok):
            return "reported"
        return "asserted"


def _attributive(view: SentenceView, t: Tok) -> bool:
    """A participle used as an adjective ("die verhängten Sanktionen", "bereits bewilligten
    Maßnahmen"), not a finite verb before its subject ("sagte Kim", "berichteten Staatsmedien")."""
    toks = view.toks
    if t.lower == t.lemma or t.i + 1 >= len(toks) or t.i == 0:
        return False
    nxt, prev = toks[t.i + 1], toks[t.i - 1]
    if not (nxt.cap and nxt.word):
        return False
    if not t.lower.endswith(("te", "ten", "tes", "tem", "ter", "ene", "enen", "enes", "enem", "ener")):
        return False
    return prev.word and prev.text.islower() and prev.lower not in ("er", "sie", "es", "wir", "ich", "ihr", "man")


def _light_verbs(lexicon: Lexicon, t: Tok) -> tuple[LightVerb, ...]:
    if t.lemma in lexicon.lists.get("noun_not", ()):
        return ()
    for key in (t.lemma, t.text, t.lower):
        if key in lexicon.light_verbs:
            return lexicon.light_verbs[key]
    if t.cap:
        low = t.lemma.lower()
        for noun, lvcs in lexicon.light_verbs.items():
            if len(noun) > 4 and low.endswith(noun.lower()) and len(low) > len(noun) + 2:
                return lvcs
    return ()


def _holds(sense: Sense, roles: Roles, view: SentenceView, i: int, lexicon: Lexicon, noun: bool = False) -> bool:
    clause = view.clause_toks(view.toks[i].clause)
    if noun:  # a noun's conditions look at its own phrase ("Übernahme der Kosten")
        nouns = [t for t in view.toks[i + 1:i + 5] if t.cap and t.word and t.clause == view.toks[i].clause]
    else:
        nouns = [t for t in clause if t.cap and t.word and t.i != i]
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
        elif kind in ("word", "obj"):
            ok = any(lexicon.in_list(arg, t.lemma) or lexicon.in_list(arg, t.text) for t in nouns)
        elif kind == "noword":
            ok = not any(lexicon.in_list(arg, t.lemma) or lexicon.in_list(arg, t.text) for t in nouns)
        elif kind == "pp":
            ok = any(norm_prep(t.lower) == arg for t in clause)
        elif kind == "nopp":
            ok = not any(norm_prep(t.lower) == arg for t in clause)
        elif kind == "recip":
            ok = any(t.lower in lexicon.cue("reflexive") for t in clause)
        elif kind == "norecip":
            ok = not any(t.lower in lexicon.cue("reflexive") for t in clause)
        else:
            ok = True
        if not ok:
            return False
    return True


def _generic(view: SentenceView, f: Frame) -> bool:
    """A verb in a zu-infinitive without a controller, or with "man"/"wer"/"jeder" as subject."""
    tok = view.toks[f.light_verb if f.noun and f.light_verb is not None else f.trigger]
    if f.noun and f.light_verb is None:
        return False
    words = view.clause_toks(tok.clause)
    if any(t.lower in ("man", "jeder", "jede", "niemand", "wer") for t in words):
        return True
    return tok.i > 0 and (view.toks[tok.i - 1].lower == "zu" or ("zu" in tok.lower[1:-3] and tok.lower != tok.lemma))


def _quoted_spans(view: SentenceView) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for t in view.toks:
        if t.quoted and t.word:
            if spans and spans[-1][1] >= t.start - 2:
                spans[-1] = (spans[-1][0], t.end)
            else:
                spans.append((t.start, t.end))
    return spans


def _present_participle(t: Tok) -> bool:
    return t.lower != t.lemma and t.lower.endswith(("end", "ende", "enden", "ender", "endes", "endem"))


def _adjacent(view: SentenceView, a: int, b: int) -> bool:
    """Two triggers close together with no coordination between them ("unterzeichneten ein
    Abkommen", "Abkommen ... wurden nicht unterzeichnet")."""
    lo, hi = min(a, b), max(a, b)
    return hi - lo <= 8 and not any(t.lower in ("und", "sowie", "oder") for t in view.toks[lo + 1:hi])


def _merge(view: SentenceView, frames: list[Frame]) -> list[Frame]:
    """One event per type and clause: a noun of the same type as a verb of its clause
    ("unterzeichneten ein Abkommen") adds its actors to the verb's event."""
    out: list[Frame] = []
    for f in frames:
        clause = view.toks[f.trigger].clause
        twin = next((g for g in out if g.type == f.type and view.toks[g.trigger].clause == clause
                     and g.noun != f.noun and _adjacent(view, g.trigger, f.trigger)), None)
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
