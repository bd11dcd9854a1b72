"""Words for people and what they tell about them: nouns that describe a person ("the minister", "the
52-year-old"), nouns that name an organisation's voice ("the ministry", "the company"), gendered words and
anonymous sources. Shared by the speaker rules (description chains, pronouns) and the figure rules (ages)."""

from __future__ import annotations

from .lexicon import words

# Nouns that describe one person: "the minister", "the Arsenal manager", "a senior European diplomat".
PERSON_NOUNS = words(
    """
    teenager youngster veteran striker midfielder defender goalkeeper forward winger manager coach player captain
    minister president official spokesman spokeswoman spokesperson analyst economist scientist researcher professor
    author writer chief executive boss founder chairman chairwoman chair director leader senator governor mayor
    lawmaker diplomat general commander officer soldier defector woman man mother father actor actress singer star
    champion driver rider pilot doctor lawyer prosecutor judge attorney barrister solicitor detective inspector
    superintendent constable spokesperson representative congressman congresswoman chancellor secretary ambassador
    envoy negotiator adviser advisor aide strategist expert specialist campaigner activist protester survivor
    victim witness resident student pupil teacher nurse surgeon physician psychologist engineer astronaut
    commissioner regulator trustee lecturer historian editor journalist reporter correspondent columnist blogger
    poster owner investor trader banker farmer worker employee driver mp mep councillor legislator premier
    politician candidate nominee incumbent challenger cardinal bishop priest pastor imam rabbi monk nun king
    queen prince princess boy girl child son daughter husband wife widow brother sister grandmother grandfather
    uncle aunt patient athlete runner swimmer boxer fighter cyclist batsman bowler referee umpire spokesmen
    source insider person individual chairperson ceo cfo founder co-founder head deputy partner mother-of-two
    father-of-two
    """
)
# Plurals of those, for "they" and "the researchers".
PERSON_PLURALS = words(
    """
    researchers scientists officials authors analysts experts economists parents campaigners activists
    protesters residents students teachers doctors nurses lawyers prosecutors investigators police officers
    soldiers players members organisers organizers leaders ministers senators lawmakers sources diplomats
    critics supporters opponents authorities workers families victims survivors witnesses people men women
    children couple coauthors co-authors
    """
)
# Nouns for an organisation speaking as one: "the ministry said", "it said".
ORG_NOUNS = words(
    """
    agency ministry department company firm government city council court committee commission office
    organisation organization group party club board bank police military army navy service union report
    statement letter document study survey website site church newspaper paper broadcaster network channel
    station campaign charity hospital university school institute centre center authority regulator embassy
    administration white house kremlin pentagon
    """
)
MALE = words("he him his himself mr sir lord king prince father son husband brother uncle grandfather man boy")
MALE |= words("spokesman chairman congressman sheikh emir monk priest actor")
FEMALE = words("she her hers herself mrs ms miss dame lady queen princess mother daughter wife sister aunt")
FEMALE |= words("grandmother woman girl spokeswoman chairwoman congresswoman nun actress widow")
# Determiners that make a description anonymous: "a senior European diplomat", "one official", "some analysts".
INDEFINITE = words("a an one some another several two three many other")
# Verbs that introduce a quotation beyond the shared list: "The city reasoned", "the letter reads".
MORE_SPEECH_VERBS = words(
    """
    reason reasons reasoned read reads dub dubs dubbed characterize characterizes characterized characterise
    characterises characterised highlight highlights highlighted highlighting stating state insist insisting
    tell telling describe recount recounting maintain maintains maintained contend contends contended
    """
)
MORE_SPEECH_VERBS |= words(
    """
    promising pledging vowing claiming urging declaring announcing asking suggesting admitting accusing
    reiterating recalling replying responding confirming stressing emphasising emphasizing acknowledging
    """
)
MORE_SPEECH_VERBS |= words("recommend recommends recommended recommending reporting saying")
# Verbs that put a quoted word or phrase in someone's mouth: "praised the UK's ‘world-class’ exporters".
MORE_SPEECH_VERBS |= words("praise praises praised hail hails hailed brand brands branded slam slams slammed")
