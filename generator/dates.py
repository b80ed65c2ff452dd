"""Temporal expressions: find them in an article's text and read them against
the article's date (its DCT), following TimeML TIMEX3.

One engine serves two callers. `find(text, dct)` tags every temporal
expression in a text; `resolve(phrase, reference)` reads the words an editor
gave as an entry's date and returns a `When`. Both match the same rules
(rules/dates.toml: patterns, word lists, examples) and read what they matched
through the same small functions below, which the rules name. Nothing here
reads the clock: the reference date is always passed in, and without one a
relative expression stays unresolved.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from dateutil.relativedelta import SA, relativedelta
from dateutil.relativedelta import weekday as Weekday

from generator.model import When

RULES_FILE = Path(__file__).parent / "rules" / "dates.toml"
RELATIVE = "relative to the document's date, which was not given"


class DateError(ValueError):
    """The words cannot be placed on a timeline; the message says why."""


class NeedsReference(DateError):
    """The words are relative and no reference date was given."""


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in a text: `text == source[start:end]`.

    `value` is its TIMEX3 normalisation (2016-12-12, 2016-W49-WE, P3D,
    PAST_REF, ...), or None when the words cannot be normalised; then
    `unresolved` says why. `unresolved` is also set for values that are real
    but place nothing on a calendar (PAST_REF, FUTURE_REF).
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    precision: str | None  # day | week | weekend | month | quarter | season | year | decade | century
    rule: str  # the name of the rule in rules/dates.toml that found it
    unresolved: str | None = None
    mod: str | None = None  # TIMEX3 mod of a leading "early", "late", "nearly"...: START, END, LESS_THAN...

    def as_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type, "value": self.value}


@dataclass(frozen=True)
class Rule:
    name: str
    group: str  # the rule's own group in the combined pattern
    pattern: str
    type: str
    resolve: str
    args: dict
    examples: dict[str, str]
    points_back: bool


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    words: dict[str, dict[str, object]]
    anchors: frozenset[str]
    first_words: frozenset[str]
    tense: dict[str, re.Pattern[str]]
    topics: dict[str, re.Pattern[str]]
    example_reference: date
    scan: re.Pattern[str]
    scan_any_case: re.Pattern[str]


@cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    words = {name: {str(k).lower(): v for k, v in table.items()} for name, table in data["words"].items()}
    fragments = data.get("fragment", {})

    def alternatives(name: str) -> str:
        # Longest first, so "the day before yesterday" wins over "yesterday".
        # A word written with a capital matches only so written ("May", not "may").
        choices = sorted(data["words"][name], key=len, reverse=True)
        escaped = (re.escape(w).replace("\\ ", r"\s+") for w in choices)
        return "|".join(e if w.islower() or not w[0].isalpha() else f"(?-i:{e})" for w, e in zip(choices, escaped, strict=True))

    def spaced(pattern: str) -> str:
        # A space in a rule stands for any run of white space, line breaks
        # included; in a look-behind, which must have a fixed width, one space.
        parts = re.split(r"(\(\?<[=!][^()]*\))", pattern)
        return "".join(p if p.startswith("(?<") else p.replace("[- ]", r"[-\s]").replace(" ", r"\s+") for p in parts)

    def expand(pattern: str, prefix: str, capture: bool) -> str:
        def one(match: re.Match[str]) -> str:
            alias, _, name = match.group(1).rpartition(":")
            alias = alias or name
            if name in fragments:
                inner = expand(spaced(fragments[name]), prefix, capture=False)
            else:
                inner = alternatives(name)
            return f"(?P<{prefix}{alias}>{inner})" if capture else f"(?:{inner})"

        expanded = re.sub(r"\{([a-z_:]+)\}", one, pattern)
        return expanded if capture else re.sub(r"\(\?P<[a-z_]+>", "(?:", expanded)

    rules = []
    for i, raw in enumerate(data["rule"]):
        prefix = f"r{i}_"
        body = raw["pattern"].replace("(?P<", f"(?P<{prefix}")
        rules.append(Rule(
            name=raw["name"],
            group=f"r{i}",
            pattern=expand(spaced(body), prefix, capture=True),
            type=raw.get("type", "DATE"),
            resolve=raw["resolve"],
            args=raw.get("args", {}),
            examples=raw.get("examples", {}),
            points_back=raw.get("points_back", False),
        ))
    scan = (
        rf"(?<![\w$£€.-])(?=[\w'])"
        rf"(?:(?:the\s+)?(?P<modifier>{alternatives('modifier')})[-\s]"
        rf"|(?P<quantity>{alternatives('quantity_modifier')})\s+(?=\d|(?:{alternatives('number')}|{alternatives('vague_count')})\b))?(?:"
        + "|".join(f"(?P<{r.group}>{r.pattern})" for r in rules)
        + r")(?![\w%-]|\.\d)"
    )
    anchors = {w for name in data["anchor"]["lists"] for w in words[name] if re.fullmatch(r"[a-z]{3,}\.?|\d+s", w)}
    anchors = {w.rstrip(".") for w in anchors}
    anchors.update(data["anchor"]["words"])
    first_words = {phrase.split()[0].rstrip(".") for table in words.values() for phrase in table} | anchors
    first_words.update(data["anchor"]["first_words"])

    def cues(table: dict[str, str]) -> dict[str, re.Pattern[str]]:
        return {name: re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE) for name, pattern in table.items()}

    return Rules(
        tuple(rules), words, frozenset(anchors), frozenset(first_words), cues(data["tense"]), cues(data["topic"]), data["example_reference"],
        scan=re.compile(scan, re.IGNORECASE),
        # An editor's `date = "last MARCH"` is no sentence: any case will do.
        scan_any_case=re.compile(scan.replace("(?-i:", "(?:"), re.IGNORECASE),
    )


# -- The two callers ----------------------------------------------------------------


def find(text: str, dct: date | None) -> list[Timex]:
    """Every temporal expression in `text`, read against `dct` (the document's date)."""
    rules = load_rules()
    found: list[Timex] = []
    last_named: str | None = None  # the last calendar time the text named
    for start in _starts(rules, text):
        if found and start < found[-1].end:
            continue
        match = rules.scan.match(text, start)
        if match:
            rule, groups = _matched_rule(rules, match)
            timex = _timex(rules, rule, groups, match, dct, text, last_named)
            found.append(timex)
            if timex.type == "DATE" and timex.value and CALENDAR.fullmatch(timex.value) and not rule.points_back:
                last_named = timex.value
    return found


CALENDAR = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?|-Q\d)?")


