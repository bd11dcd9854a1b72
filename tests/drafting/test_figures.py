"""Figure rules on sentences written for the test: what counts, what is kept with the value, what is not a figure."""

from __future__ import annotations

import pytest

from generator.drafting.figures import core, extract_figures


def values(text: str) -> list[str]:
    return [figure.value for figure in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bank lent 4,500 farmers money last year.", ["4,500"]),
        ("Prices rose 3.2% in May, and wages rose 2.5 per cent.", ["3.2%", "2.5 per cent"]),
        ("The club paid $2000 per player and £4.5 million for the stadium.", ["$2000", "£4.5 million"]),
        ("Revenue reached €1.2bn, up from €950m.", ["€1.2bn", "€950m"]),
        ("The city has around 1.28 million residents.", ["around 1.28 million"]),
    ],
)
def test_counts_money_and_percentages(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 10,000 and 12,000 fans came.", ["Between 10,000 and 12,000"]),
        ("About 1,000-3,000 birds died.", ["About 1,000-3,000"]),
        ("Estimates range 40 to 60 workers.", ["40 to 60"]),
        ("United won 3-1 at home.", ["3-1"]),
        ("The target fell from 240p to 185p.", ["240p", "185p"]),
    ],
)
def test_ranges_are_one_value_and_changes_are_two(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials counted over 100 casualties.", ["over 100"]),
        ("The firm sent at least 11,000 parcels.", ["at least 11,000"]),
        ("They could hire 60,000 or more staff.", ["60,000 or more"]),
        ("Nearly 200 volunteers signed up.", ["Nearly 200"]),
    ],
)
def test_qualifiers_stay_with_the_value(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two soldiers survived, and two North Korean officers were captured.", ["Two"]),
        ("Police arrested three men and seven women.", ["three", "seven"]),
        ("Thousands of people marched; tens of thousands watched.", ["Thousands", "tens of thousands"]),
        ("A dozen boats and half a million visitors came.", ["A dozen", "half a million"]),
        ("The side holds a nine-point lead.", ["nine"]),
        ("A third of the ice has gone.", ["A third"]),
        ("They won five of their last six games.", ["five", "six"]),
    ],
)
def test_spelled_out_numbers_that_count_something(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed on June 19th in 2024.",
        "It happened on 14 March 2025 at 10:30, or 10.30am local time.",
        "Under Article 5 and Tactical Group No. 84, Issue 4 of Volume 19.",
        "The F-16 and COVID-19 stories ran in the 1990s.",
        "She finished 2nd, then 21st.",
        "One of the largest armies; the two countries agreed.",
        "1. Why did it happen?",
        "The Boeing 737 is a jet.",
    ],
)
def test_dates_years_times_ordinals_and_identifiers_are_not_figures(text: str) -> None:
    assert values(text) == []


def test_a_value_repeated_is_listed_once_the_first_time() -> None:
    text = "About 10,000 troops arrived. Of the 10,000 troops, 3,000 were hurt."
    assert values(text) == ["About 10,000", "3,000"]


def test_ages_are_figures_with_an_age_label() -> None:
    [figure] = extract_figures("Ahn Chan-il, a 69-year-old defector, spoke.")
    assert figure.value == "69"
    assert figure.label.startswith("Age")


def test_the_label_names_what_is_counted() -> None:
    [figure] = extract_figures("The company runs 412 stores across Britain.")
    assert figure.label.startswith("stores")


def test_core_drops_the_qualifier_for_matching() -> None:
    assert core("About 10,000") == core("10,000") == "10,000"
    assert core("60,000 or more") == "60,000"
    assert core("between 10,000 and 12,000") == "10,000 and 12,000"


def test_ratios_are_one_figure() -> None:
    assert values("About one in 10 beds, and 1 in 5 nurses.") == ["About one in 10", "1 in 5"]
