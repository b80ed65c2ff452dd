"""Reading an article for `timeline extract`, and writing what it proposes as
draft files in the content model's format (`--write`).

Writing never replaces a file: an existing draft may hold an editor's
corrections, so it is kept and reported as skipped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from generator import combine, content, dates, frontmatter, webpage
from generator.dating import FoundDate
from generator.extract import FoundEvent, FoundQuote
from generator.model import ON_OR_BEFORE
from generator.problems import Problem, display_path

UNNAMED_SPEAKER = "not identified in the article"
# How a date found by extract is known, as an entry's `dated` says it: the
# page then says so, not that the editor gave the date. A date of the
# article's own words needs none; the day of the report bounding the
# happening is written "by <date>".
DATED = {"previous sentence": "previous sentence", "story": "story", "present": "report"}


@dataclass(frozen=True)
class Given:
    """What the command line says of an article (--published, --outlet,
    --title, --url, --author): all of it for plain text, what a web page
    does not say of itself for HTML; a source file's front matter wins."""

    published: date | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    published: date | None
    title: str
    outlet: str | None
    file_text: str | None  # the whole file when it is a content source, to copy as it is
    url: str | None = None
    author: str | None = None
    file: str = ""  # the path as given


def read(path: Path, given: Given) -> Article | Problem:
    """A content source file (front matter), whose own fields count; a saved
    web page, read by generator/webpage.py; or plain text, described by `given`."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return Problem(path, 0, f"cannot read the file: {error.strerror}")
    if b"\0" in data:
        return Problem(path, 0, "not a text file (it contains NUL bytes): give an article as UTF-8 text")
    text = frontmatter.decode(path, data)
    if isinstance(text, Problem):
        return text
    article_id = re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-_")[: content.MAX_ID].rstrip("-_") or "article"
    if webpage.is_html(path.name, text):
        page = webpage.read(text)
        if page is None:
            return Problem(path, 0, "a web page with no article text in it (is it the whole page, saved as HTML?)")
        return Article(article_id, page.text, page.published or given.published, page.title or given.title or path.stem,
                       page.outlet or given.outlet, None, page.url or given.url, page.author or given.author, str(path))
    if not text.startswith(frontmatter.FENCE + "\n"):
        first = next((line.strip() for line in text.splitlines() if line.strip()), path.stem)
        return Article(article_id, text, given.published, given.title or first[:120], given.outlet, None, given.url, given.author, str(path))
    doc = frontmatter.parse(path, text)
    if isinstance(doc, Problem):
        return doc
    problems = content.check_fields(doc, content.SOURCE_FIELDS)
    if problems:
        return problems[0]
    meta = doc.meta
    return Article(article_id, doc.body, meta["published"], meta["title"], meta["outlet"], text, meta.get("url"), meta.get("author"), str(path))


@dataclass(frozen=True)
class Written:
    wrote: list[Path]
    skipped: list[Path]
    warnings: list[Problem]  # what was left out, and why
    problems: list[Problem]  # files that could not be written
    merged: list[str] = field(default_factory=list)  # what was added to existing entries, and why, in words


def write(found: combine.Timeline, articles: list[Article], content_dir: Path) -> Written:
    """Draft files for every entry and quote, plus what a new content folder
    needs to build (site.toml, the sources). An entry that tells the
    happening of an entry already in the folder is proposed as an addition
    to it (a draft that `extends` it); existing files are left alone."""
    files: dict[Path, str] = {}
    warnings: list[Problem] = []
    problems: list[Problem] = []
    merged: dict[Path, str] = {}  # an extension written -> what it adds, and why
    by_id = {a.id: a for a in articles}
    files[content_dir / "site.toml"] = f"title = {_toml(articles[0].title)}\nlanguage = \"en\"\n"
    for article in articles:
        files[content_dir / "sources" / f"{article.id}.md"] = article.file_text or _source_file(article)
        existing = content_dir / "sources" / f"{article.id}.md"
        if existing.is_file() and _body(existing) != article.text:
            warnings.append(Problem(existing, 0, "kept, but its text differs from the article read: the drafts' quotes and passages may not match it"))
    ids = {quote.id: _quote_id(quote.id, source, content_dir) for source, quote in found.quotes}
    for source, quote in found.quotes:
        files[content_dir / "quotes" / f"{ids[quote.id]}.md"] = _quote_file(quote, source)
    known = _known_entries(content_dir)
    for entry in found.entries:
        entry = replace(entry, tellings=tuple(replace(t, event=replace(t.event, quotes=tuple(ids[q] for q in t.event.quotes))) for t in entry.tellings))
        path = content_dir / "events" / f"{entry.id}.md"
        # An entry written before from these very articles is left as it is.
        done = any(k.id == entry.id and set(entry.sources) <= k.sources for k in known)
        others = [(k.id, k.told) for k in known if not set(entry.sources) & k.sources]
        match = None if done else combine.best_match(others, _told(entry, by_id))
        if match is not None:
            target = next(k for k in known if k.id == match[0])
            for telling in entry.tellings:
                extension_id = f"{target.id}-from-{telling.source}"[: content.MAX_ID].rstrip("-_")
                extension = content_dir / "events" / f"{extension_id}.md"
                if extension in files:
                    continue  # an entry holds one passage per source: the first telling's
                files[extension] = _extension_file(telling, target, by_id[telling.source], match[1])
                merged[extension] = (f"proposed {display_path(extension)}: adds {telling.outlet or telling.source}'s passage "
                                     f"to entry '{target.id}' ({match[1]})")
            continue
        if path.exists() and not done:
            # Another happening's entry has this id: the new one gets its own.
            entry = replace(entry, id=f"{entry.id}-{entry.tellings[0].source}"[: content.MAX_ID].rstrip("-_"))
            path = content_dir / "events" / f"{entry.id}.md"
        written, why_not = _event_file(entry, by_id)
        if written is None:
            warnings.append(Problem(path, 0, f"not written: {why_not}"))
        else:
            files[path] = written
    for folder in ("events", "sources"):
        # A content folder needs both, even when the article gave no event.
        try:
            (content_dir / folder).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            problems.append(Problem(content_dir / folder, 0, f"cannot be a folder ({error.strerror})"))
    wrote, skipped = [], []
    for path, text in files.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            problems.append(Problem(path, 0, f"cannot write the file: {path.parent} cannot be a folder ({error.strerror})"))
            continue
        try:
            # "x": an existing file, even one created a moment ago, is never replaced.
            with path.open("x", encoding="utf-8", newline="\n") as out:
                out.write(text)
            wrote.append(path)
        except FileExistsError:
            skipped.append(path)
        except OSError as error:
            problems.append(Problem(path, 0, f"cannot write the file: {error.strerror}"))
    return Written(wrote, skipped, warnings, problems, [merged[path] for path in wrote if path in merged])


@dataclass(frozen=True)
class Known:
    """An entry already in the folder, as matching a new article's needs it."""

    id: str
    sources: frozenset[str]
    told: combine.Told
    telling: combine.Telling  # its first source's passage, date and certainty, to say how accounts differ


