"""Runs the rules over a text, each only where it can match: anchored rule scanning.

Running every applicable rule's regex over a whole text costs one pass of the regex engine
per rule and character. Most rules start with optional words and then one required piece:
``(?:{det}\\s)?{num}\\s...``, ``{month}...``, ``jede[nmrs]?\\s...``. That piece is the rule's
*anchor*. A match of the rule at ``s`` puts its anchor somewhere in ``[s, s + D]``, where ``D``
is the longest the optional words can be. So the anchor's occurrences are found first, once
per text for all rules that share the anchor, and the rule is only tried (``regex.match``) at
the word starts up to ``D`` characters before an occurrence, walking left to right and
skipping what the previous match took, which is exactly what ``finditer`` returns.

Anchors of case-insensitive rules are searched case-sensitively in ``text.lower()`` with the
pattern lowered, which lets the regex engine jump between possible first characters instead
of trying every position. That is the same as a case-insensitive search only for texts whose
cased characters are all Latin-1; other texts (and rules without a usable anchor:
line-start rules, rules that open with a long optional part) run ``finditer`` as before.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from chronik.time.grammar import Rule, first_class

_NON_WORD = re.compile(r"\W")
_NON_LATIN1 = re.compile(r"[^\x00-\xff]")
MAX_PREFIX = 40  # characters of optional words before an anchor; longer prefixes run unanchored


class Unsupported(Exception):
    """A pattern piece the anchor analysis does not handle (the rule runs unanchored)."""


class Scanner:
    """The rules of a grammar with their anchors; runs them over texts."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._anchors: dict[int, tuple[int, int]] = {}  # rule order -> (locator index, D)
        self._locators: list[tuple[re.Pattern[str], bool]] = []  # (pattern, on lowered text)
        keys: dict[str, int] = {}
        for rule in rules:
            found = _anchor(rule)
            if found is None:
                continue
            key, pattern, lowered, reach = found
            if key not in keys:
                keys[key] = len(self._locators)
                self._locators.append((pattern, lowered))
            self._anchors[rule.order] = (keys[key], reach)

    def anchored(self, rule: Rule) -> bool:
        return rule.order in self._anchors

    def matches(self, text: str, rules: Sequence[Rule]) -> Iterator[tuple[Rule, re.Match[str]]]:
        """Every rule's matches in ``text``: for each rule, what ``rule.regex.finditer`` yields."""
        lowered = text.lower()
        safe = len(lowered) == len(text) and all(
            ch.lower() == ch.upper() for ch in _NON_LATIN1.findall(text)
        )
        occurrences: dict[int, list[int]] = {}
        for rule in rules:
            anchor = self._anchors.get(rule.order) if safe else None
            if anchor is None:
                for m in rule.regex.finditer(text):
                    yield rule, m
                continue
            index, reach = anchor
            found = occurrences.get(index)
            if found is None:
                pattern, on_lowered = self._locators[index]
                found = occurrences[index] = [m.start() for m in pattern.finditer(lowered if on_lowered else text)]
            if not found:
                continue
            candidates: Sequence[int] = found
            if reach:  # the match may start with optional words: at a word start before the anchor
                picked = set(found)
                for t in found:
                    if t - reach <= 0:
                        picked.add(0)
                    picked.update(m.end() for m in _NON_WORD.finditer(text, max(t - reach - 1, 0), t - 1))
                candidates = sorted(picked)
            match = rule.regex.match
            pos = 0
            for s in candidates:
                if s < pos:
                    continue
                m = match(text, s)
                if m is not None:
                    yield rule, m
                    pos = m.end()