TOKEN = re.compile(r"[^\W_]+")
REACH = 6  # words an expression may hold before its anchor word ("each of the past three years")


def _starts(rules: Rules, text: str) -> list[int]:
    """Where an expression may start: the words that may begin one among the
    few words before each anchor word, in order.

    Every expression holds a four-figure number or an anchor word (a month, a
    unit, "now", ...) and begins with a figure or one of a few words; trying
    the rules only there keeps `find` fast.
    """
    starts: list[int] = []
    recent: list[int] = []  # the last REACH places where an expression may start
    for token in TOKEN.finditer(text):
        word = token.group()
        if word[0].isdigit():
            first, anchor = True, word[:4].isdigit() and not word[4:5].isdigit() or word.lower() in rules.anchors
        else:
            lower = word.lower()
            first, anchor = lower in rules.first_words, lower in rules.anchors
        if first:
            at = token.start()
            recent = [*recent[1 - REACH:], at - 1 if at and text[at - 1] == "'" else at]
            if anchor:
                starts.extend(start for start in recent if not starts or start > starts[-1])
                recent = []
    return starts


TOPIC_REACH = 300  # characters before an expression that may say what it is about


# A sentence ends at a full stop before a capital, unless the stop ends an
# initial or a short title ("Mr. Schwarz", "Daniel P. Davison"); or at ! ? ; or
# a line break.
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)\.\s+(?=[A-Z\"“])|[!?;\n]\s*")


def _clause_before(text: str, start: int) -> str:
    """The words of the expression's sentence before it."""
    return SENTENCE_END.split(text[max(0, start - 120):start])[-1]


def resolve(phrase: str, reference: date | None) -> When:
    """Read `phrase`, an entry's date in an article's words, against `reference`; raise DateError."""
    rules = load_rules()
    words = " ".join(phrase.split())
    match = rules.scan_any_case.fullmatch(words) or rules.scan_any_case.fullmatch(_without_preposition(rules, words))
    if not match:
        raise DateError(
            f"cannot read date {phrase!r}: use an ISO date (2016-12-12, 2016-03, 2009) "
            "or the article's words (Monday, last March, over the weekend)"
        )
    rule, groups = _matched_rule(rules, match)
    # An entry reports what happened: without a sentence to tell the tense, read it as past.
    reading = Reading(groups, rule.args, rules.words, reference, tense="past")
    try:
        value = RESOLVERS[rule.resolve](reading)
        when = when_of(value)
    except NeedsReference:
        raise DateError(
            f"date {phrase!r} is relative: the entry needs a source with a published date to read it against"
        ) from None
    except DateError as error:
        raise DateError(f"date {phrase!r} {error}") from None
    # Keep the article's words to show beside the date, unless they are the
    # ISO date itself; keep the reference only where the words needed it.
    return replace(
        when,
        words=phrase if words != when.value else None,
        reference=reference if reading.used_reference else None,
    )


def from_date(day: date) -> When:
    """A date written as a TOML date literal (date = 2016-12-12)."""
    return when_of(day.isoformat())


def _without_preposition(rules: Rules, words: str) -> str:
    first, _, rest = words.partition(" ")
    return rest if first.lower() in rules.words["preposition"] else words


def _matched_rule(rules: Rules, match: re.Match[str]) -> tuple[Rule, dict[str, str]]:
    rule = next(r for r in rules.rules if match.group(r.group) is not None)
    prefix = rule.group + "_"
    groups = {k[len(prefix):]: v.lower() for k, v in match.groupdict().items() if v is not None and k.startswith(prefix)}
    if match.group("modifier"):
        groups["modifier"] = rules.words["modifier"][" ".join(match.group("modifier").lower().split())]
    elif match.group("quantity"):
        groups["modifier"] = rules.words["quantity_modifier"][" ".join(match.group("quantity").lower().split())]
    return rule, groups


def _tense(rules: Rules, before: str) -> str | None:
    """The first [tense] whose cues are among the words before the expression, if any."""
    return next((tense for tense, cue in rules.tense.items() if cue.search(before)), None)


def _timex(
    rules: Rules, rule: Rule, groups: dict, match: re.Match[str], dct: date | None, text: str, last_named: str | None
) -> Timex:
    start, end = match.span()
    context = text[max(0, start - TOPIC_REACH):end]
    topics = frozenset(name for name, cue in rules.topics.items() if cue.search(context))
    reading = Reading(groups, rule.args, rules.words, dct, _tense(rules, _clause_before(text, start)), topics, last_named)
    value, unresolved, precision = None, None, None
    try:
        value = RESOLVERS[rule.resolve](reading)
    except NeedsReference:
        unresolved = RELATIVE
    except DateError as error:
        unresolved = str(error)
    if value is not None:
        if value.endswith("_REF") and value != "PRESENT_REF":
            unresolved = "says only that it was in the past" if value == "PAST_REF" else "says only that it is in the future"
        try:
            precision = when_of(value).precision
        except DateError:
            precision = _coarse_precision(value)
    kind = "TIME" if rule.type == "DATE" and value and "T" in value and not value.startswith("P") else rule.type
    return Timex(start, end, match.group(0), kind, value, precision, rule.name, unresolved, groups.get("modifier"))


def _coarse_precision(value: str) -> str | None:
    for pattern, precision in (
        (r"\d{4}-Q\d", "quarter"), (r"\d{4}-H\d", "half"), (r"\d{4}-(SP|SU|FA|WI)", "season"),
        (r"\d{3}", "decade"), (r"\d{2}", "century"),
    ):
        if re.fullmatch(pattern, value):
            return precision
    return None


# -- From a TIMEX3 value to a When -------------------------------------------------

DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(MO|AF|EV|NI|[\d:]+))?")
WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")


