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
from bisect import bisect_left
from functools import lru_cache

from generator.clauses import NUMBER_WORDS, TIME_SPANS, Token, Words, clause_verbs, lemma, load_verbs, tokens
from generator.reading import POSSESSIVE, Mention, Rules, dominant, load_countries, load_rules, pronoun_by_title, title_ways
from generator.spans import ByStart

LIMIT = 12
LONGEST = 22  # words a title may reach when it cannot end well nearer the limit
WHOLE = 18  # a clause this long is kept whole when it reads as one (editors' grades: many cut titles, never one too long)
YEAR = re.compile(r"(?:1[89]|20)\d\d")
WHOLE_BREAKS = frozenset(", ; : — that which who whom whose where when while because although year years week weeks month months night morning afternoon evening yesterday today tomorrow".split())
SUBJECT_WORDS = 6  # a longer subject is shortened to its name or head
# A title may end before these words: where a phrase ends.
PHRASE_ENDS = frozenset(
    "in on at for with from to by after before during over amid as despite following including while "
    "and but or which who whom where when because although though since until than into about against "
    "under through between among near across around without within according rather".split()
)
# Nor may it end on these.
DANGLING = frozenset(
    "a an the of to in on at for with from by and or but that which who whose its his her their our my "
    "your this these those as than into about is are was were be been has have had will would could "
    "should may might must not no according such along alongside together including he she it they "
    "beginning starting rather particularly especially notably mainly largely chiefly mostly".split()
)
ASIDES = frozenset("however nonetheless nevertheless meanwhile meantime moreover furthermore".split())  # words that tie a sentence to the one before
PARTICLE_IN = frozenset("sworn moved checked called signed logged".split())  # verbs whose "in" or "on" ends a title
# Nor on these, unless a verb they are a particle of comes right before ("took over").
STRANDED = frozenset("over against between among amid despite into toward towards via".split())
# A length of time ending a title after a comma: "more than two years", "nearly a decade", "some 30 years".
SPAN_AFTER_COMMA = re.compile(
    r"(?:(?:more|less|fewer) than |nearly |almost |about |some |just |only |over |under )?"
    r"(?:a |an |a few |several |\d+ |(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty) )?"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)"
)
# Nor on these, which leave what they qualify to come ("the government was only | on pace").
LEFT_OPEN = frozenset("only just more less fewer nearly almost both".split())
# Before a number these are no prepositions: "about $300 million", "over 50".
APPROXIMATE = frozenset("about over around under".split())
# These open a clause that needs its verb in the title.
NEEDS_VERB = frozenset("where which who whom because although though whereas if when while".split())
THAT_CLAUSE_OPENERS = frozenset("the a an he she it they we i his her its their there this these those".split())  # words after "that" that open a clause
# After "to", words that open a noun phrase rather than a verb.
NOT_VERBS = frozenset(load_verbs().determiners | {"power", "court", "prison", "hospital", "jail", "office", "death", "date"})
# Words that open a phrase before the subject ("Up to the present moment, it").
OPENING_WORDS = frozenset("up in on at by for with from to into over under after before during since until through about amid despite following of among besides like unlike as including according".split())
# A clause proposed on its own drops the word that tied it to its sentence ("Because the division had ...").
SUBORDINATORS = frozenset("because although though whereas while".split())
CLAUSE_WORDS = SUBORDINATORS | frozenset("since after before when as once until if".split())
# Words that open a clause depending on the one before: a title ends there first.
CLAUSE_OPENERS = frozenset("while because which who whom where when after before since until although though if whereas but that".split())
SUBORDINATING = frozenset(load_verbs().subordinators) - {"as"}  # "such as", "as well as" open no clause
PRONOUNS = {"he", "she"}
COUNTRY_NOUNS = frozenset({"government", "country", "nation"})
# Words a headline does without: "Jobs also said" is "Jobs said".
FILLERS = frozenset("also already even just still actually indeed meanwhile".split())
INITIAL = re.compile(r"[A-Z]\.")
NAME_PARTICLES = frozenset("van der den de la le du da di von al el bin ben".split())
# Verbs of speech that take a clause ("said the army had left", "noted that
# ..."): what was said keeps its verb in a title.
SAYING = frozenset("add note insist argue contend maintain believe think explain stress".split())
QUANTITY = re.compile(r"(?:hundred|thousand|million|dozen)s?")  # "Several thousand teachers": a count of people, not a vague one
AGED = re.compile(r"\d+-year-old")
ADJECTIVE_END = re.compile(r"(?:ern|al|ic|ive|ous|ful|ish|ary|ible|able)$")
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.\s+")
SUBJECT_REACH = 400  # how far back "he" looks for the subject it stands for


def title(
    text: str, rules: Rules, start: int, end: int, cut: list[tuple[int, int]], persons: ByStart[Mention], verb_at: int | None = None,
    subject: tuple[int, int] | None = None, subjects: ByStart[Mention] = ByStart(()), words: Words | None = None,
    bodies: ByStart[Mention] = ByStart(()),
) -> str:
    """A headline for text[start:end], leaving out the spans in `cut` (the
    date, clauses that are not the happening's); `verb_at` is where its verb
    starts. A clause that shares the subject of its sentence's main clause
    ("..., since being elected president") is given it (`subject`). `bodies`:
    every organisation the article names, for "the company" far from any subject."""
    read = words.between if words else lambda a, b: tokens(text, a, b)
    words = [w for w in read(start, end) if not any(a <= w.start < b for a, b in cut)]
    words = [w for w in _without_parentheses(words) if w.low not in FILLERS]
    if subject is None:
        words = _without_opening(words, rules, verb_at)
    else:
        # The clause's own opener ("since being", "and") goes, word by word; then the shared subject comes first.
        passive = False
        while words and (words[0].low in rules.title_openers or words[0].low in ("being", "having", "and", "or", "but")):
            passive = words[0].low == "being"
            words = words[1:]
        shared = [w for w in read(*subject) if not any(a <= w.start < b for a, b in cut)]
        if passive and shared and words and _verb_form(words[0].low):
            # "…, since being sacked by Manchester United" -> "… was sacked by Manchester United".
            be = "were" if shared[-1].text.islower() and shared[-1].low.endswith("s") and not shared[-1].low.endswith(("ss", "us", "is")) else "was"
            words = [words[0]._replace(text=be, low=be)] + words
        words = shared + words
    words = _without_asides(words)
    words = _without_attribution(words, rules, verb_at)
    words = _without_appositions(words, verb_at, persons)
    words = _without_phrase_after_speech(words, verb_at)
    words = _without_home_base(words)
    if not words:
        return ""
    at = next((i for i, w in enumerate(words) if verb_at is not None and w.start >= verb_at), None)
    if at:
        subject = _subject(words[:at], persons, room=LIMIT - _count(words[at:]))
        if _count(subject + words[at:]) > LIMIT + 2:
            subject = _name_alone(subject, persons)
        words = subject + words[at:]
        at = len(subject)
    if at is not None:
        words = _simple_past(words, at)
        if _count(words) > LIMIT + 2:
            words = _content_subject_shortened(words, at, persons)
    if at:
        words, at = _described_named(text, words, at, persons, subjects)
    shown = _named(text, words, persons, subjects, rules, at, bodies)
    shown, at = _without_leftover_phrase(shown, at)
    shown = _shortened(_without_spliced_clause(shown, at), at)
    return _company_named(_joined(shown), bodies, start, end, rules)


def _company_named(title: str, bodies: ByStart[Mention], start: int, end: int, rules: Rules) -> str:
    """'Scott McNealy said the company's performance was hampered' -> '...
    said Sun's performance ...': "the company" or "the firm" inside a title
    is the organisation the title names before it ("An IBM spokeswoman said
    the company told customers": IBM), else the one the article names most
    (as a leading "The company" is, in _named)."""
    found = THE_COMPANY.search(title)
    if found is None:
        return title
    before = title[: found.start()]
    inside = bodies.between(start, end)
    own = [b.name for b in inside if not b.person and b.name in before]
    named = own[-1] if own else getattr(_most_named(bodies, start, rules), "name", None)
    if named is None:
        return title
    # Not when the title names something else the company may be: "An IBM spokeswoman said the company".
    people = " ".join(b.name for b in inside if b.person)
    others = [w for w in CAPITALISED.findall(before)[1:] if w not in named and w not in people]
    return title if others else THE_COMPANY.sub(lambda m: named + (m.group(1) or ""), title)


CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
THE_COMPANY = re.compile(r"(?<=\s)the (?:company|firm)(['’]s)?\b")


def _without_spliced_clause(shown: list[str], verb: int | None) -> list[str]:
    """'LeBron James joined the league, he is leading the NBA': a second
    clause spliced on with a comma and its own pronoun subject goes."""
    for i in range((verb or 0) + 2, len(shown) - 2):
        if shown[i] == "," and shown[i + 1].lower() in ("he", "she", "they", "it", "we", "i"):
            return shown[:i]
    return shown


def _without_leftover_phrase(shown: list[str], verb: int | None) -> tuple[list[str], int | None]:
    """'For the year ended, Ralston earned $422.5 million': an opening phrase
    that outlived its date ("Dec. 31" went) ends at its comma, or at the
    name before the verb."""
    if not shown or shown[0].lower() not in OPENING_WORDS or len(shown) > 1 and shown[1].lower() in load_rules().needs_more:
        return shown, verb  # ("At least 14 people, including ...": a number, not a phrase)
    comma = next((i for i, w in enumerate(shown[:10]) if w == ","), None)
    # (After the verb only before a new subject: "For the year ended, Ralston earned", not "resigned, citing health reasons".)
    if comma is not None and comma + 2 < len(shown) and (verb is None or comma < verb or shown[comma + 1][:1].isupper()):
        return shown[comma + 1 :], verb - comma - 1 if verb is not None and verb > comma else None
    # "In the late 1980's Apple Computer added": the name right before the verb is its subject.
    start = verb
    while start is not None and start > 1 and shown[start - 1][:1].isupper():
        start -= 1
    if start is None or start == verb or start < 2:
        return shown, verb
    return shown[start:], verb - start


