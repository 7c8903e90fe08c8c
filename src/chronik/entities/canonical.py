"""Canonical entities: mentions resolved within an article, then merged across articles.

Within an article (:func:`Canonicalizer.local_entities`):

* the same name (case, hyphens and umlaut spellings folded: "Kim Jong-un" = "Kim Jong Un")
  and its genitive ("Putins", "Russlands") are one entity;
* a lone name part joins the full person name it belongs to ("Putin" -> "Wladimir Putin",
  "Kim" -> "Kim Jong Un"), whatever label the tagger gave the lone part;
* places are resolved with the gazetteers, so exonyms and official names merge
  ("Pjöngjang" = "Pyongyang", "Demokratische Volksrepublik Korea" = "Nordkorea");
* an acronym joins the organisation whose initials it spells;
* titles and appositions are learned from the text: the noun right before a person
  ("Kremlchef Wladimir Putin", "die nordkoreanische Außenministerin Choe Son-hui") or after it
  ("An Chan-il, Direktor des ...") becomes an alias; a country adjective or a genitive country
  in the title ("nordkoreanische", "Russlands") becomes an affiliation with that country, and a
  title standing alone later ("der Kremlchef") becomes a mention of the one person bearing it.
  Country adjectives are never mentions of the country itself.

Across articles (:meth:`Canonicalizer.add`), local entities sharing a folded name, a
transliteration key ("Sergej Lawrow" = "Sergei Lavrov") or a gazetteer place merge, and a lone
surname joins the one person cluster whose full name ends with it. The result is a function of
the set of articles seen, so it does not depend on their order; a new batch merges into the
entities already there, and ids that a merge retired are reported in ``renamed``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from chronik.disjoint import DisjointSets
from chronik.entities.demonyms import Demonyms
from chronik.entities.gazetteer import BIG_CITY, Gazetteer, fold
from chronik.entities.titles import TitleFinder, genitive_stem
from chronik.model import Article, Entity, Mention

_STRIP = " \t\n\"'„“”«»‚‘’()[]{}.,;:!?"
_DETS = {"der", "die", "des", "dem", "den"}
_FUNCTION_WORDS = frozenset("der die das des dem den und fuer von vom in im am an auf zu zur zum of the and "
                            "for de du la le et".split())
_LABEL_RANK = {"PER": 0, "LOC": 1, "ORG": 2, "MISC": 3}
_TRANSLIT = (("tsch", "ch"), ("sch", "sh"), ("ch", "kh"), ("w", "v"), ("j", "y"), ("ij", "i"),
             ("yi", "i"), ("ei", "ey"), ("ey", "i"), ("ae", "a"), ("oe", "o"), ("ue", "u"))


@dataclass(frozen=True, slots=True, kw_only=True)
class CanonicalOptions:
    """``titles``: learn titles/appositions as aliases; ``surnames``: let a lone surname join
    the unique full name that ends with it, across articles; ``title_mentions``: a title used
    alone later ("der Kremlchef") becomes a mention of the one person of the article who bears it."""

    titles: bool = True
    surnames: bool = True
    title_mentions: bool = True
    window: int = 120  # characters before a person mention searched for a title


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """One entity within one article: its names (with counts), titles and mentions."""

    article: str
    label: str
    names: tuple[tuple[str, int], ...]
    titles: tuple[str, ...] = ()
    place: str | None = None
    affiliations: tuple[str, ...] = ()  # place ids
    mentions: tuple[int, ...] = ()  # indices into article.mentions

    @property
    def count(self) -> int:
        return len(self.mentions)


@dataclass(frozen=True, slots=True)
class Canonical:
    """What :meth:`Canonicalizer.add` returns."""

    entities: tuple[Entity, ...]
    articles: tuple[Article, ...]
    affiliations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # entity -> entities
    renamed: Mapping[str, str] = field(default_factory=dict)  # retired id -> current id


def translit_key(name: str) -> str:
    """A coarse key under which German and English transliterations agree (Lawrow/Lavrov)."""
    key = fold(name)
    for a, b in _TRANSLIT:
        key = key.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", key)


def _place_variants(name: str) -> list[str]:
    """``name``, its genitive stem and its uninflected forms ("Demokratischen Volksrepublik Korea",
    "Vereinigten Staaten", "Vereinigte Königreich")."""
    out = [name]
    if stem := genitive_stem(name):
        out.append(stem)
    words = name.split()
    if len(words) > 1:
        base = [re.sub(r"(?<=[a-zäöü])e[nmrs]$", "e", w) for w in words]
        if base != words:
            out.append(" ".join(base))
        # the adjectives only, weak or strong ("Vereinigten Staaten", "das Vereinigte Königreich")
        for ending in ("e", "es", "er"):
            head = [re.sub(r"(?<=[a-zäöü])e[nmrs]?$", ending, w) for w in words[:-1]] + words[-1:]
            if head != words and " ".join(head) not in out:
                out.append(" ".join(head))
    return out


class Canonicalizer:
    """Holds the local entities of every article seen; ``add`` merges a new batch in."""

    def __init__(self, options: CanonicalOptions | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.options = options or CanonicalOptions()
        self.gazetteer = gazetteer or Gazetteer()
        self.demonyms = Demonyms(self.gazetteer)
        self.titles = TitleFinder(self.gazetteer, self.demonyms, self._place, window=self.options.window)
        self._local: dict[str, tuple[LocalEntity, ...]] = {}
        self._issued: dict[tuple[str, int], str] = {}  # (article, local index) -> id last returned
        self._lexicon_cache: dict[str, str | None] = {}

    # ------------------------------------------------------------------ within one article

    def _full_name(self, surface: str) -> bool:
        """Does a PER mention look like a full person name, which outweighs other labels? Not
        when it opens with a place adjective: "Tiroler Scharnitzau" is a place in Tirol."""
        first, _, rest = surface.partition(" ")
        return bool(rest) and not self._place_adjective(first)

    def _place_adjective(self, word: str) -> bool:
        """"Tiroler", "Berliner", "Schweizer": a region, a country or a large city plus -er."""
        if len(word) < 6 or not word.endswith("er") or not word[:1].isupper():
            return False
        pid = self._place(word[:-2])
        if pid is None:
            return False
        place = self.gazetteer.places.get(pid)
        return pid.startswith(("country:", "sub:")) or (place is not None and place.population >= BIG_CITY)

    def _place(self, name: str) -> str | None:
        if name not in self._lexicon_cache:
            place = None
            for variant in _place_variants(name):
                place = self.gazetteer.lookup(variant)
                if place is not None:
                    break
            self._lexicon_cache[name] = place.id if place else None
        return self._lexicon_cache[name]

    def split_joined(self, article: Article) -> Article:
        """Split a person mention that is two known names side by side ("dankte Putin Kim")."""
        text = article.text
        # names of the article, whatever the tagger called them ("Kim Jong Un" as ORG, "Kim" as LOC)
        full = {fold(text[m.start:m.end]) for m in article.mentions if len(text[m.start:m.end].split()) > 1}
        lone = {fold(text[m.start:m.end]) for m in article.mentions if len(text[m.start:m.end].split()) == 1}
        out: list[Mention] = []
        changed = False
        for m in article.mentions:
            words = list(re.finditer(r"\S+", text[m.start:m.end]))
            if m.label == "PER" and len(words) > 1:
                others = full - {fold(text[m.start:m.end])}
                known = others | lone | {w for f in others for w in (f.split()[0], f.split()[-1])}
                for k in range(1, len(words)):
                    left = fold(text[m.start + words[0].start():m.start + words[k - 1].end()])
                    right = fold(text[m.start + words[k].start():m.end])
                    if left in known and right in known:
                        out.append(m.replace(end=m.start + words[k - 1].end()))
                        out.append(m.replace(start=m.start + words[k].start()))
                        changed = True
                        break
                else:
                    out.append(m)
            else:
                out.append(m)
        return article.replace(mentions=tuple(out)) if changed else article

    def title_references(self, article: Article) -> Article:
        """Add a PER mention for each title standing alone ("Der Kremlchef seinerseits ...")
        that belongs to exactly one person of the article."""
        if not (self.options.titles and self.options.title_mentions):
            return article
        return self.titles.references(article)

    def local_entities(self, article: Article) -> tuple[LocalEntity, ...]:
        text = article.text
        mentions = article.mentions
        surfaces = [text[m.start:m.end].strip(_STRIP) or text[m.start:m.end] for m in mentions]
        # 1. same folded name -> one group; a genitive joins its stem's group
        sets = DisjointSets(range(len(mentions)))
        find, union = sets.find, sets.union

        by_key: dict[str, int] = {}
        for i, s in enumerate(surfaces):
            key = fold(s)
            if key in by_key:
                union(i, by_key[key])
            else:
                by_key[key] = i
        for i, s in enumerate(surfaces):
            stem = genitive_stem(s)
            if stem and fold(stem) in by_key:
                union(i, by_key[fold(stem)])
        # 2. places: same gazetteer place -> one group
        by_place: dict[str, int] = {}
        places: dict[int, str] = {}
        for i, (m, s) in enumerate(zip(mentions, surfaces)):
            if m.label in ("LOC", "ORG", "MISC") or " " not in s:
                pid = self._place(s) if m.label == "LOC" or s[:1].isupper() else None
                if pid and m.label != "PER":
                    places[i] = pid
                    if pid in by_place:
                        union(i, by_place[pid])
                    else:
                        by_place[pid] = i
        # 3. a lone name part joins the full person name that contains it
        full = [i for i, (m, s) in enumerate(zip(mentions, surfaces)) if m.label == "PER" and len(s.split()) > 1]
        for i, s in enumerate(surfaces):
            if " " in s or i in full:
                continue
            part = fold(s)
            stem = genitive_stem(s)
            parts = {part} | ({fold(stem)} if stem else set())
            cands = [j for j in full if {fold(surfaces[j]).split()[-1], fold(surfaces[j]).split()[0]} & parts]
            minor_place = self._minor_place(places.get(i))
            if cands and (mentions[i].label == "PER" or s[:1].isupper() and minor_place):
                # the most mentioned full name wins, then one whose last word it is, then the nearest
                names = Counter(fold(surfaces[j]) for j in cands)
                union(i, min(cands, key=lambda j: (-names[fold(surfaces[j])],
                                                   fold(surfaces[j]).split()[-1] not in parts,
                                                   abs(mentions[j].start - mentions[i].start))))
        # 4. acronyms spell an organisation's initials
        orgs = {fold(s): i for i, (m, s) in enumerate(zip(mentions, surfaces)) if m.label == "ORG" and " " in s}
        for i, s in enumerate(surfaces):
            if s.isupper() and 2 <= len(s) <= 8 and s.isalpha():
                for key, j in orgs.items():
                    words = key.split()
                    content = "".join(w[0] for w in words if w not in _FUNCTION_WORDS)
                    if s.lower() in (content, "".join(w[0] for w in words)):
                        union(i, j)
        # 5. a title standing alone joins the one person of the article who bears it
        if self.options.titles and self.options.title_mentions:
            owners = self.titles.owners(article)
            by_name = {fold(surfaces[j]): j for j in full}
            for i, s in enumerate(surfaces):
                if " " in s or i in full:
                    continue
                key = fold(s)
                for k in (key, key[:-1], key[:-2]):
                    names = owners.get(k)
                    if names and len(names) == 1 and (j := by_name.get(next(iter(names)))) is not None:
                        union(i, j)
                        break
        groups: dict[int, list[int]] = {}
        for i in range(len(mentions)):
            groups.setdefault(find(i), []).append(i)
        out = []
        for members in groups.values():
            out.append(self._local_entity(article, members, surfaces, places))
        return tuple(sorted(out, key=lambda e: e.mentions[0]))

    def _local_entity(self, article: Article, members: list[int], surfaces: list[str],
                      places: dict[int, str]) -> LocalEntity:
        mentions = article.mentions
        labels = Counter(mentions[i].label for i in members)
        multi_per = any(mentions[i].label == "PER" and self._full_name(surfaces[i]) for i in members)
        label = "PER" if multi_per else min(labels, key=lambda lab: (-labels[lab], _LABEL_RANK.get(lab, 9)))
        names = Counter()
        for i in members:
            s = surfaces[i]
            stem = genitive_stem(s)
            if stem and (any(fold(surfaces[j]) == fold(stem) for j in members)
                         or (i in places and self._place(stem) == places[i])):
                s = stem
            names[s] += 1
        place_ids = Counter(places[i] for i in members if i in places)
        place = min(place_ids, key=lambda p: (-place_ids[p], p)) if place_ids and label != "PER" else None
        titles: list[str] = []
        affiliations: list[str] = []
        if label == "PER" and self.options.titles:
            for i in members:
                found, countries = self.titles(article, mentions[i])
                titles += found
                affiliations += countries
        return LocalEntity(article=article.id, label=label,
                           names=tuple(sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))),
                           titles=tuple(dict.fromkeys(titles)), place=place,
                           affiliations=tuple(dict.fromkeys(affiliations)),
                           mentions=tuple(sorted(members)))

    def _minor_place(self, place_id: str | None) -> bool:
        """No place, or a small town: weak evidence against a person's name ("Kim")."""
        place = self.gazetteer.places.get(place_id) if place_id else None
        return place is None or not place.big

    # ------------------------------------------------------------------ across articles

    def prepare(self, article: Article) -> tuple[Article, tuple[LocalEntity, ...]]:
        """The per-article half of :meth:`add` (split joined names, add title references, find
        the local entities), to compute away from the process that merges the articles."""
        article = self.title_references(self.split_joined(article))
        return article, self.local_entities(article)

    def add(self, articles: Iterable[Article], *,
            prepared: Mapping[str, tuple[LocalEntity, ...] | None] | None = None) -> Canonical:
        """Merge ``articles`` (with mentions) in; return all entities and these articles linked.

        ``prepared``: ids of articles that went through :meth:`prepare` already, with their local
        entities when known (None: found again from the article's mentions)."""
        prepared = prepared or {}
        batch = []
        for article in articles:
            if article.id in prepared:
                local = prepared[article.id]
                self._local[article.id] = local if local is not None else self.local_entities(article)
            else:
                article, self._local[article.id] = self.prepare(article)
            batch.append(article)
        clusters = self._cluster()
        entities, ids, affiliations = self._entities(clusters)
        renamed = {}
        for key, new in ids.items():
            old = self._issued.get(key)
            if old and old != new:
                renamed[old] = new
            self._issued[key] = new
        linked = []
        for article in batch:
            mentions = list(article.mentions)
            for k, local in enumerate(self._local[article.id]):
                ent = entities[ids[(article.id, k)]]
                for i in local.mentions:
                    mentions[i] = mentions[i].replace(entity=ent.id, label=ent.label)
            linked.append(article.replace(mentions=tuple(mentions)))
        ordered = tuple(sorted(entities.values(), key=lambda e: (-e.mentions, e.name, e.id)))
        return Canonical(entities=ordered, articles=tuple(linked), affiliations=affiliations,
                         renamed=renamed)

    def entities(self) -> tuple[Entity, ...]:
        ents, _, _ = self._entities(self._cluster())
        return tuple(sorted(ents.values(), key=lambda e: (-e.mentions, e.name, e.id)))

    def _cluster(self) -> list[list[tuple[str, int]]]:
        items = [(aid, k) for aid in sorted(self._local) for k in range(len(self._local[aid]))]
        sets = DisjointSets(range(len(items)))
        find, union = sets.find, sets.union

        owner: dict[tuple, int] = {}
        for n, (aid, k) in enumerate(items):
            local = self._local[aid][k]
            keys = [("place", local.place)] if local.place else []
            has_full = local.label == "PER" and any(" " in name for name, _ in local.names)
            for name, _ in local.names:
                if has_full and " " not in name:
                    continue  # a person's lone surname is no key: surnames attach separately
                keys.append(("name", fold(name)))
                if local.label == "PER" and " " in name:
                    keys.append(("translit", translit_key(name)))
            for key in keys:
                if key in owner:
                    union(n, owner[key])
                else:
                    owner[key] = n
        if self.options.surnames:
            self._attach_surnames(items, find, union)
        clusters: dict[int, list[tuple[str, int]]] = {}
        for n, item in enumerate(items):
            clusters.setdefault(find(n), []).append(item)
        return list(clusters.values())

    def _attach_surnames(self, items, find, union) -> None:
        """A cluster of lone names joins the single person cluster whose full name ends with it."""
        parts: dict[str, set[int]] = {}  # first or last word of a full name -> cluster roots
        size: Counter = Counter()
        lone: dict[int, set[str]] = {}
        for n, (aid, k) in enumerate(items):
            local = self._local[aid][k]
            size[find(n)] += local.count
            for name, _ in local.names:
                words = fold(name).split()
                if local.label == "PER" and len(words) > 1:
                    for w in {words[0], words[-1]}:
                        parts.setdefault(w, set()).add(find(n))
                elif len(words) == 1 and (local.label == "PER" or (
                        local.label == "LOC" and self._minor_place(local.place))):
                    lone.setdefault(n, set()).add(words[0])
        has_full = {r for roots in parts.values() for r in roots}
        for n in sorted(lone):
            if find(n) in has_full:
                continue
            roots = sorted({find(r) for w in lone[n] for r in parts.get(w, ())},
                           key=lambda r: (-size[r], r))
            # one candidate, or one that clearly dominates ("Kim" -> Kim Jong Un, not a stray "Putin Kim")
            if len(roots) == 1 or (len(roots) > 1 and size[roots[0]] > 2 * size[roots[1]]):
                union(n, roots[0])

    def _entities(self, clusters):
        entities: dict[str, Entity] = {}
        ids: dict[tuple[str, int], str] = {}
        affil_places: dict[str, set[str]] = {}
        place_entity: dict[str, str] = {}
        for members in clusters:
            locals_ = [self._local[a][k] for a, k in members]
            labels = Counter()
            for loc in locals_:
                labels[loc.label] += loc.count
            label = min(labels, key=lambda lab: (-labels[lab], _LABEL_RANK.get(lab, 9)))
            if any(loc.label == "PER" and any(self._full_name(n) for n, _ in loc.names) for loc in locals_):
                label = "PER"  # a full person name outweighs lone parts tagged otherwise
            names = Counter()
            for loc in locals_:
                for name, c in loc.names:
                    names[name] += c
            places = Counter(loc.place for loc in locals_ if loc.place)
            place = self.gazetteer.places.get(min(places, key=lambda p: (-places[p], p))) if places else None
            name = self._display_name(label, names, place)
            key = place.id if place else min(
                (fold(n) for n in names if label != "PER" or " " in n), default=fold(name))
            ent_id = f"{label.lower()}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"
            aliases = list(names)
            if label == "PER":  # titles are learned before person mentions: a place takes none
                for loc in locals_:  # (the demo's "auf 41 Kilometern Scharnitzau", once a person)
                    aliases += loc.titles
            if place:
                # the gazetteer's display name ("Pyongyang"); for countries also the official ones
                aliases += list(place.names[:1] if place.kind == "city" else place.names[:4])
            aliases = sorted({a for a in aliases if a != name})
            entities[ent_id] = Entity(id=ent_id, name=name, label=label, aliases=tuple(aliases),
                                      mentions=sum(loc.count for loc in locals_))
            for a, k in members:
                ids[(a, k)] = ent_id
            if place:
                place_entity[place.id] = ent_id
            affil_places[ent_id] = {p for loc in locals_ for p in loc.affiliations}
        affiliations = {eid: tuple(sorted(place_entity[p] for p in ps if p in place_entity))
                        for eid, ps in affil_places.items() if ps}
        return entities, ids, {k: v for k, v in affiliations.items() if v}

    @staticmethod
    def _display_name(label: str, names: Counter, place) -> str:
        if place is not None and place.kind in ("country", "continent"):
            return place.name
        pool = [n for n in names if " " in n] if label == "PER" else []
        if not pool:
            return min(names, key=lambda n: (-names[n], -len(n), n))
        # a full name also scores the lone surnames that spell like it ("Lawrow" -> Sergej Lawrow)
        lone = Counter()
        for n, c in names.items():
            if " " not in n:
                lone[fold(n)] += c
        return min(pool, key=lambda n: (-(names[n] + lone[fold(n).split()[-1]]), -len(n), n))

