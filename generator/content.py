"""Content loading: a content folder in, the checked model and every problem out.

Loading never stops at the first mistake: each file is read and checked on
its own, then references between files are checked, so an editor sees all
that is wrong in one run. The exception is a folder that is missing or
cannot be read: then that is all it says, rather than every reference into
it. Nothing is read through a symbolic link, and only regular files (see
frontmatter.read_content).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice
from pathlib import Path

from generator import frontmatter, media
from generator.frontmatter import Document
from generator.listing import FOLDERS, markdown_files
from generator.model import CERTAINTIES, DATED_BY, MAX_ID, Account, Content, Embed, Event, Extension, Image, Quote, Site, Source, When
from generator.parallel import parallel_imap
from generator.passages import Locator, normalise
from generator.problems import Problem
from generator.themes import find_theme

ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
THEME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
# An IANA time zone's name (UTC, Asia/Damascus, America/Argentina/Salta), never a path.
TIMEZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+-]{0,30}(?:/[A-Za-z0-9_+-]{1,30}){0,2}")
PART_OF_DAY_ORDER = {None: 0, "MO": 1, "AF": 2, "EV": 3, "NI": 4}


@dataclass(frozen=True)
class Field:
    type: str  # text | texts | date | when | bool | int | table | tables
    required: bool = False


SITE_FIELDS = {
    "title": Field("text", required=True),
    "description": Field("text"),
    "language": Field("text"),
    "base_url": Field("text"),
    "theme": Field("text"),
    "timezone": Field("text"),
    "index_page_size": Field("int"),
}
SOURCE_FIELDS = {
    "title": Field("text", required=True),
    "outlet": Field("text", required=True),
    "published": Field("date", required=True),
    "url": Field("text"),
    "author": Field("text"),
    "language": Field("text"),
}
QUOTE_FIELDS = {
    "speaker": Field("text", required=True),
    "channel": Field("text", required=True),
    "source": Field("text", required=True),
    "note": Field("text"),
    "draft": Field("bool"),
}
EVENT_FIELDS = {
    "date": Field("when", required=True),
    "title": Field("text", required=True),
    "kind": Field("text", required=True),
    "certainty": Field("text", required=True),
    "places": Field("texts"),
    "sources": Field("texts", required=True),
    "quotes": Field("texts"),
    "according_to": Field("text"),
    "passage": Field("text"),
    "accounts_differ": Field("text"),
    "merged_because": Field("text"),
    "accounts": Field("tables"),
    "draft": Field("bool"),
    "dated": Field("text"),
    "image": Field("table"),
    "embeds": Field("tables"),
}
# The picture an entry shows, in its [image] table.
IMAGE_FIELDS = {
    "file": Field("text", required=True),
    "alt": Field("text", required=True),
    "caption": Field("text"),
    "credit": Field("text"),
}
# A video or post an entry links to, in an [[embeds]] table: the card's
# words are the editor's, as nothing is ever fetched from its address.
EMBED_FIELDS = {
    "url": Field("text", required=True),
    "title": Field("text", required=True),
    "description": Field("text"),
    "credit": Field("text"),
}
# A further source's telling, in an entry's [[accounts]].
ACCOUNT_FIELDS = {
    "source": Field("text", required=True),
    "passage": Field("text", required=True),
    "date": Field("when"),
    "certainty": Field("text"),
    "according_to": Field("text"),
    "dated": Field("text"),
}
# A draft that adds one source's telling to an existing entry.
EXTENSION_FIELDS = {
    "extends": Field("text", required=True),
    "sources": Field("texts", required=True),
    "passage": Field("text", required=True),
    "date": Field("when"),
    "certainty": Field("text"),
    "according_to": Field("text"),
    "quotes": Field("texts"),
    "accounts_differ": Field("text"),
    "merged_because": Field("text"),
    "draft": Field("bool"),
    "dated": Field("text"),
}
TYPE_NAMES = {
    "text": "a string",
    "texts": "a list of strings",
    "date": "a date such as 2016-12-12",
    "when": "a date such as 2016-12-12 or the article's words in quotes",
    "bool": "true or false",
    "int": "a whole number",
    "table": "a [table] of fields",
    "tables": "[[tables]] of fields",
}


HAS_TYPE = {
    "text": lambda value: isinstance(value, str) and bool(value.strip()),
    "texts": lambda value: isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value),
    "date": lambda value: isinstance(value, date) and not hasattr(value, "hour"),
    "when": lambda value: isinstance(value, (str, int)) or (isinstance(value, date) and not hasattr(value, "hour")),
    "bool": lambda value: isinstance(value, bool),
    "int": lambda value: isinstance(value, int) and not isinstance(value, bool) and value > 0,
    "table": lambda value: isinstance(value, dict),
    "tables": lambda value: isinstance(value, list) and all(isinstance(v, dict) for v in value),
}


def check_fields(doc: Document, fields: dict[str, Field]) -> list[Problem]:
    problems = []
    for name in doc.meta:
        if name not in fields:
            known = ", ".join(fields)
            problems.append(Problem(doc.path, doc.line_of(name), f"unknown field '{name}'{did_you_mean(name, fields)} (known fields: {known})"))
    for name, spec in fields.items():
        if name not in doc.meta:
            if spec.required:
                problems.append(Problem(doc.path, 1, f"missing required field '{name}'"))
        elif not HAS_TYPE[spec.type](doc.meta[name]):
            problems.append(Problem(doc.path, doc.line_of(name), f"field '{name}' must be {TYPE_NAMES[spec.type]}"))
    return problems


SUGGEST_AMONG = 300  # names compared with a mistyped one, at most


def did_you_mean(wrong: str, known: Iterable[str]) -> str:
    """': did you mean 'x'?' for the known name nearest a mistyped one, when
    one is near. An archive has thousands of ids, and a comparison with each
    costs about 4 µs: only those that start alike are compared, and none when
    even they are too many (a thousand broken references would take minutes)."""
    candidates = [name for name in known if name[:2] == wrong[:2]]
    if len(candidates) > SUGGEST_AMONG:
        return ""
    near = difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.75)
    return f": did you mean '{near[0]}'?" if near else ""


@dataclass
class Cache:
    """What a long-running preview keeps from one load to the next, so that
    a load after one saved file costs little more than reading that file:
    each file's parsed front matter (the watcher forgets the files that
    changed), each source's locator, and what each file made, kept while
    everything it was made against is unchanged. Each is kept by the file's
    path, only for the files of the last load: a preview saved a thousand
    times holds no more than after one save."""

    documents: dict[Path, Document | Problem | Unread] = field(default_factory=dict)
    listings: dict[Path, tuple[list[Path], list[Problem]]] = field(default_factory=dict)
    locators: dict[Path, Locator] = field(default_factory=dict)
    made: dict[Path, tuple] = field(default_factory=dict)
    worlds: dict[Path, tuple] = field(default_factory=dict)

    def forget(self, paths) -> None:
        for path in paths:
            if path.suffix.lower() in media.SUFFIXES:
                # An image: the entries that show it measure it again, so
                # the files not held as read are read again too.
                self.made.clear()
                self.documents = {p: doc for p, doc in self.documents.items() if type(doc) is not Unread}
            if self.documents.pop(path, None) is None or not path.exists():
                self.listings.clear()  # a file came or went

    def files(self, folder: Path, required: bool) -> tuple[list[Path], list[Problem]]:
        """The *.md files under `folder`, and the problems that keep any from
        being read. A listing with problems is not kept: a folder made
        readable, or made at all, shows no file change to the watcher."""
        if folder in self.listings:
            return self.listings[folder]
        files, problems = markdown_files(folder, required)
        if not problems:
            self.listings[folder] = files, problems
        return files, problems

    def keep_only(self, paths: set[Path]) -> None:
        """Forget every file not in `paths`, the files of this load."""
        for kept in (self.documents, self.locators, self.made):
            for path in kept.keys() - paths:
                del kept[path]

    def read(self, paths: list[Path]) -> Iterator[Document | Problem]:
        """Each file's Document, in order. Files not read before are read by
        several processes, and each is yielded as soon as it is read, so the
        caller checks the first files while the processes read the rest."""
        missing = [p for p in paths if p not in self.documents]
        read = zip(missing, parallel_imap(_read_fields, missing))
        for path in paths:
            if path not in self.documents:
                _, fields = next(read)
                self.documents[path] = Document(path, **fields) if isinstance(fields, dict) else fields
            yield self.documents[path]

    def locator(self, source: Source) -> Locator:
        """The locator of `source`'s text, made again only when the text changed."""
        kept = self.locators.get(source.path)
        if kept is None or kept.text is not source.text and kept.text != source.text:
            kept = self.locators[source.path] = Locator(source.text)
        return kept

    def world(self, folder: Path, against: tuple) -> tuple:
        """`against` itself when it changed since the last load of `folder`,
        else the same object as last time: compared once here, then by identity.
        When it changed, every file of `folder` is made again, so those not
        held as read (Unread) are read now, by several processes."""
        if self.worlds.get(folder) != against:
            self.worlds[folder] = against
            unread = [path for path, doc in self.documents.items() if type(doc) is Unread and folder in path.parents]
            for path, fields in zip(unread, parallel_imap(_read_fields, unread)):
                self.documents[path] = Document(path, **fields) if isinstance(fields, dict) else fields
        return self.worlds[folder]

    def make(self, doc: Document, world: tuple, make):
        kept = self.made.get(doc.path)
        if kept is not None and kept[0] is doc and kept[1] is world:
            return kept[2]
        result = make(doc)
        self.made[doc.path] = (doc, world, result)
        return result


