"""Inputs at scale: bad documents are reported once and skipped (exit 3), bad usage exits 2,
interrupted runs leave outputs untouched, and the same inputs always give the same bytes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geo import pipeline
from geo.cli import main

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))
STORY = (
    "Artillery shelling hit Kharkiv on Monday, the regional governor said. "
    "Officials in Kyiv said three people were killed.\n"
)

#: Each bad input: its file name, what it holds, and words its one error line must contain.
BAD = {
    "empty.txt": (b"", ["empty"]),
    "blank.md": (b"  \n\n \t\n", ["empty"]),
    "binary.txt": (bytes(range(256)) * 16, ["binary"]),
    "undecodable.txt": (bytes(range(0x80, 0x100)) * 8, ["undecodable"]),
    "huge.txt": (STORY.encode() * 90_000, ["too large", "MB"]),
    "nav.html": (b"<html><head><title>Index</title></head><body><nav><ul>"
                 b"<li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
                 b"<footer><a href='/about'>About</a></footer></body></html>",
                 ["no story text"]),
    "notext.csv": (b"title,body\nA story,Shelling in Kharkiv\n", ["no 'text' column", "body"]),
}
JSONL = (
    '{"id": "good-1", "text": "Shelling hit Kharkiv on Monday."}\n'
    '{"id": "broken", "text": "Protests in Paris\n'
    '{"id": "good-2", "text": "Protesters marched in Paris on Sunday."}\n'
)
BROKEN_HTML = (
    "<html><head><title>Strikes</title><body><article><p>Drone strikes hit <b>Odesa "
    "overnight, officials in Kyiv said.<p>Air defences were active over Mykolaiv <div>"
)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of good seed articles, one broken-but-readable page, a JSONL file with one
    broken line between good ones, and one file of each kind of bad input."""
    folder = Path(shutil.copytree(SEEDS, tmp_path / "in"))
    for name, (data, _) in BAD.items():
        (folder / name).write_bytes(data)
    (folder / "docs.jsonl").write_text(JSONL, encoding="utf-8")
    (folder / "broken.html").write_text(BROKEN_HTML, encoding="utf-8")
    return folder


def geo(*args: str | Path) -> int:
    return main([str(a) for a in args])


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if not line.startswith("geo: warning:")]


