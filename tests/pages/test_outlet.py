"""Outlet pages: one per source name, listing every brief from it, newest first, with links that resolve."""

from __future__ import annotations

import posixpath

from generator.build import Project, check
from generator.stages.render import render_site

from ..conftest import REPO


def test_every_brief_is_on_the_page_of_its_outlet() -> None:
    corpus, _ = check(Project.at(REPO))
    pages = render_site(corpus)
    outlets = {path: text for path, text in pages.items() if path.startswith("outlets/")}
    named = [b for b in corpus.briefs if b.source.name]
    assert outlets and named
    for brief in named:
        page = next(text for text in outlets.values() if f"# {brief.source.name}\n" in text)
        assert f"(../briefs/{brief.slug}.md)" in page
        assert posixpath.normpath(posixpath.join("outlets", f"../briefs/{brief.slug}.md")) in pages
    for text in outlets.values():  # newest first, as the corpus orders them
        slugs = [b.slug for b in corpus.briefs if f"(../briefs/{b.slug}.md)" in text]
        positions = [text.index(f"(../briefs/{slug}.md)") for slug in slugs]
        assert positions == sorted(positions)
