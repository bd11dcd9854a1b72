"""Stage 4: every declared page kind (pages/) turns the corpus into files: Markdown pages, feeds and open data.

Pure: the plan is data (each page's path, kind and inputs) and a page's text depends on its inputs, the site and
the templates alone. The build decides what to render again and where (build.py).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from ..model import Corpus, SiteInfo
from ..pages import Page, page_kinds
from ..templating import make_environment


def plan(corpus: Corpus) -> list[Page]:
    """Every file to generate, from every declared page kind."""
    return [Page(path, kind, inputs) for kind in page_kinds() for path, inputs in kind.pages(corpus)]


def render_page(env: Environment, site: SiteInfo, page: Page) -> str:
    """One page's text, from its inputs alone."""
    kind = page.kind
    context = kind.context(page.inputs, site, page.path)
    if kind.template is None:
        assert kind.make is not None, f"page kind {kind.name!r} declares neither a template nor make()"
        return kind.make(context, site)
    return env.get_template(kind.template).render(here=page.path, site=site, **context)


def render_site(corpus: Corpus, overrides: Path | None = None, site: SiteInfo | None = None) -> dict[str, str]:
    """Every generated file: its path under the docs folder -> text."""
    env, site = make_environment(overrides), site or SiteInfo()
    return {page.path: render_page(env, site, page) for page in sorted(plan(corpus), key=lambda p: p.path)}
