"""Reading an article's text: its rules, sentences and the people it names.

The later stages of extraction (quotations, events) work on what this module
finds: sentence spans, and every mention of a person resolved to the fullest
name the article gives them ("al-Hamdo" is "Abdulkafi Al-Hamdo").
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from pathlib import Path

from generator import patterncache
from generator.alternation import by_first_character, by_first_letter, first_character
from generator.clauses import lemma, load_verbs
from generator.passages import paragraphs
from generator.spans import ByStart

RULES_FILE = Path(__file__).parent / "rules" / "extract.toml"


@dataclass(frozen=True)
class Kind:
    name: str
    cues: re.Pattern[str]
    needs_place: bool
    needs_date: bool
    # The cues in lower case, matched case-sensitively in a lower-cased text:
    # the same matches, at about half the cost of ignoring case.
    lower_cues: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Certainty:
    name: str
    cues: re.Pattern[str]
    who: tuple[re.Pattern[str], ...]
    not_for: frozenset[str] = frozenset()  # kinds of event it never applies to


@dataclass(frozen=True)
class Rules:
    abbreviations: frozenset[str]
    marks: tuple[tuple[str, str], ...]
    label_before: re.Pattern[str]
    transcript_turn: re.Pattern[str]
    speech_verbs: re.Pattern[str]
    commentators: re.Pattern[str]
    speech_acts: frozenset[str]
    reactions: re.Pattern[str]
    named_after: re.Pattern[str]
    message_pronoun: re.Pattern[str]
    shared_message: re.Pattern[str]
    relation: re.Pattern[str]
    name_run: re.Pattern[str]
    not_person_words: frozenset[str]
    body_by_members: re.Pattern[str]  # a name of two words or more before "militants", "spokesman": a body's
    known_places: frozenset[str]
    he_titles: frozenset[str]
    she_titles: frozenset[str]
    date_words: frozenset[str]
    sentence_starters: frozenset[str]
    pronouns: frozenset[str]
    before_organisation: re.Pattern[str]
    title_word: re.Pattern[str]
    title_abbreviations: dict[str, tuple[str, ...]]
    party_words: frozenset[str]
    channels: tuple[tuple[str, str], ...]  # name, pattern with {outlet} still in it
    fragment_words: int  # a phrase this short in marks needs a verb of speech that gives it to someone
    long_fragment_words: int  # words in marks this long are someone's even with no one named
    short_label_before: re.Pattern[str]
    title_small_words: frozenset[str]
    max_title_words: int
    subject_skips: frozenset[str]
    not_speaking_after: frozenset[str]
    passive_after: frozenset[str]
    subordinators: frozenset[str]
    intro_openers: frozenset[str]
    given_name_titles: frozenset[str]
    state_after: re.Pattern[str]
    acronym: re.Pattern[str]
    not_acronyms: frozenset[str]
    determiners: frozenset[str]
    description_ends: frozenset[str]
    cut_phrase_end: re.Pattern[str]
    body_nouns: frozenset[str]
    name_heads: frozenset[str]
    named_before_head: frozenset[str]
    document_nouns: frozenset[str]
    issued_documents: frozenset[str]
    institution_nouns: frozenset[str]
    prepositions: frozenset[str]
    joined_by_comma: re.Pattern[str]
    characterising: re.Pattern[str]
    text_that: re.Pattern[str]
    kinds: tuple[Kind, ...]
    certainties: tuple[Certainty, ...]
    clause_breaks: re.Pattern[str]
    continues: re.Pattern[str]
    in_quotation: re.Pattern[str]
    not_a_report: re.Pattern[str]
    state_reports: re.Pattern[str]  # a state that tells a happening ("now under regime control")
    study_subjects: re.Pattern[str]
    according_to_study: re.Pattern[str]
    finding_verbs: frozenset[str]
    lasting: re.Pattern[str]  # a stretch that runs to now ("for seven years")
    penalties: re.Pattern[str]  # a penalty's length, no stretch up to now ("sentenced to prison for 10 years")
    agents: re.Pattern[str]  # words for someone who acts, though not named ("the minister", "police")
    title_skips: re.Pattern[str]
    frame_before: re.Pattern[str]  # the words before a time that sets a frame for the next sentence
    frame_precisions: frozenset[str]  # the dates that carry forward to the next sentence
    frame_shifts: re.Pattern[str]  # words that move a clause off the time carried forward
    no_comment: re.Pattern[str]  # "declined to comment": no happening
    place_pattern: re.Pattern[str]
    place_followers: frozenset[str]
    not_governing_before: re.Pattern[str]
    comparison_before: re.Pattern[str]
    outcome_of_day: re.Pattern[str]
    occasion_of_day: re.Pattern[str]
    occasion_of_a_day: re.Pattern[str]
    not_governing_after: re.Pattern[str]
    year_as_modifier: re.Pattern[str]
    year_as_modifier_before: re.Pattern[str]
    bounding_before: re.Pattern[str]
    as_object_after: re.Pattern[str]
    simultaneous: frozenset[str]
    event_nouns: frozenset[str]
    told_alike: dict[str, str]  # a word's six-letter stem -> the stem its group of words that tell one happening goes by
    speaker_time: re.Pattern[str]
    clock_times: frozenset[str]
    frame_shifts_story: re.Pattern[str]
    frame_after_story: re.Pattern[str]
    counted_from: re.Pattern[str]
    date_words_after: re.Pattern[str]
    time_as_object: re.Pattern[str]
    early_abroad: re.Pattern[str]
    name_before_year: re.Pattern[str]
    time_nouns: re.Pattern[str]
    game_words: re.Pattern[str]  # in lower case, sought in the text in lower case (`in_lower_case`)
    game_periods: re.Pattern[str]
    function_words: frozenset[str]
    title_connectives: frozenset[str]
    title_openers: frozenset[str]
    fragment_openers: frozenset[str]
    unresolved_openers: frozenset[str]
    vague_openers: frozenset[str]
    before_infinitive: frozenset[str]
    object_then_infinitive: frozenset[str]
    needs_more: frozenset[str]
    before_as: frozenset[str]
    ing_nouns: frozenset[str]
    needs_phrase: frozenset[str]
    person_roles: frozenset[str]
    linking_adjectives: frozenset[str]
    partitives: frozenset[str]
    title_attribution: re.Pattern[str]
    artifacts: re.Pattern[str]
    dateline: re.Pattern[str]


@cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    quotes, speech, names = data["quotes"], data["speech"], data["names"]
    token = f"(?:{names['token']})"
    particle = "|".join(names["particles"])
    # (The titles behind their own look-ahead: where a name may begin but no title, as at a lower-case particle, they are passed over at once.)
    titles = (first_character(names["titles"], ignore_case=False) or "") + f"(?P<title>{names['titles']})"
    name_run = rf"(?:{titles}\s+)?(?P<name>{token}(?:[ \t]+(?:(?:{particle})[ \t]+)?{token}){{0,7}})"
    # (Found in the whole text: the look-ahead lets the engine pass over what no name begins with.)
    name_run = patterncache.compile((first_character(name_run, ignore_case=False) or "") + name_run)
    return Rules(
        abbreviations=frozenset(data["sentences"]["abbreviations"]),
        marks=tuple(tuple(pair) for pair in quotes["marks"]),
        label_before=patterncache.compile(rf"(?:{quotes['label_before']})\s*$", re.IGNORECASE),
        transcript_turn=patterncache.compile(quotes["transcript_turn"], re.MULTILINE),
        # (The lookahead lets the regex engine skip non-letters fast.)
        commentators=patterncache.compile(speech["commentators"], re.IGNORECASE),
        speech_acts=frozenset(speech["speech_acts"]),
        reactions=patterncache.compile(speech["reactions"], re.IGNORECASE),
        speech_verbs=patterncache.compile(rf"\b(?=[A-Za-z])(?:{by_first_letter(speech['verbs'])})\b", re.IGNORECASE),
        named_after=patterncache.compile(speech["named_after"]),
        message_pronoun=patterncache.compile(speech["message_pronoun"], re.IGNORECASE),
        shared_message=_skipping(speech["shared_message"]),
        relation=patterncache.compile(speech["relation"], re.IGNORECASE),
        name_run=name_run,
        not_person_words=frozenset(names["not_person_words"]),
        # (Sought through the whole text: a capital first, so the engine skips to the next one at once; the look-behind is the \b before it.)
        body_by_members=patterncache.compile(rf"([A-Z](?<!\w[A-Z])[\w’'-]+ (?:[A-Z][\w’'-]+ )*[A-Z][\w’'-]+) (?:{'|'.join(names['members_after_body'])})\b"),
        known_places=frozenset(names["known_places"]),
        he_titles=frozenset(names["he_titles"]),
        she_titles=frozenset(names["she_titles"]),
        date_words=frozenset(names["date_words"]),
        sentence_starters=frozenset(names["sentence_starters"]),
        pronouns=frozenset(names["pronouns"]),
        title_word=patterncache.compile(names["titles"]),
        party_words=frozenset(names["party_words"]),
        title_abbreviations={title: tuple(short) for title, short in names["title_abbreviations"].items()},
        before_organisation=patterncache.compile(rf"\b(?:{'|'.join(names['before_organisation'])}) $", re.IGNORECASE),
        channels=tuple((c["name"], c["pattern"]) for c in data["channel"]),
        fragment_words=quotes["fragment_words"],
        long_fragment_words=quotes["long_fragment_words"],
        short_label_before=patterncache.compile(rf"(?:{quotes['short_label_before']})\s*$", re.IGNORECASE),
        title_small_words=frozenset(quotes["title_small_words"]),
        max_title_words=quotes["max_title_words"],
        subject_skips=frozenset(speech["subject_skips"]),
        not_speaking_after=frozenset(speech["not_speaking_after"]),
        passive_after=frozenset(speech["passive_after"]),
        subordinators=frozenset(speech["subordinators"]),
        intro_openers=frozenset(speech["intro_openers"]),
        given_name_titles=frozenset(names["given_name_titles"]),
        state_after=patterncache.compile(names["state_after"]),
        acronym=_skipping(names["acronym"]),
        not_acronyms=frozenset(names["not_acronyms"]),
        determiners=frozenset(names["determiners"]),
        description_ends=frozenset(names["description_ends"]),
        cut_phrase_end=patterncache.compile(names["cut_phrase_end"]),
        body_nouns=frozenset(names["body_nouns"]),
        name_heads=frozenset(names["name_heads"]),
        named_before_head=frozenset(names["named_before_head"]),
        document_nouns=frozenset(names["document_nouns"]),
        issued_documents=frozenset(names["issued_documents"]),
        institution_nouns=frozenset(names["institution_nouns"]),
        prepositions=frozenset(names["prepositions"]),
        joined_by_comma=patterncache.compile(names["joined_by_comma"]),
        characterising=patterncache.compile(rf"\b(?:{speech['characterising']})\b", re.IGNORECASE),
        text_that=patterncache.compile((first_character(speech["text_that"]) or "") + f"(?:{speech['text_that']})", re.IGNORECASE),
        kinds=tuple(
            Kind(
                k["name"], patterncache.compile(k["cues"], re.IGNORECASE), k.get("needs_place", False), k.get("needs_date", False),
                patterncache.compile(_lower_pattern(k["cues"])),
            )
            for k in data["kind"]
        ),
        certainties=tuple(
            Certainty(c["name"], patterncache.compile(c["cues"], re.IGNORECASE), tuple(patterncache.compile(w, re.IGNORECASE) for w in c["who"]),
                      frozenset(c.get("not_for", ())))
            for c in data["certainty"]
        ),
        clause_breaks=patterncache.compile(data["events"]["clause_breaks"]),
        continues=patterncache.compile(data["events"]["continues"]),
        in_quotation=patterncache.compile(data["events"]["in_quotation"], re.IGNORECASE),
        not_a_report=patterncache.compile(data["events"]["not_a_report"]),
        state_reports=patterncache.compile(data["events"]["state_reports"], re.IGNORECASE),
        study_subjects=patterncache.compile(data["events"]["study_subjects"], re.IGNORECASE),
        according_to_study=patterncache.compile(data["events"]["according_to_study"], re.IGNORECASE),
        finding_verbs=frozenset(data["events"]["finding_verbs"]),
        lasting=patterncache.compile(data["events"]["lasting"], re.IGNORECASE),
        penalties=patterncache.compile(data["events"]["penalties"], re.IGNORECASE),
        agents=patterncache.compile(data["events"]["agents"], re.IGNORECASE),
        title_skips=patterncache.compile(data["events"]["title_skips"]),
        frame_before=patterncache.compile(data["events"]["frame_before"], re.IGNORECASE),
        frame_precisions=frozenset(data["events"]["frame_precisions"]),
        frame_shifts=patterncache.compile(data["events"]["frame_shifts"], re.IGNORECASE),
        no_comment=_skipping(data["events"]["no_comment"], re.IGNORECASE),
        place_pattern=_skipping(data["places"]["pattern"]),
        place_followers=frozenset(data["places"]["followed_by"]),
        not_governing_before=_skipping(data["dating"]["not_governing_before"], re.IGNORECASE),
        comparison_before=patterncache.compile(data["dating"]["comparison_before"], re.IGNORECASE),
        outcome_of_day=patterncache.compile(data["dating"]["outcome_of_day"], re.IGNORECASE),
        occasion_of_day=patterncache.compile(data["dating"]["occasion_of_day"], re.IGNORECASE),
        occasion_of_a_day=patterncache.compile(data["dating"]["occasion_of_a_day"], re.IGNORECASE),
        not_governing_after=patterncache.compile(data["dating"]["not_governing_after"]),
        year_as_modifier=patterncache.compile(data["dating"]["year_as_modifier"]),
        year_as_modifier_before=patterncache.compile(data["dating"]["year_as_modifier_before"], re.IGNORECASE),
        bounding_before=patterncache.compile(data["dating"]["bounding_before"], re.IGNORECASE),
        as_object_after=patterncache.compile(data["dating"]["as_object_after"]),
        simultaneous=frozenset(data["dating"]["simultaneous"]),
        event_nouns=frozenset(data["dating"]["event_nouns"]),
        told_alike={word[:6]: group[0][:6] for group in data["events"]["told_alike"] for word in group},
        speaker_time=patterncache.compile(data["dating"]["speaker_time"], re.IGNORECASE),
        clock_times=frozenset(data["dating"]["clock_times"]),
        frame_shifts_story=_skipping(data["dating"]["frame_shifts_story"], re.IGNORECASE),
        frame_after_story=patterncache.compile(data["dating"]["frame_after_story"], re.IGNORECASE),
        counted_from=patterncache.compile(data["dating"]["counted_from"]),
        date_words_after=patterncache.compile(data["dating"]["date_words_after"]),
        time_as_object=patterncache.compile(data["dating"]["time_as_object"], re.IGNORECASE),
        early_abroad=patterncache.compile(data["dating"]["early_abroad"], re.IGNORECASE),
        name_before_year=patterncache.compile(data["dating"]["name_before_year"]),
        time_nouns=patterncache.compile(data["dating"]["time_nouns"], re.IGNORECASE),
        game_words=_skipping(_lower_pattern(data["dating"]["game_words"])),
        game_periods=patterncache.compile(data["dating"]["game_periods"], re.IGNORECASE),
        function_words=frozenset(data["dating"]["function_words"]),
        title_connectives=frozenset(data["titles"]["connectives"]),
        title_openers=frozenset(data["titles"]["openers"]),
        fragment_openers=frozenset(data["titles"]["fragment_openers"]),
        unresolved_openers=frozenset(data["titles"]["unresolved_openers"]),
        vague_openers=frozenset(data["titles"]["vague_openers"]),
        before_infinitive=frozenset(data["titles"]["before_infinitive"]),
        object_then_infinitive=frozenset(data["titles"]["object_then_infinitive"]),
        needs_more=frozenset(data["titles"]["needs_more"]),
        before_as=frozenset(data["titles"]["before_as"]),
        ing_nouns=frozenset(data["titles"]["ing_nouns"]),
        needs_phrase=frozenset(data["titles"]["needs_phrase"]),
        person_roles=frozenset(data["names"]["person_roles"]),
        linking_adjectives=frozenset(data["titles"]["linking_adjectives"]),
        partitives=frozenset(data["titles"]["partitives"]),
        title_attribution=patterncache.compile(data["titles"]["attribution"], re.IGNORECASE),
        artifacts=patterncache.compile(data["text"]["artifacts"], re.IGNORECASE),
        dateline=patterncache.compile(data["text"]["dateline"]),
    )


def _skipping(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` behind a look-ahead for the characters its match can begin
    with, read off the pattern (generator/alternation.py): for the patterns
    sought through the whole text, or at every place of a stretch, the
    engine passes over at once the places where no match can begin."""
    ahead = first_character(pattern, ignore_case=bool(flags & re.IGNORECASE))
    return patterncache.compile(f"{ahead}(?:{pattern})" if ahead else pattern, flags)


