"""Figure rules on sentences written for the test: what counts, what is kept with the value, what is not a figure."""

from __future__ import annotations

import pytest

from generator.drafting.figures import core, extract_figures


def values(text: str) -> list[str]:
    return [figure.value for figure in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bank lent 4,500 farmers money last year.", ["4,500 farmers"]),
        ("Prices rose 3.2% in May, and wages rose 2.5 per cent.", ["3.2%", "2.5 per cent"]),
        ("The club paid $2000 per player and £4.5 million for the stadium.", ["$2000", "£4.5 million"]),
        ("Revenue reached €1.2bn, up from €950m.", ["€1.2bn", "€950m"]),
        ("The city has around 1.28 million residents.", ["around 1.28 million residents"]),
    ],
)
def test_counts_money_and_percentages(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 10,000 and 12,000 fans came.", ["Between 10,000 and 12,000 fans"]),
        ("About 1,000-3,000 birds died.", ["About 1,000-3,000 birds"]),
        ("Estimates range 40 to 60 workers.", ["40 to 60 workers"]),
        ("United won 3-1 at home.", ["3-1"]),
        ("The target fell from 240p to 185p.", ["240p", "185p"]),
    ],
)
def test_ranges_are_one_value_and_changes_are_two(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials counted over 100 casualties.", ["over 100 casualties"]),
        ("The firm sent at least 11,000 parcels.", ["at least 11,000 parcels"]),
        ("They could hire 60,000 or more staff.", ["60,000 or more staff"]),
        ("Nearly 200 volunteers signed up.", ["Nearly 200 volunteers"]),
    ],
)
def test_qualifiers_stay_with_the_value(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two soldiers survived, and two North Korean officers were captured.",
            ["Two soldiers", "two North Korean officers"],
        ),
        ("Police arrested three men and seven women.", ["three men", "seven women"]),
        ("Thousands of people marched; tens of thousands watched.", ["Thousands of people", "tens of thousands"]),
        ("A dozen boats and half a million visitors came.", ["A dozen boats", "half a million visitors"]),
        ("The side holds a nine-point lead.", ["nine-point"]),
        ("A third of the ice has gone.", ["A third"]),
        ("They won five of their last six games.", ["five", "six games"]),
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
    assert values(text) == ["About 10,000 troops", "3,000"]


def test_ages_of_people_are_not_figures() -> None:
    assert values("Ahn Chan-il, a 69-year-old defector, spoke.") == []
    assert values("The 52-year-old said he would stay. Thomas Sam, 42, and Manju Sam, 36, were charged.") == []
    assert values("The survey covered children aged 8-10 and 13 to 18 year olds.") == []
    assert values("Users should leave the antiquated 10-year-old browser.") == ["10-year-old"]


def test_the_label_names_what_is_counted() -> None:
    [figure] = extract_figures("The company runs 412 stores across Britain.")
    assert figure.label.startswith("stores")


def test_core_drops_the_qualifier_for_matching() -> None:
    assert core("About 10,000") == core("10,000") == "10,000"
    assert core("60,000 or more") == "60,000"
    assert core("between 10,000 and 12,000") == "10,000 and 12,000"


def test_ratios_are_one_figure() -> None:
    assert values("About one in 10 beds, and 1 in 5 nurses.") == ["About one in 10 beds", "1 in 5 nurses"]
    assert values("Eight out of 10 adults weigh too much.") == ["Eight out of 10 adults"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bank raised rates by 30 basis points.", ["30 basis points"]),
        ("The deal is worth €4.5bn to the group.", ["€4.5bn"]),
        ("He served three years in prison.", ["three years"]),
        ("Traffic increased ten-fold in a week.", ["ten-fold", "a week"]),
        ("Inflation hit a 40-year high in June.", ["40-year high"]),
        ("They travelled about 500 miles (800 km) by road.", ["about 500 miles", "800 km"]),
        ("The six-member team built three robots.", ["six-member", "three robots"]),
        ("The army fired dozens of rounds and millions of people watched.", ["dozens of rounds", "millions of people"]),
        (
            "It took Six and a half months and eight minutes and 46 seconds.",
            ["Six and a half months", "eight minutes and 46 seconds"],
        ),
        ("It could be one or two points, or ten to 32 pages.", ["one or two points", "ten to 32 pages"]),
        ("Prices fell nine per cent, or forty percent in all.", ["nine per cent", "forty percent"]),
        ("The KPA fired one shell at the south side.", ["one shell"]),
        ("Had it happened an hour later, the toll would be more than a thousand.", ["an hour", "more than a thousand"]),
        ("About 2000 troops crossed the border.", ["About 2000 troops"]),
        ("The Fed cut rates by a half-point; he weighs 18 stone.", ["half-point", "18 stone"]),
    ],
)
def test_the_value_keeps_its_unit_or_counted_thing(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Obesity raises the risk of type 1 diabetes and Type 2 diabetes.",
        "The Airbus A320 and the 747 were parked.",
        "The crop losses exceeded those of 2000 levels by 2050.",
        "Shells fell near posts 542 and 543.",
        "He scored in the 12th round, after the first half.",
        "Wash your hands at least once a day, and the clinic does 400 checks a week.",
    ],
)
def test_names_ordinals_rates_and_years_are_not_figures(text: str) -> None:
    assert all("2000" not in v and "542" not in v and "12th" not in v for v in values(text))
    assert not any(v in ("1", "2", "747", "a day", "a week", "half") for v in values(text))


def test_a_figure_carries_its_rule_confidence_and_span() -> None:
    text = "Police counted 36 shells and two."
    [figure] = extract_figures(text)
    assert figure.value == "36 shells" and text[figure.span[0] : figure.span[1]] == figure.value
    assert figure.rule == "digits+noun" and figure.confidence == "high"


@pytest.mark.parametrize(
    "text",
    [
        "The elections are on 23-26 May 2019, after the summit of 17–21 July.",
        "The plane crashed at about 5 p.m. local time, or 5pm in Paris.",
    ],
)
def test_date_ranges_and_clock_times_are_not_figures(text: str) -> None:
    assert values(text) == []


def test_a_currency_code_is_the_unit_of_the_value() -> None:
    assert values("The fund is worth more than EUR 1.8 trillion, or USD 2bn in all.") == [
        "more than EUR 1.8 trillion",
        "USD 2bn",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On board were two XL Airways crew and a pilot.", ["two XL Airways crew"]),
        ("They flew four Air New Zealand personnel home.", ["four Air New Zealand personnel"]),
        ("The remaining five crew members were found.", ["five crew members"]),
        ("Police arrested three Britons after the match.", ["three Britons"]),
        ("The fleet includes 13 A320s.", ["13 A320s"]),
    ],
)
def test_a_name_or_a_collective_noun_before_the_counted_thing(text: str, expected: list[str]) -> None:
    assert values(text) == expected


def test_a_number_in_words_repeats_the_same_number_in_digits() -> None:
    assert values("Plane down, 7 missing\n\nIt killed a crew of seven, officials said.") == ["7"]


def test_a_bare_number_written_again_with_its_counted_thing_keeps_the_thing() -> None:
    assert values("Jet crashes, 150 on board\n\nThe jet carried 150 passengers and crew.") == [
        "150 passengers and crew"
    ]
