"""The overview's layout: every item gets a mark, stacked up from the axis in
its date's column; long empty stretches are shortened and shown as breaks;
each column is labelled, with its year under the first column of the year."""

from datetime import date

from generator import dates
from generator.model import Event
from generator.overview import ROWS, STEPS, Group, Item, layout
from generator.render import by_day


def groups(*days: tuple[date, int]) -> list[Group]:
    return [Group(day, f"{day:%d %b}", tuple(Item(f"#e-{day}-{n}", f"entry {n}") for n in range(count)))
            for day, count in days]


def test_years_of_nothing_take_little_room_and_are_drawn_as_a_break():
    sparse = layout(groups((date(2009, 6, 1), 1), (date(2016, 12, 11), 3), (date(2016, 12, 12), 12)))
    assert [c.broken for c in sparse.columns] == [False, True, False]
    assert [c.step for c in sparse.columns] == [0, STEPS, 1]  # the room before a column, capped


def test_every_item_gets_a_mark_and_a_full_day_stacks_into_more_columns_from_the_axis_up():
    overview = layout(groups((date(2016, 12, 11), 1), (date(2016, 12, 12), 14)))
    marks = overview.columns[1].marks
    assert sorted(m.item.href for m in marks) == sorted(f"#e-2016-12-12-{n}" for n in range(14))
    assert overview.rows == ROWS and {m.stack for m in marks} == {1, 2, 3}
    assert [m.row for m in marks[:ROWS]] == list(range(ROWS, 0, -1))  # the first on the axis
    assert overview.columns[0].marks[0].row == ROWS


def test_every_column_is_labelled_and_the_year_is_said_once():
    overview = layout(groups(*[(date(2016, 12, d), 1) for d in range(1, 31)]) + groups((date(2017, 1, 2), 1)))
    assert all(c.label for c in overview.columns)
    assert [c.year for c in overview.columns if c.year] == ["2016", "2017"]


def test_periods_are_bars_as_tall_as_their_count_and_adjacent_months_sit_close():
    months = [Group(date(2016, m, 1), "", (Item(f"timeline/2016-{m:02d}.html", f"month {m}", count=m),)) for m in range(1, 13)]
    overview = layout(months, bars=True)
    heights = [c.marks[0].height for c in overview.columns]
    assert heights == sorted(heights) and heights[-1] == 100
    assert not any(c.broken for c in overview.columns)


def test_a_week_across_two_months_is_labelled_with_both():
    week = dates.resolve("the past week", date(2016, 12, 5))
    event = Event(id="e", path=None, when=week, title="t", kind="k", certainty="reported")
    [day] = by_day((event,))
    assert day.short == "28 Nov–4 Dec" and day.label.startswith("Week of 28 Nov")
