"""The ``events`` stage: event mentions with type, actors, time, place, attribution, modality.

Per sentence: find trigger candidates (verb lemmas, separable verbs, nominalisations, light-verb
constructions), give each its roles (:mod:`chronik.events.roles`) and keep the first reading
whose conditions hold; then attribution (:mod:`chronik.events.attribution`), modality
(:mod:`chronik.events.modality`), time and place (:mod:`chronik.events.context`).

Precision first: a noun needs a participant, a STATEMENT a named speaker (or a country's state
collective in the speaker's place: "Das ägyptische Außenministerium teilte mit"), a headline or caption
without a finite verb yields nothing, and lines with photo credits are skipped.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from typing import ClassVar, Mapping

from chronik.events.analysis import analyse
from chronik.events.attribution import (PRONOUNS, Attribution, AttributionFinder, anonymous_text, cue_text,
                                        reports_back)
from chronik.events.confidence import Confidence
from chronik.events.context import ActorNames, TimeLine
from chronik.events.frames import SPEECH, Frame, FrameFinder
from chronik.events.happening import Happening
from chronik.events.lexicon import Lexicon, load_lexicon
from chronik.events.mentions import bodies_at_places, compound_parts, institutions, repair
from chronik.events.modality import ModalityFinder, announces
from chronik.events.reliability import Reliability, actor_label_ok, actor_texts
from chronik.events.roles import RoleFinder
from chronik.events.verbs import PARTICLES, is_finite_like, separable
from chronik.events.view import SentenceView, Tok
from chronik.events.voice import INSEPARABLE
from chronik.model import Actor, Article, Event, Sentence, Span
from chronik.text import SentenceSplitter
from chronik.text.lemmas import Lemmatizer
from chronik.text.tokens import TOKEN_RE

_CAPTION = re.compile(r"©|\b(?:Foto|Fotos|Bild|Bilder|Quelle|Grafik)\s*:|\(Foto|\bPhoto\s*:"
                      r"|(?<!\()(?<!\( )\b(?:AFP|dpa|AP|SID|Reuters|EPA|APA|KNA|epd|ddp|Getty Images|imago)\s?/\s?[A-Z]\w*")


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractorOptions:
    """``lang``: lexicon language (None: the article's, German by default); ``statements``:
    emit STATEMENT events; ``headlines``: events from lines without final punctuation when
    the trigger's clause has a finite verb; ``inherit``: how many sentences back a time or an
    attribution is inherited; ``types``: keep only these types (None: all); ``min_confidence``:
    events scoring below it are not reported (None: the shipped model's threshold, 0: keep all)."""

    lang: str | None = None
    statements: bool = True
    headlines: bool = True
    inherit: int = 3
    types: tuple[str, ...] | None = None
    min_confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Parts:
    """What the extractor holds per language."""

    lexicon: Lexicon
    lemmatizer: Lemmatizer
    roles: RoleFinder
    attributions: AttributionFinder
    modality: ModalityFinder
    known: frozenset[str]  # verb lemmas worth looking at
    frames: FrameFinder
    bases: frozenset[str]  # verb lemmas and the bases of separable ones ("laden" for "einladen")
    reliability: Reliability
    happening: Happening
    confidence: Confidence
    seen: dict[tuple[str, bool], bool] = field(default_factory=dict, compare=False, repr=False)
    words: dict[str, tuple[str, str, bool]] = field(default_factory=dict, compare=False, repr=False)

    def word(self, w: str) -> tuple[str, str, bool]:
        """(lowercase, lemma, could take part in a trigger) of a token text (memoised)."""
        found = self.words.get(w)
        if found is None:
            lower, lemma = w.lower(), self.lemmatizer.lemma(w)
            if lemma == w and w.islower():
                lemma = self._participle_verb(w) or lemma
            found = (lower, lemma, self.candidate(Tok(i=0, start=0, end=0, text=w, lower=lower, lemma=lemma)))
            if len(self.words) < 200_000:
                self.words[w] = found
        return found

    def _participle_verb(self, w: str) -> str | None:
        """The verb of a participle the dictionary lacks: of an -ieren verb ("bombardiert",
        "sanktioniert"), of a separable verb in -t, or with an inseparable prefix in -en."""
        if w.endswith("iert") and w[:-4] + "ieren" in self.bases:
            return w[:-4] + "ieren"
        if w.endswith("t"):
            return self._separable_participle(w)
        if w.endswith("en"):
            return self._prefixed_participle(w)
        return None

    def _separable_participle(self, w: str) -> str | None:
        """The verb of a weak participle of a separable verb the dictionary lacks, when the extractor
        knows that verb (a trigger, a light verb or a verb whose object names its agent): particle,
        "ge", stem, "t" ("abgefeuert" -> "abfeuern", "eingefädelt" -> "einfädeln")."""
        agentive = self.lexicon.lists.get("noun_agent_verbs", frozenset())
        for particle in PARTICLES:
            if w.startswith(particle + "ge") and len(w) > len(particle) + 4:
                stem = w[len(particle) + 2:-1]
                for verb in (particle + stem + "en", particle + stem + "n"):
                    if verb in self.known or verb in agentive:
                        return verb
        return None

    def _prefixed_participle(self, w: str) -> str | None:
        """The verb of a strong participle with an inseparable prefix the dictionary lacks, read
        through the participle with "ge" ("beschossen": "geschossen" is "schießen", so
        "beschießen"), when the extractor knows that verb. (Weak ones in -t are left alone:
        "bestreikt" as a trigger cost precision on the gold set, see docs/events.md.)"""
        for prefix in INSEPARABLE:
            if prefix != "ge" and w.startswith(prefix) and len(w) > len(prefix) + 4:
                base = self.lemmatizer.lemma("ge" + w[len(prefix):])
                if base != "ge" + w[len(prefix):] and prefix + base in self.known:
                    return prefix + base
        return None

    def candidate(self, t: Tok) -> bool:
        """Whether a token could take part in a trigger (a cheap test before the analysis)."""
        if t.lemma in self.bases or t.lower in self.bases:
            return True
        if not t.word:
            return False
        key = (t.lemma, t.cap)
        found = self.seen.get(key)
        if found is None:
            found = (t.cap and self.lexicon.noun_senses(t.lemma) is not None) or bool(self.lexicon.light_verbs_for(t.lemma))
            if len(self.seen) < 200_000:
                self.seen[key] = found
        return found


@dataclass(slots=True)
class _State:
    """What carries over from one sentence to the next within an article."""

    last_attribution: tuple[int, Attribution] | None = None
    last_person: tuple[int, str] | None = None
    events: list[Event] = field(default_factory=list)
    features: list[dict[str, float]] = field(default_factory=list)  # per event: how it was built
    actor_texts: frozenset[str] = frozenset()  # names the tagger labels PER, ORG or LOC somewhere
    threshold: float = 0.0  # events whose confidence is below it are not reported


class EventExtractor:
    """Fills ``article.events``. Lexicons, lemmatisers and the country-adjective resolver are
    built on first use and held by the object (not pickled)."""

    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences", "timexes", "mentions")
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, options: ExtractorOptions | None = None) -> None:
        self.options = options or ExtractorOptions()
        self._parts: dict[str, Parts] = {}
        self._demonyms = None
        self._demonyms_tried = False

    def __getstate__(self) -> dict:
        return {"options": self.options}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["options"])

    def __call__(self, article: Article) -> Article:
        return article.replace(events=self.extract(article))

    # -- parts ------------------------------------------------------------------------------

    def parts(self, lang: str) -> "Parts":
        if lang not in self._parts:
            lexicon = load_lexicon(lang)
            known = frozenset(lexicon.verbs) | {lv.verb for lvs in lexicon.light_verbs.values() for lv in lvs} \
                | lexicon.cue("planned_lemmas")
            roles = RoleFinder(lexicon)
            bases = set(known)
            for lemma in known:
                for particle in PARTICLES:
                    if lemma.startswith(particle) and len(lemma) > len(particle) + 2:
                        bases.add(lemma[len(particle):])
            self._parts[lang] = Parts(lexicon=lexicon, lemmatizer=Lemmatizer(lang), roles=roles,
                                      attributions=AttributionFinder(lexicon), modality=ModalityFinder(lexicon),
                                      known=known, frames=FrameFinder(lexicon, roles, known, self.country),
                                      bases=frozenset(bases), reliability=Reliability(
                                          lang, lexicon.cue("source_nouns"), lexicon.cue("not_names"),
                                          inanimate=lexicon.cue("inanimate_subjects"),
                                          reader=lexicon.cue("reader_address"), indefinite=lexicon.cue("indefinite")),
                                      happening=Happening(lexicon), confidence=Confidence())
        return self._parts[lang]

    def country(self, adjective: str) -> str | None:
        """The country a country adjective names ("nordkoreanische" -> Nordkorea), if the entity
        package's demonym data is available."""
        demonyms = self._load_demonyms()
        if demonyms is None:
            return None
        place = demonyms.country(adjective)
        return place.name if place is not None else None

    def part_label(self, word: str, head: str, parts: "Parts") -> str | None:
        """The label of a compound's first part that names who the compound's head stands for or
        what it is about: a country before a state organ ("US-Regierung", ``state_organs``) or an
        event noun ("Syrien-Einmarsch"); an acronym (:meth:`Reliability.acronym_name`) before a
        spokesperson noun ("EU-Partner", "UN-Vertreter"), a state organ, an organ of the
        organisation ("EU-Kommission", ``body_organs``) or an event noun. A country's companies
        and press speak for themselves ("US-Konzern", "US-Medien")."""
        lexicon = parts.lexicon
        if not head[:1].isupper():
            return None
        event = lexicon.noun_senses(parts.lemmatizer.lemma(head)) is not None
        if self.country_name(word) is not None:
            return "LOC" if event or head in lexicon.cue("state_organs") else None
        if parts.reliability.acronym_name(word) and (event or any(
                head in lexicon.cue(organs) for organs in ("spokesperson_nouns", "state_organs", "body_organs"))):
            return "ORG"
        return None

    def country_name(self, word: str) -> str | None:
        """The gazetteer's name of the country ``word`` names ("US" -> "USA"), if it names one."""
        demonyms = self._load_demonyms()
        place = demonyms.gazetteer.lookup(word) if demonyms is not None else None
        return place.name if place is not None and place.kind == "country" else None

    def _load_demonyms(self):
        """The entity package's demonyms and gazetteer, loaded on first use (None without them)."""
        if not self._demonyms_tried:
            self._demonyms_tried = True
            try:
                from chronik.entities.demonyms import Demonyms
                from chronik.entities.gazetteer import Gazetteer

                self._demonyms = Demonyms(Gazetteer())
            except (ImportError, OSError, ValueError):
                self._demonyms = None
        return self._demonyms

    # -- extraction -------------------------------------------------------------------------

    def extract(self, article: Article, names: Mapping[str, str] | None = None) -> tuple[Event, ...]:
        return tuple(self._run(article, names, self.options.min_confidence).events)

    def explain(self, article: Article, names: Mapping[str, str] | None = None) -> list[tuple[Event, dict]]:
        """Every event before the confidence threshold, with the features its confidence is computed
        from (for fitting and inspecting the model)."""
        state = self._run(article, names, 0.0)
        return list(zip(state.events, state.features))

    def _run(self, article: Article, names: Mapping[str, str] | None, threshold: float | None) -> _State:
        lang = self.options.lang or (article.lang if article.lang in ("de", "en") else "de")
        text = article.text
        sentences = article.sentences or (SentenceSplitter()(text) if text.strip() else ())
        state = _State()
        if not sentences:
            return state
        parts = self.parts(lang)
        ocr_pronouns = parts.lexicon.cue("ocr_pronouns")  # "Jch" for "Ich": a tagged pronoun names nobody
        fixed = bodies_at_places(text, [m for _, m in repair(text, article.mentions, parts.lemmatizer.lemma)
                                        if text[m.start:m.end] not in ocr_pronouns], parts.lexicon.cue("place_bodies"))
        fixed = sorted(fixed + institutions(text, fixed, parts.lexicon.cue("institutions")) + compound_parts(
            text, fixed, functools.partial(self.part_label, parts=parts)),
                       key=lambda m: (m.start, m.end))
        actor_names = ActorNames(article, fixed, names, self.country, self.country_name)
        starts = [s.start for s in sentences]
        timeline = TimeLine(article, starts, self.options.inherit)
        mentions = sorted(enumerate(fixed), key=lambda im: im[1].start)
        state.actor_texts = actor_texts(text, fixed)
        state.threshold = parts.confidence.threshold if threshold is None else threshold
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
        return state

    def _sentence(self, article, lang, no: int, sent: Sentence, mentions, names: ActorNames,
                  timeline: TimeLine, starts, state: _State) -> None:
        text = article.text
        end = sent.end
        caption = _CAPTION.search(text, sent.start, sent.end)
        if caption:
            end = caption.start()  # a photo credit: only what stands before it counts
        parts = self.parts(lang)
        lexicon, lemmatizer, attributions, modality, known = (parts.lexicon, parts.lemmatizer, parts.attributions,
                                                              parts.modality, parts.known)
        word = parts.word
        found_words = [(m.start(), m.end(), w, word(w))
                       for m in TOKEN_RE.finditer(text, sent.start, end) for w in (m.group(),)]
        if not found_words:
            return
        first = Tok(i=0, start=found_words[0][0], end=found_words[0][1], text=found_words[0][2],
                    lower=found_words[0][3][0], lemma=found_words[0][3][1])
        if first.cap and first.word:
            alt = lemmatizer.lemma(first.lower)
            if alt != first.lower and alt in known and first.lower.endswith(("t", "te", "ten", "en")) \
                    and lexicon.noun_senses(first.lemma) is None:
                first.lemma = alt  # "Unterzeichnet wurde ...": a verb at the start of the sentence
        if not (parts.candidate(first) if first.lemma != found_words[0][3][1] else found_words[0][3][2]) \
                and not any(info[2] for _, _, _, info in found_words[1:]):
            self._remember(names, state, no, mentions, [])  # nothing that could trigger an event
            return
        toks = [first]
        toks.extend(Tok(i=i, start=a, end=b, text=w, lower=info[0], lemma=info[1])
                    for i, (a, b, w, info) in enumerate(found_words[1:], 1))
        sent = Sentence(start=sent.start, end=max(end, toks[-1].end))
        spans = [(t.start, t.end) for t in timeline.in_sentence(no)]
        view = analyse(text, sent.start, sent.end, toks, mentions, lexicon, spans)
        frames = parts.frames(view)
        if frames and not any(is_finite_like(t, lexicon) or (t.text.islower() and t.lower == t.lemma and t.lower in known
                                                             and not (t.i and toks[t.i - 1].lower == "zu")) for t in toks) \
                and not any(t.text.islower() and separable(toks, t.i, lexicon, known) for t in toks):
            # no finite verb: a caption, a verbless headline or a fragment (a verb whose particle stands
            # apart is finite: "Kim und Putin laden Xi ein", "gehen eine Partnerschaft ein")
            frames = []
        if view.headline:
            frames = [f for f in frames if self.options.headlines and not f.noun or f.light_verb is not None]
            frames = [f for f in frames if any(is_finite_like(t, lexicon) for t in view.clause_toks(
                view.toks[f.light_verb if f.light_verb is not None else f.trigger].clause))]
        generic, demonyms = lexicon.cue("generic_org_nouns"), lexicon.cue("demonyms")
        descriptions, counts = lexicon.cue("description_heads"), lexicon.cue("count_words")
        for f in frames:
            kept = [p for p in f.roles.source
                    if actor_label_ok(view, p, state.actor_texts, generic, demonyms, descriptions, counts)]
            f.common_source = bool(f.roles.source) and not kept and all(
                actor_label_ok(view, p, state.actor_texts) for p in f.roles.source)
            f.roles.source[:] = kept
            f.roles.target[:] = [p for p in f.roles.target
                                 if actor_label_ok(view, p, state.actor_texts, generic, demonyms, descriptions, counts)]
        if not frames:
            self._remember(names, state, no, mentions, [])
            return
        found = self._attributions(view, frames, names, attributions, state, no)
        events = []
        for f in frames:
            if f.type == "STATEMENT" and (not self.options.statements or not (
                    f.roles.source or any(role == "source" for _, role in f.roles.countries))):
                continue
            if self.options.types is not None and f.type not in self.options.types:
                continue
            if _habitual(view, f, lexicon):
                continue  # "hätten schon immer ... eingeladen", "liefern ... täglich": no single event
            event = self._event(article, view, no, f, frames, found, names, timeline, starts, modality)
            if not event.actors and (event.modality in ("speculative", "negated") or _generic(view, f, lexicon)):
                continue  # "müsste ... akzeptieren", "bestreiten auch die Löwen nicht": nobody in particular
            if not parts.reliability.keep(view, f, event):
                continue  # actors that cannot be trusted: a missed name, a stray mention, direct speech
            if not parts.happening.keep(view, f, event, frames):
                continue  # urged, wished, hypothetical or counted: not something that happened
            features = parts.confidence.features(view, f, event, parts.roles)
            sure = parts.confidence.score(features)
            if sure < state.threshold:
                continue  # built in a way that is often wrong: not sure enough to report
            events.append(event.replace(confidence=round(sure, 3)))
            state.features.append(features)
        state.events.extend(events)
        self._remember(names, state, no, mentions, found)

    # -- frames -----------------------------------------------------------------------------

    # -- attribution --------------------------------------------------------------------------

    def _attributions(self, view, frames, names: ActorNames, finder: AttributionFinder, state: _State,
                      no: int) -> list[Attribution]:
        last_speaker = self._last_speaker(state, no)
        # a pronoun speaker stands for a name of the sentence before, not one further back ("Auch
        # in Serbien gingen Studenten auf die Straße. Sie fordern ...": not the speaker before that)
        near_speaker = self._last_speaker(state, no, window=1)
        name_of = lambda ph: names.name(ph.mention, _inflected_genitive(ph))  # noqa: E731
        found: list[Attribution] = []
        for k, f in enumerate(frames):
            if not f.sense.report and f.type not in SPEECH:
                continue
            countries = [country for country, role in f.roles.countries if role == "source"]
            if f.roles.source:
                speaker = ", ".join(self._speaker_name(view, names, p, f.trigger) for p in f.roles.source)
            elif countries:  # "Das ägyptische Außenministerium teilte mit": Ägypten
                speaker = ", ".join(countries)
            elif finder.pronoun_subject(view, f.trigger):
                persons = [ph for ph in view.phrases if ph.last < f.trigger and view.labels.get(ph.mention) == "PER"]
                speaker = names.name(persons[-1].mention, False) if persons else near_speaker
            elif f.type == "STATEMENT" and not f.noun:
                speaker = finder.speaker_phrase(view, f.trigger)
                if speaker in PRONOUNS:
                    speaker = near_speaker
            else:
                speaker = None
            if speaker:
                f.own_speaker = speaker
                found.append(Attribution(speaker, cue_text(view, f), f.trigger, k))
        found.extend(finder.phrases(view, name_of, last_speaker))
        anon = finder.anonymous_cue(view)
        if anon is not None and state.last_attribution and no - state.last_attribution[0] <= self.options.inherit:
            found.append(Attribution(state.last_attribution[1].source, anonymous_text(view, anon), anon))
        if not found and state.last_attribution and no - state.last_attribution[0] <= 1 and finder.indirect(view):
            found.append(Attribution(state.last_attribution[1].source, state.last_attribution[1].cue, -1))
        return found

    def _speaker_name(self, view: SentenceView, names: ActorNames, p: int, trigger: int) -> str:
        """The name of speaker phrase ``p``, with the noun it belongs to ("Sprecher des Kremls"),
        unless that noun is the speech act itself ("den Vorwürfen der SEC": SEC)."""
        ph = view.phrases[p]
        i = ph.modifies if ph.modifies is not None else ph.compound_of
        if i is not None and i != trigger:
            lo, hi = min(ph.first, i), max(ph.last, i)
            words = [t.text for t in view.toks[lo:hi + 1] if t.lower not in ("ein", "eine", "der", "die", "das")]
            return " ".join(words)
        return names.name(ph.mention, False)

    def _last_speaker(self, state: _State, no: int, window: int | None = None) -> str | None:
        cands = []
        window = self.options.inherit if window is None else window
        if state.last_attribution and no - state.last_attribution[0] <= window:
            cands.append(state.last_attribution)
        if state.last_person and no - state.last_person[0] <= 1:
            cands.append(state.last_person)
        if not cands:
            return None
        best = max(cands, key=lambda c: c[0])
        return best[1].source if isinstance(best[1], Attribution) else best[1]

    def _remember(self, names: ActorNames, state: _State, no: int, mentions, found) -> None:
        named = [a for a in found if a.source and a.source not in PRONOUNS]
        if named:
            state.last_attribution = (no, named[-1])
        persons = [index for index, m in mentions if m.label == "PER"]
        if persons:
            state.last_person = (no, names.name(persons[-1], False))

    # -- events -------------------------------------------------------------------------------

    def _event(self, article, view: SentenceView, no: int, f: Frame, frames, found, names: ActorNames,
               timeline: TimeLine, starts, modality: ModalityFinder) -> Event:
        tok = view.toks[f.trigger]
        actors = self._actors(view, f, names)
        clause = view.clauses[tok.clause]
        span = (view.toks[clause.first].start, view.toks[clause.last].end)
        elsewhere = [(view.toks[c.first].start, view.toks[c.last].end) for c in view.clauses
                     if (c.relative or c.opener) and c.index != tok.clause]
        when, _ = timeline.pick(no, tok.start, span, starts, statement=f.sense.report and f.own_speaker is not None,
                                quoted=_quoted_spans(view), elsewhere=elsewhere)
        attribution = self._choose_attribution(view, f, frames, found, modality.planned_lemmas)
        mood = self._modality(view, f, frames, attribution, modality, timeline.after(when.value))
        place = None
        if f.roles.place is not None:
            ph = view.phrases[f.roles.place]
            place = names.name(ph.mention, _inflected_genitive(ph))
        digest = hashlib.sha1(f"{article.id}|{tok.start}|{f.type}".encode()).hexdigest()[:12]
        return Event(id=f"ev-{digest}", article=article.id, sentence=no,
                     trigger=Span(start=tok.start, end=tok.end, label=f.type), type=f.type, actors=actors,
                     time=when, place=place, attribution=attribution.source if attribution else None,
                     attribution_cue=attribution.cue if attribution else None, modality=mood)

    def _actors(self, view: SentenceView, f: Frame, names: ActorNames) -> tuple[Actor, ...]:
        out: list[Actor] = []
        seen: set[tuple[str, str]] = set()
        for role, phrases in (("source", f.roles.source), ("target", f.roles.target)):
            for p in phrases:
                ph = view.phrases[p]
                name = names.name(ph.mention, _inflected_genitive(ph))
                if (name, role) not in seen:
                    seen.add((name, role))
                    out.append(Actor(name=name, entity=names.entity(ph.mention), role=role))
        for country, role in f.roles.countries:
            if (country, role) not in seen and not any(a.name == country for a in out):
                seen.add((country, role))
                out.append(Actor(name=country, entity=None, role=role))
        return tuple(out)

    def _choose_attribution(self, view: SentenceView, f: Frame, frames, found,
                            announcing: frozenset[str] = frozenset()) -> Attribution | None:
        if f.own_speaker:
            return Attribution(f.own_speaker, cue_text(view, f), f.trigger)
        me = frames.index(f)
        clause = view.toks[f.trigger].clause
        cands = []
        for a in found:
            if a.frame == me:
                continue
            if a.frame is not None and a.token >= 0 and view.toks[a.token].clause == clause and not (
                    announces(view, frames[a.frame], f, announcing) and frames[a.frame].roles.source):
                continue  # the reporting clause's own arguments are the journalist's framing (but what it
                # announces is the announcer's: "Verdi kündigt Streiks an")
            if a.frame is not None and a.token >= 0 and view.clauses[view.toks[a.token].clause].opener == "wie" \
                    and not 0 < view.toks[a.token].clause - clause <= 2 and not _leading_wie(view, a.token, clause):
                continue  # "..., wie ein Sprecher erklärte" vouches for what stands right before it, "Wie Verdi
                # mitteilte, ..." for the rest of the sentence
            if a.frame is not None and a.token >= 0 and not reports_back(view, a.token) and a.token > f.trigger:
                continue  # "X sagte, ..." and "bekräftigte seinen Willen, ..." report what follows
            if f.aside and a.token > f.trigger:
                continue  # "Hr. Müller, aufgefordert, ..., erklärt": the writer's aside, not what Müller says
            if a.frame is not None and _about_speaker(view, clause, frames[a.frame]):
                continue  # "Nordkorea, das Russland mit Munition beliefert, bestreitet dies": the writer describes
                # the speaker; the speaker does not say it
            cands.append(a)
        if not cands:
            return None
        return min(cands, key=lambda a: abs(a.token - f.trigger) if a.token >= 0 else 10_000)

    def _modality(self, view: SentenceView, f: Frame, frames, attribution: Attribution | None,
                  finder: ModalityFinder, future_time: bool) -> str:
        f.modality = finder.mood(view, f, frames, attribution, future_time)
        return f.modality


