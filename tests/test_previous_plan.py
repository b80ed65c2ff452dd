"""The last build's plan, told from this build's after an edit, is the plan
of the last build's content: whether the edit moved pages or not."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import QUOTE, edit, write
from test_preview import EDITS

from generator import content as content_loader
from generator.model import Content, Embed
from generator.plan import plan_site
from generator.previousplan import UNPLANNED, edited_objects, previous_plan


def load(site: Path, drafts: bool = False) -> Content:
    content, problems = content_loader.load(site, drafts)
    assert problems == []
    return content


@pytest.mark.parametrize("change", list(EDITS))
def test_the_plan_before_each_kind_of_edit_is_told_from_the_plan_after(site, change):
    edit(site / "site.toml", 'language = "en"', 'language = "en"\nindex_page_size = 1')  # a page per year
    before = load(site)
    EDITS[change](site)
    now = load(site)
    assert previous_plan(before, now, plan_site(now)) == plan_site(before)


def test_after_an_edit_that_moves_nothing_the_pages_not_showing_it_are_taken_as_they_are(site):
    edit(site / "site.toml", 'language = "en"', 'language = "en"\nindex_page_size = 1')
    before = load(site)
    EDITS["an entry's title"](site)
    now = load(site)
    plan = plan_site(now)
    told = previous_plan(before, now, plan)
    assert told == plan_site(before)
    kept = {page.path for page, was in zip(plan.pages, told.pages, strict=True) if page is was}
    assert "quote/nothing-left.html" in kept and "people/abu-test.html" in kept
    assert "events/withdrawal.html" not in kept and "timeline.json" not in kept


def unplanned_changed(content: Content, direction: int) -> Content:
    """`content` with every field the plan is said never to read changed on
    every object, to values in the order of the objects, or the reverse:
    one of the two reorders whatever the plan would sort by them."""

    def changed(number: int, item):
        mark = f"{1000 + direction * number:04d} "
        values = {}
        for name in UNPLANNED[type(item)]:
            value = getattr(item, name)
            if name == "embeds":
                values[name] = (*value, Embed(url=f"https://example.org/{number}", title=mark))
            else:
                values[name] = mark + (value or "")
        return dataclasses.replace(item, **values)

    return Content(
        site=content.site,
        sources={key: changed(n, s) for n, (key, s) in enumerate(content.sources.items())},
        quotes={key: changed(n, q) for n, (key, q) in enumerate(content.quotes.items())},
        events=tuple(changed(n, e) for n, e in enumerate(content.events)),
        drafts_left_out=content.drafts_left_out,
    )


@pytest.mark.parametrize("direction", [1, -1])
@pytest.mark.parametrize("index_page_size", [1, 300])
def test_the_plan_reads_none_of_the_fields_said_to_place_nothing(site, many_sources_site, index_page_size, direction):
    write(site / "quotes" / "leaving.md", QUOTE.replace("There is nothing left to defend here.", "We are leaving"))
    for folder, drafts in ((site, False), (many_sources_site.parent / "content", True)):
        edit(folder / "site.toml", 'language = "en"', f'language = "en"\nindex_page_size = {index_page_size}')
        before = load(folder, drafts)
        now = unplanned_changed(before, direction)
        assert edited_objects(before, now) is not None  # the plan is told, not made again
        assert previous_plan(before, now, plan_site(now)) == plan_site(before)
