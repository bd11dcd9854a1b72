"""Every numeric fact: counts, money, percentages, ranges and spelled-out numbers, each with its qualifier as
written ("at least 11,000", "60,000 or more") and a label from the words around it. Dates, years, times,
ordinals and identifiers ("Article 5", "No. 84", "F-16") are not figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import provenance
from ..text.figvalues import HEDGES
from .descriptions import PERSON_NOUNS
from .lexicon import FUNCTION_WORDS, IDENTIFIER_BEFORE, IRREGULAR_PLURALS, MONTHS, NUMBER_WORDS, WEEKDAYS, words

_CURRENCY = r"(?:US\$|A\$|C\$|NZ\$|HK\$|R\$|\$|£|€|¥|₩|₽|₴|₹|(?:EUR|USD|GBP|CHF|JPY)\s?)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:million|billion|trillion|thousand|hundred)\b|(?:bn|mn|m|k|tn|b)\b)"
_UNIT = (
    r"(?:\s?%|\s(?:per\s?cent|percent|percentage\s+points?)\b|"
    r"\s(?:dollars|euros|pounds|pence|cents|yen|yuan|rubles|roubles|won|hryvnias?|rupees|francs)\b)"
)
_AMOUNT = rf"{_CURRENCY}?(?:{_DIGITS})(?:{_SCALE})?(?:{_UNIT})?(?P<suffix>[A-Za-z°]+)?"
AMOUNT = re.compile(rf"(?<![\w$£€/@#.,:\-−]){_AMOUNT}", re.IGNORECASE)
_SECOND_AMOUNT = re.compile(_AMOUNT, re.IGNORECASE)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TIME_UNITS = "hour|day|week|fortnight|month|year|decade|century|minute"
_SMALL = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + _UNITS
_SPELLED = (
    rf"\b(?:(?:(?:{_TENS})(?:-(?:{_UNITS}))?|{_SMALL}|a|an|half\s+a)(?:\s+(?:hundred|thousand|million|billion))+"
    rf"|(?:{_TENS})(?:-(?:{_UNITS}))?|{_SMALL}|a\s+dozen|dozens|hundreds|thousands|millions|billions"
    r"|tens\s+of\s+(?:thousands|millions)|hundreds\s+of\s+(?:thousands|millions)"
    r"|half\s+an?\s+(?:percentage\s+point|point|million|billion|trillion|dozen)|half-(?:percentage-)?point"
    r"|(?:a|one)\s+(?:quarter|third|half)\s+of\s+a\s+(?:million|billion|thousand)"
    rf"|(?:a|an|another)\s+(?:{_TIME_UNITS})(?!-)|a\s+couple|half(?=\s+(?:of|as)\b)"
    rf"|(?:a|one|{_UNITS})[- ](?:half|halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)(?=\s+of\b))\b"
)
WORDS_NUMBER = re.compile(_SPELLED, re.IGNORECASE)
# "one in 10", "1 in 5", "three in four": a ratio is one figure.
RATIO = re.compile(
    rf"\b(?:{_SMALL}|\d+)\s+(?:in|out\s+of)\s+(?:{_SMALL}|\d+|a\s+(?:hundred|thousand|million))\b", re.IGNORECASE
)
# Words before a value that belong to it: the hedges of text/figvalues.py and a few that only stress it.
_STRESS = ("all but", "all", "only", "just", "well over", "as much as", "as few as", "between")
_HEDGE_WORDS = "|".join(
    r"\s+".join(re.escape(word) for word in phrase.split())
    for phrase in sorted({*HEDGES, *_STRESS}, key=lambda phrase: (-len(phrase), phrase))
    if phrase[0].isalpha() and len(phrase.rstrip(".")) > 1  # not 'c.': 'D.C. 300' is no hedge
)
_HEDGE = re.compile(rf"\b(?:(?:{_HEDGE_WORDS})\s+)+$", re.IGNORECASE)
_TRAIL = re.compile(r"\s+or\s+(?:more|so|fewer|less)\b|-plus\b|\+", re.IGNORECASE)
_RANGE = re.compile(r"\s?(?:-|–|—)\s?|\s+to\s+", re.IGNORECASE)
_UNIT_SUFFIXES = words("km kg m cm mm c f mph kph kmh gw mw kw gb tb mg ml g lb lbs ft sq bn mn tn k b p")
_DETERMINERS = words("the these those both all every each other")
_NOT_NOUN = words("was is has his its this thus us as yes less unless across always perhaps")
_NOT_NOUN |= words("shows says makes takes means remains seems looks comes goes does gets gives marks sees")
_LABEL_STOP = words(
    "was were is are have has had will would could can may might to who which that in on at for from by with since "
    "as and or but than when while after before because if been being being said says told"
)
MAX_LABEL_WORDS = 12


@dataclass(frozen=True)
class DraftFigure:
    value: str
    label: str
    offset: int
    rule: str = ""  # how it was found: digits, words, ratio, with "+noun", "+unit", "+compound"
    confidence: str = "medium"  # high, medium, low
    span: tuple[int, int] = (0, 0)  # character offsets of the value in the article


def extract_figures(text: str) -> list[DraftFigure]:
    """Every figure once (the first time its value occurs), in article order."""
    found: list[DraftFigure] = []
    seen: set[str] = set()
    taken: list[tuple[int, int]] = []
    candidates = [(m.start(), m.end(), "digits") for m in AMOUNT.finditer(text)]
    candidates += [(m.start(), m.end(), "words") for m in WORDS_NUMBER.finditer(text)]
    candidates += [(m.start(), m.end(), "ratio") for m in RATIO.finditer(text)]
    normalised = provenance.normalise(text)
    for start, end, kind in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if any(s <= start < e for s, e in taken):
            continue
        if text[start - 1 : start] == "[" and text[end : end + 1] == "]":
            start, end = start - 1, end + 1  # an editor's insertion: "[Ten] years"
        span = _figure_span(text, start, end, kind)
        if span is None:
            continue
        value_start, number_end = span
        if _is_age(text, value_start, start, number_end):
            taken.append((value_start, number_end + 10))
            continue
        value_end, how = _counted_end(text, value_start, number_end, kind)
        if how == "any":
            continue
        if kind == "digits" and not how and value_start == start and _names_something(text, value_start):
            continue  # "the 747", "posts 542 and 543": a name or a number that identifies
        article = re.match(r"an?\s+", text[value_start:value_end]) if how == "compound" else None
        if article:
            value_start += article.end()  # "a billion-year contract": the article belongs to the noun
        taken.append((value_start, value_end))
        value = text[value_start:value_end]
        key = _same_value_key(value)
        if key in seen or not provenance.contains_figure(normalised, value):
            continue
        seen.add(key)
        confidence = "high" if how else ("medium" if kind != "words" else "low")
        rule = kind + (f"+{how}" if how else "")
        labelled = label(text, value_start, number_end if how == "noun" else value_end)
        found.append(DraftFigure(value, labelled, value_start, rule, confidence, (value_start, value_end)))
    return _without_bare_repeats(found)


def _without_bare_repeats(found: list[DraftFigure]) -> list[DraftFigure]:
    """A bare number that the article writes again with what it counts ('150 on board' in a headline, then
    '150 passengers and crew') is that figure: the value with its counted thing is kept."""
    counted = {f.value.split()[0] for f in found if f.rule == "digits+noun" and f.value[:1].isdigit()}
    return [f for f in found if not (f.rule == "digits" and f.value in counted)]


_UNIT_IN_VALUE = re.compile(
    rf"^(?:{_HEDGE_WORDS})?\s*{_CURRENCY}|(?:%|per\s?cent|percent|points?|dollars|euros|pounds|pence|cents|yen|yuan|"
    r"rubles|roubles|won|rupees|francs|(?<=\d)[a-z]{1,3}[°]?)$",
    re.IGNORECASE,
)
_UNIT_WORDS = "km|kg|mm|cm|mph|kph|km/h|ft|lb|lbs|mg|ml|kWh|MW|GW|bps|stone|st"
_VAGUE = re.compile(r"(?:dozens|hundreds|thousands|millions|billions|couple)$", re.IGNORECASE)
_NUMBER_WORD = rf"(?:\d[\d,.]*|{_TENS}|{_SMALL}|a|an)"
_ALTERNATIVE = re.compile(rf"\s+(?:or|to)\s+(?:{_TENS}|{_SMALL}|\d[\d,.]*\d|\d)\b(?!-)", re.IGNORECASE)
_COMPOUND = re.compile(r"-(?:[a-z]+)\b(?!-[a-z])|-(?:year|month|week|day)-old\b", re.IGNORECASE)
_ADJECTIVE_END = ("ly", "al", "ic", "ous", "ive", "ful", "less", "ed", "ing", "est", "ish")
_SINGULAR_AFTER = words("one 1 a an another single")
_YEAR_NOUNS = words("levels level elections election figures prices rates values standards census budgets results")


def _counted_end(text: str, start: int, end: int, kind: str) -> tuple[int, str]:
    """The end of the value with its unit or counted thing: '36 shells', 'three-nation', 'dozens of rounds'."""
    value = text[start:end]
    if kind == "digits" and _UNIT_IN_VALUE.search(value):
        return end, "unit"
    if re.search(r"(?:%|per\s?cent|percent|percentage\s+points?)$", value, re.IGNORECASE):
        return end, "unit"
    unit = re.match(rf"\s?(?:per\s?cent|percent|%)|\s(?:{_UNIT_WORDS})\b", text[end:], re.IGNORECASE)
    if unit:
        return end + unit.end(), "unit"  # "nine per cent", "800 km"
    compound = _COMPOUND.match(text, end)
    if compound and _previous_word(text, start).lower() in ("any", "every", "each", "per"):
        return end, "any"  # "in any two-year period": not a count
    if compound:
        word = compound.group(0).lower()
        if re.match(rf"-(?:{_TIME_UNITS})s?$", word):
            noun = _noun_after(text, compound.end(), singular=True)
            return (noun, "compound") if noun else (compound.end(), "compound")  # an 11-year lull
        return compound.end(), "compound"
    alternative = _ALTERNATIVE.match(text, end)
    if alternative and kind != "ratio":
        end = alternative.end()
    half = re.match(r"\s+and\s+a\s+half\b", text[end:])
    if half:
        end += half.end()
    if _VAGUE.search(text[start:end]):
        of = re.match(r"\s+of\b", text[end:])
        noun = _noun_after(text, end + of.end()) if of else None
        return (noun, "noun") if noun else (end, "")
    number = re.findall(r"[\w-]+", text[start:end].lower())
    singular = bool(number) and number[-1] in _SINGULAR_AFTER
    noun = _noun_after(text, end, singular=singular)
    if noun is None:
        return end, ""
    duration = " and " not in text[start:noun] and re.match(
        rf"\s+and\s+{_NUMBER_WORD}\s+(?:{_TIME_UNITS}|second)s?\b", text[noun:], re.IGNORECASE
    )
    return (noun + duration.end() if duration else noun), "noun"


def _noun_after(text: str, end: int, singular: bool = False) -> int | None:
    """The end of a counted noun right after `end` ('two Syrian teams', 'five hard drives'), or None."""
    at = end
    index = modifiers = 0
    while index < 3 and modifiers < 6:
        match = re.match(r"[ \u00a0]+([A-Za-z][\w’']*(?:-[a-z]+)*)", text[at:])
        if not match:
            return None
        word = match.group(1)
        lower = word.lower()
        at += match.end()
        if lower in _LABEL_STOP or (lower in _DETERMINERS and lower != "other") or lower in ("of", "a", "an", "no"):
            return None
        if _is_plural(word):
            if word[:1].isupper():  # "two XL Airways crew": a name that modifies the counted noun
                counted = _counted_after_name(text, at)
                if counted:
                    return counted
            also = re.match(r"\s+and\s+([a-z]+)\b", text[at:])
            if also and _is_plural(also.group(1)) and not _VAGUE.search(also.group(1)):
                at += also.end()
            compound = re.match(r"[ \u00a0]+([a-z]+s)\b", text[at:])
            if lower in _COLLECTIVE and compound and _is_plural(compound.group(1)):
                at += compound.end()  # "five crew members", "two police officers"
            return at
        if singular and index == 0 and word.islower() and len(word) >= 3 and not lower.endswith(_ADJECTIVE_END):
            return at
        if word.islower() and lower.endswith("ly"):
            return None
        modifiers += 1
        if not (word[:1].isupper() and index > 0):  # "four Air New Zealand personnel": a name is one modifier
            index += 1
    return None


_COLLECTIVE = words("crew staff police personnel militia")


def _counted_after_name(text: str, at: int) -> int | None:
    """The end of a lowercase counted noun right after a capitalised name: '... Airways crew', or None."""
    match = re.match(r"((?:[ \u00a0]+[A-Z][\w’'-]*){0,3})[ \u00a0]+([a-z]+)\b", text[at:])
    if match and _is_plural(match.group(2)) and match.group(2) not in _LABEL_STOP:
        return at + match.end()
    return None


def _is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR_PLURALS or lower.endswith(("children", "people", "women", "folk")):
        return True
    if not lower.endswith("s") or len(lower) <= 3 or lower in _NOT_NOUN or lower in _LABEL_STOP:
        return False
    return not lower.endswith(("'s", "’s", "ss", "us", "is", "ous"))


_AGE_AFTER = re.compile(r"[\s-]?(?:year|month|week)s?[\s-]olds?\b", re.IGNORECASE)


_IDENTIFIERS = words("type types category grade size")


def _names_something(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]
    if re.search(r"\bthe\s$", before, re.IGNORECASE):
        follower = re.match(r"[\d,.]+\s+([a-z]+)", text[start : start + 40])
        return not follower or follower.group(1) in _LABEL_STOP  # "the 747", not "the 27,450 crowd"
    return bool(re.search(r"\b[a-z]{3,}s\s+(?:\d+(?:\s+(?:and|or)\s+|,\s*))*$", before)) and _is_plural(
        re.findall(r"[a-z]{3,}s", before)[-1]
    )


def _is_age(text: str, value_start: int, start: int, end: int) -> bool:
    """Ages of people are not figures: 'the 52-year-old', 'Thomas Sam, 42,', 'aged 8-10', '13 to 18 year olds'."""
    line_start = text.rfind("\n", 0, value_start) + 1
    previous = _previous_word(text[line_start:], value_start - line_start).lower()
    if previous in ("aged", "ages") or text[max(0, value_start - 11) : value_start].lower().endswith("age of "):
        return True
    age = _AGE_AFTER.match(text, end)
    if age:
        follower = re.match(r"\s+([a-z][\w-]*)", text[age.end() :])
        noun = follower.group(1) if follower else ""
        thing = noun and noun not in _LABEL_STOP and noun not in PERSON_NOUNS and not noun.endswith(_ADJECTIVE_END)
        return not thing  # "a 10-year-old browser" is the browser's age, a figure
    token = text[start:end]
    if re.fullmatch(r"\d{1,3}", token) and int(token) <= 120 and text[end : end + 1] in (",", ")"):
        before = text[max(0, value_start - 40) : value_start]
        return bool(re.search(r"[A-Z][\w'’-]+,\s$|[A-Z][\w'’-]+\s\($", before))
    return False


def _same_value_key(value: str) -> str:
    """Repeats are the same number counting the same thing: 'About 10,000 North Korean troops' and 'the 10,000
    troops' are one figure; 'one million miles' and 'a million miles' are two."""
    words = core(value).split()
    if len(words) == 1 and words[0] in NUMBER_WORDS:
        return str(NUMBER_WORDS[words[0]])  # "a crew of seven" after "7 missing": one number, one figure
    if len(words) >= 3 and _is_plural(words[-1]):
        number = [w for w in words if not w.isalpha() or w.lower() in NUMBER_WORDS or w in _SCALE_WORDS]
        if number:
            return " ".join([*number, _SAME_THING.get(words[-1], words[-1])])
    return " ".join(words)


