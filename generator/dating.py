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
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from generator import dates
from generator.clauses import PERIOD_NOUNS, Clause, Verb, lemma, load_verbs, tokens
from generator.reading import Rules
from generator.spans import ByStart

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
    # the news the article opens with) | present (told in the present tense,
    # on the day of the report) | publication (the day of the report bounds
    # it) | unresolved
    basis: str
    # TIMEX3 mod: "ON_OR_BEFORE" when only a later time bounds the happening:
    # the day of the report, or the time of the story for the past perfect.
    mod: str | None = None

    def as_json(self) -> dict:
        return {"value": self.value, "text": self.text, "precision": self.precision, "basis": self.basis, "mod": self.mod}


def on_calendar(timex: dates.Timex) -> bool:
    """Dates an event: a resolved date or time, not PRESENT_REF or the like."""
    return bool(timex.value) and timex.value[:1].isdigit() and not timex.unresolved


def from_words(
    timex: dates.Timex, mod: str | None = None, verb: Verb | None = None, published: date | None = None, past: bool = False,
    abroad: bool = False,
) -> FoundDate:
    """The date the words give; read in the past when the verb they date is
    told in the past (or `past`: what it dates was done by the report) but
    the words alone were read ahead ("changed to a calendar year in
    December", written in November, is last December). `abroad`: the words
    tell the early hours or the local time of the day after the report's,
    which a report dated in a time zone behind is about ("ended close to 2
    a.m. local time on Wednesday", written on Tuesday in New York)."""
    if timex.value is None:
        return FoundDate(None, timex.text, None, "unresolved")
    value, precision = timex.value, timex.precision
    told_past = past or verb is not None and verb.tense in ("past", "perfect", "past-perfect") and not verb.ahead
    if published is not None and told_past:
        try:
            if dates.when_of(value).start > published and not (abroad and next_day(value, published)):
                past = dates.resolve(timex.text, published)
                if past.end <= published:
                    value, precision = past.value, past.precision
        except dates.DateError:
            pass
    return FoundDate(value, timex.text, precision, "words", mod)


def next_day(value: str, published: date) -> bool:
    """Whether a value is (a time of) the day after the report's."""
    return value[:10] == (published + timedelta(days=1)).isoformat()


def present(published: date | None) -> FoundDate | None:
    """A statement told in the present ("says", "is stepping down") is the
    article's news on the day of the report."""
    return FoundDate(published.isoformat(), None, "day", "present") if published else None


def undated(published: date | None) -> FoundDate:
    if published is None:
        return FoundDate(None, None, None, "unresolved")
    return FoundDate(published.isoformat(), None, "day", "publication", ON_OR_BEFORE)


# -- The expression that governs a verb ---------------------------------------------


