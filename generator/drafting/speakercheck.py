"""Does the article name a quote's speaker near the quote? A check for hand-written annotations as much as for
drafts: a speaker who is named nowhere within two paragraphs of the words, under any alias or by surname, and to
whom the drafter's own attribution (pronouns, descriptions such as "the minister") does not lead either, is worth
a second look."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .. import templating
from ..text import provenance
from .matching import quote_key, same_speaker
from .pipeline import Extracted

WINDOW = 2  # paragraphs either side of the quote's own
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "minister",
    "general",
    "gen",
    "colonel",
    "col",
    "senator",
    "sen",
    "rep",
    "representative",
    "judge",
    "justice",
    "mp",
    "the",
    "a",
    "an",
    "of",
    "and",
    "de",
    "van",
    "von",
    "al",
    "el",
    "bin",
}


@dataclass(frozen=True)
class SpeakerDoubt:
    """One quote whose speaker the article does not name near it; `index` is the quote's place in the annotation."""

    index: int
    speaker: str
    quote: str
    nearest: str | None  # the closest paragraph that does name the speaker, if any


def paragraphs(text: str) -> list[str]:
    """The article's paragraphs as the brief page shows them (templating.paragraphs), folded for matching."""
    return [provenance.normalise(paragraph) for paragraph in templating.paragraphs(text)]


def name_forms(speaker: str, aliases: Mapping[str, Sequence[str]]) -> list[str]:
    """The ways an article may name `speaker`: as written, every alias the topic registry gives the same person,
    and each name word that is not a title (a surname on later mention: "Kirby" for "John Kirby")."""
    names = [speaker, *aliases.get(speaker.casefold(), ())]
    forms = {provenance.normalise(n).casefold() for n in names if n.strip()}
    for name in names:
        for word in re.findall(r"[\w’'-]+", provenance.normalise(name)):
            if len(word) >= 3 and word[0].isupper() and word.casefold() not in _TITLES:
                forms.add(word.casefold())
    return sorted(forms, key=len, reverse=True)


def _names(paragraph: str, forms: Sequence[str]) -> bool:
    folded = paragraph.casefold()
    return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", folded) for form in forms)


def speaker_doubts(
    article: str,
    quotes: Sequence[tuple[str, str]],
    aliases: Mapping[str, Sequence[str]],
    drafted: Extracted | None = None,
) -> list[SpeakerDoubt]:
    """The (text, speaker) quotes whose speaker is not named within WINDOW paragraphs of the quote. `aliases` maps
    a casefolded registry name to its other names; `drafted` (the drafter's reading of the article) excuses a
    quote it attributes to the same speaker through a pronoun or a description."""
    parts = paragraphs(article)
    resolved = {quote_key(q.text): q.speaker for q in (drafted.quotes if drafted else ())}
    doubts = []
    for index, (text, speaker) in enumerate(quotes):
        where = _paragraph_of(parts, text)
        if where is None or not speaker.strip():
            continue  # a quote not in the article is validate's error, not a doubt about its speaker
        forms = name_forms(speaker, aliases)
        if any(_names(p, forms) for p in parts[max(0, where - WINDOW) : where + WINDOW + 1]):
            continue
        drafter_says = resolved.get(quote_key(text))
        if drafter_says and same_speaker(drafter_says, speaker):
            continue
        mentions = [i for i, p in enumerate(parts) if _names(p, forms)]
        nearest = min(mentions, key=lambda i: abs(i - where), default=None)
        doubts.append(SpeakerDoubt(index, speaker, text, None if nearest is None else parts[nearest]))
    return doubts


def _paragraph_of(parts: list[str], text: str) -> int | None:
    needle = provenance.normalise(text).casefold()[:60]
    return next((i for i, p in enumerate(parts) if needle in p.casefold()), None)
