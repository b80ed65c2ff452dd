"""A build after a few saved files renders only the pages those files
change; a build after no change does nothing. What the last build kept
beside the output (generator/buildcache.py) says which files changed and
which page read what; which pages an edit changes is reckoned as the
preview reckons it (generator/preview.py).

The changed pages are all rendered before the first is written, so a
mistake in the content or a template leaves the output as it was. They are
then written in place, each put there whole by a rename; the cache's
fingerprint is removed before, and kept again after, so a build stopped
while writing them is followed by a full one.

When the theme, the site's own templates or its settings (site.toml)
change, or more than a quarter of the pages of a large site would, this
gives way (returns None) to the full build, which writes a new folder and
links from the old output every page that did not change.
"""

from __future__ import annotations

import gc
import os
from contextlib import suppress
from pathlib import Path

from generator import buildcache, collector, keptstate, media, render
from generator import content as content_loader
from generator.build import Result, render_problem
from generator.model import Content
from generator.parallel import parallel_map
from generator.plan import Page, Plan, plan_site
from generator.previousplan import previous_plan
from generator.preview import Preview, RecordingEnvironment, _registry, _under, _write_if_changed
from generator.problems import Problem
from generator.render import environment, render_page
from generator.themes import theme_dirs

# More pages than these to render, and the full build is as quick, holds
# less in memory, and puts them all in place in one step.
DIRTY_SHARE = 4  # 1 page in 4
DIRTY_PAGES = 500


def build(content_dir: Path, output: Path, drafts: bool, warnings: list[Problem]) -> Result | None:
    """The build from what the last one kept, or None when a full build is needed.
    Python's cycle collector is paused meanwhile (and while the state is
    kept): the state is hundreds of thousands of objects, none of them
    garbage, which it would walk again and again as they are read back."""
    with collector.paused():
        done = _build(content_dir, output, drafts, warnings)
    if done is None:
        # What was read back is garbage now: collected here, before the full
        # build begins, not at some moment while it writes.
        gc.collect()
    return done


def _build(content_dir: Path, output: Path, drafts: bool, warnings: list[Problem]) -> Result | None:
    fingerprint, why = buildcache.read_fingerprint(output, buildcache.key(content_dir, drafts))
    if why:
        warnings.append(Problem(buildcache.folder(output), 0, f"the build cache was ignored ({why}); building everything"))
    if fingerprint is None:
        return None
    taken = buildcache.clock(output)
    if taken is None:
        return None  # no file can be written beside the output: no cache either
    inputs = buildcache.files([content_dir] + theme_dirs(content_dir, fingerprint.theme))
    outputs = buildcache.files([output])
    if outputs != fingerprint.outputs:
        return None  # the output was changed, or removed, since: a full build puts it right
    if inputs == fingerprint.inputs:
        *counts, pages = fingerprint.counts
        return Result(pages=pages, warnings=warnings, unchanged=tuple(counts))
    changed = {Path(p) for p in inputs.keys() | fingerprint.inputs.keys() if inputs.get(p) != fingerprint.inputs.get(p)}
    settings = content_dir / "site.toml"
    if settings in changed and content_loader.load_site(settings)[0].theme != fingerprint.theme:
        warnings.append(Problem(buildcache.folder(output), 0, f"the build cache was made for the theme {fingerprint.theme!r}; building everything"))
        return None
    templates = content_dir / "templates"
    if any(not _under(p, content_dir) or _under(p, templates) or p == settings for p in changed):
        return None  # the theme, the templates or the site's settings: every page may change
    preview = _kept_preview(content_dir, output, drafts, fingerprint)
    if preview is None:
        warnings.append(Problem(buildcache.folder(output), 0, "the build cache was ignored (it cannot be read); building everything"))
        return None
    return _rebuild(preview, changed, output, buildcache.settled(inputs, taken), outputs, warnings)


class KeptPreview(Preview):
    """The preview as the last build left it, made again from its kept state;
    what its pages read is kept in shards (keptstate.Reads). Its plan and
    registry are made once this build's plan is (previousplan.py)."""

    kept: keptstate.Kept
    before: Content  # the last build's content

    def _touched(self, changed: set) -> set[str]:
        return self.reads.touched(changed)


def _kept_preview(content_dir: Path, output: Path, drafts: bool, fingerprint: buildcache.Fingerprint) -> KeptPreview | None:
    """The preview of the last build: its loader's cache read back, and its
    content made again from that cache (every file as it was then, none
    read); None when the state cannot be read."""
    kept = keptstate.load(output, fingerprint.state) if fingerprint.state else None
    if kept is None:
        return None
    content_loader.READ_DATES.update(kept.dates[1])
    try:
        content, problems = content_loader.load(content_dir, drafts, kept.cache)
    except OSError:
        return None
    if problems or content is None:
        return None  # not the content the last build built, which had none
    # The bodies as HTML: the TimelineJS data shows them all, and rendering
    # 10,000 of them again would cost more than the rest of a build after one edit.
    render._HTML.update(kept.bodies)
    preview = KeptPreview(content_dir, output, drafts, cache=kept.cache, theme=fingerprint.theme, reads=kept.reads)
    preview.kept, preview.before = kept, content
    return preview


