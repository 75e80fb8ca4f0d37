"""Build benchmark corpora of real news text, offline and reproducibly.

No package on PyPI ships thousands of English news articles inside itself, so each benchmark
document is a seeded recombination of 3-12 passages (runs of whole sentences) taken from
different real articles: GeoVirus (WikiNews, CC BY 2.5, in shared/corpora/) and the seed
articles. The text is real news prose with real place names; every document is distinct.

    python benchmarks/corpus.py 10000 corpus.jsonl [--seed 0] [--source PATH ...]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_SOURCES = (SHARED / "corpora" / "geovirus.jsonl", REPO / "seeds")

MIN_PASSAGE_CHARS = 200
MIN_PARAGRAPH_CHARS = 60
MIN_PARTS, MAX_PARTS = 3, 12
FIRST_DAY, LAST_DAY = date(2005, 1, 1), date(2024, 12, 31)

_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "st", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc",
    "inc", "corp", "ltd", "co", "jr", "sr", "u.s", "u.k", "u.n", "e.g", "i.e", "approx",
})
_TERMINAL = re.compile(r"[.!?][\"”’)]*$")


@dataclass(frozen=True, slots=True)
class Article:
    """One real source article, cut into passages of whole consecutive sentences."""

    title: str
    url: str
    passages: tuple[str, ...]


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph; a full stop after a known abbreviation or an initial
    does not end a sentence."""
    sentences: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start : m.start()].rstrip('"”’)')
        last_word = head.rsplit(None, 1)[-1] if head.split() else ""
        word = last_word.rstrip(".").lower()
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        sentence = text[start : m.start() + len(m.group(0).rstrip())].strip()
        if sentence:
            sentences.append(sentence)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def passages(text: str) -> list[str]:
    """Runs of consecutive whole sentences of at least MIN_PASSAGE_CHARS, never across a
    paragraph; headings, bylines and other lines that are not prose are left out."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if len(paragraph) < MIN_PARAGRAPH_CHARS or not _TERMINAL.search(paragraph):
            continue
        run: list[str] = []
        for sentence in split_sentences(paragraph):
            run.append(sentence)
            if sum(len(s) + 1 for s in run) >= MIN_PASSAGE_CHARS:
                out.append(" ".join(run))
                run = []
        if run:
            if out and len(run) == 1 and len(run[0]) < MIN_PASSAGE_CHARS // 2:
                out[-1] = f"{out[-1]} {run[0]}"
            else:
                out.append(" ".join(run))
    return out


def _title_from_url(url: str) -> str:
    slug = unquote(urlparse(url).path.rstrip("/").rsplit("/", 1)[-1])
    return slug.replace("_", " ").replace("-", " ").strip()


def _read_jsonl(path: Path) -> Iterator[Article]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            url = row.get("url") or f"{path.name}#{row.get('id', '')}"
            title = row.get("title") or _title_from_url(url)
            yield Article(title, url, tuple(passages(row["text"])))


def _read_text_dir(path: Path) -> Iterator[Article]:
    meta: dict[str, dict[str, str]] = {}
    manifest = path / "manifest.csv"
    if manifest.exists():
        with manifest.open(encoding="utf-8", newline="") as fh:
            meta = {row["file"]: row for row in csv.DictReader(fh)}
    for file in sorted(path.glob("*.txt")):
        row = meta.get(file.name, {})
        text = file.read_text(encoding="utf-8")
        title = row.get("title") or text.strip().splitlines()[0][:120]
        yield Article(title, row.get("url") or file.name, tuple(passages(text)))


def load_articles(sources: Iterable[Path] = DEFAULT_SOURCES) -> list[Article]:
    """Real articles from JSON Lines files (objects with `text`) and folders of .txt files."""
    articles: list[Article] = []
    for source in sources:
        source = Path(source)
        if not source.exists():
            raise FileNotFoundError(f"corpus source not found: {source}")
        reader = _read_text_dir if source.is_dir() else _read_jsonl
        articles.extend(a for a in reader(source) if a.passages)
    if len(articles) < MAX_PARTS:
        raise ValueError(f"need at least {MAX_PARTS} source articles, found {len(articles)}")
    return articles


def make_corpus(n: int, seed: int = 0, sources: Sequence[Path] = DEFAULT_SOURCES) -> Iterator[dict]:
    """Yield n distinct documents {id, text, published, title, url}, the same for the same seed.

    Each takes one passage from each of 3-12 different articles; title and url are those of
    the article that gives the opening passage (url with the document id as fragment).
    """
    articles = load_articles(sources)
    rng = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days
    seen: set[int] = set()
    made = 0
    while made < n:
        picks = rng.sample(range(len(articles)), rng.randint(MIN_PARTS, MAX_PARTS))
        chosen = [(a, rng.randrange(len(articles[a].passages))) for a in picks]
        key = hash(tuple(sorted(chosen)))
        if key in seen:
            continue
        seen.add(key)
        doc_id = f"bench-{seed}-{made:06d}"
        lead = articles[chosen[0][0]]
        yield {
            "id": doc_id,
            "text": "\n\n".join(articles[a].passages[p] for a, p in chosen),
            "published": (FIRST_DAY + timedelta(days=rng.randint(0, span))).isoformat(),
            "title": lead.title,
            "url": f"{lead.url}#{doc_id}",
        }
        made += 1


def write_corpus(
    n: int, out: Path, seed: int = 0, sources: Sequence[Path] = DEFAULT_SOURCES
) -> Path:
    """Write make_corpus(n, seed) as JSON Lines to out; return out."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for doc in make_corpus(n, seed, sources):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("out", type=Path, help="output .jsonl")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--source",
        type=Path,
        action="append",
        help="a .jsonl of articles or a folder of .txt articles (repeatable); "
        "default: shared/corpora/geovirus.jsonl and seeds/",
    )
    args = parser.parse_args(argv)
    write_corpus(args.n, args.out, args.seed, args.source or DEFAULT_SOURCES)
    print(f"wrote {args.n} documents to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
