"""Rendering: the plan's pages into their text, through the theme's Jinja2
templates and the filters and functions they are given.

Every link in a page is relative to that page, so the output works from
file:// and from any sub-path of a host. Nothing here touches the disk
except through the Jinja2 loaders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from markupsafe import Markup, escape

from generator import feeds, media, overview
from generator.model import ON_OR_BEFORE, Account, Embed, Event, Image, Source, When
from generator.parallel import parallel_map
from generator.passages import Mark, marked_paragraphs, paragraphs
from generator.plan import Page, Period, Plan, Urls
from generator.problems import count
from generator.themes import template_dirs


@lru_cache(maxsize=1)
def _markdown_renderer() -> Callable[[str], str]:
    """Markdown to HTML, made on first use: a build after one edit seldom
    renders a body (the build cache keeps them as HTML), and starts sooner without."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).disable("image").render


class SiteEnvironment(Environment):
    """Jinja2's Environment, with each template's globals in one plain dict.
    Jinja2 chains them to the environment's (a ChainMap), and copying that
    chain into every page's context cost as much as rendering a small page;
    nothing here changes the globals once templates are loaded."""

    def make_globals(self, d):
        return {**self.globals, **(d or {})}


def environment(content_dir: Path, theme: str, kind: type[Environment] = SiteEnvironment) -> Environment:
    env = kind(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in template_dirs(content_dir, theme)]),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # A change to a template makes a new environment (the preview does
        # so); checking every template's file before every page would cost
        # three stats a page.
        auto_reload=False,
        # Keep every template in a plain dict: a theme has a few dozen, and
        # the default LRU cache reorders its queue on each of the three
        # lookups a page makes (the page, base.html, the macros), about 3%
        # of rendering a large site.
        cache_size=-1,
    )
    env.filters.update(
        rel=rel,
        absolute=absolute,
        markdown=markdown,
        when_label=when_label,
        when_datetime=when_datetime,
        entry_date=entry_date,
        long_date=long_date,
        label=lambda slug: slug.replace("-", " ").replace("_", " ").capitalize(),
        paragraphs=lambda text: [text[a:b] for a, b in paragraphs(text)],
        excerpt=excerpt,
        quoted=quoted,
        certainty_text=certainty_text,
        by_day=by_day,
        atom_date=feeds.atom_date,
        places_in=lambda events: sorted({p for e in events for p in e.places}, key=str.casefold),
        one_source=one_source,
    )
    env.globals.update(
        entries_overview=entries_overview,
        periods_overview=periods_overview,
        timelinejs=timelinejs,
        text_fragment=feeds.text_fragment,
        on_report_day=on_report_day,
        dated=dated,
        dated_note=dated_note,
        dated_class=dated_class,
        day_heading=day_heading,
        atom_id=feeds.atom_id,
        count=count,
        picture=picture,
        card_label=card_label,
        host=media.host,
    )
    return env


_HTML: dict[str, Markup] = {}  # each Markdown text rendered, by text
_HTML_KEPT = 1 << 16  # texts kept before the dict starts again (a preview's edits add texts)


def markdown(text: str) -> Markup:
    """An entry's body as HTML. Each body is shown on several pages, and the
    preview renders pages again after every save: render each text once."""
    html = _HTML.get(text)
    if html is None:
        if len(_HTML) >= _HTML_KEPT:
            _HTML.clear()
        html = _HTML[text] = Markup(_markdown_renderer()(text))
    return html


def render_bodies(plan: Plan) -> None:
    """Render every entry's body before the pages are shared between
    processes, themselves sharing the work: otherwise each process would
    render all of them, as every body is shown on pages that both render."""
    texts = sorted({e.body for p in plan.shared["periods"] for e in p.events if e.body and e.body not in _HTML})
    if len(texts) < _HTML_KEPT:  # more would not all stay in the dict
        _HTML.update(zip(texts, map(Markup, parallel_map(_markdown_renderer(), texts))))