class Unread:
    """A file's front matter, not held: what the file made is, and the file
    is as it was then (the build cache kept it: generator/keptstate.py).
    A plain class: 10,000 of them are made as the cache is read back."""

    __slots__ = ("path",)

    def __init__(self, path: Path) -> None:
        self.path = path


def _read_fields(path: Path) -> dict | Problem:
    """A file's Document without its path, which the caller has: what a worker
    process sends back, as thousands of Paths are slow to pass between processes."""
    doc = frontmatter.read_content(path)
    return doc if isinstance(doc, Problem) else {k: v for k, v in vars(doc).items() if k != "path"}


def load(content_dir: Path, drafts: bool = False, cache: Cache | None = None) -> tuple[Content | None, list[Problem]]:
    """Read and check a whole content folder; the model is None when anything is wrong."""
    cache = cache or Cache()
    site, problems = load_site(content_dir / "site.toml")
    folders = [content_dir / name for name in FOLDERS]
    listings = [cache.files(folder, FOLDERS[folder.name]) for folder in folders]
    unread = [problem for _, found in listings for problem in found]
    if unread:
        # A folder that cannot be read leaves every reference into it
        # unknown: name the folder, not a hundred references.
        return None, sorted(set(problems + unread))
    (source_paths, source_ids), (quote_paths, quote_ids), (event_paths, event_ids) = (
        _listing(paths, problems) for paths, _ in listings)
    cache.keep_only(set(source_paths + quote_paths + event_paths))
    # One read of every file, in this order: sources, which quotes are
    # checked against, then quotes, which events are checked against.
    docs = cache.read(source_paths + quote_paths + event_paths)
    sources = _make_all(folders[0], islice(docs, len(source_paths)), _source, problems, cache, ())
    locators = {s.id: cache.locator(s) for s in sources.values()}
    refs = References(sources, source_ids, locators)
    against = (tuple(sources.items()), frozenset(source_ids))
    quotes = _make_all(folders[1], islice(docs, len(quote_paths)), lambda doc: _quote(doc, refs), problems, cache, against)
    refs = References(sources, source_ids, locators, quotes, quote_ids)
    against += (tuple(quotes.items()), frozenset(quote_ids), drafts)
    made = _make_all(folders[2], docs, lambda doc: _event(doc, refs, drafts, content_dir), problems, cache, against)
    events = _extended(made, event_ids, problems, drafts)
    if problems:
        return None, sorted(set(problems))
    content = Content(
        site=site,
        sources=sources,
        quotes={k: q for k, q in quotes.items() if drafts or not q.draft},
        events=tuple(sorted((e for e in events.values() if drafts or not e.draft), key=timeline_order)),
        drafts_left_out=0 if drafts else sum(item.draft for item in (*quotes.values(), *made.values())),  # extensions too
    )
    return content, []


