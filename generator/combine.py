"""Many articles, one timeline: the stage after each article's extraction.

Each article's extraction already holds one event per happening it tells.
Here the events of different articles that tell the same happening become
one entry citing every source, each with its own passage, date and
certainty. Two tellings are the same happening when all of these hold (the
rule the about page gives in words):

- their dates agree at their precision: one lies within the other (Monday
  12 December lies within December 2016; "by 13 December" holds the month's
  days up to it); a date counted back from the report ("less than two
  weeks ago") is only as exact as half its unit; a day or a month within a
  year given alone, and dates a day apart, agree only when the rest matches
  closely (a day apart, the entry then says the accounts differ);
- they share enough of the words that say what happened (at least
  MIN_SHARED content words, two when one telling says it in five words and
  both are of the same particular kind, and a third of the shorter telling's);
- they are of the same kind (a bombing is not a capture), unless either is
  of no particular kind or they share most of their words (CLOSE_SHARE);
- they share a place or an actor (a name both passages use, or a title
  that says whom a "he" stands for), unless neither names anyone and they
  share most of their words;
- each telling's title and first passage hold two of the words they share
  (what an entry only adds in a further passage, "It came days after the
  Security Council passed sanctions", joins it to nothing);
- where both titles open with a name (the doer, or the speaker), one
  telling names the other's ("Tomas Lind crashed" and "Marco Vela crashed"
  on one track on one day are two crashes).

An article's own extraction has already joined what it tells twice; what
it still keeps apart, another article may join: when a telling matches two
entries of one article, or a second telling of an article matches the
other articles of the entry that holds its first, that article told one
happening twice, and the entry keeps both passages as its one telling.

Nothing is averaged or silently picked: where tellings give different
dates in their own words, numbers for one thing none of which they share
(a death toll, an age) or certainty, the entry keeps each and says how
they differ. An entry is *confirmed* only when at least two independent
outlets report it in their own voice: two articles of one outlet are one
outlet, and an article that gives it on another outlet's word (according to
Reuters) is not independent of it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from generator import dates
from generator.dating import FoundDate
from generator.extract import Extraction, FoundEvent, FoundQuote
from generator.model import MAX_ID, ON_OR_BEFORE

MIN_SHARED = 3  # content words two tellings of one happening share, at least
# ... or two, for a telling of five words or fewer ("Jobs resigned from his post
# as CEO") when both are of the same particular kind
MIN_SHARED_SHORT, SHORT = 2, 5
SHARED_SHARE = 1 / 3  # ... and this share of the shorter telling's
CLOSE_SHARE = 0.6  # dates a day apart: the share the words must reach
# "By 13 December" (it had happened by the report) holds the days of the
# month before it: news tells what is recent, and background is dated.
BY_REACH = timedelta(days=31)
YEAR = timedelta(days=364)  # a date given only as a year: it holds a day of it only when the words match closely
# "Two weeks ago", "a month ago": counted back from the day of the report, so
# only as exact as half their unit (reports are written days apart).
COUNTED_BACK = re.compile(r"\bago\b", re.IGNORECASE)
HALF_UNIT = {"week": timedelta(days=3), "month": timedelta(days=15), "year": timedelta(days=182)}
GENERIC_KINDS = frozenset({"event", "statement"})  # kinds that name no particular happening
WORD = re.compile(r"[A-Za-z][A-Za-z’'-]{2,}")
POSSESSIVE = re.compile(r"['’]s?$")
NAME = re.compile(r"(?<![.!?“\"]\s)(?<!^)(?<!\n)\b[A-Z][a-z]+")
# A name (capitalised words) that opens a title before its verb or a speaker's colon.
DOER = re.compile(r"(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*(?=:|\s+[a-z])")
SENTENCE_OPENING = re.compile(r"(?:^|(?<=[.!?“\"]\s)|(?<=\n))([A-Z][a-z]+)")
# A count and what it counts ("40 civilians", "four people were killed", "21 of the 276 girls": 21 girls), or an age ("a 3-year-old boy").
COUNT_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
               "eleven": "11", "twelve": "12", "twenty": "20"}
NUMBER = re.compile(
    rf"\b(\d[\d,.]*|(?i:{'|'.join(COUNT_WORDS)}))"
    r"(?:\s+of\s+(?:the\s+)?(?:more\s+than\s+|some\s+|about\s+|nearly\s+)?\d[\d,.]*\s+([a-z]{3,})"
    r"|\s+(?:(?:more|people|of|the|other)\s+){0,2}([a-z]{3,})|-(year-old))"
)
COMMON = frozenset("""
the and for that with from this have has had was were are been being will would could should said says say
its their there they them then than what when where which who whom whose while into onto over under after
before about against between during without within also more most other some such only very just like
not but all any each few many much own same both either neither nor one two three new first last
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december today yesterday tomorrow week weeks month months year years
day days night morning evening afternoon time times told according reported report reports ago less
saying stated stating states adds added
his her hers him she he himself herself our ours your yours who also now still
""".split())
NOT_NAMES = frozenset(w.capitalize() for w in COMMON) | {"The", "A", "An", "In", "On", "At", "But", "And", "It", "He", "She", "They", "We", "I"}


@dataclass(frozen=True)
class Telling:
    """One source's account of a happening."""

    file: str  # the path as given
    source: str  # the source's id
    outlet: str | None
    event: FoundEvent  # its passage (offsets into the source's text), date, certainty, quotes (ids as written)

    def as_json(self) -> dict:
        e = self.event
        return {
            "file": self.file, "source": self.source, "outlet": self.outlet, "start": e.start, "end": e.end,
            "passage": e.passage, "passages": [{"start": a, "end": b} for a, b in e.passages or ((e.start, e.end),)],
            "date": e.date.as_json(), "certainty": e.certainty, "according_to": e.according_to,
        }


