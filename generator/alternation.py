"""Regular expressions with look-aheads put in front, so that the regex
engine passes over at once what cannot match; what they match is unchanged.

Python's engine tries an alternation's alternatives one by one wherever it
looks, and where case is ignored it cannot pass over one by its first
letter. So:
- `by_first_letter` groups a list of words by first letter behind a
  look-ahead, `(?=s)(?:said|says)|(?=t)(?:told)`: the engine enters one
  group at most (a character is the first letter of one group at most, and
  within a group the words keep their order); more than three groups are
  split in halves, each behind a look-ahead for all its letters, so that
  at a word the engine reads a few look-aheads, not one a letter;
- `first_character` reads off a pattern, from Python's own parse of it, the
  characters a match can begin with, as a look-ahead to put before it: the
  date rules each stand behind theirs, and the engine passes over most of
  them wherever it tries them;
- `opening` reads the first few characters the same way, as a tree of
  alternatives: behind it, a rule that may begin "the" or "two" is passed
  over at "the company" too, not only at "company";
- `by_first_character` writes words sought through a whole text, case
  counting, so that the pattern opens with a character, not a look-ahead:
  only then does the engine skip, without trying the pattern, to the next
  place where one of those characters stands.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parsed form of a pattern: stable since Python 3.11, and checked by the tests
from re import _parser

QUANTIFIERS = ("?", "*", "{")  # after a first letter, they make it optional
ZERO_WIDTH = re.compile(r"\\b|\(\?<[=!][^()]*\)")  # \b, and a look-behind with no group in it


def by_first_letter(pattern: str) -> str:
    """`pattern`, an alternation that ignores case, grouped by the letter
    each alternative opens with; unchanged when one opens with anything else
    (a class, a group, an escape, an optional letter). Zero-width openings
    (\\b, a look-behind) are passed over."""
    choices = _alternatives(pattern)
    letters = [_first_letter(choice) for choice in choices]
    if len(choices) < 2 or None in letters:
        return pattern
    groups: dict[str, list[str]] = {}
    for letter, choice in zip(letters, choices, strict=True):
        groups.setdefault(letter, []).append(choice)
    return _halves(list(groups.items()))


def by_first_character(words: list[str], not_after: str) -> str:
    """Literal words, as an alternation that matches where
    `(?<!{not_after})(?:{words})` does, the same words: the words grouped by
    their first character, that character first and the look-behind (one
    character wider) after it, "A(?<![\\w.]A)(?:fghanistan|lbania)|B...".
    At a place only one group can begin, and its words keep their order.
    `not_after` matches one character; no word may be empty."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(
        f"{re.escape(first)}(?<!{not_after}{re.escape(first)})(?:{'|'.join(re.escape(rest) for rest in rests)})"
        for first, rests in groups.items()
    )


def _halves(groups: list[tuple[str, list[str]]]) -> str:
    if len(groups) <= 3:
        return "|".join(f"(?={letter})(?:{'|'.join(words)})" for letter, words in groups)
    half = len(groups) // 2
    return "|".join(f"(?=[{''.join(letter for letter, _ in part)}])(?:{_halves(part)})" for part in (groups[:half], groups[half:]))


def _first_letter(choice: str) -> str | None:
    if choice.startswith("(?-i:") and choice.endswith(")") and "(" not in choice[1:]:
        choice = choice[5:]  # "(?-i:May)": a word matched only as written
    while opening := ZERO_WIDTH.match(choice):
        choice = choice[opening.end() :]
    first, after = choice[:1], choice[1:2]
    return first.lower() if first.isascii() and first.isalpha() and after not in QUANTIFIERS else None


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


def first_character(pattern: str, ignore_case: bool = True) -> str | None:
    """A look-ahead for the characters a match of `pattern` can begin with,
    read off the pattern itself ("(?=[\\dlt])" for "(?:the )?(?:\\d+|last)"),
    to put before it (or before it among other alternatives): the engine
    tests it and passes over the pattern at once. None when any character
    may begin a match, or the pattern uses what this does not read.

    A superset of the real ones is enough: the look-ahead only skips where
    the pattern could not match. Compiled with the pattern's flags, it
    treats case as the pattern does (where the pattern ignores case, a part
    written "(?-i:May)" gets "M", which admits "m" too: more, not less; a
    part that ignores case in a pattern that does not gets no look-ahead)."""
    found, empty = _first(_parser.parse(pattern, re.IGNORECASE if ignore_case else 0), ignore_case)
    if found is None or empty:
        return None
    return f"(?=[{''.join(sorted(found))}])"


def _first(items, ignore_case: bool) -> tuple[set[str] | None, bool]:
    """(what the items' match can begin with, as pieces of a class, or None
    for anything; whether it can be empty)."""
    found: set[str] = set()
    for op, value in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero-width: the next item gives the first character
        if op is sre.LITERAL:
            return found | {re.escape(chr(value))}, False
        if op is sre.IN:
            pieces = _class(value)
            return (None if pieces is None else found | pieces), False
        if op is sre.SUBPATTERN and value[1] & re.IGNORECASE and not ignore_case:
            return None, False  # "(?i:may)" where case counts: its letters in any case
        if op in (sre.SUBPATTERN, sre.ATOMIC_GROUP, sre.BRANCH, sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if op is sre.BRANCH:
                inner = [_first(branch, ignore_case) for branch in value[1]]
            elif op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
                inner = [_first(value[-1] if op is sre.SUBPATTERN else value, ignore_case)]
            else:
                low, _, repeated = value
                inner = [_first(repeated, ignore_case), (set(), low == 0)]
            if any(pieces is None for pieces, _ in inner):
                return None, False
            found = found.union(*(pieces for pieces, _ in inner))
            if not any(empty for _, empty in inner):
                return found, False
            continue
        return None, False  # any character, a back-reference, ...: anything may come first
    return found, True


CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}