def governing(
    text: str, rules: Rules, timexes: list[dates.Timex], clause: Clause, others: list[Clause], quoted: ByStart[tuple[int, int]],
    opening: int | None = None,
) -> tuple[dates.Timex, str | None] | None:
    """The expression that dates `clause`'s verb, and its TIMEX3 mod: one in
    the clause itself, else one in a clause of `others` (the rest of its
    sentence part) that has no verb of its own, else one that opens the
    sentence starting at `opening` ("But in June last year, ..."); nearest
    the verb first."""
    verb = clause.verb
    at = verb.start if verb else clause.start
    ranked = []
    for timex in timexes:
        sharing = None  # the clause of the same time that holds it, if not `clause`
        if timex.value and "X" in timex.value:
            continue  # "the week" (2019-WXX), "a summer" (XXXX-SU): no time on the calendar
        if clause.start <= timex.start < clause.end:
            # "In addition to its order of 30 jets Wednesday, it announced an
            # order on Monday": a time deep in an opening phrase dates that phrase's noun.
            deep = verb is not None and timex.end < verb.start and "," in text[timex.end : verb.start] and len(text[clause.start : timex.start].split()) >= 4
            rank = 0.5 if deep else 0
        elif sharing := next((c for c in others if c.start <= timex.start < c.end and _shares_time(c, rules)), None):
            rank = 1  # a phrase without a verb, or a clause of the same time ("when the train derailed early Friday")
            # "In May, when the agency tapped three firms to fly next year, only two ...": the phrase before
            # the clause's opener frames the sentence, before any time inside that clause.
            rank = 0.75 if any(c.start <= timex.start and c.subject and timex.end < c.subject[0] for c in others if c.role == "adverbial") else rank
        elif opening is not None and text[timex.end : timex.end + 2].startswith(",") and rules.frame_before.search(text[opening : timex.start]):
            rank = 2
        else:
            continue
        held = quoted.holding(timex.start)
        if held is not None and (not held[0] <= at < held[1] or rules.speaker_time.match(timex.text.strip())):
            continue  # a time inside a quotation is the speaker's, unless the happening is told there too
        simple_past = verb is not None and verb.tense == "past" and not verb.progressive
        # ("as the service, Stadia, launched Tuesday": the comma before the time's own verb opens no participle's phrase.)
        own_verb = sharing.verb if sharing is not None and sharing.verb else verb
        reading = _reading(text, rules, timex, own_verb.start if own_verb else None, simple_past)
        if reading == "no" or (rank <= 1 and verb and timex.start > verb.end and _participle_between(text, verb.end, timex.start, ing_only=rank == 1)):
            continue  # (in "14 were killed and scores injured on Wednesday", "injured" is the second verb)
        if verb and timex.start > verb.end and _saying_between(text, verb.end, timex.start):
            continue  # "claimed the attack, saying it avenged airstrikes last week": the time is in what was said
        if verb and not text[verb.end : timex.start].strip() and rules.as_object_after.match(text, timex.end):
            continue  # "picked Saturday night as the time": the verb's object, not its time
        if (
            verb and clause.subject and clause.subject[0] <= timex.start < clause.subject[1] and "," not in text[timex.end : verb.start]
            and _participle_between(text, max(clause.subject[0], timex.start - 25), timex.start)
        ):
            continue  # "Two other men arrested on Sunday have been released": the time of the arrest, in the subject
        ranked.append((rank, abs(timex.start - at), timex, ON_OR_BEFORE if reading == "by" else None))
    if not ranked:
        return None
    _, _, timex, mod = min(ranked, key=lambda r: (r[0], r[1]))
    return timex, mod


def _in_participle_phrase(before: str) -> bool:
    """Whether the time sits in a phrase that a participle opens after a
    comma: "Jobs, born in San Francisco on February 24, 1955, has built",
    "The suit, filed in September 2003, claims"."""
    opened = re.search(r",\s*([A-Za-z]+)\b[^,;]*$", before)
    if not opened:
        return False
    verbs = load_verbs()
    word = opened.group(1).lower()
    return word in verbs.participles or (word.endswith("ed") and word not in verbs.not_past)


def _shares_time(clause: Clause, rules: Rules) -> bool:
    """Whether a clause's time is its sentence's: it has no verb, it happens
    at the same time ("when ..."), or it is a second verb joined by "and"."""
    ongoing = clause.verb is not None and clause.verb.head.endswith("ing")  # "before fighting back"
    return clause.verb is None or clause.role == "adverbial" and (clause.opener in rules.simultaneous or ongoing) or (
        clause.role == "coordinate" and clause.opener in ("and", "or")
    ) or clause.role == "relative" and clause.opener == "that"


@lru_cache(maxsize=1024)  # a sentence's parts ask it again of the same verb and time
def _participle_between(text: str, start: int, end: int, ing_only: bool = False) -> bool:
    """Whether a participle after a noun stands between a verb and a time,
    which then dates the participle: "sent a team to recover an expert
    kidnapped almost two years ago", "with Liverpool proving too strong in
    December"."""
    verbs = load_verbs()
    found = tokens(text, start, end)
    words = [w.low for w in found]
    for k, (before, low) in enumerate(zip(words, words[1:])):
        following = found[k + 2].text if k + 2 < len(found) else ""
        # "-ing" with an object ("trailing InSight", "facing the court"), not an adjective ("annual opening keynote").
        with_object = following.lower() in verbs.determiners or following.lower() == "to" or following[:1].isupper() or following[:1].isdigit()
        past = not ing_only and (low.endswith("ed") and low not in verbs.not_past or low in verbs.participles)
        participle = past or low.endswith("ing") and len(low) > 4 and with_object and low not in verbs.prepositions  # not "during"
        after_noun = before.isalpha() and before not in verbs.auxiliaries and before not in ("been", "be", "being", "to", "and", "or", "but") and before not in verbs.determiners and before not in verbs.prepositions
        period = low in ("ended", "ending") and before in PERIOD_NOUNS  # "sales rose in the quarter ended Sept. 30": the report's period
        if participle and after_noun and not period:
            return True
    return False


