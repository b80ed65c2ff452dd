"""The state a build keeps for the next one, in parts: a build after one
edited file reads every part back but writes again only the few parts that
file changed.

What is kept is what the loader cannot make again without reading every
file: what each file made, each source's locator, each entry's body as HTML
(generator/content.py's Cache, render.py), and what each page read
(generator/preview.py), in shards by path, each a part of its own. Not
kept: each file's parsed front matter (the loader reads the file again if
what it made must be made again: content.Unread), the plan and the
registry of model objects (the next build makes them again from the
loader's cache, which costs less than writing and reading them back).

What each page read is kept as numbers (see Reads): most reads are read by
several pages, and numbers load far quicker than tuples of names.

A part is named by a digest of its bytes, and the index of the parts is a
part too: generator/buildcache.py puts them in place and checks them.
"""

from __future__ import annotations

import io
import marshal
import pickle
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from generator import buildcache
from generator import content as content_loader
from generator.model import Event

SHARDS = 64  # of the files, and of the pages' reads


def shard(path: str) -> int:
    return zlib.crc32(path.encode("utf-8", "surrogateescape")) % SHARDS


class Reads:
    """What each page read, by the page's path: the preview's `reads`, kept
    as numbers. Every read any page made is numbered once, in a list that
    only grows (`known`, kept as parts: what the last build added is one
    more part), and each page keeps the numbers of its reads, in shards."""

    def __init__(self, known: list, known_parts: list[str], shards: dict[int, dict], names: dict[int, str]) -> None:
        self.known = known  # every read, by its number
        self.known_parts = known_parts  # the parts that hold `known`, in order
        self.saved = len(known)  # how many of `known` those parts hold
        self.shards = shards  # shard -> {page: the numbers of its reads}
        self.names = names  # shard -> the name of its part, while it holds as read
        self._numbers: dict | None = None  # read -> its number, made when first needed
        self._pages: set[str] | None = None  # every page's path, made when first needed

    @classmethod
    def of(cls, reads: dict[str, frozenset]) -> Reads:
        known = list(frozenset().union(*reads.values()))
        made = cls(known, [], {}, {})
        made.saved = 0
        made._numbers = dict(zip(known, range(len(known))))
        number = made._numbers.__getitem__
        for path, read in reads.items():
            made.shards.setdefault(shard(path), {})[path] = tuple(map(number, read))
        return made

    def __contains__(self, path: str) -> bool:
        if self._pages is None:
            self._pages = {page for pages in self.shards.values() for page in pages}
        return path in self._pages

    def __iter__(self) -> Iterator[str]:
        for pages in self.shards.values():
            yield from pages

    def __setitem__(self, path: str, read: frozenset) -> None:
        numbers = self._index()
        for item in read:
            if item not in numbers:
                numbers[item] = len(self.known)
                self.known.append(item)
        self.shards.setdefault(shard(path), {})[path] = tuple(map(numbers.__getitem__, read))
        self.names.pop(shard(path), None)
        if self._pages is not None:
            self._pages.add(path)

    def __delitem__(self, path: str) -> None:
        del self.shards[shard(path)][path]
        self.names.pop(shard(path), None)
        if self._pages is not None:
            self._pages.discard(path)

    def touched(self, changed: set) -> set[str]:
        """The pages that read any of `changed`."""
        numbers = self._index()
        wanted = {numbers[item] for item in changed if item in numbers}
        if not wanted:
            return set()
        return {path for pages in self.shards.values() for path, read in pages.items() if not wanted.isdisjoint(read)}

    def parts(self) -> tuple[list[bytes], list[str], dict[int, str]]:
        """The parts to write: those of the shards changed since read, and
        of the reads numbered since; the names of all the parts, in order."""
        new, known_parts, names = [], list(self.known_parts), dict(self.names)
        if len(self.known) > self.saved:
            new.append(marshal.dumps(self.known[self.saved:]))
            known_parts.append(buildcache.part_name(new[-1]))
        for number, pages in self.shards.items():
            if number not in names:
                new.append(marshal.dumps(pages))
                names[number] = buildcache.part_name(new[-1])
        return new, known_parts, names

    def _index(self) -> dict:
        if self._numbers is None:
            self._numbers = dict(zip(self.known, range(len(self.known))))
        return self._numbers


