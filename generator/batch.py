"""One command over many files: the files shared between the machine's
cores, each file's result handed back in the files' order as soon as it and
those before it are ready (`timeline dates A B C`, `timeline extract A B C`).

The work is forked, so whatever the parent loaded before (the rules, their
compiled patterns) is loaded once; only the results cross between processes,
so they must pickle. A result should carry a file's problem as a value: an
exception in one file would stop the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from generator.parallel import parallel_imap

Result = TypeVar("Result")


def each_file(work: Callable[[str], Result], files: Sequence[str]) -> Iterator[Result]:
    """`work(file)` for every file, in order; several files over several processes."""
    return parallel_imap(work, files, min_items=2)
