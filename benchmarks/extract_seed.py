"""How well `timeline extract` finds what an editor curated, and how fast.

    python benchmarks/extract_seed.py [TIMEBANK_DIR]

1. The seed: extraction on the Aleppo article is compared with the
   hand-curated entries and quotes in content/.
   - An entry is found when an extracted event has the same date value
     (TIMEX3, e.g. 2016-12-11TNI) and either its evidence passage overlaps
     the entry's passage or one of the entry's quotes, or a quote it backs
     overlaps one of the entry's quotes.
   - Entries "dated by the article" are those whose `date` is the article's
     own words (Monday, last March); the others carry an editor's ISO date.
   - A found entry's kind (and certainty) counts as the curated one when one
     of the events that match it has it.
   - A quote is found when an extracted quote overlaps it in the article;
     its speaker is right when the last word of both names agrees (the
     curated name before its first comma) and both, or neither, describe an
     unnamed person ("a friend of Marcell Shehwaro").
2. TimeBank (given a folder of .tml files): each article, its XML stripped,
   is extracted against its creation time (DCT); the counts show what it
   proposes on news it was never tuned on.
   Each article's proposals are also written as drafts into a fresh folder
   (as `timeline extract --write` does) and checked as `timeline check
   --drafts` checks a site: every one must load and render.
3. Throughput: article text per second on one core, median of 3 runs.
"""

from __future__ import annotations

import html
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import build, combine, content, drafts, places
from generator.extract import Extraction, extract

SEED = "aleppo-daily-beast-2016-12-12"


@dataclass(frozen=True)
class SeedScore:
    dated_found: list[str]
    dated_missed: list[str]
    other_found: list[str]
    other_missed: list[str]
    same_kind: list[str]  # found entries whose matching event has the curated kind
    same_certainty: list[str]  # ... and the curated certainty
    quotes_right: list[str]
    quotes_wrong_speaker: list[str]
    quotes_missed: list[str]
    channels_same: list[str]
    extracted_events: int
    extracted_quotes: int


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def same_speaker(curated: str, extracted: str | None) -> bool:
    if not extracted:
        return False
    name = curated.split(",")[0].lower()
    unnamed = re.compile(r"^an? ")
    return name.split()[-1] == extracted.lower().split()[-1] and bool(unnamed.match(name)) == bool(unnamed.match(extracted.lower()))


def seed_extraction(content_dir: Path = ROOT / "content") -> tuple[Extraction, content.Content]:
    loaded, problems = content.load(content_dir)
    assert loaded is not None, problems
    source = loaded.sources[SEED]
    gazetteer, _ = places.load(content_dir)
    return extract(source.text, SEED, source.published, source.outlet, gazetteer), loaded


def score_seed(content_dir: Path = ROOT / "content") -> SeedScore:
    result, loaded = seed_extraction(content_dir)
    extracted = {q.id: q for q in result.quotes}
    dated_found, dated_missed, other_found, other_missed, same_kind, same_certainty = [], [], [], [], [], []
    for event in loaded.events:
        if SEED not in event.sources:
            continue
        passage = [(event.passage_span.start, event.passage_span.end)] if event.passage_span else []
        quoted = [(loaded.quotes[q].span.start, loaded.quotes[q].span.end) for q in event.quotes]
        matches = [
            e for e in result.events
            if e.date.value == event.when.value
            and (any(_overlaps((e.start, e.end), s) for s in passage + quoted)
                 or any(_overlaps((extracted[q].start, extracted[q].end), s) for q in e.quotes for s in quoted))
        ]
        dated = event.when.words is not None and not re.fullmatch(r"\d{4}(-\d\d){0,2}", event.when.words)
        bucket = (dated_found if matches else dated_missed) if dated else (other_found if matches else other_missed)
        bucket.append(event.id)
        if any(e.kind == event.kind for e in matches):
            same_kind.append(event.id)
        if any(e.certainty == event.certainty for e in matches):
            same_certainty.append(event.id)
    right, wrong, missed, channels = [], [], [], []
    for quote in loaded.quotes.values():
        matches = [q for q in result.quotes if _overlaps((q.start, q.end), (quote.span.start, quote.span.end))]
        if not matches:
            missed.append(quote.id)
        elif any(same_speaker(quote.speaker, q.speaker) for q in matches):
            right.append(quote.id)
            if any(q.channel == quote.channel for q in matches):
                channels.append(quote.id)
        else:
            wrong.append(quote.id)
    return SeedScore(
        dated_found, dated_missed, other_found, other_missed, same_kind, same_certainty,
        right, wrong, missed, channels, len(result.events), len(result.quotes),
    )


