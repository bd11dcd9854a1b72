"""Stage 4: every declared page kind (pages/) turns the corpus into files: Markdown pages, feeds and open data.

Pure: the plan is data (each page's path, kind and inputs) and a page's text depends on its inputs, the site and
the templates alone. The build decides what to render again and where (build.py).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment

from ..model import Corpus, SiteInfo
from ..pages import Page, page_kinds
from ..pages.kind import Part
from ..templating import make_environment


def plan(corpus: Corpus, review: bool = False) -> list[Page]:
    """Every file to generate, from every declared page kind; the review pages only for a preview (`review`)."""
    kinds = [kind for kind in page_kinds() if review or not kind.review]
    return [Page(path, kind, inputs) for kind in kinds for path, inputs in kind.pages(corpus)]


def parts(page: Page) -> list[Part]:
    """The pieces of a page made on their own (none for most kinds)."""
    return list(page.kind.parts(page.inputs, page.path)) if page.kind.parts else []


def render_part(env: Environment, site: SiteInfo, page: Page, part: Part) -> Any:
    return part.make(env, site, page.path, *part.args)


def render_page(env: Environment, site: SiteInfo, page: Page, made: Mapping[Hashable, Any] | None = None) -> str:
    """One page's text, from its inputs alone; `made` holds its parts when the caller made them already."""
    kind = page.kind
    context = kind.context(page.inputs, site, page.path)
    if kind.parts:
        context["parts"] = made if made is not None else {p.key: render_part(env, site, page, p) for p in parts(page)}
    if kind.template is None:
        assert kind.make is not None, f"page kind {kind.name!r} declares neither a template nor make()"
        return kind.make(context, site)
    return env.get_template(kind.template).render(here=page.path, site=site, **context)


def render_site(corpus: Corpus, overrides: Path | None = None, site: SiteInfo | None = None) -> dict[str, str]:
    """Every generated file: its path under the docs folder -> text."""
    env, site = make_environment(overrides), site or SiteInfo()
    return {page.path: render_page(env, site, page) for page in sorted(plan(corpus, site.review), key=lambda p: p.path)}