@dataclass(frozen=True)
class Entry:
    """One happening across articles: its first telling names it."""

    id: str  # the first telling's, unless an entry before it has that id
    tellings: tuple[Telling, ...]
    certainty: str
    according_to: str | None
    differ: tuple[str, ...]  # how the accounts differ, in words
    why: tuple[str, ...]  # why each later telling joined, in words

    @property
    def first(self) -> FoundEvent:
        return self.tellings[0].event

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.source for t in self.tellings))

    @property
    def quotes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q for t in self.tellings for q in t.event.quotes))

    def as_json(self) -> dict:
        e = self.first
        return {
            "id": self.id, "title": e.title, "kind": e.kind, "date": e.date.as_json(), "places": list(self.places()),
            "start": e.start, "end": e.end, "passage": e.passage, "quotes": list(self.quotes),
            "certainty": self.certainty, "according_to": self.according_to,
            "passages": [{"start": a, "end": b} for a, b in e.passages],
            "sources": list(self.sources), "evidence": [t.as_json() for t in self.tellings],
            "accounts_differ": list(self.differ), "merged_because": list(self.why),
        }

    def places(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for t in self.tellings for p in t.event.places))


@dataclass(frozen=True)
class Article:
    """What combining needs of an article: where it was read, its id, who published it."""

    file: str
    source: str
    outlet: str | None
    text: str


@dataclass(frozen=True)
class Timeline:
    entries: tuple[Entry, ...]
    quotes: tuple[tuple[str, FoundQuote], ...]  # (source id, quote), ids unique across the articles


