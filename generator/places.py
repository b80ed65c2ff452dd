"""The gazetteer: an editor's list of places and the spellings articles use
for them (content/places.toml), so one place has one name on the timeline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator import frontmatter
from generator.alternation import by_first_character
from generator.problems import Problem

FILE_NAME = "places.toml"


@dataclass(frozen=True)
class Gazetteer:
    spellings: dict[str, str]  # every spelling, the canonical name included -> canonical name
    pattern: re.Pattern[str] | None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Each place named in text[start:end], as (start, end, canonical name)."""
        if self.pattern is None:
            return []
        end = len(text) if end is None else end
        return [(m.start(), m.end(), self.spellings[m.group()]) for m in self.pattern.finditer(text, start, end)]

    def is_place(self, words: str) -> bool:
        return words in self.spellings


def gazetteer(places: dict[str, list[str]]) -> Gazetteer:
    spellings = {}
    for name, aliases in places.items():
        for spelling in (name, *aliases):
            spellings[spelling] = name
    if not spellings:
        return Gazetteer({}, None)
    # Longest first, so "eastern Aleppo" is one place and not "Aleppo".
    by_length = sorted(spellings, key=len, reverse=True)
    # (Sought through each whole text: opening with a character, the pattern lets the engine skip at once to
    # where a place can start. An empty spelling, which starts anywhere, keeps the plain alternation.)
    if "" in spellings:
        choices = r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in by_length) + ")"
    else:
        choices = by_first_character(by_length, not_after=r"[\w-]")
    return Gazetteer(spellings, re.compile(rf"(?:{choices})(?![\w-])"))


def load(content_dir: Path | None) -> tuple[Gazetteer, list[Problem]]:
    """The gazetteer of a content folder; empty when it has none."""
    path = content_dir / FILE_NAME if content_dir else None
    if path is None or not path.is_file():
        return gazetteer({}), []
    text = frontmatter.read_text(path)
    if isinstance(text, Problem):
        return gazetteer({}), [text]
    data = frontmatter.parse_toml(path, text, first_line=1, what=FILE_NAME)
    if isinstance(data, Problem):
        return gazetteer({}), [data]
    bad = [k for k, v in data.items() if not (isinstance(v, list) and all(isinstance(a, str) for a in v))]
    if bad:
        line = next((n for n, row in enumerate(text.splitlines(), 1) if bad[0] in row), 1)
        return gazetteer({}), [Problem(path, line, f"place '{bad[0]}' must be a list of other spellings, e.g. [\"Bostan al-Kasr\"]")]
    return gazetteer(data), []
