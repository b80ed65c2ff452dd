"""Quotations in an article, and who said them on what channel.

A quotation is the text between a pair of quotation marks that someone said
or wrote. Words in marks that nobody is said to have said (scare quotes, a
term, a title, a word mentioned as a word) are not quotations, and a phrase of
a few words is one only when a verb of speech in its sentence gives it to
someone ("called the market's reaction "justified"").

Each sentence is read once, in order, for whom it is about (its subject) and
who speaks in it (the subject of each verb of speech, before the verb or after
it: "…," said Jane Doe), with "he", "it", "the company" and "the president"
resolved to whom they stand for. A quotation's speaker is then found, in turn,
from a transcript's initials, from a message someone shared, from the verb of
speech of its own sentence, from a sentence that introduces the words with a
comma, colon or dash, from a name that follows a quotation standing alone, or
from whoever spoke last, a sentence or two before.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cached_property

from generator.clauses import load_verbs
from generator.reading import MID_SENTENCE_CAPITAL, Mention, Rules, Sentence, dominant, initials, pronoun_by_title, title_ways
from generator.spans import ByStart, inside, pairs

NOT_STATED = "not stated in the article"
PERSON, BODY, DESCRIBED = "person", "body", "described"
UNKNOWN = "unknown"  # "they said", "she said" with no one to stand for: someone speaks, we cannot say who
ASKER = "someone asking"  # an UNKNOWN actor's name: "he was asked, "…?"", put to him by someone the text does not name
WORD = re.compile(r"[\w’'.&-]+")
SEGMENT_BREAK = re.compile(r",[\"”'’]*\s|;|:|\s--\s?|\s—\s?|—|\s_\s")
OF = ("of", "to", "for")
OWNERS = ("its", "their", "his", "her", "our")
AUTHOR = re.compile(r"\s*,?\s*(?:(?:written|signed|sent|issued|released|drafted|posted)\s+)?(?:from|by)\s+")  # a description goes on through these: "the ambassador to Greece"
HARD_BREAK = re.compile(r";|:\s|\s--\s?|\s—\s?|\s_\s")
NEW_CLAUSE = re.compile(r";")
PRONOUN = re.compile(r"(?:he|she|it|they|we|i)\b", re.IGNORECASE)
OWNER_PRONOUNS = {"his": "he", "her": "she", "their": "they"}
QUOTE_MARK = "\"“”`'’"
# What a subject is read past, besides the words that open a clause: a run at once (a quotation's blanked words are a long one).
MARKS_AND_SPACES = re.compile("[" + re.escape(QUOTE_MARK + " \t\n,;:()-—_?!.") + "]*")
BACK = 6  # sentences a pronoun or a continued quotation looks back
ROLE_REACH = 40  # people named back that "the coach" looks through for "coach Bruce Boudreau"


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


@dataclass(frozen=True)
class Actor:
    """Whom a clause names as its subject: a person, a body (a company, a
    government, a paper), or someone it describes ("a Sun spokesman")."""

    name: str
    kind: str  # PERSON, BODY, DESCRIBED or UNKNOWN
    at: int
    body: str | None = None  # the body it is or speaks for ("a Sun spokesman": Sun)
    document: str | None = None  # "The invitation reads": the text the words come in
    plural: bool = False


@dataclass(frozen=True)
class Found:
    speaker: str | None
    channel: str | None
    at: int
    governed: bool  # a verb of speech (or a transcript, a message) in its own sentence gives the words


PRONOUN_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:said|says|added|acknowledged|noted|told \w+)\s+(?:that\s+)?(he|she)\b", re.IGNORECASE)
AGE = re.compile(r"\d{1,3}-year-old")
AGED = re.compile(r",\s*\d{1,3}[,.]")  # "The Sweden forward, 24, said"
# (The letter first, so that the engine passes over what is none at once; the look-behind then checks what precedes it.)
LOWER_WORD = re.compile(r"[a-z](?<![\w’'-][a-z])[\w’'-]*")
WORD_PARTS = re.compile(r"[-’']")
BY = re.compile(r"\s+by\s+", re.IGNORECASE)
CLEFT = re.compile(r"\s+(?:was|is)\s+", re.IGNORECASE)
CLEFT_RELATIVE = re.compile(r",?\s+(?:who|that)\b", re.IGNORECASE)
WITH = re.compile(r"\bwith\s+", re.IGNORECASE)
SAID_IN = re.compile(r"\b(?:in|issued|released|sent)\s+(?:a|an|its|their|the)\s+(?P<text>[\w-]+(?:\s+[\w-]+)?)", re.IGNORECASE)  # "in a (joint) statement"
SIGNATURE = re.compile(r"[ \t]+(?:—|–|--?)[ \t]*")  # '"…" — Jane Doe'
NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")  # a channel's named group, "(?P<outlet>", made a plain one where only whether it matches counts
SHARED_HEAD = re.compile(r"and\s+[A-Z][\w’'-]*\s+(?P<next>[a-z][\w’'-]*)")  # "the Russian and Syrian defense ministries"
SPEAKER_REACH = 25  # words from the closing mark to "said" ("…," X, a fellow at …, and co-author of the study, said)


def marked_spans(text: str, rules: Rules, paragraph_starts: list[int]) -> list[Marked]:
    """Pairs of marks. A curly mark pairs by shape, a straight one alternates;
    a quotation left open when the next opens ends at its paragraph's end
    (the convention for a quotation over several paragraphs)."""
    closers: dict[str, set[str]] = {}
    for o, c in rules.marks:
        closers.setdefault(o, set()).add(c)
    any_mark = re.compile("|".join(re.escape(m) for m in sorted({m for pair in rules.marks for m in pair}, key=len, reverse=True)))
    found, open_mark, opened = [], None, 0
    for match in any_mark.finditer(text):
        mark, at = match.group(), match.start()
        if open_mark is not None and mark in closers[open_mark]:
            reopened = mark == open_mark and _starts_paragraph(text, at, paragraph_starts) and _paragraph(paragraph_starts, at) > _paragraph(paragraph_starts, opened)
            if not reopened:
                found.append(Marked(opened + len(open_mark), at, opened))
                open_mark = None
                continue
        if mark in closers:
            if open_mark is not None:
                end = paragraph_starts[_paragraph(paragraph_starts, at)] if _paragraph(paragraph_starts, at) > _paragraph(paragraph_starts, opened) else at
                found.append(Marked(opened + len(open_mark), _before_space(text, end), opened))
            open_mark, opened = mark, at
    found += _single_marked(text, found)
    return sorted((m for m in found if text[m.start : m.end].strip()), key=lambda m: m.opened)


def _single_marked(text: str, found: list[Marked]) -> list[Marked]:
    """Words in single marks, as British outlets quote: curly ones (‘…’),
    and straight ones ('…') in an article that has no double marks at all.
    A mark before a word opens; the one that closes is the first that ends a
    sentence or a clause (",’", "’."), not the apostrophe of "don’t" or
    "workers’ rights"; failing that, the first after a word before a space
    in the same sentence (‘distraught’ and)."""
    taken = pairs((m.opened, m.end) for m in found)
    straight = not found and not DOUBLE_MARK.search(text)
    spans = []
    for opening in (SINGLE_OPEN_ANY if straight else SINGLE_OPEN).finditer(text):
        at, mark = opening.start(), opening.group()
        if inside(taken, at) or spans and at < spans[-1].end:
            continue
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        close, word_end = CLOSING[mark]
        closing = close.search(text, opening.end(), line_end)
        sentence_end = SENTENCE_STOP.search(text, opening.end(), line_end)
        if closing is None or sentence_end is not None and closing.start() > sentence_end.end():
            closing = word_end.search(text, opening.end(), sentence_end.end() if sentence_end else line_end) or closing
        if closing is not None:
            spans.append(Marked(opening.end(), closing.start(), at))
    return spans


# A single mark that opens, at the text's start or after a space, a bracket or a dash. (Sought through the
# whole text: the mark first, so that the engine skips from mark to mark; the look-behind then checks what precedes.)
SINGLE_OPEN = re.compile(r"‘(?<![^\s(—–-]‘)(?=\w)")
SINGLE_OPEN_ANY = re.compile(r"[‘'](?<![^\s(—–-][‘'])(?:(?<=‘)(?=\w)|(?<=')(?=[A-Za-z]))")


def _closing(mark: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The closing single mark that ends a sentence or a clause, and the one
    after a word before a space (the fallback)."""
    return (re.compile(rf"(?<=[.,!?]){mark}|{mark}(?=[,.;:!?)]|\s*$)", re.MULTILINE), re.compile(rf"(?<=[a-z]){mark}(?=\s)"))


CLOSING = {"‘": _closing("’"), "'": _closing("'")}  # by the opening mark
SENTENCE_STOP = re.compile(r"[.!?](?=\s)")
DOUBLE_MARK = re.compile(r"[\"“”]")


def _paragraph(starts: list[int], at: int) -> int:
    return max(0, bisect_right(starts, at) - 1)


