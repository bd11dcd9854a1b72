"""The editor's review of drafted items. `briefing check` lists every quote and figure that still carries the
drafter's `drafted:` entry (how it was found, how sure the rule is) and every quote whose speaker the article does not
name near it; `briefing review` turns `drafted:` entries into `reviewed: true`, in place, so the editor's comments,
order and formatting stay as they were."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..build import Project, check
from ..errors import BriefingError, Location, Problem, display_path
from ..model import Corpus
from ..stages.write import write_atomic
from ..text import textio, yamlio
from ..text.yamlio import Document
from .pipeline import extract
from .speakercheck import speaker_doubts

SECTIONS = ("quotes", "key_figures")
Item = tuple[str, int]


def drafted_items(doc: Document) -> list[Item]:
    """Every quote and figure that still carries the drafter's `drafted:` entry, in file order."""
    data = doc.data if isinstance(doc.data, dict) else {}
    found = []
    for section in SECTIONS:
        items = data.get(section)
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and "drafted" in item:
                found.append((section, index))
    return sorted(found, key=lambda item: doc.line((*item, "drafted")))


def item_at_line(doc: Document, line: int) -> Item | None:
    """The quote or figure whose entry spans `line` (from its `- ` to the line before the next item), if any."""
    starts = sorted((doc.line(item), item) for item in _all_items(doc))
    chosen = None
    for start, item in starts:
        if start <= line:
            chosen = item
    return chosen


def mark_reviewed(text: str, doc: Document, items: Iterable[Item]) -> str:
    """`text` with the `drafted:` entry of each of `items` replaced by `reviewed: true` at the same indentation."""
    lines = text.split("\n")
    for section, index in sorted(items, key=lambda item: -doc.line((*item, "drafted"))):
        first = doc.line((section, index, "drafted")) - 1
        column = lines[first].find("drafted:")  # after `- ` when it is the item's first key
        prefix = lines[first][:column]
        last = first + 1
        while last < len(lines) and (not lines[last].strip() or _indent(lines[last]) > column):
            last += 1
        while last > first + 1 and not lines[last - 1].strip():
            last -= 1  # blank lines after the entry belong to the file, not to it
        lines[first:last] = [prefix + "reviewed: true"]
    return "\n".join(lines)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _all_items(doc: Document) -> list[Item]:
    data = doc.data if isinstance(doc.data, dict) else {}
    return [
        (section, index)
        for section in SECTIONS
        for index in range(len(data[section]) if isinstance(data.get(section), list) else 0)
    ]


# --- what `briefing check` tells the editor, and what `briefing review` does -----------------------------------------

_SPEAKER_KINDS = ("person", "organisation")


@dataclass(frozen=True)
class Reviewed:
    """What `briefing review` did to one annotation."""

    path: Path
    marked: int
    left: int  # drafted items still awaiting review


def check_annotations(project: Project) -> tuple[Corpus, list[Problem]]:
    """`briefing check`: every error of every file (raised), then the warnings, with the editor's review list:
    each drafted item not yet reviewed, and each quote whose speaker the article does not name near it."""
    corpus, warnings = check(project)
    return corpus, [*warnings, *review_warnings(project, corpus)]


def review_warnings(project: Project, corpus: Corpus) -> list[Problem]:
    aliases = _speaker_aliases(corpus)
    found: list[Problem] = []
    for brief in corpus.briefs:
        path = project.briefs_dir / f"{brief.slug}.yml"
        doc = _load(path, display_path(path, project.root))
        found += [_awaits_review(doc, item, brief.slug) for item in drafted_items(doc)]
        found += _speaker_warnings(doc, brief.article_text, aliases)
    return found


def review(project: Project, slug: str, line: int | None = None) -> Reviewed:
    """Mark every drafted item of briefs/<slug>.yml as reviewed, or only the one that spans `line`."""
    path = project.briefs_dir / f"{slug}.yml"
    where = display_path(path, project.root)
    if not path.is_file():
        raise BriefingError(
            Location(where), "no such annotation: give the slug of a brief, the name of its briefs/<slug>.yml"
        )
    text = textio.read_text(path, where, textio.MAX_ANNOTATION_BYTES)
    doc = yamlio.load(text, where)
    items = drafted_items(doc)
    if line is not None:
        item = item_at_line(doc, line)
        if item not in items:
            raise BriefingError(Location(where, line), "no drafted quote or figure awaiting review at this line")
        items = [item]
    marked = mark_reviewed(text, doc, items)
    left = len(drafted_items(yamlio.load(marked, where)))  # the result must still load before it replaces the file
    if items:
        write_atomic(path, marked.encode("utf-8"))
    return Reviewed(path, len(items), left)


def _load(path: Path, where: str) -> Document:
    return yamlio.load(textio.read_text(path, where, textio.MAX_ANNOTATION_BYTES), where)


def _awaits_review(doc: Document, item: Item, slug: str) -> Problem:
    section, index = item
    entry = doc.data[section][index]
    drafted = entry["drafted"] if isinstance(entry.get("drafted"), dict) else {}
    what = (
        f'quote "{_short(entry.get("text"))}" ({entry.get("speaker")})'
        if section == "quotes"
        else (f'figure "{_short(entry.get("value"))}"')
    )
    how = f"{drafted.get('confidence', '?')} confidence, rule {drafted.get('rule', '?')}"
    return Problem(
        doc.location((section, index)),
        f"warning: drafted {what} not yet reviewed ({how}); check it against the article, "
        f"then `briefing review {slug} --line {doc.line((section, index))}`",
    )


def _speaker_warnings(doc: Document, article: str, aliases: dict[str, list[str]]) -> list[Problem]:
    quotes = doc.data.get("quotes") if isinstance(doc.data, dict) else None
    entries = [(i, q) for i, q in enumerate(quotes or []) if isinstance(q, dict) and q.get("reviewed") != "true"]
    if not entries:
        return []
    pairs = [(str(q.get("text", "")), str(q.get("speaker", ""))) for _, q in entries]
    doubts = speaker_doubts(article, pairs, aliases)
    if doubts:  # only then is the drafter's reading of the article worth its time
        doubts = speaker_doubts(article, pairs, aliases, extract(article))
    problems = []
    for doubt in doubts:
        index = entries[doubt.index][0]
        nearest = f'nearest mention: "{_short(doubt.nearest)}"' if doubt.nearest else "named nowhere in the article"
        problems.append(
            Problem(
                doc.location(("quotes", index, "speaker")),
                f'warning: speaker "{doubt.speaker}" is not named within two paragraphs of the quote '
                f'"{_short(doubt.quote)}" ({nearest}); check who said it, then add `reviewed: true` to the quote',
            )
        )
    return problems


def _speaker_aliases(corpus: Corpus) -> dict[str, list[str]]:
    """Every name of each person or organisation in the topic registry, by each of its names (casefolded)."""
    aliases: dict[str, list[str]] = {}
    for topic in corpus.topics.values():
        if topic.kind in _SPEAKER_KINDS:
            names = [topic.name, *topic.aliases]
            for name in names:
                aliases[name.casefold()] = [n for n in names if n != name]
    return aliases


def _short(text: object, limit: int = 50) -> str:
    words = " ".join(str(text or "").split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"
