"""Train chronik's German NER model (CRF) and report its scores.

Reproducible with one command from the repo root (../shared/data beside the repo)::

    .venv/bin/python scripts/train_ner.py              # train, save, score SmartData test + HIPE dev
    .venv/bin/python scripts/train_ner.py --cv 5       # also: GermEval dev by 5-fold cross-validation

Training data: SmartData train split (CC BY 4.0) and GermEval 2014 dev (CC BY 4.0). SmartData's
test split and HIPE-2022 (CC BY-NC-SA 4.0) are only ever scored, never trained on.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

from chronik.entities.corpora import bioes, read_germeval, read_hipe, read_smartdata
from chronik.entities import contexttypes, windowtagger, wordtypes
from chronik.entities.features import Featurizer
from chronik.entities.gazetteer import Gazetteer
from chronik.entities.lexicon import Lexicon
from chronik.entities.recognizer import MODEL_FILE, OPTIONS_FILE, Recognizer
from chronik.entities.scoring import score

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CHRONIK_SHARED", ROOT / ".." / "shared"))
DATA = SHARED / "data"
OUT = ROOT / "src" / "chronik" / "entities" / "model"
HIPE_DEV = ("hipe2020", "newseye", "sonar")


class Features:
    """Featurizers for one training set: the stacked word-type classifier (when on) is fitted on
    the training sentences' capitalised word types plus gazetteer names; the CRF trains on
    cross-fitted word-type features and tags with the full classifier's."""

    def __init__(self, args) -> None:
        self.gazetteer = Gazetteer(translit_names=args.translit_names)
        self.org_heads = args.org_heads
        self.options = {"translit_names": args.translit_names, "org_heads": args.org_heads,
                        "window_types": args.window_types}
        self.window_types = args.window_types
        self.lexicon = Lexicon()
        self.trainer = self.context_trainer = self.window_trainer = None
        self.extra = []
        if args.word_types or args.context_types or args.window_tagger:
            pieces, vectors = wordtypes.load_piece_vectors()
            # the classifier's extra names come from the base lists: the transcribed names only add
            # gazetteer features (sampling from a longer list would change the whole sample)
            self.extra = wordtypes.gazetteer_names(Gazetteer() if args.translit_names else self.gazetteer,
                                                   seed=args.name_seed)
            if args.word_types:
                self.trainer = wordtypes.Trainer(pieces, vectors, hidden=args.word_types_hidden)
            if args.context_types:
                self.context_trainer = contexttypes.ContextTrainer(pieces, vectors)
            if args.window_tagger:
                self.window_trainer = windowtagger.WindowTrainer(
                    pieces, vectors, self.lexicon, dims=args.window_dims, hidden=args.window_hidden,
                    epochs=args.window_epochs, coarse=args.window_coarse)

    def plain(self, word_types=None, fixed=None, context=None, window=None) -> Featurizer:
        return Featurizer(self.gazetteer, self.lexicon, word_types=word_types, fixed_word_types=fixed,
                          context_types=context, org_heads=self.org_heads, window_tagger=window)

    def fit(self, sentences):
        """({file name: stacked model}, featurizer for training the CRF, featurizer for tagging)."""
        models: dict = {}
        full = crossed = context = context_crossed = window = window_crossed = None
        if self.trainer is not None:
            counts = wordtypes.type_counts(sentences)
            full = self.trainer.fit(counts, self.extra)
            type_probs: dict = {}
            crossed = self.trainer.cross_fit(counts, self.extra, probs=type_probs)
            models[wordtypes.FILE] = full
        if self.context_trainer is not None:
            context, context_crossed = self.context_trainer.fit(sentences, self.extra)
            models[contexttypes.FILE] = context
        if self.window_trainer is not None:
            t = time.process_time()
            if self.window_types and full is not None:
                window, window_crossed = self.window_trainer.fit(sentences, word_types=full, fixed_types=type_probs)
            else:
                window, window_crossed = self.window_trainer.fit(sentences)
            models[windowtagger.FILE] = window
            print(f"  window tagger fitted ({time.process_time() - t:.0f}s CPU)", file=sys.stderr)
        return (models, self.plain(full, crossed, context_crossed, window_crossed),
                self.plain(full, None, context, window))


