"""Parallel runs give the same bytes as a serial run: `--jobs N` (forked workers, in windows)
and `--engine dask` (a dask.distributed LocalCluster); Ctrl-C stops them cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo import pipeline
from geo.documents import read_inputs

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GEOVIRUS = REPO.parent / "shared" / "corpora" / "geovirus.jsonl"
COMMANDS = ("places", "events", "geojson")


def _records() -> list[dict]:
    """About 300 documents: every GeoVirus article, the first halves of some of them again
    (no date: exercises the warning path), and the seed articles with their manifest data."""
    if not GEOVIRUS.is_file():
        pytest.skip(f"{GEOVIRUS} is absent: shared/ must sit beside the repo")
    articles = [json.loads(line) for line in GEOVIRUS.read_text(encoding="utf-8").splitlines()]
    records = [
        {"id": f"gv-{a['id']}", "text": a["text"], "published": "2020-02-01", "url": a.get("url")}
        for a in articles
    ]
    need = 300 - len(records) - 5
    records += [
        {"id": f"half-{a['id']}", "text": a["text"][: len(a["text"]) // 2]}
        for a in articles[:need]
    ]
    records += [
        {"id": d.id, "text": d.text, "title": d.title, "url": d.url,
         "published": d.published.isoformat() if d.published else None}
        for d in read_inputs([str(SEEDS)])
    ]
    return records


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ~300 documents as one JSON Lines file, with one broken line in the middle."""
    records = _records()
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(150, '{"id": "broken", "text": "unterminated')
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str | Path, timeout: float = 600) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "geo", *map(str, args)],
                          capture_output=True, timeout=timeout)


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    """Each command's output file and stderr with --jobs 1."""
    out = tmp_path_factory.mktemp("serial")
    results = {}
    for command in COMMANDS:
        done = run(command, corpus, "-o", out / command, "--jobs", "1")
        assert done.returncode == 3, done.stderr
        results[command] = ((out / command).read_bytes(), done.stderr)
    return results


def test_corpus_is_about_300_documents(serial: dict[str, tuple]) -> None:
    rows = serial["places"][0].decode("utf-8").splitlines()
    assert 295 <= len(rows) <= 305
    assert serial["places"][1].count(b"line 151") == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_jobs_2_is_byte_identical_to_jobs_1(
    command: str, corpus: Path, serial: dict[str, tuple], tmp_path: Path
) -> None:
    out = tmp_path / command
    done = run(command, corpus, "-o", out, "--jobs", "2")
    assert done.returncode == 3, done.stderr
    assert out.read_bytes() == serial[command][0]
    assert done.stderr == serial[command][1]


def test_windows_keep_input_order(monkeypatch) -> None:
    """Many small windows through a pool of 2 workers: the same analyses, in input order."""
    docs = list(read_inputs([str(SEEDS)]))
    docs = docs * 3 + [docs[0]]
    monkeypatch.setattr(pipeline, "WINDOW_PER_JOB", 2)
    settings = pipeline.Settings(events=True)
    serial = list(pipeline.analyse_stream(docs, settings, jobs=1))
    parallel = list(pipeline.analyse_stream(docs, settings, jobs=2))
    assert parallel == serial
    assert [a.doc.id for a in parallel] == [d.id for d in docs]


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
def test_dask_local_cluster_is_byte_identical(
    command: str, corpus: Path, serial: dict[str, tuple], tmp_path: Path
) -> None:
    pytest.importorskip("distributed", reason="dask[distributed] is in the test extra")
    out = tmp_path / command
    done = run(command, corpus, "-o", out, "--engine", "dask", "--jobs", "2")
    assert done.returncode == 3, done.stderr
    assert out.read_bytes() == serial[command][0]
    assert done.stderr == serial[command][1]


# ------------------------------------------------------------------------------- Ctrl-C


def _interrupt(corpus: Path, tmp_path: Path, wait: float,
               *options: str) -> tuple[int, str, bytes]:
    """Ctrl-C, as a terminal sends it (SIGINT to the whole process group), mid-run."""
    big = tmp_path / "big.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()
    with big.open("w", encoding="utf-8") as fh:
        for copy in range(30):
            for line in lines:
                fh.write(line.replace('{"id": "', f'{{"id": "{copy}-', 1) + "\n")
    outdir = tmp_path / "out"
    outdir.mkdir()
    out = outdir / "events.jsonl"
    out.write_bytes(b"old\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "geo", "events", str(big), "-o", str(out), "-q", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        time.sleep(wait)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert sorted(os.listdir(outdir)) == ["events.jsonl"]
    return proc.returncode, err.decode("utf-8", "replace"), out.read_bytes()


def test_ctrl_c_with_jobs_stops_cleanly(corpus: Path, tmp_path: Path) -> None:
    status, err, content = _interrupt(corpus, tmp_path, 4, "--jobs", "2")
    assert status == 130
    assert content == b"old\n"
    lines = [line for line in err.splitlines() if "invalid JSON" not in line]
    assert lines == ["geo: interrupted; no output file was changed"], err


@pytest.mark.slow
def test_ctrl_c_with_dask_stops_cleanly(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="dask[distributed] is in the test extra")
    status, err, content = _interrupt(corpus, tmp_path, 8, "--engine", "dask", "--jobs", "2")
    assert status == 130
    assert content == b"old\n"
    # dask logs the tasks it cancels; workers must not die of the Ctrl-C themselves
    assert "KeyboardInterrupt" not in err, err
    assert err.splitlines()[-1] == "geo: interrupted; no output file was changed"


_CLUSTER = """
import sys
from distributed import LocalCluster
cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                       dashboard_address=None,
                       scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
print(cluster.scheduler_address, flush=True)
sys.stdin.read()
cluster.close()
"""


@pytest.mark.slow
def test_dask_external_scheduler_is_byte_identical(
    corpus: Path, serial: dict[str, tuple], tmp_path: Path
) -> None:
    """`--scheduler ADDR`: a cluster started elsewhere (here another process on loopback)."""
    pytest.importorskip("distributed", reason="dask[distributed] is in the test extra")
    cluster = subprocess.Popen([sys.executable, "-c", _CLUSTER], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        address = cluster.stdout.readline().strip()
        assert address.startswith("tcp://127.0.0.1:"), address
        out = tmp_path / "events.geojson"
        done = run("geojson", corpus, "-o", out, "--engine", "dask", "--scheduler", address)
        assert done.returncode == 3, done.stderr
        assert out.read_bytes() == serial["geojson"][0]
        assert done.stderr == serial["geojson"][1]
    finally:
        cluster.communicate(input="", timeout=60)
