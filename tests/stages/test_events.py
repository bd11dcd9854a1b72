"""Events: dated statements parsed from text (for the drafter), checked in annotations, merged into the timeline."""

from __future__ import annotations

import re

import pytest
import yaml

from generator.build import Project, check
from generator.model import Brief, Event, PartialDate, Source
from generator.stages.events import dates_in, events_from_text, is_after, sentences
from generator.stages.link import link
from generator.stages.load import RawBrief
from generator.stages.validate import validate_brief
from generator.text.yamlio import load

from ..conftest import REPO

D = PartialDate


def dates(text: str, article: PartialDate | None = None) -> list[str]:
    return [m.date.iso() if m.date else "?" for m in dates_in(text, article)]


# --- dates in text: day, month and year precision -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The treaty was signed on June 19, 2024 in Pyongyang.", ["2024-06-19"]),
        ("Photos published on Jan 11, 2025 show two soldiers.", ["2025-01-11"]),
        ("It happened on 3 March 2023.", ["2023-03-03"]),
        ("It happened on the 3rd of March, 2023.", ["2023-03-03"]),
        ("The order is dated 2024-02-29.", ["2024-02-29"]),
        ("As of October 2024, troops were stationed there.", ["2024-10"]),
        ("Since August 2023, containers have been sent.", ["2023-08"]),
        ("In early January 2025 the first prisoners were taken.", ["2025-01"]),
        ("Support began in late 2022 with shells.", ["2022"]),
        ("A soldier who defected in 2012 recalls hunger.", ["2012"]),
        ("By mid-2023 the factories were working.", ["2023"]),
        ("During the summer of 2021 talks stalled.", ["2021"]),
        ("Between June 2024 and October 2024 the troops trained.", ["2024-06", "2024-10"]),
    ],
)
def test_dates_with_a_year(text: str, expected: list[str]) -> None:
    assert dates(text) == expected
    assert dates(text, D(2030, 5, 5)) == expected  # the article's date never changes a complete date


@pytest.mark.parametrize(
    "text",
    [
        "They paid $2000 per soldier.",  # a sum, not a year
        "About 1,000-3,000 soldiers died.",
        "Tactical Group No. 84 captured them.",
        "They may sign a treaty.",  # 'may' is not May
        "North Korea has 1.3 million soldiers, up 2024 from before.",  # a bare number without a date word
        "The treaty was signed on February 30, 2024.",  # no such day
    ],
)
def test_no_date_where_there_is_none(text: str) -> None:
    assert dates(text, D(2025, 1, 15)) == []


@pytest.mark.parametrize(
    ("text", "article", "expected"),
    [
        # the latest year that does not put the date after the article
        ("On June 19th, Putin and Kim signed a treaty.", D(2025, 1), "2024-06-19"),
        ("On June 19th, Putin and Kim signed a treaty.", D(2024, 7, 1), "2024-06-19"),
        ("On June 19th, Putin and Kim signed a treaty.", D(2024, 6, 19), "2024-06-19"),
        ("On June 19th, Putin and Kim signed a treaty.", D(2024, 6, 18), "2023-06-19"),
        ("Troops entered Russia in October to train.", D(2025, 1), "2024-10"),
        ("Troops entered Russia in October to train.", D(2024, 11, 2), "2024-10"),
        ("The first prisoners were taken in early January, officials said.", D(2025, 1), "2025-01"),
        ("The first prisoners were taken in early January, officials said.", D(2025, 3, 4), "2025-01"),
        ("The first prisoners were taken in early January, officials said.", D(2024, 12, 30), "2024-01"),
        ("The unit arrived on 19 June.", D(2025), "2025-06-19"),  # a year-only article date: its own year
        ("They met on February 29.", D(2025, 3, 1), "2024-02-29"),  # 2025 has no 29 February
    ],
)
def test_dates_without_a_year_take_it_from_the_article(text: str, article: PartialDate, expected: str) -> None:
    assert dates(text, article) == [expected]


def test_dates_without_a_year_and_no_article_date_are_unresolved() -> None:
    assert dates("In early January the first prisoners were taken.", None) == ["?"]
    assert events_from_text("In early January the first prisoners were taken.", None) == []


