"""Who said what: the speaker registry (the `speakers:` section of briefs/topics.yml), every quote by its speaker,
and the quotes that two sources give in nearly the same words (link-stage work: pure, in a fixed order).

A speaker's names resolve the way topic names do: the registry's names and aliases, casefolded, then the names and
aliases of person and organisation topics (so the topics' Zelensky / Zelenskyy merge speakers too); a name in
neither is a speaker of its own, its page named after it, spellings with one page name sharing it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from slugify import slugify

from ..errors import Problem
from ..model import Brief, DiffPiece, QuoteEcho, QuoteReport, Speaker, Topic
from ..text.yamlio import Document

SPEAKER_KINDS = {"person", "organisation"}  # the topics whose names name speakers too

# Two quotes of one speaker from different briefs are "the same words" when their folded words (case, quote marks
# and the punctuation around words ignored) score at least RATIO on rapidfuzz's fuzz.ratio (normalised Indel
# similarity of the whole strings: a few changed or added words in twenty), or, when one source quotes a cut of the
# other's words, the shorter has at least PARTIAL_MIN_WORDS words and scores at least PARTIAL on fuzz.partial_ratio
# (its best alignment inside the longer). Measured on the example corpus: Austin's sentence as the DOD transcript and
# DOD News give it ("And ... the Kremlin ... Kursk region" / "[the] Kremlin ... Kursk Region,") scores 98, Singh's
# full sentence and another outlet's cut of it 100 partial; the closest two different statements (Austin's and
# Singh's talking points of the same week, "increasingly concerned that ... Kursk") score 64 whole and 80 partial.
# The word floor keeps two-word fragments ("increasingly concerned") from matching every quote that contains them.
RATIO = 85
PARTIAL = 90
PARTIAL_MIN_WORDS = 6
SHINGLE = 3  # words in a run two quotes must share to be scored at all
COMMON = 200  # a run in more of one speaker's quotes than this is a stock phrase, not a sign of the same words

_EDGE_PUNCTUATION = ",.;:!?\"'“”‘’«»()…—–-"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_INDEX = "index"  # speakers/index.md is the speakers index: no speaker's page may take its name


@dataclass(frozen=True)
class SpeakerRegistry:
    """The registry's speakers by slug, and every casefolded name and alias (the registry's, then the person and
    organisation topics') to its slug."""

    speakers: dict[str, Speaker]
    lookup: dict[str, str]


def speaker_slug(name: str) -> str:
    slug = slugify(name) or "speaker"
    return f"{slug}-1" if slug == _INDEX else slug


def validate_speakers(doc: Document | None, topics: dict[str, Topic]) -> tuple[SpeakerRegistry, list[Problem]]:
    """The `speakers:` section of topics.yml (its schema checked with the rest of the file by validate_topics):
    a name or alias given to two speakers, or two speakers with one page name, is an error at the entry's line."""
    speakers: dict[str, Speaker] = {}
    lookup: dict[str, str] = {}
    problems: list[Problem] = []
    entries = doc.data.get("speakers") if doc is not None and isinstance(doc.data, dict) else None
    for index, entry in enumerate(entries if isinstance(entries, list) else ()):
        assert doc is not None
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            continue  # the schema error says what is wrong with it
        where = doc.location(("speakers", index))
        name = " ".join(entry["name"].split())
        speaker = Speaker(
            speaker_slug(name),
            name,
            tuple(" ".join(str(a).split()) for a in entry.get("aliases") or ()),
            " ".join(str(entry.get("description") or "").split()),
        )
        if speaker.slug in speakers:
            other = speakers[speaker.slug].name
            problems.append(
                Problem(
                    where,
                    f"speaker {name!r} has the same page name '{speaker.slug}' as {other!r}; "
                    "rename one or make it an alias",
                )
            )
            continue
        for alias in (speaker.name, *speaker.aliases):
            key = alias.casefold()
            if key in lookup and lookup[key] != speaker.slug:
                problems.append(
                    Problem(
                        where,
                        f"{alias!r} already names speaker {speakers[lookup[key]].name!r}; "
                        "an alias may belong to one speaker only",
                    )
                )
            lookup.setdefault(key, speaker.slug)
        speakers[speaker.slug] = speaker
    for topic in topics.values():
        if topic.kind in SPEAKER_KINDS:
            slug = lookup.get(topic.name.casefold()) or speaker_slug(topic.name)
            for alias in (topic.name, *topic.aliases):
                lookup.setdefault(alias.casefold(), slug)
            speakers.setdefault(slug, Speaker(slug, topic.name, topic.aliases, topic.description))
    return SpeakerRegistry(dict(sorted(speakers.items())), lookup), problems


@dataclass(frozen=True)
class SpeakerIndex:
    """What the link stage adds to the Corpus for speakers (see Corpus)."""

    speakers: dict[str, Speaker]
    quotes_by_speaker: dict[str, tuple[QuoteReport, ...]]
    speaker_order: tuple[str, ...]
    quote_speakers: dict[str, tuple[str, ...]]
    echoes: dict[tuple[str, int], tuple[QuoteEcho, ...]]