def combine(articles: list[Article], extractions: list[Extraction]) -> Timeline:
    """One entry per happening across the articles, in the order the
    articles were given and each article's own order."""
    quotes, renamed = _unique_quotes(articles, extractions)
    groups: list[_Group] = []
    by_word: dict[str, set[int]] = defaultdict(set)  # a content word -> the groups (by index) that hold it
    for article, extraction in zip(articles, extractions):
        known = names_in(article.text)
        for event in extraction.events:
            event = replace(event, quotes=tuple(renamed[article.source].get(q, q) for q in event.quotes))
            telling = Telling(article.file, article.source, article.outlet, event)
            this = _told(event, article.text, known)
            near = [groups[i] for i in sorted({i for w in this.words for i in by_word.get(w, ())}) if not groups[i].folded]
            matching = _matching(near, this, article.source)
            if matching:
                best = _join(matching, telling, this)
            else:
                best = _Group(this, [telling], [this], index=len(groups))
                groups.append(best)
            for w in best.told.words:
                by_word[w].add(best.index)
    entries, taken = [], set()
    for group in (g for g in groups if not g.folded):
        entry = _entry(group)
        if entry.id in taken:
            entry = replace(entry, id=f"{entry.id}-{entry.tellings[0].source}"[: MAX_ID].rstrip("-_"))
        taken.add(entry.id)
        entries.append(entry)
    return Timeline(tuple(entries), quotes)


def _join(matching: list[tuple[_Group, str]], telling: Telling, this: Told) -> _Group:
    """Joins a telling to the group it matches best; a group of one article
    it also matches is that article's second telling of the happening."""
    best, why = matching[0]
    who = _who(telling)
    if telling.source in best.sources():
        best.why.append(f"{who} tells it again in another passage: {why}")
        best.fold(telling, this)
        return best
    best.why.append(f"{who} tells the same happening: {why}")
    best.add(telling, this)
    for twice, why_too in matching[1:]:
        if len(twice.sources()) == 1 and twice.sources() <= best.sources():
            best.why.append(f"{_who(twice.tellings[0])} tells it again in another passage, which {who} also matches: {why_too}")
            for t, told in zip(twice.tellings, twice.tolds):
                best.fold(t, told)
            twice.folded = True
    return best


@dataclass(frozen=True)
class Told:
    """What matching compares of a telling, or of an entry's tellings so far."""

    kind: str
    date: FoundDate
    places: frozenset[str]
    words: frozenset[str]  # stems of the words that say what happened
    names: frozenset[str]  # the actors: names in the passages, and the places
    doers: frozenset[str] = frozenset()  # the name its title opens with ("Kimi Raikkonen crashed"), if any
    heads: frozenset[str] = frozenset()  # the words of its title and first passage: what it tells, not what it adds
    spelled: dict[str, str] = field(default_factory=dict, compare=False)  # a stem -> a word it stands for, to explain a merge


@dataclass(eq=False)
class _Group:
    told: Told  # all its tellings' together
    tellings: list[Telling]
    tolds: list[Told]  # each telling's
    why: list[str] = field(default_factory=list)
    index: int = 0
    key: str = ""  # the id of an entry already written
    folded: bool = False  # its tellings are passages of another group's now

    def sources(self) -> set[str]:
        return {t.source for t in self.tellings}

    def add(self, telling: Telling, told: Told) -> None:
        self.tellings.append(telling)
        self.tolds.append(told)
        self.told = _joined(self.told, told)

    def fold(self, telling: Telling, told: Told) -> None:
        """A further telling of an article the group holds: a passage of that article's telling."""
        i = next(i for i, t in enumerate(self.tellings) if t.source == telling.source)
        kept, more = sorted((self.tellings[i], telling), key=_precision_first)
        kept, more = kept.event, more.event
        first, *rest = kept.passages or ((kept.start, kept.end),)
        passages = (first, *sorted(set(rest) | set(more.passages or ((more.start, more.end),)) - {first}))
        self.tellings[i] = replace(telling, event=replace(kept, passages=passages, quotes=tuple(dict.fromkeys(kept.quotes + more.quotes))))
        self.tolds[i] = _joined(self.tolds[i], told)
        self.told = _joined(self.told, told)


def told(kind: str, found: FoundDate, places: tuple[str, ...], title: str, passages: list[str]) -> Told:
    """What matching compares of an entry given by its fields: one an editor
    wrote, when a new article is added to a timeline."""
    text = " ".join(passages)
    event = FoundEvent("", title, kind, found, places, 0, len(text), text, (), "reported", None, ((0, len(text)),))
    return _told(event, text)