def _known_entries(content_dir: Path) -> list[Known]:
    """The entries of the folder (not the drafts that extend one), read as
    they are; a file that does not read as an entry is left out, as the
    build will say what is wrong with it."""
    folder = content_dir / "events"
    if not folder.is_dir():
        return []
    published: dict[str, tuple[date, str] | None] = {}
    known = []
    for path in sorted(folder.rglob("*.md")):
        doc = frontmatter.read(path)
        if isinstance(doc, Problem) or "extends" in doc.meta or content.check_fields(doc, content.EVENT_FIELDS):
            continue
        meta = doc.meta
        first = meta["sources"][0] if meta["sources"] else None
        if first not in published:
            source = frontmatter.read(content_dir / "sources" / f"{first}.md")
            ok = not isinstance(source, Problem) and isinstance(source.meta.get("published"), date)
            published[first] = (source.meta["published"], source.meta.get("outlet")) if ok else None
        if published.get(first) is None:
            continue
        day, outlet = published[first]
        try:
            when = dates.resolve(str(meta["date"]), day) if not isinstance(meta["date"], date) else dates.from_date(meta["date"])
        except dates.DateError:
            continue
        found = FoundDate(when.value, when.words, when.precision, "words", when.mod)
        passages = [meta.get("passage", "")] + [a.get("passage", "") for a in meta.get("accounts", [])]
        told = combine.told(meta["kind"], found, tuple(meta.get("places", ())), meta["title"], passages)
        event = FoundEvent(path.stem, meta["title"], meta["kind"], found, tuple(meta.get("places", ())), 0, len(passages[0]),
                           passages[0], (), meta["certainty"], meta.get("according_to"))
        telling = combine.Telling(str(path), first, outlet, event)
        known.append(Known(path.stem, frozenset(meta["sources"]), told, telling))
    return known


