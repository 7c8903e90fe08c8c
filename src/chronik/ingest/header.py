"""Leading header lines of ``.txt`` articles: ``date 2023-09``, ``title ...``, ``source ...``, ``url ...``.

A header may stand on lines of its own or, as some exports do, run straight into the text
on the first line (`` date 2023-09 Es geht um ...``): ``date`` and ``url`` take one token,
the other keys take the rest of their line.
"""

from __future__ import annotations

import re

_DATE = r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
_ONE_TOKEN = re.compile(rf"[ \t]*(?P<key>date|url)[ \t]*[:=]?[ \t]+(?P<value>{_DATE}|https?://\S+)(?=\s|$)", re.I)
_WHOLE_LINE = re.compile(r"[ \t]*(?P<key>title|source|author|lang|outlet)[ \t]*[:=]?[ \t]+(?P<value>[^\n]+)", re.I)
KEYS = ("date", "url", "title", "source", "author", "lang", "outlet")


def parse_header(text: str) -> tuple[dict[str, str], int]:
    """The header fields and the offset where the article text begins (0: no header)."""
    fields: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        m = _ONE_TOKEN.match(text, pos) or _WHOLE_LINE.match(text, pos)
        if not m or m.group("key").lower() in fields:
            break
        fields[m.group("key").lower()] = m.group("value").strip()
        pos = m.end()
        rest = re.match(r"[ \t]*(\r?\n)?", text[pos:])
        pos += rest.end()
        if not rest.group(1) and pos < len(text) and text[pos] not in "\r\n":
            break  # the header ran into the text on the same line
    if not fields:
        return {}, 0
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return fields, pos
