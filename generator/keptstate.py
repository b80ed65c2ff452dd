"""The state a build keeps for the next one, in parts: a build after one
edited file reads every part back but writes again only the few parts that
file changed.

What is kept is what the loader cannot make again without reading every
file: what each file made, each source's locator, each entry's body as HTML
(generator/content.py's Cache, render.py), and what each page read
(generator/preview.py), in shards by path, each a part of its own; and,
a part each, what each folder's files were made against (the worlds), the
folders' listings and the dates in words read (content.READ_DATES). Not
kept: each file's parsed front matter (the loader reads the file again if
what it made must be made again: content.Unread), the plan and the
registry of model objects (the next build makes them again from the
loader's cache, or tells the last plan from the new: previousplan.py).

What each page read is kept as numbers (see Reads): most reads are read by
several pages, and numbers load far quicker than tuples of names.

A part is named by a digest of its bytes, and the index of the parts is a
part too: generator/buildcache.py puts them in place and checks them.
"""

from __future__ import annotations

import io
import marshal
import os
import pickle
import zlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain
from pathlib import Path

from markupsafe import Markup

from generator import buildcache
from generator import content as content_loader
from generator.model import Event

SHARDS = 64  # of the files, and of the pages' reads


def shard(path: str) -> int:
    return zlib.crc32(path.encode("utf-8", "surrogateescape")) % SHARDS


class Packed:
    """A shard of the pages' reads as kept: the pages' paths, and all their
    numbers in one array, each page's ending where `ends` says. Read back
    in one piece and looked through at C speed, where a tuple per page
    took a tenth of a build after one edit to read back and look through."""

    def __init__(self, data: tuple[list[str], bytes, bytes]) -> None:
        self.paths, ends, numbers = data
        self.ends = memoryview(ends).cast("I")
        self.numbers = memoryview(numbers).cast("I")
        if len(self.ends) != len(self.paths) or (self.ends and self.ends[-1] != len(self.numbers)):
            raise ValueError("a shard of the reads that does not add up")

    @staticmethod
    def pack(pages: dict[str, tuple]) -> bytes:
        ends = list(accumulate(map(len, pages.values())))
        return marshal.dumps((list(pages), array("I", ends).tobytes(), array("I", chain.from_iterable(pages.values())).tobytes()))

    def unpacked(self) -> dict[str, tuple]:
        starts = chain((0,), self.ends)
        return {path: tuple(self.numbers[start:end]) for path, start, end in zip(self.paths, starts, self.ends)}

    def touched(self, wanted: set[int]) -> Iterator[str]:
        if wanted.isdisjoint(self.numbers):
            return
        start = 0
        for path, end in zip(self.paths, self.ends):
            if not wanted.isdisjoint(self.numbers[start:end]):
                yield path
            start = end


