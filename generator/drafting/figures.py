"""Every numeric fact: counts, money, percentages, ranges and spelled-out numbers, each with its qualifier as
written ("at least 11,000", "60,000 or more") and a label from the words around it. Dates, years, times,
ordinals and identifiers ("Article 5", "No. 84", "F-16") are not figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import provenance
from .lexicon import FUNCTION_WORDS, IDENTIFIER_BEFORE, IRREGULAR_PLURALS, MONTHS, NUMBER_WORDS, WEEKDAYS, words

_CURRENCY = r"(?:US\$|A\$|C\$|NZ\$|HK\$|R\$|\$|£|€|¥|₩|₽|₴|₹)"
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
_SMALL = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + _UNITS
_SPELLED = (
    rf"\b(?:(?:(?:{_TENS})(?:-(?:{_UNITS}))?|{_SMALL}|a|an|half\s+a)(?:\s+(?:hundred|thousand|million|billion))+"
    rf"|(?:{_TENS})(?:-(?:{_UNITS}))?|{_SMALL}|a\s+dozen|dozens|hundreds|thousands|millions|billions"
    r"|tens\s+of\s+(?:thousands|millions)|hundreds\s+of\s+(?:thousands|millions)"
    r"|half\s+an?\s+(?:percentage\s+point|point|million|billion|trillion|dozen)"
    rf"|(?:a|one|{_UNITS})[- ](?:half|halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)(?=\s+of\b))\b"
)
WORDS_NUMBER = re.compile(_SPELLED, re.IGNORECASE)
# "one in 10", "1 in 5", "three in four": a ratio is one figure.
RATIO = re.compile(rf"\b(?:{_SMALL}|\d+)\s+in\s+(?:{_SMALL}|\d+|a\s+(?:hundred|thousand|million))\b", re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:about|around|approximately|approx\.|roughly|some|nearly|almost|close\s+to|up\s+to|over|more\s+than|"
    r"less\s+than|fewer\s+than|under|at\s+least|at\s+most|as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|"
    r"an\s+estimated|estimated|just\s+over|just\s+under|well\s+over|upwards\s+of|in\s+excess\s+of|between|below|above)\s+$",
    re.IGNORECASE,
)
_TRAIL = re.compile(r"\s+or\s+(?:more|so|fewer|less)\b|-plus\b|\+", re.IGNORECASE)
_RANGE = re.compile(r"\s?(?:-|–|—)\s?|\s+to\s+", re.IGNORECASE)
_UNIT_SUFFIXES = words("km kg m cm mm c f mph kph kmh gw mw kw gb tb mg ml g lb lbs ft sq bn mn tn k b p")
_DETERMINERS = words("the these those both all every each other")
_NOT_NOUN = words("was is has his its this thus us as yes less unless across always perhaps")
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


def extract_figures(text: str) -> list[DraftFigure]:
    """Every figure once (the first time its value occurs), in article order."""
    found: list[DraftFigure] = []
    seen: set[str] = set()
    taken: list[tuple[int, int]] = []
    candidates = [(m.start(), m.end(), "digits") for m in AMOUNT.finditer(text)]
    candidates += [(m.start(), m.end(), "words") for m in WORDS_NUMBER.finditer(text)]
    candidates += [(m.start(), m.end(), "ratio") for m in RATIO.finditer(text)]
    for start, end, kind in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if any(s <= start < e for s, e in taken):
            continue
        span = _figure_span(text, start, end, kind)
        if span is None:
            continue
        value_start, value_end = span
        taken.append((value_start, value_end))
        value = text[value_start:value_end]
        key = core(value)
        if key in seen or not provenance.contains_figure(provenance.normalise(text), value):
            continue
        seen.add(key)
        found.append(DraftFigure(value, label(text, value_start, value_end), value_start))
    return found


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
        return None  # a year (news style writes counts of a thousand or more with a comma)
    previous = _previous_word(text, start)
    next_word = re.match(r"\s*(?:the\s+)?([A-Za-z]+\.?)", text[end : end + 20])
    if previous.rstrip(",") in MONTHS or (next_word and next_word.group(1).rstrip(".") in MONTHS):
        return None  # June 19, 19 June
    if previous.lower() in IDENTIFIER_BEFORE or previous.lower().rstrip(".") in IDENTIFIER_BEFORE:
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
    phrase = text[start:end].lower()
    if any(phrase.endswith(scale) for scale in ("hundred", "thousand", "million", "billion")) or phrase.endswith("s"):
        return phrase.split()[0] not in ("a", "an") or bool(re.match(r"\s+(?:of\s+)?[a-z]", text[end:]))
    if phrase.startswith(("a dozen", "half")) or re.search(r"(?:half|halves|thirds?|quarters?|fifths?|ths)$", phrase):
        return True
    if phrase == "one" or _previous_word(text, start).lower() in _DETERMINERS:
        return False
    if text[end : end + 1] == "-":
        return bool(re.match(r"-[a-z]{3,}", text[end:])) and phrase != "one"  # a nine-point lead, not one-off
    of = re.match(r"\s+of\s+(?:the|them|those|these|their|its|his|her|our|my|your|whom|which)\b", text[end:])
    return _plural_follows(text, end, adjectives=3) or bool(of)


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
