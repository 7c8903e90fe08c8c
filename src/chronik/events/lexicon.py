"""The event inventory and the trigger lexicon, read from the data files next to this module.

``data/inventory.tsv``: the event types, with their PLOVER counterpart, whether they are
symmetric (coordinated subjects are all sources) and what a named entity in a prepositional
phrase is to them. Per language (``data/de``, ``data/en``): ``verbs.tsv`` (verb lemmas),
``nouns.tsv`` (nominalisations), ``lvc.tsv`` (light-verb constructions), ``lists.tsv`` (word
lists used by trigger conditions) and ``cues.tsv`` (modality and attribution cues).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Mapping

from chronik.errors import ConfigError

DATA = "chronik.events"
ROLES = ("source", "target", "place")


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    plover: str
    symmetric: bool
    preps: Mapping[str, tuple[str, ...]]  # preposition -> roles ("target", "place", ...)
    definition: str


@dataclass(frozen=True, slots=True)
class Condition:
    """One test on a candidate event: ``kind`` with an optional ``arg`` (see verbs.tsv)."""

    kind: str
    arg: str = ""


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a trigger word: its type and the conditions under which it holds."""

    type: str
    conditions: tuple[Condition, ...] = ()
    report: bool = False  # a reporting verb: its speaker is the attribution of what it reports
    genitive: str = "source"  # nouns: the role of a genitive or "von" name
    compound: bool = False  # nouns: may be the head of a compound ("Waffenlieferung")


@dataclass(frozen=True, slots=True)
class LightVerb:
    noun: str
    verb: str
    type: str
    trigger: str  # "noun" or "verb"
    before: str = ""  # the stem of the word that must stand right before the noun ("grün" for "grünes Licht")
    preps: tuple[tuple[str, str], ...] = ()  # roles that differ from the type's ("von" gives: "grünes Licht von X")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the extractor knows about one language."""

    lang: str
    types: Mapping[str, EventType]
    verbs: Mapping[str, tuple[Sense, ...]]
    nouns: Mapping[str, tuple[Sense, ...]]
    light_verbs: Mapping[str, tuple[LightVerb, ...]]  # by noun lemma
    lists: Mapping[str, frozenset[str]]
    cues: Mapping[str, frozenset[str]]
    noun_heads: tuple[str, ...] = field(default=())  # compoundable noun lemmas, longest first
    function_words: frozenset[str] = field(default=frozenset())  # determiners, prepositions, pronouns...
    _nouns_seen: dict = field(default_factory=dict, compare=False, repr=False)  # lemma -> noun_senses()
    _light_seen: dict = field(default_factory=dict, compare=False, repr=False)  # lemma -> light_verbs_for()
    _suffixes: dict = field(default_factory=dict, compare=False, repr=False)  # lowercase heads, built on first use

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())

    def noun_senses(self, lemma: str) -> tuple[str, tuple[Sense, ...]] | None:
        """The senses of a noun lemma, exactly or as the head of a compound (memoised)."""
        if lemma not in self._nouns_seen:
            self._nouns_seen[lemma] = self._noun_senses(lemma)
        return self._nouns_seen[lemma]

    def light_verbs_for(self, lemma: str) -> tuple[LightVerb, ...]:
        """Light-verb constructions of a noun (or adjective) lemma, exactly or as a compound
        head ("Soforthilfe" -> "Hilfe"); memoised."""
        if lemma not in self._light_seen:
            found: tuple[LightVerb, ...] = ()
            if lemma not in self.lists.get("noun_not", ()):
                found = self.light_verbs.get(lemma, ())
                low = lemma.lower()
                if not found and lemma[:1].isupper():
                    index = self._index("light", (n for n in self.light_verbs if len(n) > 4))
                    head = next((index[low[k:]] for k in range(3, len(low) - 4) if low[k:] in index), None)
                    found = self.light_verbs[head] if head is not None else ()
            self._light_seen[lemma] = found
        return self._light_seen[lemma]

    def _noun_senses(self, lemma: str) -> tuple[str, tuple[Sense, ...]] | None:
        if lemma in self.nouns:
            return lemma, self.nouns[lemma]
        if lemma in self.lists.get("noun_not", ()):
            return None
        low = lemma.lower()
        index = self._index("nouns", self.noun_heads)
        for k in range(3, len(low)):  # longest head first, as in ``noun_heads``
            head = index.get(low[k:])
            if head is not None:
                senses = tuple(s for s in self.nouns[head] if s.compound)
                if senses:
                    return head, senses
        return None

    def _index(self, name: str, words) -> dict[str, str]:
        """Lowercase word -> the first word with that lowercase form (built once per lexicon)."""
        if name not in self._suffixes:
            index: dict[str, str] = {}
            for w in words:
                index.setdefault(w.lower(), w)
            self._suffixes[name] = index
        return self._suffixes[name]

    def in_list(self, name: str, lemma: str) -> bool:
        """Whether ``lemma`` (or its compound head) is in word list ``name``."""
        words = self.lists.get(name)
        if not words:
            return False
        if lemma in words or ("ß" in lemma and lemma.replace("ß", "ss") in words):  # "Beschluß": the old spelling
            return True
        low = lemma.lower().replace("ß", "ss")
        return any(len(low) > len(w) + 2 and low.endswith(w.lower()) for w in words)


