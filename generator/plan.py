"""Planning: the checked model in, every page of the site out as its path,
its template and what the template is given, decided before any page is
rendered so that the rendering can be shared out between processes.

`Urls` says where each thing lives in the output; pages link to each other
through it, relative to the page (see render.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from generator import feeds, media
from generator.model import Account, Content, Event, Image, Quote, Source
from generator.passages import Mark

BROWSE_PAGE_SIZE = 1000  # places or people listed on one page before the list is split
# A slug is a file name (places/<slug>.html): cut to this many bytes, it
# stays far below the 255 that most file systems allow, numbered or not.
MAX_SLUG_BYTES = 100


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


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """A file name for a place or a person: lowercase, accents dropped,
    letters of any script kept, everything else a single '-'. Cached: a
    preview plans the site again after every save."""
    folded = text.casefold()
    if not folded.isascii():
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    name = re.sub(r"[\W_]+", "-", folded).strip("-")
    return name.encode("utf-8")[:MAX_SLUG_BYTES].decode("utf-8", "ignore").strip("-") or "x"


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
        self.quote_index_of = {q.id: path for path, quotes in quote_pages for q in quotes}
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
        """The quote among the others, on the quotes page."""
        return f"{self.quote_index_of[quote_id]}#quote-{quote_id}"

    @staticmethod
    def quote_page(quote_id: str) -> str:
        """The quote on a page of its own (quotes/ holds the quotes pages of a year)."""
        return f"quote/{quote_id}.html"

    @staticmethod
    def source(source_id: str) -> str:
        return f"sources/{source_id}.html"

    def passage(self, quote: Quote) -> str:
        return f"sources/{quote.source}.html#quote-{quote.id}"

    @staticmethod
    def event_passage(event: Event) -> str:
        return f"sources/{event.sources[0]}.html#passage-{event.id}"

    @staticmethod
    def account_passage(event: Event, account: Account) -> str:
        return f"sources/{account.source}.html#passage-{event.id}"

    @staticmethod
    def kind(kind: str) -> str:
        return f"kinds/{kind}.html"

    def place(self, place: str) -> str:
        return f"places/{self.place_slugs[place]}.html"

    def person(self, speaker: str) -> str:
        return f"people/{self.person_slugs[speaker]}.html"


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
    # Each image the pages show, once, with the first entry that shows it
    # (named in a problem found while resizing it).
    images: tuple[tuple[Path, Image], ...] = ()

    def media_files(self) -> set[str]:
        """The output paths of every image's renditions."""
        return {r.path for _, image in self.images for r in media.renditions(image)}


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
    # Drafts are in the content only when built with --drafts: then every page says so.
    drafts_shown = sum(q.draft for q in content.quotes.values()) + sum(e.draft for e in content.events)
    drafts_shown += sum(a.proposed_in is not None for e in content.events for a in e.accounts)
    shared = {"site": site, "urls": urls, "quotes": content.quotes, "sources": content.sources, "backs": backs, "periods": periods,
              "drafts_shown": drafts_shown}
    pages = []
    if periods[0].slug is not None:
        pages.append(Page("index.html", "contents.html", {"events": content.events}))
    for number, period in enumerate(periods):
        neighbours = {
            "previous": periods[number - 1] if number else None,
            "next": periods[number + 1] if number + 1 < len(periods) else None,
        }
        pages.append(Page(urls.period(period), "index.html", dict(period=period, **neighbours)))
    events = content.events
    pages += [Page(urls.event(e.id), "event.html", {
        "event": e, "previous": events[n - 1] if n else None, "next": events[n + 1] if n + 1 < len(events) else None})
        for n, e in enumerate(events)]
    quote_paths = [path for path, _ in quote_pages]
    pages += [Page(path, "quotes.html", {"quote_list": quotes, "quote_pages": quote_paths}) for path, quotes in quote_pages]
    pages += [Page(urls.quote_page(q.id), "quote.html", {"quote": q}) for q in content.quotes.values()]
    source_list = sorted(content.sources.values(), key=lambda s: (s.published, s.id))
    pages.append(Page("sources.html", "sources.html", {"source_list": source_list}))
    for source in source_list:
        # Each mark links back to what cites it; render.py words the links.
        marks = [Mark(q.span, f"quote-{q.id}", "quote", ((urls.quote_page(q.id), q),)) for q in quoted[source.id]]
        marks += [
            Mark(e.passage_span, f"passage-{e.id}", "passage", ((urls.event(e.id), e),))
            for e in cites[source.id]
            if e.passage_span and e.sources[0] == source.id
        ]
        marks += [Mark(a.span, f"passage-{e.id}", "passage", ((urls.event(e.id), e),))
                  for e in cites[source.id] for a in e.accounts if a.source == source.id]
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
        Page("404.html", "404.html", {"root": f"{site.base_url.rstrip('/')}/" if site.base_url else "", "latest": content.events[-5:]}),
    ]
    if site.base_url:
        # The sitemap protocol wants absolute URLs: without a base_url there is no sitemap.
        listed = [page.path for page in pages if page.path.endswith(".html") and page.path not in ("404.html", "embed.html")]
        pages.append(Page("sitemap.xml", "sitemap.xml", {"paths": listed}))
    images = {(e.image.file, e.image.digest): (e.path, e.image) for e in reversed(content.events) if e.image}
    return Plan(shared, pages, tuple(images[key] for key in sorted(images)))


def _passages(source: Source, marks: list[Mark]) -> list[tuple[str, str]]:
    """Each marked passage's id and words, in the order of the article, for
    links to the passages on the original page (so only when it has an address)."""
    ordered = sorted(marks, key=lambda m: (m.span.start, m.anchor))
    return [(m.anchor, " ".join(source.text[m.span.start:m.span.end].split())) for m in ordered]
