"""HTML fragments (feed items, JSON fields) to plain text with paragraphs on their own lines."""

from __future__ import annotations

import html as htmllib
import re

_BLOCK = re.compile(r"(?i)</?(p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\u00a0]+")


def html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return htmllib.unescape(fragment).strip()
    text = _BLOCK.sub("\n", fragment)
    text = htmllib.unescape(_TAG.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)