def _told(entry: combine.Entry, by_id: dict[str, Article]) -> combine.Told:
    told = [combine.told(t.event.kind, t.event.date, t.event.places, t.event.title, [by_id[t.source].text[a:b] for a, b in t.event.passages or ((t.event.start, t.event.end),)])
            for t in entry.tellings]
    first = told[0]
    return replace(first, places=frozenset().union(*(t.places for t in told)), words=frozenset().union(*(t.words for t in told)),
                   names=frozenset().union(*(t.names for t in told)))


def _extension_file(telling: combine.Telling, target: Known, article: Article, why: str) -> str:
    """A draft adding one source's passage to an entry an editor may have
    corrected: the entry's file is never edited."""
    event = telling.event
    lines = ["+++", f"extends = {_toml(target.id)}", f"sources = [{_toml(telling.source)}]", f"passage = {_toml(event.passage)}"]
    lines += _account_date(event, article.published)
    lines.append(f"certainty = {_toml(event.certainty)}")
    if event.according_to:
        lines.append(f"according_to = {_toml(event.according_to)}")
    if event.quotes:
        lines.append(f"quotes = [{', '.join(_toml(q) for q in event.quotes)}]")
    differ = combine.differences([target.telling, telling])
    if differ:
        lines.append(f"accounts_differ = {_toml(' '.join(differ))}")
    lines.append(f"merged_because = {_toml(f'{telling.outlet or telling.source} tells the same happening: {why}.')}")
    lines += ["draft = true", "+++"]
    body = (f"Proposed by timeline extract as {telling.outlet or telling.source}'s account of the entry '{target.id}': {why}. "
            f"Remove the draft line to add it to that entry, or delete this file.\n")
    return "\n".join(lines) + "\n" + body


def _quote_id(proposed: str, source_id: str, content_dir: Path) -> str:
    """`proposed`, unless a quote of that id from another article is already
    there: two articles can quote the same opening words of the same speaker."""
    existing = content_dir / "quotes" / f"{proposed}.md"
    doc = frontmatter.read(existing) if existing.is_file() else None
    if isinstance(doc, Problem) or doc is None or doc.meta.get("source") == source_id:
        return proposed
    return f"{proposed}-{source_id}"[: content.MAX_ID].rstrip("-_")


def _body(path: Path) -> str | None:
    doc = frontmatter.read(path)
    return None if isinstance(doc, Problem) else doc.body


def _toml(value: str) -> str:
    # A JSON string is a valid TOML basic string: the same escapes.
    return json.dumps(value, ensure_ascii=False)


def _source_file(article: Article) -> str:
    lines = [
        "+++",
        f"title = {_toml(article.title)}",
        f"outlet = {_toml(article.outlet)}",
        f"published = {article.published.isoformat()}",
    ]
    lines += [f"{name} = {_toml(value)}" for name, value in (("url", article.url), ("author", article.author)) if value]
    return "\n".join(lines + ["+++"]) + "\n" + article.text


def _quote_file(quote: FoundQuote, source_id: str) -> str:
    lines = [
        "+++",
        f"speaker = {_toml(quote.speaker or UNNAMED_SPEAKER)}",
        f"channel = {_toml(quote.channel or 'not stated in the article')}",
        f"source = {_toml(source_id)}",
        "note = \"Proposed by timeline extract: check the speaker and channel.\"",
        "draft = true",
        "+++",
    ]
    body = "\n".join(line.rstrip() for line in quote.text.splitlines())
    return "\n".join(lines) + "\n" + body + "\n"