def in_lower_case(text: str) -> str | None:
    """The text in lower case, at the same offsets, where a pattern written
    in lower case finds in it, case counting, what it finds in the text
    ignoring case (about twice as fast: the engine folds no character);
    None where it would not: a letter whose lower case is longer moves the
    offsets, and "ı" and "ſ" are "i" and "s" only where case is ignored."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) and "ı" not in text and "ſ" not in text else None


def _lower_pattern(pattern: str) -> str:
    """The pattern with its letters in lower case, escapes (\\W, \\B) left alone."""
    return re.sub(r"(\\.)|([A-Z])", lambda m: m.group(1) or m.group(2).lower(), pattern)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index into the article's paragraphs
    headline: bool = False  # the article's first line, when it is a title


@dataclass(frozen=True)
class Mention:
    """A run of capitalised words: a person (with the fullest name the
    article gives them) or, when `person` is False, an organisation or place."""

    start: int
    end: int
    text: str
    name: str
    person: bool
    possessive: bool = False  # "Mr. Pattison's decision": named, but not who acts
    place: bool = False  # "Hong Kong", "Aleppo": named, but no body that acts


INITIAL = re.compile(r"[A-Z]\.")
ADVERB = re.compile(r"(?:ally|ately|ously|ively|edly|ntly|ngly|ably|ibly|arly|fully|lessly)$")  # not names ending in -ly: Kelly, Emily, Italy
APPOSITION = re.compile(r",\s+(?:a|an|the|which|who|whose|one|based|headquartered|founded)\b")  # a name described after its comma
POSSESSIVE = re.compile(r"[’']s$|(?<=s)[’']$")  # "Mr. Ross's", "Courtaulds'"
# A sentence ends at a full stop before a capital, a number or an opening
# mark (TeX-style ``, as wire copy uses, included).
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?=\s+[\"“‘(`A-Z0-9])")
# A question or an exclamation in marks goes on when a name and a verb of speech follow it.
SPEAKER_NEXT = re.compile(r"\s+(?:[A-Z][\w.’'-]*\s+){1,4}([a-z]+)\b")  # '…?" Jane Doe asked'
LINE_END = re.compile(r"\n")


def sentences(text: str, rules: Rules) -> list[Sentence]:
    """Sentences by their punctuation; a line break also ends one when the
    line ends in punctuation or opens a transcript turn. An article's first
    line without closing punctuation, with more text after it, is its headline."""
    found: list[Sentence] = []
    headline = _headline(text)
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        cuts = {p_start, p_end} | ({headline} if headline and p_start < headline < p_end else set())
        for end in SENTENCE_END.finditer(text, p_start, p_end):
            word = re.search(r"([\w.]+)\.$", text[max(p_start, end.start() - 12) : end.start() + 1])
            if word and (word.group(1) in rules.abbreviations or re.fullmatch(r"[A-Z]", word.group(1))):
                continue
            if text[end.start()] in "?!" and end.end() > end.start() + 1 and (said := SPEAKER_NEXT.match(text, end.end())) and rules.speech_verbs.fullmatch(said.group(1)):
                continue  # '"Is this the end?" Jane Doe asked.': the attribution goes on the sentence
            cuts.add(end.end())
        for newline in LINE_END.finditer(text, p_start, p_end):
            before = text[p_start : newline.start()].rstrip()
            if re.search(r"[.!?…:”\"]$", before) or rules.transcript_turn.match(text, newline.end(), p_end):
                cuts.add(newline.end())
        for a, b in pairwise(sorted(cuts)):
            a += len(text[a:b]) - len(text[a:b].lstrip())
            b -= len(text[a:b]) - len(text[a:b].rstrip())
            if a < b:
                found.append(Sentence(a, b, index, headline=headline is not None and b <= headline))
    return found


def _headline(text: str) -> int | None:
    """Where the headline ends, if the text opens with one."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or not text[end:].strip():
        return None
    return None if re.search(r"[.!?…:”\"]$", text[start:end].rstrip()) else end