def _without_asides(words) -> list[Token]:
    """Without a word that ties the sentence to the one before ("The
    Taliban, however, claimed", "Doherty nonetheless offered", "...,
    though"), with the commas that set it off: a headline read on its own
    has nothing to tie it to. Not "reportedly" nor "apparently": they say
    how sure the article is."""
    words = list(words)
    kept: list[Token] = []
    i = 0
    while i < len(words):
        w = words[i]
        after = words[i + 1].text if i + 1 < len(words) else "."
        set_off = bool(kept) and kept[-1].text == "," and after in ",.;:!?"
        if kept and (w.low in ASIDES or w.low == "though" and set_off):
            if kept[-1].text == ",":
                kept.pop()
            i += 2 if after == "," else 1
            continue
        kept.append(w)
        i += 1
    return kept


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


def _without_opening(words: list[Token], rules: Rules, verb_at: int | None = None) -> list[Token]:
    """Leave out an opening phrase up to its comma ("Amid celebratory gunfire,
    ...", "However, ...", "In a surprising move, ...") and connectives."""
    changed = True
    while changed and words:
        changed = False
        while words and (words[0].text in ",;:—–-\"“”'’" or words[0].low in rules.title_connectives and not _determiner_that(words) or words[0].low in SUBORDINATORS):
            words, changed = words[1:], True
        if not words:
            break
        comma = next((i for i, w in enumerate(words[:24]) if w.text == ","), None)
        # "Amid celebratory gunfire, ...", "Tired of being sidelined, ...": an opening phrase.
        # ("Known as the first lady, she", 'Dubbed "DisGrace", she': a participle, then what it is called.)
        participle = (words[0].low.endswith(("ed", "ing")) or words[0].low in PARTICIPLES) and len(words) > 1 and (
            words[1].low in OPENING_WORDS | PARTICLES | {",", "of", "with", "as", "by", "a", "an", "the", "his", "her", "its", "their"} or words[1].text in "\"“"
        )
        # "Barely, Parise had scored", "Critically, however, it pointed out": an adverb and its comma.
        # (Not a name: "Italy, Spain and Greece signed".)
        listed = len(words) > 4 and words[2].text[:1].isupper() and (words[3].low in ("and", "or") or words[3].text == "," and words[4].text[:1].isupper())
        adverb = words[0].low.endswith("ly") and comma == 1 and not listed
        # "Closer to home, NASA's announcement ...": a comparison that opens the sentence.
        comparison = words[0].low.endswith("er") and len(words) > 1 and words[1].low in ("to", "than")
        # (A participle's phrase may run longer: 'Dubbed "DisGrace" or "Gucci Grace" on account of her love of shopping, she'.)
        opener = comma is not None and (comma < 14 and (words[0].low in rules.title_openers or adverb or comparison) or participle)
        before_verb = verb_at is None or comma is not None and words[comma].start < verb_at
        if comma is not None and opener and comma + 1 < len(words) and before_verb:
            words, changed = _phrase_goes_on(words[comma + 1 :], verb_at), True
        elif words and words[0].low in CLAUSE_WORDS and verb_at is not None and len(words) > 2 and not before_verb:
            words, changed = _phrase_goes_on(words[1:], verb_at), True  # "since Kim Clijsters beat ...": the clause's own opener goes
    return words


def _determiner_that(words: list[Token]) -> bool:
    """'That crash killed all 228 on board': "that" before its noun, not the
    word that opens what was said ("that the army had left")."""
    following = words[1] if len(words) > 1 else None
    return words[0].low == "that" and following is not None and following.text.isalpha() and following.text.islower() and (
        following.low not in DETERMINERS and following.low not in load_verbs().pronoun_subjects
    )


def _phrase_goes_on(words: list[Token], verb_at: int | None) -> list[Token]:
    """"Despite the gravity of the events, and the many breaches of law,
    leaders were": after an opening phrase, ", and ...," goes on with it."""
    if not words or words[0].low not in ("and", "or"):
        return words
    more = next((i for i, w in enumerate(words[:20]) if w.text == ","), None)
    if more is None or more + 1 >= len(words) or verb_at is not None and words[more].start > verb_at:
        return words
    return words[more + 1 :]


PARTICIPLES = load_verbs().participles
DETERMINERS = load_verbs().determiners
PARTICLES = frozenset("down up out off away back".split())
AUXILIARIES = load_verbs().auxiliaries


def _without_appositions(words: list[Token], verb_at: int | None = None, persons: ByStart[Mention] = ByStart(())) -> list[Token]:
    """'Promise Mkwananzi, a spokesman for the coalition, said' -> 'Promise
    Mkwananzi said'; 'the trials, held at Snaresbrook Crown Court, were':
    a phrase between commas that describes the words before it, when the
    sentence goes on after it in lower case."""
    words = _without_ages_and_places(words, persons)
    i = 0
    while i < len(words):
        participle = words[i + 1].text.islower() and (words[i + 1].low.endswith("ed") or words[i + 1].low in PARTICIPLES) if i + 1 < len(words) else False
        if words[i].text == "," and i + 1 < len(words) and (words[i + 1].low in ("a", "an", "the") or participle):
            close = next((j for j in range(i + 2, min(len(words), i + 14)) if words[j].text == ","), None)
            holds_verb = close is not None and verb_at is not None and words[i].start < verb_at < words[close].start
            # ", the leaks were followed by revenge attacks,": a clause, not an apposition.
            holds_verb |= close is not None and any(w.low in AUXILIARIES for w in words[i + 1 : close])
            if close is not None and not holds_verb and close + 1 < len(words) and words[close + 1].text[:1].islower() and words[close + 1].low not in ("and", "or", "but", "which", "who"):
                words = words[:i] + words[close + 1 :]
                continue
        if words[i].text == "," and verb_at is not None and words[i].start > verb_at and (close := _name_after_noun(words, i, persons)):
            # "clarified Anwar's daughter, Nurul Izzah, joined" -> "clarified Anwar's daughter Nurul Izzah joined":
            # the name a noun gives, in what is said (the sentence's own subject gives way to the name).
            words = words[:i] + words[i + 1 : close] + words[close + 1 :]
            continue
        i += 1
    return words


def _name_after_noun(words: list[Token], i: int, persons: ByStart[Mention]) -> int | None:
    """Where the comma closes a person's name set off at i after a noun in
    lower case, when the sentence goes on in lower case; None otherwise."""
    if i == 0 or not words[i - 1].text.isalpha() or not words[i - 1].text.islower():
        return None
    close = next((j for j in range(i + 2, min(len(words), i + 6)) if words[j].text == ","), None)
    if close is None or close + 1 >= len(words) or not words[close + 1].text.islower() or words[close + 1].low in ("and", "or", "but", "which", "who"):
        return None
    named = [p for p in persons.between(words[i + 1].start, words[close - 1].end) if p.person and " " in p.name]
    return close if named and named[0].start == words[i + 1].start and named[-1].end == words[close - 1].end else None


def _without_phrase_after_speech(words: list[Token], verb_at: int | None) -> list[Token]:
    """'said under the final agreement, Iran had accepted' -> 'said Iran had
    accepted', 'said in a ruling that the FTC has not' -> 'said the FTC has
    not': a phrase set off between a verb of speech and what was said."""
    verbs = load_verbs()
    verb = next((i for i, w in enumerate(words) if verb_at is not None and w.start >= verb_at), None)
    if verb is None or verb + 2 >= len(words) or lemma(words[verb].low, verbs) not in verbs.speech or words[verb + 1].low not in verbs.prepositions:
        return words
    # "said in a ruling that the commission ...": the channel goes with its "that" (the entry names the channel).
    that = next((
        i for i in range(verb + 2, min(len(words), verb + 7))
        if words[i].low == "that" and not (i + 1 < len(words) and words[i + 1].low in AUXILIARIES)  # not "a letter that was leaked"
    ), None)
    if that is not None and that + 1 < len(words) and not any(w.text in ",;:—" for w in words[verb + 1 : that]):
        return words[: verb + 1] + words[that + 1 :]
    comma = next((i for i in range(verb + 2, min(len(words), verb + 10)) if words[i].text == ","), None)
    # What was said has a verb of its own; "agreed to a rescue by its largest
    # shareholder, Japanese investment company SoftBank," is one phrase.
    told = comma is not None and any(_verb_form(w.low) for w in words[comma + 1 : comma + 8])
    return words[: verb + 1] + words[comma + 1 :] if told and comma + 1 < len(words) else words


