"""Python's cycle collector, paused while a stage makes a great many objects
that all live until it ends: none of them is garbage, and the collector
would walk them all again and again as they grow (a sixth of the time of
extracting a 5 MB text, a second of reading back a build's state)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
