"""What a page kind declares: the pages it makes (each with its path and the model data it reads), the context its
template gets, and the template. The render stage loops over every declared kind; the build caches each page by
its declared inputs, so a template that starts to show a new field cannot leave a stale page behind.

A page that shows every brief (the archive, the open data, the figures page) declares `parts`: one piece per brief
or metric, each with the arguments its text depends on. A preview server's build keeps each part by its arguments,
so an edit to one annotation re-renders one row, not a thousand.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from ..model import Corpus, SiteInfo

Inputs = Mapping[str, Any]  # the model data one page reads: compared with == to decide whether to render again


def _inputs_as_context(inputs: Inputs, site: SiteInfo, path: str) -> dict[str, Any]:
    return dict(inputs)


@dataclass(frozen=True)
class Part:
    """One piece of a page, made on its own: `make(env, site, here, *args)`; `args` hold everything it depends on
    besides the site, the page's path and the templates (compared with == to decide whether to make it again)."""

    key: Hashable  # unique within its page: a brief's slug, a metric
    args: tuple[Any, ...]
    make: Callable[..., Any]


def macro(name: str) -> Callable[..., Any]:
    """A part made by a macro of _macros.md.j2, called with the part's args and the page's path."""

    def make(env: Environment, site: SiteInfo, here: str, *args: Any) -> Any:
        return Markup(getattr(env.get_template(MACROS).module, name)(*args, here))

    return make


MACROS = "_macros.md.j2"


@dataclass(frozen=True)
class PageKind:
    """One kind of generated file.

    `pages(corpus)` yields (path, inputs) for each file of this kind; `inputs` must hold everything the file's
    text depends on besides the site settings and the templates. `context(inputs, site, path)` derives what the
    template shows from the inputs alone. With a `template`, the text is that template rendered with the context
    (plus `here`, the page's own path, and `site`); without one, `make(context, site)` returns it (feeds, data).
    With `parts(inputs, path)`, the context also holds `parts`: each part's key -> what it made. A `review` kind's
    pages are made only for a preview server's site (`SiteInfo.review`), never for a published one."""

    name: str
    pages: Callable[[Corpus], Iterable[tuple[str, Inputs]]]
    template: str | None = None
    context: Callable[[Inputs, SiteInfo, str], dict[str, Any]] = _inputs_as_context
    make: Callable[[dict[str, Any], SiteInfo], str] | None = None
    parts: Callable[[Inputs, str], Iterable[Part]] | None = None
    review: bool = False


@dataclass(frozen=True)
class Page:
    """One file to generate: its path under the docs folder, its kind, and the inputs its text depends on."""

    path: str
    kind: PageKind
    inputs: Inputs


def single(path: str, inputs: Callable[[Corpus], Inputs]) -> Callable[[Corpus], Iterable[tuple[str, Inputs]]]:
    """`pages` for a kind with one page (the home page, the figures page, a feed)."""
    return lambda corpus: [(path, inputs(corpus))]


def whole_corpus(corpus: Corpus) -> Inputs:
    """The inputs of a file that shows a little of everything (feeds, open data): the corpus itself."""
    return {"corpus": corpus}
