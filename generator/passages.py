"""Finding a verbatim passage in its source, and marking passages in it.

A quote must appear in its source exactly, except for whitespace: line
breaks and runs of spaces read as one space. The offsets found are into the
source text as written, so the source page can mark the very characters.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from markupsafe import Markup, escape

from generator.model import Span

WORD = re.compile(r"\S+")
BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n\s*")


def normalise(text: str) -> str:
    return " ".join(text.split())


class Locator:
    """Finds passages in one text, whitespace aside."""

    def __init__(self, text: str) -> None:
        self.text = text  # the text itself, not a copy: to tell when a source changed
        self.flat = " ".join(text.split())
        # Where each word starts, in the text and in the flat text: a long
        # source (a transcript, a report) holds hundreds of quotes, and each
        # is placed by a binary search, not by a scan of the text before it.
        # Arrays, not lists: an archive's sources hold hundreds of thousands of words.
        self._starts = array("q", (w.start() for w in WORD.finditer(text)))
        self._flat_starts = array("q", accumulate((len(w) + 1 for w in self.flat.split(" ")[:-1]), initial=0))

    def _original(self, flat_index: int) -> int:
        """The text's offset of the flat text's character at `flat_index`."""
        word = bisect_right(self._flat_starts, flat_index) - 1
        return self._starts[word] + flat_index - self._flat_starts[word]

    def find(self, passage: str) -> Span | None:
        wanted = normalise(passage)
        at = self.flat.find(wanted) if wanted else -1
        if at < 0:
            return None
        return Span(self._original(at), self._original(at + len(wanted) - 1) + 1)

    def longest_prefix(self, passage: str) -> str:
        """The longest start of `passage` that the text does contain, to show
        where a quote stops matching its source."""
        wanted = normalise(passage)
        low, high = 0, len(wanted)
        while low < high:
            middle = (low + high + 1) // 2
            if wanted[:middle] in self.flat:
                low = middle
            else:
                high = middle - 1
        return wanted[:low]


@dataclass(frozen=True)
class Mark:
    span: Span
    anchor: str  # the HTML id of the mark's first fragment
    kind: str  # a CSS class: quote or passage
    links: tuple[tuple[str, str], ...] = ()  # (href, words): what cites it, linked after its last fragment


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of `text`: runs of lines between blank lines."""
    spans, start = [], 0
    for gap in BLANK_LINE.finditer(text):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def marked_paragraphs(text: str, marks: list[Mark], start: int = 0) -> list[Markup]:
    """The text from `start` on as HTML paragraphs with each mark wrapped in
    <mark>, and after each mark the links back to what cites it.

    Marks may span paragraphs, nest or overlap: HTML cannot, so a mark is cut
    into fragments; only its first fragment carries its id, the rest the class
    `continued`, which is how readers of the page see one passage.
    """
    marks = sorted(marks, key=lambda m: (m.span.start, -m.span.end, m.anchor))
    shown = [(max(a, start), b) for a, b in paragraphs(text) if b > start and text[max(a, start):b].strip()]
    last_paragraph = {}
    for number, (p_start, p_end) in enumerate(shown):
        for m in marks:
            if m.span.start < p_end and m.span.end > p_start:
                last_paragraph[m.anchor] = number
    started: set[str] = set()
    html = []
    for number, (p_start, p_end) in enumerate(shown):
        inside = [m for m in marks if m.span.start < p_end and m.span.end > p_start]
        ending = [m for m in inside if m.links and last_paragraph[m.anchor] == number]
        cuts = sorted({p_start, p_end} | {max(p_start, min(p_end, x)) for m in inside for x in (m.span.start, m.span.end)})
        out, open_marks = [], []
        for a, b in zip(cuts, cuts[1:]):
            active = [m for m in inside if m.span.start <= a and m.span.end >= b]
            keep = 0
            while keep < min(len(open_marks), len(active)) and open_marks[keep] is active[keep]:
                keep += 1
            out.append(Markup("</mark>") * (len(open_marks) - keep))
            out += [_links(m) for m in ending if min(m.span.end, p_end) == a]
            for m in active[keep:]:
                if m.anchor in started:
                    out.append(Markup('<mark class="{} continued">').format(m.kind))
                else:
                    started.add(m.anchor)
                    out.append(Markup('<mark id="{}" class="{}">').format(m.anchor, m.kind))
            open_marks = active
            out.append(Markup("<br>\n").join(escape(line) for line in text[a:b].split("\n")))
        out.append(Markup("</mark>") * len(open_marks))
        out += [_links(m) for m in ending if min(m.span.end, p_end) == p_end]
        html.append(Markup("").join(out))
    return html


def _links(mark: Mark) -> Markup:
    return Markup("").join(Markup(' <a class="cited-by" href="{}">{}</a>').format(href, words) for href, words in mark.links)