def initials(words: str) -> str:
    """'The Daily Beast' -> 'TDB', 'Abdulkafi Al-Hamdo' -> 'AA'."""
    return "".join(w[0] for w in words.replace("’", " ").split() if w[0].isupper())


THING_BEFORE = re.compile(r"\b(?:the|a|an)\s+$")
BODY_BEFORE = re.compile(r"\b([a-z]+)\s+$")
QUESTION = re.compile(r"[^.!?\n]*\?")
PLURAL_VERB = re.compile(r" (?:have|are|were)\b")
# (The capital first, so that the engine passes over what is none at once; the look-behind then checks what precedes it.)
MID_SENTENCE_CAPITAL = re.compile(r"[A-Z](?<=[a-z,;] [A-Z])[\w’'-]*")
NOT_SPACE = re.compile(r"\S+")


def _gerund(word: str, mid_sentence: set[str], before_name: bool) -> bool:
    """'Getting Disney+ right will be a test', 'Hosting Cook at Dreamforce is
    our dream': a verb in -ing opening a sentence is no part of a name (not
    "Fleming", nor, before a name, a word the text capitalises elsewhere:
    "said Sterling Brown")."""
    low = word.lower()
    return low.endswith("ing") and (lemma(low, load_verbs()) in load_verbs().known or before_name and word not in mid_sentence)


