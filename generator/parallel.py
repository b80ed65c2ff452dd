"""Sharing CPU-bound work of a large site between the machine's cores.

Forked children inherit everything the parent has loaded, so nothing but
the results crosses between processes. Small inputs, and systems without
fork, run in the calling process.
"""

from __future__ import annotations

import gc
import os
import pickle
import selectors
import struct
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

TICKET = struct.Struct("=I")  # the index of a chunk's first item
FRAME = struct.Struct("=Q")  # the length of a chunk's pickled results
CHUNKS_PER_WORKER = 64


def parallel_map(function: Callable[[Item], Result], items: Sequence[Item], min_items: int = 2000) -> list[Result]:
    """`[function(item) for item in items]`, in order, over up to 4 processes."""
    return list(parallel_imap(function, items, min_items))


def parallel_imap(function: Callable[[Item], Result], items: Sequence[Item], min_items: int = 2000) -> Iterator[Result]:
    """`map(function, items)` over up to 4 processes: each result is yielded,
    in order, as soon as it and those before it are done, so that the caller
    can use the first while the processes work on the rest."""
    workers = min(os.cpu_count() or 1, 4)
    if len(items) < min_items or workers == 1 or not hasattr(os, "fork"):
        yield from map(function, items)
        return
    # The items go out in chunks, each to whichever worker asks next, so a
    # worker that drew the heavy items does not leave the others idle at the
    # end. A pipe holds one ticket per chunk; reads of a ticket's few bytes
    # are atomic, so no two workers draw the same one.
    size = -(-len(items) // (workers * CHUNKS_PER_WORKER))
    try:
        tickets, tickets_in = os.pipe()
    except OSError:  # out of file descriptors: no worker could be reached
        yield from map(function, items)
        return
    os.write(tickets_in, b"".join(TICKET.pack(start) for start in range(0, len(items), size)))
    os.close(tickets_in)
    children: dict[int, int] = {}  # read end of each worker's pipe -> its pid
    # Frozen, the parent's objects are never walked by a child's cycle
    # collector, which would otherwise write to, and so copy, the memory
    # pages that hold them (the gc module's advice before a fork). A caller
    # that froze its own objects (the preview does) keeps them frozen.
    freezing = gc.get_freeze_count() == 0
    try:
        if freezing:
            gc.freeze()
        try:
            for _ in range(workers):
                try:
                    read_end, write_end = os.pipe()
                except OSError:  # out of file descriptors: go on with the workers started
                    break
                try:
                    pid = os.fork()
                except OSError:  # no process to be had: go on with those started
                    os.close(read_end)
                    os.close(write_end)
                    break
                if pid == 0:
                    # Only the parent may hold the read ends: a worker holding
                    # another's would keep it writing to a pipe nobody reads.
                    for fd in (read_end, *children):
                        os.close(fd)
                    _work(function, items, size, tickets, write_end)
                os.close(write_end)
                children[read_end] = pid
        finally:
            if freezing:
                gc.unfreeze()
            os.close(tickets)
        if children:
            yield from _results(children, len(items), size)
        else:
            yield from map(function, items)
    finally:
        # A worker still writing, when the caller stops early, stops on the closed pipe.
        for read_end in children:
            os.close(read_end)
        for pid in children.values():
            os.waitpid(pid, 0)


def _work(function: Callable, items: Sequence, size: int, tickets: int, pipe: int) -> None:
    """A worker's life: draw chunks until none is left, sending each chunk's
    results as one frame; never return into the parent's code."""
    try:
        with os.fdopen(pipe, "wb") as out:
            try:
                while ticket := os.read(tickets, TICKET.size):
                    (start,) = TICKET.unpack(ticket)
                    _send(out, ("ok", start, [function(item) for item in items[start : start + size]]))
            except Exception as error:  # carried to the parent, which raises it
                _send(out, ("error", 0, repr(error)))
    finally:
        os._exit(0)


def _send(out, message: tuple) -> None:
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    out.write(FRAME.pack(len(data)) + data)
    out.flush()


class WorkerLost(RuntimeError):
    """A worker process ended before it sent all its results: killed, or
    out of memory."""


def _results(children: dict[int, int], count: int, size: int) -> Iterator:
    """The workers' results in the order of the items, read from their pipes
    as frames arrive; a chunk that comes early waits for those before it."""
    waiting: dict[int, list] = {}
    with selectors.DefaultSelector() as selector:
        for read_end in children:
            selector.register(read_end, selectors.EVENT_READ)
        for start in range(0, count, size):
            while start not in waiting:
                if not selector.get_map():
                    raise WorkerLost("a worker process stopped before it finished (killed, or out of memory)")
                for key, _ in selector.select():
                    frame = _receive(key.fd)
                    if frame is None:
                        selector.unregister(key.fd)
                        continue
                    status, first, values = frame
                    if status != "ok":
                        raise RuntimeError(values)
                    waiting[first] = values
            yield from waiting.pop(start)


def _receive(pipe: int) -> tuple | None:
    """One frame from a worker's pipe, or None at its end, or where the
    worker was stopped halfway through writing one."""
    header = _read_exactly(pipe, FRAME.size)
    if len(header) < FRAME.size:
        return None
    (length,) = FRAME.unpack(header)
    data = _read_exactly(pipe, length)
    return pickle.loads(data) if len(data) == length else None


def _read_exactly(pipe: int, length: int) -> bytes:
    parts, left = [], length
    while left:
        part = os.read(pipe, min(left, 1 << 20))
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)
