"""Rendering: the checked model in, pages out as (path, text) pairs.

Every link in a page is relative to that page, so the output works from
file:// and from any sub-path of a host. Nothing here touches the disk
except through the Jinja2 loaders.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
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
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from generator import feeds, overview
from generator.model import Content, Event, Quote, Source, When
from generator.parallel import parallel_map
from generator.passages import Mark, marked_paragraphs, paragraphs
from generator.problems import count
from generator.themes import template_dirs

BROWSE_PAGE_SIZE = 1000  # places or people listed on one page before the list is split

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
    )
    env.filters.update(
        rel=rel,
        absolute=absolute,
        markdown=markdown,
        when_label=when_label,
        when_datetime=when_datetime,
        long_date=long_date,
        label=lambda slug: slug.replace("-", " ").replace("_", " ").capitalize(),
        paragraphs=lambda text: [text[a:b] for a, b in paragraphs(text)],
        excerpt=excerpt,
        certainty_text=certainty_text,
        by_day=by_day,
        atom_date=feeds.atom_date,
        places_in=lambda events: sorted({p for e in events for p in e.places}, key=str.casefold),
    )
    env.globals.update(
        entries_overview=entries_overview,
        periods_overview=periods_overview,
        timelinejs=timelinejs,
        text_fragment=feeds.text_fragment,
        atom_id=feeds.atom_id,
        count=count,
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
        html = _HTML[text] = Markup(MARKDOWN.render(text))
    return html


def render_bodies(plan: Plan) -> None:
    """Render every entry's body before the pages are shared between
    processes, themselves sharing the work: otherwise each process would
    render all of them, as every body is shown on pages that both render."""
    texts = sorted({e.body for p in plan.shared["periods"] for e in p.events if e.body and e.body not in _HTML})
    if len(texts) < _HTML_KEPT:  # more would not all stay in the dict
        _HTML.update(zip(texts, map(Markup, parallel_map(MARKDOWN.render, texts))))


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


def certainty_text(event: Event) -> str:
    """How sure the reporting is, in words, naming whose word it is."""
    if event.certainty == "claimed":
        return f"Claimed by {event.according_to}"
    if event.certainty == "unconfirmed":
        return "Unconfirmed" + (f": reports from {event.according_to}" if event.according_to else "")
    label = event.certainty.capitalize()
    return f"{label}, according to {event.according_to}" if event.according_to else label


def excerpt(text: str, limit: int = 140) -> str:
    """The start of a quote, cut at a word, for the timeline's short form."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",;:—") + " …"


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


# Month names written out, not by strftime: a date is labelled several times
# on every page, and strftime took most of the time of each label.
MONTHS = ("", "January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
PARTS_OF_DAY = {"MO": ", morning", "AF": ", afternoon", "EV": ", evening", "NI": ", night"}


def when_label(when: When) -> str:
    """The date at the precision the source supports, and no finer."""
    start, end = when.start, when.end
    if when.precision == "year":
        return f"{start.year}"
    if when.precision == "month":
        return f"{MONTHS[start.month]} {start.year}"
    if when.precision in ("week", "weekend"):
        end_label = f"{end.day} {MONTHS[end.month][:3]} {end.year}"
        span = f"{start.day}–{end_label}" if start.month == end.month else f"{start.day} {MONTHS[start.month][:3]} – {end_label}"
        return f"{when.precision} of {span}"
    return f"{start.day} {MONTHS[start.month][:3]} {start.year}{PARTS_OF_DAY.get(when.part_of_day, '')}"


def when_datetime(when: When) -> str:
    """The machine-readable date for <time datetime>, at the same precision."""
    if when.precision in ("week", "weekend"):
        return when.value[:8]
    return when.value.split("T")[0]


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """A file name for a place or a person: lowercase, accents dropped,
    letters of any script kept, everything else a single '-'. Cached: a
    preview plans the site again after every save."""
    folded = text.casefold()
    if not folded.isascii():
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "-", folded).strip("-") or "x"


def slugs(names: list[str]) -> dict[str, str]:
    """A slug for each name; names that fold to the same slug are told apart
    by a number, in sorted order so the same names always get the same slugs.
    A numbered slug is never one another name has ("Homs 2" beside two Homs)."""
    used: set[str] = set()
    found = {}
    for name in sorted(set(names)):
        base = candidate = slug(name)
        number = 1
        while candidate in used:
            number += 1
            candidate = f"{base}-{number}"
        used.add(candidate)
        found[name] = candidate
    return found