def mentions(text: str, rules: Rules, is_place, skip: list[tuple[int, int]] = ()) -> list[Mention]:
    """Every capitalised run outside the `skip` spans (quotations), in order.

    A run is a person when it has two or more words and none that marks an
    organisation or place, or when a title precedes it, or when it is the
    surname (or the given name) of a person named earlier. A surname stands
    for the person of that name most recently in play: after "King Hussein",
    "Hussein" is the king, not the Saddam Hussein named before him.
    """
    found: list[Mention] = []
    # "Cafeteria workers were sent home": a capital that only ever opens a sentence is no name.
    mid_sentence = set(MID_SENTENCE_CAPITAL.findall(text))
    surnames: dict[str, str] = {}
    given: dict[str, str] = {}  # "saddam" -> "Saddam Hussein"
    bodies_by_members = {m.group(1) for m in rules.body_by_members.finditer(text)}
    skip = sorted(skip)
    skip_starts = [a for a, _ in skip]
    for match in rules.name_run.finditer(text):
        at = bisect_right(skip_starts, match.start()) - 1
        if at >= 0 and skip[at][0] <= match.start() < skip[at][1]:
            continue
        tokens = list(NOT_SPACE.finditer(match.group("name")))
        # "What's more", and "Says Michael Hirsch": a verb of speech opening a
        # sentence before its subject (not "Mr. Tell").
        before = text[max(0, match.start() - 4) : match.start()].rstrip()
        # (Not after a quotation closed by a comma: '"…," Ford said' goes on with its speaker.)
        opens = not match.group("title") and (not before or before[-1] in ".!?\"”'’`:") and not before.rstrip("\"”'’`").endswith(",")
        # ("Will Warren continue to face the heat?": a question's modal, not a given name.)
        asks = opens and len(tokens) > 1 and tokens[0].group() in ("Will", "Can") and QUESTION.match(text, match.end())
        while tokens and (POSSESSIVE.sub("", tokens[0].group()) in rules.sentence_starters or opens and (rules.speech_verbs.fullmatch(tokens[0].group()) or _gerund(tokens[0].group(), mid_sentence, len(tokens) > 1))):
            tokens = tokens[1:]
        if asks:
            tokens = tokens[1:]
        # ("Winger Jon Ekberg", "Singer-guitarists Tom Johnston": a role opening the run, before a name of two words.)
        if len(tokens) >= 3 and _role(tokens[0].group(), rules) and all(t.group()[:1].isupper() for t in tokens[1:]):
            tokens = tokens[1:]
        titled = bool(match.group("title")) and tokens and tokens[0].start() == 0
        title = match.group("title") if titled else None
        # "Kellogg Chairman William E. LaMothe": the name follows the title.
        inner = [i for i, w in enumerate(tokens[:-1]) if rules.title_word.fullmatch(w.group())]
        title_at = match.start("name") + tokens[inner[-1]].start() if inner else match.start()
        if inner:
            title = tokens[inner[-1]].group()
            tokens, titled = tokens[inner[-1] + 1 :], True
        words = [w.group() for w in tokens]
        if not words or all(INITIAL.fullmatch(w) for w in words) or all(w.strip(".,") in rules.date_words for w in words):
            continue
        possessive = bool(POSSESSIVE.search(words[-1]))
        words[-1] = POSSESSIVE.sub("", words[-1])
        name = " ".join(words)
        offset = match.start("name") + tokens[0].start()
        start = match.start() if titled and not inner else offset
        whole = text[match.start() : match.end()]
        named_body = any(w.strip(".,") in rules.not_person_words for w in words)
        # ("Palo Alto, Calif.": a place by the state after it; a body's name is no place, and its check is spared.)
        place = is_place(whole) or is_place(name) or name in rules.known_places or not named_body and bool(rules.state_after.match(text, match.end()))
        # ("construction goods giant Home Depot", "the automaker General Motors": a body's noun names a body.)
        described = None if place or named_body else BODY_BEFORE.search(text, max(0, start - 16), start)
        organisation = place or named_body or bool(described and described.group(1) in rules.body_nouns) or name in bodies_by_members
        # ("Big Machine have twice denied it": one person takes no plural verb.)
        organisation |= not titled and len(words) >= 2 and not possessive and bool(PLURAL_VERB.match(text, match.end())) and text[max(0, start - 5) : start].strip() != "and"
        if organisation and title:
            # "Justice Department": the title word is part of the body's name.
            name, start = f"{title} {name}", title_at
        # "an analyst at First Boston", "the chairman of New York-based RJR"
        after_preposition = not titled and rules.before_organisation.search(text, max(0, start - 8), start)
        key = words[-1].lower()
        if len(words) == 1 and opens and not titled and not organisation and key not in surnames and key not in given and words[0] not in mid_sentence and not (
            APPOSITION.match(text, match.end()) and not ADVERB.search(words[0]) or re.search(r"-[A-Z]", words[0])  # "Hallet-Prior, a software company, said"; not "Overall, it said", "Ultimately, the firm said"
        ):
            continue
        # "the Imperial Crown", "the Trump administration": a thing the article names.
        after_article = not titled and THING_BEFORE.search(text, max(0, start - 24), start)
        if organisation or (after_preposition and key not in surnames) or after_article:
            person = False
        elif title in rules.given_name_titles:
            person, name = True, f"{title} {name}"
        elif len(words) >= 2:
            person = True
            given.setdefault(words[0].lower(), name)
        elif key in surnames:
            person, name = True, surnames[key]
        elif key in given:
            person, name = True, given[key]
        else:
            person = titled
        if person:
            surnames[key] = name
        mention = Mention(start, match.end(), whole[start - match.start() :], name, person, possessive, place)
        found.append(_joined_by_and(text, found, mention, rules, is_place))
    return found


