"""German transcription of Russian and Ukrainian names ("Лавров" -> "Lawrow", "Шойгу" -> "Schoigu",
"Зеленський" -> "Selenskyj"), for name lists built from Cyrillic sources.

The letter table is ``data/translit.tsv``; the context rules of the Duden transcription are here:
Russian е is "je" at the start of a word and after a vowel or a hard/soft sign, ё after ж ч ш щ
is "o", с between vowels is "ss", a final -ий is "i" and -ый "y"; a final -ей also gives the
common "-ej" spelling as a variant ("Sergei", "Sergej").
"""

from __future__ import annotations

from importlib import resources

_VOWELS = set("аеёиоуыэюяіїєAЕЁИОУЫЭЮЯІЇЄ".lower())


class Transliterator:
    """``(word, lang)`` -> German spellings (the Duden one first)."""

    def __init__(self) -> None:
        text = resources.files("chronik.entities.data").joinpath("translit.tsv").read_text("utf-8")
        self.tables: dict[str, dict[str, str]] = {}
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            lang, cyr, lat = (line.split("\t") + [""])[:3]
            self.tables.setdefault(lang, {})[cyr] = lat

    def __call__(self, word: str, lang: str = "ru") -> list[str]:
        table = self.tables[lang]
        low = word.lower()
        out: list[str] = []
        i = 0
        while i < len(low):
            c = low[i]
            prev = low[i - 1] if i else ""
            nxt = low[i + 1] if i + 1 < len(low) else ""
            pair = low[i:i + 2]
            if len(pair) == 2 and pair in table:
                out.append(table[pair])
                i += 2
                continue
            if lang == "ru" and c == "е" and (i == 0 or prev in _VOWELS or prev in "ъь"):
                lat = "je"
            elif lang == "ru" and c == "ё" and prev in "жчшщ":
                lat = "o"
            elif c == "с" and prev in _VOWELS and nxt in _VOWELS:
                lat = "ss"
            elif lang == "ru" and c == "и" and prev == "ь":
                lat = "ji"
            elif lang == "ru" and c == "й" and i == 0:
                lat = "j"
            elif lang == "ru" and c == "й" and i == len(low) - 1 and prev in "иы":
                lat = ""  # -ий -> -i, -ый -> -y
            elif c in table:
                lat = table[c]
            else:
                return []  # a letter the table does not know: no spelling
            out.append(lat)
            i += 1
        spelled = "".join(out)
        if not spelled:
            return []
        spelled = spelled[0].upper() + spelled[1:]
        variants = [spelled]
        if lang == "ru" and low.endswith("ей") and spelled.endswith("ei"):
            variants.append(spelled[:-1] + "j")
        return variants
