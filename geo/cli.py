"""The `geo` command: argument parsing, progress, exit codes — the work is done elsewhere.

Exit status: 0 success, 2 bad usage, 3 when some input could not be read (the rest is done).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_USAGE, EXIT_BAD_INPUT = 0, 2, 3


class Run:
    """One command's stream of analysed documents, with its problems counted for the exit."""

    def __init__(self, args: argparse.Namespace, events: bool, record: str | None = None) -> None:
        from geo.pipeline import Settings

        self.args = args
        self.settings = Settings(events=events, extra_places=tuple(args.places or ()),
                                 record=record, keep_text=False)
        self.bad = 0
        self.docs: dict[str, Any] = {}

    def analyses(self) -> Iterator[Any]:
        from geo.documents import ManifestError, ReadError, read_inputs
        from geo.pipeline import analyse_stream

        try:
            items = read_inputs(self.args.inputs, manifest=self.args.manifest,
                                published=self.args.published)
        except ManifestError as exc:
            raise UsageError(str(exc)) from exc
        stream = analyse_stream(items, self.settings, jobs=self.args.jobs,
                                engine=self.args.engine, scheduler=self.args.scheduler)
        with _progress(self.args.quiet) as advance:
            for result in stream:
                advance()
                if isinstance(result, ReadError):
                    self.bad += 1
                    named = result.line and f"line {result.line}" in result.reason
                    where = f" (line {result.line})" if result.line and not named else ""
                    print(f"geo: {result.doc}{where}: {result.reason}", file=sys.stderr)
                    continue
                for warning in result.warnings:
                    if not self.args.quiet:
                        print(f"geo: warning: {result.doc.id}: {warning}", file=sys.stderr)
                yield result

    @property
    def status(self) -> int:
        return EXIT_BAD_INPUT if self.bad else EXIT_OK


class UsageError(Exception):
    """Bad usage: reported in one line, exit status 2."""


