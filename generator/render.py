"""Rendering: the checked model in, pages out as (path, text) pairs.

Every link in a page is relative to that page, so the output works from
file:// and from any sub-path of a host. Nothing here touches the disk
except through the Jinja2 loaders.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from generator.model import Content, Event, Quote, When
from generator.passages import Mark, marked_paragraphs, paragraphs
from generator.themes import template_dirs

MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable("image")


@dataclass(frozen=True)
class Period:
    """One page of the timeline: everything, or a year, or a month."""

    slug: str | None  # None when the whole timeline fits one page
    label: str
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Page:
    path: str  # in the output, e.g. events/some-id.html
    template: str
    context: dict


def environment(content_dir: Path, theme: str, kind: type[Environment] = Environment) -> Environment:
    env = kind(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in template_dirs(content_dir, theme)]),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        rel=rel,
        markdown=lambda text: Markup(MARKDOWN.render(text)),
        when_label=when_label,
        when_datetime=when_datetime,
        long_date=long_date,
        label=lambda slug: slug.replace("-", " ").replace("_", " ").capitalize(),
        paragraphs=lambda text: [text[a:b] for a, b in paragraphs(text)],
        excerpt=excerpt,
    )
    return env


@pass_context
def rel(context, path: str) -> str:
    """A site path as a link relative to the page being rendered."""
    return context["root"] + path


def excerpt(text: str, limit: int = 140) -> str:
    """The start of a quote, cut at a word, for the timeline's short form."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",;:—") + " …"


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def when_label(when: When) -> str:
    """The date at the precision the source supports, and no finer."""
    start, end = when.start, when.end
    if when.precision == "year":
        return f"{start.year}"
    if when.precision == "month":
        return f"{start:%B %Y}"
    if when.precision in ("week", "weekend"):
        span = f"{start.day}–{end.day} {end:%b %Y}" if start.month == end.month else f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
        return f"{when.precision} of {span}"
    part = {"MO": ", morning", "AF": ", afternoon", "EV": ", evening", "NI": ", night"}.get(when.part_of_day, "")
    return f"{start.day} {start:%b %Y}{part}"


def when_datetime(when: When) -> str:
    """The machine-readable date for <time datetime>, at the same precision."""
    if when.precision in ("week", "weekend"):
        return when.value[:8]
    return when.value.split("T")[0]


class Urls:
    """Where each thing lives in the output, relative to the output root."""

    def __init__(self, periods: list[Period], quote_pages: list[tuple[str, list[Quote]]]) -> None:
        # Paths only, no model objects: the preview compares Urls from one
        # build to the next, and an entry's new title moves no page.
        self.event_period = {e.id: self.period(p) for p in periods for e in p.events}
        self.quote_page = {q.id: path for path, quotes in quote_pages for q in quotes}
        self.quote_index = quote_pages[0][0]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Urls) and vars(self) == vars(other)

    @staticmethod
    def period(period: Period) -> str:
        return "index.html" if period.slug is None else f"timeline/{period.slug}.html"

    def event_in_timeline(self, event: Event) -> str:
        return f"{self.event_period[event.id]}#event-{event.id}"

    @staticmethod
    def event(event_id: str) -> str:
        return f"events/{event_id}.html"

    def quote(self, quote_id: str) -> str:
        return f"{self.quote_page[quote_id]}#quote-{quote_id}"

    @staticmethod
    def source(source_id: str) -> str:
        return f"sources/{source_id}.html"

    def passage(self, quote: Quote) -> str:
        return f"sources/{quote.source}.html#quote-{quote.id}"

    @staticmethod
    def event_passage(event: Event) -> str:
        return f"sources/{event.sources[0]}.html#passage-{event.id}"


def split(events: tuple[Event, ...], size: int) -> list[Period]:
    """The timeline as one page, or a page a year, or a page a month for a
    year too full to read as one page."""
    if len(events) <= size:
        return [Period(None, "All entries", events)]
    by_year: dict[int, list[Event]] = defaultdict(list)
    for e in events:
        by_year[e.when.start.year].append(e)
    periods = []
    for year, items in by_year.items():
        if len(items) <= size:
            periods.append(Period(f"{year}", f"{year}", tuple(items)))
            continue
        by_month: dict[int, list[Event]] = defaultdict(list)
        for e in items:
            by_month[e.when.start.month].append(e)
        for month, month_items in by_month.items():
            periods.append(Period(f"{year}-{month:02d}", f"{date(year, month, 1):%B %Y}", tuple(month_items)))
    return periods


def split_quotes(content: Content, size: int) -> list[tuple[str, list[Quote]]]:
    """Quotes on one page, or a page per year of their sources' publication."""
    quotes = sorted(content.quotes.values(), key=lambda q: (q.speaker.casefold(), q.source, q.span.start))
    if len(quotes) <= size:
        return [("quotes.html", quotes)]
    by_year: dict[int, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_year[content.sources[q.source].published.year].append(q)
    return [(f"quotes/{year}.html", by_year[year]) for year in sorted(by_year)]


@dataclass(frozen=True)
class Plan:
    """Every page of the site, decided before any is rendered, so that the
    rendering can be shared out between processes."""

    shared: dict  # the context every page sees
    pages: list[Page]


def plan_site(content: Content) -> Plan:
    site = content.site
    periods = split(content.events, site.index_page_size)
    quote_pages = split_quotes(content, site.index_page_size)
    urls = Urls(periods, quote_pages)
    backs: dict[str, list[Event]] = defaultdict(list)
    cites: dict[str, list[Event]] = defaultdict(list)
    quoted: dict[str, list[Quote]] = defaultdict(list)
    for q in content.quotes.values():
        quoted[q.source].append(q)
    for e in content.events:
        for q in e.quotes:
            backs[q].append(e)
        for s in e.sources:
            cites[s].append(e)
    shared = dict(site=site, urls=urls, quotes=content.quotes, sources=content.sources, backs=backs, periods=periods)
    pages = []
    if periods[0].slug is not None:
        pages.append(Page("index.html", "contents.html", dict(events=content.events)))
    for number, period in enumerate(periods):
        neighbours = dict(
            previous=periods[number - 1] if number else None,
            next=periods[number + 1] if number + 1 < len(periods) else None,
        )
        pages.append(Page(urls.period(period), "index.html", dict(period=period, **neighbours)))
    pages += [Page(urls.event(e.id), "event.html", dict(event=e)) for e in content.events]
    quote_paths = [path for path, _ in quote_pages]
    pages += [Page(path, "quotes.html", dict(quote_list=quotes, quote_pages=quote_paths)) for path, quotes in quote_pages]
    source_list = sorted(content.sources.values(), key=lambda s: (s.published, s.id))
    pages.append(Page("sources.html", "sources.html", dict(source_list=source_list)))
    for source in source_list:
        marks = [Mark(q.span, f"quote-{q.id}", "quote") for q in quoted[source.id]]
        marks += [
            Mark(e.passage_span, f"passage-{e.id}", "passage")
            for e in cites[source.id]
            if e.passage_span and e.sources[0] == source.id
        ]
        pages.append(Page(urls.source(source.id), "source.html", dict(source=source, marks=marks, events=cites[source.id])))
    return Plan(shared, pages)


def render_page(env: Environment, plan: Plan, page: Page) -> str:
    context = dict(page.context, root="../" * page.path.count("/"), path=page.path)
    if "marks" in context:
        context["text"] = marked_paragraphs(context["source"].text, context.pop("marks"))
    return env.get_template(page.template).render(plan.shared, **context)