def timeline_order(event: Event) -> tuple:
    """By date; an entry known only to have happened by a date after the
    entries of that date; then the time of day, and the article's order.
    A wider stretch that starts the same day (a week, a weekend) comes after
    all of that day's entries, which so stay under one heading."""
    when = event.when
    return (when.start, when.end, when.mod is not None, PART_OF_DAY_ORDER[when.part_of_day], event.mention, event.id)


def load_site(path: Path) -> tuple[Site, list[Problem]]:
    if not os.path.lexists(path):
        return Site(title="Timeline"), [Problem(path, 1, "missing site.toml: every content folder needs one (see README)")]
    text = frontmatter.read_content_text(path)
    if isinstance(text, Problem):
        return Site(title="Timeline"), [text]
    meta = frontmatter.parse_toml(path, text, first_line=1, what="site.toml")
    if isinstance(meta, Problem):
        return Site(title="Timeline"), [meta]
    doc = Document(path, meta, text, meta_line=1)
    control = frontmatter.control_in_fields(doc)
    problems = [control] if control else check_fields(doc, SITE_FIELDS) or _web_address(doc, "base_url")
    if problems:
        return Site(title="Timeline"), problems
    site = Site(**doc.meta)
    from dateutil import tz  # (here: only a site's settings need it, and `timeline extract` starts sooner without)

    # Both are checked as names before anything is looked up by them: a
    # long one is no file name, and a path ("/etc/passwd") is not a zone.
    if not TIMEZONE_NAME.fullmatch(site.timezone) or tz.gettz(site.timezone) is None:
        problems.append(Problem(path, doc.line_of("timezone"), f"unknown timezone {site.timezone!r}: give an IANA name such as UTC or Europe/London"))
    if not THEME_NAME.fullmatch(site.theme):
        problems.append(Problem(path, doc.line_of("theme"), f"theme {site.theme!r} is not a folder name: letters, digits, '.', '-' and '_', at most 64"))
    elif find_theme(path.parent, site.theme) is None:
        problems.append(Problem(path, doc.line_of("theme"), f"theme '{site.theme}' not found: no themes/{site.theme}/templates/ beside the content folder"))
    return site, problems


