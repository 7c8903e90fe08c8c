"""Speed of the temporal tagger: ``python -m chronik.time.bench DIR [DIR...]``.

Tags the TEXT of every TimeML file in the folders (DCT given, sentences found by the tagger's
own light splitter), one process, ``--repeat`` runs after a warm-up, and prints documents per
CPU second (``time.process_time``) of the best run, with the slowest run as the spread.
Reading and parsing the files is not timed.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from chronik.time import timeml
from chronik.time.tagger import Tagger


def measure(folders: list[Path], repeat: int = 5, lang: str = "de") -> tuple[int, int, float, float]:
    """(documents, characters, best and worst CPU seconds for one pass over all of them)."""
    docs = [timeml.read(p) for folder in folders for p in sorted(folder.iterdir()) if p.is_file()]
    tagger = Tagger(lang)
    for doc in docs[:5]:
        tagger(doc.text, doc.dct)
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        for doc in docs:
            tagger(doc.text, doc.dct)
        runs.append(time.process_time() - start)
    return len(docs), sum(len(d.text) for d in docs), min(runs), max(runs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--lang", default="de")
    args = parser.parse_args(argv)
    n, chars, seconds, worst = measure(args.folders, args.repeat, args.lang)
    print(f"{n} documents, {chars} characters: {seconds:.3f} CPU s (slowest run {worst:.3f}), "
          f"{n / seconds:.0f} documents/s, {chars / seconds / 1000:.0f} k characters/s "
          f"(one process, best of {args.repeat})")


if __name__ == "__main__":
    main()
