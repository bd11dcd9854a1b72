"""generator.text.figvalues: figure values as written -> numbers, ranges and open-ended bounds with their unit."""

from __future__ import annotations

import pytest

from generator.model import Figure
from generator.text.figvalues import FigureValue, parse_value, plain


def parsed(text: str) -> tuple[str, float | None, float | None, str | None, bool]:
    value = parse_value(text)
    return value.kind, value.low, value.high, value.unit, value.approximate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plain numbers, with separators, decimals and scale words
        ("11,000", ("exact", 11000, 11000, None, False)),
        ("69", ("exact", 69, 69, None, False)),
        ("3.1", ("exact", 3.1, 3.1, None, False)),
        ("1.28 million", ("exact", 1_280_000, 1_280_000, None, False)),
        ("1.3 million", ("exact", 1_300_000, 1_300_000, None, False)),
        ("2 billion", ("exact", 2e9, 2e9, None, False)),
        ("12k", ("exact", 12000, 12000, None, False)),
        # numbers in words
        ("two", ("exact", 2, 2, None, False)),
        ("Two", ("exact", 2, 2, None, False)),
        ("twenty-five thousand", ("exact", 25000, 25000, None, False)),
        ("a dozen", ("exact", 12, 12, None, False)),
        ("half a million", ("exact", 500_000, 500_000, None, False)),
        # currencies and percentages
        ("$2000", ("exact", 2000, 2000, "USD", False)),
        ("€5 million", ("exact", 5e6, 5e6, "EUR", False)),
        ("50%", ("exact", 50, 50, "%", False)),
        ("12 per cent", ("exact", 12, 12, "%", False)),
        # ranges
        ("10,000 and 12,000", ("range", 10000, 12000, None, False)),
        ("between 10,000 and 12,000", ("range", 10000, 12000, None, False)),
        ("1,000-3,000", ("range", 1000, 3000, None, False)),
        ("1,000–3,000", ("range", 1000, 3000, None, False)),
        ("1,000 — 3,000", ("range", 1000, 3000, None, False)),
        ("10,000 to 12,000", ("range", 10000, 12000, None, False)),
        ("two or three", ("range", 2, 3, None, False)),
        ("1-3 million", ("range", 1e6, 3e6, None, False)),
        ("$1-2 billion", ("range", 1e9, 2e9, "USD", False)),
        ("about 1,000-3,000", ("range", 1000, 3000, None, True)),
        # open-ended
        ("at least 11,000", ("at_least", 11000, None, None, False)),
        ("60,000 or more", ("at_least", 60000, None, None, False)),
        ("10,000+", ("at_least", 10000, None, None, False)),
        ("over 100", ("more_than", 100, None, None, False)),
        ("more than 3,000", ("more_than", 3000, None, None, False)),
        ("up to 5,000", ("at_most", None, 5000, None, False)),
        ("fewer than 50", ("less_than", None, 50, None, False)),
        ("no more than 7", ("at_most", None, 7, None, False)),
        # approximations
        ("nearly 200", ("exact", 200, 200, None, True)),
        ("approximately 11,000", ("exact", 11000, 11000, None, True)),
        ("an estimated 12,000", ("exact", 12000, 12000, None, True)),
        ("around 1.3 million", ("exact", 1.3e6, 1.3e6, None, True)),
        ("at least some 10,000", ("at_least", 10000, None, None, True)),
        # vague amounts: the least the word can mean, open above
        ("thousands", ("vague", 2000, None, None, True)),
        ("tens of thousands", ("vague", 20000, None, None, True)),
        ("hundreds of thousands", ("vague", 200_000, None, None, True)),
        ("dozens", ("vague", 24, None, None, True)),
        ("several thousand", ("vague", 2000, None, None, True)),
        ("a few hundred", ("vague", 200, None, None, True)),
    ],
)
def test_parse(text: str, expected: tuple[str, float | None, float | None, str | None, bool]) -> None:
    assert parsed(text) == expected
    assert parse_value(text).written == text


@pytest.mark.parametrize(
    "text", ["some", "several", "x1", "2 of 10", "10,000 and 9,000", "between 10,000", "12 000", "", "at least", "-5"]
)
def test_unreadable_values_are_unparsed_and_never_charted(text: str) -> None:
    value = parse_value(text)
    assert value == FigureValue(text)
    assert value.kind == "unparsed" and not value.charted
    assert value.low is None and value.high is None


def test_trailing_words_do_not_stop_parsing() -> None:
    assert parsed("about 1,000 troops") == ("exact", 1000, 1000, None, True)


def test_figure_keeps_the_value_as_written_beside_the_parsed_one() -> None:
    figure = Figure("at least 11,000", "troops")
    assert figure.value == "at least 11,000"
    assert figure.parsed == FigureValue("at least 11,000", "at_least", 11000.0, None, None, False)


def test_json_form_has_plain_numbers() -> None:
    assert parse_value("1.28 million").as_json() == {
        "kind": "exact",
        "low": 1280000,
        "high": 1280000,
        "unit": None,
        "approximate": False,
    }
    assert plain(3.5) == 3.5 and plain(None) is None and isinstance(plain(2.0), int)
