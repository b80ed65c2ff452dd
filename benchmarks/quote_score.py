"""How well `timeline extract` finds quotations and names their speakers in
news it was not tuned on, against a hand-checked gold set.

    python benchmarks/quote_score.py ../shared [--split dev|test|all] [--errors N]

The argument is the shared folder that holds timebank/ (TimeBank 1.2, .tml)
and semeval2015-trial/articles/ (SemEval-2015 Task 4 trial, Wikinews). The
gold is benchmarks/gold/ (see its README): quotes.jsonl, one line for each
pair of quotation marks in the articles, and articles.jsonl, every article
with its split and whether it is fully annotated. Develop on --split dev;
report --split test.

Each article is read as the other benchmarks read it (TimeBank: the text
inside <TEXT>, tags removed, entities decoded; trial: the tokens turned back
into prose) and given to `generator.extract.extract` with its creation date,
outlet None for TimeBank and "Wikinews" for the trial. Extraction never sees
the gold.

A gold item's span starts where its anchor (the first words inside the marks)
lies in the text and runs to the closing mark. An extracted quote matches a
gold item when the spans overlap.

Figures:
- quotations found: gold quotations (quotation=true) matched by an extracted
  quote;
- false quotations: extracted quotes that match only gold items that are not
  quotations (scare quotes, titles, names, words mentioned as words), and,
  apart, extracted quotes that match no gold item at all in a fully
  annotated article;
- named speakers right: of the found quotations whose speaker the article
  names (a person, or a named body: "the White House", "Upjohn"), the share
  where extraction names the same one: last names agree case-insensitively
  once titles (Mr., Dr., Gen., President ...) are dropped, the extracted name
  may be the full or the last name, given names agree when both are there,
  and it is not the full name of another speaker in the article;
- described speakers right: of the found quotations by someone the article
  does not name ("a company spokesman"), the share where extraction gives a
  description with the same head noun ("spokesman"), not a name;
- channels right: of the gold quotations whose channel the article states,
  the share whose extracted channel holds the gold channel's head word
  ("statement", "interview", "conference"); also of those found.

`--errors N` prints up to N wrong speakers, N missed quotations and N false
quotations, each with its article and anchor.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCHMARKS))

from extract_seed import timebank_article  # noqa: E402
from timeline_score import OUTLET, read_trial_article  # noqa: E402

from generator import places  # noqa: E402
from generator.extract import extract  # noqa: E402

GOLD = BENCHMARKS / "gold"
NO_CHANNEL = {None, "", "not stated in the article"}
OPENING = {"``": "''", '"': '"', "\u201c": "\u201d"}
TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame", "lord", "gen", "general", "lt", "col", "colonel",
    "sgt", "capt", "captain", "adm", "admiral", "maj", "sen", "senator", "rep", "representative", "gov", "governor",
    "president", "vice", "secretary", "minister", "prime", "chancellor", "ambassador", "judge", "justice", "chief",
    "chairman", "chairwoman", "king", "queen", "prince", "princess", "crown", "sheikh", "rev", "father", "pope",
    "mayor", "detective", "superintendent", "officer", "spokesman", "spokeswoman", "analyst", "four-star",
    "jr", "sr", "ii", "iii", "iv", "the",
    "corp", "inc", "co", "cos", "ltd", "plc", "llc", "ag", "sa", "s.a", "nv", "n.v", "amp", "&",
}
NOT_HEAD = {"to", "of", "for", "with", "from", "in", "at", "on", "who", "that", "familiar", "close", "involved", "speaking", "said",
            "says", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "earlier", "later"}
SAME_HEAD = {"spokeswoman": "spokesman", "spokesperson": "spokesman", "officials": "official"}
CHANNEL_WORDS = {"television": ("television", "tv", "abc", "cbs", "cnn", "nbc", "channel"), "radio": ("radio",)}


@dataclass(frozen=True)
class Item:
    corpus: str
    article: str
    split: str
    anchor: str
    quotation: bool
    speaker: str | None
    named: bool
    channel: str | None
    organisation: bool = False
    aliases: tuple[str, ...] = ()
    start: int = 0
    end: int = 0


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    not_quotations: int = 0
    false_on_marks: int = 0
    false_unmarked: int = 0
    extracted: int = 0
    named: int = 0
    named_right: int = 0
    stray: int = 0  # right, with stray words stuck to the name
    bodies: int = 0  # of the named: organisations, governments, papers
    bodies_right: int = 0
    described: int = 0
    described_right: int = 0
    channels: int = 0
    channels_found: int = 0
    channels_right: int = 0
    channels_unstated: int = 0  # found quotations given a channel where the gold has none
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    strays: list[str] = field(default_factory=list)


def after_mark(text: str, at: int) -> str | None:
    """The opening mark just before `at` (spaces between allowed), if any."""
    before = text[:at].rstrip(" ")
    for mark in OPENING:
        if before.endswith(mark):
            return mark
    return None


def locate(text: str, anchor: str, occurrence: int | None = None) -> int | None:
    """Where the anchor starts: its only occurrence, or else its only
    occurrence right after an opening quotation mark; with `occurrence`,
    the one of that number (from 0) among those right after a mark."""
    hits = [m.start() for m in re.finditer(re.escape(anchor), text)]
    if occurrence is not None:
        marked = [h for h in hits if after_mark(text, h)]
        return marked[occurrence] if occurrence < len(marked) else None
    if len(hits) > 1:
        hits = [h for h in hits if after_mark(text, h)]
    return hits[0] if len(hits) == 1 else None


def quote_end(text: str, start: int) -> int:
    """The closing mark of the quotation whose text starts at `start`."""
    mark = after_mark(text, start) or '"'
    ends = [i for i in (text.find(OPENING[mark], start), text.find(mark, start) if mark != '"' else -1) if i >= 0]
    return min(ends) if ends else len(text)


def read_articles(shared: Path) -> dict[tuple[str, str], tuple[str, date]]:
    """(corpus, article) -> (text, creation date), for every article of both corpora."""
    found = {}
    for path in sorted((shared / "timebank").glob("*.tml")):
        text, dct = timebank_article(path)
        found["timebank", path.stem] = (text, dct)
    for path in sorted((shared / "semeval2015-trial" / "articles").glob("*.tml")):
        article = read_trial_article(path)
        found["trial", article.docid] = (article.text, article.dct)
    return found


def read_gold(texts: dict[tuple[str, str], tuple[str, date]], gold: Path = GOLD) -> tuple[list[Item], list[dict]]:
    articles = [json.loads(line) for line in (gold / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    items = []
    for line in (gold / "quotes.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text, _ = texts[row["corpus"], row["article"]]
        start = locate(text, row["anchor"], row.get("occurrence"))
        if start is None:
            raise ValueError(f"anchor not found once in {row['corpus']}/{row['article']}: {row['anchor']!r}")
        end = text.index(row["until"], start) + len(row["until"]) if "until" in row else quote_end(text, start)
        items.append(Item(row["corpus"], row["article"], row["split"], row["anchor"], row["quotation"], row["speaker"],
                          row["named"], row["channel"], row.get("organisation", False), tuple(row.get("aliases", ())), start, end))
    return items, articles


def _words(name: str) -> list[str]:
    name = re.sub(r"['\u2019]s\b", "", name.lower())
    words = [w.strip(".,;:()\"") for w in name.split()]
    return [w for w in words if w and w not in TITLES]


def same_person(gold: str, extracted: str | None, others: set[str], aliases: tuple[str, ...] = ()) -> tuple[bool, bool]:
    """(whether the extracted name names the gold speaker, whether it does so
    cleanly). It names them when it is one of the gold's names (the full
    name, an alias the gold lists) or ends in the gold's last name, and it is
    not another speaker's name ("Saddam Hussein" is not King Hussein). It is
    clean unless words other than the gold's own stick to it ("Competition
    Neelie Kroes"). A gold "X and Y" takes either."""
    if not extracted:
        return False, False
    mine = _words(extracted)
    full = " ".join(mine)
    names = [" ".join(_words(g)) for g in (*gold.split(" and "), *aliases)]
    for other in others - set(names):
        if full == other or " " in other and full.endswith(" " + other):
            return False, False  # someone else's name
    if not mine:
        return False, False
    if full in names:
        return True, True
    for one in gold.split(" and "):
        theirs = _words(one)
        if theirs and mine[-1] == theirs[-1]:
            stray = len(theirs) > 1 and any(
                w not in theirs and not (len(w) == 1 and any(t.startswith(w) for t in theirs)) for w in mine[:-1])
            return True, not stray
    return False, False


