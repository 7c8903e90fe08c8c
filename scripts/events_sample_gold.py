"""Draw the sentences of the event gold set from ../shared/data (reproducible, seeded).

    .venv/bin/python scripts/events_sample_gold.py OUT.tsv
    .venv/bin/python scripts/events_sample_gold.py OUT.tsv --heldout   # a second, later draw (split "heldout")
    .venv/bin/python scripts/events_sample_gold.py OUT.tsv --blind2    # a third draw (split "blind2")
    .venv/bin/python scripts/events_sample_gold.py OUT.tsv --blind3    # a fourth draw (split "blind3")
    .venv/bin/python scripts/events_sample_gold.py OUT.tsv --blind4    # a fifth draw (split "blind4")
    .venv/bin/python scripts/events_sample_gold.py OUT.tsv --blind5    # a sixth draw (split "blind5")
    .venv/bin/python scripts/events_sample_gold.py OUT.tsv --blind6    # a seventh draw (split "blind6")
    .venv/bin/python scripts/events_sample_gold.py OUT.tsv --blind7    # an eighth draw (split "blind7")
    .venv/bin/python scripts/events_sample_gold.py OUT.tsv --blind8    # a ninth draw (split "blind8")
    .venv/bin/python scripts/events_sample_gold.py OUT.tsv --blind9    # a tenth draw (split "blind9")
    .venv/bin/python scripts/events_sample_gold.py OUT.tsv --blind10   # an eleventh draw (split "blind10")
    .venv/bin/python scripts/events_sample_gold.py OUT.tsv --blind11   # a twelfth draw (split "blind11")
    .venv/bin/python scripts/events_sample_gold.py OUT.tsv --blind12   # a thirteenth draw (split "blind12")
    .venv/bin/python scripts/events_sample_gold.py OUT.tsv --blind13   # a fourteenth draw (split "blind13")

Every draw is one row of ``DRAWS`` (name = the CLI flag -> seed, plan, row-id prefix, split);
the table replaced a chain of conditionals and writes byte-identical worksheets for every
earlier draw (checked with ``cmp`` for all of them against the gold file of that day).

Writes, OUTSIDE the repository, a worksheet: one row per drawn sentence with its reference
(corpus, document id, offsets, stratum, split) and its text, for a human annotator. The text
never goes into the repository: the gold file keeps only the references and annotations.

Strata (per corpus): ``random`` sentences; ``actors``: sentences with two or more entity
mentions in the corpus's own annotation; ``cue``: sentences with a reporting, denial or
speculation cue from a generic list (so the set has enough reported speech, denials and
speculation); ``event``: sentences with a word from a broad list of event stems (so the set
has enough events to measure precision on). ``split`` is ``dev`` or ``test`` by a hash of the document id; ``--heldout`` draws a second
set (random and event strata, another seed, split ``heldout``) that was annotated blind after
the rules were written. ``--blind2`` draws a third set (SmartData and GermEval only, so the corpus
entity mentions exist; another seed, split ``blind2``), annotated blind after the reliability
checks were written and scored once. ``--blind3`` draws a fourth set (all three corpora, 120
sentences, another seed, split ``blind3``), drawn after the error-category rules of the third
session were frozen, annotated and committed before the extractor ran on it, and scored once.
``--blind4`` draws a fifth set the same way (documents in no earlier split; KRAUTS random only,
its event stratum being used up), after a second round of rules written from the development
splits' errors only. ``--blind5`` draws a sixth set (SmartData and GermEval, whose corpus entity
mentions make both settings scorable without hand-made mentions; documents in no earlier split;
another seed), drawn after the fourth session's category rules (blind3 and blind4 then being
development data), annotated and committed before the extractor ran on it, and scored once.
``--blind6`` draws a seventh set the same way, after the last rules of the fourth session (written
from the development splits only, blind5 excluded), to measure those rules once on unseen text.
``--blind7`` draws an eighth set the same way for the same final rules (more unseen events to
measure them on). ``--blind8`` draws a ninth set (155 sentences: SmartData 110 = 57 random + the 53 event-stratum sentences left, GermEval 45;
documents in no earlier split; another seed) in the fifth session, annotated and committed before
the extractor with its per-event confidence ran on it, to measure the confidence threshold once.
``--blind9`` draws a tenth set (125 sentences: SmartData 75, GermEval 50, at random: SmartData's
event stratum is used up; documents in no earlier split; another seed) in the sixth session, after
the object-first and dateline rules, annotated and committed before the extractor ran on it.
``--blind10`` draws an eleventh set (330 sentences: SmartData 130, GermEval 200, at random: the
event strata of both corpora hold no sentence in unused documents any more; documents in no
earlier split; seed 20261130, prefix ``q``) in the seventh session while the extractor was being
changed, annotated from the text and the guidelines only and committed before the extractor ran on it.
``--blind11`` draws a twelfth set (330 sentences: SmartData 120, every eligible sentence its unused
documents still hold, so SmartData is used up; GermEval 210; at random; documents
in no earlier split, blind10 included; seed 20261201, prefix ``r``) in the seventh session while the
extractor was being changed, annotated from the text and the guidelines only (the corpus entity
mentions as a reading aid) and committed before the extractor ran on it.
``--blind12`` draws a thirteenth set (187 sentences, GermEval only, at random: SmartData's unused
documents hold no sentence any more, and 187 is every eligible sentence GermEval's unused documents
still hold, so GermEval is used up too; 330 were planned; documents in no earlier split, blind10 and blind11 included,
never the seeds; seed 20261202, prefix ``s``) in the seventh session while the extractor was being
changed, annotated from the text and the guidelines only (the corpus entity mentions as a reading
aid) and committed before the extractor ran on it.
``--blind13`` draws a fourteenth set (56 sentences, KRAUTS only, both Dolomiten folders, at random;
SmartData and GermEval being used up; documents in no earlier split, never the seeds, and never a
document at positions 847-923 (1-based) of ``scripts/events_bench.py``'s document order, the
SmartData + KRAUTS documents as ``load_documents`` gives them, whose extractor output had been read;
56 is every eligible sentence the 11 KRAUTS documents left hold (all in Dolomiten-100: Dolomiten-42
has none left outside those positions), so KRAUTS is used up too; 240 were planned; seed 20261203, prefix ``t``) in the eighth session,
annotated from the text and the guidelines only, with hand-made entity mentions (KRAUTS has none),
and committed before the extractor ran on it.

``--blind14`` and ``--blind15`` (tenth session) draw two sets for **precision on unseen text**: every
document is used by some split by now, but most of their sentences are in none, and the rules were
written from the gold sentences only. So: SmartData sentences of documents earlier splits use, never a
gold sentence or its neighbour (whose context an annotator may have read), never a document at
positions 847-923 of ``events_bench.py``'s order, stratum ``reported``: sentences in which the
extractor of the drawing commit (chronik's taggers, no confidence threshold) finds at least one
event, computed inside the draw and printed nowhere. All events of a drawn sentence are in the set,
so precision on it estimates precision over everything the extractor reports on these sentences;
recall on it is not a recall figure (sentences without a reported event are not drawn). blind14:
150 sentences, seed 20261204, prefix ``u``; blind15: the rest of the stratum (147 sentences; seed
20261205, prefix ``v``), none of blind14's sentences or their neighbours. Drawn with the extractor
of commit 5980eea: a later extractor selects other sentences, so the worksheets reproduce at that
commit (a git worktree); the gold file keeps the references. Both annotated blind, from the text
and the guidelines only, and committed before the extractor's output on them was read.

``--blind16`` (twelfth session) takes the rest of the ``reported`` stratum, the last sentences of
the corpora in which the extractor (commit bc6485d) finds an event and which no gold line holds:
SmartData and KRAUTS sentences next to a gold sentence (their documents' topics were seen, their
sentences were not written from) and KRAUTS sentences of the documents at ``events_bench.py``
positions 847-923 (their extractor output was read in the eighth session, with rules long since
changed). Weaker than blind14/15 as unseen text for that, and said so with its figure; seed
20261206, prefix ``w``. Annotated blind, committed before the extractor's output on them was read.

``--blind17`` (thirteenth session) takes the same stratum again with the session's rules (drawn at
the commit that added it): the 13 sentences of SmartData, KRAUTS and GermEval in which only the new
rules find an event (seed 20261207, prefix ``x``). Some of their extractor output was read in
the bench-corpus comparison after the rules were written, none before; no rule changed between
that reading and the first run.

``--blind18`` (fourteenth session) draws from new text: HIPE-2022's hipe2020 German newspaper
pages (NZZ and others, 1798-1948; ``chronik.events.corpora.read_hipe``), which no rule, no
gold line and no benchmark had touched; HIPE is for evaluation only, and so is this set. Stratum
``reported``: sentences in which the extractor of the drawing commit finds an event with
chronik's taggers **or** with HIPE's own entity annotation (so both settings' precision covers
everything they report in the drawn sentences); 240 at random, seed 20261208, prefix ``y``.
Annotated blind and committed before the extractor's output on them was read.

``--blind19`` (fifteenth session) is blind18's design again on the hipe2020 sentences left (neither
a blind18 sentence nor its neighbour: blind18's errors were read in their context), on HIPE-2022's
sonar pages (Berlin, 1868-1937) and on 120 sentences of its newseye pages (Austrian papers,
1864-1933), both read as text for the first time by this session's readers; seed 20261209, prefix
``z``, drawn at the commit that added it. Annotated blind and committed before the
extractor's output on them was read.

``--blind20`` (fifteenth session) takes, after the session's rules were written (from blind18's
and blind19's errors among others), every newseye sentence left in which the extractor of the
drawing commit finds an event with either entity setting, none a blind19 sentence or its
neighbour; seed 20261210, prefix ``a``. Annotated blind and committed before the extractor's
output on them was read; no rule changed between the draw and the first run.

``--blind21`` (eighteenth session) takes, in every corpus, every sentence left in which the
extractor of the drawing commit finds an event with either entity setting and which no gold line
holds: the sentences in which only the rules written since the earlier draws find an event (62 at
the commit that added it: SmartData 41, hipe2020 10, newseye 11; HIPE sentences next to a blind18-20
sentence among them, whose context was read in the sixteenth session's error analysis); seed
20261211, prefix ``j`` (drawn with prefix ``e``, which the first 510 sentences already use; renamed
after the first run, which scores the set's lines alone, so the clash did not touch it). Annotated
blind and committed before the extractor's output on them was read.

``--blind22`` (nineteenth session) is drawn as ``--blind21`` at the commit that added it, after the
session's first rules: the sentences in which only those rules find an event; seed 20261212,
prefix ``l``. Annotated blind and committed before the extractor's output on them was read. Of the
21 rows drawn, 10 overlap an earlier gold sentence (the eighteenth session's splitter keeps "Hr." and
"Abg." inside a sentence, so the same text starts elsewhere and the start-offset check missed it; the
annotator noticed): they keep their numbers and are left out (``drop_overlaps``), 11 remain.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from chronik.events.corpora import load_documents
from chronik.text import SentenceSplitter, tokenize

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("CHRONIK_SHARED", ROOT / ".." / "shared")) / "data"
HELDOUT_PLAN = {  # drawn after the rules were written, annotated blind, scored once
    "smartdata": {"random": 15, "event": 15},
    "krauts": {"random": 15, "event": 15},
    "germeval": {"random": 10, "event": 10},
}
BLIND2_PLAN = {  # drawn after the reliability checks were written, annotated blind, scored once
    "smartdata": {"random": 10, "event": 20},
    "germeval": {"random": 10, "event": 20},
}
BLIND3_PLAN = {  # drawn after the error-category rules were frozen, annotated blind, scored once
    "smartdata": {"random": 18, "event": 30},
    "germeval": {"random": 18, "event": 30},
    "krauts": {"random": 10, "event": 20},  # its unused documents hold only 14 event-stratum sentences
}
BLIND4_PLAN = {  # drawn after the second round of rules, annotated blind, scored once
    "smartdata": {"random": 29, "event": 30},
    "germeval": {"random": 20, "event": 30},  # GermEval's unused documents hold only 21 event-stratum sentences
    "krauts": {"random": 20},
}
BLIND5_PLAN = {  # drawn after the fourth session's rules, annotated blind, scored once
    "smartdata": {"random": 40, "event": 45},
    "germeval": {"random": 40},  # GermEval's unused documents hold no event-stratum sentence any more
}
BLIND6_PLAN = {  # drawn after the fourth session's last rules, annotated blind, scored once
    "smartdata": {"random": 40, "event": 45},
    "germeval": {"random": 40},
}
BLIND7_PLAN = BLIND6_PLAN  # the same design, another seed, for the same rules
BLIND8_PLAN = {  # fifth session: drawn before the confidence model ran on it, annotated blind, scored once
    "smartdata": {"random": 57, "event": 60},  # its unused documents hold only 53 event-stratum sentences
    "germeval": {"random": 45},
}
BLIND9_PLAN = {  # sixth session: drawn after the object-first and dateline rules, annotated blind, scored once
    "smartdata": {"random": 75},
    "germeval": {"random": 50},
}
BLIND10_PLAN = {  # seventh session: drawn while the extractor was being changed, annotated blind, scored once
    "smartdata": {"random": 130},  # the event strata of both corpora are used up (no sentence left)
    "germeval": {"random": 200},  # more GermEval: its random sentences hold more events than SmartData's
}
BLIND11_PLAN = {  # seventh session: drawn while the extractor was being changed, annotated blind, scored once
    "smartdata": {"random": 120},  # every sentence its unused documents hold (120: the corpus is used up)
    "germeval": {"random": 210},
}
BLIND12_PLAN = {  # seventh session, after its last rule: annotated blind, scored once
    "germeval": {"random": 187},  # all its unused documents hold (330 planned); SmartData is used up
}
BLIND13_PLAN = {  # eighth session: drawn while the extractor was being changed, annotated blind, scored once
    "krauts": {"random": 56},  # all its unused documents hold (240 planned); SmartData and GermEval are used up
}
BLIND14_PLAN = {  # tenth session: sentences the current extractor reports an event in, for precision
    "smartdata": {"reported": 150},  # from documents earlier splits use (every document is used), never a
}                                    # gold sentence or its neighbour; GermEval's documents are one sentence each
BLIND15_PLAN = BLIND14_PLAN  # the same design, another seed, none of blind14's sentences or their neighbours
BLIND16_PLAN = {  # twelfth session: every sentence left that the current extractor reports an event in
    "smartdata": {"reported": 1000},  # the gold sentences' neighbours (136 at bc6485d)
    "krauts": {"reported": 1000},  # neighbours, and the documents at bench positions 847-923 (106)
}
BLIND17_PLAN = {  # thirteenth session: the sentences in which only the session's new rules find an event
    "smartdata": {"reported": 1000},
    "krauts": {"reported": 1000},
    "germeval": {"reported": 1000},
}
BLIND18_PLAN = {  # fourteenth session: new text (HIPE-2022 hipe2020), sentences either setting reports in
    "hipe": {"reported": 240},
}
BLIND19_PLAN = {  # fifteenth session: the same design on the hipe2020 sentences left, the sonar pages
    "hipe": {"reported": 240},  # (all 81 left) and
    "sonar": {"reported": 240},  # (all 50),
    "newseye": {"reported": 120},  # and some of the newseye pages (the rest kept for later unseen sets)
}
BLIND20_PLAN = {  # fifteenth session, after its rules: the newseye sentences left
    "newseye": {"reported": 240},
}
BLIND21_PLAN = {  # eighteenth session: every sentence left in which today's extractor reports an event
    "smartdata": {"reported": 1000},
    "krauts": {"reported": 1000},
    "germeval": {"reported": 1000},
    "hipe": {"reported": 1000},
    "sonar": {"reported": 1000},
    "newseye": {"reported": 1000},
}
PLAN = {  # corpus: {stratum: count}
    "smartdata": {"random": 60, "actors": 45, "cue": 25, "event": 35},
    "krauts": {"random": 80, "cue": 30, "event": 35},
    "germeval": {"random": 40, "actors": 30, "cue": 20, "event": 30},
}


@dataclass(frozen=True, kw_only=True)
class Draw:
    """One draw of the gold set: its seed, plan, row-id prefix and split."""

    seed: int
    plan: dict[str, dict[str, int]]
    tag: str  # prefix of the worksheet row ids, one letter per draw
    split: str | None  # None: dev/test by document hash
    after_gold: bool = True  # skip the sentences the gold file already holds
    new_docs: bool = True  # skip the documents the gold file already uses (blind3 on)
    # 1-based (first, last) positions in events_bench.py's document order (SmartData + KRAUTS as
    # load_documents gives them) of documents to skip: their extractor output had been read
    skip_bench: tuple[int, int] | None = None
    # blind14 on: skip the gold sentences' neighbours too (their context may have been read)
    gap: int = 0
    skip_draws: tuple[str, ...] = ()  # skip the sentences (and neighbours) of these draws
    # blind18 on: "reported" also counts the events found with the corpus's own entity mentions
    corpus_mentions: bool = False
    # blind22 on: rows overlapping an earlier gold sentence are numbered, then left out (the sentence
    # splitter changed since those were drawn, so the same text starts elsewhere)
    drop_overlaps: bool = False


DRAWS = {  # name (the CLI flag --NAME) -> draw; the first 510 sentences are "gold"
    "gold": Draw(seed=20240601, plan=PLAN, tag="g", split=None, after_gold=False, new_docs=False),
    "heldout": Draw(seed=20240715, plan=HELDOUT_PLAN, tag="h", split="heldout", new_docs=False),
    "blind2": Draw(seed=20261122, plan=BLIND2_PLAN, tag="b", split="blind2", new_docs=False),
    "blind3": Draw(seed=20261123, plan=BLIND3_PLAN, tag="c", split="blind3"),
    "blind4": Draw(seed=20261124, plan=BLIND4_PLAN, tag="d", split="blind4"),
    "blind5": Draw(seed=20261125, plan=BLIND5_PLAN, tag="f", split="blind5"),
    "blind6": Draw(seed=20261126, plan=BLIND6_PLAN, tag="k", split="blind6"),
    "blind7": Draw(seed=20261127, plan=BLIND7_PLAN, tag="m", split="blind7"),
    "blind8": Draw(seed=20261128, plan=BLIND8_PLAN, tag="n", split="blind8"),
    "blind9": Draw(seed=20261129, plan=BLIND9_PLAN, tag="p", split="blind9"),
    "blind10": Draw(seed=20261130, plan=BLIND10_PLAN, tag="q", split="blind10"),
    "blind11": Draw(seed=20261201, plan=BLIND11_PLAN, tag="r", split="blind11"),
    "blind12": Draw(seed=20261202, plan=BLIND12_PLAN, tag="s", split="blind12"),
    "blind13": Draw(seed=20261203, plan=BLIND13_PLAN, tag="t", split="blind13", skip_bench=(847, 923)),
    "blind14": Draw(seed=20261204, plan=BLIND14_PLAN, tag="u", split="blind14", new_docs=False,
                    skip_bench=(847, 923), gap=1),
    "blind15": Draw(seed=20261205, plan=BLIND15_PLAN, tag="v", split="blind15", new_docs=False,
                    skip_bench=(847, 923), gap=1, skip_draws=("blind14",)),
    "blind16": Draw(seed=20261206, plan=BLIND16_PLAN, tag="w", split="blind16", new_docs=False),
    "blind17": Draw(seed=20261207, plan=BLIND17_PLAN, tag="x", split="blind17", new_docs=False),
    "blind18": Draw(seed=20261208, plan=BLIND18_PLAN, tag="y", split="blind18", new_docs=False,
                    corpus_mentions=True),
    "blind19": Draw(seed=20261209, plan=BLIND19_PLAN, tag="z", split="blind19", new_docs=False, gap=1,
                    corpus_mentions=True),
    "blind20": Draw(seed=20261210, plan=BLIND20_PLAN, tag="a", split="blind20", new_docs=False, gap=1,
                    corpus_mentions=True),
    "blind21": Draw(seed=20261211, plan=BLIND21_PLAN, tag="j", split="blind21", new_docs=False,
                    corpus_mentions=True),
    "blind22": Draw(seed=20261212, plan=BLIND21_PLAN, tag="l", split="blind22", new_docs=False,
                    corpus_mentions=True, drop_overlaps=True),
}

CUES = re.compile(
    r"\b(sagte|sagt|erklärte|erklärt|teilte|berichtete|berichten|berichteten|laut|zufolge|"
    r"bestreit\w*|bestritt\w*|dementi\w*|zurückgewiesen|wies\b|leugne\w*|"
    r"könnte|könnten|dürfte|dürften|soll|sollen|angeblich|vermutlich|möglicherweise|wohl|"
    r"nicht|kein\w*)\b")
# a broad list of event word stems (meetings, visits, deals, support, conflict, protest, arrests,
# takeovers, leadership changes), written once from the inventory's definitions
EVENT_WORDS = re.compile(
    r"(?i)\b\w*(treff|besuch|reise|einlad|eingeladen|vereinbar|unterzeichn|abkommen|vertrag|zusammenarb|"
    r"kooperat|unterstütz|hilfe|liefer|verkauf|kauf|übernahm|übernehm|übernomm|übernimm|forder|droh|vorw[uü]rf|"
    r"kritis|bestreit|bestritt|ablehn|lehnt|sanktion|protest|demonstr|streik|angriff|angreif|anschlag|"
    r"festgenomm|festnahm|verhaft|ernenn|ernann|gewählt|rücktritt|gespräch|verhandl)")


def split_of(doc: str) -> str:
    return "dev" if hashlib.sha1(doc.encode()).digest()[0] % 2 == 0 else "test"


def draw_rows(draw: str, docs: dict, splitter: SentenceSplitter, memo: dict | None = None) -> list[tuple]:
    """The worksheet rows of one draw: (corpus, doc, start, end, stratum, split, text). ``memo``
    keeps the "reported" stratum's extractor run for a draw that redraws another (blind15)."""
    memo = {} if memo is None else memo
    spec = DRAWS[draw]
    rng = random.Random(spec.seed)
    rows = []
    taken_before: set[tuple[str, str, int]] = set()
    docs_before: set[tuple[str, str]] = set()
    near: dict[tuple[str, str], list[tuple[int, int]]] = {}  # spans whose neighbours are skipped too
    if spec.after_gold:
        for d in earlier_gold(draw):
            taken_before.add((d["corpus"], d["doc"], d["start"]))
            near.setdefault((d["corpus"], d["doc"]), []).append((d["start"], d["end"]))
            if spec.new_docs:
                docs_before.add((d["corpus"], d["doc"]))  # blind3 on: no document the gold set already uses
    for other in spec.skip_draws:
        for corpus, doc_id, start, end, *_ in draw_rows(other, docs, splitter, memo):
            taken_before.add((corpus, doc_id, start))
            near.setdefault((corpus, doc_id), []).append((start, end))
    if spec.skip_bench:
        first, last = spec.skip_bench
        bench = [d for d in docs.values() if d.corpus in ("smartdata", "krauts")]  # events_bench.py's order
        docs_before.update((d.corpus, d.doc) for d in bench[first - 1:last])
    plans, split_name = spec.plan, spec.split
    for corpus, plan in plans.items():
        pool = []
        reported = {}
        if "reported" in plan:
            key = (corpus, frozenset(docs_before), spec.corpus_mentions)
            if key not in memo:
                memo[key] = _reported(docs, corpus, docs_before, splitter, spec.corpus_mentions)
            reported = memo[key]
        for (c, doc_id), doc in sorted(docs.items()):
            if c != corpus or (c, doc_id) in docs_before:
                continue
            sentences = splitter(doc.text)
            spans = near.get((c, doc_id), [])
            for i, sent in enumerate(sentences):
                lo, hi = sentences[max(0, i - spec.gap)].start, sentences[min(len(sentences) - 1, i + spec.gap)].end
                if spec.gap and any(s < hi and lo < e for s, e in spans):
                    continue  # a gold sentence or its neighbour
                words = tokenize(doc.text, sent.start, sent.end)
                text = doc.text[sent.start:sent.end]
                if not 6 <= len(words) <= 70 or not re.search(r"\b[a-zäöü]{3,}\b", text):
                    continue
                ments = [m for m in (doc.mentions or ()) if sent.start <= m.start < sent.end]
                events = sum(sent.start <= t < sent.end for t in reported.get(doc_id, ()))
                pool.append((doc_id, sent.start, sent.end, text, len(ments), events))
        rng.shuffle(pool)
        taken: set[tuple[str, int]] = set()
        for stratum, count in plan.items():
            n = 0
            for doc_id, start, end, text, n_ments, n_events in pool:
                if n >= count or (doc_id, start) in taken or (corpus, doc_id, start) in taken_before:
                    continue
                if stratum == "actors" and n_ments < 2:
                    continue
                if stratum == "cue" and not CUES.search(text):
                    continue
                if stratum == "event" and not EVENT_WORDS.search(text):
                    continue
                if stratum == "reported" and not n_events:
                    continue
                taken.add((doc_id, start))
                split = split_name or split_of(doc_id)
                rows.append((corpus, doc_id, start, end, stratum, split, text.replace("\n", " ")))
                n += 1
    return rows


