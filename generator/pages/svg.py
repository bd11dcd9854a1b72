"""A tiny SVG builder: element and attribute names come from our code, every value and text is escaped.

Charts and the topic map are inline SVG in the Markdown pages (raw HTML that Markdown passes through untouched), so
this is the one place their markup is made: `tag()` escapes every attribute value and every string child, and only
Markup children (other `tag()` results) go in as they are.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

_NAME = re.compile(r"^[a-zA-Z][a-zA-Z0-9:-]*$")
_CHECKED_NAMES: set[str] = set()  # names come from our code, so each is checked once, not on every element
Child = str | Markup | None


def tag(name: str, attrs: dict[str, object] | None = None, *children: Child) -> Markup:
    """<name attr="value" ...>children</name>; None attributes and children are left out."""
    _check_name(name)
    parts = [name]
    for key, value in (attrs or {}).items():
        _check_name(key)
        if value is None:
            continue
        if isinstance(value, float):
            parts.append(f'{key}="{number(value)}"')
        elif isinstance(value, int):  # numbers need no escaping (and are the most common value)
            parts.append(f'{key}="{value}"')
        else:
            parts.append(f'{key}="{escape(str(value))}"')
    inner = "".join(child if isinstance(child, Markup) else escape(child) for child in children if child is not None)
    return Markup(f"<{' '.join(parts)}>{inner}</{name}>")


def _check_name(name: str) -> None:
    if name not in _CHECKED_NAMES:
        if not _NAME.match(name):
            raise ValueError(f"not an element or attribute name: {name!r}")
        _CHECKED_NAMES.add(name)


def escape(text: str) -> str:
    """Text for HTML/SVG content and double-quoted attributes; newlines become spaces (a raw HTML block in Markdown
    ends at a blank line, so generated markup stays on one line)."""
    return html.escape(" ".join(str(text).split()), quote=True)


def number(value: float) -> str:
    """Coordinates with one decimal at most, no '-0': the same input always gives the same bytes."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def shorten(text: str, limit: int) -> str:
    """Cut editor text to `limit` characters at a word boundary (before escaping, so no entity is ever cut)."""
    flat = " ".join(str(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut).rstrip(" ,;:·-") + "…"