@pytest.mark.parametrize(
    ("text", "article", "expected"),
    [
        ("Officials said yesterday that the troops had left.", D(2024, 11, 5), "2024-11-04"),
        ("Officials said yesterday that the troops had left.", D(2024, 3, 1), "2024-02-29"),
        ("The minister arrived in Moscow today.", D(2024, 11, 4), "2024-11-04"),
        ("Rutte said on Monday that the units were in Kursk.", D(2024, 11, 6), "2024-11-04"),  # a Wednesday
        ("Rutte said on Monday that the units were in Kursk.", D(2024, 11, 4), "2024-11-04"),  # that Monday
        ("He spoke last Monday about the units.", D(2024, 11, 4), "2024-10-28"),
        ("Earlier this month the border was closed.", D(2024, 11, 20), "2024-11"),
        ("Last month the border was closed.", D(2025, 1, 20), "2024-12"),
        ("But last year, the country came out of its shell.", D(2025, 1), "2024"),
        ("Earlier this year the factories reopened.", D(2025), "2025"),
    ],
)
def test_relative_dates(text: str, article: PartialDate, expected: str) -> None:
    assert dates(text, article) == [expected]


@pytest.mark.parametrize(
    ("text", "article"),
    [
        ("Officials said yesterday that the troops had left.", D(2024, 11)),  # needs the day
        ("Rutte said on Monday that the units were in Kursk.", D(2024)),
        ("Last month the border was closed.", D(2025)),  # needs the month
        ("Last year the border was closed.", None),
    ],
)
def test_relative_dates_need_a_precise_enough_article_date(text: str, article: PartialDate | None) -> None:
    assert dates(text, article) == ["?"]


def test_is_after_compares_at_the_common_precision() -> None:
    assert not is_after(D(2025, 1, 11), D(2025, 1))
    assert is_after(D(2025, 2), D(2025, 1, 31))
    assert not is_after(D(2024), D(2024, 6, 1))
    assert is_after(D(2025), D(2024, 12, 31))


# --- events_from_text: the drafter's entry point ------------------------------------------------------------------

ARTICLE = """A Battle in the East

January 2025

Last year, the country seemed to open up. On June 19th, President Alpha and Leader Beta signed a military treaty. \
About 10,000 troops entered the border region in October to be trained by U.S. standards, wrote Maj. Gen. Smith.
- As of October 2024, around 12,000 soldiers were reported stationed there.
The paper costs $2000 a year and has 1,000-3,000 readers. Officials said on Monday that talks would resume.
"""


def test_events_from_text() -> None:
    events = events_from_text(ARTICLE, D(2025, 1))
    found = [(e.date.iso(), e.what, e.sentence) for e in events]
    assert found == [
        ("2024", "The country seemed to open up", "Last year, the country seemed to open up."),
        (
            "2024-06-19",
            "President Alpha and Leader Beta signed a military treaty",
            "On June 19th, President Alpha and Leader Beta signed a military treaty.",
        ),
        (
            "2024-10",
            "About 10,000 troops entered the border region to be trained by U.S. standards, wrote Maj. Gen. Smith",
            "About 10,000 troops entered the border region in October to be trained by U.S. standards, wrote Maj. "
            "Gen. Smith.",
        ),
        (
            "2024-10",
            "Around 12,000 soldiers were reported stationed there",
            "As of October 2024, around 12,000 soldiers were reported stationed there.",
        ),
    ]  # the dateline "January 2025" is no event; "on Monday" needs the article's day
    assert all(isinstance(e, Event) and e.topics == () for e in events)
    for event in events:
        assert event.sentence in ARTICLE.replace("\\\n", "")


def test_events_from_text_resolves_relative_dates_with_a_dated_article() -> None:
    events = events_from_text(ARTICLE, D(2025, 1, 15))  # a Wednesday
    assert [e.date.iso() for e in events][-1] == "2025-01-13"
    assert events[-1].what == "Officials said that talks would resume"