_SCALE_WORDS = words("hundred thousand million billion trillion")
# Counted things that news style uses as synonyms for one another within an article.
_SAME_THING = {"soldiers": "troops", "fighters": "troops", "servicemen": "troops", "persons": "people"}


def core(value: str) -> str:
    """The value without its qualifier, for telling repeated figures apart: 'About 10,000' -> '10,000'."""
    text = provenance.normalise(value).casefold()
    text = _TRAIL.sub("", text)
    while True:
        match = re.match(_HEDGE.pattern.rstrip("$"), text + " ", re.IGNORECASE)
        if not match or match.end() > len(text):
            break
        text = text[match.end() :]
    return text.strip()


def _figure_span(text: str, start: int, end: int, kind: str) -> tuple[int, int] | None:
    if kind == "digits":
        end = _digits_end(text, start, end)
    elif kind == "words" and not _counts_something(text, start, end):
        return None
    if end is None:
        return None
    hedge = _HEDGE.search(text, max(0, start - 30), start)
    value_start = hedge.start() if hedge else start
    after = _RANGE.match(text, end)
    joiner = re.match(r"\s+and\s+", text[end:]) if hedge and hedge.group(0).lower().startswith("between") else None
    follower = joiner or (after if not _preceded_by(text, value_start, "from") else None)
    if follower:
        second = _SECOND_AMOUNT.match(text, end + follower.end() - follower.start()) if kind == "digits" else None
        if second and not second.group("suffix"):
            end = second.end()
    trail = _TRAIL.match(text, end)
    if trail:
        end = trail.end()
    return value_start, end