def when_of(value: str) -> When:
    """The stretch of calendar a TIMEX3 value names; DateError for values that name none."""
    try:
        if m := DAY.fullmatch(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            part = m[4] if m[4] in ("MO", "AF", "EV", "NI") else None
            return When(value, "day", day, day, part)
        if m := WEEK.fullmatch(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return When(value, "weekend", monday + timedelta(days=5), monday + timedelta(days=6))
            return When(value, "week", monday, monday + timedelta(days=6))
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            start = date(int(m[1]), int(m[2]), 1)
            return When(value, "month", start, start + relativedelta(months=1, days=-1))
        if re.fullmatch(r"\d{4}", value):
            return When(value, "year", date(int(value), 1, 1), date(int(value), 12, 31))
    except ValueError:
        raise DateError("is not a day in the calendar") from None
    coarse = _coarse_precision(value)
    if coarse:
        raise DateError(f"is dated only to a {coarse}: give a day, week, month or year")
    raise DateError(
        "does not say when this happened: give a date (2016-12-12, 2016-03, 2009) "
        "or words that place it (Monday, last March)"
    )


# -- What a rule matched, and the functions that read it ---------------------------


@dataclass
class Reading:
    """What a rule captured, its fixed args, the word lists, the reference date and the tense."""

    captured: dict[str, str]
    args: dict
    words: dict[str, dict[str, object]]
    dct: date | None
    tense: str | None  # past | future | None when the words do not say
    topics: frozenset[str] = frozenset()  # the [topic]s of the text just before it
    last_named: str | None = None  # the last calendar time the text named before it (CALENDAR)
    used_reference: bool = field(default=False)

    def reference(self) -> date:
        if self.dct is None:
            raise NeedsReference("is relative")
        self.used_reference = True
        return self.dct

    def side(self) -> str | None:
        """The tense to read the words in: the rule's own, else the sentence's."""
        return self.args.get("tense", self.tense)

    def get(self, name: str):
        if name in self.captured:
            return self.captured[name]
        return self.args.get(name)

    def word(self, name: str, list_name: str | None = None):
        value = self.get(name)
        if value is None:
            return None
        return self.words[list_name or name][" ".join(str(value).split())]

    def number(self, name: str, list_name: str = "number") -> int | None:
        """A count written in figures or words ("24", "twenty-four", "a"); None when vague ("several")."""
        value = self.get(name)
        if value is None:
            return None
        if isinstance(value, int):
            return value
        value = " ".join(value.replace(",", "").split())
        if value.isdigit():
            return int(value)
        if value in self.words[list_name]:
            whole = self.words[list_name][value]
            return None if whole == "X" else whole
        total = 0
        for part in re.split(r"[-\s]+", value):
            n = self.words[list_name].get(part)
            if n is None:
                continue
            if n == "X":
                return None
            total = total * n if n >= 100 and total else total + n
        return total

    def year(self) -> int:
        """The captured year, in figures or spoken ("nineteen ninety-six", "two thousand")."""
        text = self.get("year")
        if text.isdigit():
            return int(text)
        words = text.replace("-", " ").split()
        if words[:2] == ["two", "thousand"]:
            return 2000 + sum(self.words["number"][w] for w in words[3:])
        return self.words["number"][words[0]] * 100 + sum(self.words["number"][w] for w in words[1:])

    def unit(self) -> str:
        return self.word("unit")

    def direction(self) -> int:
        """-1, 0 or +1: which way "last", "this", "next" and their kin point."""
        return self.word("direction") if self.get("direction") else 0


def _day_value(day: date, part: str | None = None) -> str:
    return day.isoformat() + (f"T{part}" if part else "")


def _at_precision(day: date, unit: str) -> str:
    if unit in ("D", "H", "MIN"):
        return day.isoformat()
    if unit == "W":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


STEP = {
    "D": relativedelta(days=1), "W": relativedelta(weeks=1), "M": relativedelta(months=1),
    "Q": relativedelta(months=3), "Y": relativedelta(years=1), "DE": relativedelta(years=10),
    "CE": relativedelta(years=100), "H": relativedelta(hours=1), "MIN": relativedelta(minutes=1),
}


def _choose(period: Callable[[int], tuple[date, date]], reference: date, tense: str | None) -> date:
    """Of the occurrences of a month, weekday or quarter around the reference,
    the one the tense points to: the latest that began by the reference date
    (past), the first that has not ended before it (future), or else the
    nearest one. `period(k)` is the k-th occurrence as (first day, last day),
    k = 0 the one in the reference's own year or week. Returns its first day.
    """
    options = sorted(period(k) for k in (-1, 0, 1))
    if tense == "past":
        return next(start for start, _ in reversed(options) if start <= reference)
    if tense == "future":
        return next(start for start, end in options if end >= reference)

    def distance(option: tuple[date, date]) -> tuple[int, bool]:
        # News looks back more often than ahead: a day ahead counts as three back.
        start, end = option
        return (max(3 * (start - reference).days, (reference - end).days, 0), start > reference)

    return min(options, key=distance)[0]


def _month_period(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    return start, start + relativedelta(months=1, days=-1)


def _calendar(g: Reading) -> str:
    year, month, day = g.get("year"), g.get("month"), g.number("day")
    month = int(month) if month and month.isdigit() else g.word("month")
    if year is None:
        ref = g.reference()
        year = ref.year
        if month is not None and day is not None:
            try:
                year = _choose(lambda k: (date(ref.year + k, month, day),) * 2, ref, g.side()).year
            except ValueError:
                raise DateError("is not a day in the calendar") from None
    else:
        year = g.year()
    try:
        if day is not None:
            value = date(year, month, day).isoformat()
        elif month is not None:
            value = f"{year:04d}-{month:02d}"
        else:
            value = f"{year:04d}"
    except ValueError:
        raise DateError("is not a day in the calendar") from None
    weekday = g.word("weekday")
    if weekday is not None and day is not None and date(year, month, day).weekday() != weekday:
        actual = date(year, month, day).strftime("%A")
        raise DateError(f"does not add up: {value} was a {actual}, not a {g.get('weekday').capitalize()}")
    return value


def _month(g: Reading) -> str:
    month = g.word("month")
    ref = g.reference()
    step = g.direction()
    if g.get("of_year"):
        year = ref.year + step
    elif step:
        year = ref.year + step
        if (step < 0 and month < ref.month) or (step > 0 and month > ref.month):
            year = ref.year
    elif g.get("direction"):
        year = ref.year
    else:
        day = _choose(lambda k: _month_period(ref.year + k, month), ref, g.side())
        year = day.year
    return f"{year:04d}-{month:02d}"


def _weekday(g: Reading) -> str:
    day = Weekday(g.word("weekday"))
    ref = g.reference()
    step = g.direction()
    if step > 0:
        moved = ref + relativedelta(days=1, weekday=day(+1))
    elif step < 0:
        moved = ref + relativedelta(days=-1, weekday=day(-1))
    elif g.get("direction"):
        moved = ref - timedelta(days=ref.weekday()) + timedelta(days=day.weekday)
    else:
        monday = ref - timedelta(days=ref.weekday())
        moved = _choose(lambda k: (monday + timedelta(weeks=k, days=day.weekday),) * 2, ref, g.side())
    return _day_value(moved, g.word("part_of_day"))


def _time(g: Reading) -> str:
    if g.get("weekday"):
        day = _weekday(g)
    elif g.get("day_offset"):
        day = _day(g)
    elif g.get("month"):
        day = _calendar(g)
    else:
        day = g.reference().isoformat()
    hour = g.number("hour") if g.get("hour") else g.word("clock")
    minute = g.number("minute")
    if hour > 12 and g.get("half") or hour > 24 or (minute or 0) > 59:
        raise DateError("is not a time of day")
    if g.get("half") == "p.m." and hour < 12:
        hour += 12
    if g.get("half") == "a.m." and hour == 12:
        hour = 0
    return f"{day[:10]}T{hour:02d}" + (f":{minute:02d}" if minute is not None else ":00")


def _day(g: Reading) -> str:
    offset = g.word("day_offset")
    if offset is None:
        offset = g.args["days"]
    return _day_value(g.reference() + timedelta(days=offset), g.word("part_of_day"))


def _ago(g: Reading) -> str:
    count, unit = g.number("count"), g.unit()
    if g.get("from_last_named") and count is not None and _from_last_named(g, unit):
        # At the precision the text named it: 1989-Q3, a year earlier, is 1988-Q3.
        return _at_precision(_first_day(g.last_named) - STEP[unit] * count, _unit_of(g.last_named))
    ref = g.reference()
    if count is None:
        return _at_precision(ref, unit)[:3] + "X" if unit == "Y" else "PAST_REF"
    for topic, precision in g.args.get("precision_by_topic", {}).items():
        if topic in g.topics and ref + STEP[precision] < ref + STEP[unit]:
            # "A year ago" beside a quarter's results is that quarter, a year before.
            return _at_precision(ref - STEP[precision] - STEP[unit] * count, precision)
    return _at_precision(ref - STEP[unit] * count, unit)


# Units from the finest to the coarsest.
ORDER = ["MIN", "H", "D", "W", "M", "Q", "Y", "DE", "CE"]


def _unit_of(value: str) -> str:
    """The unit a CALENDAR value is given in: 1989-Q3 in quarters, 1989-10 in months."""
    return "Q" if "-Q" in value else {4: "Y", 7: "M", 10: "D"}[len(value)]


def _first_day(value: str) -> date:
    if "-Q" in value:
        return date(int(value[:4]), 3 * int(value[-1]) - 2, 1)
    return date.fromisoformat((value + "-01-01")[:10])


def _from_last_named(g: Reading, unit: str) -> bool:
    """Whether to count from the time last named: it must be as precise as the unit ("two days earlier" needs a day)."""
    return g.last_named is not None and ORDER.index(unit) >= ORDER.index(_unit_of(g.last_named))


def _named(g: Reading) -> str:
    unit = g.unit()
    start = _first_day(g.last_named) if _from_last_named(g, unit) else g.reference()
    return _at_precision(start + STEP[unit] * g.word("steps", "anaphora"), unit)


def _period(g: Reading) -> str:
    unit = g.unit()
    steps = g.direction() if g.get("direction") else g.get("steps")
    value = _at_precision(g.reference() + STEP[unit] * steps, unit)
    return g.get("year") + value[4:] if g.get("year") else value


def _weekend(g: Reading) -> str:
    ref = g.reference()
    step = g.direction()
    if step > 0:
        saturday = ref + relativedelta(days=1, weekday=SA(+1))
    elif step == 0 and g.get("direction"):
        saturday = ref - timedelta(days=ref.weekday()) + timedelta(days=5)
    else:
        sunday_counts = timedelta(days=1) if ref.weekday() == 6 else timedelta(0)
        saturday = ref - sunday_counts + relativedelta(weekday=SA(-1))
    year, week, _ = saturday.isocalendar()
    return f"{year:04d}-W{week:02d}-WE"


def _quarter(g: Reading) -> str:
    quarter = g.word("ordinal")
    year = g.get("year") or g.get("of_year")
    if year:
        return f"{int(year):04d}-Q{quarter}"
    ref = g.reference()
    if g.get("direction"):
        return f"{ref.year + g.direction():04d}-Q{quarter}"

    def period(k: int) -> tuple[date, date]:
        return _month_period(ref.year + k, 3 * quarter - 2)[0], _month_period(ref.year + k, 3 * quarter)[1]

    return f"{_choose(period, ref, g.side()).year:04d}-Q{quarter}"


def _half(g: Reading) -> str:
    half = g.word("ordinal") or 2
    year = int(g.get("year")) if g.get("year") else g.reference().year + g.direction()
    return f"{year:04d}-H{half}"


def _season(g: Reading) -> str:
    season = g.word("season")
    year = g.year() if g.get("year") else g.reference().year + g.direction()
    return f"{year:04d}-{season}"


def _decade(g: Reading) -> str:
    if g.get("decade_year"):
        return g.get("decade_year")[:3]
    year = g.reference().year // 100 * 100 + g.word("decade") * 10
    return f"{year // 10 - (10 if year > g.reference().year else 0):03d}"


def _century(g: Reading) -> str:
    return f"{g.number('count') - 1:02d}"


def _duration(g: Reading) -> str:
    unit = g.unit()
    if g.get("count") is None:
        amount = "X" if g.args.get("vague") else "1"
    else:
        count = g.number("count")
        amount = "X" if count is None else str(count)
    return f"PT{amount}{unit[0]}" if unit in ("H", "MIN") else f"P{amount}{unit}"


def _set(g: Reading) -> str:
    if g.get("recurrence"):
        return g.word("recurrence")
    if g.get("weekday"):
        return f"XXXX-WXX-{g.word('weekday') + 1}"
    if g.get("month"):
        return f"XXXX-{g.word('month'):02d}"
    return f"P1{g.unit()}"


def _ref(g: Reading) -> str:
    return g.args["value"]


def _vague(g: Reading) -> str:
    raise DateError("does not say when: it places this only by an event, not by a date")


RESOLVERS: dict[str, Callable[[Reading], str]] = {
    "calendar": _calendar,
    "month": _month,
    "weekday": _weekday,
    "time": _time,
    "day": _day,
    "ago": _ago,
    "named": _named,
    "period": _period,
    "weekend": _weekend,
    "quarter": _quarter,
    "half": _half,
    "season": _season,
    "decade": _decade,
    "century": _century,
    "duration": _duration,
    "set": _set,
    "ref": _ref,
    "vague": _vague,
}