def test_events_from_text_shortens_long_statements() -> None:
    text = "On June 3, 2024, " + "the troops marched " * 30 + "home."
    (event,) = events_from_text(text, None)
    assert len(event.what) <= 200 and event.what.endswith("…")
    assert event.sentence == text


def test_sentences_keep_the_article_text_and_skip_abbreviations() -> None:
    text = 'He said: "We go." Then Lt. Col. Park left the U.S. base. Jan. 5 was cold!\n- Item one. Item two'
    assert list(sentences(text)) == [
        'He said: "We go."',
        "Then Lt. Col. Park left the U.S. base.",
        "Jan. 5 was cold!",
        "Item one.",
        "Item two",
    ]


# --- events in annotations ---------------------------------------------------------------------------------------

TEXT = "Headline\nOn June 19th, Alpha and Beta signed a treaty. Troops crossed in October. The war began in 2022."


def annotation(events: list[dict], published: str | None = "2025-01") -> tuple[Brief | None, list[str]]:
    data = {"title": "T", "source": {"published": published} if published else {}, "summary": "S."}
    data |= {"topics": ["Kursk", "Treaty"], "events": events}
    doc = load(yaml.safe_dump(data, allow_unicode=True), "briefs/t.yml")
    brief, problems = validate_brief(RawBrief("t", doc, "briefs/t.txt", TEXT), {"kursk": "kursk"}, {})
    return brief, [f"{p.severity}: {p.message}" for p in problems if "topics.yml" not in p.message]


def event(date: str, sentence: str = "On June 19th, Alpha and Beta signed a treaty.", **more: object) -> dict:
    return {"date": date, "what": "Alpha and Beta sign a treaty", "sentence": sentence, **more}


def test_valid_events_become_part_of_the_brief() -> None:
    brief, problems = annotation([event("2024-06-19", topics=["Treaty"]), event("2022", "The war began in 2022.")])
    assert problems == []
    assert brief is not None
    assert brief.events == (
        Event(
            D(2024, 6, 19), "Alpha and Beta sign a treaty", "On June 19th, Alpha and Beta signed a treaty.", ("treaty",)
        ),
        Event(D(2022), "Alpha and Beta sign a treaty", "The war began in 2022.", ()),
    )


def test_event_sentence_must_be_in_the_article() -> None:
    brief, problems = annotation([event("2024-06-19", "On June 20th, Alpha and Beta signed a treaty.")])
    assert brief is None
    assert len(problems) == 1
    found = re.fullmatch(
        re.escape('error: event sentence not found in article: "On June 20th, Alpha and Beta signed a treaty."; ')
        + re.escape('closest: "On June 19th, Alpha and Beta signed a treaty." (')
        + r"(\d+)"
        + re.escape("% similar); copy the exact words from the article"),
        problems[0],
    )
    assert found, problems[0]
    assert 90 <= int(found[1]) < 100  # one digit differs: close, and not a match


@pytest.mark.parametrize("date", ["2024-02-30", "2024-13", "2024-00"])
def test_event_date_must_be_real(date: str) -> None:
    brief, problems = annotation([event(date)])
    assert brief is None and problems == [f"error: event date '{date}' is not a real date; check it"]


def test_event_date_must_have_the_schema_form() -> None:
    brief, problems = annotation([event("June 2024")])
    assert brief is None and "events[1].date 'June 2024' is not valid" in problems[0]


def test_event_topic_must_be_one_of_the_briefs() -> None:
    brief, problems = annotation([event("2024-06-19", topics=["Moscow"])])
    assert brief is None
    assert problems == [
        "error: event topic 'Moscow' is not one of this brief's topics; use one of them or add it to topics"
    ]


def test_a_date_the_sentence_contradicts_is_a_warning() -> None:
    brief, problems = annotation([event("2024-07-19")])
    assert brief is not None
    assert problems == ["warning: event date 19 July 2024 is not the date its sentence states (19 June 2024); check it"]


def test_a_less_precise_date_than_the_sentence_is_fine() -> None:
    assert annotation([event("2024-06")])[1] == []
    assert annotation([event("2024")])[1] == []


def test_an_event_after_the_article_is_a_warning() -> None:
    brief, problems = annotation([event("2025-03", "Troops crossed in October.")])
    assert brief is not None
    assert "warning: event date March 2025 is after the article's own date (January 2025)" in problems