@pass_context
def rel(context, path: str) -> str:
    """A site path as a link relative to the page being rendered."""
    return context["root"] + path


def _read(context, obj: object, name: str):
    """`obj.name` read as a template reads it, through the environment, so
    that the preview, which records what each page reads, sees this read too."""
    return context.environment.getattr(obj, name)


@pass_context
def absolute(context, path: str) -> str:
    """A site path as an absolute URL when the site has a base_url; else
    relative to the page, which is all a feed reader or crawler can be given."""
    base = _read(context, context["site"], "base_url")
    return f"{base.rstrip('/')}/{path}" if base else context["root"] + path


@dataclass(frozen=True)
class Picture:
    """What an <img> of an image needs, its addresses relative to the page."""

    src: str  # for a browser that reads no srcset: the rendition nearest a column's width
    srcset: str
    width: int  # of the largest rendition: with the height, the box the page keeps for it
    height: int


@pass_context
def picture(context, image: Image) -> Picture:
    renditions = media.renditions(image)
    column = min(renditions, key=lambda r: abs(r.width - media.WIDTHS[1]))
    return Picture(context["root"] + media.address(column), media.srcset(image, context["root"]),
                   renditions[-1].width, renditions[-1].height)


def card_label(card: Embed) -> str:
    """What a card says its link is: "Video on YouTube", "Post on mastodon.example", "Link to example.org"."""
    if card.provider is None:
        return f"Link to {media.host(card.url)}"
    where = f"{card.provider} ({media.host(card.url)})" if card.provider == "Mastodon" else card.provider
    return f"{card.kind.capitalize()} on {where}"


def certainty_text(event: Event) -> str:
    """How sure the reporting is, in words, naming whose word it is."""
    if event.certainty == "claimed":
        return f"Claimed by {event.according_to}"
    if event.certainty == "unconfirmed":
        return "Unconfirmed" + (f": reports from {event.according_to}" if event.according_to else "")
    label = event.certainty.capitalize()
    return f"{label}, according to {event.according_to}" if event.according_to else label


@pass_context
def one_source(context, events: tuple[Event, ...]) -> Source | None:
    """The source every entry of `events` cites, each alone: the page names
    it once rather than under every entry."""
    ids = {source for e in events for source in e.sources}
    if len(ids) != 1 or any(len(e.sources) != 1 for e in events):
        return None
    return context.environment.getitem(context["sources"], ids.pop())


def excerpt(text: str, limit: int = 140) -> str:
    """The start of a quote, cut at a word, for the timeline's short form."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat.rstrip(TRAILING)
    return flat[:limit].rsplit(" ", 1)[0].rstrip(TRAILING) + " …"


TRAILING = " \n,;:–—-"  # what a quote cut from its sentence leaves at its end, and the page does not show


def quoted(text: str) -> list[str]:
    """A quote's paragraphs in quotation marks, as a newspaper prints them:
    each paragraph opens with one, the last closes; the comma or colon where
    the quote was cut from its sentence is left out."""
    parts = [" ".join(text[a:b].split()) for a, b in paragraphs(text)] or [text]
    parts[-1] = parts[-1].rstrip(TRAILING)
    return [f"“{part}" for part in parts[:-1]] + [f"“{parts[-1]}”"]


# Names written out, not by strftime: a date is labelled several times on
# every page, and strftime took most of the time of each label.
MONTHS = ("", "January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
SHORT_MONTHS = tuple(name[:3] for name in MONTHS)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PARTS_OF_DAY = {"MO": ", morning", "AF": ", afternoon", "EV": ", evening", "NI": ", night"}


def long_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month]} {day.year}"


def when_label(when: When) -> str:
    """The date at the precision the source supports, and no finer; "on or
    before" it when the entry is known only to have happened by then."""
    label = calendar_label(when)
    return f"on or before {label}" if when.mod == ON_OR_BEFORE else label