def _without_ages_and_places(words: list[Token], persons: ByStart[Mention] = ByStart(())) -> list[Token]:
    """'Patrick Bryant, 23, of Islington, north London, was convicted' ->
    'Patrick Bryant was convicted'; 'a Jefferson County, Alabama, official'
    -> 'a Jefferson County official': after a name, an age, a home town or a
    state between commas, when the sentence goes on in lower case."""
    i = 0
    while i + 2 < len(words):
        if words[i].text == "," and i > 0 and words[i - 1].text[:1].isupper():
            close = next((j for j in range(i + 2, min(len(words), i + 9)) if words[j].text == ","), None)
            # "of Islington, north London,": a home town may run over a second comma.
            if close is not None and words[i + 1].low == "of" and close + 3 < len(words) and "," in [w.text for w in words[close + 1 : close + 5]]:
                close = next(j for j in range(close + 1, close + 5) if words[j].text == ",")
            inner = words[i + 1 : close] if close is not None else []
            goes_on = close is not None and close + 1 < len(words) and words[close + 1].text[:1].islower() and words[close + 1].low not in ("and", "or", "but", "who", "which")
            age = len(inner) == 1 and inner[0].text.isdigit() and len(inner[0].text) <= 3
            state = 1 <= len(inner) <= 4 and inner[0].text[:1].isupper() and all(w.text[:1].isupper() or w.text == "." for w in inner)  # "Alabama", "Calif."
            # ("The minister for roads, Jacob Mamabolo, said": a person's name, which the title keeps.)
            state = state and not any(p.start == inner[0].start for p in persons.between(inner[0].start, inner[-1].end))
            home = len(inner) >= 2 and inner[0].low == "of" and inner[1].text[:1].isupper()
            if age and close + 1 < len(words) and (words[close + 1].low == "of" or words[close + 1].low in DETERMINERS):
                words = words[:i] + words[close:]  # ", 23, of Islington,", ", 74, a Kyiv resident,": the home town or the apposition next
                continue
            # "The Van Nuys, Calif., thrift" (a body, which the title names), "StatesWest Airlines, Phoenix, Ariz.,
            # said": the town goes with its state; not "a Jefferson County, Alabama, official".
            town = next((k for k in range(i - 1, max(-1, i - 4), -1) if words[k].low in DETERMINERS or words[k].text == "," or not words[k].text[:1].isupper()), -1)
            body = close is not None and any(w.low.removesuffix("'s").removesuffix("’s") in load_rules().body_nouns for w in words[close + 1 : close + 3])
            if goes_on and state and town >= 0 and town + 1 < i and (words[town].low in DETERMINERS and body or words[town].text == ","):
                words = words[: town + (words[town].text != ",")] + words[close + 1 :]
                continue
            if goes_on and (age or state or home):
                words = words[:i] + words[close + 1 :]
                continue
        i += 1
    return words


def _without_home_base(words: list[Token]) -> list[Token]:
    """'The Kearny, N.J.-based maker said' -> 'The maker said': a body's
    home town, which a headline leaves out, and which leaves "the maker" to
    be named as the company it is."""
    for i in range(1, len(words) - 1):
        if words[i].text == "-" and words[i + 1].low in ("based", "headquartered"):
            k = i
            while k > 0 and words[k - 1].low not in DETERMINERS and (words[k - 1].text[:1].isupper() or words[k - 1].text in ".," and k > 1 and words[k - 2].text[:1].isupper()):
                k -= 1
            if k < i and words[k].text[:1].isupper() and (k == 0 or words[k - 1].low in DETERMINERS):
                return words[:k] + words[i + 2 :] if k > 0 else words[i + 2 :]
    return words


def _without_attribution(words: list[Token], rules: Rules, verb_at: int | None) -> list[Token]:
    """Leave out "that" after the verb of speech ("claims that ...") and a
    closing attribution (", according to the agency", ", police said"): the
    entry says whose word it is."""
    verb = next((i for i, w in enumerate(words) if w.start >= verb_at), None) if verb_at is not None else None
    if verb is not None:
        # "said that": the "that" a headline drops.
        if verb + 1 < len(words) and words[verb + 1].low == "that":
            words = words[: verb + 1] + words[verb + 2 :]
    # "NPD said, according to those figures, Apple passed Best Buy": the inner attribution goes.
    inner = next((k for k in range((verb or 0) + 1, len(words) - 1) if words[k].low == "according" and words[k + 1].low == "to"), None)
    comma = next((k for k in range(inner + 2, min(len(words), inner + 9)) if words[k].text == ","), None) if inner is not None else None
    if comma is not None and comma + 1 < len(words):
        words = words[:inner] + words[comma + 1 :]
    for i, word in enumerate(words):
        if word.text != "," or i <= max(3, verb or 0):
            continue
        following = " ".join(w.text for w in words[i + 1 : i + 9] if w.text not in ('"', "“", "”", "'", "`"))
        if rules.title_attribution.match(following):
            return words[:i]
    return words


def _subject(words: list[Token], persons: ByStart[Mention], room: int = SUBJECT_WORDS) -> list[Token]:
    """The subject as a headline gives it. 'Neil Aspinall, manager of Apple
    Corps,' -> 'Neil Aspinall'; 'The suit, filed in 2003,' -> 'The suit': an
    apposition or a participle phrase after it goes. 'The co-founder of
    Apple Inc. Steve Jobs' -> 'Steve Jobs': a long subject gives way to the
    person it names, else to its head ('Foreign militias under Iranian
    command and troops loyal to the regime' -> 'Foreign militias'), unless
    the title has `room` for it ('The earliest major push into night
    classes began': the head alone does not tell what began)."""
    segments: list[list[Token]] = [[]]
    for word in words:
        if word.text == ",":
            segments.append([])
        else:
            segments[-1].append(word)
    segments = [segment for segment in segments if segment]
    # "Roughly 13,000 US troops remain in Afghanistan, 18 years after
    # Washington | invaded": the verb's own clause opens at its subordinator.
    last = segments[-1] if words[-1].text != "," else []
    # ("a once high-flying toy maker": after a determiner, "once" is an adverb.)
    opener = next((k for k in range(len(last) - 2, -1, -1) if last[k].low in SUBORDINATING and not (k and last[k - 1].low in DETERMINERS)), None)
    # ("about a month after Treasury Board officials | announced" is one stretch.)
    if opener is not None and (len(segments) > 1 or opener and last[opener - 1].low in TIME_SPANS):
        return last[opener + 1 :]
    # "Up to the present moment, it": an opening phrase, then the subject; "(Last week) alone, $1.6 billion":
    # a word left of a phrase whose time went out.
    # ("first obtained by the Daily Courier, 40,000 patients": a participle's phrase left of the subject goes too.)
    while len(segments) > 1 and (
        segments[0][0].low in OPENING_WORDS or len(segments[0]) == 1 and segments[0][0].text.islower()
        or segments[0][0].text.islower() and any(w.text.islower() and _verb_form(w.low) for w in segments[0][:2])
    ):
        segments = segments[1:]
    if not segments:
        return words
    first = segments[0][0].start
    # "Apple, Google and Microsoft" is a list, kept whole; "ISIS, or the
    # Islamic State, an armed group," is a name and its appositions.
    # ("Ivo Brandt, a chef," is a name and its description.)
    # ("A rebel spokesman, Amir Kassab," is a description and the name it gives.)
    apposition = len(segments) == 2 and (segments[0][0].low in ("a", "an", "the") or POSSESSIVE.search(segments[0][0].text)) and all(w.text[:1].isupper() for w in segments[1]) and any(
        p.person and " " in p.name for p in persons.between(segments[1][0].start, segments[1][-1].end)
    )
    listed = any(segment[0].low == "and" for segment in segments[1:]) or len(segments) > 1 and all(len(s) <= 3 for s in segments) and not any(
        s[0].low in ("a", "an") for s in segments[1:]
    ) and not apposition
    # "Immigration, Refugees and Citizenship Canada": the last of the list holds its "and".
    listed |= len(segments) > 1 and any(w.low == "and" for w in segments[-1][1:]) and all(len(s) <= 5 for s in segments)
    if listed and sum(map(len, segments)) <= 2 * SUBJECT_WORDS:
        return [w for w in words if w.start >= first]  # "Both Erdogan, 69, and Kilicdaroglu": every name stays
    # "The co-founder of the company, Steve Jobs,": the name the subject gives;
    # "Cambodia's capital, Second Prime Minister Hun Sen": the person's, nearest the verb.
    for segment in reversed(segments):
        if segment[0].low in OPENING_WORDS:
            continue  # "including the physicist Peter Higgs" names one of them, not the subject
        if len(segment) <= SUBJECT_WORDS and any(" " in p.name and not p.possessive and p.end <= segment[-1].end for p in persons.between(segment[0].start, segment[-1].end)):
            return segment
    # "The tech giant's game streaming service, Stadia,": a description, then the name it gives.
    head = segments[0][-1].low
    if len(segments) == 2 and len(segments[1]) <= 4 and all(w.text[:1].isupper() for w in segments[1]) and (head in load_rules().body_nouns or head in load_rules().name_heads or head in load_rules().person_roles) and (
        segments[0][0].low in DETERMINERS or POSSESSIVE.search(segments[0][0].text)
    ):
        return segments[1]
    words = [w for w in words if w.start >= first] if listed else segments[0]
    # "The strike that crippled the port": kept whole when short, else its head.
    # (Not "the benchmark of that ambition": after a preposition "that" is a determiner.)
    relative = next((i for i, w in enumerate(words) if i > 0 and w.low in ("that", "who", "which") and not (w.low == "that" and words[i - 1].low in load_verbs().prepositions)), None)
    if relative is not None:
        # ("People who sleep less than six hours": a one-word head is no one without its clause.)
        whole = len(words) <= max(SUBJECT_WORDS, room) or relative == 1 and words[1].low == "who"
        return words if whole else words[:relative]
    # "An iOS update released Thursday": a participle after the noun starts
    # what the headline leaves out; "A popular uprising" ends in a noun.
    # ("game streaming service": a word in -ing right before the head noun modifies it.)
    participle = next((
        i for i, w in enumerate(words)
        if i > 1 and (w.low.endswith("ed") or w.low in PARTICIPLES or w.low.endswith("ing") and i < len(words) - 1 and not _compound(words, i))
        and w.text.islower() and words[i - 1].low not in DETERMINERS and not words[i - 1].low.endswith("ly")  # "the recently announced iPhone"
        and not (words[i - 1].low in NUMBER_WORDS or words[i - 1].text[0].isdigit() and not YEAR.fullmatch(words[i - 1].text))  # "seven ruling parties"
        and words[i - 1].low not in ("and", "or")  # "US and allied troops"
    ), None)
    if participle is not None:
        words = words[:participle]
    if len(words) <= SUBJECT_WORDS:
        return words
    named = [p for p in persons.between(words[0].start, words[-1].end) if " " in p.name and not p.possessive and p.end <= words[-1].end]
    # ("A motion to censure Speaker Ravi Tan", "A bid to recall Mayor Ilse Brandt": the person is what the head acts on.)
    acted_on = any(w.low == "to" and k + 1 < len(words) and words[k + 1].text.islower() for k, w in enumerate(words) if not named or w.start < named[-1].start)
    if named and not acted_on:
        # "American Kevin King and Australian Timothy Weeks, both professors at ...": two people, both the subject.
        pair = len(named) >= 2 and [w.low for w in words if named[-2].end <= w.start < named[-1].start] == ["and"]
        return [w for w in words if named[-2 if pair else -1].start <= w.start < named[-1].end]
    if len(words) <= room:
        return words
    # "The Sudanese government and eastern rebels": both stay; a phrase after the head goes.
    head = next((
        i for i, w in enumerate(words)
        if i > 1 and (w.low in PHRASE_ENDS and w.low not in ("and", "or") and not _more_than(words, i) or w.low == "of" and not _in_name(words, i) and words[i - 1].low not in load_rules().partitives or w.text == ",")
    ), len(words))
    if head < len(words) and words[head - 1].low in load_rules().linking_adjectives:
        head -= 1  # "Libyan militants loyal | to the Islamic State": the adjective goes with its phrase
    return words[:head]