class Reads:
    """What each page read, by the page's path: the preview's `reads`, kept
    as numbers. Every read any page made is numbered once, in a list that
    only grows (`known`, kept as parts: what the last build added is one
    more part), and each page keeps the numbers of its reads, in shards:
    as read back (Packed), or, once a page of it is set, as a dict."""

    def __init__(self, known: list, known_parts: list[str], shards: dict[int, dict | Packed], names: dict[int, str]) -> None:
        self.known = known  # every read, by its number
        self.known_parts = known_parts  # the parts that hold `known`, in order
        self.saved = len(known)  # how many of `known` those parts hold
        self.shards = shards  # shard -> its pages and the numbers of their reads
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
            self._pages = set(self)
        return path in self._pages

    def __iter__(self) -> Iterator[str]:
        for pages in self.shards.values():
            yield from pages.paths if isinstance(pages, Packed) else pages

    def __setitem__(self, path: str, read: frozenset) -> None:
        numbers = self._index()
        for item in read:
            if item not in numbers:
                numbers[item] = len(self.known)
                self.known.append(item)
        self._changing(shard(path))[path] = tuple(map(numbers.__getitem__, read))
        if self._pages is not None:
            self._pages.add(path)

    def __delitem__(self, path: str) -> None:
        del self._changing(shard(path))[path]
        if self._pages is not None:
            self._pages.discard(path)

    def touched(self, changed: set) -> set[str]:
        """The pages that read any of `changed`."""
        numbers = self._index()
        wanted = {numbers[item] for item in changed if item in numbers}
        if not wanted:
            return set()
        found = set()
        for pages in self.shards.values():
            if isinstance(pages, Packed):
                found.update(pages.touched(wanted))
            else:
                found.update(path for path, read in pages.items() if not wanted.isdisjoint(read))
        return found

    def parts(self) -> tuple[list[bytes], list[str], dict[int, str]]:
        """The parts to write: those of the shards changed since read, and
        of the reads numbered since; the names of all the parts, in order."""
        new, known_parts, names = [], list(self.known_parts), dict(self.names)
        if len(self.known) > self.saved:
            new.append(marshal.dumps(self.known[self.saved:]))
            known_parts.append(buildcache.part_name(new[-1]))
        for number, pages in self.shards.items():
            if number not in names:
                new.append(Packed.pack(pages))
                names[number] = buildcache.part_name(new[-1])
        return new, known_parts, names

    def _changing(self, number: int) -> dict[str, tuple]:
        """The shard `number`, as a dict, no longer as its part holds it."""
        pages = self.shards.get(number)
        if pages is None or isinstance(pages, Packed):
            pages = self.shards[number] = pages.unpacked() if pages is not None else {}
        self.names.pop(number, None)
        return pages

    def _index(self) -> dict:
        if self._numbers is None:
            self._numbers = dict(zip(self.known, range(len(self.known))))
        return self._numbers


@dataclass
class Kept:
    """The state as read back: the loader's cache, the pages' reads, the
    entries' bodies as HTML; and, to tell which parts still hold, the name
    of each part and what it held when it was read."""

    index: str  # the name of the index part
    cache: content_loader.Cache
    reads: Reads
    bodies: dict[str, Markup]
    names: dict[int, str] = field(default_factory=dict)  # files' shard -> its part's name
    made: dict[Path, tuple] = field(default_factory=dict)  # each file's entry in cache.made, as read
    shards: dict[Path, int] = field(default_factory=dict)  # each file's shard
    sizes: dict[int, int] = field(default_factory=dict)  # how many files each shard held
    worlds: tuple[str, dict] = ("", {})  # the worlds' part and the worlds it held
    listings: tuple[str, dict] = ("", {})  # the listings' part and the listings it held
    dates: tuple[str, dict] = ("", {})  # the dates' part and the dates in words it held (content.READ_DATES)


def save(output: Path, cache: content_loader.Cache, reads: Reads, bodies: dict[str, Markup], kept: Kept | None = None) -> tuple[str, set[str]]:
    """Write the parts that changed since `kept` was read (all of them
    without it) and their index: the index's name, for the fingerprint, and
    the names of all the parts the state is made of now."""
    kept = kept or Kept("", cache, reads, bodies)
    folders = {id(world): str(folder) for folder, world in cache.worlds.items()}
    grouped: dict[int, list[Path]] = {}
    for path in cache.made:
        number = kept.shards.get(path)
        grouped.setdefault(shard(str(path)) if number is None else number, []).append(path)
    names, new = {}, []
    for number, paths in grouped.items():
        if number in kept.names and kept.sizes.get(number) == len(paths) and all(cache.made[p] is kept.made.get(p) for p in paths):
            names[number] = kept.names[number]
            continue
        entries = {}
        for path in paths:
            _, world, (item, problems) = cache.made[path]
            body = bodies.get(item.body) if isinstance(item, Event) else None
            entries[str(path)] = (folders[id(world)], item, problems, cache.locators.get(path), body)
        new.append(_dumps(entries))
        names[number] = buildcache.part_name(new[-1])
    worlds = _unless_held(kept.worlds, cache.worlds, lambda: _worlds(cache), new)
    listings = {folder: listed for folder, listed in cache.listings.items() if not listed[1]}
    listed = _unless_held(kept.listings, listings, lambda: pickle.dumps(
        {str(folder): [str(p) for p in files] for folder, (files, _) in listings.items()}, pickle.HIGHEST_PROTOCOL), new)
    read_dates = dict(content_loader.READ_DATES)
    dated = _unless_held(kept.dates, read_dates, lambda: pickle.dumps(read_dates, pickle.HIGHEST_PROTOCOL), new)
    read_parts, known_names, read_names = reads.parts()
    new += read_parts
    index = pickle.dumps({"files": names, "known": known_names, "reads": read_names, "worlds": worlds, "listings": listed,
                          "dates": dated}, pickle.HIGHEST_PROTOCOL)
    buildcache.write_parts(output, new + [index])
    name = buildcache.part_name(index)
    return name, {name, worlds, listed, dated, *names.values(), *known_names, *read_names.values()}


