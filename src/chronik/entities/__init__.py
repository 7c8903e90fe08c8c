"""Entities: a German NER model trained here, gazetteers, and canonical entities.

* :class:`EntityTagger` (stage ``entities``) fills ``article.mentions`` with PER/ORG/LOC/MISC spans.
* :class:`Recognizer` is the shipped CRF model behind it (word lists in, BIO tags out).
* :class:`Canonicalizer` merges mentions within and across articles into
  :class:`chronik.model.Entity` records and links each mention to its entity.
"""

from chronik.entities.canonical import Canonical, CanonicalOptions, Canonicalizer
from chronik.entities.recognizer import Recognizer
from chronik.entities.scoring import Score, score
from chronik.entities.stage import EntityTagger, TaggerOptions

__all__ = ["Canonical", "CanonicalOptions", "Canonicalizer", "EntityTagger", "Recognizer", "Score",
           "TaggerOptions", "score"]
