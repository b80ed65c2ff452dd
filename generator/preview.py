"""The preview's builds: the whole site once, then after each save only the
pages that the save changes, written into a folder of the preview's own.

A page is rendered again when its own context changed (compared with ==,
which is quick because the load cache hands back the very same objects for
unchanged files), or when it read something through the shared context that
changed: the recording environment below notes, for every page, which field
of which entry, quote, source or period it read and which key of which
shared lookup it looked up. A change the notes cannot place (the list of
periods, the templates, the theme) renders every page again.
"""

from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator import content as content_loader
from generator import media
from generator.build import holds, render_problem
from generator.model import Event, Quote, Site, Source
from generator.parallel import parallel_map
from generator.plan import Page, Period, Plan, Urls, plan_site
from generator.problems import Problem
from generator.render import SiteEnvironment, environment, render_page
from generator.themes import static_files, theme_dirs


def identity(obj: object) -> tuple | None:
    """What names `obj` from one build to the next, for the kinds of objects
    whose reads are recorded."""
    kind = type(obj)
    if kind in (Event, Quote, Source):
        return (kind.__name__, obj.id)
    if kind is Period:
        return ("Period", obj.slug)
    if kind in (Site, Urls):
        return (kind.__name__,)
    return None


class RecordingEnvironment(SiteEnvironment):
    """Jinja2 resolves every `a.b` and `a[b]` of a template through these two
    methods; while `reads` is a set, they note what the page reads."""

    reads: set | None = None
    lookups: dict[int, str] = {}  # id() of each shared dict -> its name

    def getattr(self, obj, attribute):
        if self.reads is not None:
            key = identity(obj)
            if key is not None:
                # Urls is read through its methods: any change to it counts.
                self.reads.add((key, attribute if dataclasses.is_dataclass(obj) else "*"))
            elif id(obj) in self.lookups:
                self.reads.add(((self.lookups[id(obj)],), "*"))
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        if self.reads is not None and id(obj) in self.lookups:
            self.reads.add(((self.lookups[id(obj)],), argument))
        return super().getitem(obj, argument)


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # output paths written or deleted
    rendered: int = 0
    seconds: float = 0.0


