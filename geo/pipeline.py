"""One document through the pipeline (places, then events), and a stream of them in parallel.

`analyse` is the per-document function every engine runs; `analyse_stream` maps it over a
stream of documents in order, in this process, in worker processes (fed continuously, with
a bounded number of documents in flight) or on a Dask cluster (in windows), so memory does
not grow with the corpus.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import itertools
import os
import signal
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from geo.documents import ReadError
from geo.models import Document, Event, Mention

#: Documents handed to the workers at a time, per worker.
WINDOW_PER_JOB = 256


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the pipeline found in one document."""

    doc: Document
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    warnings: tuple[str, ...] = ()
    #: the document's output line, already encoded by the worker (Settings.record)
    line: str | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """What every worker needs to know to analyse a document the same way."""

    events: bool = True
    extra_places: tuple[str, ...] = ()
    #: "places" or "events": workers encode each document's JSON line themselves and send
    #: back only that, so the parent's work does not grow with the number of workers
    record: str | None = None
    #: keep the document's text in the results (the command line never needs it back)
    keep_text: bool = True


_GAZETTEER_CACHE: dict[tuple[str, ...], object] = {}


def _gazetteer(settings: Settings):  # noqa: ANN202 - Gazetteer, imported lazily
    from gazetteer.index import Gazetteer, default_gazetteer

    key = settings.extra_places
    if key not in _GAZETTEER_CACHE:
        _GAZETTEER_CACHE[key] = (
            Gazetteer.load(tuple(Path(p) for p in key)) if key else default_gazetteer()
        )
    return _GAZETTEER_CACHE[key]


def analyse(doc: Document, settings: Settings = Settings()) -> Analysis:
    """Places and (optionally) events of one document."""
    from geo.places import extract_places

    warnings: list[str] = []
    if doc.published is None:  # places output carries it too, and places use it
        from geo.dates import published_from_text

        found = published_from_text(doc.text)
        if found:
            doc = dataclasses.replace(doc, published=found)
        elif settings.events:
            warnings.append("no publication date: relative dates left unresolved")
    g = _gazetteer(settings)
    mentions = extract_places(doc.text, doc.published, gazetteer=g)  # type: ignore[arg-type]
    events: list[Event] = []
    if settings.events:
        from geo.events import extract_events

        events = extract_events(doc, mentions)
    return Analysis(doc, tuple(mentions), tuple(events), tuple(warnings))


def _analyse_or_error(item: Document | ReadError, settings: Settings) -> Analysis | ReadError:
    if isinstance(item, ReadError):
        return item
    try:
        result = analyse(item, settings)
        if settings.record:
            result = _encoded(result, settings.record)
        if not settings.keep_text:
            result = dataclasses.replace(result, doc=dataclasses.replace(result.doc, text=""))
        return result
    except Exception as exc:  # one bad document never sinks a batch
        return ReadError(item.id, item.id, None, f"could not be analysed: {exc!r}")


def _encoded(result: Analysis, record: str) -> Analysis:
    import json

    from geo.export import events_jsonl_record, places_jsonl_line

    if record == "places":
        line = places_jsonl_line(result.doc, result.mentions)
    else:
        line = json.dumps(events_jsonl_record(result.doc, result.events), ensure_ascii=False)
        line += "\n"
    return Analysis(result.doc, (), (), result.warnings, line)


def _worker_init(settings: Settings) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _gazetteer(settings)


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Processes started inside inherit an ignored SIGINT, so Ctrl-C reaches only this one."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _worker_run(args: tuple[Document | ReadError, Settings]) -> Analysis | ReadError:
    return _analyse_or_error(*args)


def _windows(items: Iterable[Document | ReadError], size: int) -> Iterator[list]:
    it = iter(items)
    while window := list(itertools.islice(it, size)):
        yield window


def analyse_stream(
    items: Iterable[Document | ReadError],
    settings: Settings = Settings(),
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[Analysis | ReadError]:
    """Analyse a stream of documents; results come in input order whatever the engine."""
    if engine == "dask":
        yield from _dask_stream(items, settings, jobs, scheduler)
        return
    if jobs <= 1:
        for item in items:
            yield _analyse_or_error(item, settings)
        return
    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    _gazetteer(settings)  # forked workers share the loaded index pages
    limit = jobs * WINDOW_PER_JOB
    in_flight = threading.Semaphore(limit)
    chunk = max(1, min(8, limit // (2 * jobs)))  # a chunk must fill within the limit
    stop = threading.Event()

    def feed() -> Iterator[tuple[Document | ReadError, Settings]]:
        for item in items:
            while not in_flight.acquire(timeout=0.05):  # read ahead no further than this
                if stop.is_set():
                    return
            if stop.is_set():
                return
            yield item, settings

    with ctx.Pool(jobs, initializer=_worker_init, initargs=(settings,)) as pool:
        try:
            for result in pool.imap(_worker_run, feed(), chunksize=chunk):
                in_flight.release()
                yield result
        finally:
            stop.set()  # let the pool's feeding thread end before the pool is torn down


def _dask_stream(
    items: Iterable[Document | ReadError], settings: Settings, jobs: int, scheduler: str | None
) -> Iterator[Analysis | ReadError]:
    """The same per-document function over partitions on a dask.distributed cluster."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("--engine dask needs dask: pip install 'geo-events[dask]'") from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        workers = max(1, jobs or os.cpu_count() or 1)
        with _sigint_ignored():
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                # its HTTP server runs even without a dashboard: on a free loopback port
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            )
        client = Client(cluster)
    try:
        pending: collections.deque = collections.deque()
        for window in _windows(items, max(1, jobs) * WINDOW_PER_JOB * 2):
            bag = db.from_sequence(window, npartitions=max(1, min(len(window), 4 * max(1, jobs))))
            pending.append(client.compute(bag.map(_analyse_or_error, settings)))
            if len(pending) > 1:  # the cluster works on the next window while we write this
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
