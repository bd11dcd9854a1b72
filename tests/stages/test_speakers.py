"""stages/speakers.py: the speaker registry, quotes under their speakers, and the same words from two sources."""

from __future__ import annotations

from generator.model import Brief, PartialDate, Quote, Source
from generator.stages.link import link
from generator.stages.speakers import PARTIAL_MIN_WORDS, validate_speakers, word_diff
from generator.stages.validate import validate_topics
from generator.text.yamlio import load

TOPICS = (
    "topics:\n"
    "  - name: Volodymyr Zelensky\n    kind: person\n    aliases: [Zelensky, Zelenskyy]\n    description: President.\n"
    "  - name: Kursk\n    kind: place\n    description: Region.\n"
)
SPEAKERS = (
    "speakers:\n  - name: Lloyd J. Austin III\n    aliases: [Austin, Secretary Austin]\n    description: SecDef.\n"
)
SENTENCE = "I am increasingly concerned that the Kremlin plans to use these North Korean soldiers in Kursk"


def registry(text: str = TOPICS + SPEAKERS):  # type: ignore[no-untyped-def]
    doc = load(text, "briefs/topics.yml")
    topics, _, problems = validate_topics(doc)
    assert not problems, problems
    return validate_speakers(doc, topics)


def brief(slug: str, published: str | None, *quotes: tuple[str, str], name: str | None = None) -> Brief:
    date = PartialDate.parse(published) if published else None
    return Brief(
        slug, slug.title(), Source(name=name, published=date), "summary", "article",
        quotes=tuple(Quote(text, speaker) for speaker, text in quotes),
    )  # fmt: skip


def corpus(*briefs: Brief):  # type: ignore[no-untyped-def]
    speakers, problems = registry()
    assert not problems
    return link(list(briefs), {}, {}, None, speakers)


def test_titles_surnames_and_transliterations_resolve_to_one_speaker() -> None:
    c = corpus(
        brief("a", "2024-10-30", ("Austin", "One."), ("Zelenskyy", "Two.")),
        brief("b", "2024-10-29", ("Secretary Austin", "Three."), ("Zelensky", "Four.")),
        brief("c", None, ("lloyd j. austin iii", "Five."), ("Someone Else", "Six.")),
    )
    assert [r.quote.text for r in c.quotes_by_speaker["lloyd-j-austin-iii"]] == ["One.", "Three.", "Five."]
    assert [r.quote.text for r in c.quotes_by_speaker["volodymyr-zelensky"]] == ["Two.", "Four."]
    assert c.speakers["volodymyr-zelensky"].name == "Volodymyr Zelensky"  # the person topic names the speaker
    assert c.speakers["someone-else"].name == "Someone Else"  # not registered: a page of its own
    assert c.quote_speakers["a"] == ("lloyd-j-austin-iii", "volodymyr-zelensky")
    # most quoted first, then by name
    assert c.speaker_order == ("lloyd-j-austin-iii", "volodymyr-zelensky", "someone-else")


def test_unregistered_spellings_with_one_page_name_share_it_under_the_first() -> None:
    c = corpus(brief("a", "2025", ("Kim Yong-hyun", "One.")), brief("b", "2024", ("Kim Yong Hyun", "Two.")))
    assert list(c.quotes_by_speaker) == ["kim-yong-hyun"] and c.speakers["kim-yong-hyun"].name == "Kim Yong-hyun"


def test_no_speaker_takes_the_speakers_index_address() -> None:
    c = corpus(brief("a", "2025", ("Index", "One.")))
    assert list(c.speakers) == ["index-1"]


