"""Read inputs (txt, md, html, json/jsonl, csv, stdin) into Documents, one at a time.

Bad input becomes a ReadError in the stream instead of an exception, so one broken file or
line never stops a batch; large files are streamed so memory stays flat.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any

from geo.models import Document

MAX_BYTES = 10_000_000
MAX_JSON_FILE_BYTES = 256_000_000
MANIFEST_NAME = "manifest.csv"
STDIN_ID = "stdin"

TEXT_EXTS = frozenset({".txt", ".text"})
MARKDOWN_EXTS = frozenset({".md", ".markdown"})
HTML_EXTS = frozenset({".html", ".htm"})
JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
JSON_EXTS = frozenset({".json"})
CSV_EXTS = frozenset({".csv"})
DOCUMENT_EXTS = TEXT_EXTS | MARKDOWN_EXTS | HTML_EXTS | JSONL_EXTS | JSON_EXTS | CSV_EXTS

_SNIFF_BYTES = 1 << 16
_DRAIN_CHARS = 1 << 16
_FALLBACK = "geo-cp1252-fallback"


@dataclass(frozen=True, slots=True)
class ReadError:
    """A document, line or file that could not be read, and why; the batch goes on without it."""

    doc: str
    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return f"{self.doc}: {self.reason}"


class ManifestError(ValueError):
    """An explicit --manifest that cannot be used: bad usage, reported before any reading."""


@dataclass(frozen=True, slots=True)
class Meta:
    """What is known of a document's source; None where unknown."""

    published: date | None = None
    url: str | None = None
    title: str | None = None

    def fill(self, other: Meta | None) -> Meta:
        """Keep our fields, take the other's where ours are missing (precedence order)."""
        if other is None:
            return self
        return Meta(
            self.published or other.published,
            self.url or other.url,
            self.title or other.title,
        )


class _Unreadable(Exception):
    """Internal: the reason a whole file or stream cannot be read."""


# --- dates -------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_FORMATS = (
    "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
    "%d %B, %Y", "%d %b, %Y", "%Y/%m/%d", "%Y.%m.%d",
)


def parse_date(value: object) -> date | None:
    """A publication date from a field or tag, leniently ("2024-01-19", "Jan 19, 2024"...).

    The calendar date is kept as written (no time-zone shift). None if it cannot be read.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    iso = _ISO_DATE.match(text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    cleaned = _ORDINAL.sub(r"\1", text)
    cleaned = re.sub(r"\b(Sept)\b\.?", "Sep", cleaned, flags=re.IGNORECASE)
    cleaned = re.sub(r"\b([A-Za-z]{3})\.", r"\1", cleaned)
    cleaned = re.sub(r"^[A-Za-z]+,\s*", "", cleaned)
    cleaned = " ".join(cleaned.split())
    for fmt in _FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    if not re.search(r"\d", text):
        return None
    return _dateparser_date(text)


def _dateparser_date(text: str) -> date | None:
    """Last resort for other languages and layouts; absolute dates with day, month and year only."""
    import dateparser

    found = dateparser.parse(
        text,
        settings={"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return found.date() if found else None


# --- decoding ----------------------------------------------------------------------------------


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not valid UTF-8 are read as cp1252 (mixed exports)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error(_FALLBACK, _cp1252_fallback)

_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_like_text(text: str) -> bool:
    """True unless more than 1% of the characters are control characters or U+FFFD."""
    if not text:
        return True
    bad = sum(
        1
        for ch in text
        if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    )
    return bad <= len(text) // 100


def _choose_encoding(sample: bytes, complete: bool, declared: str | None = None) -> str:
    """The codec for bytes beginning with `sample`: BOM, strict UTF-8, declared, cp1252, detector.

    Raises _Unreadable for binary or undecodable data.
    """
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if b"\x00" in sample:
        raise _Unreadable("binary file, not text")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(sample):
        return "utf-8"  # mostly UTF-8 with stray cp1252 bytes: the fallback handler reads those
    if declared:
        try:
            sample.decode(declared)
            return declared
        except (UnicodeDecodeError, LookupError):
            pass
    western = sample.decode("cp1252", errors="replace")
    if _looks_like_text(western) and _mostly_ascii_letters(western):
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is not None:
        return best.encoding
    if _looks_like_text(western):
        return "cp1252"
    raise _Unreadable("undecodable: not UTF-8, cp1252 or another known encoding")


def _mostly_ascii_letters(text: str) -> bool:
    """Western European text read as cp1252 has few accented letters; Cyrillic or Greek
    bytes read as cp1252 are mostly accented letters, so they go to the detector instead."""
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if not ch.isascii())
    return accented * 10 <= len(letters) * 3


def _errors_for(encoding: str) -> str:
    return _FALLBACK if codecs.lookup(encoding).name in ("utf-8", "cp1252") else "strict"


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """The text of a whole file: BOM stripped, encoding detected, newlines normalised to \\n.

    Raises ValueError with a reason ("empty", "binary file, not text", "undecodable...").
    """
    if not data.strip():
        raise ValueError("empty")
    try:
        encoding = _choose_encoding(data, complete=True, declared=declared)
        text = data.decode(encoding, errors=_errors_for(encoding))
    except _Unreadable as exc:
        raise ValueError(str(exc)) from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"undecodable as {exc.encoding}: {exc.reason}") from None
    if not _looks_like_text(text):
        raise ValueError("binary file, not text")
    text = normalize_newlines(text)
    if not text.strip():
        raise ValueError("empty")
    return text


def normalize_newlines(text: str) -> str:
    """\\r\\n and lone \\r become \\n, so offsets are the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


