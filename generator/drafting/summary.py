"""An extractive summary draft: the lead sentence and the one or two sentences that share most of the article's
recurring words, in article order. The editor rewrites it in their own words."""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import words
from .text import Article

MAX_SENTENCES = 3
MAX_CHARS = 700
_WORD = re.compile(r"[A-Za-z][a-z'’-]{3,}")
_STOP = words(
    "that this with from have been were they their there which what when where while will would could should "
    "about after also among because before being between both into more most other over some such than them then "
    "these those through under very what your said says told just like only even many much does made make"
)
_BOILERPLATE = re.compile(
    r"subscribe|newsletter|sign up|follow us|click here|cookies?|all rights reserved|inbox|read more|"
    r"views expressed|further reading|advertisement",
    re.IGNORECASE,
)


def extract_summary(article: Article, title: str | None = None) -> str:
    candidates = []
    for index, sentence in enumerate(article.sentences):
        text = " ".join(article.text[sentence.start : sentence.end].split())
        paragraph_start, paragraph_end = article.paragraphs[sentence.paragraph]
        paragraph_words = len(article.text[paragraph_start:paragraph_end].split())
        words = len(text.split())
        if paragraph_words < 15 or not 8 <= words <= 60 or text[:1] in "\"“‘'" or text.endswith("?"):
            continue
        if _BOILERPLATE.search(text) or (title and text.startswith(title)):
            continue
        candidates.append((index, text))
    if not candidates:
        return " ".join(article.text.split())[:MAX_CHARS].rsplit(" ", 1)[0] or "Summary to be written."
    frequency = Counter(w.lower() for _, text in candidates for w in _WORD.findall(text) if w.lower() not in _STOP)
    title_words = {w.lower() for w in _WORD.findall(title or "")}

    def weight(item: tuple[int, str]) -> float:
        position, text = item
        words = [w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP]
        if not words:
            return 0.0
        score = sum(frequency[w] for w in words) / len(words)
        score += 2 * len(title_words & set(words)) / (len(title_words) or 1)
        score -= 0.5 * text.count("“") + 0.5 * text.count('"')
        return score - 0.05 * position

    lead = candidates[0]
    rest = sorted(candidates[1:], key=lambda item: (-weight(item), item[0]))
    chosen = [lead]
    for item in rest:
        if len(chosen) == MAX_SENTENCES or sum(len(t) for _, t in chosen) + len(item[1]) > MAX_CHARS:
            break
        chosen.append(item)
    return " ".join(text for _, text in sorted(chosen))
