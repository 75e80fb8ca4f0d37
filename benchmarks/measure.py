"""Run the `geo` command as a whole process and measure it: wall time and peak memory.

Peak RSS comes two ways: the kernel's ru_maxrss for the child (largest single process of its
tree, from wait4) and a sampled sum over the whole process tree, which is what worker pools
add up to.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE_SECONDS = 0.1


@dataclass(frozen=True, slots=True)
class Run:
    """What one measured process did."""

    wall: float
    cpu: float
    max_rss_mb: float
    tree_rss_mb: float
    returncode: int
    stderr: str


def geo_command() -> list[str]:
    """The installed `geo` console script of the project's virtualenv, else `python -m geo`."""
    script = REPO / ".venv" / "bin" / "geo"
    return [str(script)] if script.exists() else [sys.executable, "-m", "geo"]


def pinned(cmd: Sequence[str], cores: str = "0") -> list[str]:
    """cmd restricted to the given CPU list with taskset, when taskset is installed."""
    taskset = shutil.which("taskset")
    return [taskset, "-c", cores, *cmd] if taskset else list(cmd)


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, ValueError, IndexError):
        return 0


def _tree_rss_kb(root: int) -> int:
    """Sum of resident memory of root and all its descendants, read from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss_kb(pid)
        todo.extend(parents.get(pid, ()))
    return total


def run(cmd: Sequence[str], cwd: Path = REPO, sample: bool = True) -> Run:
    """Run cmd to completion; measure wall time, ru_maxrss and sampled tree RSS."""
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        peak = [0]
        done = threading.Event()

        def watch() -> None:
            while not done.wait(SAMPLE_SECONDS):
                peak[0] = max(peak[0], _tree_rss_kb(proc.pid))

        watcher = threading.Thread(target=watch, daemon=True)
        if sample:
            watcher.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        if sample:
            watcher.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return Run(wall, cpu, usage.ru_maxrss / 1024, peak[0] / 1024, proc.returncode, err.read())


def checked(result: Run, what: str) -> Run:
    """result, or exit with the command's error output when it failed."""
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-4000:])
        raise SystemExit(f"{what} failed with exit status {result.returncode}")
    return result


def build_gazetteer() -> None:
    """Build (or find already built) the gazetteer index, so no timed run pays for it."""
    checked(run([*geo_command(), "gazetteer", "build"], sample=False), "geo gazetteer build")


def load_time(runs: int = 5) -> float:
    """Median whole-process wall time of `geo places seeds/ -o /dev/null` on one core."""
    cmd = pinned([*geo_command(), "places", str(REPO / "seeds"), "-o", os.devnull])
    checked(run(cmd, sample=False), "geo places seeds/")
    return statistics.median(
        checked(run(cmd, sample=False), "geo places seeds/").wall for _ in range(runs)
    )


def line(label: str, value: str, target: str = "", ok: bool | None = None) -> str:
    """One printed figure, with its target and whether it was met when there is one."""
    text = f"  {label:<42} {value:>12}"
    if target:
        text += f"   target {target:<12} {'ok' if ok else 'MISSED'}"
    return text


def busy_note(result: Run, cores: int = 1) -> str:
    """A warning when the run got much less CPU than its cores could give: other work shared
    the machine, so its wall-clock figures are pessimistic and per-CPU-second ones are not."""
    share = result.cpu / (result.wall * cores)
    if share >= 0.9:
        return ""
    return (f"  note: the run had {share:.0%} of its {cores} core(s); other processes shared "
            "the machine, so wall-clock rates are pessimistic (docs per CPU-second is not)")


def geo_run(
    subcommand: str, source: Path, out: Path, extra: Sequence[str] = (), cores: str = "0"
) -> Run:
    """Time `geo SUBCOMMAND SOURCE -o OUT [EXTRA]` pinned to the given cores; fail loudly."""
    cmd = pinned([*geo_command(), subcommand, str(source), "-o", str(out), *extra], cores)
    return checked(run(cmd), f"geo {subcommand} {' '.join(extra)}".strip())


def rss_mb(result: Run) -> float:
    """Peak resident memory of the run: the larger of the biggest process and the tree sum."""
    return max(result.max_rss_mb, result.tree_rss_mb)


def corpus_args(description: str, argv: Sequence[str] | None) -> argparse.Namespace:
    """The --docs and --seed options every corpus benchmark takes."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--docs", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args(argv)


def run_on_corpus(
    subcommand: str, docs: int, seed: int, out_name: str,
    inspect: Callable[[Path], object] | None = None,
) -> tuple[Run, object]:
    """Build the index (untimed), write a corpus, time `geo SUBCOMMAND` on it on one core;
    returns the run and what `inspect` made of the output file before it is deleted."""
    import corpus

    build_gazetteer()
    with tempfile.TemporaryDirectory(prefix="geo-bench-") as tmp:
        source = corpus.write_corpus(docs, Path(tmp) / "corpus.jsonl", seed)
        out = Path(tmp) / out_name
        result = geo_run(subcommand, source, out)
        return result, inspect(out) if inspect else None


def print_throughput(
    docs: int, result: Run, target_rate: int, target_rss: int, extra: Sequence[str] = ()
) -> None:
    """Documents per second and per CPU-second, wall time, any extra lines, peak RSS."""
    rate = docs / result.wall
    rss = rss_mb(result)
    print(line("documents/s/core", f"{rate:,.0f}", f">= {target_rate:,}", rate >= target_rate))
    print(line("documents per CPU-second", f"{docs / result.cpu:,.0f}"))
    print(line("total wall time", f"{result.wall:.2f} s"))
    for text in extra:
        print(text)
    print(line("peak RSS", f"{rss:,.0f} MB", f"<= {target_rss} MB", rss <= target_rss))
    note = busy_note(result)
    if note:
        print(note)
