"""One page per outlet (the source's name): every brief from that outlet, newest first."""

from __future__ import annotations

from collections.abc import Iterator

from slugify import slugify

from ..model import Brief, Corpus
from .kind import Inputs, PageKind

OUTLETS_DIR = "outlets"


def outlet_page(name: str) -> str:
    return f"{OUTLETS_DIR}/{slugify(name) or 'outlet'}.md"


def _pages(corpus: Corpus) -> Iterator[tuple[str, Inputs]]:
    by_page: dict[str, list[Brief]] = {}
    names: dict[str, str] = {}
    for brief in corpus.briefs:  # already newest first
        if brief.source.name:
            page = outlet_page(brief.source.name)
            names.setdefault(page, brief.source.name)  # outlets spelt alike share a page, under the first spelling
            by_page.setdefault(page, []).append(brief)
    for page, briefs in sorted(by_page.items()):
        yield page, {"outlet": names[page], "outlet_briefs": tuple(briefs)}


KINDS = (PageKind("outlet", _pages, "outlet.md.j2"),)
