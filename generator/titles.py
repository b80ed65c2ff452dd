"""Titles: a short headline for each proposed event, made from the clause
that reports it.

A title keeps the article's own words for who did what (subject, verb,
object), in about twelve words, and drops what a headline leaves out: the
opening phrase ("Amid celebratory gunfire, ..."), connectives ("However"),
the date (the entry shows it), parentheses, an apposition after a name, a
relative clause. It names the person a pronoun stands for. When the words
run long it ends where a phrase ends, never on "…".
"""

from __future__ import annotations

import re

from generator.clauses import Token, tokens
from generator.reading import Mention, Rules

LIMIT = 12
# A title may end before these words: where a phrase ends.
PHRASE_ENDS = frozenset(
    "in on at for with from to by after before during over amid as despite following including while "
    "and but or which who whom where when because although though since until than into about against "
    "under through between among near across around without within according".split()
)
# Nor may it end on these.
DANGLING = frozenset(
    "a an the of to in on at for with from by and or but that which who whose its his her their our my "
    "your this these those as than into about is are was were be been has have had will would could "
    "should may might must not no according".split()
)
PRONOUNS = {"he", "she"}


def title(
    text: str, rules: Rules, start: int, end: int, cut: list[tuple[int, int]], people: list[Mention], verb_at: int | None = None
) -> str:
    """A headline for text[start:end], leaving out the spans in `cut` (the
    date, clauses that are not the happening's); `verb_at` is where its verb starts."""
    words = [w for w in tokens(text, start, end) if not any(a <= w.start < b for a, b in cut)]
    words = _without_parentheses(words)
    words = _without_opening(words, rules)
    words = _without_apposition(words)
    words = _short_subject(words, verb_at, people)
    words = _without_attribution(words, rules, verb_at)
    if not words:
        return ""
    shown = _named(words, people)
    shown = _shortened(shown)
    return _joined(shown)


def _without_parentheses(words: list[Token]) -> list[Token]:
    kept, depth = [], 0
    for word in words:
        if word.text in "([":
            depth += 1
        elif word.text in ")]" and depth:
            depth -= 1
        elif not depth:
            kept.append(word)
    return kept


def _without_opening(words: list[Token], rules: Rules) -> list[Token]:
    """Leave out an opening phrase up to its comma ("Amid celebratory gunfire,
    ...", "However, ...", "In a surprising move, ...") and connectives."""
    changed = True
    while changed and words:
        changed = False
        while words and (words[0].text in ",;:—–-\"“”'’" or words[0].low in rules.title_connectives):
            words, changed = words[1:], True
        comma = next((i for i, w in enumerate(words[:14]) if w.text == ","), None)
        if comma is not None and words[0].low in rules.title_openers and comma + 1 < len(words):
            words, changed = words[comma + 1 :], True
    return words


def _without_apposition(words: list[Token]) -> list[Token]:
    """'Neil Aspinall, manager of Apple Corps, said' -> 'Neil Aspinall said';
    'The suit, filed in September 2003, claims' -> 'The suit claims': a
    phrase between commas after the subject, when a verb follows it."""
    first = next((i for i, w in enumerate(words[:8]) if w.text == ","), None)
    if first is None or first == 0:
        return words
    opens_with_participle = words[first + 1].low.endswith("ed") if first + 1 < len(words) else False
    if not (words[first - 1].text[:1].isupper() or opens_with_participle):
        return words
    for close in range(first + 1, min(len(words) - 1, first + 18)):
        if words[close].text == "," and words[close + 1].text[:1].islower() and not words[close + 1].low in ("and", "or", "but"):
            return words[:first] + words[close + 1 :]
    return words


def _without_attribution(words: list[Token], rules: Rules, verb_at: int | None) -> list[Token]:
    """Leave out "that" after the verb of speech ("claims that ...") and a
    closing attribution (", according to the agency", ", police said"): the
    entry says whose word it is."""
    if verb_at is not None:
        words = [w for i, w in enumerate(words) if not (w.low == "that" and i and words[i - 1].start <= verb_at < words[i - 1].end)]
    for i, word in enumerate(words):
        if word.text == "," and i > 3 and rules.title_attribution.match(" ".join(w.text for w in words[i + 1 : i + 8])):
            return words[:i]
    return words


def _short_subject(words: list[Token], verb_at: int | None, people: list[Mention]) -> list[Token]:
    """'The co-founder and former chief executive of Apple Inc. Steve Jobs has
    died' -> 'Steve Jobs has died': a long subject gives way to the person it names."""
    if verb_at is None:
        return words
    index = next((i for i, w in enumerate(words) if w.start >= verb_at), None)
    if index is None or index <= 5:
        return words
    named = [p for p in people if p.person and words[0].start <= p.start and p.end <= verb_at]
    if not named:
        return words
    last = named[-1]
    keep = [w for w in words[:index] if last.start <= w.start < last.end]
    return keep + words[index:]


def _named(words: list[Token], people: list[Mention]) -> list[str]:
    """The words as shown, a leading "he" or "she" replaced by the person it
    stands for: the last person named before it."""
    shown = [w.text for w in words]
    if words[0].low in PRONOUNS:
        before = [p for p in people if p.person and p.end <= words[0].start]
        if before:
            shown[0] = before[-1].name
    return shown


def _shortened(shown: list[str]) -> list[str]:
    """At most LIMIT words (punctuation aside), ended where a phrase ends."""
    count = 0
    for i, word in enumerate(shown):
        count += word[:1].isalnum()
        if count > LIMIT:
            break
    else:
        return _trimmed(shown)
    ends = [j for j in range(3, i + 1) if shown[j].lower() in PHRASE_ENDS or shown[j] in ",;:—"]
    stop = ends[-1] if ends else i
    return _trimmed(shown[:stop])


def _trimmed(shown: list[str]) -> list[str]:
    while shown and (shown[-1].lower() in DANGLING or not shown[-1][:1].isalnum() and shown[-1] not in "”)’"):
        shown = shown[:-1]
    return shown


def _joined(shown: list[str]) -> str:
    text = ""
    for word in shown:
        possessive = word in ("'", "’") and text.endswith("s")  # "Apple Corps' suit"
        if text and not (word[:1] in ",.;:!?)”" or word in ("'s", "’s") or possessive or text[-1] in "(“"):
            text += " "
        text += word
    text = _balanced(text)
    return text[:1].upper() + text[1:]


def _balanced(text: str) -> str:
    """Drop a quotation mark left open or closed alone by the cut."""
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    return text


def quote_title(speaker: str, quoted: str) -> str:
    """'Speaker: “words”': the first sentence or clause of the quotation that
    fits, whole, never cut inside a phrase."""
    pieces = re.split(r"(?<=[.!?…])\s+|(?<=[,;:—])\s+|\s+[-–]\s+", quoted.strip())
    best = pieces[0]
    for piece in pieces:
        if len(piece.split()) >= 3:
            best = piece
            break
    words = best.split()
    if len(words) > LIMIT - 2:
        kept = _trimmed(words[: LIMIT - 2])
        best = " ".join(kept)
    best = best.rstrip(",;:—- ")
    speaker = speaker[:1].upper() + speaker[1:]
    return f"{speaker}: “{best}”"