def _reported(docs: dict, corpus: str, skip: set[tuple[str, str]], splitter: SentenceSplitter,
              corpus_mentions: bool = False) -> dict[str, list[int]]:
    """Trigger offsets of the events today's extractor finds (chronik's taggers, no confidence
    threshold; with ``corpus_mentions`` also with the corpus's own entity mentions) in each
    document of the corpus: the "reported" stratum. Nothing is printed, so the draw shows nobody
    the extractor's output; a later extractor selects other sentences."""
    from chronik.events import EventExtractor, ExtractorOptions
    from chronik.events.benchmark import build_article, entity_tagger, time_tagger

    timer, tagger = time_tagger(), entity_tagger()
    extractor = EventExtractor(ExtractorOptions(min_confidence=0))
    out = {}
    for (c, doc_id), doc in sorted(docs.items()):
        if c == corpus and (c, doc_id) not in skip:
            article = extractor(tagger(build_article(doc, (), splitter, timer)))
            out[doc_id] = [e.trigger.start for e in article.events]
            if corpus_mentions:
                article = extractor(build_article(doc, doc.mentions or (), splitter, timer))
                out[doc_id] += [e.trigger.start for e in article.events]
    return out


def earlier_gold(draw: str) -> list[dict]:
    """The gold file's lines drawn before ``draw`` (this draw and the later ones left out: the draw
    saw a gold file without them)."""
    names = list(DRAWS)
    later = {DRAWS[n].split for n in names[names.index(draw):]}
    gold = ROOT / "tests" / "events" / "gold" / "sentences.jsonl"
    lines = (json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines())
    return [d for d in lines if d.get("split") not in later]


