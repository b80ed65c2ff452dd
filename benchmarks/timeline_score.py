"""How well `timeline extract` dates the happenings of news it was not tuned
on, against the gold timelines of SemEval-2015 Task 4 (trial data), beside a
plain baseline in the same run.

    python benchmarks/timeline_score.py ../shared/semeval2015-trial [--errors N] [--runs 3]

The corpus (CC-BY 3.0, FBK, VUA, EHU; texts from Wikinews) holds 30 articles
and six gold timelines over them. Each article is turned back into prose as a
reader sees it: its headline, its dateline, then its sentences, one paragraph
each, with the tokeniser's spaces removed ("Apple 's" -> "Apple's", ``…'' ->
"…"); a map keeps where each token lands. `extract` reads that text against
the article's date and never sees the gold.

A gold event is one line of a timeline: one happening, with its mentions (a
word in a sentence of an article), often in several articles. It is dated
when the line gives a date (2010-06-07, 2005-01-XX, 2007-XX-XX).

Figures, for extraction and for the baseline alike:
- found: dated gold events with a mention inside an entry's passage (any of
  its passages, when the article tells it more than once);
- found with the right date: ... inside an entry whose date is the gold's at
  the gold's precision (2010-06-07TMO is 2010-06-07; 2010-06 is not);
- date accuracy: of the (entry, dated gold event) pairs where the entry's
  passage holds a mention of the event, the share where the entry's date is
  right. An entry dated "on or before" a day ("by 2010-06-08") is never right
  here: it does not give the gold's date; how many such pairs there are is
  printed beside it;
- entries: how many were proposed, and how many hold any gold event.

Across articles (generator/combine.py over every article's extraction):
- multi-article happenings merged: of the gold events with mentions in two
  or more articles, the share that one entry holds in at least two of them
  (its passages in two articles each hold a mention);
  and, beside it, the share of those the articles' own entries hold in two
  articles at all (what merging can reach: a happening an article's
  extraction misses or misdates cannot be merged);
- wrong merges: of the entries that join passages of two or more articles,
  the share that join two articles' passages holding gold events whose dates
  disagree (2010-06-07 and 2010-06-08; 2010-06-XX and 2010-06-07 agree),
  with no gold event of agreeing date between them.

The baseline is the one the issue names: one entry per sentence of the
corpus that holds a calendar date (a DATE or TIME that `timeline dates`
resolves to the calendar), dated by the first such date, its passage the
whole sentence.
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

from generator import combine, dates, places, reading
from generator.extract import extract

SENTENCE = re.compile(r'<s id="(\d+)">(.*?)</s>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
OUTLET = "Wikinews"


@dataclass(frozen=True)
class Article:
    docid: str
    dct: date
    text: str


@dataclass(frozen=True)
class TrialArticle(Article):
    tokens: dict[int, list[tuple[str, int, int]]]  # sentence number -> (token, start, end)
    events: dict[int, list[int]]  # sentence number -> indexes of the tokens inside <EVENT>


@dataclass(frozen=True)
class GoldEvent:
    date: str  # 2010-06-07, 2005-01-XX, 2007-XX-XX
    mentions: tuple[tuple[str, int, int], ...]  # (docid, start, end) of the event's word


@dataclass(frozen=True)
class Entry:
    start: int
    end: int
    value: str | None  # TIMEX3
    on_or_before: bool = False
    passages: tuple[tuple[int, int], ...] = ()  # every passage that tells it, when several do

    def holds(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.passages or ((self.start, self.end),))


def _joins_left(token: str) -> bool:
    return token in {",", ".", ":", ";", "%", ")", "]", "?", "!", "''", "..."} or token.startswith("'") and token not in {"'", "``"} or token == "n't"


def read_trial_article(path: Path) -> TrialArticle:
    raw = path.read_text(encoding="utf-8")
    docid = re.search(r"<DOCID>(.*?)</DOCID>", raw).group(1).strip()
    dct = date.fromisoformat(re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d\d-\d\d)', raw).group(1))
    headline = html.unescape(re.search(r"<EXTRAINFO>(.*?)</EXTRAINFO>", raw, re.DOTALL).group(1).strip())
    text = headline + "\n\n"
    tokens, events = {}, {}
    double_open = single_open = False  # a quotation may run over sentences
    for number, body in SENTENCE.findall(raw):
        n = int(number)
        words = html.unescape(TAG.sub("", body)).split()
        # The gold's words are the tokens inside <EVENT>: count the tokens before each.
        inside, count = [], 0
        for piece in re.split(r"(<EVENT[^>]*>|</EVENT>)", body):
            if piece.startswith("<EVENT"):
                inside.append(count)
            elif not piece.startswith("</EVENT"):
                count += len(html.unescape(TAG.sub("", piece)).split())
        placed: list[tuple[str, int, int, bool]] = []  # token, start, end, opens a quotation
        for i, word in enumerate(words):
            following = words[i + 1] if i + 1 < len(words) else ""
            shown, opening = word, False
            if word in {'"', "``", "''"}:
                shown = '"'
                opening = word == "``" or (word == '"' and not double_open)
                double_open = opening
                glue_left = not opening
            elif word == "'" and (following == "s" or single_open or (i and words[i - 1].endswith("s"))):
                glue_left, single_open = True, False  # a possessive ("Beatles '", "Microsoft ' s") or a closing mark
            elif word == "'":
                opening = single_open = True
                glue_left = False
            else:
                glue_left = _joins_left(word) or (word == "s" and i and words[i - 1] == "'")
            previous_opens = bool(placed) and placed[-1][3]
            glue_after_previous = i and words[i - 1] in {"(", "[", "$", "US$", "£", "€"}
            if i and not glue_left and not glue_after_previous and not previous_opens:
                text += " "
            start = len(text)
            text += shown
            placed.append((word, start, len(text), opening))
        tokens[n] = [(w, a, b) for w, a, b, _ in placed]
        events[n] = inside
        text += "\n\n"
    return TrialArticle(docid, dct, text.rstrip() + "\n", tokens, events)


def read_trial_gold(folder: Path, articles: dict[str, TrialArticle]) -> list[GoldEvent]:
    seen: dict[frozenset, GoldEvent] = {}
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            fields = line.split("\t")
            if len(fields) < 3:
                continue
            mentions = []
            for mention in fields[2:]:
                docid, sentence, word = mention.split("-", 2)
                if docid in articles and (span := mention_span(articles[docid], int(sentence), word)):
                    mentions.append((docid, *span))
            key = frozenset(fields[2:])
            seen.setdefault(key, GoldEvent(fields[1], tuple(mentions)))
    return list(seen.values())


def mention_span(article: TrialArticle, sentence: int, word: str) -> tuple[int, int] | None:
    """Where the gold's word is: the <EVENT> token of that sentence that reads
    it (the first of a multi-word mention such as court_case), else any token."""
    tokens = article.tokens.get(sentence)
    if not tokens:
        return None
    first = word.split("_")[0].lower()
    candidates = [i for i in article.events.get(sentence, []) if i < len(tokens) and tokens[i][0].lower() == first]
    candidates += [i for i, (w, _, _) in enumerate(tokens) if w.lower() == first]
    if not candidates:
        return None
    _, start, end = tokens[candidates[0]]
    return start, end


INCLUDED = {"IS_INCLUDED", "DURING", "SIMULTANEOUS"}


def read_timebank(path: Path) -> tuple[Article, list[GoldEvent]]:
    """A TimeBank article and its events dated by a link to a calendar date:
    a TLINK that puts the event inside (IS_INCLUDED, DURING, SIMULTANEOUS) a
    DATE or TIME of the text, or the document's creation time."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw).group()
    attributes = dict(re.findall(r'(\w+)="([^"]*)"', dct_tag))
    dct = date.fromisoformat(attributes["value"][:10])
    values = {attributes["tid"]: attributes["value"][:10]}
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text, spans = "", {}
    for piece in re.split(r"(<[^>]+>)", body):
        if piece.startswith("<EVENT"):
            spans[re.search(r'eid="(\w+)"', piece).group(1)] = len(text)
        elif piece.startswith("<TIMEX3"):
            a = dict(re.findall(r'(\w+)="([^"]*)"', piece))
            if a.get("type") in ("DATE", "TIME"):
                values[a["tid"]] = a["value"]
        elif not piece.startswith("<"):
            text += html.unescape(piece)
    instances = dict(re.findall(r'<MAKEINSTANCE eventID="(\w+)" eiid="(\w+)"', raw))
    event_of = {eiid: eid for eid, eiid in instances.items()}
    gold = []
    for link in re.findall(r"<TLINK [^>]*>", raw):
        a = dict(re.findall(r'(\w+)="([^"]*)"', link))
        if a.get("relType") in INCLUDED and "eventInstanceID" in a and "relatedToTime" in a:
            eiid, tid = a["eventInstanceID"], a["relatedToTime"]
        elif a.get("relType") == "INCLUDES" and "timeID" in a and "relatedToEventInstance" in a:
            eiid, tid = a["relatedToEventInstance"], a["timeID"]
        else:
            continue
        value, eid = values.get(tid, ""), event_of.get(eiid)
        day = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?![\dWQHSFA])", value)
        if eid in spans and day:
            start = spans[eid]
            end = start + len(re.match(r"\S+", text[start:]).group())
            gold.append(GoldEvent("-".join(g or "XX" for g in day.groups()), ((path.stem, start, end),)))
    unique = {(g.date, g.mentions): g for g in gold}
    return Article(path.stem, dct, text), list(unique.values())


