"""Entity mentions as the event extractor reads them: repairs of adjacent-name merges.

A sequence tagger sometimes joins neighbouring names into one mention ("lud Kim Jong Un
Putin", "dankte Putin Kim"). The recogniser already cuts every chunk at the lower-case words
and commas no name holds (:mod:`chronik.entities.namecut`); for events a merge that is left
hides who did what to whom, so before extraction:

* leading and trailing lowercase words are trimmed from a mention ("lud Kim Jong Un Putin"
  -> "Kim Jong Un Putin"; mentions from elsewhere than chronik's recogniser may carry them);
* a lowercase adjective and one word ("städtische Umweltamt") is a common noun phrase: dropped;
* a mention that is made of two names the same article mentions on their own is split in two
  ("Kim Jong Un Putin" -> "Kim Jong Un" + "Putin", when "Putin" stands alone elsewhere); title
  words before the first name are dropped ("Nordkoreas Machthaber Kim Jong-un Moskau").

A place name that opens the sentence followed by a slash, a dash, a bracket or a word glued to it
("München/DüsseldorfDer weltgrößte Werbekonzern WPP kauft ...", "Berlin - Die Regierung ..."), or
written in capitals ("EITZWEILER Mit einer Zuwendung ..."), is a dateline: it says where the report
was filed and is never an actor (:func:`dateline_places`).

The article's own ``mentions`` are not changed; the repaired list is used inside the stage.
"""

from __future__ import annotations

import functools
import re
from typing import Sequence

from chronik.model import Mention

ADJ_ENDINGS = ("e", "en", "er", "es", "em")  # the endings of an inflected adjective

_WORD = re.compile(r"\S+")
DATELINE = "dateline"  # the pseudo-preposition of a dateline place's phrase: it fills no slot
DATIVE_DER = "der (dative)"  # the determiner of "Der Süddeutschen Zeitung sagte X": "der" before an "-en" adjective


def repair(text: str, mentions: tuple[Mention, ...], lemma=None) -> list[tuple[int, Mention]]:
    """(index of the original mention, mention) pairs after trimming and splitting. ``lemma``
    tells inflected words ("lud" -> "laden") from lowercase names ("dpa", "epd")."""
    known = {_norm(text[m.start:m.end]) for m in mentions}
    places = {_norm(text[m.start:m.end]) for m in mentions if m.label == "LOC"}
    starts = {m.start for m in mentions}
    out: list[tuple[int, Mention]] = []
    for index, m in enumerate(mentions):
        if text[m.start:m.end].rstrip(".") in ADDRESS:
            m = _addressed(text, m, starts)
            if m is None:
                continue
        words = [(w.start() + m.start, w.end() + m.start) for w in _WORD.finditer(text[m.start:m.end])]
        if len(words) == 2 and _adjective(text[words[0][0]:words[0][1]]) and "-" not in text[words[1][0]:words[1][1]]:
            continue  # "das städtische Umweltamt": an adjective and a common noun, not a name
        run = list(words)
        while run and _stray(text[run[0][0]:run[0][1]], lemma):
            run.pop(0)
        while run and _stray(text[run[-1][0]:run[-1][1]], lemma):
            run.pop()
        if not run:
            continue
        if m.label == "ORG" and _norm(text[run[-1][0]:run[-1][1]]) in places:
            split = [(run[0][0], run[-1][1])]  # "Universität Bozen", "Flughafen Wien": an organisation named by its place
        else:
            split = _split(text, run, known)
        for start, end in split:
            out.append((index, Mention(start=start, end=end, label=m.label, entity=m.entity)))
    return out


ADDRESS = frozenset({"Dr", "Prof", "Hr", "Hrn", "Herr", "Herrn", "Frau", "Ing", "Mag", "Dipl"})  # forms of address
_NAME_AFTER = re.compile(r"\.?[ \t]+((?:(?:v\.|von|de|van)[ \t]+)?[A-ZÄÖÜ][\w'-]+(?:[ \t]+(?:(?:v\.|von|de|van)[ \t]+)?"
                         r"[A-ZÄÖÜ][\w'-]+){0,2})")


