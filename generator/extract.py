"""Extraction: an article's text in, proposed events and attributed quotes out.

A pure stage: it reads nothing but its arguments and never the clock. Dates
come from the one date engine (`dates.find`), read against the published
date; without one, relative dates stay unresolved. A happening the article
does not date in its own sentence takes the time the sentence before set, if
it set one, else the day of the report, and says which (`basis`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from generator import dates, quotations
from generator.passages import paragraphs
from generator.places import Gazetteer
from generator.quotations import Quotation
from generator.reading import Rules, Sentence, load_rules, mentions, sentences

TITLE_WORDS = 14
NOT_NAMED = "not named in the article"
RELATIVE = re.compile(r"(?:which|who|whom|where)\b")


@dataclass(frozen=True)
class FoundDate:
    value: str | None  # TIMEX3, or None when the words cannot be placed
    text: str | None  # the article's words; None when none date the happening
    precision: str | None
    basis: str  # words | previous sentence (it sets the time) | publication (the day of the report) | unresolved

    def as_json(self) -> dict:
        return {"value": self.value, "text": self.text, "precision": self.precision, "basis": self.basis}


@dataclass(frozen=True)
class FoundQuote:
    id: str
    text: str
    start: int
    end: int
    speaker: str | None
    channel: str | None


@dataclass(frozen=True)
class FoundEvent:
    id: str
    title: str
    kind: str
    date: FoundDate
    places: tuple[str, ...]
    start: int  # the evidence passage, as offsets into the text
    end: int
    passage: str
    quotes: tuple[str, ...]
    certainty: str
    according_to: str | None


@dataclass(frozen=True)
class Extraction:
    source: str
    published: date | None
    events: tuple[FoundEvent, ...]
    quotes: tuple[FoundQuote, ...]

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "events": [
                {
                    "id": e.id, "title": e.title, "kind": e.kind, "date": e.date.as_json(), "places": list(e.places),
                    "start": e.start, "end": e.end, "passage": e.passage, "quotes": list(e.quotes),
                    "certainty": e.certainty, "according_to": e.according_to,
                }
                for e in self.events
            ],
            "quotes": [
                {"id": q.id, "text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker, "channel": q.channel}
                for q in self.quotes
            ],
        }


@dataclass
class Draft:
    """An event while it is being put together."""

    start: int
    end: int
    kind: str
    date: FoundDate
    quotation: Quotation | None  # the quotation the evidence sits in, if any
    paragraph: int
    quotes: list[Quotation]


def extract(text: str, source: str, published: date | None, outlet: str | None, places: Gazetteer) -> Extraction:
    rules = load_rules()
    spans = paragraphs(text)
    said = sentences(text, rules)
    marked = quotations.marked_spans(text, rules, [a for a, _ in spans])
    people = mentions(text, rules, places.is_place, skip=[(m.opened, m.end) for m in marked])
    found = quotations.find(text, rules, said, spans, people, outlet, marked)
    timexes = [t for t in dates.find(text, published) if t.type in ("DATE", "TIME")]
    quote_ids = _quote_ids(found)
    named_places = _places(text, rules, places, people, timexes)
    cues = Cues(text, rules, named_places, [(m.start, m.end) for m in people if not m.person])
    drafts = _happenings(text, rules, said, found, timexes, cues, published)
    drafts = _attach(drafts, found, said, people, timexes, published)
    events = _finish(text, rules, drafts, quote_ids, named_places)
    quotes = tuple(FoundQuote(quote_ids[id(q)], q.text, q.start, q.end, q.speaker, q.channel) for q in found)
    return Extraction(source, published, events, quotes)


def _places(text: str, rules: Rules, gazetteer: Gazetteer, people, timexes) -> list[tuple[int, int, str]]:
    """Every place named in the text, in order: the gazetteer's, under their
    canonical names, and others named after a preposition of place ("in
    Cairo"), as written."""
    found = gazetteer.find(text)
    taken = [(a, b) for a, b, _ in found] + [(t.start, t.end) for t in timexes]
    taken += [(p.start, p.end) for p in people if p.person]
    for match in rules.place_pattern.finditer(text):
        start, end = match.span("place")
        words = match.group("place").split()
        after = re.match(r"\s+([a-z]+)", text[end : end + 20])
        if any(a < end and start < b for a, b in taken) or any(w in rules.not_person_words for w in words):
            continue
        if after and after.group(1) not in rules.place_followers:
            continue
        found.append((start, end, match.group("place")))
    return sorted(found)


# -- Happenings: sentences and clauses with an event cue ----------------------


def _happenings(text, rules: Rules, said: list[Sentence], found, timexes, cues: Cues, published) -> list[Draft]:
    drafts: list[Draft] = []
    frame: Frame | None = None
    for sentence in said:
        carried, frame = frame, None
        if sentence.headline:
            continue
        quotation = next((q for q in found if q.opened <= sentence.start < q.end), None)
        dated = [t for t in timexes if sentence.start <= t.start and t.end <= sentence.end and _dates_it(t, published)]
        if quotation and (rules.not_a_report.search(text, sentence.start, sentence.end) or not (
            dated or rules.in_quotation.search(text, sentence.start, sentence.end)
        )):
            continue
        previous = drafts[-1] if drafts else None
        if previous and previous.paragraph == sentence.paragraph and previous.quotation is quotation and not dated and (
            rules.continues.match(text, sentence.start) or _certainty_cue(rules, text[sentence.start : sentence.end])
        ):
            previous.end = sentence.end
            continue
        before = len(drafts)
        for start, end, timex in _parts(text, rules, sentence, dated):
            kind = cues.kind(start, end, sentence, timex is not None)
            if kind is not None:
                if timex:
                    when = _date(timex)
                elif carried and carried.sets(text, rules, sentence, quotation, start, end, timexes):
                    when = replace(_date(carried.timex), basis="previous sentence")
                else:
                    when = _undated(published)
                # A date told inside a quotation is the speaker's, though the sentence opens outside it.
                told_in = next((q for q in found if timex and q.start <= timex.start < q.end), quotation)
                drafts.append(Draft(start, end, kind, when, told_in, sentence.paragraph, []))
        if len(drafts) == before and len(dated) == 1 and _frames(text, rules, sentence, dated[0], published):
            frame = Frame(sentence, quotation, dated[0])
    return drafts


def _frames(text: str, rules: Rules, sentence: Sentence, timex: dates.Timex, published: date | None) -> bool:
    """Whether the time sets a frame for what follows: it opens its sentence
    or says what the stretch was like, an entry can hold it, and it had begun
    by the day of the report."""
    return (
        timex.precision in rules.frame_precisions
        and published is not None
        and dates.when_of(timex.value).start <= published
        and bool(rules.frame_before.search(text[sentence.start : timex.start]))
    )


@dataclass(frozen=True)
class Frame:
    """A sentence that names one time and reports no happening of its own:
    the time the next sentence of its paragraph may be telling of."""

    sentence: Sentence
    quotation: Quotation | None
    timex: dates.Timex

    def sets(self, text: str, rules: Rules, sentence: Sentence, quotation, start: int, end: int, timexes) -> bool:
        """Whether the clause [start, end) of `sentence` happens in this time:
        it follows in the same paragraph and quotation, names no time of its
        own (not even "earlier" or "now"), and has no words that move it off
        this time ("had lost", "will")."""
        return (
            self.sentence.paragraph == sentence.paragraph
            and self.quotation is quotation
            and not any(start <= t.start < end for t in timexes)
            and not rules.frame_shifts.search(text, start, end)
        )


def _on_calendar(timex) -> bool:
    """Dates an event: a resolved date or time, not PRESENT_REF or the like."""
    return bool(timex.value) and timex.value[:1].isdigit() and not timex.unresolved


def _dates_it(timex, published: date | None) -> bool:
    """Without a published date, relative words still say which words date
    the event, though not when."""
    return _on_calendar(timex) or (published is None and timex.value is None)


def _parts(text, rules: Rules, sentence: Sentence, dated) -> list[tuple[int, int, object]]:
    """The sentence as one part, or split where a later clause carries a date
    of its own ("retook Palmyra, which it had lost last March"); each part
    with the expression that dates it, if any."""
    breaks = [m.start() for m in rules.clause_breaks.finditer(text, sentence.start, sentence.end)]
    bounds = [sentence.start, *breaks, sentence.end]
    segments = list(pairwise(bounds))
    split = sorted({next(a for a, b in segments if a <= t.start < b) for t in dated} - {sentence.start})
    cuts = [sentence.start, *split, sentence.end]
    parts = []
    for a, b in pairwise(cuts):
        timex = next((t for t in dated if a <= t.start < b), None)
        start, end = _trim(text, a, b)
        if end > start:
            parts.append((start, end, timex))
    return parts


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum() and text[start] not in "“\"":
        start += 1
    while end > start and text[end - 1] in " \t\n,;—":
        end -= 1
    return start, end


class Cues:
    """Where each kind's cues, the gazetteer's places and other names fall in
    one text, found once, so each sentence is a lookup rather than a search."""

    def __init__(self, text: str, rules: Rules, places: list[tuple[int, int, str]], named: list[tuple[int, int]]):
        self.kinds = [(kind, [(m.start(), m.end()) for m in kind.cues.finditer(text)]) for kind in rules.kinds]
        self.places = sorted([(a, b) for a, b, _ in places] + named)

    @staticmethod
    def _within(spans: list[tuple[int, int]], start: int, end: int, after_start: bool = False) -> bool:
        i = bisect_left(spans, (start + after_start, -1))
        return i < len(spans) and spans[i][1] <= end

    def kind(self, start: int, end: int, sentence: Sentence, dated: bool) -> str | None:
        """The first kind whose cue is in [start, end). A kind that needs a
        place needs one in the sentence: from the gazetteer, or a capitalised
        name that is not a person's and does not merely open the sentence."""
        for kind, spans in self.kinds:
            if not self._within(spans, start, end) or (kind.needs_date and not dated):
                continue
            if kind.needs_place and not self._within(self.places, sentence.start, sentence.end, after_start=True):
                continue
            return kind.name
        return None


def _date(timex) -> FoundDate:
    if timex.value is None:
        return FoundDate(None, timex.text, None, "unresolved")
    return FoundDate(timex.value, timex.text, timex.precision, "words")


def _undated(published: date | None) -> FoundDate:
    if published is None:
        return FoundDate(None, None, None, "unresolved")
    return FoundDate(published.isoformat(), None, "day", "publication")


def _certainty_cue(rules: Rules, passage: str) -> bool:
    return any(c.cues.search(passage) for c in rules.certainties)


# -- Quotes: each backs the happening it is attributed in, or a testimony -----


def _attach(drafts: list[Draft], found, said, people, timexes, published) -> list[Draft]:
    for quote in found:
        if quote.speaker is None:
            continue
        inside = [d for d in drafts if d.quotation is quote]
        holder = next((d for d in drafts if d.quotation is None and d.start <= quote.attribution < d.end), None)
        if holder is None:
            holder = _testimony_for(drafts, quote, said, people, timexes, published)
        for draft in [holder, *inside]:
            if quote not in draft.quotes:
                draft.quotes.append(quote)
    return sorted(drafts, key=lambda d: d.start)


def _testimony_for(drafts, quote: Quotation, said, people, timexes, published) -> Draft:
    """The testimony a quotation belongs to: the speaker's, when the article
    is still on them; else a new one, told where the speaker was named."""
    for draft in reversed(drafts):
        if draft.kind == "testimony" and draft.quotes and draft.quotes[-1].speaker == quote.speaker and draft.start < quote.start:
            return draft
    at = next(s for s in reversed(said) if s.start <= quote.attribution)
    named = [p for p in people if p.person and p.name == quote.speaker and p.start <= quote.attribution]
    if named:
        intro = next(s for s in reversed(said) if s.start <= named[-1].start)
        at = intro if intro.paragraph == at.paragraph else at
    own = [t for t in timexes if at.start <= t.start and t.end <= at.end and _on_calendar(t)]
    draft = Draft(at.start, at.end, "testimony", _date(own[0]) if own else _undated(published), None, at.paragraph, [])
    drafts.append(draft)
    drafts.sort(key=lambda d: d.start)
    return draft


# -- Finishing: certainty, places, titles, ids --------------------------------


def _finish(text, rules: Rules, drafts: list[Draft], quote_ids, places: list[tuple[int, int, str]]) -> tuple[FoundEvent, ...]:
    events, used = [], set()
    for draft in _merged(drafts):
        passage = text[draft.start : draft.end]
        certainty, according_to = _certainty(rules, passage, draft)
        title = _title(text, rules, draft)
        names = tuple(dict.fromkeys(name for a, b, name in places if draft.start <= a and b <= draft.end))
        if not names and RELATIVE.match(passage):
            # "Palmyra, which it had lost": the place the clause is about comes just before it.
            names = tuple(name for a, b, name in places if draft.start - 40 <= a and b <= draft.start)[-1:]
            title = f"{names[0]}, {title[:1].lower()}{title[1:]}" if names else title
        event_id = _unique(f"{_slug(draft.date.value or 'undated', 4)}-{_slug(title, 6)}", used)
        events.append(FoundEvent(
            event_id, title, draft.kind, draft.date, names, draft.start, draft.end, passage,
            tuple(quote_ids[id(q)] for q in draft.quotes), certainty, according_to,
        ))
    return tuple(events)


def _merged(drafts: list[Draft]) -> list[Draft]:
    """Sentences in a row telling one happening (same kind, date and
    quotation, with nothing between them) become one event."""
    merged: list[Draft] = []
    for draft in drafts:
        last = merged[-1] if merged else None
        if last and last.kind == draft.kind and last.date == draft.date and last.quotation is draft.quotation and (
            draft.quotation is not None or last.paragraph == draft.paragraph
        ):
            merged[-1] = replace(last, end=max(last.end, draft.end), quotes=last.quotes + [q for q in draft.quotes if q not in last.quotes])
        else:
            merged.append(draft)
    return merged


def _certainty(rules: Rules, passage: str, draft: Draft) -> tuple[str, str | None]:
    speaker = draft.quotation.speaker if draft.quotation else None
    for certainty in rules.certainties:
        if draft.kind not in certainty.not_for and certainty.cues.search(passage):
            who = next((m.group("who") for p in certainty.who for m in [p.search(passage)] if m), None)
            who = _lower_article(who.strip()) if who else None
            if speaker:
                who = f"{who}, as {speaker} says" if who else speaker
            return certainty.name, who or NOT_NAMED
    if speaker:
        return "claimed", speaker
    return "reported", None


def _lower_article(words: str) -> str:
    return re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", words)


def _title(text: str, rules: Rules, draft: Draft) -> str:
    if draft.kind == "testimony" and draft.quotes:
        speakers = [q.speaker for q in draft.quotes]
        main = max(speakers, key=speakers.count)
        quote = next(q for q in draft.quotes if q.speaker == main)
        first = re.split(r"(?<=[.!?…])\s", quote.text.strip())[0].rstrip(",")
        speaker = quote.speaker[:1].upper() + quote.speaker[1:]
        return f"{speaker}: “{_cut(first, TITLE_WORDS - 2)}”"
    words = " ".join(text[draft.start : draft.end].split()).strip("“”\"'")
    words = words[len(lead.group()) :] if (lead := rules.title_skips.match(words)) else words
    words = _cut(words.rstrip(".,;:"), TITLE_WORDS)
    return words[:1].upper() + words[1:]


def _cut(words: str, limit: int) -> str:
    split = words.split()
    return words if len(split) <= limit else " ".join(split[:limit]).rstrip(",;:—") + "…"


def _quote_ids(found: list[Quotation]) -> dict[int, str]:
    used: set[str] = set()
    ids = {}
    for quote in found:
        who = _slug((quote.speaker or "unattributed").split()[-1], 3)
        ids[id(quote)] = _unique(f"{who}-{_slug(quote.text, 4)}", used)
    return ids


def _slug(words: str, count: int) -> str:
    tokens = re.findall(r"[a-z0-9]+", words.lower().replace("’", "").replace("'", ""))
    return "-".join(tokens[:count]) or "untitled"


def _unique(wanted: str, used: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in used:
        candidate, n = f"{wanted}-{n}", n + 1
    used.add(candidate)
    return candidate
