"""Timelines as plain text, Markdown, JSON and a self-contained HTML page."""

from __future__ import annotations

import html
import json
from typing import Sequence

from chronik.model import TimelineEntry


def _when(e: TimelineEntry) -> str:
    if e.date:
        return e.date if e.precision == "day" else f"{e.date} ({e.precision})"
    return f"undated, after {e.after}" if e.after else "undated"


def _heading(e: TimelineEntry) -> str:
    """The date line of Markdown and HTML (German pages): planned events say so."""
    return f"{_when(e)}, geplant" if e.kind == "planned" else _when(e)


def as_json(entries: Sequence[TimelineEntry]) -> str:
    return json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=2)


def as_text(entries: Sequence[TimelineEntry]) -> str:
    lines = []
    for e in entries:
        tag = f"  [{e.kind}]" if e.kind != "event" else ""
        lines.append(f"{_when(e)}{tag}")
        lines.append(f"  {e.summary}")
        who = ", ".join(e.actors)
        if who or e.place:
            lines.append(f"  who: {who or '–'}; where: {e.place or '–'}")
        n = len(e.articles)
        lines.append(f"  sources: {', '.join(e.sources)} ({n} article{'' if n == 1 else 's'}; confidence {e.confidence})")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def as_markdown(entries: Sequence[TimelineEntry], title: str = "Chronik") -> str:
    out = [f"# {title}", ""]
    for e in entries:
        if e.kind == "background":
            continue
        out.append(f"## {_heading(e)}")
        out.append("")
        out.append(e.summary)
        out.append("")
        if e.actors or e.place:
            out.append(f"- **Wer:** {', '.join(e.actors) or '–'}  ")
            out.append(f"- **Wo:** {e.place or '–'}  ")
        out.append(f"- **Quellen:** {', '.join(e.sources)} ({len(e.articles)} Artikel)")
        out.append("")
    background = [e for e in entries if e.kind == "background"]
    if background:
        out += ["## Hintergrund", ""] + [f"- {_when(e)}: {e.summary}" for e in background] + [""]
    return "\n".join(out)


_CSS = """body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem}ol{list-style:none;padding:0;border-left:3px solid #c33;margin-left:.5rem}
li{margin:0 0 1.2rem 1rem;position:relative}li:before{content:"";position:absolute;left:-1.45rem;top:.45rem;
width:.7rem;height:.7rem;border-radius:50%;background:#c33}time{font-weight:600}.meta{color:#555;font-size:.9rem}
.bg li:before{background:#999}.bg{border-color:#999}.undated time{font-style:italic}"""


def as_html(entries: Sequence[TimelineEntry], title: str = "Chronik") -> str:
    def item(e: TimelineEntry) -> str:
        cls = ' class="undated"' if not e.date else ""
        meta = []
        if e.actors or e.place:
            meta.append(f"Wer: {html.escape(', '.join(e.actors) or '–')} · Wo: {html.escape(e.place or '–')}")
        meta.append(f"Quellen: {html.escape(', '.join(e.sources))} ({len(e.articles)} Artikel)")
        return (f"<li{cls}><time>{html.escape(_heading(e))}</time><p>{html.escape(e.summary)}</p>"
                f"<p class=\"meta\">{'<br>'.join(meta)}</p></li>")

    news = "".join(item(e) for e in entries if e.kind != "background")
    background = "".join(item(e) for e in entries if e.kind == "background")
    bg = f"<h2>Hintergrund</h2><ol class=\"bg\">{background}</ol>" if background else ""
    return (f"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{html.escape(title)}</title>"
            f"<style>{_CSS}</style></head><body><h1>{html.escape(title)}</h1><ol>{news}</ol>{bg}</body></html>\n")


RENDERERS = {"text": as_text, "json": as_json, "markdown": as_markdown, "html": as_html}
