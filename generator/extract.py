"""Extraction: an article's text in, proposed events and attributed quotes out.

A pure stage: it reads nothing but its arguments and never the clock. It is a
chain over one reading of the text (one sentence splitter, one pass of the
date engine): candidates (clauses whose verb reports a happening,
generator/clauses.py) -> dating (the time that governs each verb, or the
story's, generator/dating.py) -> attribution and certainty (whose word it is)
-> titles (generator/titles.py) -> merging (one entry per happening).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date

from generator import clauses, collector, dates, dating, patterncache, quotations, titles
from generator.clauses import Clause, main_clause
from generator.dating import FoundDate
from generator.passages import paragraphs
from generator.places import Gazetteer
from generator.quotations import Quotation
from generator.reading import Rules, Sentence, in_lower_case, load_rules, mentions, sentences
from generator.spans import ByStart, pairs

NOT_NAMED = "not named in the article"
# How many entries back "four days after the story ran" looks for the story's running.
ANCHOR_REACH = 30
# How many entries of the same date a happening told again is compared with.
RETOLD_REACH = 40
RETOLD_DAYS = 7  # how many days before the report a dated telling may be of the lede's undated happening
LEDE_TOLD_SHARE = 0.5  # ... and the share of the shorter telling's words the two share
IT_REACH = 150  # how far back a leading "it" looks for the place it stands for
CARRIED = ("story", "previous sentence")  # a date the sentence takes from the news it goes on telling
GUESSES = ("might", "may", "could")  # modals that say what is possible, not what was done or decided
PAST_TENSES = ("past", "perfect", "past-perfect")  # what was done: in a quotation, the rest is a view
THING_AFTER = re.compile(r"\s+(?:a|an|the|its|his|her|their)\s+(?!\w+\s+(?:was|were|is|are|has|had|will|would)\b)")
ISSUED = re.compile(r"\b(?:published|released|issued|posted|presented)\s+(?:on\s+|in\s+|this\s+|last\s+)?$", re.IGNORECASE)
YEAR_WRITTEN = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
ABROAD_REACH = 40  # characters either side of a time where its early hours or "local time" are told
LEDE = 4  # the body sentences that open an article, where an undated happening is its news
DETAIL_REACH = 2  # paragraphs after the news's last passage where an undated detail still tells it


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
    # Every passage that tells it, the one above first: a lede the article
    # tells again, a statement elaborated further on.
    passages: tuple[tuple[int, int], ...] = ()


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
                    "passages": [{"start": a, "end": b} for a, b in e.passages],
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

    start: int  # the evidence passage
    end: int
    kind: str
    date: FoundDate
    quotation: Quotation | None  # the quotation the evidence sits in, if any
    paragraph: int
    quotes: list[Quotation]
    clause: Clause | None = None  # the clause that reports the happening
    cut: list[tuple[int, int]] = field(default_factory=list)  # words its title leaves out
    speech: Clause | None = None  # the clause of speech that reports it, if any
    subject: tuple[int, int] | None = None  # its subject, when its clause shares the main clause's
    told_by: tuple[int, int] | None = None  # who says it happened, when the article puts it in someone's mouth
    told_end: int | None = None  # where the words that tell it end (what its title is made of), before any merge
    comment: bool = False  # words said about the news, which join its entry rather than make one
    actor: tuple[int, int] | None = None  # its subject, when that names someone ("police", "the minister", "Williams")
    also: list[tuple[int, int]] = field(default_factory=list)  # further passages that tell it


def extract(text: str, source: str, published: date | None, outlet: str | None, places: Gazetteer) -> Extraction:
    with collector.paused():  # what extraction makes lives until it ends
        return _extract(text, source, published, outlet, places)


def _extract(text: str, source: str, published: date | None, outlet: str | None, places: Gazetteer) -> Extraction:
    rules = load_rules()
    read = _without_artifacts(text, rules)
    spans = paragraphs(read)
    said = sentences(read, rules)
    marked = quotations.marked_spans(read, rules, [a for a, _ in spans])
    people = mentions(read, rules, places.is_place, skip=[(m.opened, m.end) for m in marked])
    found = quotations.find(read, rules, said, spans, people, outlet, marked)
    persons = ByStart(p for p in people if p.person)
    timexes = _without_names(read, rules, _without_game_periods(read, rules, dates.find(read, published)))
    quote_ids = _quote_ids(found)
    named_places = _places(read, rules, places, people, timexes)
    cues = Cues(read, rules, named_places, [(m.start, m.end) for m in people if not m.person], [(m.start, m.end) for m in people if m.person])
    told: dict[int, FoundDate] = {}
    subjects: list = []  # the people and bodies that are the subjects of the article's clauses, for "he", "she" and "it"
    words = clauses.Words(read)
    drafts = _happenings(read, rules, said, found, marked, timexes, cues, published, told, subjects, persons, ByStart(people), words)
    drafts = _attach(read, drafts, found, said, persons, timexes, published, told)
    events = _finish(text, read, rules, drafts, quote_ids, named_places, ByStart(people), persons, ByStart(subjects), words)
    quotes = tuple(FoundQuote(quote_ids[id(q)], q.text, q.start, q.end, q.speaker, q.channel) for q in found)
    return Extraction(source, published, events, quotes)


def _without_game_periods(text: str, rules: Rules, timexes: list[dates.Timex]) -> list[dates.Timex]:
    """In a game report, "the third quarter" is a stretch of the game, not of the year."""
    lowered = in_lower_case(text)
    found = rules.game_words.finditer(lowered) if lowered is not None else re.finditer(rules.game_words.pattern, text, re.IGNORECASE)
    if len({m.group().lower() for m in found}) < 2:
        return timexes
    return [t for t in timexes if not rules.game_periods.match(t.text.strip())]


def _without_names(text: str, rules: Rules, timexes: list[dates.Timex]) -> list[dates.Timex]:
    """A year written right after a capitalised word inside a sentence is
    part of a name ("the Euro 2016 tournament", "Rio 2016", "Windows 2000"),
    not a time."""
    return [t for t in timexes if not (YEAR_ALONE.fullmatch(t.text) and rules.name_before_year.search(text, max(0, t.start - 30), t.start))]


YEAR_ALONE = re.compile(r"\d{4}")


def _without_artifacts(text: str, rules: Rules) -> str:
    """The text with a word processor's leftovers ("[bookmark: _GoBack]")
    blanked out, so no title or name picks them up; offsets are unchanged."""
    return rules.artifacts.sub(lambda m: " " * len(m.group()), text)


def _places(text: str, rules: Rules, gazetteer: Gazetteer, people, timexes) -> list[tuple[int, int, str]]:
    """Every place named in the text, in order: the gazetteer's, under their
    canonical names, and others named after a preposition of place ("in
    Cairo"), as written."""
    found = gazetteer.find(text)
    taken = pairs([(a, b) for a, b, _ in found] + [(t.start, t.end) for t in timexes] + [(p.start, p.end) for p in people if p.person])
    for match in rules.place_pattern.finditer(text):
        start, end = match.span("place")
        words = match.group("place").split()
        after = re.match(r"\s+([a-z]+)", text[end : end + 20])
        overlaps = taken.holding(start) is not None or taken.between(start, end)
        if overlaps or any(w in rules.not_person_words for w in words):
            continue
        if after and after.group(1) not in rules.place_followers:
            continue
        found.append((start, end, match.group("place")))
    return sorted(found)


# -- Candidates and their dates ------------------------------------------------


@dataclass(frozen=True)
class Part:
    """A stretch of a sentence that reports one happening: its clauses, the
    one that reports it, and the clause of speech around it, if any."""

    start: int
    end: int
    clauses: tuple[Clause, ...]
    event: Clause
    speech: Clause | None
    subject: tuple[int, int] | None  # the main clause's subject, when the event's clause has none of its own
    gap: tuple[int, int] | None = None  # a clause of its own within it, left out of its title


def _happenings(
    text, rules: Rules, said: list[Sentence], found, marked, timexes, cues: Cues, published, told: dict[int, FoundDate], subjects, persons,
    named: ByStart, words: clauses.Words,
) -> list[Draft]:
    """The candidates, dated. `told` gets, for each sentence, the time the
    story was telling when it began (for quotations attributed there)."""
    drafts: list[Draft] = []
    opening = text[said[0].start : said[min(1, len(said) - 1)].end] if said else ""  # the headline and the lede
    story = dating.Story(published, frozenset(YEAR_WRITTEN.findall(opening)))
    calendar = ByStart(t for t in timexes if t.type in ("DATE", "TIME"))
    lengths = ByStart(t for t in timexes if t.type == "DURATION")
    quoted = pairs((m.opened, m.end) for m in marked)
    quotes = ByStart(found, start=lambda q: q.opened)
    spans = paragraphs(text)
    for sentence in said:
        if sentence.headline or _dateline(text, sentence, calendar.between(sentence.start, sentence.end)) or _subhead(text, sentence, spans):
            continue
        story.read(sentence.paragraph)
        if (now := story.now()) is not None:
            told[sentence.start] = now
        quotation = quotes.holding(sentence.start)
        # In a quotation, "that day" points back in the speaker's words, which the article does not date.
        dated = [
            t for t in calendar.between(sentence.start, sentence.end)
            if t.end <= sentence.end and _dates_it(t, published)
            and not (quotation and dates.points_back(t))
        ]
        if rules.not_a_report.search(text, sentence.start, sentence.end) or quotation and not (
            dated or rules.in_quotation.search(text, sentence.start, sentence.end)
        ):
            continue
        found_clauses = clauses.clauses(text, sentence.start, sentence.end, words=words)
        subjects.extend(p for c in found_clauses if c.subject for p in named.between(*c.subject) if not _modifier(text, p, c.subject[1]) and not _in_opening(text, rules, p, c.subject))
        lead = main_clause(found_clauses)
        previous = drafts[-1] if drafts else None
        if previous and previous.paragraph == sentence.paragraph and previous.quotation is quotation and not dated and not _reports(lead) and (
            rules.continues.match(text, sentence.start) or _certainty_cue(rules, text[sentence.start : sentence.end])
        ):
            previous.end = sentence.end
            continue
        before = len(drafts)
        for part in _parts(text, rules, found_clauses, dated, quoted, lede=story.sentences_told <= LEDE, published=published):
            draft = _candidate(text, rules, sentence, part, dated, lengths.between(part.start, part.end), quoted, quotation, quotes, cues, story, drafts, published)
            if draft is not None:
                drafts.append(draft)
        if len(drafts) == before and len(dated) == 1 and _frames(text, rules, sentence, dated[0], published):
            story.set(dating.from_words(dated[0]), happening=False)
    return drafts


def _reports(clause: Clause | None) -> bool:
    """Whether a clause reports a happening or a statement."""
    verb = clause.verb if clause else None
    return verb is not None and (verb.happening or (verb.speech and verb.tense in ("past", "present", "perfect") and not verb.negated))


def _parts(text: str, rules: Rules, found: list[Clause], dated, quoted, lede: bool = False, published: date | None = None) -> list[Part]:
    """The sentence as one part, or split where a clause other than its main
    one reports a happening with a date of its own ("retook Palmyra, which it
    had lost last March"; "Since the iPhone was released in 2007, ..."), or,
    in the `lede`, the happening the news followed ("Shares rose after the
    company took a majority stake in ...")."""
    lead = main_clause(found)
    if lead is None:
        return []
    groups: list[list[Clause]] = [[]]
    current = groups[0]
    split_off = False  # whether the current group is a clause dated on its own
    gaps: dict[int, tuple[int, int]] = {}  # a group's words left out of its title: a clause split off before the main clause resumes
    lead_dated = dating.governing(text, rules, dated, lead, [], quoted) is not None
    for clause in found:
        # "X happened when Y happened on Friday": the time of a when-clause is
        # the main clause's; so is the time of a second verb when the first has none
        # ("14 were killed and scores injured ... on Wednesday").
        simultaneous = clause.role == "adverbial" and (clause.opener in rules.simultaneous or _ongoing(clause)) or (
            clause.role == "coordinate" and clause.opener in ("and", "or") and not lead_dated
        )
        # "a coup that deposed Mugabe in 2017" tells when the coup was; "an area that burned last year" is dated on its own.
        restrictive = clause.role == "relative" and clause.opener == "that" and _word_before(text, clause.start) in rules.event_nouns
        own = clause is not lead and clause.role in ("relative", "adverbial", "coordinate") and clause.verb is not None and not simultaneous and not restrictive and (
            clause.verb.happening and (
                dating.governing(text, rules, dated, clause, [], quoted)
                or lede and _cause(clause) and not any(t.start <= clause.start < t.end for t in dated)  # not "two days after the flight vanished": a time
            )
        )
        back_to_main = split_off and clause.role in ("main", "coordinate")
        resumes = back_to_main and clause.role == "main" and clause.subject is None
        leads = next((g for g in groups if any(c is lead for c in g)), None) if resumes else None
        if leads is not None and leads is not current:
            # "the death toll, which rose on Wednesday, is expected to rise": the lead's clause goes on.
            gaps[id(leads)] = (groups[groups.index(leads) + 1][0].start, clause.start)
            current = leads
        elif own or back_to_main:
            current = []
            groups.append(current)
        split_off = bool(own) or (split_off and not back_to_main)
        current.append(clause)
    parts = []
    for group in groups:
        if not group:
            continue
        event = lead if lead in group else next((c for c in group if c.verb), group[0])
        speech = None
        attribution = next((c for c in group if c.role == "attribution" and _reports(c)), None)
        if attribution is not None:
            # "Troops withdrew on Monday, officials said", "Qantas plans daily
            # flights to Bombay, the airline announced Friday."
            speech = attribution
        elif not _reports(event):
            # "The figures showed the rate declined last month": the clause after it tells what happened.
            event = next((c for c in group if c.start > event.start and c.role in ("complement", "coordinate") and _reports(c)), event)
        if speech is not None:
            pass
        elif event.verb and (event.verb.speech or event.verb.lemma in clauses.load_verbs().complement_verbs):
            # (Or what is to come on a day ahead, when the saying has no day of its own: "said the bridge
            # will open on Friday", a plan on someone's word; not "in October revealed plans to expand by 2025".)
            content = next((c for c in group if c.role == "complement" and c.verb and (c.verb.happening or _ahead(c.verb)) and c.start > event.start), None)
            governed = content and dating.governing(text, rules, dated, content, [], quoted)
            if governed and (content.verb.happening or published and _begins_after(governed[0].value, published) and not _dated_itself(text, rules, dated, event, quoted, governed)):
                event, speech = content, event
        elif event.role == "complement":
            speech = next((c for c in reversed(group) if c.start < event.start and c.verb), None)
        start, end = _trim(text, group[0].start, group[-1].end)
        before = [c for c in found if c.start < event.start and c.subject and c.role in ("main", "coordinate")]
        shared = before[-1].subject if before and event.subject is None and event.role in ("adverbial", "coordinate") and speech is None else None
        if event.role == "main" and event.subject is None and found[0] not in group and found[0].role == "main" and found[0].verb is None:
            shared = _trim(text, found[0].start, found[0].end)  # "The ferry, which sank on Sunday, was raised": the subject before the relative clause
        if end > start:
            parts.append(Part(start, end, tuple(group), event, speech, shared, gaps.get(id(group))))
    return parts


def _ahead(verb: clauses.Verb) -> bool:
    return not verb.negated and (verb.tense == "future" or verb.ahead)


def _dated_itself(text: str, rules: Rules, dated, clause: Clause, quoted, content_time) -> bool:
    """Whether a clause has a time of its own besides the one its content has."""
    own = dating.governing(text, rules, dated, clause, [], quoted)
    return bool(own) and own[0] is not content_time[0]


def _cause(clause: Clause) -> bool:
    """Whether a clause tells, in the simple past, the happening its main
    clause followed: "after the company cut its sales forecast"."""
    verb = clause.verb
    return clause.role == "adverbial" and clause.opener in ("after", "following") and clause.subject is not None and verb is not None and verb.tense == "past" and not verb.progressive


def _modifier(text: str, name: Mention, end: int) -> bool:
    """Whether a name in a subject only modifies the noun after it ("The New
    Orleans oil company added", "Obama administration officials said"): the
    subject is the noun, not the name."""
    after = LOWER_WORD.match(text, name.end, end)
    # ("President Ana Gil first announced": an adverb before the verb modifies no noun.)
    adverb = after is not None and (after.group(1) in clauses.load_verbs().group_adverbs or after.group(1).endswith("ly"))
    return after is not None and not adverb and after.group(1) not in ("and", "or", "who", "which", "that")


LOWER_WORD = re.compile(r"\s+([a-z][a-z-]*)\b")


def _in_opening(text: str, rules: Rules, name: Mention, subject: tuple[int, int]) -> bool:
    """Whether a name is in a phrase that opens the sentence before its
    subject ("Wearing the glittering Imperial Crown, he read out the
    speech"): not the subject."""
    end = titles.opening_phrase_end(text, *subject, rules)
    return end is not None and name.end <= end


def _word_before(text: str, at: int) -> str:
    """The word before `at`, in lower case ("" at the text's start)."""
    before = WORD_BEFORE.search(text, max(0, at - 40), at)
    return before.group(1).lower() if before else ""


def _ongoing(clause: Clause) -> bool:
    """'before fighting back to beat Robredo on Sunday': an -ing clause
    tells the same occasion as its main clause."""
    return clause.verb is not None and clause.verb.head.endswith("ing") and clause.verb.start == clause.verb.end - len(clause.verb.head)


def _candidate(text, rules, sentence, part: Part, dated, lengths, quoted, quotation, quotes, cues, story, drafts, published) -> Draft | None:
    """The part as a proposed event, dated, or None when it reports no
    happening an editor would put on a timeline. A plan ("will meet on
    Friday") is proposed when the article gives it a date still ahead."""
    clause = part.event
    verb = clause.verb
    if rules.no_comment.search(text, clause.start, clause.end):
        return None  # "A spokesperson declined to comment"
    others = [c for c in part.clauses if c is not clause]
    governed = dating.governing(text, rules, dated, clause, others, quoted, sentence.start)
    state = _state_report(clause) and bool(rules.state_reports.search(text, part.start, part.end))
    findings = _findings(text, rules, clause, story, part)
    # "Qantas plans daily flights, the airline announced": told on someone's word; not what did not happen.
    attributed = part.speech is not None and part.speech.role == "attribution" and verb is not None and not verb.negated and not verb.state
    # A plan is of something to happen ("the bridge is set to open on Wednesday"), not a state ("tomorrow will be quieter").
    if not _reports(clause) and not (_planned(clause, governed, published) and not verb.state) and not state and not attributed and not findings:
        return None
    if verb is not None and verb.tense == "perfect" and rules.lasting.search(text, clause.start, clause.end) and not rules.penalties.search(text, clause.start, clause.end):
        return None  # "Assange has avoided extradition for seven years": a state up to now
    ongoing = verb is not None and verb.progressive and verb.happening  # "it is being bombed with every kind of weapon"
    if verb is not None and quoted.holding(verb.start) and (verb.state or verb.tense not in PAST_TENSES and not ongoing) and not _planned(clause, governed, published):
        # "“Choosing a military leadership can harm the talks,” he said": a view, not a happening;
        # told on a day of its own ("..., Mr. Gerstner said Friday"), it is a statement of that day.
        governed = part.speech and dating.governing(text, rules, dated, part.speech, others, quoted, sentence.start)
        if not governed:
            return None
    if part.speech is not None and (governed is None or _modifies_noun(text, governed[0])):
        # "said Tuesday it cut the dividend due to its third-quarter loss": the saying's own day, not the loss's quarter.
        governed = dating.governing(text, rules, dated, part.speech, others, quoted, sentence.start) or governed
    when, cut = None, []
    length = next((
        t for t in lengths
        if (rules.counted_from.match(text, t.end) or rules.counted_from.search(t.text)) and quoted.holding(t.start) is None
    ), None)
    if length is not None:
        earlier = [(text[d.start : d.end], d.date) for d in drafts[-ANCHOR_REACH:] if d.date.basis == "words"]
        when = dating.anchored(text, rules, length, story, earlier)
        if when:
            cut.append((length.start, length.start + len(when.text)))
    if when is None and governed is not None:
        timex, mod = governed
        day = None
        abroad = bool(rules.early_abroad.search(text, max(0, timex.start - ABROAD_REACH), min(len(text), timex.end + ABROAD_REACH)))
        when = story.counted_from_story(story.in_its_year(dating.from_words(timex, mod, verb, published, abroad=abroad)), published)
        if timex.rule in rules.clock_times:
            # "on Monday, Dec. 14, at 10:01 p.m.", then "at 10:17 p.m.": the day told, not the report's.
            # Not "the chief, who had been suspended on Monday"; but "a series that ended at 2 a.m. on Wednesday" is the hour's clause.
            inside = [c for c in part.clauses if c.role != "relative" or c.start <= timex.start < c.end]
            days = [t for t in dated if t.type == "DATE" and t.precision == "day" and t.value and any(c.start <= t.start < c.end for c in inside)]
            day = min(days, key=lambda t: abs(t.start - timex.start), default=None)
            when = story.on_its_day(when, story.in_its_year(dating.from_words(day, None, verb, published, abroad=abroad)) if day else None)
        if _after_report(text, verb, when, published, _told_ahead(part, clause, timex), abroad):
            when = None  # "While the lead it takes into next week's final was a factor, it raised questions": not next week
        # Not from "in March and June", nor "pictures of Monday", nor "a third-quarter earnings report", where it is part of a noun phrase.
        elif not _modifies_noun(text, timex) and not re.match(r"[’']s\b|\s*(?:and|or|through|-|–)\s+(?:[A-Z0-9]|the\b|early\b|late\b|mid)", text[timex.end : timex.end + 16]) and (
            not re.search(r"\bof\s+$", text[max(0, timex.start - 4) : timex.start]) or TIME_OF.search(text, max(0, timex.start - 30), timex.start)
        ):
            if not rules.time_as_object.search(text, max(0, timex.start - 12), timex.start):
                cut.append(_date_words(text, rules, timex))
            if day is not None and not rules.not_governing_after.match(text, day.end):
                cut.append(_date_words(text, rules, day))  # "at 2 a.m. on Wednesday": the day goes with its hour
    told_start = min(clause.start, (clause.subject or part.subject or (clause.start,))[0])
    actor = (clause.subject or part.subject) if _acted(text, rules, clause, part, cues) else None
    kind = cues.kind(told_start, _told_end(text, part), sentence, when is not None and when.basis == "words")
    in_speech = clause.role == "complement" or part.speech is not None or rules.speech_verbs.search(text, clause.start, verb.start)
    if when is None and not in_speech and verb.tense == "present" and verb.progressive and verb.lemma in clauses.load_verbs().efforts:
        return None  # "Assange is trying to prepare for the case", "is being held at Belmarsh": a state of things, not news
    if when is None and findings and (issued := next((t for t in dated if part.start <= t.start < part.end and dating.on_calendar(t) and ISSUED.search(text, max(0, t.start - 30), t.start)), None)):
        when = dating.from_words(issued, None, verb, published, past=True)  # "..., according to a study published on Wednesday"
    if when is None and verb.tense == "present" and (verb.speech or verb.progressive and not verb.state or state or findings):
        if story.sentences_told > LEDE and not (verb.speech or in_speech or state):
            return None  # "A mansion is slipping toward the sea", further on: a state of things around the news
        when = dating.present(published)
    followed = drafts[-1] if drafts and drafts[-1].start >= sentence.start and clause.role == "adverbial" and _cause(clause) else None
    if when is None and followed is not None:
        # "Shares rose on Monday after the company took a stake": it happened by then.
        bounds = followed.date.basis == "words" and not followed.date.mod and not (published and _begins_after(followed.date.value or "", published))
        when = replace(followed.date, mod=dating.ON_OR_BEFORE) if bounds else dating.undated(published)
    # (Not "A man has been charged after a teenager was stabbed on Sunday": the perfect is news of now, not of that day.)
    if when is None and clause.role == "main" and verb.tense == "past" and (then := _day_it_followed(text, part, dated)) is not None:
        # "The bid collapsed after council members walked out on Sunday": on that day.
        when = dating.from_words(then, None, verb, published)
    if when is None:
        # A clause with an earlier year of its own that does not date it ("the
        # 2008 merger coincided with ...") is background, not news.
        if any(clause.start <= t.start < clause.end and dating.before_news(t, story) for t in dated):
            return None
        when = story.carry(text, rules, clause, state)
        # "Mubarak had promised reform": what had happened by then, undated, is backstory.
        if when is not None and when.mod:
            return None
        if when is not None and verb.speech and _tells_perfect(clause, part):
            when = None  # "The mayor said the club has withdrawn its bid": the story's day may be the saying's, not the happening's
        reaction = bool(rules.reactions.match(verb.head))  # "The nurses' union welcomed the resignation": a response, not the happening before it
        if when is not None and when.basis == "previous sentence" and (verb.speech and _told_by(part) is not None or reaction) and not _took_part(text, clause, drafts):
            # "Reyl was admitted to hospital on 3 May. Harbour police said the crates held a banned solvent": the
            # police spoke by the day of the report, on no day the sentence before gives them. (A comment on
            # the news, "The commander said the operation was a success", joins its entry instead.)
            when = dating.undated(published)
        elif when is None:
            when = dating.undated(published)
            # Undated, a happening is proposed when it opens the article: further on, it is background.
            # So is the news the lede tells in the present perfect, someone doing it ("an international team of scientists has created ...").
            news = story.sentences_told <= LEDE and not dated and clause.role == "main" and verb.tense == "perfect" and verb.happening and not verb.passive and not verb.speech and actor is not None
            if not (story.sentences_told == 1 and verb.happening and clause.role == "main" or news) and (kind is None or story.sentences_told > LEDE):
                return None
    elif when.basis == "words" and not when.mod and verb.happening and clause.role != "relative":
        story.set(when, happening=True, quoted=bool(governed and quoted.holding(governed[0].start)))
    # Told only in the story's time or the present, a happening is proposed when
    # someone does it (a name, a person, an agent such as "the minister" or
    # "police"), not for the colour around it ("the image was marred", "ships are waiting").
    if when.basis in ("present", *CARRIED) and kind is None and actor is None and not findings:
        return None
    # "Manning said the landing appeared flawless": a comment on the news, which joins its entry.
    # So is what someone says, with no happening in it, dated only by the time the story is telling.
    # ("Governor Ana Ruiz declared a state of emergency", "ordered a review": these verbs of speech with a thing as their object are acts.)
    act = verb.lemma in rules.speech_acts and not any(c.role == "complement" for c in part.clauses) and bool(THING_AFTER.match(text, verb.end))
    saying = verb.speech and part.speech is None and _told_by(part) is None and not act
    comment = saying and (when.basis != "words" and (
        _foretells(text, clause, part)
        or verb.lemma in clauses.load_verbs().commentary and kind in (None, "statement")
        or when.basis in ("story", "previous sentence", "present") and kind in (None, "statement", "official-statement", "testimony")
    ))
    # "Jefferies analyst Jon Marr said early Tuesday the market is misreading the results": an
    # analyst's view of the news, on whatever day, is a comment on it, not a happening of its own.
    comment |= verb.speech and part.speech is None and not any(
        c.role == "complement" and c.verb and c.verb.happening and c.verb.tense in PAST_TENSES for c in part.clauses
    ) and bool(rules.commentators.search(text, sentence.start, verb.start))
    if kind is None:
        kind = "statement" if findings else "plan" if not _reports(clause) else "statement" if verb.speech or part.speech is not None else "event"
    if dateline := rules.dateline.match(text, sentence.start):
        cut.append(dateline.span())
    # A date that opens the sentence without dating its verb ("April 30 Thomson Reuters on Tuesday reported").
    cut += [(t.start, t.end) for t in dated if t.start == sentence.start]
    told_in = (quotes.holding(governed[0].start) if governed else None) or quotation
    if part.gap:
        comma = text.rfind(",", part.start, part.gap[0])
        cut.append((comma if comma >= 0 else part.gap[0], part.gap[1]))
    # A relative clause set off by a comma is left out of the title, with its comma.
    cut += [
        (text.rfind(",", part.start, c.start), c.end) for c in part.clauses
        if c.role == "relative" and c is not clause and c is not part.speech and text[part.start : c.start].rstrip().endswith(",")
    ]
    return Draft(
        part.start, part.end, kind, when, told_in, sentence.paragraph, [], clause, cut, part.speech, part.subject,
        _told_by(part), _told_end(text, part), comment, actor=actor,
    )


def _took_part(text: str, clause: Clause, drafts: list[Draft]) -> bool:
    """Whether the one who speaks in an undated clause is named (by a word of
    their name or description) in the last few entries or since, or is a
    pronoun for someone."""
    if not drafts or clause.subject is None:
        return True
    words = [w for w in PASSAGE_WORD.findall(text[clause.subject[0] : clause.subject[1]]) if w.lower() not in SUBJECT_FILLERS]
    before = text[min(d.start for d in drafts[-3:]) : clause.subject[0]]
    return not words or any(re.search(rf"\b{re.escape(w)}\b", before, re.IGNORECASE) for w in words)


SUBJECT_FILLERS = frozenset("the a an his her its their he she they it we i this that these those".split())


def _day_it_followed(text: str, part: Part, dated) -> dates.Timex | None:
    """The day of the happening an undated main clause followed, told right
    after it: "collapsed | after council members walked out on Sunday"."""
    after = AFTER_TO_THE_END.match(text, part.end, min(len(text), part.end + 200))
    if after is None:
        return None
    return next((t for t in dated if t.start >= part.end and t.precision == "day" and t.end <= after.end()), None)


AFTER_TO_THE_END = re.compile(r"\s*after\b[^,;:—.]*(?=\.|$)")


def _findings(text: str, rules: Rules, clause: Clause, story: dating.Story, part: Part) -> bool:
    """Whether the clause tells, in the article's first sentences, what a
    study or a report finds: "A new study finds that ..." (in the present),
    "..., a study published on Wednesday found", "..., according to a study
    published on Wednesday"."""
    if story.sentences_told > LEDE:
        return False
    verb, speech = clause.verb, part.speech
    if verb is None:
        return False
    if verb.tense == "present" and verb.lemma in rules.finding_verbs and clause.subject is not None:
        return bool(rules.study_subjects.search(text, *clause.subject))
    if verb.tense not in ("present", "past", "perfect"):
        return False  # "According to the report, earth will pass 1.5C this decade": a forecast, not a finding
    return (
        speech is not None and speech.verb is not None and speech.verb.lemma in rules.finding_verbs
        and speech.subject is not None and bool(rules.study_subjects.search(text, *speech.subject))
        or bool(rules.according_to_study.search(text, clause.start, part.end))
    )


def _foretells(text: str, clause: Clause, part: Part) -> bool:
    """Whether what is said is a guess at what may come ("said the death toll
    might rise", "say it is expected to rise"): a comment, not news."""
    # "say the death toll, which rose on Wednesday, is expected to rise": what is said may resume after a relative clause.
    said = next((c for c in part.clauses if c.role in ("complement", "main") and c.start > clause.start), None)
    verb = said.verb if said else None
    return verb is not None and (verb.ahead or verb.tense == "modal" and text[verb.start : verb.end].split()[0].lower() in GUESSES)


def _acted(text: str, rules: Rules, clause: Clause, part: Part, cues: Cues) -> bool:
    """Whether the clause's subject (its own, or the one it shares) names
    someone: a capitalised name, or an agent word ("police", "the minister")."""
    span = clause.subject or part.subject
    if span is None:
        return False
    words = text[span[0] : span[1]]
    return cues.names_in(span[0], span[1]) or bool(rules.agents.search(words)) or bool(PERSONAL.search(words))


def _tells_little(text: str, clause: Clause) -> bool:
    """Whether at most two words follow the clause's verb ("began in 2021"),
    not one of speech (whose "when" is in what was said)."""
    return clause.verb is not None and not clause.verb.speech and len(PASSAGE_WORD.findall(text[clause.verb.end : clause.end])) <= 2


def _told_end(text: str, part: Part) -> int:
    """Where the words that tell the happening end, for its title: its
    clause and what depends on it (what was said, a restrictive relative
    clause), not a clause that follows with a happening of its own ("...,
    but after the commission failed to ..."), an attribution or a clause set
    off by a comma."""
    end = part.event.end
    if part.speech is not None and part.speech.role != "attribution":
        end = max(end, part.speech.end)
    for clause in part.clauses:
        if clause.start < end:
            continue
        if clause.role == "main" and clause.verb is not None:
            end = clause.end  # "the death toll, which rose on Wednesday, is expected to rise": the main clause resumes
            continue
        bound = text[max(part.start, clause.start - 2) : clause.start]
        # "were grabbed or pushed to the ground": a second verb of the same subject.
        shared = clause.role == "coordinate" and clause.opener in ("and", "or") and clause.subject is None and "," not in bound
        # "The case began | when a developer went to police": a verb with nothing after it is told by the "when" clause.
        bare = clause.role == "adverbial" and clause.opener == "when" and "," not in bound and _tells_little(text, part.event)
        if clause.role == "complement" or clause.role == "relative" and "," not in bound or shared or bare:
            end = clause.end
        elif clause.role == "relative" and any(c.role == "main" and c.verb is not None and c.start > clause.start for c in part.clauses):
            continue  # left out of the title (see the cut), the main clause goes on after it
        else:
            break
    return end


def _tells_perfect(clause: Clause, part: Part) -> bool:
    """Whether what a clause of speech tells is in the present perfect
    ("said the club has hosted tournaments"): done by the time it was said."""
    told = next((c for c in part.clauses if c.role == "complement" and c.verb and c.start > clause.start), None)
    return told is not None and told.verb.happening and told.verb.tense == "perfect"


def _told_by(part: Part) -> tuple[int, int] | None:
    """Who the article says told the happening, as the words of the subject
    of the clause of speech: "rebels" in "…, rebels said", "The agency" in
    "The agency reported that troops withdrew". None when the part is a
    statement with no happening in it, which the outlet itself reports."""
    speech = part.speech
    if speech is None and part.event.verb and part.event.verb.speech:
        told = any(c.role == "complement" and c.verb and c.verb.happening and c.start > part.event.start for c in part.clauses)
        speech = part.event if told else None
    if speech is None or speech.verb is None:
        return None
    if speech.subject:
        return speech.subject
    if speech.role == "attribution":
        return (speech.start, speech.verb.start)
    return None


def _state_report(clause: Clause) -> bool:
    verb = clause.verb
    return verb is not None and verb.state and verb.tense in ("present", "past") and not verb.negated and not verb.ahead


def _planned(clause: Clause, governed, published: date | None) -> bool:
    """A clause that tells what is to happen, on a date after the report's,
    or on its day ("was set to begin shutting off power Wednesday", written
    that Wednesday: the day's news)."""
    verb = clause.verb
    if verb is None or verb.negated or governed is None or published is None or not (verb.tense == "future" or verb.ahead):
        return False
    return _begins_after(governed[0].value, published) or governed[0].value == published.isoformat()


def _after_report(text: str, verb: clauses.Verb | None, when: FoundDate, published: date | None, plan_told: bool = False, abroad: bool = False) -> bool:
    """Whether a date found for a happening told as done ("captured", or
    "signalled three more rate cuts in 2026") begins after the report: then
    it is not that happening's time. (Not for what was said or decided of
    what is to come: "announced plans to travel next week", "promised to
    hold a vote next year", "said the store will open in November".)"""
    if verb is None or verb.ahead or verb.speech and plan_told or verb.tense not in PAST_TENSES or published is None:
        return False
    if re.match(r"\s+(?:\w+\s+){0,3}?to\s+[a-z]", text[verb.end : verb.end + 40]):
        return False
    if abroad and when.value and dating.next_day(when.value, published):
        return False  # the early hours of the next day where it happened (see dating.from_words)
    return _begins_after(when.value, published)


def _told_ahead(part: Part, clause: Clause, timex: dates.Timex) -> bool:
    """Whether the time sits in what a verb of speech tells of what is to
    come ("said the store will open in November", "said it would switch
    chips next year")."""
    return any(
        c is not clause and c.verb is not None and (c.verb.ahead or c.verb.tense in ("future", "modal")) and c.start <= timex.start < c.end
        for c in part.clauses
    )


def _begins_after(value: str, published: date) -> bool:
    try:
        return dates.when_of(value).start > published
    except dates.DateError:
        return False


def _modifies_noun(text: str, timex: dates.Timex) -> bool:
    """Whether a time is written as an adjective before a noun ("third-quarter
    net income", "a year-earlier loss"; not "in mid-1996 after")."""
    return bool(ADJECTIVE_TIME.search(timex.text)) and bool(re.match(r"\s+[a-z]", text[timex.end : timex.end + 3]))


ADJECTIVE_TIME = re.compile(r"-(?:quarter|year|month|week|day|half|period|earlier|ago)$", re.IGNORECASE)


DATE_MODIFIERS = "(?:this|last|early|late|earlier|later|around|about|close to|nearly|shortly|just)"


def _date_words(text: str, rules: Rules, timex: dates.Timex) -> tuple[int, int]:
    """The date's words with the preposition before them ("on Monday"), which a title leaves out."""
    # ("for the six months ended Sept. 30", "effective Jan. 1": the word that ties the date goes with it.)
    before = re.search(
        r"(?:(?<=months )|(?<=quarter )|(?<=year )|(?<=period )|(?<=weeks )|(?<=half ))(?:ended|ending) $|\beffective\s+$"
        # (One preposition with its modifiers, "late on", "on early": not "took over | in 2023", whose "over" is the verb's.)
        rf"|(?:\b{DATE_MODIFIERS}\s+)*\b(?:on|in|at|during|over|throughout|within|by|since|from)\s+(?:\b{DATE_MODIFIERS}\s+)*$|(?:\b{DATE_MODIFIERS}\s+)+$"
        # ("shortly before midnight", "an hour after 9pm": a time of day placed from another goes with it.)
        + (rf"|(?:\b(?:{DATE_MODIFIERS}|an?|one|two|three|four|five|\d+)\s+(?:minutes?\s+|hours?\s+)?)?\b(?:before|after)\s+$" if timex.type == "TIME" else "")
        + rf"|(?:\b(?:on|in|at|during|by|since|from|until)\s+)?{TIME_OF.pattern}",
        text[max(0, timex.start - 30) : timex.start], re.IGNORECASE,
    )
    closing = rules.date_words_after.match(text[timex.end : timex.end + 60])
    return (timex.start - len(before.group()) if before else timex.start, timex.end + (closing.end() if closing else 0))


def _subhead(text: str, sentence: Sentence, spans: list[tuple[int, int]]) -> bool:
    """A paragraph of a few words on one line with no closing punctuation:
    a subhead ("The fall of the city"), not a sentence that reports."""
    if len(spans) < 2:
        return False  # a one-line text is a report, not a subhead
    p_start, p_end = spans[sentence.paragraph]
    words = text[sentence.start : sentence.end]
    whole = not text[p_start : sentence.start].strip() and not text[sentence.end : p_end].strip()
    return whole and "\n" not in words and len(words.split()) <= 12 and not re.search(r"[.!?…:;”\"’)]$", words.rstrip())


def _dateline(text: str, sentence: Sentence, times) -> bool:
    """A line that is only a date (and perhaps a place): "June 8, 2010"."""
    words = text[sentence.start : sentence.end]
    rest = words
    for timex in times:
        rest = rest.replace(timex.text, " ")
    return len(words) < 80 and "\n" not in words.strip() and not re.search(r"[a-z]{3,}", re.sub(r"\b[A-Z][A-Za-z.]*", " ", rest))


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


def _dates_it(timex, published: date | None) -> bool:
    """Without a published date, relative words still say which words date
    the event, though not when."""
    return dating.on_calendar(timex) or (published is None and timex.value is None)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum() and text[start] not in "“\"":
        start += 1
    while end > start and text[end - 1] in " \t\n,;—":
        end -= 1
    return start, end


class Cues:
    """Each kind's cues, searched in a sentence part, and where the places
    and other names fall in the text, found once."""

    def __init__(self, text: str, rules: Rules, places: list[tuple[int, int, str]], named: list[tuple[int, int]], persons: list[tuple[int, int]] = ()):
        lowered = text.lower()
        # Lower case keeps the offsets for nearly every text; where it would not, case is ignored instead.
        self.fast = len(lowered) == len(text)
        self.text, self.kinds = (lowered if self.fast else text), rules.kinds
        # Every kind's cues in one pattern, read once a span: where it finds
        # none, no kind has a cue there, and none has one before the first it finds.
        self.any_cue = patterncache.compile("|".join(f"(?:{(k.lower_cues if self.fast else k.cues).pattern})" for k in self.kinds), 0 if self.fast else re.IGNORECASE)
        self.places = sorted([(a, b) for a, b, _ in places] + named)
        self.names = sorted(self.places + list(persons))

    @staticmethod
    def _within(spans: list[tuple[int, int]], start: int, end: int, after_start: bool = False) -> bool:
        i = bisect_left(spans, (start + after_start, -1))
        return i < len(spans) and spans[i][1] <= end

    def names_in(self, start: int, end: int) -> bool:
        """Whether a name (of a person, a body or a place) falls in [start, end)."""
        i = bisect_left(self.names, (start, -1))
        return i < len(self.names) and self.names[i][0] < end

    def kind(self, start: int, end: int, sentence: Sentence, dated: bool) -> str | None:
        """The first kind whose cue is in [start, end). A kind that needs a
        place needs one in the sentence: from the gazetteer, or a capitalised
        name that is not a person's and does not merely open the sentence."""
        first = self.any_cue.search(self.text, start, end)
        if first is None:
            return None
        for kind in self.kinds:
            cues = kind.lower_cues if self.fast else kind.cues
            if (kind.needs_date and not dated) or not cues.search(self.text, first.start(), end):
                continue
            if kind.needs_place and not self._within(self.places, sentence.start, sentence.end, after_start=True):
                continue
            return kind.name
        return None


def _certainty_cue(rules: Rules, passage: str) -> bool:
    return any(c.cues.search(passage) for c in rules.certainties)


# -- Quotes: each backs the happening it is attributed in, or a testimony -----


def _attach(text: str, drafts: list[Draft], found, said, persons: ByStart, timexes, published, told: dict[int, FoundDate]) -> list[Draft]:
    sentences = ByStart(said)
    calendar = ByStart(t for t in timexes if t.type in ("DATE", "TIME"))
    reporting = ByStart(d for d in drafts if d.quotation is None)
    telling: dict[int, list[Draft]] = {}
    for draft in drafts:
        if draft.quotation is not None:
            telling.setdefault(id(draft.quotation), []).append(draft)
    times = sorted(told)
    news = _NewsIndex(drafts)
    testimonies: dict[str, Draft] = {}
    absorbed: set[int] = set()
    held: dict[int, set[Quotation]] = {}  # each draft's quotes as a set: a testimony can gather hundreds, and a list is read through for each
    for quote in found:
        if quote.speaker is None:
            continue
        inside = telling.get(id(quote), [])
        holder = reporting.holding(quote.attribution)
        if holder is not None and _testifies(quote):
            # "She told the camera: ... Later she added: ...": one testimony, whose further words join it.
            first = testimonies.setdefault(quote.speaker, holder)
            if first is not holder and _only_speaks(holder):
                first.also.append((holder.start, holder.end))
                absorbed.add(id(holder))
                holder = first
        if holder is None and _testifies(quote) and _whole(quote):
            # The telling is an entry of its own, as well as what it tells, when the article dates it.
            holder = _testimony_for(text, testimonies, quote, sentences, persons, calendar, told, published)
        if holder is None and not inside:
            holder = news.of(_time_told(times, told, quote.attribution), quote.start)
            if holder is not None:
                # The comment's sentence is a passage of the news it comments on.
                sentence = sentences.holding(quote.attribution) or said[0]
                holder.also.append((min(sentence.start, quote.opened), max(sentence.end, quote.end)))
        # The happening a quotation tells, if it tells one; a testimony, if the
        # article says where it was given; else the news it comments on.
        for draft in [d for d in (holder, *inside) if d is not None]:
            has = held.get(id(draft))
            if has is None:
                has = held[id(draft)] = set(draft.quotes)
            if quote not in has:
                draft.quotes.append(quote)
                has.add(quote)
    known = {id(d) for d in drafts}
    drafts = [d for d in drafts if id(d) not in absorbed]
    return sorted(drafts + [d for d in testimonies.values() if id(d) not in known], key=lambda d: d.start)


def _only_speaks(draft: Draft) -> bool:
    """Whether the entry tells nothing but someone speaking ("Later she added:")."""
    return draft.kind in ("statement", "testimony") and (draft.clause is None or draft.clause.verb.speech)


def _time_told(times: list[int], told: dict[int, FoundDate], at: int) -> FoundDate | None:
    """The time the story was telling at `at` (`times`: the keys of `told`, sorted)."""
    i = bisect_left(times, at + 1) - 1
    return told[times[i]] if i >= 0 else None


class _NewsIndex:
    """The entries dated by their own words, by date, to find the news a
    comment is about."""

    def __init__(self, drafts: list[Draft]):
        self.by_date: dict[str | None, list[Draft]] = {}
        for draft in drafts:
            if draft.date.basis == "words":
                self.by_date.setdefault(draft.date.value, []).append(draft)

    def of(self, now: FoundDate | None, before: int) -> Draft | None:
        """The first entry dated `now` that starts before `before`."""
        if now is None:
            return None
        return next((d for d in self.by_date.get(now.value, []) if d.start < before), None)


def _testifies(quote: Quotation) -> bool:
    """Whether the article says where the words were given (a video, a post,
    an interview, a statement): a testimony of its own, not a comment."""
    return bool(quote.channel) and quote.channel != quotations.NOT_STATED


def _whole(quote: Quotation) -> bool:
    """Whether the words quoted are a statement of their own, which a
    testimony can be headed by: not a few words taken from one ("gladly",
    "the major components that we need")."""
    words = quote.text.split()
    return len(words) >= 4 and quote.text.lstrip(" '‘“\"")[:1].isupper()


def _testimony_for(
    text: str, testimonies: dict[str, Draft], quote: Quotation, sentences: ByStart, persons: ByStart, calendar: ByStart, told: dict[int, FoundDate], published,
) -> Draft | None:
    """The testimony a quotation belongs to: the speaker's, when the article
    is still on them; else a new one, told where the speaker was named, and
    dated by its own words or the time the story was telling there. None
    when the article does not date it: a comment on the news, then."""
    last = testimonies.get(quote.speaker)
    if last is not None and last.start < quote.start:
        return last
    at = sentences.holding(quote.attribution) or sentences.last_before(quote.attribution + 1)
    # (A name before the paragraph leaves `at` as it is, as no name does.)
    before = sentences.last_before(at.start, where=lambda s: s.paragraph != at.paragraph)
    named = persons.last_before(quote.attribution + 1, where=lambda p: p.name == quote.speaker, since=before.end if before else None)
    if named:
        intro = sentences.holding(named.start) or at
        at = intro if intro.paragraph == at.paragraph else at
    # A date in the quotation itself ("the Oct. 7 terrorists") is the speaker's, not when they spoke.
    own = [t for t in calendar.between(at.start, at.end) if t.end <= at.end and dating.on_calendar(t) and not quote.opened <= t.start < quote.end]
    # Words given are given by the day of the report: "Oct. 7", written in August, is last October.
    when = dating.from_words(own[0], published=published, past=True) if own else told.get(at.start) if _told_in_past(text, quote) else None
    if when is None:
        return None
    draft = Draft(at.start, at.end, "testimony", when, None, at.paragraph, [])
    testimonies[quote.speaker] = draft
    return draft


def _told_in_past(text: str, quote: Quotation) -> bool:
    """Whether the verb that attributes the words is in the past ("said",
    not "says"), so the story's time may date them."""
    around = clauses.tokens(text, max(0, quote.attribution - 60), min(len(text), quote.attribution + 60))
    verbs = clauses.load_verbs()
    tenses = [clauses.lemma(w.low, verbs) in verbs.speech and (w.low in verbs.past or w.low.endswith("ed")) for w in around if w.low in verbs.present_speech or clauses.lemma(w.low, verbs) in verbs.speech]
    return bool(tenses) and tenses[0]


# -- Finishing: certainty, places, titles, ids --------------------------------


def _finish(
    text, read, rules: Rules, drafts: list[Draft], quote_ids, places: list[tuple[int, int, str]], named: ByStart, persons: ByStart,
    subjects: ByStart, words: clauses.Words,
) -> tuple[FoundEvent, ...]:
    events, used = [], set()
    titled: dict[tuple[str, str | None, str | None], int] = {}  # (title, date, mod) -> the entry's index
    where = ByStart(places, start=lambda place: place[0], end=lambda place: place[1])
    source = None  # the last entry's source, for a "they said" that follows it
    # (`before`: the draft before, whose subject a relative clause right after it may share.)
    for before, draft in itertools.pairwise([None, *_told_again(_merged(drafts, persons), read, rules)]):
        passage = text[draft.start : draft.end]
        certainty, according_to = _certainty(read, rules, draft, persons)
        if according_to == NOT_NAMED and draft.told_by and read[draft.told_by[0] : draft.told_by[1]].strip().lower() == "it":
            # "Sales fell 18%, it said": the body last a subject, nearby.
            body = subjects.last_before(draft.told_by[0], where=lambda p: not p.person and not p.place, since=max(0, draft.start - 2 * titles.SUBJECT_REACH))
            according_to = body.name if body else according_to
        title = _title(read, rules, draft, persons, subjects, words, named)
        they = draft.told_by is not None and read[draft.told_by[0] : draft.told_by[1]].strip().lower() == "they"
        if they and source:
            # "The death toll had risen to 21, Russian authorities said. They said 42 were wounded."
            according_to = source
            title = re.sub(r"^They\b", source[:1].upper() + source[1:], title)
        elif source and (it := IT_SAID.match(passage) or IT_SAID.match(title)) and f" {it.group(1)} " in title:
            # "…, the US military said. It said it was withholding the names": the military, not the last name
            # (and "It did not reveal the location and said it was withholding ...").
            title = f"{source[:1].upper()}{source[1:]} {it.group(1)} {title.split(f' {it.group(1)} ', 1)[1]}"
        source = according_to if according_to not in (None, NOT_NAMED) else None
        names = tuple(dict.fromkeys(name for a, b, name in where.between(draft.start, draft.end) if b <= draft.end))
        if not names and RELATIVE.match(passage) and not QUOTE_TITLE.match(title):
            # "Palmyra, which it had lost": the place or name the clause is about comes just before it.
            # (Not a name that modifies the noun before the clause: "a Quentin Tarantino spin-off, which has been rumored".)
            names = tuple(name for a, b, name in where.between(draft.start - 40, draft.start) if b <= draft.start and not re.search(r"[a-z]", read[b : draft.start]))[-1:]
            named_before = named.last_before(draft.start + 1)
            antecedent = names[0] if names else named_before.name if named_before and draft.start - named_before.end <= 4 else titles.antecedent(read, draft.start)
            if antecedent and titles.AGED.search(antecedent) and (just := titles.person_just_named(read, persons, draft.start)) is not None:
                antecedent = just.name  # "Rovers sacked Tom Baines. The 52-year-old, who joined ...": Baines
            pronoun = SUBJECT_RELATIVE.match(passage)
            clause = draft.clause
            if antecedent and title.startswith("Whose "):
                title = f"{antecedent}’s {title[len('Whose '):]}"  # "the company, whose sales hit" is "The company’s sales hit"
            elif antecedent and pronoun and clause and clause.verb.start == draft.start + pronoun.end() and title.lower().startswith(pronoun.group().lower()):
                title = f"{antecedent} {title[pronoun.end():]}"  # "the death toll, which rose" is "The death toll rose"
            elif antecedent and title.startswith("Where ") and clause and clause.subject:
                # "states where cannabis had been legalized" is "Cannabis had been legalized in states".
                lower = antecedent[:1].lower() + antecedent[1:]
                place = lower if lower in read[max(0, draft.start - 80) : draft.start] else antecedent
                title = f"{title[6:7].upper()}{title[7:]} in {place}"
            elif antecedent and clause and clause.subject and clause.verb and not clause.verb.passive:
                # "Palmyra, which it had lost": what the clause's subject did to the antecedent.
                doer = read[clause.subject[0] : clause.subject[1]].strip()
                if doer.lower() in ("it", "they") and (main := _main_subject(read, before, draft)):
                    doer = main  # "Rebels retook the Old Town, which they had lost": the rebels
                elif doer.lower() in ("it", "they"):
                    body = subjects.last_before(draft.start + 1, where=lambda p: not p.person, since=max(0, draft.start - 2 * titles.SUBJECT_REACH))
                    doer = body.name if body and draft.start - body.end <= titles.SUBJECT_REACH else doer
                verb = read[clause.verb.start : clause.verb.end]
                title = f"{doer[:1].upper()}{doer[1:]} {verb} {_lower_article(antecedent)}"
            elif antecedent:
                title = f"{antecedent}, {title[:1].lower()}{title[1:]}"
        if title.startswith("It ") and draft.clause and draft.clause.subject:
            place = _place_it_stands_for(read, draft.clause.subject[0], where, named)
            title = f"{place} {title[3:]}" if place else title
        if titles.heads_nothing(title, rules) or titles.says_nothing(title):
            continue  # a fragment, a headline that does not say who or what was said, or a garbled one
        opener = title.split(" ", 1)[0]
        if _headless(read, draft, opener):
            continue  # "Noted if and how often respondents used marijuana": a verb with no one doing it
        if draft.date.basis != "words" and QUOTE_TITLE.match(title) and _a_view(title.split(": “", 1)[1]):
            continue  # "Ryan Suter: “We know where we are”", on the story's day: a view, no happening of its own
        passages = _passages((draft.start, draft.end), draft.also)
        twin = titled.get((title, draft.date.value, draft.date.mod))
        if twin is not None:
            # One quotation over two sentences, each titled by its opening words: one entry, both passages.
            first = events[twin]
            quotes = tuple(dict.fromkeys(first.quotes + tuple(quote_ids[id(q)] for q in draft.quotes)))
            events[twin] = replace(first, quotes=quotes, passages=_passages(first.passages[0], [*first.passages[1:], *passages]))
            continue
        event_id = _unique(f"{_slug(draft.date.value or 'undated', 4)}-{_slug(title, 6)}", used)
        (start, end), *_ = passages
        titled[(title, draft.date.value, draft.date.mod)] = len(events)
        events.append(FoundEvent(
            event_id, title, draft.kind, draft.date, names, start, end, text[start:end],
            tuple(quote_ids[id(q)] for q in draft.quotes), certainty, according_to, passages,
        ))
    return tuple(events)


def _main_subject(text: str, before: Draft | None, draft: Draft) -> str | None:
    """The subject of the main clause the relative clause `draft` follows
    straight after its comma, when it names someone."""
    if before is None or before.clause is None or before.clause.role != "main" or before.clause.subject is None:
        return None
    subject = text[before.clause.subject[0] : before.clause.subject[1]].strip()
    gap = text[before.end : draft.start]
    return subject if len(gap) <= 3 and "." not in gap and subject.lower() not in ("it", "they", "he", "she") else None


def _place_it_stands_for(text: str, at: int, where: ByStart, named: ByStart) -> str | None:
    """"Behind me is the Bustan al-Qasr neighborhood. Since last night, it is
    being bombed": an "it" (at `at`) soon after a place, with no other name
    between them in the paragraph, stands for the place."""
    place = where.last_before(at, since=max(0, at - IT_REACH))
    if place is None or "\n" in text[place[1] : at] or named.last_before(at, since=place[1]):
        return None
    return place[2]


def _a_view(quoted: str) -> bool:
    """Whether quoted words tell a state, an opinion or what is to come,
    not something done: their main clause is a state, or not in the past."""
    lead = main_clause(clauses.clauses(quoted, 0, len(quoted)))
    verb = lead.verb if lead else None
    return verb is None or verb.state or verb.tense not in PAST_TENSES


def _headless(text: str, draft: Draft, opener: str) -> bool:
    """Whether the title opens with a past verb or a participle that the
    passage writes in lower case ("and noted if ..."): a verb with no one
    doing it."""
    low = opener.lower()
    word = next((w.group() for w in PASSAGE_WORD.finditer(text, draft.start, draft.end) if w.group().lower() == low), None)
    if word is None or not word.islower():
        return False
    return word.endswith(("ed", "ing")) or word in clauses.load_verbs().past_forms


def _passages(first: tuple[int, int], others: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The entry's passages: its own first (grown by any that overlaps it),
    then the others in the text's order, each stretch of text once."""
    joined: list[list[int]] = []
    for start, end in sorted({first, *others}):
        if joined and start <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    own = next(i for i, (a, b) in enumerate(joined) if a <= first[0] < b or a == first[0])
    return (tuple(joined[own]), *(tuple(p) for i, p in enumerate(joined) if i != own))


RELATIVE = re.compile(r"(?:which|who|whom|whose|where)\b")
# "on the night of Nov. 2": the time of the day named goes with the date (not "pictures of Monday").
TIME_OF = re.compile(r"\b(?:the\s+)?(?:night|morning|afternoon|evening|eve|weekend|end|middle|start|beginning)\s+of\s+$", re.IGNORECASE)
WORD_BEFORE = re.compile(r"([\w’'-]+)\W*$")
PASSAGE_WORD = re.compile(r"[\w’'-]+")
COUNT = re.compile(r"(?<![\d.,$£€])\d{2,}(?:,\d{3})*(?![\d.,%])")  # "21 girls", "1,200 homes": not a sum or a share
WORD = re.compile(r"[A-Za-z][A-Za-z’'-]{2,}|\b[A-Z]{2}\b")  # words, and two-letter initials ("AK Party", "UN")
SUBJECT_RELATIVE = re.compile(r"(?:which|who)\s+")
IT_SAID = re.compile(r"It (said|says|added|announced|reported)\b")
QUOTE_TITLE = re.compile(r"[^:“]+: “")  # "Eddie Foreman: “The economy is tough”": named already
# "We hired 500", "This morning we took smaller roads": the speaker's own happening.
FIRST_PERSON = re.compile(r"(?:I|We|Our|My)\b|(?:This|Last|Yesterday|Today|Tonight|Earlier|Later|[A-Z][a-z]+ly)(?: \w+)?,? (?:I|we|our|my)\b")
PERSONAL = re.compile(r"\b(?:he|she|they|we|I)\b", re.IGNORECASE)  # a subject that is someone


def _told_again(drafts: list[Draft], text: str, rules: Rules) -> list[Draft]:
    """One entry per happening, across the article: a comment on the news
    joins the news's entry; a happening told again (the lede repeated,
    "ZEC declared Mnangagwa the winner" after "Mnangagwa has been declared
    winner") joins the first telling. Each joins as a further passage."""
    kept: list[Draft] = []
    same_date: dict[tuple, list[Draft]] = {}  # the kept entries by date: only those can tell the same happening
    common = _common(rules)
    words = {id(d): _content_words(text, d, common, rules.told_alike) for d in drafts}
    reached: dict[int, int] = {}  # the last paragraph each kept entry has a passage in
    by_report: list[Draft] = []  # the kept entries dated by the report, not comments, in order: what a lede's dated telling may join
    for draft in drafts:
        dated = same_date.setdefault((draft.date.value, draft.date.mod), [])
        first = next((d for d in dated[-RETOLD_REACH:] if _same_happening(d, draft, words[id(d)], words[id(draft)])), None)
        if first is None and draft.comment:
            first = next((d for d in dated if not d.comment and d.date.basis == "words"), None)
            if first is None:
                continue  # a comment on nothing the article dates: its quotes are left to stand alone
        news = next((
            d for d in reversed(same_date.get((draft.date.value, None), []))
            if d.date.basis == "words" and not d.comment and draft.paragraph - reached[id(d)] <= DETAIL_REACH
        ), None) if draft.date.basis in CARRIED else None
        if first is None and news is not None and _detail(draft) and _among(text, draft.actor, news, common):
            first = news
        if first is None and draft.date.basis == "words" and not draft.date.mod and not draft.comment:
            # "A tram derailed in Croydon, killing seven" (undated, by the report), then "The tram derailed
            # at about 6.10am on Wednesday": the lede's happening, dated now, on a day of the report's week.
            first = next((
                d for d in by_report if _days_before(d.date, draft.date) in range(RETOLD_DAYS + 1)
                and len(words[id(d)] & words[id(draft)]) >= max(2, LEDE_TOLD_SHARE * min(len(words[id(d)]), len(words[id(draft)])))
            ), None)
        if first is None and draft.date.basis == "story" and not draft.comment:
            # "Parise blocked a shot", "Morrison said he was surprised", told
            # on the story's day by someone its news names, or said by one who
            # did the news: more of that news. (A statement by someone it only
            # mentions, "the Security Council distanced itself", is an entry.)
            news_told = next((d for d in dated if d.date.basis == "words" and not d.comment and d.date.mod is None), None)
            if news_told is not None and draft.actor is not None and (
                _same_doer(text, draft.actor, news_told.actor, common) if _speaks(draft) else _among(text, draft.actor, news_told, common)
            ):
                first = news_told
        if first is None:
            kept.append(draft)
            if draft.date.basis == "publication" and not draft.comment:
                by_report.append(draft)
            dated.append(draft)
            reached[id(draft)] = draft.paragraph
            if news is not None:
                reached[id(news)] = draft.paragraph  # the story still tells that news
            continue
        if first.date.basis in (*CARRIED, "publication") and draft.date.basis == "words" and not draft.comment:
            # "Swift's albums were released through Big Machine" (the week carried on), then "last week, Swift
            # posted on Twitter accusing Big Machine": the telling dated by its own words heads the entry.
            kept[kept.index(first)] = draft
            by_report = [d for d in by_report if d is not first]
            if first in dated:
                dated[dated.index(first)] = draft
            else:  # (the lede's "by the report", now dated: it moves to its day's entries)
                same_date[(first.date.value, first.date.mod)].remove(first)
                dated.append(draft)
            reached[id(draft)] = reached.pop(id(first))
            first, draft = draft, first
        reached[id(first)] = max(reached[id(first)], draft.paragraph)
        first.also.append((draft.start, draft.end))
        first.also.extend(draft.also)
        first.quotes.extend(q for q in draft.quotes if q not in first.quotes)
    return kept


def _days_before(bound: FoundDate, found: FoundDate) -> int:
    """How many days `found` (a day, or a time of it) lies before `bound`; -1 when it cannot be told."""
    try:
        return (dates.when_of(bound.value or "").start - dates.when_of((found.value or "")[:10]).start).days
    except dates.DateError:
        return -1


def _detail(draft: Draft) -> bool:
    """A happening told in the time the news set, with no date of its own
    ("The police later lashed out at reporters", "Radio signals took eight
    minutes"): part of that news, when it follows it closely. Someone's
    statement, or a happening told on someone else's word, is an entry of
    its own (the seed's "SANA claims opposition shelling")."""
    return draft.date.basis in CARRIED and draft.told_by is None and not _speaks(draft)


def _speaks(draft: Draft) -> bool:
    """Whether the draft's verb is one of speech ("said", "condemned")."""
    return draft.clause is not None and draft.clause.verb is not None and draft.clause.verb.speech


def _among(text: str, actor: tuple[int, int] | None, news: Draft, common: frozenset[str]) -> bool:
    """Whether a detail's doer, if it names one, takes part in the news:
    "Williams" in "Serena Williams won", not "the minister" after "the
    spacecraft landed" (whose congratulations are a happening of their own)."""
    return actor is None or _told_in(text, actor, [(news.start, news.end), *news.also], common)


def _same_doer(text: str, actor: tuple[int, int], doer: tuple[int, int] | None, common: frozenset[str]) -> bool:
    """Whether an actor is (one of) the news's doers: "Morrison" of "Kurt
    Volker and Tim Morrison testified", by the last word of a name."""
    return doer is not None and _told_in(text, actor, [doer], common, names_only=True)


def _told_in(text: str, actor: tuple[int, int], spans: list[tuple[int, int]], common: frozenset[str], names_only: bool = False) -> bool:
    """Whether the actor's name (else, unless `names_only`, one of its words) is told in the spans."""
    told = {w.lower() for a, b in spans for w in WORD.findall(text[a:b])}
    words = [w for w in WORD.findall(text[actor[0] : actor[1]]) if w.lower() not in common]
    names = [w for w in words if w[0].isupper()]
    # A name is known by its last word: "Steve Ballmer" is not "Steve Jobs".
    if names:
        return names[-1].lower() in told
    return not names_only and any(w.lower() in told for w in words)


def _same_happening(first: Draft, other: Draft, mine: set[str], theirs: set[str]) -> bool:
    """Whether two entries tell one happening: the same date (or neither
    dated but by the report) and most of the words that say what happened
    (`mine`, `theirs`: its verb and its names) in common."""
    if first.date.value != other.date.value or (first.date.mod != other.date.mod) or first.comment or other.comment:
        return False
    if not mine or not theirs:
        return False
    return len(mine & theirs) >= max(2, 0.35 * min(len(mine), len(theirs)))


def _content_words(text: str, draft: Draft, common: frozenset[str], alike: dict[str, str]) -> set[str]:
    """The stems of the words that say what happened: the clause's, without
    function words, and its counts ("21"); "declared" and "declares" share
    "declar", and words that tell it alike ("released", "freed") share one.
    Of a statement, what is said, not who says it."""
    clause = draft.clause
    start, end = (clause.start, draft.told_end or clause.end) if clause else (draft.start, draft.end)
    if clause is not None and clause.verb is not None and clause.verb.speech:
        start = clause.verb.end
    words = WORD.findall(text[start:end])
    commentary = clauses.load_verbs().commentary
    stems = {alike.get(w.lower()[:6], w.lower()[:6]) for w in words if w.lower() not in common and w.lower() not in commentary}
    return stems | {n for n in COUNT.findall(text, start, end) if not YEAR_WRITTEN.fullmatch(n)}


def _common(rules: Rules) -> frozenset[str]:
    """The words that say nothing of what happened or who did it."""
    verbs = clauses.load_verbs()
    return frozenset(rules.function_words | verbs.determiners | verbs.prepositions | verbs.auxiliaries | verbs.pronoun_subjects)


def _merged(drafts: list[Draft], persons: ByStart) -> list[Draft]:
    """One entry per happening: sentences in a row telling it (same kind,
    date and quotation, with nothing between them) become one event; so do
    the words that introduce a quotation ("She told the camera:") and the
    happening the quotation tells; and so does what someone says right after
    the happening they took part in ("Lina al-Shamy posted a video of
    herself. In it, al-Shamy said: ...")."""
    merged: list[Draft] = []
    for draft in drafts:
        last = merged[-1] if merged else None
        if last and last.kind == draft.kind and last.date == draft.date and last.quotation is draft.quotation and (
            draft.quotation is not None or last.paragraph == draft.paragraph
        ):
            merged[-1] = replace(last, end=max(last.end, draft.end), quotes=last.quotes + [q for q in draft.quotes if q not in last.quotes])
        elif last and _introduces(last, draft):
            merged[-1] = replace(draft, start=last.start, quotes=draft.quotes + [q for q in last.quotes if q not in draft.quotes])
        elif last and _elaborates(last, draft, persons) and not (last.date.basis in CARRIED and draft.date.basis == "words"):
            # (Not "Swift's albums were released through Big Machine" (the week carried on), then "last week,
            # Swift posted on Twitter accusing Big Machine": the telling its own words date is an entry.)
            merged[-1] = replace(last, end=max(last.end, draft.end), quotes=last.quotes + [q for q in draft.quotes if q not in last.quotes])
        else:
            merged.append(draft)
    return merged


def _elaborates(done: Draft, said: Draft, persons: ByStart) -> bool:
    """Whether `said` is its speaker's words about `done`, which they took
    part in: the next sentence of the same or the next paragraph, a
    statement not dated otherwise, by someone named in `done`."""
    if done.quotation is not None:
        return False  # what a speaker tells is not something they took part in
    verb = said.clause.verb if said.clause else None
    # (Not a happening told with a verb of speech: "Home Depot reported $2.53 in per-share earnings" is news of its own.)
    speaking = said.kind in ("testimony", "statement", "official-statement", "political-reaction")
    if not speaking or said.date.basis == "words" and said.date.value != done.date.value or said.paragraph - done.paragraph > 1:
        return False
    speakers = {q.speaker for q in said.quotes if q.speaker}
    speakers |= {p.name for p in persons.between(said.start, said.clause.verb.start if verb else said.end)}
    involved = {p.name for p in persons.between(done.start, done.end)} | {q.speaker for q in done.quotes}
    return bool(speakers & involved)


def _introduces(speech: Draft, told: Draft) -> bool:
    """Whether `speech` only introduces the quotation that `told` is in."""
    verb = speech.clause.verb if speech.clause else None
    quote = told.quotation
    return (
        quote is not None and not _testifies(quote) and speech.quotation is None and speech.date.basis != "words"
        and (verb is None or verb.speech) and speech.start <= quote.attribution <= speech.end + 2
        and speech.end <= quote.opened + 1
    )


def _certainty(text: str, rules: Rules, draft: Draft, persons: ByStart) -> tuple[str, str | None]:
    """How sure the article is, and on whose word: its own hedges first
    ("unconfirmed", "according to", "were said to"); then a happening told
    as someone's words ("…, rebels said", "The agency reported that …") is
    claimed by them; a statement itself is what the outlet reports."""
    passage = text[draft.start : draft.end]
    speaker = draft.quotation.speaker if draft.quotation else None
    for certainty in rules.certainties:
        if certainty.cues.search(passage):
            who = next((m.group("who") for p in certainty.who for m in [p.search(passage)] if m), None)
            who = _noun_phrase(who, draft.start + passage.find(who) if who else 0, persons)
            if who is None and draft.told_by is not None:
                # "The alleged attack took place …, police said": on the word of who tells it.
                who = _noun_phrase(text[draft.told_by[0] : draft.told_by[1]], draft.told_by[0], persons)
            if speaker:
                who = f"{who}, as {speaker} says" if who else speaker
            return certainty.name, who or NOT_NAMED
    if draft.told_by is not None:
        return "claimed", _noun_phrase(text[draft.told_by[0] : draft.told_by[1]], draft.told_by[0], persons) or NOT_NAMED
    if speaker:
        return "claimed", speaker
    return "reported", None


def _noun_phrase(words: str | None, at: int, persons: ByStart) -> str | None:
    """Who, as a name or a noun phrase: "the state news agency", "Karim
    Nasser" for a "he" or "she"; None for a fragment ("under", "She later")."""
    if not words:
        return None
    words = words.strip(" \"“”'`")
    if dateline := load_rules().dateline.match(words):
        words = words[dateline.end() :]
    tokens = clauses.tokens(words, 0, len(words))
    verbs = clauses.load_verbs()
    # The time that opens a sentence ("On 12 February 2016 the army") is not who.
    tokens = [t for t in tokens if t.low not in verbs.group_adverbs and t.low not in verbs.time_words and t.low not in verbs.negations and not t.low.isdigit()]
    comma = max((i for i, t in enumerate(tokens) if t.text == ","), default=-1)
    if comma >= 0 and comma < len(tokens) - 1 and all(t.low in verbs.prepositions or t.text[:1].isupper() or t.low in ("however", "meanwhile") for t in tokens[:1]):
        tokens = tokens[comma + 1 :]  # "However, Jobs": who comes after the opening word
    while tokens and (tokens[0].low in verbs.prepositions or tokens[0].low in ("and", "but", "so", "then", ",", "however", "meanwhile")):
        tokens = tokens[1:]
    if not tokens:
        return None
    if tokens[0].low in ("he", "she") and len(tokens) == 1:
        named = persons.last_before(at, where=lambda p: p.end <= at)
        return named.name if named else None
    if tokens[0].low in verbs.pronoun_subjects:
        return None
    while len(tokens) > 1 and tokens[-1].text.islower() and (tokens[-1].low.endswith("ly") or tokens[-1].low in ("even", "also", "only", "just", "still")):
        tokens = tokens[:-1]  # "Kerry even meekly (invited)": who, without the adverbs before the verb
    if tokens[-1].low in verbs.determiners or any(t.low in verbs.auxiliaries for t in tokens):
        return None  # "… over his alleged role": "alleged" describes, no one is named as claiming; a clause is no one
    shown = words[tokens[0].start : tokens[-1].end].strip(" ,;:")
    comma = shown.find(",")
    if comma > 0 and tokens[0].low in ("a", "an", "the"):
        # "A rebel spokesman, Amir Kassab,": the name the description gives.
        named = next((p for p in persons.between(at + comma, at + len(words)) if p.person and " " in p.name and not p.possessive), None)
        if named is not None:
            return named.name
    shown = shown[:comma] if comma > 0 else shown
    return _lower_article(shown) if shown else None


def _lower_article(words: str) -> str:
    return re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", words)


def _title(text: str, rules: Rules, draft: Draft, persons: ByStart, subjects: ByStart, words: clauses.Words, named: ByStart) -> str:
    # A testimony is headed by its words, unless its speaker did something
    # the clause tells ("Lina Saleh posted a video of herself").
    subject = text[draft.clause.subject[0] : draft.clause.subject[1]] if draft.clause and draft.clause.subject else ""
    acted = any(q.speaker and q.speaker.split()[-1] in subject for q in draft.quotes)  # ("Doherty was quoted calling …": Michael Doherty)
    # (Not by a word or two quoted: "Michael Doherty: “failed”" heads nothing.)
    whole = [q for q in draft.quotes if _whole(q)]
    if draft.clause is None or draft.kind == "testimony" and whole and not acted:
        if whole:
            speakers = [q.speaker for q in draft.quotes]
            main = max(speakers, key=speakers.count)
            quote = next((q for q in whole if q.speaker == main), whole[0])
            return titles.quote_title(quote.speaker, quote.text)
        return titles.title(text, rules, draft.start, draft.end, [], persons, subjects=subjects, words=words, bodies=named)
    reporting = draft.clause if draft.speech is None or draft.speech.role == "attribution" else draft.speech
    verb = reporting.verb
    # A quotation of a few words ("a little grace") stays inside the clause's own headline.
    said = next((
        q for q in draft.quotes
        if verb and verb.speech and q.speaker and len(q.text.split()) > 4 and _whole(q)
        and (reporting.start <= q.attribution < reporting.end or 0 <= q.opened - reporting.end <= 3 and "\n" not in text[reporting.end : q.opened])
    ), None)
    if said is not None and draft.quotation is None:
        # "Obama said “…”": the speaker's own words make the headline.
        return titles.quote_title(said.speaker, said.text)
    start = reporting.start
    if reporting.subject:
        # An adverbial clause's title starts at its subject ("Hours after | Sinwar was named").
        start = reporting.subject[0] if reporting.role == "adverbial" else min(start, reporting.subject[0])
    elif reporting.role == "main":
        # "The governments, which sponsor the talks, invited ...": the subject opens the part.
        start = draft.start
    end = draft.told_end or draft.end
    made = titles.title(text, rules, start, end, draft.cut, persons, verb.start if verb else None, draft.subject, subjects, words, named)
    made = made or titles.title(text, rules, draft.start, end, draft.cut, persons, subjects=subjects, words=words, bodies=named)
    if draft.quotes and draft.quotes[0].speaker and titles.says_nothing(made):
        # "Kieswetter said", after his words: the words make the headline.
        return titles.quote_title(draft.quotes[0].speaker, draft.quotes[0].text)
    if titles.says_nothing(made) and reporting.role == "attribution" and draft.start < reporting.start:
        # "The phone runs on the A4 processor, Apple said": "Apple said the phone runs on the A4 processor".
        told = titles.title(text, rules, draft.start, reporting.start, draft.cut, persons, subjects=subjects, words=words, bodies=named)
        if told.split(" ", 1)[0].lower() in clauses.load_verbs().determiners:
            told = told[:1].lower() + told[1:]
        made = f"{made} {told}" if told else made
    if draft.quotation is not None and draft.quotation.speaker and FIRST_PERSON.match(made):
        # "In April we hired 500," Kieswetter said: the speaker's own words, theirs by name.
        quote = draft.quotation
        return titles.quote_title(quote.speaker, text[max(draft.start, quote.opened) : min(draft.end, quote.end)].strip(" \"“”"))
    return made


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
