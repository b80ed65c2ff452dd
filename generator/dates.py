"""Temporal expressions: find them in an article's text and read them against
the article's date (its DCT), following TimeML TIMEX3.

One engine serves two callers. `find(text, dct)` tags every temporal
expression in a text; `resolve(phrase, reference)` reads the words an editor
gave as an entry's date and returns a `When`. Both match the same rules
(rules/dates.toml: patterns, word lists, examples) and read what they matched
through the same small functions, which the rules name (generator/normalise.py).
Nothing here reads the clock: the reference date is always passed in, and
without one a relative expression stays unresolved.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, cached_property, lru_cache
from pathlib import Path

from dateutil.relativedelta import relativedelta

from generator import patterncache
from generator.alternation import first_character, look_ahead, opening, shortened, ways_to_begin
from generator.model import ON_OR_BEFORE, When
from generator.normalise import RESOLVERS, DateError, NeedsReference, Reading

RULES_FILE = Path(__file__).parent / "rules" / "dates.toml"
RELATIVE = "relative to the document's date, which was not given"
# Python's dates run from the year 1 to 9999: "yesterday" read against
# 0001-01-01, or "next year" against 9999-12-31, is on no calendar it has.
OFF_CALENDAR = "falls outside the years 1 to 9999"


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in a text: `text == source[start:end]`.

    `value` is its TIMEX3 normalisation (2016-12-12, 2016-W49-WE, P3D,
    PAST_REF, ...), or None when the words cannot be normalised; then
    `unresolved` says why. `unresolved` is also set for values that are real
    but place nothing on a calendar (PAST_REF, FUTURE_REF).
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    precision: str | None  # day | week | weekend | month | quarter | season | year | decade | century
    rule: str  # the name of the rule in rules/dates.toml that found it
    unresolved: str | None = None
    mod: str | None = None  # TIMEX3 mod of a leading "early", "late", "nearly"...: START, END, LESS_THAN...

    def as_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type, "value": self.value}


@dataclass(frozen=True)
class Rule:
    name: str
    group: str  # the rule's own group in the combined pattern
    pattern: str
    first: str | None  # a look-ahead for the characters it can begin with (generator/alternation.py)
    fields: tuple[str, ...]  # the groups inside it, each named group + "_" + field
    type: str
    resolve: str
    args: dict
    examples: dict[str, str]
    points_back: bool


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    words: dict[str, dict[str, object]]
    anchors: frozenset[str]
    first_words: frozenset[str]
    tense: re.Pattern[str]  # one group per tense; the cue nearest the expression decides
    topics: re.Pattern[str]  # one group per topic; the mention nearest the expression decides
    example_reference: date
    lower_case: frozenset[str]  # the words the lists write in lower case: "week", "today", "this"
    scan_ends: tuple[str, str]  # what comes before and after the rules in the scan

    @cached_property
    def scan(self) -> re.Pattern[str]:
        """Each rule behind a look-ahead for the characters it can begin
        with: most are passed over at once. Compiled when first needed: a
        long text is read with `long_scan` instead (17 ms saved)."""
        return patterncache.compile(self._scan_source, re.IGNORECASE)

    @property
    def _scan_source(self) -> str:
        before, after = self.scan_ends
        return before + _alternatives(self.rules, lambda rule: rule.first) + after

    @cached_property
    def scan_any_case(self) -> re.Pattern[str]:
        """The scan for an editor's `date = "last MARCH"`, which is no
        sentence: any case will do. Compiled when first needed: `find`
        never needs it, and compiling it is a third of its start-up."""
        return patterncache.compile(self._scan_source.replace("(?-i:", "(?:"), re.IGNORECASE)

    @cached_property
    def long_scan(self) -> re.Pattern[str]:
        """The scan with each rule behind a look-ahead for its first five
        characters (generator/alternation.py, `opening`), not only its first:
        at "the company" the engine passes over the rules that begin "the
        past", "this" or "three" at once. And all the rules behind one
        look-ahead for the first GATE_LENGTH characters any of them can begin
        with: there it passes over those that begin "the current" too, all
        at once. It finds what the scan finds; but reading the rules so takes
        longer than a short text saves."""
        before, after = self.scan_ends
        ways = {rule.group: ways_to_begin(rule.pattern, GATE_LENGTH, most=GATE_WAYS) for rule in self.rules}
        gate = look_ahead(set().union(*ways.values())) if None not in ways.values() else None

        def five(rule: Rule) -> str | None:
            found = ways[rule.group]
            return (look_ahead(shortened(found, 5)) if found is not None else opening(rule.pattern)) or rule.first

        return patterncache.compile(f"{before}{gate or ''}(?:{_alternatives(self.rules, five)}){after}", re.IGNORECASE)


def _alternatives(rules: tuple[Rule, ...], look_ahead) -> str:
    """The rules as one alternation, in order, each behind its look-ahead."""
    return "|".join(f"{look_ahead(r) or ''}(?P<{r.group}>{r.pattern})" for r in rules)


@cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    words = {name: {str(k).lower(): v for k, v in table.items()} for name, table in data["words"].items()}
    fragments = data.get("fragment", {})

    def alternatives(name: str) -> str:
        # Longest first, so "the day before yesterday" wins over "yesterday".
        # A word written with a capital matches only so written ("May", not "may").
        choices = sorted(data["words"][name], key=len, reverse=True)
        escaped = (re.escape(w).replace("\\ ", r"\s+") for w in choices)
        return "|".join(e if w.islower() or not w[0].isalpha() else f"(?-i:{e})" for w, e in zip(choices, escaped, strict=True))

    def spaced(pattern: str) -> str:
        # A space in a rule stands for any run of white space, line breaks
        # included; in a look-behind, which must have a fixed width, one space.
        parts = re.split(r"(\(\?<[=!][^()]*\))", pattern)
        return "".join(p if p.startswith("(?<") else p.replace("[- ]", r"[-\s]").replace(" ", r"\s+") for p in parts)

    def initials(name: str) -> str:
        # What a list's words begin with: all that first_character reads of
        # it, parsed in a moment (an empty word, or none, may match nothing).
        firsts = "".join(sorted({re.escape(w[0]) for w in data["words"][name] if w}))
        if firsts and all(data["words"][name]):
            return f"[{firsts}]"
        return f"(?:[{firsts}]|)" if firsts else ""

    def expand(pattern: str, prefix: str, capture: bool, words=alternatives) -> str:
        def one(match: re.Match[str]) -> str:
            alias, _, name = match.group(1).rpartition(":")
            alias = alias or name
            if name in fragments:
                inner = expand(spaced(fragments[name]), prefix, capture=False, words=words)
            else:
                inner = words(name)
            return f"(?P<{prefix}{alias}>{inner})" if capture else f"(?:{inner})"

        expanded = re.sub(r"\{([a-z_:]+)\}", one, pattern)
        return expanded if capture else re.sub(r"\(\?P<[a-z_]+>", "(?:", expanded)

    rules = []
    for i, raw in enumerate(data["rule"]):
        prefix = f"r{i}_"
        body = raw["pattern"].replace("(?P<", f"(?P<{prefix}")
        pattern = expand(spaced(body), prefix, capture=True)
        rules.append(Rule(
            name=raw["name"],
            group=f"r{i}",
            pattern=pattern,
            first=first_character(expand(spaced(body), prefix, capture=False, words=initials)),
            fields=tuple(re.findall(rf"\(\?P<({prefix}\w+)>", pattern)),
            type=raw.get("type", "DATE"),
            resolve=raw["resolve"],
            args=raw.get("args", {}),
            examples=raw.get("examples", {}),
            points_back=raw.get("points_back", False),
        ))
    scan_ends = (
        rf"(?<![\w$£€.-])(?=[\w'])"
        rf"(?:(?:the\s+)?(?P<modifier>{alternatives('modifier')})[-\s]"
        rf"|(?P<quantity>{alternatives('quantity_modifier')})\s+(?=\d|(?:{alternatives('number')}|{alternatives('vague_count')})\b))?(?:",
        r")(?![\w%-]|\.\d)",
    )
    anchors = {w for name in data["anchor"]["lists"] for w in words[name] if re.fullmatch(r"[a-z]{3,}\.?|\d+s", w)}
    anchors = {w.rstrip(".") for w in anchors}
    anchors.update(data["anchor"]["words"])
    # (Prepositions open an editor's date, "on Monday", never a found expression.)
    first_words = {phrase.split()[0].rstrip(".") for name, table in words.items() if name != "preposition" for phrase in table} | anchors
    first_words.update(data["anchor"]["first_words"])

    def cues(table: dict[str, str]) -> re.Pattern[str]:
        # One pattern, so that a longer cue ("had been scheduled to") is read
        # as one, not as the shorter cues inside it.
        return patterncache.compile("|".join(rf"(?P<{name}>\b(?:{pattern})\b)" for name, pattern in table.items()), re.IGNORECASE)

    return Rules(
        tuple(rules), words, frozenset(anchors), frozenset(first_words), cues(data["tense"]), cues(data["topic"]), data["example_reference"],
        lower_case=frozenset(w for table in data["words"].values() for phrase in table if phrase.islower() for w in phrase.split()),
        scan_ends=scan_ends,
    )


# -- The two callers ----------------------------------------------------------------


def find(text: str, dct: date | None) -> list[Timex]:
    """Every temporal expression in `text`, read against `dct` (the document's date)."""
    rules = load_rules()
    scan = rules.long_scan if len(text) >= LONG_TEXT else rules.scan
    found: list[Timex] = []
    last_named: str | None = None  # the last calendar time the text named
    for start in _starts(rules, text):
        if found and start < found[-1].end:
            continue
        match = scan.match(text, start)
        if match and not _is_a_name(rules, text, match):
            rule, groups = _matched_rule(rules, match)
            if rule.name == "month without a year" and _a_persons_name(text, match):
                continue
            timex = _timex(rules, rule, groups, match, dct, text, last_named)
            found.append(timex)
            if timex.type == "DATE" and timex.value and CALENDAR.fullmatch(timex.value) and not rule.points_back:
                last_named = timex.value
    return found


# Where the long scan pays for itself: building it (about 0.1 s) takes as
# long as it saves on half a million characters.
LONG_TEXT = 500_000
GATE_LENGTH = 7  # characters read ahead for all the rules at once
GATE_WAYS = 3000  # ways to begin a rule may have there (reading the rules now takes up to 1,384)


def _is_a_name(rules: Rules, text: str, match: re.Match[str]) -> bool:
    """Whether the words are part of a name ("ABC's This Week", "VOA Today"):
    a word the rules write in lower case is capitalized where no sentence begins."""
    for word in re.finditer(r"[A-Za-z]+", match.group()):
        if word.group()[0].isupper() and word.group().lower() in rules.lower_case:
            before = text[max(0, match.start() + word.start() - 40):match.start() + word.start()]
            if before.rstrip(" \t\"'“‘(")[-1:] not in ("", ".", "!", "?", ":", "\n"):
                return True
    return False


# The words a month alone follows when it is a time ("in March Congress passed ..."), not a name.
MONTH_LEADS = frozenset("in since by until till from through during before after of on last next this early late mid and or but to between for".split())


def _a_persons_name(text: str, match: re.Match[str]) -> bool:
    """Whether a month alone is a person's name: "President Jan Vos",
    "Theresa May", "author August Wilson" (not "In March Congress passed")."""
    before = re.search(r"([\w.]+)[ \t]+$", text[max(0, match.start() - 30) : match.start()])
    after = re.match(r"[ \t]+([A-Z][a-z])", text[match.end() : match.end() + 4])
    if before is None or before.group(1).endswith(".") or before.group(1).lower() in MONTH_LEADS:
        return False
    return before.group(1)[:1].isupper() or after is not None


CALENDAR = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?|-Q\d)?")
LENGTH = re.compile(r"P[\dXT]")  # P3D, PXY, PT2H: a length of time, not a date
TIME_OF_DAY = re.compile(r"\dT")  # 2016-12-12T19:15, 2016-12-12TNI


