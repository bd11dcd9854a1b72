"""Title, byline, dateline, topics and summary rules on texts written for the test."""

from __future__ import annotations

from generator.drafting.metadata import extract_metadata
from generator.drafting.summary import extract_summary
from generator.drafting.text import analyse
from generator.drafting.topics import RegistryTopic, match_registry, suggest

BODY = (
    "The council voted on Tuesday to close the old bridge to cars after engineers found deep cracks in two of its "
    "supports, a decision that will divert thousands of drivers every day.\n"
    "Engineers said the bridge could be repaired within eighteen months if the money is found for the work.\n"
)


def test_headline_byline_and_month_dateline() -> None:
    meta = extract_metadata(
        "VOLUME 19, ISSUE 4\n\nJanuary 2025\n\nA Battle Never Fought Before\n\nBy: Aditi Nair\n\n" + BODY
    )
    assert meta == type(meta)("A Battle Never Fought Before", "Aditi Nair", "2025-01")


def test_city_dateline_and_plain_byline() -> None:
    meta = extract_metadata("Bridge to close\n\nBy Priya Raman\n\nLONDON, 14 March 2025\n\n" + BODY)
    assert (meta.title, meta.author, meta.published) == ("Bridge to close", "Priya Raman", "2025-03-14")


def test_author_from_a_closing_note_and_no_headline() -> None:
    meta = extract_metadata(BODY + BODY + "Alina Hrytsenko is an analyst at the Institute for Strategic Studies.\n")
    assert meta.title is None
    assert meta.author == "Alina Hrytsenko"
    assert meta.published is None


def test_dates_in_the_body_are_not_the_publication_date() -> None:
    assert extract_metadata("Bridge to close\n\nAs of October 2024, the council had voted.\n").published is None


def test_topics_resolve_through_names_aliases_and_demonyms() -> None:
    registry = [
        RegistryTopic("North Korea", "place", ("DPRK",)),
        RegistryTopic("Volodymyr Zelensky", "person", ("Zelenskyy",)),
        RegistryTopic("Casualties", "theme"),
        RegistryTopic("Kursk", "place"),
    ]
    text = "The DPRK sent North Korean troops. Zelenskyy said casualties were high. Kursk is cold."
    names = [name for name, _ in match_registry(text, registry)]
    assert set(names) == {"North Korea", "Volodymyr Zelensky", "Casualties", "Kursk"}


def test_new_names_are_suggested_with_a_kind() -> None:
    from generator.drafting.names import find_people

    text = "Pentagon spokesman John Kirby said the Storm Corps and the Stimson Center were in Donetsk. Kirby left."
    found = {(s.name, s.kind) for s in suggest(text, find_people(text), [RegistryTopic("Pentagon", "organisation")])}
    assert {("John Kirby", "person"), ("Storm Corps", "unit"), ("Stimson Center", "organisation")} <= found
    assert ("Donetsk", "place") in found


def test_summary_is_extractive_and_starts_with_the_lead() -> None:
    summary = extract_summary(analyse("Bridge to close\n\n" + BODY), "Bridge to close")
    assert summary.startswith("The council voted on Tuesday")
    assert summary.count(".") <= 3