def is_dated(gold: GoldEvent) -> bool:
    return not gold.date.startswith("XXX")


def right_date(value: str | None, gold: str) -> bool:
    """Whether a TIMEX3 value gives the gold's date at the gold's precision."""
    if not value:
        return False
    parts = gold.split("-")
    wanted = "-".join(p for p in parts if "X" not in p)
    if len(wanted) == 10:
        return value[:10] == wanted
    if len(wanted) == 7:
        return re.match(r"\d{4}-\d\d(?!\d)", value) is not None and value[:7] == wanted
    return re.match(r"\d{4}(?![\d])", value) is not None and value[:4] == wanted


def extraction_entries(article: Article, gazetteer) -> list[Entry]:
    result = extract(article.text, article.docid, article.dct, OUTLET, gazetteer)
    return [Entry(e.start, e.end, e.date.value, e.date.mod == "ON_OR_BEFORE", e.passages) for e in result.events]


def baseline_entries(article: Article) -> list[Entry]:
    found = [t for t in dates.find(article.text, article.dct) if t.type in ("DATE", "TIME") and t.value and t.value[:1].isdigit()]
    entries = []
    for sentence in reading.sentences(article.text, reading.load_rules()):
        timex = next((t for t in found if sentence.start <= t.start < sentence.end), None)
        if timex:
            entries.append(Entry(sentence.start, sentence.end, timex.value))
    return entries


