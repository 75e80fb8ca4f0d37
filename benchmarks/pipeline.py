"""Benchmark the whole pipeline to GeoJSON (`geo geojson`): one process on one core.

    python benchmarks/pipeline.py [--docs 10000] [--seed 0]

Reads, finds places, events and dates, merges across documents and writes GeoJSON; prints
documents per second and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import measure  # noqa: E402

TARGET_DOCS_PER_S = 1000
TARGET_RSS_MB = 500


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    measure.build_gazetteer()
    with tempfile.TemporaryDirectory(prefix="geo-bench-") as tmp:
        source = corpus.write_corpus(args.docs, Path(tmp) / "corpus.jsonl", args.seed)
        out = Path(tmp) / "out.geojson"
        result = measure.geo_run("geojson", source, out)
        features = len(json.loads(out.read_text(encoding="utf-8"))["features"])

    rate = args.docs / result.wall
    rss = measure.rss_mb(result)
    print(f"geo geojson: {args.docs:,} documents -> {features:,} features, one core")
    print(measure.line("documents/s/core", f"{rate:,.0f}", f">= {TARGET_DOCS_PER_S:,}",
                       rate >= TARGET_DOCS_PER_S))
    print(measure.line("documents per CPU-second", f"{args.docs / result.cpu:,.0f}"))
    print(measure.line("total wall time", f"{result.wall:.2f} s"))
    print(measure.line("peak RSS", f"{rss:,.0f} MB", f"<= {TARGET_RSS_MB} MB",
                       rss <= TARGET_RSS_MB))
    note = measure.busy_note(result)
    if note:
        print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
