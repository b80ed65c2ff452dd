"""Dating a happening: which words of its sentence say when it happened, and
what the article's story says when none do.

The date of a happening is the expression that governs its verb: one in its
own clause, or in a phrase of the sentence that has no verb of its own ("On
Monday, ..."). Other expressions date something else and are passed over: a
deadline ("repay the loans by 2017"), a comparison ("than in 2012"), a
modifier ("this year's election", "the 1991 agreement"), the start of a state
("since 2007"), and a date inside a quotation, which is the speaker's.

An undated happening takes the time the story is telling, and says so
(`basis`): the time the sentence before set, in its paragraph, or the day of
the news the article opens with, when the happening is told in the simple past
like it. A happening told in the past perfect had happened by then; anything
else the article does not date had happened by the day of the report
(`mod = "ON_OR_BEFORE"`), never simply on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from dateutil.relativedelta import relativedelta

from generator import dates
from generator.clauses import Clause, Verb
from generator.reading import Rules

ON_OR_BEFORE = "ON_OR_BEFORE"
# How far back the news the article opens with may be, from its date: a
# lede's "on Monday" is news; "in 1976" is background.
NEWS_PEG_DAYS = 31
# How many sentences on a time a sentence set still holds in its paragraph:
# the next one ("On Saturday, the town was calm. Then rebels shelled the
# harbour."); a paragraph that goes on longer may have moved on.
RECENT_REACH = 1


@dataclass(frozen=True)
class FoundDate:
    value: str | None  # TIMEX3, or None when the words cannot be placed
    text: str | None  # the article's words; None when none date the happening
    precision: str | None
    # words | previous sentence (its paragraph's time) | story (the time of
    # the news the article opens with) | publication (the day of the report) | unresolved
    basis: str
    # TIMEX3 mod: "ON_OR_BEFORE" when only a later time bounds the happening:
    # the day of the report, or the time of the story for the past perfect.
    mod: str | None = None

    def as_json(self) -> dict:
        return {"value": self.value, "text": self.text, "precision": self.precision, "basis": self.basis, "mod": self.mod}


def on_calendar(timex: dates.Timex) -> bool:
    """Dates an event: a resolved date or time, not PRESENT_REF or the like."""
    return bool(timex.value) and timex.value[:1].isdigit() and not timex.unresolved


def from_words(timex: dates.Timex, mod: str | None = None) -> FoundDate:
    if timex.value is None:
        return FoundDate(None, timex.text, None, "unresolved")
    return FoundDate(timex.value, timex.text, timex.precision, "words", mod)


def undated(published: date | None) -> FoundDate:
    if published is None:
        return FoundDate(None, None, None, "unresolved")
    return FoundDate(published.isoformat(), None, "day", "publication", ON_OR_BEFORE)


# -- The expression that governs a verb ---------------------------------------------


def governing(
    text: str, rules: Rules, timexes: list[dates.Timex], clause: Clause, others: list[Clause], quoted: list[tuple[int, int]]
) -> tuple[dates.Timex, str | None] | None:
    """The expression that dates `clause`'s verb, and its TIMEX3 mod: one in
    the clause itself, else one in a clause of `others` (the rest of its
    sentence part) that has no verb of its own; nearest the verb first."""
    verb = clause.verb
    at = verb.start if verb else clause.start
    own, free = [], []
    for timex in timexes:
        if not (clause.start <= timex.start < clause.end or any(c.start <= timex.start < c.end and c.verb is None for c in others)):
            continue
        inside = any(a <= timex.start < b for a, b in quoted)
        if inside and not any(a <= at < b for a, b in quoted):
            continue
        reading = _reading(text, rules, timex)
        if reading == "no":
            continue
        target = own if clause.start <= timex.start < clause.end else free
        target.append((abs(timex.start - at), timex, ON_OR_BEFORE if reading == "by" else None))
    for found in (own, free):
        if found:
            _, timex, mod = min(found, key=lambda f: f[0])
            return timex, mod
    return None


def _reading(text: str, rules: Rules, timex: dates.Timex) -> str:
    """How a time relates to the verb of its clause: it dates it ("yes"),
    bounds it ("by": "by Friday the troops had left"), or dates something
    else ("no"): a comparison, a state's start, a modifier of a noun."""
    before = text[max(0, timex.start - 40) : timex.start]
    after = text[timex.end : timex.end + 30]
    if rules.not_governing_before.search(before) or rules.not_governing_after.match(after):
        return "no"
    if re.fullmatch(r"\d{4}", timex.text) and rules.year_as_modifier.match(after):
        return "no"
    if rules.bounding_before.search(before):
        return "by"
    return "yes"