def _compound(words: list[Token], i: int) -> bool:
    """Whether the word in -ing at i modifies the noun after it, which ends
    the subject ("the game streaming service"), rather than opening a
    participle's phrase ("teachers wearing red")."""
    before = words[i - 1].low
    return i == len(words) - 2 and words[-1].text.islower() and (not before.endswith("s") or before.endswith(("ss", "'s", "’s")))


def _content_subject_shortened(words: list[Token], at: int, persons: ByStart[Mention]) -> list[Token]:
    """'said she and more than 40 fellow teachers from the Gibson Southern
    schools near Evansville left' -> 'said she and more than 40 fellow
    teachers left': in a long title, what a verb of speech tells keeps its
    subject's head, as the sentence's own subject does."""
    verbs = load_verbs()
    if lemma(words[at].low, verbs) not in verbs.speech or lemma(words[at].low, verbs) == "tell" or words[at].low in load_rules().object_then_infinitive:
        return words  # ("told the Assembly he would", "invited the Kremlin to show ...": an object comes first)
    first = at + 1 + (at + 1 < len(words) and words[at + 1].low == "that")
    told = next(iter(clause_verbs(words[first:], verbs)), None)
    if told is None:
        return words
    end = next(i for i, w in enumerate(words) if w.start >= told.start)
    if words[first].low in verbs.prepositions:
        # "said at the opening ceremony in Manila that Kamandag was": what was said opens at its "that".
        that = next((i for i in range(first, end) if words[i].low == "that"), None)
        if that is None:
            return words
        first = that + 1
    subject = words[first:end]
    if subject and subject[-1].low in ("and", "or", "but"):
        return words  # "pleaded not guilty in court and | were released": the subject's second verb
    verb_like = any(w.text.islower() and (w.low in verbs.past_forms or w.low.endswith("ed")) for w in subject)
    # ("urged the prime minister to pledge that the party | will": an object and a clause of its own, no subject.)
    verb_like |= any(w.low == "that" for w in subject)
    if len(subject) <= SUBJECT_WORDS or verb_like or any(w.text in ",;:" for w in subject):
        return words  # (not "condemned the attack and said the government | was": a verb of its own)
    return words[:first] + _subject(subject, persons) + words[end:]


def _simple_past(words: list[Token], at: int) -> list[Token]:
    """'Neumann had resigned' -> 'Neumann resigned', 'had taken' -> 'took':
    a headline tells the past perfect in the simple past."""
    verbs = load_verbs()
    if at + 1 >= len(words) or words[at].low != "had" or not words[at + 1].text.islower():
        return words
    group = next(iter(clause_verbs(words[at : at + 4], verbs)), None)
    participle = words[at + 1]
    following = words[at + 2] if at + 2 < len(words) else None
    # "had resigned as CEO", "had taken the cash", not "had limited resources": a noun right after may make it an adjective.
    bare_noun = following is not None and following.text.islower() and following.low not in DETERMINERS | verbs.prepositions | PARTICLES | PHRASE_ENDS
    if group is None or group.tense != "past-perfect" or group.end != participle.end or participle.low == "been" or bare_noun:
        return words  # "had been killed", "had not", "had limited resources": as told
    base = verbs.base_of.get(participle.low)
    # ("had burned" -> "burned", as written, not "burnt": a participle that is a simple past too stays.)
    past = verbs.past_of.get(base, participle.text) if base and participle.low not in verbs.past else participle.text
    return words[:at] + [participle._replace(text=past, low=past)] + words[at + 2 :]


def _more_than(words: list[Token], i: int) -> bool:
    """Whether the word at i is the "than" of a number: "more than 40 teachers"."""
    return words[i].low == "than" and words[i - 1].low in load_rules().needs_more


def _in_name(words: list[Token], i: int) -> bool:
    """Whether the "of" at word i is inside a name: "State of the State", "Bank of England"."""
    following = words[i + 1 : i + 3]
    following = following[1:] if following and following[0].low == "the" else following
    return words[i - 1].text[:1].isupper() and bool(following) and following[0].text[:1].isupper()


def _count(words: list[Token]) -> int:
    return sum(w.text[:1].isalnum() for w in words)


def _name_alone(subject: list[Token], persons: ByStart[Mention]) -> list[Token]:
    """'Disney executive Kevin Mayer' -> 'Kevin Mayer': in a long title, a
    person's full name at the end of the subject is enough."""
    if len(subject) < 3:
        return subject
    # (A name that starts before the subject keeps all of it, as no name does.)
    name = persons.last_before(subject[-1].end, where=lambda p: p.person and " " in p.text and not p.possessive and p.end == subject[-1].end, since=subject[0].start)
    kept = [w for w in subject if name and w.start >= name.start]
    dropped = subject[: len(subject) - len(kept)]
    # "Kurt Volker, the former envoy, and Tim Morrison": both are the subject.
    listed = any(w.text == "," or w.low in ("and", "or") for w in dropped)
    return kept if kept and dropped and not listed else subject


def _described_named(text: str, words: list[Token], at: int, persons: ByStart[Mention], subjects: ByStart[Mention] = ByStart(())) -> tuple[list[Token], int]:
    """'The 89-year-old festival impresario attended' -> 'George Wein
    attended': a subject that only describes someone, by a word the article
    gave a person before ("festival impresario George Wein", "Tony
    Fernandes, the airline's founder,"), is that person."""
    subject = words[:at]
    # "The 48-year-old Australian": an age makes the description a person's, whatever its last word.
    aged = any(AGED.fullmatch(w.low) for w in subject)
    if len(subject) < 2 or subject[0].low != "the" or not (subject[-1].text.islower() or aged):
        return words, at
    if any(p.person for p in persons.between(subject[0].start, subject[-1].end)):
        return words, at  # names someone already
    head = subject[-1].low
    # The person's fullest name where the role was given ("star James Van Der Beek"), not the words the pattern took.
    # (Only the last such name counts: read back from the subject, not forward from the text's start.)
    roles = _roles(text).get(head, [])
    named = next((
        [person.name] for start, _ in reversed(roles[: bisect_left(roles, (subject[0].start,))])
        for person in reversed(persons.between(start, start + 1)) if person.person
    ), [])
    # An office ("the minister", "the governor") is someone's only where the article gave it to them:
    # "Mara Olsen sued the clinic. The minister said ..." is someone else.
    office = load_rules().title_word.fullmatch(head.capitalize()) is not None and not aged
    if not named and office:
        # "President Donald Trump ... The president said": the last person the article gave that title.
        written = title_ways(head, load_rules())
        titled = re.compile(rf"(?<!\w)(?:{written})\s+$", re.IGNORECASE)
        opens = re.compile(rf"(?:[\w.]+\s+)?(?:{written})\s", re.IGNORECASE)
        last = persons.last_before(subject[0].start, lambda p: p.person and (titled.search(text, max(0, p.start - 30), p.start) or opens.match(text, p.start, p.end)))
        named = [last.name] if last else []
    if not named and head in load_rules().person_roles and not aged and not office:
        # "Andy Murray won his 200th match. The two-time Wimbledon champion overcame ...": the person just before.
        near = _near_subject(subjects, subject[0].start, lambda p: p.person and not p.possessive)
        alone = near is not None and not re.search(r"\b(?:and|or)\s+$", text[max(0, near.start - 5) : near.start]) and not re.match(r"\s+(?:and|or)\b", text[near.end : near.end + 5])
        named = [near.name] if alone else []  # not one of "Park and Hale"
    if not named and aged and (just := person_just_named(text, persons, subject[0].start)) is not None:
        named = [just.name]  # "Harwick Rovers sacked manager Tom Baines. The 52-year-old led ...": the person just named
    if not named and (head in load_rules().person_roles and not office or aged):
        # "The former star said": no name given with the role, the person the article is about.
        lead = _leading_person(persons, subject[0].start)
        named = [lead.name] if lead else []
    if not named:
        return words, at
    name = named[-1]
    token = subject[0]._replace(text=name, low=name.lower())
    return [token] + words[at:], 1


