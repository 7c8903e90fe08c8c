"""Click command: ``chronik eval clusters ECB_DIR`` scores the event clusterer on ECB+."""

from __future__ import annotations

import dataclasses
import json

import click

from chronik.errors import ChronikError


@click.command("eval-clusters")
@click.argument("ecb_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--threshold", type=float, default=None, help="Merge threshold (default: the tuned one).")
@click.option("--online", "share", type=float, default=None,
              help="Add documents in batches of this share of the corpus (e.g. 0.1) instead of all at once.")
@click.option("--no-embeddings", is_flag=True, help="Leave the multilingual embeddings out.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_clusters(ecb_dir: str, threshold: float | None, share: float | None, no_embeddings: bool,
                  as_json: bool) -> None:
    """Cluster the ECB+ documents in ECB_DIR (topic folders) into events and print BCubed P/R/F1
    against the gold groups (topic number + ecb/ecbplus)."""
    from chronik.clusters.ecbplus import read_corpus
    from chronik.clusters.evaluate import ecb_features, run_batch, run_online, score
    from chronik.clusters.features import FeatureExtractor
    from chronik.clusters.online import ClusterOptions

    try:
        docs = read_corpus(ecb_dir)
        if not docs:
            raise click.ClickException(f"no ECB+ documents under {ecb_dir}")
        embedder = None
        if not no_embeddings:
            from chronik.clusters.embed import Embedder

            embedder = Embedder()
        feats = ecb_features(docs, FeatureExtractor(embedder=embedder))
        options = ClusterOptions()
        if threshold is not None:
            options = dataclasses.replace(options, threshold=threshold)
        assigned = run_online(feats, options, share=share) if share else run_batch(feats, options)
        result = score(assigned, {d.id: d.group for d in docs})
    except ChronikError as exc:
        raise click.ClickException(str(exc)) from exc
    clusters = len(set(assigned.values()))
    if as_json:
        click.echo(json.dumps({"documents": len(docs), "clusters": clusters, "threshold": options.threshold,
                               **dataclasses.asdict(result)}))
    else:
        click.echo(f"{len(docs)} documents -> {clusters} clusters (gold {len({d.group for d in docs})}), "
                   f"threshold {options.threshold}")
        click.echo(f"BCubed P {result.precision:.4f}  R {result.recall:.4f}  F1 {result.f1:.4f}")
