"""Chunk repairs after the CRF: names the tagger left untagged although the sentence says what
they are.

The CRF is precise but misses names (GermEval recall: PER 64, LOC 68, ORG 44). Some misses stand
where the sentence itself gives them away; :class:`ChunkRepairs` adds those chunks (or relabels
a chunk) from evidence in the sentence alone, so it works for single sentences as well as for
documents:

* a news agency in a dateline: a place, then the agency in parentheses and a dash
  ("Berlin ( Reuters ) - ...") is an organisation, and untagged name-like words before a known
  agency there are the place ("Tel Aviv ( dpa ) - ...") (:meth:`ChunkRepairs.dateline_agency`);
* a well-known organisation whose name the word lists also hold as a word ("die Hamas", "die
  Hisbollah"; ``KNOWN`` in the cue list) is an organisation, also where the tagger made it a place
  together with an organisation noun ("die Terrormiliz Hamas") (:meth:`ChunkRepairs.known_organisations`);
* a person much in the news whom the CRF, trained on older text, misses ("Kim Jong Un traf Schoigu";
  ``PERSON`` in the cue list) is a person, and an organisation of several words (``KNOWN``: "Human
  Rights Watch") an organisation, where the whole name stands untagged or its chunks lie inside it
  ("Xi Jinping" with "Jinping" as a place) (:meth:`ChunkRepairs.known_names`);
* a name right after a noun that names a kind of organisation or medium
  ("der US-Nachrichtensender CNN", "die Literaturzeitschrift „ Eckart “", "die Rockband Fold
  Zandura" tagged PER) is an organisation (:meth:`ChunkRepairs.after_org_noun`);
* a name right after a German noun that names a kind of place ("vom Flughafen
  Moskau-Scheremetjewo", "des Kantons Bern") is a place (:meth:`ChunkRepairs.after_place_noun`);
* a known first name followed by one or two name-like words ("Michael Ballack") is a person
  (:meth:`ChunkRepairs.first_name_persons`);
* an acronym in parentheses right after an organisation that begins with its first letter
  ("Bundesamt für Kommunikation ( BAKOM )") is that organisation's short name
  (:meth:`ChunkRepairs.acronym_after_org`);
* the speaker after a comma and a verb of saying ("... “ , sagte Thierse .", ", so Ketterer .")
  is a person (:meth:`ChunkRepairs.speaker_after_verb`), and the newspaper a speaker tells after
  it ("sagte Merz der Welt", ``PAPER``; or any quoted title) an organisation
  (:meth:`ChunkRepairs.told_paper`);
* one word that names a public body by its form ("Bundesnachrichtendienst", "Umweltbundesamt"),
  or a region's adjective before a body ("des Europäischen Parlaments", "des Hessischen
  Rundfunks"), is an organisation (:meth:`ChunkRepairs.public_bodies`);
* the genitive of a country, region or big city ("Portugals", "Hannovers") is a place
  (:meth:`ChunkRepairs.place_genitives`);
* a name in the genitive right before a German noun ("Wulffs Hochzeitsfeier", "Melanies
  Eltern") is a person (:meth:`ChunkRepairs.person_genitives`);
* a word no German lexicon knows, after "in", "nach" or "aus" and alone ("in Wasserlos",
  "nach Kratie"), is a place (:meth:`ChunkRepairs.place_after_preposition`);
* an acronym after an article or possessive ("des DFB", "das ZDF", "seiner UMP") is an
  organisation (:meth:`ChunkRepairs.acronym_after_article`);
* a chunk of a role noun and name-like words is the person after the title ("Kanzler Merz",
  "Bundeskanzler Merz" tagged as an organisation) (:meth:`ChunkRepairs.titled_chunks`);
* name-like words right after a role or kinship noun ("Bischof Avitus", "seiner Mutter
  Armentaria") are a person (:meth:`ChunkRepairs.person_after_role`);
* names after a form of address ("Herr Umlauft", "Hr. Dr. Locher") and with "von"/"v." ("Dr. Alphons
  v. Eccher", "Herr von Pappenheim") are a person (:mod:`chronik.entities.addressed`).

A *name-like* word is capitalised and has lower-case letters, is no role noun, no month, no
abbreviated form of address and no former role or hyphenated abbreviation ("Ex-Minister",
"Ex-SVP-K-Abg"), is not a compound ending in a German noun ("SVP-Nationalrat"), and
is either in the first- or last-name lists or no German word form. The cue words are one
hand-written list, ``data/name_cues.tsv``.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Callable, Sequence

from chronik.clean.cleaner import data_lines
from chronik.entities.addressed import ADDRESS, AddressedNames
from chronik.entities.chunkedit import ARTEFACTS, MAX_NAME, Tags, capitalised, chunk_end, free, put_chunk
from chronik.entities.corpora import chunks

CUES_FILE = "name_cues.tsv"
_KINDS = ("ORG", "LOC", "NOT", "SAY", "STATE", "BODY", "NAMED", "KIN", "KNOWN", "PERSON", "PAPER")
_NEUTER = frozenset({"das", "Das", "beim", "Beim", "vom", "Vom", "zum", "Zum"})  # "das Blinken": a verb made noun
_REGION_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+sch(?:e|en|er|es|em)$")  # "Europäischen", "Hessischer"
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,5}$")  # "CNN", "ORF2"
_BRAND = re.compile(r"^[a-zäöü]+[A-Z0-9]\w*$")  # "iTunes", "hr1"
_OPEN_QUOTES = frozenset({"„", '"', "»", "'", "“"})
_CLOSE_QUOTES = frozenset({"“", '"', "«", "'", "”"})
_DASHES = frozenset({"-", "–", "—", ":"})
_ARTICLE_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜa-z0-9]{0,4}[A-ZÄÖÜ0-9]$")  # "DFB", "ORF2", "RFdS"
_ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den", "vom", "beim", "zum", "zur",
                       "seiner", "seines", "ihrer", "ihres"})
_PLACE_PREPOSITIONS = frozenset({"in", "nach", "aus", "In", "Nach", "Aus"})
_DATE_PREPOSITIONS = frozenset({"am", "im", "vom", "zum", "seit", "bis", "ab", "Am", "Im", "Seit", "Bis", "Ab"})
_PLACE_PARTICLES = frozenset({"am", "an", "der", "de", "im", "la", "del", "do", "da"})  # "Frankfurt am Main"
_OPENERS = frozenset({"Der", "Die", "Das", "Ein", "Eine", "Von", "Aus", "Nach", "Mit", "Im", "Am"})
_FIRM_LINKS = frozenset({"&", "+", "u"})  # "Hug & Cie", "Max Kray u . Co": the name goes on


def load_cues(text: str | None = None) -> dict[str, tuple[str, ...]]:
    """kind -> entries of ``data/name_cues.tsv`` (ORG and LOC endings lower-case)."""
    if text is None:
        text = resources.files("chronik.entities.data").joinpath(CUES_FILE).read_text("utf-8")
    out: dict[str, list[str]] = {kind: [] for kind in _KINDS}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        word, _, kind = line.partition("\t")
        kind = kind.strip()
        if kind not in _KINDS:
            raise ValueError(f"{CUES_FILE} line {number}: kind must be one of {_KINDS}: {line!r}")
        as_written = kind in ("NOT", "SAY", "KIN", "KNOWN", "PERSON", "PAPER")
        out[kind].append(word.strip() if as_written else word.strip().lower())
    return {kind: tuple(words) for kind, words in out.items()}


def _role_or_abbreviation(word: str) -> bool:
    """A former role or an abbreviation, never a name: "Ex-Minister", "Ex-SVP-K-Abg"."""
    parts = word.split("-")
    return len(parts) > 1 and (parts[0] == "Ex" or any(len(p) == 1 for p in parts))


def _by_first_word(names, genitive: bool = False) -> dict[str, list[tuple[str, ...]]]:
    """Names of one or more words by their first word, longest first; with ``genitive``, a one-word
    name also with a genitive "s" ("Putins")."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(names, key=lambda n: -len(n.split())):
        parts = tuple(name.split())
        out.setdefault(parts[0], []).append(parts)
        if genitive and len(parts) == 1 and not name.endswith("s"):
            out.setdefault(name + "s", []).append((name + "s",))
    return out


