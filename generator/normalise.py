"""How the words a rule of rules/dates.toml matched become a TIMEX3 value.

Each function here takes a `Reading` (what the rule captured, its fixed args,
the word lists, the document's date and the sentence's tense) and returns a
value such as 2016-12-12, 2016-W49-WE, 2016-Q3 or P3D, or raises DateError
saying why the words place nothing. The rules name these functions by their
key in RESOLVERS; generator/dates.py finds the words and calls them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from dateutil.relativedelta import SA, relativedelta
from dateutil.relativedelta import weekday as Weekday


class DateError(ValueError):
    """The words cannot be placed on a timeline; the message says why."""


class NeedsReference(DateError):
    """The words are relative and no reference date was given."""


@dataclass
class Reading:
    """What a rule captured, its fixed args, the word lists, the reference date and the tense."""

    captured: dict[str, str]
    args: dict
    words: dict[str, dict[str, object]]
    dct: date | None
    # The sentence is read only when a rule asks: most never need its tense or topic.
    read_tense: Callable[[], str | None]  # past | future | None when the words do not say
    read_topic: Callable[[], str | None] = lambda: None  # the [topic] the text just before it is about
    last_named: str | None = None  # the last time the text named before it: 1989, 1989-10, 1989-10-27, 1989-Q3
    used_reference: bool = field(default=False)

    @cached_property
    def tense(self) -> str | None:
        return self.read_tense()

    @cached_property
    def topic(self) -> str | None:
        return self.read_topic()

    def reference(self) -> date:
        if self.dct is None:
            raise NeedsReference("is relative")
        self.used_reference = True
        return self.dct

    def side(self) -> str | None:
        """The tense to read the words in: the rule's own, else the sentence's."""
        return self.args.get("tense") or self.tense

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
            weekday = g.word("weekday")
            if weekday is not None and date(year, month, day).weekday() != weekday:
                # "Monday, Dec. 14", written in December 2016: the weekday says which year (2015).
                year = next((y for k in WEEKDAY_YEARS for y in [ref.year + k] if _is_day(y, month, day) and date(y, month, day).weekday() == weekday), year)
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


WEEKDAY_YEARS = (-1, 1, -2, -3, 2, -4, -5, -6)  # the years tried for a weekday, nearest first and the past before the future


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _iso_week(g: Reading) -> str:
    year, week = g.year(), int(g.get("week"))
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        raise DateError("is not a week in the calendar") from None
    return f"{year:04d}-W{week:02d}" + ("-WE" if g.get("weekend") else "")


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
    if g.get("steps"):
        # "The previous Friday" counts from the day the text last named.
        ref = _first_day(g.last_named) if _from_last_named(g, "D") else ref
        step, pointed = g.word("steps", "anaphora"), True
    else:
        step, pointed = g.direction(), bool(g.get("direction"))
    if step > 0:
        moved = ref + relativedelta(days=1, weekday=day(+1))
    elif step < 0:
        moved = ref + relativedelta(days=-1, weekday=day(-1))
    elif pointed:
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
    half = (g.get("half") or "").replace(".", "").lower()  # "p.m.", "pm"
    if hour > 12 and half or hour > 24 or (minute or 0) > 59:
        raise DateError("is not a time of day")
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    return f"{day[:10]}T{hour:02d}" + (f":{minute:02d}" if minute is not None else ":00")


def _day(g: Reading) -> str:
    offset = g.word("day_offset")
    if offset is None:
        offset = g.args["days"]
    return _day_value(g.reference() + timedelta(days=offset), g.word("part_of_day"))


def _part_of_day(g: Reading) -> str:
    if g.get("day_offset"):
        return _day(g)
    day = _first_day(g.last_named) if _from_last_named(g, "D") else g.reference()
    return _day_value(day, g.word("part_of_day"))


def _ago(g: Reading) -> str:
    count, unit = g.number("count"), g.unit()
    precision = g.args.get("precision_by_topic", {}).get(g.topic, g.args.get("precision"))
    if g.get("from_last_named") and count is not None and _from_last_named(g, unit) and precision != unit:
        # At the precision the text named it: 1989-Q3, a year earlier, is 1988-Q3.
        return _at_precision(_first_day(g.last_named) - STEP[unit] * count, _unit_of(g.last_named))
    ref = g.reference()
    if count is None:
        return _at_precision(ref, unit)[:3] + "X" if unit == "Y" else "PAST_REF"
    if precision and ORDER.index(precision) < ORDER.index(unit):
        # "A year ago" beside a quarter's results is that quarter, a year before.
        return _at_precision(ref - STEP[precision] - STEP[unit] * count, precision)
    return _at_precision(ref - STEP[unit] * count, unit)


def _later(g: Reading) -> str:
    if g.side() != "future":
        return _duration(g)
    count = g.number("count")
    if count is None or g.get("vague"):
        return "FUTURE_REF"
    return _at_precision(g.reference() + STEP[g.unit()] * count, g.unit())


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


def _then(g: Reading) -> str:
    if g.last_named is None:
        raise DateError("points back to a time the text has not named")
    return g.last_named


def _period(g: Reading) -> str:
    unit = g.unit()
    steps = g.direction() if g.get("direction") else g.get("steps")
    value = _at_precision(g.reference() + STEP[unit] * steps, unit)
    if g.get("year") and g.args.get("precision_by_topic", {}).get(g.topic) == "Y":
        return g.get("year")  # "the 1988 period" beside nine months' results is that year
    return g.get("year") + value[4:] if g.get("year") else value


def _week_of_the_year(g: Reading) -> str:
    return f"{g.reference().year:04d}-WXX"


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
    if not g.get("year") and g.topic == "match":
        raise DateError("is a half of play, not of the year")
    half = g.word("ordinal") or 2
    year = int(g.get("year")) if g.get("year") else g.reference().year + g.direction()
    return f"{year:04d}-H{half}"


# The month each season begins in; a season lasts three months.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(g: Reading) -> str:
    season = g.word("season")
    if g.args.get("ended"):
        ref = g.reference()
        year = next(y for y in (ref.year, ref.year - 1, ref.year - 2) if date(y, SEASON_START[season], 1) + relativedelta(months=3) <= ref)
    else:
        year = g.year() if g.get("year") else g.reference().year + g.direction()
    return f"{year:04d}-{season}"


def _decade(g: Reading) -> str:
    if g.get("decade_year"):
        return g.get("decade_year")[:3]
    if g.topic == "temperature":
        raise DateError("is a temperature, not a decade")
    year = g.reference().year // 100 * 100 + g.word("decade") * 10
    return f"{year // 10 - (10 if year > g.reference().year else 0):03d}"


def _century(g: Reading) -> str:
    return f"{g.number('count') - 1:02d}"


# Half a unit in the next smaller one, as TIMEX3 writes it ("2 1/2 years" is
# P2Y6M); other units take a decimal ("2 1/2 weeks" is P2.5W).
HALF = {"Y": "6M", "D": "T12H", "H": "30M", "MIN": "30S"}


def _duration(g: Reading) -> str:
    unit = g.unit()
    if g.get("count") is None:
        amount = "X" if g.args.get("vague") else "1"
    else:
        count = g.number("count")
        amount = "X" if count is None else str(count)
    symbol = unit[0] if unit in ("H", "MIN") else unit
    if amount == "X" or not (g.get("half") or g.get("and_a_half")):
        value = amount + symbol
    elif unit in HALF:
        value = amount + symbol + HALF[unit]
    else:
        value = f"{amount}.5{symbol}"
    return "PT" + value if unit in ("H", "MIN") else "P" + value


def _set(g: Reading) -> str:
    if g.get("recurrence"):
        return g.word("recurrence")
    if g.get("weekday"):
        part = g.word("part_of_day")
        return f"XXXX-WXX-{g.word('weekday') + 1}" + (f"T{part}" if part else "")
    if g.get("month"):
        return f"XXXX-{g.word('month'):02d}"
    if g.get("season"):
        return f"XXXX-{g.word('season')}"
    return f"P1{g.unit()}"


def _ref(g: Reading) -> str:
    return g.args["value"]


def _two_years(g: Reading) -> str:
    raise DateError("spans two calendar years (a financial year, a season): no one year holds it")


def _vague(g: Reading) -> str:
    raise DateError("does not say when: it places this only by an event, not by a date")


RESOLVERS: dict[str, Callable[[Reading], str]] = {
    "calendar": _calendar,
    "iso_week": _iso_week,
    "month": _month,
    "weekday": _weekday,
    "time": _time,
    "day": _day,
    "part_of_day": _part_of_day,
    "ago": _ago,
    "later": _later,
    "named": _named,
    "then": _then,
    "period": _period,
    "week_of_the_year": _week_of_the_year,
    "weekend": _weekend,
    "quarter": _quarter,
    "half": _half,
    "season": _season,
    "decade": _decade,
    "century": _century,
    "duration": _duration,
    "set": _set,
    "ref": _ref,
    "two_years": _two_years,
    "vague": _vague,
}