def _anchor(rule: Rule) -> tuple[str, re.Pattern[str], bool, int] | None:
    """(key, locator, search in lowered text?, D) for a rule, or ``None`` to run it unanchored."""
    if "line-start" in rule.flags or rule.body is None:
        return None
    try:
        from re import _compiler, _constants as sre, _parser
    except ImportError:  # private modules; without them rules run unanchored
        return None
    ignorecase = bool(rule.regex.flags & re.IGNORECASE)
    try:
        tree = _parser.parse(rule.body, rule.regex.flags & (re.IGNORECASE | re.UNICODE))
        if tree.getwidth()[0] == 0:
            return None
        items = list(tree.data)
        reach = 0
        i = 0
        while i < len(items):
            op, av = items[i]
            if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
                i += 1
                continue
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] == 0:
                # optional words: must end in a space, so that the anchor follows a non-word
                last = av[2].data[-1] if av[2].data else None
                if last != (sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)]):
                    return None
                reach += _parser.SubPattern(tree.state, [items[i]]).getwidth()[1]
                if reach > MAX_PREFIX:
                    return None
                i += 1
                continue
            break
        if i == len(items):
            return None
        j = i + 1
        if items[i][0] is sre.LITERAL:  # a literal word: take all of it
            while j < len(items) and items[j][0] is sre.LITERAL:
                j += 1
        state = _parser.State()
        state.flags = rule.regex.flags & ~re.IGNORECASE

        def make(data):
            return _parser.SubPattern(state, data)

        piece = make([_plain(item, sre, ignorecase, make) for item in items[i:j]])
        first = first_class(piece, state.flags)
        if first is None:
            return None
        # "[first](?<=(?<!\w)(?=piece)[first])": the engine jumps from one possible first
        # character to the next; every position where the piece matches after a non-word
        first_item = _parser.parse(first, state.flags).data[0]
        not_word = (sre.ASSERT_NOT, (-1, make([(sre.IN, [(sre.CATEGORY, sre.CATEGORY_WORD)])])))
        behind = make([not_word, (sre.ASSERT, (1, piece)), first_item])
        locator = _compiler.compile(make([first_item, (sre.ASSERT, (-1, behind))]), state.flags)
    except (Unsupported, re.error, AttributeError, TypeError, IndexError):
        return None
    return (repr((ignorecase, piece.data)), locator, ignorecase, reach)


def _plain(item, sre, lower: bool, make):
    """``item`` without capturing groups and, when ``lower``, with its characters lowered."""
    op, av = item

    def seq(data):
        return make([_plain(x, sre, lower, make) for x in data])

    def char(code: int) -> int:
        if not lower:
            return code
        ch = chr(code)
        if code > 0xFF and ch.lower() != ch.upper():
            raise Unsupported(ch)  # a cased character outside Latin-1: folding may differ
        low = ch.lower()
        if len(low) != 1:
            raise Unsupported(ch)
        return ord(low)

    if op in (sre.LITERAL, sre.NOT_LITERAL):
        return (op, char(av))
    if op is sre.IN:
        out = []
        for kind, value in av:
            if kind is sre.LITERAL:
                out.append((kind, char(value)))
            elif kind is sre.RANGE:
                if not lower:
                    out.append((kind, value))
                elif value[1] - value[0] > 512:
                    raise Unsupported("range")
                else:
                    out.extend((sre.LITERAL, c) for c in sorted({char(c) for c in range(value[0], value[1] + 1)}))
            elif kind in (sre.NEGATE, sre.CATEGORY):
                out.append((kind, value))
            else:
                raise Unsupported(str(kind))
        return (op, out)
    if op is sre.BRANCH:
        return (op, (None, [seq(alt) for alt in av[1]]))
    if op is sre.SUBPATTERN:
        _group, add, delete, data = av
        if lower and (add | delete) & re.IGNORECASE:
            raise Unsupported("inline case flags")
        return (op, (None, add, delete, seq(data)))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        return (op, (av[0], av[1], seq(av[2])))
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return (op, (av[0], seq(av[1])))
    if op in (sre.AT, sre.ANY, sre.CATEGORY):
        return (op, av)
    raise Unsupported(str(op))