@functools.lru_cache(maxsize=1)
def _agencies() -> frozenset[str]:
    """The news agencies whose names the cleaner knows as credits (``chronik/clean/agencies.txt``)."""
    return frozenset(data_lines("agencies.txt"))


def _acronym(word: str) -> bool:
    return (_ACRONYM.match(word) is not None and sum(c.isalpha() for c in word) >= 2) or \
        _BRAND.match(word) is not None


class ChunkRepairs(AddressedNames):
    """Adds the chunks described in the module docstring to a sentence's BIO tags.

    ``lexicon``: German word forms (``in``); ``gazetteer``: first- and last-name lists and place
    words; ``is_title``: whether a word is a role noun ("Präsident", "Kremlchef")."""

    def __init__(self, lexicon, gazetteer, is_title: Callable[[str], bool],
                 cues: dict[str, tuple[str, ...]] | None = None) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.is_title = is_title
        cues = load_cues() if cues is None else cues
        self.org_heads = cues["ORG"]
        self.place_heads = cues["LOC"]
        self.state_parts = cues["STATE"]  # "bundes", "landes": a public body's name part
        self.body_heads = cues["BODY"]  # "amt", "ministerium", "kammer": what a public body is
        self.named_bodies = frozenset(cues["NAMED"])  # "parlament", "rundfunk": after "Europäischen"
        self.not_names = frozenset(cues["NOT"])
        self.say_verbs = frozenset(cues["SAY"])
        self.kin = frozenset(cues["KIN"])
        self.known_orgs = frozenset(name for name in cues["KNOWN"] if " " not in name)
        self.known_org_names = _by_first_word(name for name in cues["KNOWN"] if " " in name)
        self.known_people = _by_first_word(cues["PERSON"], genitive=True)
        self.papers = frozenset(cues["PAPER"])
        self._names: dict[str, bool] = {}  # word -> name-like (cache)
        self._heads: dict[str, str | None] = {}  # word -> "ORG"/"LOC" noun it ends in, or None (cache)
        self._genitive_places: dict[str, str] | None = None  # built on first use (place_genitives)

    def __call__(self, words: Sequence[str], tags: Sequence[str]) -> tuple[str, ...]:
        out = list(tags)
        if "(" in words:
            self.dateline_agency(words, out)
            self.acronym_after_org(words, out)
        if self.known_orgs.intersection(words):
            self.known_organisations(words, out)
        if not self.known_people.keys().isdisjoint(words):
            self.known_names(words, out, self.known_people, "PER")
        if not self.known_org_names.keys().isdisjoint(words):
            self.known_names(words, out, self.known_org_names, "ORG")
        heads = {self.head(w) for w in words}
        if "ORG" in heads:
            self.after_org_noun(words, out)
        if "LOC" in heads:
            self.after_place_noun(words, out)
        self.first_name_persons(words, out)
        self.public_bodies(words, out)
        self.place_genitives(words, out)
        self.person_genitives(words, out)
        self.place_after_preposition(words, out)
        self.acronym_after_article(words, out)
        self.titled_chunks(words, out)
        self.person_after_role(words, out)
        if ADDRESS.intersection(words):
            self.person_after_address(words, out)
        if "v" in words or "von" in words:
            self.nobility_names(words, out)
        if "," in words:
            self.speaker_after_verb(words, out)
        if not self.say_verbs.isdisjoint(words):
            self.told_paper(words, out)
        return tuple(out)

    def head(self, word: str) -> str | None:
        """"ORG" for a capitalised word ending in an organisation noun ("US-Nachrichtensender"),
        "LOC" for a German word ending in a place noun ("Fürstentums"), else None."""
        if word in self._heads:
            return self._heads[word]
        kind = None
        if word[:1].isupper():
            low = word.lower()
            if low.endswith(self.org_heads):
                kind = "ORG"
            elif low.endswith(self.place_heads) and word in self.lexicon:
                kind = "LOC"
        if len(self._heads) >= 100_000:
            self._heads.clear()
        self._heads[word] = kind
        return kind

    def name_like(self, word: str) -> bool:
        known = self._names.get(word)
        if known is None:
            known = self._name_like(word)
            if len(self._names) >= 100_000:
                self._names.clear()
            self._names[word] = known
        return known

    def _name_like(self, word: str) -> bool:
        if not capitalised(word) or len(word) < 3 or word.rstrip(".") in self.not_names or \
                ARTEFACTS.intersection(word) or self.is_title(word):
            return False
        word = word.replace("ſ", "s")  # the long s of old prints
        gazetteer = self.gazetteer
        if _role_or_abbreviation(word):
            return False
        if "-" in word:
            tail = word.rpartition("-")[2]
            if tail[:1].isupper() and tail in self.lexicon and not self._listed(tail) and \
                    tail not in gazetteer.word_classes:
                return False  # a compound noun: "SVP-Nationalrat", "Fontane-Lesungen"
        return self._listed(word) or word not in self.lexicon

    def _name_run(self, words: Sequence[str], tags: Tags, start: int, acronyms: bool = False,
                  places: bool = False) -> int:
        """End of the untagged name-like words from ``start`` (at most :data:`MAX_NAME`; also
        acronyms, or gazetteer place words), or ``start`` when they do not end the capitalised
        run there."""
        end = start
        place_words = self.gazetteer.word_classes
        while end < len(words) and end - start < MAX_NAME and tags[end] == "O" and \
                (self.name_like(words[end]) or (acronyms and _acronym(words[end])) or
                 (places and capitalised(words[end]) and words[end] in place_words)):
            end += 1
        if end > start and free(tags, start, end) and (end == len(words) or not capitalised(words[end])):
            return end
        return start

    def dateline_agency(self, words: Sequence[str], tags: Tags) -> None:
        """"Berlin ( Reuters ) - ...": the word in parentheses after a place, before a dash (not
        a place itself: "Wels ( Traun ) —"). Untagged name-like words opening the sentence before a
        news agency in parentheses and a dash are that place ("Tel Aviv ( dpa ) - ...")."""
        k = words.index("(")
        if 0 < k <= MAX_NAME and k + 3 < len(words) and words[k + 1] in _agencies() and words[k + 2] == ")" \
                and words[k + 3] in _DASHES and free(tags, 0, k) and words[0][:1].isupper() \
                and words[k - 1][:1].isupper() and all(self._place_word(w) for w in words[:k]):
            put_chunk(tags, 0, k, "LOC")
        for i in range(1, len(words) - 3):
            if words[i] == "(" and words[i + 2] == ")" and words[i + 3] in _DASHES and \
                    tags[i - 1].endswith("-LOC") and tags[i + 1] == "O" and words[i + 1][:1].isalpha() and \
                    words[i + 1] not in self.gazetteer.word_classes:
                tags[i + 1] = "B-ORG"

    def _place_word(self, word: str) -> bool:
        """A word of a place's name in a dateline: capitalised and no role noun, month or article
        ("Tel", "Aviv"), or a particle inside it ("Frankfurt am Main")."""
        if word in _PLACE_PARTICLES:
            return True
        return word[:1].isupper() and word not in _OPENERS and word.rstrip(".") not in self.not_names \
            and not self.is_title(word) and not ARTEFACTS.intersection(word)

    @staticmethod
    def acronym_after_org(words: Sequence[str], tags: Tags) -> None:
        """"Verbundnetz Gas AG ( VNG )": an untagged acronym in parentheses right after an
        organisation chunk whose first word begins with the acronym's first letter."""
        n = len(words)
        for a, b, label in chunks(tags):
            if label == "ORG" and b + 2 < n and words[b] == "(" and words[b + 2] == ")" and \
                    tags[b + 1] == "O" and _ACRONYM.match(words[b + 1]) and words[b + 1][0] == words[a][:1]:
                tags[b + 1] = "B-ORG"

    def known_organisations(self, words: Sequence[str], tags: Tags) -> None:
        """A well-known organisation whose name the word lists also hold ("Hamas", "Hisbollah") is
        an organisation where it stands untagged, or as a chunk of its own or after an organisation
        noun under another label ("die Terrormiliz Hamas" tagged as a place)."""
        for a, b, label in chunks(tags):
            if words[b - 1] in self.known_orgs and (b - a == 1 or b - a == 2 and self.head(words[a]) == "ORG") \
                    and label != "ORG":
                tags[a:b - 1] = ["O"] * (b - 1 - a)
                put_chunk(tags, b - 1, b, "ORG")
        for i, word in enumerate(words):
            if word in self.known_orgs and free(tags, i, i + 1):
                put_chunk(tags, i, i + 1, "ORG")

    @staticmethod
    def known_names(words: Sequence[str], tags: Tags, known: dict[str, list[tuple[str, ...]]], label: str) -> None:
        """A person much in the news (``PERSON`` in the cue list) or an organisation of several words
        (``KNOWN``: "Human Rights Watch") has ``label`` where the whole name stands untagged or where
        the chunks over it lie inside it ("Kim Jong Un traf Schoigu", "Xi Jinping" with "Jinping"
        tagged as a place); a chunk that goes on beyond the name is left alone ("Präsident Putin"),
        and so is a one-word name after a neuter article ("das Blinken")."""
        n = len(words)
        i = 0
        while i < n:
            found = 0
            for parts in known.get(words[i], ()):
                j = i + len(parts)
                if tuple(words[i:j]) != parts or (len(parts) == 1 and i > 0 and words[i - 1] in _NEUTER):
                    continue
                if tags[i].startswith("I-") or (j < n and tags[j].startswith("I-")):
                    break  # a chunk running into or out of the name
                if tags[i:j] != [f"B-{label}"] + [f"I-{label}"] * (j - i - 1):
                    put_chunk(tags, i, j, label)
                found = j - i
                break
            i += max(found, 1)

    def after_org_noun(self, words: Sequence[str], tags: Tags) -> None:
        """An untagged name (or acronym, or a quoted word) right after an organisation noun is
        an organisation; so is a person or place chunk of name-like words there."""
        n = len(words)
        starts = {a: (b, label) for a, b, label in chunks(tags)}
        for i in range(n - 1):
            word = words[i]
            if tags[i] != "O" or self.head(word) != "ORG":
                continue
            j = i + 1
            if words[j] in _OPEN_QUOTES and j + 2 < n and words[j + 2] in _CLOSE_QUOTES and \
                    tags[j + 1] == "O" and capitalised(words[j + 1]):
                tags[j + 1] = "B-ORG"  # die Literaturzeitschrift „ Eckart “
                continue
            end = self._name_run(words, tags, j, acronyms=True)
            if end > j and (end == n or words[end] not in _FIRM_LINKS):
                put_chunk(tags, j, end, "ORG")
            elif end == j and j in starts and starts[j][1] in ("PER", "LOC") and not self._listed(word):
                end = starts[j][0]
                if all(self.name_like(words[k]) or _acronym(words[k]) for k in range(j, end)) and \
                        (end == n or words[end] not in _FIRM_LINKS):
                    put_chunk(tags, j, end, "ORG")  # die Rockband Fold Zandura (PER)

    def public_bodies(self, words: Sequence[str], tags: Tags) -> None:
        """One untagged word that names a public body by its form ("Bundesnachrichtendienst",
        "Umweltbundesamt", "Bundesjustizministerium": a ``STATE`` part and a ``BODY`` ending) is
        an organisation."""
        for i, word in enumerate(words):
            low = word.lower()
            if not low.endswith(self.body_heads) or tags[i] != "O" or not capitalised(word) or self.is_title(word) or (
                    i + 1 < len(words) and (tags[i + 1] != "O" or capitalised(words[i + 1]))):
                continue  # "Landesrat Theiner", "Bundesrat Ueli Maurer": a role before a name
            if any(part in low for part in self.state_parts):
                tags[i] = "B-ORG"
        for i in range(len(words) - 1):  # "des Europäischen Parlaments", "des Hessischen Rundfunks"
            head = words[i + 1].lower()
            if tags[i] == "O" and tags[i + 1] == "O" and _REGION_ADJECTIVE.match(words[i]) and (
                    head in self.named_bodies or head.removesuffix("s") in self.named_bodies
                    or head.removesuffix("es") in self.named_bodies) \
                    and (i + 2 >= len(words) or not words[i + 2][:1].isupper()):
                tags[i], tags[i + 1] = "B-ORG", "I-ORG"

    def place_genitives(self, words: Sequence[str], tags: Tags) -> None:
        """An untagged genitive of a country, region or big city ("Portugals", "Baden-Württembergs",
        "Hannovers": one of the gazetteer's first three names plus -s) is a place; not a city that is
        also a first or last name ("Bushs"), not next to a tagged name."""
        for i, word in enumerate(words):
            if word[-1:] != "s" or tags[i] != "O" or len(word) < 5 or word.endswith("ss") or not capitalised(word) \
                    or (i > 0 and tags[i - 1] != "O") or (i + 1 < len(words) and tags[i + 1] != "O"):
                continue
            stem = word[:-1]
            kind = self._places().get(stem)
            if kind is None or (kind == "city" and self._listed(stem)):
                continue
            tags[i] = "B-LOC"

    def person_genitives(self, words: Sequence[str], tags: Tags) -> None:
        """An untagged genitive of a name right before an untagged German noun ("Wulffs
        Hochzeitsfeier", "Melanies Eltern", "über Zabels Entscheidung") is a person: a word in -s
        whose stem is name-like and no place or role noun. Not a German word in -s ("Bereits",
        "Spiels", unless its stem is a listed name: "Becks"), not a first name in -s ("Johannes",
        "Andreas"), not a compound noun the lexicon lacks ("Spitzenreitertrikots"), not after a
        capitalised word that may be part of the name ("Dow Jones Indexes", "J . Wydlers"), not with
        an apostrophe ("Domino's"), not before a role noun (a town's or a club's: "Sterzings
        Bürgermeister", "Bremens Stürmer")."""
        lexicon, gazetteer = self.lexicon, self.gazetteer
        for i in range(len(words) - 1):
            word, noun = words[i], words[i + 1]
            if tags[i] != "O" or tags[i + 1] != "O" or len(word) < 4 or word[-1] != "s" or word.endswith("ss") \
                    or not capitalised(word) or not word.isalpha() or (i > 0 and tags[i - 1] != "O"):
                continue
            if not (capitalised(noun) and noun in lexicon and not self.name_like(noun)) or self.is_title(noun):
                continue
            if i > 0 and words[i - 1][:1].isupper() and (words[i - 1].lower() not in lexicon or len(words[i - 1]) == 1):
                continue
            stem = word[:-1]
            listed = self._listed(stem)
            if word in gazetteer.first_names or word.lower() in lexicon or (word in lexicon and not listed) \
                    or not self.name_like(stem) or stem in gazetteer.word_classes or self.is_title(stem):
                continue
            if not listed and self._compound_noun(stem):
                continue  # "Spitzenreitertrikots"
            tags[i] = "B-PER"

    def place_after_preposition(self, words: Sequence[str], tags: Tags) -> None:
        """One untagged word after "in", "nach" or "aus" that no German word list knows, in any case,
        and that ends the capitalised run ("in Wasserlos", "nach Kratie", "In Leoben bin ich") is a
        place. Not a first name or role noun, not a word with digits or an inner capital
        ("WalpershofenDie"), not a compound whose last part is a German noun ("nach
        Branchenangaben", "in Tandemanordnung", "nach EZB-Daten")."""
        lexicon = self.lexicon
        for i in range(1, len(words)):
            word = words[i]
            if words[i - 1] not in _PLACE_PREPOSITIONS or tags[i] != "O" or len(word) < 3 or not capitalised(word) \
                    or not word.replace("-", "").isalpha() or any(c.isupper() for c in word[1:].replace("-", "")):
                continue
            if i + 1 < len(words) and (capitalised(words[i + 1]) or tags[i + 1] != "O"):
                continue
            if word in lexicon or word.lower() in lexicon or word in self.gazetteer.first_names or \
                    self.is_title(word) or self._compound_noun(word):
                continue
            tags[i] = "B-LOC"

    @staticmethod
    def acronym_after_article(words: Sequence[str], tags: Tags) -> None:
        """An untagged acronym of two to six letters, two or more of them capitals, after an article
        or possessive (also one opening the sentence) and before a word that is neither capitalised nor
        a number, is an organisation ("des DFB geübt", "verwendet das ZDF einen", "seiner UMP bleibt",
        "Die ÖVP und"); not a Roman numeral ("im
        XVI . Jahrhundert"), not before a number ("der IRE 3269", "auf der ISE 2016")."""
        for i in range(1, len(words)):
            word = words[i]
            article = words[i - 1] in _ARTICLES or words[i - 1].lower() in _ARTICLES and (
                i == 1 or not words[i - 2][:1].isalnum()) and (i + 1 == len(words) or words[i + 1] != ".")
            # opening the sentence: "Die ÖVP und ...", "- Die ÖVP"; not an abbreviation ("Die HH . Müller")
            if tags[i] != "O" or not article or not _ARTICLE_ACRONYM.match(word) or \
                    sum(c.isupper() for c in word) < 2 or not word.strip("IVXLCDM"):
                continue
            if i + 1 < len(words) and (tags[i + 1] != "O" or words[i + 1][:1].isupper() or words[i + 1][:1].isdigit()):
                continue
            tags[i] = "B-ORG"

    def titled_chunks(self, words: Sequence[str], tags: Tags) -> None:
        """A chunk that opens with a role noun and goes on with name-like words only is the
        person after the title, whatever its label ("Kanzler Merz" as a person, "Bundeskanzler
        Merz" as an organisation: "Merz"); one that opens with a weekday or a month after "am",
        "im", "seit" ... loses it ("am Sonntag Lampedusa")."""
        for a, b, label in chunks(tags):
            if b - a >= 2 and self.is_title(words[a]) and all(self.name_like(w) for w in words[a + 1:b]):
                tags[a] = "O"
                put_chunk(tags, a + 1, b, "PER")
            elif b - a >= 2 and words[a] in self.not_names and a > 0 and words[a - 1] in _DATE_PREPOSITIONS:
                tags[a] = "O"  # "am Sonntag Lampedusa", "im August Berlin": a date, then the name
                put_chunk(tags, a + 1, b, label)

    def person_after_role(self, words: Sequence[str], tags: Tags) -> None:
        """Untagged name-like words right after a role noun or a kinship noun (``KIN`` in
        ``data/name_cues.tsv``) that end the capitalised run are a person ("späteren Bischof Avitus",
        "seiner Mutter Armentaria", "die Familie Boim"); German words after it are not ("Leiterin
        Rohstoffanalyse")."""
        for i in range(len(words) - 1):
            if tags[i] != "O" or not (words[i] in self.kin or self.is_title(words[i])):
                continue
            end = self._name_run(words, tags, i + 1)
            if end == i + 2 and self._compound_noun(words[i + 1]) and not self._listed(words[i + 1]):
                continue  # "Leiterin Rohstoffanalyse": a compound the lexicon lacks
            if end > i + 1:
                put_chunk(tags, i + 1, end, "PER")
            elif self.is_title(words[i]):
                end = self._foreign_name(words, tags, i + 1)
                if end > i + 2:
                    put_chunk(tags, i + 1, end, "PER")
                elif tags[i + 1] == "B-ORG":
                    self._organisation_after_title(words, tags, i + 1)

    def _organisation_after_title(self, words: Sequence[str], tags: Tags, start: int) -> None:
        """An organisation chunk of two or three name-like words right after a title, ending the
        capitalised run, is the titled person ("Bürgermeister Ihor Terechow" tagged as an
        organisation)."""
        end = chunk_end(tags, start)
        if 2 <= end - start <= 3 and all(self.name_like(w) for w in words[start:end]) \
                and not (end < len(words) and capitalised(words[end])):
            put_chunk(tags, start, end, "PER")

    def _foreign_name(self, words: Sequence[str], tags: Tags, start: int) -> int:
        """End of a name of two or three parts after a title that German word lists do not hold
        ("Staatschef Xi Jinping", "Außenminister Wang Yi"): each part a capitalised word that is
        name-like or a short word whose lower-case form is no German word ("Xi", "Yi"), at least
        one of them untagged, and any chunk among them wholly inside and no known place (the tagger
        reads "Jinping" as one); the capitalised run ends there, and no line-break mark follows
        ("Sir Ar ¬ thur"). ``start`` when there is none."""
        end = start
        while end < len(words) and end - start < MAX_NAME and self._name_part(words[end]) and \
                (tags[end] == "O" or tags[end].startswith("B-") or end > start):
            end += 1
        if end - start < 2 or (end < len(words) and (capitalised(words[end]) or ARTEFACTS.intersection(words[end]))) \
                or "O" not in tags[start:end] \
                or tags[start].startswith("I-") or (end < len(words) and tags[end].startswith("I-")):
            return start
        if any(t != "O" and words[k] in self.gazetteer.word_classes for k, t in enumerate(tags[start:end], start)):
            return start  # a place the gazetteer knows: "Bürgermeister Wien"
        return end

    def _name_part(self, word: str) -> bool:
        return self.name_like(word) or (
            2 <= len(word) <= 6 and capitalised(word) and word[1:].isalpha() and word[1:].islower()
            and word.lower() not in self.lexicon and not self.is_title(word))

    def _listed(self, word: str) -> bool:
        return word in self.gazetteer.first_names or word in self.gazetteer.last_names

    def _compound_noun(self, word: str) -> bool:
        """Whether the word ends in a German noun of four letters or more ("Spitzenreitertrikots",
        "Branchenangaben") or a hyphenated part is one ("EZB-Daten")."""
        lexicon = self.lexicon
        return any(word[k:].capitalize() in lexicon for k in range(3, len(word) - 3)) or \
            any(part.capitalize() in lexicon for part in word.split("-")[1:])

    def _places(self) -> dict[str, str]:
        """name -> kind of the countries, regions and cities of 100,000 or more (first three names)."""
        if self._genitive_places is None:
            self._genitive_places = {}
            for place in self.gazetteer.places.values():
                if place.big:
                    for name in place.names[:3]:
                        self._genitive_places.setdefault(name, place.kind)
        return self._genitive_places

    def after_place_noun(self, words: Sequence[str], tags: Tags) -> None:
        """An untagged name right after a German place noun ("Flughafen", "Kantons") is a place."""
        for i in range(len(words) - 1):
            if tags[i] != "O" or self.head(words[i]) != "LOC":
                continue
            end = self._name_run(words, tags, i + 1, places=True)
            if end > i + 1:
                put_chunk(tags, i + 1, end, "LOC")

    def first_name_persons(self, words: Sequence[str], tags: Tags) -> None:
        """A known first name and one or two name-like words after it ("Michael Ballack"), all
        untagged and not inside a longer capitalised run, are a person."""
        n = len(words)
        first_names = self.gazetteer.first_names
        last_names = self.gazetteer.last_names
        i = 0
        while i < n:
            word = words[i]
            if tags[i] != "O" or word not in first_names or not self.name_like(word) or \
                    (i > 0 and tags[i - 1] == "O" and self.name_like(words[i - 1])):
                i += 1
                continue
            end = i + 1
            while end < n and end - i <= 2 and tags[end] == "O" and capitalised(words[end]) and \
                    ((self.name_like(words[end]) and words[end] not in first_names) or
                     words[end] in last_names) and not ARTEFACTS.intersection(words[end]):
                end += 1
            if end > i + 1 and free(tags, i, end) and (end == n or not capitalised(words[end])):
                put_chunk(tags, i, end, "PER")
                i = end
            else:
                i += 1

    def told_paper(self, words: Sequence[str], tags: Tags) -> None:
        """"sagte Merz der Welt", "Weber erklärte der „Zeit“", "wie Merz der Bild am Sonntag sagte":
        "der"/"dem" and a newspaper whose title is a German word (``PAPER``: "Welt", "Zeit", "Bild";
        also "Welt am Sonntag"), or any quoted capitalised word, after a verb of saying (and a tagged
        speaker) and before a punctuation mark, or after a tagged speaker and before the verb, name
        the medium told."""
        n = len(words)
        for j in range(1, n - 1):
            if words[j] not in ("der", "dem"):
                continue
            span = self._paper(words, tags, j + 1)
            if span is None:
                continue
            k, end, after = span
            speaker = tags[j - 1][2:] in ("PER", "ORG")
            verb = j - 1
            if speaker:
                while verb > 0 and tags[verb].startswith("I-"):
                    verb -= 1
                verb -= 1  # the word before the speaker's name
            told = verb >= 0 and words[verb] in self.say_verbs and (after >= n or words[after] in (",", ":", "(", "."))
            if told or speaker and after < n and words[after] in self.say_verbs:
                put_chunk(tags, k, end, "ORG")

    def _paper(self, words: Sequence[str], tags: Tags, k: int) -> tuple[int, int, int] | None:
        """(start, end, index after the closing quote) of a newspaper's title at ``k``, or None."""
        n = len(words)
        quoted = words[k] in _OPEN_QUOTES
        k += quoted
        if k >= n or tags[k] != "O" or not capitalised(words[k]) or not (quoted or words[k] in self.papers):
            return None
        end = k + 1
        if quoted:  # the quoted title up to its closing quote ("der „ Neuen Presse “")
            while end < n and end - k < MAX_NAME and words[end] not in _CLOSE_QUOTES and capitalised(words[end]):
                end += 1
            if end >= n or words[end] not in _CLOSE_QUOTES:
                return None
        elif end + 1 < n and words[end] == "am" and words[end + 1] == "Sonntag":
            end += 2  # "Welt am Sonntag", "Bild am Sonntag"
        return (k, end, end + quoted) if free(tags, k, end) else None

    def speaker_after_verb(self, words: Sequence[str], tags: Tags) -> None:
        """", sagte Pfister ." / ", so Ketterer .": after a comma and a verb of saying (``SAY`` in
        ``data/name_cues.tsv``) the untagged name-like words, or one capitalised word that is no
        role noun and ends the capitalised run (names the lexicon knows: "Thierse"), are the
        speaker. Role-noun compounds before a name ("sagte Mibrag-Betriebsrat Mario Gierl") are
        left alone."""
        n = len(words)
        for i in range(1, n - 1):
            if words[i] not in self.say_verbs or words[i - 1] != "," or tags[i + 1] != "O":
                continue
            j = i + 1
            end = self._name_run(words, tags, j)
            if end == j and capitalised(words[j]) and not self.is_title(words[j]) and \
                    not _role_or_abbreviation(words[j]) and words[j].rstrip(".") not in self.not_names and \
                    not ARTEFACTS.intersection(words[j]) and \
                    free(tags, j, j + 1) and (j + 1 == n or not capitalised(words[j + 1])):
                end = j + 1
            if end > j:
                put_chunk(tags, j, end, "PER")
