"""Benchmark `geo places` as a user runs it: the whole process on one core, index prebuilt.

    python benchmarks/places.py [--docs 10000] [--seed 0]

Prints documents per second, total time, peak RSS, and the load time (`geo places seeds/`).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402

TARGET_DOCS_PER_S = 2000
TARGET_LOAD_S = 1.0
TARGET_RSS_MB = 500


def main(argv: list[str] | None = None) -> int:
    args = measure.corpus_args(__doc__.splitlines()[0], argv)
    result, _ = measure.run_on_corpus("places", args.docs, args.seed, "out.jsonl")
    load = measure.load_time()
    print(f"geo places: {args.docs:,} documents, whole process pinned to one core")
    load_line = measure.line("load time: geo places seeds/ (median 5)", f"{load:.3f} s",
                             f"<= {TARGET_LOAD_S} s", load <= TARGET_LOAD_S)
    measure.print_throughput(args.docs, result, TARGET_DOCS_PER_S, TARGET_RSS_MB, [load_line])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
