"""Long alternations of words, rearranged so that the regex engine tries
fewer of them; what they match is unchanged.

Ignoring case, Python's engine tries the alternatives of `said|says|told|...`
one by one wherever it looks: it cannot pass over one by its first letter.
Grouped by first letter behind a look-ahead, `(?=s)(?:said|says)|(?=t)(?:told)`,
it enters one group at most. The match is the same: a character is the first
letter (in any case) of one group at most, and within a group the
alternatives keep their order.
"""

from __future__ import annotations

import re

QUANTIFIERS = ("?", "*", "{")  # after a first letter, they make it optional
ZERO_WIDTH = re.compile(r"\\b|\(\?<[=!][^()]*\)")  # \b, and a look-behind with no group in it


def by_first_letter(pattern: str, ignore_case: bool = True) -> str:
    """`pattern`, an alternation, grouped by the letter each alternative
    opens with (in lower case when the pattern ignores case); unchanged when
    one opens with anything else (a class, a group, an escape, an optional
    letter). Zero-width openings (\\b, a look-behind) are passed over."""
    choices = _alternatives(pattern)
    letters = [_first_letter(choice, ignore_case) for choice in choices]
    if len(choices) < 2 or None in letters:
        return pattern
    groups: dict[str, list[str]] = {}
    for letter, choice in zip(letters, choices, strict=True):
        groups.setdefault(letter, []).append(choice)
    return "|".join(f"(?={letter})(?:{'|'.join(group)})" for letter, group in groups.items())


def _first_letter(choice: str, ignore_case: bool) -> str | None:
    if choice.startswith("(?-i:") and choice.endswith(")") and "(" not in choice[1:]:
        choice = choice[5:]  # "(?-i:May)": a word matched only as written
    while opening := ZERO_WIDTH.match(choice):
        choice = choice[opening.end() :]
    first, after = choice[:1], choice[1:2]
    if not (first.isascii() and first.isalpha()) or after in QUANTIFIERS:
        return None
    return first.lower() if ignore_case else first


def _alternatives(pattern: str) -> list[str]:
    """The pattern cut at each `|` outside groups and classes."""
    found, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(pattern[start:i])
            start = i + 1
        i += 1
    found.append(pattern[start:])
    return found


def _class_end(pattern: str, i: int) -> int:
    """Just past the class that opens at pattern[i] ("[^]a-z\\]]" included)."""
    i += 2 if pattern[i + 1 : i + 2] == "^" else 1
    i += 1  # a "]" first in a class is one of its characters
    while pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1
