"""Clauses and their verbs: which words of a sentence report a happening.

Extraction proposes a happening where a clause's verb reports one: "the
board cleared him on Wednesday" is one, "the phone has two cameras" and
"prosecutors could bring charges" are not, and a noun alone ("allegations
have been a feature of this campaign") never is. There is no parser here. A
verb group is known by its words (rules/verbs.toml): auxiliaries, irregular
forms, the -ed ending, and what stands before it ("the recently announced
phone" has no verb; "Apple announced" has one). A clause opens at a relative
word, a subordinator, a semicolon or a dash, or a "that" after a verb of
speech; the main clause is the first one that is none of these.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

RULES_FILE = Path(__file__).parent / "rules" / "verbs.toml"
# A letter is any script's ("Schröder", "José"), not only ASCII's.
# (A clock time is one word: the "am" of "6.10am" or "9 am" is no verb.)
# A pronoun's "'ve" and "'ll" are words of their own, auxiliaries ("they've
# put out": a perfect, not the simple past "put"); "'d" (had or would), "'s"
# (is or has), "'re" and "'m" stay with it.
WORD = re.compile(r"\d{1,2}(?:[.:]\d\d)?\s?(?i:[ap]m)\b|\d+(?:[.,:]\d+)+|\b(?i:i|you|we|they|he|she|it|who|that|there)(?=[’'](?i:ve|ll)\b)|[^\W_]+(?:[’'-][^\W_]+)*(?:[’']s)?|[’']\w+|[^\s\w]|_")
APOSTROPHE = str.maketrans({"’": "'"})


@dataclass(frozen=True)
class Verbs:
    base_of: dict[str, str]  # every irregular past or participle form -> its base
    past_of: dict[str, str]  # every irregular base -> its (first) simple past
    past: frozenset[str]  # irregular simple past forms
    participles: frozenset[str]
    not_past: frozenset[str]
    be: frozenset[str]
    have: frozenset[str]
    do: frozenset[str]
    future_modals: frozenset[str]
    modals: frozenset[str]
    negations: frozenset[str]
    ahead: frozenset[str]
    states: frozenset[str]
    acting: frozenset[str]
    efforts: frozenset[str]
    forecasts: frozenset[str]  # verbs whose passive tells what is foreseen ("is expected", "was forecast")  # a state verb and the word after it that make it a happening ("look at")
    speech: frozenset[str]
    present_speech: frozenset[str]
    group_adverbs: frozenset[str]
    determiners: frozenset[str]
    prepositions: frozenset[str]
    pronoun_subjects: frozenset[str]
    subordinators: frozenset[str]
    relatives: frozenset[str]
    complement_verbs: frozenset[str]
    achieved: frozenset[str]
    negative_subjects: frozenset[str]
    time_words: frozenset[str]
    have_happenings: frozenset[str]
    commentary: frozenset[str]
    bases: frozenset[str]  # base forms of the irregular verbs
    past_forms: frozenset[str]  # every irregular past and participle, with the prefixes ("retook")
    auxiliaries: frozenset[str]  # be, have, do and the modals
    participles_only: frozenset[str]  # "taken", "retaken": never a simple past
    known: frozenset[str]  # every base form the lists name
    cut_words: frozenset[str]  # the words at which `_openings` may cut a clause, whatever comes before
    verb_words: frozenset[str]  # the words a verb group may start with, besides those in -ed, -s and -ing
    lemmas: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # each word's `lemma`, once read


@cache
def load_verbs(path: Path = RULES_FILE) -> Verbs:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    base_of, past_of, past, participles, bases = {}, {}, set(), set(), set()
    for line in data["irregular"].strip().splitlines():
        base, pasts, parts = line.split()
        bases.add(base)
        past_of[base] = pasts.split("/")[0]
        for form in pasts.split("/"):
            base_of[form] = base
            past.add(form)
        for form in parts.split("/"):
            base_of[form] = base
            participles.add(form)
    words = {name: frozenset(w.replace("’", "'") for w in data[name]) for name in data if name != "irregular"}
    forms = past | participles
    # "retook", "overran", "undertook": an irregular form after a prefix.
    past_forms = frozenset(forms | {p + form for p in PREFIXES for form in forms})
    only = participles - past
    participles_only = frozenset(only | {p + form for p in PREFIXES for form in only})
    auxiliaries = frozenset().union(*(words[name] for name in ("be", "have", "do", "future_modals", "modals")))
    return Verbs(
        base_of=base_of, past_of=past_of, past=frozenset(past), participles=frozenset(participles), bases=frozenset(bases),
        past_forms=past_forms, auxiliaries=auxiliaries, participles_only=participles_only,
        known=words["speech"] | words["states"] | words["ahead"] | words["commentary"] | words["efforts"] | frozenset(bases),
        cut_words=words["relatives"] | words["subordinators"] | CUT_WORDS, verb_words=auxiliaries | past_forms | words["speech"] | words["ahead"], **words,
    )


@dataclass(frozen=True)
class Verb:
    """A verb group: "captured", "was killed", "has been charged", "will meet"."""

    start: int  # the group, auxiliaries included
    end: int
    head: str  # the main verb as written, lower case
    lemma: str  # its base form, as near as the rules can tell
    tense: str  # past | perfect | past-perfect | present | future | modal
    passive: bool
    negated: bool
    progressive: bool
    ahead: bool  # "plans to leave", "is expected to win": the happening is still ahead
    speech: bool  # a verb of speaking or writing
    state: bool  # a verb of state or opinion, or a copula ("is", "was")

    @property
    def happening(self) -> bool:
        """Whether the group, on its own, reports something that happened or
        is happening as the article is written ("rebels are shelling the harbour")."""
        if self.negated or self.ahead or self.state:
            return False
        if self.tense == "present":
            return self.progressive
        return self.tense in ("past", "perfect", "past-perfect") and not (self.progressive and self.tense == "past")


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    role: str  # main | relative | adverbial | complement | coordinate | attribution ("..., police said")
    opener: str | None  # the word that opened it: which, after, that, ...
    verb: Verb | None  # its first verb group, if it has one
    subject: tuple[int, int] | None  # the words before the verb, from the clause's start


class Token(NamedTuple):
    text: str
    start: int
    end: int
    low: str  # lower case, with a plain apostrophe


def tokens(text: str, start: int, end: int) -> list[Token]:
    # tuple.__new__ makes the same Token as Token(...) at half the cost (a
    # NamedTuple's own __new__ is Python code): this runs for every word.
    return [
        _token(Token, (word, m.start(), m.end(), word.lower().translate(APOSTROPHE) if "’" in word else word.lower()))
        for m in WORD.finditer(text, start, end)
        for word in (m[0],)
    ]


_token = tuple.__new__


class Words:
    """A text's words: those of any stretch of it, read when asked for. A
    stretch is read from a white space (or the text's start) to a white
    space (or its end), which no word holds, so its words are the text's.
    Nothing is kept: all the words of a 5 MB text took 250 MB, and each
    sentence is asked for once by the clauses' pass, and at most once
    again by the titles'."""

    BLOCK = 1 << 9  # characters between the white spaces noted, to start from when a stretch opens inside a word

    def __init__(self, text: str):
        self.text = text
        self.bounds = [0]
        while self.bounds[-1] < len(text):
            space = WHITE.search(text, self.bounds[-1] + self.BLOCK)
            self.bounds.append(space.start() if space else len(text))

    def between(self, start: int, end: int) -> list[Token]:
        text, bounds = self.text, self.bounds
        a = start if start == 0 or start > len(text) or text[start - 1].isspace() else bounds[bisect_right(bounds, start) - 1]
        b = end if end >= len(text) or text[end].isspace() else bounds[bisect_left(bounds, end)]
        found = tokens(text, a, b)
        return found if a == start and b == end else [w for w in found if start <= w.start < end]


WHITE = re.compile(r"\s")


def clauses(text: str, start: int, end: int, verbs: Verbs | None = None, words: Words | None = None) -> list[Clause]:
    """The clauses of text[start:end], in order; every word is in one
    (`words`: the text's words, when read already)."""
    verbs = verbs or load_verbs()
    words = words.between(start, end) if words else tokens(text, start, end)
    groups = _verb_groups(words, verbs)
    cuts = _openings(words, groups, verbs)
    found = []
    for index, (at, role, opener) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else len(words)
        if at >= stop:
            continue
        c_start, c_end = words[at].start, words[stop - 1].end
        verb = next((g for g in groups if c_start <= g.start < c_end), None)
        subject = None
        if verb is not None:
            # The subject follows the opener ("after"), which may come after a span of time ("Hours after", "about a month after").
            first = at + (next((k for k in range(SPAN_REACH) if at + k < stop and words[at + k].low == opener), 0) + 1 if opener and role != "main" else 0)
            ahead = [w for w in words[first:stop] if w.start < verb.start]
            # "and specifically named Munir": an adverb before the verb is no subject.
            if ahead and not all(w.low.endswith("ly") or w.low in verbs.group_adverbs for w in ahead):
                subject = (words[first].start, verb.start)
                if words[first].low in verbs.negative_subjects:
                    verb = replace(verb, negated=True)
        found.append(Clause(c_start, c_end, role, opener, verb, subject))
    return found


def clause_verbs(words: list[Token], verbs: Verbs | None = None) -> list[Verb]:
    """The verb groups of a run of words, in order."""
    return _verb_groups(words, verbs or load_verbs())


def main_clause(found: list[Clause]) -> Clause | None:
    """The clause that tells what the sentence is about: the first main one
    with a verb, else the first with a verb at all."""
    return next((c for c in found if c.role in ("main", "coordinate") and c.verb), None) or next(
        (c for c in found if c.verb), None
    )


# -- Verb groups ---------------------------------------------------------------


def _regular_past(word: str, verbs: Verbs) -> bool:
    # "re-elected" is a verb; "state-owned", "US-led", "Iranian-backed" are adjectives.
    return word.endswith("ed") and len(word) > 3 and word not in verbs.not_past and word.isalpha() or (
        "-" in word and word.endswith("ed") and word.split("-")[0] in VERB_PREFIXES and word.split("-")[-1] not in verbs.not_past and len(word.split("-")[-1]) > 4
    )


# Prepositions that open a phrase before the subject, not a quantity ("Around 19 missiles failed").
PHRASE_OPENERS = frozenset("during at in on for with amid despite following throughout within inside among like unlike".split())
VERB_PREFIXES = frozenset("re co pre de un mis out over under".split())


def lemma(word: str, verbs: Verbs) -> str:
    """The base form of a verb form, as near as spelling allows."""
    found = verbs.lemmas.get(word)
    if found is None:
        found = verbs.lemmas[word] = _lemma(word, verbs)  # a text asks for its few verbs' again and again
    return found


def _lemma(word: str, verbs: Verbs) -> str:
    if word in verbs.bases:
        return word
    if word in verbs.base_of:
        return verbs.base_of[word]
    prefix = next((p for p in PREFIXES if word.startswith(p) and word[len(p) :] in verbs.base_of), None)
    if prefix:
        return prefix + verbs.base_of[word[len(prefix) :]]
    if word.endswith("ied"):
        return word[:-1] if len(word) <= 4 else word[:-3] + "y"
    if word.endswith(("ed", "ing")):
        stem = word[:-2] if word.endswith("ed") else word[:-3]
        known = verbs.known
        # A base the rules list wins: "added" is "add", "praised" is "praise", "stopped" is "stop".
        for base in (stem, stem + "e", stem[:-1]):
            if base in known:
                return base
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            return stem[:-1]
        return stem + "e" if stem.endswith(("c", "v", "z", "at", "iz", "is", "ur", "us", "g", "ut", "os", "as", "ac", "uc", "rs", "ps", "ls", "ns", "ir", "pl", "bl", "tl", "dl", "kl", "gl", "fl")) and not stem.endswith("ng") else stem
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(("s", "sh", "ch", "x", "z")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


PREFIXES = ("re", "out", "over", "under", "mis", "fore", "with", "up")
PERIOD_NOUNS = frozenset("quarter quarters year years period periods month months week weeks half".split())


def _is_past(word: str, verbs: Verbs) -> bool:
    return word in verbs.past_forms or _regular_past(word, verbs)


def _verb_groups(words: list[Token], verbs: Verbs) -> list[Verb]:
    found: list[Verb] = []
    asides = _in_parentheses(words)
    i = 0
    while i < len(words):
        low = words[i].low
        if not (low in verbs.verb_words or low.endswith(("ed", "s", "ing")) or low in verbs.complement_verbs):
            i += 1  # no verb form the rules read starts here
            continue
        if low in ("ended", "ending") and i and words[i - 1].low in PERIOD_NOUNS and i + 1 < len(words) and (words[i + 1].text[:1].isupper() or words[i + 1].text[:1].isdigit()):
            i += 1  # "a loss for its fourth quarter ended June 30": the period's participle, no verb
            continue
        group = _group_at(words, i, verbs, found, asides)
        if group is None:
            i += 1
            continue
        at = i  # where the group starts
        verb, i = group
        # "The results announced at CERN, home of the LHC, were met with
        # applause": a verb right after a comma has no subject of its own, so
        # the lone past form before it was a participle.
        after_comma = at > 0 and words[at - 1].text == "," and words[at].low in verbs.auxiliaries and bool(found) and _relative_verb_at(words, found[-1], verbs) is None
        # ("looked at surveys completed by 505,796 people": a lone past form with its agent is the participle.)
        agent = verb.tense == "past" and not verb.passive and verb.end - verb.start == len(verb.head) and i < len(words) and words[i].low == "by"
        if found and (_same_stretch(words, found[-1], at, verbs) and not found[-1].speech or after_comma) and not agent and _reduced_relative(words, found[-1], verbs):
            found.pop()  # the earlier form was a participle: this is the clause's verb
        elif found and _embedded_passive(words, found[-1], at, verbs):
            found.pop()  # the earlier group told what the subject shows: this is the clause's verb
        elif found and _inside_apposition(words, found[-1], at - 1, verbs):
            found.pop()  # "Ivo Brandt, a chef the council hired, resigned": the apposition's clause has no verb of the sentence's
        found.append(verb)
    return found


def _in_parentheses(words: list[Token]) -> list[bool] | None:
    """For each word, whether more "(" than ")" come before it; None when
    there is no "(" at all, as in most sentences."""
    if "(" not in map(itemgetter(0), words):  # (a word's text)
        return None
    inside, depth = [], 0
    for word in words:
        inside.append(depth > 0)
        depth += (word.text == "(") - (word.text == ")")
    return inside


def _relative_verb_at(words: list[Token], verb: Verb, verbs: Verbs) -> int | None:
    """Where the verb is, when it is a relative clause's, right after its
    pronoun ('which sank on Sunday', 'that crippled the port'): not a participle."""
    at = bisect_left(words, verb.start, key=lambda w: w.start)
    return at if at > 0 and words[at - 1].low in verbs.relatives | {"that"} else None


def _skip_adverbs(words: list[Token], i: int, verbs: Verbs) -> tuple[int, bool]:
    """The index of the first word from i that is not an adverb inside a verb
    group, and whether a negation was among those skipped."""
    negated = False
    while i < len(words) and (words[i].low in verbs.group_adverbs or words[i].low in verbs.negations or (words[i].low.endswith("ly") and len(words[i].low) > 4)):
        negated |= words[i].low in verbs.negations
        i += 1
    return i, negated


def _group_at(words: list[Token], i: int, verbs: Verbs, before: list[Verb], asides: list[bool] | None) -> tuple[Verb, int] | None:
    low = words[i].low
    if i and words[i].text[:1].isupper() or not (low[:1].isalpha() or low in verbs.auxiliaries):
        return None  # a name ("United States", "Will Smith") or a number, not a verb ("'ve" is one)
    if i and words[i - 1].low in verbs.subordinators:
        nonfinite = _nonfinite(words, i, verbs)
        if nonfinite:
            return nonfinite
    if low in verbs.auxiliaries:
        return _auxiliary_group(words, i, verbs)
    past = _is_past(low, verbs)
    # ("plans to repay": present, and what it plans is ahead.)
    present = not past and (
        low in verbs.present_speech or _present_after_pronoun(words, i, verbs) or _present_before_object(words, i, verbs) or _plural_speech(words, i, verbs)
        or low in verbs.ahead and _next(words, i) == "to" or _finding(words, i, verbs)
    )
    # (Where the form is neither, as most plural nouns, the position is not read.)
    if not (past or present) or not _finite_position(words, i, verbs, before, asides):
        return None
    if past:
        return _simple(words, i, verbs, "past")
    if _after_modifier(words, i, verbs):
        return None  # "Unconfirmed reports", "the Kremlin's claims": a noun here
    return _simple(words, i, verbs, "present")


def _nonfinite(words: list[Token], i: int, verbs: Verbs) -> tuple[Verb, int] | None:
    """'since being elected', 'after having resigned', 'before leaving
    office': a clause without a finite verb that still tells a happening,
    of the main clause's subject."""
    low = words[i].low
    if low in ("being", "having") and i + 1 < len(words) and _is_past(words[i + 1].low, verbs):
        head = words[i + 1].low
        base = lemma(head, verbs)
        return Verb(words[i].start, words[i + 1].end, head, base, "past", low == "being", False, False, False, base in verbs.speech, _stative(base, words, i + 2, verbs)), i + 2
    if low.endswith("ing") and len(low) > 4 and low not in ("being", "having") and low.isalpha():
        base = lemma(low, verbs)
        return Verb(words[i].start, words[i].end, low, base, "past", False, False, True, False, base in verbs.speech, _stative(base, words, i + 1, verbs)), i + 1
    return None


def _next(words: list[Token], i: int) -> str:
    return words[i + 1].low if i + 1 < len(words) else ""


def _present_after_pronoun(words: list[Token], i: int, verbs: Verbs) -> bool:
    """'which ends', 'he says': an -s word right after a pronoun is its verb."""
    low, following = words[i].low, _next(words, i)
    auxiliary = following in verbs.be or following in verbs.have or following in verbs.do or following in verbs.modals or following in verbs.future_modals
    # "which rebels had taken": a noun after "which", before its own verb.
    return i > 0 and words[i - 1].low in verbs.pronoun_subjects and low.endswith("s") and not low.endswith("ss") and low.isalpha() and len(low) > 3 and not auxiliary


def _after_modifier(words: list[Token], i: int, verbs: Verbs) -> bool:
    """Whether a present form follows a word that modifies a noun: an
    adjective in -ed or -ing, a possessive."""
    previous = words[i - 1].low if i else ""
    # "the ruling comes": after a determiner, the -ing word is the noun the verb follows.
    noun = i >= 2 and words[i - 2].low in verbs.determiners
    return not noun and (
        previous.endswith(("ed", "ing", "'s")) and previous not in verbs.not_past and not words[i - 1].text[:1].isupper()
        or previous in ("'s",) or i == 1 and previous.endswith(("ed", "ing"))
    )


def _plural_speech(words: list[Token], i: int, verbs: Verbs) -> bool:
    """'activists say', 'reports suggest', 'they claim': a verb of speech in
    the present after a plural subject."""
    previous = words[i - 1].low if i else ""
    # After a comma, the apposition before it was checked by _finite_position.
    plural = previous in ("they", "we", "i", "you", "who", ",") or previous.endswith("s") and not previous.endswith(("ss", "'s")) and previous.isalpha()
    return words[i].low in verbs.speech and plural


def _finding(words: list[Token], i: int, verbs: Verbs) -> bool:
    """'Papers released on Friday show how ...', 'figures suggest that ...':
    a verb of finding in the present, after a plural noun or a day, before
    what it finds."""
    previous = words[i - 1].low if i else ""
    plural = previous in DAY_WORDS or previous.endswith("s") and not previous.endswith(("ss", "'s")) and previous.isalpha()
    return words[i].low in verbs.complement_verbs and plural and _next(words, i) in FOUND_OPENERS


FOUND_OPENERS = frozenset("that how what why whether who where when".split())


def _present_before_object(words: list[Token], i: int, verbs: Verbs) -> bool:
    """'the store violates an agreement': an -s word between a noun and a
    determiner is a verb; a plural noun seldom stands there."""
    low = words[i].low
    return (
        low.endswith("s") and not low.endswith(("ss", "'s", "us", "is")) and low.isalpha() and len(low) > 3
        and _next(words, i) in ("a", "an", "the", "its", "his", "her", "their", "this", "that", "these", "those")
    )


def _simple(words: list[Token], i: int, verbs: Verbs, tense: str) -> tuple[Verb, int]:
    head = words[i].low
    base = lemma(head, verbs)
    if head in verbs.achieved and _next(words, i) == "to":
        # "managed to escape": what happened is the escape.
        k, _ = _skip_adverbs(words, i + 2, verbs)
        if k < len(words):
            inner = lemma(words[k].low, verbs)
            return Verb(words[i].start, words[k].end, words[k].low, inner, tense, False, False, False, False, inner in verbs.speech, False), k + 1
    ahead = (base in verbs.ahead or head in verbs.ahead) and _next(words, i) == "to" and base not in verbs.speech
    # "they never materialized", "he not only resigned": a negation just before.
    negated = any(w.low in verbs.negations for w in words[max(0, i - 2) : i]) and not (i >= 2 and words[i - 2].low == "not" and words[i - 1].low == "only")
    verb = Verb(words[i].start, words[i].end, head, base, tense, False, negated, False, ahead, base in verbs.speech, _stative(base, words, i + 1, verbs))
    return verb, i + 1


def _finite_position(words: list[Token], i: int, verbs: Verbs, before: list[Verb], asides: list[bool] | None) -> bool:
    """Whether the verb form at i is a clause's verb rather than an adjective
    ("the besieged city") or a participle after its noun ("a lawsuit filed
    by", "people presumed to be alive")."""
    head = words[i].low
    if head in verbs.participles_only:
        return False
    j = i - 1
    while j >= 0 and words[j].low in verbs.group_adverbs:
        j -= 1
    if j < 0:
        # The first word of a sentence is a verb only in a headline's style ("Says ..."), which is left alone.
        return False
    previous = words[j].low
    if previous in ('"', "“") and j > 0 and words[j - 1].text in (",", ":") and words[j - 1].end < words[j].start:
        return False  # 'calls the plan, “misguided policy”': words quoted after a comma have no subject there (not '…," said')
    if asides and asides[i]:
        return False  # "(first used in its iPad tablet)": an aside, not the sentence's verb
    if _in_opening_phrase(words, i, verbs):
        return False  # "During a media event held at its headquarters, Apple released ..."
    # "the warnings that went unheeded": "that" after a noun opens a relative clause.
    relative_that = previous == "that" and j > 0 and words[j - 1].text.isalpha() and words[j - 1].low not in verbs.prepositions | verbs.determiners | verbs.auxiliaries and not (
        lemma(words[j - 1].low, verbs) in verbs.speech or lemma(words[j - 1].low, verbs) in verbs.complement_verbs or words[j - 1].low.endswith(("ed", "ly"))
    ) and _is_past(head, verbs)
    if (previous in verbs.determiners and not relative_that) or previous in verbs.prepositions or previous in ("-", "/") or previous.endswith("'s"):
        return False  # "the besieged city", "the man's dismembered body"
    if _next(words, i) == "to" and i + 2 < len(words) and words[i + 2].low in ("be", "have") and head not in verbs.achieved:
        return False
    if head.endswith("s") and head not in verbs.auxiliaries and re.fullmatch(r"\d[\d.]*-\w+", previous):
        return False  # "Benchmark 10-year notes rose": after a measure, a word in -s is its noun
    if head.endswith("s") and head not in verbs.auxiliaries and j >= 2 and words[j].text[:1].isupper() and words[j - 1].low in ("and", "or") and words[j - 2].text[:1].isupper():
        return False  # "in Orange and Riverside counties": two names take no verb in -s; they share a noun
    if previous in ("and", "or", "but"):
        # "captured the town and killed 12": a second verb of the same subject.
        return bool(before) and before[-1].tense in ("past", "present", "perfect")
    # ("a lawsuit filed by the company", "reports by consumers"; not "a programmer who goes by the name Ammar".)
    if _followed_by_agent(words, i) and head not in verbs.past - verbs.participles and not (previous in ("who", "which", "that") and not _is_past(head, verbs)):
        return False
    if previous == ",":
        # "The White Helmets, a team of first responders, said", "The
        # governments, which sponsor the talks, invited": the subject's verb
        # after an apposition or a relative clause; else a participle
        # ("..., based in Paris").
        # ("Zosin, a resident who witnessed the attack, said": the relative clause may sit in the apposition.)
        opened = next((k for k in range(1, j) if words[k].text == ","), j)  # the apposition's comma
        after_relative = any(words[k].low in verbs.relatives and (words[k - 1].low == "," or opened < k - 1) for k in range(1, j))
        after_apposition = not before and sum(w.text == "," for w in words[:j]) >= 1
        # "While the regime was focused on the city, ISIS, or the Islamic State, retook Palmyra".
        comma = next((w.start for w in words if w.text == ","), None)
        after_adverbial = words[0].low in verbs.subordinators and bool(before) and comma is not None and all(g.start < comma for g in before) and sum(w.text == "," for w in words[:j]) >= 2
        # "Its foray arrived as the tech giant's service, Stadia, launched": the subordinate clause's subject and its name.
        opener = next((k for k in range(j - 1, 0, -1) if words[k].low in verbs.subordinators), None) if before else None
        after_adverbial |= opener is not None and words[opener].start >= before[-1].end and sum(w.text == "," for w in words[opener:j]) == 1
        return j > 1 and (after_relative or after_apposition or after_adverbial or bool(before) and _inside_apposition(words, before[-1], j, verbs))
    if before and _same_stretch(words, before[-1], i, verbs) and not before[-1].speech and before[-1].lemma not in verbs.complement_verbs:
        # "The strike that crippled the port ended": the relative clause's verb, then the main one.
        opened = _relative_verb_at(words, before[-1], verbs)
        in_relative = opened is not None and opened > 1 and words[opened - 2].text.isalpha() and j > opened + 1
        return previous in verbs.pronoun_subjects or _reduced_relative(words, before[-1], verbs) or in_relative
    return True


def _opening_subordinator(words: list[Token], verbs: Verbs) -> int | None:
    """Where the subordinator that opens the sentence is: its first word, or
    after a span of time ("Hours after ...", "Two days before ...", "Shortly after ..."),
    or after a short phrase and its comma ("In 2015, after ...", "Then, when ...")."""
    comma = next((k for k, w in enumerate(words[:SPAN_REACH]) if w.text == ","), None)
    if comma is not None and comma + 1 < len(words) and words[comma + 1].low in verbs.subordinators:
        return comma + 1
    if len(words) > 1 and words[0].low in LEADING_CONJUNCTIONS and words[1].low in verbs.subordinators:
        return 1  # "But as the craze died, Coleco failed ..."
    for k, word in enumerate(words[:SPAN_REACH]):
        if word.low in verbs.subordinators or k + 1 < len(words) and f"{word.low} {words[k + 1].low}" in verbs.subordinators:
            return k  # (of two words: "Now that his trial has ended, ...")
        if not (word.low in TIME_SPANS or word.text.isdigit() or word.low in NUMBER_WORDS):
            return None
    return None


# Words after which "and" joins two nouns, not two clauses: "offered more and
# deeper discounts than rivals have seen", "both the army and the police".
JOINS_NOUNS = frozenset("more less fewer both between".split())
SPAN_REACH = 5  # words a span of time may take before its subordinator ("about a month after")
LEADING_CONJUNCTIONS = frozenset("but and yet so".split())
TIME_SPANS = frozenset("hour hours day days week weeks month months year years minute minutes moments seconds shortly soon just only long a few about nearly almost".split())
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten several".split())


def _in_opening_phrase(words: list[Token], i: int, verbs: Verbs) -> bool:
    """Whether the word at i is a participle in a phrase that opens the
    sentence with a preposition that takes no clause, before its comma and
    with no name in it that could be a subject: "During a media event held
    at its headquarters, Apple released", not "In 2003 Apple moved to"
    nor "In the morning troops moved into the city."."""
    first = words[0].low
    return (
        first in PHRASE_OPENERS and i > 1 and words[i].low not in verbs.auxiliaries
        and not any(w.text == "," or w.text[:1].isupper() for w in words[1:i])
        and (_next(words, i) in verbs.prepositions | {"by"} or TIME_WORD.match(_next(words, i))) and any(w.text == "," for w in words[i + 1 :])
    )


# A word that opens a time ("In a joint statement published Oct. 25, ...").
TIME_WORD = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|(?:mon|tues|wednes|thurs|fri|satur|sun)day$|last$|this$|yesterday$|today$|earlier$|\d")


def _stative(base: str, words: list[Token], after: int, verbs: Verbs) -> bool:
    """Whether the verb tells a state: "appeared calm" does, "appeared in court" does not."""
    return base in verbs.states and not (after < len(words) and f"{base} {words[after].low}" in verbs.acting)


def _reduced_relative(words: list[Token], verb: Verb, verbs: Verbs) -> bool:
    """Whether an earlier past form was a participle after its noun: "a
    spacecraft created to burrow beneath Mars touched down" (the verb is
    the second one). It must be a lone past form followed by "to" or a
    preposition."""
    if verb.tense != "past" or verb.passive or verb.progressive or verb.end - verb.start != len(verb.head):
        return False
    after = next((k for k, w in enumerate(words) if w.start >= verb.end), None)
    if after is None:
        return False
    # "An iOS update released Thursday came with ...": a day after the participle, then the verb
    # (not "who arrived Thursday with ...": a relative clause's own verb).
    dated = words[after].low in DAY_WORDS and _relative_verb_at(words, verb, verbs) is None
    return words[after].low == "to" or words[after].low in verbs.prepositions or dated


# A day named with no word before it ("released Thursday", "said Tuesday"). (Not a month: "May" is a
# modal too; a month mostly comes after "in" or "on", which the readings that ask take as a phrase.)
DAY_WORDS = frozenset("today yesterday monday tuesday wednesday thursday friday saturday sunday".split())


def _embedded_passive(words: list[Token], verb: Verb, i: int, verbs: Verbs) -> bool:
    """Whether a passive group lies inside the subject of the group at word
    i: "A video showing the moment a girl was rescued by police | was
    released Monday" (nothing but its own phrase comes between the two)."""
    if not verb.passive or verb.speech or verb.tense not in ("past", "perfect") or words[i].low not in verbs.auxiliaries or not _same_stretch(words, verb, i, verbs):
        return False
    opened = bisect_left(words, verb.start, key=lambda w: w.start)
    if opened and words[opened - 1].low in verbs.relatives:
        return False  # "the lesson that should be learned | is": a relative clause has its own verb
    between = [w for w in words if verb.end <= w.start < words[i].start]
    return not between or between[0].low in verbs.prepositions and len(between) <= 6


def _inside_apposition(words: list[Token], verb: Verb, closing: int, verbs: Verbs) -> bool:
    """Whether an earlier verb lies in an apposition that ends at the comma
    `closing`: a name, a comma, a description opening with an article
    whose relative clause has no "that" ("Ivo Brandt, a chef the council
    hired as its inspector, resigned"), then that comma."""
    if closing < 2 or words[closing].text != "," or verb.speech:
        return False  # ("That, the source said, was when": words told, not a description)
    at = bisect_left(words, verb.start, key=lambda w: w.start)
    comma = next((k for k in range(at - 1, -1, -1) if words[k].text == ","), None)
    if comma is None or comma < 1 or comma + 2 >= at or at >= closing or any(w.text == "," for w in words[at:closing]):
        return False
    named = words[comma - 1].text[:1].isupper() and words[comma - 1].low not in verbs.determiners | verbs.pronoun_subjects
    opened = words[comma + 1].low in ("a", "an", "the") and named
    return opened and words[at - 1].low not in verbs.relatives | {"that"} | verbs.determiners


STRETCH_STOPS = frozenset({",", ";", "—", "–", ":", "(", "that", "and", "but", "or"})


def _same_stretch(words: list[Token], verb: Verb, i: int, verbs: Verbs) -> bool:
    """Whether nothing that opens a clause stands between a verb group and word i."""
    j = i - 1
    while j >= 0 and words[j].start >= verb.end:
        low = words[j].low
        if low in STRETCH_STOPS or low in verbs.relatives or low in verbs.subordinators:
            return False
        j -= 1
    return True


def _followed_by_agent(words: list[Token], i: int) -> bool:
    """'a lawsuit filed by the company', not 'he started by hinting' nor
    'shares increased by 5 percent'."""
    after = words[i + 2] if i + 2 < len(words) else None
    return _next(words, i) == "by" and not (after and (after.low.endswith("ing") or after.text[:1].isdigit() or after.text[:1] in "$£€"))


def _auxiliary_group(words: list[Token], i: int, verbs: Verbs) -> tuple[Verb, int] | None:
    """A group that opens with an auxiliary: "will meet", "was killed",
    "has been charged", "did not say", "is stepping down", "was able to retake"."""
    first = words[i].low
    negated = "n't" in first or first == "cannot"
    if first in verbs.future_modals:
        tense = "future"
    elif first in verbs.modals:
        tense = "modal"
    elif first in verbs.have:
        tense = "past-perfect" if first in ("had", "hadn't", "'d") else "perfect"
    elif first in ("was", "were", "wasn't", "weren't", "did", "didn't"):
        tense = "past"
    else:
        tense = "present"
    j, skipped = _skip_adverbs(words, i + 1, verbs)
    negated |= skipped
    passive = progressive = ahead = False
    last_aux = first
    while j < len(words) and words[j].low in ("have", "be", "been", "being"):
        last_aux = words[j].low
        progressive |= last_aux == "being"  # "is being bombed"
        if last_aux == "been" and tense == "present":
            tense = "perfect"
        j, skipped = _skip_adverbs(words, j + 1, verbs)
        negated |= skipped
    if j >= len(words):
        return _state(words, i, first, tense, negated, False)
    low = words[j].low
    if first in ("had", "has", "have") and last_aux == first and _had_a_happening(words, j, verbs):
        # "had talks", "had a net loss of $2 million": the talks, the loss happened.
        return Verb(words[i].start, words[i].end, first, "have", tense if first != "had" else "past", False, negated, False, False, False, False), i + 1
    be_before = last_aux in verbs.be or last_aux in ("be", "been", "being")
    if be_before and low in verbs.achieved and _next(words, j) == "to":
        # "was able to retake": the retaking happened.
        k, _ = _skip_adverbs(words, j + 2, verbs)
        if k < len(words):
            base = lemma(words[k].low, verbs)
            return Verb(words[i].start, words[k].end, words[k].low, base, tense, False, negated, False, False, base in verbs.speech, False), k + 1
    if be_before and low.endswith("ing") and len(low) > 4 and low not in verbs.bases:
        progressive, head_index = True, j
    elif _is_past(low, verbs) and (be_before or last_aux in verbs.have or last_aux == "been"):
        passive, head_index = be_before or last_aux == "being", j
    elif (first in verbs.do or first in verbs.future_modals or first in verbs.modals) and low.isalpha() and low not in verbs.prepositions and low not in verbs.determiners:
        head_index = j
        while head_index + 1 < len(words) and words[head_index].text[:1].isupper():
            head_index += 1  # "So did Obama tell": the subject stands between.
    else:
        return _state(words, i, first, tense, negated, be_before and low == "to")
    head = words[head_index].low
    base = lemma(head, verbs)
    after = _next(words, head_index)
    ahead = after == "to" and (base in verbs.ahead or head in verbs.ahead) and base not in verbs.speech
    ahead |= passive and base in verbs.forecasts  # "more rain was expected Wednesday": a forecast, not a happening
    # "you've got to pay attention": a duty, as "must" ("they have got to the summit" happened).
    then = words[head_index + 2] if head_index + 2 < len(words) else None
    ahead |= base == "get" and last_aux in verbs.have and after == "to" and then is not None and then.text.isalpha() and then.text.islower() and then.low not in verbs.determiners
    state = _stative(base, words, head_index + 1, verbs) and not passive
    # "is explained by great demand", "was described as": not someone speaking.
    # "is explained by great demand", "were called into question": someone spoken of, not speaking.
    speech = base in verbs.speech and not passive
    verb = Verb(words[i].start, words[head_index].end, head, base, tense, passive, negated, progressive, ahead, speech, state)
    return verb, head_index + 1


def _had_a_happening(words: list[Token], j: int, verbs: Verbs) -> bool:
    if _is_past(words[j].low, verbs):
        return False  # "have suffered three losses": a perfect, not "had talks"
    k = j + 1 if words[j].low in ("a", "an", "the") else j
    while k < len(words) and k < j + 4:
        if words[k].low in verbs.have_happenings:
            return True
        k += 1
    return False


def _state(words: list[Token], i: int, first: str, tense: str, negated: bool, ahead: bool) -> tuple[Verb, int]:
    """A copula ("was calm", "is the producer") or have of possession: a
    state; "is to leave" and "has to pay" put what follows ahead."""
    base = "have" if first in load_verbs().have else "be"
    ahead = ahead or (base == "have" and _next(words, i) == "to")
    return Verb(words[i].start, words[i].end, first, base, tense, False, negated, False, ahead, False, True), i + 1


# -- Clause openings -------------------------------------------------------------


def _openings(words: list[Token], groups: list[Verb], verbs: Verbs) -> list[tuple[int, str, str | None]]:
    """Where each clause starts, as (word index, role, opener)."""
    cuts: list[tuple[int, str, str | None]] = [(0, "main", None)]
    verb_at = {g.start: g for g in groups}
    if not words:
        return _complements(words, groups, verbs, cuts)
    last_verb = verb_at.get(words[0].start)
    opener = _opening_subordinator(words, verbs)
    if opener is not None and _verb_before_comma(words, opener + 1, groups) and not _time_follows(words, opener + 1, verbs):
        cuts[0] = (0, "adverbial", words[opener].low)
    elif words[0].low.endswith("ing") and len(words) > 2 and words[1].low == "that" and _verb_before_comma(words, 2, groups):
        cuts[0] = (0, "adverbial", words[0].low)  # "Arguing that voters are tuning in, Patrick has said ...": a participle's phrase
    # Every cut below needs one of these words, a comma before the word, or a verb group that starts at it: most words are passed over at once.
    cut_words = verbs.cut_words
    for i in [i for i in range(1, len(words)) if words[i].low in cut_words or words[i - 1].low == "," or words[i].start in verb_at]:
        word = words[i]
        low = word.low
        previous = words[i - 1].low
        if word.start in verb_at:
            last_verb = verb_at[word.start]
        # ("N.J.-based": a hyphen between words is no dash.)
        glued = low == "-" and words[i - 1].end == word.start and i + 1 < len(words) and words[i + 1].start == word.end
        # ("Home Depot (ticker: HD) reported": a colon in brackets opens no clause.)
        colon = low == ":" and _verb_before_comma(words, i + 1, groups) and sum(1 if w.text == "(" else -(w.text == ")") for w in words[:i]) <= 0
        if low in (";", "—", "–", "-") and not glued or colon:
            # ("-" alone is a dash set off by spaces: a hyphen is inside its word.)
            following = words[i + 1].low if i + 1 < len(words) else ""
            # "—though monitors have documented ...—": a concession, not a clause of its own;
            # "Two hostages — an American and an Australian — who had been held": a relative clause.
            role = "adverbial" if following in verbs.subordinators else "relative" if following in verbs.relatives else "coordinate"
            cuts.append((i + 1, role, following if role != "coordinate" else None))
        elif low in verbs.relatives and previous in (",", "(") or (low in verbs.relatives and _after_noun(words, i, verbs) and _verb_before_comma(words, i + 1, groups)):
            cuts.append((i, "relative", low))
        elif low == "that" and i + 1 < len(words) and words[i + 1].start in verb_at and _after_noun(words, i, verbs) and not (last_verb and (last_verb.speech or last_verb.lemma in verbs.complement_verbs)):
            cuts.append((i, "relative", low))  # "the strike that crippled the port"
        elif low in verbs.relatives and previous == "of" and i >= 3 and words[i - 3].text == ",":
            # ", most of whom seem to have withdrawn,"
            cuts.append((i - 2, "relative", low))
        elif low in verbs.subordinators and not (low == "once" and previous in ("not", "never", "only", "at")) and _verb_before_comma(words, i + 1, groups) and not _time_follows(words, i + 1, verbs) and (
            not _verb_right_after(words, i + 1, groups) or _nonfinite(words, i + 1, verbs)
        ) and _verb_inside(groups, words[cuts[-1][0]].start, word.start) and not _verb_after_and(words, i + 1, groups) and not _verb_after_relative(words, i + 1, groups, verbs):
            # Only after the clause it depends on has its verb: in "satellites
            # trailing InSight since their May liftoff offered updates", "since" is a preposition;
            # nor in "went after Eriksson Ek and threw punches", where the verb after "and" is the subject's second,
            # nor in "viewed the move as a violation that would deepen the crisis", where it is a relative clause's;
            # nor "once" in "has not once mentioned": an adverb there.
            cuts.append((i, "adverbial", low))
        elif low == "that" and last_verb is not None and (last_verb.speech or last_verb.lemma in verbs.complement_verbs) and any(g.start > word.start for g in groups):
            cuts.append((i, "complement", "that"))
        elif previous == "," and cuts[-1][1] == "adverbial" and cuts[-1][0] == 0 and len(cuts) == 1 and _verb_before_comma(words, i, groups) and _verb_inside(groups, words[0].start, word.start):
            # "While the regime was focused on Aleppo, ISIS, or the Islamic State, was able to
            # retake Palmyra": the main clause opens after the first comma past the adverbial's verb.
            own = next((g for g in groups if g.start < word.start), None)
            comma = next((k for k in range(1, i) if words[k].text == "," and own is not None and words[k].start >= own.end), i - 1)
            cuts.append((comma + 1, "main", None))
        elif previous == "," and cuts[-1][1] == "relative" and word.start in verb_at and not any(c[1] == "main" and c[0] > 0 for c in cuts):
            # "The governments, which sponsor the talks, invited ...": the main clause resumes.
            cuts.append((i, "main", None))
        elif low in ("and", "but") and previous not in JOINS_NOUNS and _subject_then_verb(words, i + 1, groups) and _verb_inside(groups, words[cuts[-1][0]].start, word.start) and not _said_subjects(words, i, last_verb, groups, verbs):
            # "..., and the army withdrew", "they never came and IMA completed the purchase":
            # a clause with its own subject, after one that has its verb.
            cuts.append((i, "coordinate", low))
        elif previous == "," and _attribution_follows(words, i, groups):
            # "..., the airline announced Friday.": whose words the sentence is.
            cuts.append((i, "attribution", None))
        elif word.start in verb_at and cuts[-1][1] == "relative" and cuts[-1][2] in ("who", "which", "that") and words[cuts[-1][0] - 1].text != "," and _verb_inside(groups, words[cuts[-1][0]].start, word.start) and not any(c[1] == "main" and c[0] > 0 for c in cuts) and previous not in ("and", "or"):
            # "A woman who was watching her clothes dry was killed Thursday": the main verb after a relative clause.
            cuts.append((i, "main", None))
        elif low in ("and", "or", "but") and i + 1 < len(words) and words[i + 1].start in verb_at and verb_at[words[i + 1].start].tense in ("past", "perfect", "present") and cuts[-1][1] != "relative":
            # "... is the producer of the iPod and launched the store": the same subject's second verb
            # (in a relative clause, "compartments that were unreserved and bore the brunt", it stays the clause's).
            cuts.append((i, "coordinate", low))
    return _complements(words, groups, verbs, cuts)


# The words besides relatives and subordinators that `_openings` cuts at.
CUT_WORDS = frozenset({";", "—", "–", "-", ":", "that", "and", "but", "or"})


def _complements(words, groups: list[Verb], verbs: Verbs, cuts):
    """A verb of speech followed by a clause without "that" ("said more than
    90 bodies are under debris"): the second verb's clause is its content."""
    result = list(cuts)
    starts = None  # each word's index by where it starts, made when first needed (most sentences have no verb of speech)
    for speech, following in zip(groups, groups[1:]):
        if not (speech.speech or speech.lemma in verbs.complement_verbs) or speech.tense not in ("past", "present", "perfect"):
            continue
        starts = starts or {w.start: i for i, w in enumerate(words)}
        s_index, f_index = starts.get(speech.start), starts.get(following.start)
        if s_index is None or f_index is None:
            continue
        between = [w.low for w in words[s_index + 1 : f_index]]
        # "said under the final agreement, Iran had accepted": a phrase set off before the content's subject.
        phrase = bool(between) and between[0] in verbs.prepositions and between.count(",") == 1 and between.index(",") < len(between) - 1
        stops = [w for w in between if w in (",", ";", "—", ":", "and", "but", "which", "who", "that", "when", "after", "before", "while", "because")]
        if stops == ["and"] and _said_subjects(words, s_index + 1 + between.index("and"), speech, groups, verbs):
            stops = []  # "said overwhelming demand and a glitch led to ...": one content, two subjects
        if stops and not (phrase and stops == [","]):
            continue
        if any(at <= f_index and at > s_index for at, _, _ in result):
            continue
        # The content opens at its subject: after the verb, its time ("said
        # today"), and the object of "told".
        at = s_index + 1
        if speech.lemma == "tell" and between:
            at += 1
        while at < f_index and (words[at].low in verbs.time_words or words[at].low.isdigit()):
            at += 1
        if at < f_index:
            result.append((at, "complement", None))
    return sorted(result, key=lambda cut: cut[0])


def _said_subjects(words: list[Token], i: int, speech: Verb | None, groups: list[Verb], verbs: Verbs) -> bool:
    """Whether the "and" at word i joins two subjects of what a verb of
    speech says ("said overwhelming demand and a coding glitch led to"):
    words, but no verb and no comma, stand between the verb and the "and"."""
    if speech is None or not (speech.speech or speech.lemma in verbs.complement_verbs) or words[i].low != "and":
        return False
    between = [w for w in words[:i] if w.start >= speech.end]
    if not between or any(w.text in ",;:—–" or w.low in verbs.relatives or w.low in verbs.prepositions for w in between):
        return False
    if len(between) == 1 and between[0].low in verbs.pronoun_subjects:
        return True  # "said she and 40 fellow teachers from ... left": "she" is no object
    # Not "condemned the strikes and use of the weapon in statements published
    # on Sunday": a lone past form after a phrase is a participle, not the content's verb.
    following = next((g for g in groups if g.start > words[i].start), None)
    if following is None:
        return False
    lone = following.tense == "past" and not following.passive and following.end - following.start == len(following.head)
    return not (lone and any(w.low in verbs.prepositions for w in words[i + 1 :] if w.start < following.start))


def _verb_after_relative(words: list[Token], i: int, groups: list[Verb], verbs: Verbs) -> bool:
    """Whether a relative pronoun comes between word i and the first verb group after it."""
    first = _first_group_from(words, i, groups)
    if first is None:
        return False
    before = [w for w in words[i:] if w.start < first.start]
    # ("that" only right before the verb: "that call was released" is no relative clause)
    return any(w.low in verbs.relatives for w in before) or bool(before) and before[-1].low == "that"


def _verb_after_and(words: list[Token], i: int, groups: list[Verb]) -> bool:
    """Whether the first verb group from word i follows "and", "or" or "but"."""
    first = _first_group_from(words, i, groups)
    if first is None:
        return False
    at = bisect_left(words, first.start, key=lambda w: w.start)
    return at > i and words[at - 1].low in ("and", "or", "but")


def _first_group_from(words: list[Token], i: int, groups: list[Verb]) -> Verb | None:
    return next((g for g in groups if g.start >= words[i].start), None) if i < len(words) else None


def _verb_before_comma(words: list[Token], i: int, groups: list[Verb]) -> bool:
    if i >= len(words):
        return False
    stop = next((j for j in range(i, len(words)) if words[j].low in (",", ";", "—", "–", ":")), len(words))
    # ("as the tech giant's service, Stadia, launched": a name set off by commas goes on with its phrase.)
    while stop < len(words) and words[stop].text == ",":
        close = next((j for j in range(stop + 1, min(len(words), stop + 6)) if words[j].text == ","), None)
        if close is None or close == stop + 1 or not all(w.text[:1].isupper() for w in words[stop + 1 : close]):
            break
        stop = next((j for j in range(close + 1, len(words)) if words[j].low in (",", ";", "—", "–", ":")), len(words))
    end = words[stop - 1].end if stop > i else words[i].start
    return any(words[i].start <= g.start < end for g in groups)


PHRASE_AFTER_ATTRIBUTION = frozenset("with without as after amid despite including".split())


def _attribution_follows(words: list[Token], i: int, groups: list[Verb]) -> bool:
    """Whether the rest of the sentence, from word i, is a short attribution
    with a verb of speech: "the airline announced Friday", "police said"."""
    rest = words[i:]
    verbs = load_verbs()
    # ("…, local officials said, with at least six soldiers killed": a phrase after it is the sentence's.)
    comma = next((k for k, w in enumerate(rest) if w.text == ","), None)
    quoted = any(w.text in ("”", '"') for w in words[max(0, i - 2) : i + 1])  # ('“I now do recall,” he said, talking ...': the quotation's)
    if comma is not None and comma + 1 < len(rest) and (rest[comma + 1].low in PHRASE_AFTER_ATTRIBUTION or rest[comma + 1].low.endswith("ing")) and not quoted:
        rest = rest[:comma]
    # (", particularly as negotiations continue": an adverb in -ly opens a phrase of the sentence's, not whose words they are.)
    if not rest or len(rest) > 12 or any(w.text in ",;" for w in rest) or rest[0].low in verbs.group_adverbs or rest[0].text.islower() and rest[0].low.endswith("ly"):
        return False
    # Its own subject comes first ("posted a video" after an apposition is the
    # main verb), and little follows the verb: "said Friday", "told AFP", or
    # phrases only: "said in a statement on Wednesday".
    return any(
        g.speech and g.tense in ("past", "present") and rest[0].start < g.start < rest[-1].end
        and _little_after(rest, g, groups, verbs)
        for g in groups
    )


def _little_after(rest: list[Token], verb: Verb, groups: list[Verb], verbs: Verbs) -> bool:
    after = [w for w in rest if w.start >= verb.end and w.text[:1].isalnum()]
    # "said in a statement on Wednesday", "announced Wednesday at the Dubai Air Show"
    phrases = bool(after) and (after[0].low in verbs.prepositions or after[0].low in DAY_WORDS) and not any(g.start >= verb.end for g in groups)
    return len(after) <= (6 if phrases else 3)


def _verb_inside(groups: list[Verb], start: int, end: int) -> bool:
    return any(start <= g.start < end for g in groups)


def _time_follows(words: list[Token], i: int, verbs: Verbs) -> bool:
    """'since last night', 'after 1990': the word is a preposition of time here."""
    return i < len(words) and (words[i].low in verbs.time_words or words[i].low[:1].isdigit())


def _verb_right_after(words: list[Token], i: int, groups: list[Verb]) -> bool:
    """'as expected', 'since been': the word is not opening a clause of its own."""
    return i < len(words) and any(g.start == words[i].start for g in groups)


def _subject_then_verb(words: list[Token], i: int, groups: list[Verb]) -> bool:
    """A new subject and its verb after "and": "..., and the army withdrew";
    not a noun with a relative clause ("a drone and missile attack that killed two")."""
    if i >= len(words) or any(g.start == words[i].start for g in groups) or not _verb_before_comma(words, i, groups):
        return False
    first = next(g for g in groups if g.start >= words[i].start)
    at = bisect_left(words, first.start, key=lambda w: w.start)
    # (Nor a name's second half: "the Securities and Exchange Commission over whether it violated".)
    name_goes_on = words[i].text[:1].isupper() and words[i - 2].text[:1].isupper() and any(w.low in OWN_CLAUSE_OPENERS for w in words[i:at])
    return words[at - 1].low not in ("that", "which", "who") and not name_goes_on


OWN_CLAUSE_OPENERS = frozenset("whether if because although though where whom whose".split())


def _after_noun(words: list[Token], i: int, verbs: Verbs) -> bool:
    previous = words[i - 1].low if i else ""
    return bool(previous) and previous.isalpha() and previous not in verbs.prepositions and previous not in verbs.determiners
