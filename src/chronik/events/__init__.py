"""Events: who did what to whom, when and where, who says so, and how sure.

:class:`EventExtractor` is the ``events`` stage (options: :class:`ExtractorOptions`);
:func:`events_to_json` gives an article's events in the ``chronik export events`` shape;
:func:`load_lexicon` the inventory and trigger lexicon (data files under ``data/``).
See ``docs/events.md``.
"""

from chronik.events.export import event_to_json, events_to_json
from chronik.events.extractor import EventExtractor, ExtractorOptions
from chronik.events.lexicon import Lexicon, load_inventory, load_lexicon

__all__ = ["EventExtractor", "ExtractorOptions", "Lexicon", "event_to_json", "events_to_json", "load_inventory",
           "load_lexicon"]
