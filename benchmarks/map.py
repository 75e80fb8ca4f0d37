"""Map benchmark: N synthetic events → map.html; page weight and time to draw in Chromium.

Budget: 1,000 events weigh at most 1 MB without inlined assets and are drawn within 1 s
(navigation to 'load' plus every marker present), network cut off.

    .venv/bin/python benchmarks/map.py [--events 1000] [--runs 3] [--out DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from maps.png import chromium, wait_for_map  # noqa: E402
from maps.render import write_map  # noqa: E402

TYPES = ("strike", "attack", "armed_clash", "conflict", "visit", "diplomatic", "protest")
PRECISIONS = ("day", "day", "day", "week", "month", "unknown")
WORDS = [
    "army",
    "ministry",
    "said",
    "strikes",
    "near",
    "the",
    "city",
    "killed",
    "people",
    "after",
    "talks",
    "border",
    "officials",
]


IN_PAGE_MS = """() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const drawn = performance.getEntriesByName("geo-map-drawn")[0];
    return Math.max(nav.loadEventEnd, drawn ? drawn.startTime : Infinity);
}"""


def synthetic(n: int, seed: int = 7) -> dict:
    """n events spread over the world and one year, with 1–3 sources each."""
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    features = []
    for i in range(n):
        day = start + timedelta(days=rng.randrange(365))
        precision = rng.choice(PRECISIONS)
        sources = []
        for k in range(rng.randint(1, 3)):
            sources.append(
                {
                    "doc": f"doc-{i}-{k}.txt",
                    "title": " ".join(rng.choice(WORDS) for _ in range(9)).capitalize(),
                    "url": f"https://news{k}.example.org/{day.isoformat()}/story-{i}",
                    "published": (day + timedelta(days=1)).isoformat(),
                    "date": day.isoformat(),
                    "evidence": " ".join(rng.choice(WORDS) for _ in range(28)).capitalize() + ".",
                }
            )
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [
                        round(rng.uniform(-170, 170), 5),
                        round(rng.uniform(-55, 70), 5),
                    ],
                },
                "properties": {
                    "id": f"ev-{i:05d}",
                    "type": rng.choice(TYPES),
                    "subtype": None,
                    "cameo": None,
                    "date": None if precision == "unknown" else day.isoformat(),
                    "date_precision": precision,
                    "status": "planned" if rng.random() < 0.1 else "occurred",
                    "place_name": f"Place {i}",
                    "place_kind": "city",
                    "country": None,
                    "admin1": None,
                    "geonameid": None,
                    "actor": None,
                    "target": None,
                    "fatalities": rng.choice([None, None, 0, 1, 4, 12, 60]),
                    "confidence": 0.8,
                    "background": rng.random() < 0.2,
                    "sources": sources,
                    "n_sources": len(sources),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    out_dir = args.out or Path(tempfile.mkdtemp(prefix="geo-map-bench-"))
    collection = synthetic(args.events)
    started = time.perf_counter()
    page_path = write_map(collection, out_dir / "map.html", self_contained=False, title="Bench")
    build_s = time.perf_counter() - started
    size = page_path.stat().st_size
    inline_path = write_map(collection, out_dir / "map-inline.html", True, title="Bench")

    timings, walls = [], []
    with chromium() as browser:
        for _ in range(args.runs):
            context = browser.new_context(viewport={"width": 1200, "height": 800})
            page = context.new_page()
            page.route(
                "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
            )
            t0 = time.perf_counter()
            page.goto(inline_path.resolve().as_uri(), wait_until="load")
            drawn = wait_for_map(page)
            markers = page.locator(".geo-marker").count()
            walls.append(time.perf_counter() - t0)
            timings.append(page.evaluate(IN_PAGE_MS) / 1000)
            context.close()
            if drawn != args.events:
                print(f"drew {drawn} of {args.events} events", file=sys.stderr)
                return 1
    best, worst = min(timings), max(timings)
    median = sorted(timings)[len(timings) // 2]
    print(f"events: {args.events}  (markers on screen at fitted view: {markers})")
    print(f"build + write map.html: {build_s:.2f} s")
    print(f"map.html without inlined assets: {size / 1e6:.3f} MB (budget 1.000 MB)")
    print(f"map.html self-contained: {inline_path.stat().st_size / 1e6:.3f} MB")
    print(
        f"Chromium, navigation start to 'load' with every event drawn (in-page clock): "
        f"median {median:.3f} s, best {best:.3f} s, worst {worst:.3f} s over {args.runs} runs "
        f"(budget 1.000 s)"
    )
    print(f"wall clock incl. Playwright round trips: median {sorted(walls)[len(walls) // 2]:.3f} s")
    ok = size <= 1_000_000 and median <= 1.0
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