@dataclass
class Score:
    dated_gold: int = 0
    found: int = 0
    right: int = 0
    entries: int = 0
    entries_with_gold: int = 0
    pairs: int = 0
    pairs_right: int = 0
    pairs_on_or_before: int = 0


def score(articles: dict[str, Article], gold: list[GoldEvent], entries: dict[str, list[Entry]], errors: Counter | None = None) -> Score:
    s = Score()
    holding: dict[tuple[str, int], set[int]] = {}
    for g_index, g in enumerate(gold):
        held = [
            (docid, i, entry)
            for docid, a, b in g.mentions
            for i, entry in enumerate(entries.get(docid, []))
            if entry.holds(a, b)
        ]
        for docid, i, _ in held:
            holding.setdefault((docid, i), set()).add(g_index)
        if not is_dated(g):
            continue
        s.dated_gold += 1
        s.found += bool(held)
        s.right += any(right_date(e.value, g.date) and not e.on_or_before for _, _, e in held)
    for docid, listed in entries.items():
        s.entries += len(listed)
        for i, entry in enumerate(listed):
            held = holding.get((docid, i), set())
            s.entries_with_gold += bool(held)
            for g_index in held:
                g = gold[g_index]
                if not is_dated(g):
                    continue
                s.pairs += 1
                ok = right_date(entry.value, g.date) and not entry.on_or_before
                s.pairs_right += ok
                s.pairs_on_or_before += entry.on_or_before
                if errors is not None and not ok:
                    a, b = entry.start, entry.end
                    text = " ".join(articles[docid].text[a:b].split())
                    errors[f"{docid}: gold {g.date}, entry {'by ' if entry.on_or_before else ''}{entry.value}: {text[:150]}"] += 1
    return s


@dataclass
class CrossScore:
    multi_gold: int = 0  # gold events with mentions in two or more articles
    merged: int = 0  # ... that one entry holds in two or more articles
    held_apart: int = 0  # ... that the articles' entries hold in two or more articles at all: what merging can reach
    cross_entries: int = 0  # entries with passages from two or more articles
    wrong: int = 0  # ... joining passages of gold events whose dates disagree
    examples: tuple[str, ...] = ()


def cross_score(articles: dict[str, Article], gold: list[GoldEvent], gazetteer) -> CrossScore:
    ordered = sorted(articles.values(), key=lambda a: (a.dct, a.docid))
    found = combine.combine(
        [combine.Article(a.docid, a.docid, OUTLET, a.text) for a in ordered],
        [extract(a.text, a.docid, a.dct, OUTLET, gazetteer) for a in ordered])
    s = CrossScore()
    held: list[list[tuple[str, set[int]]]] = []  # per entry: (article, gold events its passage there holds)
    for entry in found.entries:
        tellings = []
        for t in entry.tellings:
            e = Entry(t.event.start, t.event.end, t.event.date.value, passages=t.event.passages)
            tellings.append((t.source, {i for i, g in enumerate(gold) for d, a, b in g.mentions if d == t.source and e.holds(a, b)}))
        held.append(tellings)
    for i, g in enumerate(gold):
        if len({d for d, _, _ in g.mentions}) < 2:
            continue
        s.multi_gold += 1
        s.merged += any(len({d for d, golds in tellings if i in golds}) >= 2 for tellings in held)
        s.held_apart += len({d for tellings in held for d, golds in tellings if i in golds}) >= 2
    examples = []
    for entry, tellings in zip(found.entries, held):
        if len({d for d, _ in tellings}) < 2:
            continue
        s.cross_entries += 1
        dated = [(d, {gold[i].date for i in golds if is_dated(gold[i])}) for d, golds in tellings]
        if any(d1 != d2 and a and b and not any(_agree(x, y) for x in a for y in b) for d1, a in dated for d2, b in dated):
            s.wrong += 1
            examples.append(f"{entry.id}: " + "; ".join(f"{d} {sorted(a)}" for d, a in dated))
    s.examples = tuple(examples)
    return s