def _before_space(text: str, end: int) -> int:
    """len(text[:end].rstrip()), without copying the text up to `end`: this
    runs for many places in a long text."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


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
    if not marked or not sentences:
        return []
    context = Context(text, rules, sentences, paragraph_spans, people, outlet, marked)
    quotations: list[Quotation] = []
    for m in marked:
        words = text[m.start : m.end]
        count = len(words.split())
        if context.not_words(m, count):
            continue
        found = context.speaker(m, quotations)
        if not (found and found.governed):
            if count <= rules.fragment_words and not (found and _sentence_of_its_own(text, m, context.sentence_of(m.opened))):
                continue  # a scare quote or a term: nobody is said to say it
            if found is None and count < rules.long_fragment_words and _fragment(text, m, context.sentence_of(m.opened)):
                continue
        speaker, channel, at = (found.speaker, found.channel, found.at) if found else (None, None, m.opened)
        if speaker and cut_phrase(speaker, rules):
            speaker = None  # a phrase cut before its head is no one: better unnamed than a fragment shown as a speaker
        if speaker and not channel:
            # A speaker goes on in the channel they were last quoted in.
            earlier = (q.channel for q in reversed(quotations) if q.speaker == speaker)
            channel = next(earlier, NOT_STATED)
        start = m.start + len(words) - len(words.lstrip())
        end = m.end - (len(words) - len(words.rstrip()))
        quotations.append(Quotation(start, end, text[start:end], speaker, channel, at, m.opened))
    return quotations


GERUND = re.compile(r"(?<![\w’'-])(?![a-z]*thing$)[a-z]{3,}ing$")  # not "king", "being", "something"


def cut_phrase(words: str, rules: Rules) -> bool:
    """Whether a speaker's words stop before the head of their phrase: on a
    determiner, a preposition, a possessive or a verb in -ing."""
    last = GERUND.search(words)
    return bool(rules.cut_phrase_end.search(words) or last and last.group() not in rules.ing_nouns)


def _sentence_of_its_own(text: str, m: Marked, sentence: Sentence) -> bool:
    """"“The ovens are cold,” he said. “Nobody comes.”": a short quotation
    that is a whole sentence, going on from the one before."""
    words = text[m.start : m.end].strip()
    return words[:1].isupper() and words[-1:] in ".!?…" and not text[sentence.start : m.opened].strip()


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
    who each is about and who speaks in it, and the quotations already
    attributed."""

    def __init__(self, text, rules: Rules, sentences, paragraph_spans, named, outlet, marked: list[Marked]):
        self.text, self.rules, self.sentences = text, rules, sentences
        self.paragraphs = paragraph_spans
        self.paragraph_starts = [a for a, _ in paragraph_spans]
        self.named = named
        self.named_at = {n.start: n for n in named}
        self.named_starts = [n.start for n in named]
        self.people = [p for p in named if p.person]
        # The same, looked up by where they start, so a quotation's reading stays linear in the text.
        self.people_at = ByStart(self.people)
        self.people_ends = [p.end for p in self.people]  # in order too: mentions do not overlap
        self.named_index = ByStart(named)
        self.outlet = outlet
        self.outlet_ends = [o.end() for o in re.finditer(re.escape(outlet), text)] if outlet else []
        self.sentence_starts = [s.start for s in sentences]
        self.masked = self._masked(marked)
        # Where a quotation that ends in a comma, "?" or "!" closes: the clause
        # after it is the attribution ("…," said X; "…?" asked X).
        self.clause_closes = sorted(
            self._close(m) for m in marked if self.text[m.start : m.end].rstrip()[-1:] in ",?!"
        )
        # A word capitalised only where it opens a sentence, and met in
        # lower case elsewhere, is no name: "Operating revenue surged",
        # "Profit also suffered" (not "Hewlett announced").
        # Who is "he" and who is "she", as the article tells it ("Hawk Sawyer
        # said she couldn't comment"): a pronoun never stands for one told the other.
        self.pronoun_of = {}
        for person in self.people:
            told = PRONOUN_AFTER.match(self.masked, person.end)
            if told and not person.possessive:
                self.pronoun_of.setdefault(person.name, told.group(1).lower())
            elif by_title := pronoun_by_title(person, rules):
                self.pronoun_of.setdefault(person.name, by_title)  # "Mr Mugabe", "Queen Elizabeth": the title tells
        self.inner_capitals = {part for word in MID_SENTENCE_CAPITAL.findall(self.masked) for part in WORD_PARTS.split(word)}
        self.lower_words = set(LOWER_WORD.findall(self.masked))
        self.acronyms = {
            a.start(): a.end() for a in rules.acronym.finditer(self.masked) if a.group() not in rules.not_acronyms
        }
        self.acronym_starts = list(self.acronyms)  # in order, to find the first in a stretch by bisection
        self.channels = [
            (name.replace("{outlet}", (outlet or "the outlet").replace("{", "{{")), re.compile(pattern.replace("{outlet}", re.escape(outlet or "\0"))))
            for name, pattern in rules.channels
        ]
        # (All the channels in one pattern tell at once the many stretches that name none: each is then passed over.)
        self.any_channel = re.compile("|".join(f"(?:{NAMED_GROUP.sub('(?:', p.pattern)})" for _, p in self.channels))
        # Each sentence, in order: whom it is about, who speaks in it (the
        # verb's span and its subject), and the body most recently its subject.
        self.subjects: list[Actor | None] = []
        self.speech: list[list[tuple[int, int, Actor | None]]] = []
        self.topic: list[str | None] = []
        # (Sentences after the last quotation's attribute nothing: not read.)
        last = self.sentence_index(max(self._close(m) for m in marked))
        for index in range(min(len(sentences), last + 2)):
            self._read(index)

    # -- the text, with the quoted words blanked -------------------------------

    def _masked(self, marked: list[Marked]) -> str:
        """The text with the words inside marks blanked (their closing comma or
        full stop kept, to keep the sentence's shape), so that no verb, name or
        channel is read from inside a quotation; and with the commas that only
        join a name's parts ("Rockford, Ill., maker") blanked too."""
        chars = list(self.text)
        for m in marked:
            inner = self.text[m.start : m.end]
            chars[m.start : m.end] = re.sub(r"[^\n]", " ", inner)
            kept = inner.rstrip()
            if kept[-1:] in ",.;:?!":
                chars[m.start + len(kept) - 1] = kept[-1]
        masked = "".join(chars)
        for pattern in (self.rules.state_after, self.rules.joined_by_comma):
            for found in pattern.finditer(masked):
                chars[found.start()] = " "
                after = found.end()
                if pattern is self.rules.state_after and masked[after : after + 1] == ",":
                    chars[after] = " "
        return "".join(chars)

    def sentence_of(self, at: int) -> Sentence:
        return self.sentences[self.sentence_index(at)]

    def sentence_index(self, at: int) -> int:
        return max(0, bisect_right(self.sentence_starts, at) - 1)

    def paragraph_of(self, at: int) -> int:
        return _paragraph(self.paragraph_starts, at)

    # -- whether marks hold someone's words at all -----------------------------

    def not_words(self, m: Marked, count: int) -> bool:
        """A label, a term or a title in marks rather than someone's words."""
        near = self.text[max(0, m.opened - 30) : m.opened]
        if self.rules.label_before.search(near):
            return True
        label = self.rules.short_label_before.search(near) if count <= self.rules.fragment_words else None
        if label and not self._characterised(m.opened - len(near) + label.start(), m.opened):
            return True
        words = self.text[m.start : m.end].strip()
        bare = [w.strip(",.;:!?…'\"") for w in words.split()]
        titled = bare and bare[0][:1].isupper() and all(w[:1].isupper() or w.lower() in self.rules.title_small_words for w in bare if w)
        if not titled or count > self.rules.max_title_words:
            return False
        # ""Absolutely," he said.": a sentence of its own, not a name.
        sentence = self.sentence_of(m.opened)
        before = self.text[sentence.start : m.opened].rstrip()
        opens = not before or before.endswith(":")
        return not (opens and words[-1:] in ",.!?…")

    def _characterised(self, label_at: int, opened: int) -> bool:
        """"Police described the scene as "horrific."": "as" after the object
        of a verb of speech gives someone's word, not a label."""
        if not self.masked[label_at:opened].strip().lower().startswith("as"):
            return False
        sentence = self.sentence_of(opened)
        verbs = list(self.rules.characterising.finditer(self.masked, max(sentence.start, label_at - 60), label_at))
        return bool(verbs) and 1 <= len(self._words(verbs[-1].end(), label_at)) <= 5

    # -- who speaks ------------------------------------------------------------

    def speaker(self, m: Marked, earlier: list[Quotation]) -> Found | None:
        for way in (self._transcript, self._message, self._by_verb, self._introduced, self._named_after, self._signed, self._continued):
            found = way(m, earlier)
            if found:
                return found
        return None

    def _by_verb(self, m: Marked, earlier) -> Found | None:
        """The verb of speech of the quotation's sentence: the last one before
        the words ("Gen. Lee said the reports were "bogus.""), else the first
        after them ("…," said Jane Doe; "…" such as X, said an analyst)."""
        index = self.sentence_index(m.opened)
        close = self._close(m)
        after = self.sentence_index(max(m.opened, close - 1))
        before = [v for v in self.speech[index] if v[1] <= m.opened]
        if before and before[-1][2] is not None and before[-1][2].name == ASKER and self.masked[before[-1][1] : m.opened].strip(" ,:" + QUOTE_MARK) == "":
            # 'When he was asked, "Will you keep saying that?" Ishiba responded': the question put to him is not his.
            return self._found(index, before[-1][2], governed=True)
        named_after = None
        for start, _, actor in self.speech[after]:
            if start >= close and not (actor is not None and actor.name == ASKER):  # ("…," Connolly began, before being asked again)
                # The subject named after the words ("…," said X; "…" X said),
                # not one the words stand in apposition to ("X, in an "initiative" …, announced").
                if actor is not None and actor.at >= close and len(self.masked[close:start].split()) <= SPEAKER_REACH:
                    named_after = self._found(after, actor, governed=True)
                break
        if named_after and self.text[m.start : m.end].rstrip()[-1:] in ",?!" and self._attribution_follows(close, named_after.at):
            # "Microsoft said its focus turns to the U.K. "While we …," President Brad Smith said":
            # words closed by a comma are the ones named after them.
            return named_after
        if before and before[-1][2] is not None and not NEW_CLAUSE.search(self.masked, before[-1][1], m.opened):
            return self._found(index, before[-1][2], governed=True)
        told = before[-1] if before else None
        if named_after is None and told and told[2] is None and not self.masked[told[0] : told[1]].endswith("ing") and self.masked[told[1] : m.opened].strip(" ,:" + QUOTE_MARK) == "":
            # 'His brother said: "We want answers."': said by someone the text does not name here, but said.
            return Found(None, None, told[0], True)
        return named_after

    def _attribution_follows(self, close: int, speaker_at: int) -> bool:
        """Whether the words after a closing mark are an attribution: the verb
        or the speaker's name first, with nothing of a clause before them
        (""…," President Jan Ode said", not ""…," and projected that Acme's …")."""
        words = self._words(close, speaker_at)
        return len(words) <= 4 and all(w.group()[:1].isupper() or self.rules.speech_verbs.fullmatch(w.group()) for w in words)

    def _close(self, m: Marked) -> int:
        """Just after the closing mark."""
        close = m.end
        while close < len(self.text) and self.text[close] in QUOTE_MARK:
            close += 1
        return close

    def _introduced(self, m: Marked, earlier) -> Found | None:
        """"Jobs extended an invitation to the label, "we have always …"",
        "The judge agreed - "I conclude …"": words a sentence introduces with a
        comma, a colon or a dash, and ends with, are its subject's."""
        index = self.sentence_index(m.opened)
        sentence = self.sentences[index]
        before = self.masked[sentence.start : m.opened].rstrip()
        after = self.masked[self._close(m) : sentence.end].strip()
        if after.strip(".,;!?…" + QUOTE_MARK):
            return None
        if (turn := self._turn(sentence.start, m.opened)) is not None:
            return self._found(index, turn, governed=True)
        if not before or before[-1] not in ",:-—–":
            return None
        actor = self.subjects[index]
        if actor is None or actor.at >= m.opened or actor.kind in (DESCRIBED, UNKNOWN):
            person = self.last_person(m.opened, after=sentence.start)
            actor = Actor(person.name, PERSON, person.start) if person else None
        return self._found(index, actor, governed=False) if actor else None

    def _turn(self, start: int, opened: int) -> Actor | None:
        """"Wechsler on Thursday: "…"", "Wechsler ``…''": a name, perhaps with
        when, and then the words, as a transcript sets out who speaks."""
        a = self._skip(start, opened)
        person = self.named_at.get(a)
        if person is None or not person.person or person.possessive:
            return None
        rest = [w.group() for w in self._words(person.end, opened)]
        when = all(w[:1].isupper() or w.isdigit() or w.lower() in ("on", "in", "at", "yesterday", "today", "last", "this", "late", "early") for w in rest)
        return Actor(person.name, PERSON, person.start) if when else None

    def _found(self, index: int, actor: Actor, governed: bool) -> Found:
        if actor.kind == UNKNOWN:
            return Found(None, None, actor.at, governed)
        channel = self.channel_for(index, actor)
        if channel is None and actor.document:
            channel = actor.document
        return Found(actor.name, channel, actor.at, governed)

    def _continued(self, m: Marked, earlier) -> Found | None:
        """Words with no verb of their own are the last speaker's: the one
        quoted just before, or the one said to speak a sentence or two before
        ("Howard said the queen takes an interest. "She is …""), not a name
        merely mentioned since."""
        index = self.sentence_index(m.opened)
        latest, floor = None, -1
        if earlier and earlier[-1].speaker is not None:
            last = earlier[-1]
            near = self.paragraph_of(m.opened) - self.paragraph_of(last.end) <= 1 and index - self.sentence_index(last.end) <= 3
            if near:
                latest = (last.end, Found(last.speaker, last.channel, last.attribution, False))
                floor = self.sentence_index(last.end)  # its own attribution ("…," it read.) is no one else's speech
        for i in range(index, max(floor, index - 3), -1):
            if self.paragraph_of(self.sentences[i].start) < self.paragraph_of(m.opened) - 1:
                break
            spoken = [(s, a) for s, _, a in self.speech[i] if a is not None and s < m.opened]
            if spoken:
                at, actor = spoken[-1]
                if latest is None or at > latest[0]:
                    latest = (at, self._found(i, actor, governed=False))
                break
        return latest[1] if latest else self._paragraph_before(m)

    def _paragraph_before(self, m: Marked) -> Found | None:
        """A paragraph that is one quotation, with no one said to speak
        near it, is the words of the person the paragraph before is about
        ("Lena Ruiz won in straight sets. ¶ "I felt ready today.""), as news
        sets out a speaker and then their words."""
        paragraph = self.paragraph_of(m.opened)
        p_start, p_end = self.paragraphs[paragraph]
        words = self.text[m.start : m.end].rstrip(" " + QUOTE_MARK)
        if paragraph == 0 or self.text[p_start : m.opened].strip() or self.text[self._close(m) : p_end].strip() or words[-1:] not in ".!?…":
            return None
        index = self.sentence_index(p_start) - 1
        if index < 0 or index >= len(self.subjects) or self.paragraph_of(self.sentences[index].start) != paragraph - 1:
            return None
        actor = self.subjects[index]
        return self._found(index, actor, governed=False) if actor and actor.kind == PERSON else None

    def _transcript(self, m, earlier):
        line_start = self.text.rfind("\n", 0, m.opened) + 1
        turn = self.rules.transcript_turn.match(self.text, line_start)
        if not turn or turn.end() != m.opened:
            return None
        wanted = turn.group("initials")
        # The last name before the line with those initials, or the outlet's last mention there.
        candidates = []
        named, ends = self._by_initials.get(wanted, ((), ()))
        if i := bisect_right(ends, line_start):
            candidates.append((named[i - 1].start, named[i - 1].text))
        if self.outlet and initials(self.outlet) == wanted and (i := bisect_right(self.outlet_ends, line_start)):
            candidates.append((self.outlet_ends[i - 1] - len(self.outlet), self.outlet))
        if not candidates:
            return None
        at, name = max(candidates)
        person = next((p.name for p in self.people_at.between(at, at + 1)), name)
        return Found(person, self.channel(*self._spans_around(at, person)), at, True)

    @cached_property
    def _by_initials(self) -> dict[str, tuple[list[Mention], list[int]]]:
        """The names by their initials ("AA" for "Abdulkafi Al-Hamdo"), each
        in order with where they end: what a transcript's turns are marked with."""
        found: dict[str, tuple[list[Mention], list[int]]] = {}
        for n in self.named:
            named, ends = found.setdefault(initials(n.text), ([], []))
            named.append(n)
            ends.append(n.end)
        return found

    def _message(self, m, earlier):
        if not self.rules.message_pronoun.match(self.text, self._close(m)):
            return None
        share = self._last_shared(m.opened)
        if share is None:
            return None
        sharer = self.last_person(share.start())
        author = share.group("author").strip()
        relation = self.rules.relation.match(author)
        if relation and sharer:
            author = f"a {relation.group('relation')} of {sharer.name}"
        channel = share.group("channel") or self.channel(*self._spans_around(share.start()))
        by = f", a message shared by {sharer.name}" if sharer else ""
        return Found(author, f"{channel}{by}" if channel else None, share.start(), True)

    def _last_shared(self, before: int) -> re.Match[str] | None:
        """The last "shared a message from …" in the text cut at `before`: as
        the whole text's, up to the first of those that runs past the cut,
        which the cut may shorten (or, cut, let one inside it match); only
        from there is the cut text read again, not from its start."""
        found, ends = self._shared_messages
        i = bisect_right(ends, before)
        again = list(self.rules.shared_message.finditer(self.text, found[i].start(), before)) if i < len(found) else []
        return again[-1] if again else found[i - 1] if i else None

    @cached_property
    def _shared_messages(self) -> tuple[list[re.Match[str]], list[int]]:
        """Every "shared a message from …" in the whole text, and where each ends."""
        found = list(self.rules.shared_message.finditer(self.text))
        return found, [s.end() for s in found]

    def _named_after(self, m, earlier):
        paragraph = self.paragraph_of(m.opened)
        p_start, _ = self.paragraphs[paragraph]
        if self.text[p_start : m.opened].strip() or paragraph + 1 >= len(self.paragraphs):
            return None
        n_start, _ = self.paragraphs[paragraph + 1]
        if not self.rules.named_after.match(self.text, n_start):
            return None
        first = self.sentence_of(n_start)
        person = next(iter(self.people_at.between(first.start, first.end)), None)
        return Found(person.name, self.channel((first.start, first.end)), person.start, False) if person else None

    def _signed(self, m, earlier):
        """'"…" — Jane Doe, chief executive of Acme': words signed with a dash
        and the name of the one who said them."""
        dash = SIGNATURE.match(self.text, self._close(m))
        person = next(iter(self.people_at.between(dash.end(), dash.end() + 1)), None) if dash else None
        if person is None or person.possessive:
            return None
        return Found(person.name, None, person.start, False)

    # -- channels ---------------------------------------------------------------

    def channel(self, *spans: tuple[int, int]) -> str | None:
        for a, b in spans:
            if not self.any_channel.search(self.masked, a, b):
                continue
            for name, pattern in self.channels:
                if found := pattern.search(self.masked, a, b):
                    return name.format(**found.groupdict())
        return None

    def channel_for(self, index: int, actor: Actor) -> str | None:
        """The channel named in the sentence where the actor speaks, or in the
        sentences just before it in its paragraph that are about the same
        speaker ("Dana Roy posted a video. In it, Roy said: …"); never in
        another speaker's sentence."""
        spans = [(self.sentences[index].start, self.sentences[index].end)]
        paragraph = self.sentences[index].paragraph
        for i in range(index - 1, max(-1, index - 4), -1):
            sentence = self.sentences[i]
            actors = [a for a in [self.subjects[i]] + [a for _, _, a in self.speech[i]] if a is not None]
            if sentence.paragraph != paragraph or not actors or any(a.name != actor.name for a in actors):
                break
            spans.append((sentence.start, sentence.end))
        return self.channel(*spans)

    def _spans_around(self, at: int, speaker: str | None = None) -> tuple[tuple[int, int], ...]:
        """The sentence that names the speaker, then the sentences of its
        paragraph before it, back to one that names someone else."""
        index = bisect_right(self.sentence_starts, at) - 1
        spans = [(self.sentences[index].start, self.sentences[index].end)]
        paragraph = self.sentences[index].paragraph
        while index > 0 and self.sentences[index - 1].paragraph == paragraph:
            index -= 1
            sentence = self.sentences[index]
            named = {p.name for p in self.people_at.between(sentence.start, sentence.end)}
            if named - {speaker}:
                break
            spans.append((sentence.start, sentence.end))
        return tuple(spans)

    # -- reading each sentence ------------------------------------------------

    def _read(self, index: int) -> None:
        sentence = self.sentences[index]
        self.subjects.append(None)
        self.speech.append([])
        self.topic.append(self.topic[-1] if self.topic else None)
        subject = self._main_subject(index)
        self.subjects[index] = subject
        if subject and subject.body:
            self.topic[index] = subject.body
        for verb in self.rules.speech_verbs.finditer(self.masked, sentence.start, sentence.end):
            if verb.group()[:1].isupper() and self.masked[sentence.start : verb.start()].strip(QUOTE_MARK + " "):
                continue  # "the United States", not "States" said
            before = self._words(max(sentence.start, verb.start() - 8), verb.start())
            word_before = before[-1].group().lower() if before and before[-1].end() >= verb.start() - 1 else None
            if word_before in self.rules.not_speaking_after:
                continue  # "their claims to a state": a noun
            if word_before in self.rules.passive_after:
                actor = self._agent(verb.end(), sentence.end)  # "was described by Shelter as"
                if actor is None and verb.group().lower() in ("asked", "told"):
                    # ('Ishiba was asked, "Do you feel any guilt?"': the words are put to him by someone the text does not name.)
                    actor = Actor(ASKER, UNKNOWN, verb.start())
                elif actor is None:
                    continue  # "the king was said to be carrying": no one speaks
            else:
                actor = self._subject_of(index, verb.start(), verb.end())
            self.speech[index].append((verb.start(), verb.end(), actor))
            if actor and actor.body:
                self.topic[index] = actor.body
        for text in self.rules.text_that.finditer(self.masked, sentence.start, sentence.end):
            owner = self._owner(text.start(), sentence.start)
            if owner:
                actor = Actor(owner, BODY, text.start(), body=owner, document=text.group("text").lower())
                self.speech[index].append((text.start(), text.end(), actor))
        self.speech[index].sort(key=lambda v: v[0])
        if subject is None:
            # ""Why?" asked Jane Doe.": the sentence is about who speaks in it.
            self.subjects[index] = next((a for _, _, a in self.speech[index] if a is not None and a.kind != UNKNOWN), None)

    def _agent(self, at: int, end: int) -> Actor | None:
        """The one named after "by" right after a passive verb of speech."""
        by = BY.match(self.masked, at, end)
        if by is None:
            return None
        named = next((n for n in self.named_index.between(by.end(), min(end, by.end() + 40)) if not n.possessive), None)
        if named is None or len(self._words(by.end(), named.start)) > 3:
            return None  # ("by homelessness charity Shelter": a few words may describe the one named)
        return Actor(named.name, PERSON if named.person else BODY, named.start, body=None if named.person else named.name)

    def _owner(self, at: int, floor: int) -> str | None:
        """Who a text is from, named just before it: "an Intelogic
        announcement", "Acme's statement"."""
        words = self._words(max(floor, at - 40), at)[-3:]
        for word in reversed(words):
            if word.start() in self.named_at:
                n = self.named_at[word.start()]
                return None if n.person or self._no_name(n) else n.name
            if word.start() in self.acronyms:
                return self.text[word.start() : self.acronyms[word.start()]]
            if word.group().lower() in ("a", "an", "the", "its", "their"):
                break
        return None

    def _segments(self, a: int, b: int) -> list[tuple[int, int]]:
        """text[a:b] cut at its commas, semicolons, colons and dashes."""
        found, start = [], a
        for cut in SEGMENT_BREAK.finditer(self.masked, a, b):
            found.append((start, cut.start()))
            start = cut.end()
        found.append((start, b))
        return found

    def _words(self, a: int, b: int) -> list[re.Match[str]]:
        return list(WORD.finditer(self.masked, a, b))

    def _skip(self, a: int, b: int) -> int:
        """Past the marks, spaces and words like "but", "also" that open a clause."""
        while a < b:
            a = MARKS_AND_SPACES.match(self.masked, a, b).end()
            word = WORD.match(self.masked, a, b)
            if not (word and ((low := word.group().lower()) in self.rules.subject_skips or low.endswith("ly") and a not in self.named_at)):
                break
            a = word.end()
        return a

    def _intro(self, a: int, b: int) -> bool:
        """An opening phrase, not a subject: "In a statement", "Speaking on
        ABC", "held at the request of Russia"."""
        word = WORD.match(self.masked, a, b)
        if not word:
            return True
        w = word.group().lower()
        return w in self.rules.intro_openers or (w.endswith(("ing", "ly")) and a not in self.named_at) or w in self.rules.subordinators or self._participle_phrase(word, b)

    def _participle_phrase(self, word: re.Match[str], b: int) -> bool:
        """"held at the request of Russia", "backed by the army": a past
        participle and its preposition."""
        w = word.group()
        if not w.islower() or not (w.endswith("ed") or w in load_verbs().past_forms):
            return False
        following = WORD.match(self.masked, self._skip_spaces(word.end()), b)
        return bool(following) and following.group() in self.rules.prepositions

    def _with_subject(self, a: int, verb_start: int) -> Actor | None:
        """"…, with Foreign Minister Ayman Sadi warning of …": the one named
        right after "with" speaks with the participle right after the name."""
        found = None
        for found in WITH.finditer(self.masked, a, verb_start):
            pass
        if found is None:
            return None
        named = [n for n in self.named_index.between(found.end(), verb_start) if not n.possessive]
        if not named or self._has_words(found.end(), named[0].start) or self._has_words(named[-1].end, verb_start):
            return None
        return self._named_np(named[0].start, verb_start, head_final=True)

    def _main_subject(self, index: int) -> Actor | None:
        """Whom the sentence is about: the noun phrase that opens its first
        clause, after any opening phrase ("In March, …", "Although he …, Mr. X")."""
        sentence = self.sentences[index]
        dateline = self.rules.dateline.match(self.text, sentence.start)  # "LIMA, 3 May — The party's newspaper called ..."
        for a, b in self._segments(dateline.end() if dateline else sentence.start, sentence.end)[:5]:
            a = self._skip(a, b)
            if a >= b or not self.masked[a:b].strip(QUOTE_MARK + " .,"):
                continue
            if (verb := self.rules.speech_verbs.match(self.masked, a, b)) and not verb.group().endswith("ing"):
                return None  # ""…," said Jane Doe": read with the verb
            if self._intro(a, b):
                continue
            actor = self._np_in(a, b, head_final=False)
            if actor and actor.kind == DESCRIBED:
                # "Another analyst, John C. Maxwell Jr. of Wheat, …": the name.
                actor = self._appositive_name(a, sentence.end) or actor
            return actor
        return None

    def _appositive_name(self, a: int, end: int) -> Actor | None:
        """The person named in the segment after the one at `a`, when that
        segment opens with the name: "Another trapped resident, Ameen al-Halabi,"."""
        cut = SEGMENT_BREAK.search(self.masked, a, end)
        if not cut or not cut.group().startswith(","):
            return None
        after = self._skip(cut.end(), end)
        stop = SEGMENT_BREAK.search(self.masked, after, end)
        people = [p for p in self.people_at.between(after, stop.start() if stop else end) if not p.possessive]
        # (A rank before the name, as "Rear Admiral", is part of it; so is a role, "retired schoolteacher
        # Omar Valdt"; not "a spokesman for Omar Valdt".)
        before = [w.group().lower() for w in self._words(after, people[0].start)] if people else []
        if not people or len(before) > 3 or any(w in self.rules.determiners or w in self.rules.prepositions or w in self.rules.description_ends for w in before):
            return None
        return Actor(people[0].name, PERSON, people[0].start)

    def _subject_of(self, index: int, verb_start: int, verb_end: int) -> Actor | None:
        """Who speaks with the verb at verb_start: the subject before it in its
        clause; the one in apposition ("X, a spokesman, said"); the subject of
        the verb it is joined to ("denounced …, and said"); the one named after
        it ("…," said Jane Doe; "Says Michael Hirsch: …"); or whom the sentence
        is about ("Mr. Baker declined …, but said")."""
        sentence = self.sentences[index]
        if self.masked[verb_start:verb_end].lower().startswith("according"):
            return self._np_after(verb_end, sentence.end)  # "…," according to the report: whose words follow
        if self.masked[verb_start:verb_end].lower().endswith("ing") and (named := self._with_subject(sentence.start, verb_start)):
            return named
        earlier = self.speech[index]
        clause = max(sentence.start, earlier[-1][1] if earlier else sentence.start)
        for cut in HARD_BREAK.finditer(self.masked, clause, verb_start):
            clause = cut.end()
        closes = self.clause_closes[bisect_right(self.clause_closes, clause) : bisect_right(self.clause_closes, verb_start)]
        if closes:
            clause = closes[-1]  # ""…," X said": the clause after the words
        segments = self._segments(clause, verb_start)
        seg_a, b = segments[-1]
        a, relative = self._clause_start(seg_a, b)
        a = self._skip(a, b)
        before_verb = [w.group().lower() for w in self._words(seg_a, verb_start)]
        before_verb = [w for w in before_verb if not (w.endswith("ly") or w in ("also", "later", "again", "still", "even", "yesterday", "today"))]
        if before_verb and before_verb[-1] in ("and", "but", "or", "then", "nor") and earlier:
            # "He said the deal was done and added that …"; when the first verb's subject is unknown,
            # so is this one's, not a phrase of the object ("said it viewed X as … the legal footing … and said").
            return earlier[-1][2]
        if self.masked[verb_start:verb_end].lower().endswith("ing") and not self._has_words(seg_a, verb_start) and len(segments) > 1:
            # "…, stating:", "…, adding that": the participle's subject is the clause's, not a phrase in apposition.
            if earlier and earlier[-1][2] is not None:
                return earlier[-1][2]
            subject = self.subjects[index]
            if subject and subject.at < verb_start:
                return subject
        # "X, a fellow at the institute, and co-author of the study, said": the apposition goes on.
        continuation = len(segments) > 1 and [w.group().lower() for w in self._words(seg_a, b)][:1] == ["and"]
        if a < b and self._has_words(a, b) and not continuation:
            # "… when it argued"; "The firm that bought Acme said": the firm.
            actor = self._np_in(a, b, head_final=True)
            if actor is None and a > seg_a:
                actor = self._np_in(self._skip(seg_a, b), b, head_final=True)
            if actor is None and self._opening_word(seg_a, b) == "which":
                # "Acme's party, which tried to win votes by saying that": the party.
                actor = self._antecedent(seg_a, sentence.start, thing=True)
            if actor is not None and actor.kind == DESCRIBED and not actor.document and len(segments) > 1:
                # ""…," Erik Lund, a physical oceanographer at … told Reuters": the name before the description.
                actor = self._name_alone(*segments[-2]) or actor
            if actor is not None:
                return actor
        elif relative:  # "…, who added": whom the clause before it names; "including a driver who called": the driver
            who = self._words(seg_a, b)[-1].start()
            # (From the phrase's determiner or name: "including | a driver who".)
            start = next((w.start() for w in self._words(seg_a, who) if w.group().lower() in self.rules.determiners or w.group()[:1].isupper()), who)
            before = self._np_in(start, who, head_final=True) if start < who else None
            return before or self._antecedent(seg_a, sentence.start, thing=self._opening_word(seg_a, b) == "which")
        elif len(segments) > 1 and (not self._has_words(seg_a, b) or continuation):
            # "X, a spokesman, said"; "X, who …, said": the phrase opening the clause.
            for k, (s_a, s_b) in enumerate(segments[:-1]):
                s_a = self._skip(s_a, s_b)
                if s_a >= s_b or not self._has_words(s_a, s_b):
                    continue
                if self._intro(s_a, s_b):
                    continue
                if len(self._words(s_a, s_b)) <= 7:
                    actor = self._np_in(s_a, s_b, head_final=True)
                    # "The coach, Eli Marsh, said": the name set off after a description is who it is,
                    # before anyone the description alone would stand for.
                    if actor and actor.kind != BODY and not actor.document and not any(not p.possessive for p in self.people_at.between(s_a, s_b)):
                        actor = self._appositive_name(s_a, verb_start) or actor
                    elif actor and actor.kind == BODY and k == len(segments) - 3:
                        # "MEC for Cooperative Governance, Jacob Mamabolo, said": the office, then who holds it.
                        actor = self._name_alone(*segments[k + 1]) or actor
                    if actor:
                        return actor
                if k + 2 < len(segments) and self._coordinated(segments[k + 1][0], segments[k + 1][1]):
                    continue  # "X has been eager to leave, but General Y, chairman of …, told": Y
                break
        if earlier and earlier[-1][2] is not None:
            return earlier[-1][2]
        if not self._has_words(clause, verb_start):
            return self._np_after(verb_end, sentence.end)
        after = self._np_after(verb_end, sentence.end)
        if after and len(segments) > 1 and not self._has_words(seg_a, b):
            return after  # "… such as spreadsheets, said Michael Slater"
        subject = self.subjects[index]
        return subject if subject and subject.at < verb_start else None

    def _name_alone(self, a: int, b: int) -> Actor | None:
        """The person named by text[a:b] when it holds that name and nothing else."""
        a = self._skip(a, b)
        person = self.named_at.get(a)
        if person is None or not person.person or person.possessive or self._has_words(person.end, b):
            return None
        return Actor(person.name, PERSON, person.start)

    def _opening_word(self, a: int, b: int) -> str | None:
        first = WORD.search(self.masked, a, b)
        return first.group().lower() if first else None

    def _coordinated(self, a: int, b: int) -> bool:
        """Whether text[a:b] opens a clause of its own with "but", "and", "yet"."""
        first = WORD.search(self.masked, a, b)
        return bool(first) and first.group().lower() in ("but", "and", "yet")

    def _has_words(self, a: int, b: int) -> bool:
        return bool(WORD.search(self.masked, a, b))

    def _clause_start(self, a: int, b: int) -> tuple[int, bool]:
        """Where the clause of text[a:b] that runs to b opens: after its last
        subordinating word followed by words ("… when it argued", "which it
        said"); and whether a relative pronoun stands with nothing after it
        ("who added")."""
        words = self._words(a, b)
        for word in reversed(words):
            w = word.group().lower()
            if w in self.rules.subordinators or w in ("who", "which"):
                if self._has_words(word.end(), b):
                    return word.end(), False
                if w in ("who", "which", "that") and word is words[-1]:
                    return b, True
        return a, False

    def _antecedent(self, before: int, floor: int, thing: bool = False) -> Actor | None:
        """The one a relative pronoun stands for: the phrase before it; for
        "which", the last body named there ("the head of the Dialogue Group
        in Turkey, which says": the group, not a person or a place)."""
        segments = self._segments(floor, before)
        for a, b in reversed(segments):
            a = self._skip(a, b)
            if a < b and self.masked[a:b].strip(QUOTE_MARK + " .,"):
                if thing and (body := self._last_body(a, b)) is not None:
                    return body
                return self._np_in(a, b, head_final=True) or self._last_candidate(a, b)
        return None

    def _last_body(self, a: int, b: int) -> Actor | None:
        bodies = [n for n in self.named_index.between(a, b) if not n.person and not n.possessive and not self._no_name(n)]
        bodies = [n for n in bodies if [w.group().lower() for w in self._words(max(a, n.start - 12), n.start)][-1:] != ["in"]]
        return Actor(bodies[-1].name, BODY, bodies[-1].start, body=bodies[-1].name) if bodies else None

    def _last_candidate(self, a: int, b: int) -> Actor | None:
        people = [p for p in self.people_at.between(a, b) if not p.possessive]
        return Actor(people[-1].name, PERSON, people[-1].start) if people else None

    def _np_after(self, a: int, end: int) -> Actor | None:
        """The subject named after its verb: "said Michael Slater, editor of
        …", "worries former adviser Zbigniew Lee", "says one senior official"."""
        a = self._skip(a, end)
        stop = SEGMENT_BREAK.search(self.masked, a, end)
        b = self._segment_end(a, stop.start() if stop else end)
        if a >= b:
            return None
        # "said spokesman Kenneth Bacon", "worries former adviser Zbigniew Lee"
        people = [p for p in self.people_at.between(a, b) if not p.possessive and not self._after_preposition(p.start, a)]
        if people:
            return Actor(people[-1].name, PERSON, people[-1].start)
        first = WORD.match(self.masked, a, b)
        if first and stop and stop.group().startswith(",") and (first.group().lower() in OWNERS or first.group().lower() in self.rules.determiners):
            # "according to its author, Mary Kay Ash", "said another tenant, retired teacher Omar Valdt": the name in apposition to the description.
            after = SEGMENT_BREAK.search(self.masked, stop.end(), end)
            named = self._name_alone(stop.end(), self._segment_end(stop.end(), after.start() if after else end)) or self._appositive_name(a, end)
            if named is not None:
                return named
        if not first or not (first.group()[:1].isupper() or first.group().lower() in self.rules.determiners):
            return None
        return self._np_in(a, b, head_final=True)

    def _segment_end(self, a: int, b: int) -> int:
        """b, moved back over the spaces, stops and marks that end a segment."""
        while b > a and self.masked[b - 1] in " .!?" + QUOTE_MARK:  # (not masked[:b].rstrip(): a copy of the text so far, each time)
            b -= 1
        return b

    # -- noun phrases ---------------------------------------------------------

    def _after_preposition(self, at: int, floor: int) -> bool:
        """Whether a preposition (with an article) stands right before `at`:
        "an analyst at First Boston", "On one Facebook page"."""
        words = [w.group().lower() for w in self._words(max(floor, at - 30), at)][-2:]
        if words and (words[-1] in OWNERS or words[-1] in self.rules.determiners) and len(words) == 2:
            return words[0] in self.rules.prepositions
        return bool(words) and words[-1] in self.rules.prepositions

    def _np_in(self, a: int, b: int, head_final: bool) -> Actor | None:
        """The subject in text[a:b]: its first noun phrase not governed by a
        preposition ("In March the army" is the army)."""
        for word in WORD.finditer(self.masked, a, b):  # (one at a time: most phrases end at their first words)
            at, w = word.start(), word.group()
            if at in self.named_at or at in self.acronyms:
                if self._after_preposition(at, a):
                    continue
                return self._named_np(at, b, head_final)
            lower = w.lower()
            if PRONOUN.fullmatch(w):
                return self._cleft(word, b) or self._pronoun(lower, at) or Actor("", UNKNOWN, at)
            if lower in OWNER_PRONOUNS and (noun := WORD.match(self.masked, self._skip_spaces(word.end()))) and noun.group().islower() and noun.end() <= b:
                # "His brother, Eli, said", "Her mother said": someone described by whose they are.
                owner = self._pronoun(OWNER_PRONOUNS[lower], at)
                return self._description(noun.start(), b, owner=owner.name if owner and owner.name else None) if owner else self._description(at, b)
            if lower in self.rules.determiners:
                if self._after_preposition(at, a):
                    continue
                return self._description(at, b)
            if head_final and at == a and w[:1].isupper() and lower.endswith("s") and (lower in self.lower_words or self.rules.agents.fullmatch(lower)) and not self._has_words(word.end(), b):
                # "Prosecutors alleged": the word opening a sentence, met in lower case elsewhere, or one for those who act ("Officials said").
                return Actor(w, DESCRIBED, at, plural=True)
            if at == a and w[:1].isupper() and lower.endswith(("'s", "’s")) and lower[:-2] not in self.rules.date_words and self._has_words(word.end(), b):
                # "Russia's foreign ministry said": a place owns the description (places are no names here).
                if (owned := self._description(self._skip_spaces(word.end()), b, owner=w[:-2])) is not None:
                    return owned
            if w[:1].isupper() or lower in self.rules.prepositions or lower in self.rules.date_words:
                continue  # a date, or the words of an opening phrase
            if at > a and (WORD.match(self.masked, a) or word).group().lower() in self.rules.prepositions and self._has_words(word.end(), b):
                continue  # "On social media the Metropolitan Police said": the opening phrase goes on
            # "analysts said", "trade sources say": a description with no article.
            rest = self._words(at, b)
            bare = [x.group() for x in rest]
            plural = bare[-1].endswith("s") and len(bare[-1]) > 3 and bare[-1] not in self.rules.subordinators
            if head_final and len(bare) <= 3 and plural and all(x.islower() for x in bare):
                return Actor(" ".join(bare), DESCRIBED, at, plural=True)
            people = [p for p in self.people_at.between(at, b) if not p.possessive and not self._after_preposition(p.start, a)]
            if people:  # "republican Jane Holmes said", "manager Neil Aspinall said"
                return Actor(people[-1].name, PERSON, people[-1].start)
            return None
        return None

    def _mention(self, at: int) -> tuple[str, int, bool, bool]:
        """(name, end, is a person, possessive) of the name at `at`."""
        if at in self.named_at:
            n = self.named_at[at]
            return n.name, n.end, n.person, n.possessive
        end = self.acronyms[at]
        following = self.named_at.get(end + 1)
        if following and not following.person and self.masked[end : end + 1] == " ":  # "AST Research Inc."
            return f"{self.text[at:end]} {following.name}", following.end, False, following.possessive
        possessive = self.masked[end : end + 2] in ("'s", "’s")
        return self.text[at:end], end + (2 if possessive else 0), False, possessive

    def _no_name(self, n: Mention) -> bool:
        """"Operating" in "Operating revenue surged": a common word opening a sentence."""
        return not n.person and " " not in n.name and n.name not in self.inner_capitals and n.name.lower() in self.lower_words

    def _named_np(self, at: int, b: int, head_final: bool) -> Actor | None:
        name, end, person, possessive = self._mention(at)
        if possessive:
            # "Smith Barney's Mr. Doyle": the one the possessive names; "Rally's board": a description.
            nxt = self._skip_spaces(end)
            if nxt < b and (nxt in self.named_at or nxt in self.acronyms):
                return self._named_np(nxt, b, head_final)
            return self._description(nxt, b, owner=name)
        # "Merrill Lynch food analyst William Maguire", "Acme CEO Jane Doe":
        # the name at the end of the phrase is its head, the first its employer.
        later = [p for p in self.people_at.between(end, b) if not p.possessive]
        if later:
            head = later[-1] if head_final else later[0]
            between = [w.group() for w in self._words(end, head.start) if not w.group()[:1].isupper()]
            # ("JPL scientist and study co-author Michael Malaska": an "and" after a role joins roles, not people.)
            roles = len(later) == 1 and between[:1] != ["and"] and not any(w in self.rules.prepositions for w in between)
            joins = ("but", "or", "who", "which", "that") + (() if roles else ("and",))
            joined = any(w.lower() in joins or w.endswith("ed") for w in between)
            if not joined and (len(between) <= 5 if head_final else 0 < len(between) <= 3 and not any(w in self.rules.prepositions for w in between)):
                return Actor(head.name, PERSON, head.start)
        if person:
            return Actor(name, PERSON, at)
        if at in self.named_at and self._no_name(self.named_at[at]):
            return self._description(at, b)
        following = [w.group() for w in self._words(end, b) if not self._adverb(w.group())]
        if head_final and following and following[0].islower() and following[0] not in self.rules.prepositions:
            # "Upjohn officials said", "Jaguar spokesman said": described, for that body;
            # "Beijing considers Taiwan part of its territory": no description, the name.
            return self._description(at, b, owner=name) or Actor(name, BODY, at, body=name)
        return Actor(name, BODY, at, body=name)

    def _shared_head(self, at: int) -> bool:
        """Whether the "and" at `at` joins two names before the noun they share
        ("the Russian and Syrian defense ministries"), not two subjects ("the
        Authority and Microsoft said")."""
        joined = SHARED_HEAD.match(self.masked, at)
        following = joined.group("next") if joined else ""
        return bool(following) and not (following in self.rules.description_ends or following.endswith("ed") or self.rules.speech_verbs.fullmatch(following))

    def _skip_spaces(self, at: int) -> int:
        while at < len(self.masked) and self.masked[at] == " ":
            at += 1
        return at

    def _adverb(self, word: str) -> bool:
        w = word.lower()
        return w in self.rules.subject_skips or w.endswith("ly") or word in self.rules.date_words or w in ("on", "last", "this", "late", "early")

    def _description(self, a: int, b: int, owner: str | None = None) -> Actor | None:
        """A description ("a Sun spokesman", "the pharmaceutical company", "The
        invitation"), resolved when it stands for someone named: "the
        company" for the body the article is about, "the department" for the
        Justice Department named before, "the president" for President Bush,
        "the Maariv newspaper" for Maariv."""
        words, head, fixed, named_in_phrase, owned = [], None, False, False, False
        name_end = a  # "the Competition and Markets Authority": a name's own "and" ends no phrase
        for word in WORD.finditer(self.masked, a, b):  # (one at a time: it stops at the phrase's end)
            w = word.group()
            lower = w.lower().strip(".")
            if word.start() < name_end:
                words.append(word)
                continue
            if (named := self.named_at.get(word.start())) is not None:
                name_end = named.end
            if words and head is None and lower == "and" and self._shared_head(word.start()):
                words.append(word)  # "the Russian and Syrian defense ministries": two names share the head
                continue
            if words and (lower in self.rules.description_ends or lower in self.rules.prepositions and lower not in OF):
                break
            if words and head and (lower.endswith("ly") or w.islower() and (lower.endswith("ed") or lower in load_verbs().past_forms)):
                break  # "the Bush administration immediately said", "some analysts questioned", "an unidentified poster put up"
            if lower in OF:
                if head is None or fixed:
                    break
                fixed = True
            elif fixed and w.islower() and lower not in self.rules.determiners and not owned:
                if named_in_phrase:
                    break  # "a unit of DPC Acquisition Partners launched"
                words.append(word)
                if lower.endswith(("'s", "’s")):
                    owned = True  # "a leader of the state's largest teachers union": the phrase runs to its head
                    continue
                break  # "a spokesman for the company"
            elif fixed and w[:1].isupper():
                named_in_phrase = True
            words.append(word)
            if not fixed and w.islower() and lower not in self.rules.determiners and lower not in OF:
                head = lower
            if len(words) >= 8:
                break
        if not words:
            return None
        end = words[-1].end()
        text = self.text[a:end].rstrip(" ,.")
        if head is None and words[-1].group().islower():
            head = words[-1].group().lower()  # "someone", "somebody"
        inside = [n for n in self.named_index.between(a, end) if not self._no_name(n)]
        people = [p for p in inside if p.person and not p.possessive]
        bodies = [n for n in inside if not n.person]
        body = owner or (bodies[0].name if bodies else None) or self._acronym_in(a, end)
        definite = words[0].group().lower() in ("the", "this", "that", "these", "those")
        if people and people[-1].end >= end:
            # "the White House", "the Rev. Jane Doe", "a fit-looking Farkas": a name with its article.
            return Actor(people[-1].name, PERSON, people[-1].start)
        if cut_phrase(text, self.rules):
            return None  # "The key to Stadia's", "Facebook page an": no noun phrase, so no one
        if head is None:
            # "The UK has urged": an article and a name that is no mention (a place) name a body.
            named = definite and len(words) > 1 and all(w.group()[:1].isupper() for w in words[1:])
            return Actor(text, BODY, a, body=text) if body or named else None
        if head in self.rules.document_nouns:
            # "A statement from Apple Computer stated": the words are its author's; "a letter to Microsoft" is not Microsoft's.
            senders = [n.name for n in bodies if self.masked[max(a, n.start - 3) : n.start] != "to "]
            author = owner or (senders[0] if senders else None) or self._acronym_in(a, end) or self._author_after(end, b)
            if author is None and definite and (issuer := self._issuer(head, a)) is not None:
                return replace(issuer, document=head)
            if author is None and head in self.rules.issued_documents:
                author = self._topic(a)
            return Actor(author or text, BODY if author else DESCRIBED, a, body=author, document=head)
        if definite and head in self.rules.named_before_head and bodies:
            return Actor(bodies[-1].name, BODY, bodies[-1].start, body=bodies[-1].name)
        # "the Republican governor": a party's name describes a person, it names no body.
        inside = [n for n in inside if n.name not in self.rules.party_words]
        if definite and owner is None:
            if not inside and AGE.fullmatch(head) and (aged := self._story_person(a)) is not None:
                return Actor(aged.name, PERSON, a)  # "The 56-year-old said": the person the story is telling of
            # "Winger Jon Ekberg posted a video. The Sweden forward, 24, said": a role given an age is
            # the person just named (the sentence before, or this one), not the one the story is most about.
            aged_role = head in self.rules.person_roles and AGED.match(self.masked, end) and not any(n.person for n in inside)
            index = self.sentence_index(a)
            if aged_role and (named := self.last_person(a, after=self.sentences[max(0, index - 1)].start)) is not None:
                return Actor(named.name, PERSON, a)
            if not inside and (named := self._named_by_head(head, a)) is not None:
                return named
            if not inside and (described := self._described_before(head, a)) is not None:
                return described  # "says one senior official. … The official adds"
            role = head in self.rules.person_roles and not inside and not self.rules.title_word.fullmatch(head.capitalize())
            if role and (given := self._given_role(head, a) or dominant(self.people_at, a, lambda mention: True, least=3)) is not None:
                return Actor(given.name, PERSON, a)  # "said the actor": the one the article gave that word, else the one it is about
            # "The St. Louis company", "the Rockford, Ill., maker of fasteners"
            if head in self.rules.body_nouns and (topic := self._topic(a)):
                return Actor(topic, BODY, a, body=topic)
            if not inside and self.rules.title_word.fullmatch(head.capitalize()):
                written = title_ways(head, self.rules)
                titled = self._last_person_before(a, re.compile(rf"(?:{written})(?!\w)", re.IGNORECASE))
                if titled:
                    return Actor(titled.name, PERSON, a)
                if (spoke := self._last_speaker(a)) is not None:
                    return spoke  # ""…," the government spokesman said", after the minister spoke: the minister
        if head in self.rules.institution_nouns and body:
            # "Russia's foreign ministry said": the owner stays in the name.
            mark = "’" if "’" in self.text[max(0, a - 4) : a] else "'"
            named = f"{owner}{mark}s {text}" if owner and not text.lower().startswith(owner.lower()) else text
            return Actor(named, BODY, a, body=named)
        plural = head.endswith("s") and not head.endswith(("ss", "us"))
        if owner is not None and not text.lower().startswith(owner.lower()):
            mark = "’" if "’" in self.text[max(0, a - 4) : a] else "'"
            text = f"{owner}{mark}s {text}"  # "North Korea's main newspaper", not "main newspaper"
        return Actor(text, DESCRIBED, a, body=body, plural=plural)

    def _issuer(self, head: str, at: int) -> Actor | None:
        """Who spoke in the text "the statement" stands for: "…, the US
        military said in a statement. "…," the statement said"."""
        index = self.sentence_index(at)
        for i in range(min(index, len(self.speech) - 1), max(-1, index - 3), -1):
            sentence = self.sentences[i]
            said_in = [m for m in SAID_IN.finditer(self.masked, sentence.start, min(sentence.end, at)) if head in m.group("text").lower().split()]
            actors = [actor for _, _, actor in self.speech[i] if actor is not None and actor.at < at and actor.document is None]
            if said_in and actors:
                return actors[-1]
        return None

    def _last_speaker(self, at: int) -> Actor | None:
        """The person who spoke last, over the paragraphs of their words,
        unless a sentence since is about someone else."""
        index = self.sentence_index(at)
        for i in range(index, max(-1, index - 2 * BACK), -1):
            if i >= len(self.speech):
                continue
            for _, _, actor in reversed(self.speech[i]):
                if actor is not None and actor.at < at:
                    return replace(actor, at=at) if actor.kind == PERSON else None
            if i < index and self.subjects[i] is not None and self.subjects[i].kind == PERSON:
                return None
        return None

    def _last_person_before(self, at: int, opening: re.Pattern[str]) -> Mention | None:
        """The last person named before `at` whose words open with `opening`."""
        for i in range(bisect_right(self.people_ends, at) - 1, -1, -1):
            if opening.match(self.people[i].text):
                return self.people[i]
        return None

    def _acronym_in(self, a: int, b: int) -> str | None:
        """The first acronym that starts in text[a:b]."""
        i = bisect_left(self.acronym_starts, a)
        if i < len(self.acronym_starts) and self.acronym_starts[i] < b:
            x = self.acronym_starts[i]
            return self.text[x : self.acronyms[x]]
        return None

    def _author_after(self, end: int, b: int) -> str | None:
        """"a statement from Apple Computer", "The memo, written by chief
        executive Paul Grant,": who the text is from."""
        by = AUTHOR.match(self.masked, end)
        if not by:
            return None
        for n in self.named[bisect_left(self.named_starts, by.end()) :]:
            if n.start > by.end() + 40:
                break
            if not n.possessive:
                return n.name
        at = self._skip_spaces(by.end())
        return self.text[at : self.acronyms[at]] if at in self.acronyms else None

    def _described_before(self, head: str, at: int) -> Actor | None:
        """"The official": the one described with that word who spoke a
        sentence or a few before ("one senior administration official")."""
        index = self.sentence_index(at)
        for i in range(index, max(-1, index - BACK), -1):
            if i >= len(self.speech):
                continue
            for _, _, actor in reversed(self.speech[i]):
                if actor and actor.kind == DESCRIBED and actor.at < at and actor.name.lower().split()[-1] == head:
                    return replace(actor, at=at)
        return None

    def _given_role(self, head: str, before: int) -> Mention | None:
        """The last person the article gave the word `head` before: "coach
        Bruce Boudreau", "Bruce Boudreau, the Wild's coach,"."""
        word = re.escape(head)
        before_name = re.compile(rf"\b{word}\s+$", re.IGNORECASE)
        after_name = re.compile(rf",\s+(?:the|a|an|his|her|its|their)\s[^,;.]{{0,50}}?\b{word},", re.IGNORECASE)
        for p in reversed(self.people[max(0, bisect_left(self.people_ends, before) - ROLE_REACH) : bisect_left(self.people_ends, before)]):
            if before_name.search(self.text, max(0, p.start - 30), p.start) or after_name.match(self.text, p.end, p.end + 70):
                return p
        return None

    def _named_by_head(self, head: str, before: int) -> Actor | None:
        """"the department": the body named before whose name ends in that
        word ("the Justice Department"), among the last few named."""
        end = bisect_left(self.named_starts, before)
        for n in reversed(self.named[max(0, end - 40) : end]):
            if not n.person and n.name.lower().split()[-1] == head:
                return Actor(n.name, BODY, before, body=n.name)
        return None

    def _topic(self, at: int) -> str | None:
        """The body most recently named as a subject before `at`."""
        index = self.sentence_index(at)
        here = [x for x in [self.subjects[index]] + [v[2] for v in self.speech[index]] if x and x.body and x.at < at] if index < len(self.subjects) else []
        if here:
            return here[-1].body
        return self.topic[index - 1] if index > 0 else None

    # -- pronouns ---------------------------------------------------------------

    def _pronoun(self, word: str, at: int) -> Actor | None:
        """He or she: the person last said to act or speak, a sentence or a few
        before (not merely the last capitalised name: "said a Sun spokesman. …
        he said" is the spokesman); one named after an opening clause when the
        pronoun is in it ("Although he called it "…", Mr. LaMothe …"). It: the
        body last in that place."""
        if word == "they":
            return self._plural(at)
        if word not in ("he", "she", "it"):
            return None
        person = word != "it"
        index = self.sentence_index(at)
        if person and (ahead := self._cataphora(index, at) or self._opening_clause_person(index, at, word)):
            return ahead
        for i in range(index, max(-1, index - BACK), -1):
            if i >= len(self.subjects):
                continue
            # Whom each sentence is about (a person named, a body) and who
            # speaks in it (a description too: "said a Sun spokesman").
            subject = self.subjects[i]
            actors = ([subject] if subject and subject.kind != DESCRIBED else []) + [v[2] for v in self.speech[i] if v[2]]
            for actor in sorted((x for x in actors if x.at < at), key=lambda x: x.at, reverse=True):
                if person and self.pronoun_of.get(actor.name, word) != word:
                    continue  # "… Sasse said. … , she said": not Sasse
                if person and (actor.kind == PERSON or actor.kind == DESCRIBED and not actor.plural and not actor.document and not self._bodyish(actor)):
                    self.pronoun_of.setdefault(actor.name, word)
                    return replace(actor, at=at)
                if not person and (actor.kind == BODY or self._bodyish(actor)):
                    return replace(actor, at=at)
        if person:
            found = self.last_person(at, told=word)
            return Actor(found.name, PERSON, at) if found else None
        return None

    def _plural(self, at: int) -> Actor | None:
        """They: the people a sentence or two before was about ("Residents
        were angry. "…," they said"), or a body ("The police said they …")."""
        index = self.sentence_index(at)
        for i in range(min(index, len(self.subjects) - 1), max(-1, index - 3), -1):
            subject = self.subjects[i]
            if subject is not None and subject.at < at and (subject.plural or subject.kind == BODY):
                return replace(subject, at=at)
        # Else the one person the sentence before was about, in the same paragraph: "Pia Sorel, a
        # spokesperson for the zoo, confirmed it. "…," they said in an email."
        if index >= 1 and self.sentences[index - 1].paragraph == self.sentences[index].paragraph:
            subject = self.subjects[index - 1]
            if subject is not None and subject.kind == PERSON and subject.at < at:
                return replace(subject, at=at)
        return None

    def _cleft(self, word: re.Match[str], b: int) -> Actor | None:
        """"it was Kate Bell who got the ball rolling": the one named is the subject."""
        if word.group().lower() != "it" or not (be := CLEFT.match(self.masked, word.end(), b)):
            return None
        named = self.named_at.get(be.end())
        if named is None or not named.person or named.possessive or not CLEFT_RELATIVE.match(self.masked, named.end, b):
            return None
        return Actor(named.name, PERSON, named.start)

    def _opening_clause_person(self, index: int, at: int, word: str) -> Actor | None:
        """"When President Ana Gil announced the swap, he said …": a pronoun
        after an opening clause is the person that clause is about."""
        sentence = self.sentences[index]
        first = WORD.match(self.masked, self._skip(sentence.start, sentence.end), sentence.end)
        if not first or first.group().lower() not in self.rules.subordinators:
            return None
        cut = SEGMENT_BREAK.search(self.masked, first.end(), at)
        if cut is None or self._has_words(self._skip(cut.end(), at), at):
            return None
        people = [p for p in self.people_at.between(first.end(), cut.start()) if not p.possessive]
        if not people or self.pronoun_of.get(people[0].name, word) != word:
            return None
        return Actor(people[0].name, PERSON, at)

    def _bodyish(self, actor: Actor) -> bool:
        head = actor.name.lower().split()[-1] if actor.name else ""
        return head in self.rules.body_nouns or head in self.rules.institution_nouns

    def _cataphora(self, index: int, at: int) -> Actor | None:
        sentence = self.sentences[index]
        first = WORD.match(self.masked, self._skip(sentence.start, sentence.end), sentence.end)
        if not first or first.group().lower() not in self.rules.subordinators:
            return None
        cut = SEGMENT_BREAK.search(self.masked, at, sentence.end)
        if cut is None or SEGMENT_BREAK.search(self.masked, sentence.start, at):
            return None
        after = self._skip(cut.end(), sentence.end)
        people = [p for p in self.people_at.between(after, after + 40) if not p.possessive]
        return Actor(people[0].name, PERSON, at) if people and people[0].start - after < 25 else None

    def _story_person(self, before: int) -> Mention | None:
        """The person the story is telling of at `before`: the one named most
        often so far, on a tie the one named first ("Jose Mourinho agrees deal
        to replace Mauricio Pochettino"); with no one named twice, the last."""
        counts: dict[str, int] = {}
        first: dict[str, Mention] = {}
        for n in self.people_at.items[: bisect_left(self.people_at.starts, before)]:
            counts[n.name] = counts.get(n.name, 0) + 1
            first.setdefault(n.name, n)
        best = max(counts, key=lambda name: (counts[name], -first[name].start), default=None)
        return first[best] if best is not None and counts[best] >= 2 else self.last_person(before)

    def last_person(self, before: int, after: int = 0, told: str | None = None) -> Mention | None:
        """The last person named before `before` (not before `after`), and,
        for a "he" or "she" (`told`), not one the article tells the other."""
        for i in range(bisect_left(self.named_starts, before) - 1, -1, -1):
            n = self.named[i]
            if n.start < after:
                break
            if n.person and n.end <= before and not n.possessive and self.pronoun_of.get(n.name, told) == told:
                return n
        return None