@dataclass
class Preview:
    content_dir: Path
    folder: Path
    drafts: bool = False
    cache: content_loader.Cache = field(default_factory=content_loader.Cache)
    env: RecordingEnvironment | None = None
    theme: str | None = None
    plan: Plan | None = None
    registry: dict = field(default_factory=dict)
    reads: dict[str, frozenset] = field(default_factory=dict)
    static: set[str] = field(default_factory=set)  # paths of the theme's files copied in
    owed: set[str] = field(default_factory=set)  # paths of deferred data files (feed, JSON) not yet rendered
    media: set[str] = field(default_factory=set)  # paths of the images' files written

    def watched(self) -> list[Path]:
        """The folders whose files a rebuild reads: the content and the theme in use."""
        return [self.content_dir] + theme_dirs(self.content_dir, self.theme or "default")

    def rebuild(self, changed: set[Path] | None = None, defer_data: bool = False) -> Outcome:
        """Build after `changed` files were saved; everything when None.

        With `defer_data`, only pages (.html) are rendered now and the data
        files are owed until `settle()`: the browser shows pages, and the
        archive's timeline.json alone takes longer to render than they do."""
        started = time.perf_counter()
        self.cache.forget(changed or ())
        content, problems = content_loader.load(self.content_dir, self.drafts, self.cache)
        if problems:
            return Outcome(problems, seconds=time.perf_counter() - started)
        plan = plan_site(content)
        everything = changed is None or self.env is None or content.site.theme != self.theme or any(
            not _under(path, self.content_dir) or _under(path, self.content_dir / "templates") for path in changed
        )
        if everything:
            self.env = environment(self.content_dir, content.site.theme, RecordingEnvironment)
            self.theme = content.site.theme
        registry = _registry(content, plan)
        pages = list(plan.pages) if everything else self._dirty(plan, registry)
        dirty = {page.path for page in pages}
        pages += [page for page in plan.pages if page.path in self.owed and page.path not in dirty]
        if defer_data:
            self.owed = {page.path for page in pages if not page.path.endswith(".html")}
            pages = [page for page in pages if page.path.endswith(".html")]
        else:
            self.owed = set()
        outcome = self._render(plan, pages)
        if outcome.problems:
            outcome.seconds = time.perf_counter() - started
            return outcome
        paths = {page.path for page in plan.pages}
        for path in sorted(set(self.reads) - paths):
            (self.folder / path).unlink(missing_ok=True)
            del self.reads[path]
            outcome.written.append(path)
        static = static_files(self.content_dir, content.site.theme)
        for target in sorted(self.static - static.keys()):
            (self.folder / target).unlink(missing_ok=True)
            outcome.written.append(target)
        for target, source in static.items():
            if _write_if_changed(self.folder / target, source.read_bytes()):
                outcome.written.append(target)
        self.static = set(static)
        outcome.problems = self._write_media(plan, outcome.written)
        self.plan, self.registry = plan, registry
        outcome.seconds = time.perf_counter() - started
        return outcome

    def _write_media(self, plan: Plan, written: list[str]) -> list[Problem]:
        """Make the images' files not made yet (their names change with the
        picture) and remove those no page shows any more."""
        wanted = plan.media_files()
        for path in sorted(self.media - wanted):
            (self.folder / path).unlink(missing_ok=True)
            written.append(path)
        self.media &= wanted
        new = tuple(item for item in plan.images if not {r.path for r in media.renditions(item[1])} <= self.media)
        problems = []
        for made in media.make_files(self.content_dir, new):
            if isinstance(made, Problem):
                problems.append(made)
                continue
            for path, data in made.items():
                if _write_if_changed(self.folder / path, data):
                    written.append(path)
                self.media.add(path)
        return problems

    def settle(self) -> Outcome:
        """Render the data files that the last rebuild deferred."""
        started = time.perf_counter()
        outcome = self._render(self.plan, [page for page in self.plan.pages if page.path in self.owed])
        if not outcome.problems:
            self.owed = set()
        outcome.seconds = time.perf_counter() - started
        return outcome

    def _dirty(self, plan: Plan, registry: dict) -> list[Page]:
        """The pages of `plan` that would not come out as they did last time."""
        old = self.plan
        changed = set()
        for name, value in plan.shared.items():
            before = old.shared.get(name)
            if isinstance(value, dict) and isinstance(before, dict):
                changed |= _changed_keys(name, before, value)
            elif identity(value) is None and _signature(value) != _signature(before):
                return list(plan.pages)
        for key in registry.keys() | self.registry.keys():
            before, now = self.registry.get(key), registry.get(key)
            if before is not now and before != now:
                changed |= _changed_fields(key, before, now)
        before_pages = {page.path: page for page in old.pages}
        touched = self._touched(changed)
        dirty = []
        for page in plan.pages:
            was = before_pages.get(page.path)
            if (
                was is None
                or was.template != page.template
                or was.context != page.context
                or page.path not in self.reads  # deferred before it was ever rendered
                or page.path in touched
            ):
                dirty.append(page)
        return dirty

    def _touched(self, changed: set) -> set[str]:
        """The pages that read any of `changed`."""
        return {path for path, read in self.reads.items() if not read.isdisjoint(changed)}

    def _render(self, plan: Plan, pages: list[Page]) -> Outcome:
        env, folder = self.env, self.folder
        env.lookups = {id(value): name for name, value in plan.shared.items() if isinstance(value, dict)}

        def render_one(page: Page) -> tuple[Problem | None, bool, frozenset]:
            env.reads = set()
            try:
                text = render_page(env, plan, page)
            except Exception as error:  # a theme's template can fail in any way; say where
                return render_problem(error), False, frozenset()
            finally:
                reads, env.reads = frozenset(env.reads), None
            return None, _write_if_changed(folder / page.path, text.encode("utf-8")), reads

        results = parallel_map(render_one, pages)
        problems = list(dict.fromkeys(problem for problem, _, _ in results if problem is not None))
        if problems:
            return Outcome(problems)
        outcome = Outcome(rendered=len(pages))
        for page, (_, written, reads) in zip(pages, results):
            self.reads[page.path] = reads
            if written:
                outcome.written.append(page.path)
        return outcome


def _registry(content, plan: Plan) -> dict:
    objects = [content.site, *content.sources.values(), *content.quotes.values(), *content.events]
    objects += [value for value in plan.shared.values() if identity(value) is not None]
    objects += [p for p in plan.shared.get("periods", ()) if isinstance(p, Period)]
    return {identity(obj): obj for obj in objects}


def _changed_fields(key: tuple, before, now) -> set:
    if before is None or now is None or not dataclasses.is_dataclass(now):
        present = before if now is None else now
        names = [f.name for f in dataclasses.fields(present)] if dataclasses.is_dataclass(present) else []
        return {(key, name) for name in [*names, "*"]}
    return {(key, f.name) for f in dataclasses.fields(now) if getattr(before, f.name) != getattr(now, f.name)}


def _changed_keys(name: str, before: dict, now: dict) -> set:
    changed = {((name,), "*")} if before.keys() != now.keys() else set()
    for key in before.keys() | now.keys():
        if _signature(before.get(key)) != _signature(now.get(key)):
            changed |= {((name,), key), ((name,), "*")}
    return changed


def _signature(value):
    """`value` with every model object replaced by its name: what changes
    when something is added, removed or reordered, not when it is edited."""
    key = identity(value)
    if key is not None:
        return key
    if isinstance(value, (list, tuple)):
        return tuple(_signature(item) for item in value)
    return value


def _under(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` unless the file already holds it; a reader never sees
    half a file, because the new one is put in place by rename."""
    if holds(path, data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)
    return True