def timebank_article(path: Path) -> tuple[str, date]:
    """The article's text, its markup stripped, and its creation time."""
    xml = path.read_text(encoding="utf-8")
    dct = re.search(r'<TIMEX3[^>]*value="(\d{4}-\d\d-\d\d)[^"]*"[^>]*functionInDocument="CREATION_TIME"', xml)
    body = re.search(r"<TEXT>(.*)</TEXT>", xml, re.DOTALL)
    text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1) if body else xml))
    return text, date.fromisoformat(dct.group(1))


def drafts_check(path: Path, text: str, dct: date, result: Extraction) -> tuple[bool, int]:
    """(whether the drafts written for one article load and render, how many
    proposed events could not be written)."""
    article = drafts.Article(path.stem.lower().replace(".", "-"), text, dct, path.stem, "TimeBank", None)
    found = combine.combine([combine.Article(str(path), article.id, article.outlet, text)], [result])
    with tempfile.TemporaryDirectory() as folder:
        written = drafts.write(found, [article], Path(folder))
        return not build.check(Path(folder), drafts=True).problems and not written.problems, len(written.warnings)


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


def main(argv: list[str]) -> int:
    s = score_seed()
    dated = len(s.dated_found) + len(s.dated_missed)
    other = len(s.other_found) + len(s.other_missed)
    quotes = len(s.quotes_right) + len(s.quotes_wrong_speaker) + len(s.quotes_missed)
    print("Seed: the Aleppo article against content/")
    print(f"  entries the article dates, found with the right date: {_percent(len(s.dated_found), dated)}  missed: {s.dated_missed}")
    print(f"  entries with an editor's ISO date, found with that date: {_percent(len(s.other_found), other)}  missed: {s.other_missed}")
    found = len(s.dated_found) + len(s.other_found)
    print(f"  of the entries found, with the curated kind: {len(s.same_kind)}/{found}; with the curated certainty: {len(s.same_certainty)}/{found}")
    print(f"  curated quotes found with the right speaker: {_percent(len(s.quotes_right), quotes)}  wrong speaker: {s.quotes_wrong_speaker}  missed: {s.quotes_missed}")
    print(f"  of those, with the curated channel word for word: {_percent(len(s.channels_same), quotes)}")
    print(f"  proposed: {s.extracted_events} events, {s.extracted_quotes} quotes (curated: {dated + other} entries, {quotes} quotes)")

    texts = [seed_extraction()[1].sources[SEED].text]
    dcts = [date(2016, 12, 12)]
    if len(argv) > 1:
        paths = sorted(Path(argv[1]).glob("*.tml"))
        articles = [timebank_article(p) for p in paths]
        texts += [t for t, _ in articles]
        dcts += [d for _, d in articles]
        results = [extract(t, p.stem, d, None, places.gazetteer({})) for p, (t, d) in zip(paths, articles, strict=True)]
        events = [e for r in results for e in r.events]
        quoted = [q for r in results for q in r.quotes]
        kinds: dict[str, int] = {}
        for e in events:
            kinds[e.kind] = kinds.get(e.kind, 0) + 1
        print(f"TimeBank: {len(paths)} articles")
        carried = sum(e.date.basis == "previous sentence" for e in events)
        print(f"  events: {len(events)}; dated by the article's words: {_percent(sum(e.date.basis == 'words' for e in events), len(events))}, by the sentence before: {carried}")
        print(f"  kinds: {', '.join(f'{k} {n}' for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))}")
        print(f"  certainty: {', '.join(f'{c} {sum(e.certainty == c for e in events)}' for c in ('reported', 'claimed', 'unconfirmed'))}")
        print(f"  quotes: {len(quoted)}; with a speaker: {_percent(sum(q.speaker is not None for q in quoted), len(quoted))}")
        checks = [drafts_check(p, t, d, r) for p, (t, d), r in zip(paths, articles, results, strict=True)]
        print(f"  drafts written and checked: {_percent(sum(ok for ok, _ in checks), len(checks))} articles build; "
              f"{sum(n for _, n in checks)} proposed events not written (a date an entry cannot hold)")

    size = sum(len(t.encode("utf-8")) for t in texts)
    gazetteer, _ = places.load(ROOT / "content")
    runs = []
    for _ in range(3):
        started = time.process_time()
        for text, dct in zip(texts, dcts, strict=True):
            extract(text, "x", dct, None, gazetteer)
        runs.append(time.process_time() - started)
    median = statistics.median(runs)
    print(f"Throughput: {size / 1e6:.2f} MB of text in {median:.2f} s CPU (median of 3): {size / 1e6 / median:.2f} MB/s on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
