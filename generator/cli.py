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
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from generator import __version__, dates, places
from generator.model import ON_OR_BEFORE
from generator.problems import Problem, count, display_path

if TYPE_CHECKING:
    from generator.extract import Extraction


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

    extract_cmd = commands.add_parser("extract", help="propose dated entries and attributed quotes from an article", description=(
        "Read SOURCE (a content source file with front matter, or plain text with --published) and propose "
        "events and quotes. With --write, write them as draft files into CONTENT_DIR; existing files are never replaced."))
    extract_cmd.add_argument("source", metavar="SOURCE", help="the article: a content source file, or a plain text file")
    extract_cmd.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD", help="the article's date, which relative dates are read against")
    extract_cmd.add_argument("--format", choices=("json", "text"), default="json", help="output format (default: json)")
    extract_cmd.add_argument("--write", nargs="?", const="content", metavar="CONTENT_DIR", help="write draft files into CONTENT_DIR (default: content)")

    args = parser.parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:
        # The reader stopped reading (`timeline extract … | head`): nothing is wrong.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


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
        return _fail(result.problems, args.output if args.command == "build" else None)
    elapsed = time.perf_counter() - started
    entries, quotes, sources = result.counts()
    counts = f"{count(entries, 'entry', 'entries')}, {count(quotes, 'quote')}, {count(sources, 'source')}"
    if args.command == "build":
        print(f"built {counts} into {display_path(Path(args.output))}/ ({count(result.pages, 'page')}, {elapsed:.2f} s)")
    else:
        print(f"checked {counts}: no problems ({elapsed:.2f} s)")
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
    from generator import drafts, extract

    article = drafts.read(Path(args.source), args.published)
    if isinstance(article, Problem):
        return _fail([article])
    if args.published and article.published != args.published:
        print(f"{display_path(Path(args.source))}: warning: its front matter says published = {article.published}; --published is ignored", file=sys.stderr)
    if article.published is None:
        if args.write:
            return _fail([Problem(Path(args.source), 0, "--write needs the article's date: give --published YYYY-MM-DD")])
        print(f"{display_path(Path(args.source))}: warning: no published date; relative dates are left unresolved (give --published YYYY-MM-DD)", file=sys.stderr)
    write_to = Path(args.write) if args.write else None
    gazetteer, problems = places.load(_places_folder(Path(args.source), write_to))
    if problems:
        return _fail(problems)
    result = extract.extract(article.text, article.id, article.published, article.outlet, gazetteer)
    if write_to is None:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2) if args.format == "json" else describe(result))
        return 0
    if write_to.exists() and not write_to.is_dir():
        return _fail([Problem(write_to, 0, "not a folder: give a content folder to write the drafts into")])
    written = drafts.write(result, article, write_to)
    for path in written.wrote:
        print(f"wrote {display_path(path)}")
    for path in written.skipped:
        print(f"skipped {display_path(path)}: it exists (left as it was)")
    for problem in written.warnings + written.problems:
        print(problem, file=sys.stderr)
    print(f"{count(len(written.wrote), 'file')} written, {len(written.skipped)} skipped")
    return 1 if written.problems else 0


def _places_folder(source: Path, write_to: Path | None) -> Path | None:
    """The gazetteer of the folder written to, else of the content folder the
    source sits in, else ./content."""
    beside = source.resolve().parent.parent if source.resolve().parent.name == "sources" else None
    for folder in (write_to, beside, Path("content")):
        if folder is not None and (folder / places.FILE_NAME).is_file():
            return folder
    return None


def describe(result: Extraction) -> str:
    """The extraction as a dated list a person reads: each event with its
    date, how sure the article is, and the quotes that back it."""
    quotes = {q.id: q for q in result.quotes}
    published = result.published.isoformat() if result.published else "no published date"
    lines = [f"{result.source} ({published}): {count(len(result.events), 'event')}, {count(len(result.quotes), 'quote')}"]
    order = sorted(result.events, key=lambda e: (_start(e.date.value), e.start))
    for event in order:
        when = event.date.value or "undated"
        if event.date.mod == ON_OR_BEFORE:
            when = f"by {when}"
        said = f" ({event.date.text})" if event.date.text else " (the day of the report)" if event.date.basis == "publication" else ""
        if event.date.basis == "previous sentence":
            said = f" ({event.date.text}, in the sentence before)"
        sure = event.certainty + (f", according to {event.according_to}" if event.according_to else "")
        lines += ["", f"{when}{said}  {event.title}", f"    {event.kind}; {sure}"]
        if event.places:
            lines.append(f"    places: {', '.join(event.places)}")
        for quote_id in event.quotes:
            quote = quotes[quote_id]
            lines.append(f"    “{_short(quote.text)}” ({_who(quote)})")
    unused = [q for q in result.quotes if not any(q.id in e.quotes for e in result.events)]
    if unused:
        lines += ["", "quotes that back no event:"]
        lines += [f"    “{_short(q.text)}” ({_who(q)})" for q in unused]
    return "\n".join(lines)


def _start(value: str | None) -> date:
    """Where a TIMEX3 value starts, to order the list; undated last."""
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