@dataclass(frozen=True)
class References:
    """What other files may refer to. An id whose file has problems of its own
    is known but absent: referring to it is no second problem."""

    sources: dict[str, Source]
    source_ids: set[str]
    locators: dict[str, Locator]
    quotes: dict[str, Quote] = field(default_factory=dict)
    quote_ids: set[str] = field(default_factory=set)


def _listing(files: list[Path], problems: list[Problem]) -> tuple[list[Path], set[str]]:
    """The files that have a valid, unique id (the file name), and every id
    seen, including those of files with problems."""
    seen: dict[str, Path] = {}
    paths = []
    for path in files:
        item_id = path.stem
        if not ID.fullmatch(item_id):
            problems.append(Problem(path, 1, f"file name '{path.name}' is not a valid id: use lowercase letters, digits, '-' and '_'"))
        elif len(item_id) > MAX_ID:
            problems.append(Problem(path, 1, f"file name '{path.name}' is too long for an id: at most {MAX_ID} characters"))
        elif item_id in seen:
            problems.append(Problem(path, 1, f"duplicate id '{item_id}': {seen[item_id]} has the same name"))
        else:
            seen[item_id] = path
            paths.append(path)
    return paths, set(seen)


def _make_all(folder: Path, docs: Iterable[Document | Problem], make, problems: list[Problem], cache: Cache, against: tuple) -> dict:
    """The documents of `folder` made into model objects, keyed by id.
    `against` is everything that `make` reads besides the file itself."""
    items: dict = {}
    world = cache.world(folder, against)
    for doc in docs:
        if isinstance(doc, Problem):
            problems.append(doc)
            continue
        item, found = cache.make(doc, world, make)
        problems.extend(found)
        if item is not None:
            items[item.id] = item
    return items


WEB_ADDRESS = re.compile(r"https?://[^\s/]+")


def _web_address(doc: Document, name: str) -> list[Problem]:
    """An address that pages link to must be a web address: a javascript: or
    data: one would run in the reader's browser."""
    value = doc.meta.get(name)
    if value is None or WEB_ADDRESS.match(value):
        return []
    return [Problem(doc.path, doc.line_of(name), f"{name} must be a web address starting with https:// or http://, not {value!r}")]