TOKEN = re.compile(r"[^\W_]+")
REACH = 6  # words an expression may hold before its anchor word ("each of the past three years")


def _starts(rules: Rules, text: str) -> list[int]:
    """Where an expression may start: the words that may begin one among the
    few words before each anchor word, in order.

    Every expression holds a four-figure number or an anchor word (a month, a
    unit, "now", ...) and begins with a figure or one of a few words; trying
    the rules only there keeps `find` fast.
    """
    starts: list[int] = []
    recent: list[int] = []  # the last REACH places where an expression may start
    first_words, anchors = rules.first_words, rules.anchors
    for token in TOKEN.finditer(text):
        word = token.group()
        if word[0].isdigit():
            # (A figure and its word in one token, "9am", anchors as the word would.)
            anchor = word[:4].isdigit() and not word[4:5].isdigit() or word.lower() in anchors or word.lstrip("0123456789").lower() in anchors
        else:
            lower = word.lower()
            if lower not in first_words:
                continue  # (which holds the anchor words too)
            anchor = lower in anchors
        at = token.start()
        recent = [*recent[1 - REACH:], at - 1 if at and text[at - 1] == "'" else at]
        if anchor:
            starts.extend(start for start in recent if not starts or start > starts[-1])
            recent = []
    return starts


TOPIC_REACH = 300  # characters before an expression that may say what it is about


