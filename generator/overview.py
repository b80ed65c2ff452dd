"""The overview at the top of the timeline: where each entry falls in time,
laid out here and drawn by the theme as inline SVG at build time.

Empty stretches of time are collapsed: the distance between two columns
grows with the logarithm of the time between them, and a gap longer than
BREAK_DAYS is drawn as a break (for a large archive's months, a gap of over a year). So a timeline that runs from 2009 to two
busy days in December 2016 shows both ends, and the busy days stay legible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

DOT = 12  # the grid a dot sits on, in px
ROWS = 8  # dots in a stack before the next stack starts beside it
BAR_WIDTH = 4
BAR_HEIGHT = 48
BREAK_DAYS = 62
BREAK_BAR_DAYS = 400
LABEL_CHAR = 6.2  # the width of one label character at the overview's font size
MARGIN = 10
WIDTH = 560  # what a short timeline is spread to; the theme shrinks it on a phone
BREAK_GAP = 14
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
    x: float
    y: float
    height: float  # 0 for a dot
    item: Item


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Overview:
    width: int
    height: int
    axis_y: int
    marks: tuple[Mark, ...]
    labels: tuple[Label, ...]
    breaks: tuple[float, ...]  # x of each collapsed stretch
    bar_width: int = BAR_WIDTH

    @property
    def shapes(self) -> set[str]:
        """The shapes of the marks drawn, for the legend to explain."""
        return {m.item.shape for m in self.marks}


def layout(groups: list[Group], bars: bool = False) -> Overview:
    """Columns left to right in time. Dots stack per group; with `bars`, each
    group is a period (a month or a year) whose single item is a bar as tall
    as its count, and only gaps of more than a year are broken."""
    widths = [BAR_WIDTH if bars else DOT * math.ceil(len(g.items) / ROWS) for g in groups]
    stack = BAR_HEIGHT if bars else DOT * min(ROWS, max((len(g.items) for g in groups), default=1))
    axis_y = MARGIN + stack
    gaps: list[float] = [0.0]
    breaks_after: list[int] = []
    for number in range(1, len(groups)):
        days = (groups[number].start - groups[number - 1].start).days
        gaps.append(1 + 4 * math.log2(max(1.0, days / 31)) if bars else 6 + 6 * math.log2(1 + days))
        if days > (BREAK_BAR_DAYS if bars else BREAK_DAYS):
            breaks_after.append(number)
    # A short timeline is spread to a comfortable width rather than huddled at the left.
    room = WIDTH - 2 * MARGIN - sum(widths) - BREAK_GAP * len(breaks_after)
    stretch = max(1.0, room / sum(gaps)) if sum(gaps) else 1.0
    xs: list[float] = []
    breaks: list[float] = []
    x = float(MARGIN)
    for number, width in enumerate(widths):
        gap = gaps[number] * stretch
        if number in breaks_after:
            breaks.append(round(x + gap / 2 + BREAK_GAP / 2, 1))
            gap += BREAK_GAP
        x += gap
        xs.append(round(x, 1))
        x += width
    most = max((i.count for g in groups for i in g.items), default=1)
    marks = []
    for group, left in zip(groups, xs):
        for n, item in enumerate(group.items):
            if bars:
                height = max(3.0, BAR_HEIGHT * item.count / most)
                marks.append(Mark(left, round(axis_y - height, 1), round(height, 1), item))
            else:
                column, row = divmod(n, ROWS)
                marks.append(Mark(round(left + DOT * column + DOT / 2, 1), axis_y - DOT * row - DOT / 2, 0, item))
    labels = _labels(groups, xs, widths, axis_y)
    return Overview(math.ceil(x + MARGIN), axis_y + 36, axis_y, tuple(marks), labels, tuple(breaks))


def _labels(groups: list[Group], xs: list[float], widths: list[int], axis_y: int) -> tuple[Label, ...]:
    """A label under each column and its year under the first column of each
    year, each left out where it would overlap the one before."""
    labels = []
    taken = {1: -math.inf, 2: -math.inf}
    last_year = None
    for group, left, width in zip(groups, xs, widths):
        centre = left + width / 2
        lines = [(1, group.label)] if group.label else []
        year = str(group.start.year)
        if year != last_year and year != group.label:
            lines.append((2, year))
        for line, text in lines:
            half = len(text) * LABEL_CHAR / 2
            if centre - half >= taken[line] + 4:
                labels.append(Label(round(centre, 1), axis_y + 14 * line, text))
                taken[line] = centre + half
                if line == 2 or text == year:
                    last_year = year
    return tuple(labels)