def test_no_date_warning_when_the_sentence_date_needs_an_unknown_article_date() -> None:
    assert annotation([event("2024-10", "Troops crossed in October.")], published=None)[1] == []


def test_corpus_events_are_checked_and_clean() -> None:
    corpus, warnings = check(Project.at(REPO))
    assert not [w for w in warnings if "event" in w.message]
    assert sum(len(b.events) for b in corpus.briefs) >= 10
    upgrades = corpus.brief("nk-upgrades-army-in-ukraine")
    assert D(2025, 1, 11) in [e.date for e in upgrades.events]


# --- the merged timeline -----------------------------------------------------------------------------------------


def brief(slug: str, topics: tuple[str, ...], *events: Event, date: PartialDate | None = None) -> Brief:
    return Brief(slug, slug.title(), Source(published=date), "s", "a", topics=topics, events=events)


def ev(date: PartialDate, what: str, *topics: str) -> Event:
    return Event(date, what, f"{what}.", topics)


def test_timeline_merges_the_same_event_from_several_sources() -> None:
    a = brief("a", ("nk", "ru"), ev(D(2024, 10), "Troops enter Russia"), date=D(2025, 1))
    b = brief("b", ("nk", "ua"), ev(D(2024, 10), "12,000 troops stationed"), date=D(2024, 11))
    corpus = link([a, b], {}, {})
    (entry,) = corpus.timeline
    assert entry.date == D(2024, 10)
    assert [x.slug for x in entry.briefs] == ["a", "b"]  # newest brief first
    assert entry.whats == ("Troops enter Russia", "12,000 troops stationed")
    assert entry.topics == ("nk", "ru", "ua")


def test_timeline_keeps_apart_different_dates_precisions_and_topics() -> None:
    a = brief("a", ("nk",), ev(D(2024, 6, 19), "Treaty signed", "nk"), ev(D(2024, 10), "Troops enter", "nk"))
    b = brief("b", ("nk", "ru"), ev(D(2024, 6), "Putin visits", "ru"), ev(D(2024, 10), "Sanctions", "ru"))
    c = brief("c", ("nk",), ev(D(2024, 6, 19), "Treaty", "nk"))
    corpus = link([a, b, c], {}, {})
    rows = [(e.date.iso(), [x.slug for x in e.briefs]) for e in corpus.timeline]
    assert rows == [("2024-06", ["b"]), ("2024-06-19", ["a", "c"]), ("2024-10", ["b"]), ("2024-10", ["a"])]


def test_timeline_never_merges_two_events_of_one_brief() -> None:
    a = brief("a", ("nk",), ev(D(2024, 10), "One"), ev(D(2024, 10), "Two"))
    assert [len(e.reports) for e in link([a], {}, {}).timeline] == [1, 1]


def test_timeline_is_oldest_first_with_coarse_dates_before_the_days_in_them() -> None:
    a = brief("a", ("x",), ev(D(2025, 1, 11), "c"), ev(D(2024), "a"), ev(D(2025, 1), "b"), ev(D(2023, 5, 1), "0"))
    assert [e.date.iso() for e in link([a], {}, {}).timeline] == ["2023-05-01", "2024", "2025-01", "2025-01-11"]


def test_topic_slices_of_the_timeline() -> None:
    a = brief("a", ("nk", "ru"), ev(D(2024), "Default topics"), ev(D(2025), "Only ru", "ru"))
    corpus = link([a], {}, {})
    assert [e.reports[0].event.what for e in corpus.timeline_by_topic["nk"]] == ["Default topics"]
    assert [e.reports[0].event.what for e in corpus.timeline_by_topic["ru"]] == ["Default topics", "Only ru"]


def test_corpus_timeline_groups_october_2024_from_two_sources() -> None:
    corpus, _ = check(Project.at(REPO))
    october = [e for e in corpus.timeline if e.date == D(2024, 10)]
    assert len(october) == 1
    assert {b.slug for b in october[0].briefs} == {"battle-never-fought-before", "nk-troops-defecting"}