def person_just_named(text: str, persons: ByStart[Mention], at: int) -> Mention | None:
    """The last person named in the sentence before `at` or the one before it."""
    before = len(text[: _sentence_start(text, at)].rstrip())  # (the end of the sentence before, past a paragraph's break)
    return persons.last_before(at, where=lambda p: p.person and not p.possessive, since=_sentence_start(text, max(0, before - 1)))


def _leading_person(persons: ByStart[Mention], at: int) -> Mention | None:
    """The person the article is about: named before `at` three times or
    more, and at least twice as often as anyone else."""
    return dominant(persons, at, lambda mention: mention.person, least=3)


@lru_cache(maxsize=4)
def _roles(text: str) -> dict[str, list[tuple[int, str]]]:
    """The word each name is described by, where its name starts: "coach
    Bruce Boudreau" and "Bruce Boudreau, the Wild's coach," give "coach" to
    Bruce Boudreau (whether a name is a person's, the caller asks)."""
    verbs = load_verbs()
    skip = verbs.auxiliaries | verbs.prepositions | verbs.determiners | verbs.past_forms | PHRASE_ENDS | DANGLING
    roles: dict[str, list[tuple[int, str]]] = {}
    for found in ROLE_BEFORE.finditer(text):
        role, name = found.group("role").lower(), found.group("name")
        if role not in skip and not role.endswith(("ed", "ing", "ly")):
            roles.setdefault(role, []).append((found.start("name"), name))
    for found in ROLE_AFTER.finditer(text):
        roles.setdefault(found.group("role").lower(), []).append((found.start("name"), found.group("name")))
    return {role: sorted(named) for role, named in roles.items()}


NAME = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}"
ROLE_BEFORE = re.compile(rf"\b(?P<role>[a-z][a-z-]{{3,}}) (?P<name>{NAME})\b")
ROLE_AFTER = re.compile(rf"(?P<name>{NAME}), (?:the|a|an|its|his|her|their) [^,;.]{{0,50}}?\b(?P<role>[a-z][a-z-]{{3,}}),")


def _named(
    text: str, words: list[Token], persons: ByStart[Mention], subjects: ByStart[Mention], rules: Rules, verb: int | None = None,
    bodies: ByStart[Mention] = ByStart(()),
) -> list[str]:
    """The words as shown, a leading "he" or "she" replaced by the person it
    stands for: the last person who was the subject of a clause before it
    ("Railway Minister Suresh Prabhu met the injured. He announced ..."),
    else the last person named. A leading "it" or "the company" right before
    its verb (at index `verb`) is the last body that was a subject ("Acme
    said ... It cut 200 jobs"), when one was, nearby; not "it is"; so is
    a leading "its" ("Its shares fell")."""
    shown = [w.text for w in words]
    at = words[0].start
    if (named := _owner_role_named(words, verb)) is not None:
        return named
    if verb == 2 and words[0].low == "the" and words[1].low in COUNTRY_NOUNS and (country := _country_named(text, at)) is not None:
        # "Sweden ... The government began mailing": the country the article has been telling of.
        name, adjective = country
        return ([f"The {adjective} government"] if words[1].low == "government" else [name]) + shown[2:]
    if words[0].low in PRONOUNS:
        at = _first_of_sentence(text, at, words[0].low)
        # Not "Sinwar" in "Sinwar's appointment was an internal decision": the subject is the appointment.
        near = _near_subject(subjects, at, lambda p: p.person and p.end <= at and not p.possessive and pronoun_by_title(p, rules) in (None, words[0].low))
        # (Not one named in a phrase that opens the sentence: "Wearing the glittering Imperial Crown, he".)
        start = _sentence_start(text, at)
        opened = opening_phrase_end(text, start, at, rules)
        before = near or persons.last_before(
            at, where=lambda p: p.end <= at and (opened is None or not start <= p.start < opened) and pronoun_by_title(p, rules) in (None, words[0].low)
        )
        if before:
            shown[0] = before.name
        return shown
    if words[0].low == "its":
        # "Its shares fell": the body's that was last a subject.
        near = _last_body(subjects, at)
        if near:
            shown[0] = f"{near.name}’s"
        return shown
    person = next((p for p in reversed(persons.between(at, at + 1)) if not p.possessive and _full_name(p.name)), None)
    if person is not None and " " not in HONORIFIC.sub("", person.text):
        # "Sondland told lawmakers": on a timeline read entry by entry, the person's full name.
        inside = sum(w.start < person.end for w in words)
        return [person.name] + shown[inside:]
    body = 1 if words[0].low == "it" else _described_body(words, verb, rules, bodies)
    if body and verb is not None and (verb == body or 2 <= body < verb) and (body >= 2 or words[verb].low not in load_verbs().be):  # not the "it" of "it is likely"
        near = _last_body(subjects, at) or (_leading_body(subjects, at, rules) if body >= 2 else None)
        near = near or (_most_named(bodies, at, rules) if body >= 2 else None)
        if near:
            shown[:body] = [near.name]
    return shown


def _country_named(text: str, at: int) -> tuple[str, str] | None:
    """The country named before `at` twice or more, and at least twice as
    often as any other: its name and adjective."""
    counts: dict[tuple[str, str], int] = {}
    named = _countries_in(text)
    for _, country in named[: bisect_left(named, (at,))]:
        counts[country] = counts.get(country, 0) + 1
    best = max(counts, key=counts.__getitem__, default=None)
    if best is None or counts[best] < 2 or any(2 * n > counts[best] for c, n in counts.items() if c != best):
        return None
    return best


@lru_cache(maxsize=4)
def _countries_in(text: str) -> list[tuple[int, tuple[str, str]]]:
    countries = load_countries()
    return [(m.start(), countries.country[m.group()]) for m in countries.written.finditer(text)]


def _owner_role_named(words: list[Token], verb: int | None) -> list[str] | None:
    """'Its neighbours Finland and Norway published', 'Their lawyer, Tom
    Dunn, filed': the names the subject gives, without whose they are."""
    if verb is None or words[0].low not in ("its", "his", "her", "their"):
        return None
    k = 1
    while k < verb and k <= 3 and words[k].text.islower():
        k += 1
    names = words[k + (words[k].text == ",") : verb] if 1 < k < verb else []
    if names and names[-1].text == ",":
        names = names[:-1]
    if not names or not names[0].text[:1].isupper() or not all(w.text[:1].isupper() or w.low in ("and", ",") for w in names):
        return None
    return [w.text for w in names] + [w.text for w in words[verb:]]


def _described_body(words: list[Token], verb: int | None, rules: Rules, named: ByStart[Mention]) -> int:
    """How many words make a subject that only describes an organisation:
    "the company", "The Chinese e-commerce giant" (a body noun after at most
    three words that hold no name: "The Maariv newspaper" is named); 0 when
    the subject is not one. (Adverbs may stand before the verb: "The company
    only discovered".)"""
    if verb is not None:
        while verb > 2 and (words[verb - 1].low in load_verbs().group_adverbs or words[verb - 1].low.endswith("ly")):
            verb -= 1
    if words[0].low != "the" or verb is None or not 2 <= verb <= 5 or words[verb - 1].low not in rules.body_nouns:
        return 0
    between = words[1 : verb - 1]
    kept = {w.start for w in words[: verb - 1]}  # (not the home town a title left out: "The Kearny, N.J.-based maker")
    if any(w.low in ("of", "and", ",") or w.text.endswith(("'s", "’s")) for w in between) or any(
        m.start in kept and not _peoples_adjective(m) for m in named.between(words[0].start, words[verb - 1].end)
    ):
        return 0
    return verb


def _full_name(name: str) -> bool:
    """A first name and a surname ("Gordon Sondland"), with initials or
    particles between ("H. Marshall Schwarz", "James Van Der Beek"); not a
    name that took a word before it ("Frenchman Corentin Moutet")."""
    return sum(not INITIAL.fullmatch(w) and w.lower() not in NAME_PARTICLES for w in name.split()) == 2


def _first_of_sentence(text: str, at: int, pronoun: str) -> int:
    """Where the sentence first says the pronoun at `at`: "He is viewed as
    a successor to Bob Iger, and he managed the rollout" has one "he", who
    is not Bob Iger."""
    start = _sentence_start(text, at)
    first = re.search(rf"\b{pronoun}\b", text[start:at], re.IGNORECASE)
    return start + first.start() if first else at


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1


def opening_phrase_end(text: str, start: int, end: int, rules: Rules) -> int | None:
    """Where a phrase that opens text[start:end] ends, at its last comma:
    a phrase, not a clause with a subject of its own ("Wearing the Imperial
    Crown, he", "After meeting Putin, Trump"; not "When Ashraf Ghani
    announced the swap, he"). None when none opens it."""
    first = OPENING.match(text, start, end)
    if first is None:
        return None
    word, following = first.group(1).lower(), (first.group(2) or "").lower()
    phrase = word.endswith("ing") or (following.endswith("ing") if word in rules.subordinators else word in rules.intro_openers)
    comma = text.rfind(",", start, end)
    return comma if phrase and comma > first.start(1) else None


OPENING = re.compile(r"\W*(\w+)(?:\s+(\w+))?")