def _unless_held(held: tuple[str, dict], now: dict, data, new: list[bytes]) -> str:
    """The name of the part that holds `now`: the part read back when it
    held these very objects, else a part made of `data()`, added to `new`."""
    name, was = held
    if name and was.keys() == now.keys() and all(now[key] is was[key] for key in now):
        return name
    new.append(data())
    return buildcache.part_name(new[-1])


def _worlds(cache: content_loader.Cache) -> bytes:
    """The worlds (what each folder's files were made against), each model
    object in them named by its file: the files' parts hold the objects."""
    files = {id(item): str(path) for path, (_, _, (item, _)) in cache.made.items()}
    out = io.BytesIO()
    pickler = pickle.Pickler(out, pickle.HIGHEST_PROTOCOL)
    pickler.persistent_id = lambda obj: files.get(id(obj))
    pickler.dump({str(folder): world for folder, world in cache.worlds.items()})
    return out.getvalue()


# Paths are kept as text, and made again from their folder's Path: a
# third of the time of unpickling them whole, part by part.
PATH = type(Path())


def _dumps(entries: dict) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {PATH: lambda path: (_path, (str(path),))}
    pickler.dump(entries)
    return out.getvalue()


@lru_cache(maxsize=None)
def _folder(text: str) -> Path:
    return Path(text)


def _path(text: str) -> Path:
    folder, _, name = text.rpartition("/")
    return _folder(folder) / name if folder and name and os.sep == "/" else Path(text)


def load(output: Path, name: str) -> Kept | None:
    """The state whose index is the part `name`, or None when any part of
    it is missing or is not what was written."""
    try:
        index = pickle.loads(buildcache.read_part(output, name))
        parts = {number: pickle.loads(buildcache.read_part(output, part)) for number, part in index["files"].items()}
        known = [read for part in index["known"] for read in marshal.loads(buildcache.read_part(output, part))]
        reads = {number: Packed(marshal.loads(buildcache.read_part(output, part))) for number, part in index["reads"].items()}
        worlds_part, listings_part = buildcache.read_part(output, index["worlds"]), buildcache.read_part(output, index["listings"])
        read_dates = pickle.loads(buildcache.read_part(output, index["dates"]))
    except Exception:  # a part missing, changed or foreign: any reading or unpickling error
        return None
    cache, bodies, items, made, by_name, shards, sizes = content_loader.Cache(), {}, {}, [], {}, {}, {}
    for number, entries in parts.items():
        sizes[number] = len(entries)
        for path, (folder, item, problems, locator, body) in entries.items():
            doc = content_loader.Unread(item.path if item is not None else _path(path))
            cache.documents[doc.path] = doc
            items[path], by_name[path], shards[doc.path] = item, doc.path, number
            made.append((doc, folder, (item, problems)))
            if locator is not None:
                cache.locators[doc.path] = locator
            if body is not None:
                bodies[item.body] = body
    try:
        unpickler = pickle.Unpickler(io.BytesIO(worlds_part))
        unpickler.persistent_load = items.__getitem__
        worlds = unpickler.load()
        listings = pickle.loads(listings_part)
    except Exception:
        return None
    cache.worlds = {Path(folder): world for folder, world in worlds.items()}
    cache.made = {doc.path: (doc, worlds[folder], result) for doc, folder, result in made}
    for folder, files in listings.items():
        cache.listings[Path(folder)] = [by_name.get(p) or Path(p) for p in files], []
    return Kept(name, cache, Reads(known, index["known"], reads, dict(index["reads"])), bodies, dict(index["files"]),
                dict(cache.made), shards, sizes, (index["worlds"], dict(cache.worlds)), (index["listings"], dict(cache.listings)),
                (index["dates"], read_dates))
