"""Readers: every format, every kind of bad input, ids, metadata precedence, stdin, streaming."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from geo.documents import (
    ManifestError,
    ReadError,
    decode_bytes,
    html_meta,
    parse_date,
    read_inputs,
    split_front_matter,
)
from geo.models import Document

DATA = Path(__file__).parent / "data" / "inputs"
SEEDS = Path(__file__).parents[1] / "seeds"


def read(*paths: str | Path, **kwargs: object) -> list[Document | ReadError]:
    return list(read_inputs([str(p) for p in paths], **kwargs))


def one(*paths: str | Path, **kwargs: object) -> Document | ReadError:
    (item,) = read(*paths, **kwargs)
    return item


def by_id(items: list[Document | ReadError]) -> dict[str, Document | ReadError]:
    return {item.id if isinstance(item, Document) else item.doc: item for item in items}


# --- plain text, encodings -----------------------------------------------------------------


def test_seeds_come_with_manifest_metadata_and_untouched_text() -> None:
    docs = read(SEEDS)
    with (SEEDS / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [d.id for d in docs] == sorted(row["file"] for row in rows)
    for doc, row in zip(docs, sorted(rows, key=lambda r: r["file"]), strict=True):
        assert isinstance(doc, Document)
        assert doc.published == date.fromisoformat(row["published"])
        assert doc.url == row["url"]
        assert doc.title == row["title"]
        assert doc.text == (SEEDS / row["file"]).read_text(encoding="utf-8")


def test_a_file_given_directly_still_finds_the_manifest_beside_it() -> None:
    doc = one(SEEDS / "002_e435787517ed0c4d.txt")
    assert doc.id == "002_e435787517ed0c4d.txt"
    assert doc.published == date(2024, 1, 19)
    assert doc.url == "https://feeds.bbci.co.uk/news/world-middle-east-68033426"


def test_cp1252_export_with_curly_quotes_and_crlf() -> None:
    doc = one(DATA / "cp1252.txt")
    assert doc.text == (
        "Pr\u00e9sident\u2019s visit to Qu\u00e9bec\n\n"
        "The \u201cofficial\u201d programme in Montr\u00e9al was cut short \u2013 officials said.\n"
    )


def test_utf8_bom_is_stripped() -> None:
    doc = one(DATA / "bom.txt")
    assert doc.text.startswith("Protesters gathered in Tbilisi")


def test_utf16_with_bom() -> None:
    assert one(DATA / "utf16.txt").text == "Shelling hit Kharkiv overnight, the governor said.\n"


def test_mixed_utf8_with_stray_cp1252_bytes() -> None:
    assert decode_bytes(b"caf\xc3\xa9 and na\xefve") == "caf\u00e9 and na\u00efve"


def test_cyrillic_legacy_encoding_is_not_read_as_cp1252() -> None:
    text = "Президент посетил Тегеран в пятницу, сообщили в министерстве."
    assert decode_bytes(text.encode("cp1251")) == text


# --- bad files -----------------------------------------------------------------------------


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text(" \n\n\t\n")
    errors = read(DATA / "empty.txt", tmp_path / "blank.txt")
    assert [(e.doc, e.reason) for e in errors] == [("empty.txt", "empty"), ("blank.txt", "empty")]


def test_binary_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300))
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 32)) * 40)
    errors = read(tmp_path / "photo.txt", tmp_path / "noise.txt")
    assert [e.reason for e in errors] == ["binary file, not text"] * 2
    assert all(isinstance(e, ReadError) for e in errors)


def test_undecodable_bytes_are_reported(tmp_path: Path) -> None:
    (tmp_path / "junk.txt").write_bytes(bytes(range(1, 256)) * 3)
    error = one(tmp_path / "junk.txt")
    assert isinstance(error, ReadError)
    assert error.reason.startswith(("undecodable", "binary"))


def test_too_large_file_is_skipped_and_the_batch_goes_on(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Aleppo. " * 1_400_000)  # 11.2 MB
    error, doc = read(big, DATA / "bom.txt")
    assert isinstance(error, ReadError)
    assert error.reason == "too large (11.2 MB > 10 MB limit)"
    assert isinstance(doc, Document)
    assert isinstance(one(big, max_bytes=20_000_000), Document)


def test_missing_and_unsupported_explicit_inputs(tmp_path: Path) -> None:
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    missing, unsupported, doc = read(tmp_path / "nope.txt", tmp_path / "scan.png", DATA / "bom.txt")
    assert missing.reason == "no such file or directory"
    assert unsupported.reason == "unsupported file type (.png)"
    assert doc.id == "bom.txt"


def test_manifest_given_as_input_is_metadata_not_a_document() -> None:
    assert read(SEEDS / "manifest.csv") == []


# --- directories ---------------------------------------------------------------------------


def test_directory_ids_order_and_skipped_files(tmp_path: Path) -> None:
    root = tmp_path / "in"
    shutil.copytree(DATA / "corpus", root)
    (root / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (root / ".git").mkdir()
    (root / ".git" / "notes.txt").write_text("not an article")
    (root / "sub" / "deeper").mkdir()
    (root / "sub" / "deeper" / "z.txt").write_text("Shelling near Donetsk.")
    (root / "sub" / "a0.txt").write_text("Curfew in Dushanbe.")
    ids = [item.id for item in read(root)]
    assert ids == [
        "a.txt", "r1", "r2", "records.jsonl:3",
        "sub/a0.txt", "sub/b.md", "sub/c.txt", "sub/deeper/z.txt",
    ]
    assert ids == [item.id for item in read(root)]


def test_windows_style_paths_still_give_forward_slash_ids() -> None:
    ids = [item.id for item in read(DATA / "corpus") if isinstance(item, Document)]
    assert "sub/b.md" in ids
    assert all("\\" not in i for i in ids)


# --- metadata precedence -------------------------------------------------------------------


def test_metadata_precedence(tmp_path: Path) -> None:
    explicit = tmp_path / "extra.csv"
    explicit.write_text(
        "file,published,url,title\n"
        "a.txt,2001-01-01,https://explicit.example/a,Explicit A\n"
        "sub/c.txt,2002-02-02,,Explicit C\n"
        "r1,2003-03-03,,Explicit r1\n",
        encoding="utf-8",
    )
    docs = by_id(read(DATA / "corpus", manifest=str(explicit), published=date(1999, 9, 9)))
    # beside manifest beats the explicit one
    assert docs["a.txt"].published == date(2024, 1, 19)
    assert docs["a.txt"].title == "Title A from manifest"
    # explicit manifest fills what nothing nearer knows; --published fills the rest
    assert docs["sub/c.txt"].published == date(2002, 2, 2)
    assert docs["sub/c.txt"].title == "Explicit C"
    assert docs["sub/c.txt"].url is None
    # the record's own date beats the manifest row of its file; explicit fills the title
    assert docs["r1"].published == date(2023, 10, 7)
    assert docs["r1"].url == "https://example.org/records"
    assert docs["r1"].title == "Explicit r1"
    # a manifest row keyed by record id beats the row of the file
    assert docs["r2"].published == date(2023, 5, 5)
    assert docs["r2"].title == "Record two from manifest"
    assert docs["records.jsonl:3"].published == date(2024, 1, 19)
    # a parent folder's manifest reaches into sub/ by relative path, lenient date
    assert docs["sub/b.md"].published == date(2024, 1, 19)


def test_published_argument_applies_when_nothing_else_does() -> None:
    doc = one(DATA / "bom.txt", published=date(2024, 2, 2))
    assert doc.published == date(2024, 2, 2)
    assert one(DATA / "bom.txt").published is None


def test_html_meta_beats_manifest_beside_it(tmp_path: Path) -> None:
    shutil.copy(DATA / "article_og.html", tmp_path / "page.html")
    (tmp_path / "manifest.csv").write_text(
        "file,published,url,title\npage.html,2020-01-01,https://other.example/,Other title\n"
    )
    doc = one(tmp_path / "page.html")
    assert doc.published == date(2023, 11, 14)
    assert doc.url == "https://ledger.example.org/world/kenya-floods-marsabit"
    assert doc.title == "Floods cut off villages in northern Kenya"


def test_bad_explicit_manifest_is_bad_usage_before_reading(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="cannot read manifest"):
        read_inputs([str(DATA)], manifest=str(tmp_path / "missing.csv"))
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("name,date\na.txt,2024-01-01\n")
    with pytest.raises(ManifestError, match="no 'file' column"):
        read_inputs([str(DATA)], manifest=str(wrong))
    bad_date = tmp_path / "bad_date.csv"
    bad_date.write_text("file,published\na.txt,someday\n")
    with pytest.raises(ManifestError, match="line 2: cannot read date 'someday'"):
        read_inputs([str(DATA)], manifest=str(bad_date))


def test_broken_manifest_beside_files_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text("name,published\nx.txt,2024-01-01\n")
    (tmp_path / "x.txt").write_text("Floods in Sylhet.")
    (tmp_path / "y.txt").write_text("Floods in Assam.")
    items = read(tmp_path)
    assert [type(i).__name__ for i in items] == ["ReadError", "Document", "Document"]
    assert items[0].doc == "manifest.csv"
    assert "no 'file' column" in items[0].reason


@pytest.mark.parametrize(
    "text",
    ["2024-01-19", "2024-01-19T08:00:00Z", "2024-01-19T23:30:00-05:00", "19 January 2024",
     "Jan 19, 2024", "Jan. 19, 2024", "January 19th, 2024", "Friday, 19 January 2024",
     "Fri, 19 Jan 2024 08:00:00 GMT", "19 janvier 2024"],
)
def test_lenient_dates(text: str) -> None:
    assert parse_date(text) == date(2024, 1, 19)


@pytest.mark.parametrize("text", ["", "soon", "2024-13-45", "yesterday", None, 42])
def test_unreadable_dates(text: object) -> None:
    assert parse_date(text) is None


# --- markdown and HTML ---------------------------------------------------------------------


def test_markdown_front_matter_is_metadata_and_the_rest_is_kept_as_is() -> None:
    doc = one(DATA / "notes.md")
    assert doc.text == (
        "# Ceasefire talks resume in Doha\n\n"
        "Mediators from *Qatar* and Egypt met in Doha on Saturday.\n"
    )
    assert doc.title == "Ceasefire talks resume in Doha"
    assert doc.published == date(2023, 12, 2)
    assert doc.url == "https://wire.example.net/doha-talks"
    assert one(DATA / "plain.md").text == "Talks in **Geneva** ended without a deal.\n"


def test_toml_front_matter() -> None:
    text, meta = split_front_matter('+++\ntitle = "Vote in Dhaka"\ndate = 2024-01-07\n+++\nBody')
    assert text == "Body"
    assert meta.title == "Vote in Dhaka"
    assert meta.published == date(2024, 1, 7)


def test_html_story_without_navigation_footer_related_or_comments() -> None:
    doc = one(DATA / "article_og.html")
    assert doc.title == "Floods cut off villages in northern Kenya"
    assert doc.published == date(2023, 11, 14)
    assert doc.url == "https://ledger.example.org/world/kenya-floods-marsabit"
    assert doc.text.startswith("Floods cut off villages in northern Kenya\n")
    assert "bridges on the road between Marsabit and Moyale" in doc.text
    assert "Relief lorries were waiting" in doc.text
    for chrome in ("Weather in Nairobi", "All rights reserved", "Bududa", "Prayers", "Contact"):
        assert chrome not in doc.text
    assert "\r" not in doc.text


def test_html_json_ld_date_and_headline() -> None:
    doc = one(DATA / "article_jsonld.html")
    assert doc.published == date(2022, 6, 3)
    assert doc.title == "Dock workers end three-day strike in Antwerp"
    assert "forty\ncontainer" not in doc.text
    assert "container ships waiting at anchor in the Scheldt estuary" in doc.text
    assert "newsletter" not in doc.text
    assert "Privacy" not in doc.text


def test_html_time_element_and_title_fallback(tmp_path: Path) -> None:
    page = (DATA / "article_og.html").read_text(encoding="utf-8")
    page = "\n".join(line for line in page.splitlines() if "<meta property" not in line)
    page = page.replace(
        '<p class="byline">',
        '<time datetime="2023-11-15T06:00:00Z">15 Nov</time><p class="byline">',
    )
    (tmp_path / "page.htm").write_text(page, encoding="utf-8")
    doc = one(tmp_path / "page.htm")
    assert doc.published == date(2023, 11, 15)
    assert doc.title is not None and "Floods cut off villages" in doc.title
    assert "Marsabit and Moyale" in doc.text


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = (DATA / "article_og.html").read_text(encoding="utf-8")
    page = page.replace('charset="utf-8"', 'charset="windows-1252"')
    page = page.replace("Kargi", "Kargi \u2013 near Ng\u2019iro")
    (tmp_path / "legacy.html").write_bytes(page.encode("cp1252"))
    assert "Kargi \u2013 near Ng\u2019iro" in one(tmp_path / "legacy.html").text


def test_html_without_story_is_reported() -> None:
    error = one(DATA / "nav_only.html")
    assert error == ReadError(
        "nav_only.html", str(DATA / "nav_only.html"), None, "no story text found in HTML"
    )


# --- JSON Lines, JSON, CSV -----------------------------------------------------------------


def test_jsonl_good_lines_survive_broken_ones() -> None:
    items = read(DATA / "docs.jsonl")
    summary = [
        (i.id, "doc") if isinstance(i, Document) else (i.doc, i.line, i.reason) for i in items
    ]
    assert summary == [
        ("wire-1", "doc"),
        ("docs.jsonl:2", "doc"),
        ("docs.jsonl:4", 4,
         "line 4: invalid JSON: Expecting property name enclosed in double quotes (column 70)"),
        ("wire-4", 5, "line 5: no 'text' field"),
        ("docs.jsonl:6", 6, "line 6: not a JSON object"),
        ("5", "doc"),
    ]
    first, second, last = (i for i in items if isinstance(i, Document))
    assert first == Document(
        "wire-1", "An earthquake struck near Herat on Saturday.", date(2023, 10, 7),
        "https://wire.example.net/herat", "Quake near Herat",
    )
    assert second.published == date(2023, 10, 8)
    assert last.text == "The death toll rose to more than 2,000.\nOfficials said."
    assert last.published == date(2023, 10, 9)


def test_jsonl_line_over_the_limit_is_skipped_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    lines = [{"text": "Sana'a " * 10}, {"text": "x" * 5000}, {"text": "Aden"}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    items = read(path, max_bytes=1000)
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document"]
    assert items[1].reason == "line 2: too large (0.0 MB > 0.001 MB limit)"
    assert items[2].id == "big.jsonl:3"


def test_cp1252_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    text = "D\u00e9cision \u201cfinale\u201d \u00e0 Gen\u00e8ve"
    path.write_bytes(json.dumps({"text": text}, ensure_ascii=False).encode("cp1252") + b"\n")
    assert one(path).text == text


def test_json_single_object_and_list() -> None:
    single = one(DATA / "single.json")
    assert single.id == "single.json"
    assert single.title == "Bridge reopens in Mostar"
    assert single.published == date(2004, 7, 23)
    items = read(DATA / "list.json")
    assert [i.id if isinstance(i, Document) else i.reason for i in items] == [
        "a", "list.json:2", "item 3: empty text",
    ]


def test_json_lines_saved_as_json_and_broken_json(tmp_path: Path) -> None:
    (tmp_path / "lines.json").write_text('{"text": "Goma"}\n{"text": "Bukavu"}\n')
    assert [d.id for d in read(tmp_path / "lines.json")] == ["lines.json:1", "lines.json:2"]
    (tmp_path / "broken.json").write_text('{"text": "Goma",\n "id": }')
    error = one(tmp_path / "broken.json")
    assert error.reason.startswith("invalid JSON: Expecting value (line 2")


def test_csv_rows_fields_and_ids() -> None:
    items = read(DATA / "articles.csv")
    assert items[0] == Document(
        "c1", "The port of Odesa reopened.\nShips left for Istanbul, officials said.",
        date(2024, 3, 1), "https://news.example.com/port", "Port reopens",
    )
    assert items[1].id == "articles.csv:2"
    assert items[1].published == date(2024, 1, 19)
    assert (items[2].doc, items[2].reason) == ("c3", "row 3: empty text")


def test_csv_without_text_column_and_semicolon_csv() -> None:
    error = one(DATA / "no_text.csv")
    assert error.reason == "no 'text' column (columns: id, body)"
    doc = one(DATA / "semicolon.csv")
    assert doc.text == "Boeren protesteerden in Brussel; de politie greep in."
    assert doc.published == date(2024, 2, 1)


def test_csv_large_field_is_read(tmp_path: Path) -> None:
    text = "Mariupol was shelled again. " * 20_000  # 560 kB, over csv's default field limit
    path = tmp_path / "large.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["id", "text"], ["big", text], ["small", "Kherson"]])
    items = read(path)
    assert [(i.id, len(i.text)) for i in items] == [("big", len(text)), ("small", 7)]


def test_csv_unbalanced_quote_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text('id,text\n1,Jenin\n2,"never closed\n' + "more text\n" * 500)
    items = read(path, max_bytes=1000)
    assert items[0].id == "1"
    assert isinstance(items[1], ReadError)
    assert "rest of the file skipped" in items[1].reason
    assert len(items) == 2


# --- standard input ------------------------------------------------------------------------


def test_stdin_text() -> None:
    stream = io.StringIO("Clashes in Tripoli.\r\nMore later.")
    doc = one("-", stdin=stream, published=date(2024, 5, 1))
    assert doc == Document("stdin", "Clashes in Tripoli.\nMore later.", date(2024, 5, 1))


def test_stdin_json_lines_streamed() -> None:
    stream = io.StringIO('\n{"text": "Benghazi"}\n{"broken"\n{"id": "x", "text": "Misrata"}\n')
    items = read("-", stdin=stream)
    assert [i.id if isinstance(i, Document) else i.reason[:20] for i in items] == [
        "stdin:2", "line 3: invalid JSON", "x",
    ]


def test_stdin_bytes_in_cp1252_html_and_json() -> None:
    raw = io.BytesIO("R\u00e9union \u2013 Saint-Denis".encode("cp1252"))
    assert one("-", stdin=raw).text == "R\u00e9union \u2013 Saint-Denis"
    page = (DATA / "article_og.html").read_bytes()
    doc = one("-", stdin=io.BytesIO(page))
    assert doc.title == "Floods cut off villages in northern Kenya"
    assert "Weather in Nairobi" not in doc.text
    pretty = io.StringIO('{\n  "text": "Aid reached Gaza City.",\n  "published": "2024-03-09"\n}')
    assert one("-", stdin=pretty).published == date(2024, 3, 9)


def test_stdin_empty_and_binary() -> None:
    assert one("-", stdin=io.StringIO("")).reason == "empty"
    assert one("-", stdin=io.BytesIO(b"\x00\x01" * 100)).reason == "binary file, not text"


def test_stdin_mixed_with_files_keeps_argument_order() -> None:
    ids = [i.id for i in read(DATA / "bom.txt", "-", DATA / "utf16.txt",
                              stdin=io.StringIO("Hodeidah port."))]
    assert ids == ["bom.txt", "stdin", "utf16.txt"]


# --- streaming -----------------------------------------------------------------------------


def test_reading_is_lazy_and_memory_stays_flat(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    record = json.dumps({"text": "Fighting was reported around Bakhmut. " * 25}) + "\n"
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(6000):
            handle.write(record)
    size = path.stat().st_size  # about 6 MB
    tracemalloc.start()
    try:
        count = sum(1 for item in read_inputs([str(path)]) if isinstance(item, Document))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 6000
    assert peak < size / 10


def test_stdin_over_the_limit() -> None:
    assert one("-", stdin=io.StringIO("Kabul.\n" * 200), max_bytes=500).reason == (
        "too large (over the 0.0005 MB limit)"
    )
    error = one("-", stdin=io.StringIO("x" * 2000), max_bytes=500)
    assert error.reason == "too large (0.0 MB > 0.0005 MB limit)"


def test_headline_is_put_before_a_story_that_lacks_it(tmp_path: Path) -> None:
    page = (DATA / "article_og.html").read_text(encoding="utf-8")
    page = page.replace("<h1>Floods cut off villages in northern Kenya</h1>", "")
    (tmp_path / "no_h1.html").write_text(page, encoding="utf-8")
    text = one(tmp_path / "no_h1.html").text
    assert text.startswith("Floods cut off villages in northern Kenya\nHeavy rain")
    assert text.count("Floods cut off villages") == 1


def test_xhtml_with_xml_declaration_keeps_its_metadata(tmp_path: Path) -> None:
    page = (DATA / "article_jsonld.html").read_text(encoding="utf-8")
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + page.replace("<!DOCTYPE html>", "")
    assert html_meta(page).published == date(2022, 6, 3)
    (tmp_path / "x.html").write_text(page, encoding="utf-8")
    assert one(tmp_path / "x.html").title == "Dock workers end three-day strike in Antwerp"


def test_excel_unicode_export_utf16_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    rows = "id\ttext\tpublished\r\nx1\tTalks in Z\u00fcrich \u2013 day two\t2024-04-02\r\n"
    path.write_bytes(rows.encode("utf-16"))
    assert one(path) == Document("x1", "Talks in Z\u00fcrich \u2013 day two", date(2024, 4, 2))