def _source(doc: Document) -> tuple[Source | None, list[Problem]]:
    problems = check_fields(doc, SOURCE_FIELDS) or _web_address(doc, "url")
    if problems:
        return None, problems
    return Source(id=doc.path.stem, path=doc.path, text=doc.body, **doc.meta), []


def _quote(doc: Document, refs: References) -> tuple[Quote | None, list[Problem]]:
    problems = check_fields(doc, QUOTE_FIELDS)
    text = doc.body.strip()
    if not text:
        problems.append(Problem(doc.path, doc.body_line, "the quote has no text: write it verbatim below the front matter"))
    if problems:
        return None, problems
    source_id = doc.meta["source"]
    if source_id not in refs.sources:
        known = source_id in refs.source_ids
        return None, [] if known else [Problem(doc.path, doc.line_of("source"), f"unknown source '{source_id}'{did_you_mean(source_id, refs.source_ids)}")]
    locator = refs.locators[source_id]
    span = locator.find(text)
    if span is None:
        return None, [_not_found(doc, doc.body_line, "the quote", text, source_id, locator)]
    meta = {k: v for k, v in doc.meta.items() if k != "draft"}
    return Quote(id=doc.path.stem, path=doc.path, text=text, span=span, draft=doc.meta.get("draft", False), **meta), []


def _not_found(doc: Document, line: int, what: str, text: str, source_id: str, locator: Locator) -> Problem:
    matched = locator.longest_prefix(text)
    if matched:
        rest = normalise(text)[len(matched) :].lstrip()
        where = f"it matches up to …{matched.rstrip()[-30:]!r} and then differs at {rest[:30]!r}"
    else:
        where = "not even its first word is in the source"
    return Problem(doc.path, line, f"{what} is not in source '{source_id}' word for word (whitespace aside): {where}")


def _extended(made: dict, event_ids: set[str], problems: list[Problem], drafts: bool) -> dict[str, Event]:
    """The entries, each with the further accounts that drafts extending it
    add (only those published, unless drafts are built)."""
    events = {k: v for k, v in made.items() if isinstance(v, Event)}
    for extension in sorted((v for v in made.values() if isinstance(v, Extension)), key=lambda x: x.id):
        target = events.get(extension.extends)
        if target is None and extension.extends in event_ids and extension.extends not in made:
            continue  # an entry with problems of its own: they are said already
        if target is None:
            what = "another extension" if extension.extends in made else "no entry"
            problems.append(Problem(extension.path, 1, f"extends '{extension.extends}', which is {what}: name the id of an entry in events/"))
            continue
        if extension.draft and not drafts:
            continue
        account = extension.account
        if account.source == target.sources[0] or any(a.source == account.source for a in target.accounts):
            problems.append(Problem(extension.path, 1, f"entry '{target.id}' already cites source '{account.source}': an entry holds one passage per source"))
            continue
        differ = " ".join(d for d in (target.accounts_differ, extension.accounts_differ) if d) or None
        why = " ".join(w for w in (target.merged_because, extension.merged_because) if w) or None
        events[target.id] = replace(
            target,
            sources=target.sources + (account.source,),
            quotes=target.quotes + tuple(q for q in extension.quotes if q not in target.quotes),
            accounts=target.accounts + (replace(account, proposed_in=extension.id if extension.draft else None),),
            accounts_differ=differ,
            merged_because=why,
        )
    return events


