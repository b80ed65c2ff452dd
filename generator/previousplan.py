"""The last build's plan, told from this build's, for the build after an
edit to know which pages changed (generator/incremental.py).

Planning the whole site costs a build after one edit a tenth of its time.
When the edit changed only what no page's path, order or grouping depends
on (an entry's title, a quote's words, a source's outlet), the last plan
is this one with the edited objects as they were: found by a walk through
the pages' contexts, about a third of the cost of planning. Any other edit, and
any value the walk does not know, has the site planned again from the last
build's content.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from generator.model import Account, Content, Embed, Event, Image, Quote, Site, Source, Span, When
from generator.plan import Page, Plan, Urls, plan_site

# The fields of the model that plan_site never reads: they are shown on
# pages, and place nothing. (tests/test_previous_plan.py changes each of
# them on every object and checks that the plan stays as it was.)
UNPLANNED = {
    Event: frozenset({"title", "certainty", "according_to", "passage", "body", "accounts_differ", "merged_because", "dated", "embeds"}),
    Quote: frozenset({"text", "channel", "note"}),
    Source: frozenset({"title", "outlet", "author", "language"}),
}
# Values that hold no model object (Urls holds paths only, see plan.Urls),
# and the model's objects and values, which hold no other.
LEAVES = frozenset({str, int, float, bool, type(None), date, Urls, Site, *UNPLANNED, Span, When, Account, Image, Embed})
FIELDS: dict[type, tuple[str, ...]] = {}  # each dataclass's field names, read once


class Unknown(Exception):
    """A value in a context that the walk cannot look into."""


def previous_plan(before: Content, now: Content, plan: Plan) -> Plan:
    """plan_site(before), given `plan`, which is plan_site(now)."""
    swaps = edited_objects(before, now)
    if swaps is None:
        return plan_site(before)
    if not swaps:
        return plan
    try:
        shared = {name: _swapped(value, swaps) for name, value in plan.shared.items()}
        pages = [page if not _holds(page.context, swaps) else Page(page.path, page.template, _swapped(page.context, swaps))
                 for page in plan.pages]
    except Unknown:
        return plan_site(before)
    return Plan(shared, pages, plan.images)


def edited_objects(before: Content, now: Content) -> dict[int, object] | None:
    """The objects of `now` that differ from `before`'s, by id(), each with
    the object it was; None when the edit may have moved any page."""
    if before.site != now.site or len(before.events) != len(now.events):
        return None
    if list(before.quotes) != list(now.quotes) or list(before.sources) != list(now.sources):
        return None
    pairs = zip((*before.events, *before.quotes.values(), *before.sources.values()),
                (*now.events, *now.quotes.values(), *now.sources.values()))
    swaps = {}
    for old, new in pairs:
        if old is new or old == new:
            continue
        kind = type(new)
        if type(old) is not kind or kind not in UNPLANNED:
            return None
        unplanned = UNPLANNED[kind]
        if any(getattr(old, name) != getattr(new, name) for name in _fields(kind) if name not in unplanned):
            return None
        swaps[id(new)] = old
    return swaps


def _holds(value, swaps: dict[int, object]) -> bool:
    """Whether `value` holds any of the objects to swap."""
    stack = [value]
    while stack:
        item = stack.pop()
        if id(item) in swaps:
            return True
        kind = type(item)
        if kind in LEAVES:
            continue
        if isinstance(item, dict):
            stack.extend(item.values())
        elif kind is list or kind is tuple:
            stack.extend(item)
        else:
            stack.extend([getattr(item, name) for name in _fields(kind)])
    return False


def _swapped(value, swaps: dict[int, object]):
    """`value` with the objects to swap as they were: `value` itself when it holds none."""
    if id(value) in swaps:
        return swaps[id(value)]
    if not _holds(value, swaps):
        return value
    kind = type(value)
    if isinstance(value, dict):
        copy = value.copy()  # of its kind: the plan's lookups are defaultdicts
        copy.update((key, _swapped(item, swaps)) for key, item in value.items())
        return copy
    if kind is list or kind is tuple:
        return kind(_swapped(item, swaps) for item in value)
    return dataclasses.replace(value, **{name: _swapped(getattr(value, name), swaps) for name in _fields(kind)})


def _fields(kind: type) -> tuple[str, ...]:
    """The names of a dataclass's fields; Unknown for any other kind of value."""
    if kind not in FIELDS:
        if not dataclasses.is_dataclass(kind):
            raise Unknown(kind)
        FIELDS[kind] = tuple(field.name for field in dataclasses.fields(kind))
    return FIELDS[kind]