def _last_body(subjects: ByStart[Mention], at: int) -> Mention | None:
    """The last body that was a subject before `at`, nearby. (A body's name of one
    word is only trusted in capitals: a word that opens a sentence is no name.)"""
    return _near_subject(subjects, at, lambda p: not p.person and not p.place and p.end <= at and (" " in p.name or p.name.isupper()))


def _near_subject(subjects: ByStart[Mention], at: int, where) -> Mention | None:
    """The last subject before `at` that `where` takes, if it ends within
    SUBJECT_REACH of `at`. (Subjects that start further back than twice the
    reach, out of it unless a name ran 400 characters, are not read: a
    title's lookup stays short however long the text.)"""
    near = subjects.last_before(at, where=where, since=max(0, at - 2 * SUBJECT_REACH))
    return near if near and at - near.end <= SUBJECT_REACH else None


def _most_named(bodies: ByStart[Mention], at: int, rules: Rules) -> Mention | None:
    """"The company shelved its plans", the company never yet a subject:
    the organisation named before `at` twice or more, twice as often as any
    other ("Brightline" counts for "Brightline Energy" named before it)."""
    return _counted_bodies(bodies, rules.title_word).most_named(at)


@lru_cache(maxsize=4)
def _counted_bodies(bodies: ByStart[Mention], title_word: re.Pattern[str]) -> _CountedBodies:
    return _CountedBodies(bodies, title_word)


class _CountedBodies:
    """The organisations `_most_named` counts, read forward once: a later
    `at` reads only the names since the one before (else every "the
    company" read the names from the text's start). Mentions start at
    distinct places, so the order names are met in breaks no tie."""

    def __init__(self, bodies: ByStart[Mention], title_word: re.Pattern[str]):
        self.named = [
            m for m in bodies.items if not m.person and not m.place and not _peoples_adjective(m) and not title_word.fullmatch(m.name)
        ]
        self.starts = [m.start for m in self.named]
        self._start_over()

    def _start_over(self) -> None:
        self.read = 0
        self.times: dict[str, int] = {}  # each name, how often it was named
        self.last: dict[str, Mention] = {}  # and where it was named last
        # (Each name's opening words, "Brightline" of "Brightline Energy", point to the last name they open.)
        self.longer: dict[str, Mention] = {}

    def most_named(self, at: int) -> Mention | None:
        until = bisect_left(self.starts, at)
        if until < self.read:
            self._start_over()
        for mention in self.named[self.read : until]:
            self.times[mention.name] = self.times.get(mention.name, 0) + 1
            self.last[mention.name] = mention
            words = mention.name.split()
            for k in range(1, len(words)):
                self.longer[" ".join(words[:k])] = mention
        self.read = until
        counts: dict[str, int] = {}
        last: dict[str, Mention] = {}
        for name, times in self.times.items():
            counted = self.longer.get(name, self.last[name])
            counts[counted.name] = counts.get(counted.name, 0) + times
            if counted.name not in last or counted.start > last[counted.name].start:
                last[counted.name] = counted
        best = max(counts, key=lambda name: (counts[name], last[name].start), default=None)
        if best is None or counts[best] < 2 or any(n * 2 > counts[best] for name, n in counts.items() if name != best):
            return None
        return last[best]


def _peoples_adjective(mention: Mention) -> bool:
    """"Canadian", "Chinese", "British": one word of that shape is a people's adjective, no name."""
    return " " not in mention.name and mention.name.endswith(("an", "ese", "ish", "i"))


def _leading_body(subjects: ByStart[Mention], at: int, rules: Rules) -> Mention | None:
    """The body the article is about, for "the company" far from any name:
    the one that was most often a subject before `at`, if three times or more
    (not "the King", a title alone)."""
    def counted(mention: Mention) -> bool:
        return not mention.person and not mention.place and not mention.possessive and not rules.title_word.fullmatch(mention.name)
    return dominant(subjects, at, counted, least=3, twice=False)


def _shortened(shown: list[str], verb: int | None) -> list[str]:
    """At most about LIMIT words (punctuation aside), ended where a phrase
    ends after the verb (at index `verb`), and before a participle tail
    (", saying ..."). Of the places a phrase ends, the one chosen is nearest
    the limit, a comma or a clause's start before a preposition, never so
    early that little follows the verb."""
    tail = next((
        i for i in range(1, len(shown) - 1)
        if shown[i] == "," and (verb is None or i > verb) and next((w for w in shown[i + 1 :] if w not in ('"', "“", "”")), "").lower().endswith("ing")
    ), None)
    if tail is not None:
        shown = shown[:tail]
    counts, count = [], 0
    for word in shown:
        count += word[:1].isalnum()
        counts.append(count)
    if count <= LIMIT + 2 or count <= WHOLE and _reads_whole(shown, verb):
        return _trimmed(shown)
    start = verb or 0
    verbs = load_verbs()
    said = next((i for i in range(start, min(start + 3, len(shown))) if _says_a_clause(shown, i, verbs)), None)
    best, best_cost = None, None
    for j in range(start + 1, len(shown)):
        words = counts[j - 1]
        if words > LIMIT + 3:
            break
        low = shown[j].lower()
        if low == "as" and j >= 2 and shown[j - 2].lower() == "as":
            continue  # "as soon | as", "as well | as": the comparison needs its second "as"
        kind = 0 if low in ",;:—" else 1 if low in CLAUSE_OPENERS else 2 if low in PHRASE_ENDS else None
        if low == "," and any(w.lower() in ("and", "or") for w in shown[j + 1 : j + 5]):
            continue  # "men, women, and children": a list goes on
        if low == "," and ("-" in shown[j - 1] or shown[j + 1 : j + 2] and shown[j + 1][:1].isdigit()):
            continue  # "a six-month, 300 million-mile journey": adjectives go on
        if low == "," and shown[j - 1][:1].isupper() and shown[j + 1 : j + 2] and shown[j + 1][:1].isupper() and "," in shown[j + 2 : j + 5]:
            continue  # "a Jefferson County, Alabama, official": a place and its state
        if low == "," and j >= 3 and shown[j - 2] == "," and shown[j - 1][:1].isupper() and shown[j - 3][:1].isupper():
            continue  # ... and the comma after the state
        if kind is None or kind == 2 and words > LIMIT + 2:
            continue  # a clause may run a few words past the limit to end whole; a phrase may not
        if low in ("and", "or") and _verb_ends(shown[j - 1]):
            continue  # "shot down | or jammed 33 drones": the verbs share what follows
        if _names_joined(shown, j) or _adjectives_joined(shown, j):
            continue
        if low in APPROXIMATE and shown[j + 1 : j + 2] and shown[j + 1][:1] in "$0123456789":
            continue  # "to add | about $300 million": before a number, "about" is no preposition
        if shown[j - 1].lower() in DANGLING | LEFT_OPEN:
            continue  # "to consume more | than $500 million", "the government was only | on pace"
        if j >= 2 and shown[j - 1].lower() in load_rules().needs_phrase and shown[j - 2].lower() in ("in", "on"):
            continue  # "were in response | to signals": the phrase needs its preposition (a trim would take the verb with it)
        if low == "to" and _infinitive(shown[j + 1 : j + 2]) and "for" in (w.lower() for w in shown[max(start, j - 5) : j]):
            continue  # "was not right for a judge | to give the impression": the "for" phrase needs its verb
        if low == "to" and _infinitive(shown[j + 1 : j + 2]) and shown[j - 1].lower() in load_rules().before_infinitive:
            continue  # "was willing | to assist": the word needs its verb
        if low == "to" and _infinitive(shown[j + 1 : j + 2]) and any(w.lower() in load_rules().object_then_infinitive for w in shown[max(start, j - 6) : j - 1]):
            continue  # "urged the prime minister | to pledge": what he was urged to do
        if low == "as" and any(w.lower() in load_rules().before_as for w in shown[max(start, j - 5) : j]):
            continue  # "viewed Washington's move | as a violation": the verb needs what follows
        # "condemned the attack | and said ...": the subject's second verb starts a clause of its own.
        second_verb = low in ("and", "but") and j + 1 < len(shown) and _verb_ends(shown[j + 1])
        kind = 1 if second_verb else kind
        near = 2 if second_verb else 3  # the fewest words after the verb for a cut to leave a headline
        cost = kind + 2 * max(0, words - LIMIT) + (10 if words - counts[start] < near else 0) + (LIMIT - words) * 0.3
        if said is not None and j > said + 2 and not any(_finite(shown, k) for k in range(said + 1, j)):
            cost += 10  # "directors said the company's chairman and chief executive |": what was said lost its verb
        if _clause_left_open(shown, start, j):
            cost += 10
        if best_cost is None or cost < best_cost:
            best, best_cost = j, cost
    if best is None or best_cost >= 10:
        best = _longer_cut(shown, counts, start)
    cut = _trimmed(shown[:best], verb)
    if counts[-1] <= LONGEST + 4 and (any(w.lower() in load_verbs().be for w in shown[len(cut) : best]) or _quotation_open(shown[:best])):
        # 'had concluded the establishment of settlements was | "not, per se, ...': a cut that takes
        # the verb "was" from its words, or cuts the words themselves, changes what was said; the
        # whole clause is kept instead.
        return _trimmed(shown)
    return cut


def _reads_whole(shown: list[str], verb: int | None) -> bool:
    """Whether a clause a few words over the limit reads as one headline:
    after its verb, no comma, no clause of its own ("… that burned last
    year") and no word of a date or time left in it ("… on June 10")."""
    after = [w.lower() for w in shown[(verb or 0) + 1 :]]
    return not any(w in WHOLE_BREAKS or w.capitalize() in load_rules().date_words or YEAR.fullmatch(w) for w in after)


