"""drafting.review: `drafted:` entries become `reviewed: true` in place; nothing else in the file changes."""

from __future__ import annotations

from generator.drafting.review import drafted_items, item_at_line, mark_reviewed
from generator.text import yamlio

TEXT = """\
title: "T"   # the editor's comment stays
quotes:
  - text: "one"
    speaker: "A"
    drafted: {rule: said-after, confidence: high, span: [10, 13]}
  - drafted:
      rule: pronoun
      confidence: low

      span: [20, 25]
    text: "two"
    speaker: "B"
  - text: "three"
    speaker: "C"
key_figures:
  - value: "3"
    label: "x"
    drafted: {rule: count, confidence: medium, span: [1, 2]}

topics: [a]
"""


def doc(text: str = TEXT) -> yamlio.Document:
    return yamlio.load(text, "briefs/x.yml")


def test_drafted_items_are_listed_in_file_order() -> None:
    assert drafted_items(doc()) == [("quotes", 0), ("quotes", 1), ("key_figures", 0)]


def test_every_drafted_entry_becomes_reviewed_and_nothing_else_changes() -> None:
    marked = mark_reviewed(TEXT, doc(), drafted_items(doc()))
    assert (
        marked
        == """\
title: "T"   # the editor's comment stays
quotes:
  - text: "one"
    speaker: "A"
    reviewed: true
  - reviewed: true
    text: "two"
    speaker: "B"
  - text: "three"
    speaker: "C"
key_figures:
  - value: "3"
    label: "x"
    reviewed: true

topics: [a]
"""
    )
    again = doc(marked)
    assert drafted_items(again) == []
    assert again.data["quotes"][1] == {"reviewed": "true", "text": "two", "speaker": "B"}


def test_one_item_is_marked_by_a_line_inside_it() -> None:
    item = item_at_line(doc(), 8)  # `rule: pronoun`, inside the second quote
    assert item == ("quotes", 1)
    marked = doc(mark_reviewed(TEXT, doc(), [item]))
    assert drafted_items(marked) == [("quotes", 0), ("key_figures", 0)]


def test_a_line_before_any_item_is_no_item() -> None:
    assert item_at_line(doc(), 1) is None
