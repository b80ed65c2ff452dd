"""The overview's layout: every item gets a mark, long empty stretches are
shortened and shown as breaks, and labels never overlap."""

from datetime import date
from itertools import pairwise

from generator import dates
from generator.model import Event
from generator.overview import LABEL_CHAR, Group, Item, layout
from generator.render import by_day


def groups(*days: tuple[date, int]) -> list[Group]:
    return [Group(day, f"{day:%d %b}", tuple(Item(f"#e-{day}-{n}", f"entry {n}") for n in range(count)))
            for day, count in days]


def test_years_of_nothing_take_little_room_and_are_drawn_as_a_break():
    busy = layout(groups((date(2016, 12, 11), 3), (date(2016, 12, 12), 12)))
    sparse = layout(groups((date(2009, 6, 1), 1), (date(2016, 12, 11), 3), (date(2016, 12, 12), 12)))
    assert len(sparse.breaks) == 1 and busy.breaks == ()
    assert sparse.width == busy.width  # a short timeline is spread to the same comfortable width
    xs = sorted({m.x for m in sparse.marks})
    gap_of_seven_years, gap_of_a_day = xs[1] - xs[0], xs[2] - xs[1]
    assert gap_of_seven_years < 6 * gap_of_a_day


def test_every_item_gets_a_mark_and_a_full_day_stacks_into_more_columns():
    overview = layout(groups((date(2016, 12, 12), 20)))
    assert sorted(m.item.href for m in overview.marks) == sorted(f"#e-2016-12-12-{n}" for n in range(20))
    assert len({m.x for m in overview.marks}) == 3  # 8 to a stack
    assert all(0 < m.y < overview.axis_y for m in overview.marks)


def test_labels_never_overlap():
    overview = layout(groups(*[(date(2016, 12, d), 1) for d in range(1, 31)]))
    lines = {label.y for label in overview.labels}
    assert len(lines) == 2  # the days, and the year under the first
    for y in lines:
        labels = sorted((label.x, label.text) for label in overview.labels if label.y == y)
        for (x1, t1), (x2, t2) in pairwise(labels):
            assert x2 - x1 >= (len(t1) + len(t2)) * LABEL_CHAR / 2


def test_periods_are_bars_as_tall_as_their_count_and_adjacent_months_sit_close():
    months = [Group(date(2016, m, 1), "", (Item(f"timeline/2016-{m:02d}.html", f"month {m}", count=m),)) for m in range(1, 13)]
    overview = layout(months, bars=True)
    heights = [m.height for m in overview.marks]
    assert heights == sorted(heights) and heights[-1] == 48
    assert overview.breaks == ()


def test_a_week_across_two_months_is_labelled_with_both():
    week = dates.resolve("the past week", date(2016, 12, 5))
    event = Event(id="e", path=None, when=week, title="t", kind="k", certainty="reported")
    [day] = by_day((event,))
    assert day.short == "28 Nov–4 Dec" and day.label.startswith("Week of 28 Nov")