def train(sentences, path: Path, featurizer: Featurizer, args) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for sent in sentences:
        trainer.append(featurizer(sent.words), list(bioes(sent.tags) if args.scheme == "bioes" else sent.tags))
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def train_model(features: Features, sentences, weighted, path: Path, args) -> Featurizer:
    """Train the CRF (and word types, saved beside it) on ``weighted``; ``sentences`` are the
    distinct training sentences the word-type classifier learns from. Returns the featurizer
    to tag with."""
    models, train_featurizer, tag_featurizer = features.fit(sentences)
    train(weighted, path, train_featurizer, args)
    path.with_name(OPTIONS_FILE).write_text(json.dumps(features.options) + "\n", encoding="utf-8")
    for name in (wordtypes.FILE, contexttypes.FILE, windowtagger.FILE):
        side = path.with_name(name)
        if name in models:
            models[name].save(side)
        elif side.exists():
            side.unlink()
    return tag_featurizer


def evaluate(model: Path, featurizer: Featurizer | None, sentences, documents: bool = False) -> dict:
    """Scores of the model sentence by sentence, or (``documents``) as the pipeline stage tags:
    whole documents with name propagation and role nouns (``Recognizer.tag_document``)."""
    rec = Recognizer(model, featurizer=featurizer)
    try:
        if documents:
            predicted = []
            for _, group in itertools.groupby(sentences, key=lambda s: s.doc):
                predicted += rec.tag_document([s.words for s in group])
        else:
            predicted = rec.tag_many([s.words for s in sentences])
    finally:
        rec.close()
    return score([s.tags for s in sentences], predicted).to_dict()


def speed(model: Path, sentences) -> dict:
    """Load time and single-core tagging throughput (CPU time of this process): cold (a fresh
    recogniser meeting the text for the first time) and warm (the per-word feature cache filled)."""
    t = time.process_time()
    rec = Recognizer(model)
    load = time.process_time() - t
    words = [s.words for s in sentences]
    t = time.process_time()
    rec.tag_many(words)
    cold = len(words) / (time.process_time() - t)
    t = time.process_time()
    rec.tag_many(words)
    warm = len(words) / (time.process_time() - t)
    rec.close()
    tokens = sum(len(w) for w in words) / len(words)
    return {"load_seconds": round(load, 3), "sentences_per_second_cold": round(cold),
            "sentences_per_second_warm": round(warm), "tokens_per_sentence": round(tokens, 1)}