def index_speakers(ordered: tuple[Brief, ...], registry: SpeakerRegistry | None) -> SpeakerIndex:
    """Every quote under its speaker (briefs newest first, then the brief's own order), the speakers most quoted
    first, and each quote's versions in other briefs."""
    registry = registry or SpeakerRegistry({}, {})
    found: dict[str, Speaker] = {}
    by_speaker: dict[str, list[QuoteReport]] = defaultdict(list)
    quote_speakers: dict[str, tuple[str, ...]] = {}
    for brief in ordered:
        slugs = []
        for index, quote in enumerate(brief.quotes):
            slug = registry.lookup.get(quote.speaker.casefold()) or speaker_slug(quote.speaker)
            # unregistered spellings with one page name share it, under the first spelling (as outlets do)
            found.setdefault(slug, registry.speakers.get(slug) or Speaker(slug, quote.speaker))
            by_speaker[slug].append(QuoteReport(brief, quote, index))
            slugs.append(slug)
        quote_speakers[brief.slug] = tuple(slugs)
    quotes = {slug: tuple(reports) for slug, reports in sorted(by_speaker.items())}
    order = tuple(sorted(quotes, key=lambda s: (-len(quotes[s]), found[s].name.casefold(), s)))
    echoes: dict[tuple[str, int], list[QuoteEcho]] = defaultdict(list)
    for reports in quotes.values():
        for a, b, score in _pairs(reports):
            echoes[(a.brief.slug, a.index)].append(QuoteEcho(b, score, word_diff(a.quote.text, b.quote.text)))
            echoes[(b.brief.slug, b.index)].append(QuoteEcho(a, score, word_diff(b.quote.text, a.quote.text)))
    position = {brief.slug: n for n, brief in enumerate(ordered)}
    return SpeakerIndex(
        dict(sorted(found.items())),
        quotes,
        order,
        quote_speakers,
        {
            key: tuple(sorted(items, key=lambda e: (position[e.other.brief.slug], e.other.index)))
            for key, items in sorted(echoes.items())
        },
    )


def _pairs(reports: tuple[QuoteReport, ...]) -> list[tuple[QuoteReport, QuoteReport, int]]:
    """Every pair of one speaker's quotes from different briefs in nearly the same words, each pair once (the
    earlier report first), with its score. Only quotes sharing a run of SHINGLE words are scored (an index, not
    every quote against every other: a speaker quoted 2,000 times took 11 s scored pairwise); near-identical
    quotes of six words or more always share one, and a run found in more than COMMON quotes says nothing."""
    folded = [fold(r.quote.text) for r in reports]
    words = [text.split() for text in folded]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n, split in enumerate(words):
        for shingle in dict.fromkeys(_shingles(split)):
            index[shingle].append(n)
    candidates: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) <= COMMON:
            candidates.update((i, j) for k, i in enumerate(members) for j in members[k + 1 :])
    pairs = []
    for i, j in sorted(candidates):
        if reports[i].brief.slug == reports[j].brief.slug:
            continue
        score = fuzz.ratio(folded[i], folded[j], score_cutoff=RATIO)
        if not score and min(len(words[i]), len(words[j])) >= PARTIAL_MIN_WORDS:
            score = fuzz.partial_ratio(folded[i], folded[j], score_cutoff=PARTIAL)
        if score:
            pairs.append((reports[i], reports[j], round(score)))
    return pairs


def _shingles(words: list[str]) -> list[tuple[str, ...]]:
    """The quote's runs of SHINGLE words (a shorter quote is one run of all its words)."""
    if len(words) < SHINGLE:
        return [tuple(words)] if words else []
    return [tuple(words[n : n + SHINGLE]) for n in range(len(words) - SHINGLE + 1)]


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A quote's words as compared: casefolded, apostrophes as one, punctuation around each word dropped (brackets,
    an editor's insertion, are kept: "[the]" is not "the")."""
    return " ".join(key for key in (_key(word) for word in text.split()) if key)


def _key(word: str) -> str:
    return word.translate(_APOSTROPHES).strip(_EDGE_PUNCTUATION).casefold()


_SPACE = re.compile(r"\s+")


def word_diff(this: str, other: str) -> tuple[DiffPiece, ...]:
    """`this` quote's words against `other`'s, word by word (rapidfuzz's Levenshtein opcodes over the folded words):
    runs both share ("same"), words one has in place of the other's ("changed"), words only one has at the start or
    end, where a source cut the quote ("trimmed"), and words only one has inside it ("added"). Each piece keeps the
    words as each quote writes them."""
    mine, theirs = _SPACE.split(this.strip()), _SPACE.split(other.strip())
    ops = Levenshtein.opcodes([_key(w) for w in mine], [_key(w) for w in theirs])
    pieces = []
    last = len(ops) - 1
    for n, op in enumerate(ops):
        if op.tag == "equal":
            kind = "same"
        elif op.tag == "replace":
            kind = "changed"
        else:
            kind = "trimmed" if n in (0, last) else "added"
        pieces.append(
            DiffPiece(kind, " ".join(mine[op.src_start : op.src_end]), " ".join(theirs[op.dest_start : op.dest_end]))
        )
    return tuple(pieces)