def head(description: str) -> str:
    """The head noun of a description: "a Sun spokesman" -> "spokesman",
    "the Iraqi ambassador to Greece" -> "ambassador"."""
    words = []
    for word in re.sub(r"['\u2019]s\b", "", description).split():
        if word.lower() in NOT_HEAD or word.startswith("("):
            break
        words.append(word.strip(".,;:\"").lower())
    word = words[-1] if words else ""
    return SAME_HEAD.get(word, word)


def same_description(gold: str, extracted: str | None) -> bool:
    if not extracted:
        return False
    mine, theirs = head(extracted), head(gold)
    return bool(mine) and (mine == theirs or mine.rstrip("s") == theirs.rstrip("s"))


def same_channel(gold: str, extracted: str | None) -> bool:
    if extracted in NO_CHANNEL:
        return False
    word = gold.lower().split()[-1]
    return any(w in extracted.lower() for w in CHANNEL_WORDS.get(word, (word.rstrip("s"),)))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def score(texts, items: list[Item], articles: list[dict], split: str) -> Score:
    s = Score()
    gazetteer = places.gazetteer({})
    chosen = [a for a in articles if split == "all" or a["split"] == split]
    for article in chosen:
        key = article["corpus"], article["article"]
        text, dct = texts[key]
        result = extract(text, article["article"], dct, OUTLET if article["corpus"] == "trial" else None, gazetteer)
        gold = [i for i in items if (i.corpus, i.article) == key]
        others = {" ".join(_words(one)) for i in gold if i.quotation and i.named for one in i.speaker.split(" and ")}
        s.extracted += len(result.quotes)
        for quote in result.quotes:
            hit = [i for i in gold if _overlap((quote.start, quote.end), (i.start, i.end)) > 0]
            where = f"{article['article']}: extracted {quote.text[:60]!r} ({quote.speaker})"
            if hit and not any(i.quotation for i in hit):
                s.false_on_marks += 1
                s.false.append(f"{where} -- marks that are not a quotation ({hit[0].anchor!r})")
            elif not hit and article.get("fully_annotated", True):
                s.false_unmarked += 1
                s.false.append(f"{where} -- no gold quotation there")
        for item in gold:
            if not item.quotation:
                s.not_quotations += 1
                continue
            s.gold += 1
            matches = sorted(result.quotes, key=lambda q: -_overlap((q.start, q.end), (item.start, item.end)))
            match = matches[0] if matches and _overlap((matches[0].start, matches[0].end), (item.start, item.end)) > 0 else None
            where = f"{item.article}: {item.anchor!r}"
            if item.channel:
                s.channels += 1
            if match is None:
                s.missed.append(f"{where} -- missed (gold speaker {item.speaker})")
                continue
            s.found += 1
            if item.named:
                s.named += 1
                right, clean = same_person(item.speaker, match.speaker, others, item.aliases)
                s.named_right += right
                if right and not clean:
                    s.stray += 1
                    s.strays.append(f"{where} -- gold {item.speaker!r}, extracted {match.speaker!r}")
                if item.organisation:
                    s.bodies += 1
                    s.bodies_right += right
            else:
                s.described += 1
                right = same_description(item.speaker, match.speaker)
                s.described_right += right
            if not right:
                s.wrong.append(f"{where} -- gold {item.speaker!r}, extracted {match.speaker!r}")
            if item.channel:
                s.channels_found += 1
                if same_channel(item.channel, match.channel):
                    s.channels_right += 1
            elif match.channel not in NO_CHANNEL:
                s.channels_unstated += 1
    return s


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


