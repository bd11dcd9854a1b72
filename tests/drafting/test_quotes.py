"""Quotation rules on texts written for the test: marks, spans across sentences, splits, scare quotes."""

from __future__ import annotations

from generator.drafting.quotes import UNKNOWN_SPEAKER, extract_quotes
from generator.drafting.text import analyse


def texts(article: str) -> list[str]:
    return [quote.text for quote in extract_quotes(article)]


def test_curly_and_straight_quotes() -> None:
    article = '“We will win,” said Jane Doe. "We always do," added Tom Lee.'
    assert texts(article) == ["We will win", "We always do"]


def test_german_and_french_marks() -> None:
    assert texts("„Wir schaffen das“, said Anna Weber.") == ["Wir schaffen das"]
    assert texts("« On y va », said Paul Martin.") == ["On y va"]


def test_a_quote_spanning_a_sentence_break_is_one_quote() -> None:
    article = "“They are brave. They are also disciplined,” army spokesman Ivan Petrov told the BBC."
    [quote] = extract_quotes(article)
    assert quote.text == "They are brave. They are also disciplined"
    assert quote.speaker == "Ivan Petrov"


def test_a_quote_split_by_its_attribution_gives_two_quotes_with_one_speaker() -> None:
    article = "“It is a start,” said Maria Costa, “but it is not enough.”"
    quotes = extract_quotes(article)
    assert [q.text for q in quotes] == ["It is a start", "but it is not enough"]  # a fragment: no full stop
    assert {q.speaker for q in quotes} == {"Maria Costa"}


def test_a_quote_running_over_paragraphs() -> None:
    article = "Lena Hofer said: “The ice is going.\n“And it will not come back,” she added."
    assert texts(article) == ["The ice is going.", "And it will not come back"]


def test_scare_quotes_of_a_word_or_two_are_not_quotes() -> None:
    article = (
        'The country is called the "hermit kingdom," and some see its troops as "cannon fodder," '
        "analysts argue against it."
    )
    assert texts(article) == []


def test_attributed_fragments_of_one_word_are_quotes() -> None:
    article = "Spokesman John Kirby said the troops were treated as “expendable,” sent in “human waves.”"
    quotes = extract_quotes(article)
    assert [q.text for q in quotes] == ["expendable", "human waves"]
    assert {q.speaker for q in quotes} == {"John Kirby"}


def test_an_unattributed_long_quote_is_kept_for_the_editor() -> None:
    [quote] = extract_quotes("A banner with “we will not be moved from this place again” hung there.")
    assert quote.speaker == UNKNOWN_SPEAKER and not quote.attributed


def test_apostrophes_are_not_quotation_marks() -> None:
    assert texts("It’s the union’s view, and the workers’ too.") == []


def test_sentences_do_not_end_inside_quotes_or_after_titles() -> None:
    article = analyse("Maj. Gen. Pat Ryder spoke. “One. Two,” he said. Next.")
    sentences = [article.sentence_text(i) for i in range(len(article.sentences))]
    assert sentences == ["Maj. Gen. Pat Ryder spoke.", "“One. Two,” he said.", "Next."]


def test_the_last_paragraph_of_a_long_quotation_without_its_closing_mark() -> None:
    article = (
        "Minister Anna Berg said:\n\n“The crises need urgent action across government.\n\n"
        "“That is why we are continuing to support nature protections.\n\nThe fund opens in May."
    )
    quotes = extract_quotes(article)
    assert [q.text for q in quotes] == [
        "The crises need urgent action across government.",
        "That is why we are continuing to support nature protections.",
    ]
    assert {q.speaker for q in quotes} == {"Anna Berg"}


def test_an_unclosed_mark_without_a_lead_in_is_no_quotation() -> None:
    article = "The fund opens in May.\n\n“Nature first is the slogan of the campaign this year\n\nIt ends soon."
    assert texts(article) == []


def test_british_single_quotes_beside_double_quotes_elsewhere() -> None:
    article = (
        "Anna Berg said the plan was ‘a disaster for the towns’.\n\n"
        "“We don’t accept that Reuters’ figures are right,” said Paul Marek. "
        "“She called it ‘a disaster’ and we disagree,” he added."
    )
    quotes = extract_quotes(article)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("a disaster for the towns", "Anna Berg"),
        ("We don’t accept that Reuters’ figures are right", "Paul Marek"),
        ("She called it ‘a disaster’ and we disagree", "Paul Marek"),
    ]


def test_straight_single_quotes_beside_double_quotes_elsewhere() -> None:
    article = (
        "The minister's 'legacy backlog' grew. Anna Berg said the plan 'will not survive the winter, we're sure'.\n\n"
        '"The Reuters\' figures are wrong," said Paul Marek.'
    )
    assert [(q.text, q.speaker) for q in extract_quotes(article)] == [
        ("will not survive the winter, we're sure", "Anna Berg"),
        ("The Reuters' figures are wrong", "Paul Marek"),
    ]