def best_match(entries: list[tuple[str, Told]], new: Told) -> tuple[str, str] | None:
    """The id of the entry `new` tells the happening of, and why; None when none."""
    found = _matching([_Group(t, [], [], key=entry_id) for entry_id, t in entries], new, "")
    return (found[0][0].key, found[0][1]) if found else None


def _matching(groups: list[_Group], new: Told, source: str) -> list[tuple[_Group, str]]:
    """The groups whose happening `new` tells, and why, the closest first.
    A group that holds a telling of the same article is compared only with
    its other articles' tellings: the article's own extraction kept them apart."""
    found = []
    for group in groups:
        if source in group.sources():
            others = [told for t, told in zip(group.tellings, group.tolds) if t.source != source]
            if not others:
                continue
            known = others[0]
            for told in others[1:]:
                known = _joined(known, told)
        else:
            known = group.told
        why, score = _same_happening(known, new)
        if why:
            found.append((score, group.index, group, why))
    found.sort(key=lambda f: (-f[0], f[1]))
    return [(group, why) for _, _, group, why in found]


def _joined(first: Told, more: Told) -> Told:
    return replace(first, places=first.places | more.places, words=first.words | more.words, names=first.names | more.names,
                   doers=first.doers | more.doers, heads=first.heads | more.heads, spelled=more.spelled | first.spelled)


def _told(event: FoundEvent, text: str, names_in_text: frozenset[str] = frozenset()) -> Told:
    passages = [text[a:b] for a, b in event.passages or ((event.start, event.end),)]
    spelled = _content_words(f"{event.title} {passages[0]}")
    heads = frozenset(spelled)
    spelled = _content_words(" ".join(passages[1:]), spelled)
    # The title names whom a "he" of the passage stands for ("He fought cancer": "Steve Jobs fought cancer").
    names = frozenset(n for p in [event.title] + passages for n in _names(p, names_in_text)) | frozenset(event.places)
    return Told(event.kind, event.date, frozenset(event.places), frozenset(spelled), names, _doers(event.title) & names, heads, spelled)


def _content_words(told: str, spelled: dict[str, str] | None = None) -> dict[str, str]:
    """The stems of the words that say what happened, each with a word it
    stands for (the first met: those of `spelled`, words already read)."""
    spelled = dict(spelled or {})
    for word in WORD.findall(told):
        word = POSSESSIVE.sub("", word.lower())  # Apple's is Apple
        if word not in COMMON:
            spelled.setdefault(word[:6], word)
    return spelled


def _doers(title: str) -> frozenset[str]:
    """The words of the name a title opens with: its doer or its speaker
    (not "A New York man")."""
    opening = DOER.match(title)
    return frozenset(opening.group().split()) if opening and not re.match(r"An?\s", title) else frozenset()


def _names(text: str, known: frozenset[str]) -> set[str]:
    """The capitalised words of `text` that are names: those inside a
    sentence, and those opening one that the article writes capitalised
    inside a sentence elsewhere ("Jobs resigned" after "Steve Jobs said")."""
    inside = {n for n in NAME.findall(text) if n not in NOT_NAMES}
    opening = {w for w in SENTENCE_OPENING.findall(text) if w in known}
    return inside | opening


def names_in(text: str) -> frozenset[str]:
    return frozenset(NAME.findall(text)) - NOT_NAMES


