"""Quotations in an article, and who said them on what channel.

A quotation is the text between a pair of quotation marks that someone said
or wrote. Words in marks that nobody is said to have said (scare quotes, a
word mentioned as a word) are not quotations. The speaker is found, in turn,
from a transcript's initials, from the sentence that attributes the words,
from a message someone shared, from a name that follows a quotation standing
alone, or from the quotation just before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from generator.reading import Mention, Rules, Sentence, initials

NOT_STATED = "not stated in the article"
# A speaker the article describes rather than names: "one U.S. official".
DESCRIBED = re.compile(r"(?:an?|the|one|another|two|three|several|some|many|other)\s[\w .’'-]{2,60}", re.IGNORECASE)


@dataclass(frozen=True)
class Quotation:
    start: int  # the quoted words, inside the marks
    end: int
    text: str
    speaker: str | None
    channel: str | None
    attribution: int  # where the words are attributed, to tie them to an event
    opened: int  # the opening mark


@dataclass(frozen=True)
class Marked:
    """Text between quotation marks, before deciding whether it is a quotation."""

    start: int
    end: int
    opened: int  # the opening mark's offset


def marked_spans(text: str, rules: Rules, paragraph_starts: list[int]) -> list[Marked]:
    """Pairs of marks. A curly mark pairs by shape, a straight one alternates;
    a quotation left open when the next opens ends at its paragraph's end
    (the convention for a quotation over several paragraphs)."""
    closers = {o: c for o, c in rules.marks}
    any_mark = re.compile("|".join(re.escape(m) for pair in rules.marks for m in dict.fromkeys(pair)))
    found, open_mark, opened = [], None, 0
    for match in any_mark.finditer(text):
        mark, at = match.group(), match.start()
        if open_mark is not None and mark == closers[open_mark]:
            reopened = mark == open_mark and _starts_paragraph(text, at, paragraph_starts) and _paragraph(paragraph_starts, at) > _paragraph(paragraph_starts, opened)
            if not reopened:
                found.append(Marked(opened + len(open_mark), at, opened))
                open_mark = None
                continue
        if mark in closers:
            if open_mark is not None:
                end = paragraph_starts[_paragraph(paragraph_starts, at)] if _paragraph(paragraph_starts, at) > _paragraph(paragraph_starts, opened) else at
                found.append(Marked(opened + len(open_mark), len(text[:end].rstrip()), opened))
            open_mark, opened = mark, at
    return [m for m in found if text[m.start : m.end].strip()]


def _paragraph(starts: list[int], at: int) -> int:
    return max(0, bisect_right(starts, at) - 1)


def _starts_paragraph(text: str, at: int, starts: list[int]) -> bool:
    return not text[starts[_paragraph(starts, at)] : at].strip()


def find(
    text: str,
    rules: Rules,
    sentences: list[Sentence],
    paragraph_spans: list[tuple[int, int]],
    people: list[Mention],
    outlet: str | None,
    marked: list[Marked],
) -> list[Quotation]:
    context = Context(text, rules, sentences, paragraph_spans, people, outlet)
    quotations: list[Quotation] = []
    for m in marked:
        words = text[m.start : m.end]
        if len(words.split()) < rules.min_words or rules.label_before.search(text[max(0, m.opened - 30) : m.opened]):
            continue
        if len(words.split()) <= rules.max_name_words and all(w[:1].isupper() for w in words.strip(" ,.").split()):
            continue
        attributed = context.speaker(m, quotations)
        if attributed is None and _fragment(text, m, context.sentence_of(m.opened)):
            continue
        speaker, channel, at = attributed or (None, None, m.opened)
        if speaker and not channel:
            # A speaker goes on in the channel they were last quoted in.
            earlier = (q.channel for q in reversed(quotations) if q.speaker == speaker)
            channel = next(earlier, NOT_STATED)
        start = m.start + len(words) - len(words.lstrip())
        end = m.end - (len(words) - len(words.rstrip()))
        quotations.append(Quotation(start, end, text[start:end], speaker, channel, at, m.opened))
    return quotations


def _fragment(text: str, m: Marked, sentence: Sentence) -> bool:
    """Words in marks inside a sentence of the article's own, not opening a
    sentence or following a colon: scare quotes unless someone is said to
    have said them."""
    words = text[m.start : m.end].strip()
    before = text[sentence.start : m.opened].rstrip()
    opens = not before or before.endswith((":", ",")) or words[:1].isupper()
    return not opens


class Context:
    """What the speaker of a quotation is read from: the sentences around it,
    the people named before it, and the quotations already attributed."""

    def __init__(self, text, rules: Rules, sentences, paragraph_spans, people, outlet):
        self.text, self.rules, self.sentences = text, rules, sentences
        self.paragraphs = paragraph_spans
        self.people = [p for p in people if p.person]
        self.named = people
        self.outlet = outlet
        self.sentence_starts = [s.start for s in sentences]
        self.channels = [
            (name.replace("{outlet}", (outlet or "the outlet").replace("{", "{{")), re.compile(pattern.replace("{outlet}", re.escape(outlet or "\0"))))
            for name, pattern in rules.channels
        ]

    def sentence_of(self, at: int) -> Sentence:
        return self.sentences[max(0, bisect_right(self.sentence_starts, at) - 1)]

    def paragraph_of(self, at: int) -> int:
        return max(0, bisect_right([a for a, _ in self.paragraphs], at) - 1)

    def last_person(self, before: int, after: int = 0) -> Mention | None:
        found = [p for p in self.people if after <= p.start and p.end <= before and not p.possessive]
        return found[-1] if found else None

    def channel(self, *spans: tuple[int, int]) -> str | None:
        for a, b in spans:
            for name, pattern in self.channels:
                if found := pattern.search(self.text, a, b):
                    return name.format(**found.groupdict())
        return None

    def speaker(self, m: Marked, earlier: list[Quotation]) -> tuple[str | None, str | None, int] | None:
        """(speaker, channel, where attributed), or None when nobody is said to speak."""
        for way in (self._transcript, self._message, self._in_sentence, self._named_after, self._continued):
            found = way(m, earlier)
            if found:
                return found
        return None

    def _spans_around(self, at: int, speaker: str | None = None) -> tuple[tuple[int, int], ...]:
        """The sentence that attributes the words, then the sentences of its
        paragraph before it, back to one that names someone else."""
        index = bisect_right(self.sentence_starts, at) - 1
        spans = [(self.sentences[index].start, self.sentences[index].end)]
        paragraph = self.sentences[index].paragraph
        while index > 0 and self.sentences[index - 1].paragraph == paragraph:
            index -= 1
            sentence = self.sentences[index]
            named = {p.name for p in self.people if sentence.start <= p.start < sentence.end}
            if named - {speaker}:
                break
            spans.append((sentence.start, sentence.end))
        return tuple(spans)

    def _transcript(self, m, earlier):
        line_start = self.text.rfind("\n", 0, m.opened) + 1
        turn = self.rules.transcript_turn.match(self.text, line_start)
        if not turn or turn.end() != m.opened:
            return None
        wanted = turn.group("initials")
        candidates = [(n.start, n.text) for n in self.named if n.end <= line_start]
        if self.outlet:
            candidates += [(o.start(), self.outlet) for o in re.finditer(re.escape(self.outlet), self.text[:line_start])]
        for at, name in sorted(candidates, reverse=True):
            if initials(name) == wanted:
                person = next((p.name for p in self.people if p.start == at), name)
                return person, self.channel(*self._spans_around(at, person)), at
        return None

    def _message(self, m, earlier):
        if not self.rules.message_pronoun.match(self.text, self._after(m)[0]):
            return None
        shared = [s for s in self.rules.shared_message.finditer(self.text, 0, m.opened)]
        if not shared:
            return None
        share = shared[-1]
        sharer = self.last_person(share.start())
        author = share.group("author").strip()
        relation = self.rules.relation.match(author)
        if relation and sharer:
            author = f"a {relation.group('relation')} of {sharer.name}"
        channel = share.group("channel") or self.channel(*self._spans_around(share.start()))
        by = f", a message shared by {sharer.name}" if sharer else ""
        return author, f"{channel}{by}" if channel else None, share.start()

    def _after(self, m: Marked) -> tuple[int, int]:
        """The words after the closing mark, to the end of that sentence."""
        close = m.end + 1
        while close < len(self.text) and self.text[close] in "”'\"`":
            close += 1
        return close, max(close, self.sentence_of(close).end)

    def _in_sentence(self, m, earlier):
        sentence = self.sentence_of(m.opened)
        close, end = self._after(m)
        verb = self.rules.speech_verbs.search(self.text, close, min(end, close + 90))
        if verb:
            # "..., she said" or "..., said Jane Doe, an analyst": the speaker
            # stands between the quotation and the verb, or right after it.
            if self.text[close : verb.start()].strip(" ,\n\t"):
                found = self._speaker_in(close, verb.start(), nearest="end", described=True)
            else:
                phrase_end = re.compile(r"[,;:!?]|$").search(self.text, verb.end(), end).start()
                found = self._speaker_in(verb.end(), phrase_end, nearest="start", described=True)
            if found:
                return found[0], self.channel(*self._spans_around(sentence.start, found[0])), found[1]
        before = self.text[sentence.start : m.opened]
        verbs = list(self.rules.speech_verbs.finditer(before))
        if not verbs:
            return None
        verb_at = sentence.start + verbs[-1].start()
        # The subject: a person named before the verb, else the words between
        # the last comma and the verb ("In a statement, the White House said").
        subject = self.text.rfind(",", sentence.start, verb_at) + 1 or sentence.start
        found = self._speaker_in(sentence.start, verb_at, nearest="end", described=False) or self._speaker_in(
            subject, verb_at, nearest="end", described=True
        )
        if found:
            return found[0], self.channel(*self._spans_around(m.opened, found[0])), found[1]
        return None

    def _speaker_in(self, start: int, end: int, nearest: str, described: bool) -> tuple[str, int] | None:
        """Who text[start:end] names as the speaker, and where: a pronoun's
        person, else the person named nearest the verb, else (when the span
        is only the subject) an organisation or a description such as "one
        U.S. official"."""
        words = self.text[start:end].strip(" ,\n\t")
        if not words:
            return None
        pronouns = list(re.finditer(r"\b(?:he|she)\b", self.text[start:end], re.IGNORECASE))
        people = [p for p in self.people if start <= p.start and p.end <= end]
        if pronouns and (not people or start + pronouns[-1].start() > people[-1].start):
            person = self.last_person(start + pronouns[-1].start())
            return (person.name, start + pronouns[-1].start()) if person else None
        if people:
            person = people[-1] if nearest == "end" else people[0]
            return person.name, person.start
        if not described or len(words.split()) > 6:
            return None
        if DESCRIBED.fullmatch(words) and not re.search(r"\band\b", words):
            return words.rstrip("."), start + self.text[start:end].index(words)
        named = [n for n in self.named if start <= n.start and n.end <= end]
        return (named[0].name, named[0].start) if named else None

    def _named_after(self, m, earlier):
        paragraph = self.paragraph_of(m.opened)
        p_start, _ = self.paragraphs[paragraph]
        if self.text[p_start : m.opened].strip() or paragraph + 1 >= len(self.paragraphs):
            return None
        n_start, _ = self.paragraphs[paragraph + 1]
        if not self.rules.named_after.match(self.text, n_start):
            return None
        first = self.sentence_of(n_start)
        person = next((p for p in self.people if first.start <= p.start < first.end), None)
        return (person.name, self.channel((first.start, first.end)), person.start) if person else None

    def _continued(self, m, earlier):
        """The speaker of the quotation just before, in this paragraph or the one before."""
        if not earlier or earlier[-1].speaker is None:
            return None
        last = earlier[-1]
        if self.paragraph_of(m.opened) - self.paragraph_of(last.end) > 1:
            return None
        between = self.text[last.end : m.opened]
        if any(p.person and p.name != last.speaker for p in self.people if last.end <= p.start < m.opened) and self.rules.speech_verbs.search(between):
            return None
        return last.speaker, last.channel, last.attribution