def _event(doc: Document, refs: References, drafts: bool, content_dir: Path) -> tuple[Event | Extension | None, list[Problem]]:
    if "extends" in doc.meta:
        return _extension(doc, refs, drafts)
    problems = check_fields(doc, EVENT_FIELDS)
    if problems:
        return None, problems
    meta = doc.meta
    sources, quotes = refs.sources, refs.quotes
    event_sources = tuple(meta["sources"])
    for source_id in event_sources:
        if source_id not in refs.source_ids:
            problems.append(Problem(doc.path, doc.line_of("sources"), f"unknown source '{source_id}'{did_you_mean(source_id, refs.source_ids)}"))
    for quote_id in meta.get("quotes", []):
        if quote_id not in refs.quote_ids:
            problems.append(Problem(doc.path, doc.line_of("quotes"), f"unknown quote '{quote_id}'{did_you_mean(quote_id, refs.quote_ids)}"))
        elif quote_id not in quotes:
            continue
        elif quotes[quote_id].source not in event_sources:
            problems.append(Problem(doc.path, doc.line_of("quotes"), f"quote '{quote_id}' is from source '{quotes[quote_id].source}', which this entry does not list in sources"))
        elif quotes[quote_id].draft and not drafts and not meta.get("draft", False):
            problems.append(Problem(doc.path, doc.line_of("quotes"), f"quote '{quote_id}' is a draft: publish it (remove draft = true) or build with --drafts"))
    if meta["certainty"] not in CERTAINTIES:
        problems.append(Problem(doc.path, doc.line_of("certainty"), f"certainty must be one of {', '.join(CERTAINTIES)}, not '{meta['certainty']}'"))
    elif meta["certainty"] == "claimed" and "according_to" not in meta:
        problems.append(Problem(doc.path, doc.line_of("certainty"), "a claimed event must say whose claim it is: add according_to"))
    if meta.get("dated", DATED_BY[0]) not in DATED_BY:
        problems.append(Problem(doc.path, doc.line_of("dated"), _wrong_dated(meta["dated"])))
    if not ID.fullmatch(meta["kind"]):
        suggestion = re.sub(r"[^a-z0-9_-]+", "-", meta["kind"].strip().lower()).strip("-")
        mean = f": did you mean '{suggestion}'?" if ID.fullmatch(suggestion) and len(suggestion) <= MAX_ID else ""
        problems.append(Problem(doc.path, doc.line_of("kind"), f"kind {meta['kind']!r} must be a lowercase word such as capture or official-statement{mean}"))
    elif len(meta["kind"]) > MAX_ID:
        problems.append(Problem(doc.path, doc.line_of("kind"), f"kind '{meta['kind'][:20]}…' is {len(meta['kind'])} characters long: at most {MAX_ID}"))
    if not event_sources:
        problems.append(Problem(doc.path, doc.line_of("sources"), "an event needs at least one source"))
    if problems or not all(s in sources for s in event_sources) or not all(q in quotes for q in meta.get("quotes", [])):
        return None, problems

    first = sources[event_sources[0]]
    when = _when(doc, meta["date"], first.published)
    if isinstance(when, Problem):
        return None, [when]
    passage_span = None
    if "passage" in meta:
        locator = refs.locators[first.id]
        passage_span = locator.find(meta["passage"])
        if passage_span is None:
            return None, [_not_found(doc, doc.line_of("passage"), "the passage", meta["passage"], first.id, locator)]
    accounts, problems = _accounts(doc, meta.get("accounts", []), refs, event_sources)
    image = _image(doc, meta["image"], content_dir) if "image" in meta else None
    problems += [image] if isinstance(image, Problem) else []
    embeds = _embeds(doc, meta.get("embeds", []))
    problems += [e for e in embeds if isinstance(e, Problem)]
    if problems:
        return None, problems
    spans = [passage_span] if passage_span else []
    spans += [quotes[q].span for q in meta.get("quotes", ()) if quotes[q].source == first.id]
    fields = {k: v for k, v in meta.items() if k not in ("date", "places", "sources", "quotes", "accounts", "image", "embeds")}
    return Event(
        id=doc.path.stem,
        path=doc.path,
        when=when,
        places=tuple(meta.get("places", ())),
        sources=event_sources,
        quotes=tuple(meta.get("quotes", ())),
        passage_span=passage_span,
        mention=min((s.start for s in spans), default=len(first.text)),
        body=doc.body.strip(),
        accounts=accounts,
        image=image,
        embeds=tuple(embeds),
        **fields,
    ), []