def _addressed(text: str, m: Mention, starts: set[int]) -> Mention | None:
    """A mention that is only a form of address ("Dr", "Hr."): the tagger missed the name after
    it. It takes the capitalised words that follow ("bat Dr. Mandl für ..." -> "Dr. Mandl"); when a
    mention starts there ("Dr. Wilhelm Rottleuthner" tagged as "Dr" and "Wilhelm Rottleuthner") or
    no name follows it names nobody of its own and is dropped."""
    found = _NAME_AFTER.match(text, m.end)
    if found is None or found.start(1) in starts:
        return None
    end = found.end(1)
    for k in range(found.start(1), end):  # stop before a mention inside the run
        if k in starts:
            end = k
            break
    while text[end - 1] in " \t":  # a mention cut the run: no space at the end (the name starts with a capital)
        end -= 1
    return Mention(start=m.start, end=end, label=m.label, entity=m.entity)


def _split(text: str, words: list[tuple[int, int]], known: set[str]) -> list[tuple[int, int]]:
    """Split where the right part is a known name and the left part ends with one (words
    before that are titles: "Nordkoreas Machthaber Kim Jong-un Moskau" -> "Kim Jong-un",
    "Moskau"); never right after a form of address ("Dr. Stölzels")."""
    for cut in range(len(words) - 1, 0, -1):
        right = _norm(text[words[cut][0]:words[-1][1]])
        if right not in known or text[words[cut - 1][0]:words[cut - 1][1]].rstrip(".") in ADDRESS:
            continue  # "Dr. Stölzels" where "Dr." was tagged alone elsewhere: a form of address names nobody
        for first in range(0, cut):
            left = _norm(text[words[first][0]:words[cut - 1][1]])
            if left in known and (first == 0 or cut - first >= 2):
                return [(words[first][0], words[cut - 1][1]), (words[cut][0], words[-1][1])]
    return [(words[0][0], words[-1][1])]


def _adjective(word: str) -> bool:
    return word[:1].islower() and len(word) > 4 and word.endswith(ADJ_ENDINGS)


def _stray(word: str, lemma) -> bool:
    """A lowercase word that is not part of a name: an inflected word ("lud"), not a lowercase
    name ("dpa", "bruxinfo.hu")."""
    if not word[:1].islower():
        return False
    return lemma is None or lemma(word).lower() != word


def _norm(surface: str) -> str:
    return " ".join(surface.strip(" \t\n\"'„“”«»‚‘’()[]{}.,;:!?").split()).lower()


OPENERS = frozenset({"Der", "Die", "Das", "Ein", "Eine", "Im", "Am", "Beim", "Zum", "Zur", "Nach", "Mit", "Bei", "Seit",
                     "Laut", "Wie", "Nachdem", "Als", "Trotz", "Wegen"})  # words that open a sentence, not a name


def dateline_places(text: str, start: int, mentions: list[tuple[int, Mention]]) -> set[int]:
    """Indices (into ``mentions``) of the place names of a dateline at the sentence start
    ``start``: "München/Düsseldorf...", "BERLIN (dpa) ...", "Moskau - ...", "EITZWEILER Mit ...",
    "Berlin Die Bundeswehr ..."."""
    out: set[int] = set()
    at = start
    while at < len(text) and text[at] in " \t\n\"'„“”«»":
        at += 1
    for k, (_, m) in enumerate(mentions):
        if m.start != at or m.label != "LOC":
            break
        surface = text[m.start:m.end]
        if not out and surface.isupper() and len(surface) > 3:  # "EITZWEILER Mit einer Zuwendung ..."
            return {k}
        rest = text[m.end:m.end + 3]
        if rest[:1] == "/":
            out.add(k)
            at = m.end + 1
            continue
        glued = rest[:1].isupper() and text[m.end - 1:m.end].islower()  # "DüsseldorfDer"
        if glued or rest.lstrip(" ")[:1] in ("-", "–", "(") and rest[:1] == " ":
            out.add(k)
        elif not out and _opener_after(text, m.end):
            out.add(k)  # "Berlin Die Bundeswehr hat ...": a name cannot stand before a capitalised article
        break
    if out and not _followed(text, max(mentions[k][1].end for k in out)):
        return set()
    return out


def _followed(text: str, end: int) -> bool:
    """Something that reads like a dateline's end follows: a slash and a word, a glued capital,
    a dash, a bracket or a word that opens a sentence."""
    rest = text[end:end + 40]
    if rest[:1] == "/":
        rest = rest[1:]
        word = rest.split(" ", 1)[0]
        return bool(word) and word[:1].isupper()
    return rest[:1].isupper() or rest.lstrip(" ")[:1] in ("-", "–", "(") or _opener_after(text, end)


def _opener_after(text: str, end: int) -> bool:
    """A space and a word that opens a sentence follow ``end`` (only the next few characters are read)."""
    return text[end:end + 1] == " " and text[end + 1:end + 16].split(" ", 1)[0] in OPENERS


