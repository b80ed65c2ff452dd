"""What a build keeps for the next one, so that a build after one saved
file does the work of that file, and a build after no change does none.

The cache is a folder beside the output (`.output.cache` for `output/`),
never inside the content folder, with a .gitignore of its own. It holds:
- the fingerprint: the tool's code, the content folder and the drafts flag
  it was made for, and the theme; every input file's size, times, inode
  and device (the content folder's and the theme's); every output file's,
  as the build left it; and what the build reported. When all of it
  matches, the output is what a full build would write: nothing is done.
- the state, in parts (generator/keptstate.py): what each file made, and
  which page read what. With it, a build after a few saved
  files renders only the pages those files change (generator/incremental.py).
  Each part is a file of the folder `state`, named by a digest of its bytes,
  and checked against it when read; the fingerprint names the state's index.
  A part is written whole before its name is given to it, and the
  fingerprint, put in place whole, last: a build stopped while writing
  leaves parts no fingerprint names, never a fingerprint naming a part
  that is not all there.

A cache that cannot be read, or that other code, another content folder or
another drafts flag made, is ignored with one line, and the build is a full
one. The parts are pickles: they are only ever read from the cache folder
the build itself writes, as the output is.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISDIR

import PIL
from jinja2 import FileSystemBytecodeCache

from generator import __version__

FINGERPRINT = "fingerprint.pickle"
STATE = "state"  # the folder of the state's parts
TEMPLATES = "templates"  # the folder of the templates compiled (see `templates`)
CODE = Path(__file__).parent


def folder(output: Path) -> Path:
    return output.parent / f".{output.name}.cache"


@dataclass(frozen=True)
class Fingerprint:
    key: tuple  # what the cache was made for: the tool's code, the content folder, drafts
    theme: str  # the theme the site.toml of that build named
    # Every input file by path: size, modification and change times, inode,
    # device (None: changed too recently to tell, see `settled`).
    inputs: dict[str, tuple | None]
    outputs: dict[str, tuple]  # every output file by path, as the build left it
    counts: tuple[int, int, int, int]  # entries, quotes, sources, pages
    state: str | None = None  # the name of the state's index (a part)


def key(content_dir: Path, drafts: bool) -> tuple:
    return (__version__, code_version(), sys.version, str(content_dir.resolve()), drafts)


_CODE_VERSION: list[str] = []


def code_version() -> str:
    """A digest of the tool's own code and rules, and of the image encoder's
    version (another may write other bytes): a cache made by other code is not trusted."""
    if not _CODE_VERSION:
        digest = hashlib.sha256(f"Pillow {PIL.__version__}\0".encode())
        for path in sorted(p for p in CODE.rglob("*") if p.suffix in (".py", ".toml") and p.is_file()):
            digest.update(path.relative_to(CODE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        _CODE_VERSION.append(digest.hexdigest())
    return _CODE_VERSION[0]


def files(paths: list[Path]) -> dict[str, tuple]:
    """Every file under `paths` (folders, or files), by path: what changes
    when it is saved, replaced or touched."""
    found: dict[str, tuple] = {}
    pending = []
    for path in map(str, paths):
        try:
            stat = os.stat(path)
        except OSError:
            continue
        if S_ISDIR(stat.st_mode):
            pending.append(path)
        else:
            found[path] = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                    continue
                stat = entry.stat()
            except OSError:
                continue
            found[entry.path] = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)
    return found


# A file saved in the same tick of the file system's clock as its state
# was taken may be saved again with the same size and times: it is taken
# as changed by the next build, which reads it again. The tick is read
# from a file written as the state is taken; for files on another device,
# whose clock may be coarser (two seconds on FAT), the margin is this.
OTHER_DEVICE_NS = 2_000_000_000


def clock(output: Path) -> tuple[int, int] | None:
    """The file system's time now, as it stamps files beside `output`, and
    their device; None where no file can be written there (then no cache
    can be kept either)."""
    try:
        descriptor, path = tempfile.mkstemp(prefix=f".{output.name}.clock-", dir=output.parent)
    except OSError:
        return None
    try:
        stat = os.fstat(descriptor)
    finally:
        os.close(descriptor)
        os.unlink(path)
    return stat.st_mtime_ns, stat.st_dev


def settled(found: dict[str, tuple], taken: tuple[int, int]) -> dict[str, tuple | None]:
    """`found`, taken at the time `taken` (from `clock`), with the files
    changed too recently to tell apart marked None."""
    now, device = taken

    def recent(state: tuple) -> bool:
        since = now if state[4] == device else now - OTHER_DEVICE_NS
        return state[1] >= since or state[2] >= since

    return {path: None if recent(state) else state for path, state in found.items()}


def read_fingerprint(output: Path, wanted: tuple) -> tuple[Fingerprint | None, str | None]:
    """The fingerprint kept beside `output`, or None and why it is not used
    (None for no reason worth a line: there is no cache yet)."""
    path = folder(output) / FINGERPRINT
    if not path.exists():
        return None, None
    try:
        fingerprint = pickle.loads(path.read_bytes())
    except Exception:  # a truncated or foreign file: any unpickling error
        return None, "it cannot be read"
    if not isinstance(fingerprint, Fingerprint):
        return None, "it cannot be read"
    if fingerprint.key[:3] != wanted[:3]:
        return None, "it was made by another version of timeline"
    if fingerprint.key != wanted:
        return None, "it was made for another content folder or without the same --drafts"
    return fingerprint, None


def part_name(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def read_part(output: Path, name: str) -> bytes:
    """The part `name` of the state kept beside `output`; ValueError when
    its bytes are not those it was named for."""
    data = (folder(output) / STATE / name).read_bytes()
    if part_name(data) != name:
        raise ValueError(f"the state's part {name} is not what was written")
    return data


def write_parts(output: Path, parts: list[bytes]) -> None:
    """Put each of `parts` in the state's folder, whole, under its name."""
    kept = folder(output) / STATE
    kept.mkdir(parents=True, exist_ok=True)
    for data in parts:
        partial = kept / f".{part_name(data)}.partial"
        partial.write_bytes(data)
        os.replace(partial, kept / part_name(data))


