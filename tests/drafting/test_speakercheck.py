"""drafting.speakercheck: a speaker named nowhere near the quote is a doubt; aliases, surnames and the drafter's
pronoun chains are not."""

from __future__ import annotations

from generator.drafting.pipeline import extract
from generator.drafting.speakercheck import name_forms, speaker_doubts

ARTICLE = "\n".join(
    [
        "Talks resumed on Monday.",
        "John Kirby, the White House spokesman, spoke first.",
        '"We are watching closely," Kirby said.',
        "Analysts were cautious.",
        "Markets fell.",
        "Oil rose.",
        "Gold was flat.",
        '"It is a bad deal," said one trader.',
        "Volodymyr Zelenskyy thanked allies.",
        '"We will not give up," he said.',
    ]
)


def test_a_surname_near_the_quote_names_the_speaker() -> None:
    assert speaker_doubts(ARTICLE, [("We are watching closely", "John Kirby")], {}) == []


def test_a_speaker_named_only_far_away_is_a_doubt_with_the_nearest_mention() -> None:
    (doubt,) = speaker_doubts(ARTICLE, [("It is a bad deal", "John Kirby")], {})
    assert doubt.index == 0
    assert doubt.nearest == '"We are watching closely," Kirby said.'


def test_a_speaker_named_nowhere_is_a_doubt_without_a_nearest_mention() -> None:
    (doubt,) = speaker_doubts(ARTICLE, [("It is a bad deal", "Jane Doe")], {})
    assert doubt.nearest is None


def test_a_registry_alias_counts() -> None:
    quotes = [("We will not give up", "Zelensky")]
    assert len(speaker_doubts(ARTICLE, quotes, {})) == 1
    assert speaker_doubts(ARTICLE, quotes, {"zelensky": ["Volodymyr Zelenskyy", "Zelenskyy"]}) == []


def test_titles_are_not_names() -> None:
    assert "president" not in name_forms("President Volodymyr Zelenskyy", {})
    assert "zelenskyy" in name_forms("President Volodymyr Zelenskyy", {})


def test_a_quote_not_in_the_article_is_not_a_speaker_doubt() -> None:
    assert speaker_doubts(ARTICLE, [("never said", "Nobody")], {}) == []


def test_the_drafters_description_chain_excuses_a_speaker_named_earlier() -> None:
    far = "\n\n".join(
        [
            "Health minister Ann Lee spoke on Monday.",
            "A.",
            "B.",
            "C.",
            "D.",
            "\u201cIt will pass,\u201d the minister said.",
        ]
    )
    quotes = [("It will pass", "Ann Lee")]
    assert len(speaker_doubts(far, quotes, {})) == 1  # named five paragraphs before the quote
    assert speaker_doubts(far, quotes, {}, extract(far)) == []  # but "the minister" leads back to her
    assert len(speaker_doubts(far, [("It will pass", "Bo Chen")], {}, extract(far))) == 1