class Urls:
    """Where each thing lives in the output, relative to the output root."""

    def __init__(self, periods: list[Period], quote_pages: list[tuple[str, list[Quote]]],
                 places: dict[str, str], people: dict[str, str]) -> None:
        # Paths only, no model objects: the preview compares Urls from one
        # build to the next, and an entry's new title moves no page.
        self.event_period = {e.id: self.period(p) for p in periods for e in p.events}
        self.quote_page = {q.id: path for path, quotes in quote_pages for q in quotes}
        self.quote_index = quote_pages[0][0]
        self.place_slugs = places
        self.person_slugs = people

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

    @staticmethod
    def kind(kind: str) -> str:
        return f"kinds/{kind}.html"

    def place(self, place: str) -> str:
        return f"places/{self.place_slugs[place]}.html"

    def person(self, speaker: str) -> str:
        return f"people/{self.person_slugs[speaker]}.html"


@dataclass(frozen=True)
class Day:
    """Entries under one date heading of the timeline: a day, or a weekend,
    week, month or year for entries dated no more precisely."""

    key: str  # for the heading's id: 2016-12-12, 2016-W49-WE, 2016-03, 2009
    label: str  # Monday 12 December 2016, Weekend of 10–11 Dec 2016, March 2016
    short: str  # for the overview: 12 Dec, 10–11 Dec, Mar, 2009
    when: When
    events: tuple[Event, ...]


def by_day(events: tuple[Event, ...]) -> list[Day]:
    days: list[Day] = []
    for event in events:
        when = event.when
        key = when.start.isoformat() if when.precision == "day" else when.value
        if days and days[-1].key == key:
            days[-1] = Day(key, days[-1].label, days[-1].short, days[-1].when, days[-1].events + (event,))
            continue
        if when.precision == "day":
            label, short = long_date(when.start), f"{when.start.day} {when.start:%b}"
        else:
            label = when_label(when)
            label = label[0].upper() + label[1:]
            short = {"year": f"{when.start.year}", "month": f"{when.start:%b}"}.get(when.precision, _short_span(when))
        day_when = when if when.precision != "day" else When(key, "day", when.start, when.start)
        days.append(Day(key, label, short, day_when, (event,)))
    return days


def _short_span(when: When) -> str:
    start, end = when.start, when.end
    return f"{start.day}–{end.day} {end:%b}" if start.month == end.month else f"{start.day} {start:%b}–{end.day} {end:%b}"


def entries_overview(events: tuple[Event, ...]) -> overview.Overview:
    groups = [
        overview.Group(day.when.start, day.short, tuple(
            overview.Item(f"#event-{e.id}", f"{when_label(e.when)}: {e.title} ({certainty_text(e)})", e.certainty)
            for e in day.events))
        for day in by_day(events)
    ]
    return overview.layout(groups)


@pass_context
def periods_overview(context, periods: list[Period]) -> overview.Overview:
    groups = [
        overview.Group(p.events[0].when.start.replace(day=1), "" if "-" in (p.slug or "") else p.label, (
            overview.Item(rel(context, Urls.period(p)), f"{p.label}: {count(len(p.events), 'entry', 'entries')}",
                          count=len(p.events)),))
        for p in periods
    ]
    return overview.layout(groups, bars=True)