# A sentence ends at a full stop before a capital, unless the stop ends an
# initial or a short title ("Mr. Schwarz", "Daniel P. Davison"); or at ! ? ; or
# a line break.
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)\.\s+(?=[A-Z\"“])|[!?;\n]\s*")


def _clause_before(text: str, start: int) -> str:
    """The words of the expression's sentence before it."""
    return SENTENCE_END.split(text[max(0, start - 120):start])[-1]


@lru_cache(maxsize=4096)  # a large site repeats its few date phrases; a When is immutable
def resolve(phrase: str, reference: date | None) -> When:
    """Read `phrase`, an entry's date in an article's words, against `reference`; raise DateError.

    "by" before a date ("by 2016-12-12", "by Monday") says that the happening
    had taken place on or before it: the date is kept, with mod ON_OR_BEFORE.
    """
    words = " ".join(phrase.split())
    first, _, bound = words.partition(" ")
    if first.lower() != "by":
        return _read(phrase, words, reference)
    if not bound:
        raise DateError(f"date {phrase!r} does not say by when: give the date it had happened by (by 2016-12-12, by Monday)")
    return replace(_read(phrase, bound, reference), mod=ON_OR_BEFORE)


def _read(phrase: str, words: str, reference: date | None) -> When:
    """`words`, the date in `phrase` with its spaces tidied, read against `reference`."""
    rules = load_rules()
    match = rules.scan_any_case.fullmatch(words) or rules.scan_any_case.fullmatch(_without_preposition(rules, words))
    if not match:
        raise DateError(f"cannot read date {phrase!r}: " + (_did_you_mean(rules, words) or (
            "use an ISO date (2016-12-12, 2016-03, 2009) or the article's words (Monday, last March, over the weekend)")))
    rule, groups = _matched_rule(rules, match)
    # An entry reports what happened: without a sentence to tell the tense, read it as past.
    reading = Reading(groups, rule.args, rules.words, reference, lambda: "past")
    try:
        value = RESOLVERS[rule.resolve](reading)
        when = when_of(value)
    except NeedsReference:
        raise DateError(
            f"date {phrase!r} is relative: the entry needs a source with a published date to read it against"
        ) from None
    except DateError as error:
        raise DateError(f"date {phrase!r} {error}") from None
    except (OverflowError, ValueError):
        raise DateError(f"date {phrase!r}, read against {reference}, {OFF_CALENDAR}") from None
    # Keep the article's words to show beside the date, unless they are the
    # ISO date itself; keep the reference only where the words needed it.
    return replace(
        when,
        words=phrase if words != when.value else None,
        reference=reference if reading.used_reference else None,
    )


def _did_you_mean(rules: Rules, words: str) -> str:
    """'did you mean …?' with a mistyped weekday or month ("Mondya",
    "Febuary") put right, when one is near enough to tell; else ''."""
    names = [name for table in ("weekday", "month") for name in rules.words[table] if len(name) > 4]
    fixed = words
    for word in re.findall(r"[A-Za-z]{4,}", words):
        if word.lower() not in rules.words["weekday"] and word.lower() not in rules.words["month"]:
            near = difflib.get_close_matches(word.lower(), names, n=1, cutoff=0.75)
            if near:
                fixed = fixed.replace(word, near[0].capitalize(), 1)
    return f"did you mean {fixed!r}?" if fixed != words else ""


def from_date(day: date) -> When:
    """A date written as a TOML date literal (date = 2016-12-12)."""
    return when_of(day.isoformat())


def _without_preposition(rules: Rules, words: str) -> str:
    first, _, rest = words.partition(" ")
    return rest if first.lower() in rules.words["preposition"] else words


def _matched_rule(rules: Rules, match: re.Match[str]) -> tuple[Rule, dict[str, str]]:
    # A rule's group is the outermost around its fields: the last to close.
    rule = rules.rules[int(match.lastgroup[1:])]
    cut = len(rule.group) + 1
    groups = {name[cut:]: value.lower() for name in rule.fields if (value := match.group(name)) is not None}
    if match.group("modifier"):
        groups["modifier"] = rules.words["modifier"][" ".join(match.group("modifier").lower().split())]
    elif match.group("quantity"):
        groups["modifier"] = rules.words["quantity_modifier"][" ".join(match.group("quantity").lower().split())]
    return rule, groups


def _nearest(cues: re.Pattern[str], before: str) -> str | None:
    """The name of the cue nearest the end of `before`, if any."""
    last = None
    for last in cues.finditer(before):
        pass
    return last.lastgroup if last else None


def _timex(
    rules: Rules, rule: Rule, groups: dict, match: re.Match[str], dct: date | None, text: str, last_named: str | None
) -> Timex:
    start, end = match.span()

    def tense() -> str | None:
        cue = _nearest(rules.tense, _clause_before(text, start))
        return cue if cue in ("past", "future") else None

    def topic() -> str | None:
        return _nearest(rules.topics, text[max(0, start - TOPIC_REACH):end])

    reading = Reading(groups, rule.args, rules.words, dct, tense, topic, last_named)
    value, unresolved, precision = None, None, None
    try:
        value = RESOLVERS[rule.resolve](reading)
    except NeedsReference:
        unresolved = RELATIVE
    except DateError as error:
        unresolved = str(error)
    except (OverflowError, ValueError):
        unresolved = OFF_CALENDAR
    if value is not None:
        if value.endswith("_REF") and value != "PRESENT_REF":
            unresolved = "says only that it was in the past" if value == "PAST_REF" else "says only that it is in the future"
        try:
            precision = when_of(value).precision
        except DateError:
            precision = _coarse_precision(value)
    kind = rule.type
    if kind == "DATE" and value and LENGTH.match(value):
        kind = "DURATION"
    elif kind == "DATE" and value and TIME_OF_DAY.search(value):
        kind = "TIME"
    return Timex(start, end, match.group(0), kind, value, precision, rule.name, unresolved, groups.get("modifier"))


COARSE = tuple((re.compile(pattern), precision) for pattern, precision in (
    (r"\d{4}-Q\d", "quarter"), (r"\d{4}-H\d", "half"), (r"\d{4}-(SP|SU|FA|WI)", "season"), (r"\d{3}", "decade"), (r"\d{2}", "century"),
))


@lru_cache(maxsize=1024)  # a text names its few values again and again
def _coarse_precision(value: str) -> str | None:
    return next((precision for pattern, precision in COARSE if pattern.fullmatch(value)), None)


# -- From a TIMEX3 value to a When -------------------------------------------------

DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(MO|AF|EV|NI|[\d:]+))?")
WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")