def calendar_label(when: When) -> str:
    """The stretch of calendar `when` names, without its "on or before"."""
    start, end = when.start, when.end
    if when.precision == "year":
        return f"{start.year}"
    if when.precision == "month":
        return f"{MONTHS[start.month]} {start.year}"
    if when.precision in ("week", "weekend"):
        end_label = f"{end.day} {SHORT_MONTHS[end.month]} {end.year}"
        span = f"{start.day}–{end_label}" if start.month == end.month else f"{start.day} {SHORT_MONTHS[start.month]} – {end_label}"
        return f"{when.precision} of {span}"
    return f"{start.day} {SHORT_MONTHS[start.month]} {start.year}{PARTS_OF_DAY.get(when.part_of_day, '')}"


def when_datetime(when: When) -> str:
    """The machine-readable date for <time datetime>, at the same precision."""
    if when.precision in ("week", "weekend"):
        return when.value[:8]
    return when.value.split("T")[0]


# How an entry's date is known, as its label says it, by the entry's `dated`;
# the shape of its mark in the overview; its class in the theme.
DATED_NOTES = {
    "article": "dated by the article",
    "previous sentence": "inferred from the previous sentence",
    "story": "inferred from the news the article opens with",
    "report": "the day of the report",
    "editor": "dated by the editor",
}
INFERRED = ("previous sentence", "story", "report")


def _told(item: Event | Account) -> tuple[When, str | None, str]:
    """An entry's or a further source's account's date, how it says the date
    is known (`dated`), and the source it is read against."""
    if isinstance(item, Account):
        return item.when, item.dated, item.source
    return item.when, item.dated, item.sources[0]


@pass_context
def on_report_day(context, item: Event | Account) -> bool:
    """Whether the entry is known only to have happened by the day its source
    was published: the article did not say when."""
    when, _, source_id = _told(item)
    if when.mod != ON_OR_BEFORE:
        return False
    source = context.environment.getitem(context["sources"], source_id)
    return when.value == _read(context, source, "published").isoformat()


@pass_context
def dated(context, item: Event | Account) -> str:
    """How the entry's (or an account's) date is known, one of model.DATED_BY."""
    when, given, _ = _told(item)
    if given:
        return given
    if when.words:
        return "article"
    return "report" if on_report_day(context, item) else "editor"


@pass_context
def dated_note(context, item: Event | Account) -> str:
    """How the date is known, in words, with the article's words when it gave some."""
    basis = dated(context, item)
    words = item.when.words
    if basis == "article" and words:
        return f"the article says “{words}”"
    note = DATED_NOTES[basis]
    if words and basis in ("previous sentence", "story"):
        return f"{note}, “{words}”"
    if basis == "report" and item.when.mod == ON_OR_BEFORE:
        return "the article gives no date: by the day of the report"
    return note


@pass_context
def dated_class(context, item: Event | Account) -> str:
    """The theme's class for the date's kind: on or before, inferred, or dated."""
    if item.when.mod == ON_OR_BEFORE:
        return "on-or-before"
    return "inferred" if dated(context, item) in INFERRED else "given"


@pass_context
def entry_date(context, event: Event, heading: str | None = None, note: bool = True) -> Markup:
    """An entry's date as a <time> element and how it is known. "On or
    before" stays outside the element, which names the date itself. Under
    a date heading that already says the date (`heading`), the date is
    there for screen readers only, and the note is what a reader sees.
    Without `note`, the date alone, marked when it is inferred."""
    when = event.when
    label = calendar_label(when)
    by = "on or before " if when.mod == ON_OR_BEFORE else ""
    hidden = " same-as-heading" if heading == by + label else ""
    time = f'<time datetime="{escape(when_datetime(when))}">{escape(label)}</time>'
    when_html = f'<span class="when{hidden}">{escape(by)}{time}</span>'
    kind = dated_class(context, event)
    if not note:  # a one-line list: the entry's page says how the date is known, and only an inferred date says so here
        return Markup(when_html + (' <span class="dated inferred">(inferred)</span>' if kind == "inferred" else ""))
    return Markup(f'{when_html} '
                  f'<span class="dated {kind}">{escape(dated_note(context, event))}</span>')


