"""Building: load, plan, render, and write the whole site into a temporary
folder that takes the place of the output only when every step succeeded.

A failed build leaves the previous output as it was; nothing under the
content folder is ever written.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError

from generator import content as content_loader
from generator.model import Content
from generator.parallel import parallel_map
from generator.plan import Page, Plan, plan_site
from generator.problems import Problem
from generator.render import environment, render_bodies, render_page
from generator.themes import static_files

# Written into every output folder, so a later build knows the folder is its
# own to replace and never deletes a folder of someone's files.
MARKER = ".timeline-output"
MARKER_TEXT = "This folder is written by `timeline build`; the next build replaces all of it.\n"


@dataclass
class Result:
    problems: list[Problem] = field(default_factory=list)
    content: Content | None = None
    pages: int = 0


def check(content_dir: Path, drafts: bool = False) -> Result:
    """Everything a build does except writing: load, then render in memory."""
    loaded, plan, problems = _load_and_plan(content_dir, drafts)
    if problems:
        return Result(problems)
    problems = _render_pages(environment(content_dir, loaded.site.theme), plan, None)
    return Result(problems, loaded, len(plan.pages))


def build(content_dir: Path, output_dir: Path, drafts: bool = False) -> Result:
    problems = _output_problems(content_dir, output_dir)
    loaded, plan, load_problems = _load_and_plan(content_dir, drafts)
    problems += load_problems
    if problems:
        return Result(problems)
    env = environment(content_dir, loaded.site.theme)
    try:
        problems = _write_atomically(output_dir, plan, env, static_files(content_dir, loaded.site.theme))
    except OSError as error:
        problems = [Problem(output_dir, 0, f"cannot write the output: {error.strerror or error}")]
    return Result(problems, loaded if not problems else None, len(plan.pages))


def _load_and_plan(content_dir: Path, drafts: bool) -> tuple[Content | None, Plan | None, list[Problem]]:
    """The model and the plan of its pages, made with Python's cycle
    collector paused: they are hundreds of thousands of objects that live as
    long as the build, none of them garbage, and the collector would walk
    them all several times (about 0.2 s for 10,000 entries)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        loaded, problems = content_loader.load(content_dir, drafts)
        return loaded, plan_site(loaded) if loaded else None, problems
    finally:
        if collecting:
            gc.enable()


def _render_pages(env: Environment, plan: Plan, staging: Path | None, previous: Path | None = None) -> list[Problem]:
    """Render every page, writing each under `staging` when given. A file
    that `previous` (the output being replaced) already holds byte for byte
    is linked from there instead: its data is not written again, and it
    keeps its time, so a sync to a host uploads only the files that changed."""

    def render_one(page: Page) -> Problem | None:
        try:
            data = render_page(env, plan, page).encode("utf-8")
        except Exception as error:  # a theme's template can fail in any way; say where
            return render_problem(error)
        if staging is not None:
            try:
                _put(data, staging, previous, page.path)
            except OSError as error:
                return Problem(Path(page.path), 0, f"cannot write the output: {error.strerror}")
        return None

    render_bodies(plan)
    problems = parallel_map(render_one, plan.pages)
    # One broken template breaks every page that uses it: say it once.
    return list(dict.fromkeys(p for p in problems if p is not None))


def render_problem(error: Exception) -> Problem:
    """A template's mistake, named by the template's file and line."""
    if isinstance(error, TemplateSyntaxError):
        return Problem(Path(error.filename or error.name or "templates"), error.lineno, f"template error: {error.message}")
    # Jinja2 puts template files and lines into the traceback; name the last one.
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith((".html", ".xml"))]
    if not frames:
        return Problem(Path("templates"), 0, f"template error: {error}")
    return Problem(Path(frames[-1].filename), frames[-1].lineno or 0, f"template error: {error}")


def _put(data: bytes, staging: Path, previous: Path | None, path: str) -> None:
    """Write `data` at `path` under `staging`, or link it from `previous` when
    the file there holds the same bytes. (Paths are joined as strings: tens of
    thousands of Path joins cost a visible share of a large build.)"""
    target = os.path.join(staging, path)
    if previous is None or not _link_if_same(os.path.join(previous, path), data, target):
        with open(target, "wb") as file:
            file.write(data)


def _link_if_same(old: str, data: bytes, new: str) -> bool:
    """Link `new` to `old` when `old` holds exactly `data`."""
    if not holds(old, data):
        return False
    try:
        os.link(old, new, follow_symlinks=False)
    except OSError:  # a file system without hard links
        return False
    return True


def holds(path: str | Path, data: bytes) -> bool:
    """Whether the file at `path` holds exactly `data`; never read through a symbolic link."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:  # a short read can only make the answer a safe "no"
        return os.fstat(descriptor).st_size == len(data) and os.read(descriptor, len(data)) == data
    finally:
        os.close(descriptor)


def _output_problems(content_dir: Path, output_dir: Path) -> list[Problem]:
    content, output = content_dir.resolve(), output_dir.resolve()
    if output == content or output in content.parents or content in output.parents:
        return [Problem(output_dir, 0, "the output folder must be outside the content folder and not contain it")]
    if output.exists() and not output.is_dir():
        return [Problem(output_dir, 0, "the output path is a file, not a folder")]
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).is_file():
        return [Problem(output_dir, 0, f"this folder holds files that timeline did not write (no {MARKER}); "
                        "refusing to replace it: empty it or choose another -o")]
    return []


def _write_atomically(output_dir: Path, plan: Plan, env: Environment, static: dict[str, Path]) -> list[Problem]:
    output = output_dir.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        os.chmod(staging, 0o755)
        for folder in sorted({os.path.dirname(p) for p in [page.path for page in plan.pages] + list(static)}):
            (staging / folder).mkdir(parents=True, exist_ok=True)
        previous = output if output.is_dir() else None
        problems = _render_pages(env, plan, staging, previous)
        if problems:
            shutil.rmtree(staging, ignore_errors=True)
            return problems
        for target, source in static.items():
            _put(source.read_bytes(), staging, previous, target)
        _put(MARKER_TEXT.encode("utf-8"), staging, previous, MARKER)
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return []


def _swap(staging: Path, output: Path) -> None:
    """Put `staging` where `output` is: two renames on one file system."""
    if not output.exists():
        staging.rename(output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    retired.rmdir()
    output.rename(retired)
    try:
        staging.rename(output)
    except OSError:
        retired.rename(output)
        raise
    remove_tree(retired)


def remove_tree(folder: Path) -> None:
    """shutil.rmtree, with the files unlinked by several threads: removing a
    large output whose pages changed is mostly waiting on the file system
    to free their blocks, and those waits overlap."""
    files = [os.path.join(parent, name) for parent, _, names in os.walk(folder) for name in names]
    threads = [threading.Thread(target=_unlink, args=(files[n::8],)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    shutil.rmtree(folder, ignore_errors=True)


def _unlink(paths: list[str]) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except OSError:
            pass  # what is left, shutil.rmtree takes