# -- The story's time ---------------------------------------------------------------


@dataclass
class Story:
    """The time the article is telling: the news it opens with (its lede's
    date, if that is the news of the day), and the last time each paragraph set."""

    published: date | None
    news: FoundDate | None = None
    paragraph: int = -1
    recent: FoundDate | None = None  # the last time a sentence of this paragraph set
    recent_at: int = -1  # ... in which sentence
    sentences_told: int = 0  # body sentences read so far

    def read(self, paragraph: int) -> None:
        """A new sentence of the body begins."""
        if paragraph != self.paragraph:
            self.paragraph, self.recent = paragraph, None
        self.sentences_told += 1
        if self.recent is not None and self.sentences_told - self.recent_at > RECENT_REACH:
            self.recent = None

    def set(self, found: FoundDate, happening: bool) -> None:
        """A sentence dated something with its own words."""
        if found.value is None or found.mod or found.precision not in ("day", "weekend", "week", "month", "year"):
            return
        self.recent, self.recent_at = found, self.sentences_told
        if happening and self.news is None and self.sentences_told <= 3 and self._is_news(found):
            self.news = found

    def _is_news(self, found: FoundDate) -> bool:
        if self.published is None or found.precision not in ("day", "weekend", "week"):
            return False
        try:
            when = dates.when_of(found.value)
        except dates.DateError:
            return False
        return when.end <= self.published and (self.published - when.start).days <= NEWS_PEG_DAYS

    def carry(self, text: str, rules: Rules, clause: Clause) -> FoundDate | None:
        """The time an undated clause is told in, if the story gives one:
        the simple past goes on in the paragraph's time, else the news's;
        the past perfect had happened by then."""
        verb = clause.verb
        if verb is None or rules.frame_shifts_story.search(text, clause.start, clause.end):
            return None
        anchor = self.recent or self.news
        if anchor is None:
            return None
        basis = "previous sentence" if anchor is self.recent else "story"
        if verb.tense == "past" and not verb.progressive:
            return replace(anchor, basis=basis, mod=None)
        if verb.tense == "past-perfect":
            return replace(anchor, basis=basis, mod=ON_OR_BEFORE)
        return None


def anchored(text: str, rules: Rules, timex: dates.Timex, story: Story, earlier: list[tuple[str, FoundDate]]) -> FoundDate | None:
    """"Two days later", "a year after the appointment": a length of time
    counted from another time. "Later" and "earlier" count from the time the
    story last set; "after X" and "before X" from a happening told earlier
    whose words name X (`earlier`: passages and their dates). None when the
    anchor is not found or not precise enough for the count."""
    after = rules.counted_from.match(text, timex.end)
    amount = re.fullmatch(r"P(\d+)([DWMY])", timex.value or "")
    if not after or not amount:
        return None
    if after.group("what"):
        named = set(re.findall(r"[a-z]{4,}", after.group("what").lower())) - rules.function_words
        anchor = next((d for passage, d in reversed(earlier) if named & set(re.findall(r"[a-z]{4,}", passage.lower()))), None)
    else:
        anchor = story.recent or story.news
    units = {"D": "day", "W": "week", "M": "month", "Y": "year"}
    order = list(units.values())
    count, unit = int(amount.group(1)), units[amount.group(2)]
    if anchor is None or anchor.value is None or anchor.mod or anchor.precision not in order or order.index(unit) < order.index(anchor.precision):
        return None
    step = relativedelta(**{unit + "s": count})
    start = dates.when_of(anchor.value).start
    moved = start - step if after.group("direction").lower() in ("earlier", "before") else start + step
    iso_year, week, _ = moved.isocalendar()
    value = {"day": moved.isoformat(), "week": f"{iso_year:04d}-W{week:02d}", "month": f"{moved.year:04d}-{moved.month:02d}", "year": f"{moved.year:04d}"}[unit]
    return FoundDate(value, " ".join(text[timex.start : after.end()].split()), unit, "words")