@pass_context
def day_heading(context, day: "Day") -> str:
    """What an entry's date would say that its day's heading already says."""
    return ("on or before " if day.when.mod == ON_OR_BEFORE else "") + calendar_label(day.when)


@dataclass(frozen=True)
class Day:
    """Entries under one date heading of the timeline: a day, or a weekend,
    week, month or year for entries dated no more precisely."""

    key: str  # for the heading's id: 2016-12-12, 2016-W49-WE, 2016-03, 2009, by-2016-12-12
    label: str  # Monday 12 December 2016, Weekend of 10–11 Dec 2016, March 2016; without "On or before"
    short: str  # for the overview: 12 Dec, 10–11 Dec, Mar, 2009
    when: When  # with mod ON_OR_BEFORE for the entries known only to have happened by the date
    events: tuple[Event, ...]


def by_day(events: tuple[Event, ...]) -> list[Day]:
    days: list[Day] = []
    for event in events:
        when = event.when
        key = when.start.isoformat() if when.precision == "day" else when.value
        if when.mod == ON_OR_BEFORE:
            # Not known to be on the date: a heading of its own, "On or before …",
            # after the date's own entries (see timeline_order).
            key = f"by-{key}"
        if days and days[-1].key == key:
            days[-1] = Day(key, days[-1].label, days[-1].short, days[-1].when, days[-1].events + (event,))
            continue
        if when.precision == "day":
            label, short = long_date(when.start), f"{when.start.day} {SHORT_MONTHS[when.start.month]}"
        else:
            label = calendar_label(when)
            if when.mod != ON_OR_BEFORE:  # else it follows the heading's "On or before": "On or before weekend of …"
                label = label[0].upper() + label[1:]
            short = {"year": f"{when.start.year}", "month": SHORT_MONTHS[when.start.month]}.get(when.precision, _short_span(when))
        day_when = when if when.precision != "day" else When(when.start.isoformat(), "day", when.start, when.start, mod=when.mod)
        days.append(Day(key, label, short, day_when, (event,)))
    return days


OVERVIEW_SHAPES = {"given": overview.CIRCLE, "inferred": overview.INFERRED, "on-or-before": overview.ON_OR_BEFORE}


def _short_span(when: When) -> str:
    start, end = when.start, when.end
    end_label = f"{end.day} {SHORT_MONTHS[end.month]}"
    return f"{start.day}–{end_label}" if start.month == end.month else f"{start.day} {SHORT_MONTHS[start.month]}–{end_label}"


@pass_context
def entries_overview(context, events: tuple[Event, ...]) -> overview.Overview:
    groups: list[overview.Group] = []
    for day in by_day(events):
        items = tuple(
            overview.Item(f"#event-{e.id}", f"{when_label(e.when)}, {dated_note(context, e)}: {e.title} ({certainty_text(e)}{'; accounts differ' if e.accounts_differ else ''})",
                          e.certainty + (" differ" if e.accounts_differ else ""), shape=OVERVIEW_SHAPES[dated_class(context, e)])
            for e in day.events)
        if groups and (groups[-1].start, groups[-1].label) == (day.when.start, day.short):
            # The entries known only to have happened by a date stand in
            # that date's column, above its own, not in a later column.
            groups[-1] = replace(groups[-1], items=groups[-1].items + items)
        else:
            groups.append(overview.Group(day.when.start, day.short, items))
    return overview.layout(groups)