def _saying_between(text: str, start: int, end: int) -> bool:
    """Whether a verb of speech in -ing after a comma (", saying", ",
    adding") stands between a verb and a time, with words said before the
    time: the time is theirs. ("..., saying on Friday that ...": the saying's.)"""
    found = tokens(text, start, end)
    verbs = load_verbs()
    return any(
        w.low.endswith("ing") and lemma(w.low, verbs) in verbs.speech and found[k - 1].text == ","
        and any(said.low not in verbs.prepositions for said in found[k + 1 :])
        for k, w in enumerate(found) if k
    )


def _opens_with(text: str, before: str, timex: dates.Timex, verb_at: int) -> bool:
    """Whether the phrase the time sits in opens with the clause's own verb
    ("Steve Jobs, the chief executive, announced Monday")."""
    comma = before.rfind(",")
    opened = timex.start - len(before) + comma + 1
    return opened <= verb_at < timex.start and not text[opened:verb_at].strip()


def _at_occasion(rules: Rules, timex: dates.Timex, before: str) -> bool:
    """Whether a time that owns a noun ("Tuesday's debate") owns the occasion
    the happening took place at: "during Tuesday's debate", "in Tuesday
    night's coup"; not "at this year's conference", "in next summer's
    tournament"."""
    return timex.precision != "year" and bool(rules.occasion_of_day.search(before)) or timex.precision == "day" and bool(rules.occasion_of_a_day.search(before))


def _reading(text: str, rules: Rules, timex: dates.Timex, verb_at: int | None = None, since_for_state: bool = False) -> str:
    """How a time relates to the verb of its clause: it dates it ("yes"),
    bounds it ("by": "by Friday the troops had left"), or dates something
    else ("no"): a comparison, a state's start, a modifier of a noun."""
    before = text[max(0, timex.start - 40) : timex.start]
    after = text[timex.end : timex.end + 30]
    if verb_at is not None and (outcome := rules.outcome_of_day.match(text, verb_at, timex.end + 40)) and outcome.start() <= timex.start < outcome.end():
        return "yes"  # "won Sunday's presidential runoff": the outcome is the contest's day
    if rules.not_governing_before.search(before) or rules.not_governing_after.match(after) and not _at_occasion(rules, timex, before):
        return "no"
    if rules.comparison_before.search(text, max(0, timex.start - 90), timex.start):
        return "no"  # "a net loss, compared with a profit of 300 million euros a year earlier"
    noun = rules.time_nouns.search(text, timex.start, timex.end + 16)
    if noun is not None and noun.end() == timex.end:
        return "no"  # "in the morning trade on November 20": the trade's time; the day dates the verb
    if timex.precision in ("year", "month") and " " not in timex.text.strip() and rules.year_as_modifier.match(after) and rules.year_as_modifier_before.search(before):
        return "no"  # "the 1991 agreement", "their May liftoff": the time of a noun ("a Wednesday media event" is the verb's)
    if _in_participle_phrase(before) and not (verb_at is not None and _opens_with(text, before, timex, verb_at)):
        return "no"
    if rules.bounding_before.search(before):
        return "by"
    if since_for_state and re.search(r"\bsince\s+$", before, re.IGNORECASE):
        return "no"  # "its first death from bird flu since 2005": since dates a state, not a simple past
    return "yes"


# -- The story's time ---------------------------------------------------------------


STORY_DAYS = re.compile(r"(?:the\s+)?(?:next|following|previous)\s+day|the\s+day\s+(?:before|after)|that\s+day", re.IGNORECASE)
THAT_PERIOD = re.compile(r"that\s+(week|month|year)|the\s+same\s+(week|month|year)", re.IGNORECASE)
STORY_YEARS = re.compile(r"the\s+next\s+year", re.IGNORECASE)  # ("the following year" the date rules count from the text already)
STORY_YEAR_REACH = 6  # sentences after a day that a day without a year may still be in its year
CLOCK_REACH = 15  # sentences after a day that a clock time ("At 10:17 p.m., ...") still tells it
MONTH_NAME = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b\.?", re.IGNORECASE)