def _accounts(doc: Document, tables: list[dict], refs: References, event_sources: tuple[str, ...]) -> tuple[tuple[Account, ...], list[Problem]]:
    """An entry's [[accounts]]: each a further source's passage, found word
    for word in that source, with its date read against that source's."""
    accounts, problems, seen = [], [], {event_sources[0]}
    for index, table in enumerate(tables):
        wrong = _table_problem(doc, "accounts", index, table, ACCOUNT_FIELDS, f"account {index + 1}")
        if wrong:
            problems.append(wrong)
            continue
        account = _account(doc, lambda field: _table_line(doc, "accounts", index, field), table, refs, event_sources, f"account {index + 1}")
        if isinstance(account, Problem):
            problems.append(account)
        elif account.source in seen:
            problems.append(Problem(doc.path, _table_line(doc, "accounts", index, "source"),
                                    f"account {index + 1}: source '{account.source}' already has its passage in this entry: one passage per source"))
        else:
            seen.add(account.source)
            accounts.append(account)
    return tuple(accounts), problems


def _table_problem(doc: Document, name: str, index: int, table: dict, fields: dict[str, Field], what: str) -> Problem | None:
    """The first unknown, missing or mistyped field of the index-th [name] table, if any."""
    wrong = [field for field in table if field not in fields]
    missing = [field for field, spec in fields.items() if spec.required and field not in table]
    typed = [field for field, value in table.items() if field in fields and not HAS_TYPE[fields[field].type](value)]
    if not (wrong or missing or typed):
        return None
    if wrong:
        message, at = f"unknown field '{wrong[0]}'{did_you_mean(wrong[0], fields)} (known: {', '.join(fields)})", wrong[0]
    elif missing == ["alt"] and fields is IMAGE_FIELDS:
        message, at = "the image has no alt text: add alt = \"…\", saying what it shows, for readers who cannot see it", None
    elif missing:
        message, at = f"missing required field '{missing[0]}'", None
    else:
        message, at = f"field '{typed[0]}' must be {TYPE_NAMES[fields[typed[0]].type]}", typed[0]
    return Problem(doc.path, _table_line(doc, name, index, at), f"{what}: {message}")


def _image(doc: Document, table: dict, content_dir: Path) -> Image | Problem:
    """An entry's [image]: its file read and measured, its words checked."""
    wrong = _table_problem(doc, "image", 0, table, IMAGE_FIELDS, "image")
    if wrong:
        return wrong
    line = _table_line(doc, "image", 0, "file")
    found = media.inspect(content_dir, table["file"])
    if isinstance(found, str):
        return Problem(doc.path, line, found)
    return Image(table["file"], table["alt"], found.width, found.height, found.digest, found.output, line,
                 table.get("caption"), table.get("credit"))


def _embeds(doc: Document, tables: list[dict]) -> list[Embed | Problem]:
    """An entry's [[embeds]]: each a card for a video or post."""
    made: list[Embed | Problem] = []
    for index, table in enumerate(tables):
        what = f"embed {index + 1}"
        wrong = _table_problem(doc, "embeds", index, table, EMBED_FIELDS, what)
        if wrong is None and not WEB_ADDRESS.match(table["url"]):
            wrong = Problem(doc.path, _table_line(doc, "embeds", index, "url"),
                            f"{what}: url must be a web address starting with https:// or http://, not {table['url']!r}")
        made.append(wrong or media.embed(**table))
    return made


def _account(doc: Document, line_of, fields: dict, refs: References, event_sources, what: str) -> Account | Problem:
    """One source's telling; `line_of(field)` says where a field is written."""
    source_id = fields["source"]
    if source_id not in event_sources:
        return Problem(doc.path, line_of("source"), f"{what}: source '{source_id}' is not in the entry's sources")
    if source_id not in refs.sources:
        return Problem(doc.path, line_of("source"), f"{what}: unknown source '{source_id}'{did_you_mean(source_id, refs.source_ids)}")
    locator = refs.locators[source_id]
    span = locator.find(fields["passage"])
    if span is None:
        return _not_found(doc, line_of("passage"), f"the passage of {what}", fields["passage"], source_id, locator)
    when = None
    if "date" in fields:
        when = _when(doc, fields["date"], refs.sources[source_id].published)
        if isinstance(when, Problem):
            return Problem(doc.path, line_of("date"), f"{what}: {when.message}")
    certainty = fields.get("certainty")
    if certainty is not None and certainty not in CERTAINTIES:
        return Problem(doc.path, line_of("certainty"), f"{what}: certainty must be one of {', '.join(CERTAINTIES)}, not '{certainty}'")
    if fields.get("dated", DATED_BY[0]) not in DATED_BY:
        return Problem(doc.path, line_of("dated"), f"{what}: {_wrong_dated(fields['dated'])}")
    return Account(source_id, fields["passage"], span, when, certainty, fields.get("according_to"), fields.get("dated"))


