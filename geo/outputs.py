"""Write output files atomically: readers see the old file or the new one, never half a file."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TextIO

_MODES = {"w": "w", "wt": "w", "w+": "w", "wb": "wb", "bw": "wb", "wb+": "wb"}


def _default_mode(target: Path) -> int:
    """Permissions the new file gets: the old file's, else what open() would give."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable where the platform allows opening a directory."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str], mode: str = "w", encoding: str = "utf-8"
) -> Iterator[IO[Any]]:
    """Open `path` for writing through a temp file in the same folder, swapped in on success.

    Text is written as UTF-8 with '\\n' line ends on every platform. On any exception,
    KeyboardInterrupt included, the temp file is removed and the target left untouched.
    """
    if mode not in _MODES:
        raise ValueError(f"atomic_open writes whole files: mode must be 'w' or 'wb', not {mode!r}")
    target = Path(os.path.realpath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        binary = _MODES[mode] == "wb"
        with (os.fdopen(fd, "wb") if binary
              else os.fdopen(fd, "w", encoding=encoding, newline="\n")) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _default_mode(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_directory(target.parent)


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Replace `path` with `data` (str as UTF-8) in one step."""
    with atomic_open(path, "wb" if isinstance(data, bytes) else "w") as handle:
        handle.write(data)


def _jsonl_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def write_jsonl(
    path: str | os.PathLike[str], rows: Iterable[dict[str, Any]], stdout: TextIO | None = None
) -> int:
    """One JSON object per line to `path` (atomically) or to standard output for '-'.

    Deterministic: keys in insertion order, UTF-8 kept as is. Returns the number of lines.
    """
    return write_lines(path, _jsonl_lines(rows), stdout)


def write_lines(
    path: str | os.PathLike[str], lines: Iterable[str], stdout: TextIO | None = None
) -> int:
    """Lines that end in '\\n' to `path` (atomically) or to standard output for '-'."""
    count = 0
    if str(path) == "-":
        out = stdout if stdout is not None else sys.stdout
        for line in lines:
            out.write(line)
            count += 1
        out.flush()
        return count
    with atomic_open(path, "w") as handle:
        for line in lines:
            handle.write(line)
            count += 1
    return count