class _progress:  # noqa: N801 - used as a context manager like a function
    """A rich progress counter on stderr when it is a terminal and not --quiet."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self._progress: Any = None

    def __enter__(self):  # noqa: ANN204
        if not self.enabled:
            return lambda: None
        from rich.console import Console
        from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

        self._progress = Progress(SpinnerColumn(), "documents", MofNCompleteColumn(),
                                  TimeElapsedColumn(), console=Console(stderr=True),
                                  transient=True)
        self._progress.start()
        task = self._progress.add_task("geo", total=None)
        return lambda: self._progress.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


# ---------------------------------------------------------------------------- commands


def cmd_places(args: argparse.Namespace) -> int:
    from geo.outputs import write_lines

    run = Run(args, events=False, record="places")
    write_lines(args.output, (a.line for a in run.analyses()))
    return run.status


def cmd_events(args: argparse.Namespace) -> int:
    from geo.outputs import write_lines

    run = Run(args, events=True, record="events")
    write_lines(args.output, (a.line for a in run.analyses()))
    return run.status


def _merged(args: argparse.Namespace) -> tuple[list[Any], Run, dict[str, Any]]:
    from geo.merge import merge_events

    run = Run(args, events=True)
    events, docs = [], {}
    for a in run.analyses():
        events.extend(a.events)
        docs[a.doc.id] = a.doc
    return merge_events(events, docs), run, docs


def _write_text(path: str, text: str) -> None:
    from geo.outputs import atomic_write

    if path == "-":
        sys.stdout.write(text)
    else:
        atomic_write(path, text)


def cmd_geojson(args: argparse.Namespace) -> int:
    from geo.export import geojson_dumps, to_geojson

    merged, run, _ = _merged(args)
    _write_text(args.output, geojson_dumps(to_geojson(merged)))
    return run.status


def cmd_table(args: argparse.Namespace) -> int:
    from geo.export import table_csv, to_table

    merged, run, _ = _merged(args)
    _write_text(args.output, table_csv(to_table(merged)))
    return run.status


def _titles(args: argparse.Namespace, docs: dict[str, Any], n_events: int) -> tuple[str, str]:
    from geo.dates import date_in_words

    title = args.title or "Where it happened"
    if args.subtitle:
        return title, args.subtitle
    days = sorted(d.published for d in docs.values() if d.published)
    span = ""
    if days:
        first, last = date_in_words(days[0], "day"), date_in_words(days[-1], "day")
        span = f", published {first}" if first == last else f", published {first} to {last}"
    plural = "s" if len(docs) != 1 else ""
    return title, f"{n_events} events reported in {len(docs)} article{plural}{span}"


def cmd_map(args: argparse.Namespace) -> int:
    from geo.export import to_geojson
    from maps.render import write_map

    merged, run, docs = _merged(args)
    collection = to_geojson(merged)
    title, subtitle = _titles(args, docs, len(collection["features"]))
    out = write_map(collection, args.output, self_contained=args.self_contained,
                    title=title, subtitle=subtitle)
    if args.png:
        from maps.png import render_png

        render_png(out, args.png)
    return run.status


def cmd_embed(args: argparse.Namespace) -> int:
    from geo.export import to_geojson
    from maps.embed import write_embed

    merged, run, docs = _merged(args)
    collection = to_geojson(merged)
    title, subtitle = _titles(args, docs, len(collection["features"]))
    write_embed(collection, Path(args.output), title, subtitle,
                self_contained=args.self_contained)
    return run.status


def cmd_eval(args: argparse.Namespace) -> int:
    from gazetteer.index import Gazetteer, default_gazetteer
    from geo.evaluate import evaluate, read_corpus
    from geo.places import extract_places

    g = Gazetteer.load(tuple(Path(p) for p in args.places)) if args.places else None
    gz = g or default_gazetteer()
    try:
        scores = evaluate(read_corpus(Path(args.corpus)),
                          lambda text: extract_places(text, gazetteer=gz))
    except (OSError, ValueError, KeyError) as exc:
        raise UsageError(f"{args.corpus}: cannot evaluate: {exc}") from exc
    print(json.dumps(scores.to_dict(), indent=2) if args.json else scores)
    return EXIT_OK


def cmd_gazetteer_build(args: argparse.Namespace) -> int:
    import time

    from gazetteer.build import build, index_path

    extra = tuple(Path(p) for p in args.places or ())
    started = time.perf_counter()
    path = build(index_path(extra), extra)
    print(f"built {path} in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def cmd_gazetteer_lookup(args: argparse.Namespace) -> int:
    from gazetteer.index import Gazetteer

    g = Gazetteer.load(tuple(Path(p) for p in args.places or ()))
    found = g.lookup(args.name)[: args.limit]
    for c in found:
        row = {**c.place.to_dict(), "population": c.place.population,
               "score": round(c.prior, 3)}
        print(json.dumps(row, ensure_ascii=False))
    if not found:
        print(f"geo: no place called {args.name!r}", file=sys.stderr)
        return 1
    return EXIT_OK


# ---------------------------------------------------------------------------- parser


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD: {value!r}") from exc


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def _add_inputs(p: argparse.ArgumentParser, default_output: str | None) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files, directories (read recursively) or - for standard input")
    if default_output is None:
        p.add_argument("-o", "--output", required=True, help="output file")
    else:
        p.add_argument("-o", "--output", default=default_output,
                       help=f"output file (default {default_output}; - for standard output)")
    p.add_argument("--manifest", help="CSV with file,published,url,title for the inputs")
    p.add_argument("--published", type=_date, help="publication date for every input")
    p.add_argument("--places", action="append", metavar="CSV",
                   help="extra places: CSV with name,aliases,lat,lon,country,kind")
    p.add_argument("-j", "--jobs", type=_positive, default=1, help="worker processes")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="run locally or on a dask.distributed cluster")
    p.add_argument("--scheduler", help="dask scheduler address (default: a local cluster)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or warnings")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geo",
        description="Find the places and events in news articles and map them.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("places", help="every place mention, per document (JSON Lines)")
    _add_inputs(p, "-")
    p.set_defaults(func=cmd_places)

    p = sub.add_parser("events", help="events as each document reports them (JSON Lines)")
    _add_inputs(p, "-")
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("geojson", help="unique events across documents (GeoJSON)")
    _add_inputs(p, "-")
    p.set_defaults(func=cmd_geojson)

    p = sub.add_parser("table", help="unique events across documents (CSV)")
    _add_inputs(p, "-")
    p.set_defaults(func=cmd_table)

    for name, func, default, help_text in (
        ("map", cmd_map, "map.html", "an interactive Leaflet map of the events (HTML)"),
        ("embed", cmd_embed, "embed", "map.html and embed.html for a newsroom CMS"),
    ):
        p = sub.add_parser(name, help=help_text)
        _add_inputs(p, default)
        p.add_argument("--title", help="the map's title")
        p.add_argument("--subtitle", help="the map's subtitle")
        p.add_argument("--self-contained", action="store_true", default=name == "embed",
                       help="inline Leaflet and every asset: the page works offline")
        if name == "map":
            p.add_argument("--png", metavar="FILE", help="also save a picture of the map")
        p.set_defaults(func=func)

    p = sub.add_parser("eval", help="score place extraction on an annotated corpus")
    p.add_argument("corpus", help="JSON Lines with text and gold toponyms (GeoVirus shape)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--places", action="append", metavar="CSV", help="extra places CSV")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("gazetteer", help="build the place index or look names up")
    gsub = p.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")
    b = gsub.add_parser("build", help="compile the packaged sources into the index")
    b.add_argument("--places", action="append", metavar="CSV", help="extra places CSV")
    b.set_defaults(func=cmd_gazetteer_build)
    lk = gsub.add_parser("lookup", help="candidates for a name, most likely first")
    lk.add_argument("name")
    lk.add_argument("--limit", type=_positive, default=10)
    lk.add_argument("--places", action="append", metavar="CSV", help="extra places CSV")
    lk.set_defaults(func=cmd_gazetteer_lookup)
    return parser


def _check_output(args: argparse.Namespace) -> None:
    """Refuse an output path that cannot be written before any document is analysed."""
    output = getattr(args, "output", None)
    if output is None or output == "-":
        return
    path = Path(output)
    if args.command == "embed":
        if path.exists() and not path.is_dir():
            raise UsageError(f"{output}: exists and is not a directory")
        return
    if path.is_dir():
        raise UsageError(f"{output}: is a directory, not an output file")
    if args.command != "map" and not path.resolve().parent.is_dir():
        raise UsageError(f"{output}: no such directory {str(path.parent)!r}")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        _check_output(args)
        return args.func(args)
    except UsageError as exc:
        print(f"geo: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("geo: interrupted; no output file was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        print(f"geo: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
