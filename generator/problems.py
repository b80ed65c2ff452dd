"""Problems are values: every stage returns them instead of raising, so one
bad file never hides the others and the CLI can print them all at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int  # 1-based; 0 when the problem is with a whole file or folder
    message: str

    def __str__(self) -> str:
        where = f"{display_path(self.path)}:{self.line}" if self.line else display_path(self.path)
        return f"{where}: {self.message}"


def display_path(path: Path) -> str:
    """Paths relative to the working folder read best in a terminal."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def count(n: int, singular: str, plural: str | None = None) -> str:
    """`1 entry`, `2 entries`: for the lines the commands print."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"
