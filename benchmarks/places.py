"""Benchmark `geo places` as a user runs it: the whole process on one core, index prebuilt.

    python benchmarks/places.py [--docs 10000] [--seed 0]

Prints documents per second, total time, peak RSS, and the load time (`geo places seeds/`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import measure  # noqa: E402

TARGET_DOCS_PER_S = 2000
TARGET_LOAD_S = 1.0
TARGET_RSS_MB = 500


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    measure.build_gazetteer()
    with tempfile.TemporaryDirectory(prefix="geo-bench-") as tmp:
        source = corpus.write_corpus(args.docs, Path(tmp) / "corpus.jsonl", args.seed)
        result = measure.geo_run("places", source, Path(tmp) / "out.jsonl")
    load = measure.load_time()

    rate = args.docs / result.wall
    rss = measure.rss_mb(result)
    print(f"geo places: {args.docs:,} documents, whole process pinned to one core")
    print(measure.line("documents/s/core", f"{rate:,.0f}", f">= {TARGET_DOCS_PER_S:,}",
                       rate >= TARGET_DOCS_PER_S))
    print(measure.line("documents per CPU-second", f"{args.docs / result.cpu:,.0f}"))
    print(measure.line("total wall time", f"{result.wall:.2f} s"))
    print(measure.line("load time: geo places seeds/ (median 5)", f"{load:.3f} s",
                       f"<= {TARGET_LOAD_S} s", load <= TARGET_LOAD_S))
    print(measure.line("peak RSS", f"{rss:,.0f} MB", f"<= {TARGET_RSS_MB} MB",
                       rss <= TARGET_RSS_MB))
    note = measure.busy_note(result)
    if note:
        print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