def _event_file(entry: combine.Entry, by_id: dict[str, Article]) -> tuple[str | None, str]:
    """An entry's draft: named and dated by its first telling, with every
    other source's passage in an [[accounts]] table of its own."""
    first = entry.tellings[0]
    event, article = first.event, by_id[first.source]
    dated = _date_field(event, article.published)
    if dated is None:
        return None, f"its date {event.date.text or event.date.value!r} cannot be read as an entry's date"
    date_field, year_note = dated
    lines = [
        "+++",
        f"date = {_toml(date_field)}",
        *([f"dated = {_toml(DATED[event.date.basis])}"] if event.date.basis in DATED else []),
        f"title = {_toml(event.title)}",
        f"kind = {_toml(event.kind)}",
        f"certainty = {_toml(entry.certainty)}",
    ]
    if entry.according_to:
        lines.append(f"according_to = {_toml(entry.according_to)}")
    lines += [
        f"places = [{', '.join(_toml(p) for p in entry.places())}]",
        f"sources = [{', '.join(_toml(s) for s in entry.sources)}]",
        f"quotes = [{', '.join(_toml(q) for q in entry.quotes)}]",
        f"passage = {_toml(event.passage)}",
    ]
    if entry.differ:
        lines.append(f"accounts_differ = {_toml(' '.join(entry.differ))}")
    if len(entry.sources) > 1:
        lines.append(f"merged_because = {_toml(_merged_note(entry))}")
    lines.append("draft = true")
    for telling in entry.tellings[1:]:
        lines += ["", "[[accounts]]", f"source = {_toml(telling.source)}", f"passage = {_toml(telling.event.passage)}"]
        lines += _account_date(telling.event, by_id[telling.source].published)
        lines.append(f"certainty = {_toml(telling.event.certainty)}")
        if telling.event.according_to:
            lines.append(f"according_to = {_toml(telling.event.according_to)}")
    lines.append("+++")
    body = _date_note(event.date) + year_note + "\n" + _also_told(event, article.text)
    return "\n".join(lines) + "\n" + body, ""


def _account_date(event: FoundEvent, published: date) -> list[str]:
    """A further source's date, and how it is known when extract inferred it."""
    told = _date_field(event, published)
    if told is None:
        return []
    return [f"date = {_toml(told[0])}"] + ([f"dated = {_toml(DATED[event.date.basis])}"] if event.date.basis in DATED else [])


def _merged_note(entry: combine.Entry) -> str:
    """Why the tellings of several sources are one entry, and what that
    makes of its certainty, in words for the editor and the entry page."""
    sure = ("At least two independent outlets report it in their own voice: confirmed." if entry.certainty == "confirmed"
            else "Fewer than two independent outlets report it in their own voice: not confirmed.")
    return " ".join(f"{reason}." for reason in entry.why) + " " + sure


def _also_told(event: FoundEvent, text: str) -> str:
    """The article's other passages that tell the same happening (a lede
    told again, what someone said about it), quoted for the editor: the
    entry's `passage` holds one."""
    more = [" ".join(text[a:b].split()) for a, b in event.passages[1:]]
    if not more:
        return ""
    return "\nThe article also tells it here:\n\n" + "".join(f"> {passage}\n>\n" for passage in more).rstrip(">\n") + "\n"


def _date_note(found: FoundDate) -> str:
    """Where the date comes from, for the editor to check, in the body."""
    if found.basis == "publication":
        return f"The article does not date this; it had happened by the day of the report ({found.value})."
    if found.basis == "present":
        return f"The article tells this in the present tense: the day of the report ({found.value})."
    if found.basis == "previous sentence":
        note = f"The article does not date this in its own sentence; the sentence before sets the time: “{found.text}”."
    elif found.basis == "story":
        note = f"The article does not date this in its own sentence; it is told in the time of the news the article opens with: “{found.text}”."
    else:
        note = f"Dated by the article's words “{found.text}”."
    return note + (" It had happened by then." if found.mod == ON_OR_BEFORE else "")


def _date_field(event: FoundEvent, published: date | None) -> tuple[str, str] | None:
    """The entry's date: the article's words when the content model reads
    them to the same date, else the TIMEX3 value; for a quarter or a season,
    which an entry cannot hold, its year, never anything finer. With a note
    for the body when the year stands in. A date the happening is known only
    to have taken place by is written so: "by 2016-12-12"."""
    found = event.date
    by = "by " if found.mod == ON_OR_BEFORE else ""
    for candidate in (found.text, found.value):
        if candidate and _reads_as(by + candidate, published, found.value):
            return by + candidate, ""
    year = (found.value or "")[:4]
    if year.isdigit() and _reads_as(by + year, published, year):
        return by + year, f" An entry cannot hold {found.value}; it is dated to the year {year}."
    return None


def _reads_as(words: str, published: date | None, value: str | None) -> bool:
    try:
        return dates.resolve(words, published).value == value
    except dates.DateError:
        return False
