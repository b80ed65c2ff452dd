"""Reading a built site the way a browser would: its links, ids and requests."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes through which a page makes the browser fetch something; a <link>
# fetches only for some rels (a canonical or alternate link is an address, not a request).
FETCHING_LINKS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"}
FETCHING = {("link", "href"), ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "srcset"), ("iframe", "src"),
            ("source", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")}


@dataclass
class Page:
    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # a href
    fetches: list[str] = field(default_factory=list)  # what loading the page requests
    tags: list[tuple[str, dict]] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.page.tags.append((tag, attrs))
        if "id" in attrs:
            self.page.ids.append(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.page.links.append(attrs["href"])
        if tag == "link" and not FETCHING_LINKS & set((attrs.get("rel") or "").split()):
            return
        for name, value in attrs.items():
            if (tag, name) in FETCHING and value:
                # A srcset is a list of candidates, "address width" each.
                self.page.fetches += [c.split()[0] for c in value.split(", ")] if name == "srcset" else [value]
        if "style" in attrs and "url(" in attrs["style"]:
            self.page.fetches.append(attrs["style"])


def read_page(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.page


def broken_links(output: Path) -> list[str]:
    """Every internal link and fragment that does not resolve, as 'page -> link'."""
    pages = {p: read_page(p) for p in sorted(output.rglob("*.html"))}
    broken = []
    for page_path, page in pages.items():
        for link in page.links + page.fetches:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            target = (page_path.parent / unquote(parts.path)).resolve() if parts.path else page_path
            if not target.is_file() or output.resolve() not in target.parents:
                broken.append(f"{page_path.relative_to(output)} -> {link}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in pages[target].ids:
                broken.append(f"{page_path.relative_to(output)} -> {link} (no such id)")
    return broken


def external_requests(output: Path, own: str | None = None) -> list[str]:
    """What pages fetch from other hosts; `own` is the site's base_url, whose
    addresses are the site itself (the 404 page, served at any depth, needs them)."""
    found = []
    for path in sorted(output.rglob("*.html")):
        found += [f"{path.name}: {f}" for f in read_page(path).fetches
                  if (urlsplit(f).scheme or f.startswith("//")) and not (own and f.startswith(own))]
    for path in sorted(output.rglob("*.css")):
        text = path.read_text(encoding="utf-8")
        if "@import" in text or "url(" in text:
            found.append(f"{path.name}: url() or @import")
    return found
