"""Loads a language's temporal grammar: a lexicon and a rule table, both TSV files.

``data/<lang>/lexicon.tsv`` has one row per normalised value::

    category <TAB> value <TAB> forms

``forms`` is a regular expression (usually alternatives: ``Jänner|Januar|Jän\\.``). A value
starting with ``=`` names a converter applied to the matched text (``=int``, ``=year``...);
the value ``-`` makes the category a plain macro (a non-capturing group, no value).

``data/<lang>/rules.tsv`` has one row per rule::

    id <TAB> type <TAB> pattern <TAB> value <TAB> mod <TAB> flags

In a pattern, ``{month}`` stands for the lexicon category ``month`` captured as a named group;
``{month2}`` captures a second month (trailing digits are ignored when looking up the
category). In a value, ``{month}`` is replaced by the normalised value of that group and
``{year|????}`` gives a default for a group that did not take part in the match. The value
language itself (``DCT -1 day``, ``weekday {weekday}``, ``????-{month}-{day}``...) is
described in ``docs/time.md`` and implemented in :mod:`chronik.time.resolve`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Callable

from chronik.errors import ConfigError

TYPES = ("DATE", "TIME", "DURATION", "SET", "NONE")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)(\d*)\}")
_TEMPLATE = re.compile(r"\{([A-Za-z_]+\d*)(?:\|([^}]*))?\}")
_WORD = r"(?<![\w])(?<![^\W\d]-)"  # no word, and no compound ("MIP-Montag"), precedes
_END = r"(?![\w]|-[^\W\d])"  # no word, and no compound ("Winter-Biathlon") follows
_TOKEN = re.compile(r"\w+")
# two placeholders with nothing or an optional space between: "{weekday}\s?{part}"
_GLUED = re.compile(r"\{([A-Za-z_]+)\d*\}(?:\\s\?)?\{([A-Za-z_]+)\d*\}")
_PLAIN = re.compile(r"(?:\w|\\\.)+(?: \w+)*")  # words, "Jän\.", "Heilige Drei Könige"
_LINE_START = r"(?:(?<=\n)|(?<![\s\S]))[ \t]*"


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _int(text: str) -> str:
    return str(int(_digits(text)))


def _int2(text: str) -> str:
    return f"{int(_digits(text)):02d}"


def _year(text: str) -> str:
    digits = _digits(text)
    if len(digits) == 2:  # '98 -> 1998, '14 -> 2014: the nearer century of the two
        n = int(digits)
        return f"{2000 + n if n < 50 else 1900 + n:04d}"
    return f"{int(digits):04d}"


def _decimal(text: str) -> str:
    value = float(text.replace(",", "."))
    return str(int(value)) if value.is_integer() else str(value)


def _century(text: str) -> str:
    """The 15th century is written ``14`` in TIMEX3 (the years 14xx)."""
    return f"{int(_digits(text)) - 1:02d}"


def _decade(text: str) -> str:
    digits = _digits(text)
    return digits[:3] if len(digits) == 4 else digits[:2]


def _hour_pm(text: str) -> str:
    """"3" p.m. -> 15, "12" p.m. -> 12."""
    hour = int(_digits(text))
    return f"{hour if hour == 12 else (hour + 12) % 24:02d}"


def _hour_am(text: str) -> str:
    """"12" a.m. -> 00."""
    hour = int(_digits(text))
    return f"{0 if hour == 12 else hour:02d}"


CONVERTERS: dict[str, Callable[[str], str]] = {
    "hour_pm": _hour_pm,
    "hour_am": _hour_am,
    "int": _int,
    "int2": _int2,
    "year": _year,
    "decimal": _decimal,
    "century": _century,
    "decade": _decade,
    "text": lambda text: text,
}


@dataclass(frozen=True, slots=True)
class Entry:
    form: re.Pattern[str]
    value: str


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    pattern: str  # the alternatives, as one regex
    entries: tuple[Entry, ...]
    macro: bool  # no value: expands to a non-capturing group
    words: frozenset[str] | None = None  # the forms (lowercase), when all are plain words


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    type: str
    regex: re.Pattern[str]
    value: str
    mod: str | None
    flags: frozenset[str]
    attrs: tuple[tuple[str, str], ...]  # key=value flags, e.g. quant=EVERY
    order: int
    needs: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())  # categories, literals
    body: str | None = None  # the pattern with categories expanded (before the word bounds)


@dataclass(slots=True)
class Grammar:
    """The compiled rules and lexicon of one language; caches normalisations per object."""

    lang: str
    categories: dict[str, Category]
    rules: tuple[Rule, ...]
    glued: frozenset[str] = frozenset()  # categories some rule writes inside a word
    _cache: dict[tuple[str, str], str] = field(default_factory=dict)
    _plan: tuple | None = None  # the literal words and checks of :meth:`applicable`, built once

    def normalise(self, group: str, text: str) -> str:
        """The lexicon value of ``text`` captured by the named group ``group``."""
        key = (group, text)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        category = self.categories[group.rstrip("0123456789")]
        value = text
        folded = " ".join(text.split())
        for entry in category.entries:
            if entry.form.fullmatch(folded):
                value = entry.value
                break
        if value.startswith("=") and len(value) > 1:
            value = CONVERTERS[value[1:]](folded)
        self._cache[key] = value
        return value

    def applicable(self, text: str) -> list[Rule]:
        """The rules that can match in ``text``: those whose required words all occur.

        A rule's required lexicon categories and literal words are worked out once from its
        pattern; checking them costs a substring test or one search per category, much
        less than running every rule over every text.
        """
        folded = text.lower()
        tokens = set(_TOKEN.findall(folded))
        if self._plan is None:
            self._plan = _plan(self.rules)
        literals, rules = self._plan
        found = [lit in (text if case else folded) for lit, case in literals]  # each word once
        has = found.__getitem__
        present: dict[str, bool] = {}
        out = []
        for rule, needed, categories in rules:
            if needed and not all(map(has, needed)):
                continue
            ok = True
            for name in categories:
                if name not in present:
                    words = self.categories[name].words
                    if words is not None:  # whole words; a substring if rules glue them ("Dienstagabend")
                        present[name] = not words.isdisjoint(tokens) or (
                            name in self.glued and self._inside(name).search(folded) is not None
                        )
                    else:
                        present[name] = self._search(name).search(text) is not None
                if not present[name]:
                    ok = False
                    break
            if ok:
                out.append(rule)
        return out

    def _search(self, name: str) -> re.Pattern[str]:
        key = ("$search", name)
        hit = self._cache.get(key)
        if hit is None:
            pattern = self.categories[name].pattern
            first = first_class(pattern, re.IGNORECASE)  # lets the engine skip most positions
            hit = re.compile(f"(?={first})(?:{pattern})" if first else pattern, re.IGNORECASE)
            self._cache[key] = hit  # type: ignore[assignment]
        return hit  # type: ignore[return-value]

    def _inside(self, name: str) -> re.Pattern[str]:
        """Finds any word of category ``name`` as a substring (one pass instead of one per word)."""
        key = ("$inside", name)
        hit = self._cache.get(key)
        if hit is None:
            words = sorted(self.categories[name].words or (), key=len, reverse=True)
            hit = re.compile("|".join(re.escape(w) for w in words) or "(?!)")
            self._cache[key] = hit  # type: ignore[assignment]
        return hit  # type: ignore[return-value]

    def fill(self, template: str, match: re.Match[str]) -> str:
        """``template`` with ``{group}`` replaced by normalised group values."""

        def sub(m: re.Match[str]) -> str:
            name, default = m.group(1), m.group(2)
            text = match.group(name) if name in match.re.groupindex else None
            if text is None:
                return default if default is not None else ""
            return self.normalise(name, text)

        return _TEMPLATE.sub(sub, template)


def _plan(rules: tuple[Rule, ...]) -> tuple[list[tuple[str, bool]], list[tuple[Rule, tuple[int, ...], tuple[str, ...]]]]:
    """Distinct (literal, case-sensitive) pairs, and per rule the indices of its literals
    and its categories, in the order :meth:`Grammar.applicable` checks them."""
    index: dict[tuple[str, bool], int] = {}
    checks = []
    for rule in rules:
        categories, literals = rule.needs
        case = "case" in rule.flags
        ids = tuple(index.setdefault((lit, case), len(index)) for lit in literals)
        checks.append((rule, ids, tuple(sorted(categories))))
    return list(index), checks


def _rows(text: str, source: str, columns: int) -> list[tuple[int, list[str]]]:
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) < columns:
            raise ConfigError(f"{source}:{number}: expected {columns} tab-separated columns, got {len(cells)}")
        rows.append((number, [c.strip() for c in cells]))
    return rows


def _load_lexicon(text: str, source: str) -> dict[str, Category]:
    grouped: dict[str, list[tuple[str, str]]] = {}
    for number, cells in _rows(text, source, 3):
        name, value, forms = cells[0], cells[1], cells[2]
        if not re.fullmatch(r"[A-Za-z_]+", name):
            raise ConfigError(f"{source}:{number}: category names are letters and _ only: {name!r}")
        try:
            re.compile(forms)
        except re.error as exc:
            raise ConfigError(f"{source}:{number}: bad pattern {forms!r}: {exc}") from exc
        if value.startswith("=") and value[1:] not in CONVERTERS:
            raise ConfigError(f"{source}:{number}: unknown converter {value!r}")
        grouped.setdefault(name, []).append((value, forms))
    categories = {}
    for name, rows in grouped.items():
        alternatives = sorted((f for _, forms in rows for f in _split_alternatives(forms)), key=len, reverse=True)
        entries = tuple(Entry(re.compile(forms, re.IGNORECASE), value) for value, forms in rows)
        macro = all(value == "-" for value, _ in rows)
        words = None
        if all(_PLAIN.fullmatch(a) for a in alternatives):
            words = frozenset(a.replace("\\.", "").lower() for a in alternatives if " " not in a)
            words |= {a.split()[0].lower() for a in alternatives if " " in a}
        categories[name] = Category(name, "|".join(alternatives), entries, macro, words)
    return categories


def _split_alternatives(forms: str) -> list[str]:
    """Top-level ``|`` alternatives of a regex (so they can be sorted longest first)."""
    parts, depth, current, escaped = [], 0, [], False
    for ch in forms:
        if escaped:
            current.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def _expand(pattern: str, categories: dict[str, Category], source: str) -> str:
    seen: set[str] = set()

    def sub(m: re.Match[str]) -> str:
        name, suffix = m.group(1), m.group(2)
        category = categories.get(name)
        if category is None:
            raise ConfigError(f"{source}: unknown lexicon category {{{name}}}")
        if category.macro:
            return "(?:" + category.pattern + ")"
        group = name + suffix
        if group in seen:
            raise ConfigError(f"{source}: group {{{group}}} used twice; write {{{name}2}} for the second")
        seen.add(group)
        return f"(?P<{group}>" + category.pattern + ")"

    return _PLACEHOLDER.sub(sub, pattern)


def _load_rules(text: str, source: str, categories: dict[str, Category]) -> tuple[Rule, ...]:
    rules = []
    ids = set()
    for number, cells in _rows(text, source, 4):
        rid, type_, pattern, value = cells[:4]
        mod = cells[4] if len(cells) > 4 and cells[4] not in ("", "-") else None
        raw_flags = cells[5].split(",") if len(cells) > 5 and cells[5] not in ("", "-") else []
        where = f"{source}:{number} ({rid})"
        if type_ not in TYPES:
            raise ConfigError(f"{where}: type must be one of {TYPES}, not {type_!r}")
        if rid in ids:
            raise ConfigError(f"{where}: duplicate rule id")
        ids.add(rid)
        flags = frozenset(f.strip() for f in raw_flags if "=" not in f)
        attrs = tuple(tuple(f.strip().split("=", 1)) for f in raw_flags if "=" in f)
        body = _expand(pattern, categories, where)
        re_flags = 0 if "case" in flags else re.IGNORECASE
        try:
            re.compile(body, re_flags)
        except re.error as exc:
            raise ConfigError(f"{where}: bad pattern: {exc}") from exc
        first = first_class(body, re_flags)
        head = _LINE_START if "line-start" in flags else ""
        regex = re.compile(head + ("(?=" + first + ")" if first else "") + _WORD + "(?:" + body + ")" + _END, re_flags)
        for name, _ in _TEMPLATE.findall(value):
            if name not in regex.groupindex:
                raise ConfigError(f"{where}: value uses {{{name}}}, which the pattern does not capture")
        needs = _needs(body, re_flags)
        rules.append(Rule(rid, type_, regex, value, mod, flags, attrs, len(rules), needs, body))  # type: ignore[arg-type]
    return tuple(rules)


def first_class(body, flags: int) -> str | None:
    """A character class every match of ``body`` starts with, or ``None`` if unknown.

    Put in front of a rule as a lookahead, it lets the regex engine skip most positions of
    a text cheaply instead of walking long alternations at each one (a 5x speed-up).
    ``body`` is a pattern, or a pattern already parsed by ``re._parser``.
    """
    try:  # the parser is private; without it rules simply run unfiltered
        from re import _constants as sre, _parser

        tree = _parser.parse(body, flags) if isinstance(body, str) else body
    except (ImportError, AttributeError, re.error):
        return None
    items: set[str] = set()
    ignorecase = bool(flags & re.IGNORECASE)

    def literal(code: int, fold: bool) -> None:
        ch = chr(code)
        for variant in {ch, ch.lower(), ch.upper()} if fold else {ch}:
            if len(variant) == 1:
                items.add(re.escape(variant))

    def first(seq, fold: bool) -> bool | None:
        """Adds FIRST(seq) to ``items``; returns whether seq can match empty, None if unknown."""
        for op, av in seq:
            if op is sre.LITERAL:
                literal(av, fold)
                return False
            if op is sre.IN:
                for kind, value in av:
                    if kind is sre.LITERAL:
                        literal(value, fold)
                    elif kind is sre.RANGE:
                        if fold and any(chr(c).lower() != chr(c).upper() for c in value):
                            return None
                        items.add(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
                    elif kind is sre.CATEGORY and value in CATEGORIES:
                        items.add(CATEGORIES[value])
                    else:
                        return None
                return False
            if op is sre.BRANCH:
                empty = False
                for alternative in av[1]:
                    result = first(alternative, fold)
                    if result is None:
                        return None
                    empty = empty or result
                if not empty:
                    return False
                continue
            if op is sre.SUBPATTERN:
                add = av[1]
                result = first(av[3], fold or (bool(add & re.IGNORECASE) and not ignorecase))
                if result is None or not result:
                    return result
                continue
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
                result = first(av[2], fold)
                if result is None:
                    return None
                if av[0] > 0 and not result:
                    return False
                continue
            if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
                continue
            return None
        return True

    CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}
    if first(tree.data, False) is not False or not items:
        return None
    return "[" + "".join(sorted(items)) + "]"


def _needs(body: str, flags: int) -> tuple[frozenset[str], tuple[str, ...]]:
    """Lexicon categories and literal words (3+ letters) every match of ``body`` contains."""
    try:
        from re import _constants as sre, _parser

        tree = _parser.parse(body, flags)
    except (ImportError, AttributeError, re.error):
        return frozenset(), ()
    names = {gid: name for name, gid in tree.state.groupdict.items()}
    categories: set[str] = set()
    literals: list[str] = []

    def walk(seq) -> None:
        run: list[str] = []
        for op, av in list(seq) + [(None, None)]:
            if op is sre.LITERAL:
                run.append(chr(av))
                continue
            word = "".join(run).strip()
            if len(word) >= 3 and not any(ch.isspace() for ch in word):
                literals.append(word.lower() if flags & re.IGNORECASE else word)
            run = []
            if op is sre.SUBPATTERN:
                gid, add = av[0], av[1]
                name = names.get(gid)
                if name and name != "t":
                    categories.add(name.rstrip("0123456789"))
                elif not add & re.IGNORECASE or flags & re.IGNORECASE:
                    walk(av[3])
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] > 0:
                walk(av[2])

    walk(tree.data)
    return frozenset(categories), tuple(literals)


def load_grammar(lang: str) -> Grammar:
    """Reads ``data/<lang>/lexicon.tsv`` and ``data/<lang>/rules.tsv`` from this package."""
    base = resources.files("chronik.time").joinpath("data", lang)
    if not base.joinpath("rules.tsv").is_file():
        raise ConfigError(f"no temporal grammar for language {lang!r}")
    lexicon_text = base.joinpath("lexicon.tsv").read_text("utf-8")
    rules_text = base.joinpath("rules.tsv").read_text("utf-8")
    return build_grammar(lang, lexicon_text, rules_text)


def build_grammar(lang: str, lexicon: str, rules: str) -> Grammar:
    """A grammar from the text of a lexicon and a rule table (for tests and extensions)."""
    categories = _load_lexicon(lexicon, f"{lang}/lexicon.tsv")
    glued = {m.group(1) for m in _GLUED.finditer(rules)} | {m.group(2) for m in _GLUED.finditer(rules)}
    return Grammar(lang, categories, _load_rules(rules, f"{lang}/rules.tsv", categories), frozenset(glued) - {""})
