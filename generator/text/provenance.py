"""Does a quote or figure really occur in its article? Matching after typographic normalisation."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        "\u2026": "...",
        "\u00a0": " ",
    }
)
_WHITESPACE = re.compile(r"\s+")
# Letters of scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar; and Hangul, whose
# particles attach to a number: "3,870건"): a figure may touch them, so they end a token as a space would.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3005-\u3007\u3040-\u30ff\u3100-\u312f"
    "\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\U00020000-\U0003134f]"
)
_DASH_RUN = re.compile(r"-{2,}")


def normalise(text: str) -> str:
    """Fold curly quotes, apostrophes, dashes and whitespace runs so typography never decides a match."""
    # translate first: NFKC would turn U+00B4 and U+2033 into sequences the table no longer recognises
    folded = unicodedata.normalize("NFKC", text.translate(_TRANSLATE)).translate(_TRANSLATE)
    return _WHITESPACE.sub(" ", _DASH_RUN.sub("-", folded)).strip()


def contains_quote(article: str, quote: str) -> bool:
    """`article` must already be normalised; a blank quote is never found."""
    needle = normalise(quote)
    return bool(needle) and needle in article


def contains_figure(article: str, value: str) -> bool:
    """The value occurs as a whole token: '3.1' does not match inside '3.10', nor '100' inside '1000'."""
    needle = normalise(value)
    if not needle:
        return False
    start = article.find(needle)
    while start != -1:
        end = start + len(needle)
        if not _continues(article, start - 1, -1) and not _continues(article, end, 1):
            return True
        start = article.find(needle, start + 1)
    return False


def _continues(text: str, index: int, step: int) -> bool:
    if index < 0 or index >= len(text):
        return False
    char = text[index]
    if char.isalnum():
        return not (_UNSPACED.match(char) and not char.isdigit())
    # "1,000" or "3.10": a separator followed (or preceded) by a digit extends the number
    neighbour = index + step
    return char in ".," and 0 <= neighbour < len(text) and text[neighbour].isdigit()


def closest_passage(article: str, needle: str) -> tuple[str, int]:
    """The article passage most like `needle`, and how similar it is in percent."""
    target = normalise(needle)
    alignment = fuzz.partial_ratio_alignment(target, article)
    if alignment is None:
        return "", 0
    start, end = alignment.dest_start, alignment.dest_end
    while start > 0 and article[start - 1].isalnum():  # widen to whole words
        start -= 1
    while end < len(article) and article[end].isalnum():
        end += 1
    return article[start:end], round(alignment.score)
