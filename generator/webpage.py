"""A saved web page in, an article out: its main text and what the page says
of itself (headline, outlet, author, date, canonical address).

Main text from a news page is a solved problem we do not solve again:
trafilatura (the reference in evaluations of main-text extraction) drops
menus, share buttons, related links and footers, and reads the metadata the
way publishers write it (Open Graph, JSON-LD, <meta> tags). It works on the
page as saved: nothing is fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Page:
    text: str  # the main text, a blank line between paragraphs
    title: str | None
    outlet: str | None
    author: str | None
    published: date | None
    url: str | None


def is_html(name: str, text: str) -> bool:
    return name.lower().endswith(HTML_SUFFIXES) or bool(HTML_START.match(text[:2000]))


def read(html: str) -> Page | None:
    """The page's main text and metadata, or None when it has no text to read."""
    # Imported here: only HTML input needs it, and it takes a tenth of a second.
    import trafilatura

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True)
    if found is None or not (found.text or "").strip():
        return None
    lines = [" ".join(line.split()) for line in found.text.splitlines()]
    paragraphs = [line for line in lines if line]
    title = " ".join((found.title or "").split()) or None
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline is the source's title, not its text
    return Page(
        text="\n\n".join(paragraphs) + "\n",
        title=title,
        outlet=_plain(found.sitename),
        author=_plain(found.author),
        published=_day(found.date),
        url=_plain(found.url),
    )


def _plain(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