def _quotation_open(shown: list[str]) -> bool:
    """Whether the words end inside a quotation ('was "not, in itself')."""
    return shown.count("“") > shown.count("”") or shown.count('"') % 2 == 1


def _longer_cut(shown: list[str], counts: list[int], verb: int) -> int:
    """Where to end a title that has no phrase end in reach of the limit.
    A whole headline a few words long is better than a cut one ("pushed one
    of New | Jersey's most conservative state senators"): the clause is kept
    whole up to LONGEST words, or ended at the first phrase end past the
    limit; failing that, on the last word within it that can end a title."""
    if counts[-1] <= LONGEST:
        return len(shown)
    for j in range(verb + 1, len(shown)):
        if counts[j - 1] > LONGEST:
            break
        low = shown[j].lower()
        ends = low in ",;:—" or low in CLAUSE_OPENERS or low in PHRASE_ENDS
        if counts[j - 1] > LIMIT + 2 and ends and _can_end(shown, j) and not _clause_left_open(shown, verb, j):
            return j
    over = next(j for j, c in enumerate(counts) if c > LIMIT + 2)
    return next((j for j in range(over, verb + 1, -1) if _can_end(shown, j) and not _clause_left_open(shown, verb, j, speech=False)), next(j for j, c in enumerate(counts) if c > LIMIT))


def _clause_left_open(shown: list[str], verb: int, j: int, speech: bool = True) -> bool:
    """Whether a cut before word j leaves a clause without its verb: one
    opened by "where", "because", ... ("led to riots where protesters for
    the first time |"); and, with `speech`, what "said" after the title's
    own verb goes on to say ("appealing a ruling that said it, too |")."""
    opened = next((k for k in range(j - 1, verb, -1) if shown[k].lower() in NEEDS_VERB or _opens_that_clause(shown, k)), None)
    if opened is not None and not any(_finite(shown, k) for k in range(opened + 1, j)):
        return True
    if not speech:
        return False
    verbs = load_verbs()
    # ("urged the minister to pledge that ...": an infinitive says a clause too.)
    said = next((k for k in range(j - 1, verb, -1) if (_verb_form(shown[k].lower()) or shown[k - 1].lower() == "to") and lemma(shown[k].lower(), verbs) in verbs.speech), None)
    return said is not None and _says_a_clause(shown, said, verbs) and not any(_finite(shown, k) for k in range(said + 1, j))


def _opens_that_clause(shown: list[str], k: int) -> bool:
    """Whether the "that" at k opens a clause ("warnings that US air strikes
    could ...", "said that the"), not a noun phrase ("that deal")."""
    return shown[k].lower() == "that" and k + 1 < len(shown) and (shown[k + 1][:1].isupper() or shown[k + 1].lower() in THAT_CLAUSE_OPENERS)


def _can_end(shown: list[str], j: int) -> bool:
    """Whether a title cut before word j ends well: not inside a name ("the
    Baldwin | County jail"), nor on a preposition or a word that needs more."""
    last = shown[j - 1]
    in_name = last[:1].isupper() and j < len(shown) and shown[j][:1].isupper() or _names_joined(shown, j)
    possessive = last.endswith(("’s", "'s", "’", "'"))
    after_comma = j >= 2 and shown[j - 2] == ","  # "the prerecession peak, 29"
    low = last.lower()
    needs_more = low in DANGLING or low in LEFT_OPEN or low in PHRASE_ENDS or low in load_rules().needs_more
    needs_more |= low in load_rules().before_infinitive and shown[j : j + 1] == ["to"]  # "the latest directive due | to ..."
    return last[:1].isalnum() and not (needs_more or in_name or possessive or after_comma)


def _names_joined(shown: list[str], j: int) -> bool:
    """Whether word j joins two names that share what follows: "in Orange |
    and Riverside counties", "the George | and Joyce Wein Center"."""
    return shown[j].lower() in ("and", "or") and shown[j - 1][:1].isupper() and shown[j + 1 : j + 2] != [] and shown[j + 1][:1].isupper()


def _adjectives_joined(shown: list[str], j: int) -> bool:
    """Whether word j joins two adjectives that share the noun after them:
    "in the northern | and western Philippines", "economic and political ties"."""
    return (
        shown[j].lower() in ("and", "or") and j + 1 < len(shown) and shown[j - 1].islower() and shown[j + 1].islower()
        and bool(ADJECTIVE_END.search(shown[j - 1])) and bool(ADJECTIVE_END.search(shown[j + 1]))
    )


def _after_auxiliary(shown: list[str]) -> bool:
    """Whether the words end with an auxiliary, perhaps then "not" or an
    adverb ("were not", "was quickly"): what follows is the verb itself."""
    verbs = load_verbs()
    for word in reversed(shown[-3:]):
        low = word.lower()
        if low in verbs.auxiliaries:
            return True
        if not (low in verbs.negations or low.endswith("ly")):
            return False
    return False


def _says_a_clause(shown: list[str], i: int, verbs) -> bool:
    """Whether word i is a verb of speech whose object is a clause: "said",
    or "noted that", "insisted that", "denied he" (not "adding", nor "added
    80 jobs")."""
    base = lemma(shown[i].lower(), verbs)
    following = shown[i + 1].lower() if i + 1 < len(shown) else ""
    that = i + 1
    if following == "to" and "that" in (w.lower() for w in shown[i + 2 : i + 5]):
        that = next(k for k in range(i + 2, i + 5) if shown[k].lower() == "that")  # "acknowledged to supervisors that they"
        following = "that"
    # "that" opens what was said when a clause's subject follows it ("pledge that the party", "acknowledged
    # that Noel"), not when it is a determiner ("confirmed that report").
    then = shown[that + 1] if that + 1 < len(shown) else ""
    clause_after = then.lower() in verbs.determiners or then.lower() in ("he", "she", "they", "we", "i", "it") or then[:1].isupper()
    told = (base in SAYING or base in verbs.speech and clause_after) and following == "that" or base in verbs.speech and following in ("he", "she", "they", "we", "i")
    return not shown[i].endswith("ing") and (base == "say" or told)


def _finite(shown: list[str], k: int) -> bool:
    """Whether word k is plainly a verb of a clause: an auxiliary, a past
    form, a verb of state ("gaps remain"), or any word after "he", "it", "they"."""
    word, low = shown[k], shown[k].lower()
    verbs = load_verbs()
    after_pronoun = k > 0 and shown[k - 1].lower() in ("i", "he", "she", "it", "we", "they")
    return low in AUXILIARIES or word.islower() and (_verb_form(low) or after_pronoun or lemma(low, verbs) in verbs.states)


def _verb_form(low: str) -> bool:
    """Whether a word (in lower case) is plainly a form of a verb: an auxiliary, a past form, or one in -ed."""
    return low in AUXILIARIES or low in load_verbs().past_forms or low.endswith("ed")


def _verb_ends(word: str) -> bool:
    """Whether a verb or its particle ends the words ("shot down", "jammed"), its object still to come."""
    low = word.lower()
    return word.islower() and (low in PARTICLES or low.endswith("ed") or low in load_verbs().past_forms)


def _infinitive(following: list[str]) -> bool:
    """Whether the word after "to" is a verb ("to give"), not a noun phrase's ("to the court", "to Paris", "to 43")."""
    word = following[0] if following else ""
    return word.isalpha() and word.islower() and word not in NOT_VERBS


def _trimmed(shown: list[str], verb: int | None = None) -> list[str]:
    """Without the words a headline cannot end on: a preposition, an
    article, punctuation, or, where the title was cut after the verb (at
    index `verb`), a participle whose phrase was cut ("the vote scheduled"
    of "the vote scheduled for May 28")."""
    while shown:
        last = shown[-1].lower()
        participle = (
            verb is not None and len(shown) - 1 > verb + 1 and shown[-1].islower()
            and (last.endswith("ed") or last in PARTICIPLES or last.endswith("ing") and shown[-2].lower() not in DETERMINERS and last not in load_rules().ing_nouns)
            and not _after_auxiliary(shown[:-1])
        )  # "a letter stating", "the vote scheduled", "with an updated": a phrase cut short; not "a meeting"
        opening = shown[-1] == "“" or shown[-1] == '"' and shown.count('"') % 2 == 1  # a quotation cut right after its mark
        if len(shown) > 2 and last in load_rules().needs_phrase and shown[-2].lower() in ("in", "on"):
            shown = shown[:-2]  # "were arrested in Baldwin County in connection | with ...": the phrase goes whole
            continue
        if len(shown) > 3 and shown[-2].lower() in ("that", "which", "who") and shown[-1].islower() and _verb_form(last):
            shown = shown[:-2]  # "won a marathon series that ended |" (its time went): a relative clause with nothing left
            continue
        if len(shown) > 3 and shown[-3] == "," and last in TIME_SPANS and (shown[-2].lower() in ("a", "an") or shown[-2].lower() in NUMBER_WORDS or shown[-2].isdigit()):
            shown = shown[:-3]  # "ordered the inspections, a day | after ...": the span belongs to the clause that went
            continue
        if len(shown) > 2 and shown[-2] == "," and last in TIME_SPANS:
            shown = shown[:-2]  # "resigned, days | after ..."
            continue
        if span := _span_after_comma(shown):
            shown = shown[:-span]  # "released 21 girls in Banki, more than two years | after ...": the span goes with its clause
            continue
        if len(shown) > 2 and shown[-2].lower() in ("and", "but", "or") and last in FILLERS | {"later", "then", "again", "soon"}:
            shown = shown[:-2]  # "was questioned and later | alerted to ...": the second verb was cut
            continue
        # "scrutiny from the SEC over |" (whether ... went): a preposition left without its object; not "took over".
        stranded = last in STRANDED and not (len(shown) > 1 and (_verb_form(shown[-2].lower()) or shown[-2].lower() in load_verbs().be))
        if last in ("in", "on") and len(shown) > 1 and shown[-2].lower() in PARTICLE_IN:
            return shown  # "will be sworn in": the verb's particle
        if not (last in DANGLING and not _object_pronoun(shown) or stranded or not shown[-1][:1].isalnum() and shown[-1] not in "”)’\"%" or participle or opening):
            return shown
        shown = shown[:-1]
    return shown