def _wrong_dated(value: str) -> str:
    known = ", ".join(f"'{d}'" for d in DATED_BY)
    return f"dated must say how the date is known, one of {known}, not {value!r}"


def _table_line(doc: Document, name: str, index: int, field: str | None = None) -> int:
    """The file line of `field` in the index-th [[name]] (or the [name]) table of the front
    matter (of the table's header without a field, or when it is not there)."""
    header = re.compile(rf"^\s*\[\[?\s*{re.escape(name)}\s*\]\]?")
    lines = doc.meta_text.split("\n")
    found = [n for n, line in enumerate(lines) if header.match(line)]
    if index >= len(found):
        return doc.line_of(name)
    start = found[index]
    end = next((n for n in range(start + 1, len(lines)) if lines[n].lstrip().startswith("[")), len(lines))
    setting = re.compile(rf"^\s*{re.escape(field)}\s*=") if field else None
    at = next((n for n in range(start + 1, end) if setting and setting.match(lines[n])), start)
    return at + doc.meta_line


def _extension(doc: Document, refs: References, drafts: bool) -> tuple[Extension | None, list[Problem]]:
    """A draft adding a source's passage to the entry it `extends`."""
    problems = check_fields(doc, EXTENSION_FIELDS)
    if problems:
        return None, problems
    meta = doc.meta
    if len(meta["sources"]) != 1:
        return None, [Problem(doc.path, doc.line_of("sources"), "an extension adds one source's passage: give one source")]
    source_id = meta["sources"][0]
    if source_id not in refs.sources:
        known = source_id in refs.source_ids
        return None, [] if known else [Problem(doc.path, doc.line_of("sources"), f"unknown source '{source_id}'{did_you_mean(source_id, refs.source_ids)}")]
    for quote_id in meta.get("quotes", []):
        if quote_id not in refs.quote_ids:
            problems.append(Problem(doc.path, doc.line_of("quotes"), f"unknown quote '{quote_id}'{did_you_mean(quote_id, refs.quote_ids)}"))
        elif quote_id in refs.quotes and refs.quotes[quote_id].source != source_id:
            problems.append(Problem(doc.path, doc.line_of("quotes"), f"quote '{quote_id}' is from source '{refs.quotes[quote_id].source}', not '{source_id}'"))
    fields = {"source": source_id} | {k: meta[k] for k in ACCOUNT_FIELDS if k in meta and k != "source"}
    account = _account(doc, lambda field: doc.line_of("sources" if field == "source" else field), fields, refs, (source_id,), "the extension")
    if isinstance(account, Problem):
        problems.append(account)
    if problems:
        return None, problems
    return Extension(
        id=doc.path.stem, path=doc.path, extends=meta["extends"], account=account,
        quotes=tuple(q for q in meta.get("quotes", ()) if q in refs.quotes),
        accounts_differ=meta.get("accounts_differ"), merged_because=meta.get("merged_because"), draft=meta.get("draft", False),
    ), []


# The dates in words read so far, by their words and the date they were
# read against. Reading the first compiles the date rules, which costs a
# build after one edited entry more than anything else it reads: the build
# cache keeps these (generator/keptstate.py), as render.py's bodies.
READ_DATES: dict[tuple[str, date], When] = {}


def _when(doc: Document, value: str | int | date, published: date) -> When | Problem:
    key = (str(value), published)
    if not isinstance(value, date) and key in READ_DATES:
        return READ_DATES[key]
    from generator import dates  # (here: a build after one edit seldom reads a date anew, and starts sooner without)

    if isinstance(value, date):
        return dates.from_date(value)
    try:
        READ_DATES[key] = dates.resolve(*key)
    except dates.DateError as error:
        return Problem(doc.path, doc.line_of("date"), str(error))
    return READ_DATES[key]
