"""Score `generator.dates.find` on TimeML-annotated news, TempEval-3 style.

    python benchmarks/timebank_score.py ../shared/timebank [--errors 15] [--runs 5]

For each .tml file: the document's date is the TIMEX3 whose
functionInDocument is CREATION_TIME; the text is what lies inside <TEXT> with
every tag removed and XML entities decoded; the gold expressions are the
TIMEX3 elements in it. `find` reads the text against the document's date and
never sees the gold.

Reported: strict span F1 (identical spans), relaxed span F1 (overlapping
spans, each gold and system expression matched at most once), value F1
(relaxed matches whose value equals the gold value exactly), type accuracy
over the relaxed matches, and throughput in MB of text per second on one core
(the median of several runs).
"""

from __future__ import annotations

import argparse
import html
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.dates import Timex, find, load_rules

PIECES = re.compile(r"<[^>]+>|[^<]+")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    dct: date
    text: str
    gold: list[Gold]


def read_document(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8")
    dct_tag = next(t for t in re.findall(r"<TIMEX3[^>]*>", raw) if 'functionInDocument="CREATION_TIME"' in t)
    dct = date.fromisoformat(dict(ATTRIBUTE.findall(dct_tag))["value"][:10])
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    pieces: list[str] = []
    length = 0
    opened: list[tuple[int, dict]] = []
    spans = []
    for piece in PIECES.findall(body):
        if piece.startswith("<TIMEX3"):
            opened.append((length, dict(ATTRIBUTE.findall(piece))))
        elif piece.startswith("</TIMEX3"):
            start, attributes = opened.pop()
            spans.append((start, length, attributes))
        elif not piece.startswith("<"):
            text = html.unescape(piece)
            pieces.append(text)
            length += len(text)
    text = "".join(pieces)
    gold = [Gold(s, e, text[s:e], a["type"], a["value"]) for s, e, a in spans]
    return Document(path.stem, dct, text, gold)


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def f1(self, hits: int) -> tuple[float, float, float]:
        precision = hits / self.system if self.system else 0.0
        recall = hits / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def pattern(text: str) -> str:
    """What an error looks like once the particular numbers are gone."""
    return re.sub(r"\d", "9", " ".join(text.lower().split()))


def score(documents: list[Document], found: list[list[Timex]], errors: dict[str, Counter]) -> Tally:
    tally = Tally()
    for document, system in zip(documents, found, strict=True):
        tally.gold += len(document.gold)
        tally.system += len(system)
        unmatched = list(system)
        for gold in document.gold:
            match = next((t for t in unmatched if t.start < gold.end and gold.start < t.end), None)
            if match is None:
                errors["missed"][f"{pattern(gold.text)!r} {gold.type} {pattern(gold.value)}"] += 1
                continue
            unmatched.remove(match)
            tally.relaxed += 1
            tally.strict += (match.start, match.end) == (gold.start, gold.end)
            tally.type += match.type == gold.type
            if match.value == gold.value:
                tally.value += 1
            else:
                errors["wrong value"][f"{pattern(gold.text)!r} gold {gold.value} found {match.value} ({match.rule})"] += 1
            if (match.start, match.end) != (gold.start, gold.end):
                errors["span"][f"gold {gold.text!r} found {match.text!r}"] += 1
        for timex in unmatched:
            errors["spurious"][f"{pattern(timex.text)!r} {timex.value} ({timex.rule})"] += 1
    return tally


def throughput(documents: list[Document], runs: int) -> tuple[float, float]:
    """MB of text per second over all documents: the median of `runs` runs, and the spread."""
    megabytes = sum(len(d.text.encode("utf-8")) for d in documents) / 1e6
    rates = []
    for _ in range(runs):
        started = time.perf_counter()
        for document in documents:
            find(document.text, document.dct)
        rates.append(megabytes / (time.perf_counter() - started))
    return statistics.median(rates), max(rates) - min(rates)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a folder of TimeML .tml files (e.g. ../shared/timebank)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print the N most frequent errors of each kind")
    parser.add_argument("--runs", type=int, default=5, help="timed runs for the throughput median (default 5)")
    args = parser.parse_args()
    paths = sorted(args.folder.glob("*.tml"))
    if not paths:
        print(f"timebank_score: no .tml files in {args.folder}", file=sys.stderr)
        return 1
    documents = [read_document(p) for p in paths]
    load_rules()
    found = [find(d.text, d.dct) for d in documents]
    errors: dict[str, Counter] = {kind: Counter() for kind in ("missed", "spurious", "wrong value", "span")}
    tally = score(documents, found, errors)
    rate, spread = throughput(documents, args.runs)
    characters = sum(len(d.text) for d in documents)
    print(f"{len(documents)} documents, {characters} characters, {tally.gold} gold expressions, {tally.system} found")
    for name, hits in (("strict span", tally.strict), ("relaxed span", tally.relaxed), ("value", tally.value)):
        precision, recall, f1 = tally.f1(hits)
        print(f"{name + ' F1':16} {f1:.3f}  (P {precision:.3f}, R {recall:.3f})")
    print(f"{'type accuracy':16} {tally.type / tally.relaxed if tally.relaxed else 0:.3f}  (of the relaxed matches)")
    print(f"{'throughput':16} {rate:.2f} MB/s  (median of {args.runs} runs on one core, spread {spread:.2f})")
    for kind, counter in errors.items():
        if args.errors and counter:
            print(f"\n{kind} ({sum(counter.values())}), most frequent first:")
            for text, count in counter.most_common(args.errors):
                print(f"  {count:4} {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
