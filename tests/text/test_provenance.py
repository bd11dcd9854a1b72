"""generator.text.provenance: typographic folding and whole-token matching of quotes and figures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.text.provenance import (
    closest_passage,
    contains_figure,
    contains_quote,
    find_figure,
    find_quote,
    fold,
    normalise,
)

ARTICLE = normalise(
    "Pyongyang sent between 10,000 and 12,000 troops in 2024; at least 11,000 soldiers fought in Kursk.\n"
    "Version 3.10 of the estimate put losses at 1,000, later 100,000 – some 1.3 million people were displaced.\n"
    "“We will not retreat,” the commander said, calling the front\n"
    "“a battle never fought before.” Costs rose 5% to $3 billion."
)


# --- normalise -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u2018single\u2019", "'single'"),
        ("it\u2019s", "it's"),
        ("\u201cdouble\u201d", '"double"'),
        ("\u201elow\u201f", '"low"'),
        ("\u00abguillemets\u00bb", '"guillemets"'),
        ("a\u2013b", "a-b"),
        ("a\u2014b", "a-b"),
        ("a\u2212b", "a-b"),
        ("a -- b", "a - b"),
        ("a\u2014\u2014b", "a-b"),
        ("wait\u2026", "wait..."),
        ("non\u00a0breaking", "non breaking"),
        ("em\u2003space", "em space"),
        ("  many \t spaces\n\nand\r\nlines  ", "many spaces and lines"),
        ("\ufb01ne", "fine"),
    ],
)
def test_normalise_folds_typography(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [("it\u00b4s", "it's"), ("6\u2033", '6"')], ids=["acute", "dprime"])
def test_normalise_folds_characters_that_nfkc_decomposes(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@given(st.text(max_size=60))
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text(max_size=60))
def test_normalise_leaves_no_typographic_variants(text: str) -> None:
    folded = normalise(text)
    assert not set(folded) & set("\u2018\u2019\u201c\u201d\u2013\u2014\u00a0\u2026\r\n\t")
    assert "--" not in folded
    assert "  " not in folded
    assert folded == folded.strip()


# --- contains_figure -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "10,000",
        "12,000",
        "10,000 and 12,000",
        "11,000",
        "at least 11,000",
        "3.10",
        "1,000",
        "100,000",
        "1.3 million",
        "1.3",
        "5%",
        "$3 billion",
        "3 billion",
        "2024",
    ],
)
def test_figure_found_as_whole_token(value: str) -> None:
    assert contains_figure(ARTICLE, value)


@pytest.mark.parametrize(
    "value",
    [
        "3.1",  # inside 3.10
        "10",  # inside 3.10 and 10,000
        "100",  # inside 100,000
        "000",  # after the comma of 1,000
        "0,000",  # inside 10,000
        "1,00",  # inside 1,000
        "13",  # not there at all
        "1.3 billion",
        "202",  # inside 2024
        "024",  # inside 2024
        "11,000 troops",  # words differ
    ],
)
def test_figure_not_found_inside_a_longer_number(value: str) -> None:
    assert not contains_figure(ARTICLE, value)


def test_figure_after_a_rejected_occurrence_is_still_found() -> None:
    # the first "3.1" continues as "3.10"; the second stands alone before a full stop
    assert contains_figure(normalise("It was 3.10 then 3.1."), "3.1")
    assert not contains_figure(normalise("It was 3.10 then 3.15."), "3.1")


def test_figure_value_is_normalised_before_matching() -> None:
    article = normalise("between 10,000 and 12,000 soldiers")
    assert contains_figure(article, "10,000\u00a0and 12,000")
    assert contains_figure(article, "  10,000   and\n12,000 ")


@pytest.mark.parametrize("text", ["(11,000)", "11,000.", "11,000,", "“11,000”", "~11,000", "11,000-strong"])
def test_figure_next_to_punctuation_is_found(text: str) -> None:
    assert contains_figure(normalise(f"There were {text} in all."), "11,000")


def test_figure_next_to_letters_is_not_found() -> None:
    assert not contains_figure(normalise("the A11,000 model"), "11,000")
    assert not contains_figure(normalise("some 11,000x faster"), "11,000")


# --- contains_quote ------------------------------------------------------------------------------------------------


def test_quote_across_a_line_break() -> None:
    article = normalise("He said the troops were\nvery well trained and\r\n  highly motivated.")
    assert contains_quote(article, "the troops were very well trained and highly motivated")
    assert contains_quote(ARTICLE, "fought in Kursk. Version 3.10")


def test_quote_with_its_own_line_break_and_straight_quotes() -> None:
    assert contains_quote(ARTICLE, 'calling the front\n"a battle')


def test_quote_with_curly_apostrophes_matches_straight_ones() -> None:
    article = normalise("He said: 'We don't retreat - ever.'")
    assert contains_quote(article, "We don\u2019t retreat \u2014 ever.")


def test_quote_not_in_article() -> None:
    assert not contains_quote(ARTICLE, "We will retreat")
    assert not contains_quote(ARTICLE, "a battle never fought before and after")


@pytest.mark.parametrize("needle", [" ", "\u00a0", "\n  \n"], ids=["space", "nbsp", "newlines"])
def test_blank_needle_is_never_found(needle: str) -> None:
    assert not contains_quote(ARTICLE, needle)
    assert not contains_figure(ARTICLE, needle)


# --- closest_passage -----------------------------------------------------------------------------------------------


def test_closest_passage_finds_the_near_words() -> None:
    passage, score = closest_passage(ARTICLE, "at least 11.000 soldier fought in Kursk")
    assert "at least 11,000 soldiers fought in Kursk" in passage or "11,000 soldiers fought in Kursk" in passage
    assert score >= 85


def test_closest_passage_for_a_paraphrased_quote() -> None:
    passage, score = closest_passage(ARTICLE, "We shall not retreat")
    assert "not retreat" in passage
    assert 50 <= score < 100


def test_closest_passage_of_an_exact_quote_scores_100() -> None:
    passage, score = closest_passage(ARTICLE, "the commander said")
    assert passage == "the commander said"
    assert score == 100


def test_closest_passage_of_unrelated_text_scores_low() -> None:
    _, score = closest_passage(ARTICLE, "zzqx vvkj wwpy")
    assert score < 50


def test_closest_passage_in_an_empty_article() -> None:
    assert closest_passage("", "anything") == ("", 0)


# --- fold: the normalised text traced back to the original characters ---------------------------------------------


@pytest.mark.parametrize(
    ("raw", "needle", "original"),
    [
        ("He said \u201cWe\u2014will hold\u201d today", '"We-will hold"', "\u201cWe\u2014will hold\u201d"),
        ("wait\u2026 and see", "wait... and", "wait\u2026 and"),
        ("a  \n\t b", "a b", "a  \n\t b"),
        ("x \u2014\u2014 y", "x - y", "x \u2014\u2014 y"),
        ("the \ufb01ne print", "fine", "\ufb01ne"),
        ("caf\u00e9 cre\u0300me", "cre\u0300me", "cre\u0300me"),
        ("  lead and trail  ", "lead", "lead"),
        ("non\u00a0breaking space", "non breaking", "non\u00a0breaking"),
    ],
)
def test_fold_traces_a_match_to_the_original_characters(raw: str, needle: str, original: str) -> None:
    folded = fold(raw)
    assert folded is not None and folded.text == normalise(raw)
    found = find_quote(folded.text, needle)
    assert found is not None
    start, end = folded.original(*found)
    assert raw[start:end] == original


def test_find_figure_is_the_whole_token_contains_figure_finds() -> None:
    article = normalise("Version 3.10, then 3.1 and 1000 or 100.")
    start, end = find_figure(article, "3.1")
    assert article[start:end] == "3.1" and article[end] == " "
    assert find_figure(article, "100") == (article.index("100."), article.index("100.") + 3)
    assert find_figure(article, "3.2") is None and find_quote(article, " ") is None


@given(
    st.text(
        alphabet=st.sampled_from("ab \n\t-\u2014\u2013\u201c\u201d\u2026\u00a0\ufb01e\u0301\u00e9\u00b4`\u3000"),
        max_size=40,
    )
)
def test_fold_agrees_with_normalise_and_each_character_comes_from_its_original(text: str) -> None:
    folded = fold(text)
    if folded is None:  # allowed only where folding composes across characters; then nothing is traced
        return
    assert folded.text == normalise(text)
    assert len(folded.starts) == len(folded.ends) == len(folded.text)
    assert list(folded.starts) == sorted(folded.starts)
    for char, start, end in zip(folded.text, folded.starts, folded.ends, strict=True):
        assert char in normalise(text[start:end]) or (char == " " and not text[start:end].strip())