def earlier_spans(draw: str) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """The spans of the gold sentences drawn before ``draw``, by (corpus, document)."""
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for d in earlier_gold(draw):
        spans.setdefault((d["corpus"], d["doc"]), []).append((d["start"], d["end"]))
    return spans


def main(out: Path, draw: str = "gold") -> None:
    rows = draw_rows(draw, load_documents(DATA), SentenceSplitter())
    spans = earlier_spans(draw) if DRAWS[draw].drop_overlaps else {}
    kept = 0
    with open(out, "w", encoding="utf-8") as fh:
        for i, row in enumerate(rows):
            corpus, doc_id, start, end = row[:4]
            if any(s < end and start < e for s, e in spans.get((corpus, doc_id), ())):
                continue  # the same text as an earlier gold sentence, split elsewhere
            fh.write(f"{DRAWS[draw].tag}{i:03d}\t" + "\t".join(map(str, row)) + "\n")
            kept += 1
    print(f"{kept} sentences -> {out}" + (f" ({len(rows) - kept} overlapping earlier gold sentences left out)"
                                          if kept < len(rows) else ""))


def parse_draw(args: list[str]) -> str:
    """The draw named by a ``--NAME`` flag (``gold`` without one); at most one flag."""
    flags = [a[2:] for a in args if a.startswith("--")]
    unknown = [f for f in flags if f not in DRAWS or f == "gold"]
    if unknown or len(flags) > 1:
        raise SystemExit(f"usage: events_sample_gold.py OUT.tsv [--DRAW], DRAW one of "
                         f"{', '.join(d for d in DRAWS if d != 'gold')}")
    return flags[0] if flags else "gold"


if __name__ == "__main__":
    main(Path(sys.argv[1]), parse_draw(sys.argv[2:]))