def _digits_end(text: str, start: int, end: int) -> int | None:
    """The end of a real figure, or None for a year, date, time, ordinal, identifier or list number."""
    match = AMOUNT.match(text, start)
    assert match is not None
    token = match.group(0)
    suffix = (match.group("suffix") or "").lower()
    if suffix and suffix not in _UNIT_SUFFIXES:
        return None  # 19th, 10am, 1990s, 5G
    following = text[end : end + 12]
    if re.match(r"[:/]\d", following) and not re.match(r":\d\d:\d\d", following):
        return None  # 10:30, 24/7, 9/11
    if re.match(r":\d\d:\d\d", following):
        return end + len(re.match(r"(?::\d\d)+", following).group(0))  # type: ignore[union-attr]
    if re.fullmatch(r"\d{4}", token) and 1000 <= int(token) <= 2199:
        follow = re.findall(r"[A-Za-z]+", text[end : end + 30])[:2]
        noun = follow[0] if follow and _is_plural(follow[0]) and re.match(r"\s+[a-z]", text[end : end + 3]) else ""
        if not noun or noun.lower() in _YEAR_NOUNS:
            return None  # a year; "2000 troops" without a comma is still a count
    if re.match(r"\s?(?:[ap]\.m\.|[ap]m\b)", following, re.IGNORECASE):
        return None  # 5 p.m., 10am
    previous = _previous_word(text, start)
    next_word = re.match(r"(?:\s?[-–]\s?\d{1,2})?\s*(?:the\s+)?([A-Za-z]+\.?)", text[end : end + 24])
    if previous.rstrip(",") in MONTHS or (next_word and next_word.group(1).rstrip(".") in MONTHS):
        return None  # June 19, 19 June
    if (
        previous.lower() in _IDENTIFIERS
        or previous.lower() in IDENTIFIER_BEFORE
        or previous.lower().rstrip(".") in IDENTIFIER_BEFORE
    ):
        return None  # Article 5, No. 84, Issue 4
    ranged = re.match(r"\s?[-–]\s?\d", text[end : end + 4])
    if re.fullmatch(r"\d+", token) and previous[:1].isupper() and previous not in FUNCTION_WORDS and not ranged:
        named = previous not in WEEKDAYS and not previous.endswith(("'s", "’s", ",", ":"))
        if named and not _sentence_starts(text, start) and not _plural_follows(text, end):
            return None  # Boeing 737, Windows 11
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and re.match(r"[.)]\s", text[end : end + 2]):
        return None  # "1. Why ..." list numbers
    return end