@dataclass
class Kept:
    """The state as read back: the loader's cache, the pages' reads, the
    entries' bodies as HTML; and, to tell which parts still hold, the name
    of each part and what each file had made when it was read."""

    index: str  # the name of the index part
    cache: content_loader.Cache
    reads: Reads
    bodies: dict[str, Markup]
    names: dict[int, str] = field(default_factory=dict)  # files' shard -> its part's name
    made: dict[Path, tuple] = field(default_factory=dict)  # each file's entry in cache.made, as read


def save(output: Path, cache: content_loader.Cache, reads: Reads, bodies: dict[str, Markup], kept: Kept | None = None) -> tuple[str, set[str]]:
    """Write the parts that changed since `kept` was read (all of them
    without it) and their index: the index's name, for the fingerprint, and
    the names of all the parts the state is made of now."""
    folders = {id(world): str(folder) for folder, world in cache.worlds.items()}
    grouped: dict[int, list[Path]] = {}
    for path in cache.made:
        grouped.setdefault(shard(str(path)), []).append(path)
    sizes: dict[int, int] = {}
    for path in kept.made if kept else ():
        sizes[shard(str(path))] = sizes.get(shard(str(path)), 0) + 1
    names, new = {}, []
    for number, paths in grouped.items():
        if kept and number in kept.names and sizes.get(number) == len(paths) and all(cache.made[p] is kept.made.get(p) for p in paths):
            names[number] = kept.names[number]
            continue
        entries = {}
        for path in paths:
            _, world, (item, problems) = cache.made[path]
            body = bodies.get(item.body) if isinstance(item, Event) else None
            entries[str(path)] = (folders[id(world)], item, problems, cache.locators.get(path), body)
        data = pickle.dumps(entries, pickle.HIGHEST_PROTOCOL)
        names[number] = buildcache.part_name(data)
        new.append(data)
    read_parts, known_names, read_names = reads.parts()
    new += read_parts
    index = pickle.dumps({
        "files": names,
        "known": known_names,
        "reads": read_names,
        "worlds": _worlds(cache),
        "listings": {str(folder): [str(p) for p in files] for folder, (files, problems) in cache.listings.items() if not problems},
    }, pickle.HIGHEST_PROTOCOL)
    buildcache.write_parts(output, new + [index])
    name = buildcache.part_name(index)
    return name, {name, *names.values(), *known_names, *read_names.values()}


def _worlds(cache: content_loader.Cache) -> bytes:
    """The worlds (what each folder's files were made against), each model
    object in them named by its file: the files' parts hold the objects."""
    files = {id(item): str(path) for path, (_, _, (item, _)) in cache.made.items()}
    out = io.BytesIO()
    pickler = pickle.Pickler(out, pickle.HIGHEST_PROTOCOL)
    pickler.persistent_id = lambda obj: files.get(id(obj))
    pickler.dump({str(folder): world for folder, world in cache.worlds.items()})
    return out.getvalue()


def load(output: Path, name: str) -> Kept | None:
    """The state whose index is the part `name`, or None when any part of
    it is missing or is not what was written."""
    try:
        index = pickle.loads(buildcache.read_part(output, name))
        parts = {number: pickle.loads(buildcache.read_part(output, part)) for number, part in index["files"].items()}
        known = [read for part in index["known"] for read in marshal.loads(buildcache.read_part(output, part))]
        reads = {number: marshal.loads(buildcache.read_part(output, part)) for number, part in index["reads"].items()}
    except Exception:  # a part missing, changed or foreign: any reading or unpickling error
        return None
    cache, bodies, items, made = content_loader.Cache(), {}, {}, []
    for entries in parts.values():
        for path, (folder, item, problems, locator, body) in entries.items():
            doc = content_loader.Unread(item.path if item is not None else Path(path))
            cache.documents[doc.path] = doc
            items[path] = item
            made.append((doc, folder, (item, problems)))
            if locator is not None:
                cache.locators[doc.path] = locator
            if body is not None:
                bodies[item.body] = body
    unpickler = pickle.Unpickler(io.BytesIO(index["worlds"]))
    unpickler.persistent_load = items.__getitem__
    worlds = unpickler.load()
    cache.worlds = {Path(folder): world for folder, world in worlds.items()}
    cache.made = {doc.path: (doc, worlds[folder], result) for doc, folder, result in made}
    by_name = {str(path): path for path in cache.documents}
    for folder, files in index["listings"].items():
        cache.listings[Path(folder)] = [by_name.get(p) or Path(p) for p in files], []
    return Kept(name, cache, Reads(known, index["known"], reads, dict(index["reads"])), bodies, dict(index["files"]), dict(cache.made))
