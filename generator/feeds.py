"""What the site gives to other programs: the Atom feed's entries, the
TimelineJS3 JSON, and links into the original article by text fragment.

Pure functions of the model; the theme's feed.xml, timeline.json and
sitemap.xml templates write them out.
"""

from __future__ import annotations

import uuid
from datetime import date
from urllib.parse import quote

from generator.model import Content, Event, Site, When

FEED_SIZE = 50
FRAGMENT_WORDS = 4  # a passage longer than twice this is matched by its first and last words


def text_fragment(url: str, passage: str) -> str:
    """A link that makes the browser scroll to and highlight `passage` on the
    original page (https://wicg.github.io/scroll-to-text-fragment/)."""
    words = passage.split()
    if len(words) <= 2 * FRAGMENT_WORDS:
        directive = _fragment_text(" ".join(words))
    else:
        directive = f"{_fragment_text(' '.join(words[:FRAGMENT_WORDS]))},{_fragment_text(' '.join(words[-FRAGMENT_WORDS:]))}"
    return f"{url.split('#')[0]}#:~:text={directive}"


def _fragment_text(text: str) -> str:
    # '-', ',' and '&' delimit the directive's parts, so they are escaped too.
    return quote(text, safe="").replace("-", "%2D")


def feed_events(content: Content) -> list[Event]:
    """The entries a feed reader should see first: from the newest sources,
    each source's entries in timeline order."""
    position = {e.id: n for n, e in enumerate(content.events)}
    newest = sorted(content.events, key=lambda e: (-published(content, e).toordinal(), position[e.id]))
    return newest[:FEED_SIZE]


def updated(content: Content) -> date:
    """When the feed last changed: the newest source's date, so that the same
    content always writes the same feed (a build's own time never enters it)."""
    return max((s.published for s in content.sources.values()), default=date(1970, 1, 1))


def published(content: Content, event: Event) -> date:
    return content.sources[event.sources[0]].published


def atom_date(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_id(site: Site, path: str) -> str:
    """A permanent id: the same for a page however the site is hosted, so
    setting or changing base_url does not make readers see every entry anew."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'timeline:{site.title}:{path}')}"


def timelinejs_date(when: When, end: bool = False) -> dict:
    """TimelineJS3's date object, only as precise as the date is."""
    day = when.end if end else when.start
    if when.precision == "year":
        return {"year": day.year}
    if when.precision == "month":
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}
