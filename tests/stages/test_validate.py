"""Stage 2: schema, provenance and topic resolution turn raw entries into Briefs, or into file:line problems."""

from __future__ import annotations

import pytest

from generator.model import PartialDate
from generator.stages.load import RawBrief
from generator.stages.validate import validate_brief, validate_topics
from generator.text.yamlio import load

ARTICLE = "Headline\nAbout 10,000 troops entered. \u201cThey are young,\u201d he said \u2014 and 3.10 percent more.\n"
REGISTRY = load(
    "topics:\n  - name: North Korea\n    aliases: [DPRK]\n    description: The DPRK.\n"
    "  - name: Russia\n    description: Russia.\n",
    "briefs/topics.yml",
)


def brief(annotation: str, article: str = ARTICLE):  # type: ignore[no-untyped-def]
    topics, lookup, problems = validate_topics(REGISTRY)
    assert not problems
    raw = RawBrief("b", load(annotation, "briefs/b.yml"), "briefs/b.txt", article)
    return validate_brief(raw, lookup, topics)


BASE = "title: T\nsource: {published: '2025-01'}\nsummary: S\ntopics: [DPRK, russia]\n"


def test_valid_annotation_becomes_a_brief_with_canonical_topics() -> None:
    result, problems = brief(
        BASE + "key_figures:\n  - {value: '10,000', label: troops}\nquotes:\n  - {text: They are young, speaker: He}\n"
    )
    assert problems == []
    assert result is not None
    assert result.topics == ("north-korea", "russia")
    assert result.source.published == PartialDate(2025, 1)
    assert result.status == "published"


def test_quote_matches_across_typographic_differences() -> None:
    _, problems = brief(BASE + 'quotes:\n  - {text: "They are young,", speaker: He}\n')
    assert problems == []


@pytest.mark.parametrize("value", ["3.1", "100", "10,00"])
def test_figure_must_match_a_whole_number(value: str) -> None:
    result, problems = brief(BASE + f"key_figures:\n  - {{value: '{value}', label: x}}\n")
    assert result is None
    assert len(problems) == 1 and problems[0].location.line == 6
    assert "figure value not found in article" in problems[0].message


def test_missing_quote_points_at_its_line_and_the_closest_passage() -> None:
    _, problems = brief(BASE + "quotes:\n  - text: They are old\n    speaker: He\n")
    assert len(problems) == 1
    assert problems[0].location.line == 6
    assert 'closest: "They are young' in problems[0].message


def test_all_problems_of_a_file_are_reported_together() -> None:
    _, problems = brief(
        BASE.replace("'2025-01'", "'2025-13'") + "key_figures:\n  - {value: '7', label: x}\n"
        "quotes:\n  - {text: nowhere, speaker: He}\n"
    )
    assert [p.location.line for p in problems] == [2, 6, 8]


def test_unknown_topic_is_a_warning_and_still_a_topic() -> None:
    result, problems = brief(BASE.replace("[DPRK, russia]", "[DPRK, Kursk]"))
    assert result is not None and result.topics == ("north-korea", "kursk")
    assert [(p.severity, p.location.line) for p in problems] == [("warning", 4)]


def test_unknown_topic_colliding_with_a_registered_page_is_an_error() -> None:
    result, problems = brief(BASE.replace("[DPRK, russia]", "[North-Korea]"))
    assert result is None and "same page name" in problems[0].message


def test_registry_alias_shared_by_two_topics_is_an_error() -> None:
    doc = load(
        "topics:\n  - {name: A, aliases: [X], description: a}\n  - {name: B, aliases: [x], description: b}\n",
        "briefs/topics.yml",
    )
    _, _, problems = validate_topics(doc)
    assert [p.location.line for p in problems] == [3] and "alias may belong to one topic only" in problems[0].message