def _counts_something(text: str, start: int, end: int) -> bool:
    """A spelled-out number is a figure when it counts a noun: 'two soldiers', not 'the two countries'."""
    phrase = text[start:end].lower().strip("[]")
    previous = _previous_word(text, start).lower()
    alternative = _ALTERNATIVE.match(text, end)
    if alternative:  # "one or two points", "ten to 32 pages"
        return _plural_follows(text, alternative.end(), adjectives=3)
    if re.match(rf"(?:a|an|another)\s+(?:{_TIME_UNITS})$", phrase):
        rate = previous in ("once", "twice", "times", "per") or _is_plural(previous)
        return not rate  # "an hour", not "once a day" or "40,000 appointments a week"
    if phrase == "a couple":
        return bool(re.match(r"\s+of\s", text[end:]))
    if phrase == "half" and previous in _DETERMINERS | _ORDINALS:
        return False  # "the first half"
    if phrase == "half" or previous == "all" or (previous == "of" and re.match(r"[,.;)]", text[end : end + 1])):
        return phrase != "one" or previous == "all"  # "Almost half", "all six aboard", "a panel of twelve,"
    if phrase == "one":
        return previous not in _DETERMINERS and _one_counts(text, start, end)
    if text[end : end + 1] == "-" and phrase != "one":
        return bool(re.match(r"-[a-z]{3,}", text[end:]))  # a nine-point lead, the six-member team, not one-off
    if re.match(r"\s+and\s+a\s+half\b|\s?(?:per\s?cent|percent)\b", text[end:]):
        return True  # "Six and a half months", "nine per cent"
    if any(phrase.endswith(scale) for scale in ("hundred", "thousand", "million", "billion")) or phrase.endswith("s"):
        hedged = _HEDGE.search(text, max(0, start - 30), start) is not None
        return phrase.split()[0] not in ("a", "an") or hedged or bool(re.match(r"\s+(?:of\s+)?[a-z]", text[end:]))
    if phrase.startswith(("a dozen", "half")) or re.search(r"(?:half|halves|thirds?|quarters?|fifths?|ths)$", phrase):
        return True
    if previous in _DETERMINERS:
        return previous == "the" and _first_mention(text, start, end)
    of = re.match(r"\s+of\s+(?:the|them|those|these|their|its|his|her|our|my|your|whom|which)\b", text[end:])
    return _plural_follows(text, end, adjectives=3) or bool(of)