@pass_context
def periods_overview(context, periods: list[Period]) -> overview.Overview:
    groups = [
        overview.Group(p.events[0].when.start.replace(day=1),
                       SHORT_MONTHS[p.events[0].when.start.month] if "-" in (p.slug or "") else p.label, (
            overview.Item(rel(context, Urls.period(p)), f"{p.label}: {count(len(p.events), 'entry', 'entries')}",
                          count=len(p.events)),))
        for p in periods
    ]
    return overview.layout(groups, bars=True)


@pass_context
def timelinejs(context, events: tuple[Event, ...]) -> dict:
    """The timeline in TimelineJS3's JSON format (https://timeline.knightlab.com/docs/json-format.html)."""
    site, event_url = context["site"], _read(context, context["urls"], "event")
    # Read once, not for each of thousands of entries: where links point, and each kind's name.
    links, groups = absolute(context, ""), {}
    slides = []
    for e in events:
        text = f"<p><strong>{escape(certainty_text(e))}</strong></p>{markdown(e.body)}"
        text += f'<p><a href="{escape(links + event_url(e.id))}">Sources and quotes</a></p>'
        if e.kind not in groups:
            groups[e.kind] = e.kind.replace("-", " ").capitalize()
        slide = {
            "unique_id": e.id,
            "start_date": feeds.timelinejs_date(e.when),
            "display_date": when_label(e.when),
            # TimelineJS puts both the headline and the text into the page as HTML.
            "text": {"headline": escape(e.title), "text": text},
            "group": groups[e.kind],
        }
        if e.when.precision in ("week", "weekend"):
            slide["end_date"] = feeds.timelinejs_date(e.when, end=True)
        shown = _timelinejs_media(context, e)
        if shown:
            slide["media"] = shown
        slides.append(slide)
    title = {"headline": escape(_read(context, site, "title")), "text": escape(_read(context, site, "description"))}
    return {"title": {"text": title}, "events": slides}


def _timelinejs_media(context, event: Event) -> dict | None:
    """TimelineJS3's media object for an entry: its picture (the largest
    rendition, the smallest as the thumbnail), or else its first video or
    post. TimelineJS puts the caption and credit into the page as HTML."""
    if event.image:
        image, renditions = event.image, media.renditions(event.image)
        shown = {"url": absolute(context, media.address(renditions[-1])),
                 "thumbnail": absolute(context, media.address(renditions[0])), "alt": image.alt,
                 "caption": escape(image.caption or ""), "credit": escape(image.credit or "")}
    elif event.embeds:
        card = event.embeds[0]
        shown = {"url": card.url, "caption": escape(card.title), "credit": escape(card.credit or "")}
    else:
        return None
    return {name: value for name, value in shown.items() if value}


def _cited_by(env: Environment, root: str, mark: Mark) -> Mark:
    """The mark with its links back worded: the entry's title, or the quote's
    speaker. Read through the environment, so the preview sees the read."""
    links = []
    for path, cited in mark.links:
        if isinstance(cited, Event):
            links.append((root + path, f"entry: {excerpt(env.getattr(cited, 'title'), 60)}"))
        else:
            links.append((root + path, f"quote: {env.getattr(cited, 'speaker')}"))
    return replace(mark, links=tuple(links))


def _after_headline(source: Source, marks: list[Mark]) -> int:
    """Where the article's text starts below its headline, when its first
    line is the headline the page already shows, and nothing marked is in it."""
    first, _, _ = source.text.partition("\n")
    if " ".join(first.split()) != " ".join(source.title.split()):
        return 0
    return 0 if any(m.span.start < len(first) for m in marks) else len(first) + 1


def render_page(env: Environment, plan: Plan, page: Page) -> str:
    context = {"root": "../" * page.path.count("/"), "path": page.path, **page.context}
    if "marks" in context:
        source, marks = context["source"], [_cited_by(env, context["root"], m) for m in context.pop("marks")]
        context["text"] = marked_paragraphs(source.text, marks, _after_headline(source, marks))
    return env.get_template(page.template).render(plan.shared, **context)
