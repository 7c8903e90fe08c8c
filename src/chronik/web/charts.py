"""Geometry for the small inline SVG charts of the entity page; the templates draw them.

Nothing here knows HTML: functions return coordinates in a fixed ``viewBox`` so the
SVG scales to any screen width, and every label stays plain text for the autoescaping
template.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Sequence


@dataclass(frozen=True, slots=True, kw_only=True)
class ChartOptions:
    width: int = 600
    height: int = 160
    axis: int = 22  # room under the bars for period labels
    top: int = 16  # room above the highest bar for its count
    max_labels: int = 12  # label at most this many periods, evenly spaced


def bar_chart(bars: Sequence[dict[str, Any]], options: ChartOptions | None = None) -> dict[str, Any]:
    """Bars (``period``, ``count``) laid out left to right, heights relative to the largest count."""
    o = options or ChartOptions()
    n = len(bars)
    if not n:
        return {"width": o.width, "height": o.height, "bars": [], "baseline": o.height - o.axis}
    peak = max(b["count"] for b in bars) or 1
    slot = o.width / n
    gap = min(4.0, slot * 0.2)
    usable = o.height - o.axis - o.top
    step = max(1, math.ceil(n / o.max_labels))
    out = []
    for i, b in enumerate(bars):
        h = usable * b["count"] / peak
        x = i * slot + gap / 2
        out.append({"period": b["period"], "count": b["count"], "x": round(x, 1), "w": round(slot - gap, 1),
                    "y": round(o.height - o.axis - h, 1), "h": round(h, 1), "cx": round(x + (slot - gap) / 2, 1),
                    "label": i % step == 0 or i == n - 1})
    return {"width": o.width, "height": o.height, "bars": out, "baseline": o.height - o.axis}


@dataclass(frozen=True, slots=True, kw_only=True)
class GraphOptions:
    size: int = 420  # the viewBox is size x size
    radius: float = 0.34  # circle of neighbours, as a share of size
    max_nodes: int = 12
    min_edge: float = 1.0
    max_edge: float = 9.0
    node: float = 7.0


def star_graph(centre: dict[str, Any], neighbours: Sequence[dict[str, Any]],
               options: GraphOptions | None = None) -> dict[str, Any]:
    """``centre`` in the middle, the first ``max_nodes`` neighbours on a circle around it.

    Each neighbour carries ``articles`` (how many articles it shares with the centre): the
    edge width grows with it. Labels sit outside the circle, anchored away from the centre
    so they do not cover the edges.
    """
    o = options or GraphOptions()
    shown = list(neighbours[: o.max_nodes])
    c = o.size / 2
    r = o.size * o.radius
    peak = max((n["articles"] for n in shown), default=1) or 1
    nodes = []
    for i, n in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(shown))
        x, y = c + r * math.cos(angle), c + r * math.sin(angle)
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        lx = x + (o.node + 4) * (0 if anchor == "middle" else (1 if cos > 0 else -1))
        ly = y + (-(o.node + 5) if math.sin(angle) < -0.7 else (o.node + 14) if math.sin(angle) > 0.7 else 4)
        width = o.min_edge + (o.max_edge - o.min_edge) * (n["articles"] - 1) / max(1, peak - 1) if peak > 1 else o.min_edge
        nodes.append(n | {"x": round(x, 1), "y": round(y, 1), "lx": round(lx, 1), "ly": round(ly, 1),
                          "anchor": anchor, "edge": round(width, 1)})
    return {"size": o.size, "centre": centre | {"x": c, "y": c}, "nodes": nodes, "node": o.node,
            "hidden": max(0, len(neighbours) - len(shown))}
