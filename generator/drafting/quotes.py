"""Every direct quotation with its speaker; scare quotes (a word or two with nobody saying them) left out."""

from __future__ import annotations

from dataclasses import dataclass

from .names import Person, find_people
from .speakers import Attribution, attribute
from .text import Article, analyse

UNKNOWN_SPEAKER = "UNKNOWN"
# An unattributed quotation shorter than this, and not a sentence of its own, is a term or a scare quote.
MIN_UNATTRIBUTED_WORDS = 5
# An attributed fragment needs at least one word; "the" in quotation marks is typography, not a quote.
_TRAILING = " ,\u00a0"


@dataclass(frozen=True)
class DraftQuote:
    text: str
    speaker: str
    role: str | None
    offset: int
    attributed: bool

    @property
    def words(self) -> int:
        return len(self.text.split())


def extract_quotes(text: str, article: Article | None = None, people: list[Person] | None = None) -> list[DraftQuote]:
    article = article or analyse(text)
    people = find_people(text) if people is None else people
    found: list[DraftQuote] = []
    seen: set[str] = set()
    for quoted, attribution in zip(article.quotes, attribute(article, article.quotes, people), strict=True):
        content = text[quoted.start : quoted.end].strip().rstrip(_TRAILING).strip()
        if content[:1].islower():
            content = content.rstrip(".").rstrip()  # a fragment: the full stop is the sentence's
        if not _is_quotation(content, attribution):
            continue
        key = " ".join(content.casefold().split())
        if key in seen:
            continue
        seen.add(key)
        speaker = attribution.speaker if attribution else UNKNOWN_SPEAKER
        role = attribution.role if attribution else None
        found.append(DraftQuote(content, speaker, role, quoted.start, attribution is not None))
    return found


def _is_quotation(content: str, attribution: Attribution | None) -> bool:
    if not any(ch.isalpha() for ch in content):
        return False
    if attribution is not None:
        return True
    sentence_like = content.rstrip("\"'”’)").endswith((".", "?", "!", "…")) and len(content.split()) >= 3
    return sentence_like or len(content.split()) >= MIN_UNATTRIBUTED_WORDS
