"""Reading an article for `timeline extract`, and writing what it proposes as
draft files in the content model's format (`--write`).

Writing never replaces a file: an existing draft may hold an editor's
corrections, so it is kept and reported as skipped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from generator import content, dates, frontmatter
from generator.dating import FoundDate
from generator.extract import Extraction, FoundEvent, FoundQuote
from generator.model import ON_OR_BEFORE
from generator.problems import Problem

UNNAMED_SPEAKER = "not identified in the article"
# How a date found by extract is known, as an entry's `dated` says it: the
# page then says so, not that the editor gave the date. A date of the
# article's own words needs none; the day of the report bounding the
# happening is written "by <date>".
DATED = {"previous sentence": "previous sentence", "story": "story", "present": "report"}


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    published: date | None
    title: str
    outlet: str | None
    file_text: str | None  # the whole file when it is a content source, to copy as it is


def read(path: Path, published: date | None) -> Article | Problem:
    """A content source file (front matter), whose own published date
    counts, or plain text, dated by `published`."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return Problem(path, 0, f"cannot read the file: {error.strerror}")
    if b"\0" in data:
        return Problem(path, 0, "not a text file (it contains NUL bytes): give an article as UTF-8 text")
    text = frontmatter.decode(path, data)
    if isinstance(text, Problem):
        return text
    article_id = re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-_") or "article"
    if not text.startswith(frontmatter.FENCE + "\n"):
        first = next((line.strip() for line in text.splitlines() if line.strip()), path.stem)
        return Article(article_id, text, published, first[:120], None, None)
    doc = frontmatter.parse(path, text)
    if isinstance(doc, Problem):
        return doc
    problems = content.check_fields(doc, content.SOURCE_FIELDS)
    if problems:
        return problems[0]
    meta = doc.meta
    return Article(article_id, doc.body, meta["published"], meta["title"], meta["outlet"], text)


@dataclass(frozen=True)
class Written:
    wrote: list[Path]
    skipped: list[Path]
    warnings: list[Problem]  # what was left out, and why
    problems: list[Problem]  # files that could not be written


def write(extraction: Extraction, article: Article, content_dir: Path) -> Written:
    """Draft files for every event and quote, plus what a new content folder
    needs to build (site.toml, the source); existing files are left alone."""
    files: dict[Path, str] = {}
    warnings: list[Problem] = []
    problems: list[Problem] = []
    files[content_dir / "site.toml"] = f"title = {_toml(article.title)}\nlanguage = \"en\"\n"
    files[content_dir / "sources" / f"{article.id}.md"] = article.file_text or _source_file(article)
    ids = {quote.id: _quote_id(quote.id, article.id, content_dir) for quote in extraction.quotes}
    for quote in extraction.quotes:
        files[content_dir / "quotes" / f"{ids[quote.id]}.md"] = _quote_file(quote, article.id)
    for event in extraction.events:
        written, why_not = _event_file(replace(event, quotes=tuple(ids[q] for q in event.quotes)), article)
        if written is None:
            warnings.append(Problem(content_dir / "events" / f"{event.id}.md", 0, f"not written: {why_not}"))
        else:
            files[content_dir / "events" / f"{event.id}.md"] = written
    existing = content_dir / "sources" / f"{article.id}.md"
    if existing.is_file() and _body(existing) != article.text:
        warnings.append(Problem(existing, 0, "kept, but its text differs from the article read: the drafts' quotes and passages may not match it"))
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
    return Written(wrote, skipped, warnings, problems)


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
        f"outlet = {_toml(article.outlet or 'not given')}",
        f"published = {article.published.isoformat()}",
        "+++",
    ]
    return "\n".join(lines) + "\n" + article.text


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


def _event_file(event: FoundEvent, article: Article) -> tuple[str | None, str]:
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
        f"certainty = {_toml(event.certainty)}",
    ]
    if event.according_to:
        lines.append(f"according_to = {_toml(event.according_to)}")
    lines += [
        f"places = [{', '.join(_toml(p) for p in event.places)}]",
        f"sources = [{_toml(article.id)}]",
        f"quotes = [{', '.join(_toml(q) for q in event.quotes)}]",
        f"passage = {_toml(event.passage)}",
        "draft = true",
        "+++",
    ]
    body = _date_note(event.date) + year_note + "\n" + _also_told(event, article.text)
    return "\n".join(lines) + "\n" + body, ""


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