def dominant(mentions: ByStart[Mention], at: int, counted, least: int, twice: bool = True) -> Mention | None:
    """The name `counted` finds most often before `at` (the later one on a
    tie), if at least `least` times and, when `twice`, twice as often as
    any other; its last mention."""
    counts: dict[str, int] = {}
    last: dict[str, Mention] = {}
    for mention in mentions.items[: bisect_left(mentions.starts, at)]:
        if counted(mention):
            counts[mention.name] = counts.get(mention.name, 0) + 1
            last[mention.name] = mention
    best = max(counts, key=lambda name: (counts[name], last[name].start), default=None)
    if best is None or counts[best] < least or twice and any(n * 2 > counts[best] for name, n in counts.items() if name != best):
        return None
    return last[best]


def title_ways(head: str, rules: Rules) -> str:
    """A title and the ways it is abbreviated, as one alternation of
    patterns: "governor" -> "governor|Gov\\."."""
    return "|".join(re.escape(t) for t in (head, *rules.title_abbreviations.get(head, ())))


def pronoun_by_title(person: Mention, rules: Rules) -> str | None:
    """"he" for "Mr Mugabe", "she" for "Queen Elizabeth": the pronoun the
    title a person is named with tells; None when it tells none."""
    title = person.text.split()[0]
    return "he" if title in rules.he_titles else "she" if title in rules.she_titles else None


