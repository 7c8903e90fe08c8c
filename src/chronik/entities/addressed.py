"""Person names that a form of address or a nobility particle gives away (eighteenth session).

Part of :class:`chronik.entities.repairs.ChunkRepairs` (a mixin: it uses the repairs' lexicon,
gazetteer, role-noun test and name-like test):

* untagged capitalised words after "Herr", "Herrn", "Frau", "Hr.", "Hrn." or "Frl." are a person
  (:meth:`AddressedNames.person_after_address`);
* "von" or "v." between a person and a name, or after a form of address, belongs to the name
  (:meth:`AddressedNames.nobility_names`).
"""

from __future__ import annotations

import re
from typing import Sequence

from chronik.entities.chunkedit import ARTEFACTS, MAX_NAME, Tags, capitalised, chunk_end, free, put_chunk

ADDRESS = frozenset({"Herr", "Herrn", "Frau", "Hr", "Hrn", "Frl"})  # forms of address ("Fr." is francs too)
_ADDRESS_SHORT = frozenset({"Hr", "Hrn", "Frl"})  # abbreviated: a full stop follows
_NOBILITY = frozenset({"von", "v", "zu"})  # "Carl v. Muralt"
_ATTRIBUTIVE = re.compile(r"^(?:[a-zäöüß]+(?:e|er|en|es|em)|ein|dem)$")  # "der", "erster", "einen": "Herr" is a noun
_DEGREES = frozenset({"Dr", "Prof"})  # "Hr. Dr. Locher"


class AddressedNames:
    """The two repairs; the class that mixes it in provides ``gazetteer``, ``is_title``,
    ``not_names`` and ``name_like``."""

    def person_after_address(self, words: Sequence[str], tags: Tags) -> None:
        """Untagged capitalised words after a form of address ("Herr Umlauft", "Hr. Dr. Locher",
        "Frau Brenner"), past "Dr." and "Prof.", that end the capitalised run are a person, with a
        "von"/"v." part and the name after it ("Hr. Dr. Carl v. Muralt"). After an abbreviated form
        ("Hr.", "Hrn.") any capitalised word that is no role noun and no abbreviation counts ("Hr.
        Locher": surnames that are German nouns; not "Herr Abg."); after "Herr" or "Frau" only
        name-like words ("eine Frau Anfang 30")."""
        n = len(words)
        for i in range(n - 1):
            word = words[i]
            if tags[i] != "O" or word not in ADDRESS:
                continue
            j = i + 1
            short = word in _ADDRESS_SHORT
            if short:
                if words[j] != ".":
                    continue
                j += 1
            while j + 1 < n and words[j] in _DEGREES and words[j + 1] == "." and tags[j] == "O":
                j += 2
            k = j
            while k < n and k - j < MAX_NAME and tags[k] == "O" and self._addressed(words, k, short):
                k += 1
            if k > j and k + 2 < n and words[k] in _NOBILITY and tags[k] == "O":
                m = k + 2 if words[k] == "v" and words[k + 1] == "." else k + 1
                if m < n and tags[m] == "B-PER":  # "Carl v. Muralt" with "Muralt" tagged
                    put_chunk(tags, j, chunk_end(tags, m), "PER")
                    continue
                if m < n and tags[m] == "O" and self._addressed(words, m, short):
                    k = m + 1
            if k > j and free(tags, j, k) and (k == n or not capitalised(words[k])):
                put_chunk(tags, j, k, "PER")

    def nobility_names(self, words: Sequence[str], tags: Tags) -> None:
        """"von" or "v." between a person and a name joins them ("Dr. Alphons v. Eccher", "Moriz Ritter
        v. Summer"), and before a person after a form of address, or "v." after a role noun, belongs to
        the name ("Herr von Pappenheim", "Oberleutnant v. Sarlay"; not "Ehemann von Kim Kardashian",
        "Sprecher von Merkel"); not before a place or an organisation ("Müller von Siemens", "Meier
        von Zürich")."""
        n = len(words)
        i = 0
        while i < n - 1:
            if words[i] not in _NOBILITY or tags[i] != "O" or words[i] == "zu":
                i += 1
                continue
            m = i + 2 if words[i] == "v" and words[i + 1] == "." else i + 1
            if words[i] == "von" and m + 1 < n and words[m] in ("der", "den", "dem") and tags[m] == "O" \
                    and i > 0 and tags[i - 1] in ("B-PER", "I-PER"):
                m += 1  # "Ursula von der Leyen": a person's particles
            if words[i] == "v" and m == i + 1 or m >= n:
                i += 1
                continue
            if tags[m] == "B-PER":
                end = chunk_end(tags, m)
            elif tags[m] == "O" and self.name_like(words[m]) and words[m] not in self.gazetteer.word_classes:
                end = m + 1
            elif tags[m] == "B-LOC" and i > 0 and words[i - 1] in ADDRESS and (m + 1 == n or tags[m + 1] != "I-LOC") \
                    and not (i > 1 and _ATTRIBUTIVE.match(words[i - 2])):
                # "Als Herr von Pappenheim": after a form of address a noble name, not a place; but after
                # an article or adjective "Herr" is a lord and the place his ("erster Herr von Werthern")
                end = m + 1
            else:
                i += 1
                continue
            before = i - 1
            if before >= 0 and tags[before] in ("B-PER", "I-PER"):
                start = before
                while start > 0 and tags[start] == "I-PER":
                    start -= 1
                put_chunk(tags, start, end, "PER")
            elif before >= 0 and tags[before] == "O" and (words[before] in ADDRESS or (
                    words[i] == "v" and self.is_title(words[before]))):
                put_chunk(tags, i, end, "PER")  # after a role noun only "v.": "Sprecher von Merkel" is no name
            i = end

    def _addressed(self, words: Sequence[str], k: int, short: bool) -> bool:
        """Whether ``words[k]`` can be a name after a form of address (see person_after_address)."""
        word = words[k]
        if not capitalised(word) or self.is_title(word) or word in self.not_names or ARTEFACTS.intersection(word):
            return False
        if len(word) <= 4 and k + 1 < len(words) and words[k + 1] == ".":
            return False  # an abbreviation: "Abg.", "Präs."
        return short or self.name_like(word)