def cross_validate(smart, germeval, features: Features, args) -> dict:
    """GermEval dev scores by k-fold CV (folds by document comment order), SmartData always in."""
    k = args.cv
    folds = [int(f) for f in args.folds.split(",")] if args.folds else range(k)
    gold, pred = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for fold in folds:
            test = [s for i, s in enumerate(germeval) if i % k == fold]
            # the training folds: the next ``cv_train`` folds after the test fold (all others by default)
            used = {(fold + j) % k for j in range(1, (args.cv_train or k - 1) + 1)}
            rest = [s for i, s in enumerate(germeval) if i % k in used]
            path = Path(args.keep or tmp) / f"fold{fold}" / MODEL_FILE
            path.parent.mkdir(parents=True, exist_ok=True)
            featurizer = train_model(features, smart + rest, smart + rest * args.germeval_weight, path, args)
            rec = Recognizer(path, featurizer=featurizer)
            fold_pred = rec.tag_many([s.words for s in test])
            rec.close()
            pred += fold_pred
            gold += [s.tags for s in test]
            fold_score = score([s.tags for s in test], fold_pred).f1({"PER", "LOC", "ORG"})
            print(f"  fold {fold + 1}/{k} done: PER/LOC/ORG {fold_score:.2f}", file=sys.stderr)
    return score(gold, pred).to_dict()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT / MODEL_FILE)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--germeval-weight", type=int, default=3,
                    help="how many times GermEval dev sentences enter the training set")
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation on GermEval dev")
    ap.add_argument("--scheme", choices=("bio", "bioes"), default="bio", help="tag set the CRF learns")
    ap.add_argument("--cv-train", type=int, default=0,
                    help="train each CV fold on this many of the other GermEval folds (a learning curve; default: all k-1)")
    ap.add_argument("--folds", default="", help="CV folds to run, e.g. 0,1 (default: all)")
    ap.add_argument("--no-word-types", dest="word_types", action="store_false",
                    help="without the stacked word-type classifier")
    ap.add_argument("--context-types", action="store_true",
                    help="with the stacked context classifier (word and neighbours)")
    ap.add_argument("--word-types-hidden", type=int, default=0,
                    help="word-type classifier: a perceptron with this many hidden units (0: logistic regression)")
    ap.add_argument("--window-tagger", action="store_true",
                    help="with the stacked window tagger (an MLP over five tokens' piece vectors)")
    ap.add_argument("--window-dims", type=int, default=32, help="window tagger: PCA dimensions per token")
    ap.add_argument("--window-hidden", type=int, default=128, help="window tagger: hidden units")
    ap.add_argument("--window-epochs", type=int, default=12, help="window tagger: training epochs")
    ap.add_argument("--window-types", action="store_true",
                    help="window tagger inputs: also the word-type classifier's class probabilities")
    ap.add_argument("--window-coarse", action="store_true",
                    help="window tagger features: name classes of capitalised tokens only")
    ap.add_argument("--translit-names", action="store_true",
                    help="German-transcribed Russian/Ukrainian names in the name gazetteers")
    ap.add_argument("--name-seed", type=int, default=0,
                    help="seed of the gazetteer-name sample the word-type classifier learns from")
    ap.add_argument("--org-heads", action="store_true", help="organisation cue features (data/org_heads.txt)")
    ap.add_argument("--keep", type=Path, default=None,
                    help="keep the CV fold models (and their word types) in this folder, to rescore later")
    ap.add_argument("--no-save", action="store_true", help="train and score without saving")
    ap.add_argument("--cv-only", action="store_true", help="only the cross-validation (needs --cv)")
    ap.add_argument("--score-only", action="store_true", help="score the model at --out, no training")
    ap.add_argument("--scores", type=Path, default=OUT / "scores.json")
    args = ap.parse_args()
    random.seed(0)

    features = Features(args)
    smart = read_smartdata(DATA / "smartdata" / "train.json.gz")
    germeval = read_germeval(DATA / "germeval2014" / "NER-de-dev.tsv")
    report: dict = {"params": {"c1": args.c1, "c2": args.c2, "iterations": args.iterations,
                               "germeval_weight": args.germeval_weight, "word_types": args.word_types,
                               "context_types": args.context_types, "window_tagger": args.window_tagger,
                               "word_types_hidden": args.word_types_hidden,
                               "window": [args.window_dims, args.window_hidden, args.window_epochs, args.window_coarse, args.window_types],
                               "translit_names": args.translit_names, "org_heads": args.org_heads,
                               "name_seed": args.name_seed,
                               "scheme": args.scheme}}
    if args.cv:
        t = time.time()
        key = "germeval_dev_cv" if not args.folds else f"germeval_dev_cv_folds_{args.folds.replace(',', '')}"
        if args.cv_train:
            key += f"_train{args.cv_train}"
        report[key] = cross_validate(smart, germeval, features, args)
        print(f"GermEval dev {args.cv}-fold CV ({time.time() - t:.0f}s):",
              json.dumps(report[key]), file=sys.stderr)
        if args.cv_only:
            print(json.dumps(report))
            return

    t = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / MODEL_FILE if args.no_save else args.out
        path.parent.mkdir(parents=True, exist_ok=True)
        if args.score_only:
            path = args.out
            previous = json.loads(args.scores.read_text(encoding="utf-8")) if args.scores.exists() else {}
            report = {**previous, **report}
        else:
            train_model(features, smart + germeval, smart + germeval * args.germeval_weight, path, args)
            report["train_seconds"] = round(time.time() - t, 1)
        smart_test = read_smartdata(DATA / "smartdata" / "test.json.gz")
        report["smartdata_test"] = evaluate(path, None, smart_test)
        report["smartdata_test_documents"] = evaluate(path, None, smart_test, documents=True)
        for part in HIPE_DEV:
            hipe = DATA / "hipe2022-de" / f"HIPE-2022-v2.1-{part}-dev-de.tsv"
            if hipe.exists():
                report[f"hipe_{part}_dev"] = evaluate(path, None, read_hipe(hipe))
        report["speed"] = speed(path, smart_test)
    print(json.dumps(report, indent=1))
    if not args.no_save:
        report["model_bytes"] = args.out.stat().st_size
        args.scores.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
