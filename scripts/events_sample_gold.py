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
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import sys
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
PLAN = {  # corpus: {stratum: count}
    "smartdata": {"random": 60, "actors": 45, "cue": 25, "event": 35},
    "krauts": {"random": 80, "cue": 30, "event": 35},
    "germeval": {"random": 40, "actors": 30, "cue": 20, "event": 30},
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


def main(out: Path, heldout: bool = False, blind2: bool = False, blind3: bool = False,
         blind4: bool = False, blind5: bool = False, blind6: bool = False, blind7: bool = False,
         blind8: bool = False, blind9: bool = False) -> None:
    docs = load_documents(DATA)
    splitter = SentenceSplitter()
    rng = random.Random(20240601)
    rows = []
    taken_before: set[tuple[str, str, int]] = set()
    docs_before: set[tuple[str, str]] = set()
    later = (blind3, blind4, blind5, blind6, blind7, blind8, blind9)
    if heldout or blind2 or any(later):
        import json

        gold = ROOT / "tests" / "events" / "gold" / "sentences.jsonl"
        for line in gold.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            taken_before.add((d["corpus"], d["doc"], d["start"]))
            if any(later):
                docs_before.add((d["corpus"], d["doc"]))  # blind3: no document the gold set already uses
        rng = random.Random(20261129 if blind9 else 20261128 if blind8 else 20261127 if blind7 else 20261126 if blind6 else 20261125 if blind5 else 20261124 if blind4 else 20261123 if blind3 else 20261122 if blind2 else 20240715)
    plans = BLIND9_PLAN if blind9 else BLIND8_PLAN if blind8 else BLIND7_PLAN if blind7 else BLIND6_PLAN if blind6 else BLIND5_PLAN if blind5 else BLIND4_PLAN if blind4 else BLIND3_PLAN if blind3 else BLIND2_PLAN if blind2 else HELDOUT_PLAN if heldout \
        else PLAN
    tag, split_name = ("p", "blind9") if blind9 else ("n", "blind8") if blind8 else ("m", "blind7") if blind7 else ("k", "blind6") if blind6 else ("f", "blind5") if blind5 else ("d", "blind4") if blind4 else ("c", "blind3") if blind3 else ("b", "blind2") if blind2 else ("h", "heldout") if heldout \
        else ("g", None)
    for corpus, plan in plans.items():
        pool = []
        for (c, doc_id), doc in sorted(docs.items()):
            if c != corpus or (c, doc_id) in docs_before:
                continue
            for sent in splitter(doc.text):
                words = tokenize(doc.text, sent.start, sent.end)
                text = doc.text[sent.start:sent.end]
                if not 6 <= len(words) <= 70 or not re.search(r"\b[a-zäöü]{3,}\b", text):
                    continue
                ments = [m for m in (doc.mentions or ()) if sent.start <= m.start < sent.end]
                pool.append((doc_id, sent.start, sent.end, text, len(ments)))
        rng.shuffle(pool)
        taken: set[tuple[str, int]] = set()
        for stratum, count in plan.items():
            n = 0
            for doc_id, start, end, text, n_ments in pool:
                if n >= count or (doc_id, start) in taken or (corpus, doc_id, start) in taken_before:
                    continue
                if stratum == "actors" and n_ments < 2:
                    continue
                if stratum == "cue" and not CUES.search(text):
                    continue
                if stratum == "event" and not EVENT_WORDS.search(text):
                    continue
                taken.add((doc_id, start))
                split = split_name or split_of(doc_id)
                rows.append((corpus, doc_id, start, end, stratum, split, text.replace("\n", " ")))
                n += 1
    with open(out, "w", encoding="utf-8") as fh:
        for i, row in enumerate(rows):
            fh.write(f"{tag}{i:03d}\t" + "\t".join(map(str, row)) + "\n")
    print(f"{len(rows)} sentences -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), heldout="--heldout" in sys.argv[2:], blind2="--blind2" in sys.argv[2:],
         blind3="--blind3" in sys.argv[2:], blind4="--blind4" in sys.argv[2:], blind5="--blind5" in sys.argv[2:],
         blind6="--blind6" in sys.argv[2:], blind7="--blind7" in sys.argv[2:], blind8="--blind8" in sys.argv[2:],
         blind9="--blind9" in sys.argv[2:])