def _habitual(view: SentenceView, f: Frame, lexicon) -> bool:
    tok = view.toks[f.anchor]
    habitual = lexicon.cue("habitual")
    words = view.clause_toks(tok.clause)
    return any(t.lower in habitual and not (t.lower == "immer" and t.i + 1 < len(view.toks)
                                             and view.toks[t.i + 1].lower in ("noch", "mehr"))
               for t in words)


def _leading_wie(view: SentenceView, i: int, clause: int) -> bool:
    """Reporting verb ``i`` stands in a "wie"-clause that opens the sentence, before clause
    ``clause`` ("Wie die Gewerkschaft Verdi mitteilte, legen die Mitarbeiter die Arbeit nieder")."""
    own = view.toks[i].clause
    first = next((t for t in view.toks if t.word), None)
    return own < clause and first is not None and first.clause == own and first.lower == "wie"


def _about_speaker(view: SentenceView, clause: int, speaker: Frame) -> bool:
    """Clause ``clause`` is a relative clause right after (behind a comma) a source of ``speaker``."""
    rel = view.clauses[clause]
    if not rel.relative or rel.antecedent not in speaker.roles.source:
        return False
    comma = rel.first if view.toks[rel.first].text == "," else rel.first - 1
    return view.phrases[rel.antecedent].last + 1 == comma


