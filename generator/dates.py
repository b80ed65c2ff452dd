"""Date resolution: an ISO date or an article's own words, read against the
article's date, become a `When` at the precision the words support.

The rules (patterns, word lists, examples) live in rules/dates.toml; this
module holds only the small functions they name. Nothing here reads the
clock: the reference date is always passed in.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Callable

from dateutil.relativedelta import SA, relativedelta
from dateutil.relativedelta import weekday as Weekday

from generator.model import When

RULES_FILE = Path(__file__).parent / "rules" / "dates.toml"
PART_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}


class DateError(ValueError):
    """The words cannot be placed on a timeline; the message says why."""


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    resolve: str
    args: dict
    examples: dict[str, str]


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    words: dict[str, dict[str, object]]
    example_reference: date


@cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    words = data["words"]

    def word_group(match: re.Match[str]) -> str:
        name = match.group(1)
        # Longest first, so "the day before yesterday" wins over "yesterday".
        choices = sorted(words[name], key=len, reverse=True)
        return f"(?P<{name}>{'|'.join(re.escape(w) for w in choices)})"

    rules = tuple(
        Rule(
            name=raw["name"],
            regex=re.compile(re.sub(r"\{([a-z_]+)\}", word_group, raw["pattern"]), re.IGNORECASE),
            resolve=raw["resolve"],
            args=raw.get("args", {}),
            examples=raw.get("examples", {}),
        )
        for raw in data["rule"]
    )
    return Rules(rules, words, data["example_reference"])


def resolve(phrase: str, reference: date | None) -> When:
    """Read `phrase` against `reference` (the article's date); raise DateError."""
    rules = load_rules()
    words = " ".join(phrase.split())
    for rule in rules.rules:
        match = rule.regex.fullmatch(words)
        if not match:
            continue
        groups = {k: v.lower() for k, v in match.groupdict().items() if v is not None}
        resolver = RESOLVERS[rule.resolve]
        if resolver is not _calendar and reference is None:
            raise DateError(
                f"date {phrase!r} is relative: the entry needs a source with a published date to read it against"
            )
        try:
            when = resolver(Groups(groups, rule.args, rules.words), reference)
        except DateError as error:
            raise DateError(f"date {phrase!r} {error}") from None
        # Keep the article's words to show beside the date, unless they are the
        # ISO date itself; keep the reference only where the words needed it.
        return replace(
            when,
            words=phrase if words != when.value else None,
            reference=reference if resolver is not _calendar else None,
        )
    raise DateError(
        f"cannot read date {phrase!r}: use an ISO date (2016-12-12, 2016-03, 2009) "
        "or the article's words (Monday, last March, over the weekend)"
    )


def from_date(day: date) -> When:
    """A date written as a TOML date literal (date = 2016-12-12)."""
    return _on_day(day)


@dataclass(frozen=True)
class Groups:
    """What a rule captured, its fixed args, and the word lists to look words up in."""

    captured: dict[str, str]
    args: dict
    words: dict[str, dict[str, object]]

    def get(self, name: str):
        if name in self.captured:
            return self.captured[name]
        return self.args.get(name)

    def number(self, name: str, list_name: str | None = None) -> int | None:
        value = self.get(name)
        if value is None:
            return None
        if isinstance(value, int) or str(value).isdigit():
            return int(value)
        return int(self.words[list_name or name][value])

    def part_of_day(self) -> str | None:
        part = self.get("part_of_day")
        return self.words["part_of_day"][part] if part else None


# -- Whens at each precision -------------------------------------------------


def _on_day(day: date, part_of_day: str | None = None) -> When:
    value = day.isoformat() + (f"T{part_of_day}" if part_of_day else "")
    return When(value, "day", day, day, part_of_day)


def _in_month(year: int, month: int) -> When:
    start = date(year, month, 1)
    end = start + relativedelta(months=1, days=-1)
    return When(f"{year:04d}-{month:02d}", "month", start, end)


def _in_year(year: int) -> When:
    return When(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))