@dataclass
class Story:
    """The time the article is telling: the news it opens with (its lede's
    date, if that is the news of the day), and the last time each paragraph set."""

    published: date | None
    opening_years: frozenset[str] = frozenset()  # the years the headline and the lede name
    news: FoundDate | None = None
    paragraph: int = -1
    recent: FoundDate | None = None  # the last time a sentence of this paragraph set
    recent_at: int = -1  # ... in which sentence
    last: FoundDate | None = None  # the last day any sentence set, for the year a day without one is in
    last_at: int = -1
    narrated: FoundDate | None = None  # the last day told outside quotations, for a clock time
    narrated_at: int = -1
    sentences_told: int = 0  # body sentences read so far

    def read(self, paragraph: int) -> None:
        """A new sentence of the body begins."""
        if paragraph != self.paragraph:
            self.paragraph, self.recent = paragraph, None
        self.sentences_told += 1
        if self.recent is not None and self.sentences_told - self.recent_at > RECENT_REACH:
            self.recent = None

    def set(self, found: FoundDate, happening: bool, quoted: bool = False) -> None:
        """A sentence dated something with its own words (`quoted`: words
        inside a quotation)."""
        if found.value is None or found.mod or found.precision not in ("day", "weekend", "week", "month", "year"):
            return
        self.recent, self.recent_at = found, self.sentences_told
        self.last, self.last_at = found, self.sentences_told
        if not quoted:
            self.narrated, self.narrated_at = found, self.sentences_told
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

    def now(self) -> FoundDate | None:
        """The time a clause told in the simple past here would take."""
        anchor = self.recent or self.news
        if anchor is None:
            return None
        return replace(anchor, basis="previous sentence" if anchor is self.recent else "story", mod=None)

    def in_its_year(self, found: FoundDate) -> FoundDate:
        """A day or month the words give without a year, read in the year the
        story is telling when that is nearer: after "Monday, Dec. 14" (2015),
        "Dec. 17" is 2015's, not the report's year's."""
        anchor = self.last
        # A story set years before the report, in a year its opening names ("Cabinet papers from 1979
        # ... In March 1979 the cabinet agreed ..."), tells "in May" and "June 4" in that year too.
        past = (
            anchor is not None and anchor.precision in ("day", "month") and found.precision in ("day", "month") and self.published is not None
            and anchor.value is not None and anchor.value[:4] in self.opening_years and int(anchor.value[:4]) <= self.published.year - 2
        )
        if (
            anchor is None or found.value is None or found.precision != "day" and not past or anchor.precision != "day" and not past
            or self.sentences_told - self.last_at > STORY_YEAR_REACH or re.search(r"\d{4}", found.text or "") or not MONTH_NAME.search(found.text or "")
        ):
            return found  # "Friday", "yesterday", "in March": read against the report's day
        try:
            told, then = dates.when_of(found.value).start, dates.when_of(anchor.value).start
            moved = told.replace(year=then.year)
        except (dates.DateError, ValueError):
            return found
        if moved.year == told.year or abs((moved - then).days) >= abs((told - then).days):
            return found
        if self.published is not None and told <= self.published < moved:
            return found  # not moved past the report ("the Oct. 7 attacks", written in August)
        return replace(found, value=moved.isoformat() if found.precision == "day" else moved.isoformat()[:7])

    def on_its_day(self, found: FoundDate, day: FoundDate | None) -> FoundDate:
        """A clock time ("at 10:17 p.m.") on the day its sentence names (`day`),
        else on the day the story last told outside quotations (an email's
        "Tuesday" is the writer's), not on the report's."""
        recent = self.narrated if self.narrated is not None and self.sentences_told - self.narrated_at <= CLOCK_REACH else None
        anchor = day or recent
        if anchor is None or found.value is None or anchor.value is None or "T" not in found.value or not re.match(r"\d{4}-\d\d-\d\d", anchor.value):
            return found
        return replace(found, value=anchor.value[:10] + found.value[10:])

    def counted_from_story(self, found: FoundDate, published: date | None) -> FoundDate:
        """ "The next day", "the day before", "that day", "the next year":
        counted from the time the story was just telling, not from the
        report's ("Roof was arrested on June 18, 2015. The next day, he
        appeared in court")."""
        anchor = self.last
        period = THAT_PERIOD.fullmatch((found.text or "").strip())
        if period is not None and anchor is not None and anchor.value and anchor.value[:4].isdigit() and found.value:
            # "Kell was arrested on June 18. The match that week ...": the week the story was telling.
            unit = period.group(1) or period.group(2)
            try:
                start = dates.when_of(anchor.value).start
            except dates.DateError:
                return found
            finer = {"week": ("day", "week"), "month": ("day", "week", "month"), "year": ("day", "week", "month", "year")}[unit.lower()]
            if anchor.precision in finer:
                iso_year, week, _ = start.isocalendar()
                value = {"week": f"{iso_year:04d}-W{week:02d}", "month": anchor.value[:7], "year": anchor.value[:4]}[unit.lower()]
                return replace(found, value=value)
            return found
        if anchor is not None and published is not None and found.value and STORY_YEARS.fullmatch((found.text or "").strip()):
            # "abducted in August 2016. The next year, ...": 2017, not the report's next year.
            shift = int(found.value[:4]) - published.year
            return replace(found, value=f"{int(anchor.value[:4]) + shift:04d}") if found.precision == "year" and anchor.value[:4].isdigit() else found
        if anchor is None or published is None or found.value is None or found.precision != "day" or not STORY_DAYS.fullmatch((found.text or "").strip()):
            return found
        try:
            shift = dates.when_of(found.value).start - published
            then = dates.when_of(anchor.value).start
        except dates.DateError:
            return found
        if then == published:
            return found
        return replace(found, value=(then + shift).isoformat())

    def carry(self, text: str, rules: Rules, clause: Clause, state: bool = False) -> FoundDate | None:
        """The time an undated clause is told in, if the story gives one:
        the simple past goes on in the paragraph's time, else the news's;
        the past perfect had happened by then. A state in the past that tells
        a happening (`state`: "leaders were slow to comment") is the story's too."""
        verb = clause.verb
        if verb is None or rules.frame_shifts_story.search(text, clause.start, clause.end):
            return None
        if not verb.speech and rules.frame_after_story.search(text, clause.start, clause.end):
            return None
        anchor = self.recent or self.news
        if anchor is None:
            return None
        basis = "previous sentence" if anchor is self.recent else "story"
        if anchor.value and re.search(r"T\d", anchor.value):
            anchor = replace(anchor, value=anchor.value[:10], precision="day")  # an hour belongs to one happening; the day goes on
        if verb.tense == "past" and not verb.progressive and (not verb.state or state):
            return replace(anchor, basis=basis, mod=None)
        if verb.tense == "past-perfect":
            return replace(anchor, basis=basis, mod=ON_OR_BEFORE)
        return None


