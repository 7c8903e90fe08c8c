"""How sure the extractor is of an event's type and actors, from how the event was built.

The score is a logistic model over features of the construction, never of the words: the
trigger's kind (verb, noun, light verb) and type group, how each actor was attached (subject
before or after the finite verb, another clause, a relative clause's antecedent, a genitive or
possessor, a compound, a prepositional phrase, a coordination, a country adjective), the actors'
entity labels and lengths, the distance between trigger and actors, the sentence's length and
clause count, passive and object-first cues, direct speech, modality and attribution.

Weights and the threshold live in ``data/confidence.tsv`` (fitted by
``scripts/events_confidence.py`` on all annotated gold splits, threshold chosen by
leave-one-set-out; see docs/events.md). Events scoring below the threshold are not reported;
the others carry their score in ``Event.confidence``.
"""

from __future__ import annotations

import math
from importlib import resources
from typing import TYPE_CHECKING, Mapping

from chronik.events.frames import SPEECH
from chronik.events.lexicon import EventType
from chronik.events.view import SentenceView
from chronik.model import Event

if TYPE_CHECKING:  # pragma: no cover
    from chronik.events.frames import Frame
    from chronik.events.roles import RoleFinder

ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})


def type_group(etype: EventType) -> str:
    """The group a type's weights are shared in (symmetric types as the inventory marks them)."""
    name = etype.name
    if name == "STATEMENT":
        return "statement"
    if name in SPEECH:
        return "speech"
    if etype.symmetric:
        return "symmetric"
    return name.lower() if name in ("ACQUIRE", "LEADERSHIP", "SUPPORT", "ATTACK") else "other"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


class Confidence:
    """Scores events; holds the weights (a feature -> weight map, a bias and a threshold)."""

    def __init__(self, weights: Mapping[str, float] | None = None, bias: float = 0.0,
                 threshold: float = 0.0) -> None:
        if weights is None:
            weights, bias, threshold = load_weights()
        self.weights = dict(weights)
        self.bias = bias
        self.threshold = threshold

    def score(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def features(self, view: SentenceView, f: "Frame", event: Event, roles: "RoleFinder") -> dict[str, float]:
        toks = view.toks
        trig = toks[f.trigger]
        anchor = toks[f.anchor]
        out: dict[str, float] = {}

        def on(name: str) -> None:
            out[name] = 1.0

        kind = "lvc" if f.light_verb is not None else "noun" if f.noun else "verb"
        group = type_group(roles.lexicon.types[f.type])
        on(f"kind={kind}")
        on(f"type={group}")
        on(f"type.kind={group}.{kind}")
        src, tgt = f.roles.source, f.roles.target
        n = len(event.actors)
        on(f"actors={min(n, 3)}")
        if not src:
            on("no_source")
        if not tgt:
            on("no_target")
        if f.roles.countries:
            on("country_adjective")
        if f.common_source:
            on("common_source")
        clause = view.clauses[anchor.clause]
        finite = roles.finite(view, f.anchor) if not f.noun or f.light_verb is not None else None
        distances = []
        for role, phrases in (("src", src), ("tgt", tgt)):
            for p in phrases:
                ph = view.phrases[p]
                label = view.labels.get(ph.mention, "?")
                on(f"{role}.label={label}")
                size = ph.last - ph.head_first + 1
                if size == 1:
                    on(f"{role}.one_word")
                    if label == "PER":
                        on(f"{role}.one_word_per")
                distances.append(min(abs(ph.first - f.trigger), abs(ph.last - f.trigger)))
                for how in _attachment(view, ph, f, anchor, clause, finite):
                    on(f"{role}.{how}")
                if sum(1 for q in view.phrases if q.group == ph.group and q.clause == ph.clause) > 1:
                    on(f"{role}.coordinated")
        used = set(src) | set(tgt)
        for ph in view.phrases:
            if ph.index in used or view.labels.get(ph.mention) not in ("PER", "ORG"):
                continue
            on("unused_name")  # a person or organisation in the sentence that is no actor
            if ph.clause == anchor.clause and not ph.prep:
                on("unused_name_clause")
        if distances:
            on(f"distance{_bucket(max(distances), (2, 5, 10))}")
        on(f"words{_bucket(len(toks), (12, 25, 40))}")
        on(f"clauses{_bucket(len(view.clauses), (1, 3, 5))}")
        if len(view.phrases) > 4:
            on("many_names")
        if not f.noun and roles.is_passive(view, trig):
            on("passive")
        first = toks[clause.first]
        if first.lower in ARTICLES and not clause.opener and src and all(view.phrases[p].first > f.anchor for p in src):
            on("object_first")  # "Das ... Geschäft will Osram verkaufen": an article first, the source after the verb
        if trig.quoted:
            on("quoted")
        if clause.relative:
            on("relative_clause")
        elif clause.opener:
            on("subordinate_clause")
        if view.headline:
            on("headline")
        if event.modality != "asserted":
            on(f"modality={event.modality}")
        if event.attribution and f.type not in SPEECH:
            on("attributed")
        return out


def _attachment(view: SentenceView, ph, f: "Frame", anchor, clause, finite: int | None) -> list[str]:
    """How one actor phrase stands to the trigger (several may hold)."""
    out = []
    if ph.modifies is not None:
        out.append("genitive" if ph.modifies == f.trigger else "genitive_other")
    if ph.compound_of is not None:
        out.append("compound")
    if ph.prep:
        out.append("pp")
        if ph.prep in ("von", "durch"):
            out.append("pp_agent")
    if clause.relative and clause.antecedent == ph.index:
        out.append("antecedent")
    elif ph.clause != anchor.clause:
        out.append("other_clause")
    elif not ph.prep and ph.modifies is None and ph.compound_of is None:
        if finite is not None:
            out.append("before_verb" if ph.last < finite else "after_verb")
        else:
            out.append("bare")
    if ph.titles:
        out.append("titled")
    return out


def load_weights() -> tuple[dict[str, float], float, float]:
    """The shipped weights: ``feature<TAB>weight`` lines, ``#bias`` and ``#threshold`` rows."""
    text = resources.files("chronik.events.data").joinpath("confidence.tsv").read_text(encoding="utf-8")
    weights: dict[str, float] = {}
    bias = threshold = 0.0
    for line in text.splitlines():
        if not line.strip() or line.startswith("# "):
            continue
        key, value = line.split("\t")[:2]
        if key == "#bias":
            bias = float(value)
        elif key == "#threshold":
            threshold = float(value)
        else:
            weights[key] = float(value)
    return weights, bias, threshold