@lru_cache(maxsize=4096)  # a text names its few dates again and again; a When is immutable
def when_of(value: str) -> When:
    """The stretch of calendar a TIMEX3 value names; DateError for values that name none."""
    try:
        if m := DAY.fullmatch(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            part = m[4] if m[4] in ("MO", "AF", "EV", "NI") else None
            return When(value, "day", day, day, part)
        if m := WEEK.fullmatch(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return When(value, "weekend", monday + timedelta(days=5), monday + timedelta(days=6))
            return When(value, "week", monday, monday + timedelta(days=6))
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            start = date(int(m[1]), int(m[2]), 1)
            return When(value, "month", start, start + relativedelta(months=1, days=-1))
        if re.fullmatch(r"\d{4}", value):
            return When(value, "year", date(int(value), 1, 1), date(int(value), 12, 31))
    except (OverflowError, ValueError):  # 2016-02-30; or past 9999-12-31, as 9999-W52 ends
        raise DateError("is not a day in the calendar") from None
    coarse = _coarse_precision(value)
    if coarse:
        raise DateError(f"is dated only to a {coarse}: give a day, week, month or year")
    raise DateError(
        "does not say when this happened: give a date (2016-12-12, 2016-03, 2009) "
        "or words that place it (Monday, last March)"
    )


def points_back(timex: Timex) -> bool:
    """Whether the words point at a time the text named before ("that day",
    "the following month") rather than at the calendar."""
    return any(rule.name == timex.rule and rule.points_back for rule in load_rules().rules)
