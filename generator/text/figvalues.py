"""Figure values as numbers: '10,000 and 12,000' is a range, 'at least 11,000' is open-ended, 'two' is 2.

The value as written stays the authority (it is what the article says and what pages show); the parsed form sits
beside it for charts and the open data. Anything this module cannot read with confidence is kind 'unparsed' and is
never charted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .provenance import normalise

KINDS = ("exact", "range", "at_least", "more_than", "at_most", "less_than", "vague", "unparsed")

_APPROX = (
    "approximately",
    "approx.",
    "approx",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "close to",
    "some",
    "an estimated",
    "estimated",
    "circa",
    "c.",
    "~",
    "just over",
    "just under",
)
_LOWER = {
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "a minimum of": "at_least",
    "over": "more_than",
    "more than": "more_than",
    "above": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "greater than": "more_than",
}
_UPPER = {
    "up to": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "a maximum of": "at_most",
    "as many as": "at_most",
    "under": "less_than",
    "less than": "less_than",
    "fewer than": "less_than",
    "below": "less_than",
}
# Every word a value may start with that says how exact it is ("about", "at least", "up to"): the drafter takes
# them into the value it drafts, and parse_value reads them.
HEDGES = (*_APPROX, *_LOWER, *_UPPER)
# A label names the article's own hedge in quotes ('... ("around")'): only a quoted one counts, since the same
# words are ordinary prose elsewhere in a label ("troops around Kursk", "over the past month").
_QUOTED_WORD = re.compile(r"[\"“‘']([^\"”’']{1,40})[\"”’']")


def approximate(value: FigureValue, label: str = "") -> bool:
    """Whether a figure is approximate: its value says so ("about 3,000") or its label quotes an approximating word of
    the article ('Soldiers killed ("about")')."""
    quoted = {" ".join(m.group(1).lower().split()) for m in _QUOTED_WORD.finditer(label)}
    return value.approximate or bool(quoted & set(_APPROX))


_SUFFIX = {
    "or more": "at_least",
    "and more": "at_least",
    "or higher": "at_least",
    "and up": "at_least",
    "plus": "at_least",
    "+": "at_least",
    "or fewer": "at_most",
    "or less": "at_most",
    "or lower": "at_most",
}
_CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP"}
_CURRENCIES |= {"¥": "JPY", "₩": "KRW", "krw": "KRW", "₽": "RUB", "rub": "RUB", "₴": "UAH", "uah": "UAH"}
_UNITS = {"%": "%", "percent": "%", "per cent": "%", "km": "km", "kilometres": "km", "kilometers": "km"}
_UNITS |= {"miles": "mi", "tonnes": "t", "tons": "t", "kg": "kg", "square kilometres": "km²", "sq km": "km²"}
_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "billion": 10**9, "bn": 10**9}
_SCALES |= {"trillion": 10**12, "dozen": 12, "hundred": 100}
_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_WORDS |= {
    w: 10 * i
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2)
}
_VAGUE_PLURAL = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 10**3, "millions": 10**6}
_VAGUE_PLURAL |= {"billions": 10**9}
_VAGUE_FEW = ("several", "a few", "a couple of", "many")

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_SCALE = "|".join(sorted((re.escape(s) for s in _SCALES if s not in ("dozen", "hundred")), key=len, reverse=True))
_CUR = "|".join(sorted((re.escape(c) for c in _CURRENCIES), key=len, reverse=True))
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))


def _amount_pattern(p: str) -> str:
    return rf"(?:(?P<{p}cur>{_CUR})\s*)?(?P<{p}num>{_NUM})(?:\s*(?P<{p}scale>{_SCALE})\b)?"


_GRAMMAR = re.compile(
    rf"^(?:(?P<between>between|from)\s+)?{_amount_pattern('a')}"
    rf"(?:\s*(?P<sep>-|to|and|or)\s*{_amount_pattern('b')})?"
    rf"(?:\s*(?P<unit>{_UNIT})(?![a-z]))?"
    rf"(?:\s*(?P<suffix>or more|and more|or higher|and up|plus|\+|or fewer|or less|or lower)(?![a-z]))?"
    r"(?P<rest>(?:\s+[^\d\s][^\d]*)?)$"
)
_WORD_RUN = re.compile(
    r"\b(?:(?:half\s+a|a|an|one)\s+)?(?:(?:" + "|".join([*_WORDS, *_SCALES]) + r")(?:[\s-]+|\b))+",
)


@dataclass(frozen=True)
class FigureValue:
    """A figure's value as numbers: [low, high] (equal for an exact value; None where open-ended) and its unit.

    kind: exact, range, at_least / more_than (open above), at_most / less_than (open below), vague ('thousands':
    low is the least the word can mean, e.g. 2,000) or unparsed (not charted; low and high are None)."""

    written: str
    kind: str = "unparsed"
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approximate: bool = False

    @property
    def charted(self) -> bool:
        return self.kind != "unparsed"

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "low": plain(self.low),
            "high": plain(self.high),
            "unit": self.unit,
            "approximate": self.approximate,
        }


def plain(number: float | None) -> int | float | None:
    """1280000.0 -> 1280000, for JSON and CSV."""
    return int(number) if number is not None and float(number).is_integer() else number


@lru_cache(maxsize=8192)
def parse_value(written: str) -> FigureValue:
    """Parse a figure value as an article writes it; never raises."""
    text = _words_to_digits(normalise(written).casefold().replace("\u202f", ","))
    approximate = False
    kind = None
    for _ in range(3):  # "about", "at least", "an estimated" may stack: "at least some 10,000"
        text, found_approx = _strip_prefix(text, _APPROX)
        text, bound = _strip_bound(text)
        approximate |= found_approx
        kind = kind or bound
        if not found_approx and not bound:
            break
    vague = _vague(written, text)
    if vague:
        return vague
    match = _GRAMMAR.match(text.strip())
    if not match or (match["rest"] and re.search(r"\d", match["rest"])):
        return FigureValue(written)
    low = _amount(match, "a")
    high = _amount(match, "b") if match["bnum"] else None
    if low is None or (match["bnum"] and high is None):
        return FigureValue(written)
    unit = _unit(match)
    if high is not None:
        if not match["ascale"] and match["bscale"]:  # "1-3 million": the scale belongs to both
            low *= _SCALES[match["bscale"]]
        if high < low or kind:
            return FigureValue(written)
        return FigureValue(written, "range" if high > low else "exact", low, high, unit, approximate)
    if match["between"]:
        return FigureValue(written)
    kind = kind or _SUFFIX.get(match["suffix"] or "")
    if kind in ("at_least", "more_than"):
        return FigureValue(written, kind, low, None, unit, approximate)
    if kind in ("at_most", "less_than"):
        return FigureValue(written, kind, None, low, unit, approximate)
    return FigureValue(written, "exact", low, low, unit, approximate)


def _strip_prefix(text: str, prefixes: tuple[str, ...]) -> tuple[str, bool]:
    for prefix in prefixes:
        if text.startswith(prefix) and (not prefix[-1].isalpha() or not text[len(prefix) : len(prefix) + 1].isalpha()):
            return text[len(prefix) :].lstrip(), True
    return text, False


def _strip_bound(text: str) -> tuple[str, str | None]:
    for table in (_LOWER, _UPPER):
        for prefix in sorted(table, key=len, reverse=True):
            rest, found = _strip_prefix(text, (prefix,))
            if found:
                return rest, table[prefix]
    return text, None


def _amount(match: re.Match[str], part: str) -> float | None:
    try:
        number = Decimal(match[f"{part}num"].replace(",", ""))
    except InvalidOperation:
        return None
    scale = match[f"{part}scale"]
    return float(number * _SCALES[scale]) if scale else float(number)


def _unit(match: re.Match[str]) -> str | None:
    currency = match["acur"] or match["bcur"]
    if currency:
        return _CURRENCIES[currency]
    return _UNITS[match["unit"]] if match["unit"] else None


def _vague(written: str, text: str) -> FigureValue | None:
    """'thousands', 'tens of thousands', 'several hundred': at least twice the unit, never more precise."""
    words = text.strip().split()
    if not words:
        return None
    phrase = " ".join(words)
    for few in _VAGUE_FEW:
        if phrase.startswith(few + " ") and phrase[len(few) + 1 :] in _SCALES:
            return FigureValue(written, "vague", float(2 * _SCALES[phrase[len(few) + 1 :]]), None, None, True)
    factor = 1
    while len(words) > 2 and words[1] == "of" and words[0] in ("tens", "hundreds"):
        factor *= 10 if words[0] == "tens" else 100
        words = words[2:]
    if len(words) == 1 and words[0] in _VAGUE_PLURAL:
        return FigureValue(written, "vague", float(2 * factor * _VAGUE_PLURAL[words[0]]), None, None, True)
    return None


def _words_to_digits(text: str) -> str:
    """'two' -> '2', 'twenty-five thousand' -> '25000', 'half a million' -> '500000'; other text unchanged."""

    def convert(match: re.Match[str]) -> str:
        run = match.group(0)
        value = _word_number(run)
        return f"{value}{' ' if run[-1].isspace() else ''}" if value is not None else run

    return _WORD_RUN.sub(convert, text)


def _word_number(run: str) -> int | None:
    tokens = [t for t in re.split(r"[\s-]+", run.strip()) if t]
    if tokens[:2] == ["half", "a"] and len(tokens) == 3 and tokens[2] in _SCALES:
        return _SCALES[tokens[2]] // 2
    if tokens and tokens[0] in ("a", "an"):
        tokens[0] = "one"
    if not tokens or tokens[0] not in _WORDS:
        return None  # "million" alone is a scale word after digits, not a number
    total = current = 0
    for token in tokens:
        if token in _WORDS:
            current += _WORDS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in _SCALES:
            total += max(current, 1) * _SCALES[token]
            current = 0
        else:
            return None
    return total + current