def run(*args: str | Path, **kwargs) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, with pipes (stderr is not a terminal)."""
    return subprocess.run([sys.executable, "-m", "geo", *map(str, args)],
                          capture_output=True, text=True, timeout=300, **kwargs)


# ------------------------------------------------------------------------------ bad input


def _check_bad_inputs_reported(err: str, missing: Path) -> None:
    lines = error_lines(err)
    for name, (_, words) in BAD.items():
        mine = [line for line in lines if f" {name}" in line]
        assert len(mine) == 1, (name, lines)
        assert all(word in mine[0] for word in words), mine
    jsonl = [line for line in lines if "docs.jsonl" in line]
    assert len(jsonl) == 1, lines
    assert "invalid JSON" in jsonl[0]
    assert jsonl[0].count("line 2") == 1, jsonl
    assert [line for line in lines if str(missing) in line] == [
        f"geo: {missing}: no such file or directory"
    ]
    assert len(lines) == len(BAD) + 2
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["places", "events"])
def test_bad_inputs_reported_once_and_the_rest_processed(
    mixed: Path, tmp_path: Path, capsys, command: str
) -> None:
    out = tmp_path / "out.jsonl"
    missing = tmp_path / "missing.txt"
    assert geo(command, mixed, missing, "-o", out) == 3
    _check_bad_inputs_reported(capsys.readouterr().err, missing)
    docs = [line.split('"', 4)[3] for line in out.read_text(encoding="utf-8").splitlines()]
    assert docs == [*SEED_FILES, "broken.html", "good-1", "good-2"]


def test_broken_html_story_is_read(mixed: Path, tmp_path: Path) -> None:
    import json

    out = tmp_path / "out.jsonl"
    geo("places", mixed / "broken.html", "-o", out)
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {"Odesa", "Kyiv"} <= {m["text"] for m in row["mentions"]}


def test_bad_inputs_with_jobs_in_a_real_process(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.geojson"
    missing = tmp_path / "missing.txt"
    done = run("geojson", mixed, missing, "-o", out, "--jobs", "2")
    assert done.returncode == 3, done.stderr
    _check_bad_inputs_reported(done.stderr, missing)
    assert b'"Saravan"' in out.read_bytes()


def test_only_good_files_exit_zero(tmp_path: Path, capsys) -> None:
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    assert geo("geojson", seeds, "-o", tmp_path / "out.geojson") == 0
    assert capsys.readouterr().err == ""


def test_bad_manifest_row_is_reported(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "manifest.csv").write_text("file,published\na.txt,not a date\n", encoding="utf-8")
    assert geo("places", folder, "-o", tmp_path / "out.jsonl") == 3
    err = error_lines(capsys.readouterr().err)
    assert len(err) == 1 and "manifest.csv" in err[0] and "not a date" in err[0]
    assert "a.txt" in (tmp_path / "out.jsonl").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- bad usage


@pytest.mark.parametrize(
    "args",
    [
        ["places", "SEEDS", "--no-such-option"],
        ["places", "SEEDS", "--published", "notadate"],
        ["events", "SEEDS", "--published", "2024-02-30"],
        ["places", "SEEDS", "--jobs", "0"],
        ["places", "SEEDS", "--jobs", "two"],
        ["geojson", "SEEDS", "--engine", "spark"],
        ["places"],
        ["frobnicate", "SEEDS"],
        [],
        ["places", "SEEDS", "--manifest", "MISSING/manifest.csv"],
        ["places", "SEEDS", "-o", "MISSING/out.jsonl"],
        ["geojson", "SEEDS", "-o", "MISSING"],
        ["map", "SEEDS", "-o", "MISSING"],
        ["embed", "SEEDS", "-o", "A_FILE"],
    ],
)
def test_bad_usage_exits_2(args: list[str], tmp_path: Path) -> None:
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "existing-dir").mkdir()
    argv = [a.replace("SEEDS", str(seeds)) for a in args]
    argv = [a.replace("MISSING/", str(tmp_path / "nodir") + "/") for a in argv]
    argv = [str(tmp_path / "existing-dir") if a == "MISSING" else a for a in argv]
    argv = [str(seeds / "manifest.csv") if a == "A_FILE" else a for a in argv]
    done = run(*argv)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert done.stderr.strip() and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_map_needs_no_output_option(tmp_path: Path) -> None:
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    done = run("map", seeds, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "map.html").is_file()


# ------------------------------------------------------------------------ atomic outputs


def _interrupt_after(monkeypatch, n: int) -> None:
    """Make the per-document analysis raise KeyboardInterrupt on document n + 1."""
    real = pipeline.analyse
    calls = {"n": 0}

    def analyse(doc, settings=pipeline.Settings()):  # noqa: B008 - same default as real
        calls["n"] += 1
        if calls["n"] > n:
            raise KeyboardInterrupt
        return real(doc, settings)

    monkeypatch.setattr(pipeline, "analyse", analyse)


@pytest.mark.parametrize("command", ["places", "events", "geojson", "table", "map"])
def test_interrupted_run_keeps_the_old_output(
    command: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    outdir = tmp_path / "out"
    outdir.mkdir()
    out = outdir / "result"
    out.write_text("old content\n", encoding="utf-8")
    _interrupt_after(monkeypatch, 2)
    assert geo(command, seeds, "-o", out) == 130
    assert "interrupted" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "old content\n"
    assert sorted(os.listdir(outdir)) == ["result"]


def test_interrupted_run_creates_no_file(tmp_path: Path, monkeypatch, capsys) -> None:
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    outdir = tmp_path / "out"
    outdir.mkdir()
    _interrupt_after(monkeypatch, 2)
    assert geo("places", seeds, "-o", outdir / "places.jsonl") == 130
    assert os.listdir(outdir) == []


# ------------------------------------------------------------------------- determinism


@pytest.mark.parametrize("command", ["places", "events", "geojson", "table"])
def test_same_inputs_give_the_same_bytes(command: str, tmp_path: Path) -> None:
    """Two processes with different hash seeds: no set or dict order leaks into the output."""
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = run(command, seeds, "-o", out, env=env)
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 100


# ------------------------------------------------------------------------------ progress

_SPINNER = {chr(c) for c in range(0x2800, 0x2900)} | set("━─█▏▕")


def _has_progress(err: str) -> bool:
    return "\x1b[" in err or "\r" in err or bool(_SPINNER & set(err))


@pytest.fixture
def undated(tmp_path: Path) -> Path:
    """Seed articles plus one without any publication date (a warning for `geo events`)."""
    folder = Path(shutil.copytree(SEEDS, tmp_path / "in"))
    (folder / "undated.txt").write_text(STORY, encoding="utf-8")
    return folder


def test_no_progress_bar_when_stderr_is_a_pipe(undated: Path, tmp_path: Path) -> None:
    done = run("events", undated, "-o", tmp_path / "out.jsonl")
    assert done.returncode == 0
    assert not _has_progress(done.stderr)
    assert done.stderr.splitlines() == [
        "geo: warning: undated.txt: no publication date: relative dates left unresolved"
    ]


def test_progress_bar_on_a_terminal(undated: Path, tmp_path: Path) -> None:
    """The control for the test above: on a terminal the counter is drawn."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "geo", "places", str(undated),
                             "-o", str(tmp_path / "out.jsonl")],
                            stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=120) == 0
    err = b"".join(chunks).decode("utf-8", "replace")
    assert _has_progress(err) and "documents" in err


def test_quiet_silences_warnings(undated: Path, tmp_path: Path) -> None:
    done = run("events", undated, "-o", tmp_path / "out.jsonl", "--quiet")
    assert done.returncode == 0
    assert done.stderr == ""


def test_quiet_still_reports_unreadable_documents(undated: Path, tmp_path: Path) -> None:
    (undated / "empty.txt").write_bytes(b"")
    done = run("events", undated, "-o", tmp_path / "out.jsonl", "-q")
    assert done.returncode == 3
    assert done.stderr.splitlines() == ["geo: empty.txt: empty"]
