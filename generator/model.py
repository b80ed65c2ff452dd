"""The content model: plain, immutable data that every later stage reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

CERTAINTIES = ("confirmed", "reported", "unconfirmed", "claimed")
# How an entry's date is known: the article's words in the entry's own
# sentence; the time the sentence before set; the time of the news the article
# opens with; the day of the report (told in the present tense, or not dated
# at all); the editor's own reading.
DATED_BY = ("article", "previous sentence", "story", "report", "editor")
ON_OR_BEFORE = "ON_OR_BEFORE"  # TIMEX3 mod: it happened on or before the date ("by 2016-12-12")
# Ids and kinds become file names (events/<id>.html, kinds/<kind>.html),
# which most file systems cut off at 255 bytes.
MAX_ID = 100


@dataclass(frozen=True)
class When:
    """A resolved date at the precision the source supports, never finer.

    `value` follows TimeML TIMEX3 (2016-12-12, 2016-03, 2009, 2016-W49-WE,
    2016-12-12TNI); `start` and `end` bound it, both inclusive. With `mod`
    ON_OR_BEFORE, they bound the date it had happened by, not the happening.
    """

    value: str
    precision: str  # year | month | week | weekend | day
    start: date
    end: date
    part_of_day: str | None = None  # MO | AF | EV | NI
    words: str | None = None  # the article's own words, when given in words
    reference: date | None = None  # the date the words were read against
    mod: str | None = None  # ON_OR_BEFORE, or None when it happened within start..end


@dataclass(frozen=True)
class Site:
    title: str
    description: str = ""
    language: str = "en"
    base_url: str | None = None
    theme: str = "default"
    timezone: str = "UTC"
    index_page_size: int = 300


@dataclass(frozen=True)
class Span:
    """Where a verbatim passage sits in its source's text (end exclusive)."""

    start: int
    end: int


@dataclass(frozen=True)
class Source:
    id: str
    path: Path
    title: str
    outlet: str
    published: date
    text: str
    url: str | None = None
    author: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Quote:
    id: str
    path: Path
    speaker: str
    channel: str
    source: str
    text: str
    span: Span
    note: str | None = None
    draft: bool = False


@dataclass(frozen=True)
class Account:
    """A further source's telling of an entry's happening: its own words,
    and its own date and certainty where it gives them."""

    source: str
    passage: str
    span: Span
    when: When | None = None
    certainty: str | None = None
    according_to: str | None = None
    dated: str | None = None  # how `when` is known, as an entry's `dated`
    proposed_in: str | None = None  # the id of the draft that proposes it (`extends`), if it is one


@dataclass(frozen=True)
class Image:
    """A picture an entry shows: a file under content/media/, with the words
    a reader who cannot see it is given, and its caption and credit."""

    file: str  # as the editor wrote it, relative to the content folder: media/rubble.jpg
    alt: str
    width: int  # as shown, upright, in pixels
    height: int
    digest: str  # of the file's bytes: part of the published names, which change with the picture
    output: str  # the published files' format: jpg | png
    line: int  # the front matter's line naming the file, for a problem found while resizing it
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True)
class Embed:
    """A video or post an entry links to, shown as a card: nothing is
    loaded from its host until the reader asks for the player."""

    url: str
    title: str
    description: str | None = None
    credit: str | None = None
    provider: str | None = None  # YouTube, Vimeo, ...: None for an address no provider knows
    kind: str = "link"  # video | post | link
    player: str | None = None  # the provider's embeddable page for it, put in a frame on the reader's click


@dataclass(frozen=True)
class Event:
    id: str
    path: Path
    when: When
    title: str
    kind: str
    certainty: str
    places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    according_to: str | None = None
    passage: str | None = None
    passage_span: Span | None = None
    mention: int = 0  # where the first source first backs it, to order a day's entries as the article does
    body: str = ""
    draft: bool = False
    accounts: tuple[Account, ...] = ()  # the other sources' passages, after the first source's `passage`
    accounts_differ: str | None = None  # how the sources' accounts differ, in words
    merged_because: str | None = None  # why the sources' tellings are one entry, in words
    dated: str | None = None  # one of DATED_BY; None: "article" for a date in words, else "editor"
    image: Image | None = None
    embeds: tuple[Embed, ...] = ()


@dataclass(frozen=True)
class Extension:
    """A draft that adds a source's passage to an existing entry (`extends`),
    so that an editor's file is never edited: publishing it (or building
    with drafts) shows it as one more account of that entry."""

    id: str
    path: Path
    extends: str
    account: Account
    quotes: tuple[str, ...] = ()
    accounts_differ: str | None = None
    merged_because: str | None = None
    draft: bool = False


@dataclass(frozen=True)
class Content:
    site: Site
    sources: dict[str, Source] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    events: tuple[Event, ...] = ()  # in timeline order
    drafts_left_out: int = 0  # draft entries, extensions and quotes not built, without --drafts
