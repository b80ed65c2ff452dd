"""Sharing CPU-bound work of a large site between the machine's cores.

Forked children inherit everything the parent has loaded, so nothing but
the results crosses between processes. Small inputs, and systems without
fork, run in the calling process.
"""

from __future__ import annotations

import os
import pickle
import struct
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

TICKET = struct.Struct("=I")  # the index of a chunk's first item
CHUNKS_PER_WORKER = 64


def parallel_map(function: Callable[[Item], Result], items: Sequence[Item], min_items: int = 2000) -> list[Result]:
    """`[function(item) for item in items]`, in order, over up to 4 processes."""
    workers = min(os.cpu_count() or 1, 4)
    if len(items) < min_items or workers == 1 or not hasattr(os, "fork"):
        return [function(item) for item in items]
    # The items go out in chunks, each to whichever worker asks next, so a
    # worker that drew the heavy pages does not leave the others idle at the
    # end. A pipe holds one ticket per chunk; reads of a ticket's few bytes
    # are atomic, so no two workers draw the same one.
    size = -(-len(items) // (workers * CHUNKS_PER_WORKER))
    tickets, tickets_in = os.pipe()
    os.write(tickets_in, b"".join(TICKET.pack(start) for start in range(0, len(items), size)))
    os.close(tickets_in)
    children = []
    for _ in range(workers):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            try:
                done = []
                while ticket := os.read(tickets, TICKET.size):
                    (start,) = TICKET.unpack(ticket)
                    done.append((start, [function(item) for item in items[start : start + size]]))
                payload = ("ok", done)
            except BaseException as error:  # carried to the parent, which raises it
                payload = ("error", repr(error))
            with os.fdopen(write_end, "wb") as pipe:
                pickle.dump(payload, pipe)
            os._exit(0)
        os.close(write_end)
        children.append((pid, read_end))
    os.close(tickets)
    results: list = [None] * len(items)
    for pid, read_end in children:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        status, value = pickle.loads(data) if data else ("error", "a worker process stopped unexpectedly")
        if status != "ok":
            raise RuntimeError(value)
        for start, values in value:
            results[start : start + len(values)] = values
    return results
