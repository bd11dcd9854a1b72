"""Mark drafted items as reviewed: each item's `drafted:` entry (how the drafter found it) becomes
`reviewed: true`, in place, so the editor's comments, order and formatting stay as they were."""

from __future__ import annotations

from collections.abc import Iterable

from ..text.yamlio import Document

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
