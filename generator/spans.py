"""Things that sit somewhere in a text (names, quotations, dates, entries),
looked up by where they are in logarithmic time, so that reading a text
stays linear in its length however many of them it holds."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class ByStart(Generic[T]):
    """Items sorted by where they start."""

    def __init__(self, items: Iterable[T], start: Callable[[T], int] = lambda item: item.start, end: Callable[[T], int] = lambda item: item.end):
        self.items = sorted(items, key=start)
        self.starts = [start(item) for item in self.items]
        self._end = end

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def between(self, start: int, end: int) -> list[T]:
        """The items that start in [start, end)."""
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def last_before(self, at: int, where: Callable[[T], bool] = lambda item: True, since: int | None = None) -> T | None:
        """The last item that starts before `at` (and at or after `since`)
        and satisfies `where`. A caller that has no use for an item before
        some point says so with `since`: else a `where` that few items
        satisfy reads back to the text's start, every time."""
        stop = -1 if since is None else bisect_left(self.starts, since) - 1
        for i in range(bisect_left(self.starts, at) - 1, stop, -1):
            if where(self.items[i]):
                return self.items[i]
        return None

    def holding(self, at: int) -> T | None:
        """The last item that starts at or before `at` and ends after it (for
        items that do not overlap: the one that holds `at`)."""
        i = bisect_right(self.starts, at) - 1
        return self.items[i] if i >= 0 and at < self._end(self.items[i]) else None


def inside(spans: ByStart[tuple[int, int]], at: int) -> bool:
    """Whether `at` falls in one of `spans` (pairs that do not overlap)."""
    return spans.holding(at) is not None


def pairs(spans: Iterable[tuple[int, int]]) -> ByStart[tuple[int, int]]:
    return ByStart(spans, start=lambda pair: pair[0], end=lambda pair: pair[1])
