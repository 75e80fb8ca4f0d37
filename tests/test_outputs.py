"""Atomic writes: the target holds the old file or the new one, never half, never a temp left."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from geo.outputs import atomic_open, atomic_write, write_jsonl


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_atomic_write_text_and_bytes(tmp_path: Path) -> None:
    target = tmp_path / "out.geojson"
    text = "Zaporizhzhia \u2013 \u0417\u0430\u043f\u043e\u0440\u0456\u0436\u0436\u044f\n"
    atomic_write(target, text)
    assert target.read_bytes() == text.encode("utf-8")
    atomic_write(target, b"\x89PNG\r\n")
    assert target.read_bytes() == b"\x89PNG\r\n"
    assert leftovers(tmp_path) == []


def test_text_mode_keeps_newlines_as_written(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    atomic_write(target, "one\ntwo\r\n")
    assert target.read_bytes() == b"one\ntwo\r\n"


@pytest.mark.parametrize("interrupt", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_interrupted_write_leaves_old_file_and_no_temp(
    tmp_path: Path, interrupt: BaseException
) -> None:
    target = tmp_path / "events.jsonl"
    target.write_text("old content\n")
    with pytest.raises(type(interrupt)), atomic_open(target) as handle:
        handle.write("half of the new ")
        handle.flush()
        assert leftovers(tmp_path)  # the new text went to a temp file beside the target
        raise interrupt
    assert target.read_text() == "old content\n"
    assert leftovers(tmp_path) == []


def test_interrupted_first_write_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "map.html"

    def rows() -> object:
        yield {"doc": "a"}
        raise ValueError("bad row")

    with pytest.raises(ValueError, match="bad row"):
        write_jsonl(target, rows())
    assert list(tmp_path.iterdir()) == []


def test_permissions_of_an_existing_file_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "shared.json"
    target.write_text("{}")
    os.chmod(target, 0o644)
    atomic_write(target, "[]")
    assert (target.stat().st_mode & 0o777) == 0o644


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    atomic_write(target, "[]")
    umask = os.umask(0)
    os.umask(umask)
    assert (target.stat().st_mode & 0o777) == 0o666 & ~umask


def test_writing_through_a_symlink_replaces_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_only_whole_file_modes(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="mode must be"), atomic_open(tmp_path / "x", "a"):
        pass
    assert list(tmp_path.iterdir()) == []


def test_write_jsonl_to_file_is_deterministic(tmp_path: Path) -> None:
    rows = [
        {"doc": "b.txt", "published": None, "mentions": [{"text": "K\u00f6ln", "start": 0}]},
        {"doc": "a.txt", "z": 1, "a": 2},
    ]
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert write_jsonl(first, rows) == 2
    write_jsonl(second, iter(rows))
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text(encoding="utf-8") == (
        '{"doc": "b.txt", "published": null, "mentions": [{"text": "K\u00f6ln", "start": 0}]}\n'
        '{"doc": "a.txt", "z": 1, "a": 2}\n'
    )
    assert [json.loads(line) for line in first.read_text().splitlines()] == rows


def test_write_jsonl_dash_goes_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert write_jsonl("-", [{"doc": "x", "text": "\u0627\u0644\u0642\u062f\u0633"}]) == 1
    assert capsys.readouterr().out == '{"doc": "x", "text": "\u0627\u0644\u0642\u062f\u0633"}\n'
    buffer = io.StringIO()
    write_jsonl("-", [], stdout=buffer)
    assert buffer.getvalue() == ""