def _span_after_comma(shown: list[str]) -> int:
    """How many words, its comma included, end the title with a length of
    time that a cut clause counted ("..., more than two years", "..., nearly
    a decade"); 0 when the title does not end so."""
    comma = max((i for i, w in enumerate(shown) if w == ","), default=None)
    if comma is None or len(shown) - comma > 6:
        return 0
    words = " ".join(w.lower() for w in shown[comma + 1 :])
    return len(shown) - comma if SPAN_AFTER_COMMA.fullmatch(words) else 0


def _object_pronoun(shown: list[str]) -> bool:
    """Whether the words end on a pronoun that is a verb's object ("to
    oppose it"), not a subject left without its verb ("... and they", "a
    ruling that said it")."""
    before = shown[-2].lower() if len(shown) > 1 else ""
    verb = before.isalpha() and shown[-2].islower() and before not in DANGLING and before not in PHRASE_ENDS
    return shown[-1] in ("it", "them") and verb and lemma(before, load_verbs()) not in load_verbs().speech


def _joined(shown: list[str]) -> str:
    """The words as a line of text: punctuation against the word before it,
    a straight quotation mark against the words it encloses, "$49"."""
    text, quote_open = "", False
    for word in shown:
        possessive = word in ("'", "’") and text.endswith("s")  # "Apple Corps' suit"
        closing = word == '"' and quote_open
        contraction = word[:1] in "'’" and word[1:].lower() in ("s", "ve", "ll", "re", "m")  # "they've", "we'll"
        glued = word[:1] in ",.;:!?)”%/" or text.endswith("/") or contraction or possessive or closing
        after_opening = text[-1:] in "(“$£€" or (text.endswith('"') and quote_open)
        after_opening |= bool(re.search(r"\b[A-Z]\.$", text)) and bool(re.fullmatch(r"[A-Z]", word))  # "U.S."
        after_opening |= bool(re.search(r"\d[.:]$", text)) and word[:1].isdigit() or bool(re.search(r"\b\d{1,3},$", text)) and bool(re.fullmatch(r"\d{3}\b.*", word))  # "R5.5bn", "1,500"
        if text and not glued and not after_opening:
            text += " "
        text += word
        quote_open = not quote_open if word == '"' else quote_open
    text = re.sub(r"\b([Aa])n (?=[b-df-gj-np-tvwyz]\w)", r"\1 ", text)  # "An [October 11] presentation": the date went
    text = re.sub(r"`\s?`\s?", "“", text)  # TeX-style marks: ``words''
    text = re.sub(r"\s?''|\s?’\s?’", "”", text)  # (and ’’ closing “)
    text = re.sub(r"[.,;:]([”\"])$", r"\1", _balanced(text).rstrip(" .,;:"))
    # "iLife", "eBay": a word that starts in lower case before a capital keeps it.
    return text if re.match(r"[a-z][A-Z]", text) else text[:1].upper() + text[1:]


def _balanced(text: str) -> str:
    """Drop a quotation mark or a bracket left open or closed alone by the cut."""
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "")  # "was presented for the first time)": a bracket cut from its pair
    return text


def antecedent(text: str, at: int) -> str | None:
    """The noun phrase a relative clause at `at` is about: the words before
    its comma back to a verb, a preposition or another comma ("a border
    treaty, which the two presidents signed"), at most five words."""
    words = tokens(text, max(0, at - 80), at)
    while words and words[-1].text in ",(":
        words = words[:-1]
    verbs = load_verbs()
    phrase: list[Token] = []
    for word in reversed(words):
        if word.text in ",;:.!?()\"“”" or word.low in verbs.prepositions and word.low != "of" or word.low in verbs.auxiliaries or word.low.endswith("ed") and word.text.islower():
            break
        phrase.insert(0, word)
    determiner = next((i for i, w in enumerate(phrase) if w.low in verbs.determiners), None)
    phrase = phrase[determiner:] if determiner is not None else phrase
    if not phrase or len(phrase) > 5:
        return None
    # "Ivo Brandt, a chef who joined the council": the chef is the one named before.
    named = DESCRIBED_NAME.search(text, max(0, phrase[0].start - 60), phrase[0].start) if phrase[0].low in ("a", "an") else None
    return named.group(1) if named else _joined([w.text for w in phrase])


DESCRIBED_NAME = re.compile(r"([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)+)\.?,\s*$")


def heads_nothing(title: str, rules: Rules) -> bool:
    """Whether a title can head no draft an editor would keep: it opens as
    a fragment ("With 18 months left", "Who has declared"; not "US troops",
    "WHO declared"), with a word standing for someone it does not name ("It
    announced", "Its fleet", "The company shelved"), with a vague count of
    no one named ("Many issued statements"; not "Several thousand
    teachers", "Some of the passengers"), or its verb lost its modal."""
    if not title.strip():
        return True
    opener, *rest = title.split(" ", 2)
    second = rest[0] if rest else ""
    low = opener.lower().replace("’", "'")
    if not opener.isupper() and low in rules.fragment_openers:
        return True
    if low.removesuffix("'s") in rules.unresolved_openers or opener == "The" and second in rules.body_nouns:
        return True
    if low in rules.vague_openers and second.isalpha() and second.islower() and second != "of" and not QUANTITY.fullmatch(second):
        return True
    return _bare_be(title)


def _bare_be(title: str) -> bool:
    """Whether the title's own verb is a bare "be" ("The message be taken
    as a suggestion"): its modal was lost. Not "will be", "to be", "could
    only be", nor "Aides insisted the message be taken", after a verb."""
    verbs = load_verbs()
    words = title.split()
    at = next((i for i, w in enumerate(words) if w == "be"), None)
    if not at:
        return False
    before = [w.lower() for w in words[:at] if not (w.endswith("ly") or w.lower() in verbs.negations or w in ("also", "never", "still"))]
    helped = before and (before[-1] in verbs.modals or before[-1] in verbs.future_modals or before[-1] == "to")
    return not helped and not any(_verb_form(w) for w in before)


def says_nothing(title: str) -> bool:
    """Whether a title ends on its verb of speech ("Kieswetter said", "went
    on to add"), or on it and a name, what was said about them cut away
    ("Doherty said Christie")."""
    verbs = load_verbs()
    words = title.split()
    if not words:
        return False
    name = next((k for k in range(1, 4) if len(words) > k + 1 and words[-k - 1].islower() and all(w[:1].isupper() for w in words[-k:])), 0)
    words = words[: len(words) - name]
    last = words[-1]
    inflected = last.endswith("ed") or last in verbs.past_forms  # a past verb, not "the American demand", "early-voting states"
    infinitive = words[-3:-1] == ["on", "to"]  # "went on to add"
    # ("cut its sales forecast", "the company's forecast": a noun after a possessive.)
    owned = any(w.lower() in ("its", "his", "her", "their", "our", "my", "your") or w.endswith(("'s", "’s")) for w in words[-3:-1])
    return len(words) > 1 and last.islower() and (inflected or infinitive) and not owned and lemma(last, verbs) in verbs.speech


CONTRACTION = re.compile(r"(?i)(?<=\w)['’](ll|ve|re|m|d)\b|\b(it|that|he|she|there|what|here)['’]s\b")
SPELLED_OUT = {"ll": " will", "ve": " have", "re": " are", "m": " am", "d": " would"}


def _has_clause(words: str) -> bool:
    """Whether spoken words hold a clause with its verb; contractions spelled
    out first ("we'll make a determination" is "we will make ...")."""
    spelled = CONTRACTION.sub(lambda m: SPELLED_OUT[m.group(1).lower()] if m.group(1) else f"{m.group(2)} is", words)
    return bool(clause_verbs(tokens(spelled, 0, len(spelled))))


def quote_title(speaker: str, quoted: str) -> str:
    """'Speaker: “words”': the quotation's first sentence when it is short,
    else its first clause that says something, ended where a phrase ends."""
    sentences = re.split(r"(?<=[.!?…])(?<!\b[A-Z]\.)\s+(?=[^a-z])", quoted.strip())  # not "the hold on U.S. | security aid"
    best = sentences[0]
    if len(best.split()) > LIMIT:
        pieces = [p for p in re.split(r"(?<=[,;:—])\s+|\s+(?:[-–]|--)\s+", best) if p]
        # The first piece that says something: a clause with its verb ("we'll make a determination"),
        # not a phrase that opens the sentence ("Tomorrow before the event,").
        said = [p for p in pieces if len(p.split()) >= 3]
        best = next((p for p in said if _has_clause(p)), said[0] if said else pieces[0])
    words = best.split()
    if len(words) > LONGEST + 1:
        best = " ".join(_shortened(words, 1))  # (a speaker's one sentence a little over the limit is not cut: a cut would change what was said)
    best = best.rstrip(",;:—- ")
    speaker = speaker[:1].upper() + speaker[1:]
    return f"{speaker}: “{best}”"