def test_nearly_the_same_words_from_two_briefs_are_paired_both_ways() -> None:
    c = corpus(
        brief("dod", "2024-10-30", ("Austin", "And " + SENTENCE + "."), name="DOD"),
        brief("news", "2024-10-31", ("Lloyd J. Austin III", SENTENCE.replace("the Kremlin", "[the] Kremlin") + ",")),
    )
    (echo,) = c.echoes[("dod", 0)]
    assert echo.other.brief.slug == "news" and echo.score >= 85
    (back,) = c.echoes[("news", 0)]
    assert back.other.brief.slug == "dod"
    kinds = [(p.kind, p.mine, p.theirs) for p in echo.diff if p.kind != "same"]
    assert kinds == [("trimmed", "And", ""), ("changed", "the", "[the]")]  # "Kursk." and "Kursk," are one word


def test_a_cut_of_a_longer_quote_is_paired_and_a_short_fragment_is_not() -> None:
    cut = " ".join(SENTENCE.split()[:PARTIAL_MIN_WORDS])
    c = corpus(
        brief("full", "2024-10-30", ("Austin", SENTENCE)),
        brief("cut", "2024-10-31", ("Austin", cut), ("Austin", "increasingly concerned")),
    )
    assert [(e.other.brief.slug, e.other.index) for e in c.echoes[("full", 0)]] == [("cut", 0)]
    assert c.echoes[("cut", 0)][0].diff[-1].kind == "trimmed"
    assert ("cut", 1) not in c.echoes


def test_different_statements_different_speakers_and_one_brief_are_not_paired() -> None:
    c = corpus(
        brief("a", "2024", ("Austin", SENTENCE), ("Austin", SENTENCE + " soon")),  # one brief: not "other sources"
        brief("b", "2023", ("Zelensky", SENTENCE), ("Austin", "Putin will not prevail in Ukraine, even with help")),
    )
    assert c.echoes == {}


def test_pairs_are_in_a_fixed_order_whatever_the_input_order() -> None:
    briefs = [
        brief(s, d, ("Austin", SENTENCE + x)) for s, d, x in (("a", "2024", ""), ("b", "2023", "."), ("c", None, "!"))
    ]
    first, second = corpus(*briefs), corpus(*reversed(briefs))
    assert first.echoes == second.echoes
    assert [e.other.brief.slug for e in first.echoes[("c", 0)]] == ["a", "b"]  # newest first


def test_word_diff_marks_added_words_inside_a_quote() -> None:
    pieces = word_diff("we will act now", "we will surely act now")
    assert [(p.kind, p.mine, p.theirs) for p in pieces] == [
        ("same", "we will", "we will"),
        ("added", "", "surely"),
        ("same", "act now", "act now"),
    ]


def test_registry_errors_name_the_file_and_line() -> None:
    text = TOPICS + SPEAKERS + "  - name: Sabrina Singh\n    aliases: [austin]\n  - name: Lloyd J Austin III\n"
    doc = load(text, "briefs/topics.yml")
    topics, _, problems = validate_topics(doc)
    assert not problems
    _, problems = validate_speakers(doc, topics)
    assert [str(p.location) for p in problems] == ["briefs/topics.yml:13", "briefs/topics.yml:15"]
    assert "already names speaker 'Lloyd J. Austin III'" in problems[0].message
    assert "same page name 'lloyd-j-austin-iii'" in problems[1].message


def test_the_schema_checks_speaker_entries() -> None:
    doc = load(TOPICS + "speakers:\n  - aliases: [X]\n  - name: Y\n    role: extra\n", "briefs/topics.yml")
    _, _, problems = validate_topics(doc)
    assert [p.location.line for p in problems] == [10, 12]  # no name; a field speakers do not have


def test_a_speakers_entry_wins_over_a_topic_alias() -> None:
    text = TOPICS + "speakers:\n  - name: Volodymyr Zelenskyy\n    aliases: [Zelensky]\n"
    speakers, problems = registry(text)
    assert not problems
    assert speakers.lookup["zelensky"] == "volodymyr-zelenskyy"
    assert speakers.lookup["zelenskyy"] == "volodymyr-zelensky"  # the topic's other alias still resolves
