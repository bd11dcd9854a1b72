"""Does a quote or figure really occur in its article? Matching after typographic normalisation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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
_WHITESPACE_TO_FOLD = re.compile(r"\s{2,}|[^\S ]")  # the runs _WHITESPACE changes: not a lone space


def normalise(text: str) -> str:
    """Fold curly quotes, apostrophes, dashes and whitespace runs so typography never decides a match."""
    return _WHITESPACE.sub(" ", _DASH_RUN.sub("-", _fold(text))).strip()


def _fold(text: str) -> str:
    # translate first: NFKC would turn U+00B4 and U+2033 into sequences the table no longer recognises
    return unicodedata.normalize("NFKC", text.translate(_TRANSLATE)).translate(_TRANSLATE)


def contains_quote(article: str, quote: str) -> bool:
    """`article` must already be normalised; a blank quote is never found."""
    needle = normalise(quote)
    return bool(needle) and needle in article


def contains_figure(article: str, value: str) -> bool:
    """The value occurs as a whole token: '3.1' does not match inside '3.10', nor '100' inside '1000'."""
    return find_figure(article, value) is not None


def find_quote(article: str, quote: str) -> tuple[int, int] | None:
    """Where contains_quote finds `quote` in the normalised `article`: its first occurrence, as (start, end)."""
    needle = normalise(quote)
    start = article.find(needle) if needle else -1
    return (start, start + len(needle)) if start != -1 else None


def find_figure(article: str, value: str) -> tuple[int, int] | None:
    """Where contains_figure finds `value` in the normalised `article`: its first whole-token occurrence."""
    needle = normalise(value)
    if not needle:
        return None
    start = article.find(needle)
    while start != -1:
        end = start + len(needle)
        if not _continues(article, start - 1, -1) and not _continues(article, end, 1):
            return start, end
        start = article.find(needle, start + 1)
    return None


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


@dataclass(frozen=True)
class Folded:
    """A text's normalised form, with the way back: normalised character i comes from the original characters
    `starts[i]:ends[i]` (one character mostly; several for a folded run of spaces or dashes)."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of original characters that normalised characters start:end come from."""
        return self.starts[start], self.ends[end - 1]


# A word holding a character that folding may change (anything but ASCII, and the backtick): NFKC composes within
# a word, never across whitespace, so such words fold on their own and everything between them stays as it is.
_SPECIAL = re.compile(r"\S*[^\x00-\x5f\x61-\x7f\s]\S*")


def fold(text: str) -> Folded | None:
    """`normalise(text)` with each of its characters traced to the original ones; None in the rare text where
    folding piece by piece does not give what folding the whole text gives (then nothing can be traced)."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for match in _SPECIAL.finditer(text):
        _trace(text[position : match.start()], position, pieces, starts, ends)
        _trace(match[0], match.start(), pieces, starts, ends)
        position = match.end()
    _trace(text[position:], position, pieces, starts, ends)
    folded_text = "".join(pieces)
    for pattern, replacement in ((_DASH_RUN, "-"), (_WHITESPACE_TO_FOLD, " ")):
        folded_text, starts, ends = _collapse(pattern, replacement, folded_text, starts, ends)
    lead = len(folded_text) - len(folded_text.lstrip())
    stripped = folded_text.strip()
    if stripped != normalise(text):
        return None
    return Folded(stripped, tuple(starts[lead : lead + len(stripped)]), tuple(ends[lead : lead + len(stripped)]))


def _trace(chunk: str, start: int, pieces: list[str], starts: list[int], ends: list[int]) -> None:
    if chunk.isascii() and "`" not in chunk:  # NFKC and the table leave these characters as they are
        starts.extend(range(start, start + len(chunk)))
        ends.extend(range(start + 1, start + len(chunk) + 1))
        pieces.append(chunk)
        return
    folded = _fold(chunk)
    each = [_fold(char) for char in chunk]
    if "".join(each) == folded:  # character by character ("\u2026" -> "...", a ligature -> two letters)
        for offset, part in enumerate(each):
            starts.extend([start + offset] * len(part))
            ends.extend([start + offset + 1] * len(part))
    else:  # composed across characters (e + U+0301 -> é): the whole word stands for each of its characters
        starts.extend([start] * len(folded))
        ends.extend([start + len(chunk)] * len(folded))
    pieces.append(folded)


def _collapse(
    pattern: re.Pattern[str], replacement: str, text: str, starts: list[int], ends: list[int]
) -> tuple[str, list[int], list[int]]:
    """pattern.sub(replacement, text) for one-character replacements, keeping the trace of every character."""
    out, new_starts, new_ends, last = [], [], [], 0
    for match in pattern.finditer(text):
        out.append(text[last : match.start()] + replacement)
        new_starts += starts[last : match.start() + 1]
        new_ends += [*ends[last : match.start()], ends[match.end() - 1]]
        last = match.end()
    if not out:
        return text, starts, ends
    out.append(text[last:])
    return "".join(out), new_starts + starts[last:], new_ends + ends[last:]
