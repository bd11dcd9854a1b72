"""Speaker rules on texts written for the test: each attribution pattern the issue names, and roles."""

from __future__ import annotations

import pytest

from generator.drafting.quotes import extract_quotes


def speakers(article: str) -> list[tuple[str, str | None]]:
    return [(quote.speaker, quote.role) for quote in extract_quotes(article)]


@pytest.mark.parametrize(
    ("article", "speaker"),
    [
        ("“Prices will fall,” said Anna Berg.", "Anna Berg"),
        ("“Prices will fall,” Anna Berg said.", "Anna Berg"),
        ("“Prices will fall,” Anna Berg, the bank's chief economist, said on Monday.", "Anna Berg"),
        ("Anna Berg explained that prices would “fall quite soon”.", "Anna Berg"),
        ("According to Anna Berg, prices will “fall quite soon”.", "Anna Berg"),
        ("“Prices will fall,” Anna Berg told POLITICO.", "Anna Berg"),
        ("“Prices will fall,” senior officials have warned.", "senior officials"),
        ("Anna Berg stated, “Prices will fall this year.”", "Anna Berg"),
        ("“Prices will fall,” wrote Anna Berg, Reporter at the Daily Post.", "Anna Berg"),
    ],
)
def test_attribution_patterns(article: str, speaker: str) -> None:
    assert speakers(article)[0][0] == speaker


def test_a_title_before_the_name_becomes_the_role() -> None:
    article = "Pentagon deputy press secretary Sabrina Singh said, “A portion have moved.”"
    assert speakers(article) == [("Sabrina Singh", "Pentagon deputy press secretary")]


def test_an_appositive_becomes_the_role() -> None:
    article = "Michael Madden, a North Korea expert at the Stimson Center, explained that they “tolerate pain”."
    assert speakers(article) == [("Michael Madden", "a North Korea expert at the Stimson Center")]


def test_a_surname_resolves_to_the_full_name() -> None:
    article = "Aid worker Chen Wei arrived on Monday. “We need tents, water and food today,” Chen explained."
    assert speakers(article)[0][0] == "Chen Wei"


def test_a_pronoun_refers_to_the_person_of_the_previous_sentence() -> None:
    article = (
        "“We played well,” said coach Ana Ruiz. Rival manager Paul Ingram was furious.\n"
        "“We stopped doing the basics,” he said, adding that the penalty was “soft”."
    )
    assert [s for s, _ in speakers(article)] == ["Ana Ruiz", "Paul Ingram", "Paul Ingram"]


def test_a_description_refers_to_the_person_just_named() -> None:
    article = "Mensah, 19, scored late. Jonah Mensah had come on at half-time.\n“I just hit it,” the teenager said."
    assert speakers(article)[0][0] == "Jonah Mensah"


def test_a_quote_continuing_the_previous_sentence_keeps_its_speaker() -> None:
    article = "“This is a challenge,” commented spokesman Andrii Yusov. “Not just for Ukraine, but for all.”"
    assert [s for s, _ in speakers(article)] == ["Andrii Yusov", "Andrii Yusov"]


def test_an_organisation_or_document_can_speak() -> None:
    article = "According to the treaty, both must “provide military and other assistance” if attacked."
    assert speakers(article)[0][0] == "the treaty"


def test_a_role_written_before_the_name_after_the_quote() -> None:
    article = "“We are nowhere near,” said the college's president, Dr Alan Reeve."
    assert speakers(article) == [("Alan Reeve", "the college's president")]