def _role(word: str, rules: Rules) -> bool:
    """Whether a word names a person's role: "Winger", "Singer-guitarists"."""
    return any(part in rules.person_roles or part.removesuffix("s") in rules.person_roles for part in word.lower().split("-"))


def _joined_by_and(text: str, found: list[Mention], mention: Mention, rules: Rules, is_place) -> Mention:
    """"Competition and Markets Authority", "Food and Drug Administration":
    a body's name holding "and" is read as two runs; the word before "and"
    belongs to the body when it is a lone word naming no one and no place,
    and the run after "and" ends in a word of bodies' names."""
    before = found[-1] if found else None
    if before is None or mention.start - before.end != len(" and "):
        return mention  # (the usual case, told first: this runs for every name)
    words = mention.name.split()
    if (
        len(words) < 2
        or words[-1] not in rules.not_person_words
        or mention.person
        or before.person
        or before.possessive
        or " " in before.name
        or text[before.end : mention.start] != " and "
        or is_place(before.name)
    ):
        return mention
    found.pop()
    return replace(mention, start=before.start, text=text[before.start : mention.end], name=f"{before.name} and {mention.name}")


COUNTRIES_FILE = Path(__file__).parent / "rules" / "countries.toml"


@dataclass(frozen=True)
class Countries:
    """The countries of rules/countries.toml: a pattern for every way one
    is written, and for each way, the country's name and adjective."""

    written: re.Pattern[str]
    country: dict[str, tuple[str, str]]


@cache
def load_countries(path: Path = COUNTRIES_FILE) -> Countries:
    country = {}
    for line in tomllib.loads(path.read_text(encoding="utf-8"))["countries"]:
        name, _, rest = line.partition(":")
        others = [w.strip() for w in rest.split(",")]
        for way in (name, *others):
            country[way] = (name, others[0])
    # (Sought through the whole text: opening with a character, the pattern lets the engine skip to the next capital at once.)
    ways = by_first_character(sorted(country, key=len, reverse=True), not_after=r"[\w.]")
    return Countries(re.compile(rf"(?:{ways})(?!\w)"), country)
