"""Entity mentions that name no actor of their own: an adjective or a currency the tagger took
for a name, a name in brackets after another name, an acronym of the name before it, and the first
part of a compound before a name. :mod:`chronik.events.analysis` leaves them out of the phrases."""

from __future__ import annotations

import re

from chronik.events.view import SentenceView
from chronik.model import Mention

_NAMED_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][\w.]*-[a-zäöüß]{4,}(?:e|en|er|es|em)")
_ADJECTIVE_NOUN = re.compile(r"[a-zäöüß]{4,}(?:e|en|er|es|em) [A-ZÄÖÜ][a-zäöüß]{3,}")


def bracketed(view: SentenceView, m: Mention, mentions) -> bool:
    """A name in brackets right after another name ("Franz Josef Jung ( CDU )", "Moskau (Russland)"):
    an apposition of that name (party, country), not an actor of its own."""
    src = view.source  # the whole article text; positions are absolute
    before = src[max(view.start, m.start - 3):m.start].rstrip()
    after = src[m.end:m.end + 3].lstrip()
    if not before.endswith("(") or not after.startswith(")"):
        return False
    open_at = src.rfind("(", view.start, m.start)
    prev_end = src[view.start:open_at].rstrip()
    end = view.start + len(prev_end)
    return any(o.end == end for _, o in mentions)


def initials(view: SentenceView, m: Mention, mentions) -> bool:
    """An acronym right after a name whose words it abbreviates ("der Deutschen Presse-Agentur
    dpa", "Islamischer Staat IS"): the same actor again, not one of its own."""
    src = view.source
    text = src[m.start:m.end]
    if not (2 <= len(text) <= 6 and text.isalpha() and (text.isupper() or text.islower())):
        return False
    for _, o in mentions:
        if o.end < m.start and not src[o.end:m.start].strip():
            words = re.split(r"[\s-]+", src[o.start:o.end])
            return "".join(w[:1] for w in words if w).lower() == text.lower()
    return False


def adjectival(view: SentenceView, m: Mention, currencies: frozenset[str]) -> bool:
    """Mentions that are not names of actors: adjectives tagged as places ("türkische",
    "Bremerhavener Lloyd-Werft"), and currencies ("Euro", "US-Dollar")."""
    text = view.text_of(m)
    if not text:
        return True
    if not text[0].isupper() and re.fullmatch(r"[a-zäöüß-]{4,}(?:e|en|er|es|em)", text):
        return True  # "türkische", "südamerikanischen": an adjective, not a name
    if _NAMED_ADJECTIVE.fullmatch(text):
        return True  # "US-amerikanische", "EU-weiten": an adjective with a name in it
    if _ADJECTIVE_NOUN.fullmatch(text):
        return True  # "städtische Umweltamt": an adjective and a common noun, not a name
    if text in currencies or text.split("-")[-1] in currencies:
        return True
    if m.label == "LOC" and text.endswith("er") and " " not in text:
        nxt = next((t for t in view.toks if t.start >= m.end), None)
        return nxt is not None and nxt.start - m.end <= 1 and nxt.cap and nxt.word
    return False


def attribute(view: SentenceView, m: Mention, mentions) -> bool:
    """A name as the first part of a compound right before another name ("US-Konzern General
    Electric"): an attribute of that name, not an actor of its own."""
    tok = next((t for t in view.toks if t.start < m.end <= t.end), None)
    if tok is None or m.end >= tok.end or view.source[m.end:m.end + 1] != "-" or tok.i + 1 >= len(view.toks):
        return False
    nxt = view.toks[tok.i + 1]
    return any(o.start <= nxt.start < o.end for _, o in mentions)
