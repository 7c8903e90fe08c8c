"""Build German-transcribed Russian and Ukrainian first and last names for the entity gazetteers.

    .venv/bin/pip install faker            # MIT; only to rebuild these lists
    .venv/bin/python scripts/ner_names.py  # writes src/chronik/entities/data/translit_*_names.txt

Source: Faker's ru_RU and uk_UA person providers (native script), transcribed by
:class:`chronik.entities.translit.Transliterator` (Duden rules).
"""

from __future__ import annotations

from pathlib import Path

from chronik.entities.translit import Transliterator

OUT = Path(__file__).resolve().parents[1] / "src" / "chronik" / "entities" / "data"


def main() -> None:
    from faker.providers.person import ru_RU, uk_UA

    tr = Transliterator()
    first: set[str] = set()
    last: set[str] = set()
    for lang, provider in (("ru", ru_RU.Provider), ("uk", uk_UA.Provider)):
        for attr, target in (("first_names_male", first), ("first_names_female", first),
                             ("middle_names_male", None), ("last_names_male", last),
                             ("last_names_female", last), ("last_names", last)):
            names = getattr(provider, attr, ())
            if target is None:
                continue
            names = names.keys() if isinstance(names, dict) else names
            for name in names:
                target.update(tr(name, lang))
    for name, words in (("translit_first_names.txt", first), ("translit_last_names.txt", last)):
        (OUT / name).write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
        print(name, len(words))


if __name__ == "__main__":
    main()