def _rebuild(preview: KeptPreview, changed: set[Path], output: Path, inputs: dict, outputs: dict, warnings: list[Problem]) -> Result | None:
    content_dir = preview.content_dir
    try:
        preview.cache.forget(changed)
        content, problems = content_loader.load(content_dir, preview.drafts, preview.cache)
    except OSError:
        return None  # a folder that cannot be read, say: the full build names it as it should
    if problems:
        return Result(problems, warnings=warnings)
    plan = plan_site(content)
    if plan.media_files() != _published_media(output, outputs):
        return None  # an image came, went or changed: the full build makes its files (and links those kept)
    preview.plan = previous_plan(preview.before, content, plan)
    preview.registry = _registry(preview.before, preview.plan)
    registry = _registry(content, plan)
    pages = preview._dirty(plan, registry)
    if len(pages) > max(DIRTY_PAGES, len(plan.pages) // DIRTY_SHARE):
        return None
    env = environment(content_dir, content.site.theme, RecordingEnvironment)
    env.bytecode_cache = buildcache.templates(output)
    rendered = _render(env, plan, pages)
    problems = list(dict.fromkeys(problem for problem, _, _ in rendered if problem is not None))
    if problems:
        return Result(problems, warnings=warnings)
    gone = sorted(set(preview.reads) - {page.path for page in plan.pages})
    if not pages and not gone and registry == preview.registry:
        # Files saved with nothing in them changed (or only touched): the
        # state kept holds as it is; only the files' times are new.
        _keep(preview, output, content, plan, inputs, outputs, holding=preview.kept)
        return Result([], content, len(plan.pages), warnings)
    buildcache.forget(output)
    for page, (_, data, reads) in zip(pages, rendered, strict=True):
        if _write_if_changed(output / page.path, data):
            outputs.update(buildcache.files([output / page.path]))
        preview.reads[page.path] = reads
    for path in gone:
        _remove_page(output, path)
        outputs.pop(str(output / path), None)
        del preview.reads[path]
    preview.plan, preview.registry = plan, registry
    _keep(preview, output, content, plan, inputs, outputs)
    return Result([], content, len(plan.pages), warnings)


def _published_media(output: Path, outputs: dict) -> set[str]:
    """The images' files the output holds, by their paths in it. Their
    names carry a digest of the picture: the same names, the same files."""
    folder = str(output / media.FOLDER) + os.sep
    return {os.path.relpath(path, output) for path in outputs if path.startswith(folder)}


def _render(env: RecordingEnvironment, plan: Plan, pages: list[Page]) -> list[tuple[Problem | None, bytes, frozenset]]:
    """Each page's HTML and what it read, in memory: nothing is written until all rendered."""
    env.lookups = {id(value): name for name, value in plan.shared.items() if isinstance(value, dict)}

    def render_one(page: Page) -> tuple[Problem | None, bytes, frozenset]:
        env.reads = set()
        try:
            return None, render_page(env, plan, page).encode("utf-8"), frozenset(env.reads)
        except Exception as error:  # a theme's template can fail in any way; say where
            return render_problem(error), b"", frozenset()
        finally:
            env.reads = None

    return parallel_map(render_one, pages)


def _remove_page(output: Path, path: str) -> None:
    """Remove a page the site no longer has, and the folders it leaves
    empty, as a full build would not make them."""
    (output / path).unlink(missing_ok=True)
    folder = (output / path).parent
    while folder != output and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def keep(content_dir: Path, output: Path, drafts: bool, content: Content, plan: Plan, loader_cache: content_loader.Cache,
         reads: dict[str, frozenset], static: set[str], inputs: dict) -> None:
    """Keep, after a full build, what the next build needs to do only what changed."""
    with collector.paused():
        preview = Preview(content_dir, output, drafts, cache=loader_cache, theme=content.site.theme, reads=keptstate.Reads.of(reads))
        _keep(preview, output, content, plan, inputs, buildcache.files([output]))


def _keep(preview: Preview, output: Path, content: Content, plan: Plan, inputs: dict, outputs: dict,
          holding: keptstate.Kept | None = None) -> None:
    """Keep the fingerprint of this build, and what the next needs: the state
    as it is now, or, when the state read back is `holding` still, that one."""
    counts = (len(content.events), len(content.quotes), len(content.sources), content.drafts_left_out, len(plan.pages))
    try:
        buildcache.prepare(output)
        if holding is None:
            bodies = {e.body: render._HTML[e.body] for e in content.events if e.body in render._HTML}
            name, parts = keptstate.save(output, preview.cache, preview.reads, bodies, getattr(preview, "kept", None))
        else:
            name, parts = holding.index, None
        fingerprint = buildcache.Fingerprint(
            buildcache.key(preview.content_dir, preview.drafts), content.site.theme, inputs, outputs, counts, name,
        )
        buildcache.write(output, fingerprint)
        if parts is not None:
            buildcache.prune(output, parts)
    except OSError:  # a cache that cannot be written is no reason to fail a build that succeeded
        with suppress(OSError):
            buildcache.forget(output)