class _Prefixed(io.RawIOBase):
    """A raw stream that replays already-read bytes before the rest of another stream."""

    def __init__(self, prefix: bytes, rest: IO[bytes]) -> None:
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _open_text(binary: IO[bytes], newline: str | None) -> IO[str]:
    """A text stream over `binary`, its encoding chosen from the first 64 KB.

    Raises _Unreadable for an empty, binary or undecodable start.
    """
    sample = binary.read(_SNIFF_BYTES)
    if not sample.strip():
        raise _Unreadable("empty")
    encoding = _choose_encoding(sample, complete=len(sample) < _SNIFF_BYTES)
    probe = sample.decode(encoding, errors="replace")
    if not _looks_like_text(probe):
        raise _Unreadable("binary file, not text")
    if encoding == "utf-8" and sample.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    stream = io.BufferedReader(_Prefixed(sample, binary))
    errors = _errors_for(encoding)
    return io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline=newline)


# --- manifests ---------------------------------------------------------------------------------


def _manifest_key(name: str) -> str:
    key = name.strip().replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    return key


def load_manifest(path: str | os.PathLike[str]) -> dict[str, Meta]:
    """Rows of a manifest CSV (file,published,url,title) keyed by file; raises ManifestError."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read manifest: {exc.strerror or exc}") from None
    try:
        text = decode_bytes(data)
    except ValueError as exc:
        raise ManifestError(f"{path}: {exc}") from None
    rows = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in next(rows, [])]
    if "file" not in header:
        raise ManifestError(f"{path}: no 'file' column (columns: {', '.join(header)})")
    col = {name: header.index(name) for name in ("file", "published", "url", "title")
           if name in header}
    entries: dict[str, Meta] = {}
    for number, row in enumerate(rows, start=2):
        cells = {name: (row[i].strip() if i < len(row) else "") for name, i in col.items()}
        if not cells["file"]:
            continue
        published = parse_date(cells.get("published", ""))
        if cells.get("published") and published is None:
            raise ManifestError(
                f"{path}: line {number}: cannot read date {cells['published']!r}"
            )
        entries[_manifest_key(cells["file"])] = Meta(
            published, cells.get("url") or None, cells.get("title") or None
        )
    return entries


@dataclass(frozen=True, slots=True)
class _Explicit:
    """The --manifest FILE argument, with its directory for matching relative paths."""

    entries: dict[str, Meta]
    directory: Path

    def lookup(self, doc: str, source: Path | None) -> Meta | None:
        keys = [doc]
        if source is not None:
            with contextlib.suppress(ValueError):
                keys.append(source.resolve().relative_to(self.directory).as_posix())
            keys.append(source.name)
        for key in keys:
            if key in self.entries:
                return self.entries[key]
        return None


class _Beside:
    """manifest.csv files next to the inputs, each loaded once; bad ones reported once."""

    def __init__(self) -> None:
        self._cache: dict[Path, dict[str, Meta] | None] = {}
        self.errors: list[ReadError] = []

    def _load(self, directory: Path, root: Path) -> dict[str, Meta] | None:
        if directory not in self._cache:
            path = directory / MANIFEST_NAME
            entries = None
            if path.is_file():
                try:
                    entries = load_manifest(path)
                except ManifestError as exc:
                    rel = _relative(path, root)
                    self.errors.append(ReadError(rel, str(path), None, str(exc)))
            self._cache[directory] = entries
        return self._cache[directory]

    def lookup(self, source: Path, root: Path, record_id: str | None) -> Meta | None:
        """The nearest manifest from the file's folder up to its input root."""
        directory = source.parent
        while True:
            entries = self._load(directory, root)
            if entries:
                if record_id is not None and record_id in entries:
                    return entries[record_id]
                key = _relative(source, directory)
                if key in entries:
                    return entries[key]
            if directory == root or directory.parent == directory:
                return None
            directory = directory.parent


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


