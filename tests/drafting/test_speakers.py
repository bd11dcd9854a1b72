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


def quotes_of(article: str) -> list[tuple[str, str, str]]:
    return [(q.text, q.speaker, q.confidence) for q in extract_quotes(article)]


@pytest.mark.parametrize(
    ("article", "speaker"),
    [
        # pronouns with gender: the nearest compatible person, not simply the last speaker
        (
            "“We will look at it,” Tom Baird said. Agency spokeswoman Sara Lind told reporters the matter was "
            "closed. “We take security seriously,” she said.",
            "Sara Lind",
        ),
        ("Ms Okafor, 52, runs the clinic. She explained that “nobody here is turned away at the door”.", "Okafor"),
        # description chains back to the last compatible named person
        ("Minister Anna Berg spoke first. “We are ready for this,” the minister said.", "Anna Berg"),
        ("Jonah Mensah, 19, scored twice. “I just hit it as hard as I could,” the 19-year-old said.", "Jonah Mensah"),
        # title and surname, also misspelt
        ("Lydia Buchtmann leads the review. “It will take time to get right,” Ms Bauchtman said.", "Lydia Buchtmann"),
        # "it said" for an organisation, acronyms expanded
        (
            "The Korean Central News Agency (KCNA) reported the move. “The enemy will be punished,” said KCNA.",
            "Korean Central News Agency",
        ),
        # colon-introduced quotes and lead-in paragraphs
        ("Crime minister Jeremy Browne said:\n\n‘Young people feel confused about drugs.’", "Jeremy Browne"),
        (
            "The Senator from Alaska, explaining her vote, tried to deflect blame, writing: "
            "“There will be no fair trial.”",
            "The Senator from Alaska",
        ),
        # verbs beyond "said"
        ("The city reasoned, “because users pay a fee, this is a commercial activity”.", "The city"),
        ("Anna Berg insisted that the scheme remains “fair to every applicant”.", "Anna Berg"),
        ("Anna Berg highlighted the risk: “Costs could double within a year.”", "Anna Berg"),
        ("Critics were angry, with one poster writing “How can people look at both sides?”", "one poster"),
        ("In the words of the Crown prosecutor, Mark Tedeschi, QC, “She spent months crying.”", "Mark Tedeschi"),
        ("“Prices will fall,” said the post by an unknown author on the forum.", "an unknown author"),
    ],
)
def test_resolution_patterns(article: str, speaker: str) -> None:
    assert extract_quotes(article)[-1].speaker == speaker


def test_an_anonymous_source_is_kept_as_written_and_not_high_confidence() -> None:
    article = "Anna Berg spoke on Monday. “The talks are over,” a senior European diplomat said."
    [quote] = extract_quotes(article)
    assert quote.speaker == "a senior European diplomat" and quote.confidence != "high"


def test_a_quotation_over_paragraphs_is_one_quote_per_paragraph() -> None:
    article = (
        "After the match, Hernan Gomez, Panama coach, said, “We have learned a lot today.\n\n"
        "It was a very emotional day.”\n\n“We will be back,” Gomez added."
    )
    found = quotes_of(article)
    assert [q[0] for q in found] == ["We have learned a lot today.", "It was a very emotional day.", "We will be back"]
    assert {q[1] for q in found} == {"Hernan Gomez"}


def test_a_transcript_turn_gives_the_speaker() -> None:
    article = (
        "She introduced the President of the United States, Joe Biden.\n\nTHE VICE PRESIDENT:\n\nThank you.\n\n"
        "THE PRESIDENT:\n\nWell, I was going to say “good afternoon,” but we are late."
    )
    assert extract_quotes(article)[0].speaker == "Joe Biden"


def test_british_single_quotes_and_apostrophes() -> None:
    article = (
        "Jeremy Browne said: ‘We know FRANK works, and Reuters’ figures don’t lie.’ One advert shows a ‘joint’ of meat."
    )
    assert [q[:2] for q in quotes_of(article)] == [
        ("We know FRANK works, and Reuters’ figures don’t lie.", "Jeremy Browne")
    ]


def test_names_and_titles_in_quotation_marks_are_not_quotes() -> None:
    article = (
        "The robot, named “Better Idea of Afghan Girls,” scored. Shows such as “Keeping up with the Kardashians” ran."
    )
    assert quotes_of(article) == []


def test_every_quote_says_how_it_was_found() -> None:
    text = "“Prices will fall,” said Anna Berg. “They will fall fast,” she added."
    first, second = extract_quotes(text)
    assert (first.rule, first.confidence) == ("after", "high")
    assert second.speaker == "Anna Berg" and second.confidence in ("high", "medium")
    assert text[first.span[0] : first.span[1]] == first.text


