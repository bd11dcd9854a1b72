"""Every direct quotation with its speaker; scare quotes (a word or two with nobody saying them) left out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import words
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
    rule: str = ""  # how the speaker was found: after, before, according, lead-in, pronoun, description, ...
    confidence: str = "low"  # of the speaker: high, medium, low
    span: tuple[int, int] = (0, 0)  # character offsets of the quoted text in the article

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
        if not _is_quotation(content, attribution) or _is_name(text, quoted.open, quoted.end, content, attribution):
            continue
        key = " ".join(content.casefold().split())
        if key in seen:
            continue
        seen.add(key)
        speaker = attribution.speaker if attribution else UNKNOWN_SPEAKER
        role = attribution.role if attribution else None
        rule = attribution.how if attribution else "unattributed"
        confidence = attribution.confidence if attribution else "low"
        begin = text.find(content, quoted.start)
        span = (begin, begin + len(content)) if begin >= 0 else (quoted.start, quoted.end)
        found.append(DraftQuote(content, speaker, role, quoted.start, attribution is not None, rule, confidence, span))
    return found


def _is_quotation(content: str, attribution: Attribution | None) -> bool:
    if not any(ch.isalpha() for ch in content):
        return False
    if attribution is not None:
        return True
    sentence_like = content.rstrip("\"'”’)").endswith((".", "?", "!", "…")) and len(content.split()) >= 3
    return sentence_like or len(content.split()) >= MIN_UNATTRIBUTED_WORDS


_NAMING = re.compile(
    r"(?:\b(?:named|called|labelled|labeled|titled|entitled|nicknamed|known\s+as|such\s+as|the|a|an|its|their|his|her)"
    r"|\band)\s*$",
    re.IGNORECASE,
)
_SMALL_WORDS = words("a an and the of to in on at for by with vs vs. or up out")


def _is_name(text: str, open_: int, end: int, content: str, attribution: Attribution | None) -> bool:
    """A title or a name in quotation marks: 'a robot named "Better Idea of Afghan Girls"', 'the "History"
    section', 'programmes such as 'Keeping up with the Kardashians''. Not a quote even when a speaker is near."""
    tokens = [t for t in re.findall(r"[\w'’.#-]+", content) if any(ch.isalpha() for ch in t)]
    if not tokens or len(tokens) > 8:
        return False
    title_case = all(t[0].isupper() or t.lower() in _SMALL_WORDS or t[0].isdigit() for t in tokens)
    title_case = title_case and sum(t[0].isupper() for t in tokens) >= max(1, len(tokens) // 2)
    before = text[max(0, open_ - 30) : open_]
    named = bool(_NAMING.search(before)) and (title_case or before.rstrip().lower().endswith(("named", "called")))
    if named and (attribution is None or attribution.how not in ("after", "before")):
        return True
    if named and before.rstrip().lower().endswith(("named", "called", "titled", "entitled", "labelled", "such as")):
        return True
    if re.search(r"\b(?:the|a|an)\s*$", before, re.IGNORECASE) and re.match(r"\W?\s+[a-z]+\b", text[end : end + 20]):
        return title_case  # the "History" section
    return title_case and not content.rstrip().endswith(("?", "!", "."))