_LETTERS = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=8)
def _names_pattern(names: frozenset[str]) -> re.Pattern:
    """The names as whole words, a genitive "-s"/"-es" allowed (group 1: the name)."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])({alternatives})(?:es|s)?(?![^\W\d_])")


def institutions(text: str, mentions: Sequence[Mention], names: frozenset[str]) -> list[Mention]:
    """Bodies named by a common noun that the tagger leaves untagged ("der Ministerrat", "Nationalrat
    und Ständerat", "vom Reichsgericht"): organisation mentions, unless inside a tagged one or
    used as a title before a name ("Regierungsrath Dr. Müller")."""
    out: list[Mention] = []
    if not names:
        return out
    for m in _names_pattern(names).finditer(text):
        base = m.group(1)
        start, end = m.start(), m.end()
        if any(n.start < end and start < n.end for n in mentions):
            continue
        rest = text[end:end + 20]
        gap = len(rest) - len(rest.lstrip(" "))
        nxt = _LETTERS.match(rest, gap)
        if nxt is not None and nxt.group()[:1].isupper() and (
                nxt.group() in ADDRESS or any(n.start == end + gap for n in mentions)):
            continue  # a title before a name: "Regierungsrath Dr. Müller"
        out.append(Mention(start=start, end=start + len(base), label="ORG"))  # "des Bundesrathes": Bundesrath
    return out


_WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)[ \t]+$")


def bodies_at_places(text: str, mentions: Sequence[Mention], heads: frozenset[str]) -> list[Mention]:
    """A court, a prosecutor's office, a police force or a university named by its place, of which
    the tagger took only the place ("Staatsanwaltschaft Stuttgart", "das Landgericht München",
    "Polizei Köln"): one organisation mention of both words, so the body acts and not the town.
    ``heads``: lower-case nouns or compound heads ("gericht", "staatsanwaltschaft"); a preposition
    between them ("die Polizei in Köln") leaves the place alone."""
    out: list[Mention] = []
    endings = tuple(heads)
    for m in mentions:
        before = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start) if m.label == "LOC" else None
        word = before.group(1).lower() if before is not None else ""
        if before is not None and before.group(1)[:1].isupper() and word.endswith(endings) \
                and not any(n.end > before.start(1) and n.start < m.start for n in mentions):
            out.append(Mention(start=before.start(1), end=m.end, label="ORG"))
        else:
            out.append(m)
    return out


_HYPHENED = re.compile(r"([^\W\d_][\w.&]*)-(?=[^\W\d_])")


def compound_parts(text: str, mentions: Sequence[Mention], known=None) -> list[Mention]:
    """The first part of a compound the tagger leaves untagged that names an organisation or a
    place ("die Amazon-Beschäftigten", "die EU-Partner", "der Syrien-Einmarsch"): a mention of
    that part, so the compound's head noun can name what it belongs to. A part is a name when the
    article tags it on its own elsewhere (as an organisation or a place), or when ``known(part,
    head)`` gives it a label from the part and the compound's last word (or, in "EU-Staats- und
    Regierungschefs", the coordinated word's)."""
    tagged = {text[m.start:m.end]: m.label for m in mentions if m.label in ("ORG", "LOC")}
    out: list[Mention] = []
    for m in _HYPHENED.finditer(text):
        word = m.group(1)
        start = m.start(1)
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
            continue  # a part glued to a longer word
        label = tagged.get(word)
        if label is None and known is not None:
            label = known(word, _compound_head(text, m.end()))
        if label is None or any(n.start < m.end(1) + 1 and start < n.end for n in mentions):
            continue
        out.append(Mention(start=start, end=m.end(1), label=label))
    return out


_REST = re.compile(r"[\w-]*")
_COORDINATED = re.compile(r"\s*(?:und|oder)\s+([\w-]+)")


def _compound_head(text: str, pos: int) -> str:
    """The last word of the compound that goes on at ``pos`` ("Partnern" in "EU-Partnern"), or of
    the word coordinated with it when it ends in a hyphen ("Regierungschefs" in "EU-Staats- und
    Regierungschefs")."""
    rest = _REST.match(text, pos)
    if rest.group().endswith("-") or text[rest.end():rest.end() + 1] == "-":
        after = _COORDINATED.match(text, rest.end() + (text[rest.end():rest.end() + 1] == "-"))
        if after is not None:
            return after.group(1).split("-")[-1]
    return rest.group().split("-")[-1]
