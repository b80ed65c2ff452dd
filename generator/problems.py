"""Problems are values: every stage returns them instead of raising, so one
bad file never hides the others and the CLI can print them all at once.

A problem prints as one line: a value quoted in it (a title, a file name)
may hold a newline or a terminal's escape sequence, and is shown escaped
instead, so it can neither forge a second problem nor drive the terminal."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int  # 1-based; 0 when the problem is with a whole file or folder
    message: str

    def __str__(self) -> str:
        where = f"{display_path(self.path)}:{self.line}" if self.line else display_path(self.path)
        return printable(f"{where}: {self.message}")


def printable(text: str) -> str:
    """`text` with every character that does not print (control characters,
    line and paragraph separators, bidirectional overrides) written as its
    escape, as repr() writes it: `\\n`, `\\x1b`, `\\u2028`."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def display_path(path: Path) -> str:
    """Paths relative to the working folder read best in a terminal. The
    path's own last part is never resolved: a problem with a symbolic link
    names the link, not where it points."""
    for absolute in (Path(os.path.abspath(path)), path.parent.resolve() / path.name):
        try:
            return str(absolute.relative_to(Path.cwd()))
        except ValueError:
            pass
    return str(path)


def count(n: int, singular: str, plural: str | None = None) -> str:
    """`1 entry`, `2 entries`: for the lines the commands print."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"
