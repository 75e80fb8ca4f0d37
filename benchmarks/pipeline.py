"""Benchmark the whole pipeline to GeoJSON (`geo geojson`): one process on one core.

    python benchmarks/pipeline.py [--docs 10000] [--seed 0]

Reads, finds places, events and dates, merges across documents and writes GeoJSON; prints
documents per second and peak RSS.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402

TARGET_DOCS_PER_S = 1000
TARGET_RSS_MB = 500


def _features(out: Path) -> int:
    return len(json.loads(out.read_text(encoding="utf-8"))["features"])


def main(argv: list[str] | None = None) -> int:
    args = measure.corpus_args(__doc__.splitlines()[0], argv)
    result, features = measure.run_on_corpus("geojson", args.docs, args.seed, "out.geojson",
                                              inspect=_features)
    print(f"geo geojson: {args.docs:,} documents -> {features:,} features, one core")
    measure.print_throughput(args.docs, result, TARGET_DOCS_PER_S, TARGET_RSS_MB)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