def before_news(timex: dates.Timex, story: Story) -> bool:
    """Whether a time names a year or a month before the news the story
    tells ("the 2008 merger coincided with ..."): the clause is background."""
    if story.news is None or timex.precision not in ("year", "month") or not timex.value:
        return False
    try:
        return dates.when_of(timex.value).end < dates.when_of(story.news.value).start
    except dates.DateError:
        return False


def anchored(text: str, rules: Rules, timex: dates.Timex, story: Story, earlier: list[tuple[str, FoundDate]]) -> FoundDate | None:
    """"Two days later", "a year after the appointment": a length of time
    counted from another time. "Later" and "earlier" count from the time the
    story last set; "after X" and "before X" from a happening told earlier
    whose words name X (`earlier`: passages and their dates). None when the
    anchor is not found or not precise enough for the count."""
    after = rules.counted_from.match(text, timex.end) or rules.counted_from.search(timex.text)
    amount = re.fullmatch(r"P(\d+)([DWMY])", timex.value or "")
    if not after or not amount:
        return None
    if after.group("what"):
        named = set(re.findall(r"[a-z]{4,}", after.group("what").lower())) - rules.function_words
        anchor = next((d for passage, d in reversed(earlier) if named & set(re.findall(r"[a-z]{4,}", passage.lower()))), None)
    elif after.group("direction").lower() in ("after", "before"):
        return None  # "a year after launching the iPhone": counted from what the words do not place
    else:
        # "One year later": after the last time the article told something happened.
        anchor = earlier[-1][1] if earlier else story.news
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
    end = max(timex.end, timex.start + after.end()) if after.string is timex.text else after.end()
    return FoundDate(value, " ".join(text[timex.start : end].split()), unit, "words")