def _agree(a: str, b: str) -> bool:
    """Two gold dates agree where both are known (2010-06-XX and 2010-06-07 do)."""
    return all(x == y or "X" in x or "X" in y for x, y in zip(a.split("-"), b.split("-")))


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "n/a"


def report(name: str, s: Score) -> None:
    print(f"{name}:")
    print(f"  dated gold events found in an entry's passage    {_share(s.found, s.dated_gold)}")
    print(f"  ... found with the right date                     {_share(s.right, s.dated_gold)}")
    print(f"  date accuracy of entries holding a gold event     {_share(s.pairs_right, s.pairs)}"
          f"  (pairs dated 'on or before': {s.pairs_on_or_before})")
    print(f"  entries proposed {s.entries}; holding a gold event {_share(s.entries_with_gold, s.entries)}")


def run(name: str, articles: dict[str, Article], gold: list[GoldEvent], show_errors: int, runs: int, cross: bool = False) -> None:
    gazetteer = places.gazetteer({})
    extracted = {d: extraction_entries(a, gazetteer) for d, a in articles.items()}
    baseline = {d: baseline_entries(a) for d, a in articles.items()}
    errors: Counter = Counter()
    ours, plain = score(articles, gold, extracted, errors), score(articles, gold, baseline)
    print(f"== {name}: {len(articles)} articles, {ours.dated_gold} dated gold events")
    report("timeline extract", ours)
    report("baseline (one entry per sentence with a calendar date)", plain)
    ratio = ours.right / plain.right if plain.right else float("inf")
    print(f"dated gold events found with the right date, extract over baseline: {ratio:.2f}x")
    size = sum(len(a.text.encode("utf-8")) for a in articles.values()) / 1e6
    times = []
    for _ in range(runs):
        started = time.process_time()
        for a in articles.values():
            extract(a.text, a.docid, a.dct, OUTLET, gazetteer)
        times.append(time.process_time() - started)
    print(f"throughput: {size / statistics.median(times):.2f} MB/s on one core (median of {runs}, {size * 1e3:.0f} KB)")
    if cross:
        c = cross_score(articles, gold, gazetteer)
        print("across articles (one entry per happening):")
        print(f"  multi-article gold events one entry holds in >= 2 articles  {_share(c.merged, c.multi_gold)}")
        print(f"  ... of those the articles' entries hold in >= 2 articles    {_share(c.merged, c.held_apart)}")
        print(f"  wrong merges (gold dates disagree) of cross-article entries  {_share(c.wrong, c.cross_entries)}")
        for line in c.examples[:show_errors]:
            print(f"    {line}")
    if show_errors:
        print(f"wrongly dated entries ({sum(errors.values())}), first {show_errors}:")
        for line, _ in errors.most_common(show_errors):
            print(f"  {line}")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="the trial corpus (e.g. ../shared/semeval2015-trial)")
    parser.add_argument("--timebank", type=Path, metavar="DIR", help="also score TimeBank's dated events (e.g. ../shared/timebank)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N of extraction's wrongly dated entries")
    parser.add_argument("--runs", type=int, default=3, help="timed runs for the throughput median (default 3)")
    args = parser.parse_args()
    paths = sorted((args.folder / "articles").glob("*.tml"))
    if not paths:
        print(f"timeline_score: no articles in {args.folder / 'articles'}", file=sys.stderr)
        return 1
    trial = {a.docid: a for a in map(read_trial_article, paths)}
    run("SemEval-2015 trial", trial, read_trial_gold(args.folder / "timelines", trial), args.errors, args.runs, cross=True)
    if args.timebank:
        read = [read_timebank(p) for p in sorted(args.timebank.glob("*.tml"))]
        articles = {a.docid: a for a, _ in read}
        run("TimeBank (events linked to a date)", articles, [g for _, gold in read for g in gold], args.errors, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