def _rows(lang_or_root: str, name: str) -> list[list[str]]:
    path = resources.files(DATA).joinpath("data", *lang_or_root.split("/"), name) if lang_or_root else \
        resources.files(DATA).joinpath("data", name)
    try:
        text = path.read_text("utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ConfigError(f"event lexicon file missing: {path}") from exc
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append([c.strip() for c in line.split("\t")])
    return out


def _conditions(text: str) -> tuple[tuple[Condition, ...], bool]:
    """A row's conditions and its flags: the flags column starts with "|" ("- |report"); inside a
    condition "|" separates labels ("src:PER|ORG")."""
    report = False
    text = text.strip()
    if text.startswith("|") or " |" in text:
        text, flags = ("", text[1:]) if text.startswith("|") else text.split(" |", 1)
        report = "report" in flags.split(",")
    conds = []
    for part in text.split(","):
        part = part.strip()
        if not part or part == "-":
            continue
        kind, _, arg = part.partition(":")
        conds.append(Condition(kind, arg))
    return tuple(conds), report


def load_inventory() -> dict[str, EventType]:
    types = {}
    for row in _rows("", "inventory.tsv"):
        name, plover, symmetric, preps, definition = row[:5]
        table: dict[str, tuple[str, ...]] = {}
        for item in preps.split():
            if item == "-":
                continue
            prep, _, roles = item.partition(":")
            table[prep] = tuple(r for r in roles.split("+") if r in ROLES)
        types[name] = EventType(name, plover, symmetric == "yes", table, definition)
    return types


def load_lexicon(lang: str = "de") -> Lexicon:
    """The lexicon of ``lang`` (``de`` or ``en``)."""
    if lang not in ("de", "en"):
        raise ConfigError(f"no event lexicon for language {lang!r}")
    types = load_inventory()
    verbs: dict[str, list[Sense]] = {}
    for row in _rows(lang, "verbs.tsv"):
        lemma, typ = row[0], row[1]
        conds, report = _conditions(" ".join(row[2:]) if len(row) > 2 else "-")
        _check_type(typ, types, lemma)
        verbs.setdefault(lemma, []).append(Sense(typ, conds, report))
    nouns: dict[str, list[Sense]] = {}
    for row in _rows(lang, "nouns.tsv"):
        lemma, typ, genitive, compound = row[:4]
        conds, report = _conditions(row[4] if len(row) > 4 else "-")
        _check_type(typ, types, lemma)
        nouns.setdefault(lemma, []).append(Sense(typ, conds, report, genitive, compound == "yes"))
    light: dict[str, list[LightVerb]] = {}
    for row in _rows(lang, "lvc.tsv"):
        noun, verb, typ, trigger = row[:4]
        _check_type(typ, types, f"{noun} {verb}")
        before, _, noun = noun.rpartition(" ")
        preps = tuple(tuple(pr.split(":", 1)) for pr in row[4].split()) if len(row) > 4 else ()
        if any(len(pr) != 2 or pr[1] not in ("source", "target") for pr in preps):
            raise ConfigError(f"event lexicon: {noun!r} {verb!r} has a bad role column {row[4]!r}")
        light.setdefault(noun, []).append(LightVerb(noun, verb, typ, trigger, before, preps))
    lists = {row[0]: frozenset(" ".join(row[1:]).split()) for row in _rows(lang, "lists.tsv")}
    cues = {row[0]: frozenset(" ".join(row[1:]).split()) if len(row) > 1 else frozenset()
            for row in _rows(lang, "cues.tsv")}
    heads = tuple(sorted((n for n, ss in nouns.items() if any(s.compound for s in ss)), key=len, reverse=True))
    function_words = frozenset().union(*(cues.get(c, frozenset()) for c in (
        "determiners", "prepositions", "pronouns", "coordinators", "subordinators", "relative_pronouns",
        "negation", "reflexive")))
    return Lexicon(lang=lang, types=types, verbs={k: tuple(v) for k, v in verbs.items()}, function_words=function_words,
                   nouns={k: tuple(v) for k, v in nouns.items()},
                   light_verbs={k: tuple(v) for k, v in light.items()}, lists=lists, cues=cues,
                   noun_heads=heads)


def _check_type(typ: str, types: Mapping[str, EventType], where: str) -> None:
    if typ not in types:
        raise ConfigError(f"event lexicon: {where!r} has unknown type {typ!r}")