def _same_happening(known: Told, new: Told) -> tuple[str, float]:
    """Why `new` tells the happening `known` tells (empty when it does not), and how closely."""
    shared = known.words & new.words
    shorter = min(len(known.words), len(new.words))
    share = len(shared) / max(1, shorter)
    brief = shorter <= SHORT and known.kind == new.kind and known.kind not in GENERIC_KINDS
    if len(shared) < (MIN_SHARED_SHORT if brief else MIN_SHARED) or share < SHARED_SHARE:
        return "", 0.0
    close = share >= CLOSE_SHARE
    if known.kind != new.kind and not {known.kind, new.kind} & GENERIC_KINDS and not close:
        return "", 0.0
    places, actors = known.places & new.places, known.names & new.names
    if not places and not actors and (known.names or new.names or not close):
        return "", 0.0
    if len(known.heads & new.words) < MIN_SHARED_SHORT or len(new.heads & known.words) < MIN_SHARED_SHORT:
        return "", 0.0  # what one of them only adds in a further passage ("after the Security Council passed sanctions")
    if known.doers and new.doers and not known.doers & new.names and not new.doers & known.names:
        return "", 0.0  # "Felipe Massa crashed", "Kimi Raikkonen crashed": two doers, two happenings, though on one track
    agree = _dates_agree(known.date, new.date)
    if agree is None or (agree != "agree" and share < CLOSE_SHARE):
        return "", 0.0
    who = f"in {', '.join(sorted(places))}" if places else f"naming {', '.join(sorted(actors)[:3])}" if actors else "neither naming anyone"
    when = {"agree": "the dates agree", "a day apart": "the dates are a day apart", "within the year": "one lies within the year the other gives"}[agree]
    words = sorted(new.spelled.get(stem, stem) for stem in shared)
    return f"{when}, {who}, {len(shared)} words in common ({', '.join(words[:8])}{', …' if len(words) > 8 else ''})", share + 0.1 * bool(places)


def _dates_agree(a: FoundDate, b: FoundDate) -> str | None:
    """"agree" when one date lies within the other, "within the year" when
    that other is a whole year and the one a day or a month of it, "a day
    apart" for two days next to each other, None otherwise (or when either
    is not dated)."""
    span_a, span_b = _span(a), _span(b)
    if span_a is None or span_b is None:
        return None
    (a0, a1), (b0, b1) = span_a, span_b
    if (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1):
        coarse = max(a1 - a0, b1 - b0) >= YEAR and min(a1 - a0, b1 - b0) <= BY_REACH
        return "within the year" if coarse else "agree"
    if a0 == a1 and b0 == b1 and abs((a0 - b0).days) == 1 and a.mod is None and b.mod is None:
        return "a day apart"
    return None


def _span(found: FoundDate) -> tuple[date, date] | None:
    if not found.value:
        return None
    try:
        when = dates.when_of(found.value[:10] if re.match(r"\d{4}-\d\d-\d\dT", found.value) else found.value)
    except dates.DateError:
        return None
    if found.mod == ON_OR_BEFORE:
        return when.end - BY_REACH, when.end
    loose = HALF_UNIT.get(when.precision, timedelta()) if COUNTED_BACK.search(found.text or "") else timedelta()
    return when.start - loose, when.end + loose


def _entry(group: _Group) -> Entry:
    tellings = sorted(group.tellings, key=_precision_first)
    certainty, according_to = _certainty(tellings)
    return Entry(tellings[0].event.id, tuple(tellings), certainty, according_to, differences(tellings), tuple(group.why))


PRECISION_ORDER = {"day": 0, "weekend": 1, "week": 2, "month": 3, "year": 4}


def _precision_first(telling: Telling) -> tuple:
    """The telling that dates it most precisely names the entry; then the
    article given first (sorted is stable)."""
    found = telling.event.date
    return (found.mod == ON_OR_BEFORE, found.basis != "words", PRECISION_ORDER.get(found.precision or "", 9))


OWN_VOICE = ("reported", "confirmed")


def _certainty(tellings: list[Telling]) -> tuple[str, str | None]:
    """Confirmed when two independent outlets report it in their own voice;
    else the firmest word of any one telling, never firmer."""
    outlets = {t.outlet.casefold() for t in tellings if t.outlet}
    own = {(t.outlet or t.source).casefold() for t in tellings
           if t.event.certainty in OWN_VOICE and not _on_another_outlets_word(t, outlets)}
    if len(own) >= 2:
        return "confirmed", None
    for certainty in ("reported", "claimed", "unconfirmed"):
        found = next((t for t in tellings if t.event.certainty == certainty
                      or (certainty == "reported" and t.event.certainty == "confirmed")), None)
        if found:
            return certainty, found.event.according_to if certainty == "claimed" else None
    return tellings[0].event.certainty, tellings[0].event.according_to


