"""What a page kind declares: the pages it makes (each with its path and the model data it reads), the context its
template gets, and the template. The render stage loops over every declared kind; the build caches each page by
its declared inputs, so a template that starts to show a new field cannot leave a stale page behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..model import Corpus, SiteInfo

Inputs = Mapping[str, Any]  # the model data one page reads: compared with == to decide whether to render again


def _inputs_as_context(inputs: Inputs, site: SiteInfo, path: str) -> dict[str, Any]:
    return dict(inputs)


@dataclass(frozen=True)
class PageKind:
    """One kind of generated file.

    `pages(corpus)` yields (path, inputs) for each file of this kind; `inputs` must hold everything the file's
    text depends on besides the site settings and the templates. `context(inputs, site, path)` derives what the
    template shows from the inputs alone. With a `template`, the text is that template rendered with the context
    (plus `here`, the page's own path, and `site`); without one, `make(context, site)` returns it (feeds, data)."""

    name: str
    pages: Callable[[Corpus], Iterable[tuple[str, Inputs]]]
    template: str | None = None
    context: Callable[[Inputs, SiteInfo, str], dict[str, Any]] = _inputs_as_context
    make: Callable[[dict[str, Any], SiteInfo], str] | None = None


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
