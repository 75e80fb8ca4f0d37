"""Benchmark `geo places` at scale: throughput with one and two workers and with dask, and
whether memory stays flat as the corpus grows.

    python benchmarks/scale.py [--docs 100000] [--seed 0]

One worker runs on core 0; two workers and dask run on cores 0 and 1. Peak RSS is measured
on the first 25%, 50% and all of the corpus with one worker.
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import measure  # noqa: E402

TARGET_SPEEDUP = 1.8
TARGET_RSS_GROWTH = 1.10
FRACTIONS = (0.25, 0.5, 1.0)


def places_options() -> str:
    """The help text of `geo places`, to see which options this version has."""
    done = subprocess.run(
        [*measure.geo_command(), "places", "--help"], capture_output=True, text=True, check=False
    )
    return done.stdout


SPIN = "x = 0\nfor i in range(20_000_000):\n    x += i\n"


def machine_scaling() -> float:
    """How much two busy processes on cores 0 and 1 get done relative to one on core 0: the
    ceiling for any two-worker speedup on this machine (below 2 when cores are shared)."""

    def timed(cores: list[str]) -> float:
        start = time.perf_counter()
        procs = [subprocess.Popen(measure.pinned([sys.executable, "-c", SPIN], c)) for c in cores]
        for proc in procs:
            proc.wait()
        return time.perf_counter() - start

    return 2 * timed(["0"]) / timed(["0", "1"])


def prefix(source: Path, n: int, out: Path) -> Path:
    """The first n documents of a JSON Lines corpus, written to out."""
    with source.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        dst.writelines(itertools.islice(src, n))
    return out


def try_run(source: Path, out: Path, extra: list[str], cores: str) -> measure.Run | str:
    """The measured run, or why it could not run (last line of its error output)."""
    cmd = measure.pinned(
        [*measure.geo_command(), "places", str(source), "-o", str(out), *extra], cores
    )
    result = measure.run(cmd)
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or [f"exit status {result.returncode}"]
        return f"not available ({lines[-1][:80]})"
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000, help="corpus size (default 100000)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    options = places_options()
    has_jobs, has_engine = "--jobs" in options, "--engine" in options
    measure.build_gazetteer()
    print(f"geo places at scale: {args.docs:,} documents")
    with tempfile.TemporaryDirectory(prefix="geo-bench-") as tmp:
        work = Path(tmp)
        full = corpus.write_corpus(args.docs, work / "corpus.jsonl", args.seed)
        one_job = ["--jobs", "1"] if has_jobs else []

        print("memory with one worker (core 0):")
        rss: list[float] = []
        single: measure.Run | None = None
        for fraction in FRACTIONS:
            n = max(1, round(args.docs * fraction))
            source = full if fraction == 1.0 else prefix(full, n, work / f"part-{n}.jsonl")
            result = measure.geo_run("places", source, work / "out.jsonl", one_job)
            rss.append(measure.rss_mb(result))
            print(measure.line(f"peak RSS at {fraction:.0%} ({n:,} docs)", f"{rss[-1]:,.0f} MB"))
            single = result
        assert single is not None
        growth = rss[-1] / rss[0]
        print(measure.line("RSS growth from 25% to 100%", f"{growth:.2f}x",
                           f"<= {TARGET_RSS_GROWTH:.2f}x", growth <= TARGET_RSS_GROWTH))

        print("throughput (one worker on core 0; two workers and dask on cores 0,1):")
        rate1 = args.docs / single.wall
        print(measure.line("--jobs 1, documents/s", f"{rate1:,.0f}"))
        notes = [measure.busy_note(single)]
        runs = {
            "--jobs 2": (has_jobs, ["--jobs", "2"]),
            "--engine dask --jobs 2": (has_engine, ["--engine", "dask", "--jobs", "2"]),
        }
        for label, (available, extra) in runs.items():
            outcome = (
                try_run(full, work / "out.jsonl", extra, "0,1")
                if available else "not available (no such option)"
            )
            if isinstance(outcome, str):
                print(measure.line(label, outcome))
                continue
            rate = args.docs / outcome.wall
            speedup = rate / rate1
            print(measure.line(f"{label}, documents/s", f"{rate:,.0f}"))
            print(measure.line("  speedup over --jobs 1", f"{speedup:.2f}x",
                               f">= {TARGET_SPEEDUP}x", speedup >= TARGET_SPEEDUP))
            print(measure.line("  peak RSS, all processes", f"{measure.rss_mb(outcome):,.0f} MB"))
            notes.append(measure.busy_note(outcome, cores=2))
        ceiling = machine_scaling()
        print(measure.line("machine: 2 busy processes vs 1 (ceiling)", f"{ceiling:.2f}x"))
        for note in filter(None, notes):
            print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