def _inflected_genitive(ph) -> bool:
    """A genitive name that may carry an "s" ("Kims Besuch", "des Kremls"); not one after a title
    noun, which stays uninflected ("des früheren Konkurrenten E-Plus"), nor one after "der": a
    feminine or plural genitive takes no "s" ("ein Angriff der Hamas"), nor one after a
    preposition ("der Sprecher von Siemens")."""
    return ph.modifies is not None and not ph.titles and ph.det != "der" and not ph.seat and not ph.von


_ABLE_MUST = frozenset("kann können könne muß muss müssen müsse darf dürfen dürfe".split())


def _generic(view: SentenceView, f: Frame, lexicon: Lexicon) -> bool:
    """A verb in a zu-infinitive without a controller, with "man"/"wer"/"jeder" as subject, with a
    present modal of ability or need, or in an impersonal passive ("Es wird verlangt, dass ...")."""
    tok = view.toks[f.anchor]
    if f.noun and f.light_verb is None:
        return False
    words = view.clause_toks(tok.clause)
    if any(t.lower in ("man", "jeder", "jede", "niemand", "niemanden", "wer") for t in words):
        return True
    nxt = view.toks[tok.i + 1].lower if tok.i + 1 < len(view.toks) else ""
    if not f.noun and (tok.lower == tok.lemma or nxt == "werden") and any(
            t.lower in _ABLE_MUST and not (t.i and view.toks[t.i - 1].lower == "zu") for t in words):
        return True  # "kann die Regierung die Genehmigung verweigern", "muß die Personalvertretung zustimmen",
        # "müssen Ausnahmen bewilligt werden": what may or must happen, not what happened (the past
        # "konnte ... verhaftet werden" did; "stimmt ... zu, ... können" is finite itself; "glaubten
        # zustimmen zu müssen" is past)
    if len(words) > 2 and words[0].text == "Es" and words[1].lower in lexicon.cue("impersonal_passive"):
        return True
    clause = view.clauses[tok.clause]
    if clause.relative and clause.antecedent is None:
        return True  # "Grenzschützer ..., die diese Aufgabe übernehmen sollen": an unnamed someone
    if clause.index > 0 and view.clauses[clause.index - 1].relative and not any(
            t.lower in ("ist", "sind", "wird", "werden", "wurde", "wurden", "hat", "haben") for t in words):
        prev = view.clauses[clause.index - 1]
        return prev.antecedent is None
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
