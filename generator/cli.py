"""The command line: `timeline build`, `timeline check`, `timeline serve`, `timeline dates`, `timeline extract`.

It prints each problem as one line (file:line: message) and exits non-zero;
a content mistake never ends in a traceback. The exit status is 1 for a
problem with a file or folder, and 2, argparse's, for a command line that
is itself wrong (an unknown option, a --dct or --port that is no date or port).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from generator import __version__, patterncache
from generator.model import ON_OR_BEFORE
from generator.problems import Problem, count, display_path

if TYPE_CHECKING:
    from generator import dates
    from generator.combine import Timeline
    from generator.extract import Extraction


def run() -> None:
    """The `timeline` command: `main`, then the process ends without freeing,
    one by one, the objects the command made, nor walking them once more
    for cycles, as the interpreter does on its way out (with what
    collector._settle spares, a tenth of a build after one edit at 10,000
    entries). Nothing is lost: every file the
    command writes is closed by then, and nothing registers an atexit hook.
    Under a profiler or a tracer (cProfile, coverage), which write their
    findings at exit, it exits as any program does."""
    status = main()
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(status)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Turn the events reported in news articles into a static HTML timeline.",
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build the site into a folder", description=(
        "Build the site from CONTENT_DIR into OUTPUT_DIR. The output is replaced only when the "
        "whole build succeeds; a failed build leaves it as it was."))
    _site_arguments(build, "include entries and quotes marked draft = true")
    build.add_argument("-o", "--output", default="output", metavar="OUTPUT_DIR", help="output folder (default: output)")
    build.add_argument("--no-cache", action="store_true", help=(
        "build everything, without the cache kept beside the output (.OUTPUT_DIR.cache), and remove that cache"))

    check = commands.add_parser("check", help="check the content without writing anything", description=(
        "Check every file of CONTENT_DIR (front matter, ids, dates, quotes against their sources) "
        "and render the site in memory; write nothing."))
    _site_arguments(check, "also check as if drafts were published")

    serve = commands.add_parser("serve", help="preview the site, rebuilt and reloaded as you save", description=(
        "Build CONTENT_DIR into a preview folder of its own (never into output/), serve it, and "
        "rebuild and reload the browser whenever a file of the content or the theme is saved."))
    _site_arguments(serve, "include entries and quotes marked draft = true")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument("--open", action="store_true", help="open the preview in the web browser")

    find_dates = commands.add_parser("dates", help="find the dates, times and durations in a text", description=(
        "Find every temporal expression in each FILE (or standard input) and read it against the "
        "document's date, as TimeML TIMEX3 values. Without --dct, relative expressions stay unresolved. "
        "Several files are read on every core."))
    find_dates.add_argument("files", nargs="*", default=["-"], metavar="FILE", help="UTF-8 text files, or - for standard input (default)")
    find_dates.add_argument("--dct", type=_iso_date, metavar="YYYY-MM-DD", help="the document's date (when it was published)")
    find_dates.add_argument("--format", choices=("json", "jsonl", "text"), default="json", help=(
        "output format (default: json); jsonl: one JSON object per file, {\"file\", \"dates\"}, on a line of its own"))

    extract_cmd = commands.add_parser("extract", help="propose dated entries and attributed quotes from articles", description=(
        "Read each SOURCE (a content source file with front matter, a saved web page, or plain text with --published) "
        "and propose events and quotes, one entry per happening across the articles. With --write, write them as "
        "draft files into CONTENT_DIR; existing files are never replaced."))
    extract_cmd.add_argument("sources", nargs="+", metavar="SOURCE", help="an article: a content source file, a saved web page (.html), or a plain text file")
    extract_cmd.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD", help="the date of a plain text (or of a page that gives none), which relative dates are read against")
    extract_cmd.add_argument("--outlet", metavar="NAME", help="who published a plain text (or a page that does not say)")
    extract_cmd.add_argument("--title", metavar="TEXT", help="a plain text's headline (default: its first line)")
    extract_cmd.add_argument("--url", metavar="URL", help="where a plain text was published")
    extract_cmd.add_argument("--author", metavar="NAME", help="who wrote a plain text")
    extract_cmd.add_argument("--format", choices=("json", "text"), default="json", help="output format (default: json)")
    extract_cmd.add_argument("--write", nargs="?", const="content", metavar="CONTENT_DIR", help="write draft files into CONTENT_DIR (default: content)")

    args = parser.parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:
        # The reader stopped reading (`timeline extract … | head`): nothing is wrong.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        patterncache.save()  # the rules compiled in this run, for the next


def _run(args: argparse.Namespace) -> int:
    if args.command == "dates":
        return _dates(args.files, args.dct, args.format)
    if args.command == "extract":
        return _extract(args)
    content_dir = Path(args.content_dir)
    if content_dir.is_file():
        return _fail([Problem(content_dir, 0, f"a file, not a content folder: to propose entries from an article, "
                              f"run timeline extract {display_path(content_dir)}")])
    if not content_dir.is_dir():
        return _fail([Problem(content_dir, 0, "no such content folder (run from your site's folder or name it)")])
    _stop_on_signals()
    if args.command == "serve":
        from generator import serve  # tornado and livereload load only for the preview

        return serve.serve(content_dir, args.host, args.port, args.open, args.drafts)
    # Imported here: Jinja2, Markdown and the content model load only for a
    # build or a check, so `dates` and `extract` start sooner without.
    from generator import build as builder
    from generator.parallel import WorkerLost

    started = time.perf_counter()
    try:
        if args.command == "build":
            result = builder.build(content_dir, Path(args.output), drafts=args.drafts, cache=not args.no_cache)
        else:
            result = builder.check(content_dir, drafts=args.drafts)
    except KeyboardInterrupt:
        print("timeline: interrupted; the output was left as it was", file=sys.stderr)
        return 130
    except WorkerLost as error:
        print(f"timeline: {error}; the output was left as it was", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(Problem(warning.path, warning.line, f"warning: {warning.message}"), file=sys.stderr)
    if result.problems:
        if args.command == "check":
            _fail(result.problems)
            print(f"timeline: {count(len(result.problems), 'problem')} found; nothing was written", file=sys.stderr)
            return 1
        return _fail(result.problems, args.output)
    elapsed = time.perf_counter() - started
    entries, quotes, sources, left = result.counts()
    counts = f"{count(entries, 'entry', 'entries')}, {count(quotes, 'quote')}, {count(sources, 'source')}"
    left_out = f"; {count(left, 'draft')} left out (use --drafts)" if left else ""
    if args.command == "build":
        print(f"built {counts} into {display_path(Path(args.output))}/ ({count(result.pages, 'page')}, {elapsed:.2f} s){left_out}")
    else:
        print(f"checked {counts}: no problems ({elapsed:.2f} s){left_out}")
    return 0


def _stop_on_signals() -> None:
    """Stop on SIGTERM (kill, a service manager) and SIGHUP (the terminal
    closed) as on Ctrl-C: a build removes its temporary folder and leaves
    the output as it was, a preview removes its folder."""

    def interrupt(signum, frame) -> None:
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), interrupt)


def _dates(files: list[str], dct: date | None, output_format: str) -> int:
    if files.count("-") > 1:
        return _fail_line("standard input (-) can be read only once")
    stdin = sys.stdin.buffer.read() if "-" in files else b""
    # Imported here, as places below: a build reads dates through the content loader, and only when it must.
    from generator import dates

    dates.load_rules()  # before the work is forked: compiled once, not once per process
    from generator.batch import each_file

    failed = relative = 0
    several = len(files) > 1
    found_in = []  # each file's object, printed as one list at the end (json with several files)
    for file, found, error in each_file(lambda file: _dates_of(file, stdin, dct), files):
        if error:
            print(f"timeline dates: {error}", file=sys.stderr)
            failed += 1
            continue
        relative += sum(1 for t in found if t.value is None and t.unresolved == dates.RELATIVE)
        expressions = [t.as_json() for t in found]
        if output_format == "jsonl":
            print(json.dumps({"file": file, "dates": expressions}, ensure_ascii=False), flush=True)
        elif output_format == "json" and several:
            found_in.append({"file": file, "dates": expressions})
        elif output_format == "json":
            print(json.dumps(expressions, ensure_ascii=False, indent=1))
        else:
            for t in found:
                note = f"  ({t.unresolved})" if t.unresolved else ""
                print(f"{file + ':' if several else ''}{t.start}-{t.end}\t{t.type}\t{t.value or '-'}\t{t.text}{note}")
    if output_format == "json" and several:
        print(json.dumps(found_in, ensure_ascii=False, indent=1))
    if relative:
        expressions = "expression" if relative == 1 else "expressions"
        print(f"timeline dates: no --dct given: {relative} relative {expressions} left unresolved", file=sys.stderr)
    return 1 if failed else 0


def _dates_of(file: str, stdin: bytes, dct: date | None) -> tuple[str, list[dates.Timex], str | None]:
    """(the file, the expressions found in it, or the one line that says why it could not be read)."""
    from generator import dates

    name = "standard input" if file == "-" else file
    try:
        raw = stdin if file == "-" else Path(file).read_bytes()
        # Decoded as it is, not through frontmatter.decode: the offsets must
        # index the exact input, a byte-order mark and CRLF line ends included.
        text = raw.decode("utf-8")
    except OSError as error:
        return file, [], f"{name}: cannot read ({error.strerror or error})"
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return file, [], f"{name}:{line}: not UTF-8 text (byte {error.start})"
    return file, dates.find(text, dct), None


def _fail_line(message: str) -> int:
    print(f"timeline dates: {message}", file=sys.stderr)
    return 1


def _extract(args: argparse.Namespace) -> int:
    # Imported here: only extract needs them, and builds start sooner without.
    from generator import combine, drafts, extract, places
    from generator.parallel import parallel_map

    write_to = Path(args.write) if args.write else None
    given = drafts.Given(args.published, args.outlet, args.title, args.url, args.author)
    articles, problems = [], []
    for name in args.sources:
        article = _article(Path(name), given, args, write_to is not None)
        (problems if isinstance(article, Problem) else articles).append(article)
    if problems:
        return _fail(problems)
    articles = _unique_ids(articles)
    gazetteer, problems = places.load(_places_folder(Path(args.sources[0]), write_to))
    if problems:
        return _fail(problems)

    def extracted(article: drafts.Article) -> Extraction:
        return extract.extract(article.text, article.id, article.published, article.outlet, gazetteer)

    # Each article is read on its own: several share the machine's cores.
    extractions = parallel_map(extracted, articles, min_items=4)
    found = combine.combine([combine.Article(a.file, a.id, a.outlet, a.text) for a in articles], extractions)
    if write_to is None:
        print(json.dumps(_as_json(articles, found), ensure_ascii=False, indent=2) if args.format == "json" else describe(articles, found))
        return 0
    if write_to.exists() and not write_to.is_dir():
        return _fail([Problem(write_to, 0, "not a folder: give a content folder to write the drafts into")])
    written = drafts.write(found, articles, write_to)
    for path in written.wrote:
        print(f"wrote {display_path(path)}")
    for path in written.skipped:
        print(f"skipped {display_path(path)}: it exists (left as it was)")
    for line in written.merged:
        print(line)
    for problem in written.warnings + written.problems:
        print(problem, file=sys.stderr)
    print(f"{count(len(written.wrote), 'file')} written, {len(written.skipped)} skipped")
    return 1 if written.problems else 0


def _article(path: Path, given, args: argparse.Namespace, writing: bool):
    """One input read, with a warning line for what the command line says
    in vain, or the one problem that stops it."""
    from generator import drafts

    article = drafts.read(path, given)
    if isinstance(article, Problem):
        return article
    name = display_path(path)
    if args.published and article.file_text and article.published != args.published:
        print(f"{name}: warning: its front matter says published = {article.published}; --published is ignored", file=sys.stderr)
    if article.published is None:
        if writing:
            return Problem(path, 0, "--write needs the article's date: give --published YYYY-MM-DD")
        print(f"{name}: warning: no published date; relative dates are left unresolved (give --published YYYY-MM-DD)", file=sys.stderr)
    if writing and not article.outlet:
        return Problem(path, 0, "--write needs the outlet that published it: give --outlet NAME")
    return article


def _unique_ids(articles: list) -> list:
    """Two inputs of one name (a/article.txt, b/article.txt) are two sources."""
    from generator.model import MAX_ID

    taken: set[str] = set()
    unique = []
    for article in articles:
        new_id, n = article.id, 1
        while new_id in taken:
            n += 1
            new_id = f"{article.id[: MAX_ID - 4]}-{n}"
        taken.add(new_id)
        unique.append(article if new_id == article.id else replace(article, id=new_id))
    return unique


def _as_json(articles: list, found: Timeline) -> dict:
    return {
        "sources": [
            {"file": a.file, "id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published.isoformat() if a.published else None,
             "url": a.url, "author": a.author}
            for a in articles
        ],
        "events": [entry.as_json() for entry in found.entries],
        "quotes": [
            {"id": q.id, "source": source, "text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker, "channel": q.channel}
            for source, q in found.quotes
        ],
    }


def _places_folder(source: Path, write_to: Path | None) -> Path | None:
    """The gazetteer of the folder written to, else of the content folder the
    source sits in, else ./content."""
    from generator import places

    beside = source.resolve().parent.parent if source.resolve().parent.name == "sources" else None
    for folder in (write_to, beside, Path("content")):
        if folder is not None and (folder / places.FILE_NAME).is_file():
            return folder
    return None


def describe(articles: list, found: Timeline) -> str:
    """The timeline as a dated list a person reads: each entry with its
    date, how sure the reporting is, each source's words when several tell
    it, how their accounts differ, and the quotes that back it."""
    quotes = {q.id: q for _, q in found.quotes}
    lines = []
    for article in articles:
        published = article.published.isoformat() if article.published else "no published date"
        own = [e for e in found.entries if article.id in e.sources]
        told = [q for source, q in found.quotes if source == article.id]
        lines.append(f"{article.id} ({published}): {count(len(own), 'event')}, {count(len(told), 'quote')}")
    shared = sum(len(e.sources) > 1 for e in found.entries)
    if len(articles) > 1:
        lines.append(f"{count(len(found.entries), 'entry', 'entries')}, {shared} told by several sources")
    order = sorted(found.entries, key=lambda e: (_start(e.first.date.value), e.first.start))
    for entry in order:
        event = entry.first
        when = event.date.value or "undated"
        if event.date.mod == ON_OR_BEFORE:
            when = f"by {when}"
        said = f" ({event.date.text})" if event.date.text else " (the day of the report)" if event.date.basis == "publication" else ""
        if event.date.basis == "previous sentence":
            said = f" ({event.date.text}, in the sentence before)"
        sure = entry.certainty + (f", according to {entry.according_to}" if entry.according_to else "")
        lines += ["", f"{when}{said}  {event.title}", f"    {event.kind}; {sure}"]
        if entry.places():
            lines.append(f"    places: {', '.join(entry.places())}")
        if len(entry.sources) > 1:
            lines += [f"    {t.outlet or t.source}: “{_short(t.event.passage)}”" for t in entry.tellings]
            lines += [f"    accounts differ: {difference}" for difference in entry.differ]
            lines += [f"    merged: {reason}" for reason in entry.why]
        for quote_id in entry.quotes:
            quote = quotes[quote_id]
            lines.append(f"    “{_short(quote.text)}” ({_who(quote)})")
    used = {q for e in found.entries for q in e.quotes}
    unused = [q for _, q in found.quotes if q.id not in used]
    if unused:
        lines += ["", "quotes that back no event:"]
        lines += [f"    “{_short(q.text)}” ({_who(q)})" for q in unused]
    return "\n".join(lines)


def _start(value: str | None) -> date:
    """Where a TIMEX3 value starts, to order the list; undated last."""
    from generator import dates

    try:
        return dates.when_of(value).start if value else date.max
    except dates.DateError:
        # A quarter, a season, a decade ("199") or a century ("19"): its first year.
        digits = re.match(r"\d{2,4}", value)
        return date(max(1, int(digits.group().ljust(4, "0"))), 1, 1) if digits else date.max


def _who(quote) -> str:
    return f"{quote.speaker or 'speaker not identified'}, {quote.channel or 'channel not stated'}"


def _short(text: str, words: int = 24) -> str:
    split = text.split()
    return " ".join(split) if len(split) <= words else " ".join(split[:words]) + "…"


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD, e.g. 2016-12-12)") from None


def _site_arguments(command: argparse.ArgumentParser, drafts_help: str) -> None:
    """What every command that reads a whole site takes: its folder, and whether drafts count."""
    command.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR", help="content folder (default: content)")
    command.add_argument("--drafts", action="store_true", help=drafts_help)


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port: give a number from 1 to 65535")
    return int(text)


def _fail(problems: list[Problem], output: str | None = None) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    if output is not None:
        print(f"timeline: {count(len(problems), 'problem')}; {output}/ was left as it was", file=sys.stderr)
    return 1