def test_a_list_of_titles_after_the_name_is_the_role_not_the_speaker() -> None:
    article = (
        "Growth is up. Anna Berg, Vice-President for the Euro and Social Dialogue, also in charge of Financial "
        "Stability, Financial Services and Capital Markets Union, said: “The time to repair the roof is now.” "
        "Paul Marek, Commissioner for Economic and Financial Affairs, Taxation and Customs, said: “Growth is back.”"
    )
    [first, second] = extract_quotes(article)
    assert (first.speaker, first.confidence) == ("Anna Berg", "high")
    assert first.role is not None and first.role.startswith("Vice-President for the Euro")
    assert second.speaker == "Paul Marek"


def test_a_clause_after_the_name_is_not_a_title_list() -> None:
    article = "Anna Berg, who met them, was clear, and Paul Marek, the mayor, said: “We agree on the plan.”"
    assert speakers(article)[0][0] == "Paul Marek"


def test_a_pronoun_inside_a_speakers_own_words_does_not_give_them_its_gender() -> None:
    article = (
        "Anna Berg spoke first. “We disagree with the plan,” said Paul Marek. "
        "“She called it a disaster and we disagree,” he added."
    )
    assert speakers(article)[-1][0] == "Paul Marek"


def test_i_in_a_speech_is_the_one_who_delivered_it() -> None:
    article = (
        "Floor speech on the bill\n\nSpeaker Anna Berg delivered remarks on the Floor in support of the bill.\n\n"
        "They asked me about the bill. I said, ‘Only if you think it is worthy of your brother.’"
    )
    [quote] = extract_quotes(article)
    assert (quote.speaker, quote.rule, quote.confidence) == ("Anna Berg", "orator", "medium")


def test_i_without_a_speech_introduction_is_not_guessed() -> None:
    article = "Anna Berg met them on Monday.\n\nPaul Marek wrote in a letter: I said, “Only if you think it is worthy.”"
    assert all(quote.rule != "orator" for quote in extract_quotes(article))


def test_a_description_opening_the_sentence_is_marked_for_review() -> None:
    [quote] = extract_quotes("The poster wrote: “They will not stop us, whatever they try to do next.”")
    assert (quote.speaker, quote.confidence) == ("The poster", "medium")
    [quote] = extract_quotes("The Home Office said: “We will not comment on leaked documents of any kind.”")
    assert quote.confidence == "high"


def test_and_then_a_new_speaker_after_a_quote_attributes_the_next_quote() -> None:
    article = "Mr Marek, when he said, ‘His name means something,’ and that, as his daughter Gianna said, ‘Daddy won’."
    assert speakers(article)[0][0] == "Marek"


def test_a_plural_possessive_mark_closes_a_single_quote_left_open() -> None:
    article = "Exports Minister Anna Berg has praised the UK’s ‘world-class’ exporters.\n\nReuters’ figures agree."
    assert speakers(article) == [("Anna Berg", "Exports Minister")]


def test_a_bare_title_in_a_headline_is_the_person_who_holds_it() -> None:
    article = "Minister hails ‘world-class’ exporters\n\nExports Minister Anna Berg spoke in London on Monday."
    [quote] = extract_quotes(article)
    assert (quote.speaker, quote.confidence) == ("Anna Berg", "medium")
    [quote] = extract_quotes("Minister hails ‘world-class’ exporters\n\nNobody else spoke in London on Monday.")
    assert (quote.speaker, quote.confidence) == ("Minister", "medium")


def test_it_said_before_anyone_spoke_is_the_body_the_sentence_before_opens_with() -> None:
    [quote] = extract_quotes("The ministry denied the report. “The claims are false and without basis,” it said.")
    assert (quote.speaker, quote.rule, quote.confidence) == ("The ministry", "pronoun", "medium")


def test_a_role_with_a_club_or_country_before_it_is_the_person_who_holds_it() -> None:
    article = (
        "Arsenal manager Mikel Arteta was pleased on Sunday. "
        "“We played very well today and deserved it,” the Arsenal manager said."
    )
    [quote] = extract_quotes(article)
    assert (quote.speaker, quote.rule, quote.confidence) == ("Mikel Arteta", "description", "medium")


def test_an_unresolved_description_with_a_proper_modifier_is_for_review() -> None:
    [quote] = extract_quotes("“We played very well today and deserved it,” the Arsenal manager said.")
    assert (quote.speaker, quote.confidence) == ("the Arsenal manager", "medium")