def _class(items) -> set[str] | None:
    pieces = set()
    for op, value in items:
        if op is sre.LITERAL:
            pieces.add(re.escape(chr(value)))
        elif op is sre.RANGE:
            pieces.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif op is sre.CATEGORY and value in CATEGORIES:
            pieces.add(CATEGORIES[value])
        else:
            return None  # a negated class, say
    return pieces


OPENINGS = 400  # more ways to begin than this, and `opening` gives up: its tree would cost more than it saves


def opening(pattern: str, length: int = 5, ignore_case: bool = True) -> str | None:
    """A look-ahead for the first `length` characters a match of `pattern`
    can begin with, read off the pattern as `first_character` reads the
    first, as a tree: "(?=(?:la(?:s|t)|th(?:e|i)))". Where a part of the
    pattern is not read (a negated class, any character, a group that may
    match nothing), what comes before it is enough. None when nothing at
    all can be read, or the ways to begin are too many.

    A superset again: every match begins with one of the tree's branches."""
    return look_ahead(ways_to_begin(pattern, length, ignore_case))


def ways_to_begin(pattern: str, length: int = 5, ignore_case: bool = True, most: int = OPENINGS) -> Begun | None:
    """The ways a match of `pattern` can begin, up to `length` characters:
    what `opening` writes as a tree; None where it writes none, or where
    they are more than `most`. The ways of several patterns together make a
    look-ahead that passes over all of them at once where none can match."""
    if not ignore_case and _case_ignored(_parser.parse(pattern, 0)):
        return None  # "(?i:may)" where case counts: as in `first_character`
    found = _sequence(_parser.parse(pattern, re.IGNORECASE if ignore_case else 0), length, most)
    if found is None or any(not begun for begun, _ in found):
        return None
    return found


def shortened(ways: Begun, length: int) -> Begun | None:
    """Ways to begin, read to `length` characters only: those a pattern
    read to that length has, without reading it again; None where they are
    more than `opening` takes."""
    found = {(begun[:length], ended and len(begun) <= length) for begun, ended in ways}
    return found if len(found) <= OPENINGS else None


def look_ahead(ways: Begun | None) -> str | None:
    """The look-ahead for ways to begin (`ways_to_begin`), as a tree."""
    if ways is None:
        return None
    tree: dict = {}
    for begun, _ in ways:
        node = tree
        for piece in begun:
            node = node.setdefault(piece, {})
        node[""] = {}  # a way to begin ends here: anything may follow
    return f"(?={_branches(tree)})"


def _case_ignored(items) -> bool:
    return any(
        op is sre.SUBPATTERN and (value[1] & re.IGNORECASE or _case_ignored(value[-1]))
        or op is sre.BRANCH and any(_case_ignored(branch) for branch in value[1])
        or op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT, sre.ASSERT, sre.ASSERT_NOT) and _case_ignored(value[-1])
        for op, value in items
    )


def _branches(node: dict) -> str:
    if "" in node:
        return ""
    branches = [piece + _branches(child) for piece, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


Begun = set[tuple[tuple[str, ...], bool]]  # (the first characters, as pieces of the pattern; whether the match may end there)


def _sequence(items, length: int, most: int) -> Begun | None:
    """How the match of the items in turn can begin, up to `length` characters."""
    found: Begun = {((), True)}
    for op, value in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero-width
        item = _item(op, value, length, most)
        following: Begun = set()
        for begun, ended in found:
            if not ended or len(begun) == length or item is None:
                following.add((begun, False))  # read as far as it goes
                continue
            for more, more_ended in item:
                joined = begun + more
                following.add((joined[:length], more_ended and len(joined) <= length))
        found = following
        if len(found) > most:
            return None
    return found


def _item(op, value, length: int, most: int) -> Begun | None:
    if op is sre.LITERAL:
        return {((re.escape(chr(value)),), True)}
    if op is sre.IN:
        pieces = _class(value)
        return None if pieces is None else {((f"[{''.join(sorted(pieces))}]",), True)}
    if op is sre.SUBPATTERN:
        return _sequence(value[-1], length, most)
    if op is sre.BRANCH:
        branches = [_sequence(branch, length, most) for branch in value[1]]
        return None if any(b is None for b in branches) else set().union(*branches)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _repeated(*value, length, most)
    return None  # any character, a back-reference, ...: not read


def _repeated(low: int, high: int, items, length: int, most: int) -> Begun | None:
    once = _sequence(items, length, most)
    if once is None or any(not begun for begun, _ in once):
        return None  # a repeat of what may match nothing
    found: Begun = {((), True)} if low == 0 else set()
    so_far: Begun = {((), True)}  # after `times` repeats, those that may go on
    times = 0
    while so_far and times < high:
        times += 1
        after = {((begun + more)[:length], ended and len(begun + more) <= length) for begun, _ in so_far for more, ended in once}
        for begun, ended in after:
            if not ended or len(begun) == length:
                found.add((begun, False))
            elif times >= low:
                found.add((begun, True))
        so_far = {(begun, ended) for begun, ended in after if ended and len(begun) < length}
        if len(found) > most:
            return None
    return found
