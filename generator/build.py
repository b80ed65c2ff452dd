"""Building: load, plan, render, and write the whole site into a temporary
folder that takes the place of the output only when every step succeeded.

A failed build leaves the previous output as it was; nothing under the
content folder is ever written. The new output takes the old one's place in
one step: the two folders are exchanged by one rename (Linux's
renameat2 RENAME_EXCHANGE), so a web server serving the output sees the
old site or the new, never no site. Where the system cannot exchange, two
renames do it, and the output is missing for the moment between them.

A build holds a lock on its output (a file beside it) from start to end:
two builds never write one output at once. Under the lock, a build first
removes what a killed build left: the temporary folders beside the output.

An output folder that is a mount point (a container's volume) cannot itself
be renamed: the build is written into a temporary folder inside it, and
each file and folder at its top is then exchanged in turn, each in one step.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import signal
import tempfile
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

try:
    import fcntl
except ImportError:  # not a POSIX system: builds are not locked
    fcntl = None

from jinja2 import Environment, TemplateSyntaxError

from generator import buildcache, collector, media
from generator import content as content_loader
from generator.model import Content
from generator.parallel import parallel_map
from generator.plan import Page, Plan, plan_site
from generator.problems import Problem, count
from generator.render import SiteEnvironment, environment, render_bodies, render_page
from generator.themes import static_files, theme_dirs

# Written into every output folder, so a later build knows the folder is its
# own to replace and never deletes a folder of someone's files.
MARKER = ".timeline-output"
MARKER_TEXT = "This folder is written by `timeline build`; the next build replaces all of it.\n"
STAGING = "new"  # .output.new-XXXXXXXX: a build being written
RETIRED = "old"  # .output.old-XXXXXXXX: an output being removed
INSIDE = ".timeline-new-"  # the same, inside an output that is a mount point


@dataclass
class Result:
    problems: list[Problem] = field(default_factory=list)
    content: Content | None = None
    pages: int = 0
    warnings: list[Problem] = field(default_factory=list)  # the site was built, but say this
    unchanged: tuple[int, int, int, int] | None = None  # entries, quotes, sources, drafts left out, when nothing changed and nothing was loaded

    def counts(self) -> tuple[int, int, int, int]:
        """How many entries, quotes and sources the site has, and how many drafts it leaves out."""
        if self.content is None:
            return self.unchanged or (0, 0, 0, 0)
        c = self.content
        return len(c.events), len(c.quotes), len(c.sources), c.drafts_left_out


def check(content_dir: Path, drafts: bool = False) -> Result:
    """Everything a build does except writing: load, then render in memory."""
    loaded, plan, problems = _load_and_plan(content_dir, drafts)
    if problems:
        return Result(problems)
    problems = _render_pages(environment(content_dir, loaded.site.theme), plan, None)
    problems += [made for made in media.make_files(content_dir, plan.images) if isinstance(made, Problem)]
    return Result(problems, loaded, len(plan.pages))


def build(content_dir: Path, output_dir: Path, drafts: bool = False, cache: bool = True) -> Result:
    """Build the site into `output_dir`. With `cache`, what the build keeps
    beside the output (generator/buildcache.py) lets the next one do only
    what changed; without, any such cache is removed."""
    problems = _output_problems(content_dir, output_dir)
    if problems:
        return Result(problems)
    output = output_dir.resolve()
    try:
        with _lock(output) as holder:
            if holder is not None:
                return Result([Problem(output_dir, 0, f"another build ({holder}) is writing this folder: "
                                       "build again when it has finished")])
            warnings = _remove_leftovers(output)
            from generator import incremental  # (which builds on the preview, which imports this module)

            if not cache:
                buildcache.remove(output)
                return _full_build(content_dir, output, drafts, warnings, keep=False)
            done = incremental.build(content_dir, output, drafts, warnings)
            return done if done is not None else _full_build(content_dir, output, drafts, warnings, keep=True)
    except OSError as error:
        return Result([Problem(output_dir, 0, f"cannot write the output: {error.strerror or error}")])


def _full_build(content_dir: Path, output: Path, drafts: bool, warnings: list[Problem], keep: bool) -> Result:
    """Everything, written beside the output and put in its place in one
    step; with `keep`, what the next build needs is kept in the cache."""
    from generator import incremental
    from generator.preview import RecordingEnvironment

    taken = buildcache.clock(output) if keep else None
    keep = taken is not None  # where no file can be written beside the output, no cache is kept
    inputs = buildcache.files([content_dir]) if keep else {}
    loader_cache = content_loader.Cache()
    loaded, plan, problems = _load_and_plan(content_dir, drafts, loader_cache)
    if problems:
        return Result(problems, warnings=warnings)
    theme = loaded.site.theme
    env = environment(content_dir, theme, RecordingEnvironment if keep else SiteEnvironment)
    reads: dict[str, frozenset] | None = {} if keep else None
    static = static_files(content_dir, theme)
    kept = _kept_media(output, buildcache.key(content_dir, drafts)) if keep else set()
    problems, removed = _write_atomically(content_dir, output, plan, env, static, reads, kept)
    warnings += removed
    if problems:
        return Result(problems, warnings=warnings)
    if keep:
        inputs.update(buildcache.files(theme_dirs(content_dir, theme)))
        incremental.keep(content_dir, output, drafts, loaded, plan, loader_cache, reads, set(static), buildcache.settled(inputs, taken))
    return Result(problems, loaded, len(plan.pages), warnings)


@contextmanager
def _lock(output: Path) -> Iterator[str | None]:
    """Hold the lock of `output` while the block runs: yields None, or, when
    another build holds it, who does. The lock is a file beside the output
    (.output.lock), removed when the build ends."""
    output.parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield None
        return
    path = output.parent / f".{output.name}.lock"
    descriptor, holder = _acquire(path)
    if descriptor is None:
        yield holder
        return
    try:
        os.pwrite(descriptor, f"process {os.getpid()}\n".encode("ascii"), 0)
        yield None
    finally:
        os.unlink(path)  # before the lock is released, so that no build locks a removed file
        os.close(descriptor)


def _acquire(path: Path) -> tuple[int | None, str]:
    """The lock file at `path`, open and locked; or None and who holds it."""
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 64, 0).decode("ascii", "replace").strip()
            os.close(descriptor)
            return None, holder or "another process"
        try:
            if os.stat(path, follow_symlinks=False).st_ino == os.fstat(descriptor).st_ino:
                return descriptor, ""
        except FileNotFoundError:
            pass
        # The build that held it removed the file as this one locked it:
        # lock the file that is there now.
        os.close(descriptor)


def _leftovers(output: Path) -> list[Path]:
    """The temporary folders that builds of `output` make, beside it and
    (when it is a mount point) inside it."""
    ours = re.compile(rf"\.{re.escape(output.name)}\.(?:{STAGING}|{RETIRED})-[a-z0-9_]{{8}}")
    found = [p for p in output.parent.iterdir() if ours.fullmatch(p.name) and p.is_dir() and not p.is_symlink()]
    if output.is_dir() and not output.is_symlink():
        found += [p for p in output.iterdir() if re.fullmatch(rf"{re.escape(INSIDE)}[a-z0-9_]{{8}}", p.name) and p.is_dir()]
    return found


def _remove_leftovers(output: Path) -> list[Problem]:
    """Remove what builds killed on their way (kill -9, a power cut) left
    beside the output. Called under the lock: no build is writing them."""
    return [warning for folder in _leftovers(output) for warning in _remove(folder)]


def _remove(folder: Path) -> list[Problem]:
    """Remove `folder`, or a warning saying it is still there."""
    remove_tree(folder)
    if not os.path.lexists(folder):
        return []
    try:  # again, for the reason it is still there
        shutil.rmtree(folder)
    except OSError as error:
        reason = error.strerror or str(error)
    else:
        return []
    return [Problem(folder, 0, f"could not remove this old output ({reason}): remove it yourself; "
                    "the next build tries again")]


def _load_and_plan(content_dir: Path, drafts: bool, cache: content_loader.Cache | None = None) -> tuple[Content | None, Plan | None, list[Problem]]:
    """The model and the plan of its pages, made with Python's cycle
    collector paused: they are hundreds of thousands of objects that live as
    long as the build, none of them garbage, and the collector would walk
    them all several times (about 0.2 s for 10,000 entries)."""
    with collector.paused():
        loaded, problems = content_loader.load(content_dir, drafts, cache)
        return loaded, plan_site(loaded) if loaded else None, problems


def _render_pages(
    env: Environment, plan: Plan, staging: Path | None, previous: Path | None = None, reads: dict[str, frozenset] | None = None,
) -> list[Problem]:
    """Render every page, writing each under `staging` when given. A file
    that `previous` (the output being replaced) already holds byte for byte
    is linked from there instead: its data is not written again, and it
    keeps its time, so a sync to a host uploads only the files that changed.
    With `reads` (and a recording environment), what each page read goes
    into it, by the page's path, for the next build to know which pages an
    edit changes."""
    recording = reads is not None
    if recording:
        env.lookups = {id(value): name for name, value in plan.shared.items() if isinstance(value, dict)}

    def render_one(page: Page) -> Problem | OSError | None | tuple:
        if recording:
            env.reads = set()
        try:
            data = render_page(env, plan, page).encode("utf-8")
        except Exception as error:  # a theme's template can fail in any way; say where
            return render_problem(error)
        finally:
            if recording:
                read, env.reads = frozenset(env.reads), None
        if staging is not None:
            try:
                _put(data, staging, previous, page.path)
            except OSError as error:
                return error
        return read if recording else None

    render_bodies(plan)
    results = parallel_map(render_one, plan.pages)
    if recording:
        reads.update((page.path, r) for page, r in zip(plan.pages, results) if isinstance(r, frozenset))
        results = [None if isinstance(r, frozenset) else r for r in results]
    failed = [r for r in results if isinstance(r, OSError)]
    if failed:
        # A full disk fails every page alike: one line, not one per page.
        reason = failed[0].strerror or str(failed[0])
        return [Problem(staging, 0, f"cannot write the output: {reason} ({count(len(failed), 'file')} could not be written)")]
    # One broken template breaks every page that uses it: say it once.
    return list(dict.fromkeys(p for p in results if p is not None))


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
    if output.is_dir() and not (output / MARKER).is_file() and set(output.iterdir()) - set(_leftovers(output)):
        return [Problem(output_dir, 0, f"this folder holds files that timeline did not write (no {MARKER}); "
                        "refusing to replace it: empty it or choose another -o")]
    return []


def _write_atomically(
    content_dir: Path, output: Path, plan: Plan, env: Environment, static: dict[str, Path], reads: dict[str, frozenset] | None = None,
    kept_media: frozenset[str] | set[str] = frozenset(),
) -> tuple[list[Problem], list[Problem]]:
    """Write the site beside `output` and put it in its place: the problems
    that kept it from being put there, and warnings about removing the old."""
    mounted = os.path.ismount(output)
    # A stop (Ctrl-C, SIGTERM) waits while the folder is made: raised between
    # its making and the `try` below, it would leave the folder behind.
    held = _hold_stops()
    try:
        if mounted:
            staging = Path(tempfile.mkdtemp(prefix=INSIDE, dir=output))
        else:
            staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.{STAGING}-", dir=output.parent))
    except BaseException:
        _release_stops(held)
        raise
    try:
        _release_stops(held)  # a stop asked for meanwhile is raised here, where the folder is removed
        os.chmod(staging, 0o755)
        for folder in sorted({os.path.dirname(p) for p in [page.path for page in plan.pages] + list(static) + list(plan.media_files())}):
            (staging / folder).mkdir(parents=True, exist_ok=True)
        previous = output if output.is_dir() else None
        problems = _render_pages(env, plan, staging, previous, reads) or _write_images(content_dir, plan, staging, previous, kept_media)
        if problems:
            shutil.rmtree(staging, ignore_errors=True)
            return [Problem(output, 0, p.message) if p.path == staging else p for p in problems], []
        for target, source in static.items():
            _put(source.read_bytes(), staging, previous, target)
        _put(MARKER_TEXT.encode("utf-8"), staging, previous, MARKER)
        if mounted:
            _swap_contents(staging, output)
        else:
            replace_folder(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # The staging folder's name now holds the old output.
    return [], _remove(staging)


def _kept_media(output: Path, key: tuple) -> set[str]:
    """The images' files the output holds just as the last build of this
    code left them, by the cache's fingerprint: their names carry a digest
    of the picture, so each is what this build would make."""
    fingerprint, _ = buildcache.read_fingerprint(output, key)
    if fingerprint is None:
        return set()
    found = buildcache.files([output / media.FOLDER])
    return {os.path.relpath(path, output) for path, state in found.items() if fingerprint.outputs.get(path) == state}


def _write_images(content_dir: Path, plan: Plan, staging: Path, previous: Path | None, kept: set[str]) -> list[Problem]:
    """Every image's renditions, written under `staging`: linked from
    `previous` when it holds them as the last build left them (resizing a
    photograph takes a good part of a second), else made and written, or
    linked when `previous` holds the same bytes; or the problems."""
    problems, to_make = [], []
    for item in plan.images:
        paths = [r.path for r in media.renditions(item[1])]
        if previous is None or not set(paths) <= kept or not _link_all(previous, staging, paths):
            to_make.append(item)
    for made in media.make_files(content_dir, tuple(to_make)):
        if isinstance(made, Problem):
            problems.append(made)
            continue
        for path, data in made.items():
            _put(data, staging, previous, path)
    return problems


def _link_all(previous: Path, staging: Path, paths: list[str]) -> bool:
    """Link every one of `paths` from `previous` into `staging`, or none."""
    linked = []
    try:
        for path in paths:
            os.link(os.path.join(previous, path), os.path.join(staging, path), follow_symlinks=False)
            linked.append(path)
    except OSError:  # a file system without hard links, or a file gone since
        for path in linked:
            os.unlink(os.path.join(staging, path))
        return False
    return True


STOPS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP} if hasattr(signal, "pthread_sigmask") else set()


def _hold_stops() -> set | None:
    return signal.pthread_sigmask(signal.SIG_BLOCK, STOPS) if STOPS else None


def _release_stops(held: set | None) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def replace_folder(new: Path, old: Path) -> None:
    """Put the folder `new` where `old` is, in one step where the system can:
    afterwards `new`'s path holds the old folder, for the caller to remove."""
    if not os.path.lexists(old):
        new.rename(old)
        new.mkdir()
    elif not exchange(new, old):
        # Two renames: `old` is missing for the moment between them.
        aside = Path(tempfile.mkdtemp(prefix=f".{old.name}.{RETIRED}-", dir=old.parent))
        aside.rmdir()
        old.rename(aside)
        try:
            new.rename(old)
        except OSError:
            aside.rename(old)
            raise
        aside.rename(new)


def _swap_contents(staging: Path, output: Path) -> None:
    """Put what `staging` holds into `output`, a mount point that cannot
    itself be renamed: each file and folder at the top in one step, the
    marker last. Afterwards `staging` holds what the output held."""
    names = sorted(os.listdir(staging), key=lambda name: name == MARKER)
    for name in names:
        new, old = staging / name, output / name
        if os.path.isdir(new) and os.path.isdir(old) and not os.path.islink(old):
            replace_folder(new, old)
        elif os.path.isdir(new) or os.path.isdir(old) and not os.path.islink(old):
            # A folder where a file was, or a file where a folder was.
            if os.path.lexists(old):
                old.rename(staging / f"{name}.old")
            new.rename(old)
        else:
            os.replace(new, old)
    for name in os.listdir(output):
        if name not in names and name != staging.name:
            (output / name).rename(staging / name)


_LIBC = ctypes.CDLL(None, use_errno=True) if os.name == "posix" else None
_RENAMEAT2 = getattr(_LIBC, "renameat2", None)
AT_FDCWD, RENAME_EXCHANGE = -100, 2


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths on one file system in one step; False where the
    system or the file system cannot (then nothing was changed)."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(b))


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