@pass_context
def timelinejs(context, events: tuple[Event, ...]) -> dict:
    """The timeline in TimelineJS3's JSON format (https://timeline.knightlab.com/docs/json-format.html)."""
    site, event_url = context["site"], _read(context, context["urls"], "event")
    slides = []
    for e in events:
        text = f"<p><strong>{escape(certainty_text(e))}</strong></p>{markdown(e.body)}"
        text += f'<p><a href="{escape(absolute(context, event_url(e.id)))}">Sources and quotes</a></p>'
        slide = {
            "unique_id": e.id,
            "start_date": feeds.timelinejs_date(e.when),
            "display_date": when_label(e.when),
            "text": {"headline": e.title, "text": text},
            "group": e.kind.replace("-", " ").capitalize(),
        }
        if e.when.precision in ("week", "weekend"):
            slide["end_date"] = feeds.timelinejs_date(e.when, end=True)
        slides.append(slide)
    title = {"headline": _read(context, site, "title"), "text": _read(context, site, "description")}
    return {"title": {"text": title}, "events": slides}


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
    by_kind: dict[str, list[Event]] = defaultdict(list)
    by_place: dict[str, list[Event]] = defaultdict(list)
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    backs: dict[str, list[Event]] = defaultdict(list)
    cites: dict[str, list[Event]] = defaultdict(list)
    quoted: dict[str, list[Quote]] = defaultdict(list)
    for q in sorted(content.quotes.values(), key=lambda q: (content.sources[q.source].published, q.source, q.span.start)):
        quoted[q.source].append(q)
        by_speaker[q.speaker].append(q)
    for e in content.events:
        by_kind[e.kind].append(e)
        for place in e.places:
            by_place[place].append(e)
        for q in e.quotes:
            backs[q].append(e)
        for s in e.sources:
            cites[s].append(e)
    urls = Urls(periods, quote_pages, slugs(list(by_place)), slugs(list(by_speaker)))
    shared = {"site": site, "urls": urls, "quotes": content.quotes, "sources": content.sources, "backs": backs, "periods": periods}
    pages = []
    if periods[0].slug is not None:
        pages.append(Page("index.html", "contents.html", {"events": content.events}))
    for number, period in enumerate(periods):
        neighbours = {
            "previous": periods[number - 1] if number else None,
            "next": periods[number + 1] if number + 1 < len(periods) else None,
        }
        pages.append(Page(urls.period(period), "index.html", dict(period=period, **neighbours)))
    pages += [Page(urls.event(e.id), "event.html", {"event": e}) for e in content.events]
    quote_paths = [path for path, _ in quote_pages]
    pages += [Page(path, "quotes.html", {"quote_list": quotes, "quote_pages": quote_paths}) for path, quotes in quote_pages]
    source_list = sorted(content.sources.values(), key=lambda s: (s.published, s.id))
    pages.append(Page("sources.html", "sources.html", {"source_list": source_list}))
    for source in source_list:
        marks = [Mark(q.span, f"quote-{q.id}", "quote") for q in quoted[source.id]]
        marks += [
            Mark(e.passage_span, f"passage-{e.id}", "passage")
            for e in cites[source.id]
            if e.passage_span and e.sources[0] == source.id
        ]
        pages.append(Page(urls.source(source.id), "source.html", {
            "source": source, "marks": marks, "events": cites[source.id], "passages": _passages(source, marks) if source.url else []}))
    kinds = sorted(by_kind)
    places = sorted(by_place, key=lambda p: (urls.place_slugs[p], p))
    people = sorted(by_speaker, key=lambda p: (urls.person_slugs[p], p))
    pages += [Page(urls.kind(k), "kind.html", {"kind": k, "events": by_kind[k]}) for k in kinds]
    pages += [Page(urls.place(p), "place.html", {"place": p, "events": by_place[p]}) for p in places]
    pages += [Page(urls.person(p), "person.html", {"speaker": p, "quote_list": by_speaker[p]}) for p in people]
    browse = {"kinds": [(k, len(by_kind[k])) for k in kinds]}
    for what, names, counts, link in (("places", places, by_place, urls.place), ("people", people, by_speaker, urls.person)):
        rows = [(name, link(name), len(counts[name])) for name in names]
        if len(rows) <= BROWSE_PAGE_SIZE:
            browse[what], browse[f"{what}_pages"] = rows, []
            continue
        chunks = [rows[n:n + BROWSE_PAGE_SIZE] for n in range(0, len(rows), BROWSE_PAGE_SIZE)]
        paths = [f"browse/{what}-{n}.html" for n in range(1, len(chunks) + 1)]
        browse[what], browse[f"{what}_pages"] = [], [(path, chunk[0][0], chunk[-1][0]) for path, chunk in zip(paths, chunks)]
        pages += [Page(path, "browse_list.html", {"what": what, "rows": chunk}) for path, chunk in zip(paths, chunks)]
    small = len(content.events) <= site.index_page_size
    # The pages drawn from the whole site are the heaviest: first in the
    # list, they are the first handed out when processes share the rendering,
    # and none is left to keep one process busy while the others wait.
    pages[:0] = [
        Page("timeline.json", "timeline.json", {"events": content.events}),
        Page("feed.xml", "feed.xml", {"entries": feeds.feed_events(content), "updated": feeds.updated(content)}),
        Page("browse.html", "browse.html", browse),
        Page("about.html", "about.html", {
            "events": content.events if small else None, "source_list": source_list, "entry_count": len(content.events)}),
        Page("embed.html", "embed.html", {"period": periods[-1]}),
        Page("404.html", "404.html", {"root": f"{site.base_url.rstrip('/')}/" if site.base_url else ""}),
    ]
    if site.base_url:
        # The sitemap protocol wants absolute URLs: without a base_url there is no sitemap.
        listed = [page.path for page in pages if page.path.endswith(".html") and page.path not in ("404.html", "embed.html")]
        pages.append(Page("sitemap.xml", "sitemap.xml", {"paths": listed}))
    return Plan(shared, pages)


def _passages(source: Source, marks: list[Mark]) -> list[tuple[str, str]]:
    """Each marked passage's id and words, in the order of the article, for
    links to the passages on the original page (so only when it has an address)."""
    ordered = sorted(marks, key=lambda m: (m.span.start, m.anchor))
    return [(m.anchor, " ".join(source.text[m.span.start:m.span.end].split())) for m in ordered]


def render_page(env: Environment, plan: Plan, page: Page) -> str:
    context = {"root": "../" * page.path.count("/"), "path": page.path, **page.context}
    if "marks" in context:
        context["text"] = marked_paragraphs(context["source"].text, context.pop("marks"))
    return env.get_template(page.template).render(plan.shared, **context)