_ORDINALS = words("first second third fourth fifth last final other")
_AFTER_ONE = words("at in on to for of from with by into ago earlier later before after aboard")


def _one_counts(text: str, start: int, end: int) -> bool:
    """'fired one shell at', 'one vote in each', 'only one day to': one of something, not 'One poster wrote'."""
    noun = _noun_after(text, end, singular=True)
    if noun is None:
        return False
    hedged = _HEDGE.search(text, max(0, start - 30), start) is not None
    if _sentence_starts(text, start) and not hedged:
        return False
    follower = re.match(r"\s*([\w]+|[,.;:!?)—–])", text[noun:])
    return follower is None or follower.group(1).lower() in _AFTER_ONE or not follower.group(1)[0].isalnum()


def _first_mention(text: str, start: int, end: int) -> bool:
    """'the two Articles of Impeachment' is a count when nothing before named them; 'the two countries' that
    were just written about refers back."""
    tail = re.match(r"[ \u00a0]+(?:[a-z]+[ \u00a0]+)?([A-Za-z]+)", text[end:])
    if not tail or not _is_plural(tail.group(1)):
        return False
    stem = tail.group(1).lower().rstrip("s")
    stem = stem[:-2] if stem.endswith("ie") else stem
    return len(stem) >= 3 and stem not in text[:start].lower()