# --- one record per format ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Raw:
    """A document as its format gives it, before manifests and defaults fill its metadata."""

    doc: str
    text: str
    meta: Meta
    record_id: str | None = None


def _str_field(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None


def _record(obj: object, default_id: str, where: str, path: str,
            line: int | None) -> _Raw | ReadError:
    """A JSON object or CSV row (as a dict) → _Raw; `where` prefixes reasons ("line 7")."""
    if not isinstance(obj, dict):
        return ReadError(default_id, path, line, f"{where}: not a JSON object")
    record_id = _str_field(obj.get("id"))
    doc = record_id or default_id
    if "text" not in obj or obj["text"] is None:
        return ReadError(doc, path, line, f"{where}: no 'text' field")
    if not isinstance(obj["text"], str):
        return ReadError(doc, path, line, f"{where}: 'text' is not a string")
    text = normalize_newlines(obj["text"])
    if not text.strip():
        return ReadError(doc, path, line, f"{where}: empty text")
    meta = Meta(
        parse_date(_str_field(obj.get("published"))),
        _str_field(obj.get("url")),
        _str_field(obj.get("title")),
    )
    return _Raw(doc, text, meta, record_id)


def _bounded_lines(stream: IO[str], limit: int) -> Iterator[tuple[int, str | int]]:
    """(line number, line) pairs; a line longer than `limit` is drained and given as its size."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith("\n"):
            size = len(line)
            while True:
                more = stream.readline(_DRAIN_CHARS)
                size += len(more)
                if not more or more.endswith("\n"):
                    break
            yield number, size
        else:
            yield number, line


def _too_large(size: int, limit: int) -> str:
    return f"too large ({size / 1e6:.1f} MB > {limit / 1e6:g} MB limit)"


def _jsonl_records(lines: Iterable[tuple[int, str | int]], name: str, path: str,
                   limit: int) -> Iterator[_Raw | ReadError]:
    found = False
    for number, line in lines:
        where = f"line {number}"
        default_id = f"{name}:{number}"
        if isinstance(line, int):
            found = True
            yield ReadError(default_id, path, number, f"{where}: {_too_large(line, limit)}")
            continue
        stripped = line.strip().lstrip("\ufeff")
        if not stripped:
            continue
        found = True
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError as exc:
            reason = f"{where}: invalid JSON: {exc.msg} (column {exc.colno})"
            yield ReadError(default_id, path, number, reason)
            continue
        yield _record(obj, default_id, where, path, number)
    if not found:
        yield ReadError(name, path, None, "empty")


def _json_records(text: str, name: str, path: str, limit: int) -> Iterator[_Raw | ReadError]:
    """A .json file: one object, a list of objects, or JSON Lines saved under .json."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            yield from _jsonl_records(_bounded_lines(io.StringIO(text), limit), name, path, limit)
            return
        yield ReadError(name, path, exc.lineno, f"invalid JSON: {exc.msg} "
                        f"(line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(data, list):
        if not data:
            yield ReadError(name, path, None, "empty (no records)")
        for index, item in enumerate(data, start=1):
            yield _record(item, f"{name}:{index}", f"item {index}", path, None)
    else:
        yield _record(data, name, "document", path, None)


def _csv_delimiter(header_line: str) -> str:
    """The delimiter that makes a 'text' column appear in the header (',' first)."""
    for delimiter in (",", ";", "\t", "|"):
        names = [c.strip().strip('"').lower() for c in header_line.split(delimiter)]
        if "text" in names:
            return delimiter
    return ","


def _csv_records(stream: IO[str], name: str, path: str,
                 limit: int) -> Iterator[_Raw | ReadError]:
    first = stream.readline(limit + 1)
    reader = csv.reader(
        _chain_first(first, stream), delimiter=_csv_delimiter(first.lstrip("\ufeff"))
    )
    try:
        header = [h.strip().lstrip("\ufeff").lower() for h in _next_row(reader, limit)]
    except (StopIteration, csv.Error):
        yield ReadError(name, path, None, "empty")
        return
    if "text" not in header:
        yield ReadError(name, path, 1, f"no 'text' column (columns: {', '.join(header)})")
        return
    number = 0
    while True:
        number += 1
        try:
            row = _next_row(reader, limit)
        except StopIteration:
            break
        except csv.Error as exc:
            reason = f"row {number}: {exc}; rest of the file skipped (unbalanced quote?)"
            yield ReadError(f"{name}:{number}", path, reader.line_num, reason)
            return
        if not any(cell.strip() for cell in row):
            number -= 1
            continue
        obj = {key: row[i] for i, key in enumerate(header) if i < len(row) and key}
        yield _record(obj, f"{name}:{number}", f"row {number}", path, reader.line_num)
    if number == 1:
        yield ReadError(name, path, None, "empty (no rows)")


def _next_row(reader: Any, limit: int) -> list[str]:
    """The next CSV row with fields of up to `limit` characters (csv's limit is global)."""
    previous = csv.field_size_limit(limit)
    try:
        return next(reader)
    finally:
        csv.field_size_limit(previous)


def _chain_first(first: str, stream: IO[str]) -> Iterator[str]:
    yield first
    yield from stream


_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)\n(?:\1|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_KEYS = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "pubdate": "published",
    "publishdate": "published", "published_at": "published", "publish_date": "published",
    "url": "url", "link": "url", "canonical": "url", "canonical_url": "url",
}


def split_front_matter(text: str) -> tuple[str, Meta]:
    """Markdown text without its YAML/TOML front matter, and the title/date/url it declared."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, Meta()
    found: dict[str, str] = {}
    for line in match[2].splitlines():
        key, sep, value = line.partition(":" if match[1] == "---" else "=")
        field = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip().strip("'\"").strip()
        if sep and field and value and field not in found:
            found[field] = value
    body = text[match.end():]
    return body, Meta(parse_date(found.get("published")), found.get("url"), found.get("title"))


# --- HTML --------------------------------------------------------------------------------------

_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes, if Python knows it."""
    match = _DECLARED_CHARSET.search(head[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match[1].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _json_ld_values(tree: Any, key: str) -> Iterator[str]:
    """Every string value of `key` in the page's JSON-LD blocks, in document order."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except json.JSONDecodeError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                value = item.get(key)
                if isinstance(value, str) and value.strip():
                    yield value.strip()
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))


def _first(values: Iterable[str | None]) -> str | None:
    for value in values:
        if value and value.strip():
            return value.strip()
    return None


def html_meta(html: str) -> Meta:
    """Title, publication date and URL from a page's own tags (og:, article:, JSON-LD, <time>)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (ValueError, lxml.etree.ParserError):
        return Meta()

    def meta(*names: str) -> Iterator[str]:
        for name in names:
            for attr in ("property", "name", "itemprop"):
                yield from tree.xpath(f'//meta[@{attr}="{name}"]/@content')

    published = None
    for candidate in (
        *_json_ld_values(tree, "datePublished"),
        *meta("article:published_time", "og:published_time", "datePublished",
              "pubdate", "publish-date", "parsely-pub-date", "dc.date.issued", "DC.date.issued"),
        *tree.xpath("//time[@itemprop='datePublished' or @pubdate]/@datetime"),
        *tree.xpath("//article//time/@datetime"),
    ):
        published = parse_date(candidate)
        if published:
            break
    title = _first([*meta("og:title", "twitter:title"), *_json_ld_values(tree, "headline")])
    url = _first([*meta("og:url"), *tree.xpath('//link[@rel="canonical"]/@href')])
    return Meta(published, url, title)


def extract_html(html: str) -> tuple[str, Meta]:
    """Story text of a page (trafilatura, offline, precision first, no comments) and its Meta.

    The headline is put before the story, as a reader sees it. Raises ValueError without story.
    """
    import trafilatura

    own = html_meta(html)
    result = trafilatura.bare_extraction(
        html,
        favor_precision=True,
        include_comments=False,
        with_metadata=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    body = normalize_newlines(result.text or "").strip() if result is not None else ""
    if not body:
        raise ValueError("no story text found in HTML")
    found = Meta(
        parse_date(getattr(result, "date", None)),
        getattr(result, "url", None) or None,
        getattr(result, "title", None) or None,
    )
    meta = own.fill(found)
    if meta.title and body.split("\n", 1)[0].strip() != meta.title:
        body = f"{meta.title}\n{body}"
    return body, meta


# --- files, directories and standard input ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    """A file to read: where it is, the id it gets, and the INPUT directory it was found under."""

    path: Path
    name: str
    root: Path


def _read_whole(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise _Unreadable(_too_large(size, limit))
    data = path.read_bytes()
    if not data.strip():
        raise _Unreadable("empty")
    return data


def _read_source(src: _Source, limit: int) -> Iterator[_Raw | ReadError]:
    ext = src.path.suffix.lower()
    path = str(src.path)
    try:
        if ext in JSONL_EXTS or ext in CSV_EXTS:
            with src.path.open("rb") as binary:
                if ext in CSV_EXTS:
                    stream = _open_text(binary, newline="")
                    yield from _csv_records(stream, src.name, path, limit)
                else:
                    stream = _open_text(binary, newline="\n")
                    lines = _bounded_lines(stream, limit)
                    yield from _jsonl_records(lines, src.name, path, limit)
            return
        if ext in JSON_EXTS:
            text = decode_bytes(_read_whole(src.path, max(limit, MAX_JSON_FILE_BYTES)))
            yield from _json_records(text, src.name, path, limit)
            return
        data = _read_whole(src.path, limit)
        if ext in HTML_EXTS:
            text, meta = extract_html(decode_bytes(data, declared_charset(data)))
        elif ext in MARKDOWN_EXTS:
            text, meta = split_front_matter(decode_bytes(data))
            if not text.strip():
                raise ValueError("empty")
        else:
            text, meta = decode_bytes(data), Meta()
        yield _Raw(src.name, text, meta)
    except (_Unreadable, ValueError) as exc:
        yield ReadError(src.name, path, None, str(exc))
    except UnicodeDecodeError as exc:
        yield ReadError(src.name, path, None, f"undecodable as {exc.encoding}: {exc.reason}")
    except OSError as exc:
        yield ReadError(src.name, path, None, f"cannot read: {exc.strerror or exc}")


def _walk(root: Path, directory: Path) -> Iterator[_Source | ReadError]:
    """Document files under `directory` in sorted order; hidden and other files skipped."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        rel = _relative(directory, root) if directory != root else str(directory)
        yield ReadError(rel, str(directory), None,
                        f"cannot read directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(root, path)
        elif (entry.is_file() and entry.name.lower() != MANIFEST_NAME
              and path.suffix.lower() in DOCUMENT_EXTS):
            yield _Source(path, _relative(path, root), root)


def _sources(arg: str) -> Iterator[_Source | ReadError]:
    path = Path(arg)
    if path.is_dir():
        yield from _walk(path, path)
    elif path.is_file():
        if path.name.lower() == MANIFEST_NAME:
            return
        if path.suffix.lower() not in DOCUMENT_EXTS:
            kind = path.suffix or "no extension"
            yield ReadError(path.name, arg, None, f"unsupported file type ({kind})")
            return
        yield _Source(path, path.name, path.parent)
    elif path.exists():
        yield ReadError(path.name, arg, None, "not a regular file")
    else:
        yield ReadError(arg, arg, None, "no such file or directory")


_LOOKS_HTML = re.compile(r"\A\s*(<!doctype\s+html|<html[\s>]|<head[\s>])", re.IGNORECASE)


def _read_stdin(stdin: IO[Any], limit: int) -> Iterator[_Raw | ReadError]:
    """'-': JSON Lines if the first line is a JSON object, else one document (text/HTML/JSON)."""
    try:
        if isinstance(stdin, io.TextIOBase) and not hasattr(stdin, "buffer"):
            stream: IO[str] = stdin
        else:
            binary = getattr(stdin, "buffer", stdin)
            stream = _open_text(binary, newline="\n")
        lines = _bounded_lines(stream, limit)
        head: list[tuple[int, str | int]] = []
        for number, line in lines:
            head.append((number, line))
            if isinstance(line, int) or line.strip():
                break
        first = head[-1][1] if head else None
        if isinstance(first, str) and first.lstrip().startswith("{"):
            try:
                is_jsonl = isinstance(json.loads(first), dict)
            except json.JSONDecodeError:
                is_jsonl = False
            if is_jsonl:
                yield from _jsonl_records(_chain_pairs(head, lines), STDIN_ID, "-", limit)
                return
        if head and isinstance(head[-1][1], int):
            raise _Unreadable(_too_large(head[-1][1], limit))
        start = "".join(line for _, line in head if isinstance(line, str))
        rest = stream.read(limit + 1 - len(start))
        text = normalize_newlines((start + rest).lstrip("\ufeff"))
        if len(start) + len(rest) > limit:
            raise _Unreadable(f"too large (over the {limit / 1e6:g} MB limit)")
        if not text.strip():
            raise _Unreadable("empty")
        if not _looks_like_text(text):
            raise _Unreadable("binary file, not text")
        stripped = text.lstrip()
        if stripped.startswith(("[", "{")):
            try:
                json.loads(stripped)
                yield from _json_records(stripped, STDIN_ID, "-", limit)
                return
            except json.JSONDecodeError:
                pass
        if _LOOKS_HTML.match(text):
            body, meta = extract_html(text)
            yield _Raw(STDIN_ID, body, meta)
        else:
            yield _Raw(STDIN_ID, text, Meta())
    except (_Unreadable, ValueError) as exc:
        yield ReadError(STDIN_ID, "-", None, str(exc))
    except UnicodeDecodeError as exc:
        yield ReadError(STDIN_ID, "-", None, f"undecodable as {exc.encoding}: {exc.reason}")
    except OSError as exc:
        yield ReadError(STDIN_ID, "-", None, f"cannot read: {exc.strerror or exc}")


def _chain_pairs(head: list[tuple[int, str | int]],
                 rest: Iterator[tuple[int, str | int]]) -> Iterator[tuple[int, str | int]]:
    yield from head
    yield from rest


# --- the one call ------------------------------------------------------------------------------


def read_inputs(
    paths: Sequence[str],
    manifest: str | None = None,
    published: date | None = None,
    stdin: IO[Any] | None = None,
    *,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document | ReadError]:
    """Documents from files, directories (recursive, sorted) and '-' (stdin), in a stable order.

    Metadata per field: the document's own fields, a manifest.csv beside the file, `manifest`,
    then `published`. Never raises while iterating; an unusable `manifest` raises ManifestError
    at call time (bad usage). `max_bytes` caps one document (a whole file, a line, a CSV field).
    """
    explicit = None
    if manifest is not None:
        explicit = _Explicit(load_manifest(manifest), Path(manifest).resolve().parent)
    default = Meta(published=parse_date(published)) if published else None
    return _stream(list(paths), explicit, default, stdin, max_bytes)


def _stream(paths: list[str], explicit: _Explicit | None, default: Meta | None,
            stdin: IO[Any] | None, limit: int) -> Iterator[Document | ReadError]:
    beside = _Beside()
    reported = 0
    for arg in paths:
        if arg == "-":
            for raw in _read_stdin(stdin if stdin is not None else sys.stdin, limit):
                yield _finish(raw, None, explicit, default)
            continue
        for src in _sources(arg):
            if isinstance(src, ReadError):
                yield src
                continue
            for raw in _read_source(src, limit):
                if isinstance(raw, _Raw):
                    near = beside.lookup(src.path, src.root, raw.record_id)
                    raw = _Raw(raw.doc, raw.text, raw.meta.fill(near), raw.record_id)
                yield from beside.errors[reported:]
                reported = len(beside.errors)
                yield _finish(raw, src, explicit, default)


def _finish(raw: _Raw | ReadError, src: _Source | None, explicit: _Explicit | None,
            default: Meta | None) -> Document | ReadError:
    """Fill what the document lacks from the explicit manifest, then the default date."""
    if isinstance(raw, ReadError):
        return raw
    meta = raw.meta
    if explicit is not None:
        meta = meta.fill(explicit.lookup(raw.doc, src.path if src else None))
    meta = meta.fill(default)
    return Document(raw.doc, raw.text, meta.published, meta.url, meta.title)
