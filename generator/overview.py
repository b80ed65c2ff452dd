"""The overview at the top of the timeline: where each entry falls in time,
laid out here as columns and drawn by the theme in HTML and CSS, so that it
fills the column at any width with labels at the page's own size.

Each date is a column of marks stacked on an axis, its label under it. The
room before a column grows with the logarithm of the time since the one
before (the theme shares out the spare width by these steps), and a gap
longer than BREAK_DAYS is drawn as a break (for a large archive's months, a
gap of over a year). So a timeline that runs from 2009 to two busy days in
December 2016 shows both ends, and the busy days stay legible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

ROWS = 6  # marks in a stack before the next stack starts beside it
BREAK_DAYS = 62
BREAK_BAR_DAYS = 400
STEPS = 5  # the largest step of room before a column
# The shapes of an entry's mark, told apart without colour: a circle for a
# date the article gives, a diamond for one inferred (from the sentence
# before, the day of the report), a triangle pointing back for an entry known
# only to have happened by its date.
CIRCLE = "circle"
INFERRED = "inferred"
ON_OR_BEFORE = "on-or-before"


@dataclass(frozen=True)
class Item:
    """What a column holds: an entry, or a period with its count."""

    href: str
    label: str
    style: str = ""  # a class for the theme, e.g. the entry's certainty
    count: int = 1
    shape: str = CIRCLE


@dataclass(frozen=True)
class Group:
    start: date
    label: str  # short: "12 Dec", "Mar", "2009"
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Mark:
    item: Item
    row: int  # in the column's grid, 1 at the top; the last row sits on the axis
    stack: int  # 1 for the first stack of a column
    height: int = 0  # a bar's height in percent of the tallest; 0 for a mark


@dataclass(frozen=True)
class Column:
    label: str
    year: str  # under the first column of each year, unless the label says it
    step: int  # 0..STEPS: the room before it, by the time since the column before
    broken: bool  # a long empty stretch before it, drawn as a break
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Overview:
    columns: tuple[Column, ...]
    rows: int  # the height of the tallest stack, in marks
    bars: bool = False

    @property
    def shapes(self) -> set[str]:
        """The shapes of the marks drawn, for the legend to explain."""
        return {m.item.shape for c in self.columns for m in c.marks}

    @property
    def styles(self) -> set[str]:
        """The classes of the marks drawn (certainties, "differ"), for the legend."""
        return {word for c in self.columns for m in c.marks for word in m.item.style.split()}


def layout(groups: list[Group], bars: bool = False) -> Overview:
    """Columns left to right in time. Marks stack up from the axis per group;
    with `bars`, each group is a period (a month or a year) whose single item
    is a bar as tall as its count, and only gaps of more than a year are broken."""
    rows = 1 if bars else min(ROWS, max((len(g.items) for g in groups), default=1))
    most = max((i.count for g in groups for i in g.items), default=1)
    columns = []
    last_year = None
    previous = None
    for group in groups:
        days = (group.start - previous).days if previous else 0
        step = 0 if previous is None else min(STEPS, math.ceil(math.log2(1 + days / (31 if bars else 1)) / 2))
        broken = previous is not None and days > (BREAK_BAR_DAYS if bars else BREAK_DAYS)
        year = str(group.start.year)
        shown_year = year if year != last_year and year not in group.label else ""
        last_year = year
        if bars:
            marks = tuple(Mark(item, 1, 1, max(6, round(100 * item.count / most))) for item in group.items)
        else:
            marks = tuple(Mark(item, rows - n % rows, n // rows + 1) for n, item in enumerate(group.items))
        columns.append(Column(group.label, shown_year, step, broken, marks))
        previous = group.start
    return Overview(tuple(columns), rows, bars)