def prune(output: Path, wanted: set[str]) -> None:
    """Remove the parts of the state (and what stopped builds left) that are not `wanted`."""
    with suppress(OSError):
        for entry in os.scandir(folder(output) / STATE):
            if entry.name not in wanted:
                with suppress(OSError):
                    os.unlink(entry.path)


def forget(output: Path) -> None:
    """Remove the fingerprint: the output is about to change in place."""
    (folder(output) / FINGERPRINT).unlink(missing_ok=True)  # (an error here stops the build before it writes)


def templates(output: Path) -> FileSystemBytecodeCache | None:
    """Where builds that render a few pages keep the templates compiled, as
    compiling them costs about as much as rendering those pages. Jinja2
    checks each against its template's text; the names carry the code's
    version, as the code decides how a template compiles."""
    kept, ours = folder(output) / TEMPLATES, f"{code_version()[:16]}-"
    try:
        kept.mkdir(parents=True, exist_ok=True)
        for entry in os.scandir(kept):
            if not entry.name.startswith(ours):  # compiled by other code
                os.unlink(entry.path)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(kept), f"{ours}%s.cache")


def prepare(output: Path) -> None:
    """Make the cache's folder, with its .gitignore."""
    kept = folder(output)
    kept.mkdir(exist_ok=True)
    ignore = kept / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# written by timeline build: a cache, never to be committed\n*\n", encoding="utf-8")
    (kept / "state.pickle").unlink(missing_ok=True)  # the state as one file, as earlier code kept it


def write(output: Path, fingerprint: Fingerprint) -> None:
    """Put `fingerprint` in place, whole."""
    kept = folder(output)
    partial = kept / f".{FINGERPRINT}.partial"
    partial.write_bytes(pickle.dumps(fingerprint, pickle.HIGHEST_PROTOCOL))
    os.replace(partial, kept / FINGERPRINT)


def remove(output: Path) -> None:
    kept = folder(output)
    prune(output, set())
    shutil.rmtree(kept / TEMPLATES, ignore_errors=True)
    with suppress(OSError):
        (kept / STATE).rmdir()
    for name in (FINGERPRINT, ".gitignore", f".{FINGERPRINT}.partial"):
        (kept / name).unlink(missing_ok=True)
    try:
        kept.rmdir()
    except OSError:
        pass  # not empty: someone's files, left alone