def _plural_follows(text: str, end: int, adjectives: int = 2) -> bool:
    tail = re.findall(r"[A-Za-z][\w'’-]*", text[end : end + 80])
    if not re.match(r"[\s-]", text[end : end + 1] or "."):
        return False
    for word in tail[: adjectives + 1]:
        lower = word.lower()
        if lower in IRREGULAR_PLURALS or (lower.endswith("s") and len(lower) > 3 and lower not in _NOT_NOUN):
            return not lower.endswith(("'s", "’s", "ss", "us", "is"))
        if lower in _LABEL_STOP or lower in ("of", "the", "a", "an"):
            return False
    return False


def _previous_word(text: str, start: int) -> str:
    match = re.search(r"(\S+)\s*$", text[max(0, start - 40) : start])
    return match.group(1) if match else ""


def _preceded_by(text: str, start: int, word: str) -> bool:
    return _previous_word(text, start).lower() == word


def _sentence_starts(text: str, start: int) -> bool:
    before = text[max(0, start - 60) : start]
    previous = re.search(r"(\S+)\s+\S+\s*$", before)
    return not previous or previous.group(1)[-1:] in '.!?:\n”"' or "\n" in before[before.rstrip().rfind(" ") :]


def label(text: str, start: int, end: int) -> str:
    """What the figure counts, from the words around it: the noun after it, and the clause before it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    after = _clause(text[end:line_end], forward=True)
    before = _clause(text[line_start:start], forward=False)
    if re.match(r"-year-old", text[end:]):
        return f"Age: {before} …-year-old {after}".replace("  ", " ").strip()
    if after and before:
        return f"{after} ({before} …)"
    return after or (f"{before} …" if before else "figure")


def _clause(segment: str, forward: bool) -> str:
    tokens = re.findall(r"[^\s]+", segment)
    picked: list[str] = []
    for token in tokens if forward else reversed(tokens):
        bare = token.strip("“”\"'‘’()[]")
        if forward and bare.lower() in _LABEL_STOP:
            break
        if not forward and (bare.lower() in ("that", "which", "who", "while") or token.endswith((".", ";", ":"))):
            break
        picked.append(bare.rstrip(",;:."))
        if token.endswith((",", ";", ":", ".", "—")) and forward:
            break
        if not forward and token.startswith(("“", '"', "(")):
            break
        if len(picked) >= MAX_LABEL_WORDS:
            break
    if not forward:
        picked.reverse()
    phrase = " ".join(word for word in picked if word)
    phrase = re.sub(r"^-\S*\s*", "", phrase) if forward else phrase
    return phrase.strip(" ,;:-–—")


NUMBER_VALUES = NUMBER_WORDS  # re-exported for the tests of spelled-out numbers
