"""Score place extraction on an annotated corpus (JSON Lines with gold toponym spans).

Each line: {"id", "text", "toponyms": [{"start", "end", "lat", "lon", ...}]}, as GeoVirus.
A predicted span that overlaps a gold span matches it (one to one, in text order);
geocoding is scored over matched pairs: Acc@161 km, mean and median error, and the AUC of
the log error (mean of ln(1 + km) / ln(20039)), as in Gritta et al. (2018).
"""

from __future__ import annotations

import dataclasses
import json
import math
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from geopy.distance import great_circle

from geo.models import Mention

MAX_KM = 20039.0
SCORED_ROLES = frozenset({"location", "metonym", "boilerplate"})


@dataclass(frozen=True, slots=True)
class Scores:
    """The figures of one evaluation run."""

    documents: int
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    acc161: float
    mean_km: float
    median_km: float
    auc: float

    def to_dict(self) -> dict[str, float | int]:
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in values.items()}

    def __str__(self) -> str:
        return (
            f"documents {self.documents}  gold {self.gold}  predicted {self.predicted}  "
            f"matched {self.matched}\n"
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}\n"
            f"Acc@161 {self.acc161:.3f}  mean {self.mean_km:.0f} km  "
            f"median {self.median_km:.0f} km  AUC {self.auc:.3f}"
        )


def read_corpus(path: Path) -> Iterable[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def match(gold: list[dict], predicted: list[Mention]) -> list[tuple[dict, Mention]]:
    """Pair gold and predicted spans that overlap, each used once, in text order."""
    pairs = []
    used: set[int] = set()
    for g in sorted(gold, key=lambda t: t["start"]):
        for n, m in enumerate(predicted):
            if n not in used and m.start < g["end"] and g["start"] < m.end:
                pairs.append((g, m))
                used.add(n)
                break
    return pairs


def evaluate(
    docs: Iterable[dict],
    extract: Callable[[str], list[Mention]],
    roles: frozenset[str] = SCORED_ROLES,
) -> Scores:
    """Run `extract` on every document and score it against the gold toponyms."""
    n_docs = n_gold = n_pred = 0
    errors: list[float] = []
    for doc in docs:
        n_docs += 1
        gold = doc.get("toponyms") or []
        predicted = [m for m in extract(doc["text"]) if m.role in roles]
        n_gold += len(gold)
        n_pred += len(predicted)
        for g, m in match(gold, predicted):
            errors.append(great_circle((g["lat"], g["lon"]), (m.place.lat, m.place.lon)).km)
    matched = len(errors)
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(
        documents=n_docs,
        gold=n_gold,
        predicted=n_pred,
        matched=matched,
        precision=precision,
        recall=recall,
        f1=f1,
        acc161=sum(e <= 161 for e in errors) / matched if matched else 0.0,
        mean_km=statistics.fmean(errors) if errors else 0.0,
        median_km=statistics.median(errors) if errors else 0.0,
        auc=statistics.fmean(math.log1p(e) / math.log(MAX_KM) for e in errors) if errors else 0.0,
    )