def _in_week(day: date) -> When:
    year, week, weekday = day.isocalendar()
    monday = day - timedelta(days=weekday - 1)
    return When(f"{year:04d}-W{week:02d}", "week", monday, monday + timedelta(days=6))


def _on_weekend(saturday: date) -> When:
    year, week, _ = saturday.isocalendar()
    return When(f"{year:04d}-W{week:02d}-WE", "weekend", saturday, saturday + timedelta(days=1))


def _at_precision(day: date, unit: str) -> When:
    return {
        "days": lambda: _on_day(day),
        "weeks": lambda: _in_week(day),
        "months": lambda: _in_month(day.year, day.month),
        "years": lambda: _in_year(day.year),
    }[unit]()


# -- The resolvers that rules name ----------------------------------------------


def _calendar(g: Groups, reference: date | None) -> When:
    year, month, day = g.number("year"), g.number("month"), g.number("day")
    try:
        if day is not None:
            when = _on_day(date(year, month, day))
        elif month is not None:
            when = _in_month(year, month)
        else:
            when = _in_year(year)
    except ValueError:
        raise DateError("is not a day in the calendar") from None
    weekday = g.number("weekday")
    if weekday is not None and when.start.weekday() != weekday:
        actual = when.start.strftime("%A")
        raise DateError(f"does not add up: {when.value} was a {actual}, not a {g.get('weekday').capitalize()}")
    return when


def _month(g: Groups, reference: date) -> When:
    month = g.number("month")
    direction = g.get("direction")
    year = reference.year
    if direction == "next":
        year += 1 if month <= reference.month else 0
    elif direction == "this":
        pass
    elif direction in ("last", "this past"):
        year -= 1 if month >= reference.month else 0
    else:
        year -= 1 if month > reference.month else 0
    return _in_month(year, month)


def _weekday(g: Groups, reference: date) -> When:
    day = Weekday(g.number("weekday"))
    direction = g.get("direction")
    if direction == "next":
        moved = reference + relativedelta(days=1, weekday=day(+1))
    elif direction in ("last", "this past"):
        moved = reference + relativedelta(days=-1, weekday=day(-1))
    elif direction == "this":
        moved = reference - timedelta(days=reference.weekday()) + timedelta(days=day.weekday)
    else:
        moved = reference + relativedelta(weekday=day(-1))
    return _on_day(moved, g.part_of_day())


def _day(g: Groups, reference: date) -> When:
    offset = g.number("day_offset")
    if offset is None:
        offset = g.number("days")
    return _on_day(reference + timedelta(days=offset), g.part_of_day())


def _ago(g: Groups, reference: date) -> When:
    count = g.number("count", "number")
    unit = g.words["unit"][g.get("unit")]
    return _at_precision(reference - relativedelta(**{unit: count}), unit)


def _period(g: Groups, reference: date) -> When:
    unit = g.words["unit"][g.get("unit")]
    step = {"last": -1, "this past": -1, "the past": -1, "the last": -1, "next": 1, "the coming": 1}
    return _at_precision(reference + relativedelta(**{unit: step.get(g.get("direction"), 0)}), unit)


def _weekend(g: Groups, reference: date) -> When:
    direction = g.get("direction")
    if direction in ("next", "this coming"):
        return _on_weekend(reference + relativedelta(days=1, weekday=SA(+1)))
    if direction == "this":
        return _on_weekend(reference - timedelta(days=reference.weekday()) + timedelta(days=5))
    sunday_counts = timedelta(days=1) if reference.weekday() == 6 else timedelta(0)
    return _on_weekend(reference - sunday_counts + relativedelta(weekday=SA(-1)))


def _vague(g: Groups, reference: date) -> When:
    raise DateError(
        "does not say when this happened: give a date (2016-12-12, 2016-03, 2009) "
        "or words that place it (Monday, last March)"
    )


RESOLVERS: dict[str, Callable[[Groups, date | None], When]] = {
    "calendar": _calendar,
    "month": _month,
    "weekday": _weekday,
    "day": _day,
    "ago": _ago,
    "period": _period,
    "weekend": _weekend,
    "vague": _vague,
}