def report(s: Score, articles: int, split: str) -> None:
    print(f"split {split}: {articles} articles, {s.gold} gold quotations, {s.not_quotations} marks that are not quotations; "
          f"extraction proposed {s.extracted} quotes")
    print(f"  quotations found                 {_share(s.found, s.gold)}")
    print(f"  false quotations                 {s.false_on_marks} on marks that are not quotations (of {s.not_quotations}); "
          f"{s.false_unmarked} where no gold item is")
    print(f"  named speakers right             {_share(s.named_right, s.named)}: people "
          f"{_share(s.named_right - s.bodies_right, s.named - s.bodies)}, organisations {_share(s.bodies_right, s.bodies)}; "
          f"{s.stray} of the right with stray words stuck to the name")
    print(f"  described speakers right         {_share(s.described_right, s.described)}")
    print(f"  speakers right, all found        {_share(s.named_right + s.described_right, s.found)}")
    print(f"  quotations found, speaker right  {_share(s.named_right + s.described_right, s.gold)}")
    print(f"  channels right                   {_share(s.channels_right, s.channels)} (of those found: {_share(s.channels_right, s.channels_found)}); "
          f"a channel given where the article states none: {s.channels_unstated}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shared", type=Path, help="the folder holding timebank/ and semeval2015-trial/ (e.g. ../shared)")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev", help="which articles to score (default dev)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N wrong speakers, missed and false quotations")
    args = parser.parse_args()
    started = time.perf_counter()
    texts = read_articles(args.shared)
    if not texts:
        print(f"quote_score: no articles under {args.shared}", file=sys.stderr)
        return 1
    items, articles = read_gold(texts)
    s = score(texts, items, articles, args.split)
    chosen = sum(args.split == "all" or a["split"] == args.split for a in articles)
    report(s, chosen, args.split)
    if args.errors:
        for title, lines in (("wrong speakers", s.wrong), ("missed quotations", s.missed), ("false quotations", s.false),
                             ("right speakers with stray words", s.strays)):
            print(f"{title} ({len(lines)}), first {min(args.errors, len(lines))}:")
            for line in lines[:args.errors]:
                print(f"  {line}")
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
