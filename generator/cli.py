"""The command line: `timeline build`, `timeline check`, `timeline serve`, `timeline dates`.

It prints each problem as one line (file:line: message) and exits non-zero;
a content mistake never ends in a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

from generator import __version__, dates
from generator import build as builder
from generator import serve as preview_server
from generator.problems import Problem, count, display_path


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
    build.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR", help="content folder (default: content)")
    build.add_argument("-o", "--output", default="output", metavar="OUTPUT_DIR", help="output folder (default: output)")
    build.add_argument("--drafts", action="store_true", help="include entries and quotes marked draft = true")

    check = commands.add_parser("check", help="check the content without writing anything", description=(
        "Check every file of CONTENT_DIR (front matter, ids, dates, quotes against their sources) "
        "and render the site in memory; write nothing."))
    check.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR", help="content folder (default: content)")
    check.add_argument("--drafts", action="store_true", help="also check as if drafts were published")

    serve = commands.add_parser("serve", help="preview the site, rebuilt and reloaded as you save", description=(
        "Build CONTENT_DIR into a preview folder of its own (never into output/), serve it, and "
        "rebuild and reload the browser whenever a file of the content or the theme is saved."))
    serve.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR", help="content folder (default: content)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument("--open", action="store_true", help="open the preview in the web browser")
    serve.add_argument("--drafts", action="store_true", help="include entries and quotes marked draft = true")

    find_dates = commands.add_parser("dates", help="find the dates, times and durations in a text", description=(
        "Find every temporal expression in FILE (or standard input) and read it against the "
        "document's date, as TimeML TIMEX3 values. Without --dct, relative expressions stay unresolved."))
    find_dates.add_argument("file", nargs="?", default="-", metavar="FILE", help="a UTF-8 text file, or - for standard input (default)")
    find_dates.add_argument("--dct", metavar="YYYY-MM-DD", help="the document's date (when it was published)")
    find_dates.add_argument("--format", choices=("json", "text"), default="json", help="output format (default: json)")

    args = parser.parse_args(argv)
    if args.command == "dates":
        return _dates(args.file, args.dct, args.format)
    content_dir = Path(args.content_dir)
    if not content_dir.is_dir():
        return _fail([Problem(content_dir, 0, "no such content folder (run from your site's folder or name it)")])
    if args.command == "serve":
        return preview_server.serve(content_dir, args.host, args.port, args.open, args.drafts)
    started = time.perf_counter()
    try:
        if args.command == "build":
            result = builder.build(content_dir, Path(args.output), drafts=args.drafts)
        else:
            result = builder.check(content_dir, drafts=args.drafts)
    except KeyboardInterrupt:
        print("timeline: interrupted; the output was left as it was", file=sys.stderr)
        return 130
    if result.problems:
        return _fail(result.problems, args.output if args.command == "build" else None)
    elapsed = time.perf_counter() - started
    c = result.content
    counts = f"{count(len(c.events), 'entry', 'entries')}, {count(len(c.quotes), 'quote')}, {count(len(c.sources), 'source')}"
    if args.command == "build":
        print(f"built {counts} into {display_path(Path(args.output))}/ ({count(result.pages, 'page')}, {elapsed:.2f} s)")
    else:
        print(f"checked {counts}: no problems ({elapsed:.2f} s)")
    return 0


def _dates(file: str, dct_text: str | None, output_format: str) -> int:
    try:
        dct = date.fromisoformat(dct_text) if dct_text is not None else None
    except ValueError:
        return _fail_line(f"--dct {dct_text!r} is not a date: use YYYY-MM-DD")
    name = "standard input" if file == "-" else file
    try:
        raw = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
        text = raw.decode("utf-8")
    except OSError as error:
        return _fail_line(f"{name}: cannot read ({error.strerror or error})")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return _fail_line(f"{name}:{line}: not UTF-8 text (byte {error.start})")
    found = dates.find(text, dct)
    relative = sum(1 for t in found if t.value is None and t.unresolved == dates.RELATIVE)
    if relative:
        expressions = "expression" if relative == 1 else "expressions"
        print(f"timeline dates: no --dct given: {relative} relative {expressions} left unresolved", file=sys.stderr)
    if output_format == "json":
        print(json.dumps([t.as_json() for t in found], ensure_ascii=False, indent=1))
    else:
        for t in found:
            note = f"  ({t.unresolved})" if t.unresolved else ""
            print(f"{t.start}-{t.end}\t{t.type}\t{t.value or '-'}\t{t.text}{note}")
    return 0


def _fail_line(message: str) -> int:
    print(f"timeline dates: {message}", file=sys.stderr)
    return 1


def _fail(problems: list[Problem], output: str | None = None) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    if output is not None:
        print(f"timeline: {count(len(problems), 'problem')}; {output}/ was left as it was", file=sys.stderr)
    return 1