def _on_another_outlets_word(telling: Telling, outlets: set[str]) -> bool:
    by = (telling.event.according_to or "").casefold()
    passage = telling.event.passage.casefold()
    others = outlets - {(telling.outlet or "").casefold()}
    return any(o in by or re.search(rf"\b(?:according to|reported by|told) {re.escape(o)}\b|\b{re.escape(o)} (?:reported|said)\b", passage) for o in others)


def differences(tellings: list[Telling]) -> tuple[str, ...]:
    """Where the accounts differ, each as a sentence naming who says what."""
    if len({t.source for t in tellings}) < 2:
        return ()
    found = []
    # (Dates the articles give in their own words: a day read off a report's date or its story is no account's.)
    days = {t.event.date.value[:10] for t in tellings if t.event.date.precision == "day" and t.event.date.mod is None and t.event.date.basis == "words" and t.event.date.value}
    if len(days) > 1:
        found.append("The dates differ: " + "; ".join(f"{_who(t)}: {_date_words(t)}" for t in tellings) + ".")
    counts: dict[str, dict[str, list[Telling]]] = defaultdict(lambda: defaultdict(list))
    for t in tellings:
        for number, *counted in NUMBER.findall(t.event.passage):
            counts["".join(counted)[:6]][number.rstrip(".,")].append(t)
    for noun, numbers in sorted(counts.items()):
        # Only where two sources share none of the counts they give: "21 of the 200 girls" and "21 girls" agree.
        given: dict[str, set[str]] = defaultdict(set)
        for n, ts in numbers.items():
            for t in ts:
                given[t.source].add(COUNT_WORDS.get(n.lower(), n))
        if any(not a & b for a, b in combinations(given.values(), 2)):
            said = [f"{_who(ts[0])}: {n} {_noun(ts[0], n)}" for n, ts in numbers.items()]
            found.append("The numbers differ: " + "; ".join(said) + ".")
    sure = {t.event.certainty for t in tellings}
    if "unconfirmed" in sure and sure & {"reported", "confirmed", "claimed"}:
        found.append("Not every account could confirm it: " + "; ".join(f"{_who(t)}: {_certainty_words(t)}" for t in tellings) + ".")
    return tuple(found)


def _who(t: Telling) -> str:
    return t.outlet or t.source


def _noun(t: Telling, number: str) -> str:
    match = re.search(rf"\b{re.escape(number)}(?:\s+((?:\w+\s+){{0,2}}?[a-z]{{3,}})|-(year-old))", t.event.passage)
    return (match.group(1) or match.group(2)) if match else ""


def _date_words(t: Telling) -> str:
    found = t.event.date
    return f"{found.value} ({found.text})" if found.text else found.value or "not dated"


def _certainty_words(t: Telling) -> str:
    e = t.event
    if e.certainty == "claimed":
        return f"according to {e.according_to}"
    return {"unconfirmed": "could not confirm it", "reported": "reports it", "confirmed": "confirms it"}.get(e.certainty, e.certainty)


def _unique_quotes(articles: list[Article], extractions: list[Extraction]) -> tuple[tuple, dict[str, dict[str, str]]]:
    """Every article's quotes, with an id no other article's quote has: two
    articles can quote the same opening words of the same speaker."""
    taken: set[str] = set()
    quotes, renamed = [], {}
    for article, extraction in zip(articles, extractions):
        renamed[article.source] = {}
        for quote in extraction.quotes:
            new_id = quote.id if quote.id not in taken else f"{quote.id}-{article.source}"[: MAX_ID].rstrip("-_")
            taken.add(new_id)
            renamed[article.source][quote.id] = new_id
            quotes.append((article.source, replace(quote, id=new_id)))
    return tuple(quotes), renamed
